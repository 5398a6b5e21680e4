/* shoebox-backups.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-backups"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "shoebox-archive-private.h"
#include "shoebox-backups.h"
#include "shoebox-disk-space.h"
#include "shoebox-file-replace.h"
#include "shoebox-photos.h"

/* The automatic backups, in $XDG_DATA_HOME/shoebox/backups/ (inside the
 * Flatpak's own data folder there):
 *
 *   shoebox-YYYYMMDD-HHMMSS.db   a consistent copy of the database (UTC time)
 *   photos/NAME                  every photo any kept backup refers to
 *
 * Photos are named by their hash, so one that is already in photos/ is
 * the same photo and is not copied again: a backup costs the database
 * and the new photos only. Each file is written under a temporary name,
 * synced and renamed, so a backup is whole or absent.
 */

#define NAME_PREFIX   "shoebox-"
#define NAME_SUFFIX   ".db"
#define NAME_FORMAT   NAME_PREFIX "%Y%m%d-%H%M%S" NAME_SUFFIX
#define POOL_NAME     "photos"
#define SECONDS_A_DAY (24 * 60 * 60)

void
shoebox_backup_info_free (ShoeboxBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

/**
 * shoebox_backups_dup_default_folder:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/shoebox/backups`
 */
char *
shoebox_backups_dup_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "shoebox", "backups", NULL);
}

/**
 * shoebox_backups_dup_photos_pool:
 * @folder: the backups folder
 *
 * Returns: (transfer full): the folder of the photos the backups share
 */
char *
shoebox_backups_dup_photos_pool (const char *folder)
{
  return g_build_filename (folder, POOL_NAME, NULL);
}

static GDateTime *
parse_name (const char *name)
{
  int year, month, day, hour, minute, second;
  char end;

  if (!g_str_has_prefix (name, NAME_PREFIX) || !g_str_has_suffix (name, NAME_SUFFIX))
    return NULL;
  if (sscanf (name + strlen (NAME_PREFIX), "%4d%2d%2d-%2d%2d%2d.d%c",
              &year, &month, &day, &hour, &minute, &second, &end) != 7 || end != 'b')
    return NULL;

  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

/* Opens a backup (or the collection) to read, without writing anything. */
static sqlite3 *
open_read_only (const char *path)
{
  sqlite3 *handle = NULL;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_clear_pointer (&handle, sqlite3_close);
  return handle;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ShoeboxBackupInfo *info_a = *(ShoeboxBackupInfo **) a;
  const ShoeboxBackupInfo *info_b = *(ShoeboxBackupInfo **) b;

  return g_date_time_compare (info_b->time, info_a->time);
}

/**
 * shoebox_backups_list:
 * @folder: the backups folder
 *
 * Returns: (transfer full) (element-type ShoeboxBackupInfo): the backups,
 *   newest first
 */
GPtrArray *
shoebox_backups_list (const char *folder)
{
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) shoebox_backup_info_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GDateTime) time = parse_name (name);
      ShoeboxBackupInfo *info;
      GStatBuf stat_buf;
      sqlite3 *handle;

      if (time == NULL)
        continue;

      info = g_new0 (ShoeboxBackupInfo, 1);
      info->path = g_build_filename (folder, name, NULL);
      info->time = g_steal_pointer (&time);
      if (g_stat (info->path, &stat_buf) == 0)
        info->size = stat_buf.st_size;
      handle = open_read_only (info->path);
      if (handle != NULL)
        {
          info->n_pairs = _shoebox_archive_count (handle, ARCHIVE_SQL_COUNT_PAIRS);
          info->n_photos = _shoebox_archive_count (handle, ARCHIVE_SQL_COUNT_PHOTOS);
          sqlite3_close (handle);
        }
      g_ptr_array_add (backups, info);
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

static GDateTime *
dup_newest_time (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GDateTime *newest = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      GDateTime *time = parse_name (name);

      if (time != NULL && (newest == NULL || g_date_time_compare (time, newest) > 0))
        {
          g_clear_pointer (&newest, g_date_time_unref);
          newest = time;
        }
      else if (time != NULL)
        g_date_time_unref (time);
    }

  return newest;
}

