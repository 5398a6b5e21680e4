/* shoebox-archive.c
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
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "shoebox-archive-private.h"
#include "shoebox-disk-space.h"
#include "shoebox-file-replace.h"
#include "shoebox-photos.h"

static GBytes *read_photo (ShoeboxArchive  *self,
                           const char      *file_name,
                           GError         **error);

/* A collection to restore or merge, checked whole before anything is
 * replaced: a `.shoebox` file (photos inside), or one of the automatic
 * backups (photos in the backups' shared folder). Opening reads and checks
 * everything (SQLite header, integrity_check of the file and of the
 * database inside, schema version, every photo's hash), so that what
 * the collector is shown is what a restore will put in place.
 */

#define SQLITE_HEADER_SIZE         100
#define SQLITE_MAGIC               "SQLite format 3"
#define SQLITE_PAGE_SIZE_OFFSET    16
#define SQLITE_PAGE_COUNT_OFFSET   28
#define SQLITE_USER_VERSION_OFFSET 60
#define SHA256_HEX_LENGTH          64

/* The oldest schema with a collection in it (pairs, tags, wears, photos). */
#define FIRST_COLLECTION_VERSION 2

struct _ShoeboxArchive
{
  GObject  parent_instance;

  char    *display_name;  /* the file, as messages name it */
  sqlite3 *sqlar;         /* the collection file, read-only; NULL for a backup */
  char    *photos_pool;   /* a backup's photos; NULL for a collection file */
  GBytes  *database;      /* the database inside, as its bytes */
  char   **photo_names;   /* every photo the database refers to, once */
  guint    n_pairs;
  guint    n_silhouettes;
  guint    schema_version;
};

G_DEFINE_FINAL_TYPE (ShoeboxArchive, shoebox_archive, G_TYPE_OBJECT)

static void
shoebox_archive_finalize (GObject *object)
{
  ShoeboxArchive *self = SHOEBOX_ARCHIVE (object);

  g_clear_pointer (&self->sqlar, sqlite3_close);
  g_clear_pointer (&self->database, g_bytes_unref);
  g_clear_pointer (&self->photo_names, g_strfreev);
  g_free (self->photos_pool);
  g_free (self->display_name);

  G_OBJECT_CLASS (shoebox_archive_parent_class)->finalize (object);
}

static void
shoebox_archive_class_init (ShoeboxArchiveClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shoebox_archive_finalize;
}

static void
shoebox_archive_init (ShoeboxArchive *self)
{
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8) | bytes[3];
}

static void
set_damaged (GError    **error,
             const char *display_name,
             const char *reason)
{
  g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_DAMAGED,
               _("“%s” is damaged (%s). Nothing has been changed."), display_name, reason);
}

static void
set_foreign (GError    **error,
             const char *display_name,
             const char *reason)
{
  g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FOREIGN,
               _("“%s” is not a Shoebox collection file (%s). Nothing has been changed."),
               display_name, reason);
}

/* The first 100 bytes of an SQLite file say what it is, how long it must
 * be and, for a database, which schema version it has: a file cut short
 * is told from a damaged one before SQLite reads a page of it.
 */
