/*
** test_source.c: unit tests of the loader (host/core/source/): the folder walk, encodings and the
** offset map, .jsonl lines, the metadata sidecar, titles and dates, boilerplate, rereading a
** document, and loading from two threads. Each test makes its own corpus under /tmp, writes the
** files it needs, and removes it; every check is against an exact value.
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ctest.h"
#include "source/source.h"
#include "srcfix.h"

/* the seed texts, which corpus/ holds beside its metadata.tsv */
#define SEEDS "corpus"
static const char *const seed_names[] = {
  "000_e46888d005b16152.txt", "001_0b1a02bd6284fa36.txt", "002_378a0fa01cf8e0c6.txt",
  "003_b732a128a37d961c.txt", "004_3bf8bdfe55aae150.txt",
};

/* {====================================================================== scaffolding */


static void in(const char *dir, const char *rel, char *out, size_t n) { snprintf(out, n, "%s/%s", dir, rel); }

/* Warnings, collected as "file: message" from any thread. */
typedef struct warns {
  pthread_mutex_t lock;
  char *w[1024];
  int n;
} warns;

static void on_warn(void *ud, const char *file, const char *msg) {
  warns *w = ud;
  pthread_mutex_lock(&w->lock);
  if (w->n < 1024) {
    size_t n = strlen(file) + strlen(msg) + 3;
    w->w[w->n] = malloc(n);
    snprintf(w->w[w->n++], n, "%s: %s", file, msg);
  }
  pthread_mutex_unlock(&w->lock);
}

static void warns_init(warns *w) {
  memset(w, 0, sizeof *w);
  pthread_mutex_init(&w->lock, NULL);
}

static void warns_clear(warns *w) {
  for (int i = 0; i < w->n; i++) free(w->w[i]);
  w->n = 0;
}

static void warns_done(warns *w) {
  warns_clear(w);
  pthread_mutex_destroy(&w->lock);
}

/* All the warnings, one per line, in order: compared whole, so that nothing unexpected hides. */
static const char *all_warnings(const warns *w) {
  static char buf[8192];
  size_t k = 0;
  buf[0] = '\0';
  for (int i = 0; i < w->n && k < sizeof buf; i++) k += (size_t)snprintf(buf + k, sizeof buf - k, "%s\n", w->w[i]);
  return buf;
}

static src_ctx *open_dir(const char *dir, warns *w) {
  char err[256];
  src_ctx *c = src_open(dir, on_warn, w, err, sizeof err);
  if (!c) fprintf(stderr, "src_open(%s): %s\n", dir, err);
  return c;
}



static const src_doc *doc_named(const docs *ds, const char *name) {
  for (int i = 0; i < ds->n; i++)
    if (strcmp(ds->d[i].name, name) == 0) return &ds->d[i];
  return NULL;
}


/* "(norm,orig)(norm,orig)..." */
static const char *map_str(const src_doc *d) {
  static char buf[4096];
  size_t k = 0;
  buf[0] = '\0';
  if (!d) return "(no document)";
  for (size_t i = 0; i < d->nmap && k < sizeof buf; i++)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "(%u,%u)", d->map[2 * i], d->map[2 * i + 1]);
  return buf;
}

/* "[start,end)[start,end)..." */
static const char *boiler_str(const src_doc *d) {
  static char buf[4096];
  size_t k = 0;
  buf[0] = '\0';
  if (!d) return "(no document)";
  for (size_t i = 0; i < d->nboiler && k < sizeof buf; i++)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "[%u,%u)", d->boiler[2 * i], d->boiler[2 * i + 1]);
  return buf;
}

static const char *list_str(const src_list *l) {
  static char buf[4096];
  size_t k = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < l->n && k < sizeof buf; i++)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s:%d", i ? " " : "", l->f[i].path, l->f[i].kind);
  return buf;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* }====================================================================== */

/* {====================================================================== UTF-8 */

static void test_utf8_valid(void) {
  static const struct { const char *s; size_t n; int ok; size_t bad; } cases[] = {
    { "plain ASCII, long enough for the word loop", 43, 1, 0 },
    { "caf\xC3\xA9 \xE2\x80\x9C \xF0\x9F\x98\x80", 14, 1, 0 },
    { "\xF4\x8F\xBF\xBF", 4, 1, 0 },                  /* U+10FFFF */
    { "ab\xC0\x80", 4, 0, 2 },                        /* overlong NUL */
    { "abcdefgh\xC1\xBF", 10, 0, 8 },                 /* overlong, after a word */
    { "\xE0\x80\xAF", 3, 0, 0 },                      /* overlong 3-byte */
    { "\xF0\x8F\xBF\xBF", 4, 0, 0 },                  /* overlong 4-byte */
    { "x\xED\xA0\x80", 4, 0, 1 },                     /* surrogate U+D800 */
    { "xy\xED\xBF\xBF", 5, 0, 2 },                    /* surrogate U+DFFF */
    { "\xF4\x90\x80\x80", 4, 0, 0 },                  /* above U+10FFFF */
    { "ok\xF5\x80\x80\x80", 6, 0, 2 },
    { "\xE2\x80", 2, 0, 0 },                          /* cut short */
    { "abc\x80", 4, 0, 3 },                           /* a lone continuation byte */
    { "\xC3\xA9\xE9t\xC3\xA9", 6, 0, 2 },             /* Windows-1252 among UTF-8 */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    size_t bad = 99;
    CHECK_INT(src_utf8_valid(cases[i].s, cases[i].n, &bad), cases[i].ok);
    if (!cases[i].ok) CHECK_INT(bad, cases[i].bad);
  }
  CHECK_INT(src_utf8_valid("", 0, NULL), 1);
}

/* }====================================================================== */

/* {====================================================================== the folder walk */

