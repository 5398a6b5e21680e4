/* shoebox-dialog.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The parent class of Shoebox's secondary windows (the editors, CSV
 * import, statistics) and of its preferences: AdwDialog and
 * AdwPreferencesDialog, shown within the window they belong to, on
 * libadwaita 1.5 and later; AdwWindow and AdwPreferencesWindow, windows
 * of their own, on older ones. A class names ShoeboxDialog as its parent
 * in G_DECLARE_FINAL_TYPE and SHOEBOX_TYPE_DIALOG in G_DEFINE_FINAL_TYPE;
 * its template's parent comes from meson (ui/meson.build).
 */
#if ADW_CHECK_VERSION (1, 5, 0)
typedef AdwDialog                 ShoeboxDialog;
typedef AdwDialogClass            ShoeboxDialogClass;
typedef AdwPreferencesDialog      ShoeboxPreferencesDialog;
typedef AdwPreferencesDialogClass ShoeboxPreferencesDialogClass;
# define SHOEBOX_TYPE_DIALOG             ADW_TYPE_DIALOG
# define SHOEBOX_TYPE_PREFERENCES_DIALOG ADW_TYPE_PREFERENCES_DIALOG
#else
typedef AdwWindow                 ShoeboxDialog;
typedef AdwWindowClass            ShoeboxDialogClass;
typedef AdwPreferencesWindow      ShoeboxPreferencesDialog;
typedef AdwPreferencesWindowClass ShoeboxPreferencesDialogClass;
# define SHOEBOX_TYPE_DIALOG             ADW_TYPE_WINDOW
# define SHOEBOX_TYPE_PREFERENCES_DIALOG ADW_TYPE_PREFERENCES_WINDOW
#endif

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxDialog, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxPreferencesDialog, g_object_unref)

void        shoebox_dialog_class_install_close (GtkWidgetClass *widget_class);
void        shoebox_dialog_present             (GtkWidget      *dialog,
                                                GtkWidget      *parent);
void        shoebox_dialog_close               (GtkWidget      *dialog);
gboolean    shoebox_dialog_is_shown            (GtkWidget      *dialog);
void        shoebox_dialog_set_can_close       (GtkWidget      *dialog,
                                                gboolean        can_close);
const char *shoebox_dialog_get_title           (GtkWidget      *dialog);
void        shoebox_dialog_set_title           (GtkWidget      *dialog,
                                                const char     *title);
void        shoebox_dialog_set_default_widget  (GtkWidget      *dialog,
                                                GtkWidget      *widget);
GtkWindow  *shoebox_dialog_get_parent_window   (GtkWidget      *dialog);

void        shoebox_preferences_dialog_add_toast (GtkWidget    *dialog,
                                                  AdwToast     *toast);
void        shoebox_preferences_dialog_fit_phone (GtkWidget    *dialog);

G_END_DECLS
