/*
** index.h: the positional index of a corpus, as flat arrays.
** Every part of the index is a plain array with fixed-width members ("sections"), so that the same
** struct serves an index just built in memory and one mapped from disk by store.c. Positions are
** corpus-wide token numbers (uint32: up to 4 G tokens); byte offsets are relative to the start of
** the document in its file. This header also has the inline accessors every reader uses: token at
** a position, form of a type, byte span of a token, region containing a position, postings.
*/
#ifndef LECTOR_INDEX_H
#define LECTOR_INDEX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "source/source.h"

#define IX_SKIP_EVERY 128u   /* postings per skip entry (galloping seeks) */
#define IX_CK_EVERY   64u    /* tokens per span checkpoint */
#define IX_NONE       UINT32_MAX
#define IX_RARE       0xFFFFu  /* in a coded token stream: a type without a code */

/* A set of posting lists, one per lexicon id: positions ascending, delta + varint coded. */
typedef struct ix_skip {
  uint32_t pos;              /* entry k-1: the position of posting k*IX_SKIP_EVERY - 1 (k >= 1) */
  uint32_t off;              /* byte offset, in the list, of posting k*IX_SKIP_EVERY */
} ix_skip;

typedef struct ix_plist {
  const uint64_t *off;       /* ntypes + 1: start of each list in data */
  const uint8_t *data;
  const uint32_t *count;     /* ntypes: postings in each list */
  const uint64_t *skip_off;  /* ntypes + 1: first skip entry of each list */
  const ix_skip *skip;
} ix_plist;

/* Regions: sorted, non-overlapping token ranges [start, end). */
typedef struct ix_regions {
  uint32_t n;
  const uint32_t *start, *end;
  const uint32_t *attr;      /* a string (offset into strings) per region, or NULL */
} ix_regions;

enum { IX_DOC = 0, IX_PARA, IX_SENT, IX_TURN, IX_BOILER, IX_NREGIONS };

typedef struct ix_doc {
  uint32_t first, ntok;      /* tokens [first, first + ntok) */
  uint32_t file;             /* index into files */
  uint32_t line;             /* line in a .jsonl file (1-based), else 0 */
  uint64_t byte_start, byte_len;
  uint32_t name;             /* string: path, or path#line */
  uint32_t meta, nmeta;      /* key/value pairs meta[2*i], meta[2*i+1] for i in [meta, meta+nmeta) */
  uint32_t flags;            /* SRC_CP1252 | ... */
} ix_doc;

#define IX_FILE_SKIPPED 0x100u  /* in ix_file.kind: the file could not be loaded (warned) */

typedef struct ix_file {
  uint32_t path;             /* string */
  uint32_t kind;             /* SRC_TXT ..., | IX_FILE_SKIPPED */
  uint64_t size;
  int64_t mtime_ns;
  uint64_t hash;             /* src_hash of the file's bytes */
  uint32_t first_doc, ndocs;
} ix_file;

/* A positional attribute besides the word form (lemma, pos, xpos, or any column of an imported
** file): its own lexicon (values sorted bytewise; an id is the rank), a value id per position in
** a stream of width bytes (little-endian), and a posting list per value. A token that has no
** value for it (a document that was not annotated) has the empty string. */
typedef struct ix_pattr {
  uint32_t name;             /* string */
  uint32_t ntypes;
  const char *forms;         /* NUL-terminated values, back to back */
  const uint64_t *form_off;  /* ntypes + 1 */
  const uint64_t *freq;      /* ntypes */
  uint32_t width;            /* 1 to 4 */
  const uint8_t *tokens;     /* ntokens * width, then 8 bytes of padding */
  ix_plist post;
} ix_pattr;

/* A structural attribute: the regions of one element of imported files (<div>, <ne>, <s> with
** attributes ...), sorted and not overlapping (an element nested in one of the same name goes to
** the layer NAME1, one level deeper to NAME2, ...), and per region a value for each of its keys
** (the empty string where a region lacks one). */
typedef struct ix_sattr {
  uint32_t name;             /* string */
  ix_regions reg;            /* attr NULL */
  uint32_t nkeys;
  const uint32_t *keys;      /* nkeys strings */
  const uint32_t *vals;      /* reg.n * nkeys strings: vals[i * nkeys + k] */
} ix_sattr;

typedef struct ix_ck {
  uint64_t off;              /* byte offset in spans of token k*IX_CK_EVERY */
  uint32_t base;             /* end of the token before it, 0 when it starts a document */
  uint32_t pad;
} ix_ck;

