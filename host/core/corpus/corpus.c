/*
** corpus.c: the public face of the core (lector.h). Opens a corpus (loader, store, index: the
** stored index when it still matches the files, else a build that copies unchanged files from
** it and is stored in turn), answers questions about documents, tokens, the lexicon and regions,
** and gives documents' texts back. It gathers the loader's warnings, which arrive from several
** threads, and hands them to the caller in a stable order (by file), so that the same input always
** says the same things; the warnings of a build are stored with its index and said again.
*/
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "corpus.h"
#include "text/fold.h"
#include "store/store.h"
#include "text/text.h"

void lector_options_init(lector_options *o) {
  memset(o, 0, sizeof *o);
  o->store = 1;
}

/* ------------------------------------------------------------------ warnings */

typedef struct warn_list {
  pthread_mutex_t lock;
  warning *w;
  size_t n, cap;
} warn_list;

static void collect_warning(void *ud, const char *file, const char *msg) {
  warn_list *l = ud;
  pthread_mutex_lock(&l->lock);
  if (l->n == l->cap) {
    size_t cap = l->cap ? 2 * l->cap : 16;
    warning *w = realloc(l->w, cap * sizeof *w);
    if (!w) { pthread_mutex_unlock(&l->lock); return; }
    l->w = w;
    l->cap = cap;
  }
  warning *w = &l->w[l->n];
  w->file = strdup(file ? file : "");
  w->msg = strdup(msg ? msg : "");
  w->seq = l->n;
  if (w->file && w->msg) l->n++;
  else { free(w->file); free(w->msg); }
  pthread_mutex_unlock(&l->lock);
}

/* A file not read, with why: kept among the warnings (and stored with them), see SKIP_MARK. */
static void collect_skip(void *ud, const char *file, const char *reason, int grouped) {
  char msg[64];
  snprintf(msg, sizeof msg, "%c%c%s", SKIP_MARK, grouped ? 'g' : 'a', reason);
  collect_warning(ud, file, msg);
}

static int cmp_warning(const void *a, const void *b) {
  const warning *x = a, *y = b;
  int c = strcmp(x->file, y->file);
  if (c) return c;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sorts the warnings by file (then in the order they came). Those from the build on (seq >= from)
** also go into *blob as "file\0msg\0" pairs, for the store, when blob is not NULL. */
static void sort_warnings(warn_list *l, size_t from, char **blob, size_t *bloblen) {
  if (l->n > 1) qsort(l->w, l->n, sizeof *l->w, cmp_warning);
  if (!blob) return;
  size_t need = 0, at = 0;
  for (size_t i = 0; i < l->n; i++)
    if (l->w[i].seq >= from) need += strlen(l->w[i].file) + strlen(l->w[i].msg) + 2;
  char *b = need ? malloc(need) : NULL;
  for (size_t i = 0; b && i < l->n; i++) {
    if (l->w[i].seq < from) continue;
    size_t n1 = strlen(l->w[i].file) + 1, n2 = strlen(l->w[i].msg) + 1;
    memcpy(b + at, l->w[i].file, n1);
    memcpy(b + at + n1, l->w[i].msg, n2);
    at += n1 + n2;
  }
  *blob = b;
  *bloblen = b ? at : 0;
}

/* Hands the (sorted) warnings to the caller (skips.c), and frees them; the files not read go to
** c's list. */
static void say_warnings(warn_list *l, const lector_options *o, lector_corpus *c) {
  size_t nskip = 0;
  for (size_t i = 0; i < l->n; i++) nskip += l->w[i].msg[0] == SKIP_MARK;
  if (c && nskip && !c->skip && (c->skip = calloc(nskip, sizeof *c->skip))) c->nskip = 0;
  skips_say(l->w, l->n, o);
  for (size_t i = 0; i < l->n; i++) {
    if (l->w[i].msg[0] == SKIP_MARK && c && c->skip && c->nskip < nskip) {
      c->skip[c->nskip].file = l->w[i].file;
      c->skip[c->nskip++].reason = l->w[i].msg;
      continue;
    }
    free(l->w[i].file);
    free(l->w[i].msg);
  }
  free(l->w);
  l->w = NULL;
  l->n = l->cap = 0;
}

/* ------------------------------------------------------------------ open and close */

static double seconds_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The stored warnings of an earlier build, "file\0msg\0" pairs sorted by file. */
typedef struct old_warnings {
  const char **file, **msg;
  size_t n;
  warn_list *to;
} old_warnings;

static int old_warnings_read(old_warnings *ow, const st_extra *ex) {
  size_t n = 0;
  for (size_t i = 0; i < ex->warnings_len; i++) n += ex->warnings[i] == '\0';
  n /= 2;
  ow->file = malloc((n ? n : 1) * sizeof *ow->file);
  ow->msg = malloc((n ? n : 1) * sizeof *ow->msg);
  if (!ow->file || !ow->msg) return -1;
  const char *p = ex->warnings;
  for (size_t i = 0; i < n; i++) {
    ow->file[i] = p;
    p += strlen(p) + 1;
    ow->msg[i] = p;
    p += strlen(p) + 1;
  }
  ow->n = n;
  return 0;
}

static void old_warnings_free(old_warnings *ow) {
  free(ow->file);
  free(ow->msg);
  memset(ow, 0, sizeof *ow);
}

/* A file copied from the earlier index says again what it said when it was read. */
static void replay_warnings(void *ud, const char *path) {
  old_warnings *ow = ud;
  size_t lo = 0, hi = ow->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(ow->file[mid], path) < 0) lo = mid + 1; else hi = mid;
  }
  for (; lo < ow->n && strcmp(ow->file[lo], path) == 0; lo++) collect_warning(ow->to, path, ow->msg[lo]);
}

