/* shoebox-pair-derived.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-pair-private.h"

/* What a pair's fields add up to: the name a card shows, the cost per
 * wear, whether it carries a tag.
 */

/**
 * shoebox_pair_dup_display_name:
 * @self: a #ShoeboxPair
 *
 * Returns: (transfer full): the name of a card or a row, also its
 *   accessible name: "Track 2.0 — Silver"
 */
char *
shoebox_pair_dup_display_name (ShoeboxPair *self)
{
  const char *silhouette;

  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  silhouette = self->silhouette_name != NULL ? self->silhouette_name : _("Unknown silhouette");
  if (self->colorway == NULL)
    return g_strdup (silhouette);

  /* Translators: a pair's name: silhouette — colorway */
  return g_strdup_printf (_("%s — %s"), silhouette, self->colorway);
}

/**
 * shoebox_pair_get_cost_per_wear:
 * @self: a #ShoeboxPair
 *
 * Returns: the price paid divided by the wears, in minor units of the
 *   pair's currency (rounded to nearest), or -1 without a price or a wear
 */
gint64
shoebox_pair_get_cost_per_wear (ShoeboxPair *self)
{
  guint wears;

  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), -1);

  wears = shoebox_pair_get_wear_count (self);
  if (self->price_paid < 0 || wears == 0)
    return -1;

  return (self->price_paid + wears / 2) / wears;
}

/**
 * shoebox_pair_has_tag:
 * @self: a #ShoeboxPair
 * @tag: a tag
 *
 * Returns: %TRUE if the pair carries @tag, compared without case
 */
gboolean
shoebox_pair_has_tag (ShoeboxPair *self,
                      const char  *tag)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  folded = g_utf8_casefold (tag, -1);
  for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
    {
      g_autofree char *candidate = g_utf8_casefold (self->tags[i], -1);

      if (g_str_equal (candidate, folded))
        return TRUE;
    }

  return FALSE;
}
