/* shoebox-csv-import.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv"

#include "config.h"

#include "shoebox-collection-private.h"
#include "shoebox-csv-private.h"

/* The import: a preview of the file, then its good rows written in one
 * transaction.
 */

typedef struct
{
  ShoeboxCollection *collection;
  ShoeboxCsvReport  *report;
} ImportData;

/* What skips one row and lets the others land: the row's own values, or
 * a constraint of the schema they break. Anything else (a full disk, an
 * I/O error, a lock) is about the whole import.
 */
static gboolean
is_row_problem (const GError *row_error)
{
  return row_error->domain == SHOEBOX_PAIR_ERROR
         || g_error_matches (row_error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT);
}

static gboolean
import_in_transaction (ShoeboxDatabase  *database,
                       gpointer          user_data,
                       GError          **error)
{
  ImportData *data = user_data;
  ShoeboxCsvReport *report = data->report;

  data->report->n_imported = 0;

  for (guint i = 0; i < report->pairs->len; i++)
    {
      ShoeboxPair *pair = g_ptr_array_index (report->pairs, i);
      g_autoptr(GError) row_error = NULL;

      /* A savepoint per row: a row the database refuses is listed and
       * skipped, and the others still land.
       */
      if (!shoebox_database_exec (database, "SAVEPOINT csv_row", error))
        return FALSE;

      if (shoebox_pair_validate (pair, &row_error)
          && _shoebox_collection_insert_pair (data->collection, pair, &row_error))
        {
          if (!shoebox_database_exec (database, "RELEASE csv_row", error))
            return FALSE;
          report->n_imported++;
          continue;
        }

      /* SQLite may have rolled the whole transaction back already (it
       * does on SQLITE_FULL), savepoint and all: a ROLLBACK TO would
       * then fail with "no such savepoint" in place of the real error.
       */
      if (!is_row_problem (row_error) || sqlite3_get_autocommit (shoebox_database_get_handle (database)))
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;
        }

      if (!shoebox_database_exec (database, "ROLLBACK TO csv_row", error)
          || !shoebox_database_exec (database, "RELEASE csv_row", error))
        return FALSE;
      _shoebox_csv_add_problem (report, g_array_index (report->pair_lines, guint, i),
                                g_error_matches (row_error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE)
                                  ? _shoebox_csv_column_names[SHOEBOX_CSV_COLUMN_SILHOUETTE] : NULL,
                                row_error->message);
    }

  return TRUE;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const ShoeboxCsvProblem *first = *(const ShoeboxCsvProblem * const *) a;
  const ShoeboxCsvProblem *second = *(const ShoeboxCsvProblem * const *) b;

  if (first->line != second->line)
    return first->line < second->line ? -1 : 1;
  return 0;
}

/**
 * shoebox_csv_preview:
 * @contents: a CSV file's bytes
 * @error: return location for a #GError
 *
 * Reads and checks the file without writing anything: the column mapping
 * and every row's problems, for the import preview.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the
 *   file is not a CSV file Shoebox can read at all
 */
ShoeboxCsvReport *
shoebox_csv_preview (GBytes  *contents,
                     GError **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (contents != NULL, NULL);

  data = g_bytes_get_data (contents, &length);
  return _shoebox_csv_parse (data != NULL ? data : "", length, error);
}

/**
 * shoebox_csv_import:
 * @collection: where the pairs go
 * @contents: a CSV file's bytes
 * @error: return location for a #GError
 *
 * Imports the file in one transaction: the good rows land, the bad ones
 * are skipped and listed in the report with their line, field and
 * reason, and nothing else in the collection changes. Silhouettes and
 * brands the catalogue lacks are added.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the
 *   file could not be read as CSV or the database refused the transaction
 *   (then nothing was imported)
 */
ShoeboxCsvReport *
shoebox_csv_import (ShoeboxCollection  *collection,
                    GBytes             *contents,
                    GError            **error)
{
  g_autoptr(ShoeboxCsvReport) report = NULL;
  ImportData data;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  report = shoebox_csv_preview (contents, error);
  if (report == NULL)
    return NULL;

  data.collection = collection;
  data.report = report;
  if (report->pairs->len > 0)
    {
      if (!shoebox_database_write (shoebox_collection_get_database (collection),
                                   import_in_transaction, &data, error))
        {
          report->n_imported = 0;
          return NULL;
        }
      g_ptr_array_sort (report->problems, compare_problems);
      if (report->n_imported > 0)
        g_signal_emit_by_name (collection, "changed");
    }

  return g_steal_pointer (&report);
}

/**
 * shoebox_csv_import_file:
 * @collection: where the pairs go
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like shoebox_csv_import(), reading @file first with
 * shoebox_csv_read_file().
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
ShoeboxCsvReport *
shoebox_csv_import_file (ShoeboxCollection  *collection,
                         GFile              *file,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GBytes) contents = NULL;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  contents = shoebox_csv_read_file (file, cancellable, error);
  if (contents == NULL)
    return NULL;

  return shoebox_csv_import (collection, contents, error);
}
