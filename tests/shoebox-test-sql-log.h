/* shoebox-test-sql-log.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  shoebox_test_sql_log_init  (void);
void  shoebox_test_sql_log_clear (void);
guint shoebox_test_sql_log_count (const char *sql,
                                  gboolean    on_main_thread);

G_END_DECLS
