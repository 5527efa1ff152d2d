/*
** build_postings.c: the posting lists of the index being built, written in two passes over a
** sequence of (position, id) cut by position among the threads: pass A counts, in each share,
** every id's postings and their bytes, so that each share knows where to write its part; pass B
** writes them, with the skip entries. The bytes are the same whatever the number of threads.
*/
#include <stdlib.h>
#include <string.h>

#include "build_int.h"

/* Item i; a thread reads its share in order, so *rare follows it through the rare tokens. */
static inline void pin_get(const pin *in, uint64_t i, uint32_t *pos, uint32_t *id, uint64_t *rare) {
  if (in->ix) {
    const ix_index *ix = in->ix;
    const uint8_t *p = ix->tokens + i * ix->tok_width;
    uint32_t v = 0;
    for (uint32_t k = 0; k < ix->tok_width; k++) v |= (uint32_t)p[k] << (8 * k);
    if (ix->ncodes) {
      if (v != IX_RARE) {
        v = ix->code_id[v];
      } else {
        while (*rare < ix->nrare && ix->rare_pos[*rare] < i) (*rare)++;
        v = ix->rare_id[*rare];
      }
    }
    *pos = (uint32_t)i;
    *id = v;
  } else if (in->stream) {
    const uint8_t *p = in->stream + i * in->width;
    uint32_t v = 0;
    for (uint32_t k = 0; k < in->width; k++) v |= (uint32_t)p[k] << (8 * k);
    *pos = (uint32_t)i;
    *id = v;
  } else {
    *pos = in->parts[i].pos;
    *id = in->parts[i].id;
  }
}

typedef struct pstate {      /* one thread's share of the sequence */
  uint64_t from, to;
  uint64_t rare;             /* pin_get's place in the rare tokens */
  uint32_t *cnt;             /* pass A: count; then: postings of the id before this share */
  uint64_t *size;            /* pass A: bytes of postings after the first; then: write offset */
  uint32_t *first, *last;    /* pass A; then first = the previous posting (for the first delta) */
} pstate;

typedef struct pbuild {
  const pin *in;
  uint32_t ntypes;
  pstate st[MAX_THREADS];
  uint64_t *off;             /* the result: ix_plist arrays */
  uint8_t *data;
  uint32_t *count;
  uint64_t *skip_off;
  ix_skip *skip;
} pbuild;

static void pass_a(void *arg, size_t t) {
  pbuild *pb = arg;
  pstate *s = &pb->st[t];
  s->rare = 0;
  for (uint64_t i = s->from; i < s->to; i++) {
    uint32_t pos, id;
    pin_get(pb->in, i, &pos, &id, &s->rare);
    if (s->cnt[id]++) s->size[id] += ix_varint_len(pos - s->last[id]);
    else s->first[id] = pos;
    s->last[id] = pos;
  }
}

static void pass_b(void *arg, size_t t) {
  pbuild *pb = arg;
  pstate *s = &pb->st[t];
  s->rare = 0;
  for (uint64_t i = s->from; i < s->to; i++) {
    uint32_t pos, id;
    pin_get(pb->in, i, &pos, &id, &s->rare);
    uint32_t k = s->cnt[id]++;                 /* index of this posting in its list */
    uint64_t at = s->size[id];
    uint32_t prev = s->first[id];
    if (k % IX_SKIP_EVERY == 0 && k > 0) {
      ix_skip *sk = &pb->skip[pb->skip_off[id] + k / IX_SKIP_EVERY - 1];
      sk->pos = prev;
      sk->off = (uint32_t)(at - pb->off[id]);
    }
    s->size[id] = at + ix_varint_put(pb->data + at, k ? pos - prev : pos);
    s->first[id] = pos;
  }
}

static void pstate_free(pstate *s) {
  free(s->cnt); free(s->size); free(s->first); free(s->last);
}

/* Builds pl from in, on threads threads. The arrays it allocates are added to blocks. */
int ixb_build_postings(const pin *in, uint32_t ntypes, int threads, ix_plist *pl,
                          void ***blocks, size_t *nblocks, size_t *blocks_cap) {
  pbuild pb;
  memset(&pb, 0, sizeof pb);
  pb.in = in;
  pb.ntypes = ntypes;
  int T = threads;
  if (in->n < 1000000) T = 1;
  size_t V = ntypes ? ntypes : 1;
  int rc = -1;
  for (int t = 0; t < T; t++) {
    pstate *s = &pb.st[t];
    s->from = in->n * (uint64_t)t / (uint64_t)T;
    s->to = in->n * (uint64_t)(t + 1) / (uint64_t)T;
    s->cnt = calloc(V, sizeof *s->cnt);
    s->size = calloc(V, sizeof *s->size);
    s->first = calloc(V, sizeof *s->first);
    s->last = calloc(V, sizeof *s->last);
    if (!s->cnt || !s->size || !s->first || !s->last) goto done;
  }
  ixb_parallel_for(T, (size_t)T, pass_a, &pb);

  pb.off = malloc((V + 1) * sizeof *pb.off);
  pb.count = malloc(V * sizeof *pb.count);
  pb.skip_off = malloc((V + 1) * sizeof *pb.skip_off);
  if (!pb.off || !pb.count || !pb.skip_off) goto done;
  uint64_t bytes = 0, skips = 0;
  for (uint32_t id = 0; id < ntypes; id++) {
    pb.off[id] = bytes;
    pb.skip_off[id] = skips;
    uint32_t count = 0, prev = 0;
    for (int t = 0; t < T; t++) {
      pstate *s = &pb.st[t];
      uint32_t c = s->cnt[id];
      uint64_t sz = s->size[id];
      s->size[id] = bytes;                       /* where this share writes */
      s->cnt[id] = count;                        /* postings before this share */
      if (c) {
        bytes += ix_varint_len(count ? s->first[id] - prev : s->first[id]) + sz;
        s->first[id] = prev;                     /* the posting before this share's first */
        prev = s->last[id];
        count += c;
      }
    }
    pb.count[id] = count;
    skips += count ? (count - 1) / IX_SKIP_EVERY : 0;
  }
  pb.off[ntypes] = bytes;
  pb.skip_off[ntypes] = skips;
  pb.data = malloc(bytes ? bytes : 1);
  pb.skip = malloc((skips ? skips : 1) * sizeof *pb.skip);
  if (!pb.data || !pb.skip) goto done;
  ixb_parallel_for(T, (size_t)T, pass_b, &pb);
  rc = 0;
done:
  for (int t = 0; t < T; t++) pstate_free(&pb.st[t]);
  void *mine[5] = { pb.off, pb.count, pb.skip_off, pb.data, pb.skip };
  for (int i = 0; i < 5; i++) {
    if (grow(blocks, blocks_cap, *nblocks + 1, sizeof **blocks)) { free(mine[i]); rc = -1; continue; }
    (*blocks)[(*nblocks)++] = mine[i];
  }
  if (rc == 0) {
    pl->off = pb.off;
    pl->data = pb.data;
    pl->count = pb.count;
    pl->skip_off = pb.skip_off;
    pl->skip = pb.skip;
  }
  return rc;
}
