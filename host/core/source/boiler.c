/*
** boiler.c: boilerplate, the lines of web-page chrome ("Skip to main content", "Related story: ...")
** that a document keeps in its text but that analyses may leave out. A table of default rules,
** changed by boilerplate.lst in the corpus folder, and the marking of the lines of a text that match.
*/
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

/* {====================================================================== the rules */

/* Lines of web-page chrome, compared case-insensitively with the trimmed line. A corpus changes the
** list with boilerplate.lst. Prefix rules are for labels that carry text after them. */
static const struct { int kind; const char *text; } boiler_defaults[] = {
  { BP_EXACT, "Accessibility links" },
  { BP_EXACT, "Breaking News" },
  { BP_EXACT, "Skip to main content" },
  { BP_EXACT, "Skip to content" },
  { BP_EXACT, "Advertisement" },
  { BP_EXACT, "What do you think? Leave a respectful comment." },
  { BP_EXACT, "Note: Read our discussion guidelines before commenting." },
  { BP_EXACT, "Share this article" },
  { BP_EXACT, "Sign up for our newsletter" },
  { BP_EXACT, "Subscribe" },
  { BP_EXACT, "Print this page" },
  { BP_EXACT, "Email this story" },
  { BP_EXACT, "Comments" },
  { BP_PREFIX, "Related story:" },
  { BP_PREFIX, "Related stories:" },
  { BP_PREFIX, "Read more:" },
  { BP_PREFIX, "Comments (" },
  { BP_PREFIX, "Leave a comment" },
};

static int add_rule(src_ctx *c, size_t *cap, int kind, const char *text, size_t len, char *owned,
                    pcre2_code *re) {
  if (c->nrules == *cap) {
    size_t ncap = *cap ? 2 * *cap : 32;
    bp_rule *r = realloc(c->rules, ncap * sizeof *r);
    if (!r) return -1;
    c->rules = r;
    *cap = ncap;
  }
  bp_rule *r = &c->rules[c->nrules++];
  memset(r, 0, sizeof *r);
  r->kind = kind;
  r->text = text;
  r->len = len;
  r->owned = owned;
  r->re = re;
  return 0;
}

/* One line of boilerplate.lst (trimmed, not a comment). Returns 0, or -1 when out of memory. */
static int lst_rule(src_ctx *c, size_t *cap, const char *s, size_t n, uint32_t line) {
  int kind = BP_EXACT;
  if (n >= 7 && memcmp(s, "prefix:", 7) == 0) { kind = BP_PREFIX; s += 7; n -= 7; }
  else if (n >= 3 && memcmp(s, "re:", 3) == 0) { kind = BP_REGEX; s += 3; n -= 3; }
  else if (s[0] == '!') { kind = -1; s++; n--; }
  size_t a = 0, b = n;
  src_trim(s, &a, &b);
  s += a;
  n = b - a;
  if (!n) {
    src_warnf(c, "boilerplate.lst", "line %u: empty rule, ignored", line);
    return 0;
  }
  if (kind < 0) {                      /* "!TEXT": take out the rules written so */
    int found = 0;
    for (size_t i = 0; i < c->nrules; i++) {
      if (c->rules[i].removed || c->rules[i].len != n || !src_caseeq(c->rules[i].text, s, n)) continue;
      c->rules[i].removed = found = 1;
    }
    if (!found) src_warnf(c, "boilerplate.lst", "line %u: no rule \"%.*s\" to remove, ignored", line, (int)n, s);
    return 0;
  }
  pcre2_code *re = NULL;
  if (kind == BP_REGEX) {
    int code;
    PCRE2_SIZE off;
    re = pcre2_compile((PCRE2_SPTR)s, n, PCRE2_UTF | PCRE2_CASELESS, &code, &off, NULL);
    if (!re) {
      PCRE2_UCHAR m[160];
      if (code == PCRE2_ERROR_NOMEMORY) return -1;
      pcre2_get_error_message(code, m, sizeof m);
      src_warnf(c, "boilerplate.lst", "line %u: bad regular expression (%s at offset %zu), rule ignored",
                line, (const char *)m, (size_t)off);
      return 0;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);   /* without JIT it still works, only slower */
    c->has_re = 1;
  }
  char *text = src_dupn(s, n);
  if (!text || add_rule(c, cap, kind, text, n, text, re)) {
    free(text);
    pcre2_code_free(re);
    return -1;
  }
  return 0;
}

