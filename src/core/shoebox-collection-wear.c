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
        stmt = _shoebox_collection_prepare (data->self, "DELETE FROM wears WHERE pair_id = ? AND date = ?", error);
      else
        stmt = _shoebox_collection_prepare (data->self, "INSERT OR IGNORE INTO wears (pair_id, date) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->ids[i]);
      _shoebox_collection_bind_text (stmt, 2, data->date);
      if (!_shoebox_collection_step_done (data->self, stmt, error))
        return FALSE;
    }

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

  _shoebox_collection_emit_changed (self);
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

  _shoebox_collection_emit_changed (self);
  return TRUE;
}
