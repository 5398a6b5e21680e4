/* shoebox-database-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-database.h"

G_BEGIN_DECLS

/* The aggregate `shoebox_ids (id, ?)` (shoebox-database-ids.c), which
 * every connection of a #ShoeboxDatabase has: it appends each id to the
 * GArray of gint64 bound as its second argument with sqlite3_bind_pointer()
 * and this type, which SQL cannot forge and no other pointer passes for.
 */
#define SHOEBOX_ID_COLLECTOR_TYPE "shoebox-id-collector"

/* Returns SQLite's result code. */
int _shoebox_database_add_id_collector (sqlite3 *handle);

G_END_DECLS
