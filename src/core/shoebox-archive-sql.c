/* shoebox-archive-sql.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-archive"

#include "config.h"

#include "shoebox-archive-private.h"

/* Every column of a pair that says what it is, besides its silhouette:
 * what the merge compares and copies.
 */
#define PAIR_COLUMNS \
  "colorway, official_colorway, style_code, size, size_system, condition, box, extras, status, " \
  "price_paid, currency, purchase_date, where_bought, estimated_value, storage_location, notes"

/* Every fixed statement of the collection files, the automatic backups,
 * the restore and the merge, keyed by ArchiveSql: one place to read when
 * a table they copy or count changes. Only the restore builds one at run
 * time (shoebox-archive-restore.c): a PRAGMA's value cannot be bound.
 */
static const char * const sql_text[N_ARCHIVE_SQL] = {
  /* shoebox-archive.c: checking a collection file or a backup */
  [ARCHIVE_SQL_INTEGRITY_CHECK] =
    "PRAGMA integrity_check",
  [ARCHIVE_SQL_HAS_PAIRS_TABLE] =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'pairs'",
  [ARCHIVE_SQL_READ_ENTRY] =
    "SELECT sz, data FROM sqlar WHERE name = ?",
  /* shoebox-archive-export.c: writing a collection file or a backup.
   * No journal: until the rename the file has no name anyone reads, and
   * a failure removes it.
   */
  [ARCHIVE_SQL_JOURNAL_OFF] =
    "PRAGMA journal_mode = OFF",
  [ARCHIVE_SQL_SYNCHRONOUS_OFF] =
    "PRAGMA synchronous = OFF",
  [ARCHIVE_SQL_SQLAR_PAGE_SIZE] =
    "PRAGMA page_size = 65536",
  [ARCHIVE_SQL_CREATE_SQLAR] =
    "CREATE TABLE sqlar (name TEXT PRIMARY KEY, mode INT, mtime INT, sz INT, data BLOB)",
  [ARCHIVE_SQL_BEGIN] =
    "BEGIN",
  [ARCHIVE_SQL_COMMIT] =
    "COMMIT",
  /* sqlar: a regular file (mode 0100644); sz equal to the length of data
   * says it is stored as it is. Photos are compressed already.
   */
  [ARCHIVE_SQL_ADD_ENTRY] =
    "INSERT INTO sqlar (name, mode, mtime, sz, data) VALUES (?, 33188, ?, ?, ?)",
  [ARCHIVE_SQL_PHOTO_NAMES] =
    "SELECT DISTINCT file_name FROM photos ORDER BY file_name",
  [ARCHIVE_SQL_COUNT_PAIRS] =
    "SELECT count(*) FROM pairs",
  [ARCHIVE_SQL_COUNT_SILHOUETTES] =
    "SELECT count(*) FROM silhouettes",
  [ARCHIVE_SQL_COUNT_PHOTOS] =
    "SELECT count(DISTINCT file_name) FROM photos",
  /* shoebox-archive-merge.c: on the collection's connection, with the
   * file's database attached as "merge_source" and the temporary tables
   * merge_silhouettes, merge_added and merge_pairs mapping its ids to
   * the collection's.
   */
  [ARCHIVE_SQL_ATTACH_SOURCE] =
    "ATTACH DATABASE ? AS merge_source",
  [ARCHIVE_SQL_DETACH_SOURCE] =
    "DETACH DATABASE merge_source",
  [ARCHIVE_SQL_ADD_BRANDS] =
    "INSERT INTO main.brands (name)"
    "  SELECT b.name FROM merge_source.brands b"
    "  WHERE NOT EXISTS (SELECT 1 FROM main.brands m WHERE m.name = b.name)",
  [ARCHIVE_SQL_CREATE_MERGE_SILHOUETTES] =
    "CREATE TEMP TABLE merge_silhouettes (source_id INTEGER PRIMARY KEY, id INTEGER, added INTEGER)",
  [ARCHIVE_SQL_MATCH_SILHOUETTES] =
    "INSERT INTO merge_silhouettes (source_id, id, added)"
    "  SELECT s.id, (SELECT ms.id FROM main.silhouettes ms JOIN main.brands mb ON mb.id = ms.brand_id"
    "                WHERE mb.name = b.name AND ms.name = s.name), 0"
    "  FROM merge_source.silhouettes s JOIN merge_source.brands b ON b.id = s.brand_id",
  [ARCHIVE_SQL_MARK_NEW_SILHOUETTES] =
    "UPDATE merge_silhouettes SET added = 1 WHERE id IS NULL",
  [ARCHIVE_SQL_ADD_SILHOUETTES] =
    "INSERT INTO main.silhouettes (brand_id, name, designer, release_year, retail_price, retail_currency,"
    "                              category, inspiration, notes)"
    "  SELECT (SELECT mb.id FROM main.brands mb WHERE mb.name = b.name), s.name, s.designer, s.release_year,"
    "         s.retail_price, s.retail_currency, s.category, s.inspiration, s.notes"
    "  FROM merge_silhouettes m JOIN merge_source.silhouettes s ON s.id = m.source_id"
    "  JOIN merge_source.brands b ON b.id = s.brand_id WHERE m.added = 1 ORDER BY s.id",
  [ARCHIVE_SQL_NOTE_ADDED_SILHOUETTES] =
    "UPDATE merge_silhouettes SET id ="
    "  (SELECT ms.id FROM merge_source.silhouettes s JOIN merge_source.brands b ON b.id = s.brand_id"
    "   JOIN main.brands mb ON mb.name = b.name JOIN main.silhouettes ms ON ms.brand_id = mb.id AND ms.name = s.name"
    "   WHERE s.id = merge_silhouettes.source_id)"
    "  WHERE added = 1",
  /* Lineage of the added ones, once every silhouette has its id. */
  [ARCHIVE_SQL_LINK_PREDECESSORS] =
    "UPDATE main.silhouettes SET predecessor_id ="
    "  (SELECT p.id FROM merge_silhouettes m JOIN merge_source.silhouettes s ON s.id = m.source_id"
    "   JOIN merge_silhouettes p ON p.source_id = s.predecessor_id WHERE m.id = main.silhouettes.id)"
    "  WHERE id IN (SELECT id FROM merge_silhouettes WHERE added = 1)",
  [ARCHIVE_SQL_COUNT_MERGED_SILHOUETTES] =
    "SELECT count(*) FILTER (WHERE added = 1), count(*) FILTER (WHERE added = 0)"
    " FROM merge_silhouettes",
  [ARCHIVE_SQL_CREATE_MERGE_ADDED] =
    "CREATE TEMP TABLE merge_added (source_id INTEGER PRIMARY KEY, id INTEGER)",
  [ARCHIVE_SQL_SOURCE_PAIRS] =
    "SELECT p.id, ms.id FROM merge_source.pairs p"
    "  JOIN merge_silhouettes ms ON ms.source_id = p.silhouette_id ORDER BY p.id",
  [ARCHIVE_SQL_PAIR_EXISTS] =
    "SELECT EXISTS (SELECT 1 FROM main.pairs q, merge_source.pairs p WHERE p.id = ?1"
    "  AND q.silhouette_id = ?2 AND q.colorway IS p.colorway"
    "  AND q.official_colorway IS p.official_colorway AND q.style_code IS p.style_code"
    "  AND q.size IS p.size AND q.size_system IS p.size_system AND q.condition IS p.condition"
    "  AND q.box IS p.box AND q.extras IS p.extras AND q.status IS p.status"
    "  AND q.price_paid IS p.price_paid AND q.currency IS p.currency"
    "  AND q.purchase_date IS p.purchase_date AND q.where_bought IS p.where_bought"
    "  AND q.estimated_value IS p.estimated_value AND q.storage_location IS p.storage_location"
    "  AND q.notes IS p.notes)",
  [ARCHIVE_SQL_ADD_PAIR] =
    "INSERT INTO main.pairs (silhouette_id, " PAIR_COLUMNS ", created_at, updated_at)"
    "  SELECT ?2, " PAIR_COLUMNS ", created_at, updated_at FROM merge_source.pairs WHERE id = ?1",
  [ARCHIVE_SQL_NOTE_ADDED_PAIR] =
    "INSERT INTO merge_added (source_id, id) VALUES (?, ?)",
  [ARCHIVE_SQL_CREATE_MERGE_PAIRS] =
    "CREATE TEMP TABLE merge_pairs (source_id INTEGER PRIMARY KEY, id INTEGER)",
  [ARCHIVE_SQL_ADD_TAGS] =
    "INSERT INTO main.tags (name)"
    "  SELECT DISTINCT t.name FROM merge_source.tags t"
    "  JOIN merge_source.pair_tags pt ON pt.tag_id = t.id JOIN merge_added ma ON ma.source_id = pt.pair_id"
    "  WHERE NOT EXISTS (SELECT 1 FROM main.tags m WHERE m.name = t.name)",
  [ARCHIVE_SQL_FILL_MERGE_PAIRS] =
    "INSERT INTO merge_pairs (source_id, id) SELECT source_id, id FROM merge_added",
  [ARCHIVE_SQL_ADD_PAIR_TAGS] =
    "INSERT INTO main.pair_tags (pair_id, tag_id, position)"
    "  SELECT mp.id, mt.id, pt.position FROM merge_pairs mp"
    "  JOIN merge_source.pair_tags pt ON pt.pair_id = mp.source_id"
    "  JOIN merge_source.tags t ON t.id = pt.tag_id JOIN main.tags mt ON mt.name = t.name",
  [ARCHIVE_SQL_ADD_WEARS] =
    "INSERT INTO main.wears (pair_id, date)"
    "  SELECT mp.id, w.date FROM merge_pairs mp JOIN merge_source.wears w ON w.pair_id = mp.source_id",
  [ARCHIVE_SQL_ADD_PHOTOS] =
    "INSERT INTO main.photos (pair_id, file_name, is_side_profile, position)"
    "  SELECT mp.id, ph.file_name, ph.is_side_profile, ph.position FROM merge_pairs mp"
    "  JOIN merge_source.photos ph ON ph.pair_id = mp.source_id",
  [ARCHIVE_SQL_DROP_MERGE_PAIRS] =
    "DROP TABLE merge_pairs",
  [ARCHIVE_SQL_DROP_MERGE_SILHOUETTES] =
    "DROP TABLE merge_silhouettes",
  [ARCHIVE_SQL_DROP_MERGE_ADDED] =
    "DROP TABLE merge_added",
  /* shoebox-archive-restore.c: in WAL mode the backup API needs both
   * databases at the same page size; the file's is changed with a VACUUM
   * outside WAL.
   */
  [ARCHIVE_SQL_PAGE_SIZE] =
    "PRAGMA page_size",
  [ARCHIVE_SQL_JOURNAL_DELETE] =
    "PRAGMA journal_mode = DELETE",
  [ARCHIVE_SQL_VACUUM] =
    "VACUUM",
  /* shoebox-backups.c: what changes when the collection does. An edit
   * sets updated_at (a sum of them tells even an edit that set an older
   * time), and adding or removing anything changes a count or the sum of
   * the ids.
   */
  [ARCHIVE_SQL_FINGERPRINT] =
    "SELECT (SELECT count(*) || '/' || total(id) || '/' || total(julianday(updated_at)) FROM pairs)"
    " || '/' || (SELECT count(*) FROM wears) || '/' || (SELECT count(*) FROM photos)"
    " || '/' || (SELECT count(*) FROM pair_tags) || '/' || (SELECT count(*) || '/' || total(id) FROM silhouettes)",
};

