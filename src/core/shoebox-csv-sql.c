/* shoebox-csv-sql.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-collection-private.h"
#include "shoebox-csv-private.h"

/* Every fixed statement of the CSV import and export, keyed by CsvSql:
 * one place to read when a table they write changes. Only the import's
 * search index triggers are SQL from elsewhere: it creates them again
 * from their own text in the schema (shoebox-csv-import.c).
 */
static const char * const sql_text[N_CSV_SQL] = {
  /* shoebox-csv-export.c */
  [CSV_SQL_BEGIN_READ] =
    "BEGIN",
  [CSV_SQL_END_READ] =
    "COMMIT",
  /* shoebox-csv-import.c */
  [CSV_SQL_MAX_PAIR_ID] =
    "SELECT coalesce (max (id), 0) FROM pairs",
  [CSV_SQL_TRIGGER_SQL] =
    "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
  [CSV_SQL_DROP_PAIRS_FTS_INSERT] =
    "DROP TRIGGER pairs_fts_insert",
  [CSV_SQL_DROP_PAIR_TAGS_FTS_INSERT] =
    "DROP TRIGGER pair_tags_fts_insert",
  [CSV_SQL_INDEX_PAIRS_AFTER] =
    "INSERT INTO pairs_fts (rowid, silhouette, brand, colorway, official_colorway,"
    " style_code, size, condition, status, where_bought, storage_location, notes,"
    " extras, tags)"
    " SELECT * FROM pairs_fts_source WHERE id > ?",
  /* FTS5 keeps a setting in its config table only once it is set: ?2 is
   * its default.
   */
  [CSV_SQL_FTS_SETTING] =
    "SELECT coalesce ((SELECT v FROM pairs_fts_config WHERE k = ?1), ?2)",
  [CSV_SQL_SET_FTS_SETTING] =
    "INSERT INTO pairs_fts (pairs_fts, rank) VALUES (?1, ?2)",
  [CSV_SQL_SAVEPOINT_ROW] =
    "SAVEPOINT csv_row",
  [CSV_SQL_RELEASE_ROW] =
    "RELEASE csv_row",
  [CSV_SQL_ROLLBACK_TO_ROW] =
    "ROLLBACK TO csv_row",
  /* A PRAGMA that sets a value acts when it is prepared, not when it is
   * stepped: kept in the cache, SQLite prepares it again at each later
   * step, so it must be run at once with _shoebox_csv_run(), never held.
   * The csv test's import-settings case checks it on a second import.
   */
  [CSV_SQL_TEMP_STORE_MEMORY] =
    "PRAGMA temp_store = MEMORY",
  [CSV_SQL_IMPORT_CACHE_SIZE] =
    "PRAGMA cache_size = -131072",
  [CSV_SQL_TEMP_STORE_DEFAULT] =
    "PRAGMA temp_store = DEFAULT",
  [CSV_SQL_DEFAULT_CACHE_SIZE] =
    "PRAGMA cache_size = -2000",
  /* shoebox-csv-import-bulk.c: staging tables without constraints or
   * indexes, and their rows copied to the collection's in one statement
   * each.
   */
  [CSV_SQL_SAVEPOINT_BULK] =
    "SAVEPOINT csv_bulk",
  [CSV_SQL_ROLLBACK_TO_BULK] =
    "ROLLBACK TO csv_bulk",
  [CSV_SQL_RELEASE_BULK] =
    "RELEASE csv_bulk",
  [CSV_SQL_NEXT_PAIR_ID] =
    "SELECT max ((SELECT coalesce (max (seq), 0) FROM sqlite_sequence WHERE name = 'pairs'),"
    " (SELECT coalesce (max (id), 0) FROM pairs)) + 1",
  [CSV_SQL_CREATE_STAGED_PAIRS] =
    "CREATE TEMP TABLE csv_import_pairs ("
    "  id INTEGER PRIMARY KEY, silhouette_id, colorway, official_colorway, style_code,"
    "  size, size_system, condition, box, extras, status, price_paid, currency,"
    "  purchase_date, where_bought, estimated_value, storage_location, notes,"
    "  created_at, updated_at)",
  [CSV_SQL_CREATE_STAGED_PAIR_TAGS] =
    "CREATE TEMP TABLE csv_import_pair_tags (pair_id, tag_id, position)",
  [CSV_SQL_CREATE_STAGED_WEARS] =
    "CREATE TEMP TABLE csv_import_wears (pair_id, date)",
  [CSV_SQL_STAGE_PAIR] =
    "INSERT INTO temp.csv_import_pairs (id, silhouette_id, colorway, official_colorway, style_code,"
    " size, size_system, condition, box, extras, status, price_paid, currency,"
    " purchase_date, where_bought, estimated_value, storage_location, notes,"
    " created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
    " ?17, ?18, ?19, ?20)",
  [CSV_SQL_STAGE_PAIR_TAG] =
    "INSERT INTO temp.csv_import_pair_tags (pair_id, tag_id, position) VALUES (?, ?, ?)",
  [CSV_SQL_STAGE_WEAR] =
    "INSERT INTO temp.csv_import_wears (pair_id, date) VALUES (?, ?)",
  [CSV_SQL_INSERT_STAGED_PAIRS] =
    "INSERT INTO pairs (id, silhouette_id, colorway, official_colorway, style_code,"
    " size, size_system, condition, box, extras, status, price_paid, currency,"
    " purchase_date, where_bought, estimated_value, storage_location, notes,"
    " created_at, updated_at)"
    " SELECT id, silhouette_id, colorway, official_colorway, style_code,"
    " size, size_system, condition, box, extras, status, price_paid, currency,"
    " purchase_date, where_bought, estimated_value, storage_location, notes,"
    " created_at, updated_at"
    " FROM temp.csv_import_pairs ORDER BY id",
  [CSV_SQL_INSERT_STAGED_PAIR_TAGS] =
    "INSERT OR IGNORE INTO pair_tags (pair_id, tag_id, position)"
    " SELECT pair_id, tag_id, position FROM temp.csv_import_pair_tags ORDER BY rowid",
  [CSV_SQL_INSERT_STAGED_WEARS] =
    "INSERT OR IGNORE INTO wears (pair_id, date)"
    " SELECT pair_id, date FROM temp.csv_import_wears ORDER BY rowid",
  [CSV_SQL_DROP_STAGED_PAIRS] =
    "DROP TABLE temp.csv_import_pairs",
  [CSV_SQL_DROP_STAGED_PAIR_TAGS] =
    "DROP TABLE temp.csv_import_pair_tags",
  [CSV_SQL_DROP_STAGED_WEARS] =
    "DROP TABLE temp.csv_import_wears",
};

/* A failure says what the collection's own statements say: the import
 * and the export read and change the collection.
 */
ShoeboxStatement *
_shoebox_csv_statement (ShoeboxDatabase  *database,
                        CsvSql            sql,
                        GError          **error)
{
  g_return_val_if_fail (sql < N_CSV_SQL, NULL);

  return shoebox_database_prepare_for (database, sql_text[sql], _shoebox_collection_error_context (), error);
}

/* A fixed statement without parameters: prepared once, not parsed again
 * each time as shoebox_database_exec() would.
 */
gboolean
_shoebox_csv_run (ShoeboxDatabase  *database,
                  CsvSql            sql,
                  GError          **error)
{
  g_autoptr(ShoeboxStatement) stmt = _shoebox_csv_statement (database, sql, error);

  return stmt != NULL && shoebox_database_step_done (database, stmt, error);
}
