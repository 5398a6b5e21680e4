/* shoebox-archive-command.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int shoebox_archive_command_export         (const char *path);
int shoebox_archive_command_import         (const char *path);
int shoebox_archive_command_back_up        (void);
int shoebox_archive_command_list_backups   (void);
int shoebox_archive_command_restore_backup (int         number);

G_END_DECLS
