/* shoebox-text-line.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SHOEBOX_TYPE_TEXT_LINE (shoebox_text_line_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxTextLine, shoebox_text_line, SHOEBOX, TEXT_LINE, GtkWidget)

GtkWidget  *shoebox_text_line_new       (void);
const char *shoebox_text_line_get_text  (ShoeboxTextLine *self);
void        shoebox_text_line_set_text  (ShoeboxTextLine *self,
                                         const char      *text);
void        shoebox_text_line_set_chars (ShoeboxTextLine *self,
                                         guint            min_chars,
                                         guint            nat_chars);

G_END_DECLS
