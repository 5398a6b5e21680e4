/* shoebox-preferences-window.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-backup-service.h"
#include "shoebox-dialog.h"
#include "shoebox-news-service.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_PREFERENCES_WINDOW (shoebox_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxPreferencesWindow, shoebox_preferences_window, SHOEBOX, PREFERENCES_WINDOW, ShoeboxPreferencesDialog)

GtkWidget *shoebox_preferences_window_new      (const char               *database_path);
void       shoebox_preferences_window_set_backups (ShoeboxPreferencesWindow *self,
                                                   ShoeboxBackupService     *backups);
void       shoebox_preferences_window_set_news (ShoeboxPreferencesWindow *self,
                                                ShoeboxNewsService       *news);

G_END_DECLS