/**
 * shoebox_backups_is_due:
 * @folder: the backups folder
 * @now: the time now
 *
 * Returns: %TRUE when there is no backup of the last 24 hours
 */
gboolean
shoebox_backups_is_due (const char *folder,
                        GDateTime  *now)
{
  g_autoptr(GDateTime) newest = dup_newest_time (folder);

  return newest == NULL
         || g_date_time_difference (now, newest) >= (GTimeSpan) SECONDS_A_DAY * G_TIME_SPAN_SECOND
         || g_date_time_compare (newest, now) > 0;
}

static char *
dup_fingerprint (const char *path)
{
  sqlite3 *handle = open_read_only (path);
  char *fingerprint = NULL;

  if (handle == NULL)
    return NULL;

  {
    g_autoptr(ShoeboxOwnedStatement) stmt = _shoebox_archive_prepare (handle, ARCHIVE_SQL_FINGERPRINT, path, NULL, NULL);

    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      fingerprint = g_strdup (shoebox_statement_column_text (stmt, 0));
  }
  sqlite3_close (handle);
  return fingerprint;
}

/**
 * shoebox_backups_has_changed:
 * @folder: the backups folder
 * @database_path: the collection's database
 *
 * Returns: %TRUE when the collection is not what the newest backup holds
 *   (or there is none): the backup on quit is then worth taking
 */
gboolean
shoebox_backups_has_changed (const char *folder,
                             const char *database_path)
{
  g_autoptr(GPtrArray) backups = shoebox_backups_list (folder);
  g_autofree char *now = NULL;
  g_autofree char *then = NULL;

  if (backups->len == 0)
    return TRUE;

  now = dup_fingerprint (database_path);
  then = dup_fingerprint (((ShoeboxBackupInfo *) g_ptr_array_index (backups, 0))->path);
  return now == NULL || then == NULL || !g_str_equal (now, then);
}

static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) == 0)
    return TRUE;

  {
    int saved_errno = errno;

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not create the backups folder “%s”: %s"),
                 folder, shoebox_disk_space_strerror (saved_errno));
    return FALSE;
  }
}

static gboolean
copy_photos (const char * const  *names,
             const char          *photos_directory,
             const char          *pool,
             GCancellable        *cancellable,
             GError             **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *target_path = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      target_path = g_build_filename (pool, names[i], NULL);
      if (g_file_test (target_path, G_FILE_TEST_EXISTS))
        continue;

      bytes = _shoebox_archive_read_collection_photo (photos_directory, names[i], pool, error);
      if (bytes == NULL || !_shoebox_archive_write_photo (target_path, bytes, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * shoebox_backups_back_up:
 * @folder: the backups folder; created if need be
 * @database_path: the collection's database
 * @photos_directory: the collection's photos folder
 * @now: the time to name the backup by
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Takes a backup: a consistent copy of the database (SQLite's backup API,
 * on a connection of its own) and the photos the pool does not have yet.
 * Call it from a worker thread. Older backups are not removed: see
 * shoebox_backups_rotate().
 *
 * Returns: (transfer full): the new backup's path, or %NULL with @error
 *   set; the older backups and the collection are then as they were
 */
char *
shoebox_backups_back_up (const char    *folder,
                         const char    *database_path,
                         const char    *photos_directory,
                         GDateTime     *now,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree char *path = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *pool = shoebox_backups_dup_photos_pool (folder);
  g_autofree char *temp_path = g_build_filename (folder, SHOEBOX_ARCHIVE_TEMP_TEMPLATE, NULL);
  g_auto(GStrv) names = NULL;
  gboolean ok;
  int fd;

  if (!make_folder (folder, error) || !make_folder (pool, error))
    return NULL;

  /* Two backups in one second (Back Up Now, then a restore's own backup)
   * must not take each other's name.
   */
  for (guint i = 0; path == NULL || (g_file_test (path, G_FILE_TEST_EXISTS) && i < 60); i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add_seconds (utc, i);
      g_autofree char *name = g_date_time_format (time, NAME_FORMAT);

      g_free (path);
      path = g_build_filename (folder, name, NULL);
    }
  display_name = g_filename_display_name (path);

  shoebox_file_replace_remove_leftovers (folder);
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), display_name, shoebox_disk_space_strerror (saved_errno));
      return NULL;
    }

  /* The copy goes straight into the temporary file, never whole in
   * memory; the photos before the rename: a backup that has its name has
   * its photos too.
   */
  flock (fd, LOCK_EX | LOCK_NB);
  ok = _shoebox_archive_copy_to_file (database_path, temp_path, fd, display_name, &names, error)
       && copy_photos ((const char * const *) names, photos_directory, pool, cancellable, error)
       && _shoebox_archive_sync_and_rename (fd, temp_path, path, error);
  if (!ok)
    g_unlink (temp_path);
  close (fd);

  return ok ? g_steal_pointer (&path) : NULL;
}

