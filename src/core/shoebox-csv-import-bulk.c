/* shoebox-csv-import-bulk.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv"

#include "config.h"

#include "shoebox-collection-private.h"
#include "shoebox-csv-private.h"
#include "shoebox-pair-private.h"

/* The import's fast way: every good row is written to temporary tables
 * that have no constraints and no indexes, then to the collection's
 * tables in one statement each. Row by row, each insert into pairs paid
 * for its own statement: its CHECK constraints build a temporary index
 * for every IN list, AUTOINCREMENT reads and writes sqlite_sequence, and
 * its savepoint copies the pages it changes. One statement does each of
 * those once, and still checks every constraint of every row.
 *
 * It runs inside a savepoint. When the database refuses a row (a
 * constraint the checks in C let through), it rolls back to it and says
 * so, and the import writes the file again row by row, which finds the
 * row and lists it (shoebox-csv-import.c). Pairs get the ids AUTOINCREMENT
 * would have given them, in the file's order, so either way gives the
 * same rows.
 */

typedef struct
{
  ShoeboxCollection *collection;
  ShoeboxDatabase   *database;
  GHashTable        *silhouettes; /* _shoebox_csv_silhouettes_new() */
  GHashTable        *tags;        /* name → gint64 */
  char              *now;
} Bulk;

