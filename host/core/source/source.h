/*
** source.h: the loader. Finds a corpus's files, reads them, and hands out documents as normalized
** UTF-8 text with their metadata, their boilerplate lines, and a map back to the bytes of the file.
** It decides what a document is (a .txt/.md file, one line of a .jsonl file, an object of a .json
** file, a row of a .csv/.tsv table, a "# newdoc" of a
** CoNLL-U file, a <text> of a VRT file) and what its text says about itself (title, date); the
** metadata sidecar (metadata.tsv or metadata.csv) wins over that. The annotated formats (.conllu,
** .vrt) also give the document's tokens, sentences, attributes and regions (src_doc.pre).
** Bad input never stops it: each problem becomes one warning naming the file, and the rest loads.
** The files: load.c (src_open, src_load, src_read_doc, the table of formats), walk.c (src_scan),
** one file per format (format_text.c, format_jsonl.c and format_json.c with json.c, format_conllu.c and format_vrt.c
** with tokens.c), sidecar.c, boiler.c and textmeta.c (metadata), common.c (what they all use);
** source_int.h says how they fit together. doc/formats.md describes the annotated formats.
*/
#ifndef LECTOR_SOURCE_H
#define LECTOR_SOURCE_H

#include <stddef.h>
#include <stdint.h>

/* Called once per problem. file is the path relative to the root (or the root itself), or
** "metadata.tsv", "metadata.csv", "boilerplate.lst". msg does not repeat the file's name; it says
** where ("line N: ...", "byte offset N"; in a .jsonl file bytes count from the start of line N, in
** a .conllu or .vrt file from the start of the file) and
** what was done ("skipped", "decoded as Windows-1252"). The callback may be called from several
** threads at once (src_load is thread-safe). */
typedef void (*src_warn_fn)(void *ud, const char *file, const char *msg);

enum { SRC_TXT = 0, SRC_MD = 1, SRC_JSONL = 2, SRC_CONLLU = 3, SRC_VRT = 4, SRC_JSONDOC = 5, SRC_TABLE = 6,
       SRC_HTML = 7, SRC_PDF = 8, SRC_MAIL = 9 };

typedef struct src_file {
  char *path;          /* relative to the root, '/'-separated; "" when the root is itself a file */
  uint8_t kind;        /* SRC_TXT ... */
  uint64_t size;
  int64_t mtime_ns;    /* modification time, nanoseconds since the epoch */
} src_file;

typedef struct src_list {
  src_file *f;
  size_t n, cap;
} src_list;

typedef struct src_kv {
  char *key, *value;
} src_kv;

/* How a document's text differs from its bytes on disk. */
enum {
  SRC_CP1252 = 1 << 0,  /* not valid UTF-8: decoded as Windows-1252 */
  SRC_BOM    = 1 << 1,  /* a UTF-8 byte order mark was dropped */
  SRC_CRLF   = 1 << 2,  /* CR LF (or a lone CR) became LF */
  SRC_JSON   = 1 << 3   /* text decoded from a JSON string (escapes) */
};