static void test_scan_sorted(void) {
  char *dir = mkcorpus();
  warns w;
  warns_init(&w);
  puts_(dir, "b.txt", "b");
  puts_(dir, "a/z.md", "z");
  puts_(dir, "a-c.txt", "ac");
  puts_(dir, "A.TXT", "upper");
  puts_(dir, "a/.hidden.txt", "h");
  puts_(dir, ".hidden/x.txt", "h");
  puts_(dir, ".lector/index.txt", "h");
  puts_(dir, "notes.docx", "p");
  puts_(dir, "x.txt.bak", "p");
  puts_(dir, "data.JSONL", "{\"text\":\"j\"}\n");
  puts_(dir, "sub/deeper/x.txt", "deep");
  puts_(dir, "boilerplate.lst", "# nothing\n");
  src_ctx *c = open_dir(dir, &w);
  src_list l = { 0 };
  CHECK_INT(src_scan(c, &l), 0);
  /* bytewise: 'A' < 'a', and "a-c.txt" < "a/z.md" because '-' < '/' */
  CHECK_STR(list_str(&l), "A.TXT:0 a-c.txt:0 a/z.md:1 b.txt:0 data.JSONL:2 sub/deeper/x.txt:0");
  CHECK_INT(l.n, 6);
  CHECK_INT(l.f[0].size, 5);
  CHECK_INT(l.f[5].size, 4);
  struct stat st;
  char path[512];
  in(dir, "b.txt", path, sizeof path);
  stat(path, &st);
  CHECK_INT(l.f[3].mtime_ns, (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec);
  /* a file of another type is named (by its extension), never skipped silently */
  CHECK_STR(all_warnings(&w), "x.txt.bak: 1 .bak file not read (x.txt.bak): lector reads .txt, .md, .jsonl, "
                              ".json, .csv, .tsv, .conllu, .vrt, .html, .htm, .xhtml, .pdf or .eml\n"
                              "notes.docx: 1 .docx file not read (notes.docx): lector reads .txt, .md, .jsonl, "
                              ".json, .csv, .tsv, .conllu, .vrt, .html, .htm, .xhtml, .pdf or .eml\n");
  CHECK_STR(src_root(c), dir);
  src_list_free(&l);
  CHECK_INT(l.n, 0);
  src_close(c);
  /* a trailing slash on the root is dropped */
  char slashed[512];
  snprintf(slashed, sizeof slashed, "%s/", dir);
  c = open_dir(slashed, &w);
  CHECK_STR(src_root(c), dir);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

static void test_scan_symlinks(void) {
  char *dir = mkcorpus(), path[512];
  warns w;
  warns_init(&w);
  puts_(dir, "a.txt", "a");
  puts_(dir, "sub/b.txt", "b");
  in(dir, "sub/loop", path, sizeof path);
  CHECK_INT(symlink("..", path), 0);               /* back to the root */
  in(dir, "sub/self", path, sizeof path);
  CHECK_INT(symlink(".", path), 0);                /* back to sub */
  in(dir, "link.txt", path, sizeof path);
  CHECK_INT(symlink("a.txt", path), 0);            /* a file through a link is listed */
  in(dir, "alias", path, sizeof path);
  CHECK_INT(symlink("sub", path), 0);              /* a folder through a link is walked */
  src_ctx *c = open_dir(dir, &w);
  src_list l = { 0 };
  CHECK_INT(src_scan(c, &l), 0);
  CHECK_STR(list_str(&l), "a.txt:0 alias/b.txt:0 link.txt:0 sub/b.txt:0");
  CHECK_STR(all_warnings(&w),
            "alias/loop: symbolic link loop (back to the corpus folder), skipped\n"
            "alias/self: symbolic link loop (back to alias), skipped\n"
            "sub/loop: symbolic link loop (back to the corpus folder), skipped\n"
            "sub/self: symbolic link loop (back to sub), skipped\n");
  docs ds = { .n = 0 };
  for (size_t i = 0; i < l.n; i++) CHECK_INT(src_load(c, &l.f[i], on_doc, &ds), 0);
  CHECK_INT(ds.n, 4);
  CHECK_STR(ds.d[2].name, "link.txt");
  CHECK_STR(ds.d[2].text, "a");
  docs_free(&ds);
  src_list_free(&l);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

static void test_unreadable(void) {
  char *dir = mkcorpus(), path[512], err[256];
  warns w;
  warns_init(&w);
  puts_(dir, "ok.txt", "fine");
  puts_(dir, "x.txt/inner.txt", "a folder named like a document is a folder");
  in(dir, "gone.txt", path, sizeof path);
  CHECK_INT(symlink("nowhere.txt", path), 0);
  in(dir, "fifo.txt", path, sizeof path);
  CHECK_INT(mkfifo(path, 0644), 0);
  src_ctx *c = open_dir(dir, &w);
  src_list l = { 0 };
  CHECK_INT(src_scan(c, &l), 0);
  CHECK_STR(list_str(&l), "ok.txt:0 x.txt/inner.txt:0");
  static const char scan_warnings[] = "fifo.txt: not a regular file, skipped\n"
                                      "gone.txt: broken symbolic link (No such file or directory), skipped\n";
  CHECK_STR(all_warnings(&w), scan_warnings);
  warns_clear(&w);
  /* reading fails: a folder where a file was listed, a file gone since the scan */
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "x.txt", SRC_TXT, &ds), 1);
  CHECK_INT(load(c, "vanished.txt", SRC_TXT, &ds), 1);
  CHECK_INT(load(c, "fifo.txt", SRC_TXT, &ds), 1);
  CHECK_INT(ds.n, 0);
  CHECK_STR(all_warnings(&w), "x.txt: cannot read (Is a directory), skipped\n"
                              "vanished.txt: cannot open (No such file or directory), skipped\n"
                              "fifo.txt: not a regular file, skipped\n");
  warns_clear(&w);
  if (geteuid() != 0) {            /* permissions do not stop root */
    in(dir, "ok.txt", path, sizeof path);
    chmod(path, 0);
    CHECK_INT(load(c, "ok.txt", SRC_TXT, &ds), 1);
    CHECK_STR(all_warnings(&w), "ok.txt: cannot open (Permission denied), skipped\n");
    warns_clear(&w);
    in(dir, "x.txt", path, sizeof path);
    chmod(path, 0);
    src_list_free(&l);
    CHECK_INT(src_scan(c, &l), 0);
    CHECK_STR(all_warnings(&w), "fifo.txt: not a regular file, skipped\n"
                                "gone.txt: broken symbolic link (No such file or directory), skipped\n"
                                "x.txt: cannot read folder (Permission denied), skipped\n");
    CHECK_STR(list_str(&l), "ok.txt:0");    /* listed: the load is what fails */
    warns_clear(&w);
  }
  src_list_free(&l);
  src_close(c);
  /* roots that cannot be opened at all */
  in(dir, "no-such-folder", path, sizeof path);
  CHECK(src_open(path, on_warn, &w, err, sizeof err) == NULL);
  char want[900];
  snprintf(want, sizeof want, "cannot open %s: No such file or directory", path);
  CHECK_STR(err, want);
  puts_(dir, "paper.docx", "%PDF");
  in(dir, "paper.docx", path, sizeof path);
  CHECK(src_open(path, on_warn, &w, err, sizeof err) == NULL);
  snprintf(want, sizeof want, "%s is neither a folder nor a .txt, .md, .jsonl, .json, .csv, .tsv, .conllu, .vrt, "
           ".html, .htm, .xhtml, .pdf or .eml file", path);
  CHECK_STR(err, want);
  CHECK_INT(w.n, 0);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* A root that is one file: its path is "", its documents are named after it. */
static void test_root_file(void) {
  char *dir = mkcorpus(), path[512];
  warns w;
  warns_init(&w);
  puts_(dir, "one.md", "# One\n\nBody.\n");
  puts_(dir, "lines.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\noops\n");
  puts_(dir, "metadata.tsv", "file\ttitle\n\tignored\n");
  in(dir, "one.md", path, sizeof path);
  src_ctx *c = open_dir(path, &w);
  src_list l = { 0 };
  CHECK_INT(src_scan(c, &l), 0);
  CHECK_INT(l.n, 1);
  CHECK_STR(l.f[0].path, "");
  CHECK_INT(l.f[0].kind, SRC_MD);
  CHECK_INT(l.f[0].size, 13);
  docs ds = { .n = 0 };
  CHECK_INT(src_load(c, &l.f[0], on_doc, &ds), 0);
  CHECK_STR(ds.d[0].name, "one.md");
  CHECK_STR(meta_str(&ds.d[0]), "title=One|lang=und");
  docs_free(&ds);
  src_list_free(&l);
  src_close(c);
  in(dir, "lines.jsonl", path, sizeof path);
  c = open_dir(path, &w);
  CHECK_INT(src_scan(c, &l), 0);
  CHECK_INT(src_load(c, &l.f[0], on_doc, &ds), 0);
  CHECK_INT(ds.n, 2);
  CHECK_STR(ds.d[1].name, "lines.jsonl#2");
  char want[600];
  snprintf(want, sizeof want, "%s: line 3: invalid JSON at byte 0: expected a value, line skipped\n", path);
  CHECK_STR(all_warnings(&w), want);
  docs_free(&ds);
  src_list_free(&l);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* }====================================================================== */

/* {====================================================================== bytes to text */

static void test_empty_file(void) {
  char *dir = mkcorpus();
  warns w;
  warns_init(&w);
  puts_(dir, "empty.txt", "");
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load_all(c, &ds), 1);
  CHECK_INT(ds.n, 1);
  CHECK_STR(ds.d[0].name, "empty.txt");
  CHECK_STR(ds.d[0].text, "");
  CHECK_INT(ds.d[0].len, 0);
  CHECK_INT(ds.d[0].byte_len, 0);
  CHECK_INT(ds.d[0].nmap, 0);
  CHECK_INT(ds.d[0].nmeta, 1);                  /* lang=und */
  CHECK_INT(ds.d[0].nboiler, 0);
  CHECK_INT(ds.d[0].flags, 0);
  CHECK_INT(src_to_orig(&ds.d[0], 5), 0);
  CHECK_STR(all_warnings(&w), "");
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

static void test_binary(void) {
  char *dir = mkcorpus();
  warns w;
  warns_init(&w);
  put(dir, "bin.txt", "abc\0def", 7);
  put(dir, "bin.jsonl", "{\"text\":\"a\"}\n\0", 14);
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "bin.txt", SRC_TXT, &ds), 1);
  CHECK_INT(load(c, "bin.jsonl", SRC_JSONL, &ds), 1);
  CHECK_INT(ds.n, 0);
  CHECK_STR(all_warnings(&w), "bin.txt: binary file (NUL byte at offset 3), skipped\n"
                              "bin.jsonl: binary file (NUL byte at offset 13), skipped\n");
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

static void test_bom(void) {
  char *dir = mkcorpus();
  warns w;
  warns_init(&w);
  puts_(dir, "bom.txt", "\xEF\xBB\xBFHello\nworld");
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "bom.txt", SRC_TXT, &ds), 0);
  const src_doc *d = &ds.d[0];
  CHECK_STR(d->text, "Hello\nworld");
  CHECK_INT(d->len, 11);
  CHECK_INT(d->byte_len, 14);
  CHECK_INT(d->flags, SRC_BOM);
  CHECK_STR(map_str(d), "(0,3)");
  CHECK_INT(src_to_orig(d, 0), 3);
  CHECK_INT(src_to_orig(d, 6), 9);        /* "world" */
  CHECK_INT(src_to_orig(d, 11), 14);
  CHECK_INT(src_to_text(d, 0), 0);        /* inside the BOM: where the text starts */
  CHECK_INT(src_to_text(d, 2), 0);
  CHECK_INT(src_to_text(d, 9), 6);
  CHECK_INT(src_to_text(d, 99), 11);
  CHECK_STR(all_warnings(&w), "");
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

