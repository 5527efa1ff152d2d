/*
** format_conllu.c: CoNLL-U files (Universal Dependencies), a document per "# newdoc" (or the whole
** file when it has none). The text is each sentence's "# text" (or its forms, spaced as MISC's
** SpaceAfter=No says), the tokens are the syntactic words with their eight columns as attributes,
** and sentences and "# newpar" paragraphs become regions s and p. doc/formats.md says it all.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

#define CU_FIELDS 10
#define CU_NATTR 8

/* The columns after ID and FORM, named as CWB names them (pos is UPOS). */
static const char *const cu_attrs[CU_NATTR] = { "lemma", "pos", "xpos", "feats", "head", "deprel",
                                                "deps", "misc" };

/* {====================================================================== lines and comments */

/* Where a comment s[0, n) goes on after "#", white space and word ("newdoc", "newpar"); 0 when
** it does not start so (word followed by the end, white space or '='). */
static size_t after_word(const char *s, size_t n, const char *word) {
  size_t i = 1, k = strlen(word);
  if (n == 0 || s[0] != '#') return 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
  if (n - i < k || memcmp(s + i, word, k) != 0) return 0;
  i += k;
  return i == n || s[i] == ' ' || s[i] == '\t' || s[i] == '=' ? i : 0;
}

static int is_newdoc(const char *s, size_t n) { return after_word(s, n, "newdoc") > 0; }

/* Is s[0, n) blank? */
static int blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t') return 0;
  return 1;
}

/* The line at *pos of s[0, n): its start and length without LF or CR LF; *pos moves past it. */
static size_t next_line(const char *s, size_t n, size_t *pos, const char **line) {
  const char *nl = memchr(s + *pos, '\n', n - *pos);
  size_t end = nl ? (size_t)(nl - s) : n, len = end - *pos;
  *line = s + *pos;
  *pos = nl ? end + 1 : n;
  if (len && (*line)[len - 1] == '\r') len--;
  return len;
}

/* A comment "# key = value" read from s[i] on (after "#", or after "# newdoc"): the key and value
** as offsets into s, trimmed. Returns 1 when it has that shape (a key without white space), 0 for
** a free comment. */
static int comment_kv(const char *s, size_t n, size_t i, size_t *ka, size_t *kb, size_t *va,
                      size_t *vb) {
  const char *eq = memchr(s + i, '=', n - i);
  if (!eq) return 0;
  *ka = i;
  *kb = (size_t)(eq - s);
  *va = *kb + 1;
  *vb = n;
  src_trim(s, ka, kb);
  src_trim(s, va, vb);
  if (*ka == *kb) return 0;
  for (size_t k = *ka; k < *kb; k++)
    if (s[k] == ' ' || s[k] == '\t') return 0;
  return 1;
}

/* }====================================================================== */

/* {====================================================================== a document */

/* A line of the sentence being read, kept until the sentence ends. */
typedef struct cu_line {
  const char *s;
  size_t n, off;            /* its length; where it starts in the document's bytes */
  uint32_t lineno;
} cu_line;

/* A word line split: the fields (at most CU_FIELDS kept, nf counts them all), its ID. */
enum { CU_BAD, CU_WORD, CU_RANGE, CU_EMPTY };
typedef struct cu_word {
  const char *f[CU_FIELDS];
  size_t fl[CU_FIELDS], nf;
  int type;
  long a, b;                /* ID a, or the range a-b */
  size_t surf;              /* the surface token it is written as */
} cu_word;

/* A surface token: a word, or a multiword token's line, with its span in the text once made. */
typedef struct cu_surf {
  const char *form;
  size_t len, off;
  int nospace;              /* MISC has SpaceAfter=No */
  uint32_t start, tlen;
} cu_surf;

