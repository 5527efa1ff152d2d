/*
** store.c: the on-disk index. One file per corpus holds every array of an ix_index ("sections"),
** so that opening a corpus is an mmap and a few checks instead of a build.
**
** Layout (all integers in the writer's byte order, which the header records):
**   header   64 bytes: magic "LECTORIX", format version, byte-order mark, file size, section
**            count, checksum of the section table, context hash, build seconds, and a checksum of
**            the code that made it (the Makefile's LECTOR_INDEX_CODE: another tokenizer could
**            split the same text otherwise, so its index is built again)
**   table    one entry per section: name (8 bytes), offset, length, checksum (src_hash)
**   sections each at a 64-byte boundary, in the order of the table
** The counts section (sizes of everything) comes first; every other section's length follows from
** the counts and the offset arrays before it, and is checked against the table.
**
** Why a stamp: checking every checksum reads the whole file (about 1.4 times the text), which
** would make opening a large corpus slow. A file is checked in full when it is new to this
** machine, and then a small stamp file beside it records the identity of the file checked (device,
** inode, size, mtime and ctime; the last cannot be set back by a program). Later opens check
** the header, the table and the lengths, and trust the bytes only while the stamp matches: any
** write to the index, a copy or a rename from elsewhere, changes its identity and brings a full
** check. The writer stamps what it wrote, as it knows every byte.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source/source.h"
#include "store.h"
#include "store_int.h"

#define MAGIC "LECTORIX"
#define BYTE_ORDER_MARK 0x01020304u
#define ALIGN 64u
#if !defined(LECTOR_INDEX_CODE)
#define LECTOR_INDEX_CODE 0ull
#endif

typedef struct st_header {
  char magic[8];
  uint32_t version;
  uint32_t byte_order;
  uint64_t file_size;
  uint32_t nsections;
  uint32_t header_size;
  uint64_t table_checksum;
  uint64_t context_hash;
  double build_seconds;
  uint64_t code;             /* LECTOR_INDEX_CODE of the lector that wrote it */
} st_header;

typedef struct st_entry {
  char name[8];
  uint64_t offset, length, checksum;
} st_entry;

typedef struct st_counts {
  uint64_t ntokens, spans_len, strings_len, nrare, npairs, pair_min;
  uint32_t ntypes, nfolds, tok_width, ndocs, nfiles, ncodes;
  uint32_t reg_n[IX_NREGIONS];
  uint32_t pad;
} st_counts;

/* ------------------------------------------------------------------ the sections */

enum {
  S_COUNTS, S_FORM_OFF, S_FORMS, S_FREQ, S_FOLD_OFF, S_FOLD_FORMS, S_FOLD_OF, S_FOLD_MEM_OFF, S_FOLD_MEM,
  S_POST_OFF, S_POST_DATA, S_POST_COUNT, S_POST_SKIP_OFF, S_POST_SKIP,
  S_PART_OFF, S_PART_DATA, S_PART_COUNT, S_PART_SKIP_OFF, S_PART_SKIP,
  S_TOKENS, S_CODE_ID, S_RARE_POS, S_RARE_ID, S_SPANS, S_CK, S_PAIR_KEY, S_PAIR_COUNT,
  S_REG_START, S_REG_END = S_REG_START + IX_NREGIONS,
  S_TURN_ATTR = S_REG_END + IX_NREGIONS, S_DOCS, S_FILES, S_META, S_STRINGS, S_WARNINGS, S_ATTRS, NSECT
};

static const char *const names[NSECT] = {
  "counts", "form_off", "forms", "freq", "fold_off", "folds", "fold_of", "fmem_off", "fold_mem",
  "post_off", "post", "post_n", "pskipoff", "pskip", "part_off", "part", "part_n", "qskipoff", "qskip",
  "tokens", "code_id", "rare_pos", "rare_id", "spans", "ck", "pair_key", "pair_n",
  "doc_s", "para_s", "sent_s", "turn_s", "boil_s",
  "doc_e", "para_e", "sent_e", "turn_e", "boil_e", "turn_lab", "docs", "files", "meta", "strings",
  "warnings", "attrs",
};

