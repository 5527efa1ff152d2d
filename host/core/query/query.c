/*
** query.c: evaluation of compiled CQP queries (lector_query_run); the language and its compiler
** live in host/lua/lector/query/. Three steps:
**   1. every token test becomes a set of types, once, over the lexicon of the word or of a
**      positional attribute (PCRE2, anchored to the whole form, UTF-8 and Unicode properties; a
**      literal is a plain lookup), with the number of tokens it accepts; metadata tests become a
**      yes/no per document (query_tests.c);
**   2. candidate starts come from the postings of the cheapest anchor of each top-level branch
**      (a window [p - maxoff, p - minoff] around each of its positions), or, when some branch has
**      no usable anchor, from every position;
**   3. at each candidate start a Pike VM runs the program position by position (threads told
**      apart by instruction and, with labels, by their labels) and stops at the first MATCH
**      whose labels pass the global constraint: the shortest match from that start.
**      The next start is after the match's end ("standard" strategy, no overlaps).
** The token stream is read only where a match is tried, never scanned when postings can answer.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "query_int.h"

void lector_qopts_init(lector_qopts *o) {
  memset(o, 0, sizeof *o);
  o->max_hits = LECTOR_QUERY_MAX_HITS;
  o->timeout = LECTOR_QUERY_TIMEOUT;
}

/* ------------------------------------------------------------------ step 3: the VM */

static int at_open(qrun *r, const lector_qinstr *in, uint32_t pos, uint32_t limit) {
  const ix_index *ix = r->ix;
  if (pos >= limit) return 0;
  if (in->a == LECTOR_REGION_DOC) {
    uint32_t d = ix_doc_of(ix, pos);
    if (ix->docs[d].first != pos) return 0;
    return in->b < 0 || r->meta[in->b][d];
  }
  const ix_regions *reg = ix_regions_of(ix, in->a);
  int64_t g = ix_regions_find(reg, pos);
  if (g < 0 || reg->start[g] != pos) return 0;
  if (in->b < 0) return 1;
  int bad = 0;
  if (in->a >= IX_SATTR) return qr_meta_eval(r, in->b, (uint32_t)g, NULL, &ix->sattr[in->a - IX_SATTR], 0, &bad);
  const char *attr = reg->attr ? ix_string(ix, reg->attr[g]) : NULL;
  if (!attr) return 0;
  return qr_meta_eval(r, in->b, 0, attr, NULL, 0, &bad);
}

static int at_close(qrun *r, int kind, uint32_t pos, uint32_t first) {
  const ix_index *ix = r->ix;
  if (pos <= first) return 0;
  if (kind == LECTOR_REGION_DOC) {
    uint32_t d = ix_doc_of(ix, pos - 1);
    return ix->docs[d].first + ix->docs[d].ntok == pos;
  }
  const ix_regions *reg = ix_regions_of(ix, kind);
  int64_t g = ix_regions_find(reg, pos - 1);
  return g >= 0 && reg->end[g] == pos;
}

/* Does the global constraint (node i) hold for the labels lab? */
/* A metadata test of the global constraint (match.doc_KEY = "re") on the document of a match:
** decided once per document, when a match there first asks (0 unknown, 1 no, 2 yes). */
static int cond_meta(qrun *r, int i, uint32_t start) {
  uint32_t d = ix_doc_of(r->ix, start);
  if (!r->meta[i]) {
    r->meta[i] = calloc(r->ix->ndocs ? r->ix->ndocs : 1, 1);
    if (!r->meta[i]) return 0;
  }
  if (!r->meta[i][d]) {
    int bad = 0;
    r->meta[i][d] = (uint8_t)(qr_meta_eval(r, i, d, NULL, NULL, 0, &bad) ? 2 : 1);
  }
  return r->meta[i][d] == 2;
}

