/* shoebox-statistics-window.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-collection.h"
#include "shoebox-dialog.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_STATISTICS_WINDOW (shoebox_statistics_window_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxStatisticsWindow, shoebox_statistics_window, SHOEBOX, STATISTICS_WINDOW, ShoeboxDialog)

GtkWidget *shoebox_statistics_window_new (ShoeboxCollection *collection);

G_END_DECLS
