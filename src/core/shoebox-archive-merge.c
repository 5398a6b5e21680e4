/* shoebox-archive-merge.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-archive"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-archive-private.h"

/* Merging adds what the collection does not have, matched by content and
 * never by id (ids of two collections mean nothing to each other):
 *
 * - a silhouette by its brand's name and its own name;
 * - a pair by its silhouette and every field the collector fills in
 *   (colorway to notes); its tags, wears and photos come with it.
 *
 * Everything is one transaction on the collection's connection, with the
 * file's database attached as "merge_source".
 */

/* Every column of a pair that says what it is, besides its silhouette. */
#define PAIR_COLUMNS \
  "colorway, official_colorway, style_code, size, size_system, condition, box, extras, status, " \
  "price_paid, currency, purchase_date, where_bought, estimated_value, storage_location, notes"

static const char merge_silhouettes_sql[] =
  "INSERT INTO main.brands (name)"
  "  SELECT b.name FROM merge_source.brands b"
  "  WHERE NOT EXISTS (SELECT 1 FROM main.brands m WHERE m.name = b.name);"
  "CREATE TEMP TABLE merge_silhouettes (source_id INTEGER PRIMARY KEY, id INTEGER, added INTEGER);"
  "INSERT INTO merge_silhouettes (source_id, id, added)"
  "  SELECT s.id, (SELECT ms.id FROM main.silhouettes ms JOIN main.brands mb ON mb.id = ms.brand_id"
  "                WHERE mb.name = b.name AND ms.name = s.name), 0"
  "  FROM merge_source.silhouettes s JOIN merge_source.brands b ON b.id = s.brand_id;"
  "UPDATE merge_silhouettes SET added = 1 WHERE id IS NULL;"
  "INSERT INTO main.silhouettes (brand_id, name, designer, release_year, retail_price, retail_currency,"
  "                              category, inspiration, notes)"
  "  SELECT (SELECT mb.id FROM main.brands mb WHERE mb.name = b.name), s.name, s.designer, s.release_year,"
  "         s.retail_price, s.retail_currency, s.category, s.inspiration, s.notes"
  "  FROM merge_silhouettes m JOIN merge_source.silhouettes s ON s.id = m.source_id"
  "  JOIN merge_source.brands b ON b.id = s.brand_id WHERE m.added = 1 ORDER BY s.id;"
  "UPDATE merge_silhouettes SET id ="
  "  (SELECT ms.id FROM merge_source.silhouettes s JOIN merge_source.brands b ON b.id = s.brand_id"
  "   JOIN main.brands mb ON mb.name = b.name JOIN main.silhouettes ms ON ms.brand_id = mb.id AND ms.name = s.name"
  "   WHERE s.id = merge_silhouettes.source_id)"
  "  WHERE added = 1;"
  /* Lineage of the added ones, now that every silhouette has its id. */
  "UPDATE main.silhouettes SET predecessor_id ="
  "  (SELECT p.id FROM merge_silhouettes m JOIN merge_source.silhouettes s ON s.id = m.source_id"
  "   JOIN merge_silhouettes p ON p.source_id = s.predecessor_id WHERE m.id = main.silhouettes.id)"
  "  WHERE id IN (SELECT id FROM merge_silhouettes WHERE added = 1);";

static const char merge_pairs_sql[] =
  "CREATE TEMP TABLE merge_pairs (source_id INTEGER PRIMARY KEY, id INTEGER);"
  "INSERT INTO main.tags (name)"
  "  SELECT DISTINCT t.name FROM merge_source.tags t"
  "  JOIN merge_source.pair_tags pt ON pt.tag_id = t.id JOIN merge_added ma ON ma.source_id = pt.pair_id"
  "  WHERE NOT EXISTS (SELECT 1 FROM main.tags m WHERE m.name = t.name);"
  "INSERT INTO merge_pairs (source_id, id) SELECT source_id, id FROM merge_added;"
  "INSERT INTO main.pair_tags (pair_id, tag_id, position)"
  "  SELECT mp.id, mt.id, pt.position FROM merge_pairs mp"
  "  JOIN merge_source.pair_tags pt ON pt.pair_id = mp.source_id"
  "  JOIN merge_source.tags t ON t.id = pt.tag_id JOIN main.tags mt ON mt.name = t.name;"
  "INSERT INTO main.wears (pair_id, date)"
  "  SELECT mp.id, w.date FROM merge_pairs mp JOIN merge_source.wears w ON w.pair_id = mp.source_id;"
  "INSERT INTO main.photos (pair_id, file_name, is_side_profile, position)"
  "  SELECT mp.id, ph.file_name, ph.is_side_profile, ph.position FROM merge_pairs mp"
  "  JOIN merge_source.photos ph ON ph.pair_id = mp.source_id;"
  "DROP TABLE merge_pairs;"
  "DROP TABLE merge_silhouettes;";

/* One statement of this module's own, prepared and finalized here: they
 * name the attached database, so they must not stay in the connection's
 * cache of statements after it is detached.
 */
