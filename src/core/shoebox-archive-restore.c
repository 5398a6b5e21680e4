/* shoebox-archive-restore.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-archive"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-archive-private.h"

#define BUSY_TRIES    50
#define BUSY_SLEEP_MS 100

/* Copies every page of @source over the collection's database in one
 * write transaction of its connection, with SQLite's backup API: in WAL
 * mode the new pages are appended to the log and count only with the
 * commit frame, so a crash or SIGKILL at any moment leaves the old
 * collection or the new one, whole, and the other connections (the
 * window's, the news fetcher's) simply see the new one afterwards.
 * Renaming a file over the database instead would race with their open
 * -wal file.
 */
static gboolean
copy_over (ShoeboxDatabase  *database,
           sqlite3          *source,
           GError          **error)
{
  sqlite3 *handle = shoebox_database_get_handle (database);
  sqlite3_backup *backup;
  int result = SQLITE_BUSY;

  backup = sqlite3_backup_init (handle, "main", source, "main");
  if (backup == NULL)
    {
      return shoebox_database_set_error (database, sqlite3_errcode (handle),
                                         _("The collection could not be replaced"), error);
    }

  for (guint i = 0; i < BUSY_TRIES; i++)
    {
      result = sqlite3_backup_step (backup, -1);
      if (result != SQLITE_BUSY && result != SQLITE_LOCKED)
        break;
      g_usleep (BUSY_SLEEP_MS * 1000);
    }
  sqlite3_backup_finish (backup);

  if (result == SQLITE_DONE)
    return TRUE;

  return shoebox_database_set_error (database, result,
                                     _("The collection could not be replaced, and is as it was"),
                                     error);
}

/* In WAL mode the backup API needs both databases at the same page size. */
static gboolean
match_page_size (sqlite3          *source,
                 ShoeboxDatabase  *database,
                 GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int target_size = 0;
  int source_size = 0;
  g_autofree char *sql = NULL;

  if (sqlite3_prepare_v2 (shoebox_database_get_handle (database), "PRAGMA page_size", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    target_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (sqlite3_prepare_v2 (source, "PRAGMA page_size", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    source_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (target_size == source_size)
    return TRUE;

  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA page_size = %d; VACUUM", target_size);
  if (sqlite3_exec (source, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                   _("The collection could not be replaced, and is as it was: %s"), sqlite3_errmsg (source));
      return FALSE;
    }

  return TRUE;
}

/**
 * shoebox_archive_restore:
 * @self: a checked #ShoeboxArchive
 * @database: the collection's database, whose contents are replaced
 * @photos_directory: the collection's photos folder
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the collection with the one in @self, at once: the photos it
 * needs are added first (the ones already there are the same photos, by
 * their names), then the database is replaced in one transaction. Make a
 * backup of the collection first (shoebox_backups_back_up()), so that the
 * restore can be undone. The database is on @database's connection: in
 * the window, call it from the thread that owns it.
 *
 * Returns: %TRUE if the collection is now the one of @self; on failure
 *   it is as it was (at most some photos were added)
 */
gboolean
shoebox_archive_restore (ShoeboxArchive   *self,
                         ShoeboxDatabase  *database,
                         const char       *photos_directory,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autofree char *path = NULL;
  int lock_fd = -1;
  sqlite3 *source = NULL;
  gboolean ok;

  g_return_val_if_fail (SHOEBOX_IS_ARCHIVE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_DATABASE (database), FALSE);

  path = _shoebox_archive_unpack (self, database, photos_directory, &lock_fd, cancellable, error);
  if (path == NULL)
    return FALSE;

  ok = sqlite3_open_v2 (path, &source, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;
  if (!ok)
    g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                 _("The collection could not be replaced, and is as it was: %s"), sqlite3_errmsg (source));
  ok = ok && match_page_size (source, database, error) && copy_over (database, source, error);

  sqlite3_close (source);
  _shoebox_archive_remove_database (path, lock_fd);
  return ok;
}
