/* shoebox-mentions.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "shoebox-database.h"

G_BEGIN_DECLS

/**
 * ShoeboxMention:
 * @item_id: the news item
 * @pair_id: the pair it names
 * @item_title: (nullable): the item's title
 * @pair_label: the pair, as the badge and the notification name it
 *
 * One news item that names a pair the user owns or wants.
 */
typedef struct
{
  gint64  item_id;
  gint64  pair_id;
  char   *item_title;
  char   *pair_label;
} ShoeboxMention;

#define SHOEBOX_TYPE_MENTION (shoebox_mention_get_type ())

GType            shoebox_mention_get_type          (void) G_GNUC_CONST;
ShoeboxMention  *shoebox_mention_copy              (const ShoeboxMention *mention);
void             shoebox_mention_free              (ShoeboxMention       *mention);

char            *shoebox_mentions_normalize        (const char           *text);
char           **shoebox_mentions_dup_aliases      (const char           *silhouette_name);

#define SHOEBOX_TYPE_MENTIONS (shoebox_mentions_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxMentions, shoebox_mentions, SHOEBOX, MENTIONS, GObject)

ShoeboxMentions *shoebox_mentions_new              (ShoeboxDatabase      *database);
gboolean         shoebox_mentions_scan             (ShoeboxMentions      *self,
                                                    gboolean              notify_new,
                                                    guint                *n_new,
                                                    GError              **error);
void             shoebox_mentions_scan_async       (ShoeboxMentions      *self,
                                                    gboolean              notify_new,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         shoebox_mentions_scan_finish      (ShoeboxMentions      *self,
                                                    GAsyncResult         *result,
                                                    guint                *n_new,
                                                    GError              **error);
gboolean         shoebox_mentions_scan_unless_unchanged (ShoeboxMentions *self,
                                                         gboolean        *scanned,
                                                         GError         **error);
void             shoebox_mentions_scan_unless_unchanged_async (ShoeboxMentions     *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
void             shoebox_mentions_forget_fingerprint (ShoeboxMentions *self);
const char      *shoebox_mentions_get_label        (ShoeboxMentions      *self,
                                                    gint64                item_id);
gboolean         shoebox_mentions_has_item         (ShoeboxMentions      *self,
                                                    gint64                item_id);
guint            shoebox_mentions_get_n_items      (ShoeboxMentions      *self);
gboolean         shoebox_mentions_is_unread        (ShoeboxMentions      *self,
                                                    gint64                item_id);
GPtrArray       *shoebox_mentions_take_unnotified  (ShoeboxMentions      *self,
                                                    GError              **error);
char           **shoebox_mentions_dup_search_terms (ShoeboxMentions      *self,
                                                    GError              **error);
char            *shoebox_mentions_dup_pair_label   (ShoeboxMentions      *self,
                                                    gint64                pair_id);
GArray          *shoebox_mentions_list_pair_items  (ShoeboxMentions      *self,
                                                    gint64                pair_id,
                                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxMention, shoebox_mention_free)

G_END_DECLS