static sqlite3_stmt *
prepare (ShoeboxDatabase  *database,
         const char       *sql,
         GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int result = sqlite3_prepare_v2 (shoebox_database_get_handle (database), sql, -1, &stmt, NULL);

  if (result != SQLITE_OK)
    {
      shoebox_database_set_error (database, result, NULL, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/* Adds each pair of the file that no pair of the collection (nor one
 * added just before it) equals, one at a time so that two equal pairs in
 * the file count once; their ids go to temp.merge_added.
 */
static gboolean
add_pairs (ShoeboxDatabase     *database,
           ShoeboxMergeCounts  *counts,
           GError             **error)
{
  sqlite3_stmt *pairs = NULL;
  sqlite3_stmt *exists = NULL;
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *note = NULL;
  gboolean ok = FALSE;
  gboolean stepped, has_row;

  pairs = prepare (database,
                   "SELECT p.id, ms.id FROM merge_source.pairs p"
                   "  JOIN merge_silhouettes ms ON ms.source_id = p.silhouette_id ORDER BY p.id", error);
  exists = prepare (database,
                    "SELECT EXISTS (SELECT 1 FROM main.pairs q, merge_source.pairs p WHERE p.id = ?1"
                    "  AND q.silhouette_id = ?2 AND q.colorway IS p.colorway"
                    "  AND q.official_colorway IS p.official_colorway AND q.style_code IS p.style_code"
                    "  AND q.size IS p.size AND q.size_system IS p.size_system AND q.condition IS p.condition"
                    "  AND q.box IS p.box AND q.extras IS p.extras AND q.status IS p.status"
                    "  AND q.price_paid IS p.price_paid AND q.currency IS p.currency"
                    "  AND q.purchase_date IS p.purchase_date AND q.where_bought IS p.where_bought"
                    "  AND q.estimated_value IS p.estimated_value AND q.storage_location IS p.storage_location"
                    "  AND q.notes IS p.notes)", error);
  insert = prepare (database,
                    "INSERT INTO main.pairs (silhouette_id, " PAIR_COLUMNS ", created_at, updated_at)"
                    "  SELECT ?2, " PAIR_COLUMNS ", created_at, updated_at FROM merge_source.pairs WHERE id = ?1",
                    error);
  note = prepare (database, "INSERT INTO merge_added (source_id, id) VALUES (?, ?)", error);
  if (pairs == NULL || exists == NULL || insert == NULL || note == NULL)
    goto out;

  while ((stepped = shoebox_database_step_row (database, pairs, &has_row, error)) && has_row)
    {
      gint64 source_id = shoebox_statement_column_int64 (pairs, 0);
      gint64 silhouette_id = shoebox_statement_column_int64 (pairs, 1);
      gint64 found;

      shoebox_statement_bind_int64 (exists, 1, source_id);
      shoebox_statement_bind_int64 (exists, 2, silhouette_id);
      if (!shoebox_database_query_int64 (database, exists, &found, error))
        goto out;
      if (found)
        {
          counts->pairs_skipped++;
          continue;
        }

      shoebox_statement_bind_int64 (insert, 1, source_id);
      shoebox_statement_bind_int64 (insert, 2, silhouette_id);
      if (!shoebox_database_step_done (database, insert, error))
        goto out;

      shoebox_statement_bind_int64 (note, 1, source_id);
      shoebox_statement_bind_int64 (note, 2, shoebox_database_last_insert_id (database));
      if (!shoebox_database_step_done (database, note, error))
        goto out;
      counts->pairs_added++;
    }
  ok = stepped;

out:
  sqlite3_finalize (pairs);
  sqlite3_finalize (exists);
  sqlite3_finalize (insert);
  sqlite3_finalize (note);
  return ok;
}

static gboolean
merge_in_transaction (ShoeboxDatabase  *database,
                      gpointer          user_data,
                      GError          **error)
{
  ShoeboxMergeCounts *counts = user_data;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!shoebox_database_exec (database, merge_silhouettes_sql, error))
    return FALSE;

  stmt = prepare (database, "SELECT count(*) FILTER (WHERE added = 1), count(*) FILTER (WHERE added = 0)"
                            " FROM merge_silhouettes", error);
  if (stmt == NULL)
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  counts->silhouettes_added = sqlite3_column_int (stmt, 0);
  counts->silhouettes_skipped = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);

  return ok
         && shoebox_database_exec (database, "CREATE TEMP TABLE merge_added (source_id INTEGER PRIMARY KEY, id INTEGER)", error)
         && add_pairs (database, counts, error)
         && shoebox_database_exec (database, merge_pairs_sql, error)
         && shoebox_database_exec (database, "DROP TABLE merge_added", error);
}

/**
 * shoebox_archive_merge:
 * @self: a checked #ShoeboxArchive
 * @database: the collection's database
 * @photos_directory: the collection's photos folder
 * @counts: (out caller-allocates): what was added and what was skipped
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Adds the silhouettes and pairs of @self that the collection does not
 * have yet, in one transaction. Photos are added first.
 *
 * Returns: %TRUE if the merge was committed; on failure the collection
 *   is as it was (at most some photos were added)
 */
gboolean
shoebox_archive_merge (ShoeboxArchive      *self,
                       ShoeboxDatabase     *database,
                       const char          *photos_directory,
                       ShoeboxMergeCounts  *counts,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autofree char *path = NULL;
  int lock_fd = -1;
  sqlite3_stmt *attach;
  gboolean ok;

  g_return_val_if_fail (SHOEBOX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  *counts = (ShoeboxMergeCounts) { 0, };

  path = _shoebox_archive_unpack (self, database, photos_directory, &lock_fd, cancellable, error);
  if (path == NULL)
    return FALSE;

  attach = prepare (database, "ATTACH DATABASE ? AS merge_source", error);
  ok = attach != NULL;
  if (ok)
    {
      sqlite3_bind_text (attach, 1, path, -1, SQLITE_STATIC);
      ok = shoebox_database_step_done (database, attach, error);
      sqlite3_finalize (attach);
    }

  if (ok)
    {
      ok = shoebox_database_write (database, merge_in_transaction, counts, error);
      shoebox_database_exec (database, "DETACH DATABASE merge_source", NULL);
      if (!ok)
        *counts = (ShoeboxMergeCounts) { 0, };
    }

  _shoebox_archive_remove_database (path, lock_fd);
  return ok;
}
