/*
** store.h: the on-disk index of a corpus: one file, mapped into memory, that holds every array of
** an ix_index as a section. See store.c for the format and for how it is checked.
*/
#ifndef LECTOR_STORE_H
#define LECTOR_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "index/index.h"

#define ST_VERSION 1u        /* bump when the format, the tokenizer or the folding changes */

/* What the store keeps beside the index: the hash of the corpus's sidecar and boilerplate list
** (src_context_hash) and the warnings the build gave, as "file\0message\0" pairs back to back. */
typedef struct st_extra {
  uint64_t context_hash;
  const char *warnings;
  size_t warnings_len;
} st_extra;

/* Where the index of the corpus at root lives: root/.lector/index for a folder, else (a single file,
** or with cache set) a folder of the user's cache named by a hash of root's real path:
** $XDG_CACHE_HOME/lector/HASH/index or ~/.cache/lector/HASH/index. A malloc'd path, or NULL. */
char *st_path(const char *root, int cache);

/* Writes ix to path: to a temporary file beside it, synced, then renamed over path, so that a
** reader sees the old file or the new one, whole, and a crash leaves no broken index. Makes the
** folder when missing. Returns 0, or -1 with a message (errno kept: EACCES, EROFS tell a
** read-only place). */
int st_write(const char *path, const ix_index *ix, const st_extra *extra, char *err, size_t errlen);

/* Opens the index at path: maps it and checks it. Always: the header (magic, version, byte order,
** size), the section table, every section's length against the counts, and the stamp beside the
** file. Every byte (all checksums, and the offsets that readers follow) when verify is set, or when
** the stamp does not vouch for this very file (same device, inode, size, mtime and ctime as when
** it was written or last verified); a full check that passes renews the stamp. Returns 0 with *out
** (and *extra, pointing into the mapping), 1 when there is no file (or none this user may read), 2 when it is sound but was made
** by another version or build of lector (a message says which), or -1 with a message saying what
** is wrong (damaged, truncated, foreign). The caller builds anew after 2 and -1. */
int st_open(const char *path, int verify, ix_index **out, st_extra *extra, char *err, size_t errlen);

#endif
