/* shoebox-preferences-window.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHOEBOX_TYPE_PREFERENCES_WINDOW (shoebox_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxPreferencesWindow, shoebox_preferences_window, SHOEBOX, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow *shoebox_preferences_window_new (GtkWindow  *parent,
                                           const char *database_path);

G_END_DECLS
