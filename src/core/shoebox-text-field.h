/* shoebox-text-field.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

void shoebox_text_field_set (GObject     *object,
                             char       **field,
                             const char  *text,
                             GParamSpec  *pspec);

G_END_DECLS
