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
 * file's database attached as "merge_source". The statements are in
 * shoebox-archive-sql.c.
 */

/* Runs each of @sql in turn, as far as the first failure. */
static gboolean
run (ShoeboxDatabase   *database,
     const ArchiveSql  *sql,
     guint              n_sql,
     GError           **error)
{
  for (guint i = 0; i < n_sql; i++)
    {
      g_autoptr(ShoeboxStatement) stmt = _shoebox_archive_statement (database, sql[i], error);

      if (stmt == NULL || !shoebox_database_step_done (database, stmt, error))
        return FALSE;
    }

  return TRUE;
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
  g_autoptr(ShoeboxStatement) pairs = NULL;
  g_autoptr(ShoeboxStatement) exists = NULL;
  g_autoptr(ShoeboxStatement) insert = NULL;
  g_autoptr(ShoeboxStatement) note = NULL;
  gboolean stepped, has_row;

  if ((pairs = _shoebox_archive_statement (database, ARCHIVE_SQL_SOURCE_PAIRS, error)) == NULL
      || (exists = _shoebox_archive_statement (database, ARCHIVE_SQL_PAIR_EXISTS, error)) == NULL
      || (insert = _shoebox_archive_statement (database, ARCHIVE_SQL_ADD_PAIR, error)) == NULL
      || (note = _shoebox_archive_statement (database, ARCHIVE_SQL_NOTE_ADDED_PAIR, error)) == NULL)
    return FALSE;

  while ((stepped = shoebox_database_step_row (database, pairs, &has_row, error)) && has_row)
    {
      gint64 source_id = shoebox_statement_column_int64 (pairs, 0);
      gint64 silhouette_id = shoebox_statement_column_int64 (pairs, 1);
      gint64 found;

      shoebox_statement_bind_int64 (exists, 1, source_id);
      shoebox_statement_bind_int64 (exists, 2, silhouette_id);
      if (!shoebox_database_query_int64 (database, exists, &found, error))
        return FALSE;
      if (found)
        {
          counts->pairs_skipped++;
          continue;
        }

      shoebox_statement_bind_int64 (insert, 1, source_id);
      shoebox_statement_bind_int64 (insert, 2, silhouette_id);
      if (!shoebox_database_step_done (database, insert, error))
        return FALSE;

      shoebox_statement_bind_int64 (note, 1, source_id);
      shoebox_statement_bind_int64 (note, 2, shoebox_database_last_insert_id (database));
      if (!shoebox_database_step_done (database, note, error))
        return FALSE;
      counts->pairs_added++;
    }

  return stepped;
}

/* Finds or adds every silhouette of the file (its brand first), and
 * counts which.
 */
static gboolean
merge_silhouettes (ShoeboxDatabase     *database,
                   ShoeboxMergeCounts  *counts,
                   GError             **error)
{
  static const ArchiveSql steps[] = {
    ARCHIVE_SQL_ADD_BRANDS,
    ARCHIVE_SQL_CREATE_MERGE_SILHOUETTES,
    ARCHIVE_SQL_MATCH_SILHOUETTES,
    ARCHIVE_SQL_MARK_NEW_SILHOUETTES,
    ARCHIVE_SQL_ADD_SILHOUETTES,
    ARCHIVE_SQL_NOTE_ADDED_SILHOUETTES,
    ARCHIVE_SQL_LINK_PREDECESSORS,
  };
  g_autoptr(ShoeboxStatement) count = NULL;
  gboolean has_row;

  if (!run (database, steps, G_N_ELEMENTS (steps), error))
    return FALSE;

  count = _shoebox_archive_statement (database, ARCHIVE_SQL_COUNT_MERGED_SILHOUETTES, error);
  if (count == NULL || !shoebox_database_step_row (database, count, &has_row, error))
    return FALSE;
  counts->silhouettes_added = shoebox_statement_column_int (count, 0);
  counts->silhouettes_skipped = shoebox_statement_column_int (count, 1);
  return TRUE;
}

static gboolean
merge_in_transaction (ShoeboxDatabase  *database,
                      gpointer          user_data,
                      GError          **error)
{
  static const ArchiveSql before_pairs[] = {
    ARCHIVE_SQL_CREATE_MERGE_ADDED,
  };
  /* The tags, wears and photos of the pairs added. */
  static const ArchiveSql after_pairs[] = {
    ARCHIVE_SQL_CREATE_MERGE_PAIRS,
    ARCHIVE_SQL_ADD_TAGS,
    ARCHIVE_SQL_FILL_MERGE_PAIRS,
    ARCHIVE_SQL_ADD_PAIR_TAGS,
    ARCHIVE_SQL_ADD_WEARS,
    ARCHIVE_SQL_ADD_PHOTOS,
    ARCHIVE_SQL_DROP_MERGE_PAIRS,
    ARCHIVE_SQL_DROP_MERGE_SILHOUETTES,
    ARCHIVE_SQL_DROP_MERGE_ADDED,
  };
  ShoeboxMergeCounts *counts = user_data;

  return merge_silhouettes (database, counts, error)
         && run (database, before_pairs, G_N_ELEMENTS (before_pairs), error)
         && add_pairs (database, counts, error)
         && run (database, after_pairs, G_N_ELEMENTS (after_pairs), error);
}

/* Attaches the file at @path as "merge_source". */
static gboolean
attach (ShoeboxDatabase  *database,
        const char       *path,
        GError          **error)
{
  g_autoptr(ShoeboxStatement) stmt = _shoebox_archive_statement (database, ARCHIVE_SQL_ATTACH_SOURCE, error);

  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_text (stmt, 1, path);
  return shoebox_database_step_done (database, stmt, error);
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
  gboolean ok;

  g_return_val_if_fail (SHOEBOX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  *counts = (ShoeboxMergeCounts) { 0, };

  path = _shoebox_archive_unpack (self, database, photos_directory, &lock_fd, cancellable, error);
  if (path == NULL)
    return FALSE;

  ok = attach (database, path, error);
  if (ok)
    {
      static const ArchiveSql detach[] = { ARCHIVE_SQL_DETACH_SOURCE };

      ok = shoebox_database_write (database, merge_in_transaction, counts, error);
      run (database, detach, G_N_ELEMENTS (detach), NULL);
      if (!ok)
        *counts = (ShoeboxMergeCounts) { 0, };
    }

  _shoebox_archive_remove_database (path, lock_fd);
  return ok;
}