typedef struct cu_doc {
  src_loader *L;
  const char *s;            /* the document's bytes */
  size_t n;
  int cp;                   /* decoded as Windows-1252 */
  src_tbuild tb;
  src_nbuf text;
  src_kvb meta;
  int docphase;             /* still before the first sentence: key = value comments are metadata */
  size_t par;               /* the open p region, or SIZE_MAX */
  int newpar;               /* a paragraph started since the last sentence's text */
  /* the sentence being read */
  cu_line *ln;
  size_t nln, lncap;
  src_kvb sattr;
  const char *stext;        /* its "# text", or NULL */
  size_t stext_n, stext_off;
  uint32_t stext_line, sline;  /* line of "# text"; first line of its comments (0: none) */
  size_t soff;              /* where the sentence starts in the bytes */
  /* scratch for ending a sentence */
  cu_word *w;
  cu_surf *sf;
  size_t wcap, sfcap;
  int oom;
} cu_doc;

/* Reads a number of at most 9 digits at s[*i]; 1 when there is one. */
static int read_num(const char *s, size_t n, size_t *i, long *v) {
  size_t st = *i;
  *v = 0;
  for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
    if (*i - st >= 9) return 0;
    *v = *v * 10 + (s[*i] - '0');
  }
  return *i > st;
}

/* Splits a word line into its fields and reads its ID: N (N >= 1), a range N-M (M > N), or an
** empty node N.K. */
static void split_word(const cu_line *l, cu_word *w) {
  size_t a = 0;
  w->nf = 0;
  for (size_t i = 0;; i++) {
    if (i < l->n && l->s[i] != '\t') continue;
    if (w->nf < CU_FIELDS) { w->f[w->nf] = l->s + a; w->fl[w->nf] = i - a; }
    w->nf++;
    a = i + 1;
    if (i >= l->n) break;
  }
  const char *id = w->f[0];
  size_t i = 0, n = w->fl[0];
  w->type = CU_BAD;
  w->b = 0;
  if (!read_num(id, n, &i, &w->a)) return;
  if (i == n) {
    if (w->a > 0) w->type = CU_WORD;
    return;
  }
  char sep = id[i++];
  if ((sep != '-' && sep != '.') || !read_num(id, n, &i, &w->b) || i != n) return;
  if (sep == '.') w->type = CU_EMPTY;
  else if (w->a > 0 && w->b > w->a) w->type = CU_RANGE;
}

/* Does a MISC field say SpaceAfter=No? */
static int no_space_after(const char *m, size_t n) {
  for (size_t a = 0; a < n;) {
    const char *bar = memchr(m + a, '|', n - a);
    size_t e = bar ? (size_t)(bar - m) : n;
    if (e - a == 13 && memcmp(m + a, "SpaceAfter=No", 13) == 0) return 1;
    a = e + 1;
  }
  return 0;
}

static void sentence_reset(cu_doc *D) {
  D->nln = 0;
  src_kvb_free(&D->sattr);
  D->stext = NULL;
  D->sline = 0;
}

