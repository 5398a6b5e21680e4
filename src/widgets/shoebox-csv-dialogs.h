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

/**
 * ShoeboxCsvExportingFunc:
 * @exporting: %TRUE as an export starts, %FALSE once it ended
 * @user_data: what was given with the function
 *
 * Told when an export starts and ends, so that whoever started it (the
 * window, for its Export item) keeps its own state.
 */
typedef void (*ShoeboxCsvExportingFunc) (gboolean exporting,
                                         gpointer user_data);

void     shoebox_csv_dialogs_import         (GtkWindow              *parent,
                                             ShoeboxCollection      *collection,
                                             AdwToastOverlay        *toasts,
                                             ShoeboxCsvImportedFunc  imported,
                                             gpointer                user_data);
void     shoebox_csv_dialogs_export         (GtkWindow               *parent,
                                             ShoeboxCollection       *collection,
                                             AdwToastOverlay         *toasts,
                                             ShoeboxCsvExportingFunc  exporting,
                                             gpointer                 user_data);
void     shoebox_csv_dialogs_export_to_file (GtkWindow               *parent,
                                             ShoeboxCollection       *collection,
                                             AdwToastOverlay         *toasts,
                                             GFile                   *file,
                                             ShoeboxCsvExportingFunc  exporting,
                                             gpointer                 user_data);

G_END_DECLS
