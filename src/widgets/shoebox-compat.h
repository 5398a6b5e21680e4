/* shoebox-compat.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkSorter           *shoebox_compat_column_view_sorter_new (GtkColumnViewColumn *column);
GtkColumnViewColumn *shoebox_compat_column_view_get_sort   (GtkColumnView       *view,
                                                            gboolean            *descending);
void                 shoebox_compat_open_uri               (GtkWindow           *parent,
                                                            const char          *uri,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean             shoebox_compat_open_uri_finish        (GtkWindow           *parent,
                                                            GAsyncResult        *result,
                                                            GError             **error);

void                 shoebox_compat_name_drop_down        (GtkDropDown         *drop_down,
                                                           const char          *name);

void                 shoebox_compat_dismiss_toast          (AdwToast            *toast,
                                                            gint64               shown_at);

void                 shoebox_compat_widget_get_color       (GtkWidget           *widget,
                                                            GdkRGBA             *color);
void                 shoebox_compat_get_accent_color       (GtkWidget           *widget,
                                                            GdkRGBA             *color);

GdkTexture          *shoebox_texture_new_for_pixbuf        (GdkPixbuf           *pixbuf);

void                 shoebox_compat_grid_view_tab_leaves   (GtkGridView         *view);

void                 shoebox_compat_navigation_push        (GtkWidget           *navigation,
                                                            GtkWidget           *page,
                                                            const char          *title);
void                 shoebox_compat_navigation_pop         (GtkWidget           *navigation);
GtkWidget           *shoebox_compat_navigation_get_pushed  (GtkWidget           *navigation);
gboolean             shoebox_compat_navigation_has_back_button (void);
void                 shoebox_compat_show_help_overlay      (GtkWindow           *parent);

G_END_DECLS