static void test_crlf(void) {
  char *dir = mkcorpus();
  warns w;
  warns_init(&w);
  puts_(dir, "crlf.txt", "ab\r\ncd\r\n\r\nef\rg");
  puts_(dir, "cr.txt", "a\rb");
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "crlf.txt", SRC_TXT, &ds), 0);
  CHECK_INT(load(c, "cr.txt", SRC_TXT, &ds), 0);
  const src_doc *d = &ds.d[0];
  CHECK_STR(d->text, "ab\ncd\n\nef\ng");
  CHECK_INT(d->flags, SRC_CRLF);
  CHECK_STR(map_str(d), "(3,4)(6,8)(7,10)");
  /* the tokens ab cd ef g, start and end, in file bytes */
  static const uint64_t tok[][4] = { { 0, 2, 0, 2 }, { 3, 5, 4, 6 }, { 7, 9, 10, 12 }, { 10, 11, 13, 14 } };
  for (int i = 0; i < 4; i++) {
    CHECK_INT(src_to_orig(d, tok[i][0]), tok[i][2]);
    CHECK_INT(src_to_orig(d, tok[i][1]), tok[i][3]);
    CHECK_INT(src_to_text(d, tok[i][2]), tok[i][0]);
    CHECK_INT(src_to_text(d, tok[i][3]), tok[i][1]);
  }
  CHECK_INT(src_to_orig(d, 2), 2);        /* the LF that was CR LF starts at the CR */
  CHECK_INT(src_to_text(d, 3), 3);        /* the LF of CR LF: after the LF */
  /* a lone CR keeps every offset, but the bytes changed: one pair (0, 0) */
  d = &ds.d[1];
  CHECK_STR(d->text, "a\nb");
  CHECK_INT(d->flags, SRC_CRLF);
  CHECK_STR(map_str(d), "(0,0)");
  CHECK_INT(src_to_orig(d, 2), 2);
  CHECK_STR(all_warnings(&w), "");
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

static void test_cp1252(void) {
  char *dir = mkcorpus();
  warns w;
  warns_init(&w);
  puts_(dir, "w.txt", "\x93Hi\x94 caf\xe9\r\n");
  puts_(dir, "c1.txt", "A\x80\x81\x8d\x8f\x90\x9d\x9f\xa0\xff");
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "w.txt", SRC_TXT, &ds), 0);
  CHECK_INT(load(c, "c1.txt", SRC_TXT, &ds), 0);
  const src_doc *d = &ds.d[0];
  CHECK_STR(d->text, "\xE2\x80\x9CHi\xE2\x80\x9D caf\xC3\xA9\n");   /* “Hi” café */
  CHECK_INT(d->len, 15);
  CHECK_INT(d->flags, SRC_CP1252 | SRC_CRLF);
  CHECK_STR(map_str(d), "(3,1)(8,4)(14,9)(15,11)");
  CHECK_INT(src_to_orig(d, 0), 0);        /* “ */
  CHECK_INT(src_to_orig(d, 3), 1);        /* Hi */
  CHECK_INT(src_to_orig(d, 5), 3);        /* ” */
  CHECK_INT(src_to_orig(d, 8), 4);        /* café */
  CHECK_INT(src_to_orig(d, 14), 9);
  CHECK_INT(src_to_orig(d, 15), 11);
  CHECK_INT(src_to_text(d, 1), 3);
  CHECK_INT(src_to_text(d, 3), 5);
  CHECK_INT(src_to_text(d, 4), 8);
  CHECK_INT(src_to_text(d, 8), 12);       /* é */
  CHECK_INT(src_to_text(d, 9), 14);
  CHECK_INT(src_to_text(d, 10), 15);      /* the LF of CR LF */
  /* the whole upper half: the five undefined bytes are C1 controls */
  d = &ds.d[1];
  CHECK_STR(d->text, "A\xE2\x82\xAC\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D\xC5\xB8\xC2\xA0\xC3\xBF");
  CHECK_STR(all_warnings(&w), "w.txt: not valid UTF-8 (byte offset 0): decoded as Windows-1252\n"
                              "c1.txt: not valid UTF-8 (byte offset 1): decoded as Windows-1252\n");
  docs_free(&ds);
  warns_clear(&w);
  /* a BOM, then bytes that are not UTF-8: the offset counts the BOM */
  puts_(dir, "bom1252.txt", "\xEF\xBB\xBFna\xefve");
  CHECK_INT(load(c, "bom1252.txt", SRC_TXT, &ds), 0);
  CHECK_STR(ds.d[0].text, "na\xC3\xAFve");
  CHECK_INT(ds.d[0].flags, SRC_CP1252 | SRC_BOM);
  CHECK_STR(map_str(&ds.d[0]), "(0,3)(4,6)");
  CHECK_STR(all_warnings(&w), "bom1252.txt: not valid UTF-8 (byte offset 5): decoded as Windows-1252\n");
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* Every offset at a character boundary maps to file bytes and back to itself. */
static int roundtrips(const src_doc *d) {
  for (size_t t = 0; t <= d->len; t++) {
    if (t < d->len && ((unsigned char)d->text[t] & 0xC0) == 0x80) continue;
    if (src_to_text(d, src_to_orig(d, t)) != t) return 0;
  }
  return 1;
}

