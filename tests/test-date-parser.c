/* test-date-parser.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-date-parser.h"

typedef struct
{
  const char *text;
  const char *utc; /* NULL: not a date */
} DateCase;

/* The dates feeds really carry. Expected instants are in UTC. */
static const DateCase rfc822_cases[] = {
  { "Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
  { "Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z" },
  { "Wed, 01 Jan 97 19:48:21 GMT", "1997-01-01T19:48:21Z" },
  { "Thu,  5 Apr 2012 10:00:00 GMT", "2012-04-05T10:00:00Z" },
  { "Sat, 15 Mar 2025 07:00:00 EST", "2025-03-15T12:00:00Z" },
  { "Sat, 15 Mar 2025 07:00:00 EDT", "2025-03-15T11:00:00Z" },
  { "Sat, 15 Mar 2025 07:00:00 CST", "2025-03-15T13:00:00Z" },
  { "Sat, 15 Mar 2025 07:00:00 CDT", "2025-03-15T12:00:00Z" },
  { "Sat, 15 Mar 2025 07:00:00 MST", "2025-03-15T14:00:00Z" },
  { "Sat, 15 Mar 2025 07:00:00 MDT", "2025-03-15T13:00:00Z" },
  { "Sat, 15 Mar 25 10:00:00 PST", "2025-03-15T18:00:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 PDT", "2025-03-15T17:00:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 UT", "2025-03-15T10:00:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 UTC", "2025-03-15T10:00:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 Z", "2025-03-15T10:00:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 A", "2025-03-15T11:00:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 N", "2025-03-15T09:00:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 M", "2025-03-15T22:00:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 Y", "2025-03-14T22:00:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 +0530", "2025-03-15T04:30:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 -08:00", "2025-03-15T18:00:00Z" },
  { "Wed, 19 Feb 2012 22:40:00 GMT-01:01", "2012-02-19T23:41:00Z" },
  { "Sat, 15 Mar 2025 10:00 +0000", "2025-03-15T10:00:00Z" },
  { "Thu, 01 Jan 2004 00:00 GMT", "2004-01-01T00:00:00Z" },
  { "Thu, 01 Jan 2004", "2004-01-01T00:00:00Z" },
  { "15 Mar 2025 10:00:00 +0000", "2025-03-15T10:00:00Z" },
  { "sat, 15 mar 2025 10:00:00 gmt", "2025-03-15T10:00:00Z" },
  { "Saturday, 15 March 2025 10:00:00 GMT", "2025-03-15T10:00:00Z" },
  { "Mon, 13 Feb, 2012 06:28:00 UTC", "2012-02-13T06:28:00Z" },
  { "Mon, 26 January 2004 16:31:00 ET", "2004-01-26T21:31:00Z" },
  { "Thu Aug 30 2012 17:26:16 +0200", "2012-08-30T15:26:16Z" },
  { "Thu Aug 30 2012 17:26:16 GMT+0200 (CEST)", "2012-08-30T15:26:16Z" },
  { "Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z" },
  { "Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00Z" },
  { "Sat, 15 Mar 2025 10:00:00", "2025-03-15T10:00:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 +0100 (CET)", "2025-03-15T09:00:00Z" },
  { "Sat, 15 Mar 2025 10:00:00 +0000 GMT", "2025-03-15T10:00:00Z" },
  { "Sat, 15 Mar 2025 10:30 PM EST", "2025-03-16T03:30:00Z" },
  { "Sat, 15 Mar 2025 12:05 AM GMT", "2025-03-15T00:05:00Z" },
  /* Not dates: impossible values give NULL, never a guess. */
  { "Sat, 29 Feb 2025 10:00:00 GMT", NULL },
  { "Sun, 99 Jun 2009 12:00:00 GMT", NULL },
  { "Sun, 16 Dec 2012 1:2:3:4 GMT", NULL },
  { "Sun, 16 zzz 2012 11:47:32 GMT", NULL },
  { "Sat, 15 Mar 2025 25:00:00 GMT", NULL },
  { "Sat, 15 Mar 2025 10:00:00 XYZ", NULL },
  { "Sat, 15 Mar 2025 10:00:00 +0100 XYZ", NULL },
  { "Sat, 15 Mar 2025 13:00 PM GMT", NULL },
  { "TBA", NULL },
  { "", NULL },
  { "next Friday", NULL },
};

static const DateCase iso8601_cases[] = {
  { "2025-03-14T10:00:00Z", "2025-03-14T10:00:00Z" },
  { "2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z" },
  { "2003-12-31T18:14:55+08:00", "2003-12-31T10:14:55Z" },
  { "2025-03-15T01:30:00+05:30", "2025-03-14T20:00:00Z" },
  { "2025-03-14T10:00:00.538Z", "2025-03-14T10:00:00Z" },
  { "2025-03-14T10:00:00.123456789-05:00", "2025-03-14T15:00:00Z" },
  { "2025-03-14t10:00:00z", "2025-03-14T10:00:00Z" },
  { "2025-03-14T10:00Z", "2025-03-14T10:00:00Z" },
  { "2025-03-14T10:00", "2025-03-14T10:00:00Z" },
  { "2025-03-14T10:00:00", "2025-03-14T10:00:00Z" },
  { "2004-07-08 23:56:58", "2004-07-08T23:56:58Z" },
  { "2004-07-08 23:56:58.0", "2004-07-08T23:56:58Z" },
  { "2004-07-08 23:56:58 -00:20", "2004-07-09T00:16:58Z" },
  { "2025-03-14T10:00:00+0100", "2025-03-14T09:00:00Z" },
  { "2025-03-14T10:00:00+01", "2025-03-14T09:00:00Z" },
  { " 2025-03-14T10:00:00Z ", "2025-03-14T10:00:00Z" },
  { "2013-01-28T11:30:00-06:00Textra", "2013-01-28T17:30:00Z" },
  { "2003-12-31", "2003-12-31T00:00:00Z" },
  { "2003-12", "2003-12-01T00:00:00Z" },
  { "2003", "2003-01-01T00:00:00Z" },
  { "20250314T100000Z", "2025-03-14T10:00:00Z" },
  { "2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z" },
  { "2025-02-29T12:00:00Z", NULL },
  { "2003-12-31T25:14:55Z", NULL },
  { "2003-12-31T10:61:55Z", NULL },
  { "2013-xx-27", NULL },
  { "2003-13-01", NULL },
};

static void
check_case (const DateCase *date_case,
            GDateTime      *parsed)
{
  if (date_case->utc == NULL)
    {
      if (parsed != NULL)
        {
          g_autofree char *got = g_date_time_format_iso8601 (parsed);

          g_error ("“%s” should not be a date, got %s", date_case->text, got);
        }
      return;
    }

  if (parsed == NULL)
    g_error ("“%s” should be %s, got nothing", date_case->text, date_case->utc);

  {
    g_autofree char *got = g_date_time_format (parsed, "%Y-%m-%dT%H:%M:%SZ");

    g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, 0);
    g_assert_cmpstr (got, ==, date_case->utc);
  }
}

