/* shoebox-archive-export.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-archive"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "shoebox-archive-private.h"
#include "shoebox-disk-space.h"
#include "shoebox-file-replace.h"
#include "shoebox-photos.h"

/* Bytes 18 and 19 of an SQLite header: the file format's write and read
 * versions, 2 in WAL mode and 1 in the rollback-journal mode. The copy in
 * a collection file is set to 1, so that it opens read-only, with no -wal
 * file, wherever it is extracted (`sqlite3 FILE -Ax`).
 */
#define SQLITE_WRITE_VERSION_OFFSET 18
#define SQLITE_READ_VERSION_OFFSET  19

G_DEFINE_QUARK (shoebox-archive-error-quark, shoebox_archive_error)

/* What a failure to write @display_name says before the database
 * layer's words.
 */
static char *
dup_write_context (const char *display_name)
{
  return g_strdup_printf (_("Could not write “%s”"), display_name);
}

/* A failure to write @display_name, in the database layer's words. */
static void
set_write_error (GError     **error,
                 sqlite3     *handle,
                 int          result,
                 const char  *display_name)
{
  g_autofree char *context = dup_write_context (display_name);

  shoebox_database_set_handle_error (handle, result, display_name, context, error);
}

/* Runs each of @sql in turn on @handle, a file being written: a failure
 * names @display_name.
 */
static gboolean
run_for_file (sqlite3           *handle,
              const ArchiveSql  *sql,
              guint              n_sql,
              const char        *display_name,
              GError           **error)
{
  g_autofree char *context = dup_write_context (display_name);

  return _shoebox_archive_run (handle, sql, n_sql, display_name, context, error);
}

/* Copies the database of @source into @copy with SQLite's online backup
 * API, in one step: one read transaction, so the copy is the database as
 * of one commit however much the window or a fetch writes meanwhile. On
 * failure @copy is closed.
 */
static gboolean
backup_into (sqlite3         *copy,
             ShoeboxDatabase *source,
             const char      *database_path,
             const char      *display_name,
             GError         **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (copy, "main", shoebox_database_get_handle (source), "main");
  int result;

  if (backup == NULL)
    {
      set_write_error (error, copy, sqlite3_errcode (copy), display_name);
      sqlite3_close (copy);
      return FALSE;
    }
  result = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (result == SQLITE_FULL || (result & 0xff) == SQLITE_IOERR)
    {
      set_write_error (error, copy, result, display_name);
      sqlite3_close (copy);
      return FALSE;
    }
  if (result != SQLITE_DONE)
    {
      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                   _("Could not copy the database “%s”: %s"), database_path, sqlite3_errstr (result));
      sqlite3_close (copy);
      return FALSE;
    }
  return TRUE;
}

/* A consistent copy of the whole database, in memory, taken on a
 * connection of our own.
 */
