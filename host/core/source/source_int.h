/*
** source_int.h: what the loader's files share and nobody else sees, in the order they build on each
** other (a file calls only files listed before it): common.c (warnings, the text builder with its
** offset map, decoding, key/value lists, hashing, reading files); records.c (the records of a TSV
** or CSV table); sidecar.c (the metadata sidecar);
** boiler.c (boilerplate rules); dates.c (dates as writers write them); namemeta.c (metadata from
** file names); textmeta.c (titles and dates in texts, a document's metadata);
** json.c (one JSON object); tokens.c (what the annotated formats share: the builder of src_tokens,
** decoding fields); format_text.c, format_jsonl.c, format_json.c, format_csv.c, format_conllu.c, format_vrt.c, format_html.c, format_pdf.c and format_mail.c (the
** formats, on the src_format interface below); sniff.c (the kind of a file without an extension);
** load.c (the formats' registry, src_open, src_load,
** src_read_doc); walk.c (src_scan).
*/
#ifndef LECTOR_SOURCE_INT_H
#define LECTOR_SOURCE_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/types.h>

#include "source.h"

struct stat;

/* {====================================================================== tunables */

#if !defined(SRC_MAX_BYTES)
#define SRC_MAX_BYTES 0xFFFFFFFFull  /* larger files (and texts) are skipped: offsets are 32-bit */
#endif
#if !defined(SRC_HEAD_LINES)
#define SRC_HEAD_LINES 8             /* titles and dates are looked for in this many lines ... */
#endif
#if !defined(SRC_HEAD_BYTES)
#define SRC_HEAD_BYTES 2048          /* ... starting in this many first bytes of the text */
#endif
#if !defined(SRC_LANG_BYTES)
#define SRC_LANG_BYTES 16384         /* the language is told from this many first bytes of a text */
#endif
#if !defined(SRC_LANG_MIN_LETTERS)
#define SRC_LANG_MIN_LETTERS 8       /* fewer letters than this: "und" ... */
#endif
#if !defined(SRC_LANG_MIN_CJK)
#define SRC_LANG_MIN_CJK 4           /* ... fewer Chinese or Japanese characters than this: "und" */
#endif
#if !defined(SRC_LANG_SURE_LETTERS)
#define SRC_LANG_SURE_LETTERS 200    /* the detector stops reading once it has this many letters ... */
#endif
#if !defined(SRC_LANG_SURE_WORDS)
#define SRC_LANG_SURE_WORDS 12       /* ... and a language this many function words, 3x the next */
#endif
#if !defined(SRC_LANG_WORDS)
#define SRC_LANG_WORDS 2             /* a Latin or Cyrillic text needs this many function words */
#endif
#if !defined(SRC_TITLE_MAX)
#define SRC_TITLE_MAX 200            /* a title line is shorter than this (bytes, trimmed) */
#endif
#if !defined(SRC_PLACE_MAX)
#define SRC_PLACE_MAX 40             /* the place of a dateline ("Paris, 19 November 1990") */
#endif
#if !defined(SRC_BOILER_MAXLINE)
#define SRC_BOILER_MAXLINE 500       /* longer lines are text, never boilerplate */
#endif
#if !defined(SRC_FOLLOW_MAX)
#define SRC_FOLLOW_MAX 100           /* the headline after "Related story:" is shorter than this */
#endif
#if !defined(SRC_ANNOT_WARNS)
#define SRC_ANNOT_WARNS 20           /* warnings one CoNLL-U/VRT document gives; then one that counts */
#endif
#if !defined(SRC_JSON_DEPTH)
#define SRC_JSON_DEPTH 256           /* nesting of arrays and objects in a .jsonl field */
#endif

/* }====================================================================== */

/* {====================================================================== the context */

/* One row of the metadata sidecar: the document it names, and a cell (or NULL when empty) per
** metadata column. */
typedef struct side_row {
  char *file;
  char **cell;
  uint32_t line;      /* where the row starts in the sidecar, 1-based */
} side_row;

/* One boilerplate rule: a whole line, a line's start, or a regular expression. */
enum { BP_EXACT, BP_PREFIX, BP_REGEX };
typedef struct bp_rule {
  int kind;
  int removed;        /* taken out by a "!TEXT" line of boilerplate.lst */
  const char *text;   /* the rule as written (static for defaults, else owned) */
  size_t len;
  char *owned;
  pcre2_code *re;
} bp_rule;

