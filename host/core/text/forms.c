/*
** forms.c: the shapes that UD English tokenizes its own way and the scanner of text.c asks about
** only at a digit, a letter before a slash, or : ; = ( : numbers with separators kept whole (times,
** dates, telephone numbers), b/c, emoticons. The rules are in text.c's header comment.
*/
#include <string.h>

#include "text_int.h"

/* {====================================================================== numbers */

/* The end of the run of digits at s[i], and its length in *len. */
static size_t digits(const unsigned char *s, size_t n, size_t i, size_t *len) {
  size_t k = i;
  while (k < n && is_digit(s[k])) k++;
  *len = k - i;
  return k;
}

/* Whether the number that ends at s[k] ends there: no digit, letter (unless letters_ok: 8:30pm)
** or inner separator follows. */
static int num_ends(const unsigned char *s, size_t n, size_t k, int letters_ok) {
  int m;
  if (k >= n) return 1;
  if (is_digit(s[k]) || (!letters_ok && word_char_at(s, n, k, &m)) || s[k] == '_') return 0;
  if ((s[k] == '/' || s[k] == ':' || s[k] == '.' || s[k] == ',') && k + 1 < n && is_digit(s[k + 1]))
    return 0;
  return 1;
}

/*
** The end of a number at s[i] (a digit) that UD English keeps in one token although it holds
** separators lector cuts elsewhere, or 0: a time (14:57, 01:39:56), a date with slashes
** (07/06/2000, 3/8/00, and month/day 9/11 5/18: a first number up to 12, a second of two digits
** up to 31), or digits joined by hyphens that are not a range: three groups or more (2002-09-20
** 713-853-3989) or a group of four after one that is not (853-7906 94720-1900). A range (1990-91
** 16-18 2003-2007) and a fraction (1/2 48/126) are cut. *hy says the number holds a hyphen.
*/
size_t txf_numeric_whole(const unsigned char *s, size_t n, size_t i, int *hy) {
  size_t a, b, c;
  size_t k = digits(s, n, i, &a);
  *hy = 0;
  if (k + 1 >= n || !is_digit(s[k + 1])) return 0;
  if (s[k] == ':' && a <= 2) {
    k = digits(s, n, k + 1, &b);
    if (b != 2) return 0;
    if (k + 1 < n && s[k] == ':' && is_digit(s[k + 1])) {
      k = digits(s, n, k + 1, &c);
      if (c != 2) return 0;
    }
    return num_ends(s, n, k, 1) ? k : 0;
  }
  if (s[k] == '/' && a <= 2) {
    size_t m1 = a == 1 ? (size_t)(s[i] - '0') : (size_t)(s[i] - '0') * 10 + (size_t)(s[i + 1] - '0');
    k = digits(s, n, k + 1, &b);
    if (b > 2) return 0;
    if (k + 1 < n && s[k] == '/' && is_digit(s[k + 1])) {
      k = digits(s, n, k + 1, &c);
      return (c == 2 || c == 4) && num_ends(s, n, k, 0) ? k : 0;
    }
    size_t day = (size_t)(s[k - 2] - '0') * 10 + (size_t)(s[k - 1] - '0');
    return m1 >= 1 && m1 <= 12 && b == 2 && day >= 10 && day <= 31 && num_ends(s, n, k, 0) ? k : 0;
  }
  if (s[k] == '-') {
    size_t groups = 1, first = a, last = 0;
    while (k + 1 < n && s[k] == '-' && is_digit(s[k + 1])) {
      k = digits(s, n, k + 1, &last);
      groups++;
    }
    if (!num_ends(s, n, k, 0) || !(groups >= 3 || (last == 4 && first != 4))) return 0;
    *hy = 1;
    return k;
  }
  return 0;
}

/* }====================================================================== */


/* {====================================================================== letters and symbols */

/* Whether s[i..i+3) is a letter, a slash and a letter standing alone (b/c, w/o, L/C), a token
** in UD English. */
int txf_letter_slash(const unsigned char *s, size_t n, size_t i) {
  int m;
  return i + 2 < n && is_alpha(s[i]) && s[i + 1] == '/' && is_alpha(s[i + 2]) &&
         !word_char_at(s, n, i + 3, &m) && !(i + 3 < n && s[i + 3] == '/') && !(i > 0 && s[i - 1] == '/');
}

/* The end of an emoticon at s[i] (: ; = or ( ), or 0: :) :-( ;D :P =) (: standing apart from
** words, as UD English keeps them, one token each. */
size_t txf_emoticon_end(const unsigned char *s, size_t n, size_t i) {
  int m;
  size_t k = i + 1;
  if (i > 0 && !is_space(s[i - 1])) return 0;
  if (s[i] == '(') {
    if (k >= n || s[k] != ':') return 0;
    k++;
  } else {
    if (k < n && s[k] == '-') k++;
    if (k >= n || !strchr(")(DPp/]|", s[k])) return 0;
    k++;
  }
  return word_char_at(s, n, k, &m) || (k < n && s[k] == '/') ? 0 : k;
}

/* }====================================================================== */
