/* shoebox-wear-button.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *shoebox_wear_button_new_remove (const char *date,
                                           const char *label,
                                           const char *action_name);

G_END_DECLS
