/* shoebox-test-images.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void       shoebox_test_images_init  (void);
char      *shoebox_test_write_png    (const char *name,
                                      guint32     colour);
GPtrArray *shoebox_test_find_formats (const char *mime_type);

G_END_DECLS
