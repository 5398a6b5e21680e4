/* shoebox-csv-dialogs.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-collection.h"
#include "shoebox-csv-import-window.h"

G_BEGIN_DECLS

/**
 * ShoeboxCsvImportedFunc:
 * @user_data: what was given to shoebox_csv_dialogs_import()
 *
 * Called when pairs were imported.
 */
typedef void (*ShoeboxCsvImportedFunc) (gpointer user_data);

void     shoebox_csv_dialogs_import         (GtkWindow              *parent,
                                             ShoeboxCollection      *collection,
                                             AdwToastOverlay        *toasts,
                                             ShoeboxCsvImportedFunc  imported,
                                             gpointer                user_data);
void     shoebox_csv_dialogs_export         (GtkWindow              *parent,
                                             ShoeboxCollection      *collection,
                                             AdwToastOverlay        *toasts);
void     shoebox_csv_dialogs_export_to_file (GtkWindow              *parent,
                                             ShoeboxCollection      *collection,
                                             AdwToastOverlay        *toasts,
                                             GFile                  *file);
gboolean shoebox_csv_dialogs_is_exporting   (GtkWindow              *parent);

G_END_DECLS
