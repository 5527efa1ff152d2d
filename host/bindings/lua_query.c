/*
** lua_query.c: CQP queries from Lua (C:query, C:query_count) and the hit-set operations that loop
** over hits (Hits:sort, group, union, intersect, minus, tabulate, targets). The query text is
** compiled by the Lua module lector.query.compile into a plan table; this file turns that table
** into a lector_qplan (the strings stay owned by the table, which stays on the stack while the
** query runs) and hands it to lector_query_run (query.c).
*/
#include <stdlib.h>
#include <string.h>

#include "lua_aux.h"

static lb_hits *check_hits(lua_State *L, int idx) { return luaL_checkudata(L, idx, LB_HITS); }

/* ------------------------------------------------------------------ plan tables */

static int op_code(const char *s, const char *const *names) {
  for (int i = 0; names[i]; i++)
    if (strcmp(s, names[i]) == 0) return i;
  return -1;
}

static const char *const node_ops[] = { "any", "word", "not", "and", "or", "meta", "cmp", "none", NULL };
static const char *const instr_ops[] = { "tok", "split", "jmp", "open", "close", "label", "match", NULL };
static const char *const regions[] = { "doc", "p", "s", "turn", NULL };

/* The keys of the options of C:query and C:query_count, and of hits:tabulate. */
static const lb_opt query_opts[] = { LB_SCOPE_OPTS, {"timeout", LB_NUMBER}, {NULL, 0} };
static const lb_opt tabulate_opts[] = { {"width", LB_INTEGER}, {"limit", LB_INTEGER}, {NULL, 0} };

static lua_Integer int_field(lua_State *L, int t, const char *k, lua_Integer dflt) {
  lua_getfield(L, t, k);
  lua_Integer v = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : dflt;
  lua_pop(L, 1);
  return v;
}

/* A string field; the string stays alive in the table at t. */
static const char *str_field(lua_State *L, int t, const char *k) {
  lua_getfield(L, t, k);
  const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  lua_pop(L, 1);
  return s;
}

/* A region kind: a built-in one by name, an imported element's (a structural attribute of the
** corpus c), or a number as given. */
static int region_of(lua_State *L, lector_corpus *c, int t, const char *k) {
  lua_getfield(L, t, k);
  int r = (int)lua_tointeger(L, -1);
  if (lua_type(L, -1) == LUA_TSTRING) {      /* "s", or "@name" for an imported element */
    const char *name = lua_tostring(L, -1);
    r = name[0] == '@' ? (lector_sattr_index(c, name + 1) >= 0 ? LECTOR_REGION_ATTR + lector_sattr_index(c, name + 1) : -1)
                       : op_code(name, regions);
  }
  lua_pop(L, 1);
  return r;
}

typedef struct plan_mem {
  lector_qplan p;
  lector_qnode *nodes;
  lector_qinstr *prog;
  lector_qanchor *anchors;
} plan_mem;

static void plan_free(plan_mem *m) { free(m->nodes); free(m->prog); free(m->anchors); }