typedef struct ix_index {
  /* lexicon: surface forms sorted bytewise; a type id is the rank */
  uint32_t ntypes;
  const char *forms;         /* NUL-terminated forms, back to back */
  const uint64_t *form_off;  /* ntypes + 1 */
  const uint64_t *freq;      /* ntypes: occurrences as whole tokens */
  /* folded view (FOLD_CASE): fold classes sorted bytewise, each with its surface ids */
  uint32_t nfolds;
  const char *fold_forms;
  const uint64_t *fold_off;  /* nfolds + 1 */
  const uint32_t *fold_of;   /* ntypes: fold class of each type */
  const uint32_t *fold_mem_off; /* nfolds + 1 */
  const uint32_t *fold_mem;  /* surface ids of each class, ascending */
  /* postings: whole tokens, and parts of hyphen compounds (U.S.-led is found by "led") */
  ix_plist post, part;
  /* token stream: a type id per position, tok_width bytes each, little-endian. With more than
  ** 65536 types the stream holds 2-byte codes instead: code_id maps the codes of the 65535 most
  ** frequent types to their ids, and IX_RARE stands for any other type, found by position in
  ** rare_pos (ascending) / rare_id. Real text is mostly its frequent words, so this is about 2
  ** bytes a token where ids would take 3. */
  uint64_t ntokens;
  uint32_t tok_width;
  const uint8_t *tokens;
  uint32_t ncodes;           /* 0: the stream holds ids */
  const uint32_t *code_id;
  uint64_t nrare;
  const uint32_t *rare_pos, *rare_id;
  /* byte spans: per token a gap (from the previous token's end) and a length, coded by
  ** ix_span_put; a checkpoint every IX_CK_EVERY tokens */
  const uint8_t *spans;
  uint64_t spans_len;
  const ix_ck *ck;
  /* pairs of frequent fold classes side by side, and how often (pairs.c) */
  uint64_t npairs;
  uint64_t pair_min;         /* a class occurring this often is frequent; 0: no table */
  const uint64_t *pair_key;  /* class_a << 32 | class_b, ascending */
  const uint32_t *pair_count;
  /* positional and structural attributes besides the word and the built-in regions (their arrays
  ** are malloc'd and freed by ix_free, whoever made the index) */
  uint32_t npattr, nsattr;
  ix_pattr *pattr;
  ix_sattr *sattr;
  uint32_t annotated;        /* the build ran an annotator (ix_build_opts.annotate) */
  /* structure */
  ix_regions reg[IX_NREGIONS];
  uint32_t ndocs, nfiles;
  const ix_doc *docs;
  const ix_file *files;
  const uint32_t *meta;      /* string pairs */
  const char *strings;       /* NUL-terminated strings; a string is its offset here */
  uint64_t strings_len;
  /* build facts */
  double build_seconds;
  /* memory behind the arrays: malloc'd blocks (an index built here) or a mapping (store.c) */
  void **blocks;
  size_t nblocks;
  void *map;
  size_t map_len;
} ix_index;

/* ---- building ---- */

typedef void (*ix_progress_fn)(void *ud, uint64_t files_done, uint64_t files_total,
                               uint64_t bytes_done, uint64_t bytes_total);

typedef struct ix_build_opts {
  int threads;               /* worker threads; 0 = one per core */
  ix_progress_fn progress;   /* may be NULL; called from the building thread only */
  void *progress_ud;
  const ix_index *previous;  /* an older index of the same corpus (made with the same sidecar and
                             ** boilerplate list): files of the same path, kind, size, mtime and hash
                             ** are copied from it instead of being read and tokenized again */
  void (*reused)(void *ud, const char *path); /* told of each file copied (from any thread) */
  void *reused_ud;
  uint64_t chunk_bytes;      /* input bytes per unit of work; 0 = the default (tests set it small) */
  const struct ix_annotator *annotate; /* adds positional attributes to the documents the tokenizer
                             ** splits (NULL: none); an annotated file's own attributes are kept */
} ix_build_opts;