/* A part of how file names are made (namemeta.c): a field, or the literal text between fields. */
typedef struct src_name_part {
  int field;                /* 1: a field named text ("" skips its part); 0: literal text */
  char *text;
} src_name_part;
enum { SRC_NAME_FIELDS = 1, SRC_NAME_PATTERN = 2 };

struct src_ctx {
  char *root;               /* as given, without trailing '/' */
  int root_file;            /* the root is a single file */
  src_warn_fn warn;
  void *ud;
  /* the sidecar */
  const char *side_name;    /* "metadata.tsv", "metadata.csv", or NULL when there is none */
  char **cols;              /* metadata columns in header order ('file' left out) */
  size_t ncols;
  side_row *rows;           /* sorted by file, for bsearch */
  size_t nrows;
  atomic_uchar *used;       /* per row: 1 once a document took it, 2 once reported unused */
  /* boilerplate */
  bp_rule *rules;
  size_t nrules;
  int has_re;
  unsigned char first[256]; /* bytes a plain rule can start with (both cases); all 1 with a regex */
  /* the columns of a VRT file without a positional-attributes comment (src_set_attributes) */
  char **vrt_cols;          /* the word's name first, then the attributes'; NULL: word pos lemma */
  size_t nvrt_cols;
  char *text_field;         /* the field of a JSON document that is its text (src_set_text_field);
                            ** NULL: "text", else "body", else "content" */
  /* metadata from file names (namemeta.c): none, fields split on separators, or a pattern */
  int name_mode;            /* 0, SRC_NAME_FIELDS or SRC_NAME_PATTERN */
  src_name_part *name_parts;
  size_t nname_parts;
  char *name_sep;           /* SRC_NAME_FIELDS: the separator characters */
  char *name_spec;          /* the fields or the pattern as given, for messages */
  src_skip_fn skip;         /* files not read, with why (src_set_skip) */
  void *skip_ud;
  int each_file;            /* name each file of an unknown type in a warning of its own */
};

/* One file being loaded: who to name in warnings and documents, and per-call scratch. */
typedef struct src_loader {
  src_ctx *c;
  const char *wfile;      /* the name warnings carry: the relative path, or the root */
  const char *base;       /* document names: the relative path, or the root file's own name */
  int quiet;              /* src_read_doc: warnings were given when the file was first loaded */
  int name_warned;        /* the file's name was said not to fit (once per file) */
  pcre2_match_data *md;
} src_loader;

/* }====================================================================== */

/* {====================================================================== small text helpers */

/* Inline: the sidecar, the boilerplate rules and the title finder call them for every line, and
** every format looks for a byte order mark. */

