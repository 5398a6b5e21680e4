/* fuzz-csv-import.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The CSV import into a fresh database in memory: the preview's reading,
 * then the writes (new silhouettes and brands, pairs, wear dates) in one
 * transaction, and the count of pairs that landed.
 */

#include "config.h"

#include <stdint.h>

#include "shoebox-collection.h"
#include "shoebox-fuzz-csv.h"
#include "shoebox-fuzz.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(ShoeboxCollection) collection = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;

  shoebox_fuzz_init ();

  database = shoebox_fuzz_open_database ();
  collection = shoebox_collection_new (database);
  bytes = g_bytes_new_static (data, size);
  report = shoebox_csv_import (collection, bytes, &error);
  if (report == NULL)
    {
      shoebox_fuzz_check_error ("a refused file", error);
      return 0;
    }

  shoebox_fuzz_check_csv_report (report);

  /* The database started empty: what it holds is what the report says landed. */
  if (shoebox_collection_count_pairs (collection, &error) != shoebox_csv_report_get_n_imported (report))
    shoebox_fuzz_fail ("the collection", "does not hold the pairs the report counts");
  if (error != NULL)
    shoebox_fuzz_fail ("counting the pairs", error->message);
  return 0;
}