/* An annotator (corpus.c gives the built-in tagger): called on the worker threads, with a state
** per worker, for each sentence of each document that the tokenizer split. */
typedef struct ix_annotator {
  size_t nattr;
  const char *const *names;  /* the attributes it gives, in order ("pos", "xpos", "lemma") */
  void *(*state_new)(const void *ud);        /* NULL: out of memory */
  void (*state_free)(void *st);
  /* Annotates the n tokens word[i] (len[i] bytes) of one sentence: val[i * nattr + a] and
  ** vlen[i * nattr + a] get attribute a's value of token i (valid until the next call with st).
  ** Returns 0, or -1 when memory ran out. */
  int (*annotate)(void *st, size_t n, const char *const *word, const uint32_t *len, const char **val,
                  uint32_t *vlen);
  const void *ud;
  uint32_t stable;           /* bit a set: attribute a's values point to memory that lives as long
                             ** as the annotator (tag names), so a value is known by its address */
  uint32_t keyed;            /* bit a set: attribute a's value follows from the token's word and the
                             ** values of the (at most two) stable attributes (a lemma from the word
                             ** and its tag), so it is found again by them instead of hashed */
} ix_annotator;

/* Builds the index of the files in list. Warnings go through the source context's callback.
** Returns 0 and *out, or -1 with a message in err (out of memory, too many tokens). */
int ix_build(src_ctx *src, const src_list *files, const ix_build_opts *o, ix_index **out,
             char *err, size_t errlen);

/* The pair table of a built index (pairs.c), on up to threads threads: sets the pair fields
** of ix to the arrays in *keys and *counts (the caller keeps them). Returns 0 or -1 (memory). */
#define IX_PAIR_MIN 1000u        /* occurrences that make a fold class frequent ... */
#define IX_PAIR_MAX 2048u        /* ... for at most this many classes */
int ix_build_pairs(ix_index *ix, int threads, uint64_t **keys, uint32_t **counts);
/* How often fold class b follows class a in a document; -1 when the table cannot say (one of
** them is not frequent). */
int64_t ix_pair_count(const ix_index *ix, uint32_t a, uint32_t b);


/* ---- reading ---- */

/* Frees an index and the memory behind its arrays, whoever made it (ix_build's blocks, or
** store.c's mapping). NULL is allowed. */
void ix_free(ix_index *ix);

/* The positional attribute called name, or NULL. */
const ix_pattr *ix_pattr_find(const ix_index *ix, const char *name);
/* The structural attribute called name, or NULL. */
const ix_sattr *ix_sattr_find(const ix_index *ix, const char *name);
/* The value id of attribute a at pos. */
static inline uint32_t ix_pattr_id(const ix_pattr *a, uint64_t pos) {
  const uint8_t *p = a->tokens + pos * a->width;
  uint32_t v = 0;
  for (uint32_t i = 0; i < a->width; i++) v |= (uint32_t)p[i] << (8 * i);
  return v;
}
static inline const char *ix_pattr_form(const ix_pattr *a, uint32_t id, size_t *len) {
  if (len) *len = (size_t)(a->form_off[id + 1] - a->form_off[id] - 1);
  return a->forms + a->form_off[id];
}
/* The id of value s in attribute a, or IX_NONE. */
uint32_t ix_pattr_lookup(const ix_pattr *a, const char *s, size_t len);

/* The type of a token coded IX_RARE. */
uint32_t ix_token_rare(const ix_index *ix, uint64_t pos);

static inline uint32_t ix_token(const ix_index *ix, uint64_t pos) {
  const uint8_t *p = ix->tokens + pos * ix->tok_width;
  uint32_t v = 0;
  for (uint32_t i = 0; i < ix->tok_width; i++) v |= (uint32_t)p[i] << (8 * i);
  if (ix->ncodes) return v != IX_RARE ? ix->code_id[v] : ix_token_rare(ix, pos);
  return v;
}

static inline const char *ix_form(const ix_index *ix, uint32_t id, size_t *len) {
  if (len) *len = (size_t)(ix->form_off[id + 1] - ix->form_off[id] - 1);
  return ix->forms + ix->form_off[id];
}

static inline const char *ix_string(const ix_index *ix, uint32_t s) {
  return ix->strings + s;
}

/* The type id of a surface form, or IX_NONE. */
uint32_t ix_lookup(const ix_index *ix, const char *s, size_t len);
/* The fold class of an already folded form (FOLD_CASE), or IX_NONE; ids and n get its members. */
uint32_t ix_fold_lookup(const ix_index *ix, const char *folded, size_t len, const uint32_t **ids,
                        size_t *n);

