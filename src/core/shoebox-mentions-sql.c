/* shoebox-mentions-sql.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-mentions-private.h"

/* Every statement of the mentions, in one place: a change to a table the
 * scan reads is checked here, not in five files.
 */
static const char * const sql_text[N_MENTIONS_SQL] = {
  [MENTIONS_SQL_SILHOUETTE_NAMES] =
    "SELECT s.id, s.name, b.name FROM silhouettes s"
    " JOIN brands b ON b.id = s.brand_id",
  [MENTIONS_SQL_WANTED_PAIRS] =
    "SELECT p.id, p.silhouette_id, p.style_code FROM pairs p"
    " WHERE p.status IN ('Owned', 'Wishlist')"
    " ORDER BY p.status = 'Owned' DESC, p.id",
  [MENTIONS_SQL_VISIBLE_ITEMS] =
    "SELECT id, title, summary, read FROM news_items WHERE hidden = 0",
  [MENTIONS_SQL_ITEM_IS_UNREAD] =
    "SELECT read = 0 AND hidden = 0 FROM news_items WHERE id = ?1",
  [MENTIONS_SQL_UNNOTIFIED] =
    "SELECT m.item_id, m.pair_id, i.title, b.name, s.name, p.colorway"
    " FROM news_mentions m JOIN news_items i ON i.id = m.item_id"
    " JOIN pairs p ON p.id = m.pair_id"
    " JOIN silhouettes s ON s.id = p.silhouette_id"
    " JOIN brands b ON b.id = s.brand_id"
    " WHERE m.notified = 0 AND i.read = 0 AND i.hidden = 0"
    " ORDER BY i.sort_date DESC, i.id DESC, m.by_style_code DESC,"
    "          p.status = 'Owned' DESC, p.id",
  [MENTIONS_SQL_WATCHED_NAMES] =
    "SELECT b.name, s.name FROM pairs p"
    " JOIN silhouettes s ON s.id = p.silhouette_id"
    " JOIN brands b ON b.id = s.brand_id"
    " WHERE p.status IN ('Owned', 'Wishlist')"
    " GROUP BY s.id ORDER BY max (p.status = 'Owned') DESC, min (p.id)",
  [MENTIONS_SQL_PAIR_LABEL] =
    "SELECT b.name, s.name, p.colorway FROM pairs p"
    " JOIN silhouettes s ON s.id = p.silhouette_id"
    " JOIN brands b ON b.id = s.brand_id WHERE p.id = ?1",
  [MENTIONS_SQL_ITEMS_OF_PAIR] =
    "SELECT m.item_id FROM news_mentions m JOIN news_items i ON i.id = m.item_id"
    " WHERE m.pair_id = ?1 AND i.hidden = 0 ORDER BY i.sort_date DESC, i.id DESC",
  [MENTIONS_SQL_ALL] =
    "SELECT item_id, pair_id FROM news_mentions",
  [MENTIONS_SQL_UPSERT] =
    "INSERT INTO news_mentions (item_id, pair_id, by_style_code, notified)"
    " SELECT ?1, ?2, ?3, ?4"
    " WHERE EXISTS (SELECT 1 FROM news_items WHERE id = ?1)"
    " AND EXISTS (SELECT 1 FROM pairs WHERE id = ?2)"
    " ON CONFLICT (item_id, pair_id) DO UPDATE SET by_style_code = ?3",
  [MENTIONS_SQL_DELETE] =
    "DELETE FROM news_mentions WHERE item_id = ?1 AND pair_id = ?2",
  [MENTIONS_SQL_LABELS] =
    "SELECT m.item_id, b.name, s.name, p.colorway FROM news_mentions m"
    " JOIN pairs p ON p.id = m.pair_id"
    " JOIN silhouettes s ON s.id = p.silhouette_id"
    " JOIN brands b ON b.id = s.brand_id"
    " ORDER BY m.item_id, m.by_style_code DESC, p.status = 'Owned' DESC, p.id",
  [MENTIONS_SQL_MARK_NOTIFIED] =
    "UPDATE news_mentions SET notified = 1 WHERE notified = 0",
  /* As the backups tell a changed collection (shoebox-backups.c): an
   * edit sets updated_at, adding or removing a pair changes a count or a
   * sum of ids (which AUTOINCREMENT never hands out twice).
   */
  [MENTIONS_SQL_PAIRS_SUMMARY] =
    "SELECT count(*) || '/' || max(id) || '/' || total(id) || '/' || total(julianday(updated_at)) FROM pairs",
  [MENTIONS_SQL_STORED_FINGERPRINT] =
    "SELECT value FROM meta WHERE key = 'mentions-fingerprint'",
  [MENTIONS_SQL_STORE_FINGERPRINT] =
    "INSERT INTO meta (key, value) VALUES ('mentions-fingerprint', ?1)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  [MENTIONS_SQL_FORGET_FINGERPRINT] =
    "DELETE FROM meta WHERE key = 'mentions-fingerprint'",
};

ShoeboxStatement *
_shoebox_mentions_prepare (ShoeboxDatabase  *database,
                           MentionsSql       sql,
                           GError          **error)
{
  g_return_val_if_fail (sql < N_MENTIONS_SQL, NULL);

  return shoebox_database_prepare_for (database, sql_text[sql],
                                       _("The news mentions could not be read or saved"),
                                       error);
}