/* Reads the plan table at idx into m; raises on a malformed plan (a bug of the compiler). */
static void plan_read(lua_State *L, lector_corpus *c, int idx, plan_mem *m) {
  memset(m, 0, sizeof *m);
  lua_getfield(L, idx, "nodes");
  lua_getfield(L, idx, "prog");
  lua_getfield(L, idx, "anchors");
  int tn = lua_gettop(L) - 2, tp = tn + 1, ta = tn + 2;
  size_t nn = lua_rawlen(L, tn), np = lua_rawlen(L, tp), na = lua_rawlen(L, ta);
  m->nodes = calloc(nn + 1, sizeof *m->nodes);
  m->prog = calloc(np + 1, sizeof *m->prog);
  m->anchors = calloc(na + 1, sizeof *m->anchors);
  if (!m->nodes || !m->prog || !m->anchors) { plan_free(m); luaL_error(L, "query: out of memory"); }
  for (size_t i = 0; i < nn; i++) {
    lua_rawgeti(L, tn, (lua_Integer)i + 1);
    int t = lua_gettop(L);
    const char *op = str_field(L, t, "op");
    lector_qnode *n = &m->nodes[i];
    n->op = op ? op_code(op, node_ops) : -1;
    n->a = (int)int_field(L, t, "a", -1);
    n->b = (int)int_field(L, t, "b", -1);
    n->key = str_field(L, t, "key");
    n->re = str_field(L, t, "re");
    n->flags = (int)int_field(L, t, "flags", 0);
    lua_pop(L, 1);
  }
  for (size_t i = 0; i < np; i++) {
    lua_rawgeti(L, tp, (lua_Integer)i + 1);
    int t = lua_gettop(L);
    const char *op = str_field(L, t, "op");
    lector_qinstr *in = &m->prog[i];
    in->op = op ? op_code(op, instr_ops) : -1;
    in->a = (in->op == LECTOR_QI_OPEN || in->op == LECTOR_QI_CLOSE) ? region_of(L, c, t, "a") : (int)int_field(L, t, "a", -1);
    in->b = (int)int_field(L, t, "b", -1);
    lua_pop(L, 1);
  }
  for (size_t i = 0; i < na; i++) {
    lua_rawgeti(L, ta, (lua_Integer)i + 1);
    int t = lua_gettop(L);
    m->anchors[i].group = (int)int_field(L, t, "group", -1);
    m->anchors[i].test = (int)int_field(L, t, "test", -1);
    m->anchors[i].minoff = (uint32_t)int_field(L, t, "minoff", 0);
    m->anchors[i].maxoff = (uint32_t)int_field(L, t, "maxoff", 0);
    lua_pop(L, 1);
  }
  lua_pop(L, 3);
  m->p.nodes = m->nodes; m->p.nnodes = nn;
  m->p.prog = m->prog; m->p.nprog = np;
  m->p.anchors = m->anchors; m->p.nanchors = na;
  m->p.ngroups = (int)int_field(L, idx, "ngroups", 0);
  m->p.cond = (int)int_field(L, idx, "cond", -1);
  m->p.within = region_of(L, c, idx, "within");
  m->p.within_n = (uint32_t)int_field(L, idx, "within_n", 0);
  m->p.nlabels = (int)int_field(L, idx, "nlabels", 0);
  m->p.target = (int)int_field(L, idx, "target", -1);
}

/* Compiles the query at index q: pushes the plan, or returns 0 with nil and the message pushed. */
static int compile(lua_State *L, int q) {
  lua_getglobal(L, "require");
  lua_pushliteral(L, "lector.query.compile");
  lua_call(L, 1, 1);
  lua_getfield(L, -1, "compile");
  lua_remove(L, -2);
  lua_pushvalue(L, q);
  lua_getfield(L, 1, "attributes");    /* the corpus's own attributes, for the compiler */
  lua_pushvalue(L, 1);
  lua_call(L, 1, 1);
  lua_call(L, 2, 2);
  if (lua_isnil(L, -2)) return 0;
  lua_pop(L, 1);
  return 1;
}

/* Runs query (arg 2) with options (arg 3) on the corpus (arg 1); h NULL counts. Leaves the
** plan on the stack. Returns the count, or -1 with nil and the message pushed (a syntax error,
** a bad regex); *msg gets the message of a guard that stopped the query (or NULL). */
static int64_t run(lua_State *L, lector_hits *h, char *stop, size_t stoplen, const char *fname) {
  lector_corpus *c = lb_check_corpus(L, 1);
  luaL_checkstring(L, 2);
  int opts = lua_isnoneornil(L, 3) ? 0 : 3;
  lector_qopts o;
  lector_qopts_init(&o);
  uint8_t *docs;
  lb_check_opts(L, 3, fname, query_opts);
  lb_scope_from_opts(L, opts, 1, &o.scope, &docs);
  o.scope.limit = 0;                     /* the limit of a query is its guard, with a message */
  if (opts) {
    lua_Integer lim = int_field(L, opts, "limit", -1);
    if (lim >= 0) o.max_hits = (uint64_t)lim;
    lua_getfield(L, opts, "timeout");
    if (!lua_isnil(L, -1)) o.timeout = luaL_checknumber(L, -1);
    lua_pop(L, 1);
  }
  if (!compile(L, 2)) { free(docs); return -1; }
  plan_mem m;
  plan_read(L, c, lua_gettop(L), &m);
  int stopped = 0;
  char err[512];
  int64_t n = lector_query_run(c, &m.p, &o, h, &stopped, err, sizeof err);
  plan_free(&m);
  free(docs);
  stop[0] = 0;
  if (n < 0) {
    lua_pushnil(L);
    lua_pushstring(L, err);
    return -1;
  }
  if (stopped) snprintf(stop, stoplen, "%s", err);
  return n;
}

