/* shoebox-mentions-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-mentions.h"

G_BEGIN_DECLS

/* The mentions are split over files by what they do: the object and its
 * labels (shoebox-mentions.c), the normal form (-normalize.c), the
 * matching (-match.c), storing a scan's result (-store.c), the scan in
 * this thread or a worker (-scan.c) and the questions asked of the stored
 * mentions (-queries.c). They share the struct and the helpers declared
 * here.
 */

struct _ShoeboxMentions
{
  GObject          parent_instance;

  ShoeboxDatabase *database;
  GHashTable      *labels;   /* item id (gint64 *) -> pair label */
};

/* One scan's state: the matches the reading found, then what storing
 * them changed.
 */
typedef struct
{
  gboolean  notify_new;
  gboolean  unless_unchanged; /* skipped when the fingerprint is the stored one */
  gboolean  skipped;
  char     *fingerprint;      /* of what the scan read, stored with its result */
  GArray   *rows;  /* item id, pair id, by style code, read: 4 × gint64 each */
  guint     n_new;
} Scan;

/* shoebox-mentions-sql.c: every statement of the mentions. */
typedef enum
{
  MENTIONS_SQL_SILHOUETTE_NAMES,
  MENTIONS_SQL_WANTED_PAIRS,
  MENTIONS_SQL_VISIBLE_ITEMS,
  MENTIONS_SQL_ITEM_IS_UNREAD,
  MENTIONS_SQL_UNNOTIFIED,
  MENTIONS_SQL_WATCHED_NAMES,
  MENTIONS_SQL_PAIR_LABEL,
  MENTIONS_SQL_ITEMS_OF_PAIR,
  MENTIONS_SQL_ALL,
  MENTIONS_SQL_UPSERT,
  MENTIONS_SQL_DELETE,
  MENTIONS_SQL_LABELS,
  MENTIONS_SQL_MARK_NOTIFIED,
  MENTIONS_SQL_PAIRS_SUMMARY,
  MENTIONS_SQL_STORED_FINGERPRINT,
  MENTIONS_SQL_STORE_FINGERPRINT,
  MENTIONS_SQL_FORGET_FINGERPRINT,
  N_MENTIONS_SQL
} MentionsSql;

ShoeboxStatement *
_shoebox_mentions_prepare (ShoeboxDatabase  *database,
                           MentionsSql       sql,
                           GError          **error);

/* shoebox-mentions.c */
void
_shoebox_mentions_emit_changed (ShoeboxMentions *self);
char *
_shoebox_mentions_dup_pair_label (const char *brand,
                                  const char *silhouette,
                                  const char *colorway);
gboolean
_shoebox_mentions_reload_labels (ShoeboxMentions  *self,
                                 GError          **error);

/* shoebox-mentions-normalize.c */
void
_shoebox_mentions_append_normal (GString    *out,
                                 const char *text);
char *
_shoebox_mentions_normalize_words (const char *text);

/* shoebox-mentions-match.c */
gboolean
_shoebox_mentions_needs_brand (const char *words);
gboolean
_shoebox_mentions_find (ShoeboxDatabase  *database,
                        Scan             *scan,
                        GError          **error);

/* shoebox-mentions-fingerprint.c */
char *
_shoebox_mentions_dup_fingerprint (ShoeboxDatabase  *database,
                                   GError          **error);
char *
_shoebox_mentions_dup_stored_fingerprint (ShoeboxDatabase *database);

/* shoebox-mentions-store.c */
gboolean
_shoebox_mentions_store_in_transaction (ShoeboxDatabase  *database,
                                        gpointer          user_data,
                                        GError          **error);

G_END_DECLS