/* Does the stored index cover exactly these files, as they are now? */
static int same_files(const ix_index *ix, const src_list *files) {
  if (ix->nfiles != files->n) return 0;
  for (size_t i = 0; i < files->n; i++) {
    const ix_file *x = &ix->files[i];
    const src_file *f = &files->f[i];
    if (strcmp(ix_string(ix, x->path), f->path) || (x->kind & ~IX_FILE_SKIPPED) != f->kind ||
        x->size != f->size || x->mtime_ns != f->mtime_ns)
      return 0;
  }
  return 1;
}

/* The build reports files and bytes read (index/); the open knows the stages around it. The relay
** turns the one into the other: READ before the build starts and while files remain, MERGE once
** all are read, then WRITE and DONE from lector_open itself. */
typedef struct progress_relay {
  const lector_options *o;
  lector_progress last;
} progress_relay;

static void relay_stage(progress_relay *r, lector_stage stage) {
  if (!r->o->progress || r->last.stage == stage) return;
  r->last.stage = stage;
  r->o->progress(r->o->progress_ud, &r->last);
}

static void relay_build(void *ud, uint64_t files_done, uint64_t files_total, uint64_t bytes_done,
                        uint64_t bytes_total) {
  progress_relay *r = ud;
  r->last.files_done = files_done;
  r->last.files_total = files_total;
  r->last.bytes_done = bytes_done;
  r->last.bytes_total = bytes_total;
  if (files_done < files_total) {
    r->last.stage = LECTOR_STAGE_READ;
    r->o->progress(r->o->progress_ud, &r->last);
  } else {
    relay_stage(r, LECTOR_STAGE_MERGE);
  }
}

/* The stored index, if there is a usable one (at the corpus or in the cache). A damaged one is
** a warning: the caller builds anew. */
static ix_index *open_stored(lector_corpus *c, const lector_options *o, st_extra *ex, warn_list *wl) {
  char msg[512];
  ix_index *ix = NULL;
  for (int cache = 0; cache < 2 && !ix; cache++) {
    char *path = st_path(c->root, cache);
    if (!path) return NULL;
    int r = st_open(path, o->verify, &ix, ex, msg, sizeof msg);
    if (r < 0) {
      char w[640];
      snprintf(w, sizeof w, "%s; building the index again", msg);
      collect_warning(wl, "", w);
    }
    if (r == 0 || (cache == 0 && (r < 0 || r == 2))) {   /* the corpus's own place wins */
      c->store_path = path;
      return ix;
    }
    free(path);
  }
  return NULL;
}

