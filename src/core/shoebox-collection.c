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

G_DEFINE_FINAL_TYPE (ShoeboxCollection, shoebox_collection, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


void
_shoebox_collection_saved_pair_clear (SavedPair *saved)
{
  g_clear_pointer (&saved->silhouette_name, g_free);
  g_clear_pointer (&saved->brand_name, g_free);
  g_clear_pointer (&saved->created_at, g_free);
  g_clear_pointer (&saved->updated_at, g_free);
}

char *
_shoebox_collection_dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
_shoebox_collection_emit_changed (ShoeboxCollection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Runs @func in one transaction and, once it committed, tells the views
 * the collection changed: every write that changes what they show ends
 * this way. */
gboolean
_shoebox_collection_write (ShoeboxCollection         *self,
                           ShoeboxDatabaseWriteFunc   func,
                           gpointer                   user_data,
                           GError                   **error)
{
  if (!shoebox_database_write (self->database, func, user_data, error))
    return FALSE;

  _shoebox_collection_emit_changed (self);
  return TRUE;
}

gboolean
_shoebox_collection_ensure_brand (ShoeboxCollection  *self,
                                  const char         *name,
                                  gint64             *brand_id,
                                  GError            **error)
{
  g_autoptr(ShoeboxStatement) stmt = NULL;

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_BRAND_IF_NEW, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_text (stmt, 1, name);
  if (!shoebox_database_step_done (self->database, stmt, error))
    return FALSE;

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_BRAND_ID_BY_NAME, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_text (stmt, 1, name);
  return shoebox_database_query_int64 (self->database, stmt, brand_id, error);
}

/* The silhouette a pair names: the exact name first, then a match in any
 * case, as long as only one silhouette matches. 0 when there is none.
 */
gboolean
_shoebox_collection_find_silhouette_id (ShoeboxCollection  *self,
                                        const char         *brand,
                                        const char         *name,
                                        gint64             *silhouette_id,
                                        GError            **error)
{
  static const CollectionSql with_brand[] = {
    COLLECTION_SQL_FIND_SILHOUETTE_OF_BRAND,
    COLLECTION_SQL_FIND_SILHOUETTE_OF_BRAND_NOCASE,
  };
  static const CollectionSql without_brand[] = {
    COLLECTION_SQL_FIND_SILHOUETTE,
    COLLECTION_SQL_FIND_SILHOUETTE_NOCASE,
  };
  const CollectionSql *queries = brand != NULL ? with_brand : without_brand;

  *silhouette_id = 0;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GArray) ids = NULL;
      g_autoptr(ShoeboxStatement) stmt = _shoebox_collection_statement (self, queries[i], error);

      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_text (stmt, 1, brand);
      shoebox_statement_bind_text (stmt, 2, name);
      ids = shoebox_database_query_ids (self->database, stmt, error);
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
gboolean
_shoebox_collection_resolve_silhouette (ShoeboxCollection  *self,
                                        ShoeboxPair        *pair,
                                        gint64             *silhouette_id,
                                        GError            **error)
{
  const char *name = shoebox_pair_get_silhouette_name (pair);
  const char *brand = shoebox_pair_get_brand_name (pair);
  gint64 id = shoebox_pair_get_silhouette_id (pair);
  gint64 brand_id;
  g_autoptr(ShoeboxStatement) stmt = NULL;

  if (id > 0)
    {
      gint64 found;

      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_SILHOUETTE_EXISTS, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, id);
      if (!shoebox_database_query_int64 (self->database, stmt, &found, error))
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

  if (!_shoebox_collection_find_silhouette_id (self, brand, name, &id, error))
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

  if (!_shoebox_collection_ensure_brand (self, brand, &brand_id, error))
    return FALSE;

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_SILHOUETTE, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, brand_id);
  shoebox_statement_bind_text (stmt, 2, name);
  if (!shoebox_database_step_done (self->database, stmt, error))
    return FALSE;

  *silhouette_id = shoebox_database_last_insert_id (self->database);
  return TRUE;
}

/* The id of the tag @name, added when it is new. */
gboolean
_shoebox_collection_ensure_tag (ShoeboxCollection  *self,
                                const char         *name,
                                gint64             *tag_id,
                                GError            **error)
{
  g_autoptr(ShoeboxStatement) stmt = NULL;

  /* Most tags exist already: looked up first, a tag costs one
   * statement, not an insert that does nothing and then a lookup. The
   * caller's write transaction keeps any other writer out in between.
   */
  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_TAG_ID_OR_ZERO, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_text (stmt, 1, name);
  if (!shoebox_database_query_int64 (self->database, stmt, tag_id, error))
    return FALSE;
  if (*tag_id != 0)
    return TRUE;

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_TAG, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_text (stmt, 1, name);
  if (!shoebox_database_step_done (self->database, stmt, error))
    return FALSE;
  *tag_id = shoebox_database_last_insert_id (self->database);
  return TRUE;
}

static gboolean
write_tags (ShoeboxCollection   *self,
            gint64               pair_id,
            const char * const  *tags,
            gboolean             replace,
            GError             **error)
{
  g_autoptr(ShoeboxStatement) stmt = NULL;

  if (replace)
    {
      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_DELETE_PAIR_TAGS, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, pair_id);
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      gint64 tag_id;

      if (!_shoebox_collection_ensure_tag (self, tags[i], &tag_id, error))
        return FALSE;

      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_PAIR_TAG, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, pair_id);
      shoebox_statement_bind_int64 (stmt, 2, tag_id);
      shoebox_statement_bind_int64 (stmt, 3, (int) i);
      if (!shoebox_database_step_done (self->database, stmt, error))
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
      g_autoptr(ShoeboxStatement) stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_WEAR, error);

      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, pair_id);
      shoebox_statement_bind_text (stmt, 2, dates[i]);
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Parameters 2 to 18 of an insert or update of a pair: every field but
 * its id and timestamps. The pair's own strings are bound without a copy:
 * the caller steps the statement before it changes or drops the pair.
 */
