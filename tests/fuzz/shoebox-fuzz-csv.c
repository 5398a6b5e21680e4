/* shoebox-fuzz-csv.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The checks of a CSV report that preview and import share: what the
 * import dialog shows must be text it can show, and the counts must add up.
 */

#include "config.h"

#include "shoebox-fuzz-csv.h"
#include "shoebox-fuzz.h"
#include "shoebox-pair.h"

static void
check_strv (const char         *what,
            const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    shoebox_fuzz_check_text (what, strv[i], 0, FALSE);
}

static void
check_pair (ShoeboxPair *pair)
{
  shoebox_fuzz_check_text ("silhouette", shoebox_pair_get_silhouette_name (pair), 0, FALSE);
  shoebox_fuzz_check_text ("brand", shoebox_pair_get_brand_name (pair), 0, FALSE);
  shoebox_fuzz_check_text ("colorway", shoebox_pair_get_colorway (pair), 0, FALSE);
  shoebox_fuzz_check_text ("style code", shoebox_pair_get_style_code (pair), 0, FALSE);
  shoebox_fuzz_check_text ("size", shoebox_pair_get_size (pair), 0, FALSE);
  shoebox_fuzz_check_text ("currency", shoebox_pair_get_currency (pair), 0, FALSE);
  shoebox_fuzz_check_text ("purchase date", shoebox_pair_get_purchase_date (pair), 0, FALSE);
  shoebox_fuzz_check_text ("notes", shoebox_pair_get_notes (pair), 0, FALSE);
  check_strv ("extras", shoebox_pair_get_extras (pair));
  check_strv ("tags", shoebox_pair_get_tags (pair));
  check_strv ("wear dates", shoebox_pair_get_wear_dates (pair));
}

/**
 * shoebox_fuzz_check_csv_report:
 * @report: what shoebox_csv_preview() or shoebox_csv_import() returned
 *
 * Aborts unless every string in @report is valid UTF-8, every good row
 * has a line after the header, in file order, and the counts agree.
 */
void
shoebox_fuzz_check_csv_report (ShoeboxCsvReport *report)
{
  GPtrArray *pairs = shoebox_csv_report_get_pairs (report);
  GPtrArray *problems = shoebox_csv_report_get_problems (report);
  guint n_rows = shoebox_csv_report_get_n_rows (report);
  guint previous_line = 1;

  check_strv ("header", shoebox_csv_report_get_headers (report));
  check_strv ("unknown column", shoebox_csv_report_get_unknown_columns (report));

  if (pairs->len > n_rows)
    shoebox_fuzz_fail ("the report", "has more good rows than rows");
  if (shoebox_csv_report_get_n_rejected_rows (report) > n_rows)
    shoebox_fuzz_fail ("the report", "has more rejected rows than rows");
  if (shoebox_csv_report_get_n_imported (report) > n_rows)
    shoebox_fuzz_fail ("the report", "imported more pairs than it had rows");
  /* An import's pairs are in the collection: its report keeps none. */
  if (shoebox_csv_report_get_n_imported (report) > 0 && pairs->len > 0)
    shoebox_fuzz_fail ("the report", "kept the pairs it imported");

  for (guint i = 0; i < pairs->len; i++)
    {
      guint line = shoebox_csv_report_get_pair_line (report, i);

      if (line <= previous_line)
        shoebox_fuzz_fail ("a pair's line", "is not after the one before");
      previous_line = line;
      check_pair (g_ptr_array_index (pairs, i));
    }

  for (guint i = 0; i < problems->len; i++)
    {
      ShoeboxCsvProblem *problem = g_ptr_array_index (problems, i);

      if (problem->line < 1 || problem->reason == NULL)
        shoebox_fuzz_fail ("a problem", "has no line or no reason");
      shoebox_fuzz_check_text ("problem field", problem->field, 0, FALSE);
      shoebox_fuzz_check_text ("problem reason", problem->reason, 0, FALSE);
    }

  for (int column = 0; column < SHOEBOX_CSV_N_COLUMNS; column++)
    {
      int position = shoebox_csv_report_get_column_position (report, column);
      const char * const *headers = shoebox_csv_report_get_headers (report);

      if (position >= 0 && (headers == NULL || position >= (int) g_strv_length ((char **) headers)))
        shoebox_fuzz_fail ("a column position", "is past the header");
    }
}
