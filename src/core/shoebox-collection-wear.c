/* shoebox-collection-wear.c
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

/* The wear log: a pair worn on a day, once per day. */

typedef struct
{
  ShoeboxCollection *self;
  const gint64      *ids;
  guint              n_ids;
  const char        *date;
  gboolean           remove;
  GArray            *logged;  /* nullable: the ids that had no wear that day */
} WearData;

static gboolean
wear_in_transaction (ShoeboxDatabase  *database,
                     gpointer          user_data,
                     GError          **error)
{
  WearData *data = user_data;

  for (guint i = 0; i < data->n_ids; i++)
    {
      g_autoptr(ShoeboxStatement) stmt = NULL;

      if (data->remove)
        stmt = _shoebox_collection_statement (data->self, COLLECTION_SQL_DELETE_WEAR, error);
      else
        stmt = _shoebox_collection_statement (data->self, COLLECTION_SQL_INSERT_WEAR, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, data->ids[i]);
      shoebox_statement_bind_text (stmt, 2, data->date);
      if (!shoebox_database_step_done (data->self->database, stmt, error))
        return FALSE;
      /* INSERT OR IGNORE changes no row for a day already logged. */
      if (data->logged != NULL && !data->remove
          && sqlite3_changes (shoebox_database_get_handle (database)) > 0)
        g_array_append_val (data->logged, data->ids[i]);
    }

  return TRUE;
}

/**
 * shoebox_collection_log_new_wear:
 * @self: a #ShoeboxCollection
 * @ids: (array length=n_ids): the pairs worn
 * @n_ids: how many
 * @date: (nullable): the day, `YYYY-MM-DD`, or %NULL for today
 * @logged: (nullable) (element-type gint64): where the ids of the pairs
 *   whose wear was new are appended: a pair already worn that day is
 *   left out, so that the caller can say so, and an Undo removes only
 *   what this logged
 * @error: return location for a #GError
 *
 * "Worn Today" for a selection, in one transaction. A pair worn twice on
 * one day counts one wear.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_log_new_wear (ShoeboxCollection  *self,
                                 const gint64       *ids,
                                 guint               n_ids,
                                 const char         *date,
                                 GArray             *logged,
                                 GError            **error)
{
  g_autofree char *today = NULL;
  WearData data = { self, ids, n_ids, date, FALSE, logged };
  guint n_before = logged != NULL ? logged->len : 0;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (date == NULL)
    data.date = today = shoebox_date_dup_today ();
  else if (!shoebox_date_validate (date, NULL, error))
    return FALSE;

  if (!shoebox_database_write (self->database, wear_in_transaction, &data, error))
    {
      /* Rolled back: nothing was logged. */
      if (logged != NULL)
        g_array_set_size (logged, n_before);
      return FALSE;
    }

  _shoebox_collection_emit_changed (self);
  return TRUE;
}

/**
 * shoebox_collection_log_wear:
 * @self: a #ShoeboxCollection
 * @ids: (array length=n_ids): the pairs worn
 * @n_ids: how many
 * @date: (nullable): the day, `YYYY-MM-DD`, or %NULL for today
 * @error: return location for a #GError
 *
 * shoebox_collection_log_new_wear() without asking which were new.
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
  return shoebox_collection_log_new_wear (self, ids, n_ids, date, NULL, error);
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
  WearData data = { self, &pair_id, 1, date, TRUE, NULL };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  return _shoebox_collection_write (self, wear_in_transaction, &data, error);
}
