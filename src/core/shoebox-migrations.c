/* shoebox-migrations.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-migrations.h"

/* The schema, as an ordered list of steps. Step N (counting from 1) brings
 * a database from `PRAGMA user_version = N - 1` to N, inside one
 * transaction. Steps are never edited once released: a change to the
 * schema is a new step appended at the end, so every older database walks
 * the same path to the newest version.
 */
static const char * const migrations[] = {
  /* 1: the catalogue of silhouettes, with their brands and lineage. */
  "CREATE TABLE brands ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (name) > 0)"
  ");"
  "CREATE TABLE silhouettes ("
  "  id INTEGER PRIMARY KEY,"
  "  brand_id INTEGER NOT NULL REFERENCES brands (id) ON DELETE RESTRICT,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  designer TEXT,"
  "  release_year INTEGER CHECK (release_year IS NULL OR release_year BETWEEN 1800 AND 9999),"
  "  retail_price INTEGER CHECK (retail_price IS NULL OR retail_price >= 0),"
  "  retail_currency TEXT CHECK (retail_currency IS NULL OR length (retail_currency) = 3),"
  "  category TEXT,"
  "  inspiration TEXT,"
  "  notes TEXT,"
  "  predecessor_id INTEGER REFERENCES silhouettes (id) ON DELETE SET NULL,"
  "  UNIQUE (brand_id, name)"
  ");"
  "CREATE INDEX silhouettes_predecessor ON silhouettes (predecessor_id);",
};

const char * const *
shoebox_migrations_get (guint *n_migrations)
{
  g_return_val_if_fail (n_migrations != NULL, NULL);

  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