sqlite3 *
_shoebox_archive_snapshot (const char  *database_path,
                           GError     **error)
{
  g_autoptr(ShoeboxDatabase) source = NULL;
  sqlite3 *copy = NULL;
  int result;

  source = shoebox_database_open_another (database_path, error);
  if (source == NULL)
    return NULL;

  result = sqlite3_open_v2 (":memory:", &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (result != SQLITE_OK)
    {
      set_write_error (error, copy, result, database_path);
      sqlite3_close (copy);
      return NULL;
    }

  if (!backup_into (copy, source, database_path, database_path, error))
    return NULL;

  return copy;
}

/**
 * _shoebox_archive_copy_to_file:
 * @database_path: the collection's database
 * @temp_path: an empty file, created by the caller, which holds @fd
 * @fd: a descriptor of @temp_path, open for writing
 * @display_name: what a failure names
 * @photo_names: (out): the photos the copy refers to
 * @error: return location for a #GError
 *
 * What _shoebox_archive_snapshot() and _shoebox_archive_serialize() give,
 * written into @temp_path as it is read: SQLite's backup API in one step
 * (one read transaction, so the copy is the database as of one commit)
 * streams the pages through a cache of a few megabytes, where a copy in
 * memory held the whole database twice (120 MB more at the peak with
 * 100,000 pairs). The file is in the rollback-journal mode. Nothing is
 * synced: the caller syncs and renames it, or removes it on failure.
 *
 * Returns: %TRUE on success
 */
gboolean
_shoebox_archive_copy_to_file (const char   *database_path,
                               const char   *temp_path,
                               int           fd,
                               const char   *display_name,
                               char       ***photo_names,
                               GError      **error)
{
  static const guint8 rollback_versions[2] = { 1, 1 };
  static const ArchiveSql no_journal[] = { ARCHIVE_SQL_JOURNAL_OFF, ARCHIVE_SQL_SYNCHRONOUS_OFF };
  g_autoptr(ShoeboxDatabase) source = NULL;
  sqlite3 *copy = NULL;
  int result;

  source = shoebox_database_open_another (database_path, error);
  if (source == NULL)
    return FALSE;

  /* A file thrown away on any failure needs no journal, and one sync by
   * the caller at the end.
   */
  result = sqlite3_open_v2 (temp_path, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (result != SQLITE_OK)
    set_write_error (error, copy, result, display_name);
  if (result != SQLITE_OK || !run_for_file (copy, no_journal, G_N_ELEMENTS (no_journal), display_name, error))
    {
      sqlite3_close (copy);
      return FALSE;
    }

  if (!backup_into (copy, source, database_path, display_name, error))
    return FALSE;

  *photo_names = _shoebox_archive_dup_photo_names (copy, NULL);
  sqlite3_close (copy);

  /* The pages are the collection's, whose header says WAL. */
  if (pwrite (fd, rollback_versions, sizeof rollback_versions, SQLITE_WRITE_VERSION_OFFSET) != sizeof rollback_versions)
    {
      int saved_errno = errno;

      g_clear_pointer (photo_names, g_strfreev);
      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display_name, shoebox_disk_space_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * _shoebox_archive_serialize:
 *
 * Returns: (transfer full): the bytes of the database of @copy, as a file
 *   in the rollback-journal mode; free with sqlite3_free()
 */
unsigned char *
_shoebox_archive_serialize (sqlite3      *copy,
                            sqlite3_int64 *size,
                            const char   *display_name,
                            GError      **error)
{
  unsigned char *database = sqlite3_serialize (copy, "main", size, 0);

  if (database == NULL || *size < 100)
    {
      sqlite3_free (database);
      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                   _("Could not write “%s”: the database could not be copied"), display_name);
      return NULL;
    }
  database[SQLITE_WRITE_VERSION_OFFSET] = 1;
  database[SQLITE_READ_VERSION_OFFSET] = 1;
  return database;
}

/**
 * _shoebox_archive_sync_and_rename:
 *
 * The last steps of every file this module writes: the contents reach the
 * disk before the file gets its final name, and the name reaches the disk
 * with the folder, so that after a crash or a power cut the final name is
 * the old file or the whole new one.
 */
gboolean
_shoebox_archive_sync_and_rename (int          fd,
                                  const char  *temp_path,
                                  const char  *path,
                                  GError     **error)
{
  g_autofree char *display_name = g_filename_display_name (path);

  if (fsync (fd) != 0 || g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display_name, shoebox_disk_space_strerror (saved_errno));
      return FALSE;
    }

  shoebox_file_sync_folder (path);
  return TRUE;
}

/* Writes all of @data to @fd; @display_name is what a failure names. */
gboolean
_shoebox_archive_write_all (int           fd,
                            const guint8 *data,
                            gsize         size,
                            const char   *display_name,
                            GError      **error)
{
  for (gsize done = 0; done < size;)
    {
      gssize n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = errno;

          g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                       _("Could not write “%s”: %s"), display_name, shoebox_disk_space_strerror (saved_errno));
          return FALSE;
        }
      done += n;
    }

  return TRUE;
}

