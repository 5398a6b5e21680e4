/* shoebox-date-parser.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *shoebox_date_parse_iso8601 (const char *text);
GDateTime *shoebox_date_parse_rfc822  (const char *text);
GDateTime *shoebox_date_parse         (const char *text);

G_END_DECLS
