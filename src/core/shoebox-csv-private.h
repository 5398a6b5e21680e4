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

typedef struct _ShoeboxCsvParser ShoeboxCsvParser;
typedef struct _ShoeboxCsvParseAhead ShoeboxCsvParseAhead;

struct _ShoeboxCsvReport
{
  gatomicrefcount  ref_count;
  char           **headers;
  int              positions[SHOEBOX_CSV_N_COLUMNS]; /* file column, or -1 */
  char           **unknown_columns;
  guint            n_rows;
  GPtrArray       *pairs;      /* ShoeboxPair, the rows without problems; an import releases them */
  GArray          *pair_lines; /* guint, the line of each of pairs */
  GPtrArray       *problems;   /* ShoeboxCsvProblem */
  guint            n_imported;
};

extern const char * const _shoebox_csv_column_names[SHOEBOX_CSV_N_COLUMNS];

ShoeboxCsvReport *_shoebox_csv_report_new  (void);
GPtrArray        *_shoebox_csv_report_take_pairs (ShoeboxCsvReport *report);
void              _shoebox_csv_add_problem (ShoeboxCsvReport  *report,
                                            guint              line,
                                            const char        *field,
                                            const char        *reason);
ShoeboxCsvReport *_shoebox_csv_parse       (const char        *data,
                                            gsize              length,
                                            GError           **error);

/* Reading a file row by row (shoebox-csv-parse.c), for the import that
 * writes rows while later ones are still read (-parse-ahead.c).
 */
ShoeboxCsvParser *_shoebox_csv_parser_new        (const char        *data,
                                                  gsize              length,
                                                  GError           **error);
ShoeboxCsvReport *_shoebox_csv_parser_get_report (ShoeboxCsvParser  *parser);
const GDate      *_shoebox_csv_parser_get_today  (ShoeboxCsvParser  *parser);
ShoeboxPair      *_shoebox_csv_parser_next       (ShoeboxCsvParser  *parser,
                                                  guint             *line);
void              _shoebox_csv_parser_free       (ShoeboxCsvParser  *parser);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxCsvParser, _shoebox_csv_parser_free)

/* The import's rows as they are read: shoebox-csv-parse-ahead.c. */
ShoeboxCsvParseAhead *_shoebox_csv_parse_ahead_start  (GBytes                *contents,
                                                       GError               **error);
ShoeboxPair          *_shoebox_csv_parse_ahead_get    (ShoeboxCsvParseAhead  *ahead,
                                                       guint                  index,
                                                       const GError         **invalid);
ShoeboxCsvReport     *_shoebox_csv_parse_ahead_wait   (ShoeboxCsvParseAhead  *ahead);
void                  _shoebox_csv_parse_ahead_free   (ShoeboxCsvParseAhead  *ahead);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxCsvParseAhead, _shoebox_csv_parse_ahead_free)

/* The silhouettes an import resolved: shoebox-csv-silhouettes.c. */
GHashTable       *_shoebox_csv_silhouettes_new      (void);
gboolean          _shoebox_csv_silhouettes_lookup   (GHashTable        *silhouettes,
                                                     ShoeboxPair       *pair,
                                                     gint64            *id);
void              _shoebox_csv_silhouettes_remember (GHashTable        *silhouettes,
                                                     ShoeboxPair       *pair,
                                                     gint64             id);

void              _shoebox_csv_add_row_error (ShoeboxCsvReport  *report,
                                              guint              index,
                                              const GError      *row_error);
gboolean          _shoebox_csv_import_bulk (ShoeboxCollection     *collection,
                                            ShoeboxCsvParseAhead  *rows,
                                            gboolean              *refused,
                                            GError               **error);

/* shoebox-csv-sql.c: every fixed statement, by the file that runs it. */
typedef enum
{
  /* shoebox-csv-export.c */
  CSV_SQL_BEGIN_READ,
  CSV_SQL_END_READ,
  /* shoebox-csv-import.c */
  CSV_SQL_MAX_PAIR_ID,
  CSV_SQL_TRIGGER_SQL,
  CSV_SQL_DROP_PAIRS_FTS_INSERT,
  CSV_SQL_DROP_PAIR_TAGS_FTS_INSERT,
  CSV_SQL_INDEX_PAIRS_AFTER,
  CSV_SQL_FTS_SETTING,
  CSV_SQL_SET_FTS_SETTING,
  CSV_SQL_SAVEPOINT_ROW,
  CSV_SQL_RELEASE_ROW,
  CSV_SQL_ROLLBACK_TO_ROW,
  CSV_SQL_TEMP_STORE_MEMORY,
  CSV_SQL_IMPORT_CACHE_SIZE,
  CSV_SQL_TEMP_STORE_DEFAULT,
  CSV_SQL_DEFAULT_CACHE_SIZE,
  /* shoebox-csv-import-bulk.c */
  CSV_SQL_SAVEPOINT_BULK,
  CSV_SQL_ROLLBACK_TO_BULK,
  CSV_SQL_RELEASE_BULK,
  CSV_SQL_NEXT_PAIR_ID,
  CSV_SQL_CREATE_STAGED_PAIRS,
  CSV_SQL_CREATE_STAGED_PAIR_TAGS,
  CSV_SQL_CREATE_STAGED_WEARS,
  CSV_SQL_STAGE_PAIR,
  CSV_SQL_STAGE_PAIR_TAG,
  CSV_SQL_STAGE_WEAR,
  CSV_SQL_INSERT_STAGED_PAIRS,
  CSV_SQL_INSERT_STAGED_PAIR_TAGS,
  CSV_SQL_INSERT_STAGED_WEARS,
  CSV_SQL_DROP_STAGED_PAIRS,
  CSV_SQL_DROP_STAGED_PAIR_TAGS,
  CSV_SQL_DROP_STAGED_WEARS,
  N_CSV_SQL
} CsvSql;

ShoeboxStatement *_shoebox_csv_statement   (ShoeboxDatabase    *database,
                                            CsvSql              sql,
                                            GError            **error);
gboolean          _shoebox_csv_run         (ShoeboxDatabase    *database,
                                            CsvSql              sql,
                                            GError            **error);

G_END_DECLS
