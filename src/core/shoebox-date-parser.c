/* shoebox-date-parser.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-date-parser"

#include "config.h"

#include <string.h>

#include "shoebox-date-parser.h"

/* Dates in feeds come in two families: RFC 822 (RSS pubDate, and plenty of
 * near misses: missing seconds, missing weekday, two-digit years, named
 * zones, asctime and JavaScript's Date.toString()) and ISO 8601 / W3CDTF
 * (Atom, Dublin Core, JSON Feed). Both readers below are deliberately
 * lenient about the shape and strict about the values: an impossible date
 * (February 29th of a common year, minute 61) gives NULL, never a guess.
 *
 * libsoup's soup_date_time_new_from_http_string() is not used: it reads
 * EST/PDT as UTC and refuses dates without seconds.
 */

/* Longer input is not a date; it also keeps the scanners' work bounded. */
#define MAX_DATE_LENGTH 256

typedef struct
{
  const char *name;
  int         minutes;
} NamedZone;

/* RFC 822 section 5 names, plus the ones real feeds use (ET, PT, MET…).
 * Military letters follow RFC 822 literally: A…I, K…M are −1…−12 hours,
 * N…Y are +1…+12, Z is UTC.
 */
static const NamedZone named_zones[] = {
  { "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 }, { "Etc/GMT", 0 }, { "Etc/UTC", 0 },
  { "EST", -5 * 60 }, { "EDT", -4 * 60 }, { "ET", -5 * 60 },
  { "CST", -6 * 60 }, { "CDT", -5 * 60 }, { "CT", -6 * 60 },
  { "MST", -7 * 60 }, { "MDT", -6 * 60 }, { "MT", -7 * 60 },
  { "PST", -8 * 60 }, { "PDT", -7 * 60 }, { "PT", -8 * 60 },
  { "AST", -4 * 60 }, { "ADT", -3 * 60 }, { "AT", -4 * 60 },
  { "AKST", -9 * 60 }, { "AKDT", -8 * 60 }, { "HST", -10 * 60 },
  { "BST", 1 * 60 }, { "IST", 5 * 60 + 30 }, { "JST", 9 * 60 },
  { "CET", 1 * 60 }, { "CEST", 2 * 60 }, { "MET", 1 * 60 }, { "MEST", 2 * 60 },
  { "EET", 2 * 60 }, { "EEST", 3 * 60 }, { "WET", 0 }, { "WEST", 1 * 60 },
  { "AEST", 10 * 60 }, { "AEDT", 11 * 60 }, { "NZST", 12 * 60 }, { "NZDT", 13 * 60 },
};

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static const char * const weekday_names[] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

static gboolean
read_digits (const char **p,
             int          min_digits,
             int          max_digits,
             int         *value)
{
  const char *s = *p;
  int n = 0;
  int v = 0;

  while (n < max_digits && g_ascii_isdigit (s[n]))
    {
      v = v * 10 + (s[n] - '0');
      n++;
    }

  if (n < min_digits)
    return FALSE;

  *p = s + n;
  *value = v;
  return TRUE;
}

/* Reads "+hh:mm", "-hhmm", "+hh" at @p into minutes east of UTC. */
static gboolean
read_numeric_offset (const char  *p,
                     const char **end,
                     int         *minutes)
{
  int sign;
  int hours = 0;
  int mins = 0;
  const char *s = p;
  const char *digits;

  if (*s != '+' && *s != '-')
    return FALSE;
  sign = *s == '-' ? -1 : 1;
  s++;

  digits = s;
  while (g_ascii_isdigit (*s))
    s++;

  if (s - digits == 4)
    {
      hours = (digits[0] - '0') * 10 + (digits[1] - '0');
      mins = (digits[2] - '0') * 10 + (digits[3] - '0');
    }
  else if (s - digits == 2 || s - digits == 1)
    {
      hours = (int) g_ascii_strtoll (digits, NULL, 10);
      if (*s == ':')
        {
          s++;
          if (!read_digits (&s, 2, 2, &mins))
            return FALSE;
        }
    }
  else
    return FALSE;

  if (hours > 23 || mins > 59)
    return FALSE;

  *minutes = sign * (hours * 60 + mins);
  if (end != NULL)
    *end = s;
  return TRUE;
}

static GDateTime *
make_utc (int year,
          int month,
          int day,
          int hour,
          int minute,
          int second,
          int offset_minutes)
{
  g_autoptr(GDateTime) as_if_utc = NULL;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return NULL;

  /* The wall-clock time read as UTC, then moved by the offset: the same
   * instant as in a zone of that offset, without making a GTimeZone for
   * every date of a feed.
   */
  as_if_utc = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (as_if_utc == NULL)
    return NULL;

  return g_date_time_add_minutes (as_if_utc, -offset_minutes);
}

/**
 * shoebox_date_parse_iso8601:
 * @text: an ISO 8601 / W3CDTF date, e.g. `2025-03-14T10:00:00Z`
 *
 * Reads the forms feeds use: a date alone (`2003`, `2003-12`,
 * `2003-12-31`), a space or a lowercase `t` before the time, missing
 * seconds, fractions of any length, `z`, `±hh:mm`, `±hhmm`, `±hh`, no zone
 * at all (taken as UTC), and text after the zone (ignored). The text is
 * normalised to the strict form and handed to g_date_time_new_from_iso8601().
 *
 * Returns: (transfer full) (nullable): the instant in UTC, or %NULL
 */
GDateTime *
shoebox_date_parse_iso8601 (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GString) fraction = g_string_new (NULL);
  g_autofree char *normalised = NULL;
  const char *p;
  int year, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int offset = 0;

  if (text == NULL || strlen (text) > MAX_DATE_LENGTH)
    return NULL;

  p = text;
  while (g_ascii_isspace (*p))
    p++;

  if (!read_digits (&p, 4, 4, &year))
    return NULL;

  if (*p == '-')
    {
      p++;
      if (!read_digits (&p, 2, 2, &month))
        return NULL;
      if (*p == '-')
        {
          p++;
          if (!read_digits (&p, 2, 2, &day))
            return NULL;
        }
    }
  else if (g_ascii_isdigit (*p))
    {
      /* The basic format, 20250314. */
      if (!read_digits (&p, 2, 2, &month) || !read_digits (&p, 2, 2, &day))
        return NULL;
    }

  if ((*p == 'T' || *p == 't' || *p == ' ') && g_ascii_isdigit (p[1]))
    {
      p++;
      if (!read_digits (&p, 2, 2, &hour))
        return NULL;
      if (*p == ':')
        p++;
      if (!read_digits (&p, 2, 2, &minute))
        return NULL;
      if (*p == ':' || g_ascii_isdigit (*p))
        {
          if (*p == ':')
            p++;
          if (!read_digits (&p, 2, 2, &second))
            return NULL;
          if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
            {
              p++;
              /* GLib keeps microseconds; more digits add nothing. */
              while (g_ascii_isdigit (*p))
                {
                  if (fraction->len < 6)
                    g_string_append_c (fraction, *p);
                  p++;
                }
            }
        }

      while (*p == ' ')
        p++;

      if (*p == 'Z' || *p == 'z')
        offset = 0;
      else if (*p == '+' || *p == '-')
        {
          if (!read_numeric_offset (p, NULL, &offset))
            return NULL;
        }
    }

  if (month < 1 || month > 12 || day < 1 || day > 31 ||
      hour > 23 || minute > 59 || second > 59)
    return NULL;

  /* Whole seconds and an ordinary offset, nearly every feed's date: built
   * as RFC 822 dates are, which checks the day of the month as the ISO
   * 8601 reader below does, without printing the date and reading it back.
   */
  if (fraction->len == 0 && ABS (offset) < 24 * 60)
    return make_utc (year, month, day, hour, minute, second, offset);

  normalised = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s%s%c%02d:%02d",
                                year, month, day, hour, minute, second,
                                fraction->len > 0 ? "." : "", fraction->str,
                                offset < 0 ? '-' : '+', ABS (offset) / 60, ABS (offset) % 60);
  parsed = g_date_time_new_from_iso8601 (normalised, NULL);
  if (parsed == NULL)
    return NULL;

  return g_date_time_to_utc (parsed);
}

