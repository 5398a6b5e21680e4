/* shoebox-database-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-database.h"

G_BEGIN_DECLS

/* The SQL functions every connection of a #ShoeboxDatabase has
 * (shoebox-database-ids.c); each returns SQLite's result code.
 */
int _shoebox_database_add_id_collector (sqlite3 *handle);

G_END_DECLS
