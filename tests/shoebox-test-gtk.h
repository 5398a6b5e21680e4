/* shoebox-test-gtk.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "shoebox-alert.h"
#include "shoebox-test-wait.h"

G_BEGIN_DECLS

void          shoebox_test_gtk_init           (int        *argc,
                                               char     ***argv);
void          shoebox_test_spin               (guint       ms);
gboolean      shoebox_test_is_mapped          (gpointer    widget);
GtkWidget    *shoebox_test_template_child     (gpointer    widget,
                                               GType       type,
                                               const char *name);
GtkWidget    *shoebox_test_find_shown         (GType       type);
ShoeboxAlert *shoebox_test_find_alert         (void);
gboolean      shoebox_test_shows_text         (GtkWidget  *widget,
                                               const char *text);
void          shoebox_test_settle             (void);
void          shoebox_test_destroy_settled    (gpointer    window);
void          shoebox_test_close_dialog       (gpointer    dialog);
void          shoebox_test_drop_dialog        (gpointer    dialog);
void          shoebox_test_discard_editor     (gpointer    editor);

G_END_DECLS
