/*
** namemeta.c: metadata from file names, as archives keep it (speeches named YEAR_speaker_party.txt,
** the UN General Debate corpus as USA_45_1990.txt, records as 2003-02-27_commons.txt). Two ways
** to say how a name is made: a list of fields split on separator characters (src_set_name_fields:
** "year,speaker,party", separators "_-" by default; an empty name skips its part), or a pattern with
** named fields and the literal text between them (src_set_name_pattern: "{country}_{session}_{year}",
** each field taking as little as lets the rest match, the last one the rest). The name is the
** file's, without its folders and extension. A field that looks like a date is written as one
** (19901119, 1990-11-19, November 19 1990 give 1990-11-19; 1990 and 1990-11 stay as precise as
** they are); a field named "year" dates a document that has no "date" field. A name that does not
** fit is named in one warning per file, with the reason, and gives no fields.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

/* {====================================================================== the description */

static void free_fields(src_ctx *c) {
  for (size_t i = 0; i < c->nname_parts; i++) free(c->name_parts[i].text);
  free(c->name_parts);
  c->name_parts = NULL;
  c->nname_parts = 0;
  free(c->name_sep);
  c->name_sep = NULL;
  free(c->name_spec);
  c->name_spec = NULL;
}

void src_name_free(src_ctx *c) { free_fields(c); }

/* Adds a part (a field's name, or literal text) to c. Returns 0, or -1 when memory ran out. */
static int add_part(src_ctx *c, int field, const char *s, size_t n) {
  src_name_part *p = realloc(c->name_parts, (c->nname_parts + 1) * sizeof *p);
  if (!p) return -1;
  c->name_parts = p;
  p[c->nname_parts].field = field;
  if (!(p[c->nname_parts].text = src_dupn(s, n))) return -1;
  c->nname_parts++;
  return 0;
}

/* Leaves c without a description of names after a failed setter; says so in err when memory ran
** out (oom), else err holds the setter's message. Returns -1. */
static int give_up(src_ctx *c, int oom, char *err, size_t errlen) {
  if (oom) snprintf(err, errlen, "out of memory");
  free_fields(c);
  c->name_mode = 0;
  return -1;
}

static int name_ok(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
          s[i] == '_' || s[i] == '-' || s[i] == '.'))
      return 0;
  return 1;
}

int src_set_name_fields(src_ctx *c, const char *spec, const char *sep, char *err, size_t errlen) {
  free_fields(c);
  c->name_mode = SRC_NAME_FIELDS;
  if (!(c->name_sep = strdup(sep && *sep ? sep : "_-")) || !(c->name_spec = strdup(spec))) goto oom;
  for (const char *p = spec;;) {
    const char *e = strchr(p, ',');
    size_t a = 0, b = e ? (size_t)(e - p) : strlen(p);
    src_trim(p, &a, &b);
    if (!name_ok(p + a, b - a)) {
      snprintf(err, errlen, "--name-fields: \"%.*s\" is not a field name (letters, digits, '_', '-', '.')",
               (int)(b - a), p + a);
      goto fail;
    }
    if (add_part(c, 1, p + a, b - a)) goto oom;
    if (!e) break;
    p = e + 1;
  }
  return 0;
oom:
  return give_up(c, 1, err, errlen);
fail:
  return give_up(c, 0, err, errlen);
}

int src_set_name_pattern(src_ctx *c, const char *pattern, char *err, size_t errlen) {
  free_fields(c);
  c->name_mode = SRC_NAME_PATTERN;
  if (!(c->name_spec = strdup(pattern))) goto oom;
  int fields = 0, last_field = 0;
  for (const char *p = pattern; *p;) {
    if (*p == '{') {
      const char *e = strchr(p, '}');
      if (!e || !name_ok(p + 1, (size_t)(e - p - 1)) || e == p + 1) {
        snprintf(err, errlen, "--name-pattern: %s at byte %d", e ? "a field needs a name of letters, digits, "
                 "'_', '-', '.'" : "'{' without '}'", (int)(p - pattern));
        goto fail;
      }
      if (last_field) {
        snprintf(err, errlen, "--name-pattern: two fields with nothing between them at byte %d", (int)(p - pattern));
        goto fail;
      }
      if (add_part(c, 1, p + 1, (size_t)(e - p - 1))) goto oom;
      fields++;
      last_field = 1;
      p = e + 1;
    } else {
      const char *e = strchr(p, '{');
      size_t n = e ? (size_t)(e - p) : strlen(p);
      if (memchr(p, '}', n)) {
        snprintf(err, errlen, "--name-pattern: '}' without '{' at byte %d", (int)((const char *)memchr(p, '}', n) - pattern));
        goto fail;
      }
      if (add_part(c, 0, p, n)) goto oom;
      last_field = 0;
      p += n;
    }
  }
  if (!fields) {
    snprintf(err, errlen, "--name-pattern: no {field} in \"%s\"", pattern);
    goto fail;
  }
  return 0;
oom:
  return give_up(c, 1, err, errlen);
fail:
  return give_up(c, 0, err, errlen);
}

