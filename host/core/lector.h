/*
** lector.h: the public C API of lector, an indexed corpus for scripting.
**
** A corpus is a folder of documents (.txt, .md, .jsonl, .json, .csv, .html, .pdf, ...) that lector
** loads, tokenizes and indexes.
** Open one with lector_open, ask it for documents, tokens, regions (paragraphs, sentences,
** speaker turns) and matches of words and phrases, then close it. Link liblector.a (and
** -lutf8proc -lpcre2-8 -licuuc -lxml2 -lpthread -lm -ldl; PDFs are read through libpoppler-glib.so.8,
** opened at the first PDF). Nothing here knows of Lua; the Lua module is built on it.
**
** Conventions: a position is a token's number in the whole corpus, from 0. A match is the pair
** (start, end) of positions with end inclusive, as CQP prints them. Byte offsets are offsets in
** the document's file, from 0, end exclusive. Functions that can fail return 0 on success and -1
** with a message in a caller's buffer (err, errlen); none of them print or exit.
**
** Threads: an open corpus may be read from several threads at once (every function below but
** lector_close takes it as read-only; what one makes on demand is made under a lock), so that
** analyses can split documents across cores. Each hits, text or tagger object belongs to the
** thread that made it. lector_open and lector_close are not to overlap with other calls.
*/
#ifndef LECTOR_H
#define LECTOR_H

#include <stddef.h>
#include <stdint.h>

#define LECTOR_VERSION       "0.1.0"
#define LECTOR_VERSION_NUM   100      /* major * 10000 + minor * 100 + patch */

typedef struct lector_corpus lector_corpus;

/* ------------------------------------------------------------------------------------------ */
/* Opening */

/* Receives each warning about the input (a file skipped, an encoding guessed), with the file's
** path relative to the corpus root. */
typedef void (*lector_warn_fn)(void *ud, const char *file, const char *msg);
/* The stages of an open that builds an index, in the order they come. */
typedef enum lector_stage {
  LECTOR_STAGE_READ = 1,     /* files are read and tokenized (files_done and bytes_done grow) */
  LECTOR_STAGE_MERGE,        /* every file is read: the parts are merged into one index */
  LECTOR_STAGE_WRITE,        /* the index is written to disk (only with the store on) */
  LECTOR_STAGE_DONE          /* the open is over; warnings come after this */
} lector_stage;

/* Where a build is: its stage, and the files and bytes read of the totals. */
typedef struct lector_progress {
  lector_stage stage;
  uint64_t files_done, files_total;
  uint64_t bytes_done, bytes_total;
} lector_progress;

/* Receives the progress of an index build, from the thread that called lector_open: in
** LECTOR_STAGE_READ once before any file is read and again as files are, then once for each
** later stage. An open that
** takes the stored index as it is builds nothing and reports nothing. */
typedef void (*lector_progress_fn)(void *ud, const lector_progress *p);

typedef struct lector_options {
  lector_warn_fn warn;       /* NULL: warnings are dropped (a library prints nothing) */
  void *warn_ud;
  lector_progress_fn progress;   /* NULL: no progress is reported */
  void *progress_ud;
  int threads;               /* threads for building; 0 = one per core */
  int store;                 /* 1: use and update the on-disk index (default); 0: memory only */
  int rebuild;               /* 1: ignore an existing on-disk index and build anew */
  int no_check;              /* 1: use the on-disk index without looking for changed files */
  int verify;                /* 1: check every byte of the on-disk index (its checksums) */
  int annotate;              /* 1: the built-in English tagger adds pos, xpos and lemma to every
                             ** token the tokenizer made (an annotated file keeps its own); a corpus
                             ** annotated once stays so when opened again with 0; -1: not (any
                             ** more): the layers are dropped and the corpus forgets them */
  const char *vrt_attributes; /* the columns of .vrt files without a positional-attributes comment,
                             ** "word,pos,lemma" (CWB's default when NULL); remembered by the corpus */
  const char *text_field;    /* the field of a .json/.jsonl document that is its text ("text", else
                             ** "body", else "content" when NULL); remembered by the corpus */
  const char *name_fields;   /* metadata from file names: "year,speaker,party", the parts of a name
                             ** split on name_sep ("_-" when NULL); or name_pattern,
                             ** "{country}_{session}_{year}". Remembered by the corpus ("" forgets) */
  const char *name_sep;
  const char *name_pattern;
  int verbose;               /* 1: each file not read is named in a warning of its own; 0: the files
                             ** of a type no format reads a few per type in one warning, and past the
                             ** first 10 files not read for one reason, the rest in one warning */
} lector_options;