static void test_big_line(void) {
  char *dir = mkcorpus();
  warns w;
  warns_init(&w);
  size_t n = 50u << 20;
  char *big = malloc(n + 2);
  static const char words[] = "lorem ipsum dolor sit amet ";
  for (size_t i = 0; i < n; i++) big[i] = words[i % (sizeof words - 1)];
  put(dir, "big.txt", big, n);
  memcpy(big + n - 2, "\r\n", 2);          /* the same, through the normalizing path */
  put(dir, "bigcr.txt", big, n);
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  double t0 = now();
  CHECK_INT(load(c, "big.txt", SRC_TXT, &ds), 0);
  double t1 = now();
  CHECK_INT(load(c, "bigcr.txt", SRC_TXT, &ds), 0);
  double t2 = now();
  CHECK_INT(ds.d[0].len, n);
  CHECK_INT(ds.d[0].nmap, 0);
  CHECK_INT(ds.d[0].nmeta, 1);                  /* lang=und */
  CHECK_INT(ds.d[0].nboiler, 0);
  CHECK(memcmp(ds.d[0].text, big, n - 2) == 0);
  CHECK(ds.d[0].text[n - 1] == words[(n - 1) % (sizeof words - 1)]);
  CHECK_INT(ds.d[1].len, n - 1);
  CHECK_STR(map_str(&ds.d[1]), "(52428799,52428800)");
  printf("50 MB single line: %.3f s as is, %.3f s with a CR LF to normalize\n", t1 - t0, t2 - t1);
  CHECK(t1 - t0 < 2.0);
  CHECK(t2 - t1 < 3.0);
  docs_free(&ds);
  /* a .jsonl line with a 20 MB text full of escapes */
  size_t m = 20u << 20, k = 0;
  char *j = malloc(m + 64);
  k += (size_t)sprintf(j, "{\"id\":1,\"text\":\"");
  while (k < m) k += (size_t)sprintf(j + k, "caf\\u00e9 \\\"x\\\"\\n");
  k += (size_t)sprintf(j + k, "\"}\n");
  put(dir, "big.jsonl", j, k);
  t0 = now();
  CHECK_INT(load(c, "big.jsonl", SRC_JSONL, &ds), 0);
  t1 = now();
  CHECK_INT(ds.n, 1);
  CHECK(memcmp(ds.d[0].text, "caf\xC3\xA9 \"x\"\ncaf", 13) == 0);
  CHECK_INT(ds.d[0].byte_len, k - 1);
  CHECK_INT(src_to_orig(&ds.d[0], ds.d[0].len), k - 3);
  printf("20 MB .jsonl text with escapes: %.3f s\n", t1 - t0);
  CHECK(t1 - t0 < 3.0);
  CHECK_STR(all_warnings(&w), "");
  docs_free(&ds);
  free(j);
  free(big);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* }====================================================================== */

/* {====================================================================== .jsonl */

static const char jsonl_sample[] =
  "{\"text\": \"Caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\\nline2\", \"id\": 7, \"ok\": true, \"no\": false, "
  "\"nil\": null, \"tags\": [\"a\", {\"b\": 1}], \"source\": \"VOA\"}\n"
  "\n"
  "{\"text\": \"bad\", }\n"
  "{\"id\": 3}\n"
  "[1, 2]\n"
  "{\"text\":\"a\\r\\nb\\rc\",\"title\":\"T\",\"date\":\"2001-01-01\"}\n"
  "   \n"
  "{\"text\":\"x\"} y\n";