static int read_lst(src_ctx *c, size_t *cap) {
  char *text;
  size_t len, pos = 0;
  uint32_t line = 0;
  int r = src_read_aux(c, "boilerplate.lst", &text, &len);
  if (r) return r < 0 ? -1 : 0;
  while (pos < len) {
    const char *nl = memchr(text + pos, '\n', len - pos);
    size_t e = nl ? (size_t)(nl - text) : len, a = pos, b = e;
    line++;
    pos = e + 1;
    src_trim(text, &a, &b);
    if (a == b || text[a] == '#') continue;
    if (lst_rule(c, cap, text + a, b - a, line)) { free(text); return -1; }
  }
  free(text);
  return 0;
}

int src_boiler_init(src_ctx *c) {
  size_t cap = 0;
  for (size_t i = 0; i < sizeof boiler_defaults / sizeof *boiler_defaults; i++)
    if (add_rule(c, &cap, boiler_defaults[i].kind, boiler_defaults[i].text,
                 strlen(boiler_defaults[i].text), NULL, NULL)) return -1;
  if (!c->root_file && read_lst(c, &cap)) return -1;
  memset(c->first, c->has_re, sizeof c->first);
  for (size_t i = 0; i < c->nrules; i++) {
    unsigned char f = (unsigned char)c->rules[i].text[0];
    if (c->rules[i].removed || c->rules[i].kind == BP_REGEX) continue;
    c->first[f] = c->first[src_lower(f)] = 1;
    if (f >= 'a' && f <= 'z') c->first[f - 32] = 1;
  }
  return 0;
}

void src_boiler_free(src_ctx *c) {
  for (size_t i = 0; i < c->nrules; i++) {
    free(c->rules[i].owned);
    pcre2_code_free(c->rules[i].re);
  }
  free(c->rules);
  c->rules = NULL;
  c->nrules = 0;
}

/* }====================================================================== */

/* {====================================================================== marking a text */

/* Does a trimmed line match a rule? 1, 0, or -1 when out of memory. */
static int rule_match(const src_ctx *c, const char *s, size_t n, pcre2_match_data **md) {
  for (size_t i = 0; i < c->nrules; i++) {
    const bp_rule *r = &c->rules[i];
    if (r->removed) continue;
    if (r->kind == BP_EXACT) {
      if (n == r->len && src_caseeq(s, r->text, n)) return 1;
    } else if (r->kind == BP_PREFIX) {
      if (n >= r->len && src_caseeq(s, r->text, r->len)) return 1;
    } else {
      if (!*md && !(*md = pcre2_match_data_create(1, NULL))) return -1;
      if (pcre2_match(r->re, (PCRE2_SPTR)s, n, 0, 0, *md, NULL) >= 0) return 1;
    }
  }
  return 0;
}

/* A label line ("Related story:") is followed by what it labels: a short line, not a sentence. */
static int labelled(const char *s, size_t n) {
  return n < SRC_FOLLOW_MAX && s[n - 1] != '.';
}

int src_boiler_mark(const src_ctx *c, src_doc *d, pcre2_match_data **md) {
  const char *t = d->text;
  size_t len = d->len, pos = 0, n = 0, cap = 0;
  uint32_t *b = NULL;
  int follow = 0;
  while (pos < len) {
    const char *nl = memchr(t + pos, '\n', len - pos);
    size_t e = nl ? (size_t)(nl - t) : len, ts = pos, te = e;
    src_trim(t, &ts, &te);
    if (te > ts) {
      int hit = 0, label = 0;
      if (follow) {
        follow = 0;
        hit = labelled(t + ts, te - ts);
      }
      if (!hit && te - ts <= SRC_BOILER_MAXLINE && c->first[(unsigned char)t[ts]]) {
        hit = rule_match(c, t + ts, te - ts, md);
        if (hit < 0) { free(b); return -1; }
        label = hit && t[te - 1] == ':';
      }
      if (hit) {
        if (n + 2 > cap) {
          cap = cap ? 2 * cap : 16;
          uint32_t *nb = realloc(b, cap * sizeof *nb);
          if (!nb) { free(b); return -1; }
          b = nb;
        }
        b[n++] = (uint32_t)pos;
        b[n++] = (uint32_t)e;
      }
      follow = label;
    }
    pos = e + 1;
  }
  d->boiler = b;
  d->nboiler = n / 2;
  return 0;
}

/* }====================================================================== */