/* C:query(q [, opts]) -> Hits [, message] | nil, message */
static int corpus_query(lua_State *L) {
  lector_hits h;
  lector_hits_init(&h);
  char stop[512];
  if (run(L, &h, stop, sizeof stop, "C:query") < 0) { lector_hits_free(&h); return 2; }
  lb_push_hits(L, 1, &h);
  if (!stop[0]) return 1;
  lua_pushstring(L, stop);
  return 2;
}

/* C:query_count(q [, opts]) -> n [, message] | nil, message */
static int corpus_query_count(lua_State *L) {
  char stop[512];
  int64_t n = run(L, NULL, stop, sizeof stop, "C:query_count");
  if (n < 0) return 2;
  lua_pushinteger(L, (lua_Integer)n);
  if (!stop[0]) return 1;
  lua_pushstring(L, stop);
  return 2;
}

/* ------------------------------------------------------------------ hit sets */

/* A new hit set on the corpus of the hit set at idx, from n matches (targets may be NULL). */
static void push_like(lua_State *L, int idx, const uint32_t *s, const uint32_t *e, const uint32_t *t, size_t n) {
  lector_hits h;
  lector_hits_init(&h);
  for (size_t i = 0; i < n; i++) {
    int rc = t ? lector_hits_push_target(&h, s[i], e[i], t[i]) : lector_hits_push(&h, s[i], e[i]);
    if (rc) { lector_hits_free(&h); luaL_error(L, "out of memory"); }
  }
  lua_getiuservalue(L, idx, 1);
  lb_push_hits(L, -1, &h);
  lua_remove(L, -2);
}

static void push_order(lua_State *L, int idx, const size_t *ord, size_t n) {
  const lector_hits *h = &check_hits(L, idx)->h;
  uint32_t *s = malloc((n + 1) * sizeof *s), *e = malloc((n + 1) * sizeof *e);
  uint32_t *t = h->target ? malloc((n + 1) * sizeof *t) : NULL;
  if (!s || !e || (h->target && !t)) { free(s); free(e); free(t); luaL_error(L, "out of memory"); }
  for (size_t i = 0; i < n; i++) {
    s[i] = h->start[ord[i]];
    e[i] = h->end[ord[i]];
    if (t) t[i] = h->target[ord[i]];
  }
  push_like(L, idx, s, e, t, n);
  free(s); free(e); free(t);
}

/* Sorting: keys compare token by token, forms without regard to ASCII case. */
typedef struct sort_ctx {
  lua_State *L;
  lector_corpus *c;
  const lector_hits *h;
  int by;                    /* 0 match, 1 left, 2 right, 3 function */
  int fn, corpus;            /* stack slots for by == 3 */
} sort_ctx;