/* Of @backups (newest first) not kept yet, keeps the newest of each of
 * the @n_periods most recent periods (as @format names them) that have
 * one: the rule of "keep the last 7 daily and 4 weekly" in backup tools,
 * where a week whose last backup is one of the daily ones does not count.
 */
static void
keep_per_period (GPtrArray  *backups,
                 gboolean   *kept,
                 const char *format,
                 guint       n_periods)
{
  g_autofree char *last_period = NULL;
  guint n_kept = 0;

  for (guint i = 0; i < backups->len && n_kept < n_periods; i++)
    {
      ShoeboxBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char *period = g_date_time_format (info->time, format);

      if (g_strcmp0 (period, last_period) == 0)
        continue;

      g_free (last_period);
      last_period = g_steal_pointer (&period);
      if (!kept[i])
        {
          kept[i] = TRUE;
          n_kept++;
        }
    }
}

/* Removes the photos of the pool that no kept backup refers to. */
static void
prune_pool (const char *pool,
            GPtrArray  *backups,
            gboolean   *kept)
{
  g_autoptr(GHashTable) referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (guint i = 0; i < backups->len; i++)
    {
      ShoeboxBackupInfo *info = g_ptr_array_index (backups, i);
      sqlite3 *handle;
      g_auto(GStrv) names = NULL;
      gboolean read_all = FALSE;

      if (!kept[i])
        continue;

      handle = open_read_only (info->path);
      if (handle != NULL)
        names = _shoebox_archive_dup_photo_names (handle, &read_all);
      sqlite3_close (handle);
      /* A backup that cannot be read keeps every photo: better too many
       * than one it needs.
       */
      if (!read_all)
        return;
      for (guint j = 0; names[j] != NULL; j++)
        g_hash_table_add (referenced, g_steal_pointer (&names[j]));
    }

  dir = g_dir_open (pool, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      /* Temporary files of a copy in progress start with a dot. */
      if (name[0] == '.' || g_hash_table_contains (referenced, name))
        continue;

      path = g_build_filename (pool, name, NULL);
      g_unlink (path);
    }
}

/**
 * shoebox_backups_rotate:
 * @folder: the backups folder
 *
 * Keeps the last backup of each of the last %SHOEBOX_BACKUPS_KEEP_DAILY
 * days that have one, and of each of the %SHOEBOX_BACKUPS_KEEP_WEEKLY
 * weeks before (ISO weeks, UTC); removes the other backups, then the
 * photos only those referred to.
 *
 * Returns: how many backups were removed
 */
guint
shoebox_backups_rotate (const char *folder)
{
  g_autoptr(GPtrArray) backups = shoebox_backups_list (folder);
  g_autofree gboolean *kept = g_new0 (gboolean, backups->len + 1);
  g_autofree char *pool = shoebox_backups_dup_photos_pool (folder);
  guint n_removed = 0;

  keep_per_period (backups, kept, "%Y-%m-%d", SHOEBOX_BACKUPS_KEEP_DAILY);
  keep_per_period (backups, kept, "%G-W%V", SHOEBOX_BACKUPS_KEEP_WEEKLY);

  for (guint i = 0; i < backups->len; i++)
    {
      ShoeboxBackupInfo *info = g_ptr_array_index (backups, i);

      if (!kept[i] && g_unlink (info->path) == 0)
        n_removed++;
    }

  prune_pool (pool, backups, kept);
  return n_removed;
}