/* Fills o with the defaults. */
void lector_options_init(lector_options *o);

/* Opens the corpus at path: a folder, or one .txt/.md/.jsonl file. Builds its index (or reuses
** the stored one). Warnings about single files go to o->warn, in the order of the files, after
** the build; they never make the open fail. Returns 0 and *out, or -1 with a message in err when
** the corpus cannot be opened at all (no such path, out of memory). */
int lector_open(const char *path, const lector_options *o, lector_corpus **out, char *err, size_t errlen);
/* Frees the corpus and unmaps its index (c may be NULL). Texts and hits taken from it must not be
** used afterwards. */
void lector_close(lector_corpus *c);

/* The path the corpus was opened with. */
const char *lector_root(const lector_corpus *c);
/* The language most documents are in (their metadata "lang": given, or detected while loading), or
** "und": query strings are tokenized as text of this language (lector_search). */
const char *lector_corpus_lang(const lector_corpus *c);

/* ------------------------------------------------------------------------------------------ */
/* Sizes and facts */

uint32_t lector_ndocs(const lector_corpus *c);
uint64_t lector_ntokens(const lector_corpus *c);
uint32_t lector_ntypes(const lector_corpus *c);     /* distinct surface forms */
uint32_t lector_nfiles(const lector_corpus *c);    /* files listed, skipped ones included */

typedef struct lector_info {
  double build_seconds;      /* time the index took to build (or 0 when opened from disk) */
  double open_seconds;       /* time lector_open took */
  uint64_t index_bytes;      /* size of the index (in memory or on disk) */
  uint64_t text_bytes;       /* size of the files */
  const char *store_path;    /* the on-disk index, or NULL */
  const char *store_error;   /* why the index is in memory only (a read-only place), or NULL */
  int from_store;            /* 1 if the index was read from disk */
  uint32_t files_skipped;    /* files that could not be loaded */
  uint32_t warnings;         /* warnings while loading (files skipped, encodings guessed, ...) */
} lector_info;
void lector_get_info(const lector_corpus *c, lector_info *info);

/* The files not read (each also named in a warning), sorted by path: i < lector_nskipped. reason
** is one of "binary", "unknown type", "encrypted", "damaged", "no text", "empty", "not UTF-8",
** "too large", "unreadable", "no PDF reader". A corpus opened from its stored index without looking
** at its files (no_check) knows only the ones its build could not read. */
uint32_t lector_nskipped(const lector_corpus *c);
void lector_skipped(const lector_corpus *c, uint32_t i, const char **file, const char **reason);

/* ------------------------------------------------------------------------------------------ */
/* Documents */

typedef struct lector_doc {
  uint32_t id;               /* 0-based */
  const char *name;          /* path relative to the root; "path#N" for line N of a .jsonl */
  const char *path;          /* the file's path relative to the root */
  uint32_t line;             /* N for a .jsonl document, else 0 */
  const char *title;         /* metadata "title", or NULL */
  const char *date;          /* metadata "date" (ISO 8601), or NULL */
  int year;                  /* from the date, or 0 */
  uint32_t first;            /* its tokens are [first, first + ntokens) */
  uint32_t ntokens;
  uint64_t byte_start;       /* where the document sits in its file */
  uint64_t byte_len;
  uint32_t nmeta;
  unsigned flags;            /* LECTOR_DOC_* */
} lector_doc;

