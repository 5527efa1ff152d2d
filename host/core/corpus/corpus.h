/*
** corpus.h: what a lector_corpus holds, for the rooms of the core that work on it (corpus.c,
** search.c, store.c, query.c). Readers outside the core use lector.h only.
*/
#ifndef LECTOR_CORPUS_H
#define LECTOR_CORPUS_H

#include <pthread.h>
#include "index/index.h"
#include "lector.h"
#include "source/source.h"

struct lector_corpus {
  char *root;
  src_ctx *src;
  ix_index *ix;
  double build_seconds, open_seconds;
  uint64_t text_bytes;
  uint32_t files_skipped;
  uint32_t warnings;         /* warnings about files and folders while loading */
  struct { char *file, *reason; } *skip;   /* the files not read, by path (lector_skipped) */
  uint32_t nskip;
  char *store_path;          /* the on-disk index, or NULL */
  uint64_t stored_bytes;     /* the size of the index file just written */
  char *store_error;         /* why the index could not be stored, or NULL */
  /* the loose view, made on first use (see lector_types_matching) under loose_lock: several
  ** threads may read one corpus at once (lector.h), and this is its only state made on demand */
  pthread_mutex_t loose_lock;
  struct fold_item *loose;   /* the loose forms of the fold classes (id: the class), sorted */
  char *loose_forms;
  char lang[16];             /* the language of most documents (metadata "lang"), or "und": queries
                                are tokenized as text of this language (lector_corpus_lang) */
};

/* A warning of an open, as corpus.c gathers them from the loader's threads. */
typedef struct warning {
  char *file, *msg;
  size_t seq;
} warning;

/* A file not read is kept among the warnings (and stored with them) as a message of SKIP_MARK, then
** 'g' (a warning names it among others) or 'a' (the warning before it is its own), then the reason
** (lector_skipped). */
#define SKIP_MARK '\x1f'

/* Hands the warnings w[0, n), sorted by file, to o->warn, the skip records left out (skips.c).
** Without o->verbose, the files not read for one reason are named in warnings of their own up to
** 10, the rest in one: "14 more files not read: binary (a, b, ... and 4 more); --verbose names each". */
void skips_say(const warning *w, size_t n, const lector_options *o);

/* The built-in tagger as an annotator for ix_build (annotate.c): pos, xpos, lemma. */
const ix_annotator *lector_tagger_annotator(void);

/* The corpus's remembered settings (config.c): the value of key into value[0..n), 1 when there is
** one; cfg_set writes it, or forgets the key when value is "" (0, or -1 when the folder cannot
** hold it: the setting is then not remembered). */
int cfg_get(const char *root, const char *key, char *value, size_t n);
int cfg_set(const char *root, const char *key, const char *value);

#endif
