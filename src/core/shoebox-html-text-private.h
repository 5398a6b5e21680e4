/* shoebox-html-text-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  _shoebox_html_read_simple   (const char *html,
                                       gsize       length,
                                       GString    *text);
char     *_shoebox_html_to_text_tree  (const char *html,
                                       gssize      length,
                                       gsize       max_bytes);
char     *_shoebox_html_to_text_fast  (const char *html,
                                       gssize      length,
                                       gsize       max_bytes);

gboolean  _shoebox_utf8_validate_len  (const char *text,
                                       gsize       length);

G_END_DECLS