enum {
  LECTOR_DOC_CP1252 = 1,     /* the file was not UTF-8: decoded as Windows-1252 */
  LECTOR_DOC_BOM    = 2,     /* a byte order mark was dropped */
  LECTOR_DOC_CRLF   = 4,     /* CR LF line ends became LF */
  LECTOR_DOC_JSON   = 8      /* the text came from a JSON string */
};

/* Fills d for document i (< lector_ndocs). */
void lector_doc_get(const lector_corpus *c, uint32_t i, lector_doc *d);
/* The document named name (as in lector_doc.name), or -1. */
int64_t lector_doc_find(const lector_corpus *c, const char *name);
/* The document that holds position pos (< lector_ntokens). */
uint32_t lector_doc_at(const lector_corpus *c, uint32_t pos);
/* Metadata of document doc: the value for key, or NULL. */
const char *lector_doc_meta(const lector_corpus *c, uint32_t doc, const char *key);
/* Metadata pair k (< lector_doc.nmeta) of document doc. */
void lector_doc_meta_at(const lector_corpus *c, uint32_t doc, uint32_t k, const char **key,
                        const char **value);

/* The text of a document, read again from its file and normalized as when it was indexed
** (UTF-8, LF line ends). Byte offsets of the file map into it with lector_text_offset. */
typedef struct lector_text {
  const char *text;          /* NUL-terminated */
  size_t len;
  void *priv;                /* the loader's document */
} lector_text;
/* Fills t with the text of document doc. Returns 0, or -1 with a message in err when the file is
** gone, has changed since it was indexed, or memory ran out. */
int lector_doc_text(lector_corpus *c, uint32_t doc, lector_text *t, char *err, size_t errlen);
/* Frees what lector_doc_text gave (t may be zeroed, or freed before: then nothing happens). */
void lector_text_free(lector_text *t);
/* Maps a byte offset of the document's file (as lector_token_span gives) to an offset in t. */
size_t lector_text_offset(const lector_text *t, const lector_doc *d, uint64_t file_offset);
/* And back: the byte offset in the file of an offset in t. */
uint64_t lector_file_offset(const lector_text *t, const lector_doc *d, size_t text_offset);

/* ------------------------------------------------------------------------------------------ */
/* Tokens and the lexicon */

/* The type (lexicon id) of the token at pos. */
uint32_t lector_token_type(const lector_corpus *c, uint32_t pos);
/* The surface form of a type, and its length. */
const char *lector_type_form(const lector_corpus *c, uint32_t type, size_t *len);
/* Occurrences of a type as a whole token. */
uint64_t lector_type_freq(const lector_corpus *c, uint32_t type);
/* Byte offsets [*b0, *b1) in the file of the token at pos. */
void lector_token_span(const lector_corpus *c, uint32_t pos, uint64_t *b0, uint64_t *b1);
/* The same for n consecutive tokens of one document: b0[i], b1[i] for pos + i. */
void lector_token_spans(const lector_corpus *c, uint32_t pos, uint32_t n, uint64_t *b0, uint64_t *b1);

/* How a word is matched against the lexicon. */
enum {
  LECTOR_MATCH_FOLD  = 0,    /* case-insensitive, quote variants unified (the default) */
  LECTOR_MATCH_EXACT = 1,    /* case-sensitive, quote variants unified */
  LECTOR_MATCH_LOOSE = 2,    /* also diacritics and abbreviation dots ignored: U.N. = UN */
  LECTOR_MATCH_PARTS = 4     /* flag: also find the word as a part of hyphen compounds */
};

/* The types that word matches: fills ids (up to cap) and returns how many there are in all
** (which may exceed cap). */
size_t lector_types_matching(lector_corpus *c, const char *word, size_t len, int how, uint32_t *ids,
                             size_t cap);

/* ------------------------------------------------------------------------------------------ */
/* Attributes besides the word form (corpus/attrs.c) */

