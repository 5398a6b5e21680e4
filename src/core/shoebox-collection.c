/* shoebox-collection.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-collection"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-collection.h"
#include "shoebox-collection-private.h"
#include "shoebox-money.h"
#include "shoebox-pair-list.h"

#define STARTER_CATALOGUE_RESOURCE RESOURCE_PREFIX "/core/starter-catalogue.ini"
#define STARTER_CATALOGUE_KEY      "starter-catalogue"

struct _ShoeboxCollection
{
  GObject          parent_instance;

  ShoeboxDatabase *database;
};

struct _ShoeboxDeletion
{
  gatomicrefcount  ref_count;
  GPtrArray       *pairs;  /* ShoeboxPair, every field as it was */
  GPtrArray       *photos; /* per pair: GPtrArray of ShoeboxPhotoRow */
};

G_DEFINE_FINAL_TYPE (ShoeboxCollection, shoebox_collection, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (ShoeboxDeletion, shoebox_deletion, shoebox_deletion_ref, shoebox_deletion_unref)

static ShoeboxStatistics *statistics_copy (ShoeboxStatistics *statistics);

G_DEFINE_BOXED_TYPE (ShoeboxStatistics, shoebox_statistics, statistics_copy, shoebox_statistics_free)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every column of a pair, in the order pair_from_row() reads them. */
#define PAIR_COLUMNS \
  "p.id, p.silhouette_id, s.name, b.name, p.colorway, p.official_colorway, p.style_code," \
  " p.size, p.size_system, p.condition, p.box, p.extras, p.status, p.price_paid, p.currency," \
  " p.purchase_date, p.where_bought, p.estimated_value, p.storage_location, p.notes," \
  " p.created_at, p.updated_at"
#define PAIR_FROM \
  " FROM pairs p JOIN silhouettes s ON s.id = p.silhouette_id JOIN brands b ON b.id = s.brand_id"

#define SILHOUETTE_COLUMNS \
  "s.id, b.name, s.name, s.designer, s.release_year, s.retail_price, s.retail_currency," \
  " s.category, s.inspiration, s.notes, s.predecessor_id"
#define SILHOUETTE_FROM \
  " FROM silhouettes s JOIN brands b ON b.id = s.brand_id"

#define CONDITION_INDEX \
  "(CASE p.condition WHEN 'Deadstock' THEN 1 WHEN 'VNDS' THEN 2 WHEN 'Worn' THEN 3" \
  " WHEN 'Beater' THEN 4 ELSE 0 END)"
#define STATUS_INDEX \
  "(CASE p.status WHEN 'Owned' THEN 0 WHEN 'Wishlist' THEN 1 ELSE 2 END)"

/* Parameters: 1 FTS query, 2 brand, 3 silhouette id, 4 condition mask,
 * 5 status mask, 6 tag.
 */
#define SEARCH_FILTERS \
  " AND (?2 IS NULL OR b.name = ?2)" \
  " AND (?3 = 0 OR p.silhouette_id = ?3)" \
  " AND (?4 = 0 OR ((1 << " CONDITION_INDEX ") & ?4) != 0)" \
  " AND (?5 = 0 OR ((1 << " STATUS_INDEX ") & ?5) != 0)" \
  " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM pair_tags pt JOIN tags t ON t.id = pt.tag_id" \
  "                            WHERE pt.pair_id = p.id AND t.name = ?6 COLLATE NOCASE))"

#define WEAR_COUNT "(SELECT count(*) FROM wears w WHERE w.pair_id = p.id)"
#define LAST_WORN  "(SELECT max(w.date) FROM wears w WHERE w.pair_id = p.id)"

/* The sort keys of each ShoeboxPairSort, most significant first. */
static const char * const sort_keys[][3] = {
  [SHOEBOX_PAIR_SORT_ADDED] = { "p.id" },
  [SHOEBOX_PAIR_SORT_RELEVANCE] = { "p.id" },
  [SHOEBOX_PAIR_SORT_SILHOUETTE] = { "s.name COLLATE NOCASE", "b.name COLLATE NOCASE" },
  [SHOEBOX_PAIR_SORT_BRAND] = { "b.name COLLATE NOCASE", "s.name COLLATE NOCASE" },
  [SHOEBOX_PAIR_SORT_COLORWAY] = { "p.colorway COLLATE NOCASE" },
  [SHOEBOX_PAIR_SORT_SIZE] = { "p.size_system", "CAST (p.size AS REAL)" },
  [SHOEBOX_PAIR_SORT_CONDITION] = { "NULLIF (" CONDITION_INDEX ", 0)" },
  [SHOEBOX_PAIR_SORT_PRICE_PAID] = { "p.currency", "p.price_paid" },
  [SHOEBOX_PAIR_SORT_PURCHASE_DATE] = { "p.purchase_date" },
  [SHOEBOX_PAIR_SORT_WEARS] = { WEAR_COUNT },
  [SHOEBOX_PAIR_SORT_LAST_WORN] = { LAST_WORN },
};

typedef struct
{
  gint64  id;
  gint64  silhouette_id;
  char   *silhouette_name;
  char   *brand_name;
  char   *created_at;
  char   *updated_at;
} SavedPair;

static void
saved_pair_clear (SavedPair *saved)
{
  g_clear_pointer (&saved->silhouette_name, g_free);
  g_clear_pointer (&saved->brand_name, g_free);
  g_clear_pointer (&saved->created_at, g_free);
  g_clear_pointer (&saved->updated_at, g_free);
}

static gboolean
set_sqlite_error (ShoeboxCollection  *self,
                  int                 result,
                  GError            **error)
{
  sqlite3 *handle = shoebox_database_get_handle (self->database);
  int code;

  switch (result & 0xff)
    {
    case SQLITE_CONSTRAINT:
      code = SHOEBOX_DATABASE_ERROR_CONSTRAINT;
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = SHOEBOX_DATABASE_ERROR_BUSY;
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = SHOEBOX_DATABASE_ERROR_CORRUPT;
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = SHOEBOX_DATABASE_ERROR_READ_ONLY;
      break;

    default:
      code = SHOEBOX_DATABASE_ERROR_FAILED;
    }

  g_set_error (error, SHOEBOX_DATABASE_ERROR, code,
               _("The collection could not be read or changed: %s"),
               handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (result));
  return FALSE;
}

static sqlite3_stmt *
prepare (ShoeboxCollection  *self,
         const char         *sql,
         GError            **error)
{
  return shoebox_database_prepare (self->database, sql, error);
}

/* Runs a statement that returns no rows and resets it. */
static gboolean
step_done (ShoeboxCollection  *self,
           sqlite3_stmt       *stmt,
           GError            **error)
{
  int result = sqlite3_step (stmt);

  if (result != SQLITE_DONE && result != SQLITE_ROW)
    {
      set_sqlite_error (self, result, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* Steps once: TRUE with *has_row set, or FALSE with @error set. */
static gboolean
step_row (ShoeboxCollection  *self,
          sqlite3_stmt       *stmt,
          gboolean           *has_row,
          GError            **error)
{
  int result = sqlite3_step (stmt);

  if (result == SQLITE_ROW)
    {
      *has_row = TRUE;
      return TRUE;
    }

  *has_row = FALSE;
  if (result == SQLITE_DONE)
    return TRUE;

  set_sqlite_error (self, result, error);
  sqlite3_reset (stmt);
  return FALSE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_optional_int64 (sqlite3_stmt *stmt,
                     int           index,
                     gint64        value,
                     gint64        none)
{
  if (value == none)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gint64
column_optional_int64 (sqlite3_stmt *stmt,
                       int           column,
                       gint64        none)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return none;

  return sqlite3_column_int64 (stmt, column);
}

static char *
dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
emit_changed (ShoeboxCollection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
query_int64 (ShoeboxCollection  *self,
             sqlite3_stmt       *stmt,
             gint64             *value,
             GError            **error)
{
  gboolean has_row;

  if (!step_row (self, stmt, &has_row, error))
    return FALSE;

  *value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static char **
query_strv (ShoeboxCollection  *self,
            sqlite3_stmt       *stmt,
            GError            **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean has_row;

  while (step_row (self, stmt, &has_row, error))
    {
      if (!has_row)
        {
          sqlite3_reset (stmt);
          return g_strv_builder_end (builder);
        }
      g_strv_builder_add (builder, column_text (stmt, 0));
    }

  return NULL;
}

static GArray *
query_ids (ShoeboxCollection  *self,
           sqlite3_stmt       *stmt,
           GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row;

  while (step_row (self, stmt, &has_row, error))
    {
      if (!has_row)
        {
          sqlite3_reset (stmt);
          return g_steal_pointer (&ids);
        }
      g_array_append_vals (ids, &(gint64) { sqlite3_column_int64 (stmt, 0) }, 1);
    }

  return NULL;
}

static ShoeboxSilhouette *
silhouette_from_row (sqlite3_stmt *stmt)
{
  ShoeboxSilhouette *silhouette = shoebox_silhouette_new ();

  shoebox_silhouette_set_id (silhouette, sqlite3_column_int64 (stmt, 0));
  shoebox_silhouette_set_brand_name (silhouette, column_text (stmt, 1));
  shoebox_silhouette_set_name (silhouette, column_text (stmt, 2));
  shoebox_silhouette_set_designer (silhouette, column_text (stmt, 3));
  shoebox_silhouette_set_release_year (silhouette, (guint) sqlite3_column_int (stmt, 4));
  shoebox_silhouette_set_retail_price (silhouette, column_optional_int64 (stmt, 5, -1));
  shoebox_silhouette_set_retail_currency (silhouette, column_text (stmt, 6));
  shoebox_silhouette_set_category (silhouette, column_text (stmt, 7));
  shoebox_silhouette_set_inspiration (silhouette, column_text (stmt, 8));
  shoebox_silhouette_set_notes (silhouette, column_text (stmt, 9));
  shoebox_silhouette_set_predecessor_id (silhouette, column_optional_int64 (stmt, 10, 0));

  return silhouette;
}

static ShoeboxPair *
pair_from_row (sqlite3_stmt *stmt)
{
  ShoeboxPair *pair = shoebox_pair_new ();
  g_auto(GStrv) extras = shoebox_list_split (column_text (stmt, 11));
  ShoeboxSizeSystem size_system = SHOEBOX_SIZE_SYSTEM_NONE;
  ShoeboxCondition condition = SHOEBOX_CONDITION_NONE;
  ShoeboxBox box = SHOEBOX_BOX_UNKNOWN;
  ShoeboxStatus status = SHOEBOX_STATUS_OWNED;

  shoebox_size_system_from_string (column_text (stmt, 8), &size_system);
  shoebox_condition_from_string (column_text (stmt, 9), &condition);
  shoebox_box_from_string (column_text (stmt, 10), &box);
  shoebox_status_from_string (column_text (stmt, 12), &status);

  shoebox_pair_set_id (pair, sqlite3_column_int64 (stmt, 0));
  shoebox_pair_set_silhouette_id (pair, sqlite3_column_int64 (stmt, 1));
  shoebox_pair_set_silhouette_name (pair, column_text (stmt, 2));
  shoebox_pair_set_brand_name (pair, column_text (stmt, 3));
  shoebox_pair_set_colorway (pair, column_text (stmt, 4));
  shoebox_pair_set_official_colorway (pair, column_text (stmt, 5));
  shoebox_pair_set_style_code (pair, column_text (stmt, 6));
  shoebox_pair_set_size (pair, column_text (stmt, 7));
  shoebox_pair_set_size_system (pair, size_system);
  shoebox_pair_set_condition (pair, condition);
  shoebox_pair_set_box (pair, box);
  shoebox_pair_set_extras (pair, (const char * const *) extras);
  shoebox_pair_set_status (pair, status);
  shoebox_pair_set_price_paid (pair, column_optional_int64 (stmt, 13, -1));
  shoebox_pair_set_currency (pair, column_text (stmt, 14));
  shoebox_pair_set_purchase_date (pair, column_text (stmt, 15));
  shoebox_pair_set_where_bought (pair, column_text (stmt, 16));
  shoebox_pair_set_estimated_value (pair, column_optional_int64 (stmt, 17, -1));
  shoebox_pair_set_storage_location (pair, column_text (stmt, 18));
  shoebox_pair_set_notes (pair, column_text (stmt, 19));
  shoebox_pair_set_created_at (pair, column_text (stmt, 20));
  shoebox_pair_set_updated_at (pair, column_text (stmt, 21));

  return pair;
}

static gboolean
ensure_brand (ShoeboxCollection  *self,
              const char         *name,
              gint64             *brand_id,
              GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (self, "INSERT OR IGNORE INTO brands (name) VALUES (?)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name);
  if (!step_done (self, stmt, error))
    return FALSE;

  stmt = prepare (self, "SELECT id FROM brands WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name);
  return query_int64 (self, stmt, brand_id, error);
}

/* The silhouette a pair names: the exact name first, then a match in any
 * case, as long as only one silhouette matches. 0 when there is none.
 */
static gboolean
find_silhouette_id (ShoeboxCollection  *self,
                    const char         *brand,
                    const char         *name,
                    gint64             *silhouette_id,
                    GError            **error)
{
  static const char * const with_brand[] = {
    "SELECT s.id" SILHOUETTE_FROM " WHERE b.name = ?1 AND s.name = ?2 LIMIT 2",
    "SELECT s.id" SILHOUETTE_FROM " WHERE b.name = ?1 AND s.name = ?2 COLLATE NOCASE LIMIT 2",
  };
  static const char * const without_brand[] = {
    "SELECT s.id" SILHOUETTE_FROM " WHERE ?1 IS NULL AND s.name = ?2 LIMIT 2",
    "SELECT s.id" SILHOUETTE_FROM " WHERE ?1 IS NULL AND s.name = ?2 COLLATE NOCASE LIMIT 2",
  };
  const char * const *queries = brand != NULL ? with_brand : without_brand;

  *silhouette_id = 0;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GArray) ids = NULL;
      sqlite3_stmt *stmt = prepare (self, queries[i], error);

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, brand);
      bind_text (stmt, 2, name);
      ids = query_ids (self, stmt, error);
      if (ids == NULL)
        return FALSE;
      if (ids->len == 1)
        {
          *silhouette_id = g_array_index (ids, gint64, 0);
          return TRUE;
        }
      if (ids->len > 1)
        return TRUE;
    }

  return TRUE;
}

/* Finds the pair's silhouette, or adds it to the catalogue: a pair typed
 * in the editor or read from a CSV file may name a silhouette the
 * catalogue does not have yet.
 */
static gboolean
resolve_silhouette (ShoeboxCollection  *self,
                    ShoeboxPair        *pair,
                    gint64             *silhouette_id,
                    GError            **error)
{
  const char *name = shoebox_pair_get_silhouette_name (pair);
  const char *brand = shoebox_pair_get_brand_name (pair);
  gint64 id = shoebox_pair_get_silhouette_id (pair);
  gint64 brand_id;
  sqlite3_stmt *stmt;

  if (id > 0)
    {
      gint64 found;

      stmt = prepare (self, "SELECT count(*) FROM silhouettes WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!query_int64 (self, stmt, &found, error))
        return FALSE;
      if (found > 0)
        {
          *silhouette_id = id;
          return TRUE;
        }
    }

  if (name == NULL)
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE,
                   _("A pair needs a silhouette"));
      return FALSE;
    }

  if (!find_silhouette_id (self, brand, name, &id, error))
    return FALSE;
  if (id > 0)
    {
      *silhouette_id = id;
      return TRUE;
    }

  if (brand == NULL)
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE,
                   _("“%s” is not in the catalogue, or more than one brand has it: give its brand"),
                   name);
      return FALSE;
    }

  if (!ensure_brand (self, brand, &brand_id, error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO silhouettes (brand_id, name) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  bind_text (stmt, 2, name);
  if (!step_done (self, stmt, error))
    return FALSE;

  *silhouette_id = sqlite3_last_insert_rowid (shoebox_database_get_handle (self->database));
  return TRUE;
}

static gboolean
write_tags (ShoeboxCollection   *self,
            gint64               pair_id,
            const char * const  *tags,
            gboolean             replace,
            GError             **error)
{
  sqlite3_stmt *stmt;

  if (replace)
    {
      stmt = prepare (self, "DELETE FROM pair_tags WHERE pair_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pair_id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      gint64 tag_id;

      stmt = prepare (self, "INSERT OR IGNORE INTO tags (name) VALUES (?)", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, tags[i]);
      if (!step_done (self, stmt, error))
        return FALSE;

      stmt = prepare (self, "SELECT id FROM tags WHERE name = ?", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, tags[i]);
      if (!query_int64 (self, stmt, &tag_id, error))
        return FALSE;

      stmt = prepare (self, "INSERT OR IGNORE INTO pair_tags (pair_id, tag_id, position) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pair_id);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_wears (ShoeboxCollection   *self,
             gint64               pair_id,
             const char * const  *dates,
             GError             **error)
{
  for (guint i = 0; dates != NULL && dates[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = prepare (self, "INSERT OR IGNORE INTO wears (pair_id, date) VALUES (?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pair_id);
      bind_text (stmt, 2, dates[i]);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
bind_pair_fields (sqlite3_stmt *stmt,
                  ShoeboxPair  *pair,
                  gint64        silhouette_id)
{
  g_autofree char *extras = shoebox_list_join (shoebox_pair_get_extras (pair));

  sqlite3_bind_int64 (stmt, 2, silhouette_id);
  bind_text (stmt, 3, shoebox_pair_get_colorway (pair));
  bind_text (stmt, 4, shoebox_pair_get_official_colorway (pair));
  bind_text (stmt, 5, shoebox_pair_get_style_code (pair));
  bind_text (stmt, 6, shoebox_pair_get_size (pair));
  bind_text (stmt, 7, shoebox_size_system_to_string (shoebox_pair_get_size_system (pair)));
  bind_text (stmt, 8, shoebox_condition_to_string (shoebox_pair_get_condition (pair)));
  bind_text (stmt, 9, shoebox_box_to_string (shoebox_pair_get_box (pair)));
  bind_text (stmt, 10, extras[0] != '\0' ? extras : NULL);
  bind_text (stmt, 11, shoebox_status_to_string (shoebox_pair_get_status (pair)));
  bind_optional_int64 (stmt, 12, shoebox_pair_get_price_paid (pair), -1);
  bind_text (stmt, 13, shoebox_pair_get_currency (pair));
  bind_text (stmt, 14, shoebox_pair_get_purchase_date (pair));
  bind_text (stmt, 15, shoebox_pair_get_where_bought (pair));
  bind_optional_int64 (stmt, 16, shoebox_pair_get_estimated_value (pair), -1);
  bind_text (stmt, 17, shoebox_pair_get_storage_location (pair));
  bind_text (stmt, 18, shoebox_pair_get_notes (pair));
}

/* Writes one pair inside the caller's transaction. A pair without an id
 * (or one being restored) is inserted with its tags and wear log; an
 * existing pair is updated with its tags, and its wear log is left to
 * shoebox_collection_log_wear(), so a save never loses a wear logged
 * while the editor was open.
 */
static gboolean
write_pair (ShoeboxCollection  *self,
            ShoeboxPair        *pair,
            gboolean            restore,
            SavedPair          *saved,
            GError            **error)
{
  gint64 id = shoebox_pair_get_id (pair);
  gboolean insert = restore || id == 0;
  g_autofree char *now = dup_now ();
  sqlite3 *handle = shoebox_database_get_handle (self->database);
  sqlite3_stmt *stmt;
  gboolean has_row;

  if (!resolve_silhouette (self, pair, &saved->silhouette_id, error))
    return FALSE;

  if (insert)
    {
      const char *created_at = restore ? shoebox_pair_get_created_at (pair) : NULL;
      const char *updated_at = restore ? shoebox_pair_get_updated_at (pair) : NULL;

      stmt = prepare (self,
                      "INSERT INTO pairs (id, silhouette_id, colorway, official_colorway, style_code,"
                      " size, size_system, condition, box, extras, status, price_paid, currency,"
                      " purchase_date, where_bought, estimated_value, storage_location, notes,"
                      " created_at, updated_at)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                      " ?17, ?18, ?19, ?20)",
                      error);
      if (stmt == NULL)
        return FALSE;
      bind_optional_int64 (stmt, 1, restore ? id : 0, 0);
      bind_pair_fields (stmt, pair, saved->silhouette_id);
      bind_text (stmt, 19, created_at != NULL ? created_at : now);
      bind_text (stmt, 20, updated_at != NULL ? updated_at : now);
      if (!step_done (self, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (handle);

      if (!write_tags (self, id, shoebox_pair_get_tags (pair), FALSE, error)
          || !write_wears (self, id, shoebox_pair_get_wear_dates (pair), error))
        return FALSE;
    }
  else
    {
      stmt = prepare (self,
                      "UPDATE pairs SET silhouette_id = ?2, colorway = ?3, official_colorway = ?4,"
                      " style_code = ?5, size = ?6, size_system = ?7, condition = ?8, box = ?9,"
                      " extras = ?10, status = ?11, price_paid = ?12, currency = ?13,"
                      " purchase_date = ?14, where_bought = ?15, estimated_value = ?16,"
                      " storage_location = ?17, notes = ?18, updated_at = ?19"
                      " WHERE id = ?1",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_pair_fields (stmt, pair, saved->silhouette_id);
      bind_text (stmt, 19, now);
      if (!step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (handle) != 1)
        {
          g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED,
                       _("The pair was deleted before it could be saved"));
          return FALSE;
        }

      if (!write_tags (self, id, shoebox_pair_get_tags (pair), TRUE, error))
        return FALSE;
    }

  stmt = prepare (self, "SELECT s.name, b.name, p.created_at, p.updated_at" PAIR_FROM " WHERE p.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      saved->silhouette_name = g_strdup (column_text (stmt, 0));
      saved->brand_name = g_strdup (column_text (stmt, 1));
      saved->created_at = g_strdup (column_text (stmt, 2));
      saved->updated_at = g_strdup (column_text (stmt, 3));
    }
  sqlite3_reset (stmt);

  saved->id = id;
  return TRUE;
}

static void
apply_saved (ShoeboxPair     *pair,
             const SavedPair *saved)
{
  shoebox_pair_set_id (pair, saved->id);
  shoebox_pair_set_silhouette_id (pair, saved->silhouette_id);
  shoebox_pair_set_silhouette_name (pair, saved->silhouette_name);
  shoebox_pair_set_brand_name (pair, saved->brand_name);
  shoebox_pair_set_created_at (pair, saved->created_at);
  shoebox_pair_set_updated_at (pair, saved->updated_at);
}

static GPtrArray *
list_photos (ShoeboxCollection  *self,
             gint64              pair_id,
             GError            **error)
{
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) shoebox_photo_row_free);
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = prepare (self,
                  "SELECT file_name, is_side_profile, position FROM photos WHERE pair_id = ?"
                  " ORDER BY position, id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pair_id);

  while (step_row (self, stmt, &has_row, error))
    {
      ShoeboxPhotoRow *row;

      if (!has_row)
        {
          sqlite3_reset (stmt);
          return g_steal_pointer (&photos);
        }

      row = g_new0 (ShoeboxPhotoRow, 1);
      row->file_name = g_strdup (column_text (stmt, 0));
      row->is_side_profile = sqlite3_column_int (stmt, 1) != 0;
      row->position = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (photos, row);
    }

  return NULL;
}

static gboolean
write_photo (ShoeboxCollection      *self,
             gint64                  pair_id,
             const ShoeboxPhotoRow  *row,
             GError                **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "INSERT INTO photos (pair_id, file_name, is_side_profile, position) VALUES (?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pair_id);
  bind_text (stmt, 2, row->file_name);
  sqlite3_bind_int (stmt, 3, row->is_side_profile ? 1 : 0);
  sqlite3_bind_int (stmt, 4, row->position);
  return step_done (self, stmt, error);
}

/* Each word the user typed must match the start of a word of the pair:
 * "trac 2" is `"trac"* "2"*`. Words are quoted, so FTS5 syntax typed by
 * the user is searched for, never run.
 */
static char *
build_match_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean searchable = FALSE;

      if (!g_utf8_validate (words[i], -1, NULL))
        continue;
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          searchable = TRUE;
      if (!searchable)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* With search text, the FTS5 index drives the query: a word that matches
 * few pairs then costs little, whatever the size of the collection.
 */
static char *
build_search_sql (const ShoeboxPairQuery *query,
                  gboolean                has_text)
{
  GString *sql = g_string_new ("SELECT p.id");
  const char * const *keys = sort_keys[query->sort];
  gboolean relevance = has_text && query->sort == SHOEBOX_PAIR_SORT_RELEVANCE;
  gboolean filtered = (query->brand != NULL && query->brand[0] != '\0') || query->silhouette_id != 0
                      || query->conditions != 0 || query->statuses != 0
                      || (query->tag != NULL && query->tag[0] != '\0');

  /* Typing with no filter, in the order pairs were added or by rank: the
   * index alone has the answer, in order, without a join or a sort.
   */
  if (has_text && !filtered && (relevance || query->sort == SHOEBOX_PAIR_SORT_ADDED))
    {
      g_string_assign (sql, "SELECT rowid FROM pairs_fts WHERE pairs_fts MATCH ?1 ORDER BY ");
      g_string_append (sql, relevance ? "rank" : "rowid");
      g_string_append (sql, query->descending ? " DESC" : "");
      return g_string_free (sql, FALSE);
    }

  if (has_text)
    g_string_append (sql,
                     " FROM pairs_fts f JOIN pairs p ON p.id = f.rowid"
                     " JOIN silhouettes s ON s.id = p.silhouette_id JOIN brands b ON b.id = s.brand_id"
                     " WHERE pairs_fts MATCH ?1" SEARCH_FILTERS " ORDER BY ");
  else
    g_string_append (sql, PAIR_FROM " WHERE ?1 IS NULL" SEARCH_FILTERS " ORDER BY ");

  if (relevance)
    g_string_append (sql, query->descending ? "f.rank DESC" : "f.rank");

  for (guint i = 0; !relevance && i < G_N_ELEMENTS (sort_keys[0]) && keys[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, keys[i]);
      g_string_append (sql, query->descending ? " DESC NULLS LAST" : " ASC NULLS LAST");
    }

  g_string_append (sql, query->descending ? ", p.id DESC" : ", p.id");
  return g_string_free (sql, FALSE);
}

static GArray *
search_ids (ShoeboxCollection       *self,
            const ShoeboxPairQuery  *query,
            GError                 **error)
{
  static const ShoeboxPairQuery everything = { 0 };
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (query == NULL)
    query = &everything;
  g_return_val_if_fail (query->sort <= SHOEBOX_PAIR_SORT_LAST_WORN, NULL);

  match = build_match_query (query->text);
  sql = build_search_sql (query, match != NULL);

  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, match);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    {
      bind_text (stmt, 2, query->brand != NULL && query->brand[0] != '\0' ? query->brand : NULL);
      sqlite3_bind_int64 (stmt, 3, query->silhouette_id);
      sqlite3_bind_int64 (stmt, 4, query->conditions);
      sqlite3_bind_int64 (stmt, 5, query->statuses);
      bind_text (stmt, 6, query->tag != NULL && query->tag[0] != '\0' ? query->tag : NULL);
    }

  return query_ids (self, stmt, error);
}

static GListModel *
list_from_query (ShoeboxCollection  *self,
                 const char         *sql,
                 const char         *parameter,
                 GError            **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  GArray *ids;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, parameter);
  ids = query_ids (self, stmt, error);
  if (ids == NULL)
    return NULL;

  return G_LIST_MODEL (shoebox_pair_list_new (self, ids));
}

static GPtrArray *
load_pairs (ShoeboxCollection  *self,
            GArray             *ids,
            GError            **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      ShoeboxPair *pair = shoebox_collection_get_pair (self, g_array_index (ids, gint64, i), error);

      if (pair == NULL)
        return NULL;
      g_ptr_array_add (pairs, pair);
    }

  return g_steal_pointer (&pairs);
}

static void
currency_total_free (gpointer data)
{
  ShoeboxCurrencyTotal *total = data;

  g_free (total->currency);
  g_free (total);
}

static void
statistics_count_free (gpointer data)
{
  ShoeboxStatisticsCount *count = data;

  g_free (count->label);
  g_free (count);
}

static ShoeboxStatistics *
statistics_copy (ShoeboxStatistics *statistics)
{
  ShoeboxStatistics *copy = g_new0 (ShoeboxStatistics, 1);

  memcpy (copy->n_by_status, statistics->n_by_status, sizeof copy->n_by_status);
  memcpy (copy->n_by_condition, statistics->n_by_condition, sizeof copy->n_by_condition);
  copy->n_not_worn_recently = statistics->n_not_worn_recently;
  copy->totals = g_ptr_array_new_with_free_func (currency_total_free);
  for (guint i = 0; i < statistics->totals->len; i++)
    {
      ShoeboxCurrencyTotal *total = g_memdup2 (g_ptr_array_index (statistics->totals, i),
                                               sizeof (ShoeboxCurrencyTotal));

      total->currency = g_strdup (total->currency);
      g_ptr_array_add (copy->totals, total);
    }
  copy->by_brand = g_ptr_array_new_with_free_func (statistics_count_free);
  for (guint i = 0; i < statistics->by_brand->len; i++)
    {
      ShoeboxStatisticsCount *count = g_memdup2 (g_ptr_array_index (statistics->by_brand, i),
                                                 sizeof (ShoeboxStatisticsCount));

      count->label = g_strdup (count->label);
      g_ptr_array_add (copy->by_brand, count);
    }
  copy->most_worn = g_ptr_array_ref (statistics->most_worn);
  copy->least_worn = g_ptr_array_ref (statistics->least_worn);

  return copy;
}

typedef struct
{
  ShoeboxCollection *self;
  GKeyFile          *catalogue;
  guint              n_added;
} CatalogueLoad;

static gboolean
load_catalogue_in_transaction (ShoeboxDatabase  *database,
                               gpointer          user_data,
                               GError          **error)
{
  CatalogueLoad *load = user_data;
  ShoeboxCollection *self = load->self;
  g_auto(GStrv) groups = g_key_file_get_groups (load->catalogue, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  sqlite3 *handle = shoebox_database_get_handle (database);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      GKeyFile *file = load->catalogue;
      g_autofree char *brand = g_key_file_get_string (file, groups[i], "brand", NULL);
      g_autofree char *name = g_key_file_get_string (file, groups[i], "name", NULL);
      g_autofree char *designer = g_key_file_get_string (file, groups[i], "designer", NULL);
      g_autofree char *category = g_key_file_get_string (file, groups[i], "category", NULL);
      g_autofree char *inspiration = g_key_file_get_string (file, groups[i], "inspiration", NULL);
      g_autofree char *notes = g_key_file_get_string (file, groups[i], "notes", NULL);
      g_autofree char *price = g_key_file_get_string (file, groups[i], "retail_price", NULL);
      g_autofree char *currency = g_key_file_get_string (file, groups[i], "retail_currency", NULL);
      int year = g_key_file_get_integer (file, groups[i], "release_year", NULL);
      gint64 retail_price = -1;
      gint64 brand_id;
      gint64 silhouette_id;
      sqlite3_stmt *stmt;

      if (brand == NULL || name == NULL)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                       _("The catalogue entry “%s” has no brand or name"), groups[i]);
          return FALSE;
        }
      if (price != NULL && !shoebox_money_parse (price, currency, &retail_price, error))
        {
          g_prefix_error (error, _("The catalogue entry “%s”: "), groups[i]);
          return FALSE;
        }

      if (!ensure_brand (self, brand, &brand_id, error))
        return FALSE;

      /* The user may already have the silhouette (created by a CSV import,
       * say): theirs is kept as it is.
       */
      stmt = prepare (self,
                      "INSERT OR IGNORE INTO silhouettes (brand_id, name, designer, release_year,"
                      " retail_price, retail_currency, category, inspiration, notes)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, brand_id);
      bind_text (stmt, 2, name);
      bind_text (stmt, 3, designer);
      bind_optional_int64 (stmt, 4, year, 0);
      bind_optional_int64 (stmt, 5, retail_price, -1);
      bind_text (stmt, 6, retail_price >= 0 ? currency : NULL);
      bind_text (stmt, 7, category);
      bind_text (stmt, 8, inspiration);
      bind_text (stmt, 9, notes);
      if (!step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (handle) > 0)
        load->n_added++;

      stmt = prepare (self, "SELECT id FROM silhouettes WHERE brand_id = ? AND name = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, brand_id);
      bind_text (stmt, 2, name);
      if (!query_int64 (self, stmt, &silhouette_id, error))
        return FALSE;
      g_hash_table_insert (ids, groups[i], g_memdup2 (&silhouette_id, sizeof silhouette_id));
    }

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *predecessor = g_key_file_get_string (load->catalogue, groups[i], "predecessor", NULL);
      const gint64 *predecessor_id;
      sqlite3_stmt *stmt;

      if (predecessor == NULL)
        continue;

      predecessor_id = g_hash_table_lookup (ids, predecessor);
      if (predecessor_id == NULL)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                       _("The catalogue entry “%s” follows “%s”, which is not in the catalogue"),
                       groups[i], predecessor);
          return FALSE;
        }

      stmt = prepare (self, "UPDATE silhouettes SET predecessor_id = ? WHERE id = ? AND predecessor_id IS NULL", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *predecessor_id);
      sqlite3_bind_int64 (stmt, 2, *(const gint64 *) g_hash_table_lookup (ids, groups[i]));
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  ShoeboxCollection *self;
  CatalogueLoad     *load;
  gboolean           already_loaded;
} StarterLoad;

static gboolean
load_starter_in_transaction (ShoeboxDatabase  *database,
                             gpointer          user_data,
                             GError          **error)
{
  StarterLoad *starter = user_data;
  ShoeboxCollection *self = starter->self;
  sqlite3_stmt *stmt;
  gint64 loaded;

  /* Looked up under the write lock: the command line and the window may
   * both be starting for the first time.
   */
  stmt = prepare (self, "SELECT count(*) FROM meta WHERE key = '" STARTER_CATALOGUE_KEY "'", error);
  if (stmt == NULL || !query_int64 (self, stmt, &loaded, error))
    return FALSE;
  if (loaded > 0)
    {
      starter->already_loaded = TRUE;
      return TRUE;
    }

  if (!load_catalogue_in_transaction (database, starter->load, error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO meta (key, value) VALUES ('" STARTER_CATALOGUE_KEY "', '1')", error);
  return stmt != NULL && step_done (self, stmt, error);
}

typedef struct
{
  ShoeboxCollection *self;
  ShoeboxPair       *pair;
  SavedPair          saved;
} SaveData;

static gboolean
save_pair_in_transaction (ShoeboxDatabase  *database,
                          gpointer          user_data,
                          GError          **error)
{
  SaveData *data = user_data;

  return write_pair (data->self, data->pair, FALSE, &data->saved, error);
}

typedef struct
{
  ShoeboxCollection *self;
  ShoeboxSilhouette *silhouette;
  gint64             id;
} SilhouetteSave;

static gboolean
save_silhouette_in_transaction (ShoeboxDatabase  *database,
                                gpointer          user_data,
                                GError          **error)
{
  SilhouetteSave *data = user_data;
  ShoeboxCollection *self = data->self;
  ShoeboxSilhouette *silhouette = data->silhouette;
  gint64 id = shoebox_silhouette_get_id (silhouette);
  gint64 brand_id;
  sqlite3_stmt *stmt;

  if (!ensure_brand (self, shoebox_silhouette_get_brand_name (silhouette), &brand_id, error))
    return FALSE;

  if (id == 0)
    stmt = prepare (self,
                    "INSERT INTO silhouettes (brand_id, name, designer, release_year, retail_price,"
                    " retail_currency, category, inspiration, notes, predecessor_id, id)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    error);
  else
    stmt = prepare (self,
                    "UPDATE silhouettes SET brand_id = ?1, name = ?2, designer = ?3, release_year = ?4,"
                    " retail_price = ?5, retail_currency = ?6, category = ?7, inspiration = ?8,"
                    " notes = ?9, predecessor_id = ?10 WHERE id = ?11",
                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, brand_id);
  bind_text (stmt, 2, shoebox_silhouette_get_name (silhouette));
  bind_text (stmt, 3, shoebox_silhouette_get_designer (silhouette));
  bind_optional_int64 (stmt, 4, shoebox_silhouette_get_release_year (silhouette), 0);
  bind_optional_int64 (stmt, 5, shoebox_silhouette_get_retail_price (silhouette), -1);
  bind_text (stmt, 6, shoebox_silhouette_get_retail_currency (silhouette));
  bind_text (stmt, 7, shoebox_silhouette_get_category (silhouette));
  bind_text (stmt, 8, shoebox_silhouette_get_inspiration (silhouette));
  bind_text (stmt, 9, shoebox_silhouette_get_notes (silhouette));
  bind_optional_int64 (stmt, 10, shoebox_silhouette_get_predecessor_id (silhouette), 0);
  bind_optional_int64 (stmt, 11, id, 0);
  if (!step_done (self, stmt, error))
    return FALSE;

  data->id = id != 0 ? id : sqlite3_last_insert_rowid (shoebox_database_get_handle (database));
  return TRUE;
}

typedef struct
{
  ShoeboxCollection *self;
  gint64             id;
} DeleteSilhouette;

static gboolean
delete_silhouette_in_transaction (ShoeboxDatabase  *database,
                                  gpointer          user_data,
                                  GError          **error)
{
  DeleteSilhouette *data = user_data;
  sqlite3_stmt *stmt;
  gint64 n_pairs;

  stmt = prepare (data->self, "SELECT count(*) FROM pairs WHERE silhouette_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (!query_int64 (data->self, stmt, &n_pairs, error))
    return FALSE;
  if (n_pairs > 0)
    {
      g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT,
                   ngettext ("The silhouette has %" G_GINT64_FORMAT " pair in the collection: delete it first",
                             "The silhouette has %" G_GINT64_FORMAT " pairs in the collection: delete them first",
                             n_pairs),
                   n_pairs);
      return FALSE;
    }

  stmt = prepare (data->self, "DELETE FROM silhouettes WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  return step_done (data->self, stmt, error);
}

typedef struct
{
  ShoeboxCollection *self;
  const gint64      *ids;
  guint              n_ids;
  ShoeboxDeletion   *deletion;
} DeleteData;

static gboolean
delete_pairs_in_transaction (ShoeboxDatabase  *database,
                             gpointer          user_data,
                             GError          **error)
{
  DeleteData *data = user_data;
  ShoeboxCollection *self = data->self;

  for (guint i = 0; i < data->n_ids; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(ShoeboxPair) pair = NULL;
      GPtrArray *photos;
      sqlite3_stmt *stmt;

      pair = shoebox_collection_get_pair (self, data->ids[i], &local_error);
      if (pair == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      photos = list_photos (self, data->ids[i], error);
      if (photos == NULL)
        return FALSE;

      stmt = prepare (self, "DELETE FROM pairs WHERE id = ?", error);
      if (stmt == NULL)
        {
          g_ptr_array_unref (photos);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, data->ids[i]);
      if (!step_done (self, stmt, error))
        {
          g_ptr_array_unref (photos);
          return FALSE;
        }

      g_ptr_array_add (data->deletion->pairs, g_steal_pointer (&pair));
      g_ptr_array_add (data->deletion->photos, photos);
    }

  return TRUE;
}

typedef struct
{
  ShoeboxCollection *self;
  ShoeboxDeletion   *deletion;
  GArray            *saved; /* SavedPair */
} RestoreData;

static gboolean
restore_pairs_in_transaction (ShoeboxDatabase  *database,
                              gpointer          user_data,
                              GError          **error)
{
  RestoreData *data = user_data;

  for (guint i = 0; i < data->deletion->pairs->len; i++)
    {
      ShoeboxPair *pair = g_ptr_array_index (data->deletion->pairs, i);
      GPtrArray *photos = g_ptr_array_index (data->deletion->photos, i);
      SavedPair saved = { 0 };

      if (!write_pair (data->self, pair, TRUE, &saved, error))
        {
          saved_pair_clear (&saved);
          return FALSE;
        }
      g_array_append_val (data->saved, saved);

      for (guint j = 0; j < photos->len; j++)
        if (!write_photo (data->self, saved.id, g_ptr_array_index (photos, j), error))
          return FALSE;
    }

  return TRUE;
}

typedef struct
{
  ShoeboxCollection *self;
  const gint64      *ids;
  guint              n_ids;
  const char        *date;
  gboolean           remove;
} WearData;

static gboolean
wear_in_transaction (ShoeboxDatabase  *database,
                     gpointer          user_data,
                     GError          **error)
{
  WearData *data = user_data;

  for (guint i = 0; i < data->n_ids; i++)
    {
      sqlite3_stmt *stmt;

      if (data->remove)
        stmt = prepare (data->self, "DELETE FROM wears WHERE pair_id = ? AND date = ?", error);
      else
        stmt = prepare (data->self, "INSERT OR IGNORE INTO wears (pair_id, date) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->ids[i]);
      bind_text (stmt, 2, data->date);
      if (!step_done (data->self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  ShoeboxCollection *self;
  gint64             pair_id;
  const char        *file_name;
  gboolean           is_side_profile;
  enum { PHOTO_ADD, PHOTO_REMOVE, PHOTO_SIDE_PROFILE } action;
} PhotoData;

static gboolean
photo_in_transaction (ShoeboxDatabase  *database,
                      gpointer          user_data,
                      GError          **error)
{
  PhotoData *data = user_data;
  ShoeboxCollection *self = data->self;
  sqlite3_stmt *stmt;

  if (data->action == PHOTO_REMOVE)
    {
      stmt = prepare (self, "DELETE FROM photos WHERE pair_id = ? AND file_name = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->pair_id);
      bind_text (stmt, 2, data->file_name);
      return step_done (self, stmt, error);
    }

  if (data->action == PHOTO_SIDE_PROFILE || data->is_side_profile)
    {
      stmt = prepare (self, "UPDATE photos SET is_side_profile = 0 WHERE pair_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->pair_id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  if (data->action == PHOTO_SIDE_PROFILE)
    {
      stmt = prepare (self, "UPDATE photos SET is_side_profile = 1 WHERE pair_id = ? AND file_name = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->pair_id);
      bind_text (stmt, 2, data->file_name);
      if (!step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (shoebox_database_get_handle (database)) != 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The pair has no photo “%s”"), data->file_name);
          return FALSE;
        }
      return TRUE;
    }

  stmt = prepare (self,
                  "INSERT OR IGNORE INTO photos (pair_id, file_name, is_side_profile, position)"
                  " VALUES (?1, ?2, ?3, (SELECT coalesce (max (position) + 1, 0) FROM photos WHERE pair_id = ?1))",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->pair_id);
  bind_text (stmt, 2, data->file_name);
  sqlite3_bind_int (stmt, 3, data->is_side_profile ? 1 : 0);
  return step_done (self, stmt, error);
}

typedef struct
{
  SaveData            save;
  const char * const *photos;
  const char         *side_profile;
} SaveWithPhotosData;

/* The pair, then its photo rows made to match the editor's list exactly:
 * rows no longer listed go, new ones are added in order.
 */
static gboolean
save_pair_with_photos_in_transaction (ShoeboxDatabase  *database,
                                      gpointer          user_data,
                                      GError          **error)
{
  SaveWithPhotosData *data = user_data;
  ShoeboxCollection *self = data->save.self;
  g_autoptr(GPtrArray) existing = NULL;
  gint64 pair_id;

  if (!write_pair (self, data->save.pair, FALSE, &data->save.saved, error))
    return FALSE;
  pair_id = data->save.saved.id;

  existing = list_photos (self, pair_id, error);
  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < existing->len; i++)
    {
      ShoeboxPhotoRow *row = g_ptr_array_index (existing, i);

      if (data->photos == NULL || !g_strv_contains (data->photos, row->file_name))
        {
          PhotoData remove = { self, pair_id, row->file_name, FALSE, PHOTO_REMOVE };

          if (!photo_in_transaction (database, &remove, error))
            return FALSE;
        }
    }

  for (guint i = 0; data->photos != NULL && data->photos[i] != NULL; i++)
    {
      PhotoData add = { self, pair_id, data->photos[i], FALSE, PHOTO_ADD };
      sqlite3_stmt *stmt;

      if (!photo_in_transaction (database, &add, error))
        return FALSE;

      /* Kept photos take their new place too: the list's order is the
       * order the pair page shows.
       */
      stmt = prepare (self, "UPDATE photos SET position = ? WHERE pair_id = ? AND file_name = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, (int) i);
      sqlite3_bind_int64 (stmt, 2, pair_id);
      bind_text (stmt, 3, data->photos[i]);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  if (data->side_profile != NULL)
    {
      PhotoData side = { self, pair_id, data->side_profile, TRUE, PHOTO_SIDE_PROFILE };

      return photo_in_transaction (database, &side, error);
    }
  else
    {
      sqlite3_stmt *stmt = prepare (self, "UPDATE photos SET is_side_profile = 0 WHERE pair_id = ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pair_id);
      return step_done (self, stmt, error);
    }
}

/**
 * shoebox_collection_save_pair_with_photos:
 * @self: a #ShoeboxCollection
 * @pair: the pair; id 0 to add it
 * @photos: (nullable) (array zero-terminated=1): the pair's photos, file
 *   names already in the photos folder, in order
 * @side_profile: (nullable): which of @photos is the side profile, or
 *   %NULL for none
 * @error: return location for a #GError
 *
 * Like shoebox_collection_save_pair(), and in the same transaction makes
 * the pair's photos exactly @photos, in that order: the editor's Save
 * writes all of it or nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_save_pair_with_photos (ShoeboxCollection   *self,
                                          ShoeboxPair         *pair,
                                          const char * const  *photos,
                                          const char          *side_profile,
                                          GError             **error)
{
  SaveWithPhotosData data = { { self, pair, { 0 } }, photos, side_profile };
  gboolean saved;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_PAIR (pair), FALSE);
  g_return_val_if_fail (side_profile == NULL || (photos != NULL && g_strv_contains (photos, side_profile)), FALSE);

  if (!shoebox_pair_validate (pair, error))
    return FALSE;

  saved = shoebox_database_write (self->database, save_pair_with_photos_in_transaction, &data, error);
  if (saved)
    apply_saved (pair, &data.save.saved);
  saved_pair_clear (&data.save.saved);
  if (!saved)
    return FALSE;

  emit_changed (self);
  return TRUE;
}

typedef struct
{
  ShoeboxCollection *self;
  guint              n_pairs;
  guint32            seed;
} GenerateData;

static gboolean
generate_in_transaction (ShoeboxDatabase  *database,
                         gpointer          user_data,
                         GError          **error)
{
  static const char * const colors[] = {
    "Silver", "Black", "White", "Lavender", "Red", "Neon", "Bone", "Sand", "Volt", "Navy",
    "Grey", "Olive", "Pink", "Orange", "Cream", "Teal",
  };
  static const char * const names[] = {
    "Bullet", "Out", "Wave", "Storm", "Dust", "Ghost", "Fade", "Camo", "Sail", "Rush",
  };
  static const char * const conditions[] = { "Deadstock", "VNDS", "Worn", "Beater" };
  static const char * const currencies_used[] = { "USD", "EUR", "GBP", "JPY" };
  static const char * const tag_names[] = { "grail", "to clean", "to sell", "daily", "vault" };
  GenerateData *data = user_data;
  ShoeboxCollection *self = data->self;
  g_autoptr(GRand) rand = g_rand_new_with_seed (data->seed);
  g_autoptr(GArray) silhouettes = NULL;
  g_autofree char *now = dup_now ();
  gint64 tag_ids[G_N_ELEMENTS (tag_names)];
  sqlite3 *handle = shoebox_database_get_handle (database);
  sqlite3_stmt *stmt;

  stmt = prepare (self, "SELECT id FROM silhouettes ORDER BY id", error);
  if (stmt == NULL || (silhouettes = query_ids (self, stmt, error)) == NULL)
    return FALSE;
  if (silhouettes->len == 0)
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE,
                   _("The catalogue is empty: there is no silhouette to make pairs of"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (tag_names); i++)
    {
      stmt = prepare (self, "INSERT OR IGNORE INTO tags (name) VALUES (?)", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, tag_names[i]);
      if (!step_done (self, stmt, error))
        return FALSE;
      stmt = prepare (self, "SELECT id FROM tags WHERE name = ?", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, tag_names[i]);
      if (!query_int64 (self, stmt, &tag_ids[i], error))
        return FALSE;
    }

  for (guint n = 0; n < data->n_pairs; n++)
    {
      const char *currency = currencies_used[g_rand_int_range (rand, 0, G_N_ELEMENTS (currencies_used))];
      gint64 scale = g_str_equal (currency, "JPY") ? 1 : 100;
      g_autofree char *colorway = g_strdup_printf ("%s %s", colors[g_rand_int_range (rand, 0, G_N_ELEMENTS (colors))],
                                                   names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
      g_autofree char *style_code = g_strdup_printf ("SB-%06u", n);
      int half_sizes = g_rand_int_range (rand, 12, 27);
      g_autofree char *size = half_sizes % 2 == 0 ? g_strdup_printf ("%d", half_sizes / 2)
                                                  : g_strdup_printf ("%d.5", half_sizes / 2);
      int day = g_rand_int_range (rand, 0, 3650);
      g_autofree char *purchase_date = NULL;
      int status = g_rand_int_range (rand, 0, 10);
      gint64 pair_id;
      int n_wears;

      {
        g_autoptr(GDateTime) epoch = g_date_time_new_utc (2015, 1, 1, 0, 0, 0);
        g_autoptr(GDateTime) date = g_date_time_add_days (epoch, day);

        purchase_date = g_date_time_format (date, "%Y-%m-%d");
      }

      stmt = prepare (self,
                      "INSERT INTO pairs (silhouette_id, colorway, style_code, size, size_system,"
                      " condition, box, status, price_paid, currency, purchase_date, where_bought,"
                      " estimated_value, created_at, updated_at)"
                      " VALUES (?, ?, ?, ?, 'US M', ?, 'original', ?, ?, ?, ?, 'Generated', ?, ?, ?)",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (silhouettes, gint64, g_rand_int_range (rand, 0, silhouettes->len)));
      bind_text (stmt, 2, colorway);
      bind_text (stmt, 3, style_code);
      bind_text (stmt, 4, size);
      bind_text (stmt, 5, conditions[g_rand_int_range (rand, 0, G_N_ELEMENTS (conditions))]);
      bind_text (stmt, 6, status < 8 ? "Owned" : status == 8 ? "Wishlist" : "Sold");
      sqlite3_bind_int64 (stmt, 7, g_rand_int_range (rand, 80, 2000) * scale * (scale == 1 ? 150 : 1));
      bind_text (stmt, 8, currency);
      bind_text (stmt, 9, purchase_date);
      sqlite3_bind_int64 (stmt, 10, g_rand_int_range (rand, 80, 3000) * scale * (scale == 1 ? 150 : 1));
      bind_text (stmt, 11, now);
      bind_text (stmt, 12, now);
      if (!step_done (self, stmt, error))
        return FALSE;
      pair_id = sqlite3_last_insert_rowid (handle);

      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          stmt = prepare (self, "INSERT OR IGNORE INTO pair_tags (pair_id, tag_id, position) VALUES (?, ?, 0)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, pair_id);
          sqlite3_bind_int64 (stmt, 2, tag_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_ids))]);
          if (!step_done (self, stmt, error))
            return FALSE;
        }

      n_wears = g_rand_int_range (rand, 0, 4);
      for (int w = 0; w < n_wears; w++)
        {
          g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
          g_autoptr(GDateTime) worn = g_date_time_add_days (today, -g_rand_int_range (rand, 1, 400));
          g_autofree char *date = g_date_time_format (worn, "%Y-%m-%d");

          stmt = prepare (self, "INSERT OR IGNORE INTO wears (pair_id, date) VALUES (?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, pair_id);
          bind_text (stmt, 2, date);
          if (!step_done (self, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static void
shoebox_collection_dispose (GObject *object)
{
  ShoeboxCollection *self = SHOEBOX_COLLECTION (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (shoebox_collection_parent_class)->dispose (object);
}

static void
shoebox_collection_class_init (ShoeboxCollectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shoebox_collection_dispose;

  /**
   * ShoeboxCollection::changed:
   *
   * Emitted after every committed change to pairs or the catalogue: views
   * run their query again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
shoebox_collection_init (ShoeboxCollection *self)
{
}

/**
 * shoebox_collection_new:
 * @database: an open database
 *
 * Returns: (transfer full): the repository of pairs and silhouettes
 */
ShoeboxCollection *
shoebox_collection_new (ShoeboxDatabase *database)
{
  ShoeboxCollection *self;

  g_return_val_if_fail (SHOEBOX_IS_DATABASE (database), NULL);

  self = g_object_new (SHOEBOX_TYPE_COLLECTION, NULL);
  self->database = g_object_ref (database);

  return self;
}

/**
 * shoebox_collection_get_database:
 * @self: a #ShoeboxCollection
 *
 * Returns: (transfer none): the database
 */
ShoeboxDatabase *
shoebox_collection_get_database (ShoeboxCollection *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  return self->database;
}

/**
 * shoebox_collection_load_catalogue_data:
 * @self: a #ShoeboxCollection
 * @data: a catalogue as a key file: one group per silhouette with `brand`,
 *   `name`, and optionally `designer`, `release_year`, `retail_price`,
 *   `retail_currency`, `category`, `inspiration`, `notes`, and
 *   `predecessor` (the group of the previous generation)
 * @n_added: (out) (optional): how many silhouettes were new
 * @error: return location for a #GError
 *
 * Adds the silhouettes the catalogue does not have yet, in one
 * transaction; silhouettes it has are left as the user keeps them.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_load_catalogue_data (ShoeboxCollection  *self,
                                        GBytes             *data,
                                        guint              *n_added,
                                        GError            **error)
{
  g_autoptr(GKeyFile) catalogue = g_key_file_new ();
  CatalogueLoad load = { self, catalogue, 0 };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!g_key_file_load_from_bytes (catalogue, data, G_KEY_FILE_NONE, error))
    return FALSE;

  if (!shoebox_database_write (self->database, load_catalogue_in_transaction, &load, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = load.n_added;
  if (load.n_added > 0)
    emit_changed (self);
  return TRUE;
}

/**
 * shoebox_collection_load_starter_catalogue:
 * @self: a #ShoeboxCollection
 * @n_added: (out) (optional): how many silhouettes were added
 * @error: return location for a #GError
 *
 * On the first start, fills the catalogue with the silhouettes Shoebox
 * ships (`data/starter-catalogue.ini`). It runs once per database: what
 * the user later deletes or edits stays deleted or edited.
 *
 * Returns: %TRUE on success, also when it had already run
 */
gboolean
shoebox_collection_load_starter_catalogue (ShoeboxCollection  *self,
                                           guint              *n_added,
                                           GError            **error)
{
  g_autoptr(GKeyFile) catalogue = g_key_file_new ();
  g_autoptr(GBytes) data = NULL;
  CatalogueLoad load = { self, catalogue, 0 };
  StarterLoad starter = { self, &load, FALSE };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);

  if (n_added != NULL)
    *n_added = 0;

  data = g_resources_lookup_data (STARTER_CATALOGUE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (data == NULL || !g_key_file_load_from_bytes (catalogue, data, G_KEY_FILE_NONE, error))
    return FALSE;

  if (!shoebox_database_write (self->database, load_starter_in_transaction, &starter, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = load.n_added;
  if (load.n_added > 0)
    emit_changed (self);
  return TRUE;
}

/**
 * shoebox_collection_get_silhouette:
 * @self: a #ShoeboxCollection
 * @id: a silhouette id
 * @error: return location for a #GError; %G_IO_ERROR_NOT_FOUND when there
 *   is no such silhouette
 *
 * Returns: (transfer full): the silhouette, or %NULL with @error set
 */
ShoeboxSilhouette *
shoebox_collection_get_silhouette (ShoeboxCollection  *self,
                                   gint64              id,
                                   GError            **error)
{
  ShoeboxSilhouette *silhouette;
  sqlite3_stmt *stmt;
  gboolean has_row;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  stmt = prepare (self, "SELECT " SILHOUETTE_COLUMNS SILHOUETTE_FROM " WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The silhouette is no longer in the catalogue"));
      return NULL;
    }

  silhouette = silhouette_from_row (stmt);
  sqlite3_reset (stmt);
  return silhouette;
}

/**
 * shoebox_collection_find_silhouette:
 * @self: a #ShoeboxCollection
 * @brand: (nullable): the brand, or %NULL to look in every brand
 * @name: the silhouette's name, in any case
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the only silhouette of that name,
 *   or %NULL (without an error) when there is none or more than one
 */
ShoeboxSilhouette *
shoebox_collection_find_silhouette (ShoeboxCollection  *self,
                                    const char         *brand,
                                    const char         *name,
                                    GError            **error)
{
  gint64 id;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!find_silhouette_id (self, brand, name, &id, error) || id == 0)
    return NULL;

  return shoebox_collection_get_silhouette (self, id, error);
}

/**
 * shoebox_collection_save_silhouette:
 * @self: a #ShoeboxCollection
 * @silhouette: a silhouette with a brand and a name; id 0 to add it
 * @error: return location for a #GError
 *
 * Adds or updates the silhouette (and its brand, when new) in one
 * transaction, and gives a new silhouette its id.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_save_silhouette (ShoeboxCollection  *self,
                                    ShoeboxSilhouette  *silhouette,
                                    GError            **error)
{
  SilhouetteSave data = { self, silhouette, 0 };
  const char *currency;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (silhouette), FALSE);

  if (shoebox_silhouette_get_name (silhouette) == NULL || shoebox_silhouette_get_brand_name (silhouette) == NULL)
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE,
                   _("A silhouette needs a brand and a name"));
      return FALSE;
    }

  currency = shoebox_silhouette_get_retail_currency (silhouette);
  if ((shoebox_silhouette_get_retail_price (silhouette) >= 0 || currency != NULL)
      && !shoebox_money_is_currency (currency))
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_MONEY,
                   _("A retail price needs a currency such as EUR, USD or JPY"));
      return FALSE;
    }

  if (shoebox_silhouette_get_predecessor_id (silhouette) != 0
      && shoebox_silhouette_get_predecessor_id (silhouette) == shoebox_silhouette_get_id (silhouette))
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_VALUE,
                   _("A silhouette cannot follow itself"));
      return FALSE;
    }

  if (!shoebox_database_write (self->database, save_silhouette_in_transaction, &data, error))
    return FALSE;

  shoebox_silhouette_set_id (silhouette, data.id);
  emit_changed (self);
  return TRUE;
}

/**
 * shoebox_collection_delete_silhouette:
 * @self: a #ShoeboxCollection
 * @id: a silhouette id
 * @error: return location for a #GError; %SHOEBOX_DATABASE_ERROR_CONSTRAINT
 *   when pairs of it are in the collection
 *
 * Returns: %TRUE if the silhouette is gone; its successors then have no
 *   predecessor
 */
gboolean
shoebox_collection_delete_silhouette (ShoeboxCollection  *self,
                                      gint64              id,
                                      GError            **error)
{
  DeleteSilhouette data = { self, id };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);

  if (!shoebox_database_write (self->database, delete_silhouette_in_transaction, &data, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

/**
 * shoebox_collection_list_silhouettes:
 * @self: a #ShoeboxCollection
 * @error: return location for a #GError
 *
 * Returns: (transfer full): every #ShoeboxSilhouette, by brand then name
 */
GListModel *
shoebox_collection_list_silhouettes (ShoeboxCollection  *self,
                                     GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SHOEBOX_TYPE_SILHOUETTE);
  sqlite3_stmt *stmt;
  gboolean has_row;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  stmt = prepare (self,
                  "SELECT " SILHOUETTE_COLUMNS SILHOUETTE_FROM
                  " ORDER BY b.name COLLATE NOCASE, s.name COLLATE NOCASE, s.id",
                  error);
  if (stmt == NULL)
    return NULL;

  while (step_row (self, stmt, &has_row, error))
    {
      g_autoptr(ShoeboxSilhouette) silhouette = NULL;

      if (!has_row)
        {
          sqlite3_reset (stmt);
          return G_LIST_MODEL (g_steal_pointer (&store));
        }
      silhouette = silhouette_from_row (stmt);
      g_list_store_append (store, silhouette);
    }

  return NULL;
}

/**
 * shoebox_collection_list_lineage:
 * @self: a #ShoeboxCollection
 * @silhouette_id: any silhouette of the lineage
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the generations of the silhouette's lineage,
 *   oldest first (Track, Track 2.0, Track 3), the silhouette included
 */
GListModel *
shoebox_collection_list_lineage (ShoeboxCollection  *self,
                                 gint64              silhouette_id,
                                 GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SHOEBOX_TYPE_SILHOUETTE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 root = silhouette_id;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  /* Up to the first generation; the seen set stops a loop a user made. */
  for (;;)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = shoebox_collection_get_silhouette (self, root, error);
      gint64 predecessor;

      if (silhouette == NULL)
        return NULL;
      g_hash_table_add (seen, g_memdup2 (&root, sizeof root));
      predecessor = shoebox_silhouette_get_predecessor_id (silhouette);
      if (predecessor == 0 || g_hash_table_contains (seen, &predecessor))
        break;
      root = predecessor;
    }

  /* Then down, generation by generation. */
  g_hash_table_remove_all (seen);
  g_array_append_val (queue, root);
  g_hash_table_add (seen, g_memdup2 (&root, sizeof root));
  for (guint i = 0; i < queue->len; i++)
    {
      gint64 id = g_array_index (queue, gint64, i);
      g_autoptr(ShoeboxSilhouette) silhouette = shoebox_collection_get_silhouette (self, id, error);
      g_autoptr(GArray) successors = NULL;
      sqlite3_stmt *stmt;

      if (silhouette == NULL)
        return NULL;
      g_list_store_append (store, silhouette);

      stmt = prepare (self,
                      "SELECT id FROM silhouettes WHERE predecessor_id = ?"
                      " ORDER BY release_year NULLS LAST, id",
                      error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      successors = query_ids (self, stmt, error);
      if (successors == NULL)
        return NULL;
      for (guint j = 0; j < successors->len; j++)
        {
          gint64 successor = g_array_index (successors, gint64, j);

          if (g_hash_table_contains (seen, &successor))
            continue;
          g_hash_table_add (seen, g_memdup2 (&successor, sizeof successor));
          g_array_append_val (queue, successor);
        }
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * shoebox_collection_list_brands:
 * @self: a #ShoeboxCollection
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the brands of the catalogue, by name
 */
char **
shoebox_collection_list_brands (ShoeboxCollection  *self,
                                GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  stmt = prepare (self, "SELECT name FROM brands ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;

  return query_strv (self, stmt, error);
}

/**
 * shoebox_collection_list_tags:
 * @self: a #ShoeboxCollection
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the tags some pair carries, by name
 */
char **
shoebox_collection_list_tags (ShoeboxCollection  *self,
                              GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  stmt = prepare (self,
                  "SELECT name FROM tags WHERE id IN (SELECT tag_id FROM pair_tags)"
                  " ORDER BY name COLLATE NOCASE, name",
                  error);
  if (stmt == NULL)
    return NULL;

  return query_strv (self, stmt, error);
}

/**
 * shoebox_collection_get_pair:
 * @self: a #ShoeboxCollection
 * @id: a pair id
 * @error: return location for a #GError; %G_IO_ERROR_NOT_FOUND when there
 *   is no such pair
 *
 * Returns: (transfer full): the pair with its tags and wear log
 */
ShoeboxPair *
shoebox_collection_get_pair (ShoeboxCollection  *self,
                             gint64              id,
                             GError            **error)
{
  g_autoptr(ShoeboxPair) pair = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) wears = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  stmt = prepare (self, "SELECT " PAIR_COLUMNS PAIR_FROM " WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The pair is no longer in the collection"));
      return NULL;
    }
  pair = pair_from_row (stmt);
  sqlite3_reset (stmt);

  stmt = prepare (self,
                  "SELECT t.name FROM pair_tags pt JOIN tags t ON t.id = pt.tag_id"
                  " WHERE pt.pair_id = ? ORDER BY pt.position, t.name",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  tags = query_strv (self, stmt, error);
  if (tags == NULL)
    return NULL;
  shoebox_pair_set_tags (pair, (const char * const *) tags);

  stmt = prepare (self, "SELECT date FROM wears WHERE pair_id = ? ORDER BY date", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  wears = query_strv (self, stmt, error);
  if (wears == NULL)
    return NULL;
  shoebox_pair_set_wear_dates (pair, (const char * const *) wears);

  return g_steal_pointer (&pair);
}

/**
 * shoebox_collection_save_pair:
 * @self: a #ShoeboxCollection
 * @pair: the pair; id 0 to add it
 * @error: return location for a #GError
 *
 * Validates the pair (shoebox_pair_validate()) and saves it in one
 * transaction: the pair, its tags, and for a new pair its wear log. A
 * silhouette the catalogue lacks is added (this needs a brand). On
 * success @pair gets its id, timestamps and the catalogue's spelling of
 * its silhouette and brand; on failure nothing was written.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_save_pair (ShoeboxCollection  *self,
                              ShoeboxPair        *pair,
                              GError            **error)
{
  SaveData data = { self, pair, { 0 } };
  gboolean saved;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_PAIR (pair), FALSE);

  if (!shoebox_pair_validate (pair, error))
    return FALSE;

  saved = shoebox_database_write (self->database, save_pair_in_transaction, &data, error);
  if (saved)
    apply_saved (pair, &data.saved);
  saved_pair_clear (&data.saved);
  if (!saved)
    return FALSE;

  emit_changed (self);
  return TRUE;
}

/* Adds a pair inside a transaction the caller runs: the CSV import
 * writes all its rows in one.
 */
gboolean
_shoebox_collection_insert_pair (ShoeboxCollection  *self,
                                 ShoeboxPair        *pair,
                                 GError            **error)
{
  SavedPair saved = { 0 };
  gboolean inserted;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (shoebox_pair_get_id (pair) == 0, FALSE);

  inserted = write_pair (self, pair, FALSE, &saved, error);
  if (inserted)
    apply_saved (pair, &saved);
  saved_pair_clear (&saved);
  return inserted;
}

/**
 * shoebox_collection_duplicate_pair:
 * @self: a #ShoeboxCollection
 * @id: the pair to copy
 * @error: return location for a #GError
 *
 * Adds a copy of the pair with its tags and photos, but not its wear
 * log: the copy is another physical pair.
 *
 * Returns: (transfer full): the new pair, or %NULL with @error set
 */
ShoeboxPair *
shoebox_collection_duplicate_pair (ShoeboxCollection  *self,
                                   gint64              id,
                                   GError            **error)
{
  g_autoptr(ShoeboxPair) original = NULL;
  g_autoptr(ShoeboxPair) copy = NULL;
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(ShoeboxDeletion) deletion = NULL;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  original = shoebox_collection_get_pair (self, id, error);
  if (original == NULL)
    return NULL;
  photos = list_photos (self, id, error);
  if (photos == NULL)
    return NULL;

  copy = shoebox_pair_copy (original);
  shoebox_pair_set_id (copy, 0);
  shoebox_pair_set_wear_dates (copy, NULL);
  shoebox_pair_set_created_at (copy, NULL);
  shoebox_pair_set_updated_at (copy, NULL);

  /* A restore of a pair that never was: the same path writes the row,
   * its tags and its photos in one transaction.
   */
  deletion = g_new0 (ShoeboxDeletion, 1);
  g_atomic_ref_count_init (&deletion->ref_count);
  deletion->pairs = g_ptr_array_new_with_free_func (g_object_unref);
  deletion->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_add (deletion->pairs, g_object_ref (copy));
  g_ptr_array_add (deletion->photos, g_steal_pointer (&photos));

  {
    g_autoptr(GArray) saved = g_array_new (FALSE, TRUE, sizeof (SavedPair));
    RestoreData data = { self, deletion, saved };

    g_array_set_clear_func (saved, (GDestroyNotify) saved_pair_clear);
    if (!shoebox_database_write (self->database, restore_pairs_in_transaction, &data, error))
      return NULL;
    apply_saved (copy, &g_array_index (saved, SavedPair, 0));
  }

  emit_changed (self);
  return g_steal_pointer (&copy);
}

/**
 * shoebox_collection_delete_pairs:
 * @self: a #ShoeboxCollection
 * @ids: (array length=n_ids): the pairs to delete
 * @n_ids: how many
 * @error: return location for a #GError
 *
 * Deletes the pairs with their tags, wear logs and photo rows in one
 * transaction (photo files stay: another pair may show the same image,
 * and Undo needs them). Ids not in the collection are skipped.
 *
 * Returns: (transfer full): what shoebox_collection_restore_pairs() needs
 *   to put the pairs back, or %NULL with @error set
 */
ShoeboxDeletion *
shoebox_collection_delete_pairs (ShoeboxCollection  *self,
                                 const gint64       *ids,
                                 guint               n_ids,
                                 GError            **error)
{
  g_autoptr(ShoeboxDeletion) deletion = NULL;
  DeleteData data = { self, ids, n_ids, NULL };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  deletion = g_new0 (ShoeboxDeletion, 1);
  g_atomic_ref_count_init (&deletion->ref_count);
  deletion->pairs = g_ptr_array_new_with_free_func (g_object_unref);
  deletion->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  data.deletion = deletion;

  if (!shoebox_database_write (self->database, delete_pairs_in_transaction, &data, error))
    return NULL;

  if (deletion->pairs->len > 0)
    emit_changed (self);
  return g_steal_pointer (&deletion);
}

/**
 * shoebox_collection_restore_pairs:
 * @self: a #ShoeboxCollection
 * @deletion: what shoebox_collection_delete_pairs() returned
 * @error: return location for a #GError
 *
 * Undo: puts the deleted pairs back under their own ids, with every field,
 * tag, wear and photo row, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_restore_pairs (ShoeboxCollection  *self,
                                  ShoeboxDeletion    *deletion,
                                  GError            **error)
{
  g_autoptr(GArray) saved = g_array_new (FALSE, TRUE, sizeof (SavedPair));
  RestoreData data = { self, deletion, saved };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (deletion != NULL, FALSE);

  g_array_set_clear_func (saved, (GDestroyNotify) saved_pair_clear);
  if (!shoebox_database_write (self->database, restore_pairs_in_transaction, &data, error))
    return FALSE;

  if (deletion->pairs->len > 0)
    emit_changed (self);
  return TRUE;
}

/**
 * shoebox_collection_count_pairs:
 * @self: a #ShoeboxCollection
 * @error: return location for a #GError
 *
 * Returns: how many pairs the collection has (0 with @error set on failure)
 */
guint
shoebox_collection_count_pairs (ShoeboxCollection  *self,
                                GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), 0);

  stmt = prepare (self, "SELECT count(*) FROM pairs", error);
  if (stmt == NULL || !query_int64 (self, stmt, &count, error))
    return 0;

  return (guint) count;
}

/**
 * shoebox_collection_log_wear:
 * @self: a #ShoeboxCollection
 * @ids: (array length=n_ids): the pairs worn
 * @n_ids: how many
 * @date: (nullable): the day, `YYYY-MM-DD`, or %NULL for today
 * @error: return location for a #GError
 *
 * "Worn Today" for a selection, in one transaction. A pair worn twice on
 * one day counts one wear.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_log_wear (ShoeboxCollection  *self,
                             const gint64       *ids,
                             guint               n_ids,
                             const char         *date,
                             GError            **error)
{
  g_autofree char *today = NULL;
  WearData data = { self, ids, n_ids, date, FALSE };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (date == NULL)
    data.date = today = shoebox_date_dup_today ();
  else if (!shoebox_date_validate (date, NULL, error))
    return FALSE;

  if (!shoebox_database_write (self->database, wear_in_transaction, &data, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

/**
 * shoebox_collection_remove_wear:
 * @self: a #ShoeboxCollection
 * @pair_id: a pair
 * @date: a day of its wear log
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success, also when the day was not logged
 */
gboolean
shoebox_collection_remove_wear (ShoeboxCollection  *self,
                                gint64              pair_id,
                                const char         *date,
                                GError            **error)
{
  WearData data = { self, &pair_id, 1, date, TRUE };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!shoebox_database_write (self->database, wear_in_transaction, &data, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

/**
 * shoebox_collection_add_photo:
 * @self: a #ShoeboxCollection
 * @pair_id: a pair
 * @file_name: the photo's content-hash file name in the photos folder
 * @is_side_profile: make it the pair's side profile (the previous one
 *   stops being it)
 * @error: return location for a #GError
 *
 * Records a photo already copied into the photos folder, after the
 * pair's other photos. The same file twice is recorded once.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_add_photo (ShoeboxCollection  *self,
                              gint64              pair_id,
                              const char         *file_name,
                              gboolean            is_side_profile,
                              GError            **error)
{
  PhotoData data = { self, pair_id, file_name, is_side_profile, PHOTO_ADD };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (file_name != NULL, FALSE);

  if (!shoebox_database_write (self->database, photo_in_transaction, &data, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

gboolean
shoebox_collection_remove_photo (ShoeboxCollection  *self,
                                 gint64              pair_id,
                                 const char         *file_name,
                                 GError            **error)
{
  PhotoData data = { self, pair_id, file_name, FALSE, PHOTO_REMOVE };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (file_name != NULL, FALSE);

  if (!shoebox_database_write (self->database, photo_in_transaction, &data, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

gboolean
shoebox_collection_set_side_profile (ShoeboxCollection  *self,
                                     gint64              pair_id,
                                     const char         *file_name,
                                     GError            **error)
{
  PhotoData data = { self, pair_id, file_name, TRUE, PHOTO_SIDE_PROFILE };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (file_name != NULL, FALSE);

  if (!shoebox_database_write (self->database, photo_in_transaction, &data, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

/**
 * shoebox_collection_list_photos:
 * @self: a #ShoeboxCollection
 * @pair_id: a pair
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ShoeboxPhotoRow): the pair's
 *   photos in order
 */
GPtrArray *
shoebox_collection_list_photos (ShoeboxCollection  *self,
                                gint64              pair_id,
                                GError            **error)
{
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  return list_photos (self, pair_id, error);
}

/**
 * shoebox_collection_search:
 * @self: a #ShoeboxCollection
 * @query: (nullable): what to find; %NULL for every pair
 * @error: return location for a #GError
 *
 * One query, whatever the size of the collection: the model reads a pair
 * only when asked for it.
 *
 * Returns: (transfer full): a #GListModel of #ShoeboxPair
 */
GListModel *
shoebox_collection_search (ShoeboxCollection       *self,
                           const ShoeboxPairQuery  *query,
                           GError                 **error)
{
  GArray *ids;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  ids = search_ids (self, query, error);
  if (ids == NULL)
    return NULL;

  return G_LIST_MODEL (shoebox_pair_list_new (self, ids));
}

/**
 * shoebox_collection_search_into:
 * @self: a #ShoeboxCollection
 * @query: (nullable): what to find; %NULL for every pair
 * @list: a list shoebox_collection_search() returned
 * @error: return location for a #GError
 *
 * Runs @query again into the same model, which emits one
 * #GListModel::items-changed: search as you type without a new model
 * per keystroke.
 *
 * Returns: %TRUE on success; on failure @list is left as it was
 */
gboolean
shoebox_collection_search_into (ShoeboxCollection       *self,
                                const ShoeboxPairQuery  *query,
                                GListModel              *list,
                                GError                 **error)
{
  GArray *ids;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_PAIR_LIST (list), FALSE);

  ids = search_ids (self, query, error);
  if (ids == NULL)
    return FALSE;

  shoebox_pair_list_replace (SHOEBOX_PAIR_LIST (list), ids);
  return TRUE;
}

/**
 * shoebox_collection_list_not_worn_since:
 * @self: a #ShoeboxCollection
 * @date: a day, `YYYY-MM-DD`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the owned pairs with no wear after @date,
 *   never-worn ones first, then the longest unworn
 */
GListModel *
shoebox_collection_list_not_worn_since (ShoeboxCollection  *self,
                                        const char         *date,
                                        GError            **error)
{
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  return list_from_query (self,
                          "SELECT p.id FROM pairs p WHERE p.status = 'Owned'"
                          " AND NOT EXISTS (SELECT 1 FROM wears w WHERE w.pair_id = p.id AND w.date > ?1)"
                          " ORDER BY " LAST_WORN " ASC NULLS FIRST, p.id",
                          date, error);
}

/**
 * shoebox_collection_compute_statistics:
 * @self: a #ShoeboxCollection
 * @today: (nullable): the day to count the 90 days back from, or %NULL
 *   for today
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the figures of the statistics view
 */
ShoeboxStatistics *
shoebox_collection_compute_statistics (ShoeboxCollection  *self,
                                       const char         *today,
                                       GError            **error)
{
  g_autoptr(ShoeboxStatistics) statistics = g_new0 (ShoeboxStatistics, 1);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;
  gint64 count;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  statistics->totals = g_ptr_array_new_with_free_func (currency_total_free);
  statistics->by_brand = g_ptr_array_new_with_free_func (statistics_count_free);

  if (today == NULL)
    today = now = shoebox_date_dup_today ();

  stmt = prepare (self, "SELECT " STATUS_INDEX ", count(*) FROM pairs p GROUP BY 1", error);
  if (stmt == NULL)
    return NULL;
  for (;;)
    {
      if (!step_row (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      statistics->n_by_status[sqlite3_column_int (stmt, 0)] = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  stmt = prepare (self, "SELECT " CONDITION_INDEX ", count(*) FROM pairs p WHERE p.status = 'Owned' GROUP BY 1", error);
  if (stmt == NULL)
    return NULL;
  for (;;)
    {
      if (!step_row (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      statistics->n_by_condition[sqlite3_column_int (stmt, 0)] = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  stmt = prepare (self,
                  "SELECT currency, coalesce (sum (price_paid), 0), coalesce (sum (estimated_value), 0), count(*)"
                  " FROM pairs WHERE status = 'Owned' AND currency IS NOT NULL"
                  " AND (price_paid IS NOT NULL OR estimated_value IS NOT NULL)"
                  " GROUP BY currency ORDER BY currency",
                  error);
  if (stmt == NULL)
    return NULL;
  for (;;)
    {
      ShoeboxCurrencyTotal *total;

      if (!step_row (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      total = g_new0 (ShoeboxCurrencyTotal, 1);

      total->currency = g_strdup (column_text (stmt, 0));
      total->paid = sqlite3_column_int64 (stmt, 1);
      total->estimated = sqlite3_column_int64 (stmt, 2);
      total->n_pairs = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (statistics->totals, total);
    }
  sqlite3_reset (stmt);

  stmt = prepare (self,
                  "SELECT b.name, count(*)" PAIR_FROM " WHERE p.status = 'Owned'"
                  " GROUP BY b.id ORDER BY count(*) DESC, b.name COLLATE NOCASE",
                  error);
  if (stmt == NULL)
    return NULL;
  for (;;)
    {
      ShoeboxStatisticsCount *brand;

      if (!step_row (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      brand = g_new0 (ShoeboxStatisticsCount, 1);
      brand->label = g_strdup (column_text (stmt, 0));
      brand->count = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (statistics->by_brand, brand);
    }
  sqlite3_reset (stmt);

  stmt = prepare (self,
                  "SELECT p.id FROM pairs p JOIN wears w ON w.pair_id = p.id WHERE p.status = 'Owned'"
                  " GROUP BY p.id ORDER BY count(*) DESC, max (w.date) DESC, p.id"
                  " LIMIT " G_STRINGIFY (SHOEBOX_STATISTICS_N_WORN),
                  error);
  if (stmt == NULL || (ids = query_ids (self, stmt, error)) == NULL)
    return NULL;
  statistics->most_worn = load_pairs (self, ids, error);
  if (statistics->most_worn == NULL)
    return NULL;
  g_clear_pointer (&ids, g_array_unref);

  stmt = prepare (self,
                  "SELECT p.id FROM pairs p WHERE p.status = 'Owned'"
                  " ORDER BY " WEAR_COUNT ", " LAST_WORN " ASC NULLS FIRST, p.id"
                  " LIMIT " G_STRINGIFY (SHOEBOX_STATISTICS_N_WORN),
                  error);
  if (stmt == NULL || (ids = query_ids (self, stmt, error)) == NULL)
    return NULL;
  statistics->least_worn = load_pairs (self, ids, error);
  if (statistics->least_worn == NULL)
    return NULL;

  stmt = prepare (self,
                  "SELECT count(*) FROM pairs p WHERE p.status = 'Owned'"
                  " AND NOT EXISTS (SELECT 1 FROM wears w WHERE w.pair_id = p.id"
                  "                 AND w.date > date (?, '-" G_STRINGIFY (SHOEBOX_STATISTICS_RECENT_DAYS) " days'))",
                  error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, today);
  if (!query_int64 (self, stmt, &count, error))
    return NULL;
  statistics->n_not_worn_recently = (guint) count;

  return g_steal_pointer (&statistics);
}

void
shoebox_statistics_free (ShoeboxStatistics *statistics)
{
  if (statistics == NULL)
    return;

  g_clear_pointer (&statistics->totals, g_ptr_array_unref);
  g_clear_pointer (&statistics->by_brand, g_ptr_array_unref);
  g_clear_pointer (&statistics->most_worn, g_ptr_array_unref);
  g_clear_pointer (&statistics->least_worn, g_ptr_array_unref);
  g_free (statistics);
}

void
shoebox_photo_row_free (ShoeboxPhotoRow *row)
{
  if (row == NULL)
    return;

  g_free (row->file_name);
  g_free (row);
}

ShoeboxDeletion *
shoebox_deletion_ref (ShoeboxDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, NULL);

  g_atomic_ref_count_inc (&deletion->ref_count);
  return deletion;
}

void
shoebox_deletion_unref (ShoeboxDeletion *deletion)
{
  g_return_if_fail (deletion != NULL);

  if (g_atomic_ref_count_dec (&deletion->ref_count))
    {
      g_ptr_array_unref (deletion->pairs);
      g_ptr_array_unref (deletion->photos);
      g_free (deletion);
    }
}

/**
 * shoebox_deletion_get_n_pairs:
 * @deletion: a #ShoeboxDeletion
 *
 * Returns: how many pairs were deleted: the toast says it
 */
guint
shoebox_deletion_get_n_pairs (ShoeboxDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, 0);

  return deletion->pairs->len;
}

/**
 * shoebox_collection_generate_pairs:
 * @self: a #ShoeboxCollection
 * @n_pairs: how many pairs to add
 * @seed: the seed of the generator: the same seed makes the same pairs
 * @error: return location for a #GError
 *
 * Fills the collection with made-up pairs of the catalogue's silhouettes
 * (loading the starter catalogue first), in one transaction: the
 * benchmark's 100,000 pairs take a few seconds. Not for users.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_generate_pairs (ShoeboxCollection  *self,
                                   guint               n_pairs,
                                   guint32             seed,
                                   GError            **error)
{
  GenerateData data = { self, n_pairs, seed };
  gboolean written;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);

  if (!shoebox_collection_load_starter_catalogue (self, NULL, error))
    return FALSE;

  /* A page cache that holds the whole transaction: otherwise SQLite
   * spills to the WAL again and again while the FTS index grows.
   */
  if (!shoebox_database_exec (self->database, "PRAGMA cache_size = -262144", error))
    return FALSE;
  written = shoebox_database_write (self->database, generate_in_transaction, &data, error);
  shoebox_database_exec (self->database, "PRAGMA cache_size = -2000", NULL);
  if (!written)
    return FALSE;

  emit_changed (self);
  return TRUE;
}
