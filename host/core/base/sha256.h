/*
** sha256.h: SHA-256 (FIPS 180-4), written here for the pack lock file (lector.lock), so that
** lector needs no crypto library to check that installed packs are what was recorded.
*/
#ifndef LECTOR_SHA256_H
#define LECTOR_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct sha256_ctx {
  uint32_t h[8];
  uint64_t bytes;            /* message length so far */
  unsigned char buf[64];
  size_t fill;               /* bytes waiting in buf */
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t n);
/* Writes the 32-byte digest; the context must be initialized again before reuse. */
void sha256_final(sha256_ctx *c, unsigned char out[32]);
/* The digest of data as 64 lowercase hex digits and a NUL in hex[65]. */
void sha256_hex(const void *data, size_t n, char hex[65]);

#endif
