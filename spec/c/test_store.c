/*
** test_store.c: the on-disk index. A stored index reads back as the index that was written; the
** file is the same byte for byte whatever the thread count; an incremental build (files changed,
** added, removed, touched) gives the same file as a build from scratch, and copies what did not
** change; a damaged, truncated, foreign, outdated or other-endian file is refused with a message
** that says so and is built again by lector_open; a build killed midway leaves the old index whole;
** a corpus folder that cannot hold .lector/ has its index in the cache.
*/
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ctest.h"
#include "fake_annotator.h"
#include "corpus/corpus.h"
#include "store/store.h"

static char dir[64], tmpdir[64];

static void put(const char *name, const char *text) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  fputs(text, f);
  fclose(f);
}

/* Two index files hold the same index: equal but for the build time in the header (bytes 48-55). */
static int same_index(const char *a, const char *b) {
  size_t na, nb;
  char *x = ct_slurp(a, &na), *y = ct_slurp(b, &nb);
  int same = x && y && na == nb && na > 64 && memcmp(x, y, 48) == 0 && memcmp(x + 56, y + 56, na - 56) == 0;
  free(x);
  free(y);
  return same;
}

static void copy_file(const char *from, const char *to) {
  size_t n;
  char *s = ct_slurp(from, &n);
  FILE *f = fopen(to, "wb");
  if (s && f) fwrite(s, 1, n, f);
  if (f) fclose(f);
  free(s);
}

static void patch(const char *path, long off, const void *bytes, size_t n) {
  int fd = open(path, O_WRONLY);
  if (pwrite(fd, bytes, n, off) != (ssize_t)n) perror("pwrite");
  close(fd);
}

/* The documents of the test corpus: compounds (parts), paragraphs, a transcript with turns, a
** boilerplate line, a .jsonl with two documents, a file in Windows-1252 (a warning), a binary
** file (skipped, a warning) and a sidecar. */
static void make_corpus(void) {
  snprintf(dir, sizeof dir, "/tmp/lector-test-store.XXXXXX");
  snprintf(tmpdir, sizeof tmpdir, "/tmp/lector-test-store-out.XXXXXX");
  if (!mkdtemp(dir) || !mkdtemp(tmpdir)) { perror("mkdtemp"); exit(2); }
  char name[128], text[2048];
  for (int i = 0; i < 12; i++) {
    snprintf(name, sizeof name, "a%02d.txt", i);
    snprintf(text, sizeof text, "Title %d\n\nThe U.S.-led coalition met Iran-Iraq envoys on day %d.\n"
             "Advertisement\nThe Security Council voted; Russia said no %d times.\n", i, i, i * 7);
    put(name, text);
  }
  put("talk.txt", "G. Bush. We want a resolution.\n\nM. S. Gorbachev. We are not prepared to send troops.\n\n"
                  "G. Bush. Then we wait.\n\nM. S. Gorbachev. Good.\n");
  put("lines.jsonl", "{\"text\": \"First line document about Moscow.\", \"date\": \"2003-01-02\"}\n"
                     "{\"text\": \"Second line, about Baghdad.\"}\n");
  put("cp.txt", "Caf\xe9 society in Paris \x93quoted\x94 here.\n");
  snprintf(name, sizeof name, "%s/bin.txt", dir);
  FILE *f = fopen(name, "wb");
  fwrite("binary\0file", 1, 11, f);
  fclose(f);
  put("metadata.tsv", "file\tsource\na01.txt\tVOA\nlines.jsonl#2\tAP\n");
}

typedef struct warnings { char text[4096]; size_t n; int count; } warnings;

static void on_warn(void *ud, const char *file, const char *msg) {
  warnings *w = ud;
  w->n += (size_t)snprintf(w->text + w->n, sizeof w->text - w->n, "%s: %s\n", file, msg);
  if (w->n >= sizeof w->text) w->n = sizeof w->text - 1;
  w->count++;
}

static lector_corpus *open_corpus(int rebuild, int threads, warnings *w) {
  lector_options o;
  lector_options_init(&o);
  o.rebuild = rebuild;
  o.threads = threads;
  o.warn = on_warn;
  o.warn_ud = w;
  memset(w, 0, sizeof *w);
  char err[256];
  lector_corpus *c = NULL;
  if (lector_open(dir, &o, &c, err, sizeof err)) fprintf(stderr, "lector_open: %s\n", err);
  return c;
}

