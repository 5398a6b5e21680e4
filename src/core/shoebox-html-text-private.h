/* shoebox-html-text-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/xmlversion.h>

G_BEGIN_DECLS

/* Whether summaries may be read without libxml2's HTML parser
 * (shoebox-html-text-fast.c): only with the libxml2 2.9–2.13 parser whose
 * trees it reproduces. libxml2 2.14 brought an HTML 5 parser. */
#define SHOEBOX_HTML_FAST_PATH (LIBXML_VERSION < 21400)

gboolean  _shoebox_html_read_simple   (const char *html,
                                       gsize       length,
                                       GString    *text);
char     *_shoebox_html_to_text_tree  (const char *html,
                                       gssize      length,
                                       gsize       max_bytes);
char     *_shoebox_html_to_text_fast  (const char *html,
                                       gssize      length,
                                       gsize       max_bytes);
char     *_shoebox_html_to_text_plain (const char *html,
                                       gssize      length,
                                       gsize       max_bytes);

gboolean  _shoebox_utf8_validate_len  (const char *text,
                                       gsize       length);

G_END_DECLS
