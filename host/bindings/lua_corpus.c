/*
** lua_corpus.c: the Corpus object of the Lua API (userdata "lector.Corpus").
** A corpus counts and finds words and phrases, lists its documents and tells its size. It may be
** lazy (the host's global `corpus`): the folder is opened at the first question, so a script that
** never asks pays nothing. See doc/api.md for every function with an example.
*/
#include <stdlib.h>
#include <string.h>

#include "lua_aux.h"

/* ------------------------------------------------------------------ life */

static int corpus_close(lua_State *L) {
  lb_corpus *cu = luaL_checkudata(L, 1, LB_CORPUS);
  if (cu->subset || cu->borrowed) return 0;   /* it owns nothing to close */
  lector_close(cu->c);
  cu->c = NULL;
  cu->closed = 1;
  return 0;
}

static int corpus_gc(lua_State *L) {
  lb_corpus *cu = luaL_checkudata(L, 1, LB_CORPUS);
  if (!cu->borrowed) lector_close(cu->c);
  cu->c = NULL;
  free(cu->path);
  cu->path = NULL;
  free(cu->subset);
  cu->subset = NULL;
  for (size_t i = 0; i < sizeof cu->strings / sizeof *cu->strings; i++) {
    free(cu->strings[i]);
    cu->strings[i] = NULL;
  }
  return 0;
}

/* The keys of lector.open's options: another one is an error, not ignored. */
static const lb_opt open_opts[] = { {"threads", LB_INTEGER}, {"store", LB_BOOLEAN}, {"rebuild", LB_BOOLEAN},
  {"check", LB_BOOLEAN}, {"verify", LB_BOOLEAN}, {"annotate", LB_BOOLEAN}, {"attributes", LB_STRING},
  {"text_field", LB_STRING}, {"name_fields", LB_STRING}, {"name_sep", LB_STRING}, {"name_pattern", LB_STRING},
  {"verbose", LB_BOOLEAN}, {"warn", LB_FUNCTION}, {"progress", LB_FUNCTION}, {NULL, 0} };

/* Reads the options table at idx (checked as fname's) into o, all but warn and progress (the caller
** keeps those as user values); the strings stay the table's. */
void lb_read_open_opts(lua_State *L, int idx, const char *fname, lector_options *o) {
  idx = lua_absindex(L, idx);
  lb_check_opts(L, idx, fname, open_opts);
  if (lua_getfield(L, idx, "threads") != LUA_TNIL) o->threads = (int)luaL_checkinteger(L, -1);
  if (lua_getfield(L, idx, "store") != LUA_TNIL) o->store = lua_toboolean(L, -1);
  if (lua_getfield(L, idx, "rebuild") != LUA_TNIL) o->rebuild = lua_toboolean(L, -1);
  if (lua_getfield(L, idx, "check") != LUA_TNIL) o->no_check = !lua_toboolean(L, -1);
  if (lua_getfield(L, idx, "verify") != LUA_TNIL) o->verify = lua_toboolean(L, -1);
  if (lua_getfield(L, idx, "annotate") != LUA_TNIL) o->annotate = lua_toboolean(L, -1) ? 1 : -1;
  if (lua_getfield(L, idx, "attributes") != LUA_TNIL) o->vrt_attributes = luaL_checkstring(L, -1);
  if (lua_getfield(L, idx, "text_field") != LUA_TNIL) o->text_field = luaL_checkstring(L, -1);
  if (lua_getfield(L, idx, "name_fields") != LUA_TNIL) o->name_fields = luaL_checkstring(L, -1);
  if (lua_getfield(L, idx, "name_sep") != LUA_TNIL) o->name_sep = luaL_checkstring(L, -1);
  if (lua_getfield(L, idx, "name_pattern") != LUA_TNIL) o->name_pattern = luaL_checkstring(L, -1);
  if (lua_getfield(L, idx, "verbose") != LUA_TNIL) o->verbose = lua_toboolean(L, -1);
  lua_pop(L, 12);
}

