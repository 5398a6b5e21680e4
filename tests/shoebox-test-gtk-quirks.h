/* shoebox-test-gtk-quirks.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void shoebox_test_gtk_quirks_init (void);

G_END_DECLS