typedef struct src_doc {
  char *name;          /* the file's path; "path#N" for line N (1-based) of a .jsonl file, and for
                       ** a .conllu/.vrt document that starts on line N of a file holding several */
  uint32_t line;       /* N for such a document, else 0 (the document is the whole file) */
  uint64_t byte_start; /* where the document's bytes start in its file (0 for a whole file) */
  uint64_t byte_len;   /* and how many bytes it takes there */
  char *text;          /* normalized UTF-8, NUL-terminated (the NUL is not counted in len) */
  size_t len;
  /* Offset map: pairs (norm, orig) at every point where the text stops being a plain copy of the
  ** file's bytes. A text offset t maps to orig_i + (t - norm_i) for the last pair with norm_i <= t;
  ** orig is relative to byte_start. nmap == 0 means the text is the file's bytes unchanged (a text
  ** whose offsets all agree with its bytes but whose bytes differ, a lone CR made LF, has the one
  ** pair (0, 0)). Offsets inside a character that was expanded or shrunk map to its end. */
  uint32_t *map;       /* 2 * nmap values: norm0, orig0, norm1, orig1, ... */
  size_t nmap;
  /* Metadata: title and date (ISO 8601) as a .txt/.md text states them in its first lines, then
  ** the fields of a .jsonl line (strings decoded; numbers, true, false, arrays and objects as their
  ** JSON text; null left out), then the sidecar's columns in its header's order (empty cells left
  ** out), then "lang" (src_detect_lang) when none of them gave it. "title" and "date" always come
  ** first when present, whoever gave them. */
  src_kv *meta;
  size_t nmeta;        /* each key at most once; the sidecar's value wins. One allocation: the
                       ** array and its strings (src_doc_free frees it) */
  uint32_t *boiler;    /* 2 * nboiler values: byte ranges [start, end) of boilerplate lines in text
                       ** (whole lines without their LF), sorted */
  size_t nboiler;
  unsigned flags;      /* SRC_CP1252 | ... */
  struct src_tokens *pre; /* the file's own tokens, for an annotated format (CoNLL-U, VRT); NULL
                       ** for text that the tokenizer splits */
  struct src_spans *spans; /* regions of text that the tokenizer splits, by byte offsets in text
                       ** (a PDF's pages); NULL when none */
} src_doc;

/* Regions over the text of a document the tokenizer splits (a PDF's pages): src_struct whose first
** and end are byte offsets [first, end) in the document's text; the index makes them regions over
** the tokens that start inside. */
typedef struct src_spans {
  struct src_struct *st;
  size_t nst;
  char *pool;
  size_t pool_len;
} src_spans;

/* A region of an annotated document: an element of a VRT file (<s>, <p>, <div type="x">, ...) or
** a CoNLL-U sentence or paragraph, over the tokens [first, end). */
typedef struct src_struct {
  uint32_t name;       /* the element's name: an offset into pool */
  uint32_t first, end;
  uint32_t attrs;      /* its attributes: an offset into pool of key, value, key, value, ... each
                       ** NUL-terminated, ended by an empty key */
} src_struct;

/* What an annotated file says of its document's tokens (src_doc.pre). The tokenizer is not asked:
** the tokens, sentences and attribute values are the file's. One allocation with its arrays is
** not required; src_doc_free frees each member. */
typedef struct src_tokens {
  size_t ntok;
  uint32_t *span;      /* 2 * ntok: start and length in the document's text of each token; the
                       ** syntactic words of one multiword token (CoNLL-U "don't" = do + n't when
                       ** written as one) each get the span of the whole surface token */
  uint32_t *sent;      /* first token of each sentence, ascending, sent[0] == 0 when ntok > 0 */
  size_t nsent;
  size_t nattr;        /* positional attributes besides the word form ("lemma", "pos", ...) */
  uint32_t *attr_name; /* nattr offsets into pool */
  uint32_t *form;      /* ntok offsets into pool of each token's own form where it is not the
                       ** text of its span (the words of a multiword token), UINT32_MAX where it
                       ** is; NULL when no token needs one */
  uint32_t *value;     /* ntok * nattr offsets into pool: value[i * nattr + a]; a value the file
                       ** leaves empty is kept as it is written ("_" in CoNLL-U) */
  src_struct *st;      /* regions, sorted by first, then by end descending (outer first) */
  size_t nst;
  char *pool;          /* NUL-terminated strings */
  size_t pool_len;
} src_tokens;

typedef struct src_ctx src_ctx;