/* lector.open(path [, opts]) -> Corpus | nil, message */
static int l_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  lector_options o;
  lector_options_init(&o);
  if (!lua_isnoneornil(L, 2)) {
    lb_read_open_opts(L, 2, "lector.open", &o);
  }
  lb_corpus *cu = lb_corpus_new(L, path, &o);
  if (lua_istable(L, 2) && lua_getfield(L, 2, "warn") != LUA_TNIL) {
    luaL_argexpected(L, lua_isfunction(L, -1), 2, "a function as opts.warn");
    lua_setiuservalue(L, -2, LB_UV_WARN);
  } else if (lua_istable(L, 2)) {
    lua_pop(L, 1);
  }
  if (lua_istable(L, 2) && lua_getfield(L, 2, "progress") != LUA_TNIL) {
    luaL_argexpected(L, lua_isfunction(L, -1), 2, "a function as opts.progress");
    lua_setiuservalue(L, -2, LB_UV_PROGRESS);
  } else if (lua_istable(L, 2)) {
    lua_pop(L, 1);
  }
  char err[512];
  if (lb_corpus_open(L, -1, cu, err, sizeof err)) {
    luaL_pushfail(L);
    lua_pushfstring(L, "%s: %s", path, err);
    return 2;
  }
  return 1;
}

/* ------------------------------------------------------------------ facts */

static int corpus_len(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  lb_corpus *cu = lua_touserdata(L, 1);
  lua_pushinteger(L, cu->subset ? cu->nsubset : lector_ndocs(c));
  return 1;
}

static int corpus_tostring(lua_State *L) {
  lb_corpus *cu = luaL_checkudata(L, 1, LB_CORPUS);
  if (cu->subset) {
    lua_getiuservalue(L, 1, LB_UV_PARENT);
    lua_pushfstring(L, "%s, where %d documents", luaL_tolstring(L, -1, NULL), (int)cu->nsubset);
    return 1;
  }
  if (!cu->c) {
    lua_pushfstring(L, "corpus %s (%s)", cu->path, cu->closed ? "closed" : "not opened yet");
    return 1;
  }
  lua_pushfstring(L, "corpus %s: %d documents, %I tokens, %d types", cu->path,
                  (int)lector_ndocs(cu->c), (lua_Integer)lector_ntokens(cu->c), (int)lector_ntypes(cu->c));
  return 1;
}

/* C:info() -> table of facts */
static int corpus_info(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  lector_info in;
  lector_get_info(c, &in);
  lua_createtable(L, 0, 12);
  lua_pushstring(L, lector_root(c)); lua_setfield(L, -2, "root");
  lua_pushstring(L, lector_corpus_lang(c)); lua_setfield(L, -2, "lang");
  lua_pushinteger(L, lector_ndocs(c)); lua_setfield(L, -2, "documents");
  lua_pushinteger(L, lector_nfiles(c)); lua_setfield(L, -2, "files");
  lua_pushinteger(L, in.files_skipped); lua_setfield(L, -2, "files_skipped");
  lua_pushinteger(L, in.warnings); lua_setfield(L, -2, "warnings");
  lua_createtable(L, (int)lector_nskipped(c), 0);            /* the files not read, and why */
  for (uint32_t i = 0; i < lector_nskipped(c); i++) {
    const char *file, *reason;
    lector_skipped(c, i, &file, &reason);
    lua_createtable(L, 0, 2);
    lua_pushstring(L, file); lua_setfield(L, -2, "file");
    lua_pushstring(L, reason); lua_setfield(L, -2, "reason");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "skipped");
  lua_pushinteger(L, (lua_Integer)lector_ntokens(c)); lua_setfield(L, -2, "tokens");
  lua_pushinteger(L, lector_ntypes(c)); lua_setfield(L, -2, "types");
  lua_pushinteger(L, lector_region_count(c, LECTOR_REGION_SENTENCE)); lua_setfield(L, -2, "sentences");
  lua_pushinteger(L, lector_region_count(c, LECTOR_REGION_PARAGRAPH)); lua_setfield(L, -2, "paragraphs");
  lua_pushinteger(L, lector_region_count(c, LECTOR_REGION_TURN)); lua_setfield(L, -2, "turns");
  lua_pushinteger(L, (lua_Integer)in.text_bytes); lua_setfield(L, -2, "text_bytes");
  lua_pushinteger(L, (lua_Integer)in.index_bytes); lua_setfield(L, -2, "index_bytes");
  lua_pushnumber(L, in.build_seconds); lua_setfield(L, -2, "build_seconds");
  lua_pushnumber(L, in.open_seconds); lua_setfield(L, -2, "open_seconds");
  lua_pushboolean(L, in.from_store); lua_setfield(L, -2, "from_store");
  if (in.store_path) { lua_pushstring(L, in.store_path); lua_setfield(L, -2, "store"); }
  if (in.store_error) { lua_pushstring(L, in.store_error); lua_setfield(L, -2, "store_error"); }
  return 1;
}

/* ------------------------------------------------------------------ documents */

