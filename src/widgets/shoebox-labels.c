/* shoebox-labels.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-labels.h"
#include "shoebox-money.h"

#include <stdio.h>

/* The words the UI shows for the core's values. The core keeps the
 * untranslated names it writes to CSV; these are for people.
 */

const char *
shoebox_labels_condition (ShoeboxCondition condition)
{
  switch (condition)
    {
    case SHOEBOX_CONDITION_DEADSTOCK:
      return _("Deadstock");
    case SHOEBOX_CONDITION_VNDS:
      /* Translators: "very near deadstock", worn once or twice */
      return _("VNDS");
    case SHOEBOX_CONDITION_WORN:
      return _("Worn");
    case SHOEBOX_CONDITION_BEATER:
      return _("Beater");
    case SHOEBOX_CONDITION_NONE:
    default:
      return _("Not Recorded");
    }
}

const char *
shoebox_labels_status (ShoeboxStatus status)
{
  switch (status)
    {
    case SHOEBOX_STATUS_WISHLIST:
      return _("Wishlist");
    case SHOEBOX_STATUS_SOLD:
      return _("Sold");
    case SHOEBOX_STATUS_OWNED:
    default:
      return _("Owned");
    }
}

const char *
shoebox_labels_box (ShoeboxBox box)
{
  switch (box)
    {
    case SHOEBOX_BOX_ORIGINAL:
      return _("Original Box");
    case SHOEBOX_BOX_NONE:
      return _("No Box");
    case SHOEBOX_BOX_DAMAGED:
      return _("Damaged Box");
    case SHOEBOX_BOX_UNKNOWN:
    default:
      return _("Not Recorded");
    }
}

const char *
shoebox_labels_size_system (ShoeboxSizeSystem system)
{
  switch (system)
    {
    case SHOEBOX_SIZE_SYSTEM_US_M:
      return _("US M");
    case SHOEBOX_SIZE_SYSTEM_US_W:
      return _("US W");
    case SHOEBOX_SIZE_SYSTEM_UK:
      return _("UK");
    case SHOEBOX_SIZE_SYSTEM_EU:
      return _("EU");
    case SHOEBOX_SIZE_SYSTEM_JP_CM:
      return _("JP cm");
    case SHOEBOX_SIZE_SYSTEM_NONE:
    default:
      return "";
    }
}

/**
 * shoebox_labels_dup_size:
 * @pair: a pair
 *
 * Returns: (transfer full): the size as printed with its system, such as
 *   "US M 10.5", or "" when none was recorded
 */
char *
shoebox_labels_dup_size (ShoeboxPair *pair)
{
  const char *size = shoebox_pair_get_size (pair);
  ShoeboxSizeSystem system = shoebox_pair_get_size_system (pair);

  if (size == NULL || *size == '\0')
    return g_strdup ("");
  if (system == SHOEBOX_SIZE_SYSTEM_NONE)
    return g_strdup (size);

  /* Translators: a shoe size: the first %s is the system ("US M"), the
   * second the size as printed ("10.5").
   */
  return g_strdup_printf (C_("shoe size", "%s %s"), shoebox_labels_size_system (system), size);
}

/**
 * shoebox_labels_dup_money:
 * @minor_units: the amount, or a negative number when unknown
 * @currency: (nullable): its ISO 4217 code
 *
 * Returns: (transfer full): the amount in the locale's format, or "" when
 *   unknown
 */
char *
shoebox_labels_dup_money (gint64      minor_units,
                          const char *currency)
{
  if (minor_units < 0 || currency == NULL || *currency == '\0')
    return g_strdup ("");

  return shoebox_money_format (minor_units, currency);
}

/**
 * shoebox_labels_dup_pair_name:
 * @pair: a pair
 *
 * Returns: (transfer full): how the UI and screen readers name a pair:
 *   "Track 2.0 — Silver", or the silhouette alone without a colorway
 */
char *
shoebox_labels_dup_pair_name (ShoeboxPair *pair)
{
  const char *silhouette = shoebox_pair_get_silhouette_name (pair);
  const char *colorway = shoebox_pair_get_colorway (pair);

  if (silhouette == NULL)
    silhouette = "";
  if (colorway == NULL || *colorway == '\0')
    return g_strdup (silhouette);

  /* Translators: a pair's name: silhouette — colorway */
  return g_strdup_printf (_("%s — %s"), silhouette, colorway);
}

/**
 * shoebox_labels_dup_date:
 * @iso_date: (nullable): a day as the database keeps it, `2024-03-05`
 *
 * Returns: (transfer full): the day as the user's language writes it
 *   (`05.03.2024` in German), the text itself when it is no such day, or ""
 */
char *
shoebox_labels_dup_date (const char *iso_date)
{
  g_autoptr(GDate) date = NULL;
  unsigned int year, month, day;
  char text[64];

  if (iso_date == NULL)
    return g_strdup ("");
  if (sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &day) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup (iso_date);

  date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  /* Translators: a day in the list of pairs and the pair editor, as
   * strftime() writes it: "%d.%m.%Y" in German. Keep it short. */
  if (g_date_strftime (text, sizeof text, C_("day", "%Y-%m-%d"), date) == 0)
    return g_strdup (iso_date);
  return g_strdup (text);
}

/* The CSV columns as the pair editor names their fields: people read
 * "Price Paid", the file says "price_paid". In ShoeboxCsvColumn's order.
 */
static const char * const csv_column_labels[SHOEBOX_CSV_N_COLUMNS] = {
  N_("Silhouette"), N_("Brand"), N_("Colorway"), N_("Official Colorway"), N_("Style Code"),
  N_("Size"), N_("Size System"), N_("Condition"), N_("Box"), N_("Extras"), N_("Status"),
  N_("Price Paid"), N_("Currency"), N_("Purchase Date"), N_("Where Bought"),
  N_("Estimated Value"), N_("Storage Location"), N_("Tags"), N_("Notes"), N_("Wear Dates"),
};

/**
 * shoebox_labels_csv_column:
 * @column: a CSV column
 *
 * Returns: the field the column fills, as the user's language names it
 */
const char *
shoebox_labels_csv_column (ShoeboxCsvColumn column)
{
  g_return_val_if_fail (column < SHOEBOX_CSV_N_COLUMNS, NULL);

  return _(csv_column_labels[column]);
}

/**
 * shoebox_labels_csv_field:
 * @name: a CSV column's name, `price_paid`, or another field's
 *
 * Returns: the field as the user's language names it, or @name itself
 *   when it names no column
 */
const char *
shoebox_labels_csv_field (const char *name)
{
  for (ShoeboxCsvColumn column = 0; column < SHOEBOX_CSV_N_COLUMNS; column++)
    if (g_strcmp0 (shoebox_csv_column_get_name (column), name) == 0)
      return shoebox_labels_csv_column (column);

  return name;
}
