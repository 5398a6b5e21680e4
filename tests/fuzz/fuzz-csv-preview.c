/* fuzz-csv-preview.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The CSV reader as the import dialog's preview runs it: no database, the
 * whole contract (quoting, columns, every field's checks) on any bytes.
 */

#include "config.h"

#include <stdint.h>

#include "shoebox-fuzz-csv.h"
#include "shoebox-fuzz.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;

  shoebox_fuzz_init ();

  bytes = g_bytes_new_static (data, size);
  report = shoebox_csv_preview (bytes, &error);
  if (report == NULL)
    {
      shoebox_fuzz_check_error ("a refused file", error);
      return 0;
    }

  shoebox_fuzz_check_csv_report (report);
  if (shoebox_csv_report_get_n_imported (report) != 0)
    shoebox_fuzz_fail ("a preview", "imported pairs");
  return 0;
}