static void
test_rfc822 (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rfc822_cases); i++)
    {
      g_autoptr(GDateTime) parsed = shoebox_date_parse (rfc822_cases[i].text);

      check_case (&rfc822_cases[i], parsed);
    }
}

static void
test_iso8601 (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (iso8601_cases); i++)
    {
      g_autoptr(GDateTime) parsed = shoebox_date_parse (iso8601_cases[i].text);
      g_autoptr(GDateTime) direct = shoebox_date_parse_iso8601 (iso8601_cases[i].text);

      check_case (&iso8601_cases[i], parsed);
      check_case (&iso8601_cases[i], direct);
    }
}

static void
test_hostile (void)
{
  g_autofree char *long_text = g_strnfill (100000, '1');
  g_autofree char *long_rfc = g_strconcat ("Sat, 15 Mar 2025 10:00:00 ", long_text, NULL);
  static const char with_nul[] = "Sat, 15 Mar\0 2025 10:00:00 GMT";

  g_assert_null (shoebox_date_parse (NULL));
  g_assert_null (shoebox_date_parse (long_text));
  g_assert_null (shoebox_date_parse (long_rfc));
  g_assert_null (shoebox_date_parse ("\xff\xfe 2025"));
  g_assert_null (shoebox_date_parse ("Sat, 15 Mar 2025 10:00:00 +9999"));
  g_assert_null (shoebox_date_parse ("99999-01-01"));
  /* A C string stops at the NUL: what is left is not a full date. */
  g_assert_null (shoebox_date_parse (with_nul));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date-parser/rfc822", test_rfc822);
  g_test_add_func ("/date-parser/iso8601", test_iso8601);
  g_test_add_func ("/date-parser/hostile", test_hostile);

  return g_test_run ();
}
