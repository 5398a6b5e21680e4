/* shoebox-csv.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv"

#include "config.h"

#include "shoebox-csv-private.h"

/* The CSV contract (README, issue 4): RFC 4180, UTF-8, a header row with
 * the columns below in this order on export; import by name in any order.
 * Lists are `;`-separated with `\;` and `\\` escapes; a cell starting with
 * one of =+-@ (or ' then one of =+-@') gets one more leading ' on export,
 * and import takes exactly that one back off.
 */
const char * const _shoebox_csv_column_names[SHOEBOX_CSV_N_COLUMNS] = {
  "silhouette", "brand", "colorway", "official_colorway", "style_code", "size", "size_system",
  "condition", "box", "extras", "status", "price_paid", "currency", "purchase_date",
  "where_bought", "estimated_value", "storage_location", "tags", "notes", "wear_dates",
};

G_DEFINE_BOXED_TYPE (ShoeboxCsvReport, shoebox_csv_report, shoebox_csv_report_ref, shoebox_csv_report_unref)

G_DEFINE_QUARK (shoebox-csv-error-quark, shoebox_csv_error)

static void
problem_free (gpointer data)
{
  ShoeboxCsvProblem *problem = data;

  g_free (problem->field);
  g_free (problem->reason);
  g_free (problem);
}

void
_shoebox_csv_add_problem (ShoeboxCsvReport *report,
                          guint             line,
                          const char       *field,
                          const char       *reason)
{
  ShoeboxCsvProblem *problem = g_new0 (ShoeboxCsvProblem, 1);

  problem->line = line;
  problem->field = g_strdup (field);
  problem->reason = g_strdup (reason);
  g_ptr_array_add (report->problems, problem);
}

/* Lists a row the collection refused, @index in report->pairs. */
void
_shoebox_csv_add_row_error (ShoeboxCsvReport *report,
                            guint             index,
                            const GError     *row_error)
{
  _shoebox_csv_add_problem (report, g_array_index (report->pair_lines, guint, index),
                            g_error_matches (row_error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE)
                              ? _shoebox_csv_column_names[SHOEBOX_CSV_COLUMN_SILHOUETTE] : NULL,
                            row_error->message);
}

ShoeboxCsvReport *
_shoebox_csv_report_new (void)
{
  ShoeboxCsvReport *report = g_new0 (ShoeboxCsvReport, 1);

  g_atomic_ref_count_init (&report->ref_count);
  report->pairs = g_ptr_array_new_with_free_func (g_object_unref);
  report->pair_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  report->problems = g_ptr_array_new_with_free_func (problem_free);
  for (guint i = 0; i < SHOEBOX_CSV_N_COLUMNS; i++)
    report->positions[i] = -1;

  return report;
}

/* The report's pairs, for the caller to free: the report keeps none,
 * nor their lines. Freeing 100,000 pairs takes 60–90 ms, which whoever
 * drops the report last would pay (the app's main thread, for a window's
 * preview or import); the caller frees them on a thread of its choice.
 */
GPtrArray *
_shoebox_csv_report_take_pairs (ShoeboxCsvReport *report)
{
  GPtrArray *pairs = g_steal_pointer (&report->pairs);

  report->pairs = g_ptr_array_new_with_free_func (g_object_unref);
  g_array_set_size (report->pair_lines, 0);
  return pairs;
}

const char *
shoebox_csv_column_get_name (ShoeboxCsvColumn column)
{
  g_return_val_if_fail (column < SHOEBOX_CSV_N_COLUMNS, NULL);

  return _shoebox_csv_column_names[column];
}

ShoeboxCsvReport *
shoebox_csv_report_ref (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

void
shoebox_csv_report_unref (ShoeboxCsvReport *report)
{
  g_return_if_fail (report != NULL);

  if (!g_atomic_ref_count_dec (&report->ref_count))
    return;

  g_strfreev (report->headers);
  g_strfreev (report->unknown_columns);
  g_ptr_array_unref (report->pairs);
  g_array_unref (report->pair_lines);
  g_ptr_array_unref (report->problems);
  g_free (report);
}

/**
 * shoebox_csv_report_get_headers:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: (transfer none): the header row as the file has it
 */
const char * const *
shoebox_csv_report_get_headers (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return (const char * const *) report->headers;
}

/**
 * shoebox_csv_report_get_column_position:
 * @report: a #ShoeboxCsvReport
 * @column: a column of the contract
 *
 * How the file's columns map to fields, for the import preview.
 *
 * Returns: the position of @column in the file (from 0), or -1 when the
 *   file lacks it (its values are then empty)
 */
int
shoebox_csv_report_get_column_position (ShoeboxCsvReport *report,
                                        ShoeboxCsvColumn  column)
{
  g_return_val_if_fail (report != NULL, -1);
  g_return_val_if_fail (column < SHOEBOX_CSV_N_COLUMNS, -1);

  return report->positions[column];
}

/**
 * shoebox_csv_report_get_unknown_columns:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: (transfer none): the header names that are not columns of the
 *   contract (or repeat one): their values are ignored
 */
const char * const *
shoebox_csv_report_get_unknown_columns (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return (const char * const *) report->unknown_columns;
}

/**
 * shoebox_csv_report_get_n_rows:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: how many rows the file has after its header, not counting
 *   empty lines
 */
guint
shoebox_csv_report_get_n_rows (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_rows;
}

/**
 * shoebox_csv_report_get_n_rejected_rows:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: how many rows have at least one problem
 */
guint
shoebox_csv_report_get_n_rejected_rows (ShoeboxCsvReport *report)
{
  guint n_rejected = 0;
  guint last_line = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < report->problems->len; i++)
    {
      ShoeboxCsvProblem *problem = g_ptr_array_index (report->problems, i);

      if (problem->line != last_line)
        n_rejected++;
      last_line = problem->line;
    }

  return n_rejected;
}

/**
 * shoebox_csv_report_get_pairs:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: (transfer none) (element-type ShoeboxPair): a preview's rows
 *   without problems, as pairs, in the file's order; empty after an
 *   import, whose pairs are in the collection
 */
GPtrArray *
shoebox_csv_report_get_pairs (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->pairs;
}

guint
shoebox_csv_report_get_pair_line (ShoeboxCsvReport *report,
                                  guint             index)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (index < report->pair_lines->len, 0);

  return g_array_index (report->pair_lines, guint, index);
}

/**
 * shoebox_csv_report_get_problems:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: (transfer none) (element-type ShoeboxCsvProblem): every
 *   problem found, by line; a rejected row may have several
 */
GPtrArray *
shoebox_csv_report_get_problems (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->problems;
}

/**
 * shoebox_csv_report_get_n_imported:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: how many pairs the import added; 0 for a preview
 */
guint
shoebox_csv_report_get_n_imported (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_imported;
}