static void
bulk_clear (Bulk *bulk)
{
  g_clear_pointer (&bulk->silhouettes, g_hash_table_unref);
  g_clear_pointer (&bulk->tags, g_hash_table_unref);
  g_clear_pointer (&bulk->now, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bulk, bulk_clear)

/* The silhouettes named by brand and name are resolved once per import
 * (shoebox-csv-silhouettes.c); a row that gives its silhouette's id
 * needs no lookup of that kind.
 */
static gboolean
resolve_silhouette (Bulk         *bulk,
                    ShoeboxPair  *pair,
                    gint64       *silhouette_id,
                    GError      **error)
{
  if (shoebox_pair_get_silhouette_id (pair) == 0
      && _shoebox_csv_silhouettes_lookup (bulk->silhouettes, pair, silhouette_id))
    return TRUE;

  if (!_shoebox_collection_resolve_silhouette (bulk->collection, pair, silhouette_id, error))
    return FALSE;
  if (shoebox_pair_get_silhouette_id (pair) == 0)
    _shoebox_csv_silhouettes_remember (bulk->silhouettes, pair, *silhouette_id);
  return TRUE;
}

static gboolean
stage_tags (Bulk              *bulk,
            ShoeboxStatement  *stmt,
            gint64             pair_id,
            ShoeboxPair       *pair,
            GError           **error)
{
  const char * const *tags = shoebox_pair_get_tags (pair);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      gint64 *cached = g_hash_table_lookup (bulk->tags, tags[i]);
      gint64 tag_id;

      if (cached != NULL)
        tag_id = *cached;
      else if (_shoebox_collection_ensure_tag (bulk->collection, tags[i], &tag_id, error))
        g_hash_table_insert (bulk->tags, g_strdup (tags[i]), g_memdup2 (&tag_id, sizeof tag_id));
      else
        return FALSE;

      shoebox_statement_bind_int64 (stmt, 1, pair_id);
      shoebox_statement_bind_int64 (stmt, 2, tag_id);
      shoebox_statement_bind_int64 (stmt, 3, i);
      if (!shoebox_database_step_done (bulk->database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
stage_wears (Bulk              *bulk,
             ShoeboxStatement  *stmt,
             gint64             pair_id,
             ShoeboxPair       *pair,
             GError           **error)
{
  const char * const *dates = shoebox_pair_get_wear_dates (pair);

  for (guint i = 0; dates != NULL && dates[i] != NULL; i++)
    {
      shoebox_statement_bind_int64 (stmt, 1, pair_id);
      shoebox_statement_bind_kept_text (stmt, 2, dates[i]);
      if (!shoebox_database_step_done (bulk->database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  guint   index; /* in report->pairs */
  GError *error;
} RowError;

static void
row_error_clear (gpointer data)
{
  g_clear_error (&((RowError *) data)->error);
}

/* Writes every row to the staging tables as the file is read, counting
 * them in @n_staged, and lists in @row_errors the rows the checks
 * refuse: the report is the reading thread's until the last row is read.
 */
static gboolean
stage_rows (Bulk                  *bulk,
            ShoeboxCsvParseAhead  *rows,
            gint64                 first_id,
            guint                 *n_staged,
            GArray                *row_errors,
            GError               **error)
{
  g_autoptr(ShoeboxStatement) pair_stmt = NULL;
  g_autoptr(ShoeboxStatement) tag_stmt = NULL;
  g_autoptr(ShoeboxStatement) wear_stmt = NULL;
  const GError *invalid;
  ShoeboxPair *pair;

  /* Each is prepared once and run for every row. The collection's other
   * helpers run statements of their own in between, never these. Their
   * text is bound without a copy: the pairs and bulk->now outlive them.
   */
  pair_stmt = _shoebox_csv_statement (bulk->database, CSV_SQL_STAGE_PAIR, error);
  if (pair_stmt == NULL)
    return FALSE;
  tag_stmt = _shoebox_csv_statement (bulk->database, CSV_SQL_STAGE_PAIR_TAG, error);
  if (tag_stmt == NULL)
    return FALSE;
  wear_stmt = _shoebox_csv_statement (bulk->database, CSV_SQL_STAGE_WEAR, error);
  if (wear_stmt == NULL)
    return FALSE;

  for (guint i = 0; (pair = _shoebox_csv_parse_ahead_get (rows, i, &invalid)) != NULL; i++)
    {
      g_autoptr(GError) row_error = NULL;
      gint64 pair_id = first_id + *n_staged;
      gint64 silhouette_id = 0;

      /* The reading thread checked the pair's values already. */
      if (invalid != NULL)
        row_error = g_error_copy (invalid);

      if (row_error != NULL || !resolve_silhouette (bulk, pair, &silhouette_id, &row_error))
        {
          /* Those checks write nothing before they fail: the row is
           * listed, and the others go on.
           */
          if (row_error->domain != SHOEBOX_PAIR_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&row_error));
              return FALSE;
            }
          g_array_append_val (row_errors, ((RowError) { i, g_steal_pointer (&row_error) }));
          continue;
        }

      shoebox_statement_bind_int64 (pair_stmt, 1, pair_id);
      _shoebox_collection_bind_pair_fields (pair_stmt, pair, silhouette_id);
      shoebox_statement_bind_kept_text (pair_stmt, 19, bulk->now);
      shoebox_statement_bind_kept_text (pair_stmt, 20, bulk->now);
      if (!shoebox_database_step_done (bulk->database, pair_stmt, error)
          || !stage_tags (bulk, tag_stmt, pair_id, pair, error)
          || !stage_wears (bulk, wear_stmt, pair_id, pair, error))
        return FALSE;

      (*n_staged)++;
    }

  return TRUE;
}

static gboolean
write_rows (Bulk                  *bulk,
            ShoeboxCsvParseAhead  *rows,
            guint                 *n_staged,
            GArray                *row_errors,
            GError               **error)
{
  ShoeboxDatabase *database = bulk->database;
  g_autoptr(ShoeboxStatement) stmt = _shoebox_csv_statement (database, CSV_SQL_NEXT_PAIR_ID, error);
  gint64 first_id;

  if (stmt == NULL || !shoebox_database_query_int64 (database, stmt, &first_id, error))
    return FALSE;

  return _shoebox_csv_run (database, CSV_SQL_CREATE_STAGED_PAIRS, error)
         && _shoebox_csv_run (database, CSV_SQL_CREATE_STAGED_PAIR_TAGS, error)
         && _shoebox_csv_run (database, CSV_SQL_CREATE_STAGED_WEARS, error)
         && stage_rows (bulk, rows, first_id, n_staged, row_errors, error)
         && _shoebox_csv_run (database, CSV_SQL_INSERT_STAGED_PAIRS, error)
         && _shoebox_csv_run (database, CSV_SQL_INSERT_STAGED_PAIR_TAGS, error)
         && _shoebox_csv_run (database, CSV_SQL_INSERT_STAGED_WEARS, error)
         && _shoebox_csv_run (database, CSV_SQL_DROP_STAGED_PAIRS, error)
         && _shoebox_csv_run (database, CSV_SQL_DROP_STAGED_PAIR_TAGS, error)
         && _shoebox_csv_run (database, CSV_SQL_DROP_STAGED_WEARS, error);
}

/**
 * _shoebox_csv_import_bulk:
 * @collection: where the pairs go
 * @rows: the file's rows, as they are read; the report's problems get
 *   the rows the checks refuse
 * @refused: (out): %TRUE when the database refused a row and nothing
 *   was written: the import then goes row by row
 * @error: return location for a #GError
 *
 * Runs inside the import's transaction.
 *
 * Returns: %TRUE when every good row was written
 */
gboolean
_shoebox_csv_import_bulk (ShoeboxCollection     *collection,
                          ShoeboxCsvParseAhead  *rows,
                          gboolean              *refused,
                          GError               **error)
{
  ShoeboxDatabase *database = shoebox_collection_get_database (collection);
  g_auto(Bulk) bulk = {
    collection,
    database,
    _shoebox_csv_silhouettes_new (),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    _shoebox_collection_dup_now (),
  };
  g_autoptr(GArray) row_errors = g_array_new (FALSE, FALSE, sizeof (RowError));
  g_autoptr(GError) local_error = NULL;
  ShoeboxCsvReport *report;
  guint n_staged = 0;

  g_array_set_clear_func (row_errors, row_error_clear);
  *refused = FALSE;
  if (!_shoebox_csv_run (database, CSV_SQL_SAVEPOINT_BULK, error))
    return FALSE;

  if (!write_rows (&bulk, rows, &n_staged, row_errors, &local_error))
    {
      /* SQLite may have rolled the whole transaction back already (it
       * does on SQLITE_FULL), savepoint and all.
       */
      if (!g_error_matches (local_error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT)
          || sqlite3_get_autocommit (shoebox_database_get_handle (database))
          || !_shoebox_csv_run (database, CSV_SQL_ROLLBACK_TO_BULK, NULL)
          || !_shoebox_csv_run (database, CSV_SQL_RELEASE_BULK, NULL))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      *refused = TRUE;
      return FALSE;
    }

  if (!_shoebox_csv_run (database, CSV_SQL_RELEASE_BULK, error))
    return FALSE;

  /* Every row was read: the report is this thread's now. */
  report = _shoebox_csv_parse_ahead_wait (rows);
  for (guint i = 0; i < row_errors->len; i++)
    {
      const RowError *row_error = &g_array_index (row_errors, RowError, i);

      _shoebox_csv_add_row_error (report, row_error->index, row_error->error);
    }
  report->n_imported = n_staged;

  return TRUE;
}
