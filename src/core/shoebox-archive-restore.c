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

/* The page size of the file's database, or 0. */
static int
get_page_size (sqlite3 *source)
{
  g_autoptr(ShoeboxOwnedStatement) stmt = _shoebox_archive_prepare (source, ARCHIVE_SQL_PAGE_SIZE, NULL, NULL, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return shoebox_statement_column_int (stmt, 0);
}

/* In WAL mode the backup API needs both databases at the same page size. */
static gboolean
match_page_size (sqlite3          *source,
                 ShoeboxDatabase  *database,
                 GError          **error)
{
  static const ArchiveSql leave_wal[] = { ARCHIVE_SQL_JOURNAL_DELETE };
  static const ArchiveSql vacuum[] = { ARCHIVE_SQL_VACUUM };
  g_autoptr(ShoeboxStatement) target = NULL;
  g_autofree char *set_page_size = NULL;
  gint64 target_size = 0;

  target = _shoebox_archive_statement (database, ARCHIVE_SQL_PAGE_SIZE, NULL);
  if (target != NULL)
    shoebox_database_query_int64 (database, target, &target_size, NULL);

  if (target_size == get_page_size (source))
    return TRUE;

  /* Built here, not in shoebox-archive-sql.c: a PRAGMA takes no bound
   * parameters. The value is a number this connection gave.
   */
  set_page_size = g_strdup_printf ("PRAGMA page_size = %d", (int) target_size);
  if (!_shoebox_archive_run (source, leave_wal, G_N_ELEMENTS (leave_wal), NULL, NULL, NULL)
      || !shoebox_owned_statement_run (source, set_page_size, NULL, NULL, NULL)
      || !_shoebox_archive_run (source, vacuum, G_N_ELEMENTS (vacuum), NULL, NULL, NULL))
    {
      /* The words users have always seen here: SQLite's, after ours. */
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