/* Splits the sentence's lines and picks its surface tokens; warns about what is wrong. Returns
** the number of surface tokens. */
static size_t read_words(cu_doc *D) {
  size_t ns = 0, mwt = SIZE_MAX, mwt_words = 0;
  long expect = 1, mwt_end = 0;
  for (size_t i = 0; i < D->nln; i++) {
    const cu_line *l = &D->ln[i];
    cu_word *w = &D->w[i];
    split_word(l, w);
    if (w->type == CU_BAD) {
      src_tb_warn(&D->tb, l->lineno, "ID \"%.*s\" is no word number, range or empty node: line skipped",
                  (int)(w->fl[0] > 40 ? 40 : w->fl[0]), w->f[0]);
      continue;
    }
    size_t form_at = w->nf >= 2 && w->fl[1] ? (size_t)(w->f[1] - l->s) : l->n;  /* "_" put in: the line end */
    if (w->nf != CU_FIELDS) {
      if (w->nf < CU_FIELDS)
        src_tb_warn(&D->tb, l->lineno, "%zu fields where CoNLL-U has 10: the missing ones read as \"_\"", w->nf);
      else
        src_tb_warn(&D->tb, l->lineno, "%zu fields where CoNLL-U has 10: the last %zu ignored", w->nf,
                    w->nf - CU_FIELDS);
      for (size_t k = w->nf; k < CU_FIELDS; k++) { w->f[k] = "_"; w->fl[k] = 1; }
    }
    if (w->fl[1] == 0) {
      src_tb_warn(&D->tb, l->lineno, "empty FORM, read as \"_\"");
      w->f[1] = "_";
      w->fl[1] = 1;
    }
    if (w->type == CU_EMPTY) continue;          /* an empty node is no token */
    if (mwt != SIZE_MAX && (w->type == CU_RANGE || w->a > mwt_end)) {
      if (mwt_words != (size_t)(mwt_end - D->w[mwt].a + 1))
        src_tb_warn(&D->tb, D->ln[mwt].lineno, "multiword token %ld-%ld is followed by %zu of its words",
                    D->w[mwt].a, mwt_end, mwt_words);
      mwt = SIZE_MAX;
    }
    if (w->type == CU_RANGE && w->a != expect) {
      src_tb_warn(&D->tb, l->lineno, "multiword token %ld-%ld where word %ld comes next: line skipped",
                  w->a, w->b, expect);
      w->type = CU_BAD;
      continue;
    }
    if (w->type == CU_WORD && w->a != expect)
      src_tb_warn(&D->tb, l->lineno, "word %ld where word %ld comes next: kept in the file's order", w->a,
                  expect);
    if (w->type == CU_WORD) expect = w->a + 1;
    if (w->type == CU_WORD && mwt != SIZE_MAX) {
      w->surf = D->w[mwt].surf;
      mwt_words++;
      continue;
    }
    cu_surf *s = &D->sf[ns];
    s->form = w->f[1];
    s->len = w->fl[1];
    s->off = l->off + form_at;
    s->nospace = no_space_after(w->f[9], w->fl[9]);
    w->surf = ns++;
    if (w->type == CU_RANGE) { mwt = i; mwt_end = w->b; mwt_words = 0; }
  }
  if (mwt != SIZE_MAX && mwt_words != (size_t)(mwt_end - D->w[mwt].a + 1))
    src_tb_warn(&D->tb, D->ln[mwt].lineno, "multiword token %ld-%ld is followed by %zu of its words",
                D->w[mwt].a, mwt_end, mwt_words);
  return ns;
}

/* Finds the surface forms in "# text", in order, with only white space around them; their
** offsets in it go to start. Returns 1 when they all are, else 0 with the first missing in *miss. */
static int text_matches(const cu_doc *D, size_t ns, size_t *at, size_t *miss) {
  const char *t = D->stext;
  size_t p = 0, n = D->stext_n;
  for (size_t k = 0; k < ns; k++) {
    while (p < n && (t[p] == ' ' || t[p] == '\t')) p++;
    if (n - p < D->sf[k].len || memcmp(t + p, D->sf[k].form, D->sf[k].len) != 0) { *miss = k; return 0; }
    at[k] = p;
    p += D->sf[k].len;
  }
  while (p < n && (t[p] == ' ' || t[p] == '\t')) p++;
  *miss = ns;
  return p == n;
}

