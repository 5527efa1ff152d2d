/*
** dates.c: a date in the shapes writers use (2002-09-20, November 19, 1990, 19 Nov. 1990, Nov 19
** 1990, ...) read as ISO 8601, and only when it is one (2002-02-30 is not). textmeta.c looks for
** them in a text's first lines, namemeta.c in file names.
*/
#include <string.h>

#include "source_int.h"

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

static const char *const month_names[12] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december"
};

/* A month at s[*i]: its full name, its first three letters, or "Sept", an abbreviation allowing a
** '.'; returns 1..12 with *i moved past it, or 0. */
static int month_at(const char *s, size_t n, size_t *i) {
  size_t a = *i, k = a;
  while (k < n && is_alpha((unsigned char)s[k])) k++;
  size_t w = k - a;
  for (int m = 0; m < 12; m++) {
    size_t full = strlen(month_names[m]);
    if (w < 3 || w > full || !src_caseeq(s + a, month_names[m], w)) continue;
    if (w < full && w != 3 && !(m == 8 && w == 4)) continue;
    if (w < full && k < n && s[k] == '.') k++;
    *i = k;
    return m + 1;
  }
  return 0;
}

/* From min to max digits at s[*i], not followed by another digit. */
static int number_at(const char *s, size_t n, size_t *i, int min, int max, int *v) {
  size_t k = *i;
  int x = 0;
  while (k < n && is_digit((unsigned char)s[k]) && (int)(k - *i) < max) x = 10 * x + (s[k++] - '0');
  if ((int)(k - *i) < min || (k < n && is_digit((unsigned char)s[k]))) return 0;
  *i = k;
  *v = x;
  return 1;
}

/* A day of the month, with an ordinal suffix allowed (19th). */
static int day_at(const char *s, size_t n, size_t *i, int *d) {
  if (!number_at(s, n, i, 1, 2, d)) return 0;
  static const char *const ord[] = { "st", "nd", "rd", "th" };
  for (int k = 0; k < 4; k++)
    if (*i + 2 <= n && src_caseeq(s + *i, ord[k], 2) && (*i + 2 == n || !is_alpha((unsigned char)s[*i + 2]))) {
      *i += 2;
      break;
    }
  return 1;
}

static int spaces(const char *s, size_t n, size_t *i) {
  size_t k = *i;
  while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
  if (k == *i) return 0;
  *i = k;
  return 1;
}

static int valid_date(int y, int m, int d) {
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (y < 1000 || m < 1 || m > 12 || d < 1) return 0;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap);
}

/* An optional comma, then white space: what separates the day or month from the year. */
static int before_year(const char *s, size_t n, size_t *i) {
  if (*i < n && s[*i] == ',') (*i)++;
  return spaces(s, n, i);
}

int src_parse_date(const char *s, size_t n, char iso[11]) {
  int y = 0, m = 0, d = 0, ok;
  size_t i = 0;
  if (n == 10 && s[4] == '-')         /* 2002-09-20 */
    ok = number_at(s, n, &i, 4, 4, &y) && s[i++] == '-' && number_at(s, n, &i, 2, 2, &m)
      && s[i++] == '-' && number_at(s, n, &i, 2, 2, &d);
  else if (n && is_digit((unsigned char)s[0]))   /* 19 November 1990 */
    ok = day_at(s, n, &i, &d) && spaces(s, n, &i) && (m = month_at(s, n, &i)) != 0
      && before_year(s, n, &i) && number_at(s, n, &i, 4, 4, &y);
  else                                /* November 19, 1990 */
    ok = (m = month_at(s, n, &i)) != 0 && spaces(s, n, &i) && day_at(s, n, &i, &d)
      && before_year(s, n, &i) && number_at(s, n, &i, 4, 4, &y);
  if (!ok || i != n) return 0;
  if (!valid_date(y, m, d)) return -1;
  const int v[3] = { y, m, d }, w[3] = { 4, 2, 2 };   /* YYYY-MM-DD, y having four digits */
  for (int k = 0, o = 0; k < 3; o += w[k] + 1, k++) {
    for (int x = v[k], q = w[k] - 1; q >= 0; q--, x /= 10) iso[o + q] = (char)('0' + x % 10);
    iso[o + w[k]] = k < 2 ? '-' : '\0';
  }
  return 1;
}