/* Positional attributes, i in [0, lector_pattr_count): lemma, pos (Universal Dependencies UPOS),
** xpos (Penn Treebank) when the built-in tagger annotated the corpus, or the columns of imported
** CoNLL-U and VRT files. Each has a lexicon of values (sorted bytewise; an id is the rank, with
** its frequency) and a value at every position (the empty string where a document lacks it). */
size_t lector_pattr_count(const lector_corpus *c);
const char *lector_pattr_name(const lector_corpus *c, size_t i);      /* NULL past the end */
int lector_pattr_index(const lector_corpus *c, const char *name);     /* -1: none of that name */
uint32_t lector_pattr_ntypes(const lector_corpus *c, size_t i);
uint32_t lector_pattr_id(const lector_corpus *c, size_t i, uint32_t pos);
const char *lector_pattr_form(const lector_corpus *c, size_t i, uint32_t id, size_t *len);
uint64_t lector_pattr_freq(const lector_corpus *c, size_t i, uint32_t id);
/* The value of attribute i at pos (len may be NULL). */
const char *lector_pattr_value(const lector_corpus *c, size_t i, uint32_t pos, size_t *len);
/* Did the built-in tagger annotate the corpus (lector_open_opts.annotate)? */
int lector_annotated(const lector_corpus *c);

/* The built-in English tagger on words of the caller's (what lector_open's annotate runs on each
** sentence): one per thread, never shared. lector_tag fills, for the n tokens word[i] (len[i]
** bytes) of one sentence, pos[i] (UPOS), xpos[i] (Penn Treebank) and lemma[i] (lemma_len[i]
** bytes); the strings stay valid until the next call with t. Returns 0, or -1 when memory ran
** out. lector_tagger_new returns NULL when memory ran out. */
typedef struct lector_tagger lector_tagger;
lector_tagger *lector_tagger_new(void);
void lector_tagger_free(lector_tagger *t);
int lector_tag(lector_tagger *t, size_t n, const char *const *word, const uint32_t *len,
               const char **pos, const char **xpos, const char **lemma, uint32_t *lemma_len);

/* Structural attributes, i in [0, lector_sattr_count): the elements of imported files (<div>, <ne>,
** <s id=...>), regions of kind LECTOR_REGION_ATTR + i, each with a value for each key (the empty
** string where a region lacks it). */
size_t lector_sattr_count(const lector_corpus *c);
const char *lector_sattr_name(const lector_corpus *c, size_t i);      /* NULL past the end */
int lector_sattr_index(const lector_corpus *c, const char *name);     /* -1: none of that name */
size_t lector_sattr_nkeys(const lector_corpus *c, size_t i);
const char *lector_sattr_key(const lector_corpus *c, size_t i, size_t k);
const char *lector_sattr_value(const lector_corpus *c, size_t i, uint32_t region, size_t k);

/* Export (corpus/export.c): the corpus written out with all its attributes. */
enum { LECTOR_EXPORT_VRT = 0, LECTOR_EXPORT_CONLLU = 1 };
/* What comes once before the documents (VRT: the positional-attributes comment). A malloc'd
** string in *out (free it); 0, or -1 when memory ran out. */
int lector_export_header(const lector_corpus *c, int format, char **out, size_t *len);
/* Document doc as VRT (<text> with its metadata, <p>, <turn>, <s>, imported elements, a token a
** line) or CoNLL-U (# newdoc, # newpar, # sent_id, # text, ten columns from the attributes of
** the same names, SpaceAfter=No, multiword tokens). A malloc'd string in *out; 0, or -1 with a
** message (the document's file is gone or changed: CoNLL-U reads its text; out of memory). */
int lector_export_doc(lector_corpus *c, uint32_t doc, int format, char **out, size_t *len, char *err,
                      size_t errlen);

/* ------------------------------------------------------------------------------------------ */
/* Regions */