/* C:docs() -> iterator over Documents */
static int docs_iter(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, lua_upvalueindex(1));
  const uint8_t *keep = lb_corpus_subset(L, lua_upvalueindex(1));
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
  while (keep && i < (lua_Integer)lector_ndocs(c) && !keep[i]) i++;
  if (i >= (lua_Integer)lector_ndocs(c)) return 0;
  lua_pushinteger(L, i + 1);
  lua_replace(L, lua_upvalueindex(2));
  lb_push_doc(L, lua_upvalueindex(1), (uint32_t)i);
  return 1;
}

static int corpus_docs(lua_State *L) {
  lb_check_corpus(L, 1);
  lua_settop(L, 1);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, docs_iter, 2);
  return 1;
}

/* The id of the i-th document (from 1) that keep keeps, or -1. */
static int64_t nth_kept(const uint8_t *keep, uint32_t ndocs, lua_Integer i) {
  for (uint32_t d = 0; d < ndocs; d++)
    if (keep[d] && --i == 0) return d;
  return -1;
}

/* C:doc(i | name) -> Document | nil, message (in a subcorpus: its i-th, or one it keeps) */
static int corpus_doc(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  const uint8_t *keep = lb_corpus_subset(L, 1);
  int64_t id;
  if (lua_type(L, 2) == LUA_TNUMBER) {
    lua_Integer i = luaL_checkinteger(L, 2);
    if (keep) id = i >= 1 ? nth_kept(keep, lector_ndocs(c), i) : -1;
    else id = (i >= 1 && i <= (lua_Integer)lector_ndocs(c)) ? i - 1 : -1;
  } else {
    id = lector_doc_find(c, luaL_checkstring(L, 2));
    if (keep && id >= 0 && !keep[id]) id = -1;
  }
  if (id < 0) {
    const char *which = luaL_tolstring(L, 2, NULL);
    luaL_pushfail(L);
    lua_pushfstring(L, keep ? "no document %s in this subcorpus of %s" : "no document %s in %s", which,
                    lector_root(c));
    return 2;
  }
  lb_push_doc(L, 1, (uint32_t)id);
  return 1;
}

/* ------------------------------------------------------------------ counting and finding */

/* The options of C:count, C:hits, C:forms and C:hitset: the scope of the search. */
static const lb_opt scope_opts[] = { LB_SCOPE_OPTS, {NULL, 0} };

static int opt_bool(lua_State *L, int opts, const char *key, int dflt) {
  int r = dflt;
  if (opts && lua_getfield(L, opts, key) != LUA_TNIL) r = lua_toboolean(L, -1);
  if (opts) lua_pop(L, 1);
  return r;
}

/* Narrows the scope to the documents of the subcorpus at idx, if it is one. */
static void scope_to_subset(lua_State *L, int idx, lector_scope *s, uint8_t **docs) {
  const uint8_t *keep = lb_corpus_subset(L, idx);
  if (!keep) return;
  uint32_t n = lector_ndocs(lb_check_corpus(L, idx));
  if (!*docs) {
    *docs = malloc(n ? n : 1);
    if (!*docs) luaL_error(L, "out of memory");
    memcpy(*docs, keep, n);
  } else {
    for (uint32_t i = 0; i < n; i++) (*docs)[i] &= keep[i];
  }
  s->docs = *docs;
}

static void scope_from_opts(lua_State *L, int opts, int corpus, lector_scope *s, uint8_t **docs);

/* Reads the options common to count, hits and find. docs (freed by the caller) marks the
** documents kept by opts.docs (a Document, a name, a subcorpus, or a list of documents and
** names) and by the subcorpus the method was called on. */
void lb_scope_from_opts(lua_State *L, int opts, int corpus, lector_scope *s, uint8_t **docs) {
  corpus = lua_absindex(L, corpus);
  scope_from_opts(L, opts, corpus, s, docs);
  scope_to_subset(L, corpus, s, docs);
}

