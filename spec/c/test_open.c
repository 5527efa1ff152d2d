/*
** test_open.c: lector_open as a program that embeds the library sees it. Progress comes by stage
** (reading, merging, writing, done) with the files and bytes; warnings come through the callback;
** and with no callbacks the library is silent: nothing on stdout or stderr, whatever the input.
*/
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctest.h"
#include "lector.h"

static char dir[64];

static void write_file(const char *name, const char *bytes, size_t n) {
  char path[160];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) { perror(path); exit(2); }
  fwrite(bytes, 1, n, f);
  fclose(f);
}

/* Three files: two texts (33 and 21 bytes) and a binary one, which is skipped with a warning. */
static void make_corpus(void) {
  snprintf(dir, sizeof dir, "/tmp/lector-test-open.XXXXXX");
  if (!mkdtemp(dir)) { perror("mkdtemp"); exit(2); }
  write_file("a.txt", "Iraq and the U.N. met in Moscow.\n", 33);
  write_file("b.txt", "Russia met Iraq too.\n", 21);
  write_file("c.txt", "bin\0ary", 7);
}

typedef struct seen { char log[512]; size_t n; } seen;

static void on_progress(void *ud, const lector_progress *p) {
  static const char *const names[] = { "?", "read", "merge", "write", "done" };
  seen *s = ud;
  s->n += (size_t)snprintf(s->log + s->n, sizeof s->log - s->n, "%s %d/%d %d/%d; ",
                           names[p->stage <= LECTOR_STAGE_DONE ? p->stage : 0], (int)p->files_done,
                           (int)p->files_total, (int)p->bytes_done, (int)p->bytes_total);
}

static void on_warning(void *ud, const char *file, const char *msg) {
  seen *s = ud;
  s->n += (size_t)snprintf(s->log + s->n, sizeof s->log - s->n, "%s: %s; ", file, msg);
}

static lector_corpus *open_with(int store, int rebuild, seen *progress, seen *warnings) {
  lector_options o;
  lector_options_init(&o);
  o.store = store;
  o.rebuild = rebuild;
  o.threads = 1;
  if (progress) { o.progress = on_progress; o.progress_ud = progress; }
  if (warnings) { o.warn = on_warning; o.warn_ud = warnings; }
  lector_corpus *c = NULL;
  char err[256];
  if (lector_open(dir, &o, &c, err, sizeof err)) fprintf(stderr, "lector_open: %s\n", err);
  return c;
}

static void test_stages_of_a_build(void) {
  seen p = {{0}, 0}, w = {{0}, 0};
  lector_corpus *c = open_with(1, 1, &p, &w);
  CHECK(c != NULL);
  CHECK_STR(p.log, "read 0/3 0/61; merge 3/3 61/61; write 3/3 61/61; done 3/3 61/61; ");
  CHECK_STR(w.log, "c.txt: binary file (NUL byte at offset 3), skipped; ");
  CHECK_INT(lector_ndocs(c), 2);
  lector_close(c);
}

static void test_no_write_in_memory_and_nothing_when_stored(void) {
  seen p = {{0}, 0};
  lector_corpus *c = open_with(0, 0, &p, NULL);
  CHECK_STR(p.log, "read 0/3 0/61; merge 3/3 61/61; done 3/3 61/61; ");
  lector_close(c);
  seen q = {{0}, 0}, w = {{0}, 0};
  c = open_with(1, 0, &q, &w);             /* the index stored by the test before */
  lector_info info;
  lector_get_info(c, &info);
  CHECK_INT(info.from_store, 1);
  CHECK_STR(q.log, "");
  CHECK_STR(w.log, "c.txt: binary file (NUL byte at offset 3), skipped; ");   /* said again */
  lector_close(c);
}

/* With no callbacks, a build with a bad file prints nothing: stdout and stderr go to a file. */
static void test_silent_by_default(void) {
  char out[96];
  snprintf(out, sizeof out, "%s.out", dir);
  fflush(stdout);
  fflush(stderr);
  int saved1 = dup(1), saved2 = dup(2);
  int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  dup2(fd, 1);
  dup2(fd, 2);
  lector_corpus *c = open_with(1, 1, NULL, NULL);
  uint32_t docs = c ? lector_ndocs(c) : 0;
  lector_close(c);
  c = open_with(0, 0, NULL, NULL);
  lector_close(c);
  fflush(stdout);
  fflush(stderr);
  dup2(saved1, 1);
  dup2(saved2, 2);
  close(fd);
  close(saved1);
  close(saved2);
  struct stat st;
  CHECK(stat(out, &st) == 0);
  CHECK_INT(st.st_size, 0);
  CHECK_INT(docs, 2);
  unlink(out);
}

int main(void) {
  make_corpus();
  RUN(test_stages_of_a_build);
  RUN(test_no_write_in_memory_and_nothing_when_stored);
  RUN(test_silent_by_default);
  ct_rmdir(dir);
  return ct_summary();
}
