/* shoebox-currency-row.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-currency-row.h"
#include "shoebox-money.h"

/* The pair and silhouette editors each have a Currency combo row listing
 * shoebox_money_get_currencies() in order: one reading of it for both.
 */

/**
 * shoebox_currency_row_get_currency:
 * @row: a combo row listing shoebox_money_get_currencies()
 *
 * Returns: the ISO 4217 code chosen in @row, or "USD" when none is
 */
const char *
shoebox_currency_row_get_currency (AdwComboRow *row)
{
  const char * const *currencies = shoebox_money_get_currencies ();
  guint position;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), "USD");

  position = adw_combo_row_get_selected (row);
  if (position == GTK_INVALID_LIST_POSITION || position >= g_strv_length ((char **) currencies))
    return "USD";
  return currencies[position];
}

/**
 * shoebox_currency_row_set_currency:
 * @row: a combo row listing shoebox_money_get_currencies()
 * @currency: an ISO 4217 code
 *
 * Chooses @currency in @row; an unknown code leaves the choice as it is.
 */
void
shoebox_currency_row_set_currency (AdwComboRow *row,
                                   const char  *currency)
{
  const char * const *currencies = shoebox_money_get_currencies ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  for (guint i = 0; currencies[i] != NULL; i++)
    if (g_strcmp0 (currencies[i], currency) == 0)
      adw_combo_row_set_selected (row, i);
}