static char index_path[256];

static int64_t count(lector_corpus *c, const char *word) {
  char err[128];
  lector_scope sc;
  memset(&sc, 0, sizeof sc);
  return lector_search(c, word, strlen(word), &sc, NULL, err, sizeof err);
}

static void test_roundtrip(void) {
  warnings w;
  snprintf(index_path, sizeof index_path, "%s/.lector/index", dir);
  lector_corpus *c = open_corpus(1, 1, &w);
  lector_info in;
  lector_get_info(c, &in);
  CHECK(!in.from_store);
  CHECK_STR(in.store_path, index_path);
  CHECK_INT(w.count, 2);                              /* cp.txt decoded, bin.txt skipped */
  lector_corpus *d = open_corpus(0, 1, &w);
  lector_get_info(d, &in);
  CHECK(in.from_store);
  CHECK_INT(w.count, 2);                              /* the stored warnings, said again */
  CHECK(strstr(w.text, "bin.txt: binary file (NUL byte at offset 6), skipped") != NULL);
  const ix_index *a = c->ix, *b = d->ix;
  CHECK(b->map != NULL);
  CHECK_INT(a->ntypes, b->ntypes);
  CHECK_INT(a->ntokens, b->ntokens);
  CHECK(memcmp(a->forms, b->forms, a->form_off[a->ntypes]) == 0);
  CHECK(memcmp(a->tokens, b->tokens, a->ntokens * a->tok_width) == 0);
  CHECK(memcmp(a->post.data, b->post.data, a->post.off[a->ntypes]) == 0);
  CHECK(memcmp(a->part.count, b->part.count, a->ntypes * 4) == 0);
  CHECK(memcmp(a->docs, b->docs, a->ndocs * sizeof *a->docs) == 0);
  CHECK_INT(a->reg[IX_TURN].n, b->reg[IX_TURN].n);
  CHECK_INT(a->reg[IX_TURN].n, 4);
  CHECK_STR(ix_string(b, b->reg[IX_TURN].attr[1]), ix_string(a, a->reg[IX_TURN].attr[1]));
  CHECK_STR(lector_doc_meta(d, (uint32_t)lector_doc_find(d, "lines.jsonl#2"), "source"), "AP");
  CHECK_INT(lector_ndocs(d), lector_ndocs(c));
  lector_close(c);
  lector_close(d);
}

static void test_threads_same_file(void) {
  warnings w;
  char one[256];
  snprintf(one, sizeof one, "%s/one", tmpdir);
  lector_close(open_corpus(1, 1, &w));
  copy_file(index_path, one);
  lector_close(open_corpus(1, 4, &w));
  CHECK(same_index(one, index_path));
}

static int reused_count;
static void count_reused(void *ud, const char *path) { (void)ud; (void)path; __atomic_add_fetch(&reused_count, 1, __ATOMIC_SEQ_CST); }

static void test_incremental(void) {
  warnings w;
  char err[256], inc[256];
  lector_close(open_corpus(1, 2, &w));
  /* copy what did not change: check it with ix_build, which says which files it copied */
  ix_index *prev = NULL;
  st_extra ex;
  CHECK_INT(st_open(index_path, 1, &prev, &ex, err, sizeof err), 0);
  put("a03.txt", "A changed file: Putin and Bush.\n");        /* changed */
  put("a04.txt", "Longer now. The U.S.-led coalition met Iran-Iraq envoys. Twice over.\n");
  char path[256];
  snprintf(path, sizeof path, "%s/a05.txt", dir);
  unlink(path);                                                    /* removed */
  put("new.txt", "A new document about the U.N. and Iraq.\n");     /* added */
  snprintf(path, sizeof path, "%s/a06.txt", dir);
  struct timespec times[2] = { { 0, UTIME_OMIT }, { 1000000, 0 } };
  utimensat(AT_FDCWD, path, times, 0);                             /* touched: same bytes */
  src_ctx *src = src_open(dir, NULL, NULL, err, sizeof err);
  src_list files = {0};
  src_scan(src, &files);
  ix_build_opts o = { .threads = 2, .previous = prev, .reused = count_reused };
  ix_index *ix = NULL;
  reused_count = 0;
  CHECK_INT(ix_build(src, &files, &o, &ix, err, sizeof err), 0);
  /* 15 files before; a03, a04 changed, a05 gone, bin.txt skipped (read again): 11 copied */
  CHECK_INT(reused_count, 11);
  snprintf(inc, sizeof inc, "%s/inc", tmpdir);
  st_extra nx = { ex.context_hash, NULL, 0 };
  CHECK_INT(st_write(inc, ix, &nx, err, sizeof err), 0);
  ix_free(ix);
  o.previous = NULL;
  CHECK_INT(ix_build(src, &files, &o, &ix, err, sizeof err), 0);
  char scratch[256];
  snprintf(scratch, sizeof scratch, "%s/scratch", tmpdir);
  CHECK_INT(st_write(scratch, ix, &nx, err, sizeof err), 0);
  CHECK(same_index(inc, scratch));
  ix_free(ix);
  ix_free(prev);
  src_list_free(&files);
  src_close(src);

  /* and through lector_open: the stored index after an update equals a rebuild's */
  lector_corpus *c = open_corpus(0, 2, &w);
  lector_info in;
  lector_get_info(c, &in);
  CHECK(!in.from_store);
  CHECK_INT(count(c, "Putin"), 1);
  CHECK_INT(w.count, 2);                      /* cp.txt's warning, replayed; bin.txt's, read again */
  CHECK(strstr(w.text, "cp.txt: not valid UTF-8") != NULL);
  lector_close(c);
  copy_file(index_path, inc);
  lector_close(open_corpus(1, 1, &w));
  CHECK(same_index(inc, index_path));
  c = open_corpus(0, 2, &w);
  lector_get_info(c, &in);
  CHECK(in.from_store);
  lector_close(c);
}