static void scope_from_opts(lua_State *L, int opts, int corpus, lector_scope *s, uint8_t **docs) {
  lector_corpus *c = lb_check_corpus(L, corpus);
  memset(s, 0, sizeof *s);
  *docs = NULL;
  if (opts && lua_isnoneornil(L, opts)) opts = 0;
  if (opts) luaL_checktype(L, opts, LUA_TTABLE);
  s->how = opt_bool(L, opts, "case", 0) ? LECTOR_MATCH_EXACT : LECTOR_MATCH_FOLD;
  if (opt_bool(L, opts, "loose", 0)) s->how = LECTOR_MATCH_LOOSE;
  if (opt_bool(L, opts, "parts", 1)) s->how |= LECTOR_MATCH_PARTS;
  s->skip_boilerplate = !opt_bool(L, opts, "boilerplate", 1);
  if (!opts) return;
  if (lua_getfield(L, opts, "limit") != LUA_TNIL) {
    lua_Integer n = luaL_checkinteger(L, -1);
    s->limit = n > 0 ? (uint64_t)n : 0;
  }
  lua_pop(L, 1);
  int t = lua_getfield(L, opts, "docs");
  if (t != LUA_TNIL && luaL_testudata(L, -1, LB_CORPUS)) {   /* a subcorpus */
    lb_corpus *sub = lua_touserdata(L, -1);
    if (lb_check_corpus(L, -1) != c) luaL_error(L, "docs: a subcorpus of another corpus");
    uint32_t n = lector_ndocs(c);
    uint8_t *d = malloc(n ? n : 1);
    if (!d) luaL_error(L, "out of memory");
    if (sub->subset) memcpy(d, sub->subset, n); else memset(d, 1, n);
    s->docs = d;
    *docs = d;
  } else if (t != LUA_TNIL) {
    uint32_t n = lector_ndocs(c);
    uint8_t *d = calloc(n ? n : 1, 1);
    if (!d) luaL_error(L, "out of memory");
    int list = lua_gettop(L);
    lua_Integer k = (t == LUA_TTABLE) ? (lua_Integer)luaL_len(L, list) : 1;
    for (lua_Integer i = 1; i <= k; i++) {
      if (t == LUA_TTABLE) lua_geti(L, list, i); else lua_pushvalue(L, list);
      int64_t id = -1;
      lb_doc *ud = luaL_testudata(L, -1, LB_DOC);
      if (ud) id = ud->id;
      else if (lua_type(L, -1) == LUA_TSTRING) id = lector_doc_find(c, lua_tostring(L, -1));
      lua_pop(L, 1);
      if (id < 0) { free(d); luaL_error(L, "docs: item %d is not a document of this corpus", (int)i); }
      d[id] = 1;
    }
    s->docs = d;
    *docs = d;
  }
  lua_pop(L, 1);
}

/* C:count(text [, opts]) -> integer */
static int corpus_count(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  size_t len;
  const char *text = luaL_checklstring(L, 2, &len);
  lector_scope s;
  uint8_t *docs;
  lb_check_opts(L, 3, "C:count", scope_opts);
  lb_scope_from_opts(L, lua_isnoneornil(L, 3) ? 0 : 3, 1, &s, &docs);
  char err[256];
  int64_t n = lector_search(c, text, len, &s, NULL, err, sizeof err);
  free(docs);
  if (n < 0) luaL_error(L, "count: %s", err);
  lua_pushinteger(L, (lua_Integer)n);
  return 1;
}

/* C:hits(text [, opts]) -> Hits */
static int corpus_hits(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  size_t len;
  const char *text = luaL_checklstring(L, 2, &len);
  lector_scope s;
  uint8_t *docs;
  lb_check_opts(L, 3, "C:hits", scope_opts);
  lb_scope_from_opts(L, lua_isnoneornil(L, 3) ? 0 : 3, 1, &s, &docs);
  char err[256];
  lector_hits h;
  lector_hits_init(&h);
  int64_t n = lector_search(c, text, len, &s, &h, err, sizeof err);
  free(docs);
  if (n < 0) { lector_hits_free(&h); luaL_error(L, "hits: %s", err); }
  lb_push_hits(L, 1, &h);
  return 1;
}

/* C:types(word [, opts]) -> list of the surface forms a word matches, with their frequencies */
static int corpus_forms(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  size_t len;
  const char *w = luaL_checklstring(L, 2, &len);
  lector_scope s;
  uint8_t *docs;
  lb_check_opts(L, 3, "C:forms", scope_opts);
  lb_scope_from_opts(L, lua_isnoneornil(L, 3) ? 0 : 3, 1, &s, &docs);
  free(docs);
  size_t n = lector_types_matching(c, w, len, s.how, NULL, 0);
  uint32_t *ids = malloc((n ? n : 1) * sizeof *ids);
  if (!ids) luaL_error(L, "out of memory");
  n = lector_types_matching(c, w, len, s.how, ids, n);
  lua_createtable(L, 0, (int)n);
  for (size_t i = 0; i < n; i++) {
    size_t flen;
    const char *f = lector_type_form(c, ids[i], &flen);
    lua_pushlstring(L, f, flen);
    lua_pushinteger(L, (lua_Integer)lector_type_freq(c, ids[i]));
    lua_settable(L, -3);
  }
  free(ids);
  return 1;
}