static inline int src_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* The length of a UTF-8 byte order mark at the start of s[0, n): 3, or 0 when there is none. */
static inline size_t src_bom(const char *s, size_t n) {
  return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Case-insensitive in ASCII only, whatever the locale. */
static inline int src_caseeq(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (src_lower((unsigned char)a[i]) != src_lower((unsigned char)b[i])) return 0;
  return 1;
}

/* Narrows [*a, *b) of s to leave out white space around it, NO-BREAK SPACE included. */
static inline void src_trim(const char *s, size_t *a, size_t *b) {
  for (;;) {
    if (*a < *b && (s[*a] == ' ' || s[*a] == '\t' || s[*a] == '\v' || s[*a] == '\f')) (*a)++;
    else if (*b - *a >= 2 && (unsigned char)s[*a] == 0xC2 && (unsigned char)s[*a + 1] == 0xA0) *a += 2;
    else break;
  }
  for (;;) {
    if (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\t' || s[*b - 1] == '\v' || s[*b - 1] == '\f')) (*b)--;
    else if (*b - *a >= 2 && (unsigned char)s[*b - 2] == 0xC2 && (unsigned char)s[*b - 1] == 0xA0) *b -= 2;
    else break;
  }
}

/* }====================================================================== */

/* {====================================================================== common.c */

const char *src_errstr(int e, char *buf, size_t len);   /* strerror, thread-safe */
char *src_join(const char *root, const char *rel);      /* "root/rel", or root when rel is "" */
char *src_dupn(const char *s, size_t n);                 /* s[0, n) as a new string */

/* Formats a warning and hands it to the context's callback. */
void src_warnf(const src_ctx *c, const char *file, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;

/* src_warnf about the file being loaded, unless it is quiet. */
void src_lwarn(const src_loader *L, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;

/* Says that the file at file (relative path) is not read, and why (one of SRC_SKIP_REASONS);
** grouped: its warning names several files (else the warning just given is its own). */
void src_skipf(const src_ctx *c, const char *file, const char *reason, int grouped);
/* src_skipf about the file being loaded, unless it is quiet. */
void src_lskip(const src_loader *L, const char *reason);

/* Text being built, with its offset map: every src_nb_put says where its bytes came from (an
** offset in the original bytes), and a pair (norm, orig) is recorded only where the difference
** orig - norm changes. nomap builds a plain string. err: 1 out of memory, 2 over SRC_MAX_BYTES. */
typedef struct src_nbuf {
  char *s;
  size_t n, cap;
  uint32_t *map;
  size_t nmap, mapcap;
  int64_t delta;
  int nomap;
  int err;
} src_nbuf;

void src_nb_reserve(src_nbuf *b, size_t want);
void src_nb_mark(src_nbuf *b, uint64_t orig);
void src_nb_put(src_nbuf *b, const void *p, size_t k, uint64_t orig);
void src_nb_cp(src_nbuf *b, uint32_t cp, uint64_t orig);
void src_nb_free(src_nbuf *b);
/* Hands the text and its map to d (d->flags already set). Returns 0 (b is then empty), or b's err
** (1 out of memory, 2 too large); b is then still the caller's to free. */
int src_nb_take(src_nbuf *b, src_doc *d);

/* The Unicode code point of a Windows-1252 byte (the five undefined ones map to C1 controls). */
uint32_t src_cp1252(unsigned char b);

/* Normalizes s[from, n) into b: CR LF and lone CR become LF (flags gaining SRC_CRLF), and with
** cp1252 each byte >= 0x80 becomes the UTF-8 of its Windows-1252 character. Offsets in the map are
** offsets in s. */
void src_normalize(const char *s, size_t n, size_t from, int cp1252, src_nbuf *b, unsigned *flags);

/* An ordered list of owned key/value strings. put replaces the value of an existing key when
** replace is set, and otherwise leaves it. Returns 0, or -1 when out of memory. */
typedef struct src_kvb {
  src_kv *e;
  size_t n, cap;
} src_kvb;
int src_kvb_put(src_kvb *b, const char *k, size_t kl, const char *v, size_t vl, int replace);
void src_kvb_free(src_kvb *b);

/* Reads n bytes at off (or up to end of file when short); returns the count, or -1 with errno. */
ssize_t src_read_at(int fd, char *buf, size_t n, uint64_t off);

/* Opens the file at rel (the root for ""). Returns the descriptor with *st filled, or -1 with a
** message in msg (and errno kept from open, for a missing file). */
int src_open_file(src_ctx *c, const char *rel, struct stat *st, char *msg, size_t msglen);

/* Reads a small text file of the root folder (the sidecar, boilerplate.lst): BOM dropped,
** Windows-1252 decoded when not UTF-8, CR LF made LF, each said in a warning where it matters.
** Returns 0 with a NUL-terminated *text, 1 when there is no such file, 2 when it could not be used
** (said in a warning), -1 when memory ran out. */
int src_read_aux(src_ctx *c, const char *name, char **text, size_t *len);

/* For rereading a whole-file document: the file's bytes again, which must still be len bytes (the
** file's size) without a NUL. Returns them NUL-terminated, or NULL with a message in err. */
char *src_read_again(const src_loader *L, int fd, uint64_t size, uint64_t len, char *err,
                     size_t errlen);

/* For a format whose file is one document that it makes (HTML, PDF: src_format.make): make fills d
** from the file's n bytes in buf (which stay the caller's) and returns 0, 1 when the file is skipped
** (warned), -1 when memory ran out. src_whole_load and src_whole_reread are load and reread on it
** (the bytes read again as they are: they may hold NUL bytes). */
typedef int (*src_make_fn)(src_loader *L, char *buf, size_t n, src_doc *d);
int src_whole_load(src_loader *L, char *buf, size_t n, src_doc_fn fn, void *ud, src_make_fn make);
int src_whole_reread(src_loader *L, int fd, uint64_t size, uint32_t line, uint64_t len, src_doc *d, char *err,
                     size_t errlen, src_make_fn make);

/* }====================================================================== */

/* {====================================================================== records.c */

/* A cell of a table's record: bytes [a, b) of the input (inside the quotes when quoted, where a
** doubled quote stands for one), then [ta, tb), text after a closing quote (empty otherwise). */
typedef struct src_cell {
  size_t a, b;
  int quoted;
  size_t ta, tb;
} src_cell;

/* A record: its cells, the line it starts on (1-based), its bytes [start, end). */
typedef struct src_record {
  src_cell *cell;
  size_t n, cap;
  uint32_t line;
  size_t start, end;
} src_record;

/* The record at *pos of s[0, len): CSV (RFC 4180) when csv, else TSV; *pos and *line move past it.
** Returns 1 with r filled, 0 at the end, -1 when out of memory; *broken: a quote never closed. */
int src_next_record(const char *s, size_t len, size_t *pos, uint32_t *line, int csv, src_record *r, int *broken);

/* Whether r is an empty line. */
int src_record_blank(const src_record *r);

/* The text of cell c of s (doubled quotes made one) put into b, offsets base + those in s. */
void src_cell_put(const char *s, const src_cell *c, src_nbuf *b, uint64_t base);

/* Whether cell c of s is text (unquoted, compared in ASCII without regard to case). */
int src_cell_is(const char *s, const src_cell *c, const char *text);

/* }====================================================================== */

/* {====================================================================== sidecar.c */

/* Reads metadata.tsv (else metadata.csv) into c; problems are warnings. Returns 0, or -1 when out
** of memory. */
int src_sidecar_read(src_ctx *c);
void src_sidecar_free(src_ctx *c);
/* Warns about the rows that name no file of l (once per context). */
void src_sidecar_check(src_ctx *c, const src_list *l);
/* The row of a document by its name, marked as taken; NULL when the sidecar has none. */
const side_row *src_sidecar_row(src_ctx *c, const char *docname);

/* }====================================================================== */

/* {====================================================================== boiler.c */

/* Sets up c's boilerplate rules: the defaults, changed by boilerplate.lst. Returns 0, or -1 when
** out of memory. */
int src_boiler_init(src_ctx *c);
void src_boiler_free(src_ctx *c);
/* Fills d->boiler with the lines of d->text that match a rule; *md is scratch for regular
** expressions, made on first use (the caller frees it). Returns 0, or -1 when out of memory. */
int src_boiler_mark(const src_ctx *c, src_doc *d, pcre2_match_data **md);

/* }====================================================================== */

/* {====================================================================== dates.c */

/* Parses a whole string as a date (2002-09-20, November 19, 1990, 19 Nov. 1990, ...);
** returns 1 with the ISO form in iso, -1 when it is shaped as a date but the day is not one of
** the month's (2002-02-30), or 0. */
int src_parse_date(const char *s, size_t n, char iso[11]);

/* }====================================================================== */

/* {====================================================================== namemeta.c */

/* The fields of the file name of document `name` (as src_set_name_fields or src_set_name_pattern
** describe it) into m, replacing what is there; a name that does not fit is warned about once per
** file. Returns 0, or -1 when memory ran out. */
int src_name_meta(src_loader *L, const char *name, src_kvb *m);

/* h mixed with how names are described (part of src_context_hash); the description freed. */
uint64_t src_name_hash(const src_ctx *c, uint64_t h);
void src_name_free(src_ctx *c);

/* }====================================================================== */

/* {====================================================================== textmeta.c */

/* Finishes a document whose text is made: marks its boilerplate lines, then fills d->meta with the
** title and date from the text when from_text, then fields, then the sidecar's row for d->name,
** each later one winning. Returns 0, or -1 when out of memory (d is then the caller's to free). */
int src_doc_finish(src_loader *L, src_doc *d, int from_text, const src_kvb *fields);

/* What the text says about itself: the title (a slice of text) and the date (ISO, or ""). */
void src_text_meta(const src_doc *d, const char **title, size_t *tlen, char date[11]);

/* }====================================================================== */

/* {====================================================================== json.c */

/* Parses one JSON object (s, n): a .jsonl line, or an object of a .json file. The text field
** (field, or when NULL "text", else "body", else "content") goes into t with its map to the object's
** bytes (CR LF and CR folded to LF, flags gaining SRC_CRLF); the other fields into f, nested
** objects' fields under "name.field". cp1252: the bytes are not UTF-8, so bytes >= 0x80 inside
** strings are Windows-1252. Returns 0; 1 when the object is to be skipped, with the reason in msg;
** -1 when memory ran out. */
int src_json_object(const char *s, size_t n, int cp1252, const char *field, src_nbuf *t, unsigned *flags,
                    src_kvb *f, char *msg, size_t msglen);

/* Moves *off past the JSON value at or after *off in s[0, n) (white space before it skipped).
** Returns 0; 1 with what is wrong in msg. */
int src_json_skip(const char *s, size_t n, size_t *off, char *msg, size_t msglen);

/* One JSON object s[0, n) at byte_start of its file as document number `number` (a .jsonl line, or
** an element of a .json array; 0 for the whole file, a .json object), d filled and named
** "base#number" (base when 0); what ("line", "element") is how warnings name it. Returns 0; 1 when
** it is skipped (warned); -1 when memory ran out. (format_jsonl.c) */
int src_json_doc(src_loader *L, const char *s, size_t n, uint32_t number, uint64_t byte_start, const char *what,
                 src_doc *d);

/* }====================================================================== */

/* {====================================================================== sniff.c */

#if !defined(SRC_SNIFF_BYTES)
#define SRC_SNIFF_BYTES 4096         /* the bytes a file without an extension is told by (src_sniff) */
#endif
/* src_sniff on an open file of size bytes: its kind, -1 for binary, -2 when it cannot be read. */
int src_sniff_fd(int fd, uint64_t size);

/* }====================================================================== */

/* {====================================================================== tokens.c */

/* A document's src_tokens being built, for an annotated format. err: 1 out of memory, 2 over the
** 32-bit offsets. Warnings go through src_tb_warn, which gives at most SRC_ANNOT_WARNS of them per
** document and counts the rest. */
typedef struct src_tbuild {
  src_loader *L;
  src_tokens *t;
  size_t spancap, sentcap, valcap, stcap, poolcap, formcap;
  uint32_t *slot;           /* interned pool strings: offset + 1, 0 for a free slot */
  size_t nslot, nused;
  uint32_t noattrs;         /* the empty attribute list */
  int next_sent;            /* the next token starts a sentence */
  int err;
  unsigned nwarn, more;
  uint32_t more_line;
  src_nbuf scratch;         /* decoding values */
} src_tbuild;

/* Makes room for want elements of size sz in the array *pp of capacity *cap (a pointer to any
** array pointer). Returns 0, or -1 when out of memory (the array is then unchanged). */
int src_grow(void *pp, size_t *cap, size_t want, size_t sz);
/* Starts an empty src_tokens with nattr attributes named names (besides the word). Returns 0, or
** -1 when out of memory (src_tb_free it still). */
int src_tb_init(src_tbuild *b, src_loader *L, const char *const *names, size_t nattr);
void src_tb_free(src_tbuild *b);
/* s[0, n) in the pool once, however often it is asked for: its offset (UINT32_MAX on error). */
uint32_t src_tb_intern(src_tbuild *b, const char *s, size_t n);
/* A field decoded (src_decode) and interned; *nbad counts the numeric entities that are no
** character, kept as written. */
uint32_t src_tb_value(src_tbuild *b, const char *s, size_t n, int cp, int xml, size_t *nbad);
/* A list of attributes in the pool (key, value, ..., ""), or the empty one; its offset. */
uint32_t src_tb_attrs(src_tbuild *b, const src_kvb *kv);
/* The next token starts a sentence (the first one always does). */
void src_tb_sentence(src_tbuild *b);
/* A token: its span in the text and its nattr values (pool offsets). */
void src_tb_token(src_tbuild *b, uint32_t start, uint32_t len, const uint32_t *values);
/* What re-reading a document of an annotated file came to, as src_read_doc says it: r 0 (read:
** returns 0), < 0 (out of memory), 1 (over 4 GiB), 2 (the file changed); -1 with the message. */
int src_reread_result(const src_loader *L, int r, uint32_t line, char *err, size_t errlen);
/* The last token's own form (a pool offset), where its span's text is not it: a word of a
** multiword token. */
void src_tb_form(src_tbuild *b, uint32_t form);
/* A region named name[0, nl) that starts at the next token: its index, for src_tb_close (which
** ends it after the last token so far). Regions are kept in the order they open: with proper
** nesting that is the order src_tokens promises. */
size_t src_tb_open(src_tbuild *b, const char *name, size_t nl, uint32_t attrs);
void src_tb_close(src_tbuild *b, size_t i);
/* A warning "line N: ..." about the document being built (none when the loader is quiet). */
void src_tb_warn(src_tbuild *b, uint32_t line, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;
/* Is s[0, n) a name for a positional attribute: 1 to 64 letters, digits, '_', '-', '.'? */
int src_attr_name_ok(const char *s, size_t n);
/* Puts s[0, n) into b, each piece mapped to orig + its offset: with cp, bytes >= 0x80 are
** Windows-1252; with xml, the entities &amp; &lt; &gt; &quot; &apos; &#N; &#xN; are decoded (others,
** and a bare '&', are kept as written). Returns how many numeric entities are no character (kept
** as written), the first at *bad. */
size_t src_decode(src_nbuf *b, const char *s, size_t n, uint64_t orig, int cp, int xml, size_t *bad);
/* Finishes d (name, line, bytes and flags set by the caller): the text from text, the tokens from
** b, boilerplate lines, then metadata from meta and the sidecar. b and text are emptied. Returns 0;
** 1 when the document is too large (warned, d clean); -1 when out of memory (d clean). */
int src_tb_doc(src_tbuild *b, src_nbuf *text, const src_kvb *meta, src_doc *d);

/* }====================================================================== */

/* {====================================================================== formats */

/* How the files of some extensions become documents: one file per format (format_text.c,
** format_jsonl.c, ...), each defining a src_format that the table in load.c lists. A new format
** is a new file, a line in that table, and its kind in source.h. */
typedef struct src_format {
  const char *name;                    /* "txt", "md", "jsonl" */
  int kind;                            /* SRC_TXT ... */
  const char *const *extensions;       /* ".txt": a name's last '.' on, any case; NULL-terminated */
  /* Every document of a file, in order, each handed to fn (which owns it). buf holds the file's n
  ** bytes, NUL-terminated, without a NUL inside; load frees it or hands it on. Returns 0; 1 when
  ** the file is skipped with a warning; -1 when memory ran out or fn returned non-zero. */
  int (*load)(src_loader *L, char *buf, size_t n, src_doc_fn fn, void *ud);
  /* One document again, for src_read_doc (L is quiet): from fd, the file open with size bytes, the
  ** document at line (0 for a whole file) that took the bytes [start, start + len). Returns 0 with
  ** d filled, or -1 with a message in err (d left clean). */
  int (*reread)(src_loader *L, int fd, uint64_t size, uint32_t line, uint64_t start, uint64_t len,
                src_doc *d, char *err, size_t errlen);
  /* Instead of load and reread (NULL then), for a file that is one document: it makes it (above). */
  src_make_fn make;
} src_format;

extern const src_format src_format_txt, src_format_md;   /* format_text.c */
extern const src_format src_format_jsonl;                /* format_jsonl.c */
extern const src_format src_format_json;                 /* format_json.c */
extern const src_format src_format_table;                /* format_csv.c */

/* The extensions the formats read, for a message: ".txt, .md, ... or .vrt" (load.c). */
void src_extension_list(char *buf, size_t len);
extern const src_format src_format_conllu;               /* format_conllu.c */
extern const src_format src_format_vrt;                  /* format_vrt.c */
extern const src_format src_format_html;                 /* format_html.c */
extern const src_format src_format_pdf;                  /* format_pdf.c */
extern const src_format src_format_mail;                 /* format_mail.c */
/* Walks the header block of a mail s[0, n) (format_mail.c): the Subject, From, Date and To headers
** into put as title, author, date and to (unless put is NULL), *body where the body starts. Returns
** 1 for a mail (a From: header and a Subject: or Date: one, then a blank line or the end), 0 when
** the bytes are no mail, -1 when memory ran out. */
int src_mail_headers(const char *s, size_t n, size_t *body, src_kvb *put);

/* The kind of a document file by its extension (any case), or -1 when no format reads it. In
** load.c, beside the table of formats. */
int src_kind_of(const char *name);

/* }====================================================================== */

#endif