/* The address of the field of ix that points at section s (NULL for counts and warnings). */
static const void **slot(ix_index *ix, int s) {
  ix_plist *pl = s >= S_PART_OFF ? &ix->part : &ix->post;
  switch (s) {
  case S_FORM_OFF: return (const void **)&ix->form_off;
  case S_FORMS: return (const void **)&ix->forms;
  case S_FREQ: return (const void **)&ix->freq;
  case S_FOLD_OFF: return (const void **)&ix->fold_off;
  case S_FOLD_FORMS: return (const void **)&ix->fold_forms;
  case S_FOLD_OF: return (const void **)&ix->fold_of;
  case S_FOLD_MEM_OFF: return (const void **)&ix->fold_mem_off;
  case S_FOLD_MEM: return (const void **)&ix->fold_mem;
  case S_POST_OFF: case S_PART_OFF: return (const void **)&pl->off;
  case S_POST_DATA: case S_PART_DATA: return (const void **)&pl->data;
  case S_POST_COUNT: case S_PART_COUNT: return (const void **)&pl->count;
  case S_POST_SKIP_OFF: case S_PART_SKIP_OFF: return (const void **)&pl->skip_off;
  case S_POST_SKIP: case S_PART_SKIP: return (const void **)&pl->skip;
  case S_TOKENS: return (const void **)&ix->tokens;
  case S_CODE_ID: return (const void **)&ix->code_id;
  case S_PAIR_KEY: return (const void **)&ix->pair_key;
  case S_PAIR_COUNT: return (const void **)&ix->pair_count;
  case S_RARE_POS: return (const void **)&ix->rare_pos;
  case S_RARE_ID: return (const void **)&ix->rare_id;
  case S_SPANS: return (const void **)&ix->spans;
  case S_CK: return (const void **)&ix->ck;
  case S_TURN_ATTR: return (const void **)&ix->reg[IX_TURN].attr;
  case S_DOCS: return (const void **)&ix->docs;
  case S_FILES: return (const void **)&ix->files;
  case S_META: return (const void **)&ix->meta;
  case S_STRINGS: return (const void **)&ix->strings;
  default:
    if (s >= S_REG_START && s < S_REG_END) return (const void **)&ix->reg[s - S_REG_START].start;
    if (s >= S_REG_END && s < S_TURN_ATTR) return (const void **)&ix->reg[s - S_REG_END].end;
    return NULL;
  }
}

/* The length section s must have, from the counts and the sections before it; UINT64_MAX when
** only the table says (meta, warnings). The token stream and spans carry 8 bytes of padding, as
** in memory, for readers that load a word at a time. */
static uint64_t section_len(const ix_index *ix, int s) {
  uint64_t V = ix->ntypes, F = ix->nfolds;
  const ix_plist *pl = s >= S_PART_OFF ? &ix->part : &ix->post;
  switch (s) {
  case S_COUNTS: return sizeof(st_counts);
  case S_FORM_OFF: return (V + 1) * 8;
  case S_FORMS: return ix->form_off[V];
  case S_FREQ: return V * 8;
  case S_FOLD_OFF: return (F + 1) * 8;
  case S_FOLD_FORMS: return ix->fold_off[F];
  case S_FOLD_OF: case S_FOLD_MEM: return V * 4;
  case S_FOLD_MEM_OFF: return (F + 1) * 4;
  case S_POST_OFF: case S_PART_OFF: case S_POST_SKIP_OFF: case S_PART_SKIP_OFF: return (V + 1) * 8;
  case S_POST_DATA: case S_PART_DATA: return pl->off[V];
  case S_POST_COUNT: case S_PART_COUNT: return V * 4;
  case S_POST_SKIP: case S_PART_SKIP: return pl->skip_off[V] * sizeof(ix_skip);
  case S_TOKENS: return ix->ntokens * ix->tok_width + 8;
  case S_CODE_ID: return (uint64_t)ix->ncodes * 4;
  case S_PAIR_KEY: return ix->npairs * 8;
  case S_PAIR_COUNT: return ix->npairs * 4;
  case S_RARE_POS: case S_RARE_ID: return ix->nrare * 4;
  case S_SPANS: return ix->spans_len + 8;
  case S_CK: return (ix->ntokens / IX_CK_EVERY + 1) * sizeof(ix_ck);
  case S_TURN_ATTR: return (uint64_t)ix->reg[IX_TURN].n * 4;
  case S_DOCS: return (uint64_t)ix->ndocs * sizeof(ix_doc);
  case S_FILES: return (uint64_t)ix->nfiles * sizeof(ix_file);
  case S_STRINGS: return ix->strings_len;
  case S_META: case S_WARNINGS: case S_ATTRS: return UINT64_MAX;
  default: return (uint64_t)ix->reg[(s - S_REG_START) % IX_NREGIONS].n * 4;
  }
}

