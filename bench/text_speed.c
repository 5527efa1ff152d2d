/*
** text_speed.c: how fast the tokenizer and segmenter (host/core/text/) run, single-threaded.
** Without arguments it measures two texts made from the seed documents: the five seeds
** concatenated and repeated to 50 MB, and the same with every line break turned into a space (one
** 50 MB line). With file arguments it measures each file instead. Each text is run 5 times
** through tx_tokenize and 5 times through tx_tokenize_words; the median is printed in MB/s.
**
**   make && cc -std=c11 -O2 -D_DEFAULT_SOURCE -Ihost/core -o /tmp/text_speed bench/text_speed.c liblector.a
**   /tmp/text_speed                 # run from the repository root (reads ../shared/seeds)
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/text.h"

#define SEEDS "../shared/seeds"
#define TARGET (50u << 20)
#define RUNS 5

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)len + 1);
  if (b) *n = fread(b, 1, (size_t)len, f);
  fclose(f);
  return b;
}

/* The seeds, each followed by a blank line, repeated to TARGET bytes. */
static char *seeds_text(size_t *n) {
  static const char *files[] = { "000_e46888d005b16152.txt", "001_0b1a02bd6284fa36.txt",
    "002_378a0fa01cf8e0c6.txt", "003_b732a128a37d961c.txt", "004_3bf8bdfe55aae150.txt" };
  char *one = NULL;
  size_t len = 0;
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    char path[256];
    size_t k;
    snprintf(path, sizeof path, SEEDS "/%s", files[i]);
    char *t = slurp(path, &k);
    if (!t) { fprintf(stderr, "text_speed: cannot read %s\n", path); exit(1); }
    one = realloc(one, len + k + 2);
    memcpy(one + len, t, k);
    memcpy(one + len + k, "\n\n", 2);
    len += k + 2;
    free(t);
  }
  char *all = malloc(TARGET);
  size_t w = 0;
  while (w + len <= TARGET) { memcpy(all + w, one, len); w += len; }
  free(one);
  *n = w;
  return all;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Median MB/s of RUNS runs of fn over text. */
static double measure(int (*fn)(tx_doc *, const char *, size_t), tx_doc *d, const char *text, size_t n) {
  double t[RUNS];
  fn(d, text, n);                                    /* warm the arrays and the caches */
  for (int r = 0; r < RUNS; r++) {
    double t0 = now();
    if (fn(d, text, n)) { fprintf(stderr, "text_speed: out of memory\n"); exit(1); }
    t[r] = n / (now() - t0) / 1e6;
  }
  qsort(t, RUNS, sizeof t[0], cmp_double);
  return t[RUNS / 2];
}

static void run(const char *name, const char *text, size_t n) {
  tx_doc d;
  tx_init(&d);
  double full = measure(tx_tokenize, &d, text, n);
  size_t ntok = d.ntok, nsent = d.nsent, npara = d.npara, nturn = d.nturn;
  double words = measure(tx_tokenize_words, &d, text, n);
  printf("%-24s %7.1f MB  %9zu tokens %7zu sentences %6zu paragraphs %5zu turns   "
         "tx_tokenize %6.1f MB/s   tx_tokenize_words %6.1f MB/s\n",
         name, n / 1e6, ntok, nsent, npara, nturn, full, words);
  tx_free(&d);
}

int main(int argc, char **argv) {
  if (argc > 1) {
    for (int i = 1; i < argc; i++) {
      size_t n;
      char *t = slurp(argv[i], &n);
      if (!t) { fprintf(stderr, "text_speed: cannot read %s\n", argv[i]); return 1; }
      run(argv[i], t, n);
      free(t);
    }
    return 0;
  }
  size_t n;
  char *text = seeds_text(&n);
  run("seeds x 50 MB", text, n);
  for (size_t i = 0; i < n; i++) if (text[i] == '\n') text[i] = ' ';
  run("seeds, one 50 MB line", text, n);
  free(text);
  return 0;
}