static int form_cmp(lector_corpus *c, uint32_t a, uint32_t b) {
  size_t la, lb;
  const char *fa = lector_type_form(c, lector_token_type(c, a), &la);
  const char *fb = lector_type_form(c, lector_token_type(c, b), &lb);
  for (size_t i = 0; i < la && i < lb; i++) {
    int x = (unsigned char)fa[i], y = (unsigned char)fb[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return x < y ? -1 : 1;
  }
  return la < lb ? -1 : la > lb;
}

/* Compares up to 12 tokens walking from a and b by step (+1 or -1), inside the documents da
** and db and not past a_end, b_end (forward walks over a match); running out sorts first. */
static int walk_cmp(lector_corpus *c, int64_t a, int64_t b, int step, uint32_t da, uint32_t db,
                    int64_t a_end, int64_t b_end) {
  lector_doc xa, xb;
  lector_doc_get(c, da, &xa);
  lector_doc_get(c, db, &xb);
  for (int k = 0; k < 12; k++) {
    int64_t x = a + step * k, y = b + step * k;
    int xin = x >= xa.first && x < (int64_t)xa.first + xa.ntokens && x <= a_end;
    int yin = y >= xb.first && y < (int64_t)xb.first + xb.ntokens && y <= b_end;
    if (!xin || !yin) return xin - yin;
    int r = form_cmp(c, (uint32_t)x, (uint32_t)y);
    if (r) return r;
  }
  return 0;
}

static int hit_cmp(sort_ctx *x, size_t i, size_t j) {
  const lector_hits *h = x->h;
  lector_corpus *c = x->c;
  int r = 0;
  if (x->by == 3) {
    lua_State *L = x->L;
    lua_pushvalue(L, x->fn);
    for (int k = 0; k < 2; k++) {
      size_t at = k ? j : i;
      lb_push_doc(L, x->corpus, lector_doc_at(c, h->start[at]));
      lb_push_hit(L, -1, h->start[at], h->end[at]);
      lua_remove(L, -2);
    }
    lua_call(L, 2, 1);
    int before = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return before ? -1 : 0;
  }
  uint32_t di = lector_doc_at(c, h->start[i]), dj = lector_doc_at(c, h->start[j]);
  int64_t none = INT64_MAX;
  if (x->by == 1) r = walk_cmp(c, (int64_t)h->start[i] - 1, (int64_t)h->start[j] - 1, -1, di, dj, none, none);
  else if (x->by == 2) r = walk_cmp(c, (int64_t)h->end[i] + 1, (int64_t)h->end[j] + 1, 1, di, dj, none, none);
  if (r == 0) r = walk_cmp(c, h->start[i], h->start[j], 1, di, dj, h->end[i], h->end[j]);
  if (r == 0) r = h->start[i] < h->start[j] ? -1 : h->start[i] > h->start[j];
  return r;
}

/* A stable merge sort of ord[0..n) (a comparator may be a Lua function: no qsort). */
static void merge_sort(sort_ctx *x, size_t *ord, size_t *tmp, size_t n) {
  if (n < 2) return;
  size_t m = n / 2;
  merge_sort(x, ord, tmp, m);
  merge_sort(x, ord + m, tmp, n - m);
  size_t i = 0, j = m, k = 0;
  while (i < m && j < n) {
    if (hit_cmp(x, ord[j], ord[i]) < 0) tmp[k++] = ord[j++];
    else tmp[k++] = ord[i++];
  }
  while (i < m) tmp[k++] = ord[i++];
  while (j < n) tmp[k++] = ord[j++];
  memcpy(ord, tmp, n * sizeof *ord);
}

/* hits:sort([by]) -> Hits: by "match" (default), "left", "right" or a function(a, b) -> a first */
static int hits_sort(lua_State *L) {
  lb_hits *u = check_hits(L, 1);
  sort_ctx x = { L, NULL, &u->h, 0, 2, 0 };
  lua_settop(L, 2);
  if (lua_isfunction(L, 2)) x.by = 3;
  else {
    static const char *const bys[] = { "match", "left", "right", NULL };
    x.by = luaL_checkoption(L, 2, "match", bys);
  }
  lua_getiuservalue(L, 1, 1);
  x.corpus = lua_gettop(L);
  x.c = lb_check_corpus(L, x.corpus);
  size_t n = u->h.n;
  size_t *ord = malloc((n + 1) * sizeof *ord), *tmp = malloc((n + 1) * sizeof *tmp);
  if (!ord || !tmp) { free(ord); free(tmp); return luaL_error(L, "sort: out of memory"); }
  for (size_t i = 0; i < n; i++) ord[i] = i;
  /* a comparator that raises would leak ord and tmp: keep them in a userdata instead */
  size_t *keep = lua_newuserdatauv(L, 2 * (n + 1) * sizeof *keep, 0);
  memcpy(keep, ord, (n + 1) * sizeof *ord);
  free(ord); free(tmp);
  ord = keep;
  tmp = keep + n + 1;
  merge_sort(&x, ord, tmp, n);
  push_order(L, 1, ord, n);
  return 1;
}

/* Corpus order of the hits of u: an index array sorted by (start, end). */
static size_t *corpus_order(lua_State *L, const lector_hits *h) {
  size_t *ord = lua_newuserdatauv(L, (h->n + 1) * sizeof *ord, 0);
  for (size_t i = 0; i < h->n; i++) ord[i] = i;
  /* insertion into runs is enough for already ordered sets; general case: a merge sort */
  size_t *tmp = lua_newuserdatauv(L, (h->n + 1) * sizeof *tmp, 0);
  size_t w = 1;
  for (; w < h->n; w *= 2) {
    for (size_t lo = 0; lo + w < h->n; lo += 2 * w) {
      size_t mid = lo + w, hi = lo + 2 * w < h->n ? lo + 2 * w : h->n, i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        size_t a = ord[i], b = ord[j];
        int less = h->start[b] < h->start[a] || (h->start[b] == h->start[a] && h->end[b] < h->end[a]);
        tmp[k++] = less ? ord[j++] : ord[i++];
      }
      while (i < mid) tmp[k++] = ord[i++];
      while (j < hi) tmp[k++] = ord[j++];
      memcpy(ord + lo, tmp + lo, (hi - lo) * sizeof *ord);
    }
  }
  lua_pop(L, 1);
  return ord;
}

