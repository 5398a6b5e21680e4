/* shoebox-collection-read.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-collection"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-collection-private.h"

/* Reading many pairs at once: a keystroke that shows other pairs in the
 * grid's cells reads them all, and three queries for all of them cost a
 * fraction of three for each.
 */

/* The array holds NULL for a pair that is gone. */
static void
unref_pair (gpointer pair)
{
  if (pair != NULL)
    g_object_unref (pair);
}

/* The ids as a JSON array, which json_each() turns back into rows: one
 * parameter, whatever the number of ids.
 */
static char *
ids_to_json (const gint64 *ids,
             guint         n_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static ShoeboxPair *
pair_from_row (ShoeboxStatement *stmt)
{
  ShoeboxPair *pair = shoebox_pair_new ();
  g_auto(GStrv) extras = shoebox_list_split (shoebox_statement_column_text (stmt, 11));
  ShoeboxSizeSystem size_system = SHOEBOX_SIZE_SYSTEM_NONE;
  ShoeboxCondition condition = SHOEBOX_CONDITION_NONE;
  ShoeboxBox box = SHOEBOX_BOX_UNKNOWN;
  ShoeboxStatus status = SHOEBOX_STATUS_OWNED;

  shoebox_size_system_from_string (shoebox_statement_column_text (stmt, 8), &size_system);
  shoebox_condition_from_string (shoebox_statement_column_text (stmt, 9), &condition);
  shoebox_box_from_string (shoebox_statement_column_text (stmt, 10), &box);
  shoebox_status_from_string (shoebox_statement_column_text (stmt, 12), &status);

  shoebox_pair_set_id (pair, shoebox_statement_column_int64 (stmt, 0));
  shoebox_pair_set_silhouette_id (pair, shoebox_statement_column_int64 (stmt, 1));
  shoebox_pair_set_silhouette_name (pair, shoebox_statement_column_text (stmt, 2));
  shoebox_pair_set_brand_name (pair, shoebox_statement_column_text (stmt, 3));
  shoebox_pair_set_colorway (pair, shoebox_statement_column_text (stmt, 4));
  shoebox_pair_set_official_colorway (pair, shoebox_statement_column_text (stmt, 5));
  shoebox_pair_set_style_code (pair, shoebox_statement_column_text (stmt, 6));
  shoebox_pair_set_size (pair, shoebox_statement_column_text (stmt, 7));
  shoebox_pair_set_size_system (pair, size_system);
  shoebox_pair_set_condition (pair, condition);
  shoebox_pair_set_box (pair, box);
  shoebox_pair_set_extras (pair, (const char * const *) extras);
  shoebox_pair_set_status (pair, status);
  shoebox_pair_set_price_paid (pair, shoebox_statement_column_optional_int64 (stmt, 13, -1));
  shoebox_pair_set_currency (pair, shoebox_statement_column_text (stmt, 14));
  shoebox_pair_set_purchase_date (pair, shoebox_statement_column_text (stmt, 15));
  shoebox_pair_set_where_bought (pair, shoebox_statement_column_text (stmt, 16));
  shoebox_pair_set_estimated_value (pair, shoebox_statement_column_optional_int64 (stmt, 17, -1));
  shoebox_pair_set_storage_location (pair, shoebox_statement_column_text (stmt, 18));
  shoebox_pair_set_notes (pair, shoebox_statement_column_text (stmt, 19));
  shoebox_pair_set_created_at (pair, shoebox_statement_column_text (stmt, 20));
  shoebox_pair_set_updated_at (pair, shoebox_statement_column_text (stmt, 21));

  return pair;
}


/* Runs @sql, whose rows are (pair id, text) in the order wanted, and
 * gives each pair of @by_id the texts of its rows.
 */
static gboolean
read_lists (ShoeboxCollection  *self,
            CollectionSql       sql,
            const char         *json,
            GHashTable         *by_id,
            void              (*set) (ShoeboxPair *pair, const char * const *texts),
            GError            **error)
{
  /* Keyed by by_id's own keys, which outlive this table. */
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean has_row;

  stmt = _shoebox_collection_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_text (stmt, 1, json);

  for (;;)
    {
      gint64 id;
      gpointer id_key;
      GPtrArray *texts;

      if (!shoebox_database_step_row (self->database, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      id = shoebox_statement_column_int64 (stmt, 0);
      if (!g_hash_table_lookup_extended (by_id, &id, &id_key, NULL))
        continue;
      texts = g_hash_table_lookup (lists, id_key);
      if (texts == NULL)
        {
          texts = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (lists, id_key, texts);
        }
      g_ptr_array_add (texts, g_strdup (shoebox_statement_column_text (stmt, 1)));
    }

  g_hash_table_iter_init (&iter, lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *texts = value;

      g_ptr_array_add (texts, NULL);
      set (g_hash_table_lookup (by_id, key), (const char * const *) texts->pdata);
    }

  return TRUE;
}

/**
 * shoebox_collection_get_pairs:
 * @self: a #ShoeboxCollection
 * @ids: (array length=n_ids): the pairs' ids
 * @n_ids: the number of ids
 * @error: return location for a #GError
 *
 * Reads several pairs as shoebox_collection_get_pair() reads one, in
 * three queries whatever their number.
 *
 * Returns: (transfer full) (element-type ShoeboxPair): the pairs, in the
 *   order of @ids, %NULL where a pair is no longer in the collection; or
 *   %NULL on error
 */
GPtrArray *
shoebox_collection_get_pairs (ShoeboxCollection  *self,
                              const gint64       *ids,
                              guint               n_ids,
                              GError            **error)
{
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autofree char *json = NULL;
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  pairs = g_ptr_array_new_full (n_ids, unref_pair);
  if (n_ids == 0)
    return g_steal_pointer (&pairs);

  json = ids_to_json (ids, n_ids);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_LOAD_PAIRS,
                  error);
  if (stmt == NULL)
    return NULL;
  shoebox_statement_bind_text (stmt, 1, json);
  for (;;)
    {
      ShoeboxPair *pair;

      if (!shoebox_database_step_row (self->database, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      pair = pair_from_row (stmt);
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { shoebox_pair_get_id (pair) }, sizeof (gint64)), pair);
    }

  if (!read_lists (self, COLLECTION_SQL_TAGS_OF_PAIRS,
                   json, by_id, shoebox_pair_set_tags, error)
      || !read_lists (self, COLLECTION_SQL_WEARS_OF_PAIRS,
                      json, by_id, shoebox_pair_set_wear_dates, error))
    return NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      ShoeboxPair *pair = g_hash_table_lookup (by_id, &ids[i]);

      g_ptr_array_add (pairs, pair != NULL ? g_object_ref (pair) : NULL);
    }

  return g_steal_pointer (&pairs);
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
  g_autoptr(GPtrArray) pairs = NULL;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  /* One reader for one pair or many: shoebox_collection_get_pairs(). */
  pairs = shoebox_collection_get_pairs (self, &id, 1, error);
  if (pairs == NULL)
    return NULL;
  if (g_ptr_array_index (pairs, 0) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The pair is no longer in the collection"));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (pairs, 0));
}

GPtrArray *
_shoebox_collection_load_pairs (ShoeboxCollection  *self,
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
