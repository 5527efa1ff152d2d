/*
** query_tests.c: step 1 of a query run (see query.c): each token test of the plan becomes, once,
** the set of values it accepts over the lexicon of its layer (the word's, or a positional
** attribute's such as lemma or pos: PCRE2 anchored to the whole value, a literal a lookup), with
** the tokens they cover; tests on several attributes at once stay a tree decided token by
** token. Metadata tests (<doc key="re">, <turn speaker="re">, an imported element's attributes)
** are decided here too.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query_int.h"
#include "text/fold.h"

int qr_fail(qrun *r, const char *fmt, const char *arg) {
  snprintf(r->err, r->errlen, fmt, arg);
  return -1;
}

/* ------------------------------------------------------------------ step 1: token tests */

static int has_meta(const char *s) {
  for (; *s; s++)
    if (strchr("\\^$.[]|()?*+{}", *s)) return 1;
  return 0;
}

/* A compiled regular expression that must match the whole subject. */
static pcre2_code *re_compile(qrun *r, const char *re, int caseless) {
  size_t n = strlen(re);
  char *wrapped = malloc(n + 8);
  if (!wrapped) return qr_fail(r, "%sout of memory", ""), NULL;
  memcpy(wrapped, "(?:", 3);
  memcpy(wrapped + 3, re, n);
  memcpy(wrapped + 3 + n, ")", 2);
  int code;
  PCRE2_SIZE off;
  uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_MATCH_INVALID_UTF;
  if (caseless) opts |= PCRE2_CASELESS;
  pcre2_code *code_re = pcre2_compile((PCRE2_SPTR)wrapped, PCRE2_ZERO_TERMINATED, opts, &code, &off, NULL);
  free(wrapped);
  if (!code_re) {
    char msg[160];
    pcre2_get_error_message(code, (PCRE2_UCHAR *)msg, sizeof msg);
    size_t at = off >= 3 ? off - 3 : 0;
    snprintf(r->err, r->errlen, "bad regular expression \"%s\": %s (at character %zu)", re, msg, at + 1);
    return NULL;
  }
  pcre2_jit_compile(code_re, PCRE2_JIT_COMPLETE);   /* where JIT is missing, matching still works */
  return code_re;
}

static int re_match(pcre2_code *re, pcre2_match_data *md, const char *s, size_t n) {
  return pcre2_match(re, (PCRE2_SPTR)s, n, 0, 0, md, NULL) >= 0;
}

/* Puts into s the forms (n of them, NUL-terminated at off[i] in forms) that regular expression re
** matches: the form itself, or its normalized spelling (quote variants unified), or with loose
** its loose fold. 0, or -1 with a message (a bad expression, out of memory). */
static int regex_set(qrun *r, const char *re, int caseless, int loose, const char *forms, const uint64_t *off,
                     uint32_t n, qset *s) {
  pcre2_code *code = re_compile(r, re, caseless);
  if (!code) return -1;
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
  fold_buf fb = {0};
  int rc = md ? 0 : qr_fail(r, "%sout of memory", "");
  for (uint32_t t = 0; t < n && rc == 0; t++) {
    const char *f = forms + off[t];
    size_t len = (size_t)(off[t + 1] - off[t] - 1);
    int ok = re_match(code, md, f, len);
    if (!ok) {
      if (fold(&fb, f, len, loose ? FOLD_LOOSE : FOLD_NORM)) { rc = qr_fail(r, "%sout of memory", ""); break; }
      ok = (fb.len != len || memcmp(fb.s, f, len)) && re_match(code, md, fb.s, fb.len);
    }
    if (ok) put(s, t);
  }
  fold_buf_free(&fb);
  pcre2_match_data_free(md);
  pcre2_code_free(code);
  return rc;
}

