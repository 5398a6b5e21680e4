/* shoebox-migrations.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-migrations.h"

/* The columns of pairs that step 5 does not change, and its indexes. */
#define PAIRS_FIRST_COLUMNS \
  "  id INTEGER PRIMARY KEY AUTOINCREMENT," \
  "  silhouette_id INTEGER NOT NULL REFERENCES silhouettes (id) ON DELETE RESTRICT," \
  "  colorway TEXT," \
  "  official_colorway TEXT," \
  "  style_code TEXT," \
  "  size TEXT,"

#define PAIRS_LAST_COLUMNS \
  "  price_paid INTEGER CHECK (price_paid IS NULL OR (typeof (price_paid) = 'integer' AND price_paid >= 0))," \
  "  currency TEXT CHECK (currency IS NULL OR (length (currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'))," \
  "  purchase_date TEXT CHECK (purchase_date IS NULL" \
  "                            OR (purchase_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'" \
  "                                AND date (purchase_date, '+0 days') IS purchase_date))," \
  "  where_bought TEXT," \
  "  estimated_value INTEGER CHECK (estimated_value IS NULL" \
  "                                 OR (typeof (estimated_value) = 'integer' AND estimated_value >= 0))," \
  "  storage_location TEXT," \
  "  notes TEXT," \
  "  created_at TEXT NOT NULL," \
  "  updated_at TEXT NOT NULL," \
  "  CHECK ((price_paid IS NULL AND estimated_value IS NULL) OR currency IS NOT NULL)" \
  ");"

#define PAIRS_INDEXES \
  "CREATE INDEX pairs_silhouette ON pairs (silhouette_id);" \
  "CREATE INDEX pairs_status ON pairs (status);"

/* The full-text index's source and the triggers that keep it in step
 * (step 2). Step 5 rebuilds pairs and makes them again: the same text
 * both times.
 */
#define PAIRS_FTS_SOURCE_VIEW \
  "CREATE VIEW pairs_fts_source AS" \
  "  SELECT p.id AS id, s.name AS silhouette, b.name AS brand, p.colorway, p.official_colorway," \
  "         p.style_code, p.size, p.condition, p.status, p.where_bought, p.storage_location," \
  "         p.notes, replace (replace (p.extras, '\\;', ' '), ';', ' ') AS extras," \
  "         (SELECT group_concat (t.name, ' ') FROM pair_tags pt JOIN tags t ON t.id = pt.tag_id" \
  "          WHERE pt.pair_id = p.id) AS tags" \
  "  FROM pairs p JOIN silhouettes s ON s.id = p.silhouette_id JOIN brands b ON b.id = s.brand_id;"

#define PAIRS_FTS_PAIRS_TRIGGERS \
  "CREATE TRIGGER pairs_fts_insert AFTER INSERT ON pairs BEGIN" \
  "  INSERT INTO pairs_fts (rowid, silhouette, brand, colorway, official_colorway, style_code, size," \
  "                         condition, status, where_bought, storage_location, notes, extras, tags)" \
  "    SELECT * FROM pairs_fts_source WHERE id = new.id;" \
  "END;" \
  "CREATE TRIGGER pairs_fts_update AFTER UPDATE ON pairs BEGIN" \
  "  DELETE FROM pairs_fts WHERE rowid = old.id;" \
  "  INSERT INTO pairs_fts (rowid, silhouette, brand, colorway, official_colorway, style_code, size," \
  "                         condition, status, where_bought, storage_location, notes, extras, tags)" \
  "    SELECT * FROM pairs_fts_source WHERE id = new.id;" \
  "END;" \
  "CREATE TRIGGER pairs_fts_delete AFTER DELETE ON pairs BEGIN" \
  "  DELETE FROM pairs_fts WHERE rowid = old.id;" \
  "END;"

