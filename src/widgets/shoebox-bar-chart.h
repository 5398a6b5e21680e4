/* shoebox-bar-chart.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SHOEBOX_TYPE_BAR_CHART (shoebox_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxBarChart, shoebox_bar_chart, SHOEBOX, BAR_CHART, GtkWidget)

GtkWidget *shoebox_bar_chart_new       (void);
void       shoebox_bar_chart_clear     (ShoeboxBarChart *self);
void       shoebox_bar_chart_add_bar   (ShoeboxBarChart *self,
                                        const char      *label,
                                        guint            value);
guint      shoebox_bar_chart_get_n_bars (ShoeboxBarChart *self);

G_END_DECLS