/* Writes the index where it belongs: beside the corpus, or in the cache when that is read-only.
** When neither can be written the index stays in memory, and lector_info says why. */
static void store_index(lector_corpus *c, const st_extra *ex) {
  char msg[512];
  for (int cache = 0; cache < 2; cache++) {
    char *path = st_path(c->root, cache);
    if (!path) return;
    if (st_write(path, c->ix, ex, msg, sizeof msg) == 0) {
      struct stat st;
      free(c->store_path);
      c->store_path = path;
      if (stat(path, &st) == 0) c->stored_bytes = (uint64_t)st.st_size;
      return;
    }
    free(path);
    if (cache == 0 && errno != EACCES && errno != EROFS && errno != EPERM && errno != ENOTDIR && errno != EEXIST)
      break;
  }
  free(c->store_path);
  c->store_path = NULL;
  c->store_error = strdup(msg);
}


/* The setting given for key (remembered in the corpus's config when it is stored; "" forgets it),
** else the one remembered, else NULL. */
static const char *setting(const char *path, const lector_options *o, const char *given, const char *key,
                           char *buf, size_t n) {
  if (given) {
    if (o->store && !(cfg_get(path, key, buf, n) && strcmp(buf, given) == 0)) cfg_set(path, key, given);
    return *given ? given : NULL;
  }
  return cfg_get(path, key, buf, n) && *buf ? buf : NULL;
}

/* How the corpus's files are read, given or remembered: the columns of .vrt files, the text field
** of JSON documents, the metadata in file names. Returns 0, or -1 with a message in err. */
static int describe_sources(lector_corpus *c, const char *path, const lector_options *o, char *err,
                            size_t errlen) {
  char cols[1024], field[256], fields[1024], sep[64], pattern[1024];
  const char *spec = setting(path, o, o->vrt_attributes, "vrt-attributes", cols, sizeof cols);
  if (spec && src_set_attributes(c->src, spec, err, errlen)) return -1;
  if (o->text_field && !*o->text_field) {
    snprintf(err, errlen, "the text field has no name");
    return -1;
  }
  const char *name = setting(path, o, o->text_field, "text-field", field, sizeof field);
  if (name && src_set_text_field(c->src, name)) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  if (o->name_fields && o->name_pattern) {
    snprintf(err, errlen, "file names are described by fields or by a pattern, not both");
    return -1;
  }
  /* one way of describing names replaces the other */
  const char *nf = setting(path, o, o->name_fields ? o->name_fields : o->name_pattern ? "" : NULL, "name-fields",
                           fields, sizeof fields);
  const char *ns = setting(path, o, o->name_sep ? o->name_sep : o->name_pattern ? "" : NULL, "name-sep", sep, sizeof sep);
  const char *np = setting(path, o, o->name_pattern ? o->name_pattern : o->name_fields ? "" : NULL, "name-pattern",
                           pattern, sizeof pattern);
  if (nf && src_set_name_fields(c->src, nf, ns, err, errlen)) return -1;
  if (!nf && np && src_set_name_pattern(c->src, np, err, errlen)) return -1;
  return 0;
}

/* Sets c->lang to the metadata "lang" most of c's documents have (the first seen among equals; at
** most 16 different values are told apart, the rest not counted), or "und". */
static void majority_lang(lector_corpus *c) {
  const char *seen[16];
  uint32_t count[16], nseen = 0, best = 0;
  for (uint32_t d = 0; d < c->ix->ndocs; d++) {
    const char *l = lector_doc_meta(c, d, "lang");
    if (!l) continue;
    uint32_t k = 0;
    while (k < nseen && strcmp(seen[k], l) != 0) k++;
    if (k == nseen) {
      if (nseen == 16) continue;
      seen[nseen] = l;
      count[nseen++] = 0;
    }
    if (++count[k] > count[best]) best = k;
  }
  snprintf(c->lang, sizeof c->lang, "%s", nseen ? seen[best] : "und");
}