/* A photo, stored under its own name (its hash) at @path: whole, synced
 * and renamed (shoebox-file-replace.c), or not at all.
 */
gboolean
_shoebox_archive_write_photo (const char    *path,
                              GBytes        *bytes,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ShoeboxFileReplace) replace = shoebox_file_replace_new (file, error);

  return replace != NULL
         && g_output_stream_write_all (shoebox_file_replace_get_stream (replace),
                                       g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       NULL, cancellable, error)
         && shoebox_file_replace_commit (replace, error);
}

static gboolean
add_entry (sqlite3       *archive,
           const char    *name,
           const guint8  *data,
           gsize          size,
           const char    *display_name,
           GError       **error)
{
  g_autofree char *context = dup_write_context (display_name);
  g_autoptr(ShoeboxOwnedStatement) stmt = NULL;

  stmt = _shoebox_archive_prepare (archive, ARCHIVE_SQL_ADD_ENTRY, display_name, context, error);
  if (stmt == NULL)
    return FALSE;

  shoebox_statement_bind_text (stmt, 1, name);
  shoebox_statement_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  shoebox_statement_bind_int64 (stmt, 3, size);
  /* The photo's bytes are not copied: the statement is finalized here. */
  sqlite3_bind_blob64 (stmt, 4, data, size, SQLITE_STATIC);
  return shoebox_owned_statement_step_done (stmt, display_name, context, error);
}

/**
 * _shoebox_archive_dup_photo_names:
 * @handle: a collection's database
 * @read_all: (out) (optional): %FALSE when the names could not all be read
 *
 * Returns: (transfer full): every photo the collection refers to, once,
 *   as far as they could be read
 */