/* The types a WORD node accepts. A literal (no regex syntax, or %l) is looked up; a regular
** expression runs over every form of the lexicon: the form itself and its normalized spelling
** (quote variants unified), or with %d its loose fold. */
int qr_word_set(qrun *r, const lector_qnode *n, qset *s) {
  const ix_index *ix = r->ix;
  int fold_case = (n->flags & LECTOR_QF_FOLD) != 0, loose = (n->flags & LECTOR_QF_LOOSE) != 0;
  const char *re = n->re ? n->re : "";
  if ((n->flags & LECTOR_QF_LITERAL) || !has_meta(re)) {
    int how = loose ? LECTOR_MATCH_LOOSE : fold_case ? LECTOR_MATCH_FOLD : LECTOR_MATCH_EXACT;
    size_t k = lector_types_matching(r->c, re, strlen(re), how, NULL, 0);
    uint32_t *ids = malloc((k ? k : 1) * sizeof *ids);
    if (!ids) return qr_fail(r, "%sout of memory", "");
    k = lector_types_matching(r->c, re, strlen(re), how, ids, k);
    for (size_t i = 0; i < k; i++) put(s, ids[i]);
    free(ids);
    return 0;
  }
  return regex_set(r, re, fold_case || loose, loose, ix->forms, ix->form_off, ix->ntypes, s);
}

/* The values of positional attribute a that node n accepts: a literal is looked up, anything
** else (a regular expression, %c, %d) runs over every value: the value itself, or its
** normalized spelling (with %d its loose fold). */
static int attr_set(qrun *r, const lector_qnode *n, const ix_pattr *a, qset *s) {
  int fold_case = (n->flags & LECTOR_QF_FOLD) != 0, loose = (n->flags & LECTOR_QF_LOOSE) != 0;
  int literal = (n->flags & LECTOR_QF_LITERAL) || !has_meta(n->re ? n->re : "");
  const char *re = n->re ? n->re : "";
  if (literal && !fold_case && !loose) {
    uint32_t id = ix_pattr_lookup(a, re, strlen(re));
    if (id != IX_NONE) put(s, id);
    return 0;
  }
  char *quoted = NULL;
  if (literal) {                                 /* \Q...\E, with any \E in it spelled out */
    size_t k = 0, len = strlen(re);
    if (!(quoted = malloc(6 * len + 8))) return qr_fail(r, "%sout of memory", "");
    k += (size_t)sprintf(quoted, "\\Q");
    for (size_t i = 0; i < len; i++) {
      if (re[i] == '\\' && re[i + 1] == 'E') { k += (size_t)sprintf(quoted + k, "\\E\\\\E\\Q"); i++; continue; }
      quoted[k++] = re[i];
    }
    k += (size_t)sprintf(quoted + k, "\\E");
    quoted[k] = '\0';
  }
  int rc = regex_set(r, quoted ? quoted : re, fold_case || loose, loose, a->forms, a->form_off, a->ntypes, s);
  free(quoted);
  return rc;
}

static int set_alloc_n(qrun *r, qset *s, uint32_t ntypes) {
  s->bits = calloc(ntypes / 64 + 1, sizeof *s->bits);
  return s->bits ? 0 : qr_fail(r, "%sout of memory", "");
}

int qr_set_alloc(qrun *r, qset *s) { return set_alloc_n(r, s, r->ix->ntypes); }

int qr_node_ok(qrun *r, int i) {
  if (i < 0 || (size_t)i >= r->p->nnodes) {
    snprintf(r->err, r->errlen, "query plan: node %d out of range", i);
    return 0;
  }
  return 1;
}

/* The layer of token test node i (see LAYER_*), from its attribute and its children's. */
static int node_layer(qrun *r, int i, int depth) {
  if (!qr_node_ok(r, i)) return LAYER_UNSET;
  if (r->layer[i] != LAYER_UNSET) return r->layer[i];
  if (depth > 10000) { qr_fail(r, "%squery plan: expression too deep", ""); return LAYER_UNSET; }
  const lector_qnode *n = &r->p->nodes[i];
  int l = LAYER_WORD;
  if (n->op == LECTOR_QN_ANY) l = LAYER_ANY;
  else if (n->op == LECTOR_QN_WORD && n->key && strcmp(n->key, "word") != 0) {
    const ix_pattr *a = ix_pattr_find(r->ix, n->key);
    if (!a) { qr_fail(r, "unknown attribute '%s': this corpus has no such positional attribute", n->key); return LAYER_UNSET; }
    l = 1 + (int)(a - r->ix->pattr);
  } else if (n->op == LECTOR_QN_NOT) {
    l = node_layer(r, n->a, depth + 1);
    if (l == LAYER_ANY) l = LAYER_WORD;              /* ![]: no token, over the words */
  } else if (n->op == LECTOR_QN_AND || n->op == LECTOR_QN_OR) {
    int a = node_layer(r, n->a, depth + 1);
    if (a == LAYER_UNSET) return LAYER_UNSET;        /* at once: a cycle must not branch */
    int b = node_layer(r, n->b, depth + 1);
    if (b == LAYER_UNSET) return LAYER_UNSET;
    if (a == b) l = a;
    else if (a == LAYER_ANY || b == LAYER_ANY) l = n->op == LECTOR_QN_OR ? LAYER_ANY : (a == LAYER_ANY ? b : a);
    else l = LAYER_MIX;
  }
  if (l == LAYER_UNSET) return l;
  return r->layer[i] = l;
}

