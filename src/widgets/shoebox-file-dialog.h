/* shoebox-file-dialog.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        shoebox_file_dialog_open        (GtkWidget            *parent,
                                             const char           *title,
                                             const char           *accept_label,
                                             GtkFileFilter        *filter,
                                             gboolean              multiple,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GListModel *shoebox_file_dialog_open_finish (GAsyncResult         *result,
                                             GError              **error);
void        shoebox_file_dialog_save        (GtkWidget            *parent,
                                             const char           *title,
                                             const char           *accept_label,
                                             GtkFileFilter        *filter,
                                             const char           *initial_name,
                                             GFile                *initial_folder,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GFile      *shoebox_file_dialog_save_finish (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