static uint64_t meta_len(const ix_index *ix) {
  uint64_t n = 0;
  for (uint32_t d = 0; d < ix->ndocs; d++) {
    uint64_t e = 2 * ((uint64_t)ix->docs[d].meta + ix->docs[d].nmeta);
    if (e > n) n = e;
  }
  return n * 4;
}

static uint64_t align_up(uint64_t n) { return (n + ALIGN - 1) & ~(uint64_t)(ALIGN - 1); }

/* ------------------------------------------------------------------ where */

char *st_path(const char *root, int cache) {
  struct stat st;
  if (!cache && stat(root, &st) == 0 && S_ISDIR(st.st_mode)) {
    size_t n = strlen(root) + 16;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/.lector/index", root);
    return p;
  }
  char *real = realpath(root, NULL);
  const char *base = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  char dir[4096];
  if (base && *base == '/') snprintf(dir, sizeof dir, "%s/lector", base);
  else if (home && *home) snprintf(dir, sizeof dir, "%s/.cache/lector", home);
  else snprintf(dir, sizeof dir, "/tmp/lector-cache-%ld", (long)getuid());
  const char *key = real ? real : root;
  uint64_t h = src_hash(key, strlen(key), 0);
  free(real);
  size_t n = strlen(dir) + 32;
  char *p = malloc(n);
  if (p) snprintf(p, n, "%s/%016llx/index", dir, (unsigned long long)h);
  return p;
}

/* mkdir -p of the folder holding path. */
static int make_parent(const char *path) {
  char buf[4096];
  snprintf(buf, sizeof buf, "%s", path);
  char *slash = strrchr(buf, '/');
  if (!slash) return 0;
  *slash = '\0';
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(buf, 0755) != 0 && errno != EEXIST) return -1;
    *p = '/';
  }
  if (mkdir(buf, 0755) != 0 && errno != EEXIST) return -1;
  return 0;
}

/* ------------------------------------------------------------------ the stamp */

static int64_t ns(struct timespec t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }

static void stamp_text(const struct stat *st, char *buf, size_t n) {
  snprintf(buf, n, "lector-stamp %u %llu %llu %llu %lld %lld\n", ST_VERSION,
           (unsigned long long)st->st_dev, (unsigned long long)st->st_ino,
           (unsigned long long)st->st_size, (long long)ns(st->st_mtim), (long long)ns(st->st_ctim));
}

/* Records that the file at path, as it is now, was checked in full. Best effort: without a
** stamp the next open checks again. */
static void stamp_write(const char *path, int fd) {
  struct stat st;
  char text[160], name[4200], tmp[4240];
  if (fstat(fd, &st) != 0) return;
  stamp_text(&st, text, sizeof text);
  snprintf(name, sizeof name, "%s.ok", path);
  snprintf(tmp, sizeof tmp, "%s.%ld", name, (long)getpid());
  FILE *f = fopen(tmp, "w");
  if (!f) return;
  int bad = fputs(text, f) < 0;
  bad |= fclose(f) != 0;
  if (bad || rename(tmp, name) != 0) unlink(tmp);
}

