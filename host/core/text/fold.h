/*
** fold.h: the equivalence classes of word forms. Matching in lector is by folded form: quotes and
** apostrophes unified (’ = ', “ ” = "), hyphen variants unified; then case folded; on request also
** diacritics stripped and abbreviation dots dropped (U.N. = UN). Folding is done once per distinct
** form (the lexicon), never per token, so it may use utf8proc's full Unicode tables.
*/
#ifndef LECTOR_FOLD_H
#define LECTOR_FOLD_H

#include <stddef.h>
#include <stdint.h>

enum {
  FOLD_NORM  = 0,   /* quote, apostrophe and hyphen variants unified; case kept ("exact") */
  FOLD_CASE  = 1,   /* FOLD_NORM + Unicode case folding (the default for matching) */
  FOLD_LOOSE = 2    /* FOLD_CASE + diacritics stripped + dots removed from dotted abbreviations */
};

typedef struct fold_buf {
  char *s;
  size_t len, cap;
} fold_buf;

/* Folds s[0..len) at the given level into b (replacing its content, NUL-terminated).
** Invalid UTF-8 is copied through unchanged. Returns 0, or -1 when memory ran out. */
int fold(fold_buf *b, const char *s, size_t len, int level);
void fold_buf_free(fold_buf *b);

/* A folded form kept in an arena of forms: its bytes [off, off + len), and whose form it is (a
** type's or a fold class's id). The index sorts its fold classes so, and the corpus its loose view. */
typedef struct fold_item { uint64_t off; uint32_t len, id; } fold_item;

/* Sorts items by their bytes in arena (bytewise; a prefix before the longer form), then by id. */
void fold_sort(fold_item *items, size_t n, const char *arena);

#endif
