/* shoebox-backups.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * SHOEBOX_BACKUPS_KEEP_DAILY:
 *
 * How many days keep their last backup.
 */
#define SHOEBOX_BACKUPS_KEEP_DAILY 7

/**
 * SHOEBOX_BACKUPS_KEEP_WEEKLY:
 *
 * How many weeks before those keep their last backup.
 */
#define SHOEBOX_BACKUPS_KEEP_WEEKLY 4

/**
 * ShoeboxBackupInfo:
 * @path: the backup's database file
 * @time: when it was taken
 * @size: the bytes of its database file (photos are shared between backups)
 * @n_pairs: the pairs it holds
 * @n_photos: the photos it holds
 */
typedef struct
{
  char      *path;
  GDateTime *time;
  guint64    size;
  guint      n_pairs;
  guint      n_photos;
} ShoeboxBackupInfo;

void        shoebox_backup_info_free          (ShoeboxBackupInfo  *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxBackupInfo, shoebox_backup_info_free)

char       *shoebox_backups_dup_default_folder (void);
char       *shoebox_backups_dup_photos_pool   (const char         *folder);

GPtrArray  *shoebox_backups_list              (const char         *folder);
gboolean    shoebox_backups_is_due            (const char         *folder,
                                               GDateTime          *now);
gboolean    shoebox_backups_has_changed       (const char         *folder,
                                               const char         *database_path);

char       *shoebox_backups_back_up           (const char         *folder,
                                               const char         *database_path,
                                               const char         *photos_directory,
                                               GDateTime          *now,
                                               GCancellable       *cancellable,
                                               GError            **error);
guint       shoebox_backups_rotate            (const char         *folder);

G_END_DECLS