uint64_t src_name_hash(const src_ctx *c, uint64_t h) {
  if (!c->name_mode) return h;
  h = src_hash(&c->name_mode, sizeof c->name_mode, h ^ 0x4E414D45);
  if (c->name_spec) h = src_hash(c->name_spec, strlen(c->name_spec) + 1, h);
  if (c->name_sep) h = src_hash(c->name_sep, strlen(c->name_sep) + 1, h);
  return h;
}

/* }====================================================================== */

/* {====================================================================== a name's fields */

/* A field's value as metadata: a date written as one (ISO, as precise as it is given). */
static int put_value(src_kvb *m, const char *key, const char *v, size_t n) {
  char iso[11];
  int year = n == 4, month = n == 7 && v[4] == '-';
  for (size_t i = 0; i < n && (year || month); i++)
    if (!(i == 4 && month) && !(v[i] >= '0' && v[i] <= '9')) year = month = 0;
  if (!year && !month && n == 8 && strspn(v, "0123456789") >= 8) {     /* 19901119 */
    char d[11] = { v[0], v[1], v[2], v[3], '-', v[4], v[5], '-', v[6], v[7], 0 };
    if (src_parse_date(d, 10, iso) == 1) return src_kvb_put(m, key, strlen(key), iso, 10, 1);
  }
  if (!year && !month && src_parse_date(v, n, iso) == 1) return src_kvb_put(m, key, strlen(key), iso, 10, 1);
  return src_kvb_put(m, key, strlen(key), v, n, 1);
}

/* The base of a document's name: "dir/USA_45_1990.txt#3" gives "USA_45_1990". */
static void base_of(const char *name, const char **s, size_t *n) {
  const char *hash = strrchr(name, '#'), *end = hash ? hash : name + strlen(name);
  const char *slash = NULL;
  for (const char *p = name; p < end; p++) if (*p == '/') slash = p;
  const char *b = slash ? slash + 1 : name, *dot = NULL;
  for (const char *p = b; p < end; p++) if (*p == '.') dot = p;
  *s = b;
  *n = (size_t)((dot && dot > b ? dot : end) - b);
}

/* Matches parts [k, np) against s[0, n); fills at[2 * field] with each field's span. */
static int match(const src_name_part *parts, size_t k, size_t np, const char *s, size_t n, size_t *at,
                 size_t off) {
  if (k == np) return off == n;
  const src_name_part *p = &parts[k];
  if (!p->field) {
    size_t l = strlen(p->text);
    return n - off >= l && memcmp(s + off, p->text, l) == 0 && match(parts, k + 1, np, s, n, at, off + l);
  }
  if (k + 1 == np) {                           /* the last field takes the rest */
    at[2 * k] = off;
    at[2 * k + 1] = n;
    return n > off;
  }
  for (size_t e = off + 1; e <= n; e++) {     /* as little as lets the rest match */
    at[2 * k] = off;
    at[2 * k + 1] = e;
    if (match(parts, k + 1, np, s, n, at, e)) return 1;
  }
  return 0;
}

int src_name_meta(src_loader *L, const char *name, src_kvb *m) {
  src_ctx *c = L->c;
  if (!c->name_mode) return 0;
  const char *s;
  size_t n, np = c->nname_parts;
  base_of(name, &s, &n);
  size_t *at = calloc(2 * np + 2, sizeof *at);
  if (!at) return -1;
  int fits = 1;
  if (c->name_mode == SRC_NAME_FIELDS) {
    size_t k = 0, from = 0;
    for (size_t i = 0; i <= n && fits; i++) {
      if (i < n && !strchr(c->name_sep, s[i])) continue;
      if (k < np) { at[2 * k] = from; at[2 * k + 1] = i; }
      k++;
      from = i + 1;
    }
    if (k != np) {
      if (!L->name_warned) src_lwarn(L, "the name has %zu part%s split on \"%s\", --name-fields has %zu (%s): "
                                     "no fields taken from it", k, k == 1 ? "" : "s", c->name_sep, np, c->name_spec);
      fits = 0;
    }
  } else if (!match(c->name_parts, 0, np, s, n, at, 0)) {
    if (!L->name_warned) src_lwarn(L, "the name \"%.*s\" does not fit --name-pattern %s: no fields taken from it",
                                   (int)n, s, c->name_spec);
    fits = 0;
  }
  L->name_warned = 1;
  int r = 0, dated = 0;
  for (size_t k = 0; fits && k < np; k++) {
    const src_name_part *p = &c->name_parts[k];
    if (!p->field || !*p->text) continue;
    dated |= strcmp(p->text, "date") == 0;
    r |= put_value(m, p->text, s + at[2 * k], at[2 * k + 1] - at[2 * k]);
  }
  for (size_t k = 0; fits && !dated && k < np; k++) {      /* a year dates the document */
    const src_name_part *p = &c->name_parts[k];
    size_t l = at[2 * k + 1] - at[2 * k];
    if (p->field && strcmp(p->text, "year") == 0 && l == 4 && strspn(s + at[2 * k], "0123456789") >= 4)
      r |= src_kvb_put(m, "date", 4, s + at[2 * k], 4, 1);
  }
  free(at);
  return r ? -1 : 0;
}

/* }====================================================================== */
