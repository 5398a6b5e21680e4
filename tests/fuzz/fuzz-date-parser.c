/* fuzz-date-parser.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The date reader on any text, through each entry point: feeds carry
 * dates in every shape a person or a CMS ever wrote.
 */

#include "config.h"

#include <stdint.h>

#include "shoebox-date-parser.h"
#include "shoebox-fuzz.h"

typedef GDateTime *(*ParseFunc) (const char *text);

/* A date the reader returns is one the app can show and store: in UTC,
 * and printable as ISO 8601.
 */
static void
check_date (const char *what,
            GDateTime  *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL)
    return;

  if (g_date_time_get_utc_offset (date) != 0)
    shoebox_fuzz_fail (what, "is not in UTC");
  iso = g_date_time_format_iso8601 (date);
  if (iso == NULL)
    shoebox_fuzz_fail (what, "cannot be printed");
  shoebox_fuzz_check_text (what, iso, 0, TRUE);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const struct { const char *name; ParseFunc parse; } parsers[] = {
    { "ISO 8601 date", shoebox_date_parse_iso8601 },
    { "RFC 822 date", shoebox_date_parse_rfc822 },
    { "date", shoebox_date_parse },
  };
  g_autofree char *text = NULL;

  shoebox_fuzz_init ();

  text = shoebox_fuzz_dup_string (data, size);
  for (guint i = 0; i < G_N_ELEMENTS (parsers); i++)
    {
      g_autoptr(GDateTime) date = parsers[i].parse (text);

      check_date (parsers[i].name, date);
    }
  return 0;
}
