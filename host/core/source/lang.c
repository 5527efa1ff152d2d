/*
** lang.c: the language a text is written in, as an ISO 639-1 code, when its metadata does not
** say ("lang" from the sidecar, a .jsonl field or the file wins; textmeta.c asks here only
** otherwise). Part of what a document says about itself, like its title and date, so it lives in
** the loader and needs only the bytes: the tokenizer (text/, a layer below) is told the result.
** First the script of the letters (the first SRC_LANG_BYTES of the text): most scripts belong to
** one language (Hangul ko, Thai th, Greek el, Hebrew he...); Han is zh, or ja with kana among it;
** Arabic is ar, or fa or ur by the letters only they use. For Latin and Cyrillic, the frequent
** function words of each language vote (en fr de es it pt nl; ru uk bg), with the letters only
** Russian or only Ukrainian has; a Cyrillic text too short to vote is Russian when it has none of
** the letters of Ukrainian, Serbian or Bulgarian (і ї є ґ, ј љ њ, many ъ). "und" when the text is
** too short (SRC_LANG_MIN_LETTERS, SRC_LANG_WORDS) or the vote too close. It reads a kilobyte at a
** time and stops as soon as the answer is beyond doubt (most texts: after the first), so that it
** costs the loader little.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

/* {====================================================================== scripts */

enum {
  SC_LATIN, SC_CYRILLIC, SC_GREEK, SC_ARMENIAN, SC_HEBREW, SC_ARABIC, SC_DEVANAGARI, SC_BENGALI,
  SC_GURMUKHI, SC_GUJARATI, SC_ORIYA, SC_TAMIL, SC_TELUGU, SC_KANNADA, SC_MALAYALAM, SC_SINHALA,
  SC_THAI, SC_LAO, SC_TIBETAN, SC_MYANMAR, SC_GEORGIAN, SC_HANGUL, SC_ETHIOPIC, SC_KHMER, SC_KANA,
  SC_HAN, SC_N
};

/* The language of each script that has one (NULL: decided otherwise). */
static const char *const script_lang[SC_N] = {
  NULL, NULL, "el", "hy", "he", NULL, "hi", "bn", "pa", "gu", "or", "ta", "te", "kn", "ml", "si",
  "th", "lo", "bo", "my", "ka", "ko", "am", "km", NULL, NULL
};

/* The letters of each script, in sorted ranges (blocks; the odd punctuation mark inside a block
** counts as a letter, which does not change a vote). */
static const struct { uint32_t lo, hi; unsigned char sc; } script_ranges[] = {
  {0x00C0, 0x024F, SC_LATIN}, {0x0250, 0x02AF, SC_LATIN}, {0x0370, 0x03FF, SC_GREEK},
  {0x0400, 0x052F, SC_CYRILLIC}, {0x0531, 0x058F, SC_ARMENIAN}, {0x0591, 0x05FF, SC_HEBREW},
  {0x0600, 0x06FF, SC_ARABIC}, {0x0750, 0x077F, SC_ARABIC}, {0x08A0, 0x08FF, SC_ARABIC},
  {0x0900, 0x097F, SC_DEVANAGARI}, {0x0980, 0x09FF, SC_BENGALI}, {0x0A00, 0x0A7F, SC_GURMUKHI},
  {0x0A80, 0x0AFF, SC_GUJARATI}, {0x0B00, 0x0B7F, SC_ORIYA}, {0x0B80, 0x0BFF, SC_TAMIL},
  {0x0C00, 0x0C7F, SC_TELUGU}, {0x0C80, 0x0CFF, SC_KANNADA}, {0x0D00, 0x0D7F, SC_MALAYALAM},
  {0x0D80, 0x0DFF, SC_SINHALA}, {0x0E00, 0x0E7F, SC_THAI}, {0x0E80, 0x0EFF, SC_LAO},
  {0x0F00, 0x0FFF, SC_TIBETAN}, {0x1000, 0x109F, SC_MYANMAR}, {0x10A0, 0x10FF, SC_GEORGIAN},
  {0x1100, 0x11FF, SC_HANGUL}, {0x1200, 0x139F, SC_ETHIOPIC}, {0x1780, 0x17FF, SC_KHMER},
  {0x1C80, 0x1C8F, SC_CYRILLIC}, {0x1E00, 0x1EFF, SC_LATIN}, {0x1F00, 0x1FFF, SC_GREEK},
  {0x2DE0, 0x2DFF, SC_CYRILLIC}, {0x2E80, 0x2FDF, SC_HAN}, {0x3005, 0x3007, SC_HAN},
  {0x3021, 0x3029, SC_HAN}, {0x3041, 0x30FF, SC_KANA}, {0x3131, 0x318F, SC_HANGUL},
  {0x31F0, 0x31FF, SC_KANA}, {0x3400, 0x4DBF, SC_HAN}, {0x4E00, 0x9FFF, SC_HAN},
  {0xA640, 0xA69F, SC_CYRILLIC}, {0xA960, 0xA97F, SC_HANGUL}, {0xAC00, 0xD7FF, SC_HANGUL},
  {0xF900, 0xFAFF, SC_HAN}, {0xFB1D, 0xFB4F, SC_HEBREW}, {0xFB50, 0xFDFF, SC_ARABIC},
  {0xFE70, 0xFEFF, SC_ARABIC}, {0xFF21, 0xFF3A, SC_LATIN}, {0xFF41, 0xFF5A, SC_LATIN},
  {0xFF66, 0xFF9F, SC_KANA}, {0xFFA0, 0xFFDC, SC_HANGUL}, {0x1B000, 0x1B16F, SC_KANA},
  {0x20000, 0x323AF, SC_HAN}
};

