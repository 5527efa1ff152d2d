/*
** progress.c: the progress bar of an index build, drawn on stderr when it is a terminal. The core
** reports stages, files and bytes through lector_options.progress (lector.h); this file alone
** decides how that looks, so that a library or a script that opens a corpus prints nothing.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "host.h"

/* The bar is shown once a build has taken a moment (a small corpus opens without a flicker),
** rewritten in place while files are read, then one line for each later stage (merging and
** writing are a third of a big build), and wiped when the open is done. */
static struct bar { double t0; uint64_t bytes0; int shown; } bar_state;

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void host_show_progress(void *ud, const lector_progress *p) {
  struct bar *b = &bar_state;
  double now = now_seconds();
  (void)ud;
  switch (p->stage) {
  case LECTOR_STAGE_DONE:
    if (b->shown) fprintf(stderr, "\r\033[K");
    memset(b, 0, sizeof *b);
    break;
  case LECTOR_STAGE_MERGE:
  case LECTOR_STAGE_WRITE:
    if (b->shown)
      fprintf(stderr, "\rindexing: %llu files, %.0f MB read; %s the index\033[K",
              (unsigned long long)p->files_total, p->bytes_total / 1e6,
              p->stage == LECTOR_STAGE_MERGE ? "merging" : "writing");
    break;
  case LECTOR_STAGE_READ: {
    if (b->t0 == 0) { b->t0 = now; b->bytes0 = p->bytes_done; }
    double dt = now - b->t0;
    if (dt < 0.3) break;
    double rate = (double)(p->bytes_done - b->bytes0) / 1e6 / dt;
    double eta = rate > 0 ? (double)(p->bytes_total - p->bytes_done) / 1e6 / rate : 0;
    int width = 24;
    int fill = p->bytes_total ? (int)((double)width * (double)p->bytes_done / (double)p->bytes_total) : 0;
    char bar[32];
    for (int i = 0; i < width; i++) bar[i] = i < fill ? '#' : '.';
    bar[width] = '\0';
    fprintf(stderr, "\rindexing [%s] %llu/%llu files, %.0f/%.0f MB, %.0f MB/s, ETA %.0f s\033[K", bar,
            (unsigned long long)p->files_done, (unsigned long long)p->files_total,
            p->bytes_done / 1e6, p->bytes_total / 1e6, rate, eta);
    b->shown = 1;
    break;
  }
  }
  fflush(stderr);
}