const char *
_shoebox_archive_sql (ArchiveSql sql)
{
  g_return_val_if_fail (sql < N_ARCHIVE_SQL, NULL);

  return sql_text[sql];
}

/* On the collection's connection (the merge, the restore): prepared once
 * and kept in its cache. The merge's statements name the attached file
 * and its temporary tables; SQLite prepares them again by itself when
 * the next merge attaches a file and creates the tables anew.
 */
ShoeboxStatement *
_shoebox_archive_statement (ShoeboxDatabase  *database,
                            ArchiveSql        sql,
                            GError          **error)
{
  g_return_val_if_fail (sql < N_ARCHIVE_SQL, NULL);

  return shoebox_database_prepare (database, sql_text[sql], error);
}

/* On a connection of the archive's own (a copy, a file being written or
 * read), owned by the caller: see shoebox_owned_statement_new().
 */
ShoeboxOwnedStatement *
_shoebox_archive_prepare (sqlite3     *handle,
                          ArchiveSql   sql,
                          const char  *path,
                          const char  *context,
                          GError     **error)
{
  g_return_val_if_fail (sql < N_ARCHIVE_SQL, NULL);

  return shoebox_owned_statement_new (handle, sql_text[sql], path, context, error);
}

/* Runs each of @sql in turn on @handle, as far as the first failure. */
gboolean
_shoebox_archive_run (sqlite3           *handle,
                      const ArchiveSql  *sql,
                      guint              n_sql,
                      const char        *path,
                      const char        *context,
                      GError           **error)
{
  for (guint i = 0; i < n_sql; i++)
    {
      g_return_val_if_fail (sql[i] < N_ARCHIVE_SQL, FALSE);

      if (!shoebox_owned_statement_run (handle, sql_text[sql[i]], path, context, error))
        return FALSE;
    }

  return TRUE;
}
