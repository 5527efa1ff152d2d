/*
** words.c: the word lists of the tokenizer and segmenter, English ones: the abbreviations that
** keep their dot, the words that start a sentence after U.S. or Inc., the words that open a
** paragraph with a colon without being speakers, the particles inside speakers' names, and the
** words that UD English splits or joins its own way (prefixes, cannot, units after numbers).
*/
#include <string.h>

#include "text_int.h"

/* {====================================================================== word lists */

/* Abbreviations that take their dot (the AB_ kinds are in text_int.h). Keys are lowercase and
** sorted. */
static const struct abbrev abbrevs[] = {
  {"adm", AB_TITLE}, {"al", AB_FINAL | AB_ANYCASE}, {"approx", AB_NUM | AB_ANYCASE},
  {"apr", AB_MONTH}, {"art", AB_NUM | AB_ANYCASE}, {"assn", AB_FINAL}, {"aug", AB_MONTH},
  {"ave", AB_FINAL}, {"blvd", AB_FINAL}, {"brig", AB_TITLE}, {"bros", AB_FINAL},
  {"capt", AB_TITLE}, {"cf", AB_TITLE | AB_ANYCASE}, {"ch", AB_NUM | AB_ANYCASE},
  {"cmdr", AB_TITLE}, {"co", AB_FINAL}, {"col", AB_TITLE}, {"corp", AB_FINAL},
  {"cos", AB_FINAL}, {"cpl", AB_TITLE}, {"dec", AB_MONTH}, {"dept", AB_FINAL},
  {"dr", AB_TITLE}, {"esq", AB_FINAL}, {"etc", AB_FINAL | AB_ANYCASE}, {"feb", AB_MONTH},
  {"fig", AB_NUM | AB_ANYCASE}, {"fr", AB_TITLE}, {"ft", AB_TITLE}, {"gen", AB_TITLE},
  {"gov", AB_TITLE}, {"govt", AB_FINAL}, {"hon", AB_TITLE}, {"inc", AB_FINAL},
  {"jan", AB_MONTH}, {"jr", AB_FINAL}, {"jul", AB_MONTH}, {"jun", AB_MONTH},
  {"lt", AB_TITLE}, {"ltd", AB_FINAL}, {"maj", AB_TITLE}, {"mar", AB_MONTH},
  {"messrs", AB_TITLE}, {"mlle", AB_TITLE}, {"mme", AB_TITLE}, {"mr", AB_TITLE},
  {"mrs", AB_TITLE}, {"ms", AB_TITLE}, {"msgr", AB_TITLE}, {"mt", AB_TITLE},
  {"no", AB_NUM | AB_ANYCASE}, {"nos", AB_NUM | AB_ANYCASE}, {"nov", AB_MONTH},
  {"oct", AB_MONTH}, {"p", AB_NUM | AB_ANYCASE}, {"para", AB_NUM | AB_ANYCASE},
  {"pp", AB_NUM | AB_ANYCASE}, {"pres", AB_TITLE}, {"prof", AB_TITLE}, {"pvt", AB_TITLE},
  {"rep", AB_TITLE}, {"reps", AB_TITLE}, {"rev", AB_TITLE}, {"sen", AB_TITLE},
  {"sens", AB_TITLE}, {"sep", AB_MONTH}, {"sept", AB_MONTH}, {"sgt", AB_TITLE},
  {"sr", AB_FINAL}, {"st", AB_TITLE}, {"supt", AB_TITLE}, {"univ", AB_FINAL},
  {"v", AB_TITLE | AB_ANYCASE}, {"viz", AB_TITLE | AB_ANYCASE}, {"vol", AB_NUM | AB_ANYCASE},
  {"vs", AB_TITLE | AB_ANYCASE}
};
#define AB_MAXLEN 6

