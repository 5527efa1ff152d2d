/*
** conllu.c: reading a CoNLL-U file whole and cutting it into sentences in place (see conllu.h).
** A tool's helper, so failures are told on stderr.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conllu.h"

/* The whole of f, NUL-terminated, or NULL. */
static char *slurp(FILE *f) {
  size_t n = 0, cap = 1 << 20, got;
  char *b = malloc(cap);
  while (b && (got = fread(b + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n < 2) {
      char *nb = realloc(b, cap *= 2);
      if (!nb) { free(b); return NULL; }
      b = nb;
    }
  }
  if (b) b[n] = '\0';
  return b;
}

/* Grows *arr (of *cap items of size bytes) to hold n + 1. Exits on failure: a tool. */
static void *grow(void *arr, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return arr;
  *cap = *cap ? 2 * *cap : 16;
  void *a = realloc(arr, *cap * size);
  if (!a) { fprintf(stderr, "out of memory\n"); exit(1); }
  return a;
}

/* Splits line at tabs into at most 10 fields; returns how many. */
static int fields(char *line, char **f) {
  int k = 0;
  f[k++] = line;
  for (char *p = line; *p && k < 10; p++)
    if (*p == '\t') { *p = '\0'; f[k++] = p + 1; }
  return k;
}

int cu_read(cu_bank *b, const char *path) {
  memset(b, 0, sizeof *b);
  size_t plen = strlen(path);
  FILE *f;
  int piped = plen > 3 && strcmp(path + plen - 3, ".gz") == 0;
  if (piped) {
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "gzip -dc '%s'", path);
    f = popen(cmd, "r");
  } else {
    f = fopen(path, "rb");
  }
  if (!f) { perror(path); return -1; }
  b->buf = slurp(f);
  int bad = piped ? pclose(f) != 0 : fclose(f) != 0;
  if (!b->buf || bad) { fprintf(stderr, "%s: cannot read\n", path); free(b->buf); return -1; }
  size_t scap = 0, wcap = 0, mcap = 0;
  cu_sent *s = NULL;
  for (char *line = b->buf, *next; *line; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = '\0'; else next = line + strlen(line);
    if (!*line) { s = NULL; continue; }
    if (!s) {
      b->s = grow(b->s, &scap, b->n, sizeof *b->s);
      s = &b->s[b->n++];
      memset(s, 0, sizeof *s);
      wcap = mcap = 0;
    }
    if (line[0] == '#') {
      if (strncmp(line, "# text = ", 9) == 0) s->text = line + 9;
      continue;
    }
    char *f10[10];
    if (fields(line, f10) < 10) continue;
    if (strchr(f10[0], '.')) continue;                       /* an empty node */
    int space = strstr(f10[9], "SpaceAfter=No") == NULL;
    char *dash = strchr(f10[0], '-');
    if (dash) {
      s->mwt = grow(s->mwt, &mcap, s->nmwt, sizeof *s->mwt);
      cu_mwt *m = &s->mwt[s->nmwt++];
      m->first = (size_t)atoi(f10[0]) - 1;
      m->last = (size_t)atoi(dash + 1) - 1;
      m->form = f10[1];
      m->space_after = space;
      continue;
    }
    s->w = grow(s->w, &wcap, s->n, sizeof *s->w);
    cu_word *w = &s->w[s->n++];
    *w = (cu_word){ f10[1], f10[2], f10[3], f10[4], space, -1 };
    b->nwords++;
  }
  for (size_t i = 0; i < b->n; i++) {
    cu_sent *t = &b->s[i];
    for (size_t k = 0; k < t->nmwt; k++)
      for (size_t j = t->mwt[k].first; j <= t->mwt[k].last && j < t->n; j++) t->w[j].mwt = (int)k;
  }
  return 0;
}

void cu_free(cu_bank *b) {
  for (size_t i = 0; i < b->n; i++) { free(b->s[i].w); free(b->s[i].mwt); }
  free(b->s);
  free(b->buf);
  memset(b, 0, sizeof *b);
}