const char *lector_corpus_lang(const lector_corpus *c) { return c->lang; }

int lector_open(const char *path, const lector_options *o, lector_corpus **out, char *err, size_t errlen) {
  double t0 = seconds_now();
  lector_options defaults;
  if (!o) { lector_options_init(&defaults); o = &defaults; }
  *out = NULL;
  lector_corpus *c = calloc(1, sizeof *c);
  if (c) pthread_mutex_init(&c->loose_lock, NULL);
  warn_list wl;
  memset(&wl, 0, sizeof wl);
  pthread_mutex_init(&wl.lock, NULL);
  src_list files = {0};
  ix_index *prev = NULL;
  st_extra ex = {0};
  old_warnings ow = {0};
  progress_relay relay = { o, { 0, 0, 0, 0, 0 } };
  char *blob = NULL;
  size_t bloblen = 0, build_from = SIZE_MAX;
  int rc = -1, scanned = 0;
  uint64_t context = 0;
  if (!c || !(c->root = strdup(path))) {
    snprintf(err, errlen, "out of memory");
    goto done;
  }
  c->src = src_open(path, collect_warning, &wl, err, errlen);
  if (!c->src) goto done;
  src_set_skip(c->src, collect_skip, &wl);
  src_set_each_file(c->src, o->verbose);
  if (describe_sources(c, path, o, err, errlen)) goto done;
  context = src_context_hash(c->src);
  if (o->store) prev = open_stored(c, o, &ex, &wl);
  if (prev && ex.context_hash != context) {       /* the sidecar or boilerplate list changed */
    ix_free(prev);
    prev = NULL;
  }
  char remembered[16];
  int said = cfg_get(path, "annotate", remembered, sizeof remembered) && strcmp(remembered, "yes") == 0;
  int annotate = o->annotate > 0 || (o->annotate == 0 && ((prev && prev->annotated) || said));
  if (o->annotate < 0 && said && o->store) cfg_set(path, "annotate", "no");
  if (prev && annotate != (int)prev->annotated) { /* to be annotated now, or no more: built again */
    if (src_scan(c->src, &files)) { snprintf(err, errlen, "out of memory while listing %s", path); goto done; }
    scanned = 1;
  } else if (prev && !o->rebuild && o->no_check) {
    c->ix = prev;
  } else if (prev && !o->rebuild) {
    if (src_scan(c->src, &files)) { snprintf(err, errlen, "out of memory while listing %s", path); goto done; }
    scanned = 1;
    if (same_files(prev, &files)) c->ix = prev;
  }
  if (c->ix) {                                    /* the stored index, as it is */
    prev = NULL;
    if (old_warnings_read(&ow, &ex)) { snprintf(err, errlen, "out of memory"); goto done; }
    for (size_t i = 0; i < ow.n; i++) collect_warning(&wl, ow.file[i], ow.msg[i]);
  } else {
    if (!scanned && src_scan(c->src, &files)) {
      snprintf(err, errlen, "out of memory while listing %s", path);
      goto done;
    }
    if (prev && o->rebuild) { ix_free(prev); prev = NULL; }
    ow.to = &wl;
    if (prev && old_warnings_read(&ow, &ex)) { snprintf(err, errlen, "out of memory"); goto done; }
    build_from = wl.n;
    for (size_t i = 0; i < files.n; i++) relay.last.bytes_total += files.f[i].size;
    relay.last.files_total = files.n;
    relay_stage(&relay, LECTOR_STAGE_READ);
    ix_build_opts bo = { .threads = o->threads, .progress = o->progress ? relay_build : NULL, .progress_ud = &relay,
                         .previous = prev, .reused = replay_warnings, .reused_ud = &ow,
                         .annotate = annotate ? lector_tagger_annotator() : NULL };
    if (ix_build(c->src, &files, &bo, &c->ix, err, errlen)) goto done;
    src_sidecar_unused(c->src);
  }
  majority_lang(c);
  if (annotate && o->store && c->ix->annotated && !said)
    cfg_set(path, "annotate", "yes");           /* best effort: a read-only folder forgets */
  c->build_seconds = c->ix->build_seconds;
  for (uint32_t f = 0; f < c->ix->nfiles; f++) {
    c->text_bytes += c->ix->files[f].size;
    if (c->ix->files[f].kind & IX_FILE_SKIPPED) c->files_skipped++;
  }
  rc = 0;
done:
  c->warnings = 0;
  for (size_t i = 0; i < wl.n; i++) c->warnings += wl.w[i].msg[0] != SKIP_MARK;
  if (rc == 0 && o->store && build_from != SIZE_MAX) {
    sort_warnings(&wl, build_from, &blob, &bloblen);        /* the build's, for the store */
    st_extra nx = { context, blob, bloblen };
    relay_stage(&relay, LECTOR_STAGE_WRITE);
    store_index(c, &nx);
  } else {
    sort_warnings(&wl, SIZE_MAX, NULL, NULL);
  }
  if (build_from != SIZE_MAX) relay_stage(&relay, LECTOR_STAGE_DONE);
  say_warnings(&wl, o, c);
  free(blob);
  pthread_mutex_destroy(&wl.lock);
  old_warnings_free(&ow);
  ix_free(prev);
  src_list_free(&files);
  if (rc) {
    lector_close(c);
    return -1;
  }
  c->open_seconds = seconds_now() - t0;
  *out = c;
  return 0;
}