/* Opens a corpus root: a folder, or a single .txt/.md/.jsonl/.conllu/.vrt file. Reads the metadata sidecar
** (metadata.tsv, else metadata.csv, in the folder) and the boilerplate list (defaults, changed by
** boilerplate.lst in the folder; a single-file root has neither, only the default rules). Returns
** NULL with a message in err when the root cannot be read at all; problems inside the sidecar and
** the list are warnings. */
src_ctx *src_open(const char *root, src_warn_fn warn, void *ud, char *err, size_t errlen);
void src_close(src_ctx *c);
const char *src_root(const src_ctx *c);
/* The columns of a VRT file that does not name them in a "<!-- #vrt positional-attributes: ... -->"
** comment: spec is "word,pos,lemma" (names split on commas, the first one the word's); without
** this, CWB's default "word pos lemma". Each name is letters, digits, '_', '-' or '.', and no name
** comes twice. Returns 0, or -1 with a message in err (the setting is then unchanged). Call it
** before loading: it is part of src_context_hash. */
int src_set_attributes(src_ctx *c, const char *spec, char *err, size_t errlen);
/* The field of a JSON document (.json, .jsonl) that holds its text; without this, "text", else
** "body", else "content". name is not empty. Returns 0, or -1 when memory ran out. Call it before
** loading: it is part of src_context_hash. */
int src_set_text_field(src_ctx *c, const char *name);
/* Metadata from the file names (without folders and extension): the fields spec names
** ("year,speaker,party"; an empty name skips its part) split on any of the characters sep ("_-"
** when NULL or empty), or a pattern of {fields} and the text between them
** ("{country}_{session}_{year}"). A name that does not fit is warned about; fields that look like
** dates are written as ISO dates; "year" dates a document without "date". The file's own fields
** and the sidecar win over these. Returns 0, or -1 with a message in err (the setting is then
** off). Call before loading: part of src_context_hash. */
int src_set_name_fields(src_ctx *c, const char *spec, const char *sep, char *err, size_t errlen);
int src_set_name_pattern(src_ctx *c, const char *pattern, char *err, size_t errlen);

/* Called once per file that is not read, besides its warning (grouped: a warning that names several
** files, else its own, which comes before the call), with why, one of: "binary",
** "unknown type", "encrypted", "damaged", "no text", "empty", "not UTF-8", "too large",
** "unreadable", "no PDF reader" (SRC_SKIP_REASONS, in the order a summary lists them). The callback
** may be called from several threads at once. */
typedef void (*src_skip_fn)(void *ud, const char *file, const char *reason, int grouped);
#define SRC_SKIP_REASONS { "binary", "unknown type", "encrypted", "damaged", "no text", "empty", "not UTF-8", \
                           "too large", "unreadable", "no PDF reader" }
void src_set_skip(src_ctx *c, src_skip_fn fn, void *ud);
/* 1: the files no format reads are named one warning each, with their type, instead of one
** warning per type naming a few. */
void src_set_each_file(src_ctx *c, int each);

/* The kind of a file without an extension, told from its bytes s[0, n) (src_scan gives the first
** 4096, or the whole file when they start a JSON value), after a BOM and white space: SRC_PDF for
** "%PDF-", SRC_HTML for "<!DOCTYPE html", "<html", or "<?xml" with an html root; SRC_MAIL for a
** header block with From: and Subject: or Date:; SRC_JSONDOC for "{" or "[" that is one JSON value;
** SRC_TXT for other text (notes; UTF-8 or not); -1 for binary bytes (a NUL, or more than 1 in 20
** control bytes). */
int src_sniff(const char *s, size_t n);

/* Lists the documents' files into out (empty on entry): sorted by path (bytewise), recursive,
** following symbolic links, skipping hidden entries (a name starting with '.', so also .lector/),
** the files at the top that describe the corpus (metadata.tsv, metadata.csv, boilerplate.lst, and
** the lexicons entities, actors, topics .tsv or .lua), and files that are not .txt, .md, .jsonl,
** .json, .csv, .tsv, .conllu, .vrt, .html, .htm, .xhtml, .pdf or .eml (warned about, by extension); a file
** without an extension is listed as the kind its first bytes say (src_sniff), or warned about as
** binary. Unreadable folders, broken links and symlink loops
** are warned about and skipped. Also warns, once per context, about sidecar rows that name no
** listed file. Returns 0, or -1 if out of memory (out is then empty). */
int src_scan(src_ctx *c, src_list *out);
void src_list_free(src_list *l);