void
_shoebox_collection_bind_pair_fields (ShoeboxStatement *stmt,
                                      ShoeboxPair      *pair,
                                      gint64            silhouette_id)
{
  g_autofree char *extras = shoebox_list_join (shoebox_pair_get_extras (pair));

  shoebox_statement_bind_int64 (stmt, 2, silhouette_id);
  shoebox_statement_bind_kept_text (stmt, 3, shoebox_pair_get_colorway (pair));
  shoebox_statement_bind_kept_text (stmt, 4, shoebox_pair_get_official_colorway (pair));
  shoebox_statement_bind_kept_text (stmt, 5, shoebox_pair_get_style_code (pair));
  shoebox_statement_bind_kept_text (stmt, 6, shoebox_pair_get_size (pair));
  shoebox_statement_bind_kept_text (stmt, 7, shoebox_size_system_to_string (shoebox_pair_get_size_system (pair)));
  shoebox_statement_bind_kept_text (stmt, 8, shoebox_condition_to_string (shoebox_pair_get_condition (pair)));
  shoebox_statement_bind_kept_text (stmt, 9, shoebox_box_to_string (shoebox_pair_get_box (pair)));
  shoebox_statement_bind_text (stmt, 10, extras[0] != '\0' ? extras : NULL);
  shoebox_statement_bind_kept_text (stmt, 11, shoebox_status_to_string (shoebox_pair_get_status (pair)));
  shoebox_statement_bind_optional_int64 (stmt, 12, shoebox_pair_get_price_paid (pair), -1);
  shoebox_statement_bind_kept_text (stmt, 13, shoebox_pair_get_currency (pair));
  shoebox_statement_bind_kept_text (stmt, 14, shoebox_pair_get_purchase_date (pair));
  shoebox_statement_bind_kept_text (stmt, 15, shoebox_pair_get_where_bought (pair));
  shoebox_statement_bind_optional_int64 (stmt, 16, shoebox_pair_get_estimated_value (pair), -1);
  shoebox_statement_bind_kept_text (stmt, 17, shoebox_pair_get_storage_location (pair));
  shoebox_statement_bind_kept_text (stmt, 18, shoebox_pair_get_notes (pair));
}

/* Writes one pair inside the caller's transaction. A pair without an id
 * (or one being restored) is inserted with its tags and wear log; an
 * existing pair is updated with its tags, and its wear log is left to
 * shoebox_collection_log_wear(), so a save never loses a wear logged
 * while the editor was open.
 */
