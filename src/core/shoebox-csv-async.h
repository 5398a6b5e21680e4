/* shoebox-csv-async.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "shoebox-collection.h"
#include "shoebox-csv.h"

G_BEGIN_DECLS

void              shoebox_csv_export_file_async  (ShoeboxCollection    *collection,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean          shoebox_csv_export_file_finish (ShoeboxCollection    *collection,
                                                  GAsyncResult         *result,
                                                  guint                *n_exported,
                                                  GError              **error);
void              shoebox_csv_preview_async      (GBytes               *contents,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
ShoeboxCsvReport *shoebox_csv_preview_finish     (GAsyncResult         *result,
                                                  GError              **error);
void              shoebox_csv_import_async       (ShoeboxCollection    *collection,
                                                  GBytes               *contents,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
ShoeboxCsvReport *shoebox_csv_import_finish      (ShoeboxCollection    *collection,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
