/* shoebox-form-problems.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void shoebox_form_clear_invalid (GPtrArray  *invalid_rows);
void shoebox_form_mark_invalid  (GPtrArray  *invalid_rows,
                                 GString    *problems,
                                 gpointer    row,
                                 const char *field,
                                 const char *message);
void shoebox_form_show_problems (GtkLabel   *label,
                                 char      **shown,
                                 GString    *problems);

G_END_DECLS