/* The sentence read so far becomes text, tokens and a region s. */
static void sentence_end(cu_doc *D) {
  if (!D->nln) {
    if (D->sline) src_tb_warn(&D->tb, D->sline, "a sentence without words, skipped");
    sentence_reset(D);
    return;
  }
  if (src_grow(&D->w, &D->wcap, D->nln, sizeof *D->w) || src_grow(&D->sf, &D->sfcap, D->nln, sizeof *D->sf)) {
    D->oom = 1;
    return;
  }
  size_t ns = read_words(D), miss = 0, nwords = 0;
  for (size_t i = 0; i < D->nln; i++) nwords += D->w[i].type == CU_WORD;
  if (!nwords) {
    src_tb_warn(&D->tb, D->sline ? D->sline : D->ln[0].lineno, "a sentence without words, skipped");
    sentence_reset(D);
    return;
  }
  size_t *at = malloc(ns * sizeof *at);
  if (!at) { D->oom = 1; return; }
  int use_text = D->stext && ns && text_matches(D, ns, at, &miss);
  if (D->stext && ns && !use_text)
    src_tb_warn(&D->tb, D->stext_line, "\"# text\" does not match the forms (from \"%.*s\" on): the text "
                "is made of the forms", (int)(miss < ns ? (D->sf[miss].len > 40 ? 40 : D->sf[miss].len) : 0),
                miss < ns ? D->sf[miss].form : "");
  src_nbuf *b = &D->text;
  if (b->n) src_nb_put(b, D->newpar ? "\n\n" : "\n", D->newpar ? 2 : 1, D->soff);
  D->newpar = 0;
  size_t prev = 0;
  for (size_t k = 0; k < ns; k++) {
    cu_surf *s = &D->sf[k];
    if (use_text) {                   /* the text as written, the forms found in it */
      size_t pos = D->stext_off + at[k];
      if (k > 0 && pos > prev) src_nb_put(b, D->s + prev, pos - prev, prev);
      s->start = (uint32_t)b->n;
      src_decode(b, D->s + pos, s->len, pos, D->cp, 0, NULL);
      prev = pos + s->len;
    } else {
      if (k > 0 && !D->sf[k - 1].nospace) src_nb_put(b, " ", 1, D->sf[k - 1].off + D->sf[k - 1].len);
      s->start = (uint32_t)b->n;
      src_decode(b, s->form, s->len, s->off, D->cp, 0, NULL);
    }
    s->tlen = (uint32_t)(b->n - s->start);
  }
  free(at);
  src_kvb attrs = D->sattr;
  size_t reg = SIZE_MAX;
  uint32_t val[CU_NATTR];
  for (size_t i = 0; i < D->nln; i++) {
    const cu_word *w = &D->w[i];
    if (w->type != CU_WORD) continue;
    if (reg == SIZE_MAX) {
      src_tb_sentence(&D->tb);
      reg = src_tb_open(&D->tb, "s", 1, src_tb_attrs(&D->tb, &attrs));
    }
    for (size_t a = 0; a < CU_NATTR; a++) {
      size_t nbad;
      val[a] = src_tb_value(&D->tb, w->f[a + 2], w->fl[a + 2], D->cp, 0, &nbad);
    }
    const cu_surf *sf = &D->sf[w->surf];
    src_tb_token(&D->tb, sf->start, sf->tlen, val);
    if (sf->len != w->fl[1] || memcmp(sf->form, w->f[1], w->fl[1]) != 0) {   /* do + n't of "don't" */
      size_t nbad;
      src_tb_form(&D->tb, src_tb_value(&D->tb, w->f[1], w->fl[1], D->cp, 0, &nbad));
    }
  }
  src_tb_close(&D->tb, reg);
  sentence_reset(D);
}

/* A comment line of the document (not its "# newdoc"). */
static void comment(cu_doc *D, const char *l, size_t n, size_t off, uint32_t lineno) {
  size_t ka, kb, va, vb, i = after_word(l, n, "newpar");
  if (i) {
    src_kvb pa;
    memset(&pa, 0, sizeof pa);
    if (comment_kv(l, n, i, &ka, &kb, &va, &vb)) {
      if (src_kvb_put(&pa, l + ka, kb - ka, l + va, vb - va, 1)) D->oom = 1;
    } else if (!blank(l + i, n - i)) {
      src_tb_warn(&D->tb, lineno, "\"%.*s\" is not \"# newpar key = value\": read as \"# newpar\"",
                  (int)(n > 60 ? 60 : n), l);
    }
    D->docphase = 0;
    src_tb_close(&D->tb, D->par);
    D->par = src_tb_open(&D->tb, "p", 1, src_tb_attrs(&D->tb, &pa));
    D->newpar = 1;
    src_kvb_free(&pa);
    if (!D->sline) D->soff = off;
    return;
  }
  if (!comment_kv(l, n, 1, &ka, &kb, &va, &vb)) return;      /* a free comment: nothing to keep */
  int sent_id = kb - ka == 7 && memcmp(l + ka, "sent_id", 7) == 0;
  int text = kb - ka == 4 && memcmp(l + ka, "text", 4) == 0;
  if (sent_id || text) D->docphase = 0;
  if (D->docphase) {
    if (src_kvb_put(&D->meta, l + ka, kb - ka, l + va, vb - va, 1)) D->oom = 1;
    return;
  }
  if (!D->sline) { D->sline = lineno; D->soff = off; }
  if (text) {
    D->stext = l + va;
    D->stext_n = vb - va;
    D->stext_off = off + va;
    D->stext_line = lineno;
  } else if (src_kvb_put(&D->sattr, sent_id ? "id" : l + ka, sent_id ? 2 : kb - ka, l + va, vb - va, 1)) {
    D->oom = 1;
  }
}

