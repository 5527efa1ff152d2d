/*
** lua_aux.h: what the Lua binding files share. The bindings turn the C API of lector.h into Lua
** objects: Corpus, Document and Hits are full userdata with metatables named "lector.Corpus",
** "lector.Document" and "lector.Hits"; a Document or Hits keeps its Corpus alive through its user
** value. Small results (a hit, a sentence, a count table) are plain tables. Misuse raises an error
** naming the function; an expected failure (no such document) returns nil and a message.
** These files know nothing of the terminal: printing is the host's job (host/cli/).
*/
#ifndef LECTOR_LUA_AUX_H
#define LECTOR_LUA_AUX_H

#include <lua.h>
#include <lauxlib.h>

#include "lector.h"

#define LB_CORPUS "lector.Corpus"
#define LB_DOC    "lector.Document"
#define LB_HITS   "lector.Hits"
#define LB_HIT    "lector.Hit"      /* metatable of hit tables */
#define LB_SPAN   "lector.Span"     /* metatable of sentence/paragraph/turn tables */

/* A corpus as Lua holds it. The host's global `corpus` is opened on first use (lazy), so that a
** script that never touches it pays nothing, and Lua code that needs no corpus runs anywhere. */
typedef struct lb_corpus {
  lector_corpus *c;
  char *path;
  lector_options opt;
  char *strings[5];          /* owned copies of the option strings (vrt_attributes, text_field,
                             ** name_fields, name_sep, name_pattern): the caller's may not outlive
                             ** a lazy open */
  int closed;
  int borrowed;              /* c belongs to a Corpus of another Lua state (a worker of C:map) */
  /* A subcorpus (C:where) has no c of its own: its user value is the corpus it narrows, and
  ** subset a byte per document (1 = kept), which every method applies to its scope. */
  uint8_t *subset;
  uint32_t nsubset;          /* documents kept */
  lua_Integer ntypes;        /* distinct forms in the subset, counted on first use (-1 before) */
} lb_corpus;

typedef struct lb_doc {
  uint32_t id;               /* 0-based in C; Lua sees id + 1 */
  int has_text;
  lector_text text;          /* cached by d:text() and whatever needs the text */
} lb_doc;

typedef struct lb_hits {
  lector_hits h;
} lb_hits;

/* The user values of a Corpus: the function of opts.warn, or for a subcorpus (C:where) the corpus
** it narrows; the function of opts.progress. */
#define LB_UV_WARN      1
#define LB_UV_PARENT    1
#define LB_UV_PROGRESS  2
#define LB_CORPUS_UVS   2

/* lua_aux.c: registering functions, and the Corpus handle */
/* registers functions into the table on top, remembering each one's qualified name for help() */
void lb_register(lua_State *L, const luaL_Reg *fns, const char *prefix);
/* registers fns into the "methods" table of metatable mt, as lb_register does */
void lb_add_methods(lua_State *L, const char *mt, const luaL_Reg *fns, const char *prefix);
/* A new Corpus userdata on the stack for the corpus at path, not opened yet (opened on first use
** by lb_check_corpus, or at once by lb_corpus_open); o gives its options (NULL: the defaults). */
lb_corpus *lb_corpus_new(lua_State *L, const char *path, const lector_options *o);
/* Opens the corpus of the Corpus cu at idx, with warnings and progress handed to its Lua
** functions. Returns lector_open's result (err says why on -1); raises when opts.progress did. */
int lb_corpus_open(lua_State *L, int idx, lb_corpus *cu, char *err, size_t errlen);
lector_corpus *lb_check_corpus(lua_State *L, int idx);   /* opens a lazy corpus, raises on failure */
/* The documents kept by the (sub)corpus at idx: NULL for a whole corpus. */
const uint8_t *lb_corpus_subset(lua_State *L, int idx);

/* lua_aux.c: option tables. Every function that takes an options table checks it with
** lb_check_opts against a list of its keys and their types (ended by {NULL, 0}): an unknown key is
** an error naming the nearest valid one ("C:hits: unknown option 'cas' (did you mean 'case'?)"),
** a value of the wrong type one naming both types. The Lua half of the API and the scripts reach
** the same code through lector._check_options and lector._nearest (lb_open_options). */
typedef enum lb_opt_type { LB_ANY, LB_BOOLEAN, LB_INTEGER, LB_NUMBER, LB_STRING, LB_FUNCTION, LB_TABLE } lb_opt_type;
typedef struct lb_opt { const char *name; lb_opt_type type; } lb_opt;
/* the keys of the scope every search reads (lb_scope_from_opts) */
#define LB_SCOPE_OPTS {"case", LB_BOOLEAN}, {"loose", LB_BOOLEAN}, {"parts", LB_BOOLEAN}, \
  {"boilerplate", LB_BOOLEAN}, {"limit", LB_INTEGER}, {"docs", LB_ANY}
