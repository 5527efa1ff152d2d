/*
** config.c: what a corpus remembers of how it was opened, so that later opens, scripts and the
** REPL need no flags: a small text file ROOT/.lector/config of "key = value" lines beside the
** index (annotate, vrt-attributes, text-field, name-fields, name-sep, name-pattern: see
** doc/formats.md). Unlike the index, it
** survives a rebuild (a new lector, a damaged index). A corpus that is one file has none.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus.h"

#if !defined(CFG_MAX_LINE)
#define CFG_MAX_LINE 1024
#endif

static int config_path(const char *root, char *buf, size_t n) {
  struct stat st;
  if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) return -1;
  return snprintf(buf, n, "%s/.lector/config", root) < (int)n ? 0 : -1;
}

/* Trims spaces at both ends of s in place. */
static char *trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
  return s;
}

int cfg_get(const char *root, const char *key, char *value, size_t n) {
  char path[4096], line[CFG_MAX_LINE];
  if (config_path(root, path, sizeof path)) return 0;
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  int found = 0;
  while (!found && fgets(line, sizeof line, f)) {
    char *eq = strchr(line, '=');
    if (line[0] == '#' || !eq) continue;
    *eq = '\0';
    if (strcmp(trim(line), key) != 0) continue;
    snprintf(value, n, "%s", trim(eq + 1));
    found = 1;
  }
  fclose(f);
  return found;
}

int cfg_set(const char *root, const char *key, const char *value) {
  char path[4096], tmp[4200], line[CFG_MAX_LINE];
  if (config_path(root, path, sizeof path)) return -1;
  snprintf(tmp, sizeof tmp, "%s/.lector", root);
  mkdir(tmp, 0755);                               /* the folder may not be there yet */
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *in = fopen(path, "r"), *out = fopen(tmp, "w");
  if (!out) { if (in) fclose(in); return -1; }
  fputs("# lector: how this corpus is opened (lector writes this file; see doc/formats.md)\n", out);
  while (in && fgets(line, sizeof line, in)) {
    char copy[CFG_MAX_LINE];
    snprintf(copy, sizeof copy, "%s", line);
    char *eq = strchr(copy, '=');
    if (copy[0] == '#') continue;
    if (eq) { *eq = '\0'; if (strcmp(trim(copy), key) == 0) continue; }
    fputs(line, out);
  }
  if (in) fclose(in);
  if (*value) fprintf(out, "%s = %s\n", key, value);   /* "" forgets the key */
  int bad = fclose(out) != 0;
  if (bad || rename(tmp, path) != 0) { remove(tmp); return -1; }
  return 0;
}