static int
lookup_prefix (const char         *word,
               const char * const *names,
               guint               n_names)
{
  if (strlen (word) < 3)
    return -1;

  /* g_ascii_strncasecmp (word, names[i], 3) written out: a date asks
   * this up to a dozen times per word, and the call cost more than the
   * three comparisons. It stops at a name's NUL just the same.
   */
  for (guint i = 0; i < n_names; i++)
    if (g_ascii_tolower (word[0]) == g_ascii_tolower (names[i][0]) &&
        g_ascii_tolower (word[1]) == g_ascii_tolower (names[i][1]) &&
        g_ascii_tolower (word[2]) == g_ascii_tolower (names[i][2]))
      return (int) i;

  return -1;
}

static gboolean
lookup_zone (const char *word,
             int        *minutes)
{
  for (guint i = 0; i < G_N_ELEMENTS (named_zones); i++)
    if (g_ascii_strcasecmp (word, named_zones[i].name) == 0)
      {
        *minutes = named_zones[i].minutes;
        return TRUE;
      }

  if (word[0] != '\0' && word[1] == '\0' && g_ascii_isalpha (word[0]))
    {
      char c = g_ascii_toupper (word[0]);

      if (c >= 'A' && c <= 'I')
        *minutes = -(c - 'A' + 1) * 60;
      else if (c >= 'K' && c <= 'M')
        *minutes = -(c - 'K' + 10) * 60;
      else if (c >= 'N' && c <= 'Y')
        *minutes = (c - 'N' + 1) * 60;
      else if (c == 'Z')
        *minutes = 0;
      else
        return FALSE;
      return TRUE;
    }

  return FALSE;
}