#define PAIRS_FTS_OTHER_TRIGGERS \
  "CREATE TRIGGER pair_tags_fts_insert AFTER INSERT ON pair_tags BEGIN" \
  "  UPDATE pairs_fts SET tags = (SELECT tags FROM pairs_fts_source WHERE id = new.pair_id)" \
  "    WHERE rowid = new.pair_id;" \
  "END;" \
  "CREATE TRIGGER pair_tags_fts_delete AFTER DELETE ON pair_tags BEGIN" \
  "  UPDATE pairs_fts SET tags = (SELECT tags FROM pairs_fts_source WHERE id = old.pair_id)" \
  "    WHERE rowid = old.pair_id;" \
  "END;" \
  "CREATE TRIGGER tags_fts_update AFTER UPDATE OF name ON tags BEGIN" \
  "  UPDATE pairs_fts SET tags = (SELECT f.tags FROM pairs_fts_source f WHERE f.id = pairs_fts.rowid)" \
  "    WHERE rowid IN (SELECT pair_id FROM pair_tags WHERE tag_id = new.id);" \
  "END;" \
  "CREATE TRIGGER silhouettes_fts_update AFTER UPDATE OF name, brand_id ON silhouettes BEGIN" \
  "  UPDATE pairs_fts SET silhouette = new.name," \
  "                       brand = (SELECT name FROM brands WHERE id = new.brand_id)" \
  "    WHERE rowid IN (SELECT id FROM pairs WHERE silhouette_id = new.id);" \
  "END;" \
  "CREATE TRIGGER brands_fts_update AFTER UPDATE OF name ON brands BEGIN" \
  "  UPDATE pairs_fts SET brand = new.name" \
  "    WHERE rowid IN (SELECT p.id FROM pairs p JOIN silhouettes s ON s.id = p.silhouette_id" \
  "                    WHERE s.brand_id = new.id);" \
  "END;"

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

  /* 2: the collection: pairs with their tags, wear log and photos, and a
   * full-text index over every text a pair shows. Money is integer minor
   * units with one ISO 4217 code for both amounts of a pair. Pairs use
   * AUTOINCREMENT so the id of a deleted pair is never handed to another
   * one: Undo puts the pair back under its own id.
   */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE pairs ("
  PAIRS_FIRST_COLUMNS
  "  size_system TEXT CHECK (size_system IS NULL OR size_system IN ('US M', 'US W', 'UK', 'EU', 'JP cm')),"
  "  condition TEXT CHECK (condition IS NULL OR condition IN ('Deadstock', 'VNDS', 'Worn', 'Beater')),"
  "  box TEXT CHECK (box IS NULL OR box IN ('original', 'none', 'damaged')),"
  "  extras TEXT,"
  "  status TEXT NOT NULL DEFAULT 'Owned' CHECK (status IN ('Owned', 'Wishlist', 'Sold')),"
  PAIRS_LAST_COLUMNS
  PAIRS_INDEXES
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (name) > 0)"
  ");"
  "CREATE TABLE pair_tags ("
  "  pair_id INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (pair_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX pair_tags_tag ON pair_tags (tag_id);"
  "CREATE TABLE wears ("
  "  id INTEGER PRIMARY KEY,"
  "  pair_id INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
  "                            AND date (date, '+0 days') IS date),"
  "  UNIQUE (pair_id, date)"
  ");"
  "CREATE TABLE photos ("
  "  id INTEGER PRIMARY KEY,"
  "  pair_id INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,"
  "  file_name TEXT NOT NULL CHECK (length (file_name) > 0 AND instr (file_name, '/') = 0),"
  "  is_side_profile INTEGER NOT NULL DEFAULT 0 CHECK (is_side_profile IN (0, 1)),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (pair_id, file_name)"
  ");"
  "CREATE UNIQUE INDEX photos_one_side_profile ON photos (pair_id) WHERE is_side_profile = 1;"
  /* One row per pair, rowid = pairs.id. The triggers keep it in step with
   * every table whose text it holds, whoever writes to them.
   */
  "CREATE VIRTUAL TABLE pairs_fts USING fts5 ("
  "  silhouette, brand, colorway, official_colorway, style_code, size,"
  "  condition, status, where_bought, storage_location, notes, extras, tags,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"
  PAIRS_FTS_SOURCE_VIEW
  PAIRS_FTS_PAIRS_TRIGGERS
  PAIRS_FTS_OTHER_TRIGGERS,

  /* 3: news: the feeds the user follows, each with its health and the
   * validators for conditional GET, and the articles fetched from them.
   * An item's key (its guid, else its link, else its title and date) is
   * unique per source, so fetching again updates a row instead of adding
   * one, and leaves read, starred and hidden alone. Dates are ISO 8601 in
   * UTC ("2026-11-30T09:33:10Z"), which sort as text; sort_date is the
   * published date, or when the item was first fetched if the feed gave
   * none. The default sources are added here, once: removing them never
   * brings them back.
   */
  "CREATE TABLE news_sources ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  url TEXT NOT NULL UNIQUE CHECK (url GLOB 'http://?*' OR url GLOB 'https://?*'),"
  "  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  last_success TEXT,"
  "  last_error TEXT,"
  "  last_error_kind INTEGER NOT NULL DEFAULT 0,"
  "  next_refresh TEXT,"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE TABLE news_items ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES news_sources (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL CHECK (length (key) > 0),"
  "  title TEXT,"
  "  link TEXT,"
  "  summary TEXT,"
  "  thumbnail_url TEXT,"
  "  author TEXT,"
  "  published TEXT,"
  "  fetched_at TEXT NOT NULL,"
  "  sort_date TEXT NOT NULL,"
  "  read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),"
  "  starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),"
  "  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),"
  "  UNIQUE (source_id, key)"
  ");"
  "CREATE INDEX news_items_sort ON news_items (sort_date DESC, id DESC);"
  "INSERT INTO news_sources (title, url, position, created_at) VALUES"
  "  ('Sneaker News', 'https://sneakernews.com/feed/', 1, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  ('Hypebeast Footwear', 'https://hypebeast.com/footwear/feed', 2, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  ('Nice Kicks', 'https://www.nicekicks.com/feed/', 3, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  ('Highsnobiety', 'https://www.highsnobiety.com/feed/', 4, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'));",

  /* 4: mentions: which news items name a pair the user owns or wants,
   * found by matching (shoebox-mentions.c) and kept so the Mentions filter
   * and the badges need no matching. by_style_code marks a match on the
   * pair's own style code, the most precise kind; notified marks a
   * mention already announced, so a desktop notification is sent once.
   */
  "CREATE TABLE news_mentions ("
  "  item_id INTEGER NOT NULL REFERENCES news_items (id) ON DELETE CASCADE,"
  "  pair_id INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,"
  "  by_style_code INTEGER NOT NULL DEFAULT 0 CHECK (by_style_code IN (0, 1)),"
  "  notified INTEGER NOT NULL DEFAULT 0 CHECK (notified IN (0, 1)),"
  "  PRIMARY KEY (item_id, pair_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX news_mentions_pair ON news_mentions (pair_id);",

  /* 5: the same pairs, with each CHECK on a list of words written as
   * comparisons joined by OR. SQLite evaluates `x IN (…)` in a CHECK by
   * building a temporary index of the list for every row it writes: a
   * third of a big import's inserting. The rows, their ids and the
   * AUTOINCREMENT counter stay; the table is rebuilt the way SQLite's
   * documentation says (new table, copy, drop, rename), which needs
   * foreign keys off: migrate() turns them off around every step and
   * checks them before the commit. The view and the triggers that name
   * pairs are made again, the same as step 2 made them.
   */
  "CREATE TABLE pairs_new ("
  PAIRS_FIRST_COLUMNS
  "  size_system TEXT CHECK (size_system IS NULL OR size_system = 'US M' OR size_system = 'US W'"
  "                          OR size_system = 'UK' OR size_system = 'EU' OR size_system = 'JP cm'),"
  "  condition TEXT CHECK (condition IS NULL OR condition = 'Deadstock' OR condition = 'VNDS'"
  "                        OR condition = 'Worn' OR condition = 'Beater'),"
  "  box TEXT CHECK (box IS NULL OR box = 'original' OR box = 'none' OR box = 'damaged'),"
  "  extras TEXT,"
  "  status TEXT NOT NULL DEFAULT 'Owned' CHECK (status = 'Owned' OR status = 'Wishlist' OR status = 'Sold'),"
  PAIRS_LAST_COLUMNS
  "INSERT INTO pairs_new SELECT * FROM pairs;"
  /* The counter may be above every id left (deleted pairs): keep it, so
   * Undo's ids stay unique. Dropping pairs deletes its row, renaming
   * pairs_new renames this one.
   */
  "DELETE FROM sqlite_sequence WHERE name = 'pairs_new';"
  "INSERT INTO sqlite_sequence (name, seq) SELECT 'pairs_new', seq FROM sqlite_sequence WHERE name = 'pairs';"
  /* Renaming parses every view and trigger: none may name a missing
   * table then. Dropping pairs drops its own triggers and indexes.
   */
  "DROP VIEW pairs_fts_source;"
  "DROP TRIGGER pair_tags_fts_insert;"
  "DROP TRIGGER pair_tags_fts_delete;"
  "DROP TRIGGER tags_fts_update;"
  "DROP TRIGGER silhouettes_fts_update;"
  "DROP TRIGGER brands_fts_update;"
  "DROP TABLE pairs;"
  "ALTER TABLE pairs_new RENAME TO pairs;"
  PAIRS_INDEXES
  PAIRS_FTS_SOURCE_VIEW
  PAIRS_FTS_PAIRS_TRIGGERS
  PAIRS_FTS_OTHER_TRIGGERS,
};

const char * const *
shoebox_migrations_get (guint *n_migrations)
{
  g_return_val_if_fail (n_migrations != NULL, NULL);

  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
