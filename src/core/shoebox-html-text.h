/* shoebox-html-text.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *shoebox_html_to_text            (const char *html,
                                           gssize      length,
                                           gsize       max_bytes);
char     *shoebox_html_dup_first_image    (const char *html,
                                           gssize      length);
gboolean  shoebox_html_looks_like_html    (const char *text);
gboolean  shoebox_html_is_block_element   (const char *name);
char     *shoebox_text_sanitize           (const char *text,
                                           gssize      length,
                                           gsize       max_bytes,
                                           gboolean    collapse_spaces);

G_END_DECLS
