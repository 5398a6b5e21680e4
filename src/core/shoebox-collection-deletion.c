/* shoebox-collection-deletion.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-collection"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-collection-private.h"

/* Deleting pairs, and bringing them back with their photos and wears for
 * Undo; duplicating a pair, which is the same write of a pair that never
 * was. */

typedef struct
{
  ShoeboxCollection *self;
  const gint64      *ids;
  guint              n_ids;
  ShoeboxDeletion   *deletion;
} DeleteData;

typedef struct
{
  ShoeboxCollection *self;
  ShoeboxDeletion   *deletion;
  GArray            *saved; /* SavedPair */
} RestoreData;

G_DEFINE_BOXED_TYPE (ShoeboxDeletion, shoebox_deletion, shoebox_deletion_ref, shoebox_deletion_unref)

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
      g_autoptr(ShoeboxStatement) stmt = NULL;

      pair = shoebox_collection_get_pair (self, data->ids[i], &local_error);
      if (pair == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      photos = _shoebox_collection_list_photos (self, data->ids[i], error);
      if (photos == NULL)
        return FALSE;

      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_DELETE_PAIR, error);
      if (stmt == NULL)
        {
          g_ptr_array_unref (photos);
          return FALSE;
        }
      shoebox_statement_bind_int64 (stmt, 1, data->ids[i]);
      if (!shoebox_database_step_done (self->database, stmt, error))
        {
          g_ptr_array_unref (photos);
          return FALSE;
        }

      g_ptr_array_add (data->deletion->pairs, g_steal_pointer (&pair));
      g_ptr_array_add (data->deletion->photos, photos);
    }

  return TRUE;
}

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

      if (!_shoebox_collection_write_pair (data->self, pair, TRUE, &saved, error))
        {
          _shoebox_collection_saved_pair_clear (&saved);
          return FALSE;
        }
      g_array_append_val (data->saved, saved);

      for (guint j = 0; j < photos->len; j++)
        if (!_shoebox_collection_write_photo (data->self, saved.id, g_ptr_array_index (photos, j), error))
          return FALSE;
    }

  return TRUE;
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
    _shoebox_collection_emit_changed (self);
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

  g_array_set_clear_func (saved, (GDestroyNotify) _shoebox_collection_saved_pair_clear);
  if (!shoebox_database_write (self->database, restore_pairs_in_transaction, &data, error))
    return FALSE;

  if (deletion->pairs->len > 0)
    _shoebox_collection_emit_changed (self);
  return TRUE;
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
  photos = _shoebox_collection_list_photos (self, id, error);
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

    g_array_set_clear_func (saved, (GDestroyNotify) _shoebox_collection_saved_pair_clear);
    if (!shoebox_database_write (self->database, restore_pairs_in_transaction, &data, error))
      return NULL;
    _shoebox_collection_apply_saved (copy, &g_array_index (saved, SavedPair, 0));
  }

  _shoebox_collection_emit_changed (self);
  return g_steal_pointer (&copy);
}