static int cond_eval(qrun *r, int i, const uint32_t *lab, uint32_t start, int depth) {
  if (!qr_node_ok(r, i) || depth > 10000) return 0;
  const lector_qnode *n = &r->p->nodes[i];
  const ix_index *ix = r->ix;
  switch (n->op) {
  case LECTOR_QN_NOT: return !cond_eval(r, n->a, lab, start, depth + 1);
  case LECTOR_QN_AND: return cond_eval(r, n->a, lab, start, depth + 1) && cond_eval(r, n->b, lab, start, depth + 1);
  case LECTOR_QN_OR: return cond_eval(r, n->a, lab, start, depth + 1) || cond_eval(r, n->b, lab, start, depth + 1);
  case LECTOR_QN_META: return cond_meta(r, i, start);
  case LECTOR_QN_ANY: return 1;
  case LECTOR_QN_CMP: break;
  default: return 0;
  }
  if (n->a < 0 || n->a >= r->p->nlabels || lab[n->a] == IX_NONE) return 0;   /* unset: false */
  uint32_t ta = ix_token(ix, lab[n->a]);
  if (n->b < 0) return r->sets[i].bits && has(&r->sets[i], ta);
  if (n->b >= r->p->nlabels || lab[n->b] == IX_NONE) return 0;
  uint32_t tb = ix_token(ix, lab[n->b]);
  if (ta == tb) return 1;
  if (n->flags & (LECTOR_QF_FOLD | LECTOR_QF_LOOSE)) return ix->fold_of[ta] == ix->fold_of[tb];
  return 0;
}

/* Has this step seen instruction pc with these labels? If not, it has now. Without labels an
** instruction is seen once a step; with them once per set of labels, up to r->cap in all (past
** that, further threads are dropped: a bound on the work for queries with many labels). */
static int seen(qrun *r, int pc, const uint32_t *lab) {
  size_t nl = r->lw;
  if (r->mark[pc] != r->step) {
    r->mark[pc] = r->step;
    if (!nl) return 0;
    r->vhead[pc] = -1;
  } else if (!nl) {
    return 1;
  }
  for (int j = r->vhead[pc]; j >= 0; j = r->vnext[j])
    if (memcmp(r->vlab + (size_t)j * nl, lab, nl * sizeof *lab) == 0) return 1;
  if (r->nv >= r->cap) return 1;
  memcpy(r->vlab + r->nv * nl, lab, nl * sizeof *lab);
  r->vnext[r->nv] = r->vhead[pc];
  r->vhead[pc] = (int)r->nv++;
  return 0;
}

/* Adds thread pc (with labels lab) to the next list at position pos, following every jump,
** split, label and assertion; returns 1 when a MATCH is reached whose constraint holds. */
static int add_thread(qrun *r, int pc0, const uint32_t *lab0, uint32_t pos, uint32_t first, uint32_t limit) {
  const lector_qplan *p = r->p;
  size_t nl = r->lw, sp = 0;
  int matched = 0;
  r->stack[sp] = pc0;
  if (nl) memcpy(r->stack_lab, lab0, nl * sizeof *lab0);
  sp = 1;
  while (sp) {
    sp--;
    int pc = r->stack[sp];
    uint32_t *lab = r->stack_lab + sp * nl;
    if (pc < 0 || (size_t)pc >= p->nprog) continue;
    if (seen(r, pc, lab)) continue;
    const lector_qinstr *in = &p->prog[pc];
    switch (in->op) {
    case LECTOR_QI_TOK:
      r->nlist[r->nnl] = pc;
      if (nl) memcpy(r->nlab + r->nnl * nl, lab, nl * sizeof *lab);
      r->nnl++;
      break;
    case LECTOR_QI_MATCH:
      if (pos > first && (p->cond < 0 || cond_eval(r, p->cond, lab, first, 0))) {
        if (p->target >= 0 && p->target < p->nlabels && nl) memcpy(r->nlab + r->cap * nl, lab, nl * sizeof *lab);
        matched = 1;
        sp = 0;                /* lower-priority threads no longer matter */
      }
      break;
    case LECTOR_QI_JMP:
      r->stack[sp++] = in->a;
      break;
    case LECTOR_QI_SPLIT:      /* b below a on the stack, so that a is followed first */
      r->stack[sp] = in->b;    /* lab already sits in slot sp */
      if (nl) memcpy(r->stack_lab + (sp + 1) * nl, lab, nl * sizeof *lab);
      r->stack[sp + 1] = in->a;
      sp += 2;
      break;
    case LECTOR_QI_LABEL:
      if (in->a >= 0 && (size_t)in->a < nl) lab[in->a] = pos;
      r->stack[sp++] = pc + 1;
      break;
    case LECTOR_QI_OPEN:
      if (at_open(r, in, pos, limit)) r->stack[sp++] = pc + 1;
      break;
    case LECTOR_QI_CLOSE:
      if (at_close(r, in->a, pos, first)) r->stack[sp++] = pc + 1;
      break;
    }
    if (matched) break;
  }
  return matched;
}