void lector_close(lector_corpus *c) {
  if (!c) return;
  for (uint32_t i = 0; i < c->nskip; i++) {
    free(c->skip[i].file);
    free(c->skip[i].reason);
  }
  free(c->skip);
  ix_free(c->ix);
  if (c->src) src_close(c->src);
  free(c->store_path);
  free(c->store_error);
  free(c->loose);
  free(c->loose_forms);
  pthread_mutex_destroy(&c->loose_lock);
  free(c->root);
  free(c);
}

const char *lector_root(const lector_corpus *c) { return c->root; }
uint32_t lector_ndocs(const lector_corpus *c) { return c->ix->ndocs; }
uint64_t lector_ntokens(const lector_corpus *c) { return c->ix->ntokens; }
uint32_t lector_ntypes(const lector_corpus *c) { return c->ix->ntypes; }
uint32_t lector_nfiles(const lector_corpus *c) { return c->ix->nfiles; }

/* Bytes the index takes: the sum of its arrays. */
static uint64_t index_bytes(const ix_index *ix) {
  uint64_t n = ix->form_off[ix->ntypes] + (uint64_t)ix->ntypes * (8 + 8 + 4);
  n += ix->fold_off[ix->nfolds] + (uint64_t)ix->nfolds * (8 + 4) + (uint64_t)ix->ntypes * 4;
  const ix_plist *pl[2] = { &ix->post, &ix->part };
  for (int i = 0; i < 2; i++)
    n += pl[i]->off[ix->ntypes] + (uint64_t)ix->ntypes * (8 + 4 + 8) +
         pl[i]->skip_off[ix->ntypes] * sizeof(ix_skip);
  n += ix->ntokens * ix->tok_width + ix->spans_len + (ix->ntokens / IX_CK_EVERY + 1) * sizeof(ix_ck);
  n += (uint64_t)ix->ncodes * 4 + ix->nrare * 8;
  for (int k = 0; k < IX_NREGIONS; k++) n += (uint64_t)ix->reg[k].n * (k == IX_TURN ? 12 : 8);
  n += (uint64_t)ix->ndocs * sizeof(ix_doc) + (uint64_t)ix->nfiles * sizeof(ix_file) + ix->strings_len;
  return n;
}

void lector_get_info(const lector_corpus *c, lector_info *info) {
  memset(info, 0, sizeof *info);
  info->build_seconds = c->build_seconds;
  info->open_seconds = c->open_seconds;
  info->index_bytes = c->ix->map ? c->ix->map_len : c->stored_bytes ? c->stored_bytes : index_bytes(c->ix);
  info->text_bytes = c->text_bytes;
  info->store_path = c->store_path;
  info->store_error = c->store_error;
  info->from_store = c->ix->map != NULL;
  info->files_skipped = c->files_skipped;
  info->warnings = c->warnings;
}

