/*
** store_int.h: what store.c and store_attrs.c share, seen by them alone: the sections of the
** attributes besides the word, whose number depends on the corpus (see store_attrs.c).
*/
#ifndef LECTOR_STORE_INT_H
#define LECTOR_STORE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "index/index.h"

/* The descriptor section of ix's attributes, malloc'd into *out; 0 or -1 (memory). */
int sta_descriptor(const ix_index *ix, uint32_t **out, uint64_t *len);
/* Reads a descriptor into ix (allocating ix->pattr and ix->sattr, sizes set, arrays not yet).
** NULL, or the name of what is damaged. */
const char *sta_read_descriptor(ix_index *ix, const void *p, uint64_t len);
/* How many sections the attributes take after the fixed ones. */
size_t sta_count(const ix_index *ix);
/* Section k of them: name, the field that points at it, and its length (which depends on the
** sections before it: they must be in place). */
void sta_section(ix_index *ix, size_t k, char name[8], const void ***field, uint64_t *len);
/* What the checksums cannot tell about them: offsets in order, ids and strings in range. NULL, or
** the name of what is inconsistent. */
const char *sta_check(const ix_index *ix);

#endif