/* Reads "hh:mm" or "hh:mm:ss", the whole of @word. */
static gboolean
read_time (const char *word,
           int        *hour,
           int        *minute,
           int        *second)
{
  const char *s = word;
  int values[3] = { 0, 0, 0 };
  int n = 0;

  while (n < 3 && read_digits (&s, 1, 2, &values[n]))
    {
      n++;
      if (*s != ':' || n == 3)
        break;
      s++;
    }

  if (n < 2 || *s != '\0')
    return FALSE;

  *hour = values[0];
  *minute = values[1];
  *second = values[2];
  return TRUE;
}

/**
 * shoebox_date_parse_rfc822:
 * @text: an RFC 822 / RFC 2822 date, e.g. `Fri, 14 Mar 2025 10:00:00 GMT`
 *
 * A small reader on GDateTime for the dates RSS feeds really carry: named
 * zones (GMT, UT, UTC, EST, EDT, CST, CDT, MST, MDT, PST, PDT, Z, military
 * letters and a few more), numeric offsets with or without a colon (also
 * after `GMT`), missing seconds, a missing time, a missing or misspelt
 * weekday, full month names, two-digit years (00–49 are 20xx), AM/PM,
 * asctime and JavaScript's `Thu Aug 30 2012 17:26:16 +0200`. Without a
 * zone the time is taken as UTC.
 *
 * Returns: (transfer full) (nullable): the instant in UTC, or %NULL
 */