/* A word of child c's set, seen from a set over the same lexicon ([] is every type). */
static uint64_t child_word(const qrun *r, int c, uint32_t w) {
  return r->layer[c] == LAYER_ANY ? ~(uint64_t)0 : r->sets[c].bits[w];
}

/* Computes the type set of token test node i (and of its children), once, over the lexicon of
** its layer; a mix has no set of its own (its parts have theirs) and as its frequency a bound:
** the rarer part's for an and, the sum for an or. depth guards against a plan with cycles. */
int qr_test_set(qrun *r, int i, int depth) {
  if (!qr_node_ok(r, i)) return -1;
  qset *s = &r->sets[i];
  if (s->bits || (r->layer[i] == LAYER_MIX && s->ntypes)) return 0;
  if (depth > 10000) return qr_fail(r, "%squery plan: expression too deep", "");
  int layer = node_layer(r, i, 0);
  if (layer == LAYER_UNSET) return -1;
  const lector_qnode *n = &r->p->nodes[i];
  if (n->op == LECTOR_QN_NOT || n->op == LECTOR_QN_AND || n->op == LECTOR_QN_OR) {
    if (qr_test_set(r, n->a, depth + 1)) return -1;
    if (n->op != LECTOR_QN_NOT && qr_test_set(r, n->b, depth + 1)) return -1;
  }
  if (layer == LAYER_MIX) {
    const qset *a = &r->sets[n->a], *b = n->op == LECTOR_QN_NOT ? NULL : &r->sets[n->b];
    s->freq = n->op == LECTOR_QN_AND ? (a->freq < b->freq ? a->freq : b->freq)
            : n->op == LECTOR_QN_OR ? a->freq + b->freq : r->ix->ntokens;
    s->ntypes = 1;                                   /* marks it done */
    return 0;
  }
  uint32_t V = layer_ntypes(r, layer), words = V / 64 + 1;
  if (set_alloc_n(r, s, V)) return -1;
  switch (n->op) {
  case LECTOR_QN_ANY: for (uint32_t w = 0; w < words; w++) s->bits[w] = ~(uint64_t)0; break;
  case LECTOR_QN_NONE: break;
  case LECTOR_QN_WORD:
    if (layer > LAYER_WORD ? attr_set(r, n, &r->ix->pattr[layer - 1], s) : qr_word_set(r, n, s)) return -1;
    break;
  case LECTOR_QN_NOT: for (uint32_t w = 0; w < words; w++) s->bits[w] = ~child_word(r, n->a, w); break;
  case LECTOR_QN_AND: for (uint32_t w = 0; w < words; w++) s->bits[w] = child_word(r, n->a, w) & child_word(r, n->b, w); break;
  case LECTOR_QN_OR: for (uint32_t w = 0; w < words; w++) s->bits[w] = child_word(r, n->a, w) | child_word(r, n->b, w); break;
  default: return qr_fail(r, "%squery plan: not a token test", "");
  }
  /* bits past the last type stay clear, so that counts are right */
  uint32_t extra = V & 63;
  s->bits[words - 1] &= extra ? (((uint64_t)1 << extra) - 1) : 0;
  const uint64_t *freq = layer_freq(r, layer);
  s->freq = 0;
  s->ntypes = 0;
  for (uint32_t t = 0; t < V; t++)
    if (has(s, t)) { s->freq += freq[t]; s->ntypes++; }
  return 0;
}


