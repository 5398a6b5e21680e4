/* shoebox-backup-service.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "shoebox-archive.h"
#include "shoebox-backups.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_BACKUP_SERVICE (shoebox_backup_service_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxBackupService, shoebox_backup_service, SHOEBOX, BACKUP_SERVICE, GObject)

ShoeboxBackupService *shoebox_backup_service_new            (const char            *database_path,
                                                             const char            *photos_directory,
                                                             const char            *folder);
const char           *shoebox_backup_service_get_folder     (ShoeboxBackupService  *self);
const char           *shoebox_backup_service_get_database_path (ShoeboxBackupService *self);
const char           *shoebox_backup_service_get_photos_directory (ShoeboxBackupService *self);
gboolean              shoebox_backup_service_is_busy        (ShoeboxBackupService  *self);
void                  shoebox_backup_service_start          (ShoeboxBackupService  *self);
void                  shoebox_backup_service_start_after    (ShoeboxBackupService  *self,
                                                             guint                  seconds);
void                  shoebox_backup_service_back_up_now    (ShoeboxBackupService  *self);
void                  shoebox_backup_service_shutdown       (ShoeboxBackupService  *self);

void                  shoebox_backup_service_restore_async  (ShoeboxBackupService  *self,
                                                             ShoeboxArchive        *archive,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              shoebox_backup_service_restore_finish (ShoeboxBackupService  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
void                  shoebox_backup_service_merge_async    (ShoeboxBackupService  *self,
                                                             ShoeboxArchive        *archive,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              shoebox_backup_service_merge_finish   (ShoeboxBackupService  *self,
                                                             GAsyncResult          *result,
                                                             ShoeboxMergeCounts    *counts,
                                                             GError               **error);

G_END_DECLS
