/* shoebox-test-wait.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef gboolean (*ShoeboxTestCondition) (gpointer data);

void     shoebox_test_wait_until       (ShoeboxTestCondition   done,
                                        gpointer               data);
gboolean shoebox_test_is_set           (gpointer               data);
gboolean shoebox_test_is_true          (gpointer               data);
gboolean shoebox_test_is_positive      (gpointer               data);
void     shoebox_test_store_result_cb  (GObject               *object,
                                        GAsyncResult          *result,
                                        gpointer               user_data);
void     shoebox_test_wait_for_result  (GAsyncResult         **result);
void     shoebox_test_wait_for_release (gpointer               object);
void     shoebox_test_count_notify     (gpointer               object,
                                        const char            *property,
                                        guint                 *count);
void     shoebox_test_count_cb         (guint                 *count);

G_END_DECLS
