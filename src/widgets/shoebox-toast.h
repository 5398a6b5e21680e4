/* shoebox-toast.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void      shoebox_toast_add       (GtkWidget  *widget,
                                   AdwToast   *toast);
void      shoebox_toast_show      (GtkWidget  *widget,
                                   const char *title);
AdwToast *shoebox_toast_new_error (const char *message);
void      shoebox_toast_report    (GtkWidget  *reporter,
                                   AdwToast   *toast);

G_END_DECLS
