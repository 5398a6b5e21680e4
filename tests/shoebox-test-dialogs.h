/* shoebox-test-dialogs.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       shoebox_test_dialogs_init (void);
GtkWidget *shoebox_test_find_shown   (GType    type);
void       shoebox_test_settle       (void);
void       shoebox_test_close_dialog (gpointer dialog);
void       shoebox_test_drop_dialog  (gpointer dialog);
void       shoebox_test_discard_editor (gpointer editor);

G_END_DECLS
