/*
** export.c: a corpus written out with all its attributes, so that lector's annotation can go to
** CWB or any tool that reads CoNLL-U, and an import of the export gives the same corpus back:
**   VRT      one token per line (word, then each positional attribute, tab-separated) under a
**            "positional-attributes" comment; <text> per document with its metadata, <p>, <s>,
**            <turn speaker=...> and the elements of imported files as XML-like tags
**   CoNLL-U  "# newdoc id", the metadata as "# key = value", "# newpar", per sentence "# sent_id"
**            and "# text" (from the document's text), the columns filled from the attributes of
**            the same names (lemma, pos, xpos, feats, head, deprel, deps, misc; "_" where there
**            is none) and SpaceAfter=No where the text has no space; the words of a multiword
**            token under its range line
** One document at a time, into a growing buffer the caller writes where it wants.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

/* ------------------------------------------------------------------ the buffer */

typedef struct xbuf { char *s; size_t n, cap; int failed; } xbuf;

static void put(xbuf *b, const char *s, size_t n) {
  if (b->failed) return;
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + n + 1) cap *= 2;
    char *p = realloc(b->s, cap);
    if (!p) { b->failed = 1; return; }
    b->s = p;
    b->cap = cap;
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = '\0';
}

static void puts_(xbuf *b, const char *s) { put(b, s, strlen(s)); }

/* s with its tabs and line ends made spaces (a value must stay on its line and in its column),
** and with XML's & < > " escaped when xml. */
static void put_clean(xbuf *b, const char *s, size_t n, int xml) {
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    const char *rep = NULL;
    char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r') rep = " ";
    else if (xml && c == '&') rep = "&amp;";
    else if (xml && c == '<') rep = "&lt;";
    else if (xml && c == '>') rep = "&gt;";
    else if (xml && c == '"') rep = "&quot;";
    if (!rep) continue;
    put(b, s + from, i - from);
    puts_(b, rep);
    from = i + 1;
  }
  put(b, s + from, n - from);
}

/* ------------------------------------------------------------------ regions of a document */

/* A region to write as a tag: its element name, tokens [start, end), and where its attributes
** come from (a structural attribute's region, a turn's speaker, or none). */
typedef struct tag { const char *name; uint32_t start, end; int rank; int sattr; uint32_t region;
                     const char *speaker; } tag;

static int cmp_open(const void *x, const void *y) {
  const tag *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->end != b->end) return a->end > b->end ? -1 : 1;      /* outer first */
  return a->rank - b->rank;
}

/* The structural attribute's region of the same name and span, for <s> and <p>: its attributes
** go on the built-in region's tag. */
static int64_t same_region(const ix_sattr *sa, uint32_t start, uint32_t end) {
  if (!sa) return -1;
  int64_t g = ix_regions_find(&sa->reg, start);
  return g >= 0 && sa->reg.start[g] == start && sa->reg.end[g] == end ? g : -1;
}

/* The tags of document d, sorted for opening: paragraphs, turns, sentences, then the elements of
** imported files (those that are not s, p or turn). */
static tag *doc_tags(const lector_corpus *c, const ix_doc *d, size_t *n) {
  const ix_index *ix = c->ix;
  uint32_t first = d->first, end = d->first + d->ntok;
  size_t cap = 64, k = 0;
  tag *t = malloc(cap * sizeof *t);
  if (!t) return NULL;
  static const struct { int kind; const char *name; } builtin[] = {
    { IX_PARA, "p" }, { IX_TURN, "turn" }, { IX_SENT, "s" } };
  for (int pass = 0; pass < 3 + (int)ix->nsattr; pass++) {
    const ix_regions *r;
    const ix_sattr *sa = NULL;
    const char *name;
    if (pass < 3) {
      r = &ix->reg[builtin[pass].kind];
      name = builtin[pass].name;
      sa = ix_sattr_find(ix, name);
    } else {
      sa = &ix->sattr[pass - 3];
      name = ix_string(ix, sa->name);
      if (!strcmp(name, "s") || !strcmp(name, "p") || !strcmp(name, "turn")) continue;
      r = &sa->reg;
    }
    for (uint32_t i = ix_regions_next(r, first); i < r->n && r->start[i] < end; i++) {
      if (r->end[i] <= r->start[i]) continue;
      if (k == cap) {
        tag *p = realloc(t, (cap *= 2) * sizeof *t);
        if (!p) { free(t); return NULL; }
        t = p;
      }
      tag g = { name, r->start[i], r->end[i] < end ? r->end[i] : end, pass, -1, 0, NULL };
      if (pass >= 3) { g.sattr = pass - 3; g.region = i; }
      else {
        int64_t same = same_region(sa, r->start[i], r->end[i]);
        if (same >= 0) { g.sattr = (int)(sa - ix->sattr); g.region = (uint32_t)same; }
        if (builtin[pass].kind == IX_TURN && r->attr) g.speaker = ix_string(ix, r->attr[i]);
      }
      t[k++] = g;
    }
  }
  qsort(t, k, sizeof *t, cmp_open);
  *n = k;
  return t;
}

