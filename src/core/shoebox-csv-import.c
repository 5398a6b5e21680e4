/* shoebox-csv-import.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-collection-private.h"
#include "shoebox-csv-private.h"

/* The import: a preview of the file, then its good rows written in one
 * transaction.
 */

typedef struct
{
  ShoeboxCollection    *collection;
  ShoeboxCsvParseAhead *rows;
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

/* The triggers that index a pair as it is written. FTS5 flushes its
 * pending terms at every savepoint, so with them each row of an import
 * wrote a segment of its own and merged it: most of the import's time.
 * The import drops them inside its transaction, indexes its rows in one
 * statement at the end, and creates them again from their own SQL, so a
 * failure or a crash at any point leaves them as they were.
 */
static const struct
{
  const char *name;
  CsvSql      drop;
} row_index_triggers[] = {
  { "pairs_fts_insert", CSV_SQL_DROP_PAIRS_FTS_INSERT },
  { "pair_tags_fts_insert", CSV_SQL_DROP_PAIR_TAGS_FTS_INSERT },
};

static gboolean
take_row_index_triggers (ShoeboxCollection  *collection,
                         GPtrArray          *saved_sql,
                         GError            **error)
{
  ShoeboxDatabase *database = shoebox_collection_get_database (collection);

  for (guint i = 0; i < G_N_ELEMENTS (row_index_triggers); i++)
    {
      g_autoptr(ShoeboxStatement) stmt = NULL;
      g_auto(GStrv) sql = NULL;

      stmt = _shoebox_csv_statement (database, CSV_SQL_TRIGGER_SQL, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_text (stmt, 1, row_index_triggers[i].name);
      sql = shoebox_database_query_strv (database, stmt, error);
      if (sql == NULL)
        return FALSE;
      if (sql[0] == NULL)
        {
          g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED,
                       _("The collection’s search index lacks its trigger “%s”"), row_index_triggers[i].name);
          return FALSE;
        }
      g_ptr_array_add (saved_sql, g_strdup (sql[0]));

      if (!_shoebox_csv_run (database, row_index_triggers[i].drop, error))
        return FALSE;
    }

  return TRUE;
}

/* The search index's settings the import changes for its one indexing
 * statement, and sets back after it in the same transaction.
 *
 * FTS5 writes its pending terms as a new segment every megabyte
 * (hashsize) or so, and by default merges every four segments of a level
 * into one of the next: a big import's segments were merged level after
 * level as they came. With automerge off, FTS5 still merges whenever a
 * level reaches its crisis count (16). And with 8 MiB of pending terms
 * before each segment, 100,000 pairs write a few big segments where they
 * wrote some fifty small ones and merged them: the statement runs 23 %
 * fewer instructions (6,451 M to 4,963 M under callgrind), and the index
 * ends with 3 segments where it had 10, so searches read fewer. Memory
 * for the pending terms grows by those 7 MiB only while the import runs.
 */
static const struct
{
  const char *name;
  gint64      fts_default; /* FTS5's value when its config table has none */
  gint64      import;
} import_fts_settings[] = {
  { "automerge", 4, 0 },
  { "hashsize", 1024 * 1024, 8 * 1024 * 1024 },
};

static gboolean
set_fts_setting (ShoeboxDatabase  *database,
                 const char       *name,
                 gint64            value,
                 GError          **error)
{
  g_autoptr(ShoeboxStatement) stmt = _shoebox_csv_statement (database, CSV_SQL_SET_FTS_SETTING, error);

  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_text (stmt, 1, name);
  shoebox_statement_bind_int64 (stmt, 2, value);
  return shoebox_database_step_done (database, stmt, error);
}

static gboolean
index_rows_and_restore_triggers (ShoeboxCollection  *collection,
                                 gint64              last_id_before,
                                 GPtrArray          *saved_sql,
                                 GError            **error)
{
  ShoeboxDatabase *database = shoebox_collection_get_database (collection);
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gint64 saved[G_N_ELEMENTS (import_fts_settings)];

  for (guint i = 0; i < G_N_ELEMENTS (import_fts_settings); i++)
    {
      stmt = _shoebox_csv_statement (database, CSV_SQL_FTS_SETTING, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_text (stmt, 1, import_fts_settings[i].name);
      shoebox_statement_bind_int64 (stmt, 2, import_fts_settings[i].fts_default);
      if (!shoebox_database_query_int64 (database, stmt, &saved[i], error))
        return FALSE;
      g_clear_pointer (&stmt, shoebox_statement_release);
      if (!set_fts_setting (database, import_fts_settings[i].name, import_fts_settings[i].import, error))
        return FALSE;
    }

  stmt = _shoebox_csv_statement (database, CSV_SQL_INDEX_PAIRS_AFTER, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, last_id_before);
  if (!shoebox_database_step_done (database, stmt, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (import_fts_settings); i++)
    if (!set_fts_setting (database, import_fts_settings[i].name, saved[i], error))
      return FALSE;

  /* The triggers' own SQL, as the schema held it: run as it was read,
   * so the import never needs to know how a migration wrote them.
   */
  for (guint i = 0; i < saved_sql->len; i++)
    if (!shoebox_database_exec (database, g_ptr_array_index (saved_sql, i), error))
      return FALSE;

  return TRUE;
}

static gpointer
unref_pairs (gpointer pairs)
{
  g_ptr_array_unref (pairs);
  return NULL;
}

/* Once written, the file's pairs are the collection's: the report keeps
 * none. Freeing 100,000 of them takes 0.1 s, which the thread that reads
 * the report would pay after the import (the app's main thread, or the
 * command line before it exits). A thread of their own frees them while
 * this one builds the search index; the caller joins it.
 */
static GThread *
release_pairs (ShoeboxCsvReport *report)
{
  GPtrArray *pairs = _shoebox_csv_report_take_pairs (report);
  GThread *thread;

  thread = g_thread_try_new ("shoebox-csv-free", unref_pairs, pairs, NULL);
  /* Without a thread they are freed here: slower, not wrong. */
  if (thread == NULL)
    unref_pairs (pairs);

  return thread;
}

static gboolean
index_rows_releasing_pairs (ImportData  *data,
                            gint64       last_id_before,
                            GPtrArray   *trigger_sql,
                            GError     **error)
{
  GThread *release = release_pairs (_shoebox_csv_parse_ahead_wait (data->rows));
  gboolean indexed = index_rows_and_restore_triggers (data->collection, last_id_before, trigger_sql, error);

  if (release != NULL)
    g_thread_join (release);

  return indexed;
}

static gboolean
import_in_transaction (ShoeboxDatabase  *database,
                       gpointer          user_data,
                       GError          **error)
{
  ImportData *data = user_data;
  ShoeboxCsvReport *report;
  g_autoptr(GPtrArray) trigger_sql = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) silhouettes = _shoebox_csv_silhouettes_new ();
  gint64 last_id_before;
  gboolean refused;

  /* AUTOINCREMENT gives every row of this import an id above any the
   * table ever had, so the rows to index are those above its maximum now.
   */
  {
    g_autoptr(ShoeboxStatement) stmt = _shoebox_csv_statement (database, CSV_SQL_MAX_PAIR_ID, error);

    if (stmt == NULL || !shoebox_database_query_int64 (database, stmt, &last_id_before, error))
      return FALSE;
  }
  if (!take_row_index_triggers (data->collection, trigger_sql, error))
    return FALSE;

  if (_shoebox_csv_import_bulk (data->collection, data->rows, &refused, error))
    return index_rows_releasing_pairs (data, last_id_before, trigger_sql, error);
  if (!refused)
    return FALSE;

  /* The database refused a row the checks let through: row by row, each
   * in a savepoint of its own, finds it and lists it. That needs every
   * row, read.
   */
  report = _shoebox_csv_parse_ahead_wait (data->rows);
  report->n_imported = 0;
  for (guint i = 0; i < report->pairs->len; i++)
    {
      ShoeboxPair *pair = g_ptr_array_index (report->pairs, i);
      g_autoptr(GError) row_error = NULL;
      gint64 silhouette_id;
      gboolean known = _shoebox_csv_silhouettes_lookup (silhouettes, pair, &silhouette_id);

      /* A savepoint per row: a row the database refuses is listed and
       * skipped, and the others still land.
       */
      if (!_shoebox_csv_run (database, CSV_SQL_SAVEPOINT_ROW, error))
        return FALSE;

      /* Each silhouette is looked up by name once per import, then by
       * its id (shoebox-csv-silhouettes.c).
       */
      if (known && shoebox_pair_get_silhouette_id (pair) == 0)
        shoebox_pair_set_silhouette_id (pair, silhouette_id);

      if (shoebox_pair_validate (pair, &row_error)
          && _shoebox_collection_insert_pair (data->collection, pair, &row_error))
        {
          if (!_shoebox_csv_run (database, CSV_SQL_RELEASE_ROW, error))
            return FALSE;
          report->n_imported++;
          /* Only a row that landed: a row rolled back may have added a
           * silhouette whose id the next new one takes.
           */
          if (!known)
            _shoebox_csv_silhouettes_remember (silhouettes, pair, shoebox_pair_get_silhouette_id (pair));
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

      if (!_shoebox_csv_run (database, CSV_SQL_ROLLBACK_TO_ROW, error)
          || !_shoebox_csv_run (database, CSV_SQL_RELEASE_ROW, error))
        return FALSE;
      _shoebox_csv_add_row_error (report, i, row_error);
    }

  return index_rows_releasing_pairs (data, last_id_before, trigger_sql, error);
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
 * brands the catalogue lacks are added. The report counts and lists; it
 * holds none of the pairs, which are in the collection now.
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
  g_autoptr(ShoeboxCsvParseAhead) rows = NULL;
  ShoeboxCsvReport *report;
  ImportData data;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  /* The rows are written as they are read (shoebox-csv-parse-ahead.c). */
  rows = _shoebox_csv_parse_ahead_start (contents, error);
  if (rows == NULL)
    return NULL;

  data.collection = collection;
  data.rows = rows;
  if (_shoebox_csv_parse_ahead_get (rows, 0, NULL) != NULL)
    {
      ShoeboxDatabase *database = shoebox_collection_get_database (collection);
      gboolean imported;

      /* The staging tables of the bulk write (shoebox-csv-import-bulk.c)
       * and the journal of each savepoint are temporary files by
       * default: over a million small writes for 100,000 rows. In memory
       * they cost no system call. And a page cache smaller than the
       * pages the transaction writes makes it spill pages to the log
       * before its commit; the commit then reads every frame after the
       * first spilled one back to write its checksum again. 100,000
       * pairs write about 14,300 pages and still spilled with 64 MiB:
       * 128 MiB halves the import's system calls (88,500 to 58,800; a
       * read of every page is gone). Both settings are this
       * connection's, and go back after; the cache grows only as far as
       * pages are used.
       */
      if (!_shoebox_csv_run (database, CSV_SQL_TEMP_STORE_MEMORY, error)
          || !_shoebox_csv_run (database, CSV_SQL_IMPORT_CACHE_SIZE, error))
        return NULL;
      imported = shoebox_database_write (database, import_in_transaction, &data, error);
      if ((!_shoebox_csv_run (database, CSV_SQL_TEMP_STORE_DEFAULT, imported ? error : NULL)
           || !_shoebox_csv_run (database, CSV_SQL_DEFAULT_CACHE_SIZE, imported ? error : NULL))
          && imported)
        imported = FALSE;
      if (!imported)
        return NULL;
    }

  /* The rows the writer refused were listed after the file's own
   * problems: all in line order now (the sort is stable).
   */
  report = _shoebox_csv_parse_ahead_wait (rows);
  g_ptr_array_sort (report->problems, compare_problems);
  if (report->n_imported > 0)
    g_signal_emit_by_name (collection, "changed");
  return shoebox_csv_report_ref (report);
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
