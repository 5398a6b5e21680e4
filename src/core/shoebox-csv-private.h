/* shoebox-csv-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-csv.h"

G_BEGIN_DECLS

/* The CSV contract is split over files: the column names, the report
 * and its accessors (shoebox-csv.c), reading a file (-parse.c), the
 * import (-import.c) and the export (-export.c). They share the report's
 * struct and the helpers declared here.
 */

struct _ShoeboxCsvReport
{
  gatomicrefcount  ref_count;
  char           **headers;
  int              positions[SHOEBOX_CSV_N_COLUMNS]; /* file column, or -1 */
  char           **unknown_columns;
  guint            n_rows;
  GPtrArray       *pairs;      /* ShoeboxPair, the rows without problems */
  GArray          *pair_lines; /* guint, the line of each of pairs */
  GPtrArray       *problems;   /* ShoeboxCsvProblem */
  guint            n_imported;
};

extern const char * const _shoebox_csv_column_names[SHOEBOX_CSV_N_COLUMNS];

ShoeboxCsvReport *_shoebox_csv_report_new  (void);
void              _shoebox_csv_add_problem (ShoeboxCsvReport  *report,
                                            guint              line,
                                            const char        *field,
                                            const char        *reason);
ShoeboxCsvReport *_shoebox_csv_parse       (const char        *data,
                                            gsize              length,
                                            GError           **error);
void              _shoebox_csv_add_row_error (ShoeboxCsvReport  *report,
                                              guint              index,
                                              const GError      *row_error);
gboolean          _shoebox_csv_import_bulk (ShoeboxCollection  *collection,
                                            ShoeboxCsvReport   *report,
                                            gboolean           *refused,
                                            GError            **error);

G_END_DECLS
