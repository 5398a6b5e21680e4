/* shoebox-archive-command.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-archive-command"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-archive.h"
#include "shoebox-archive-command.h"
#include "shoebox-backups.h"
#include "shoebox-database.h"
#include "shoebox-photos.h"

/* `shoebox --export-collection FILE`, `--import-collection FILE`,
 * `--backup-now`, `--list-backups` and `--restore-backup N`: the
 * collection file and the backups without a display, on the user's
 * collection. Each prints what it did, or one line that says why not,
 * and returns the exit status.
 */

static char *
dup_photos_directory (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();

  return g_strdup (shoebox_photos_get_photos_directory (photos));
}

static ShoeboxDatabase *
open_collection (void)
{
  g_autoptr(GError) error = NULL;
  ShoeboxDatabase *database = shoebox_database_open_default (&error);

  if (database == NULL)
    g_printerr ("%s\n", error->message);
  return database;
}

int
shoebox_archive_command_export (const char *path)
{
  g_autoptr(ShoeboxDatabase) database = open_collection ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *photos = dup_photos_directory ();
  g_autoptr(GError) error = NULL;
  guint n_pairs = 0;
  guint n_photos = 0;

  if (database == NULL)
    return 1;

  if (!shoebox_archive_export (shoebox_database_get_path (database), photos, file,
                               &n_pairs, &n_photos, NULL, &error))
    {
      g_printerr (_("Could not export the collection: %s\n"), error->message);
      return 1;
    }

  /* Translators: the first %u is a number of pairs, the second of photos */
  g_print (_("Exported %u pairs and %u photos to “%s”.\n"), n_pairs, n_photos, path);
  return 0;
}

/* The backup a restore makes first, so that it can be undone. */
static gboolean
back_up_before_restore (ShoeboxDatabase *database,
                        const char      *photos)
{
  g_autofree char *folder = shoebox_backups_dup_default_folder ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  backup = shoebox_backups_back_up (folder, shoebox_database_get_path (database), photos,
                                    now, NULL, &error);
  if (backup == NULL)
    {
      g_printerr (_("Your collection could not be backed up, so it was not replaced: %s\n"),
                  error->message);
      return FALSE;
    }

  g_print (_("Your collection as it was is backed up in “%s”.\n"), backup);
  return TRUE;
}

static int
restore (ShoeboxArchive *archive)
{
  g_autoptr(ShoeboxDatabase) database = open_collection ();
  g_autofree char *photos = dup_photos_directory ();
  g_autofree char *folder = shoebox_backups_dup_default_folder ();
  g_autoptr(GError) error = NULL;

  if (database == NULL || !back_up_before_restore (database, photos))
    return 1;

  if (!shoebox_archive_restore (archive, database, photos, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  shoebox_database_close (database);
  shoebox_backups_rotate (folder);
  g_print (_("Your collection is now the one of “%s”: %u pairs and %u photos.\n"),
           shoebox_archive_get_display_name (archive),
           shoebox_archive_get_n_pairs (archive), shoebox_archive_get_n_photos (archive));
  return 0;
}

int
shoebox_archive_command_import (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(ShoeboxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  archive = shoebox_archive_open (file, NULL, &error);
  if (archive == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return restore (archive);
}

int
shoebox_archive_command_back_up (void)
{
  g_autoptr(ShoeboxDatabase) database = open_collection ();
  g_autofree char *photos = dup_photos_directory ();
  g_autofree char *folder = shoebox_backups_dup_default_folder ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  if (database == NULL)
    return 1;

  backup = shoebox_backups_back_up (folder, shoebox_database_get_path (database), photos,
                                    now, NULL, &error);
  if (backup == NULL)
    {
      g_printerr (_("Could not back up the collection: %s\n"), error->message);
      return 1;
    }

  shoebox_backups_rotate (folder);
  g_print (_("Backed up the collection to “%s”.\n"), backup);
  return 0;
}

int
shoebox_archive_command_list_backups (void)
{
  g_autofree char *folder = shoebox_backups_dup_default_folder ();
  g_autoptr(GPtrArray) backups = shoebox_backups_list (folder);

  if (backups->len == 0)
    {
      g_print (_("There are no backups in “%s” yet.\n"), folder);
      return 0;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      ShoeboxBackupInfo *info = g_ptr_array_index (backups, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (info->time);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
      g_autofree char *size = g_format_size (info->size);

      /* Translators: number, date and time, pairs, photos, size of the file */
      g_print (_("%u  %s  %u pairs  %u photos  %s\n"), i + 1, when, info->n_pairs, info->n_photos, size);
    }

  return 0;
}

int
shoebox_archive_command_restore_backup (int number)
{
  g_autofree char *folder = shoebox_backups_dup_default_folder ();
  g_autofree char *pool = shoebox_backups_dup_photos_pool (folder);
  g_autoptr(GPtrArray) backups = shoebox_backups_list (folder);
  g_autoptr(ShoeboxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxBackupInfo *info;

  if (number < 1 || (guint) number > backups->len)
    {
      g_printerr (_("There is no backup %d: there are %u (see --list-backups).\n"), number, backups->len);
      return 1;
    }

  info = g_ptr_array_index (backups, number - 1);
  archive = shoebox_archive_open_backup (info->path, pool, NULL, &error);
  if (archive == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return restore (archive);
}
