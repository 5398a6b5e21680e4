/* shoebox-csv-dialogs.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-collection.h"
#include "shoebox-dialog.h"
#include "shoebox-csv.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_CSV_IMPORT_WINDOW (shoebox_csv_import_window_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxCsvImportWindow, shoebox_csv_import_window, SHOEBOX, CSV_IMPORT_WINDOW, ShoeboxDialog)

GtkWidget *shoebox_csv_import_window_new (ShoeboxCollection *collection,
                                          const char        *file_name,
                                          GBytes            *contents,
                                          GError           **error);

void       shoebox_csv_dialogs_import    (GtkWindow         *parent,
                                          ShoeboxCollection *collection,
                                          AdwToastOverlay   *toasts,
                                          GCallback          imported,
                                          gpointer           user_data);
void       shoebox_csv_dialogs_export    (GtkWindow         *parent,
                                          ShoeboxCollection *collection,
                                          AdwToastOverlay   *toasts);
void       shoebox_csv_dialogs_export_to_file (GtkWindow         *parent,
                                               ShoeboxCollection *collection,
                                               AdwToastOverlay   *toasts,
                                               GFile             *file);
gboolean   shoebox_csv_dialogs_is_exporting   (GtkWindow         *parent);

G_END_DECLS