enum {
  LECTOR_REGION_DOC = 0,
  LECTOR_REGION_PARAGRAPH = 1,
  LECTOR_REGION_SENTENCE = 2,
  LECTOR_REGION_TURN = 3,    /* a speaker's turn in a transcript; its attribute is the speaker */
  LECTOR_REGION_BOILERPLATE = 4, /* a boilerplate line (web page chrome) */
  LECTOR_REGION_ATTR = 16        /* + k: the regions of structural attribute k (an imported file's
                                 ** elements, see lector_sattr_name) */
};

/* The regions of a kind (LECTOR_REGION_*, or LECTOR_REGION_ATTR + k); a kind the corpus does not
** have has none. */
uint32_t lector_region_count(const lector_corpus *c, int kind);
/* Region i of a kind: tokens [*start, *end) (end exclusive), and its attribute (or NULL). */
void lector_region_get(const lector_corpus *c, int kind, uint32_t i, uint32_t *start, uint32_t *end,
                       const char **attr);
/* The index of the region of a kind holding pos, or -1. */
int64_t lector_region_at(const lector_corpus *c, int kind, uint32_t pos);
/* The index of the first region of a kind that ends after pos. */
uint32_t lector_region_from(const lector_corpus *c, int kind, uint32_t pos);

/* ------------------------------------------------------------------------------------------ */
/* Matches */

/* A growable list of matches (start, end), end inclusive. */
typedef struct lector_hits {
  uint32_t *start, *end;
  size_t n, cap;
  uint32_t *target;          /* NULL, or a query's @ target per match (LECTOR_NO_TARGET: none) */
} lector_hits;
#define LECTOR_NO_TARGET UINT32_MAX

void lector_hits_init(lector_hits *h);
void lector_hits_free(lector_hits *h);
/* Appends a match; returns 0 or -1 when memory ran out. A list with targets gets none for it. */
int lector_hits_push(lector_hits *h, uint32_t start, uint32_t end);
/* Appends a match with its target (LECTOR_NO_TARGET for none); the list keeps targets from then on. */
int lector_hits_push_target(lector_hits *h, uint32_t start, uint32_t end, uint32_t target);

/* What a search looks at. */
typedef struct lector_scope {
  int how;                   /* LECTOR_MATCH_* */
  int skip_boilerplate;      /* 1: matches that touch a boilerplate line are left out */
  const uint8_t *docs;       /* NULL, or a byte per document: 0 = leave this document out */
  uint64_t limit;            /* stop after this many matches (0 = no limit) */
} lector_scope;

/* Finds a word or phrase: text is tokenized like the corpus (as text in lector_corpus_lang), and each of its tokens must match
** the corpus's tokens in a row ("weapons of mass destruction"). With h NULL only counts. Returns
** the number of matches, or -1 with a message in err (text without tokens, out of memory). */
int64_t lector_search(lector_corpus *c, const char *text, size_t len, const lector_scope *s,
                      lector_hits *h, char *err, size_t errlen);

/* ------------------------------------------------------------------------------------------ */
/* Statistics (core/query/stats.c): the counts behind frequency lists, collocations, n-grams and keywords.
** They count word classes: fold classes (how = LECTOR_MATCH_FOLD or LOOSE: case and quote
** variants together), surface types (LECTOR_MATCH_EXACT) or an attribute's values
** (LECTOR_CLASS_ATTR + k), numbered from 0. A scope (see
** above; its limit is ignored) leaves documents and boilerplate lines out. */

#define LECTOR_CLASS_ATTR 0x100   /* how = LECTOR_CLASS_ATTR + k: the classes are the values of
                                  ** positional attribute k (lemma, pos ...; lector_pattr_name) */
uint32_t lector_nclasses(const lector_corpus *c, int how);
/* The class of the token at pos. */
uint32_t lector_class_at(const lector_corpus *c, int how, uint32_t pos);
/* The form of a class: the folded form (lower case) or the surface form. */
const char *lector_class_form(const lector_corpus *c, int how, uint32_t id, size_t *len);
/* 1 if a class is a word or number (its form starts with a letter or digit), 0 for punctuation. */
int lector_class_is_word(const lector_corpus *c, int how, uint32_t id);

