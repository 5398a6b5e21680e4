/* shoebox-test-wait.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void shoebox_test_store_result_cb (GObject       *object,
                                   GAsyncResult  *result,
                                   gpointer       user_data);
void shoebox_test_wait_for_result  (GAsyncResult **result);
void shoebox_test_wait_for_release (gpointer       object);

G_END_DECLS
