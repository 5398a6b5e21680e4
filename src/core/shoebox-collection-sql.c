/* shoebox-collection-sql.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-collection-private.h"

/* Every fixed statement of the collection and its catalogue, keyed by
 * CollectionSql: one place to read when a table changes. Only the search
 * builds its SQL (shoebox-collection-search.c), from the sort and the
 * filters asked for. The CSV import and export keep theirs in
 * shoebox-csv-sql.c.
 */
static const char * const sql_text[N_COLLECTION_SQL] = {
  /* shoebox-collection-deletion.c */
  [COLLECTION_SQL_DELETE_PAIR] =
    "DELETE FROM pairs WHERE id = ?",
  /* shoebox-collection-generate.c */
  [COLLECTION_SQL_ALL_SILHOUETTE_IDS] =
    "SELECT id FROM silhouettes ORDER BY id",
  [COLLECTION_SQL_INSERT_TAG_IF_NEW] =
    "INSERT OR IGNORE INTO tags (name) VALUES (?)",
  [COLLECTION_SQL_TAG_ID_BY_NAME] =
    "SELECT id FROM tags WHERE name = ?",
  [COLLECTION_SQL_INSERT_GENERATED_PAIR] =
    "INSERT INTO pairs (silhouette_id, colorway, style_code, size, size_system,"
    " condition, box, status, price_paid, currency, purchase_date, where_bought,"
    " estimated_value, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, 'US M', ?, 'original', ?, ?, ?, ?, 'Generated', ?, ?, ?)",
  [COLLECTION_SQL_INSERT_FIRST_PAIR_TAG] =
    "INSERT OR IGNORE INTO pair_tags (pair_id, tag_id, position) VALUES (?, ?, 0)",
  [COLLECTION_SQL_INSERT_WEAR] =
    "INSERT OR IGNORE INTO wears (pair_id, date) VALUES (?, ?)",
  /* A page cache that holds the whole transaction, and SQLite's default. */
  [COLLECTION_SQL_GENERATE_CACHE_SIZE] =
    "PRAGMA cache_size = -262144",
  [COLLECTION_SQL_DEFAULT_CACHE_SIZE] =
    "PRAGMA cache_size = -2000",
  /* shoebox-collection-photos.c */
  [COLLECTION_SQL_DELETE_PHOTO] =
    "DELETE FROM photos WHERE pair_id = ? AND file_name = ?",
  [COLLECTION_SQL_CLEAR_SIDE_PROFILE] =
    "UPDATE photos SET is_side_profile = 0 WHERE pair_id = ?",
  [COLLECTION_SQL_SET_SIDE_PROFILE] =
    "UPDATE photos SET is_side_profile = 1 WHERE pair_id = ? AND file_name = ?",
  [COLLECTION_SQL_APPEND_PHOTO] =
    "INSERT OR IGNORE INTO photos (pair_id, file_name, is_side_profile, position)"
    " VALUES (?1, ?2, ?3, (SELECT coalesce (max (position) + 1, 0) FROM photos WHERE pair_id = ?1))",
  [COLLECTION_SQL_COVER_PHOTO_OF_SILHOUETTE] =
    "SELECT p.id, (SELECT ph.file_name FROM photos ph WHERE ph.pair_id = p.id"
    "              ORDER BY ph.is_side_profile DESC, ph.position, ph.id LIMIT 1) AS photo"
    " FROM pairs p WHERE p.silhouette_id = ?"
    " ORDER BY photo IS NULL, p.status = 'Owned' DESC, p.purchase_date IS NULL,"
    "          p.purchase_date DESC, p.created_at DESC, p.id DESC"
    " LIMIT 1",
  [COLLECTION_SQL_MOVE_PHOTO] =
    "UPDATE photos SET position = ? WHERE pair_id = ? AND file_name = ?",
  /* shoebox-collection-read.c */
  [COLLECTION_SQL_LOAD_PAIRS] =
    "SELECT " PAIR_COLUMNS PAIR_FROM " WHERE p.id IN (SELECT value FROM json_each (?1))",
  /* shoebox-collection-statistics.c */
  [COLLECTION_SQL_COUNT_BY_STATUS] =
    "SELECT " STATUS_INDEX ", count(*) FROM pairs p GROUP BY 1",
  [COLLECTION_SQL_COUNT_BY_CONDITION] =
    "SELECT " CONDITION_INDEX ", count(*) FROM pairs p WHERE p.status = 'Owned' GROUP BY 1",
  [COLLECTION_SQL_TOTALS_BY_CURRENCY] =
    "SELECT currency, coalesce (sum (price_paid), 0), coalesce (sum (estimated_value), 0), count(*),"
    " count (price_paid), count (estimated_value),"
    " coalesce (sum (CASE WHEN estimated_value IS NOT NULL THEN price_paid END), 0)"
    " FROM pairs WHERE status = 'Owned' AND currency IS NOT NULL"
    " AND (price_paid IS NOT NULL OR estimated_value IS NOT NULL)"
    " GROUP BY currency ORDER BY currency",
  [COLLECTION_SQL_COUNT_BY_BRAND] =
    "SELECT b.name, count(*)" PAIR_FROM " WHERE p.status = 'Owned'"
    " GROUP BY b.id ORDER BY count(*) DESC, b.name COLLATE NOCASE",
  [COLLECTION_SQL_MOST_WORN] =
    "SELECT p.id FROM pairs p JOIN wears w ON w.pair_id = p.id WHERE p.status = 'Owned'"
    " GROUP BY p.id ORDER BY count(*) DESC, max (w.date) DESC, p.id"
    " LIMIT " G_STRINGIFY (SHOEBOX_STATISTICS_N_WORN),
  [COLLECTION_SQL_LEAST_WORN] =
    "SELECT p.id FROM pairs p WHERE p.status = 'Owned'"
    " ORDER BY " WEAR_COUNT ", " LAST_WORN " ASC NULLS FIRST, p.id"
    " LIMIT " G_STRINGIFY (SHOEBOX_STATISTICS_N_WORN),
  [COLLECTION_SQL_COUNT_NOT_WORN_RECENTLY] =
    "SELECT count(*) FROM pairs p WHERE p.status = 'Owned'"
    " AND NOT EXISTS (SELECT 1 FROM wears w WHERE w.pair_id = p.id"
    "                 AND w.date > date (?, '-" G_STRINGIFY (SHOEBOX_STATISTICS_RECENT_DAYS) " days'))",
  /* shoebox-collection-wear.c */
  [COLLECTION_SQL_DELETE_WEAR] =
    "DELETE FROM wears WHERE pair_id = ? AND date = ?",
  /* shoebox-collection.c */
  [COLLECTION_SQL_INSERT_BRAND_IF_NEW] =
    "INSERT OR IGNORE INTO brands (name) VALUES (?)",
  [COLLECTION_SQL_BRAND_ID_BY_NAME] =
    "SELECT id FROM brands WHERE name = ?",
  [COLLECTION_SQL_SILHOUETTE_EXISTS] =
    "SELECT count(*) FROM silhouettes WHERE id = ?",
  [COLLECTION_SQL_INSERT_SILHOUETTE] =
    "INSERT INTO silhouettes (brand_id, name) VALUES (?, ?)",
  [COLLECTION_SQL_DELETE_PAIR_TAGS] =
    "DELETE FROM pair_tags WHERE pair_id = ?",
  [COLLECTION_SQL_TAG_ID_OR_ZERO] =
    "SELECT coalesce ((SELECT id FROM tags WHERE name = ?), 0)",
  [COLLECTION_SQL_INSERT_TAG] =
    "INSERT INTO tags (name) VALUES (?)",
  [COLLECTION_SQL_INSERT_PAIR_TAG] =
    "INSERT OR IGNORE INTO pair_tags (pair_id, tag_id, position) VALUES (?, ?, ?)",
  [COLLECTION_SQL_INSERT_PAIR] =
    "INSERT INTO pairs (id, silhouette_id, colorway, official_colorway, style_code,"
    " size, size_system, condition, box, extras, status, price_paid, currency,"
    " purchase_date, where_bought, estimated_value, storage_location, notes,"
    " created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
    " ?17, ?18, ?19, ?20)",
  [COLLECTION_SQL_UPDATE_PAIR] =
    "UPDATE pairs SET silhouette_id = ?2, colorway = ?3, official_colorway = ?4,"
    " style_code = ?5, size = ?6, size_system = ?7, condition = ?8, box = ?9,"
    " extras = ?10, status = ?11, price_paid = ?12, currency = ?13,"
    " purchase_date = ?14, where_bought = ?15, estimated_value = ?16,"
    " storage_location = ?17, notes = ?18, updated_at = ?19"
    " WHERE id = ?1",
  [COLLECTION_SQL_SAVED_PAIR] =
    "SELECT s.name, b.name, p.created_at, p.updated_at" PAIR_FROM " WHERE p.id = ?",
  [COLLECTION_SQL_LIST_PHOTOS] =
    "SELECT file_name, is_side_profile, position FROM photos WHERE pair_id = ?"
    " ORDER BY position, id",
  [COLLECTION_SQL_INSERT_PHOTO] =
    "INSERT INTO photos (pair_id, file_name, is_side_profile, position) VALUES (?, ?, ?, ?)",
  [COLLECTION_SQL_COUNT_PAIRS] =
    "SELECT count(*) FROM pairs",
  /* shoebox-catalogue.c */
  [COLLECTION_SQL_INSERT_STARTER_SILHOUETTE] =
    "INSERT OR IGNORE INTO silhouettes (brand_id, name, designer, release_year,"
    " retail_price, retail_currency, category, inspiration, notes)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [COLLECTION_SQL_SILHOUETTE_ID_BY_NAME] =
    "SELECT id FROM silhouettes WHERE brand_id = ? AND name = ?",
  [COLLECTION_SQL_LINK_PREDECESSOR] =
    "UPDATE silhouettes SET predecessor_id = ? WHERE id = ? AND predecessor_id IS NULL",
  [COLLECTION_SQL_STARTER_CATALOGUE_LOADED] =
    "SELECT count(*) FROM meta WHERE key = '" STARTER_CATALOGUE_KEY "'",
  [COLLECTION_SQL_MARK_STARTER_CATALOGUE_LOADED] =
    "INSERT INTO meta (key, value) VALUES ('" STARTER_CATALOGUE_KEY "', '1')",
  [COLLECTION_SQL_INSERT_SILHOUETTE_WITH_ID] =
    "INSERT INTO silhouettes (brand_id, name, designer, release_year, retail_price,"
    " retail_currency, category, inspiration, notes, predecessor_id, id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  [COLLECTION_SQL_UPDATE_SILHOUETTE] =
    "UPDATE silhouettes SET brand_id = ?1, name = ?2, designer = ?3, release_year = ?4,"
    " retail_price = ?5, retail_currency = ?6, category = ?7, inspiration = ?8,"
    " notes = ?9, predecessor_id = ?10 WHERE id = ?11",
  [COLLECTION_SQL_COUNT_PAIRS_OF_SILHOUETTE] =
    "SELECT count(*) FROM pairs WHERE silhouette_id = ?",
  [COLLECTION_SQL_DELETE_SILHOUETTE] =
    "DELETE FROM silhouettes WHERE id = ?",
  [COLLECTION_SQL_GET_SILHOUETTE] =
    "SELECT " SILHOUETTE_COLUMNS SILHOUETTE_FROM " WHERE s.id = ?",
  [COLLECTION_SQL_LIST_SILHOUETTES] =
    "SELECT " SILHOUETTE_COLUMNS SILHOUETTE_FROM
    " ORDER BY b.name COLLATE NOCASE, s.name COLLATE NOCASE, s.id",
  [COLLECTION_SQL_SUCCESSORS] =
    "SELECT id FROM silhouettes WHERE predecessor_id = ?"
    " ORDER BY release_year NULLS LAST, id",
  [COLLECTION_SQL_LIST_BRANDS] =
    "SELECT name FROM brands ORDER BY name COLLATE NOCASE",
  [COLLECTION_SQL_LIST_USED_TAGS] =
    "SELECT name FROM tags WHERE id IN (SELECT tag_id FROM pair_tags)"
    " ORDER BY name COLLATE NOCASE, name",
  /* shoebox-collection-search.c */
  [COLLECTION_SQL_NOT_WORN_SINCE] =
    "SELECT p.id FROM pairs p WHERE p.status = 'Owned'"
    " AND NOT EXISTS (SELECT 1 FROM wears w WHERE w.pair_id = p.id AND w.date > ?1)"
    " ORDER BY " LAST_WORN " ASC NULLS FIRST, p.id",
  /* shoebox-collection-read.c */
  [COLLECTION_SQL_TAGS_OF_PAIRS] =
    "SELECT pt.pair_id, t.name FROM pair_tags pt JOIN tags t ON t.id = pt.tag_id"
    " WHERE pt.pair_id IN (SELECT value FROM json_each (?1))"
    " ORDER BY pt.pair_id, pt.position, t.name",
  [COLLECTION_SQL_WEARS_OF_PAIRS] =
    "SELECT pair_id, date FROM wears WHERE pair_id IN (SELECT value FROM json_each (?1))"
    " ORDER BY pair_id, date",
  /* shoebox-collection.c */
  [COLLECTION_SQL_FIND_SILHOUETTE_OF_BRAND] =
    "SELECT s.id" SILHOUETTE_FROM " WHERE b.name = ?1 AND s.name = ?2 LIMIT 2",
  [COLLECTION_SQL_FIND_SILHOUETTE_OF_BRAND_NOCASE] =
    "SELECT s.id" SILHOUETTE_FROM " WHERE b.name = ?1 AND s.name = ?2 COLLATE NOCASE LIMIT 2",
  [COLLECTION_SQL_FIND_SILHOUETTE] =
    "SELECT s.id" SILHOUETTE_FROM " WHERE ?1 IS NULL AND s.name = ?2 LIMIT 2",
  [COLLECTION_SQL_FIND_SILHOUETTE_NOCASE] =
    "SELECT s.id" SILHOUETTE_FROM " WHERE ?1 IS NULL AND s.name = ?2 COLLATE NOCASE LIMIT 2",
  /* shoebox-pair-order.c: the keys of the search's ORDER BY
   * (shoebox-collection-search.c), each read where it is cheapest.
   */
  [COLLECTION_SQL_PAIR_ORDER_SILHOUETTES] =
    "SELECT s.id, s.name, b.name" SILHOUETTE_FROM " ORDER BY s.id",
  /* The condition's 0 is the search's NULLIF (…, 0); a price paid is
   * an integer of 0 or more, so -1 stands for none.
   */
  [COLLECTION_SQL_PAIR_ORDER_PAIRS] =
    "SELECT p.id, p.silhouette_id, p.colorway, p.size_system, CAST (p.size AS REAL),"
    " " CONDITION_INDEX ", p.currency, coalesce (p.price_paid, -1), p.purchase_date"
    " FROM pairs p ORDER BY p.id",
  /* Backwards along the index on (pair_id, date): a pair's first row is
   * its last wear.
   */
  [COLLECTION_SQL_PAIR_ORDER_WEARS] =
    "SELECT pair_id, date FROM wears ORDER BY pair_id DESC, date DESC",
};

