/* shoebox-html-entity.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean shoebox_html_entity_lookup (const char *name,
                                     GString    *code_points);

G_END_DECLS
