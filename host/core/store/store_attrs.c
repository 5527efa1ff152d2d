/*
** store_attrs.c: the sections of the on-disk index that hold the attributes besides the word
** (ix_pattr, ix_sattr). Their number depends on the corpus, so they follow the fixed sections of
** store.c: a descriptor section ("attrs") says which attributes there are and their sizes, then
** come nine sections per positional attribute (p0foff, p0forms, ...) and four per structural one
** (s0start, ...). A corpus without attributes has an empty descriptor and no more sections.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

#define P_PARTS 9
#define S_PARTS 4
static const char *const p_part[P_PARTS] = { "foff", "forms", "freq", "toks", "poff", "post", "pcnt", "psko", "pskp" };
static const char *const s_part[S_PARTS] = { "start", "end", "keys", "vals" };

/* The descriptor: annotated, npattr, nsattr, 0, then per positional attribute name, ntypes,
** width, 0, and per structural one name, regions, keys, 0. */
int sta_descriptor(const ix_index *ix, uint32_t **out, uint64_t *len) {
  size_t n = 4 + 4 * ((size_t)ix->npattr + ix->nsattr);
  uint32_t *d = calloc(n, sizeof *d);
  if (!d) return -1;
  d[0] = ix->annotated;
  d[1] = ix->npattr;
  d[2] = ix->nsattr;
  for (uint32_t i = 0; i < ix->npattr; i++) {
    d[4 + 4 * i] = ix->pattr[i].name;
    d[5 + 4 * i] = ix->pattr[i].ntypes;
    d[6 + 4 * i] = ix->pattr[i].width;
  }
  for (uint32_t i = 0; i < ix->nsattr; i++) {
    uint32_t *r = d + 4 + 4 * ((size_t)ix->npattr + i);
    r[0] = ix->sattr[i].name;
    r[1] = ix->sattr[i].reg.n;
    r[2] = ix->sattr[i].nkeys;
  }
  *out = d;
  *len = n * sizeof *d;
  return 0;
}

const char *sta_read_descriptor(ix_index *ix, const void *p, uint64_t len) {
  const uint32_t *d = p;
  if (len < 16 || len % 16) return "attrs";
  if (d[1] > 1000 || d[2] > 1000 || len != 16 + 16 * ((uint64_t)d[1] + d[2]) || d[0] > 1) return "attrs";
  ix->annotated = d[0];
  if (d[1] && !(ix->pattr = calloc(d[1], sizeof *ix->pattr))) return "attrs (out of memory)";
  if (d[2] && !(ix->sattr = calloc(d[2], sizeof *ix->sattr))) return "attrs (out of memory)";
  ix->npattr = d[1];
  ix->nsattr = d[2];
  for (uint32_t i = 0; i < ix->npattr; i++) {
    ix->pattr[i].name = d[4 + 4 * i];
    ix->pattr[i].ntypes = d[5 + 4 * i];
    ix->pattr[i].width = d[6 + 4 * i];
    if (ix->pattr[i].width < 1 || ix->pattr[i].width > 4) return "attrs";
  }
  for (uint32_t i = 0; i < ix->nsattr; i++) {
    const uint32_t *r = d + 4 + 4 * ((size_t)ix->npattr + i);
    ix->sattr[i].name = r[0];
    ix->sattr[i].reg.n = r[1];
    ix->sattr[i].nkeys = r[2];
    if (r[2] > 1000) return "attrs";
  }
  return NULL;
}

size_t sta_count(const ix_index *ix) {
  return (size_t)ix->npattr * P_PARTS + (size_t)ix->nsattr * S_PARTS;
}