/* The script of code point cp, or -1 for no letter of a script counted here. */
static int script_of(uint32_t cp) {
  if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? SC_LATIN : -1;
  if (cp == 0x00D7 || cp == 0x00F7) return -1;
  size_t lo = 0, hi = sizeof script_ranges / sizeof *script_ranges;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < script_ranges[mid].lo) hi = mid;
    else if (cp > script_ranges[mid].hi) lo = mid + 1;
    else return script_ranges[mid].sc;
  }
  return -1;
}

/* Decodes the valid UTF-8 at s[i] (i < n) into *cp; returns its length (1 for a stray byte). */
static size_t decode(const unsigned char *s, size_t n, size_t i, uint32_t *cp) {
  unsigned c = s[i];
  size_t m = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (c < 0x80 || c < 0xC2 || c > 0xF4 || i + m > n) { *cp = c < 0x80 ? c : 0xFFFD; return 1; }
  uint32_t v = c & (0x7F >> m);
  for (size_t k = 1; k < m; k++) {
    if ((s[i + k] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
    v = (v << 6) | (s[i + k] & 0x3F);
  }
  *cp = v;
  return m;
}

/* }====================================================================== */


/* {====================================================================== function words */

enum { L_EN, L_FR, L_DE, L_ES, L_IT, L_PT, L_NL, L_RU, L_UK, L_BG, L_N };
static const char *const lang_code[L_N] = { "en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "bg" };

/* The frequent short words of each language, lowercase; an elided word keeps its apostrophe
** (l'), as the word reader below gives it. A word in several lists splits its vote. */
static const char *const fwords[L_N] = {
  /* en */ "the and of to is that with for was it this are be by not which have from at his he a in on "
           "were has would their they will been or but there its had an who what when",
  /* fr */ "le la les des du et est une un dans que qui pour pas sur au aux ce cette il elle avec "
           "sont ont a de en été mais ne plus nous vous leur se sa son ses l' d' qu' n' s' c' j' m' "
           "jusqu' lorsqu' où être",
  /* de */ "der die das und in ist nicht ein eine einen zu den dem mit sich auf für von im des auch "
           "wird wurde sind dass noch bei aus nach wie oder aber hat er sie wir",
  /* es */ "el la los las de que y a en un una por con para es del se al lo como más pero sus fue "
           "ha este esta son también muy sin sobre entre",
  /* it */ "il la di che e è a in un una per non sono del della dei delle nel nella con gli le al alla "
           "lo si anche come più l' dell' all' un' nell' sull' dall' c' questo stato ha",
  /* pt */ "o a os as de que e do da dos das em um uma para com não no na por se mais é foi ao "
           "são pelo pela também seu sua",
  /* nl */ "de het een en in van is dat niet op te zijn met voor er ook aan maar om wordt bij deze "
           "hij ze werd door naar dan nog wel",
  /* ru */ "и в не на что с по это как он она к из у за от для был была были его но же так "
           "также или бы только о мы вы они если уже",
  /* uk */ "і в не на що з до це як він вона у за від для був була були його але й та також або "
           "би тільки про ми ви вони якщо вже",
  /* bg */ "и в не на че с по това как той тя към от за беше са е се да като които което която "
           "този тази тези ще бе със",
};

typedef struct fword { char w[16]; unsigned short langs; } fword;

static fword *ftable;
static size_t nftable;
static pthread_once_t ftable_once = PTHREAD_ONCE_INIT;

static int cmp_fword(const void *a, const void *b) {
  return strcmp(((const fword *)a)->w, ((const fword *)b)->w);
}

/* Builds the sorted table of all the lists, a word once with the set of its languages (once per
** process; on failure to allocate there is no table and Latin texts are "und"). */
static void ftable_build(void) {
  size_t cap = 0;
  for (int l = 0; l < L_N; l++)
    for (const char *p = fwords[l]; *p; p++) cap += *p == ' ';
  cap += L_N;
  fword *t = calloc(cap, sizeof *t);
  if (!t) return;
  size_t n = 0;
  for (int l = 0; l < L_N; l++) {
    const char *p = fwords[l];
    while (*p) {
      size_t k = strcspn(p, " ");
      if (k && k < sizeof t->w && n < cap) {
        memcpy(t[n].w, p, k);
        t[n].w[k] = '\0';
        t[n].langs = (unsigned short)(1u << l);
        n++;
      }
      p += k;
      while (*p == ' ') p++;
    }
  }
  qsort(t, n, sizeof *t, cmp_fword);
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (m && strcmp(t[m - 1].w, t[i].w) == 0) t[m - 1].langs |= t[i].langs;
    else t[m++] = t[i];
  }
  ftable = t;
  nftable = m;
}

/* The languages whose list holds w, as a bit set (0 for none). */
static unsigned fword_langs(const char *w) {
  size_t lo = 0, hi = nftable;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int r = strcmp(w, ftable[mid].w);
    if (r == 0) return ftable[mid].langs;
    if (r < 0) hi = mid; else lo = mid + 1;
  }
  return 0;
}

/* The lowercase of a Latin or Cyrillic letter (the ranges the lists need), else cp. */
static uint32_t lower(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 0x20 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;
  if (cp >= 0x0490 && cp <= 0x04BF) return cp | 1;          /* Ґ ґ and the like: even upper */
  return cp;
}

/* Appends cp as UTF-8 to w (room for k more bytes checked by the caller). */
static size_t put_utf8(char *w, uint32_t cp) {
  if (cp < 0x80) { w[0] = (char)cp; return 1; }
  if (cp < 0x800) { w[0] = (char)(0xC0 | (cp >> 6)); w[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
  w[0] = (char)(0xE0 | (cp >> 12));
  w[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
  w[2] = (char)(0x80 | (cp & 0x3F));
  return 3;
}

/* }====================================================================== */


/* {====================================================================== the detector */

/* What one pass over the text counts. */
typedef struct tally {
  size_t script[SC_N];
  size_t score[L_N];       /* votes of function words, SRC_LANG_VOTE a word shared by none */
  size_t persian, urdu;    /* Arabic letters only Persian (and Urdu), only Urdu uses */
  size_t ru_only, uk_only; /* Cyrillic letters only Russian (ы э ё), only Ukrainian (і ї є ґ) has */
  size_t hard, serbian;    /* ъ, frequent in Bulgarian only; ј љ њ ћ ђ џ (Serbian, Macedonian) */
} tally;

#define SRC_LANG_VOTE 2520  /* divisible by 1..10: a word in k lists gives each VOTE / k */

/* A word read (lowercase, at most 15 bytes), voted on. */
static void vote(tally *t, const char *w) {
  unsigned langs = fword_langs(w);
  if (!langs) return;
  size_t k = 0;
  for (int l = 0; l < L_N; l++) k += (langs >> l) & 1;
  for (int l = 0; l < L_N; l++)
    if ((langs >> l) & 1) t->score[l] += SRC_LANG_VOTE / k;
}

/* Counts the letters of each script, and votes with the Latin and Cyrillic words, over s[0..n). */
static void count(tally *t, const unsigned char *s, size_t n) {
  char w[16];
  size_t wl = 0;
  int wok = 1;                 /* the word so far fits w */
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t m = decode(s, n, i, &cp);
    i += m;
    int sc = script_of(cp);
    if (sc >= 0) t->script[sc]++;
    if (sc == SC_ARABIC) {
      if (cp == 0x0679 || cp == 0x0688 || cp == 0x0691 || cp == 0x06BA || cp == 0x06BE || cp == 0x06C1 || cp == 0x06D2) t->urdu++;
      else if (cp == 0x067E || cp == 0x0686 || cp == 0x0698 || cp == 0x06AF || cp == 0x06CC || cp == 0x06A9) t->persian++;
    } else if (sc == SC_CYRILLIC) {
      uint32_t lc = lower(cp);
      if (lc == 0x044B || lc == 0x044D || lc == 0x0451) t->ru_only++;
      else if (lc == 0x0456 || lc == 0x0457 || lc == 0x0454 || lc == 0x0491) t->uk_only++;
      else if (lc == 0x044A) t->hard++;
      else if (lc == 0x0458 || lc == 0x0459 || lc == 0x045A || lc == 0x045B || lc == 0x0452 || lc == 0x045F) t->serbian++;
    }
    if (sc == SC_LATIN || sc == SC_CYRILLIC) {
      uint32_t lc = lower(cp);
      if (wok && wl + 3 < sizeof w) wl += put_utf8(w + wl, lc);
      else wok = 0;
      continue;
    }
    uint32_t next;
    if (wl && (cp == '\'' || cp == 0x2019) && i < n && (decode(s, n, i, &next), script_of(next) >= 0)) {
      if (wok && wl + 1 < sizeof w) {   /* l'avis: the word "l'" ends here, another begins */
        w[wl++] = '\'';
        w[wl] = '\0';
        vote(t, w);
      }
      wl = 0;
      wok = 1;
      continue;
    }
    if (wl && wok) {
      w[wl] = '\0';
      vote(t, w);
    }
    wl = 0;
    wok = 1;
  }
  if (wl && wok) {
    w[wl] = '\0';
    vote(t, w);
  }
}

/* The best of the languages [from, to) by score, if it wins clearly (at least SRC_LANG_WORDS
** votes, and a quarter more than the second); else NULL. */
static const char *best_of(const tally *t, int from, int to) {
  int best = -1;
  size_t second = 0;
  for (int l = from; l < to; l++) {
    if (best < 0 || t->score[l] > t->score[best]) {
      if (best >= 0) second = t->score[best];
      best = l;
    } else if (t->score[l] > second) {
      second = t->score[l];
    }
  }
  if (best < 0 || t->score[best] < (size_t)SRC_LANG_WORDS * SRC_LANG_VOTE) return NULL;
  if (t->score[best] * 4 <= second * 5) return NULL;
  return lang_code[best];
}

/* Whether the text so far leaves no doubt, so that reading on would not change the answer: enough
** letters, mostly of a script that names its language, or a clear lead of one language's words. */
static int settled(const tally *t) {
  size_t total = 0;
  int top = 0;
  for (int sc = 0; sc < SC_N; sc++) {
    total += t->script[sc];
    if (t->script[sc] > t->script[top]) top = sc;
  }
  if (total < SRC_LANG_SURE_LETTERS || t->script[top] * 4 < total * 3) return 0;
  if (top != SC_LATIN && top != SC_CYRILLIC) return 1;
  int from = top == SC_LATIN ? L_EN : L_RU, to = top == SC_LATIN ? L_RU : L_N;
  size_t best = 0, second = 0;
  for (int l = from; l < to; l++) {
    if (t->score[l] > best) { second = best; best = t->score[l]; }
    else if (t->score[l] > second) second = t->score[l];
  }
  return best >= (size_t)SRC_LANG_SURE_WORDS * SRC_LANG_VOTE && best >= 3 * second;
}

const char *src_detect_lang(const char *text, size_t len) {
  pthread_once(&ftable_once, ftable_build);
  const unsigned char *s = (const unsigned char *)text;
  size_t n = len < SRC_LANG_BYTES ? len : SRC_LANG_BYTES;
  tally t;
  memset(&t, 0, sizeof t);
  /* a kilobyte at a time, cut at a space, until the answer is settled */
  for (size_t at = 0; at < n && !settled(&t);) {
    size_t e = at + 1024 < n ? at + 1024 : n;
    while (e < n && s[e] != ' ' && s[e] != '\n') e++;
    count(&t, s + at, e - at);
    at = e;
  }
  size_t total = 0;
  int top = -1;
  for (int sc = 0; sc < SC_N; sc++) {
    total += t.script[sc];
    if (top < 0 || t.script[sc] > t.script[top]) top = sc;
  }
  /* Han and kana together are one writing: Japanese when kana is a tenth of it at least */
  size_t cj = t.script[SC_HAN] + t.script[SC_KANA];
  if (cj > t.script[top]) top = SC_HAN;
  if (top == SC_HAN || top == SC_KANA) {
    if (cj < SRC_LANG_MIN_CJK) return "und";
    return t.script[SC_KANA] * 10 >= cj ? "ja" : "zh";
  }
  if (total < SRC_LANG_MIN_LETTERS || t.script[top] * 2 < total) return "und";
  if (script_lang[top]) return script_lang[top];
  if (top == SC_ARABIC) {
    size_t a = t.script[SC_ARABIC];
    if (t.urdu >= 2 && t.urdu * 100 >= a) return "ur";
    if (t.persian >= 2 && t.persian * 50 >= a) return "fa";
    return "ar";
  }
  if (!ftable) return "und";
  if (top == SC_CYRILLIC) {
    t.score[L_RU] += t.ru_only * SRC_LANG_VOTE;
    t.score[L_UK] += t.uk_only * SRC_LANG_VOTE;
    const char *c = best_of(&t, L_RU, L_N);
    if (c) return c;
    /* too few words to vote: Russian is the Cyrillic text without the letters of the others */
    size_t cyr = t.script[SC_CYRILLIC];
    return !t.uk_only && !t.serbian && t.hard * 100 < cyr ? "ru" : "und";
  }
  const char *c = best_of(&t, L_EN, L_RU);
  return c ? c : "und";
}

/* }====================================================================== */