/* Adds to counts (lector_nclasses entries, zeroed by the caller) the tokens in scope by class
** (s NULL: the whole corpus). Returns the number of tokens counted. */
uint64_t lector_class_counts(const lector_corpus *c, const lector_scope *s, uint64_t *counts);

/* The window around each hit of a node: left and right tokens, inside its sentence or, with
** within_sentence 0, its document. */
typedef struct lector_window { int left, right; int within_sentence; } lector_window;
/* Adds to counts, by class, the tokens in the windows of node's hits (in corpus order), each
** position counted once even where windows overlap, the hits' own tokens left out. Returns the
** number of tokens counted (the windows' size in all). */
int64_t lector_cooccurrences(const lector_corpus *c, const lector_hits *node, const lector_window *win,
                             const lector_scope *s, uint64_t *counts);

#define LECTOR_NGRAM_MAX 8
/* n-grams: n classes in a row inside one sentence; ids holds n class ids per n-gram. */
typedef struct lector_ngram_list {
  int n;
  size_t len;
  uint32_t *ids;
  uint64_t *count;
} lector_ngram_list;
/* Counts the n-grams in scope (1 <= n <= LECTOR_NGRAM_MAX), with words_only leaving out those
** with punctuation, ranked by count and then by their forms' byte order. Returns 0, or -1 (bad
** n, out of memory); free the list with lector_ngram_list_free. */
int lector_ngrams(const lector_corpus *c, int n, int words_only, const lector_scope *s, lector_ngram_list *out);
void lector_ngram_list_free(lector_ngram_list *l);

/* ------------------------------------------------------------------------------------------ */
/* Queries (core/query/query.c): CQP's language, compiled by the Lua side (lector/query/) into a plan.
**
** A plan is a program for a Pike-style NFA over token positions, with expression nodes that the
** program's instructions name by index (0-based):
**   - token tests: trees of LECTOR_QN_WORD (a regular expression over the whole form), ANY, NOT,
**     AND, OR. Each tree becomes once, over the lexicon, the set of types it accepts.
**   - metadata tests (in <doc key="re"> tags): trees of LECTOR_QN_META, NOT, AND, OR, decided
**     once per document (or per region, on its attribute, for <turn speaker="re">).
**   - the global constraint (after ::): trees of LECTOR_QN_CMP (on the labels), LECTOR_QN_META
**     (on the document of the match), NOT, AND, OR.
** Matching is CQP's "standard" strategy: the earliest start, from it the shortest match, then on
** after its end (matches do not overlap); a match holds at least one token and stays inside one
** document (and one region with `within`). Candidate starts come from the postings of the rarest
** anchor test (a token every match must hold, at a known distance from its start); a query
** without such a token visits every position. */

enum {                      /* lector_qnode.op */
  LECTOR_QN_ANY,            /* every token: [] */
  LECTOR_QN_WORD,           /* re over the form; flags LECTOR_QF_* */
  LECTOR_QN_NOT,            /* not node a */
  LECTOR_QN_AND,            /* a and b */
  LECTOR_QN_OR,             /* a or b */
  LECTOR_QN_META,           /* metadata key matches re (whole value); flags LECTOR_QF_* */
  LECTOR_QN_CMP,            /* label a's word equals label b's word (b >= 0) or matches re (b < 0) */
  LECTOR_QN_NONE            /* no token (a test that can never hold) */
};
enum {                      /* lector_qnode.flags */
  LECTOR_QF_FOLD = 1,       /* %c: ignore case */
  LECTOR_QF_LOOSE = 2,      /* %d: ignore diacritics (and case) */
  LECTOR_QF_LITERAL = 4     /* %l: the string is literal, not a regular expression */
};
typedef struct lector_qnode {
  int op, a, b;
  const char *key;          /* META: the metadata field */
  const char *re;           /* WORD, META, CMP: the regular expression (or literal) */
  int flags;
} lector_qnode;