/* The table entry for the ASCII word w[0..n), any case, or NULL. */
const struct abbrev *txw_abbrev_find(const unsigned char *w, size_t n) {
  char key[AB_MAXLEN + 1];
  if (n == 0 || n > AB_MAXLEN) return NULL;
  if (is_lower(w[0]) && !strchr("acefnpv", w[0])) return NULL;   /* no lowercase entry so starts */
  for (size_t k = 0; k < n; k++) {
    if (!is_alpha(w[k])) return NULL;
    key[k] = (char)to_lower(w[k]);
  }
  key[n] = '\0';
  size_t lo = 0, hi = sizeof abbrevs / sizeof abbrevs[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(key, abbrevs[mid].key);
    if (c == 0) return (abbrevs[mid].how & AB_ANYCASE) || is_upper(w[0]) ? &abbrevs[mid] : NULL;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return NULL;
}

/* Words that start a sentence after an abbreviation that may end one ("in the U.S. The next
** day"). A closed list: any other word after U.S. goes on the sentence (U.S. Naval warships). */
static const char *const starters[] = {
  "A", "After", "Also", "An", "And", "As", "At", "But", "During", "Each", "For", "He", "Her",
  "Here", "His", "How", "However", "I", "If", "In", "It", "Its", "Last", "Many", "Meanwhile",
  "Most", "My", "Now", "On", "Our", "She", "Since", "So", "Some", "Still", "That", "The",
  "Their", "Then", "There", "These", "They", "This", "Those", "Thus", "We", "What", "When",
  "Where", "While", "Who", "Why", "With", "Yet", "You", "Your"
};

/* Compares the word w[0..n) (no NUL inside) with the C string e, as strcmp would. */
static int word_cmp(const unsigned char *w, size_t n, const char *e) {
  int c = strncmp((const char *)w, e, n);
  return c ? c : -(e[n] != '\0');
}

int txw_is_starter(const unsigned char *w, size_t n) {
  size_t lo = 0, hi = sizeof starters / sizeof starters[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = word_cmp(w, n, starters[mid]);
    if (c == 0) return 1;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return 0;
}

/* Capitalized words that open paragraphs with a colon without being speakers (Summary:). */
static const char *const not_speakers[] = {
  "Abstract", "Answer", "Attachment", "Author", "Caption", "Cc", "Citation", "Contents",
  "Correction", "Credits", "Date", "Editor", "Example", "From", "Keywords", "Language", "Location",
  "Note", "Notes", "Photo", "Re", "Related", "Source", "Sources", "Subject", "Summary", "Tags",
  "Title", "To", "Topic", "Update", "Updated", "Warning"
};

int txw_is_not_speaker(const unsigned char *w, size_t n) {
  for (size_t k = 0; k < sizeof not_speakers / sizeof not_speakers[0]; k++)
    if (word_cmp(w, n, not_speakers[k]) == 0) return 1;
  return 0;
}

/* Prefixes that UD English (EWT, GUM) keeps joined to the word after their hyphen (e-mail
** non-white co-workers mid-1980s), lowercase and sorted: each stays whole in the treebanks far more
** often than it splits. Others (self- well- all- in- x-) split like any compound. */
static const char *const prefixes[] = {
  "anti", "arch", "co", "counter", "cross", "de", "e", "ex", "extra", "inter", "intra", "micro",
  "mid", "multi", "neo", "non", "over", "post", "pre", "pro", "pseudo", "quasi", "re", "semi",
  "sub", "trans", "ultra", "un"
};

/* Is key[0..n) one of the count sorted lowercase words of list? */
static int in_sorted(const char *key, size_t n, const char *const *list, size_t count) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = word_cmp((const unsigned char *)key, n, list[mid]);
    if (c == 0) return 1;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return 0;
}

int txw_is_prefix(const unsigned char *w, size_t n) {
  char key[8];
  if (n == 0 || n >= sizeof key || !is_alpha(w[0])) return 0;
  for (size_t k = 0; k < n; k++) {
    if (!is_alpha(w[k]) || (k > 0 && is_upper(w[k]))) return 0;   /* pre, Pre; not PRE or UN */
    key[k] = (char)to_lower(w[k]);
  }
  return in_sorted(key, n, prefixes, sizeof prefixes / sizeof prefixes[0]);
}

/* Words that UD English writes as one multiword token of several words spelling it (cannot ->
** can not): the word, lowercase, and where it is cut (up to two cuts, 0 for none). Only words of
** no other language; the forms without an apostrophe that English shares with others (dont, im,
** its) stay whole. */
static const struct { const char *w; unsigned char cut[2]; } multiwords[] = {
  {"cannot", {3, 0}}, {"dunno", {2, 3}}, {"gonna", {3, 0}}, {"gotta", {3, 0}},
  {"outta", {3, 0}}, {"wanna", {3, 0}}
};

int txw_multiword(const unsigned char *w, size_t n, size_t cut[2]) {
  if (n < 5 || n > 6) return 0;
  for (size_t k = 0; k < sizeof multiwords / sizeof multiwords[0]; k++) {
    const char *e = multiwords[k].w;
    size_t j = 0;
    while (j < n && e[j] && to_lower(w[j]) == (unsigned char)e[j]) j++;
    if (j < n || e[j]) continue;
    cut[0] = multiwords[k].cut[0];
    cut[1] = multiwords[k].cut[1];
    return cut[1] ? 3 : 2;
  }
  return 0;
}

/* Units that UD English splits off a number written against them (10am -> 10 am, 16bn -> 16 bn;
** the ordinals 2nd 10th and decades 1990s stay whole), lowercase and sorted. */
static const char *const units[] = {
  "am", "bbl", "bn", "cm", "ft", "gb", "ghz", "hrs", "hz", "k", "kb", "kg", "km", "kw", "kwh", "lb", "lbs",
  "m", "mb", "mg", "mhz", "min", "mins", "ml", "mm", "mmbtu", "mn", "mph", "mw", "mwh", "oz", "pm",
  "sec", "secs", "tb", "usd"
};

int txw_is_unit(const unsigned char *w, size_t n) {
  char key[8];
  if (n == 0 || n >= sizeof key) return 0;
  for (size_t k = 0; k < n; k++) {
    if (!is_alpha(w[k])) return 0;
    key[k] = (char)to_lower(w[k]);
  }
  return in_sorted(key, n, units, sizeof units / sizeof units[0]);
}

/* Lowercase name particles that may stand inside a speaker's name (Perez de Cuellar). */
int txw_is_particle(const unsigned char *w, size_t n) {
  static const char *const p[] = { "al", "bin", "da", "de", "del", "della", "der", "di", "du",
                                   "ibn", "la", "le", "van", "von" };
  for (size_t k = 0; k < sizeof p / sizeof p[0]; k++)
    if (word_cmp(w, n, p[k]) == 0) return 1;
  return 0;
}


/* }====================================================================== */
