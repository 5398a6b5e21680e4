/* shoebox-fuzz.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "shoebox-database.h"

G_BEGIN_DECLS

void             shoebox_fuzz_init          (void);
void             shoebox_fuzz_fail          (const char *what,
                                             const char *problem) G_GNUC_NORETURN;
void             shoebox_fuzz_check_error   (const char   *what,
                                             const GError *error);
void             shoebox_fuzz_check_text    (const char *what,
                                             const char *text,
                                             gsize       max_bytes,
                                             gboolean    one_line);
char            *shoebox_fuzz_dup_string    (const guint8 *data,
                                             gsize         size);
ShoeboxDatabase *shoebox_fuzz_open_database (void);

G_END_DECLS
