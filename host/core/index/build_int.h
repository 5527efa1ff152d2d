/*
** build_int.h: what the files of the index builder share, seen by them alone: a worker's lexicon
** and chunks, the build as a whole, and the small helpers of every stage (inline here, as some
** run once per token). Names shared between the files begin with ixb_.
*/
#ifndef LECTOR_INDEX_BUILD_INT_H
#define LECTOR_INDEX_BUILD_INT_H

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "index.h"
#include "text/text.h"

#define MAX_THREADS 64

/* ================================================================== small helpers */

/* Grows *p (elements of size elem) to hold at least need; returns 0 or -1. */
static inline int grow(void *pp, size_t *cap, size_t need, size_t elem) {
  void **p = pp;
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap : 16;
  while (c < need) c += c / 2 + 16;
  void *q = realloc(*p, c * elem);
  if (!q) return -1;
  *p = q;
  *cap = c;
  return 0;
}

#define PUSH(arr, n, cap, val, fail) do { \
    if (grow(&(arr), &(cap), (n) + 1, sizeof *(arr))) { fail; } \
    (arr)[(n)++] = (val); } while (0)

/* A hash of the bytes s[0..n): the worker lexicons' and the string pool's. */
static inline uint64_t hash_form(const char *s, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n, w;
  for (; n >= 8; s += 8, n -= 8) {
    memcpy(&w, s, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  }
  w = 0;
  memcpy(&w, s, n);
  h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 32);
}

/* Runs fn(arg, i) for i in [0, n) on up to threads threads. */
typedef void (*job_fn)(void *arg, size_t i);
void ixb_parallel_for(int threads, size_t n, job_fn fn, void *arg);

/* The blocks of memory behind a built index's arrays: ix_free frees them. */
typedef struct blockset { void **p; size_t n, cap; } blockset;

/* Adds p to the blocks and returns it; NULL when p is NULL or memory ran out (p is freed). */
void *ixb_keep(blockset *bs, void *p);

/* ================================================================== a worker's lexicon */

/* A small cache in front of the table for the words that make most of any text: a hit costs no
** walk through the big arrays. */
#define LEX_HOT 4096u
typedef struct lex_hot { uint64_t h; uint32_t id, len; char form[16]; } lex_hot;

typedef struct lex {
  lex_hot *hot;              /* LEX_HOT entries, by hash; len 0 = empty */
  uint64_t *slot;            /* the hash's top 32 bits << 32 | local id + 1; 0 = empty: one
                             ** load tells most other forms apart */
  size_t nslot;              /* a power of two */
  uint32_t *order;           /* after the tokenizing: local ids in the order of their forms */
  uint64_t *hash;            /* per id */
  char *arena;               /* forms, NUL-terminated */
  size_t alen, acap;
  uint64_t *off;             /* per id: offset in arena */
  uint32_t *len;
  uint64_t *count;           /* per id: whole-token occurrences */
  size_t n, cap;
} lex;

/* ================================================================== chunks */

typedef struct turn_rec { uint32_t start, end, label; } turn_rec;
/* A positional attribute's values in a chunk: a local id (of the worker's value lexicon) per
** token, up to the last document that had it (build_attrs.c pads the rest with the empty value). */
typedef struct chunk_attr { uint32_t name; uint32_t *val; size_t n, cap; } chunk_attr;
/* A region of an annotated file: its layer's name, tokens [first, end) (chunk-relative), and nkv
** key/value string pairs at kv in the chunk's stkv. */
typedef struct st_rec { uint32_t name, first, end, kv, nkv; } st_rec;
typedef struct part_rec { uint32_t pos, id; } part_rec;

typedef struct chunk {
  size_t f0, f1;             /* files [f0, f1) */
  int worker;
  int failed;                /* out of memory: the build fails */
  uint32_t *tok; size_t ntok, tok_cap;          /* local ids */
  uint8_t *spans; size_t nspans, spans_cap;
  uint32_t *para; size_t npara, para_cap;       /* region starts and ends, pairs */
  uint32_t *sent; size_t nsent, sent_cap;
  uint32_t *boil; size_t nboil, boil_cap;
  turn_rec *turn; size_t nturn, turn_cap;
  part_rec *part; size_t npart, part_cap;
  ix_doc *doc; size_t ndoc, doc_cap;          /* first, file, name, meta chunk-relative */
  part_rec *rare; size_t nrare, rare_cap;       /* at assembly: tokens without a code (pos, id) */
  uint32_t *meta; size_t nmeta, meta_cap;       /* string refs, pairs */
  chunk_attr *attr; size_t nattr, attr_cap;     /* positional attributes (build_attrs.c) */
  st_rec *st; size_t nst, st_cap;               /* regions of annotated files */
  uint32_t *stkv; size_t nstkv, stkv_cap;       /* their keys and values, string refs */
  char *str; size_t nstr, str_cap;              /* chunk string pool */
  uint64_t *fhash;                              /* per file of the chunk */
  uint32_t *fndocs;
  uint8_t *fskipped;
  /* filled at merge time */
  uint64_t pos0, spans0;
} chunk;

/* ================================================================== the build */