/* st_open's verdict on the stored index after damage; the message in err. */
static int verdict(char *err, size_t errlen) {
  ix_index *ix = NULL;
  st_extra ex;
  int r = st_open(index_path, 0, &ix, &ex, err, errlen);
  ix_free(ix);
  return r;
}

static void fresh_index(void) {
  warnings w;
  lector_close(open_corpus(1, 1, &w));
}

static void test_damage(void) {
  char err[512], msg[600];
  size_t n;
  fresh_index();
  char *orig = ct_slurp(index_path, &n);
  CHECK_INT(verdict(err, sizeof err), 0);

  /* a byte of the token stream flipped: the file changed, so it is checked in full */
  uint64_t off = 0;
  for (int s = 0; s < 64; s++) {             /* the table: find the tokens section */
    char name[9] = {0};
    memcpy(name, orig + 64 + 32 * s, 8);
    if (strcmp(name, "tokens") == 0) { memcpy(&off, orig + 64 + 32 * s + 8, 8); break; }
  }
  CHECK(off > 0);
  char flipped = (char)(orig[off + 3] ^ 0x10);
  patch(index_path, (long)(off + 3), &flipped, 1);
  CHECK_INT(verdict(err, sizeof err), -1);
  snprintf(msg, sizeof msg, "%s: section tokens is damaged (checksum)", index_path);
  CHECK_STR(err, msg);
  /* lector_open says so, builds anew, and the answer is right */
  warnings w;
  lector_corpus *c = open_corpus(0, 1, &w);
  CHECK(strstr(w.text, "section tokens is damaged (checksum); building the index again") != NULL);
  CHECK_INT(count(c, "Council"), 9);        /* 12 files less a03, a04 (changed) and a05 (gone) */
  lector_close(c);
  CHECK_INT(verdict(err, sizeof err), 0);

  /* truncated */
  fresh_index();
  if (truncate(index_path, (off_t)(n / 2)) != 0) perror("truncate");
  CHECK_INT(verdict(err, sizeof err), -1);
  CHECK(strstr(err, "truncated or grown: ") != NULL);
  if (truncate(index_path, 10) != 0) perror("truncate");
  CHECK_INT(verdict(err, sizeof err), -1);
  CHECK(strstr(err, "truncated: 10 bytes, shorter than a header") != NULL);

  /* foreign */
  FILE *f = fopen(index_path, "wb");
  for (int i = 0; i < 200; i++) fputs("not an index at all\n", f);
  fclose(f);
  CHECK_INT(verdict(err, sizeof err), -1);
  snprintf(msg, sizeof msg, "%s: not a lector index", index_path);
  CHECK_STR(err, msg);

  /* another version, another byte order, a damaged table */
  fresh_index();
  uint32_t v = 99;
  patch(index_path, 8, &v, 4);
  CHECK_INT(verdict(err, sizeof err), 2);
  CHECK(strstr(err, "index format version 99, this lector reads version 1") != NULL);
  fresh_index();
  uint32_t bom = 0x04030201;
  patch(index_path, 12, &bom, 4);
  CHECK_INT(verdict(err, sizeof err), -1);
  CHECK(strstr(err, "written on a machine of the other byte order") != NULL);
  fresh_index();
  char z = 'X';
  patch(index_path, 64 + 32 * 3, &z, 1);
  CHECK_INT(verdict(err, sizeof err), -1);
  CHECK(strstr(err, "the section table is damaged") != NULL);

  /* a stamp that does not vouch for the file: checked in full, and it holds */
  fresh_index();
  char stamp[300];
  snprintf(stamp, sizeof stamp, "%s.ok", index_path);
  unlink(stamp);
  CHECK_INT(verdict(err, sizeof err), 0);
  CHECK(access(stamp, F_OK) == 0);
  free(orig);
}