static gboolean
check_header (const guint8  *header,
              gsize          length,
              guint64        file_size,
              const char    *display_name,
              GError       **error)
{
  guint page_size;
  guint64 n_pages;

  if (length < SQLITE_HEADER_SIZE || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      set_foreign (error, display_name, _("it is not an SQLite file"));
      return FALSE;
    }

  page_size = ((guint) header[SQLITE_PAGE_SIZE_OFFSET] << 8) | header[SQLITE_PAGE_SIZE_OFFSET + 1];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + SQLITE_PAGE_COUNT_OFFSET);
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      set_damaged (error, display_name, _("its header is wrong"));
      return FALSE;
    }
  if (file_size < n_pages * page_size || file_size % page_size != 0)
    {
      set_damaged (error, display_name, _("it is cut short"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_integrity (sqlite3     *handle,
                 const char  *display_name,
                 GError     **error)
{
  g_autoptr(ShoeboxOwnedStatement) stmt = NULL;
  gboolean ok;

  stmt = _shoebox_archive_prepare (handle, ARCHIVE_SQL_INTEGRITY_CHECK, display_name, NULL, NULL);
  ok = stmt != NULL
       && sqlite3_step (stmt) == SQLITE_ROW
       && g_strcmp0 (shoebox_statement_column_text (stmt, 0), "ok") == 0;

  if (!ok)
    set_damaged (error, display_name, _("SQLite’s integrity check fails"));
  return ok;
}

static gboolean
query_uint (sqlite3    *handle,
            ArchiveSql  sql,
            guint      *value)
{
  g_autoptr(ShoeboxOwnedStatement) stmt = _shoebox_archive_prepare (handle, sql, NULL, NULL, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *value = shoebox_statement_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
check_photo (ShoeboxArchive  *self,
             const char      *name,
             GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *reason = NULL;

  if (!shoebox_photos_check_file_name (name, NULL))
    {
      reason = g_strdup_printf (_("“%s” is not the name of a Shoebox photo"), name);
      set_damaged (error, self->display_name, reason);
      return FALSE;
    }

  bytes = read_photo (self, name, error);
  if (bytes == NULL)
    return FALSE;

  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (strncmp (hash, name, SHA256_HEX_LENGTH) != 0)
    {
      reason = g_strdup_printf (_("the photo “%s” does not match its hash"), name);
      set_damaged (error, self->display_name, reason);
      return FALSE;
    }

  return TRUE;
}

/* Checks the database inside (self->database), and counts what it holds. */
static gboolean
check_database (ShoeboxArchive  *self,
                GCancellable    *cancellable,
                GError         **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->database, &size);
  guint latest = shoebox_database_get_latest_version ();
  guint has_pairs = 0;
  sqlite3 *handle = NULL;
  unsigned char *copy;
  gboolean ok = FALSE;

  if (!check_header (data, size, size, self->display_name, error))
    return FALSE;

  /* Checked on the header first: a newer schema may be one this SQLite
   * cannot even read.
   */
  self->schema_version = read_be32 (data + SQLITE_USER_VERSION_OFFSET);
  if (self->schema_version > latest)
    {
      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Shoebox (database version %u; "
                     "this version understands up to %u). Update Shoebox to open it. "
                     "Nothing has been changed."),
                   self->display_name, self->schema_version, latest);
      return FALSE;
    }

  if (sqlite3_open_v2 (":memory:", &handle, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    goto out;
  copy = sqlite3_malloc64 (size);
  if (copy == NULL)
    goto out;
  memcpy (copy, data, size);
  if (sqlite3_deserialize (handle, "main", copy, size, size,
                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
    {
      set_damaged (error, self->display_name, _("its database cannot be read"));
      goto out;
    }

  if (!check_integrity (handle, self->display_name, error))
    goto out;

  if (self->schema_version < FIRST_COLLECTION_VERSION
      || !query_uint (handle, ARCHIVE_SQL_HAS_PAIRS_TABLE, &has_pairs)
      || has_pairs == 0)
    {
      set_foreign (error, self->display_name, _("it holds no Shoebox collection"));
      goto out;
    }

  query_uint (handle, ARCHIVE_SQL_COUNT_PAIRS, &self->n_pairs);
  query_uint (handle, ARCHIVE_SQL_COUNT_SILHOUETTES, &self->n_silhouettes);
  self->photo_names = _shoebox_archive_dup_photo_names (handle, NULL);

  for (guint i = 0; self->photo_names[i] != NULL; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !check_photo (self, self->photo_names[i], error))
        goto out;
    }

  ok = TRUE;

out:
  if (!ok && error != NULL && *error == NULL)
    set_damaged (error, self->display_name, sqlite3_errmsg (handle));
  sqlite3_close (handle);
  return ok;
}

/* sqlar keeps an entry compressed with zlib's compress() when sz is not
 * the length of data. Shoebox writes them as they are; other tools may not.
 */
static GBytes *
read_entry (ShoeboxArchive  *self,
            const char      *name,
            GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  sqlite3_int64 size = 0;

  {
    g_autoptr(ShoeboxOwnedStatement) stmt = NULL;

    stmt = _shoebox_archive_prepare (self->sqlar, ARCHIVE_SQL_READ_ENTRY, self->display_name, NULL, NULL);
    if (stmt == NULL)
      {
        set_foreign (error, self->display_name, _("it is not an SQLite Archive"));
        return NULL;
      }

    shoebox_statement_bind_text (stmt, 1, name);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        size = shoebox_statement_column_int64 (stmt, 0);
        bytes = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      }
  }

  if (bytes == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” is missing from it"), name);

      if (g_str_equal (name, SHOEBOX_ARCHIVE_DATABASE_NAME))
        set_foreign (error, self->display_name, reason);
      else
        set_damaged (error, self->display_name, reason);
      return NULL;
    }

  if ((gsize) size != g_bytes_get_size (bytes))
    {
      g_autoptr(GConverter) decompressor = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      g_autoptr(GInputStream) compressed = g_memory_input_stream_new_from_bytes (bytes);
      g_autoptr(GInputStream) stream = g_converter_input_stream_new (compressed, decompressor);
      g_autofree guint8 *data = NULL;
      gsize n_read = 0;

      if (size < 0 || size > SHOEBOX_PHOTOS_MAX_FILE_SIZE * 64)
        {
          set_damaged (error, self->display_name, _("an entry has a wrong size"));
          return NULL;
        }
      data = g_malloc (size + 1);
      if (!g_input_stream_read_all (stream, data, size + 1, &n_read, NULL, NULL) || n_read != (gsize) size)
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” cannot be uncompressed"), name);

          set_damaged (error, self->display_name, reason);
          return NULL;
        }
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = g_bytes_new_take (g_steal_pointer (&data), size);
    }

  return g_steal_pointer (&bytes);
}

static GBytes *
read_photo (ShoeboxArchive  *self,
            const char      *file_name,
            GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *entry = NULL;
  g_autoptr(GError) local_error = NULL;
  GMappedFile *mapped;
  GBytes *bytes;

  if (self->sqlar != NULL)
    {
      entry = g_strconcat (SHOEBOX_ARCHIVE_PHOTOS_PREFIX, file_name, NULL);
      return read_entry (self, entry, error);
    }

  path = g_build_filename (self->photos_pool, file_name, NULL);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("its photo “%s” cannot be read: %s"),
                                                 file_name, local_error->message);

      set_damaged (error, self->display_name, reason);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  g_mapped_file_unref (mapped);
  return bytes;
}

/**
 * shoebox_archive_open:
 * @file: a `.shoebox` collection file; it must have a local path
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and checks the whole file; nothing is written, not even next to
 * it. Can take a while for a big collection: call it from a worker thread.
 *
 * Returns: (transfer full): the archive, or %NULL with @error set (a
 *   #SHOEBOX_ARCHIVE_ERROR that names the file and the reason)
 */
ShoeboxArchive *
shoebox_archive_open (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(ShoeboxArchive) self = g_object_new (SHOEBOX_TYPE_ARCHIVE, NULL);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *uri = NULL;
  guint8 header[SQLITE_HEADER_SIZE] = { 0 };
  GStatBuf info;
  gssize n_read;
  int fd;
  int result;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (path == NULL)
    {
      g_autofree char *shown = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a file on this computer"), shown);
      return NULL;
    }
  self->display_name = g_filename_display_name (path);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &info) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), self->display_name, g_strerror (saved_errno));
      if (fd >= 0)
        close (fd);
      return NULL;
    }
  n_read = read (fd, header, sizeof header);
  close (fd);

  if (!check_header (header, MAX (n_read, 0), info.st_size, self->display_name, error))
    return NULL;

  /* immutable: SQLite takes no lock and writes no -wal, -shm or journal
   * next to a file the collector only asked to read.
   */
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    {
      set_foreign (error, self->display_name, _("it cannot be opened"));
      return NULL;
    }
  {
    g_autofree char *immutable_uri = g_strconcat (uri, "?immutable=1", NULL);

    result = sqlite3_open_v2 (immutable_uri, &self->sqlar, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  }
  if (result != SQLITE_OK)
    {
      set_damaged (error, self->display_name, sqlite3_errstr (result));
      return NULL;
    }

  if (!check_integrity (self->sqlar, self->display_name, error))
    return NULL;

  self->database = read_entry (self, SHOEBOX_ARCHIVE_DATABASE_NAME, error);
  if (self->database == NULL || !check_database (self, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * shoebox_archive_open_backup:
 * @database_path: one of the automatic backups' databases
 * @photos_pool: the backups' photos folder
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like shoebox_archive_open(), for an automatic backup.
 *
 * Returns: (transfer full): the archive, or %NULL with @error set
 */
ShoeboxArchive *
shoebox_archive_open_backup (const char    *database_path,
                             const char    *photos_pool,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(ShoeboxArchive) self = g_object_new (SHOEBOX_TYPE_ARCHIVE, NULL);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (photos_pool != NULL, NULL);

  self->display_name = g_filename_display_name (database_path);
  self->photos_pool = g_strdup (photos_pool);

  mapped = g_mapped_file_new (database_path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), self->display_name, local_error->message);
      return NULL;
    }
  self->database = g_mapped_file_get_bytes (mapped);

  if (!check_database (self, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
shoebox_archive_get_display_name (ShoeboxArchive *self)
{
  g_return_val_if_fail (SHOEBOX_IS_ARCHIVE (self), NULL);

  return self->display_name;
}

guint
shoebox_archive_get_n_pairs (ShoeboxArchive *self)
{
  g_return_val_if_fail (SHOEBOX_IS_ARCHIVE (self), 0);

  return self->n_pairs;
}

guint
shoebox_archive_get_n_photos (ShoeboxArchive *self)
{
  g_return_val_if_fail (SHOEBOX_IS_ARCHIVE (self), 0);

  return g_strv_length (self->photo_names);
}

guint
shoebox_archive_get_n_silhouettes (ShoeboxArchive *self)
{
  g_return_val_if_fail (SHOEBOX_IS_ARCHIVE (self), 0);

  return self->n_silhouettes;
}

guint
shoebox_archive_get_schema_version (ShoeboxArchive *self)
{
  g_return_val_if_fail (SHOEBOX_IS_ARCHIVE (self), 0);

  return self->schema_version;
}

/* Photos first, before the database that refers to them: each is named
 * by its hash, so one already there is the same photo and stays, and a
 * new one is written whole (shoebox-file-replace.c) or not at all.
 */
static gboolean
write_photos (ShoeboxArchive  *self,
              const char      *photos_directory,
              GCancellable    *cancellable,
              GError         **error)
{
  if (g_mkdir_with_parents (photos_directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                   _("Could not create the photos folder “%s”: %s"),
                   photos_directory, shoebox_disk_space_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; self->photo_names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (photos_directory, self->photo_names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      bytes = read_photo (self, self->photo_names[i], error);
      if (bytes == NULL)
        return FALSE;

      if (!_shoebox_archive_write_photo (path, bytes, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _shoebox_archive_unpack:
 * @database: the collection the archive goes into
 * @photos_directory: its photos folder
 *
 * What a restore and a merge do first: adds the archive's photos to
 * @photos_directory, then writes the database inside to a file of its own
 * in @database's folder (the same disk, so that a full disk is met before
 * anything is replaced) and brings it to this build's schema, for the
 * backup API or ATTACH.
 *
 * Returns: (transfer full): its path; remove it with
 *   _shoebox_archive_remove_database(), which closes @lock_fd: the file
 *   is locked until then, so that another Shoebox's clean-up of what
 *   killed ones left (shoebox_file_replace_remove_leftovers()) keeps it
 */
char *
_shoebox_archive_unpack (ShoeboxArchive   *self,
                         ShoeboxDatabase  *target,
                         const char       *photos_directory,
                         int              *lock_fd,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autofree char *folder = g_path_get_dirname (shoebox_database_get_path (target));
  g_autofree char *path = g_build_filename (folder, SHOEBOX_ARCHIVE_TEMP_TEMPLATE, NULL);
  g_autoptr(ShoeboxDatabase) database = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (self->database, &size);
  gboolean ok;
  int fd;

  if (!write_photos (self, photos_directory, cancellable, error))
    return NULL;

  shoebox_file_replace_remove_leftovers (folder);
  fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_ARCHIVE_ERROR, SHOEBOX_ARCHIVE_ERROR_FAILED,
                   _("Could not write to “%s”: %s"), folder, shoebox_disk_space_strerror (saved_errno));
      return NULL;
    }
  flock (fd, LOCK_EX | LOCK_NB);

  ok = _shoebox_archive_write_all (fd, data, size, folder, error);

  if (ok)
    {
      database = shoebox_database_open (path, error);
      ok = database != NULL;
    }
  if (database != NULL)
    shoebox_database_close (database);

  if (!ok)
    {
      _shoebox_archive_remove_database (path, fd);
      return NULL;
    }

  *lock_fd = fd;
  return g_steal_pointer (&path);
}

void
_shoebox_archive_remove_database (const char *path,
                                  int         lock_fd)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  close (lock_fd);
}