typedef struct build {
  src_ctx *src;
  const src_list *files;
  int threads;
  chunk *chunks;
  size_t nchunks;
  lex lexes[MAX_THREADS];
  tx_doc txs[MAX_THREADS];
  atomic_size_t next_chunk;
  atomic_uint_fast64_t files_done, bytes_done;
  atomic_int overflow;       /* more than 4 G tokens */
  /* an incremental build: the previous index, its compound parts by position, and per worker a
  ** map from its type ids to the worker's local ids (UINT32_MAX: not seen yet) */
  const ix_index *prev;
  part_rec *prev_parts;
  size_t nprev_parts;
  uint32_t *prev_map[MAX_THREADS];
  void (*reused)(void *ud, const char *path);
  void *reused_ud;
  /* attributes: the annotator and its state per worker, a value lexicon per worker (all the
  ** attributes' values in one), and per worker and previous attribute a map of its value ids */
  const ix_annotator *annot;
  void *annot_st[MAX_THREADS];
  lex vlex[MAX_THREADS];
  uint32_t **prev_amap[MAX_THREADS];
  struct keyed_slot *keyed[MAX_THREADS];   /* per worker: keyed values by word and tags */
  atomic_int too_many;       /* more attributes, elements or keys than an index keeps */
} build;

/* ================================================================= collecting (build_collect.c) */

/* Frees a lexicon's arrays and zeroes it: a zeroed lexicon is empty, and may be freed again
** (build_util.c). */
void ixb_lex_free(lex *L);
/* Frees a chunk's arrays (not the chunk). */
void ixb_chunk_free(chunk *c);
/* Sets b->prev_parts to the previous index's compound parts, by position; 0 or -1 (memory). */
int ixb_gather_prev_parts(build *b);
/* Fills every chunk on b->threads workers; this thread is worker 0 and tells o->progress. A
** chunk that ran out of memory is marked failed; b->overflow is set past 4 G tokens. */
void ixb_collect(build *b, const ix_build_opts *o, uint64_t bytes_total);

/* ================================================================ attributes (build_attrs.c) */

/* The local id of s[0..n) in lexicon L, added if new; UINT32_MAX when memory ran out
** (build_util.c, as the next one). */
uint32_t ixb_lex_intern(lex *L, const char *s, size_t n);
/* A chunk string: s[0..n) copied into the chunk's pool; its offset (c->failed on no memory). */
uint32_t ixb_chunk_string(chunk *c, const char *s, size_t n);
/* Tokens, sentences, paragraphs of an annotated document (d->pre) into tx, as the tokenizer
** would give them. Returns 0 or -1 (memory). */
int ixb_pre_tokens(const src_doc *d, tx_doc *tx);
/* The attribute values and regions of document d, whose tokens start at base in chunk c: the
** file's own (d->pre), else the annotator's over the sentences of tx. 0 or -1 (memory). */
int ixb_doc_attrs(build *b, int worker, chunk *c, const src_doc *d, const tx_doc *tx, uint32_t base);
/* The same, copied from the previous index for its tokens [first, end), now at base. */
int ixb_copy_attrs(build *b, int worker, chunk *c, uint32_t first, uint32_t end, uint32_t base);
/* Gathers every chunk's attributes into ix->pattr and ix->sattr (names and region values in
** pool). 0 or -1 (memory). */
struct strpool;
int ixb_merge_attrs(build *b, ix_index *ix, blockset *bs, struct strpool *pool);
/* Frees the build's attribute state (value lexicons, annotator states, maps). */
void ixb_attrs_free(build *b);

/* ================================================================== merging (build_merge.c) */

/* Forms may hold NUL-free bytes only (the tokenizer never makes a token with a NUL), so strcmp
** orders them bytewise, the same order ix_lookup's memcmp uses. Output: forms, form_off, and per
** worker a map local id -> type id. */
typedef struct merged_lex {
  char *forms;
  uint64_t *form_off;
  uint64_t *freq;
  uint32_t ntypes;
  uint32_t *map[MAX_THREADS];
} merged_lex;

/* What ixb_assemble_chunk reads and writes, the same for all chunks: the merged lexicon, and the
** arrays of the whole stream the chunks are copied into. */
typedef struct asm_ctx {
  build *b;
  ix_index *ix;
  merged_lex *m;
  uint8_t *tokens;
  uint8_t *spans;
  ix_ck *ck;
  const uint16_t *code;      /* a coded stream: the code of each type id (IX_RARE: none) */
} asm_ctx;

/* A global string pool with interning (metadata keys and values repeat across documents). */
typedef struct strpool {
  char *s; size_t n, cap;
  uint32_t *slot; size_t nslot, used;
} strpool;
/* The offset of str in the pool, added if new; -1 when memory ran out. */
int64_t ixb_pool_intern(strpool *p, const char *str);

/* The steps of the merge, in the order ix_build takes them; each one's contract is above it in
** build_merge.c. Those that return int return 0, or -1 when memory ran out. */
int ixb_merge_lexicons(build *b, merged_lex *m);
void ixb_assemble_chunk(void *arg, size_t i);
int ixb_make_codes(ix_index *ix, uint16_t **code, blockset *bs);
int ixb_gather_rare(build *b, ix_index *ix, blockset *bs);
int ixb_build_folds(ix_index *ix, blockset *bs);
int ixb_concat_regions(build *b, ix_regions *r, blockset *bs, size_t which);
int ixb_merge_docs(build *b, const src_list *files, uint64_t ndocs, ix_index *ix, blockset *bs,
                   strpool *pool);

/* ================================================================== postings (build_postings.c) */

/* The postings are written from a sequence of (position, id) in ascending position: the token
** stream itself (whole tokens) or the list of compound parts. */
typedef struct pin {
  const ix_index *ix;        /* the token stream, or NULL */
  const uint8_t *stream;     /* else an attribute's stream of ids, width bytes each, or NULL */
  uint32_t width;
  const part_rec *parts;     /* else these */
  uint64_t n;
} pin;

/* Builds pl from in, on threads threads. The arrays it allocates are added to blocks. */
int ixb_build_postings(const pin *in, uint32_t ntypes, int threads, ix_plist *pl,
                       void ***blocks, size_t *nblocks, size_t *blocks_cap);

#endif
