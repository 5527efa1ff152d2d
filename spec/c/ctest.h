/*
** ctest.h: the smallest test harness that does the job for lector's C unit tests.
** A test file defines functions `static void test_NAME(void)` and lists them in main() with RUN();
** checks count one each; the program prints the failures with file:line, then "N passed, N failed",
** and exits 1 when anything failed. spec/run-all.sh adds these lines into the suite's total.
*/
#ifndef CTEST_H
#define CTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>

static int ct_passed, ct_failed;
static const char *ct_current = "";

static void ct_fail(const char *file, int line, const char *fmt, const char *a, const char *b) {
  ct_failed++;
  fprintf(stderr, "FAIL %s:%d: %s: ", file, line, ct_current);
  fprintf(stderr, fmt, a, b);
  fputc('\n', stderr);
}

#define CHECK(cond) do { if (cond) ct_passed++; \
  else ct_fail(__FILE__, __LINE__, "%s%s", "CHECK(" #cond ")", ""); } while (0)

#define CHECK_INT(got, want) do { long long g_ = (long long)(got), w_ = (long long)(want); \
  if (g_ == w_) ct_passed++; else { char gb_[32], wb_[32]; \
    snprintf(gb_, sizeof gb_, "%lld", g_); snprintf(wb_, sizeof wb_, "%lld", w_); \
    ct_fail(__FILE__, __LINE__, #got " is %s, want %s", gb_, wb_); } } while (0)

#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
  if (g_ && w_ && strcmp(g_, w_) == 0) ct_passed++; \
  else ct_fail(__FILE__, __LINE__, #got " is \"%s\", want \"%s\"", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
  } while (0)

/* a byte range [s, s+n) compared with a C string */
#define CHECK_MEM(s, n, want) do { const char *w_ = (want); size_t n_ = (size_t)(n); \
  if (strlen(w_) == n_ && memcmp((s), w_, n_) == 0) ct_passed++; \
  else { char gb_[256]; snprintf(gb_, sizeof gb_, "%.*s", (int)(n_ > 200 ? 200 : n_), (const char *)(s)); \
    ct_fail(__FILE__, __LINE__, #s " is \"%s\", want \"%s\"", gb_, w_); } } while (0)

#define RUN(t) do { ct_current = #t; t(); } while (0)

/* A whole file, NUL-terminated (its length in *n), or NULL; the caller frees it. */
static inline char *ct_slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)len + 1);
  *n = fread(b, 1, (size_t)len, f);
  b[*n] = '\0';
  fclose(f);
  return b;
}

/* rm -rf of a test's scratch folder. */
static inline void ct_rmdir(const char *dir) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
}

static int ct_summary(void) {
  printf("%d passed, %d failed\n", ct_passed, ct_failed);
  return ct_failed ? 1 : 0;
}

#endif
