/* shoebox-backups-group.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-backup-service.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_BACKUPS_GROUP (shoebox_backups_group_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxBackupsGroup, shoebox_backups_group, SHOEBOX, BACKUPS_GROUP, AdwPreferencesGroup)

void shoebox_backups_group_set_service (ShoeboxBackupsGroup  *self,
                                        ShoeboxBackupService *service);

G_END_DECLS