/* The shortest match from start (tokens before limit): 1 and *end, *target, or 0. */
static int match_at(qrun *r, uint32_t start, uint32_t limit, uint32_t *end, uint32_t *target) {
  const lector_qplan *p = r->p;
  size_t nl = r->lw;
  uint32_t *lab = r->clab;                      /* scratch for the first thread */
  for (size_t k = 0; k < nl; k++) lab[k] = IX_NONE;
  r->step++;
  r->nv = 0;
  r->nnl = 0;
  if (add_thread(r, 0, lab, start, start, limit)) return 0;   /* empty matches do not count */
  for (uint32_t pos = start; pos < limit && r->nnl; pos++) {
    int *tl = r->clist; r->clist = r->nlist; r->nlist = tl;
    uint32_t *tb = r->clab; r->clab = r->nlab; r->nlab = tb;
    r->ncl = r->nnl;
    r->nnl = 0;
    r->step++;
    r->nv = 0;
    uint32_t type = ix_token(r->ix, pos);
    for (size_t i = 0; i < r->ncl; i++) {
      const lector_qinstr *in = &p->prog[r->clist[i]];
      if (!tok_ok(r, in->a, pos, type)) continue;
      if (add_thread(r, r->clist[i] + 1, r->clab + i * nl, pos + 1, start, limit)) {
        *end = pos;
        *target = IX_NONE;
        if (p->target >= 0 && (size_t)p->target < nl) *target = r->nlab[r->cap * nl + (size_t)p->target];
        return 1;
      }
    }
  }
  return 0;
}

/* ------------------------------------------------------------------ step 2: candidate starts */

/* A merge of the posting lists of one anchor's types. */
typedef struct qdrive {
  ix_cursor *cur;
  size_t n;
  uint32_t *heap;            /* indexes into cur, a min-heap on cur[].cur */
  size_t nh;
  uint32_t minoff, maxoff;
  int live;
  uint32_t pos;              /* the current anchor position */
} qdrive;

static int heap_less(const qdrive *d, size_t i, size_t j) { return d->cur[d->heap[i]].cur < d->cur[d->heap[j]].cur; }

static void heap_down(qdrive *d, size_t i) {
  for (;;) {
    size_t l = 2 * i + 1, m = i;
    if (l < d->nh && heap_less(d, l, m)) m = l;
    if (l + 1 < d->nh && heap_less(d, l + 1, m)) m = l + 1;
    if (m == i) return;
    uint32_t t = d->heap[i]; d->heap[i] = d->heap[m]; d->heap[m] = t;
    i = m;
  }
}

