/* shoebox-pair-validate.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-pair-private.h"
#include "shoebox-money.h"

/* What a pair must be before it is saved. */

/* @what is untranslated (N_()), and translated only for the error: a
 * CSV import validates 100,000 pairs, and a lookup per name per pair
 * showed in its profile.
 */
static gboolean
text_too_long (const char *text,
               const char *what,
               GError    **error)
{
  if (text != NULL && g_utf8_strlen (text, -1) > SHOEBOX_PAIR_MAX_SHORT_TEXT)
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_TOO_LONG,
                   _("%s is longer than %d characters"), _(what), SHOEBOX_PAIR_MAX_SHORT_TEXT);
      return TRUE;
    }

  return FALSE;
}

static gboolean
empty_item (const char  *item,
            GError     **error)
{
  if (item[0] != '\0')
    return FALSE;

  g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_VALUE,
               _("A tag or an extra cannot be empty"));
  return TRUE;
}

/**
 * shoebox_pair_validate:
 * @self: a #ShoeboxPair
 * @error: return location for a #GError
 *
 * Checks everything the editor and the CSV import check before a save:
 * a silhouette, a size valid in its system, real dates not in the future,
 * amounts with a known currency, and the length limits.
 *
 * Returns: %TRUE if the pair can be saved
 */
gboolean
shoebox_pair_validate (ShoeboxPair  *self,
                       GError      **error)
{
  return _shoebox_pair_validate_on (self, NULL, error);
}

/* shoebox_pair_validate() with the day a date may not be after, or %NULL
 * for today: a bulk import gives it once, where each date checked alone
 * read the clock and the local time zone again.
 */
gboolean
_shoebox_pair_validate_on (ShoeboxPair  *self,
                           const GDate  *today,
                           GError      **error)
{
  const char *short_names[] = {
    N_("The silhouette"), N_("The brand"), N_("The colorway"), N_("The official colorway"),
    N_("The style code"), N_("The size"), N_("Where bought"), N_("The storage location"),
  };
  const char *short_texts[G_N_ELEMENTS (short_names)];

  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), FALSE);

  short_texts[0] = self->silhouette_name;
  short_texts[1] = self->brand_name;
  short_texts[2] = self->colorway;
  short_texts[3] = self->official_colorway;
  short_texts[4] = self->style_code;
  short_texts[5] = self->size;
  short_texts[6] = self->where_bought;
  short_texts[7] = self->storage_location;

  if (self->silhouette_id <= 0 && self->silhouette_name == NULL)
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE,
                   _("A pair needs a silhouette"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (short_texts); i++)
    if (text_too_long (short_texts[i], short_names[i], error))
      return FALSE;

  if (self->notes != NULL && strlen (self->notes) > SHOEBOX_PAIR_MAX_NOTES)
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_TOO_LONG,
                   _("The notes are longer than %d KiB"), SHOEBOX_PAIR_MAX_NOTES / 1024);
      return FALSE;
    }

  for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
    if (text_too_long (self->tags[i], N_("A tag"), error) || empty_item (self->tags[i], error))
      return FALSE;
  for (guint i = 0; self->extras != NULL && self->extras[i] != NULL; i++)
    if (text_too_long (self->extras[i], N_("An extra"), error) || empty_item (self->extras[i], error))
      return FALSE;

  if (self->size != NULL && !shoebox_size_validate (self->size_system, self->size, error))
    return FALSE;

  if (self->purchase_date != NULL && !shoebox_date_validate (self->purchase_date, today, error))
    return FALSE;
  for (guint i = 0; self->wear_dates != NULL && self->wear_dates[i] != NULL; i++)
    if (!shoebox_date_validate (self->wear_dates[i], today, error))
      return FALSE;

  if ((self->price_paid >= 0 || self->estimated_value >= 0) && !shoebox_money_is_currency (self->currency))
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_MONEY,
                   _("An amount needs a currency such as EUR, USD or JPY"));
      return FALSE;
    }
  if (self->currency != NULL && !shoebox_money_is_currency (self->currency))
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_MONEY,
                   _("“%s” is not an ISO 4217 currency code such as EUR, USD or JPY"),
                   self->currency);
      return FALSE;
    }
  if (self->price_paid > SHOEBOX_MONEY_MAX || self->estimated_value > SHOEBOX_MONEY_MAX)
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_MONEY,
                   _("The amount is too large"));
      return FALSE;
    }

  return TRUE;
}
