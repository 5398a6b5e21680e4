/* shoebox-archive-dialogs.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-backup-service.h"

G_BEGIN_DECLS

void          shoebox_archive_dialogs_export          (GtkWindow            *parent,
                                                       ShoeboxBackupService *service,
                                                       GtkWidget            *reporter);
void          shoebox_archive_dialogs_import          (GtkWindow            *parent,
                                                       ShoeboxBackupService *service,
                                                       GtkWidget            *reporter);
void          shoebox_archive_dialogs_confirm         (GtkWidget            *parent,
                                                       ShoeboxBackupService *service,
                                                       ShoeboxArchive       *archive,
                                                       gboolean              offer_merge,
                                                       GtkWidget            *reporter);

G_END_DECLS