enum {                      /* lector_qinstr.op */
  LECTOR_QI_TOK,            /* consume one token that passes test node a */
  LECTOR_QI_SPLIT,          /* go on at a (preferred) and at b */
  LECTOR_QI_JMP,            /* go on at a */
  LECTOR_QI_OPEN,           /* a region of kind a starts here; node b (or -1) tests its metadata */
  LECTOR_QI_CLOSE,          /* a region of kind a ended just before here */
  LECTOR_QI_LABEL,          /* label slot a takes the position of the next token */
  LECTOR_QI_MATCH           /* the query matched */
};
typedef struct lector_qinstr { int op, a, b; } lector_qinstr;

/* A token test every match holds, minoff..maxoff tokens after its start (maxoff UINT32_MAX: any).
** Anchors of one group are alternatives to each other (the cheapest one drives); the groups are
** the branches of a top-level alternation, each of which needs one anchor. */
typedef struct lector_qanchor {
  int group, test;
  uint32_t minoff, maxoff;
} lector_qanchor;

typedef struct lector_qplan {
  const lector_qnode *nodes;
  size_t nnodes;
  const lector_qinstr *prog;  /* starts at 0 */
  size_t nprog;
  const lector_qanchor *anchors;
  size_t nanchors;
  int ngroups;
  int cond;                 /* root node of the global constraint, or -1 */
  int within;               /* LECTOR_REGION_* a match stays in, or -1 */
  uint32_t within_n;        /* the most tokens of a match (within N), or 0 */
  int nlabels;
  int target;               /* label slot of the @ target, or -1 */
} lector_qplan;

typedef struct lector_qopts {
  lector_scope scope;       /* how is unused (the flags decide); docs, skip_boilerplate, limit */
  uint64_t max_hits;        /* a runaway guard: stop there with a message (0: no limit) */
  double timeout;           /* seconds, the same guard (0: no limit) */
  uint32_t max_len;         /* the longest match without `within` (0: LECTOR_QUERY_MAX_LEN) */
} lector_qopts;
#define LECTOR_QUERY_MAX_HITS 1000000u
#define LECTOR_QUERY_TIMEOUT  60.0
#define LECTOR_QUERY_MAX_LEN  100u

enum { LECTOR_QSTOP_NONE = 0, LECTOR_QSTOP_LIMIT = 1, LECTOR_QSTOP_TIME = 2 };

/* Fills o with the defaults (no scope, LECTOR_QUERY_MAX_HITS, LECTOR_QUERY_TIMEOUT). */
void lector_qopts_init(lector_qopts *o);

/* Runs a plan. With h NULL only counts (no match is kept, and max_hits does not apply). Returns
** the number of matches, or -1 with a message in err (a bad regular expression, a plan that does
** not hold together, out of memory). *stopped (may be NULL) gets LECTOR_QSTOP_* and, when a guard
** stopped the query, err gets a message saying so (the matches so far are kept and counted). */
int64_t lector_query_run(lector_corpus *c, const lector_qplan *p, const lector_qopts *o, lector_hits *h,
                         int *stopped, char *err, size_t errlen);

/* ------------------------------------------------------------------------------------------ */
/* Tokenizing outside the corpus */

/* Calls fn for each token of text, with its byte range in text; returns the number of tokens. */
typedef void (*lector_token_fn)(void *ud, const char *tok, size_t len, size_t offset);
size_t lector_tokenize(const char *text, size_t len, lector_token_fn fn, void *ud);
/* The same for a text in the language lang (an ISO 639 code, or NULL or "und" when unknown, which
** is what lector_tokenize assumes): the language decides where elisions split (l'ONU, c'mon; see
** doc/query.md). */
size_t lector_tokenize_lang(const char *text, size_t len, const char *lang, lector_token_fn fn, void *ud);

#endif