/* ------------------------------------------------------------------ documents */

void lector_doc_get(const lector_corpus *c, uint32_t i, lector_doc *d) {
  const ix_index *ix = c->ix;
  const ix_doc *x = &ix->docs[i];
  memset(d, 0, sizeof *d);
  d->id = i;
  d->name = ix_string(ix, x->name);
  d->path = ix_string(ix, ix->files[x->file].path);
  d->line = x->line;
  d->title = lector_doc_meta(c, i, "title");
  d->date = lector_doc_meta(c, i, "date");
  if (d->date && strlen(d->date) >= 4) {
    int y = 0, k = 0;
    for (; k < 4 && d->date[k] >= '0' && d->date[k] <= '9'; k++) y = y * 10 + (d->date[k] - '0');
    if (k == 4) d->year = y;
  }
  d->first = x->first;
  d->ntokens = x->ntok;
  d->byte_start = x->byte_start;
  d->byte_len = x->byte_len;
  d->nmeta = x->nmeta;
  d->flags = x->flags;
}

/* Files are sorted by path: find the file, then the document (a .jsonl line after '#'). */
static int64_t find_file(const ix_index *ix, const char *path, size_t len) {
  uint32_t lo = 0, hi = ix->nfiles;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    const char *p = ix_string(ix, ix->files[mid].path);
    int r = strncmp(p, path, len);
    if (r == 0 && p[len] != '\0') r = 1;
    if (r == 0) return mid;
    if (r < 0) lo = mid + 1; else hi = mid;
  }
  return -1;
}

int64_t lector_doc_find(const lector_corpus *c, const char *name) {
  const ix_index *ix = c->ix;
  int64_t f = find_file(ix, name, strlen(name));
  if (f >= 0) return ix->files[f].ndocs && ix->docs[ix->files[f].first_doc].line == 0 ? (int64_t)ix->files[f].first_doc : -1;
  const char *hash = strrchr(name, '#');
  if (!hash || !hash[1]) return -1;
  char *end;
  unsigned long line = strtoul(hash + 1, &end, 10);
  if (*end || line == 0) return -1;
  f = find_file(ix, name, (size_t)(hash - name));
  if (f < 0) return -1;
  for (uint32_t i = 0; i < ix->files[f].ndocs; i++)
    if (ix->docs[ix->files[f].first_doc + i].line == line) return ix->files[f].first_doc + i;
  return -1;
}

uint32_t lector_doc_at(const lector_corpus *c, uint32_t pos) { return ix_doc_of(c->ix, pos); }

const char *lector_doc_meta(const lector_corpus *c, uint32_t doc, const char *key) {
  const ix_index *ix = c->ix;
  const ix_doc *x = &ix->docs[doc];
  for (uint32_t k = 0; k < x->nmeta; k++)
    if (strcmp(ix_string(ix, ix->meta[2 * (x->meta + k)]), key) == 0)
      return ix_string(ix, ix->meta[2 * (x->meta + k) + 1]);
  return NULL;
}

void lector_doc_meta_at(const lector_corpus *c, uint32_t doc, uint32_t k, const char **key,
                        const char **value) {
  const ix_index *ix = c->ix;
  const ix_doc *x = &ix->docs[doc];
  *key = ix_string(ix, ix->meta[2 * (x->meta + k)]);
  *value = ix_string(ix, ix->meta[2 * (x->meta + k) + 1]);
}

int lector_doc_text(lector_corpus *c, uint32_t doc, lector_text *t, char *err, size_t errlen) {
  const ix_index *ix = c->ix;
  const ix_doc *x = &ix->docs[doc];
  src_doc *d = calloc(1, sizeof *d);
  memset(t, 0, sizeof *t);
  if (!d) { snprintf(err, errlen, "out of memory"); return -1; }
  if (src_read_doc(c->src, ix_string(ix, ix->files[x->file].path), x->line, x->byte_start,
                   x->byte_len, d, err, errlen)) {
    free(d);
    return -1;
  }
  t->text = d->text;
  t->len = d->len;
  t->priv = d;
  return 0;
}