/* Reads a document's lines. The first may be its "# newdoc" (not in a whole file); another one
** means the bytes are not one document (2). Returns 0, 2, or -1 when out of memory. */
static int read_lines(cu_doc *D, size_t from, uint32_t line1, int whole) {
  size_t pos = from;
  uint32_t lineno = line1 - 1;
  while (pos < D->n && !D->oom) {
    size_t off = pos;
    const char *l;
    size_t n = next_line(D->s, D->n, &pos, &l);
    lineno++;
    if (blank(l, n)) {
      sentence_end(D);
    } else if (l[0] == '#') {
      if (is_newdoc(l, n)) {
        size_t ka, kb, va, vb, i = after_word(l, n, "newdoc");
        if (off != from || whole) return 2;
        if (comment_kv(l, n, i, &ka, &kb, &va, &vb)) {
          if (src_kvb_put(&D->meta, l + ka, kb - ka, l + va, vb - va, 1)) D->oom = 1;
        } else if (!blank(l + i, n - i)) {
          src_tb_warn(&D->tb, lineno, "\"%.*s\" is not \"# newdoc key = value\": read as \"# newdoc\"",
                      (int)(n > 60 ? 60 : n), l);
        }
        continue;
      }
      if (D->nln) {
        src_tb_warn(&D->tb, lineno, "no blank line after the sentence: one is assumed");
        sentence_end(D);
      }
      comment(D, l, n, off, lineno);
    } else {
      D->docphase = 0;
      if (!D->nln && !D->sline) D->soff = off;
      if (src_grow(&D->ln, &D->lncap, D->nln + 1, sizeof *D->ln)) return -1;
      D->ln[D->nln++] = (cu_line){ l, n, off, lineno };
    }
  }
  if (!D->oom) sentence_end(D);
  return D->oom ? -1 : 0;
}

static void doc_free(cu_doc *D) {
  src_tb_free(&D->tb);
  src_nb_free(&D->text);
  src_kvb_free(&D->meta);
  src_kvb_free(&D->sattr);
  free(D->ln);
  free(D->w);
  free(D->sf);
}

/* The document in s[0, n), at byte base of its file and starting on line line1: named the file
** when whole, else "file#line1". Returns 0 with d filled; 1 when skipped (warned); 2 when the
** bytes are not one document; -1 when out of memory. */
static int conllu_doc(src_loader *L, const char *s, size_t n, uint64_t base, uint32_t line1, int whole,
                      src_doc *d) {
  cu_doc D;
  memset(&D, 0, sizeof D);
  memset(d, 0, sizeof *d);
  D.L = L;
  D.s = s;
  D.n = n;
  D.docphase = 1;
  D.par = SIZE_MAX;
  size_t from = base == 0 ? src_bom(s, n) : 0, bad;
  if (from) d->flags |= SRC_BOM;
  D.cp = !src_utf8_valid(s + from, n - from, &bad);
  if (src_tb_init(&D.tb, L, cu_attrs, CU_NATTR)) { doc_free(&D); return -1; }
  if (D.cp) {
    d->flags |= SRC_CP1252;
    uint32_t bl = line1;
    for (size_t i = 0; i < from + bad; i++) bl += s[i] == '\n';
    src_tb_warn(&D.tb, bl, "not valid UTF-8 (byte offset %llu): the document decoded as Windows-1252",
                (unsigned long long)(base + from + bad));
  }
  const char *nl1 = memchr(s + from, '\n', n - from);
  if (!whole && base != 0 && !is_newdoc(s + from, nl1 ? (size_t)(nl1 - s - from) : n - from)) {
    doc_free(&D);                       /* only the first document may start without "# newdoc" */
    return 2;
  }
  int r = read_lines(&D, from, line1, whole);
  if (r) { doc_free(&D); return r; }
  src_tb_close(&D.tb, D.par);
  if (!D.tb.t->ntok) src_tb_warn(&D.tb, line1, "a document without words");
  d->line = whole ? 0 : line1;
  d->byte_start = base;
  d->byte_len = n;
  size_t nl = strlen(L->base) + 12;
  if ((d->name = malloc(nl)) != NULL) snprintf(d->name, nl, whole ? "%s" : "%s#%u", L->base, line1);
  src_nb_mark(&D.text, n);
  r = d->name ? src_tb_doc(&D.tb, &D.text, &D.meta, d) : -1;
  doc_free(&D);
  if (r < 0) src_doc_free(d);
  return r;
}