/* What a failure of the collection's statements says before SQLite's
 * words (see shoebox_database_set_error()); the CSV import and export's
 * too, as they read and change the collection.
 */
const char *
_shoebox_collection_error_context (void)
{
  return _("The collection could not be read or changed");
}

/* For a statement on a connection other than the collection's: a
 * worker's, with shoebox_database_prepare().
 */
const char *
_shoebox_collection_sql (CollectionSql sql)
{
  g_return_val_if_fail (sql < N_COLLECTION_SQL, NULL);

  return sql_text[sql];
}

ShoeboxStatement *
_shoebox_collection_statement (ShoeboxCollection  *self,
                               CollectionSql       sql,
                               GError            **error)
{
  g_return_val_if_fail (sql < N_COLLECTION_SQL, NULL);

  return shoebox_database_prepare_for (self->database, sql_text[sql], _shoebox_collection_error_context (), error);
}

/* A fixed statement without parameters, such as those the import runs
 * for every row: prepared once, not parsed again each time as
 * shoebox_database_exec() would.
 */
gboolean
_shoebox_collection_run (ShoeboxCollection  *self,
                         CollectionSql       sql,
                         GError            **error)
{
  g_autoptr(ShoeboxStatement) stmt = _shoebox_collection_statement (self, sql, error);

  return stmt != NULL && shoebox_database_step_done (self->database, stmt, error);
}

/* For SQL built at run time: the search's. */
ShoeboxStatement *
_shoebox_collection_prepare (ShoeboxCollection  *self,
                             const char         *sql,
                             GError            **error)
{
  return shoebox_database_prepare_for (self->database, sql, _shoebox_collection_error_context (), error);
}