void lector_text_free(lector_text *t) {
  if (t->priv) {
    src_doc_free(t->priv);
    free(t->priv);
  }
  memset(t, 0, sizeof *t);
}

size_t lector_text_offset(const lector_text *t, const lector_doc *d, uint64_t file_offset) {
  uint64_t rel = file_offset >= d->byte_start ? file_offset - d->byte_start : 0;
  uint64_t off = t->priv ? src_to_text(t->priv, rel) : rel;
  return off > t->len ? t->len : (size_t)off;
}

uint64_t lector_file_offset(const lector_text *t, const lector_doc *d, size_t text_offset) {
  if (text_offset > t->len) text_offset = t->len;
  return d->byte_start + (t->priv ? src_to_orig(t->priv, text_offset) : text_offset);
}

/* ------------------------------------------------------------------ tokens and lexicon */

uint32_t lector_token_type(const lector_corpus *c, uint32_t pos) { return ix_token(c->ix, pos); }

const char *lector_type_form(const lector_corpus *c, uint32_t type, size_t *len) {
  return ix_form(c->ix, type, len);
}

uint64_t lector_type_freq(const lector_corpus *c, uint32_t type) { return c->ix->freq[type]; }

void lector_token_spans(const lector_corpus *c, uint32_t pos, uint32_t n, uint64_t *b0, uint64_t *b1) {
  const ix_index *ix = c->ix;
  uint64_t base = ix->docs[ix_doc_of(ix, pos)].byte_start;
  uint32_t s0[64], s1[64];
  while (n > 0) {
    uint32_t k = n < 64 ? n : 64;
    ix_spans(ix, pos, k, s0, s1);
    for (uint32_t i = 0; i < k; i++) {
      b0[i] = base + s0[i];
      b1[i] = base + s1[i];
    }
    pos += k; n -= k; b0 += k; b1 += k;
  }
}

void lector_token_span(const lector_corpus *c, uint32_t pos, uint64_t *b0, uint64_t *b1) {
  lector_token_spans(c, pos, 1, b0, b1);
}

/* The loose view (diacritics and abbreviation dots ignored), made on first use: the fold classes
** sorted by their loose form. */
static int make_loose(lector_corpus *c) {
  const ix_index *ix = c->ix;
  fold_buf fb = {0};
  size_t cap = 0, len = 0;
  fold_item *it = malloc((ix->nfolds ? ix->nfolds : 1) * sizeof *it);
  if (!it) return -1;
  for (uint32_t f = 0; f < ix->nfolds; f++) {
    const char *s = ix->fold_forms + ix->fold_off[f];
    size_t n = (size_t)(ix->fold_off[f + 1] - ix->fold_off[f] - 1);
    if (fold(&fb, s, n, FOLD_LOOSE)) goto fail;
    if (len + fb.len + 1 > cap) {
      size_t ncap = cap ? cap * 2 : 4096;
      while (ncap < len + fb.len + 1) ncap *= 2;
      char *p = realloc(c->loose_forms, ncap);
      if (!p) goto fail;
      c->loose_forms = p;
      cap = ncap;
    }
    memcpy(c->loose_forms + len, fb.s, fb.len + 1);
    it[f].off = len;
    it[f].len = (uint32_t)fb.len;
    it[f].id = f;
    len += fb.len + 1;
  }
  fold_sort(it, ix->nfolds, c->loose_forms);
  fold_buf_free(&fb);
  c->loose = it;
  return 0;
fail:
  fold_buf_free(&fb);
  free(it);
  return -1;
}

