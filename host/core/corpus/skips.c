/*
** skips.c: the files an open did not read, said and listed. The loader names each with the reason
** (a warning) and reports it (a skip record among the warnings, corpus.h); here the warnings go to
** the caller with the files not read for one reason past the first ten named in one warning, so
** that a folder of 500 scanned PDFs gives 11 lines, not 500 (lector_options.verbose names all);
** and lector_skipped lists them with the reason.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

#if !defined(SKIP_SAID)
#define SKIP_SAID 10   /* files not read for one reason that are named in warnings of their own */
#endif

static const char *const reasons[] = SRC_SKIP_REASONS;
#define NREASONS (sizeof reasons / sizeof *reasons)

typedef struct skip_group {   /* the files not read for one reason beyond the first SKIP_SAID */
  size_t more, at;
  const char *file;           /* the first of them */
  char names[512];
} skip_group;

/* Marks in drop the warnings of the files not read for a reason beyond its first SKIP_SAID (in the
** order of the files), and gathers them by reason in g. */
static void group(const warning *w, size_t n, char *drop, skip_group *g) {
  size_t said[NREASONS] = { 0 };
  for (size_t i = 1; i < n; i++) {
    const char *m = w[i].msg;
    if (m[0] != SKIP_MARK || m[1] != 'a' || w[i - 1].msg[0] == SKIP_MARK || strcmp(w[i - 1].file, w[i].file))
      continue;
    size_t r = 0;
    while (r < NREASONS && strcmp(reasons[r], m + 2) != 0) r++;
    if (r == NREASONS || ++said[r] <= SKIP_SAID) continue;
    drop[i - 1] = 1;
    if (!g[r].more++) g[r].file = w[i].file;
    if (g[r].more <= SKIP_SAID && g[r].at < sizeof g[r].names)
      g[r].at += (size_t)snprintf(g[r].names + g[r].at, sizeof g[r].names - g[r].at, "%s%s", g[r].more > 1 ? ", " : "",
                                  w[i].file);
  }
}

void skips_say(const warning *w, size_t n, const lector_options *o) {
  if (!o->warn) return;
  char *drop = n && !o->verbose ? calloc(n, 1) : NULL;
  skip_group g[NREASONS];
  memset(g, 0, sizeof g);
  if (drop) group(w, n, drop, g);
  for (size_t i = 0; i < n; i++)
    if (w[i].msg[0] != SKIP_MARK && !(drop && drop[i])) o->warn(o->warn_ud, w[i].file, w[i].msg);
  for (size_t r = 0; r < NREASONS; r++) {
    if (!g[r].more) continue;
    char msg[700], rest[32] = "";
    if (g[r].more > SKIP_SAID) snprintf(rest, sizeof rest, " and %zu more", g[r].more - SKIP_SAID);
    snprintf(msg, sizeof msg, "%zu more file%s not read: %s (%s%s); --verbose names each", g[r].more,
             g[r].more == 1 ? "" : "s", reasons[r], g[r].names, rest);
    o->warn(o->warn_ud, g[r].file, msg);
  }
  free(drop);
}

uint32_t lector_nskipped(const lector_corpus *c) { return c->nskip; }

void lector_skipped(const lector_corpus *c, uint32_t i, const char **file, const char **reason) {
  *file = c->skip[i].file;
  *reason = c->skip[i].reason + 2;      /* after SKIP_MARK and 'g' or 'a' */
}
