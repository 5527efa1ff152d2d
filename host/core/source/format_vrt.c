/*
** format_vrt.c: VRT files (CWB's vertical text), a document per top-level <text> element (or the
** whole file when it has none). A line is a token (tab-separated columns, the word first, named by
** a "#vrt positional-attributes" comment, src_set_attributes, or CWB's "word pos lemma"), a tag, or
** a comment; every element but <text> becomes a region, <s> also a sentence. See doc/formats.md.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

static const char *const vrt_default[] = { "word", "pos", "lemma" };

/* {====================================================================== lines and tags */

/* The line at *pos of s[0, n): its start and length without LF, CR LF or trailing blanks. */
static size_t next_line(const char *s, size_t n, size_t *pos, const char **line) {
  const char *nl = memchr(s + *pos, '\n', n - *pos);
  size_t end = nl ? (size_t)(nl - s) : n, len = end - *pos;
  *line = s + *pos;
  *pos = nl ? end + 1 : n;
  while (len && ((*line)[len - 1] == '\r' || (*line)[len - 1] == ' ')) len--;
  return len;
}

static int is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t') return 0;
  return 1;
}

static int name_char(int c, int first) {
  return ((c | 32) >= 'a' && (c | 32) <= 'z') || c == '_' || c == ':' || c >= 0x80 ||
         (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
}

/* A name at s[*i]: its length (0 when none); *i moves past it. */
static size_t read_name(const char *s, size_t n, size_t *i) {
  size_t a = *i;
  while (*i < n && name_char((unsigned char)s[*i], *i == a)) (*i)++;
  return *i - a;
}

static void skip_ws(const char *s, size_t n, size_t *i) {
  while (*i < n && (s[*i] == ' ' || s[*i] == '\t')) (*i)++;
}

/* The next attribute of a tag at s[*i] on (s ends with '>'): 1 with the key [k[0], k[1]) and the
** value [k[2], k[3]) (without its quotes; *bare when it had none); 0 at the tag's end; -1 when
** the tag is malformed. */
static int next_attr(const char *s, size_t n, size_t *i, size_t k[4], int *bare) {
  skip_ws(s, n, i);
  if (*i + 1 == n || (*i + 2 == n && s[*i] == '/')) return 0;
  k[0] = *i;
  if (!read_name(s, n - 1, i)) return -1;
  k[1] = *i;
  skip_ws(s, n, i);
  if (*i >= n - 1 || s[*i] != '=') return -1;
  (*i)++;
  skip_ws(s, n, i);
  *bare = s[*i] != '"' && s[*i] != '\'';
  if (!*bare) {
    const char *q = memchr(s + *i + 1, s[*i], n - 1 - *i - 1);
    if (!q) return -1;
    k[2] = *i + 1;
    k[3] = (size_t)(q - s);
    *i = k[3] + 1;
  } else {
    k[2] = *i;
    while (*i < n - 1 && s[*i] != ' ' && s[*i] != '\t' && !(s[*i] == '/' && *i + 2 == n)) (*i)++;
    k[3] = *i;
    if (k[2] == k[3]) return -1;
  }
  return *i < n && (s[*i] == ' ' || s[*i] == '\t' || *i + 1 == n || (s[*i] == '/' && *i + 2 == n)) ? 1 : -1;
}

/* What a line starting with '<' is. */
enum { T_NONE, T_OPEN, T_CLOSE, T_EMPTY, T_COMMENT, T_DECL };
typedef struct vrt_tag {
  int kind;
  const char *name;
  size_t nl;
  size_t at;                /* where the attributes start in the line */
  int open_comment;         /* a comment without its end on the line */
} vrt_tag;

static int read_tag(const char *l, size_t n, vrt_tag *t) {
  size_t i = 1, k[4];
  int bare;
  memset(t, 0, sizeof *t);
  if (n >= 4 && memcmp(l, "<!--", 4) == 0) {
    t->kind = T_COMMENT;
    t->open_comment = n < 7 || memcmp(l + n - 3, "-->", 3) != 0;
    return t->kind;
  }
  if (n >= 2 && l[1] == '?') return t->kind = T_DECL;
  if (n < 3 || l[n - 1] != '>') return T_NONE;
  int close = l[1] == '/';
  i += close;
  t->name = l + i;
  if (!(t->nl = read_name(l, n - 1, &i))) return T_NONE;
  t->at = i;
  if (close) {
    skip_ws(l, n, &i);
    return t->kind = i + 1 == n ? T_CLOSE : T_NONE;
  }
  int r;
  while ((r = next_attr(l, n, &i, k, &bare)) > 0) {}
  if (r < 0) return T_NONE;
  return t->kind = l[n - 2] == '/' ? T_EMPTY : T_OPEN;
}

static int tag_is(const vrt_tag *t, const char *name) {
  return t->nl == strlen(name) && memcmp(t->name, name, t->nl) == 0;
}

/* Is the line "<!-- #vrt positional-attributes: ... -->"? Then the names start at *at. */
static int is_header(const char *l, size_t n, size_t *at) {
  static const char key[] = "#vrt positional-attributes:";
  size_t i = 4;
  if (n < 7 || memcmp(l, "<!--", 4) != 0 || memcmp(l + n - 3, "-->", 3) != 0) return 0;
  skip_ws(l, n, &i);
  if (n - i < sizeof key - 1 || memcmp(l + i, key, sizeof key - 1) != 0) return 0;
  *at = i + sizeof key - 1;
  return 1;
}

/* The column names a header line gives (owned, in *names), or 0 when it names none well (empty,
** a bad name, one twice). Returns the count; -1 when out of memory. */
static long header_names(const char *l, size_t n, char ***names) {
  size_t at, cnt = 0, end = n - 3;
  *names = NULL;
  if (!is_header(l, n, &at)) return 0;
  char **v = calloc(end - at + 1, sizeof *v);
  if (!v) return -1;
  for (size_t i = at;;) {
    skip_ws(l, end, &i);
    if (i >= end) break;
    size_t a = i;
    while (i < end && l[i] != ' ' && l[i] != '\t') i++;
    int ok = src_attr_name_ok(l + a, i - a);
    for (size_t j = 0; ok && j < cnt; j++) ok = !(strlen(v[j]) == i - a && memcmp(v[j], l + a, i - a) == 0);
    if (!ok) { cnt = 0; break; }
    if (!(v[cnt++] = src_dupn(l + a, i - a))) {
      for (size_t j = 0; j < cnt; j++) free(v[j]);
      free(v);
      return -1;
    }
  }
  if (!cnt) { free(v); return 0; }
  *names = v;
  return (long)cnt;
}

/* The last header line in s[*pos, ...) before the first token line of [doc, end) (or before end),
** into *hl, *hn; *pos moves to where the search stopped, for the next document. */
static void find_header(const char *s, size_t *pos, size_t doc, size_t end, const char **hl, size_t *hn) {
  size_t at;
  while (*pos < end) {
    size_t off = *pos;
    const char *l;
    size_t n = next_line(s, end, pos, &l);
    if (off >= doc && n && l[0] != '<' && !is_blank(l, n)) { *pos = off; return; }
    if (is_header(l, n, &at)) { *hl = l; *hn = n; }
  }
}

/* }====================================================================== */

/* {====================================================================== a document */

typedef struct vrt_el {
  const char *name;
  size_t nl, reg;
  uint32_t line;
} vrt_el;

typedef struct vrt_doc {
  src_loader *L;
  const char *s;
  size_t n;
  int cp;
  src_tbuild tb;
  src_nbuf text;
  src_kvb meta;
  size_t ncols;             /* the word and the attributes */
  uint32_t *val;
  vrt_el *el;               /* the open elements, <text> not among them */
  size_t nel, elcap;
  int sep;                  /* before the next word: 0 a space, 1 a newline, 2 a blank line */
  size_t prev_end;          /* where the last word ends in the bytes */
  int oom;
} vrt_doc;

/* A tag's attributes, decoded, into kv (the first of a name twice is kept, warned). */
static void tag_attrs(vrt_doc *D, const char *l, size_t n, const vrt_tag *t, uint32_t lineno, src_kvb *kv) {
  size_t i = t->at, k[4];
  int bare;
  while (next_attr(l, n, &i, k, &bare) > 0) {
    src_nbuf *v = &D->tb.scratch;
    size_t bad, nk = kv->n;
    v->n = 0;
    v->nomap = 1;
    if (src_decode(v, l + k[2], k[3] - k[2], 0, D->cp, 1, &bad))
      src_tb_warn(&D->tb, lineno, "a character reference that is no character, kept as written");
    src_nb_reserve(v, v->n + 1);
    if (v->err || src_kvb_put(kv, l + k[0], k[1] - k[0], v->s, v->n, 0)) { D->oom = 1; return; }
    if (kv->n == nk)
      src_tb_warn(&D->tb, lineno, "attribute \"%.*s\" given twice: the first is kept", (int)(k[1] - k[0]), l + k[0]);
    if (bare)
      src_tb_warn(&D->tb, lineno, "attribute \"%.*s\" without quotes: read as written", (int)(k[1] - k[0]),
                  l + k[0]);
  }
}

static void sep_at_least(vrt_doc *D, int sep) {
  if (D->sep < sep) D->sep = sep;
}

/* An element opens: a region, and for <s> and <p> a break in the text. */
static void el_open(vrt_doc *D, const char *l, size_t n, const vrt_tag *t, uint32_t lineno) {
  src_kvb kv;
  memset(&kv, 0, sizeof kv);
  tag_attrs(D, l, n, t, lineno, &kv);
  if (src_grow(&D->el, &D->elcap, D->nel + 1, sizeof *D->el)) { D->oom = 1; src_kvb_free(&kv); return; }
  D->el[D->nel++] = (vrt_el){ t->name, t->nl, src_tb_open(&D->tb, t->name, t->nl, src_tb_attrs(&D->tb, &kv)), lineno };
  src_kvb_free(&kv);
  if (tag_is(t, "s")) { src_tb_sentence(&D->tb); sep_at_least(D, 1); }
  if (tag_is(t, "p")) sep_at_least(D, 2);
}

/* The innermost open element ends. */
static void el_close(vrt_doc *D) {
  vrt_el *e = &D->el[--D->nel];
  src_tb_close(&D->tb, e->reg);
  int s = e->nl == 1 && e->name[0] == 's';
  if (s && e->reg < D->tb.t->nst && D->tb.t->st[e->reg].first == D->tb.t->st[e->reg].end)
    src_tb_warn(&D->tb, e->line, "an <s> without words");
  if (s) { src_tb_sentence(&D->tb); sep_at_least(D, 1); }
  if (e->nl == 1 && e->name[0] == 'p') sep_at_least(D, 2);
}

/* </name>: closes it, and the elements opened inside it that are still open (warned). */
static void end_tag(vrt_doc *D, const vrt_tag *t, uint32_t lineno) {
  size_t i = D->nel;
  while (i > 0 && !(D->el[i - 1].nl == t->nl && memcmp(D->el[i - 1].name, t->name, t->nl) == 0)) i--;
  if (i == 0) {
    src_tb_warn(&D->tb, lineno, "</%.*s> without <%.*s>: ignored", (int)t->nl, t->name, (int)t->nl, t->name);
    return;
  }
  while (D->nel > i) {
    vrt_el *e = &D->el[D->nel - 1];
    src_tb_warn(&D->tb, e->line, "<%.*s> never closed: closed at </%.*s> on line %u", (int)e->nl, e->name,
                (int)t->nl, t->name, lineno);
    el_close(D);
  }
  el_close(D);
}

/* A token line: the word into the text, the other columns as its values. */
static void token(vrt_doc *D, const char *l, size_t n, size_t off, uint32_t lineno) {
  size_t nf = 0, a = 0, word_end = n, bad;
  size_t nattr = D->ncols - 1;
  for (size_t i = 0;; i++) {
    if (i < n && l[i] != '\t') continue;
    if (nf == 0) word_end = i;
    else if (nf <= nattr) D->val[nf - 1] = src_tb_value(&D->tb, l + a, i - a, D->cp, 1, &bad);
    if (nf && nf <= nattr && bad)
      src_tb_warn(&D->tb, lineno, "a character reference that is no character, kept as written");
    nf++;
    a = i + 1;
    if (i >= n) break;
  }
  for (size_t k = nf; k < D->ncols; k++) D->val[k - 1] = src_tb_intern(&D->tb, "", 0);
  if (nf < D->ncols)
    src_tb_warn(&D->tb, lineno, "%zu columns where there are %zu attributes: the missing ones are empty", nf,
                D->ncols);
  else if (nf > D->ncols)
    src_tb_warn(&D->tb, lineno, "%zu columns where there are %zu attributes: the last %zu ignored", nf, D->ncols,
                nf - D->ncols);
  src_nbuf *b = &D->text;
  if (b->n) {
    static const char *const seps[] = { " ", "\n", "\n\n" };
    src_nb_put(b, seps[D->sep], strlen(seps[D->sep]), D->prev_end);
  }
  D->sep = 0;
  uint32_t start = (uint32_t)b->n;
  if (src_decode(b, l, word_end, off, D->cp, 1, &bad))
    src_tb_warn(&D->tb, lineno, "a character reference that is no character, kept as written");
  if (word_end == 0) src_tb_warn(&D->tb, lineno, "an empty word");
  D->prev_end = off + word_end;
  src_tb_token(&D->tb, start, (uint32_t)(b->n - start), D->val);
}

/* Reads the lines of a document: a <text> element when !whole (its first line), else a file
** without one. Returns 0; 2 when the bytes are not one document; -1 when out of memory. */
static int read_lines(vrt_doc *D, size_t from, uint32_t line1, int whole) {
  size_t pos = from;
  uint32_t lineno = line1 - 1, text_end = 0;
  while (pos < D->n && !D->oom) {
    size_t off = pos;
    const char *l;
    size_t n = next_line(D->s, D->n, &pos, &l);
    lineno++;
    if (is_blank(l, n)) continue;
    if (text_end) return 2;                 /* something after </text> */
    vrt_tag t;
    t.kind = T_NONE;
    if (l[0] == '<' && read_tag(l, n, &t) == T_NONE)
      src_tb_warn(&D->tb, lineno, "\"%.*s\" is no tag: read as a word", (int)(n > 40 ? 40 : n), l);
    switch (t.kind) {
    case T_COMMENT:
      if (t.open_comment) src_tb_warn(&D->tb, lineno, "a comment not closed on its line: the line is ignored");
      break;
    case T_DECL: break;
    case T_OPEN:
    case T_EMPTY:
      if (tag_is(&t, "text")) {
        if (t.kind == T_EMPTY) {
          src_tb_warn(&D->tb, lineno, "<text/> is not VRT: ignored");
          break;
        }
        if (whole || off != from) return 2;
        tag_attrs(D, l, n, &t, lineno, &D->meta);
        break;
      }
      if (t.kind == T_EMPTY)
        src_tb_warn(&D->tb, lineno, "<%.*s/> is not VRT: read as <%.*s></%.*s>", (int)t.nl, t.name, (int)t.nl,
                    t.name, (int)t.nl, t.name);
      el_open(D, l, n, &t, lineno);
      if (t.kind == T_EMPTY) el_close(D);
      break;
    case T_CLOSE:
      if (tag_is(&t, "text") && !whole) {
        while (D->nel) {
          vrt_el *e = &D->el[D->nel - 1];
          src_tb_warn(&D->tb, e->line, "<%.*s> never closed: closed at </text> on line %u", (int)e->nl, e->name,
                      lineno);
          el_close(D);
        }
        text_end = lineno;
      } else {
        end_tag(D, &t, lineno);
      }
      break;
    default:
      token(D, l, n, off, lineno);
    }
  }
  if (!whole && !text_end) src_tb_warn(&D->tb, line1, "<text> never closed: the document ends on line %u", lineno);
  while (D->nel) {
    vrt_el *e = &D->el[D->nel - 1];
    src_tb_warn(&D->tb, e->line, "<%.*s> never closed: closed at the end of the document", (int)e->nl, e->name);
    el_close(D);
  }
  return D->oom ? -1 : 0;
}

/* The column names for a document: the header line's, else the context's, else CWB's. */
static const char *const *columns(const src_ctx *c, const char *hl, size_t hn, char ***own, size_t *ncols) {
  long k = hl ? header_names(hl, hn, own) : 0;
  if (k < 0) return NULL;
  if (k > 0) { *ncols = (size_t)k; return (const char *const *)*own; }
  if (c->nvrt_cols) { *ncols = c->nvrt_cols; return (const char *const *)c->vrt_cols; }
  *ncols = 3;
  return vrt_default;
}

/* The document in s[0, n), at byte base of its file, starting on line line1, its columns named by
** the header line hl (or NULL): the whole file (named so) or a <text> ("file#line1"). Returns 0
** with d filled; 1 when skipped (warned); 2 when the bytes are not one document; -1 when out of
** memory. */
static int vrt_doc_read(src_loader *L, const char *s, size_t n, uint64_t base, uint32_t line1, int whole,
                        const char *hl, size_t hn, src_doc *d) {
  vrt_doc D;
  char **own = NULL;
  memset(&D, 0, sizeof D);
  memset(d, 0, sizeof *d);
  D.L = L;
  D.s = s;
  D.n = n;
  size_t from = base == 0 ? src_bom(s, n) : 0, bad;
  if (from) d->flags |= SRC_BOM;
  D.cp = !src_utf8_valid(s + from, n - from, &bad);
  const char *const *names = columns(L->c, hl, hn, &own, &D.ncols);
  int r = -1;
  if (!names || src_tb_init(&D.tb, L, names + 1, D.ncols - 1) ||
      !(D.val = malloc(D.ncols * sizeof *D.val)))
    goto done;
  if (D.cp) {
    d->flags |= SRC_CP1252;
    uint32_t bl = line1;
    for (size_t i = 0; i < from + bad; i++) bl += s[i] == '\n';
    src_tb_warn(&D.tb, bl, "not valid UTF-8 (byte offset %llu): the document decoded as Windows-1252",
                (unsigned long long)(base + from + bad));
  }
  if ((r = read_lines(&D, from, line1, whole)) != 0) goto done;
  if (!D.tb.t->ntok) src_tb_warn(&D.tb, line1, "a document without words");
  d->line = whole ? 0 : line1;
  d->byte_start = base;
  d->byte_len = n;
  size_t nl = strlen(L->base) + 12;
  if ((d->name = malloc(nl)) != NULL) snprintf(d->name, nl, whole ? "%s" : "%s#%u", L->base, line1);
  src_nb_mark(&D.text, n);
  r = d->name ? src_tb_doc(&D.tb, &D.text, &D.meta, d) : -1;
done:
  if (r) src_doc_free(d);
  src_tb_free(&D.tb);
  src_nb_free(&D.text);
  src_kvb_free(&D.meta);
  free(D.val);
  free(D.el);
  for (size_t i = 0; own && own[i]; i++) free(own[i]);
  free(own);
  return r;
}

/* }====================================================================== */

/* {====================================================================== the file */

static int text_tag(const char *l, size_t n, int kind) {
  vrt_tag t;
  return n && l[0] == '<' && read_tag(l, n, &t) == kind && tag_is(&t, "text");
}

/* What a file's walk carries from one document to the next. */
typedef struct vrt_walk {
  src_loader *L;
  const char *buf;
  size_t n, hpos, hn;
  const char *hl;           /* the header line in effect */
  src_doc_fn fn;
  void *ud;
  size_t out_words;         /* token lines outside any <text>, not yet reported */
  uint32_t out_first, out_last;
} vrt_walk;

/* Hands out the document in [start, end), whole or a <text> starting on line line1. */
static int emit(vrt_walk *W, size_t start, size_t end, uint32_t line1, int whole) {
  src_doc d;
  find_header(W->buf, &W->hpos, start, end, &W->hl, &W->hn);
  int r = vrt_doc_read(W->L, W->buf + start, end - start, start, line1, whole, W->hl, W->hn, &d);
  if (r < 0) return -1;
  if (r == 0 && W->fn(W->ud, &d)) return -1;
  return 0;
}

static void flush_outside(vrt_walk *W) {
  if (W->out_words)
    src_lwarn(W->L, "line %u: %zu token lines outside any <text> (up to line %u): skipped", W->out_first,
              W->out_words, W->out_last);
  W->out_words = 0;
}

/* Every document of a file: one per top-level <text> (an unclosed one ends where the next
** starts); a file without any is one document. Headers that name no attributes well are warned. */
static int vrt_docs(src_loader *L, const char *buf, size_t n, src_doc_fn fn, void *ud) {
  vrt_walk W = { L, buf, n, 0, 0, NULL, fn, ud, 0, 0, 0 };
  size_t bom = src_bom(buf, n), pos = bom, at, start = 0;
  uint32_t lineno = 0, start_line = 0;
  int any = 0, in_text = 0;
  while (pos < n) {
    const char *l;
    size_t len = next_line(buf, n, &pos, &l);
    char **names;
    lineno++;
    any |= text_tag(l, len, T_OPEN);
    if (is_header(l, len, &at)) {
      long k = header_names(l, len, &names);
      if (k < 0) return -1;
      for (long i = 0; i < k; i++) free(names[i]);
      free(names);
      if (k == 0) src_lwarn(L, "line %u: the positional-attributes comment names no attributes, a bad name, "
                               "or one twice: ignored", lineno);
    }
  }
  if (!any) return emit(&W, 0, n, 1, 1);
  pos = bom;
  lineno = 0;
  while (pos < n) {
    size_t off = pos;
    const char *l;
    size_t len = next_line(buf, n, &pos, &l);
    lineno++;
    if (text_tag(l, len, T_OPEN)) {
      if (in_text && emit(&W, start, off, start_line, 0)) return -1;
      flush_outside(&W);
      in_text = 1;
      start = off == bom ? 0 : off;
      start_line = lineno;
    } else if (in_text) {
      if (text_tag(l, len, T_CLOSE)) {
        if (emit(&W, start, pos, start_line, 0)) return -1;
        in_text = 0;
      }
    } else if (!is_blank(l, len)) {
      vrt_tag t;
      int k = l[0] == '<' ? read_tag(l, len, &t) : T_NONE;
      if (k == T_OPEN || k == T_EMPTY || k == T_CLOSE)
        src_lwarn(L, "line %u: <%s%.*s> outside any <text>: ignored", lineno, k == T_CLOSE ? "/" : "", (int)t.nl,
                  t.name);
      if (k == T_NONE) {
        if (!W.out_words) W.out_first = lineno;
        W.out_words++;
        W.out_last = lineno;
      }
    }
  }
  if (in_text && emit(&W, start, n, start_line, 0)) return -1;
  flush_outside(&W);
  return 0;
}

static int vrt_load(src_loader *L, char *buf, size_t n, src_doc_fn fn, void *ud) {
  int r = vrt_docs(L, buf, n, fn, ud);
  free(buf);
  return r;
}

/* One document again: the whole file (line 0), or a <text> element, whose header is looked for
** in the bytes before it (so they are read too). */
static int vrt_reread(src_loader *L, int fd, uint64_t size, uint32_t line, uint64_t start, uint64_t len,
                      src_doc *d, char *err, size_t errlen) {
  char *buf;
  const char *hl = NULL;
  size_t hn = 0, hpos = 0;
  int r;
  if (line == 0) {
    if (!(buf = src_read_again(L, fd, size, len, err, errlen))) return -1;
    find_header(buf, &hpos, 0, (size_t)len, &hl, &hn);
    r = vrt_doc_read(L, buf, (size_t)len, 0, 1, 1, hl, hn, d);
  } else {
    if (start + len > size || len > SRC_MAX_BYTES) goto changed;
    size_t end = (size_t)(start + len);
    if (!(buf = malloc(end + 1))) { snprintf(err, errlen, "out of memory"); return -1; }
    ssize_t got = src_read_at(fd, buf, end, 0);
    const char *s = buf + start, *nl = len ? memchr(s, '\n', (size_t)len) : NULL;
    size_t first = nl ? (size_t)(nl - s) : (size_t)len;
    while (first && (s[first - 1] == '\r' || s[first - 1] == ' ')) first--;
    int ok = got == (ssize_t)end && !memchr(buf, 0, end) && (start == 0 || s[-1] == '\n' ||
             (start == 3 && src_bom(buf, 3))) && (len == 0 || s[len - 1] == '\n' || end == size) &&
             text_tag(s + (start == 0 ? src_bom(s, (size_t)len) : 0), first - (start == 0 ? src_bom(s, (size_t)len) : 0), T_OPEN);
    if (ok) find_header(buf, &hpos, (size_t)start, end, &hl, &hn);
    r = ok ? vrt_doc_read(L, s, (size_t)len, start, line, 0, hl, hn, d) : 2;
  }
  free(buf);
  return src_reread_result(L, r, line, err, errlen);
changed:
  return src_reread_result(L, 2, line, err, errlen);
}

static const char *const vrt_extensions[] = { ".vrt", NULL };

const src_format src_format_vrt = { "vrt", SRC_VRT, vrt_extensions, vrt_load, vrt_reread, NULL };

/* }====================================================================== */