static void test_jsonl(void) {
  char *dir = mkcorpus();
  warns w;
  warns_init(&w);
  puts_(dir, "d.jsonl", jsonl_sample);
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "d.jsonl", SRC_JSONL, &ds), 0);
  CHECK_INT(ds.n, 2);
  CHECK_STR(all_warnings(&w),
            "d.jsonl: line 3: invalid JSON at byte 16: expected a string key, line skipped\n"
            "d.jsonl: line 4: no text field (\"text\", \"body\" or \"content\"), line skipped\n"
            "d.jsonl: line 5: not a JSON object, line skipped\n"
            "d.jsonl: line 8: invalid JSON at byte 13: text after the object, line skipped\n");
  const src_doc *d = &ds.d[0];
  CHECK_STR(d->name, "d.jsonl#1");
  CHECK_INT(d->line, 1);
  CHECK_INT(d->byte_start, 0);
  CHECK_INT(d->byte_len, 136);
  CHECK_STR(d->text, "Caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\"\nline2");
  CHECK_INT(d->len, 20);
  CHECK_INT(d->flags, SRC_JSON);
  CHECK_STR(map_str(d), "(0,10)(5,19)(10,32)(12,35)(14,38)(15,40)");
  CHECK_STR(meta_str(d), "id=7|ok=true|no=false|tags=[\"a\", {\"b\": 1}]|source=VOA|lang=und");
  /* tokens to file bytes: Café, the emoji, q, line2 */
  static const uint64_t tok[][4] = { { 0, 5, 10, 19 }, { 6, 10, 20, 32 }, { 12, 13, 35, 36 }, { 15, 20, 40, 45 } };
  for (int i = 0; i < 4; i++) {
    CHECK_INT(src_to_orig(d, tok[i][0]), tok[i][2]);
    CHECK_INT(src_to_orig(d, tok[i][1]), tok[i][3]);
    CHECK_INT(src_to_text(d, tok[i][2]), tok[i][0]);
    CHECK_INT(src_to_text(d, tok[i][3]), tok[i][1]);
  }
  CHECK_MEM(jsonl_sample + d->byte_start + src_to_orig(d, 15), 5, "line2");
  CHECK_INT(src_to_text(d, 15), 5);       /* inside \u00e9: after the é */
  CHECK_INT(src_to_text(d, 0), 0);        /* before the string: its start */
  CHECK(roundtrips(d));
  d = &ds.d[1];
  CHECK_STR(d->name, "d.jsonl#6");
  CHECK_INT(d->line, 6);
  CHECK_INT(d->byte_start, 173);
  CHECK_INT(d->byte_len, 52);
  CHECK_STR(d->text, "a\nb\nc");
  CHECK_INT(d->flags, SRC_JSON | SRC_CRLF);
  CHECK_STR(map_str(d), "(0,9)(2,14)(4,17)");
  CHECK_STR(meta_str(d), "title=T|date=2001-01-01|date_from=document|lang=und");   /* fields as given: no title from the text */
  CHECK_MEM(jsonl_sample + d->byte_start + src_to_orig(d, 4), 1, "c");
  CHECK(roundtrips(d));
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* Half a surrogate pair (an emoji cut in two by an exporter) is U+FFFD; the document stays. */
static void test_jsonl_lone_surrogate(void) {
  static const char lines[] =
    "{\"text\": \"\\ud800 x\"}\n"
    "{\"text\": \"a\\ud83d\\u0041\"}\n"
    "{\"text\": \"a\\udc00\"}\n"
    "{\"text\": \"\\ud83d\\ude00\"}\n";
  char *dir = mkcorpus();
  put(dir, "s.jsonl", lines, sizeof lines - 1);
  warns w;
  warns_init(&w);
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load_all(c, &ds), 1);
  CHECK_INT(ds.n, 4);
  if (ds.n == 4) {
    CHECK_STR(ds.d[0].text, "\xEF\xBF\xBD x");
    CHECK_STR(ds.d[1].text, "a\xEF\xBF\xBD" "A");
    CHECK_STR(ds.d[2].text, "a\xEF\xBF\xBD");
    CHECK_STR(ds.d[3].text, "\xF0\x9F\x98\x80");
  }
  CHECK_STR(all_warnings(&w), "");
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* Lines that are not what they should be: each warned once, exactly, and the others load. */
static void test_jsonl_errors(void) {
  static const struct { const char *line, *warning; } cases[] = {
    { "{\"text\": \"a\\u0000b\"}", "invalid JSON at byte 11: \\u0000 in a string" },
    { "{\"text\": \"a\\qb\"}", "invalid JSON at byte 11: bad escape" },
    { "{\"text\": \"\\u00\"}", "invalid JSON at byte 10: bad \\u escape" },
    { "{\"text\": \"a\tb\"}", "invalid JSON at byte 11: control character in a string" },
    { "{\"text\": \"abc", "invalid JSON at byte 9: unterminated string" },
    { "{\"text\": 12}", "field \"text\" is not a string" },
    { "{\"text\": null}", "field \"text\" is not a string" },
    { "{\"text\": \"a\", \"n\": 01}", "invalid JSON at byte 20: expected ',' or '}'" },
    { "{\"text\": \"a\", \"n\": -}", "invalid JSON at byte 19: invalid number" },
    { "{\"text\": \"a\", \"n\": 1.}", "invalid JSON at byte 19: invalid number" },
    { "{\"text\": \"a\", \"x\": tru}", "invalid JSON at byte 19: invalid value" },
    { "{\"text\": \"a\" \"b\"}", "invalid JSON at byte 13: expected ',' or '}'" },
    { "{\"text\" \"a\"}", "invalid JSON at byte 8: expected ':'" },
    { "{\"text\": \"a\", \"l\": [1 2]}", "invalid JSON at byte 22: expected ',' or ']'" },
    { "{\"text\": \"a\"", "invalid JSON at byte 12: expected ',' or '}'" },
    { "{}", "no text field (\"text\", \"body\" or \"content\")" },
    { "\"just a string\"", "not a JSON object" },
    { "xyz", "invalid JSON at byte 0: expected a value" },
  };
  size_t nc = sizeof cases / sizeof *cases;
  char *dir = mkcorpus(), file[8192], want[8192];
  size_t k = 0, wk = 0;
  for (size_t i = 0; i < nc; i++) {
    k += (size_t)snprintf(file + k, sizeof file - k, "%s\n{\"text\": \"ok %zu\"}\n", cases[i].line, i);
    wk += (size_t)snprintf(want + wk, sizeof want - wk, "e.jsonl: line %zu: %s, line skipped\n", 2 * i + 1,
                           cases[i].warning);
  }
  /* nesting past the limit */
  k += (size_t)snprintf(file + k, sizeof file - k, "{\"text\": \"a\", \"deep\": ");
  for (int i = 0; i < 300; i++) file[k++] = '[';
  for (int i = 0; i < 300; i++) file[k++] = ']';
  k += (size_t)snprintf(file + k, sizeof file - k, "}\n");
  wk += (size_t)snprintf(want + wk, sizeof want - wk,
                         "e.jsonl: line %zu: invalid JSON at byte %d: nested too deep, line skipped\n", 2 * nc + 1,
                         22 + 256);
  /* what is right: a repeated key (the first counts), escapes in keys, empty strings, numbers */
  k += (size_t)snprintf(file + k, sizeof file - k,
                        "{\"text\": \"first\", \"text\": \"second\", \"k\\u00e9y\": \"\", \"n\": -1.5e+3, \"\": 1}\n");
  put(dir, "e.jsonl", file, k);
  warns w;
  warns_init(&w);
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "e.jsonl", SRC_JSONL, &ds), 0);
  CHECK_STR(all_warnings(&w), want);
  CHECK_INT(ds.n, (int)nc + 1);
  char name[64], text[64];
  for (size_t i = 0; i < nc && (int)i < ds.n; i++) {
    snprintf(name, sizeof name, "e.jsonl#%zu", 2 * i + 2);
    snprintf(text, sizeof text, "ok %zu", i);
    CHECK_STR(ds.d[i].name, name);
    CHECK_STR(ds.d[i].text, text);
  }
  if (ds.n == (int)nc + 1) {
    CHECK_STR(ds.d[nc].text, "first");
    CHECK_STR(meta_str(&ds.d[nc]), "k\xC3\xA9y=|n=-1.5e+3|lang=und");
  }
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* A BOM before the first line, CR LF line ends, and a line in Windows-1252. */
static void test_jsonl_bytes(void) {
  static const char file[] = "\xEF\xBB\xBF{\"text\":\"a\"}\r\n{\"text\":\"caf\xe9\",\"who\":\"Jos\xe9\"}\r\n";
  char *dir = mkcorpus();
  put(dir, "b.jsonl", file, sizeof file - 1);
  warns w;
  warns_init(&w);
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "b.jsonl", SRC_JSONL, &ds), 0);
  CHECK_INT(ds.n, 2);
  CHECK_INT(ds.d[0].byte_start, 3);
  CHECK_INT(ds.d[0].byte_len, 12);
  CHECK_STR(map_str(&ds.d[0]), "(0,9)");
  CHECK_INT(ds.d[1].byte_start, 17);
  CHECK_INT(ds.d[1].byte_len, 28);
  CHECK_STR(ds.d[1].text, "caf\xC3\xA9");
  CHECK_INT(ds.d[1].flags, SRC_JSON | SRC_CP1252);
  CHECK_STR(map_str(&ds.d[1]), "(0,9)(5,13)");
  CHECK_INT(src_to_orig(&ds.d[1], 5), 13);
  CHECK_STR(meta_str(&ds.d[1]), "who=Jos\xC3\xA9|lang=und");
  CHECK_STR(all_warnings(&w), "b.jsonl: line 2: not valid UTF-8 (byte 12): decoded as Windows-1252\n");
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* }====================================================================== */

/* {====================================================================== the sidecar */

static void test_sidecar_tsv(void) {
  char *dir = mkcorpus();
  warns w;
  warns_init(&w);
  puts_(dir, "a.txt", "Text Title\n\nBody of a.\n");
  puts_(dir, "b.txt", "B Title\n\nBody of b.\n");
  puts_(dir, "data.jsonl", "{\"text\":\"one\",\"source\":\"json\"}\n{\"text\":\"two\",\"title\":\"Json Title\"}\n");
  puts_(dir, "metadata.tsv",
        "file\ttitle\tsource\tyear\n"
        "a.txt\tSidecar Title\tVOA\t2002\n"
        "b.txt\t\tAP\t\n"
        "data.jsonl#2\t \tX\t1999\n"
        "missing.txt\tx\ty\tz\n"
        "a.txt\tdup\t\t\n"
        "c.txt\tonly two\n"
        "./data.jsonl#9\tnine\tn\t9\n");
  src_ctx *c = open_dir(dir, &w);
  CHECK_STR(all_warnings(&w),
            "metadata.tsv: line 7: 2 fields where the header has 4, row skipped\n"
            "metadata.tsv: line 6: \"a.txt\" is already described on line 2, row skipped\n");
  warns_clear(&w);
  docs ds = { .n = 0 };
  CHECK_INT(load_all(c, &ds), 3);
  CHECK_STR(all_warnings(&w), "metadata.tsv: line 5: no document \"missing.txt\" in the corpus, row unused\n");
  warns_clear(&w);
  CHECK_STR(meta_str(doc_named(&ds, "a.txt")), "title=Sidecar Title|source=VOA|year=2002|lang=und");
  CHECK_STR(meta_str(doc_named(&ds, "b.txt")), "title=B Title|source=AP|lang=und");
  CHECK_STR(meta_str(doc_named(&ds, "data.jsonl#1")), "source=json|lang=und");
  CHECK_STR(meta_str(doc_named(&ds, "data.jsonl#2")), "title=Json Title|source=X|year=1999|lang=und");
  CHECK_INT(src_sidecar_unused(c), 2);
  CHECK_STR(all_warnings(&w), "metadata.tsv: line 8: no document \"data.jsonl#9\" in the corpus, row unused\n");
  CHECK_INT(src_sidecar_unused(c), 2);     /* said once */
  CHECK_INT(w.n, 1);
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

static void test_sidecar_csv(void) {
  char *dir = mkcorpus();
  warns w;
  warns_init(&w);
  puts_(dir, "a.txt", "Text Title\n\nBody of a.\n");
  puts_(dir, "b.txt", "Body only.\n");
  puts_(dir, "metadata.csv",
        "file,title,note\r\n"
        "a.txt,\"Hello, World\",\"He said \"\"hi\"\"\r\nand left\"\r\n"
        "b.txt,Plain,  spaced  \r\n"
        "\"c.txt\",x\r\n"
        ",empty,file\r\n"
        "\r\n"
        "\"d.txt,broken\n");
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load_all(c, &ds), 2);
  CHECK_STR(all_warnings(&w),
            "metadata.csv: line 5: 2 fields where the header has 3, row skipped\n"
            "metadata.csv: line 6: no file named, row skipped\n"
            "metadata.csv: line 8: a quoted field is never closed, row skipped\n");
  CHECK_STR(meta_str(doc_named(&ds, "a.txt")), "title=Hello, World|note=He said \"hi\"\nand left|lang=und");
  CHECK_STR(meta_str(doc_named(&ds, "b.txt")), "title=Plain|note=spaced|lang=und");
  docs_free(&ds);
  src_close(c);
  warns_clear(&w);
  /* metadata.tsv wins over metadata.csv; a header without a file column is no sidecar */
  puts_(dir, "metadata.tsv", "name\ttitle\na.txt\tIgnored\n");
  c = open_dir(dir, &w);
  CHECK_INT(load_all(c, &ds), 2);
  CHECK_STR(all_warnings(&w), "metadata.csv: ignored: metadata.tsv is read instead\n"
                              "metadata.tsv: line 1: no \"file\" column, the sidecar is ignored\n");
  CHECK_STR(meta_str(doc_named(&ds, "a.txt")), "title=Text Title|lang=und");
  CHECK_INT(src_sidecar_unused(c), 0);
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* }====================================================================== */