/* ------------------------------------------------------------------ metadata tests */

/* The value of a metadata field of a document: its metadata, else what lector knows of it. */
static const char *doc_field(qrun *r, uint32_t d, const char *key, char *buf, size_t buflen) {
  const char *v = lector_doc_meta(r->c, d, key);
  if (v) return v;
  lector_doc info;
  lector_doc_get(r->c, d, &info);
  if (strcmp(key, "year") == 0 && info.year) { snprintf(buf, buflen, "%d", info.year); return buf; }
  if (strcmp(key, "name") == 0 || strcmp(key, "id") == 0) return info.name;
  if (strcmp(key, "file") == 0 || strcmp(key, "path") == 0) return info.path;
  return NULL;
}

/* The value of key in region g of structural attribute sa, or NULL when it has no such key. */
static const char *sattr_value(const ix_index *ix, const ix_sattr *sa, uint32_t g, const char *key) {
  for (uint32_t k = 0; k < sa->nkeys; k++)
    if (strcmp(ix_string(ix, sa->keys[k]), key) == 0) return ix_string(ix, sa->vals[(size_t)g * sa->nkeys + k]);
  return NULL;
}

/* Does metadata test node i hold for the subject: a document (attr and sa NULL), a region's
** attribute (a turn's speaker), or region g of structural attribute sa (its key's value)? */
int qr_meta_eval(qrun *r, int i, uint32_t d, const char *attr, const ix_sattr *sa, int depth, int *bad) {
  if (!qr_node_ok(r, i) || depth > 10000) { *bad = 1; return 0; }
  const lector_qnode *n = &r->p->nodes[i];
  switch (n->op) {
  case LECTOR_QN_NOT: return !qr_meta_eval(r, n->a, d, attr, sa, depth + 1, bad);
  case LECTOR_QN_AND: return qr_meta_eval(r, n->a, d, attr, sa, depth + 1, bad) && qr_meta_eval(r, n->b, d, attr, sa, depth + 1, bad);
  case LECTOR_QN_OR: return qr_meta_eval(r, n->a, d, attr, sa, depth + 1, bad) || qr_meta_eval(r, n->b, d, attr, sa, depth + 1, bad);
  case LECTOR_QN_ANY: return 1;
  case LECTOR_QN_META: break;
  default: *bad = 1; return 0;
  }
  char buf[32];
  const char *v = sa ? sattr_value(r->ix, sa, d, n->key ? n->key : "")
                : attr ? attr : doc_field(r, d, n->key ? n->key : "", buf, sizeof buf);
  if (!v) return 0;
  const char *re = n->re ? n->re : "";
  int caseless = (n->flags & (LECTOR_QF_FOLD | LECTOR_QF_LOOSE)) != 0;
  if (n->flags & LECTOR_QF_LITERAL) return caseless ? strcasecmp(v, re) == 0 : strcmp(v, re) == 0;
  pcre2_code *code = re_compile(r, re, caseless);
  if (!code) { *bad = 2; return 0; }
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
  int ok = md && re_match(code, md, v, strlen(v));
  pcre2_match_data_free(md);
  pcre2_code_free(code);
  return ok;
}

/* Decides the metadata test of every OPEN of the document kind for each document, once. */
int qr_meta_prepare(qrun *r) {
  for (size_t k = 0; k < r->p->nprog; k++) {
    const lector_qinstr *in = &r->p->prog[k];
    if (in->op != LECTOR_QI_OPEN || in->b < 0) continue;
    if (!qr_node_ok(r, in->b)) return -1;
    if (in->a != LECTOR_REGION_DOC || r->meta[in->b]) continue;
    uint8_t *v = calloc(r->ix->ndocs ? r->ix->ndocs : 1, 1);
    if (!v) return qr_fail(r, "%sout of memory", "");
    r->meta[in->b] = v;
    for (uint32_t d = 0; d < r->ix->ndocs; d++) {
      int bad = 0;
      v[d] = (uint8_t)qr_meta_eval(r, in->b, d, NULL, NULL, 0, &bad);
      if (bad == 1) return qr_fail(r, "%squery plan: not a metadata test", "");
      if (bad) return -1;
    }
  }
  return 0;
}