/* Index of the region of kind k that contains pos, or -1. */
int64_t ix_region_find(const ix_index *ix, int k, uint32_t pos);
/* Index of the first region of kind k that ends after pos (the one containing it, or the next). */
uint32_t ix_region_next(const ix_index *ix, int k, uint32_t pos);
/* The same in any set of regions (a structural attribute's). */
uint32_t ix_regions_next(const ix_regions *r, uint32_t pos);
int64_t ix_regions_find(const ix_regions *r, uint32_t pos);
/* The regions of a kind: IX_DOC ... IX_BOILER, or IX_SATTR + k for structural attribute k; NULL
** for a kind the index does not have. */
#define IX_SATTR 16
static inline const ix_regions *ix_regions_of(const ix_index *ix, int kind) {
  if (kind >= 0 && kind < IX_NREGIONS) return &ix->reg[kind];
  if (kind >= IX_SATTR && (uint32_t)(kind - IX_SATTR) < ix->nsattr) return &ix->sattr[kind - IX_SATTR].reg;
  return NULL;
}

/* The document holding a position (pos < ntokens). */
uint32_t ix_doc_of(const ix_index *ix, uint32_t pos);
/* The same for a position at or after document from's start: a gallop forward from there, for
** walks whose positions only grow (a binary search over all documents costs more at each step). */
uint32_t ix_doc_from(const ix_index *ix, uint32_t from, uint32_t pos);

/* Byte span [*b0, *b1) of the token at pos, relative to its document's byte_start. */
void ix_span(const ix_index *ix, uint32_t pos, uint32_t *b0, uint32_t *b1);
/* Spans of the n tokens from pos on, all in one document (a faster walk than n ix_span calls). */
void ix_spans(const ix_index *ix, uint32_t pos, uint32_t n, uint32_t *b0, uint32_t *b1);

/* Where token pos's span starts in ix->spans (spans_len for pos == ntokens). */
uint64_t ix_span_offset(const ix_index *ix, uint64_t pos);

/* A cursor over one posting list. */
typedef struct ix_cursor {
  const uint8_t *p, *end;
  const ix_skip *skip, *skip_end;
  const uint8_t *base;       /* start of the list, for skip offsets */
  uint32_t cur;              /* the current position (valid once next/seek returned 1) */
  uint32_t left;             /* postings not yet read */
  uint32_t count;
} ix_cursor;

void ix_cursor_open(ix_cursor *c, const ix_plist *pl, uint32_t id);
/* Advances to the next posting: 1 and c->cur, or 0 at the end. */
int ix_cursor_next(ix_cursor *c);
/* Advances to the first posting >= target (never backwards): 1 and c->cur, or 0 at the end. */
int ix_cursor_seek(ix_cursor *c, uint32_t target);

/* varint coding shared by the index and the store */
static inline size_t ix_varint_put(uint8_t *p, uint64_t v) {
  size_t n = 0;
  while (v >= 0x80) { p[n++] = (uint8_t)(v | 0x80); v >>= 7; }
  p[n++] = (uint8_t)v;
  return n;
}
static inline size_t ix_varint_len(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) { n++; v >>= 7; }
  return n;
}
static inline const uint8_t *ix_varint_get(const uint8_t *p, uint64_t *v) {
  uint64_t r = 0;
  int s = 0;
  while (*p & 0x80) { r |= (uint64_t)(*p++ & 0x7f) << s; s += 7; }
  *v = r | (uint64_t)*p++ << s;
  return p;
}

/* A token's span: gap (bytes from the previous token's end, or from the document's start) and
** length. Most tokens follow a space or nothing and are short: gap <= 2 and 1 <= len <= 63 take
** one byte, gap * 64 + len (below 192). Any other span is the byte 255, then gap and len each
** as a byte below 255, or 255 and a varint. Returns the bytes written (at most 13). */
static inline size_t ix_span_put(uint8_t *p, uint32_t gap, uint32_t len) {
  if (gap <= 2 && len >= 1 && len <= 63) { p[0] = (uint8_t)(gap * 64 + len); return 1; }
  size_t n = 0;
  uint32_t v[2] = { gap, len };
  p[n++] = 255;
  for (int i = 0; i < 2; i++) {
    if (v[i] < 255) { p[n++] = (uint8_t)v[i]; continue; }
    p[n++] = 255;
    n += ix_varint_put(p + n, v[i]);
  }
  return n;
}

static inline const uint8_t *ix_span_get(const uint8_t *p, uint32_t *gap, uint32_t *len) {
  if (*p < 192) { *gap = *p >> 6; *len = *p & 63; return p + 1; }
  p++;
  uint32_t *v[2] = { gap, len };
  for (int i = 0; i < 2; i++) {
    if (*p != 255) { *v[i] = *p++; continue; }
    uint64_t x;
    p = ix_varint_get(p + 1, &x);
    *v[i] = (uint32_t)x;
  }
  return p;
}

#endif
