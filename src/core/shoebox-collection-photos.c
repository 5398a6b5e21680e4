/* shoebox-collection-photos.c
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
#include "shoebox-pair-list.h"

/* The rows that tie photo files (named by content hash) to pairs. */

typedef enum
{
  PHOTO_ADD,
  PHOTO_REMOVE,
  PHOTO_SIDE_PROFILE,
} PhotoAction;

/* One change to a pair's photo rows, run inside a transaction. */
typedef struct
{
  ShoeboxCollection *self;
  gint64             pair_id;
  const char        *file_name;
  gboolean           is_side_profile;
  PhotoAction        action;
} PhotoData;

static gboolean
photo_in_transaction (ShoeboxDatabase  *database,
                      gpointer          user_data,
                      GError          **error)
{
  PhotoData *data = user_data;
  ShoeboxCollection *self = data->self;
  g_autoptr(ShoeboxStatement) stmt = NULL;

  if (data->action == PHOTO_REMOVE)
    {
      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_DELETE_PHOTO, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, data->pair_id);
      shoebox_statement_bind_text (stmt, 2, data->file_name);
      return shoebox_database_step_done (self->database, stmt, error);
    }

  if (data->action == PHOTO_SIDE_PROFILE || data->is_side_profile)
    {
      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_CLEAR_SIDE_PROFILE, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, data->pair_id);
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  if (data->action == PHOTO_SIDE_PROFILE)
    {
      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_SET_SIDE_PROFILE, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, data->pair_id);
      shoebox_statement_bind_text (stmt, 2, data->file_name);
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
      if (sqlite3_changes (shoebox_database_get_handle (database)) != 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The pair has no photo “%s”"), data->file_name);
          return FALSE;
        }
      return TRUE;
    }

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_APPEND_PHOTO,
                  error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, data->pair_id);
  shoebox_statement_bind_text (stmt, 2, data->file_name);
  shoebox_statement_bind_int64 (stmt, 3, data->is_side_profile ? 1 : 0);
  return shoebox_database_step_done (self->database, stmt, error);
}

/* What the three public calls share: one change, in its own transaction. */
static gboolean
change_photo (ShoeboxCollection  *self,
              gint64              pair_id,
              const char         *file_name,
              gboolean            is_side_profile,
              PhotoAction         action,
              GError            **error)
{
  PhotoData data = { self, pair_id, file_name, is_side_profile, action };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (file_name != NULL, FALSE);

  return _shoebox_collection_write (self, photo_in_transaction, &data, error);
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
  return change_photo (self, pair_id, file_name, is_side_profile, PHOTO_ADD, error);
}

gboolean
shoebox_collection_remove_photo (ShoeboxCollection  *self,
                                 gint64              pair_id,
                                 const char         *file_name,
                                 GError            **error)
{
  return change_photo (self, pair_id, file_name, FALSE, PHOTO_REMOVE, error);
}

gboolean
shoebox_collection_set_side_profile (ShoeboxCollection  *self,
                                     gint64              pair_id,
                                     const char         *file_name,
                                     GError            **error)
{
  return change_photo (self, pair_id, file_name, TRUE, PHOTO_SIDE_PROFILE, error);
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

  return _shoebox_collection_list_photos (self, pair_id, error);
}

/**
 * shoebox_collection_find_silhouette_photo:
 * @self: a #ShoeboxCollection
 * @silhouette_id: a silhouette
 * @pair_id: (out): the collector's best pair of it, or 0 when there is none
 * @file_name: (out) (transfer full) (nullable): that pair's side profile
 *   (or, without one marked, its first photo), or %NULL when no pair of
 *   the silhouette has a photo
 * @error: return location for a #GError
 *
 * The photo that shows a silhouette in a comparison of its generations:
 * the collector's own. Of the pairs with a photo, an owned one first, then
 * the newest (by purchase date, then by when it was added); without any
 * photo, the best pair all the same, so a photo can be added to it.
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
shoebox_collection_find_silhouette_photo (ShoeboxCollection  *self,
                                          gint64              silhouette_id,
                                          gint64             *pair_id,
                                          char              **file_name,
                                          GError            **error)
{
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (pair_id != NULL && file_name != NULL, FALSE);

  *pair_id = 0;
  *file_name = NULL;
  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_COVER_PHOTO_OF_SILHOUETTE,
                  error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, silhouette_id);

  if (!shoebox_database_step_row (self->database, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      *pair_id = shoebox_statement_column_int64 (stmt, 0);
      *file_name = g_strdup (shoebox_statement_column_text (stmt, 1));
    }
  return TRUE;
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

  if (!_shoebox_collection_write_pair (self, data->save.pair, FALSE, &data->save.saved, error))
    return FALSE;
  pair_id = data->save.saved.id;

  existing = _shoebox_collection_list_photos (self, pair_id, error);
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
      g_autoptr(ShoeboxStatement) stmt = NULL;

      if (!photo_in_transaction (database, &add, error))
        return FALSE;

      /* Kept photos take their new place too: the list's order is the
       * order the pair page shows.
       */
      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_MOVE_PHOTO, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, (int) i);
      shoebox_statement_bind_int64 (stmt, 2, pair_id);
      shoebox_statement_bind_text (stmt, 3, data->photos[i]);
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  if (data->side_profile != NULL)
    {
      PhotoData side = { self, pair_id, data->side_profile, TRUE, PHOTO_SIDE_PROFILE };

      return photo_in_transaction (database, &side, error);
    }
  else
    {
      g_autoptr(ShoeboxStatement) stmt = _shoebox_collection_statement (self, COLLECTION_SQL_CLEAR_SIDE_PROFILE, error);

      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, pair_id);
      return shoebox_database_step_done (self->database, stmt, error);
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
    _shoebox_collection_apply_saved (pair, &data.save.saved);
  _shoebox_collection_saved_pair_clear (&data.save.saved);
  if (!saved)
    return FALSE;

  _shoebox_collection_emit_changed (self);
  return TRUE;
}