/* Appends ids to out (up to cap), counting all in *n. */
static void add_ids(const uint32_t *ids, size_t k, uint32_t *out, size_t cap, size_t *n) {
  for (size_t i = 0; i < k; i++, (*n)++)
    if (*n < cap) out[*n] = ids[i];
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

size_t lector_types_matching(lector_corpus *c, const char *word, size_t len, int how, uint32_t *ids,
                             size_t cap) {
  const ix_index *ix = c->ix;
  fold_buf fb = {0}, want = {0}, got = {0};
  size_t n = 0;
  int mode = how & 3;
  if (mode == LECTOR_MATCH_LOOSE) {
    pthread_mutex_lock(&c->loose_lock);
    int failed = !c->loose && make_loose(c);
    pthread_mutex_unlock(&c->loose_lock);
    if (failed) return 0;
    if (fold(&fb, word, len, FOLD_LOOSE)) goto done;
    size_t lo = 0, hi = ix->nfolds;       /* first loose item >= the word */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      const fold_item *x = &c->loose[mid];
      size_t k = x->len < fb.len ? x->len : fb.len;
      int r = memcmp(c->loose_forms + x->off, fb.s, k);
      if (r < 0 || (r == 0 && x->len < fb.len)) lo = mid + 1; else hi = mid;
    }
    for (; lo < ix->nfolds; lo++) {
      const fold_item *x = &c->loose[lo];
      if (x->len != fb.len || memcmp(c->loose_forms + x->off, fb.s, fb.len)) break;
      uint32_t f = x->id;
      add_ids(ix->fold_mem + ix->fold_mem_off[f], ix->fold_mem_off[f + 1] - ix->fold_mem_off[f], ids, cap, &n);
    }
    if (n > 1 && n <= cap) qsort(ids, n, sizeof *ids, cmp_u32);
    goto done;
  }
  if (fold(&fb, word, len, FOLD_CASE)) goto done;
  const uint32_t *mem;
  size_t k;
  if (ix_fold_lookup(ix, fb.s, fb.len, &mem, &k) == IX_NONE) goto done;
  if (mode == LECTOR_MATCH_FOLD) { add_ids(mem, k, ids, cap, &n); goto done; }
  if (fold(&want, word, len, FOLD_NORM)) goto done;
  for (size_t i = 0; i < k; i++) {
    size_t flen;
    const char *f = ix_form(ix, mem[i], &flen);
    if (fold(&got, f, flen, FOLD_NORM)) goto done;
    if (got.len == want.len && memcmp(got.s, want.s, got.len) == 0) add_ids(&mem[i], 1, ids, cap, &n);
  }
done:
  fold_buf_free(&fb);
  fold_buf_free(&want);
  fold_buf_free(&got);
  return n;
}

/* ------------------------------------------------------------------ regions */

uint32_t lector_region_count(const lector_corpus *c, int kind) {
  const ix_regions *r = ix_regions_of(c->ix, kind);
  return r ? r->n : 0;
}

void lector_region_get(const lector_corpus *c, int kind, uint32_t i, uint32_t *start, uint32_t *end,
                       const char **attr) {
  const ix_regions *r = ix_regions_of(c->ix, kind);
  *start = r->start[i];
  *end = r->end[i];
  if (attr) *attr = r->attr ? ix_string(c->ix, r->attr[i]) : NULL;
}

int64_t lector_region_at(const lector_corpus *c, int kind, uint32_t pos) {
  const ix_regions *r = ix_regions_of(c->ix, kind);
  return r ? ix_regions_find(r, pos) : -1;
}

uint32_t lector_region_from(const lector_corpus *c, int kind, uint32_t pos) {
  const ix_regions *r = ix_regions_of(c->ix, kind);
  return r ? ix_regions_next(r, pos) : 0;
}

/* ------------------------------------------------------------------ tokenizing */

size_t lector_tokenize(const char *text, size_t len, lector_token_fn fn, void *ud) {
  return lector_tokenize_lang(text, len, NULL, fn, ud);
}

size_t lector_tokenize_lang(const char *text, size_t len, const char *lang, lector_token_fn fn, void *ud) {
  tx_doc d;
  tx_init(&d);
  if (tx_tokenize_words_lang(&d, text, len, lang)) { tx_free(&d); return 0; }
  for (size_t i = 0; i < d.ntok; i++) fn(ud, text + d.tok[i].start, d.tok[i].len, d.tok[i].start);
  size_t n = d.ntok;
  tx_free(&d);
  return n;
}