static int stamp_matches(const char *path, const struct stat *st) {
  char text[160], name[4200], got[160];
  snprintf(name, sizeof name, "%s.ok", path);
  FILE *f = fopen(name, "r");
  if (!f) return 0;
  size_t n = fread(got, 1, sizeof got - 1, f);
  fclose(f);
  got[n] = '\0';
  stamp_text(st, text, sizeof text);
  return strcmp(text, got) == 0;
}

/* ------------------------------------------------------------------ writing */

static int write_all(int fd, const void *p, uint64_t n, uint64_t off) {
  const char *s = p;
  while (n > 0) {
    size_t k = n > (1u << 30) ? (1u << 30) : (size_t)n;
    ssize_t w = pwrite(fd, s, k, (off_t)off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    s += w;
    n -= (uint64_t)w;
    off += (uint64_t)w;
  }
  return 0;
}

int st_write(const char *path, const ix_index *ixc, const st_extra *extra, char *err, size_t errlen) {
  ix_index *ix = (ix_index *)ixc;     /* slot() gives addresses; nothing is changed */
  st_counts counts;
  memset(&counts, 0, sizeof counts);
  counts.ntokens = ix->ntokens;
  counts.spans_len = ix->spans_len;
  counts.strings_len = ix->strings_len;
  counts.nrare = ix->nrare;
  counts.npairs = ix->npairs;
  counts.pair_min = ix->pair_min;
  counts.ncodes = ix->ncodes;
  counts.ntypes = ix->ntypes;
  counts.nfolds = ix->nfolds;
  counts.tok_width = ix->tok_width;
  counts.ndocs = ix->ndocs;
  counts.nfiles = ix->nfiles;
  for (int k = 0; k < IX_NREGIONS; k++) counts.reg_n[k] = ix->reg[k].n;

  uint32_t *attrs = NULL;
  uint64_t attrs_len = 0;
  size_t nsect = NSECT + sta_count(ix);
  st_entry *table = calloc(nsect, sizeof *table);
  const void **data = calloc(nsect, sizeof *data);
  if (!table || !data || sta_descriptor(ix, &attrs, &attrs_len)) {
    free(table); free(data);
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  uint64_t at = align_up(sizeof(st_header) + nsect * sizeof *table);
  for (size_t s = 0; s < nsect; s++) {
    uint64_t len;
    if (s < NSECT) {
      len = section_len(ix, (int)s);
      data[s] = s == S_COUNTS ? &counts : s == S_WARNINGS ? (const void *)extra->warnings
              : s == S_ATTRS ? (const void *)attrs : *slot(ix, (int)s);
      if (s == S_META) len = meta_len(ix);
      if (s == S_WARNINGS) len = extra->warnings ? extra->warnings_len : 0;
      if (s == S_ATTRS) len = attrs_len;
      memcpy(table[s].name, names[s], strnlen(names[s], 8));
    } else {
      const void **field;
      sta_section(ix, s - NSECT, table[s].name, &field, &len);
      data[s] = *field;
    }
    if (!data[s] || len == 0) data[s] = "";
    table[s].offset = at;
    table[s].length = len;
    table[s].checksum = src_hash(data[s], (size_t)len, (uint64_t)s);
    at = align_up(at + len);
  }
  st_header h;
  memset(&h, 0, sizeof h);
  memcpy(h.magic, MAGIC, 8);
  h.version = ST_VERSION;
  h.byte_order = BYTE_ORDER_MARK;
  h.file_size = at;
  h.nsections = (uint32_t)nsect;
  h.header_size = sizeof h;
  h.table_checksum = src_hash(table, nsect * sizeof *table, 0);
  h.context_hash = extra->context_hash;
  h.build_seconds = ix->build_seconds;
  h.code = LECTOR_INDEX_CODE;

  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
  int fd = -1;
  if (make_parent(path) != 0) {
    int e = errno;
    snprintf(err, errlen, "cannot make the folder of %s (%s)", path, strerror(e));
    errno = e;
  } else if ((fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0) {
    int e = errno;
    snprintf(err, errlen, "cannot write %s (%s)", tmp, strerror(e));
    errno = e;
  }
  if (fd < 0) {
    free(table); free(data); free(attrs);
    return -1;
  }
  int bad = ftruncate(fd, (off_t)at) != 0;
  for (size_t s = 0; s < nsect && !bad; s++)
    bad = write_all(fd, data[s], table[s].length, table[s].offset);
  if (!bad) bad = write_all(fd, table, nsect * sizeof *table, sizeof h);
  free(table); free(data); free(attrs);
  if (!bad) bad = write_all(fd, &h, sizeof h, 0);
  if (!bad) bad = fsync(fd) != 0;
  if (!bad) bad = rename(tmp, path) != 0;
  int e = errno;
  if (bad) {
    close(fd);
    unlink(tmp);
    snprintf(err, errlen, "cannot write %s (%s)", path, strerror(e));
    errno = e;
    return -1;
  }
  stamp_write(path, fd);
  close(fd);
  return 0;
}

/* ------------------------------------------------------------------ reading */

typedef struct reader {
  const char *path;
  char *err;
  size_t errlen;
} reader;

static int fail(const reader *r, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
static int fail(const reader *r, const char *fmt, ...) {
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  snprintf(r->err, r->errlen, "%s: %s", r->path, msg);
  return -1;
}

static int ascending64(const uint64_t *a, uint64_t n, uint64_t max) {
  for (uint64_t i = 0; i + 1 < n; i++) if (a[i] > a[i + 1]) return 0;
  return n == 0 || a[n - 1] <= max;
}

static int ascending32(const uint32_t *a, uint64_t n, uint64_t max) {
  for (uint64_t i = 0; i + 1 < n; i++) if (a[i] > a[i + 1]) return 0;
  return n == 0 || a[n - 1] <= max;
}

/* What the checksums cannot tell: that the offsets readers follow stay inside their arrays. */
static const char *check_structure(const ix_index *ix, uint64_t nmeta) {
  uint64_t V = ix->ntypes;
  if (ix->tok_width < 1 || ix->tok_width > 2) return "tok_width";
  for (uint64_t i = 0; i < ix->ncodes; i++) if (ix->code_id[i] >= V) return "code_id";
  for (uint64_t i = 0; i < ix->nrare; i++)
    if (ix->rare_id[i] >= V || ix->rare_pos[i] >= ix->ntokens || (i && ix->rare_pos[i] <= ix->rare_pos[i - 1]))
      return "rare_pos";
  if (!ascending64(ix->form_off, V + 1, ix->form_off[V])) return "form_off";
  for (uint64_t i = 0; i < ix->npairs; i++)
    if ((ix->pair_key[i] >> 32) >= ix->nfolds || (ix->pair_key[i] & 0xFFFFFFFFu) >= ix->nfolds ||
        (i && ix->pair_key[i] <= ix->pair_key[i - 1]))
      return "pair_key";
  if (!ascending64(ix->fold_off, ix->nfolds + 1, ix->fold_off[ix->nfolds])) return "fold_off";
  if (!ascending32(ix->fold_mem_off, ix->nfolds + 1, V)) return "fmem_off";
  for (uint64_t i = 0; i < V; i++)
    if (ix->fold_of[i] >= ix->nfolds || ix->fold_mem[i] >= V) return "fold_of";
  const ix_plist *pl[2] = { &ix->post, &ix->part };
  for (int k = 0; k < 2; k++) {
    if (!ascending64(pl[k]->off, V + 1, pl[k]->off[V]) || !ascending64(pl[k]->skip_off, V + 1, pl[k]->skip_off[V]))
      return k ? "part_off" : "post_off";
  }
  for (int k = 0; k < IX_NREGIONS; k++)
    for (uint32_t i = 0; i < ix->reg[k].n; i++)
      if (ix->reg[k].start[i] > ix->reg[k].end[i] || ix->reg[k].end[i] > ix->ntokens) return names[S_REG_START + k];
  for (uint32_t d = 0; d < ix->ndocs; d++) {
    const ix_doc *x = &ix->docs[d];
    if ((uint64_t)x->first + x->ntok > ix->ntokens || x->file >= ix->nfiles || x->name >= ix->strings_len ||
        2 * ((uint64_t)x->meta + x->nmeta) > nmeta)
      return "docs";
  }
  for (uint64_t i = 0; i < nmeta; i++) if (ix->meta[i] >= ix->strings_len) return "meta";
  for (uint32_t f = 0; f < ix->nfiles; f++) {
    const ix_file *x = &ix->files[f];
    if (x->path >= ix->strings_len || (uint64_t)x->first_doc + x->ndocs > ix->ndocs) return "files";
  }
  if (ix->strings_len && ix->strings[ix->strings_len - 1] != '\0') return "strings";
  if (V && ix->forms[ix->form_off[V] - 1] != '\0') return "forms";
  return NULL;
}

int st_open(const char *path, int verify, ix_index **out, st_extra *extra, char *err, size_t errlen) {
  reader r = { path, err, errlen };
  *out = NULL;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {   /* none, or none this user may read (a cache of another user's): build anew */
    if (errno == ENOENT || errno == EACCES || errno == ENOTDIR) return 1;
    return fail(&r, "cannot open (%s)", strerror(errno));
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return fail(&r, "not a regular file");
  }
  uint64_t size = (uint64_t)st.st_size;
  if (size < sizeof(st_header)) {
    close(fd);
    return fail(&r, "truncated: %llu bytes, shorter than a header", (unsigned long long)size);
  }
  void *map = mmap(NULL, (size_t)size, PROT_READ, MAP_SHARED, fd, 0);
  int full = verify || !stamp_matches(path, &st);
  if (map == MAP_FAILED) {
    close(fd);
    return fail(&r, "cannot map (%s)", strerror(errno));
  }
  ix_index *ix = calloc(1, sizeof *ix);
  if (!ix) { munmap(map, (size_t)size); close(fd); return fail(&r, "out of memory"); }
  ix->map = map;
  ix->map_len = (size_t)size;
  const unsigned char *base = map;
  const st_header *h = map;
  const st_entry *table = (const st_entry *)(base + sizeof *h);
  int rc = -1;
  if (memcmp(h->magic, MAGIC, 8) != 0) { fail(&r, "not a lector index"); goto done; }
  if (h->byte_order != BYTE_ORDER_MARK) {
    fail(&r, "written on a machine of the other byte order");
    goto done;
  }
  if (h->version != ST_VERSION) {
    fail(&r, "index format version %u, this lector reads version %u", h->version, ST_VERSION);
    rc = 2;
    goto done;
  }
  if (h->code != LECTOR_INDEX_CODE) {
    fail(&r, "made by another build of lector (its tokenizer or index may differ)");
    rc = 2;
    goto done;
  }
  if (h->file_size != size) {
    fail(&r, "truncated or grown: %llu bytes, the header says %llu", (unsigned long long)size,
         (unsigned long long)h->file_size);
    goto done;
  }
  if (h->nsections < NSECT || h->nsections > NSECT + 20000 || h->header_size != sizeof *h ||
      size < sizeof *h + sizeof(st_entry) * h->nsections ||
      src_hash(table, sizeof(st_entry) * h->nsections, 0) != h->table_checksum) {
    fail(&r, "the section table is damaged");
    goto done;
  }
  for (int s = 0; s < NSECT; s++) {
    const st_entry *e = &table[s];
    if (strncmp(e->name, names[s], 8) != 0 || e->offset % ALIGN || e->offset > size || e->length > size - e->offset) {
      fail(&r, "section %s is out of place", names[s]);
      goto done;
    }
    if (full && src_hash(base + e->offset, (size_t)e->length, (uint64_t)s) != e->checksum) {
      fail(&r, "section %s is damaged (checksum)", names[s]);
      goto done;
    }
    if (s == S_COUNTS) {
      if (e->length != sizeof(st_counts)) { fail(&r, "section %s has the wrong length", names[s]); goto done; }
      const st_counts *c = (const st_counts *)(base + e->offset);
      ix->ntokens = c->ntokens;
      ix->spans_len = c->spans_len;
      ix->strings_len = c->strings_len;
      ix->ntypes = c->ntypes;
      ix->ncodes = c->ncodes;
      ix->nrare = c->nrare;
      ix->npairs = c->npairs;
      ix->pair_min = c->pair_min;
      ix->nfolds = c->nfolds;
      ix->tok_width = c->tok_width;
      ix->ndocs = c->ndocs;
      ix->nfiles = c->nfiles;
      for (int k = 0; k < IX_NREGIONS; k++) ix->reg[k].n = c->reg_n[k];
      if (ix->tok_width < 1 || ix->tok_width > 2 || ix->ntokens >= UINT32_MAX ||
          (ix->ncodes && (ix->ncodes != IX_RARE || ix->tok_width != 2))) {
        fail(&r, "section %s is damaged", names[s]);
        goto done;
      }
      continue;
    }
    uint64_t want = section_len(ix, s);
    if (s == S_META && e->length % 4 == 0) want = e->length;
    if (s == S_ATTRS) {
      const char *bad = sta_read_descriptor(ix, base + e->offset, e->length);
      if (bad || h->nsections != NSECT + sta_count(ix)) { fail(&r, "section %s is damaged", bad ? bad : names[s]); goto done; }
      continue;
    }
    if (s == S_WARNINGS) {
      extra->warnings = (const char *)(base + e->offset);
      extra->warnings_len = (size_t)e->length;
      if (e->length && base[e->offset + e->length - 1] != '\0') {
        fail(&r, "section %s is damaged", names[s]);
        goto done;
      }
      continue;
    }
    if (e->length != want) {
      fail(&r, "section %s has the wrong length (%llu bytes, %llu expected)", names[s], (unsigned long long)e->length, (unsigned long long)want);
      goto done;
    }
    *slot(ix, s) = base + e->offset;
  }
  for (size_t k = 0; k < sta_count(ix); k++) {
    const st_entry *e = &table[NSECT + k];
    char name[8];
    const void **field;
    uint64_t want;
    sta_section(ix, k, name, &field, &want);
    if (memcmp(e->name, name, 8) != 0 || e->offset % ALIGN || e->offset > size || e->length > size - e->offset) {
      fail(&r, "section %.8s is out of place", name);
      goto done;
    }
    if (full && src_hash(base + e->offset, (size_t)e->length, (uint64_t)(NSECT + k)) != e->checksum) {
      fail(&r, "section %.8s is damaged (checksum)", name);
      goto done;
    }
    if (e->length != want) {
      fail(&r, "section %.8s has the wrong length (%llu bytes, %llu expected)", name, (unsigned long long)e->length,
           (unsigned long long)want);
      goto done;
    }
    *field = base + e->offset;
  }
  if (full) {
    const char *bad = check_structure(ix, table[S_META].length / 4);
    if (!bad) bad = sta_check(ix);
    if (bad) { fail(&r, "section %s is damaged (inconsistent)", bad); goto done; }
    stamp_write(path, fd);
  }
  extra->context_hash = h->context_hash;
  ix->build_seconds = h->build_seconds;
  rc = 0;
done:
  close(fd);
  if (rc) { ix_free(ix); return rc; }
  *out = ix;
  return 0;
}
