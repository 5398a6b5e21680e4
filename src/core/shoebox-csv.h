/* shoebox-csv.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "shoebox-collection.h"

G_BEGIN_DECLS

/* The largest CSV file Shoebox reads: a collection of a million pairs
 * fits with room to spare, and a mistaken pick of a disk image does not
 * fill the memory.
 */
#define SHOEBOX_CSV_MAX_FILE_SIZE (256 * 1024 * 1024)

/* The most columns a CSV file may have: twenty are ours, and a
 * spreadsheet's own columns around them fit many times over. A header of
 * a million columns is refused instead of being read into memory.
 */
#define SHOEBOX_CSV_MAX_COLUMNS 1000

#define SHOEBOX_CSV_ERROR (shoebox_csv_error_quark ())

/**
 * ShoeboxCsvError:
 * @SHOEBOX_CSV_ERROR_NOT_CSV: the file is empty, binary, or its first
 *   line names none of the columns of the contract
 * @SHOEBOX_CSV_ERROR_TOO_LARGE: the file (or the stream, for a FIFO or a
 *   device) is over %SHOEBOX_CSV_MAX_FILE_SIZE
 * @SHOEBOX_CSV_ERROR_TOO_MANY_COLUMNS: the header row has more than
 *   %SHOEBOX_CSV_MAX_COLUMNS columns
 */
typedef enum
{
  SHOEBOX_CSV_ERROR_NOT_CSV,
  SHOEBOX_CSV_ERROR_TOO_LARGE,
  SHOEBOX_CSV_ERROR_TOO_MANY_COLUMNS,
} ShoeboxCsvError;

/**
 * ShoeboxCsvColumn:
 *
 * The columns of the CSV contract, in the order an export writes them.
 */
typedef enum
{
  SHOEBOX_CSV_COLUMN_SILHOUETTE,
  SHOEBOX_CSV_COLUMN_BRAND,
  SHOEBOX_CSV_COLUMN_COLORWAY,
  SHOEBOX_CSV_COLUMN_OFFICIAL_COLORWAY,
  SHOEBOX_CSV_COLUMN_STYLE_CODE,
  SHOEBOX_CSV_COLUMN_SIZE,
  SHOEBOX_CSV_COLUMN_SIZE_SYSTEM,
  SHOEBOX_CSV_COLUMN_CONDITION,
  SHOEBOX_CSV_COLUMN_BOX,
  SHOEBOX_CSV_COLUMN_EXTRAS,
  SHOEBOX_CSV_COLUMN_STATUS,
  SHOEBOX_CSV_COLUMN_PRICE_PAID,
  SHOEBOX_CSV_COLUMN_CURRENCY,
  SHOEBOX_CSV_COLUMN_PURCHASE_DATE,
  SHOEBOX_CSV_COLUMN_WHERE_BOUGHT,
  SHOEBOX_CSV_COLUMN_ESTIMATED_VALUE,
  SHOEBOX_CSV_COLUMN_STORAGE_LOCATION,
  SHOEBOX_CSV_COLUMN_TAGS,
  SHOEBOX_CSV_COLUMN_NOTES,
  SHOEBOX_CSV_COLUMN_WEAR_DATES,
  SHOEBOX_CSV_N_COLUMNS
} ShoeboxCsvColumn;

/**
 * ShoeboxCsvProblem:
 * @line: the physical line of the file where the row starts (the header
 *   is line 1)
 * @field: (nullable): the column at fault, or %NULL for the whole row
 * @reason: what is wrong, for people
 */
typedef struct
{
  guint  line;
  char  *field;
  char  *reason;
} ShoeboxCsvProblem;

typedef struct _ShoeboxCsvReport ShoeboxCsvReport;

#define SHOEBOX_TYPE_CSV_REPORT (shoebox_csv_report_get_type ())

GQuark              shoebox_csv_error_quark                (void);
const char         *shoebox_csv_column_get_name            (ShoeboxCsvColumn    column);

GType               shoebox_csv_report_get_type            (void) G_GNUC_CONST;
ShoeboxCsvReport   *shoebox_csv_report_ref                 (ShoeboxCsvReport   *report);
void                shoebox_csv_report_unref               (ShoeboxCsvReport   *report);
const char * const *shoebox_csv_report_get_headers         (ShoeboxCsvReport   *report);
int                 shoebox_csv_report_get_column_position (ShoeboxCsvReport   *report,
                                                            ShoeboxCsvColumn    column);
const char * const *shoebox_csv_report_get_unknown_columns (ShoeboxCsvReport   *report);
guint               shoebox_csv_report_get_n_rows          (ShoeboxCsvReport   *report);
guint               shoebox_csv_report_get_n_rejected_rows (ShoeboxCsvReport   *report);
GPtrArray          *shoebox_csv_report_get_pairs           (ShoeboxCsvReport   *report);
guint               shoebox_csv_report_get_pair_line       (ShoeboxCsvReport   *report,
                                                            guint               index);
GPtrArray          *shoebox_csv_report_get_problems        (ShoeboxCsvReport   *report);
guint               shoebox_csv_report_get_n_imported      (ShoeboxCsvReport   *report);

GBytes             *shoebox_csv_read_stream                (GInputStream       *stream,
                                                            gsize               max_size,
                                                            GCancellable       *cancellable,
                                                            GError            **error);
GBytes             *shoebox_csv_read_file                  (GFile              *file,
                                                            GCancellable       *cancellable,
                                                            GError            **error);
void                shoebox_csv_read_file_async            (GFile              *file,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
GBytes             *shoebox_csv_read_file_finish           (GFile              *file,
                                                            GAsyncResult       *result,
                                                            GError            **error);
ShoeboxCsvReport   *shoebox_csv_preview                    (GBytes             *contents,
                                                            GError            **error);
ShoeboxCsvReport   *shoebox_csv_import                     (ShoeboxCollection  *collection,
                                                            GBytes             *contents,
                                                            GError            **error);
ShoeboxCsvReport   *shoebox_csv_import_file                (ShoeboxCollection  *collection,
                                                            GFile              *file,
                                                            GCancellable       *cancellable,
                                                            GError            **error);
gboolean            shoebox_csv_export                     (ShoeboxCollection  *collection,
                                                            GOutputStream      *stream,
                                                            guint              *n_exported,
                                                            GCancellable       *cancellable,
                                                            GError            **error);
gboolean            shoebox_csv_export_file                (ShoeboxCollection  *collection,
                                                            GFile              *file,
                                                            guint              *n_exported,
                                                            GCancellable       *cancellable,
                                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxCsvReport, shoebox_csv_report_unref)

G_END_DECLS