static void put_tag(xbuf *b, const lector_corpus *c, const tag *g) {
  const ix_index *ix = c->ix;
  put(b, "<", 1);
  puts_(b, g->name);
  if (g->sattr >= 0) {
    const ix_sattr *sa = &ix->sattr[g->sattr];
    for (uint32_t k = 0; k < sa->nkeys; k++) {
      const char *v = ix_string(ix, sa->vals[(size_t)g->region * sa->nkeys + k]);
      if (!*v) continue;
      put(b, " ", 1);
      puts_(b, ix_string(ix, sa->keys[k]));
      put(b, "=\"", 2);
      put_clean(b, v, strlen(v), 1);
      put(b, "\"", 1);
    }
  } else if (g->speaker) {
    put(b, " speaker=\"", 10);
    put_clean(b, g->speaker, strlen(g->speaker), 1);
    put(b, "\"", 1);
  }
  put(b, ">\n", 2);
}

/* ------------------------------------------------------------------ VRT */

static void vrt_doc(xbuf *b, const lector_corpus *c, uint32_t di) {
  const ix_index *ix = c->ix;
  const ix_doc *d = &ix->docs[di];
  puts_(b, "<text");
  int has_id = 0;
  for (uint32_t k = 0; k < d->nmeta; k++) has_id |= !strcmp(ix_string(ix, ix->meta[2 * (d->meta + k)]), "id");
  if (!has_id) {
    puts_(b, " id=\"");
    puts_(b, ix_string(ix, d->name));
    put(b, "\"", 1);
  }
  for (uint32_t k = 0; k < d->nmeta; k++) {
    const char *key = ix_string(ix, ix->meta[2 * (d->meta + k)]), *v = ix_string(ix, ix->meta[2 * (d->meta + k) + 1]);
    put(b, " ", 1);
    puts_(b, key);
    put(b, "=\"", 2);
    put_clean(b, v, strlen(v), 1);
    put(b, "\"", 1);
  }
  puts_(b, ">\n");
  size_t nt = 0, oi = 0;
  tag *t = doc_tags(c, d, &nt);
  tag **open = malloc((nt + 1) * sizeof *open);
  size_t nopen = 0;
  if (!t || !open) { b->failed = 1; free(t); free(open); return; }
  for (uint32_t pos = d->first; pos <= d->first + d->ntok; pos++) {
    for (size_t j = nopen; j-- > 0;) {          /* close what ends here, innermost first */
      if (open[j]->end != pos) continue;
      put(b, "</", 2);
      puts_(b, open[j]->name);
      put(b, ">\n", 2);
      memmove(open + j, open + j + 1, (nopen - j - 1) * sizeof *open);
      nopen--;
    }
    if (pos == d->first + d->ntok) break;
    for (; oi < nt && t[oi].start == pos; oi++) {
      put_tag(b, c, &t[oi]);
      open[nopen++] = &t[oi];
    }
    size_t len;
    const char *w = ix_form(ix, ix_token(ix, pos), &len);
    put_clean(b, w, len, 1);
    for (uint32_t a = 0; a < ix->npattr; a++) {
      const char *v = ix_pattr_form(&ix->pattr[a], ix_pattr_id(&ix->pattr[a], pos), &len);
      put(b, "\t", 1);
      put_clean(b, v, len, 1);
    }
    put(b, "\n", 1);
  }
  puts_(b, "</text>\n");
  free(t);
  free(open);
}