/* Whether the tokens [s, e] touch a boilerplate line. */
static int touches_boilerplate(lector_corpus *c, uint32_t s, uint32_t e) {
  uint32_t i = lector_region_from(c, LECTOR_REGION_BOILERPLATE, s);
  if (i >= lector_region_count(c, LECTOR_REGION_BOILERPLATE)) return 0;
  uint32_t a, b;
  lector_region_get(c, LECTOR_REGION_BOILERPLATE, i, &a, &b, NULL);
  return a <= e;
}

/* C:hitset(starts, stops [, opts]) -> Hits: a hit set from lists of positions (stop inclusive);
** opts.docs, opts.boilerplate = false and a subcorpus leave hits out as they do for C:hits. */
static int corpus_hitset(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  luaL_checktype(L, 3, LUA_TTABLE);
  lector_scope scope;
  uint8_t *keep;
  lb_check_opts(L, 4, "C:hitset", scope_opts);
  lb_scope_from_opts(L, lua_isnoneornil(L, 4) ? 0 : 4, 1, &scope, &keep);
  lua_Integer n = luaL_len(L, 2);
  luaL_argcheck(L, luaL_len(L, 3) == n, 3, "starts and stops differ in length");
  lector_hits h;
  lector_hits_init(&h);
  uint64_t ntok = lector_ntokens(c);
  lua_Integer prev = 0;              /* the start of the hit before, kept or not */
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, 2, i);
    lua_geti(L, 3, i);
    lua_Integer s = lua_tointeger(L, -2), e = lua_tointeger(L, -1);
    lua_pop(L, 2);
    if (s < 0 || e < s || (uint64_t)e >= ntok || lector_doc_at(c, (uint32_t)s) != lector_doc_at(c, (uint32_t)e)) {
      lector_hits_free(&h);
      free(keep);
      return luaL_error(L, "hitset: hit %d [%d, %d] is not a token range inside one document", (int)i, (int)s, (int)e);
    }
    if (i > 1 && s < prev) {
      lector_hits_free(&h);
      free(keep);
      return luaL_error(L, "hitset: hits must be in corpus order (hit %d starts before hit %d)", (int)i, (int)i - 1);
    }
    prev = s;
    if (h.n && h.start[h.n - 1] == (uint32_t)s && h.end[h.n - 1] == (uint32_t)e) continue;
    if (keep && !keep[lector_doc_at(c, (uint32_t)s)]) continue;
    if (scope.skip_boilerplate && touches_boilerplate(c, (uint32_t)s, (uint32_t)e)) continue;
    if (lector_hits_push(&h, (uint32_t)s, (uint32_t)e)) {
      lector_hits_free(&h);
      free(keep);
      return luaL_error(L, "out of memory");
    }
  }
  free(keep);
  lb_push_hits(L, 1, &h);
  return 1;
}

/* C.tokens and C.types, of the subcorpus where C is one */
static lua_Integer subset_tokens(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  const uint8_t *keep = lb_corpus_subset(L, 1);
  if (!keep) return (lua_Integer)lector_ntokens(c);
  lua_Integer n = 0;
  for (uint32_t d = 0; d < lector_ndocs(c); d++) {
    if (!keep[d]) continue;
    lector_doc info;
    lector_doc_get(c, d, &info);
    n += info.ntokens;
  }
  return n;
}

static lua_Integer subset_types(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  lb_corpus *cu = lua_touserdata(L, 1);
  if (!cu->subset) return lector_ntypes(c);
  if (cu->ntypes < 0) {
    uint32_t nt = lector_ntypes(c);
    uint64_t *counts = calloc(nt ? nt : 1, sizeof *counts);
    if (!counts) luaL_error(L, "out of memory");
    lector_scope s = { .how = LECTOR_MATCH_EXACT, .docs = cu->subset };
    lector_class_counts(c, &s, counts);
    cu->ntypes = 0;
    for (uint32_t t = 0; t < nt; t++) cu->ntypes += counts[t] > 0;
    free(counts);
  }
  return cu->ntypes;
}