/* A build killed at any moment leaves the index as it was (or as it became), whole. */
static void test_killed_build(void) {
  char big[64];
  fresh_index();
  for (int i = 0; i < 40; i++) {            /* make the build long enough to be killed midway */
    snprintf(big, sizeof big, "big%02d.txt", i);
    char *text = malloc(200001);
    for (int k = 0; k < 200000; k++) text[k] = "abc defgh ij. Klm, nop-qr\n"[k % 26];
    text[200000] = '\0';
    put(big, text);
    free(text);
  }
  for (int delay = 1; delay <= 64; delay *= 4) {
    pid_t pid = fork();
    if (pid == 0) {
      warnings w;
      lector_corpus *c = open_corpus(1, 2, &w);
      (void)c;
      _exit(0);
    }
    usleep((useconds_t)delay * 1000);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    char err[512];
    ix_index *ix = NULL;
    st_extra ex;
    CHECK_INT(st_open(index_path, 1, &ix, &ex, err, sizeof err), 0);
    ix_free(ix);
  }
  for (int i = 0; i < 40; i++) {
    char path[256];
    snprintf(path, sizeof path, "%s/big%02d.txt", dir, i);
    unlink(path);
  }
}

/* A corpus folder that cannot hold .lector/ (here a file of that name is in the way): the index
** goes to the cache, and is found there next time. */
static void test_cache(void) {
  char cmd[512], cache[128], lec[256];
  snprintf(cmd, sizeof cmd, "rm -rf %s/.lector", dir);
  if (system(cmd) != 0) return;
  snprintf(lec, sizeof lec, "%s/.lector", dir);
  put(".lector", "in the way");
  snprintf(cache, sizeof cache, "%s/cache", tmpdir);
  setenv("XDG_CACHE_HOME", cache, 1);
  warnings w;
  lector_corpus *c = open_corpus(0, 1, &w);
  lector_info in;
  lector_get_info(c, &in);
  CHECK(in.store_path != NULL && strncmp(in.store_path, cache, strlen(cache)) == 0);
  lector_close(c);
  c = open_corpus(0, 1, &w);
  lector_get_info(c, &in);
  CHECK(in.from_store);
  lector_close(c);
  unlink(lec);
  unsetenv("XDG_CACHE_HOME");
}