GDateTime *
shoebox_date_parse_rfc822 (const char *text)
{
  g_autofree char *copy = NULL;
  char *next;
  int year = -1, month = -1, day = -1;
  int hour = 0, minute = 0, second = 0;
  int offset = 0;
  gboolean have_time = FALSE;
  gboolean have_zone = FALSE;
  gboolean have_meridiem = FALSE;

  if (text == NULL || strlen (text) > MAX_DATE_LENGTH)
    return NULL;

  /* What g_strdelimit() does, for far less than its search of the
   * delimiters at every character.
   */
  copy = g_strdup (text);
  for (char *c = copy; *c != '\0'; c++)
    if (*c == ',' || *c == '\t' || *c == '\r' || *c == '\n')
      *c = ' ';

  /* Word by word, each ended in place: feeds carry a date per story. */
  for (char *word = copy; word != NULL; word = next)
    {
      char *space = strchr (word, ' ');
      const char *end = NULL;
      int value;
      int index;

      next = space != NULL ? space + 1 : NULL;
      if (space != NULL)
        *space = '\0';

      if (word[0] == '\0')
        continue;

      /* "(CEST)" after a JavaScript date, or an RFC 822 comment. */
      if (word[0] == '(')
        break;

      if (g_ascii_isdigit (word[0]) && strchr (word, ':') != NULL)
        {
          if (have_time || !read_time (word, &hour, &minute, &second))
            return NULL;
          have_time = TRUE;
        }
      else if (g_ascii_isdigit (word[0]))
        {
          const char *s = word;
          gsize length;

          if (!read_digits (&s, 1, 4, &value) || *s != '\0')
            return NULL;
          length = (gsize) (s - word);

          if (day < 0 && length <= 2)
            day = value;
          else if (year < 0 && (length == 4 || length == 2))
            year = length == 2 ? (value < 50 ? 2000 + value : 1900 + value) : value;
          else
            return NULL;
        }
      else if (word[0] == '+' || word[0] == '-')
        {
          if (have_zone || !read_numeric_offset (word, &end, &offset) || *end != '\0')
            return NULL;
          have_zone = TRUE;
        }
      else if ((index = lookup_prefix (word, month_names, G_N_ELEMENTS (month_names))) >= 0 &&
               month < 0 && !have_time)
        {
          month = index + 1;
        }
      else if (lookup_prefix (word, weekday_names, G_N_ELEMENTS (weekday_names)) >= 0 &&
               month < 0 && day < 0)
        {
          /* The weekday says nothing the date does not; a wrong one is ignored. */
        }
      else if (have_time && !have_meridiem &&
               (g_ascii_strcasecmp (word, "AM") == 0 || g_ascii_strcasecmp (word, "PM") == 0))
        {
          if (hour < 1 || hour > 12)
            return NULL;
          hour = hour % 12 + (g_ascii_strcasecmp (word, "PM") == 0 ? 12 : 0);
          have_meridiem = TRUE;
        }
      else
        {
          char *sign = strpbrk (word, "+-");
          int ignored;

          /* "+0000 GMT": a second, named zone adds nothing. */
          if (have_zone && lookup_zone (word, &ignored))
            continue;
          if (have_zone)
            return NULL;

          /* "GMT+02:00", "UTC-0500" */
          if (sign != NULL && sign != word)
            {
              char saved = *sign;
              int base;

              *sign = '\0';
              if (!lookup_zone (word, &base) || base != 0)
                return NULL;
              *sign = saved;
              if (!read_numeric_offset (sign, &end, &offset) || *end != '\0')
                return NULL;
            }
          else if (!lookup_zone (word, &offset))
            return NULL;

          have_zone = TRUE;
        }
    }

  if (year < 0 || month < 0 || day < 0)
    return NULL;

  return make_utc (year, month, day, hour, minute, second, offset);
}

/**
 * shoebox_date_parse:
 * @text: (nullable): a date from a feed, in any form feeds use
 *
 * Tries ISO 8601 when the text starts with a four-digit year, RFC 822
 * otherwise.
 *
 * Returns: (transfer full) (nullable): the instant in UTC, or %NULL when
 *   the text is not a date
 */
GDateTime *
shoebox_date_parse (const char *text)
{
  const char *p = text;

  if (text == NULL)
    return NULL;

  while (g_ascii_isspace (*p))
    p++;

  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) &&
      g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
    return shoebox_date_parse_iso8601 (p);

  return shoebox_date_parse_rfc822 (p);
}