/* ------------------------------------------------------------------ CoNLL-U */

static const char *const conllu_cols[] = { "lemma", "pos", "xpos", "feats", "head", "deprel", "deps", "misc" };

static void put_col(xbuf *b, const ix_pattr *a, uint32_t pos) {
  put(b, "\t", 1);
  size_t len = 0;
  const char *v = a ? ix_pattr_form(a, ix_pattr_id(a, pos), &len) : "";
  if (!len) { put(b, "_", 1); return; }
  put_clean(b, v, len, 0);
}

static int conllu_doc(xbuf *b, lector_corpus *c, uint32_t di, char *err, size_t errlen) {
  const ix_index *ix = c->ix;
  const ix_doc *d = &ix->docs[di];
  lector_text text;
  lector_doc info;
  lector_doc_get(c, di, &info);
  if (lector_doc_text(c, di, &text, err, errlen)) return -1;
  const char *id = lector_doc_meta(c, di, "id");
  puts_(b, "# newdoc id = ");
  puts_(b, id ? id : ix_string(ix, d->name));
  put(b, "\n", 1);
  for (uint32_t k = 0; k < d->nmeta; k++) {
    const char *key = ix_string(ix, ix->meta[2 * (d->meta + k)]), *v = ix_string(ix, ix->meta[2 * (d->meta + k) + 1]);
    if (!strcmp(key, "id")) continue;
    puts_(b, "# ");
    puts_(b, key);
    puts_(b, " = ");
    put_clean(b, v, strlen(v), 0);
    put(b, "\n", 1);
  }
  const ix_pattr *col[8];
  for (int k = 0; k < 8; k++) col[k] = ix_pattr_find(ix, conllu_cols[k]);
  const ix_regions *sent = &ix->reg[IX_SENT], *para = &ix->reg[IX_PARA];
  uint32_t first = d->first, end = d->first + d->ntok, nsent = 0;
  uint32_t pi = ix_regions_next(para, first);
  for (uint32_t si = ix_regions_next(sent, first); si < sent->n && sent->start[si] < end; si++) {
    uint32_t s0 = sent->start[si], s1 = sent->end[si] < end ? sent->end[si] : end;
    if (pi < para->n && para->start[pi] <= s0 && para->start[pi] < end) {
      const ix_sattr *ps = ix_sattr_find(ix, "p");     /* an imported paragraph's own id */
      int64_t g = same_region(ps, para->start[pi], para->end[pi]);
      const char *pid = NULL;
      for (uint32_t k = 0; g >= 0 && k < ps->nkeys; k++)
        if (!strcmp(ix_string(ix, ps->keys[k]), "id")) pid = ix_string(ix, ps->vals[(size_t)g * ps->nkeys + k]);
      puts_(b, "# newpar");
      if (pid && *pid) { puts_(b, " id = "); put_clean(b, pid, strlen(pid), 0); }
      put(b, "\n", 1);
      while (pi < para->n && para->start[pi] <= s0) pi++;
    }
    /* an imported sentence's own id and comments */
    const ix_sattr *ss = ix_sattr_find(ix, "s");
    int64_t own = same_region(ss, s0, sent->end[si]);
    const char *sid = NULL;
    for (uint32_t k = 0; own >= 0 && k < ss->nkeys; k++)
      if (!strcmp(ix_string(ix, ss->keys[k]), "id")) sid = ix_string(ix, ss->vals[(size_t)own * ss->nkeys + k]);
    char num[32];
    snprintf(num, sizeof num, "-%u", ++nsent);
    puts_(b, "# sent_id = ");
    if (sid && *sid) puts_(b, sid);
    else { puts_(b, id ? id : ix_string(ix, d->name)); puts_(b, num); }
    put(b, "\n", 1);
    for (uint32_t k = 0; own >= 0 && k < ss->nkeys; k++) {
      const char *key = ix_string(ix, ss->keys[k]), *v = ix_string(ix, ss->vals[(size_t)own * ss->nkeys + k]);
      if (!strcmp(key, "id") || !strcmp(key, "text") || !*v) continue;
      puts_(b, "# ");
      puts_(b, key);
      puts_(b, " = ");
      put_clean(b, v, strlen(v), 0);
      put(b, "\n", 1);
    }
    /* "# text": the surface tokens with one space where the text has any (CoNLL-U's rule, which
    ** an import checks), then the word lines */
    xbuf sentence = {0}, lines = {0};
    xbuf *out = b;
    b = &lines;
    uint32_t word = 0;
    for (uint32_t pos = s0; pos < s1; pos++) {
      uint64_t a0, a1, n0 = 0, n1 = 0;
      lector_token_span(c, pos, &a0, &a1);
      /* a multiword token: the words after the first have an empty span at its end */
      uint32_t last = pos;
      while (last + 1 < s1) {
        lector_token_span(c, last + 1, &n0, &n1);
        if (n0 != a1 || n1 != a1) break;
        last++;
      }
      size_t f0 = lector_text_offset(&text, &info, a0), f1 = lector_text_offset(&text, &info, a1);
      put_clean(&sentence, text.text + f0, f1 - f0, 0);
      if (last > pos) {
        char range[48];
        snprintf(range, sizeof range, "%u-%u\t", word + 1, word + 1 + (last - pos));
        puts_(b, range);
        put_clean(b, text.text + f0, f1 - f0, 0);
        puts_(b, "\t_\t_\t_\t_\t_\t_\t_\t_\n");
      }
      int space_after = 1;
      if (last + 1 < s1) {
        lector_token_span(c, last + 1, &n0, &n1);
        space_after = n0 != a1;
        if (space_after) put(&sentence, " ", 1);
      }
      for (uint32_t p = pos; p <= last; p++) {
        char idbuf[16];
        snprintf(idbuf, sizeof idbuf, "%u\t", ++word);
        puts_(b, idbuf);
        size_t len;
        const char *w = ix_form(ix, ix_token(ix, p), &len);
        put_clean(b, w, len, 0);
        for (int k = 0; k < 7; k++) put_col(b, col[k], p);
        size_t mlen = 0;
        const char *misc = col[7] ? ix_pattr_form(col[7], ix_pattr_id(col[7], p), &mlen) : "";
        int plain_misc = !mlen || (mlen == 1 && misc[0] == '_');
        put(b, "\t", 1);
        if (!space_after && last == p && !(mlen && strstr(misc, "SpaceAfter=No"))) {
          if (!plain_misc) { put_clean(b, misc, mlen, 0); put(b, "|", 1); }
          puts_(b, "SpaceAfter=No");
        } else if (plain_misc) {
          put(b, "_", 1);
        } else {
          put_clean(b, misc, mlen, 0);
        }
        put(b, "\n", 1);
      }
      pos = last;
    }
    b = out;
    puts_(b, "# text = ");
    put(b, sentence.s ? sentence.s : "", sentence.n);
    put(b, "\n", 1);
    put(b, lines.s ? lines.s : "", lines.n);
    put(b, "\n", 1);
    b->failed |= sentence.failed | lines.failed;
    free(sentence.s);
    free(lines.s);
  }
  lector_text_free(&text);
  return 0;
}