/* }====================================================================== */

/* {====================================================================== the file */

/* Every document of a file: one per "# newdoc", from its line to the next; words before the first
** one are a document of their own (warned); a file without any is one document. */
static int conllu_docs(src_loader *L, const char *buf, size_t n, src_doc_fn fn, void *ud) {
  size_t pos = src_bom(buf, n), start = 0, first_word = 0, first_comment = 0;
  uint32_t lineno = 0, start_line = 1;
  int any = 0;
  for (;;) {
    size_t off = pos;
    const char *l = NULL;
    size_t len = pos < n ? next_line(buf, n, &pos, &l) : 0;
    int at_end = off >= n, nd = !at_end && is_newdoc(l, len);
    lineno++;
    if (!at_end && !nd && !any) {
      if (!first_word && len && !blank(l, len) && l[0] != '#') first_word = lineno;
      if (!first_comment && len && l[0] == '#') first_comment = lineno;
    }
    if (!nd && !at_end) continue;
    if (!any && !at_end && !first_word && first_comment) {
      src_lwarn(L, "line %zu: comments before the first \"# newdoc\" (line %u), ignored", first_comment,
                lineno);
    } else if (any || at_end || first_word) {
      if (!any && !at_end)
        src_lwarn(L, "line %zu: words before the first \"# newdoc\" (line %u): a document of their own",
                  first_word, lineno);
      src_doc d;
      int r = conllu_doc(L, buf + start, off - start, start, start_line, !any && at_end, &d);
      if (r < 0) return -1;
      if (r == 0 && fn(ud, &d)) return -1;
    }
    if (at_end) return 0;
    any = 1;
    start = off == src_bom(buf, n) ? 0 : off;   /* a first document keeps the byte order mark */
    start_line = lineno;
  }
}

static int conllu_load(src_loader *L, char *buf, size_t n, src_doc_fn fn, void *ud) {
  int r = conllu_docs(L, buf, n, fn, ud);
  free(buf);
  return r;
}

/* One document again: the whole file (line 0), or the bytes of a "# newdoc" up to the next one. */
static int conllu_reread(src_loader *L, int fd, uint64_t size, uint32_t line, uint64_t start,
                         uint64_t len, src_doc *d, char *err, size_t errlen) {
  char *buf;
  const char *s;
  int r;
  if (line == 0) {
    if (!(buf = src_read_again(L, fd, size, len, err, errlen))) return -1;
    r = conllu_doc(L, buf, (size_t)len, 0, 1, 1, d);
  } else {
    if (start + len > size || len > SRC_MAX_BYTES) goto changed;
    uint64_t lo = start ? start - 1 : 0, hi = start + len + 64 < size ? start + len + 64 : size;
    if (!(buf = malloc((size_t)(hi - lo) + 1))) { snprintf(err, errlen, "out of memory"); return -1; }
    ssize_t got = src_read_at(fd, buf, (size_t)(hi - lo), lo);
    s = buf + (start - lo);
    const char *next = s + len;
    size_t nextn = (size_t)(hi - start - len);
    const char *eol = memchr(next, '\n', nextn);
    int ok = got == (ssize_t)(hi - lo) && (start == 0 || s[-1] == '\n') && (len == 0 || s[len - 1] == '\n' ||
             start + len == size) && !memchr(s, 0, (size_t)len) &&
             (start + len == size || is_newdoc(next, eol ? (size_t)(eol - next) : nextn));
    r = ok ? conllu_doc(L, s, (size_t)len, start, line, 0, d) : 2;
  }
  free(buf);
  return src_reread_result(L, r, line, err, errlen);
changed:
  return src_reread_result(L, 2, line, err, errlen);
}

static const char *const conllu_extensions[] = { ".conllu", NULL };

const src_format src_format_conllu = { "conllu", SRC_CONLLU, conllu_extensions, conllu_load, conllu_reread, NULL };

/* }====================================================================== */