/* union (0), intersect (1), minus (2) of the hit sets 1 and 2, in corpus order */
static int set_op(lua_State *L, int op) {
  const lector_hits *a = &check_hits(L, 1)->h, *b = &check_hits(L, 2)->h;
  lua_getiuservalue(L, 1, 1);
  lua_getiuservalue(L, 2, 1);
  if (!lua_rawequal(L, -1, -2)) return luaL_error(L, "the two hit sets come from different corpora");
  lua_pop(L, 2);
  size_t *oa = corpus_order(L, a), *ob = corpus_order(L, b);
  size_t n = a->n + b->n + 1;
  uint32_t *s = lua_newuserdatauv(L, 3 * n * sizeof *s, 0), *e = s + n, *t = s + 2 * n;
  size_t i = 0, j = 0, k = 0;
  int targets = a->target || b->target;
  while (i < a->n || j < b->n) {
    int c;
    if (i == a->n) c = 1;
    else if (j == b->n) c = -1;
    else {
      uint32_t sa = a->start[oa[i]], sb = b->start[ob[j]], ea = a->end[oa[i]], eb = b->end[ob[j]];
      c = sa != sb ? (sa < sb ? -1 : 1) : ea != eb ? (ea < eb ? -1 : 1) : 0;
    }
    const lector_hits *from = c <= 0 ? a : b;
    size_t at = c <= 0 ? oa[i] : ob[j];
    int keep = op == 0 || (op == 1 && c == 0) || (op == 2 && c < 0);
    if (keep && (k == 0 || s[k - 1] != from->start[at] || e[k - 1] != from->end[at])) {
      s[k] = from->start[at];
      e[k] = from->end[at];
      t[k] = from->target ? from->target[at] : LECTOR_NO_TARGET;
      k++;
    }
    if (c <= 0) i++;
    if (c >= 0) j++;
  }
  push_like(L, 1, s, e, targets ? t : NULL, k);
  return 1;
}

static int hits_union(lua_State *L) { return set_op(L, 0); }
static int hits_intersect(lua_State *L) { return set_op(L, 1); }
static int hits_minus(lua_State *L) { return set_op(L, 2); }