/* C:_narrow(ids) -> the subcorpus of C keeping the documents ids (from 1): what C:where makes */
static int corpus_narrow(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  uint32_t n = lector_ndocs(c);
  lb_corpus *parent = lua_touserdata(L, 1);
  lb_corpus *cu = lua_newuserdatauv(L, sizeof *cu, LB_CORPUS_UVS);
  memset(cu, 0, sizeof *cu);
  cu->ntypes = -1;
  luaL_setmetatable(L, LB_CORPUS);
  cu->path = strdup(parent->path);
  cu->subset = calloc(n ? n : 1, 1);
  if (!cu->path || !cu->subset) luaL_error(L, "out of memory");
  for (lua_Integer i = 1, k = luaL_len(L, 2); i <= k; i++) {
    lua_geti(L, 2, i);
    lua_Integer id = lua_tointeger(L, -1);
    lua_pop(L, 1);
    luaL_argcheck(L, id >= 1 && id <= (lua_Integer)n, 2, "not a document id");
    if (parent->subset && !parent->subset[id - 1]) continue;
    cu->nsubset += !cu->subset[id - 1];
    cu->subset[id - 1] = 1;
  }
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, LB_UV_PARENT);
  return 1;
}

void lb_corpus_borrow(lua_State *W, lua_State *L, int idx) {
  lector_corpus *c = lb_check_corpus(L, idx);
  lb_corpus *from = lua_touserdata(L, idx);
  lb_corpus *cu = lb_corpus_new(W, from->path, NULL);
  cu->c = c;
  cu->borrowed = 1;
  if (!from->subset) return;
  uint32_t n = lector_ndocs(c);
  lb_corpus *sub = lua_newuserdatauv(W, sizeof *sub, LB_CORPUS_UVS);
  memset(sub, 0, sizeof *sub);
  sub->ntypes = -1;
  luaL_setmetatable(W, LB_CORPUS);
  sub->path = strdup(from->path);
  sub->subset = malloc(n ? n : 1);
  if (!sub->path || !sub->subset) luaL_error(W, "out of memory");
  memcpy(sub->subset, from->subset, n);
  sub->nsubset = from->nsubset;
  lua_rotate(W, -2, 1);              /* the whole corpus becomes the subcorpus's parent */
  lua_setiuservalue(W, -2, LB_UV_PARENT);
}

/* Fields: C.tokens, C.types, C.root, C.files; else the methods. */
static int corpus_index(lua_State *L) {
  const char *k = lua_tostring(L, 2);
  if (k) {
    if (strcmp(k, "tokens") == 0) { lua_pushinteger(L, subset_tokens(L)); return 1; }
    if (strcmp(k, "types") == 0) { lua_pushinteger(L, subset_types(L)); return 1; }
    if (strcmp(k, "files") == 0) { lua_pushinteger(L, lector_nfiles(lb_check_corpus(L, 1))); return 1; }
    if (strcmp(k, "root") == 0) {
      lb_corpus *cu = luaL_checkudata(L, 1, LB_CORPUS);
      lua_pushstring(L, cu->path);
      return 1;
    }
  }
  luaL_getmetatable(L, LB_CORPUS);
  lua_getfield(L, -1, "methods");
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  return 1;
}

static const luaL_Reg corpus_methods[] = {
  {"docs", corpus_docs},
  {"doc", corpus_doc},
  {"count", corpus_count},
  {"hits", corpus_hits},
  {"forms", corpus_forms},
  {"hitset", corpus_hitset},
  {"info", corpus_info},
  {"close", corpus_close},
  {NULL, NULL}
};

static const luaL_Reg corpus_meta[] = {
  {"__index", corpus_index},
  {"__len", corpus_len},
  {"__tostring", corpus_tostring},
  {"__gc", corpus_gc},
  {"__close", corpus_close},
  {NULL, NULL}
};

static const luaL_Reg module_fns[] = {
  {"open", l_open},
  {NULL, NULL}
};

/* Registers the Corpus metatable (methods in its "methods" field, where the Lua side adds
** more) and puts lector.open into the module table on top of the stack. */
int lb_open_corpus(lua_State *L) {
  if (luaL_newmetatable(L, LB_CORPUS)) {
    luaL_setfuncs(L, corpus_meta, 0);
    lua_pushliteral(L, "lector.Corpus");
    lua_setfield(L, -2, "__name");
    lua_newtable(L);
    lb_register(L, corpus_methods, "Corpus:");
    lua_pushcfunction(L, corpus_narrow);      /* for C:where, undocumented */
    lua_setfield(L, -2, "_narrow");
    lua_setfield(L, -2, "methods");
  }
  lua_pop(L, 1);
  lb_register(L, module_fns, "lector.");
  return 0;
}