/* Checks the options table at idx (nil or none: nothing to check; another non-table: an error) for
** the function fname; raises at the caller's position. */
void lb_check_opts(lua_State *L, int idx, const char *fname, const lb_opt *spec);
/* Lets Lua code check a table against fname's spec (lector._check_options(opts, fname)). */
void lb_publish_opts(lua_State *L, const char *fname, const lb_opt *spec);
/* The name of spec (n entries, or up to {NULL} when n is 0) nearest to word by edit distance, when
** it is near enough to be a slip of the keyboard, or the one name word begins; else NULL. */
const char *lb_nearest(const char *word, const lb_opt *spec, size_t n);
/* Adds _check_options and _nearest to the module table on top. */
void lb_open_options(lua_State *L);

/* lua_corpus.c */
int lb_open_corpus(lua_State *L);                        /* registers the Corpus metatable */
/* Pushes onto W a Corpus that reads the corpus (or subcorpus) at idx of L, which must be open and
** outlive it: W is a worker's state (C:map); closing or collecting it leaves the corpus open. */
void lb_corpus_borrow(lua_State *W, lua_State *L, int idx);
void lb_scope_from_opts(lua_State *L, int opts, int corpus, lector_scope *s, uint8_t **docs);
/* Reads lector.open's options (threads, store, rebuild, ... name_pattern; not warn and progress) from
** the table at idx into o, checked as the options of fname. */
void lb_read_open_opts(lua_State *L, int idx, const char *fname, lector_options *o);

/* lua_stats.c */
int lb_open_stats(lua_State *L);                         /* adds freq, near, ngrams, keywords to Corpus */

/* lua_doc.c */
void lb_push_doc(lua_State *L, int corpus_idx, uint32_t id);
lb_doc *lb_check_doc(lua_State *L, int idx);
lector_corpus *lb_doc_corpus(lua_State *L, int idx);    /* pushes nothing */
const lector_text *lb_doc_text(lua_State *L, int idx);   /* loads and caches; raises on failure */
void lb_push_span(lua_State *L, int doc_idx, int kind, uint32_t start, uint32_t end, const char *attr);
int lb_open_doc(lua_State *L);

/* lua_hits.c */
void lb_push_hits(lua_State *L, int corpus_idx, lector_hits *h);
/* Sets byte_start and byte_end of the hit table at idx (a hit reads them lazily). */
void lb_hit_bytes(lua_State *L, int idx);   /* takes h over */
void lb_push_hit(lua_State *L, int doc_idx, uint32_t start, uint32_t end);
int lb_open_hits(lua_State *L);
/* the left context, match and right context of tokens [start, end] (end inclusive), with up to
** width tokens of context on each side, inside the document at doc_idx */
int lb_push_kwic(lua_State *L, int doc_idx, uint32_t start, uint32_t end, int width);
/* lb_push_kwic's result: whether the text has a space before and after the match */
#define LB_KWIC_SPACE_BEFORE 1
#define LB_KWIC_SPACE_AFTER 2

/* pushes the key of a hit for hits:by and hits:group: field "doc", "year", "form", "lower" or a
** metadata key */
void lb_push_hit_key(lua_State *L, int corpus_idx, lector_corpus *c, uint32_t start, uint32_t end,
                     const char *field);

/* lua_query.c: C:query, C:query_count and the hit-set operations (after lb_open_corpus/hits) */
int lb_open_query(lua_State *L);

/* lua_attrs.c: C:attributes, C:token (after lb_open_corpus) */
int lb_open_attrs(lua_State *L);
/* The class numbering (lector_nclasses' how) of attribute name ("word": how itself, else
** LECTOR_CLASS_ATTR + k); raises "WHAT: unknown attribute 'x' (this corpus has ...)". */
int lb_attr_class(lua_State *L, lector_corpus *c, const char *name, int how, const char *what);

/* lua_bulk.c: hits:sentences, C:sentences_at, C:texts (after lb_open_corpus and lb_open_hits) */
int lb_open_bulk(lua_State *L);

/* lua_parallel.c: C:map (after lb_open_corpus) */
int lb_open_parallel(lua_State *L);
/* The registry key the host sets to true while C:map is to make its calls in the caller's own
** state: while it runs sandboxed code (a worker's state would be outside the sandbox and its
** limits) and while it profiles (the profiler sees one state). */
#define LB_MAP_HERE "lector.map_here"

/* lua_embed.c: the host's Lua modules (host/lua/), compiled into the binary */
void lb_preload_embedded(lua_State *L);

/* lua_lector.c */
int luaopen_lector(lua_State *L);

#endif
