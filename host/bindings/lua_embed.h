/*
** lua_embed.h: the host's Lua modules as compiled into the binary (see host/tools/embed.lua).
*/
#ifndef LECTOR_LUA_EMBED_H
#define LECTOR_LUA_EMBED_H

#include <stddef.h>

typedef struct lb_embedded {
  const char *name;          /* module name for require: "lector.core" */
  const char *path;          /* where it came from: "host/lua/lector/core.lua" */
  const char *src;
  size_t len;
} lb_embedded;

extern const lb_embedded lb_embedded_modules[];

#endif
