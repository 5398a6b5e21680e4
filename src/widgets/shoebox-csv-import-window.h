/* shoebox-csv-import-window.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-collection.h"
#include "shoebox-csv.h"
#include "shoebox-dialog.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_CSV_IMPORT_WINDOW (shoebox_csv_import_window_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxCsvImportWindow, shoebox_csv_import_window, SHOEBOX, CSV_IMPORT_WINDOW, ShoeboxDialog)

GtkWidget *shoebox_csv_import_window_new (ShoeboxCollection *collection,
                                          const char        *file_name,
                                          GBytes            *contents,
                                          ShoeboxCsvReport  *preview);

G_END_DECLS