char **
_shoebox_archive_dup_photo_names (sqlite3  *handle,
                                  gboolean *read_all)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(ShoeboxOwnedStatement) stmt = _shoebox_archive_prepare (handle, ARCHIVE_SQL_PHOTO_NAMES, NULL, NULL, NULL);
  int result = SQLITE_ERROR;

  while (stmt != NULL && (result = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (shoebox_statement_column_text (stmt, 0)));
  if (read_all != NULL)
    *read_all = result == SQLITE_DONE;

  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* The first column of the first row of @sql, or 0. */
guint
_shoebox_archive_count (sqlite3    *handle,
                        ArchiveSql  sql)
{
  g_autoptr(ShoeboxOwnedStatement) stmt = _shoebox_archive_prepare (handle, sql, NULL, NULL, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return shoebox_statement_column_int64 (stmt, 0);
}

/* A photo of the collection, for a copy of it (@display_name). */
GBytes *
_shoebox_archive_read_collection_photo (const char  *photos_directory,
                                        const char  *name,
                                        const char  *display_name,
                                        GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!shoebox_photos_check_file_name (name, error))
    return NULL;

  path = g_build_filename (photos_directory, name, NULL);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                   _("The photo “%s” of your collection could not be read, so it "
                     "would be missing from “%s”: %s"),
                   name, display_name, local_error->message);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static gboolean
add_photos (sqlite3             *archive,
            const char          *photos_directory,
            const char * const  *names,
            const char          *display_name,
            GCancellable        *cancellable,
            GError             **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *entry = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      bytes = _shoebox_archive_read_collection_photo (photos_directory, names[i], display_name, error);
      if (bytes == NULL)
        return FALSE;

      entry = g_strconcat (SHOEBOX_ARCHIVE_PHOTOS_PREFIX, names[i], NULL);
      if (!add_entry (archive, entry, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                      display_name, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes the archive to @temp_path, which nothing else uses. */
static gboolean
write_archive (const char          *temp_path,
               sqlite3             *copy,
               const char          *photos_directory,
               const char * const  *names,
               const char          *display_name,
               GCancellable        *cancellable,
               GError             **error)
{
  /* No journal: until the rename the file has no name anyone reads, and
   * a failure removes it. It is synced once, whole, before the rename.
   */
  static const ArchiveSql create[] = {
    ARCHIVE_SQL_JOURNAL_OFF,
    ARCHIVE_SQL_SYNCHRONOUS_OFF,
    ARCHIVE_SQL_SQLAR_PAGE_SIZE,
    ARCHIVE_SQL_CREATE_SQLAR,
    ARCHIVE_SQL_BEGIN,
  };
  static const ArchiveSql commit[] = { ARCHIVE_SQL_COMMIT };
  sqlite3 *archive = NULL;
  unsigned char *database = NULL;
  sqlite3_int64 size = 0;
  gboolean ok = FALSE;
  int result;

  result = sqlite3_open_v2 (temp_path, &archive, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (result != SQLITE_OK)
    {
      set_write_error (error, archive, result, display_name);
      sqlite3_close (archive);
      return FALSE;
    }

  database = _shoebox_archive_serialize (copy, &size, display_name, error);
  if (database == NULL)
    goto out;

  if (!run_for_file (archive, create, G_N_ELEMENTS (create), display_name, error)
      || !add_entry (archive, SHOEBOX_ARCHIVE_DATABASE_NAME, database, size, display_name, error)
      || !add_photos (archive, photos_directory, names, display_name, cancellable, error)
      || !run_for_file (archive, commit, G_N_ELEMENTS (commit), display_name, error))
    goto out;

  ok = TRUE;

out:
  sqlite3_free (database);
  result = sqlite3_close (archive);
  if (ok && result != SQLITE_OK)
    {
      set_write_error (error, NULL, result, display_name);
      ok = FALSE;
    }
  return ok;
}

/**
 * shoebox_archive_export:
 * @database_path: the collection's database
 * @photos_directory: its photos folder
 * @target: the `.shoebox` file to write; it must have a local path
 * @n_pairs: (out) (optional): how many pairs the file holds
 * @n_photos: (out) (optional): how many photos the file holds
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the collection file: an SQLite Archive (sqlar) with a consistent
 * copy of the database as "shoebox.db" and every photo it refers to, once
 * each, as "photos/NAME". @target is the old file or the whole new one,
 * whatever happens. Runs on its own connection: call it from a worker
 * thread.
 *
 * Returns: %TRUE if @target was written
 */
gboolean
shoebox_archive_export (const char    *database_path,
                        const char    *photos_directory,
                        GFile         *target,
                        guint         *n_pairs,
                        guint         *n_photos,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *temp_path = NULL;
  g_auto(GStrv) names = NULL;
  sqlite3 *copy;
  gboolean ok;
  int fd;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (photos_directory != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  path = g_file_get_path (target);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a file on this computer"), uri);
      return FALSE;
    }
  display_name = g_filename_display_name (path);

  copy = _shoebox_archive_snapshot (database_path, error);
  if (copy == NULL)
    return FALSE;
  names = _shoebox_archive_dup_photo_names (copy, NULL);

  folder = g_path_get_dirname (path);
  shoebox_file_replace_remove_leftovers (folder);
  temp_path = g_build_filename (folder, SHOEBOX_ARCHIVE_TEMP_TEMPLATE, NULL);
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display_name, shoebox_disk_space_strerror (saved_errno));
      sqlite3_close (copy);
      return FALSE;
    }
  /* Held while the file is written: another export's clean-up of killed
   * writers' files (shoebox-file-replace.c) leaves it alone.
   */
  flock (fd, LOCK_EX | LOCK_NB);

  ok = write_archive (temp_path, copy, photos_directory, (const char * const *) names,
                      display_name, cancellable, error)
       && _shoebox_archive_sync_and_rename (fd, temp_path, path, error);
  if (!ok)
    g_unlink (temp_path);
  close (fd);

  if (ok && n_pairs != NULL)
    *n_pairs = _shoebox_archive_count (copy, ARCHIVE_SQL_COUNT_PAIRS);
  if (ok && n_photos != NULL)
    *n_photos = g_strv_length (names);
  sqlite3_close (copy);

  return ok;
}