/* {====================================================================== titles and dates */

static void test_seed_meta(void) {
  static const struct { const char *name, *meta, *boiler; } want[] = {
    { "000_e46888d005b16152.txt", "title=President Bush Discusses Iraq with Russian Officials|date=2002-09-20|date_from=text|lang=en",
      "[0,19)[21,34)" },
    { "001_0b1a02bd6284fa36.txt",
      "title=Pres. Bush and Russia\xE2\x80\x99s Putin Discuss Iraq As Security Council Meets|lang=en", "[0,46)" },
    { "002_378a0fa01cf8e0c6.txt", "lang=en", "[3908,3922)[3924,3943)[3945,4000)" },
    { "003_b732a128a37d961c.txt", "title=Russian, Iraqi Foreign Ministers Meet in Moscow|date=2004-07-24|date_from=text|lang=en",
      "[0,19)[21,34)" },
    { "004_3bf8bdfe55aae150.txt",
      "title=Record of a Conversation between M. S. Gorbachev and President of the US George Bush in Paris"
      "|date=1990-11-19|date_from=text|lang=en", "" },
  };
  /* the seeds alone, without corpus/metadata.tsv, so that what is read is the text's own */
  char *dir = mkcorpus();
  for (int i = 0; i < 5; i++) {
    char path[256];
    snprintf(path, sizeof path, SEEDS "/%s", seed_names[i]);
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f) continue;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    put(dir, seed_names[i], buf, n);
  }
  warns w;
  warns_init(&w);
  src_ctx *c = open_dir(dir, &w);
  CHECK(c != NULL);
  if (!c) { rmtree(dir); free(dir); return; }
  docs ds = { .n = 0 };
  CHECK_INT(load_all(c, &ds), 5);
  for (int i = 0; i < 5 && i < ds.n; i++) {
    CHECK_STR(ds.d[i].name, want[i].name);
    CHECK_STR(meta_str(&ds.d[i]), want[i].meta);
    CHECK_STR(boiler_str(&ds.d[i]), want[i].boiler);
    CHECK_INT(ds.d[i].nmap, 0);
  }
  if (ds.n == 5) {
    CHECK_MEM(ds.d[2].text + 3924, 19, "Advice from Baghdad");
    CHECK_MEM(ds.d[1].text + 0, 46, "What do you think? Leave a respectful comment.");
  }
  CHECK_STR(all_warnings(&w), "");
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

static void test_text_meta(void) {
  static const struct { const char *file, *text, *meta; } cases[] = {
    { "md1.md", "# Heading Here\n\nBody text.\n", "title=Heading Here|lang=und" },
    { "md2.md", "Intro line\n\n## Closed Heading ##\n\nBody.\n", "title=Closed Heading|lang=und" },
    { "md3.md", "My Title\n========\n\nBody.\n", "title=My Title|lang=und" },
    { "md4.md", "# Talks - 2003-02-27\n\nBody.\n", "title=Talks|date=2003-02-27|date_from=text|lang=und" },
    { "md5.md", "#hashtag is no heading\n\nBody.\n", "title=#hashtag is no heading|lang=und" },
    { "d01.txt", "Nov. 19, 1990\n\nSome Title\n\nBody.\n", "title=Some Title|date=1990-11-19|date_from=text|lang=und" },
    { "d02.txt", "19 November 1990\n\nBody text.\n", "date=1990-11-19|date_from=text|lang=und" },
    { "d03.txt", "Sept. 20, 2002\n\nBody text.\n", "date=2002-09-20|date_from=text|lang=und" },
    { "d04.txt", "2002-02-30\n\nBody text goes here.\n", "lang=und" },
    { "d05.txt", "Summit Ends - 2002-02-30\n\nBody.\n", "title=Summit Ends|lang=und" },
    { "d06.txt", "Leap - 2004-02-29\n\nBody.\n", "title=Leap|date=2004-02-29|date_from=text|lang=und" },
    { "d07.txt", "No Leap - 1900-02-29\n\nBody.\n", "title=No Leap|lang=und" },
    { "d08.txt", "MOSCOW, July 24, 2004\n\nBody text.\n", "date=2004-07-24|date_from=text|lang=und" },
    { "d09.txt", "Date: 19th November 1990\n\nA Title\n\nBody.\n", "title=A Title|date=1990-11-19|date_from=text|lang=und" },
    { "d10.txt", "June 31, 2001\n\nBody.\n", "lang=und" },
    { "d11.txt", "Talks | May 5, 2001\n\nBody.\n", "title=Talks|date=2001-05-05|date_from=text|lang=und" },
    { "d12.txt", "Talks \xE2\x80\x94 5 May 2001\n\nBody.\n", "title=Talks|date=2001-05-05|date_from=text|lang=und" },
    { "d13.txt", "november 19 1990\n\nBody.\n", "date=1990-11-19|date_from=text|lang=und" },
    { "t01.txt", "Talks With the U.S.\n\nBody.\n", "title=Talks With the U.S.|lang=en" },
    { "t02.txt", "This is a sentence.\n\nBody.\n", "lang=und" },
    { "t03.txt", "Title\nBody continues right away.\n", "lang=und" },
    { "t04.txt", "Citation:\n\nBody.\n", "lang=und" },
    { "t05.txt", "A first paragraph that runs on, as the first lines of a story do.\n\n"
                 "In April, 2001, Iraqi Vice President Taha Yasin Ramadan met with Putin.\n\n"
                 "April 5, 2001\n\nMore.\n", "date=2001-04-05|date_from=text|lang=en" },
    { "t06.txt", "Breaking News\n\nReal Title\n\nBody.\n", "title=Real Title|lang=und" },
    { "t07.txt", "  Spaced Title  \n\nBody.\n", "title=Spaced Title|lang=und" },
    { "t08.txt", "Only a title\n", "lang=und" },
    { "t09.txt", "Meeting With Gen.\n\nBody.\n", "title=Meeting With Gen.|lang=und" },
  };
  char *dir = mkcorpus();
  size_t nc = sizeof cases / sizeof *cases;
  for (size_t i = 0; i < nc; i++) puts_(dir, cases[i].file, cases[i].text);
  /* a date deep in the text is not the document's */
  char late[4096];
  size_t k = 0;
  for (int i = 0; i < 9; i++) k += (size_t)snprintf(late + k, sizeof late - k, "Paragraph %d.\n\n", i);
  snprintf(late + k, sizeof late - k, "November 19, 1990\n");
  puts_(dir, "late.txt", late);
  warns w;
  warns_init(&w);
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load_all(c, &ds), nc + 1);
  for (size_t i = 0; i < nc; i++) {
    const src_doc *d = doc_named(&ds, cases[i].file);
    ct_current = cases[i].file;
    CHECK_STR(meta_str(d), cases[i].meta);
  }
  ct_current = "test_text_meta";
  CHECK_STR(meta_str(doc_named(&ds, "late.txt")), "lang=und");
  CHECK_STR(all_warnings(&w), "");
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* }====================================================================== */