/* ------------------------------------------------------------------ the entry points */

int lector_export_header(const lector_corpus *c, int format, char **out, size_t *len) {
  xbuf b = {0};
  if (format == LECTOR_EXPORT_VRT) {
    puts_(&b, "<!-- #vrt positional-attributes: word");
    for (uint32_t a = 0; a < c->ix->npattr; a++) {
      put(&b, " ", 1);
      puts_(&b, ix_string(c->ix, c->ix->pattr[a].name));
    }
    puts_(&b, " -->\n");
  } else {
    puts_(&b, "");
  }
  if (b.failed) { free(b.s); return -1; }
  *out = b.s;
  *len = b.n;
  return 0;
}

int lector_export_doc(lector_corpus *c, uint32_t doc, int format, char **out, size_t *len, char *err,
                      size_t errlen) {
  xbuf b = {0};
  if (doc >= c->ix->ndocs) { snprintf(err, errlen, "no document %u", doc); return -1; }
  if (format == LECTOR_EXPORT_VRT) vrt_doc(&b, c, doc);
  else if (conllu_doc(&b, c, doc, err, errlen)) { free(b.s); return -1; }
  if (b.failed) { free(b.s); snprintf(err, errlen, "out of memory"); return -1; }
  if (!b.s) puts_(&b, "");
  *out = b.s;
  *len = b.n;
  return 0;
}