static int drive_open(qrun *r, qdrive *d, int node) {
  const qset *s = &r->sets[node];
  int layer = r->layer[node];
  const ix_plist *post = layer > LAYER_WORD ? &r->ix->pattr[layer - 1].post : &r->ix->post;
  const uint64_t *freq = layer_freq(r, layer);
  uint32_t V = layer_ntypes(r, layer);
  d->cur = malloc((s->ntypes ? s->ntypes : 1) * sizeof *d->cur);
  d->heap = malloc((s->ntypes ? s->ntypes : 1) * sizeof *d->heap);
  if (!d->cur || !d->heap) return qr_fail(r, "%sout of memory", "");
  for (uint32_t t = 0; t < V; t++) {
    if (!has(s, t) || freq[t] == 0) continue;
    ix_cursor_open(&d->cur[d->n], post, t);
    if (ix_cursor_next(&d->cur[d->n])) { d->heap[d->nh++] = (uint32_t)d->n; d->n++; }
  }
  for (size_t i = d->nh; i-- > 0;) heap_down(d, i);
  return 0;
}

/* The next anchor position, or 0 at the end. */
static int drive_next(qdrive *d) {
  if (!d->nh) return d->live = 0;
  ix_cursor *c = &d->cur[d->heap[0]];
  d->pos = c->cur;
  if (!ix_cursor_next(c)) d->heap[0] = d->heap[--d->nh];
  heap_down(d, 0);
  return d->live = 1;
}

static void drive_free(qdrive *d) { free(d->cur); free(d->heap); }

