/* shoebox-mentions.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-mentions"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-mentions-private.h"

/* Which news items name a silhouette the user owns or wants.
 *
 * Text is compared in a normal form: case-folded, every run of characters
 * that are neither letters nor digits turned into one space (a dot between
 * two digits stays, for "2.0"), with a space at both ends. A name then
 * matches on word boundaries when " name " is found in " text ". Every
 * catalogue silhouette takes part, not only the wanted ones, and the
 * longest name wins where two overlap: "Track 2.0" is not a mention of the
 * Track, nor "Race Runner" of the Runner. The results are kept in the
 * news_mentions table, so the Mentions filter and the badges need no
 * matching, and so a mention is announced once.
 */

/* This file holds the object, the labels it keeps and the helpers the
 * other parts share; shoebox-mentions-private.h says which file does what.
 */

G_DEFINE_FINAL_TYPE (ShoeboxMentions, shoebox_mentions, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (ShoeboxMention, shoebox_mention, shoebox_mention_copy, shoebox_mention_free)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_shoebox_mentions_emit_changed (ShoeboxMentions *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

char *
_shoebox_mentions_dup_pair_label (const char *brand,
                                  const char *silhouette,
                                  const char *colorway)
{
  if (colorway != NULL && colorway[0] != '\0')
    /* Translators: a pair on a news badge: brand, silhouette and colorway */
    return g_strdup_printf (_("%s %s “%s”"), brand, silhouette, colorway);
  /* Translators: a pair on a news badge: brand and silhouette */
  return g_strdup_printf (_("%s %s"), brand, silhouette);
}

gboolean
_shoebox_mentions_reload_labels (ShoeboxMentions  *self,
                                 GError          **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean ok, has_row;

  stmt = _shoebox_mentions_prepare (self->database, MENTIONS_SQL_LABELS, error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = shoebox_database_step_row (self->database, stmt, &has_row, error)) && has_row)
    {
      gint64 item_id = shoebox_statement_column_int64 (stmt, 0);

      if (g_hash_table_contains (labels, &item_id))
        continue;
      g_hash_table_insert (labels, g_memdup2 (&item_id, sizeof item_id),
                           _shoebox_mentions_dup_pair_label (shoebox_statement_column_text (stmt, 1),
                                                             shoebox_statement_column_text (stmt, 2),
                                                             shoebox_statement_column_text (stmt, 3)));
    }
  if (!ok)
    return FALSE;

  g_clear_pointer (&self->labels, g_hash_table_unref);
  self->labels = g_steal_pointer (&labels);
  return TRUE;
}

static void
shoebox_mentions_finalize (GObject *object)
{
  ShoeboxMentions *self = SHOEBOX_MENTIONS (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->labels, g_hash_table_unref);

  G_OBJECT_CLASS (shoebox_mentions_parent_class)->finalize (object);
}

static void
shoebox_mentions_class_init (ShoeboxMentionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shoebox_mentions_finalize;

  /**
   * ShoeboxMentions::changed:
   *
   * Emitted after a scan: badges and the Mentions filter look again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shoebox_mentions_init (ShoeboxMentions *self)
{
  self->labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

ShoeboxMention *
shoebox_mention_copy (const ShoeboxMention *mention)
{
  ShoeboxMention *copy = g_new0 (ShoeboxMention, 1);

  copy->item_id = mention->item_id;
  copy->pair_id = mention->pair_id;
  copy->item_title = g_strdup (mention->item_title);
  copy->pair_label = g_strdup (mention->pair_label);
  return copy;
}

void
shoebox_mention_free (ShoeboxMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->item_title);
  g_free (mention->pair_label);
  g_free (mention);
}

/**
 * shoebox_mentions_new:
 * @database: an open database
 *
 * The mentions already stored are known at once; call
 * shoebox_mentions_scan() after new items arrive or the collection
 * changes.
 *
 * Returns: (transfer full): a new #ShoeboxMentions
 */
ShoeboxMentions *
shoebox_mentions_new (ShoeboxDatabase *database)
{
  ShoeboxMentions *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SHOEBOX_IS_DATABASE (database), NULL);

  self = g_object_new (SHOEBOX_TYPE_MENTIONS, NULL);
  self->database = g_object_ref (database);
  if (!_shoebox_mentions_reload_labels (self, &error))
    g_debug ("No mentions yet: %s", error->message);

  return self;
}

/**
 * shoebox_mentions_get_label:
 * @self: a #ShoeboxMentions
 * @item_id: a news item
 *
 * Returns: (nullable): the pair the item mentions (the most precise
 *   match, owned before wanted), or %NULL when it mentions none
 */
const char *
shoebox_mentions_get_label (ShoeboxMentions *self,
                            gint64           item_id)
{
  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  return g_hash_table_lookup (self->labels, &item_id);
}

/**
 * shoebox_mentions_has_item:
 * @self: a #ShoeboxMentions
 * @item_id: a news item
 *
 * Returns: whether the item mentions a pair the user owns or wants
 */
gboolean
shoebox_mentions_has_item (ShoeboxMentions *self,
                           gint64           item_id)
{
  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), FALSE);

  return g_hash_table_contains (self->labels, &item_id);
}

/**
 * shoebox_mentions_get_n_items:
 * @self: a #ShoeboxMentions
 *
 * Returns: how many items mention a pair
 */
guint
shoebox_mentions_get_n_items (ShoeboxMentions *self)
{
  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), 0);

  return g_hash_table_size (self->labels);
}