gboolean
_shoebox_collection_write_pair (ShoeboxCollection  *self,
                                ShoeboxPair        *pair,
                                gboolean            restore,
                                SavedPair          *saved,
                                GError            **error)
{
  gint64 id = shoebox_pair_get_id (pair);
  gboolean insert = restore || id == 0;
  g_autofree char *now = _shoebox_collection_dup_now ();
  sqlite3 *handle = shoebox_database_get_handle (self->database);
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean has_row;

  if (!_shoebox_collection_resolve_silhouette (self, pair, &saved->silhouette_id, error))
    return FALSE;

  if (insert)
    {
      const char *created_at = restore ? shoebox_pair_get_created_at (pair) : NULL;
      const char *updated_at = restore ? shoebox_pair_get_updated_at (pair) : NULL;

      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_PAIR,
                      error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_optional_int64 (stmt, 1, restore ? id : 0, 0);
      _shoebox_collection_bind_pair_fields (stmt, pair, saved->silhouette_id);
      shoebox_statement_bind_text (stmt, 19, created_at != NULL ? created_at : now);
      shoebox_statement_bind_text (stmt, 20, updated_at != NULL ? updated_at : now);
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (handle);

      if (!write_tags (self, id, shoebox_pair_get_tags (pair), FALSE, error)
          || !write_wears (self, id, shoebox_pair_get_wear_dates (pair), error))
        return FALSE;
    }
  else
    {
      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_UPDATE_PAIR,
                      error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, id);
      _shoebox_collection_bind_pair_fields (stmt, pair, saved->silhouette_id);
      shoebox_statement_bind_text (stmt, 19, now);
      if (!shoebox_database_step_done (self->database, stmt, error))
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

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_SAVED_PAIR, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, id);
  if (!shoebox_database_step_row (self->database, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      saved->silhouette_name = g_strdup (shoebox_statement_column_text (stmt, 0));
      saved->brand_name = g_strdup (shoebox_statement_column_text (stmt, 1));
      saved->created_at = g_strdup (shoebox_statement_column_text (stmt, 2));
      saved->updated_at = g_strdup (shoebox_statement_column_text (stmt, 3));
    }

  saved->id = id;
  return TRUE;
}

void
_shoebox_collection_apply_saved (ShoeboxPair     *pair,
                                 const SavedPair *saved)
{
  shoebox_pair_set_id (pair, saved->id);
  shoebox_pair_set_silhouette_id (pair, saved->silhouette_id);
  shoebox_pair_set_silhouette_name (pair, saved->silhouette_name);
  shoebox_pair_set_brand_name (pair, saved->brand_name);
  shoebox_pair_set_created_at (pair, saved->created_at);
  shoebox_pair_set_updated_at (pair, saved->updated_at);
}

void
shoebox_photo_row_free (ShoeboxPhotoRow *row)
{
  if (row == NULL)
    return;

  g_free (row->file_name);
  g_free (row);
}

GPtrArray *
_shoebox_collection_list_photos (ShoeboxCollection  *self,
                                 gint64              pair_id,
                                 GError            **error)
{
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) shoebox_photo_row_free);
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean has_row;

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_LIST_PHOTOS,
                  error);
  if (stmt == NULL)
    return NULL;
  shoebox_statement_bind_int64 (stmt, 1, pair_id);

  while (shoebox_database_step_row (self->database, stmt, &has_row, error))
    {
      ShoeboxPhotoRow *row;

      if (!has_row)
        {
          return g_steal_pointer (&photos);
        }

      row = g_new0 (ShoeboxPhotoRow, 1);
      row->file_name = g_strdup (shoebox_statement_column_text (stmt, 0));
      row->is_side_profile = shoebox_statement_column_int (stmt, 1) != 0;
      row->position = shoebox_statement_column_int (stmt, 2);
      g_ptr_array_add (photos, row);
    }

  return NULL;
}

gboolean
_shoebox_collection_write_photo (ShoeboxCollection      *self,
                                 gint64                  pair_id,
                                 const ShoeboxPhotoRow  *row,
                                 GError                **error)
{
  g_autoptr(ShoeboxStatement) stmt = NULL;

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_PHOTO,
                  error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, pair_id);
  shoebox_statement_bind_text (stmt, 2, row->file_name);
  shoebox_statement_bind_int64 (stmt, 3, row->is_side_profile ? 1 : 0);
  shoebox_statement_bind_int64 (stmt, 4, row->position);
  return shoebox_database_step_done (self->database, stmt, error);
}


static gboolean
save_pair_in_transaction (ShoeboxDatabase  *database,
                          gpointer          user_data,
                          GError          **error)
{
  SaveData *data = user_data;

  return _shoebox_collection_write_pair (data->self, data->pair, FALSE, &data->saved, error);
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
    _shoebox_collection_apply_saved (pair, &data.saved);
  _shoebox_collection_saved_pair_clear (&data.saved);
  if (!saved)
    return FALSE;

  _shoebox_collection_emit_changed (self);
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

  inserted = _shoebox_collection_write_pair (self, pair, FALSE, &saved, error);
  if (inserted)
    _shoebox_collection_apply_saved (pair, &saved);
  _shoebox_collection_saved_pair_clear (&saved);
  return inserted;
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
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gint64 count = 0;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), 0);

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_COUNT_PAIRS, error);
  if (stmt == NULL || !shoebox_database_query_int64 (self->database, stmt, &count, error))
    return 0;

  return (guint) count;
}


