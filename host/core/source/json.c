/*
** json.c: one JSON object as a document (a line of a .jsonl file, an object or an array element of
** a .json file), read by a small strict JSON parser (RFC 8259). The text field (the one the corpus
** names, else "text", else "body", else "content") becomes the document's text, with an offset map
** back to the object's bytes so that a token's span can still be given in file bytes; the other
** fields become metadata: strings decoded, numbers, true and false as their JSON text, the fields
** of a nested object flattened with dots ("author.party"), arrays as their JSON text, null left
** out. Nothing is converted to numbers, so nothing is lost.
*/
#include <stdio.h>
#include <string.h>

#include "source_int.h"

#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

typedef struct jp {
  const unsigned char *s, *p, *e;   /* the object's bytes, the cursor, the end */
  int cp1252;                       /* bytes >= 0x80 in strings are Windows-1252 */
  const char *err;                  /* the first error, and where it is */
  size_t errat;
} jp;

static int fail(jp *j, const unsigned char *at, const char *msg) {
  if (!j->err) {
    j->err = msg;
    j->errat = (size_t)(at - j->s);
  }
  return 1;
}

static void skip_ws(jp *j) {
  while (j->p < j->e && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')) j->p++;
}

static int at(const jp *j, unsigned char c) { return j->p < j->e && *j->p == c; }

static int hex4(const unsigned char *p, const unsigned char *e, uint32_t *v) {
  uint32_t x = 0;
  if (e - p < 4) return 0;
  for (int i = 0; i < 4; i++) {
    unsigned c = p[i] | 0x20;
    if (IS_DIGIT(p[i])) x = x << 4 | (uint32_t)(p[i] - '0');
    else if (c >= 'a' && c <= 'f') x = x << 4 | (c - 'a' + 10);
    else return 0;
  }
  *v = x;
  return 1;
}

/* The escape at *pp (a backslash): its code point, with *pp moved past it; or what is wrong.
** A surrogate pair is one code point. Half of one cannot be UTF-8: it becomes U+FFFD, as
** exporters that cut a string inside an emoji leave them, and a document is worth more than
** one character of it. */
static const char *escape(const unsigned char **pp, const unsigned char *e, uint32_t *cp) {
  const unsigned char *p = *pp + 1;
  uint32_t u, lo;
  if (p >= e) return "unterminated escape";
  switch (*p) {
    case '"': u = '"'; break;
    case '\\': u = '\\'; break;
    case '/': u = '/'; break;
    case 'b': u = '\b'; break;
    case 'f': u = '\f'; break;
    case 'n': u = '\n'; break;
    case 'r': u = '\r'; break;
    case 't': u = '\t'; break;
    case 'u':
      if (!hex4(p + 1, e, &u)) return "bad \\u escape";
      p += 4;
      if (u >= 0xDC00 && u <= 0xDFFF) u = 0xFFFD;
      else if (u >= 0xD800 && u <= 0xDBFF) {
        if (e - p < 7 || p[1] != '\\' || p[2] != 'u' || !hex4(p + 3, e, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
          u = 0xFFFD;
        } else {
          u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
          p += 6;
        }
      }
      break;
    default:
      return "bad escape";
  }
  *cp = u;
  *pp = p + 1;
  return NULL;
}

/* The string at j->p (a '"'), decoded into b (or only checked when b is NULL), with j->p moved past
** it. Offsets given to b are offsets in the line. fold: CR LF and CR become LF (the text). */
static int string(jp *j, src_nbuf *b, int fold, unsigned *flags) {
  const unsigned char *start = j->p, *p = j->p + 1, *e = j->e, *run = p;
  for (;;) {
    if (p >= e) return fail(j, start, "unterminated string");
    unsigned c = *p;
    if (c == '"') break;
    if (c >= 0x20 && c != '\\' && (c < 0x80 || !j->cp1252)) {
      p++;
      continue;
    }
    if (b && p > run) src_nb_put(b, run, (size_t)(p - run), (size_t)(run - j->s));
    if (c < 0x20) return fail(j, p, "control character in a string");
    if (c >= 0x80) {
      if (b) src_nb_cp(b, src_cp1252((unsigned char)c), (size_t)(p - j->s));
      run = ++p;
      continue;
    }
    uint32_t cp, cp2;
    const unsigned char *q = p, *q2;
    const char *msg = escape(&q, e, &cp);
    if (msg) return fail(j, p, msg);
    if (b) {
      if (cp == 0) return fail(j, p, "\\u0000 in a string");
      if (cp == '\r' && fold) {
        q2 = q;
        if (q2 < e && *q2 == '\\' && !escape(&q2, e, &cp2) && cp2 == '\n') q = q2;
        src_nb_put(b, "\n", 1, (size_t)(p - j->s));
        *flags |= SRC_CRLF;
      } else {
        src_nb_cp(b, cp, (size_t)(p - j->s));
      }
    }
    p = run = q;
  }
  if (b && p > run) src_nb_put(b, run, (size_t)(p - run), (size_t)(run - j->s));
  if (b) src_nb_mark(b, (size_t)(p - j->s));
  j->p = p + 1;
  return 0;
}

static int number(jp *j) {
  const unsigned char *p = j->p, *e = j->e, *start = p;
  if (p < e && *p == '-') p++;
  if (p >= e || !IS_DIGIT(*p)) return fail(j, start, "invalid number");
  if (*p == '0') p++;
  else while (p < e && IS_DIGIT(*p)) p++;
  if (p < e && *p == '.') {
    if (++p >= e || !IS_DIGIT(*p)) return fail(j, start, "invalid number");
    while (p < e && IS_DIGIT(*p)) p++;
  }
  if (p < e && (*p == 'e' || *p == 'E')) {
    if (++p < e && (*p == '+' || *p == '-')) p++;
    if (p >= e || !IS_DIGIT(*p)) return fail(j, start, "invalid number");
    while (p < e && IS_DIGIT(*p)) p++;
  }
  j->p = p;
  return 0;
}

static int literal(jp *j, const char *word) {
  size_t n = strlen(word);
  if ((size_t)(j->e - j->p) < n || memcmp(j->p, word, n) != 0) return fail(j, j->p, "invalid value");
  j->p += n;
  return 0;
}

static int value(jp *j, int depth);

/* An array or object, checked and skipped. */
static int container(jp *j, int depth) {
  unsigned char close = *j->p == '{' ? '}' : ']';
  if (depth >= SRC_JSON_DEPTH) return fail(j, j->p, "nested too deep");
  j->p++;
  skip_ws(j);
  if (at(j, close)) {
    j->p++;
    return 0;
  }
  for (;;) {
    if (close == '}') {
      if (!at(j, '"')) return fail(j, j->p, "expected a string key");
      if (string(j, NULL, 0, NULL)) return 1;
      skip_ws(j);
      if (!at(j, ':')) return fail(j, j->p, "expected ':'");
      j->p++;
      skip_ws(j);
    }
    if (value(j, depth + 1)) return 1;
    skip_ws(j);
    if (at(j, ',')) {
      j->p++;
      skip_ws(j);
    } else if (at(j, close)) {
      j->p++;
      return 0;
    } else {
      return fail(j, j->p, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
    }
  }
}

/* Any value, checked and skipped. */
static int value(jp *j, int depth) {
  if (j->p >= j->e) return fail(j, j->p, "expected a value");
  switch (*j->p) {
    case '"': return string(j, NULL, 0, NULL);
    case '{': case '[': return container(j, depth);
    case 't': return literal(j, "true");
    case 'f': return literal(j, "false");
    case 'n': return literal(j, "null");
    default:
      if (*j->p == '-' || IS_DIGIT(*j->p)) return number(j);
      return fail(j, j->p, "expected a value");
  }
}

/* The text fields a document may have, best first, when the corpus names none. */
static const char *const TEXT_KEYS[] = { "text", "body", "content", NULL };

/* How good key[0, n) is as the text field: 0 not at all, more is better. */
static int text_rank(const char *field, const char *key, size_t n) {
  if (field) return strlen(field) == n && memcmp(field, key, n) == 0;
  for (int i = 0; TEXT_KEYS[i]; i++)
    if (strlen(TEXT_KEYS[i]) == n && memcmp(TEXT_KEYS[i], key, n) == 0) return 3 - i;
  return 0;
}

/* Which member of the object at j->p is the text: the key of the best rank whose value is a string
** (into best, with its rank in *rank; 0 when none). When none is, *there names a text key with
** another value (else it is left empty). Leaves j where it was; an error is left for the second
** pass to report. */
static void find_text(const jp *j0, const char *field, src_nbuf *best, int *rank, src_nbuf *there) {
  jp j = *j0;
  src_nbuf key;
  memset(&key, 0, sizeof key);
  key.nomap = 1;
  *rank = 0;
  j.p++;
  skip_ws(&j);
  while (at(&j, '"')) {
    key.n = 0;
    if (string(&j, &key, 0, NULL) || key.err) break;
    skip_ws(&j);
    if (!at(&j, ':')) break;
    j.p++;
    skip_ws(&j);
    int r = text_rank(field, key.s ? key.s : "", key.n);
    if (r && !at(&j, '"') && there->n == 0) src_nb_put(there, key.s, key.n, 0);
    if (r > *rank && at(&j, '"')) {
      *rank = r;
      best->n = 0;
      src_nb_put(best, key.s, key.n, 0);
    }
    if (value(&j, 0)) break;
    skip_ws(&j);
    if (!at(&j, ',')) break;
    j.p++;
    skip_ws(&j);
  }
  src_nb_free(&key);
}

/* The parser's scratch for one object: the key being read (with the prefix of the objects it is
** nested in, "author."), a value, and what the text field is. */
typedef struct jdoc {
  src_nbuf key, val, textkey;
  int text;              /* 1 once the text was read */
  src_nbuf *t;
  unsigned *flags;
  src_kvb *f;
} jdoc;

static int members(jp *j, jdoc *o, size_t prefix, int depth);

/* One member's value: the text, a nested object's fields, or a metadata field (the first of a
** repeated key counts). o->key holds its key, after prefix bytes of its parents' names. */
static int member(jp *j, jdoc *o, size_t prefix, int depth) {
  src_nbuf *key = &o->key, *val = &o->val;
  if (prefix == 0 && o->textkey.n == key->n && key->n > 0 && memcmp(key->s, o->textkey.s, key->n) == 0) {
    if (o->text || !at(j, '"')) return value(j, 0);   /* the first string of the key counts */
    o->text = 1;
    return string(j, o->t, 1, o->flags);
  }
  const unsigned char *v = j->p;
  if (key->n == prefix) return value(j, 0);   /* a field without a name is no metadata */
  if (at(j, '{')) {                           /* "author": {"party": "D"} gives author.party */
    if (depth >= SRC_JSON_DEPTH) return fail(j, j->p, "nested too deep");
    src_nb_put(key, ".", 1, 0);
    return members(j, o, key->n, depth + 1);
  }
  if (at(j, '"')) {
    val->n = 0;
    if (string(j, val, 0, NULL)) return 1;
    if (val->err) return 0;
    if (src_kvb_put(o->f, key->s, key->n, val->s ? val->s : "", val->n, 0)) val->err = 1;
    return 0;
  }
  if (value(j, 0)) return 1;
  if (j->p - v == 4 && memcmp(v, "null", 4) == 0) return 0;
  if (src_kvb_put(o->f, key->s, key->n, (const char *)v, (size_t)(j->p - v), 0)) val->err = 1;
  return 0;
}

/* The members of the object at j->p, their keys after prefix bytes of o->key. */
static int members(jp *j, jdoc *o, size_t prefix, int depth) {
  j->p++;
  skip_ws(j);
  if (at(j, '}')) {
    j->p++;
    return 0;
  }
  for (;;) {
    if (!at(j, '"')) return fail(j, j->p, "expected a string key");
    o->key.n = prefix;
    if (string(j, &o->key, 0, NULL)) return 1;
    skip_ws(j);
    if (!at(j, ':')) return fail(j, j->p, "expected ':'");
    j->p++;
    skip_ws(j);
    if (member(j, o, prefix, depth)) return 1;
    skip_ws(j);
    if (at(j, '}')) {
      j->p++;
      return 0;
    }
    if (!at(j, ',')) return fail(j, j->p, "expected ',' or '}'");
    j->p++;
    skip_ws(j);
  }
}

int src_json_object(const char *s, size_t n, int cp1252, const char *field, src_nbuf *t, unsigned *flags,
                    src_kvb *f, char *msg, size_t msglen) {
  jp j;
  jdoc o;
  int rank, r;
  src_nbuf there;
  memset(&j, 0, sizeof j);
  memset(&o, 0, sizeof o);
  memset(&there, 0, sizeof there);
  o.key.nomap = o.val.nomap = o.textkey.nomap = there.nomap = 1;
  o.t = t;
  o.flags = flags;
  o.f = f;
  j.s = j.p = (const unsigned char *)s;
  j.e = j.s + n;
  j.cp1252 = cp1252;
  skip_ws(&j);
  if (!at(&j, '{')) {
    r = value(&j, 0);
    skip_ws(&j);
    if (r == 0 && j.p == j.e) snprintf(msg, msglen, "not a JSON object");
    else snprintf(msg, msglen, "invalid JSON at byte %zu: %s", j.err ? j.errat : (size_t)(j.p - j.s),
                  j.err ? j.err : "text after the value");
    return 1;
  }
  find_text(&j, field, &o.textkey, &rank, &there);
  src_nb_put(&there, "", 1, 0);                 /* NUL-terminated, for the message */
  r = members(&j, &o, 0, 0);
  if (r == 0) {
    skip_ws(&j);
    if (j.p != j.e) r = fail(&j, j.p, "text after the object");
  }
  int oom = o.key.err == 1 || o.val.err == 1 || o.textkey.err == 1 || there.err == 1 || t->err == 1;
  src_nb_free(&o.key);
  src_nb_free(&o.val);
  src_nb_free(&o.textkey);
  if (!oom) {
    if (r) snprintf(msg, msglen, "invalid JSON at byte %zu: %s", j.errat, j.err);
    else if (t->err) snprintf(msg, msglen, "text larger than 4 GiB once decoded");
    else if (o.text != 1 && there.n > 1) snprintf(msg, msglen, "field \"%s\" is not a string", there.s);
    else if (o.text != 1 && field) snprintf(msg, msglen, "no \"%s\" field", field);
    else if (o.text != 1) snprintf(msg, msglen, "no text field (\"text\", \"body\" or \"content\")");
    else r = -2;
  }
  src_nb_free(&there);
  return oom ? -1 : r == -2 ? 0 : 1;
}

int src_json_skip(const char *s, size_t n, size_t *off, char *msg, size_t msglen) {
  jp j;
  memset(&j, 0, sizeof j);
  j.s = (const unsigned char *)s;
  j.p = j.s + *off;
  j.e = j.s + n;
  skip_ws(&j);
  if (value(&j, 0)) {
    snprintf(msg, msglen, "invalid JSON at byte %zu: %s", j.errat, j.err);
    return 1;
  }
  *off = (size_t)(j.p - j.s);
  return 0;
}
