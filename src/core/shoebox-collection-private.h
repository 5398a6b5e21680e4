/* shoebox-collection-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-collection.h"

G_BEGIN_DECLS

gboolean _shoebox_collection_insert_pair (ShoeboxCollection  *self,
                                          ShoeboxPair        *pair,
                                          GError            **error);

G_END_DECLS