/* The lowest start the window of a drive's current position allows: maxoff before it, but not
** further back than a match can reach (reach tokens, 0: no bound), nor outside the anchor's
** document (or region, with within). It grows with the position, so drives merge on it. */
static uint32_t window_start(const qrun *r, const qdrive *d, uint32_t reach) {
  const ix_index *ix = r->ix;
  uint32_t lo = d->pos >= d->maxoff ? d->pos - d->maxoff : 0;
  if (reach && d->pos - lo >= reach) lo = d->pos - (reach - 1);
  uint32_t first = ix->docs[ix_doc_of(ix, d->pos)].first;
  int w = r->p->within;
  if (w > LECTOR_REGION_DOC) {
    const ix_regions *reg = ix_regions_of(ix, w);
    int64_t k = ix_regions_find(reg, d->pos);
    if (k >= 0 && reg->start[k] > first) first = reg->start[k];
  }
  return lo > first ? lo : first;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------ the run */

typedef struct qloop {
  uint64_t found;
  uint32_t next;             /* the lowest start still to try */
  uint32_t bi;               /* boilerplate regions before it are done */
  double deadline;
  uint64_t tries;
  int stopped;
} qloop;

/* Tries a start; on a match records it and moves next past it. Returns -1 on a failure. */
static int try_start(qrun *r, const lector_qopts *o, lector_hits *h, qloop *L, uint32_t s) {
  const ix_index *ix = r->ix;
  const lector_qplan *p = r->p;
  L->next = s + 1;
  if ((++L->tries & 4095) == 0 && o->timeout > 0 && now() > L->deadline) {
    L->stopped = LECTOR_QSTOP_TIME;
    return 0;
  }
  uint32_t d = ix_doc_of(ix, s);
  if (o->scope.docs && !o->scope.docs[d]) { L->next = ix->docs[d].first + ix->docs[d].ntok; return 0; }
  uint32_t limit = ix->docs[d].first + ix->docs[d].ntok;
  if (p->within >= 0 && p->within != LECTOR_REGION_DOC) {
    const ix_regions *reg = ix_regions_of(ix, p->within);
    int64_t g = ix_regions_find(reg, s);
    if (g < 0) return 0;
    if (reg->end[g] < limit) limit = reg->end[g];
  }
  uint32_t len = p->within_n ? p->within_n
               : p->within < 0 ? (o->max_len ? o->max_len : LECTOR_QUERY_MAX_LEN) : 0;
  if (len && (uint64_t)s + len < limit) limit = s + len;
  uint32_t end, target;
  if (!match_at(r, s, limit, &end, &target)) return 0;
  if (o->scope.skip_boilerplate) {
    const ix_regions *boil = &ix->reg[IX_BOILER];
    while (L->bi < boil->n && boil->end[L->bi] <= s) L->bi++;
    if (L->bi < boil->n && boil->start[L->bi] <= end) return 0;
  }
  L->next = end + 1;
  if (h) {
    int rc = p->target >= 0 ? lector_hits_push_target(h, s, end, target) : lector_hits_push(h, s, end);
    if (rc) return qr_fail(r, "%sout of memory", "");
  }
  L->found++;
  if (o->scope.limit && L->found >= o->scope.limit) L->stopped = -1;       /* asked for: quiet */
  else if (h && o->max_hits && L->found >= o->max_hits) L->stopped = LECTOR_QSTOP_LIMIT;
  return 0;
}

static int check_plan(qrun *r) {
  const lector_qplan *p = r->p;
  if (p->within == LECTOR_REGION_BOILERPLATE || p->within < -1 || (p->within >= 0 && !ix_regions_of(r->ix, p->within)))
    return qr_fail(r, "%squery plan: bad within", "");
  for (size_t k = 0; k < p->nprog; k++) {
    const lector_qinstr *in = &p->prog[k];
    if (in->op == LECTOR_QI_TOK && qr_test_set(r, in->a, 0)) return -1;
    if ((in->op == LECTOR_QI_OPEN || in->op == LECTOR_QI_CLOSE) &&
        (in->a < 0 || in->a == LECTOR_REGION_BOILERPLATE || !ix_regions_of(r->ix, in->a)))
      return qr_fail(r, "%squery plan: bad region kind", "");
    if (in->op > LECTOR_QI_MATCH || in->op < 0) return qr_fail(r, "%squery plan: bad instruction", "");
  }
  for (size_t k = 0; k < p->nnodes; k++)      /* string comparisons of the global constraint */
    if (p->nodes[k].op == LECTOR_QN_CMP && p->nodes[k].b < 0) {
      lector_qnode w = p->nodes[k];
      w.op = LECTOR_QN_WORD;
      if (qr_set_alloc(r, &r->sets[k]) || qr_word_set(r, &w, &r->sets[k])) return -1;
    }
  for (size_t k = 0; k < p->nanchors; k++) {
    const lector_qanchor *a = &p->anchors[k];
    if (a->group < 0 || a->group >= p->ngroups || qr_test_set(r, a->test, 0)) {
      if (!r->err[0]) snprintf(r->err, r->errlen, "query plan: bad anchor");
      return -1;
    }
  }
  return qr_meta_prepare(r);
}

static void run_free(qrun *r) {
  if (r->sets) for (size_t k = 0; k < r->p->nnodes; k++) free(r->sets[k].bits);
  if (r->meta) for (size_t k = 0; k < r->p->nnodes; k++) free(r->meta[k]);
  free(r->sets); free(r->layer); free(r->meta);
  free(r->clist); free(r->nlist); free(r->clab); free(r->nlab); free(r->mark);
  free(r->stack); free(r->stack_lab);
  free(r->vhead); free(r->vnext); free(r->vlab);
}

static int run_alloc(qrun *r) {
  const lector_qplan *p = r->p;
  /* sizes come first: the arrays below depend on them */
  if (!p->nprog || !p->prog) return qr_fail(r, "%squery plan: empty program", "");
  if (p->nlabels < 0 || p->nlabels > 1000) return qr_fail(r, "%squery plan: bad number of labels", "");
  if (p->nnodes && !p->nodes) return qr_fail(r, "%squery plan: no nodes", "");
  if (p->ngroups < 0 || p->ngroups > 100000) return qr_fail(r, "%squery plan: bad number of groups", "");
  if (p->nanchors && !p->anchors) return qr_fail(r, "%squery plan: no anchors", "");
  size_t np = p->nprog, nl = (size_t)p->nlabels, nn = p->nnodes ? p->nnodes : 1;
  r->lw = nl;
  r->sets = calloc(nn, sizeof *r->sets);
  r->layer = malloc(nn * sizeof *r->layer);
  if (r->layer) for (size_t k = 0; k < nn; k++) r->layer[k] = LAYER_UNSET;
  r->meta = calloc(nn, sizeof *r->meta);
  /* threads in a step: one per instruction, or with labels up to 16 per instruction */
  size_t cap = nl ? (np * 16 < 256 ? 256 : np * 16 > 100000 ? (np > 100000 ? np : 100000) : np * 16) : np;
  r->cap = cap;
  r->clist = malloc(cap * sizeof *r->clist);
  r->nlist = malloc(cap * sizeof *r->nlist);
  /* one extra row past the threads: the labels of the match */
  r->clab = malloc(((cap + 1) * nl + 1) * sizeof *r->clab);
  r->nlab = NULL;
  uint32_t *nlab = malloc(((cap + 1) * nl + 1) * sizeof *nlab);
  r->mark = calloc(np, sizeof *r->mark);
  r->vhead = malloc(np * sizeof *r->vhead);
  r->vnext = malloc(cap * sizeof *r->vnext);
  r->vlab = malloc((cap * nl + 1) * sizeof *r->vlab);
  /* a closure pushes at most two entries per thread it visits */
  r->stack = malloc((2 * cap + 2) * sizeof *r->stack);
  r->stack_lab = malloc(((2 * cap + 2) * nl + 1) * sizeof *r->stack_lab);
  r->nlab = nlab;
  if (!r->sets || !r->layer || !r->meta || !r->clist || !r->nlist || !r->clab || !nlab || !r->mark || !r->stack || !r->stack_lab ||
      !r->vhead || !r->vnext || !r->vlab)
    return qr_fail(r, "%sout of memory", "");
  return 0;
}

/* The node whose postings can drive test node i: itself when it has a set; for an and of tests
** on several attributes, the rarer part that can; else -1 (an or or a not of such a mix). */
static int drive_node(const qrun *r, int i) {
  if (r->layer[i] != LAYER_MIX) return r->layer[i] == LAYER_ANY ? -1 : i;
  const lector_qnode *n = &r->p->nodes[i];
  if (n->op != LECTOR_QN_AND) return -1;
  int a = drive_node(r, n->a), b = drive_node(r, n->b);
  if (a < 0 || b < 0) return a < 0 ? b : a;
  return r->sets[a].freq <= r->sets[b].freq ? a : b;
}

/* Which drives feed the starts: the cheapest anchor of each group (best[g] its drive node); 0
** when every position must be tried instead (a group without anchors, or anchors so common that
** scanning is cheaper). */
static int choose_drives(qrun *r, int *best, int *node) {
  const lector_qplan *p = r->p;
  uint64_t total = 0;
  for (int g = 0; g < p->ngroups; g++) {
    best[g] = node[g] = -1;
    for (size_t k = 0; k < p->nanchors; k++) {
      const lector_qanchor *a = &p->anchors[k];
      int d = a->group == g ? drive_node(r, a->test) : -1;
      if (d >= 0 && (node[g] < 0 || r->sets[d].freq < r->sets[node[g]].freq)) {
        best[g] = (int)k;
        node[g] = d;
      }
    }
    if (best[g] < 0) return 0;
    total += r->sets[node[g]].freq;
  }
  return p->ngroups > 0 && total <= r->ix->ntokens / 2;
}

static void stop_message(qrun *r, const qloop *L, const lector_qopts *o, double t0) {
  if (L->stopped == LECTOR_QSTOP_LIMIT)
    snprintf(r->err, r->errlen, "query stopped at the hit limit of %llu hits (set a higher limit to see more)",
             (unsigned long long)o->max_hits);
  else if (L->stopped == LECTOR_QSTOP_TIME)
    snprintf(r->err, r->errlen, "query stopped after %.1f s, its time budget, with %llu hits so far (set a longer timeout to go on)",
             now() - t0, (unsigned long long)L->found);
}

int64_t lector_query_run(lector_corpus *c, const lector_qplan *p, const lector_qopts *o, lector_hits *h,
                         int *stopped, char *err, size_t errlen) {
  qrun R;
  memset(&R, 0, sizeof R);
  R.c = c; R.ix = c->ix; R.p = p; R.err = err; R.errlen = errlen;
  if (errlen) err[0] = 0;
  lector_qopts def;
  if (!o) { lector_qopts_init(&def); o = &def; }
  if (stopped) *stopped = 0;
  int64_t result = -1;
  int *best = NULL, *node = NULL;
  qdrive *dr = NULL;
  qloop L;
  memset(&L, 0, sizeof L);
  double t0 = now();
  L.deadline = t0 + o->timeout;
  if (run_alloc(&R) || check_plan(&R)) goto done;
  const ix_index *ix = R.ix;
  /* one token, no filter, nothing to keep: the frequencies say it all */
  if (!h && p->nprog == 2 && p->prog[0].op == LECTOR_QI_TOK && p->prog[1].op == LECTOR_QI_MATCH &&
      R.layer[p->prog[0].a] != LAYER_MIX &&
      !o->scope.docs && !o->scope.skip_boilerplate && !o->scope.limit && p->within < 0 && p->cond < 0) {
    result = (int64_t)R.sets[p->prog[0].a].freq;
    goto done;
  }
  best = malloc(((size_t)p->ngroups + 1) * sizeof *best);
  node = malloc(((size_t)p->ngroups + 1) * sizeof *node);
  dr = calloc((size_t)p->ngroups + 1, sizeof *dr);
  if (!best || !node || !dr) { qr_fail(&R, "%sout of memory", ""); goto done; }
  if (!choose_drives(&R, best, node)) {
    uint32_t s = 0;
    while (s < ix->ntokens && !L.stopped) {
      if (try_start(&R, o, h, &L, s)) goto done;
      s = L.next;
    }
  } else {
    for (int g = 0; g < p->ngroups; g++) {
      const lector_qanchor *a = &p->anchors[best[g]];
      dr[g].minoff = a->minoff;
      dr[g].maxoff = a->maxoff;
      if (drive_open(&R, &dr[g], node[g])) goto done;
      drive_next(&dr[g]);
    }
    /* the longest a match can be, when something bounds it */
    uint32_t reach = p->within_n ? p->within_n
                   : p->within < 0 ? (o->max_len ? o->max_len : LECTOR_QUERY_MAX_LEN) : 0;
    while (!L.stopped) {
      int g = -1;
      for (int k = 0; k < p->ngroups; k++)
        if (dr[k].live && (g < 0 || window_start(&R, &dr[k], reach) < window_start(&R, &dr[g], reach))) g = k;
      if (g < 0) break;
      qdrive *d = &dr[g];
      if (d->pos >= d->minoff) {
        uint32_t lo = window_start(&R, d, reach), hi = d->pos - d->minoff;
        if (lo < L.next) lo = L.next;
        for (uint32_t s = lo; s <= hi && !L.stopped; s = L.next)
          if (try_start(&R, o, h, &L, s)) goto done;
      }
      drive_next(d);
    }
  }
  result = (int64_t)L.found;
  if (L.stopped > 0) stop_message(&R, &L, o, t0);
  if (stopped) *stopped = L.stopped > 0 ? L.stopped : 0;
done:
  if (dr) for (int g = 0; g < p->ngroups; g++) drive_free(&dr[g]);
  free(dr);
  free(best);
  free(node);
  run_free(&R);
  return result;
}