/* Reads one file and calls fn for each of its documents, in order (one for .txt/.md, one per
** non-empty line of a .jsonl, one per "# newdoc" of a .conllu and per <text> of a .vrt, see
** doc/formats.md). fn owns the document: it must call src_doc_free when done. A file
** that cannot be read, holds NUL bytes (binary) or is over 4 GiB is skipped with a warning: the
** return is then 1. Returns 0 when the file loaded, -1 when memory ran out or fn returned non-zero.
** Thread-safe: several threads may load different files with the same context. */
typedef int (*src_doc_fn)(void *ud, src_doc *d);
int src_load(src_ctx *c, const src_file *f, src_doc_fn fn, void *ud);
/* src_load that also gives the hash (src_hash, seed 0) of the file's bytes as read, when it was
** read (the return is not 1). The store keeps it to tell a file that changed from one that did not. */
int src_load_hashed(src_ctx *c, const src_file *f, src_doc_fn fn, void *ud, uint64_t *hash);
/* The hash of a file's bytes, as src_load_hashed gives it, without decoding (no warnings).
** Returns 0, or -1 when the file cannot be read (src_load will say why). */
int src_file_hash(src_ctx *c, const src_file *f, uint64_t *hash);
/* A hash of what shapes documents besides their own files: the sidecar and boilerplate.lst (their
** names and bytes). Two contexts with the same hash make the same documents of the same file. */
uint64_t src_context_hash(src_ctx *c);
/* Marks the sidecar row of a document as taken, for a document whose file was not loaded again
** (the index kept it from an earlier build); src_sidecar_unused then leaves it out. */
void src_sidecar_take(src_ctx *c, const char *docname);

/* A fast 64-bit hash of bytes (not cryptographic): for telling changed files and damaged index
** sections apart from unchanged ones. */
uint64_t src_hash(const void *p, size_t n, uint64_t seed);

/* Reads one document again (for its text): the file at path, the bytes [byte_start, byte_start +
** byte_len) when line > 0 (a .jsonl line, a .conllu or .vrt document of several in its file). Fills d like src_load would (without warnings; d is
** cleared first, the caller frees it with src_doc_free). Returns 0, or -1 with a message in err
** (the file is gone, has changed size, or the line is no longer a line or a document). */
int src_read_doc(src_ctx *c, const char *path, uint32_t line, uint64_t byte_start, uint64_t byte_len,
                 src_doc *d, char *err, size_t errlen);
void src_doc_free(src_doc *d);

/* After the build: warns about each sidecar row that no document loaded through c took (and that
** src_scan did not already report), such as "data.jsonl#9" when line 9 is no document. Returns
** how many rows are unused. */
size_t src_sidecar_unused(src_ctx *c);

/* Maps a text offset to a byte offset relative to byte_start, and back (see src_doc.map). Both
** clamp: to byte_len and to len. */
uint64_t src_to_orig(const src_doc *d, uint64_t text_off);
uint64_t src_to_text(const src_doc *d, uint64_t orig_off);

/* The language of a text as an ISO 639-1 code, told from its first SRC_LANG_BYTES (lang.c): by the
** script of its letters, and for Latin and Cyrillic letters by the function words of en fr de es
** it pt nl, ru uk bg. "und" when it cannot tell (too short, too close a vote). A static string. */
const char *src_detect_lang(const char *text, size_t len);

/* The language of a loaded document: its metadata "lang" (given by the sidecar, a .jsonl field or
** the file, else detected by src_detect_lang while loading), or "und" when it has none. */
const char *src_doc_lang(const src_doc *d);

/* Is the byte string valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF)?
** Returns 1, or 0 with the offset of the first bad byte in *bad. */
int src_utf8_valid(const char *s, size_t len, size_t *bad);

#endif