/* Two-word phrases of frequent words are counted from the pair table (index_pairs.c), with the
** matches through parts of compounds added: the same counts as a walk of the postings (which a
** document filter that keeps every document forces). */
static void test_pair_counts(void) {
  char saved[64];
  memcpy(saved, dir, sizeof saved);
  snprintf(dir, sizeof dir, "/tmp/lector-test-pairs.XXXXXX");
  if (!mkdtemp(dir)) { perror("mkdtemp"); exit(2); }
  static const char *const w[] = { "of", "the", "The", "OF", "state-of-the-art", "out-of", "the-end",
                                   "said", ".", "of-the", "x" };
  static char text[1 << 20];
  for (int f = 0; f < 3; f++) {
    size_t n = 0;
    unsigned r = 7u + (unsigned)f;
    for (int i = 0; i < 60000; i++) {
      r = r * 1103515245u + 12345u;
      n += (size_t)sprintf(text + n, "%s ", w[(r >> 8) % 11]);
    }
    char name[32];
    snprintf(name, sizeof name, "p%d.txt", f);
    put(name, text);
  }
  warnings wr;
  lector_corpus *c = open_corpus(1, 2, &wr);
  CHECK(c->ix->npairs > 0);
  CHECK_INT(c->ix->pair_min, IX_PAIR_MIN);
  uint8_t *all = malloc(lector_ndocs(c));
  memset(all, 1, lector_ndocs(c));
  static const char *const q[] = { "of the", "the of", "the the", "of of", "the said", "said the", "x the" };
  for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
    for (int how = 0; how < 2; how++) {
      lector_scope fast, slow;
      memset(&fast, 0, sizeof fast);
      fast.how = how ? LECTOR_MATCH_FOLD | LECTOR_MATCH_PARTS : LECTOR_MATCH_FOLD;
      slow = fast;
      slow.docs = all;
      char err[128];
      int64_t a = lector_search(c, q[i], strlen(q[i]), &fast, NULL, err, sizeof err);
      int64_t b = lector_search(c, q[i], strlen(q[i]), &slow, NULL, err, sizeof err);
      if (a != b) fprintf(stderr, "pairs: \"%s\" (parts %d): %lld from the table, %lld walked\n", q[i], how,
                          (long long)a, (long long)b);
      CHECK(a == b && b > 0);
    }
  }
  free(all);
  lector_close(c);
  ct_rmdir(dir);
  memcpy(dir, saved, sizeof saved);
}

/* An annotated index: stored and read back with its attributes (checked in full), and built
** again from it after a change, copying the unchanged files' attributes, equal to a fresh build. */
static void test_attributes(void) {
  char err[256], a[256], b[256];
  src_ctx *src = src_open(dir, NULL, NULL, err, sizeof err);
  src_list files = {0};
  src_scan(src, &files);
  ix_build_opts o = { .threads = 2, .annotate = &fake };
  ix_index *ix = NULL, *back = NULL;
  CHECK_INT(ix_build(src, &files, &o, &ix, err, sizeof err), 0);
  snprintf(a, sizeof a, "%s/annotated", tmpdir);
  st_extra nx = { src_context_hash(src), NULL, 0 }, ex;
  CHECK_INT(st_write(a, ix, &nx, err, sizeof err), 0);
  CHECK_INT(st_open(a, 1, &back, &ex, err, sizeof err), 0);
  if (!back) return;
  CHECK_INT(back->npattr, 2);
  CHECK_INT(back->annotated, 1);
  const ix_pattr *p = ix_pattr_find(back, "shape"), *q = ix_pattr_find(ix, "shape");
  CHECK(p && q && p->ntypes == q->ntypes && memcmp(p->tokens, q->tokens, ix->ntokens * q->width) == 0);
  CHECK(p && q && memcmp(p->post.data, q->post.data, q->post.off[q->ntypes]) == 0);
  ix_free(ix);
  /* one file changed: the others are copied with their attributes */
  put("a03.txt", "Annotated again: Putin met Bush in 2002.\n");
  src_list_free(&files);
  src_scan(src, &files);
  o.previous = back;
  o.reused = count_reused;
  reused_count = 0;
  CHECK_INT(ix_build(src, &files, &o, &ix, err, sizeof err), 0);
  CHECK(reused_count > 5);
  snprintf(b, sizeof b, "%s/annotated2", tmpdir);
  CHECK_INT(st_write(b, ix, &nx, err, sizeof err), 0);
  ix_free(ix);
  o.previous = NULL;
  CHECK_INT(ix_build(src, &files, &o, &ix, err, sizeof err), 0);
  CHECK_INT(st_write(a, ix, &nx, err, sizeof err), 0);
  CHECK(same_index(a, b));
  /* an index built without the annotator copies nothing from an annotated one */
  ix_free(ix);
  o.annotate = NULL;
  o.previous = back;
  reused_count = 0;
  CHECK_INT(ix_build(src, &files, &o, &ix, err, sizeof err), 0);
  CHECK_INT(reused_count, 0);
  CHECK_INT(ix->npattr, 0);
  ix_free(ix);
  ix_free(back);
  src_list_free(&files);
  src_close(src);
}

int main(void) {
  make_corpus();
  RUN(test_pair_counts);
  RUN(test_roundtrip);
  RUN(test_threads_same_file);
  RUN(test_incremental);
  RUN(test_damage);
  RUN(test_killed_build);
  RUN(test_cache);
  RUN(test_attributes);
  char cmd[256];
  snprintf(cmd, sizeof cmd, "rm -rf %s %s", dir, tmpdir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
  return ct_summary();
}