/* {====================================================================== boilerplate */

static void test_boiler_rules(void) {
  char *dir = mkcorpus();
  puts_(dir, "boilerplate.lst",
        "# our site's chrome\n"
        "Custom Exact Line\n"
        "prefix:Filed under\n"
        "re:^photo: .*credit$\n"
        "!Breaking News\n"
        "!Not A Rule\n"
        "re:([unclosed\n"
        "prefix:   \n"
        "\n"
        "  # an indented comment\n");
  static const char text[] =
    "Breaking News\n"                 /* 0: no longer a rule */
    "  custom exact LINE \n"          /* 14 */
    "Custom exact line, and more\n"   /* 35 */
    "Filed under: Politics\n"         /* 63 */
    "Photo: Jane Roe / CREDIT\n"      /* 85 */
    "Accessibility links\n"           /* 110: a default still */
    "Related stories:\n"              /* 130 */
    "\n"
    "Some Headline\n"                 /* 148: what the label labels */
    "\n"
    "Read more:\n"                    /* 163 */
    "This one is a sentence and ends with a period.\n"    /* 174: not a headline */
    "Related story: Advice from Baghdad\n"                /* 221 */
    "Next Line Stays\n"               /* 256 */
    "ADVERTISEMENT";                  /* 272 */
  puts_(dir, "page.txt", text);
  warns w;
  warns_init(&w);
  src_ctx *c = open_dir(dir, &w);
  CHECK_STR(all_warnings(&w),
            "boilerplate.lst: line 6: no rule \"Not A Rule\" to remove, ignored\n"
            "boilerplate.lst: line 7: bad regular expression (missing terminating ] for character class at "
            "offset 10), rule ignored\n"
            "boilerplate.lst: line 8: empty rule, ignored\n");
  docs ds = { .n = 0 };
  CHECK_INT(load(c, "page.txt", SRC_TXT, &ds), 0);
  const src_doc *d = &ds.d[0];
  CHECK_STR(boiler_str(d), "[14,34)[63,84)[85,109)[110,129)[130,146)[148,161)[163,173)[221,255)[272,285)");
  CHECK_MEM(d->text + 148, 13, "Some Headline");
  CHECK_MEM(d->text + 272, 13, "ADVERTISEMENT");
  CHECK_STR(meta_str(d), "lang=en");   /* "Breaking News" is the first line, but no title */
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* }====================================================================== */

/* {====================================================================== rereading */

static int same_doc(const src_doc *a, const src_doc *b) {
  if (strcmp(a->name, b->name) || a->line != b->line || a->byte_start != b->byte_start ||
      a->byte_len != b->byte_len || a->len != b->len || memcmp(a->text, b->text, a->len) ||
      a->nmap != b->nmap || a->nboiler != b->nboiler || a->nmeta != b->nmeta || a->flags != b->flags)
    return 0;
  if (a->nmap && memcmp(a->map, b->map, 2 * a->nmap * sizeof *a->map)) return 0;
  if (a->nboiler && memcmp(a->boiler, b->boiler, 2 * a->nboiler * sizeof *a->boiler)) return 0;
  for (size_t i = 0; i < a->nmeta; i++)
    if (strcmp(a->meta[i].key, b->meta[i].key) || strcmp(a->meta[i].value, b->meta[i].value)) return 0;
  return 1;
}

static void test_read_doc(void) {
  char *dir = mkcorpus(), err[256];
  puts_(dir, "w.txt", "Accessibility links\r\n\r\n\x93Title\x94\r\n\r\nBody - caf\xe9.\r\n");
  puts_(dir, "d.jsonl", jsonl_sample);
  puts_(dir, "metadata.tsv", "file\tsource\nw.txt\tWeb\nd.jsonl#6\tSix\n");
  warns w;
  warns_init(&w);
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load_all(c, &ds), 2);
  CHECK_INT(ds.n, 3);
  CHECK_STR(meta_str(doc_named(&ds, "w.txt")), "title=\xE2\x80\x9CTitle\xE2\x80\x9D|source=Web|lang=und");
  CHECK_STR(boiler_str(doc_named(&ds, "w.txt")), "[0,19)");
  warns_clear(&w);
  for (int i = 0; i < ds.n; i++) {
    const src_doc *a = &ds.d[i];
    src_doc b;
    const char *path = a->line ? "d.jsonl" : "w.txt";
    CHECK_INT(src_read_doc(c, path, a->line, a->byte_start, a->byte_len, &b, err, sizeof err), 0);
    CHECK(same_doc(a, &b));
    src_doc_free(&b);
  }
  CHECK_INT(w.n, 0);                      /* said when indexed, not again */
  /* changes are noticed */
  src_doc b;
  const src_doc *a = doc_named(&ds, "w.txt");
  puts_(dir, "w.txt", "shorter");
  CHECK_INT(src_read_doc(c, "w.txt", 0, 0, a->byte_len, &b, err, sizeof err), -1);
  CHECK_STR(err, "w.txt: changed since it was indexed (7 bytes, was 48)");
  CHECK(b.text == NULL);
  a = doc_named(&ds, "d.jsonl#6");
  CHECK_INT(src_read_doc(c, "d.jsonl", 6, a->byte_start + 1, a->byte_len, &b, err, sizeof err), -1);
  CHECK_STR(err, "d.jsonl#6: changed since it was indexed");
  CHECK_INT(src_read_doc(c, "d.jsonl", 6, a->byte_start, a->byte_len + 400, &b, err, sizeof err), -1);
  CHECK_STR(err, "d.jsonl#6: changed since it was indexed");
  puts_(dir, "d.jsonl", "{\"text\": \"x\"}\n");
  CHECK_INT(src_read_doc(c, "d.jsonl", 1, 0, 13, &b, err, sizeof err), 0);
  CHECK_STR(b.text, "x");
  src_doc_free(&b);
  CHECK_INT(src_read_doc(c, "gone.txt", 0, 0, 5, &b, err, sizeof err), -1);
  CHECK_STR(err, "gone.txt: cannot open (No such file or directory)");
  CHECK_INT(w.n, 0);
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* }====================================================================== */

/* {====================================================================== threads */

typedef struct job {
  src_ctx *c;
  const char *path;
  int kind;
  const char *text, *meta, *boiler;
  int rounds, bad;
} job;

static int check_doc(void *ud, src_doc *d) {
  job *j = ud;
  if (strcmp(d->text, j->text) || strcmp(meta_str(d), j->meta) || strcmp(boiler_str(d), j->boiler)) j->bad++;
  src_doc_free(d);
  return 0;
}

/* meta_str and boiler_str use static buffers: one thread at a time may call them */
static pthread_mutex_t str_lock = PTHREAD_MUTEX_INITIALIZER;

static int check_doc_locked(void *ud, src_doc *d) {
  pthread_mutex_lock(&str_lock);
  int r = check_doc(ud, d);
  pthread_mutex_unlock(&str_lock);
  return r;
}

static void *run_job(void *p) {
  job *j = p;
  src_file f = { (char *)j->path, (uint8_t)j->kind, 0, 0 };
  for (int i = 0; i < j->rounds; i++)
    if (src_load(j->c, &f, check_doc_locked, j) != 0) j->bad++;
  return NULL;
}