/* Section k of the attributes: its name, the address of the field that points at it, and the
** length it must have (from the sizes and the sections before it, which must be in place). */
void sta_section(ix_index *ix, size_t k, char name[8], const void ***field, uint64_t *len) {
  memset(name, 0, 8);
  char buf[32];
  if (k < (size_t)ix->npattr * P_PARTS) {
    ix_pattr *a = &ix->pattr[k / P_PARTS];
    uint64_t V = a->ntypes;
    size_t part = k % P_PARTS;
    snprintf(buf, sizeof buf, "p%zu%s", k / P_PARTS, p_part[part]);
    memcpy(name, buf, strlen(buf) < 8 ? strlen(buf) : 8);
    switch (part) {
    case 0: *field = (const void **)&a->form_off; *len = (V + 1) * 8; break;
    case 1: *field = (const void **)&a->forms; *len = a->form_off ? a->form_off[V] : 0; break;
    case 2: *field = (const void **)&a->freq; *len = V * 8; break;
    case 3: *field = (const void **)&a->tokens; *len = ix->ntokens * a->width + 8; break;
    case 4: *field = (const void **)&a->post.off; *len = (V + 1) * 8; break;
    case 5: *field = (const void **)&a->post.data; *len = a->post.off ? a->post.off[V] : 0; break;
    case 6: *field = (const void **)&a->post.count; *len = V * 4; break;
    case 7: *field = (const void **)&a->post.skip_off; *len = (V + 1) * 8; break;
    default: *field = (const void **)&a->post.skip; *len = a->post.skip_off ? a->post.skip_off[V] * sizeof(ix_skip) : 0;
    }
    return;
  }
  k -= (size_t)ix->npattr * P_PARTS;
  ix_sattr *s = &ix->sattr[k / S_PARTS];
  size_t part = k % S_PARTS;
  snprintf(buf, sizeof buf, "s%zu%s", k / S_PARTS, s_part[part]);
  memcpy(name, buf, strlen(buf) < 8 ? strlen(buf) : 8);
  switch (part) {
  case 0: *field = (const void **)&s->reg.start; *len = (uint64_t)s->reg.n * 4; break;
  case 1: *field = (const void **)&s->reg.end; *len = (uint64_t)s->reg.n * 4; break;
  case 2: *field = (const void **)&s->keys; *len = (uint64_t)s->nkeys * 4; break;
  default: *field = (const void **)&s->vals; *len = (uint64_t)s->reg.n * s->nkeys * 4;
  }
}

static int ascending(const uint64_t *a, uint64_t n) {
  for (uint64_t i = 0; i + 1 < n; i++) if (a[i] > a[i + 1]) return 0;
  return 1;
}

const char *sta_check(const ix_index *ix) {
  for (uint32_t i = 0; i < ix->npattr; i++) {
    const ix_pattr *a = &ix->pattr[i];
    uint64_t V = a->ntypes;
    if (a->name >= ix->strings_len) return "attrs";
    if (!ascending(a->form_off, V + 1) || (V && a->forms[a->form_off[V] - 1] != '\0')) return "pattr forms";
    if (!ascending(a->post.off, V + 1) || !ascending(a->post.skip_off, V + 1)) return "pattr postings";
    for (uint64_t pos = 0; pos < ix->ntokens; pos++)
      if (ix_pattr_id(a, pos) >= V) return "pattr tokens";
  }
  for (uint32_t i = 0; i < ix->nsattr; i++) {
    const ix_sattr *s = &ix->sattr[i];
    if (s->name >= ix->strings_len) return "attrs";
    for (uint32_t r = 0; r < s->reg.n; r++)
      if (s->reg.start[r] > s->reg.end[r] || s->reg.end[r] > ix->ntokens || (r && s->reg.start[r] < s->reg.end[r - 1]))
        return "sattr regions";
    for (uint32_t k = 0; k < s->nkeys; k++) if (s->keys[k] >= ix->strings_len) return "sattr keys";
    for (uint64_t k = 0; k < (uint64_t)s->reg.n * s->nkeys; k++) if (s->vals[k] >= ix->strings_len) return "sattr values";
  }
  return NULL;
}