/* hits:targets() -> list of the @ target positions (false where a hit has none) */
static int hits_targets(lua_State *L) {
  const lector_hits *h = &check_hits(L, 1)->h;
  lua_createtable(L, (int)h->n, 0);
  for (size_t i = 0; i < h->n; i++) {
    if (h->target && h->target[i] != LECTOR_NO_TARGET) lua_pushinteger(L, h->target[i]);
    else lua_pushboolean(L, 0);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* hits:group(field) -> list of {value=, count=, hits=}, the biggest group first */
static int hits_group(lua_State *L) {
  const lector_hits *h = &check_hits(L, 1)->h;
  const char *field = luaL_checkstring(L, 2);
  lua_settop(L, 2);
  lua_getiuservalue(L, 1, 1);            /* 3: corpus */
  lector_corpus *c = lb_check_corpus(L, 3);
  lua_newtable(L);                       /* 4: value -> group number */
  lua_newtable(L);                       /* 5: group number -> list of hit indexes */
  lua_newtable(L);                       /* 6: group number -> value */
  lua_Integer ngroups = 0;
  for (size_t i = 0; i < h->n; i++) {
    lb_push_hit_key(L, 3, c, h->start[i], h->end[i], field);
    lua_pushvalue(L, -1);
    lua_rawget(L, 4);
    lua_Integer g = lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (!g) {
      g = ++ngroups;
      lua_pushvalue(L, -1);
      lua_pushinteger(L, g);
      lua_rawset(L, 4);
      lua_pushvalue(L, -1);
      lua_rawseti(L, 6, g);
      lua_newtable(L);
      lua_rawseti(L, 5, g);
    }
    lua_pop(L, 1);
    lua_rawgeti(L, 5, g);
    lua_pushinteger(L, (lua_Integer)i);
    lua_rawseti(L, -2, (lua_Integer)luaL_len(L, -2) + 1);
    lua_pop(L, 1);
  }
  lua_createtable(L, (int)ngroups, 0);   /* 7: the result */
  for (lua_Integer g = 1; g <= ngroups; g++) {
    lua_rawgeti(L, 5, g);
    size_t n = (size_t)luaL_len(L, -1);
    size_t *ord = lua_newuserdatauv(L, (n + 1) * sizeof *ord, 0);
    for (size_t k = 0; k < n; k++) {
      lua_rawgeti(L, -2, (lua_Integer)k + 1);
      ord[k] = (size_t)lua_tointeger(L, -1);
      lua_pop(L, 1);
    }
    lua_createtable(L, 0, 3);
    lua_rawgeti(L, 6, g);
    lua_setfield(L, -2, "value");
    lua_pushinteger(L, (lua_Integer)n);
    lua_setfield(L, -2, "count");
    push_order(L, 1, ord, n);
    lua_setfield(L, -2, "hits");
    lua_rawseti(L, 7, g);
    lua_pop(L, 2);
  }
  /* the biggest first; equal counts by value */
  lua_getglobal(L, "table");
  lua_getfield(L, -1, "sort");
  lua_pushvalue(L, 7);
  luaL_loadstring(L, "local a, b = ... if a.count ~= b.count then return a.count > b.count end "
                     "return tostring(a.value) < tostring(b.value)");
  lua_call(L, 2, 0);
  lua_settop(L, 7);
  return 1;
}

/* hits:tabulate([opts]) -> list of rows {doc, start, stop, byte_start, byte_end, match, left,
** right, target, and the match's values of each positional attribute: lemma, pos ...};
** opts.width: context tokens (8), opts.limit: rows */
static int hits_tabulate(lua_State *L) {
  const lector_hits *h = &check_hits(L, 1)->h;
  int width = 8;
  lua_Integer limit = (lua_Integer)h->n;
  if (!lua_isnoneornil(L, 2)) {
    lb_check_opts(L, 2, "hits:tabulate", tabulate_opts);
    width = (int)int_field(L, 2, "width", 8);
    limit = int_field(L, 2, "limit", limit);
  }
  luaL_argcheck(L, width >= 0, 2, "width must be >= 0");
  if (limit < 0) limit = 0;
  if (limit > (lua_Integer)h->n) limit = (lua_Integer)h->n;
  lua_settop(L, 1);
  lua_getiuservalue(L, 1, 1);            /* 2: corpus */
  lector_corpus *c = lb_check_corpus(L, 2);
  lua_pushnil(L);                        /* 3: the document of the last row */
  lua_createtable(L, (int)limit, 0);     /* 4: rows */
  uint32_t last = UINT32_MAX;
  for (lua_Integer i = 0; i < limit; i++) {
    uint32_t s = h->start[i], e = h->end[i], d = lector_doc_at(c, s);
    if (d != last) { lb_push_doc(L, 2, d); lua_replace(L, 3); last = d; }
    lb_push_hit(L, 3, s, e);             /* the row starts as a hit: doc, start, stop, bytes */
    int row = lua_gettop(L);
    lb_hit_bytes(L, row);
    lua_pushnil(L);
    lua_setmetatable(L, row);
    lua_getfield(L, 3, "name");
    lua_setfield(L, row, "doc");
    lb_push_kwic(L, 3, s, e, width);
    lua_setfield(L, row, "right");
    lua_setfield(L, row, "match");
    lua_setfield(L, row, "left");
    if (h->target && h->target[i] != LECTOR_NO_TARGET) {
      lua_pushinteger(L, h->target[i]);
      lua_setfield(L, row, "target");
    }
    for (size_t a = 0; a < lector_pattr_count(c); a++) {     /* the match's lemma, pos, ... */
      lb_push_hit_key(L, 2, c, s, e, lector_pattr_name(c, a));
      lua_setfield(L, row, lector_pattr_name(c, a));
    }
    lua_rawseti(L, 4, i + 1);
  }
  lua_settop(L, 4);
  return 1;
}

static const luaL_Reg corpus_fns[] = {
  {"query", corpus_query},
  {"query_count", corpus_query_count},
  {NULL, NULL}
};

static const luaL_Reg hits_fns[] = {
  {"sort", hits_sort},
  {"group", hits_group},
  {"union", hits_union},
  {"intersect", hits_intersect},
  {"minus", hits_minus},
  {"targets", hits_targets},
  {"tabulate", hits_tabulate},
  {NULL, NULL}
};

/* Adds the query methods to Corpus and Hits (after lb_open_corpus and lb_open_hits). */
int lb_open_query(lua_State *L) {
  lb_add_methods(L, LB_CORPUS, corpus_fns, "Corpus:");
  lb_add_methods(L, LB_HITS, hits_fns, "Hits:");
  return 0;
}