static void test_threads(void) {
  char *dir = mkcorpus();
  puts_(dir, "boilerplate.lst", "re:^ad:\n");
  puts_(dir, "a.txt", "Ad: buy now\n\nFirst Title\n\nText with caf\xe9 in it.\n");
  puts_(dir, "b.jsonl", "{\"text\":\"Breaking News\\nline\",\"k\":\"v\"}\n");
  puts_(dir, "metadata.tsv", "file\tsource\na.txt\tA\nb.jsonl#1\tB\n");
  warns w;
  warns_init(&w);
  src_ctx *c = open_dir(dir, &w);
  job jobs[2] = {
    { c, "a.txt", SRC_TXT, "Ad: buy now\n\nFirst Title\n\nText with caf\xC3\xA9 in it.\n",
      "title=First Title|source=A|lang=en", "[0,11)", 300, 0 },
    { c, "b.jsonl", SRC_JSONL, "Breaking News\nline", "k=v|source=B|lang=und", "[0,13)", 300, 0 },
  };
  pthread_t t[2];
  for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, run_job, &jobs[i]);
  for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
  CHECK_INT(jobs[0].bad, 0);
  CHECK_INT(jobs[1].bad, 0);
  CHECK_INT(w.n, 300);                    /* a.txt is not UTF-8: said on every load */
  CHECK_STR(w.w[0], "a.txt: not valid UTF-8 (byte offset 39): decoded as Windows-1252");
  CHECK_INT(src_sidecar_unused(c), 0);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* }====================================================================== */

/* A callback that stops the load: src_load says so. */
static int stop_doc(void *ud, src_doc *d) {
  (*(int *)ud)++;
  src_doc_free(d);
  return 1;
}

static void test_callback_stops(void) {
  char *dir = mkcorpus();
  puts_(dir, "s.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n");
  warns w;
  warns_init(&w);
  src_ctx *c = open_dir(dir, &w);
  int calls = 0;
  src_file f = { "s.jsonl", SRC_JSONL, 0, 0 };
  CHECK_INT(src_load(c, &f, stop_doc, &calls), -1);
  CHECK_INT(calls, 1);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* {====================================================================== languages */

/* The detector on real sentences, each script, and texts too short to tell. */
static void test_detect_lang(void) {
  static const struct { const char *text, *want; } t[] = {
    {"L\xE2\x80\x99ONU a adopt\xC3\xA9 la r\xC3\xA9solution d'urgence.", "fr"},
    {"Il Consiglio di sicurezza dell'ONU ha approvato la risoluzione all'unanimit\xC3\xA0.", "it"},
    {"The Security Council adopted the resolution on Iraq, which O'Brien said was rock n' roll.", "en"},
    {"Der Sicherheitsrat der Vereinten Nationen hat die Resolution einstimmig angenommen.", "de"},
    {"El Consejo de Seguridad de las Naciones Unidas aprob\xC3\xB3 la resoluci\xC3\xB3n por unanimidad.", "es"},
    {"O Conselho de Seguran\xC3\xA7" "a das Na\xC3\xA7\xC3\xB5" "es Unidas aprovou a resolu\xC3\xA7\xC3\xA3o por unanimidade.", "pt"},
    {"De Veiligheidsraad van de Verenigde Naties heeft de resolutie met algemene stemmen aangenomen.", "nl"},
    {"Совет Безопасности ООН единогласно принял резолюцию по Ираку.", "ru"},
    {"Рада Безпеки ООН одноголосно ухвалила резолюцію щодо Іраку.", "uk"},
    {"Съветът за сигурност на ООН прие резолюцията, която е важна.", "bg"},
    {"联合国安理会通过了第1441号决议。", "zh"},
    {"国連安全保障理事会は決議を採択した。", "ja"},
    {"유엔 안전보장이사회는 결의안을 채택했다.", "ko"},
    {"คณะมนตรีความมั่นคงแห่งสหประชาชาติ", "th"},
    {"مجلس الأمن الدولي يتبنى القرار", "ar"},
    {"شورای امنیت سازمان ملل قطعنامه را تصویب کرد", "fa"},
    {"Συμβούλιο Ασφαλείας των Ηνωμένων Εθνών", "el"},
    {"מועצת הביטחון של האומות המאוחדות", "he"},
    {"संयुक्त राष्ट्र सुरक्षा परिषद", "hi"},
    /* too short, or nothing to vote with */
    {"", "und"}, {"Hello", "und"}, {"Iraq 1441", "und"}, {"联合国", "und"}, {"Москва", "und"},
    {"Saddam Hussein Kofi Annan Vladimir Putin", "und"},
  };
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    ct_current = t[i].text;
    CHECK_STR(src_detect_lang(t[i].text, strlen(t[i].text)), t[i].want);
  }
  ct_current = "test_detect_lang";
}

/* A language given by the sidecar or a .jsonl field is kept, detection or not; else it is
** detected, and src_doc_lang says it. */
static void test_doc_lang(void) {
  char *dir = mkcorpus();
  puts_(dir, "a.txt", "Le Conseil de s\xC3\xA9" "curit\xC3\xA9 a adopt\xC3\xA9 la r\xC3\xA9solution qui "
                      "est pour la paix, et elle ne sera pas la derni\xC3\xA8re.\n");
  puts_(dir, "b.txt", "The council adopted the resolution on Iraq.\n");
  puts_(dir, "c.jsonl", "{\"text\":\"The council adopted the resolution.\",\"lang\":\"fr-CA\"}\n"
                        "{\"text\":\"\xE8\x81\x94\xE5\x90\x88\xE5\x9B\xBD\xE5\xAE\x89\xE7\x90\x86\xE4\xBC\x9A\xE9\x80\x9A\xE8\xBF\x87\"}\n");
  puts_(dir, "metadata.tsv", "file\tlang\nb.txt\tde\n");
  warns w;
  warns_init(&w);
  src_ctx *c = open_dir(dir, &w);
  docs ds = { .n = 0 };
  CHECK_INT(load_all(c, &ds), 3);                   /* files */
  CHECK_STR(all_warnings(&w), "");
  CHECK_STR(meta_str(doc_named(&ds, "a.txt")), "lang=fr");
  CHECK_STR(meta_str(doc_named(&ds, "b.txt")), "lang=de");            /* the sidecar's word */
  CHECK_STR(meta_str(doc_named(&ds, "c.jsonl#1")), "lang=fr-CA");     /* the field's */
  CHECK_STR(meta_str(doc_named(&ds, "c.jsonl#2")), "lang=zh");
  const src_doc *a = doc_named(&ds, "a.txt");
  if (a) CHECK_STR(src_doc_lang(a), "fr");
  src_doc none;
  memset(&none, 0, sizeof none);
  CHECK_STR(src_doc_lang(&none), "und");
  CHECK_STR(all_warnings(&w), "");
  docs_free(&ds);
  src_close(c);
  warns_done(&w);
  rmtree(dir);
  free(dir);
}

/* }====================================================================== */

int main(void) {
  RUN(test_utf8_valid);
  RUN(test_scan_sorted);
  RUN(test_scan_symlinks);
  RUN(test_unreadable);
  RUN(test_root_file);
  RUN(test_empty_file);
  RUN(test_binary);
  RUN(test_bom);
  RUN(test_crlf);
  RUN(test_cp1252);
  RUN(test_big_line);
  RUN(test_jsonl);
  RUN(test_detect_lang);
  RUN(test_doc_lang);
  RUN(test_jsonl_errors);
  RUN(test_jsonl_lone_surrogate);
  RUN(test_jsonl_bytes);
  RUN(test_sidecar_tsv);
  RUN(test_sidecar_csv);
  RUN(test_seed_meta);
  RUN(test_text_meta);
  RUN(test_boiler_rules);
  RUN(test_read_doc);
  RUN(test_threads);
  RUN(test_callback_stops);
  return ct_summary();
}
