/* shoebox-pair-values.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-pair.h"

/* A pair's values as text: the words of its enums, sizes and dates
 * checked, and lists joined and split, as the database and the CSV file
 * keep them.
 */

/* The enums' GTypes (their nicks name the properties' values) and the
 * error domain of the values' checks. */
G_DEFINE_QUARK (shoebox-pair-error-quark, shoebox_pair_error)

G_DEFINE_ENUM_TYPE (ShoeboxSizeSystem, shoebox_size_system,
  G_DEFINE_ENUM_VALUE (SHOEBOX_SIZE_SYSTEM_NONE, "none"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_SIZE_SYSTEM_US_M, "us-m"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_SIZE_SYSTEM_US_W, "us-w"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_SIZE_SYSTEM_UK, "uk"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_SIZE_SYSTEM_EU, "eu"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_SIZE_SYSTEM_JP_CM, "jp-cm"))

G_DEFINE_ENUM_TYPE (ShoeboxCondition, shoebox_condition,
  G_DEFINE_ENUM_VALUE (SHOEBOX_CONDITION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_CONDITION_DEADSTOCK, "deadstock"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_CONDITION_VNDS, "vnds"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_CONDITION_WORN, "worn"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_CONDITION_BEATER, "beater"))

G_DEFINE_ENUM_TYPE (ShoeboxBox, shoebox_box,
  G_DEFINE_ENUM_VALUE (SHOEBOX_BOX_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_BOX_ORIGINAL, "original"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_BOX_NONE, "none"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_BOX_DAMAGED, "damaged"))

G_DEFINE_ENUM_TYPE (ShoeboxStatus, shoebox_status,
  G_DEFINE_ENUM_VALUE (SHOEBOX_STATUS_OWNED, "owned"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_STATUS_WISHLIST, "wishlist"),
  G_DEFINE_ENUM_VALUE (SHOEBOX_STATUS_SOLD, "sold"))

/* The words stored in the database and written to CSV files: part of the
 * file format, so never translated. Index = enum value; NULL = not set.
 */
static const char * const size_system_names[] = { NULL, "US M", "US W", "UK", "EU", "JP cm" };
static const char * const condition_names[] = { NULL, "Deadstock", "VNDS", "Worn", "Beater" };
static const char * const box_names[] = { NULL, "original", "none", "damaged" };
static const char * const status_names[] = { "Owned", "Wishlist", "Sold" };

typedef struct
{
  double min;
  double max;
} SizeRange;

/* Adult and children's sizes as brands print them on the label. */
static const SizeRange size_ranges[] = {
  [SHOEBOX_SIZE_SYSTEM_US_M] = { 1, 22 },
  [SHOEBOX_SIZE_SYSTEM_US_W] = { 1, 23 },
  [SHOEBOX_SIZE_SYSTEM_UK] = { 0.5, 21 },
  [SHOEBOX_SIZE_SYSTEM_EU] = { 15, 56 },
  [SHOEBOX_SIZE_SYSTEM_JP_CM] = { 10, 35 },
};

static gboolean
name_to_value (const char * const *names,
               guint               n_names,
               const char         *text,
               int                *value)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (text));
  for (guint i = 0; i < n_names; i++)
    {
      if (names[i] != NULL && g_ascii_strcasecmp (names[i], trimmed) == 0)
        {
          *value = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Reads "10", "10.5", "42 2/3" or "42⅔" into thirds-aware tenths: the
 * whole number and the fraction, which must be one a label carries.
 */
static gboolean
parse_size (ShoeboxSizeSystem  system,
            const char        *text,
            double            *value)
{
  const char *p = text;
  int whole = 0;
  int n_digits = 0;

  for (; g_ascii_isdigit (*p) && n_digits < 3; p++, n_digits++)
    whole = whole * 10 + (*p - '0');
  if (n_digits == 0)
    return FALSE;

  *value = whole;
  if (*p == '\0')
    return TRUE;

  if (*p == '.' && g_ascii_isdigit (p[1]) && p[2] == '\0')
    {
      /* Half sizes everywhere; EU also prints thirds as .3 / .7. */
      if (p[1] == '0' || p[1] == '5'
          || (system == SHOEBOX_SIZE_SYSTEM_EU && (p[1] == '3' || p[1] == '7')))
        {
          *value += (p[1] - '0') / 10.0;
          return TRUE;
        }
      return FALSE;
    }

  if (system == SHOEBOX_SIZE_SYSTEM_EU)
    {
      if (g_str_equal (p, " 1/3") || g_str_equal (p, "⅓") || g_str_equal (p, " ⅓"))
        {
          *value += 1 / 3.0;
          return TRUE;
        }
      if (g_str_equal (p, " 2/3") || g_str_equal (p, "⅔") || g_str_equal (p, " ⅔"))
        {
          *value += 2 / 3.0;
          return TRUE;
        }
    }

  if (g_str_equal (p, "½") || g_str_equal (p, " ½") || g_str_equal (p, " 1/2"))
    {
      *value += 0.5;
      return TRUE;
    }

  return FALSE;
}

/**
 * shoebox_size_system_to_string:
 * @system: a size system
 *
 * Returns: (nullable): the system as the CSV file and the database write
 *   it (`US M`, `US W`, `UK`, `EU`, `JP cm`), or %NULL for none
 */
const char *
shoebox_size_system_to_string (ShoeboxSizeSystem system)
{
  g_return_val_if_fail (system < G_N_ELEMENTS (size_system_names), NULL);

  return size_system_names[system];
}

/**
 * shoebox_size_system_from_string:
 * @text: a size system's name, in any case
 * @system: (out): the system
 *
 * Returns: %TRUE if @text names a size system
 */
gboolean
shoebox_size_system_from_string (const char        *text,
                                 ShoeboxSizeSystem *system)
{
  int value;

  g_return_val_if_fail (system != NULL, FALSE);

  if (!name_to_value (size_system_names, G_N_ELEMENTS (size_system_names), text, &value))
    return FALSE;

  *system = value;
  return TRUE;
}

const char *
shoebox_condition_to_string (ShoeboxCondition condition)
{
  g_return_val_if_fail (condition < G_N_ELEMENTS (condition_names), NULL);

  return condition_names[condition];
}

gboolean
shoebox_condition_from_string (const char       *text,
                               ShoeboxCondition *condition)
{
  int value;

  g_return_val_if_fail (condition != NULL, FALSE);

  if (!name_to_value (condition_names, G_N_ELEMENTS (condition_names), text, &value))
    return FALSE;

  *condition = value;
  return TRUE;
}

const char *
shoebox_box_to_string (ShoeboxBox box)
{
  g_return_val_if_fail (box < G_N_ELEMENTS (box_names), NULL);

  return box_names[box];
}

gboolean
shoebox_box_from_string (const char *text,
                         ShoeboxBox *box)
{
  int value;

  g_return_val_if_fail (box != NULL, FALSE);

  if (!name_to_value (box_names, G_N_ELEMENTS (box_names), text, &value))
    return FALSE;

  *box = value;
  return TRUE;
}

const char *
shoebox_status_to_string (ShoeboxStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
shoebox_status_from_string (const char    *text,
                            ShoeboxStatus *status)
{
  int value;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!name_to_value (status_names, G_N_ELEMENTS (status_names), text, &value))
    return FALSE;

  *status = value;
  return TRUE;
}

/**
 * shoebox_size_validate:
 * @system: the size system the label uses
 * @size: the size as printed: `10.5`, `42 2/3`, `27.5`, `6Y`
 * @error: return location for a #GError
 *
 * Checks that @size is a size of @system: a whole or half size in the
 * system's range (EU also in thirds); US sizes may carry the `Y` (youth)
 * or `C` (child) of grade-school and toddler pairs.
 *
 * Returns: %TRUE if @size is valid in @system
 */
gboolean
shoebox_size_validate (ShoeboxSizeSystem   system,
                       const char         *size,
                       GError            **error)
{
  g_autofree char *trimmed = NULL;
  SizeRange range;
  double value;
  gsize length;

  g_return_val_if_fail (size != NULL, FALSE);

  if (system == SHOEBOX_SIZE_SYSTEM_NONE || system >= G_N_ELEMENTS (size_ranges))
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_SIZE,
                   _("A size needs its system: US M, US W, UK, EU or JP cm"));
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (size));
  length = strlen (trimmed);
  range = size_ranges[system];

  if ((system == SHOEBOX_SIZE_SYSTEM_US_M || system == SHOEBOX_SIZE_SYSTEM_US_W) && length > 1)
    {
      char suffix = g_ascii_toupper (trimmed[length - 1]);

      if (suffix == 'Y' || suffix == 'C')
        {
          trimmed[length - 1] = '\0';
          range.min = suffix == 'Y' ? 1 : 0;
          range.max = suffix == 'Y' ? 7 : 13.5;
        }
    }

  if (!parse_size (system, trimmed, &value) || value < range.min || value > range.max)
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_SIZE,
                   _("“%s” is not a %s size: sizes there go from %g to %g"),
                   size, size_system_names[system], size_ranges[system].min, size_ranges[system].max);
      return FALSE;
    }

  return TRUE;
}

/**
 * shoebox_date_validate:
 * @date: a date as `YYYY-MM-DD`
 * @today: (nullable): the day to compare with, or %NULL for today
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @date is a real calendar date, not after @today
 */
gboolean
shoebox_date_validate (const char   *date,
                       const GDate  *today,
                       GError      **error)
{
  g_autoptr(GDate) now = NULL;
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (strlen (date) != 10
      || !g_ascii_isdigit (date[0]) || !g_ascii_isdigit (date[1])
      || !g_ascii_isdigit (date[2]) || !g_ascii_isdigit (date[3]) || date[4] != '-'
      || !g_ascii_isdigit (date[5]) || !g_ascii_isdigit (date[6]) || date[7] != '-'
      || !g_ascii_isdigit (date[8]) || !g_ascii_isdigit (date[9]))
    goto invalid;

  year = atoi (date);
  month = atoi (date + 5);
  day = atoi (date + 8);
  if (year < 1800 || !g_date_valid_dmy (day, month, year))
    goto invalid;

  if (today == NULL)
    {
      now = g_date_new ();
      g_date_set_time_t (now, time (NULL));
      today = now;
    }

  /* As YYYYMMDD numbers: a GDate compares by its Julian day, which it
   * works out for each date, and an import checks a date or two a row.
   */
  if (year * 10000 + month * 100 + day
      > g_date_get_year (today) * 10000 + (int) g_date_get_month (today) * 100 + g_date_get_day (today))
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_FUTURE_DATE,
                   _("%s is in the future"), date);
      return FALSE;
    }

  return TRUE;

invalid:
  g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_DATE,
               _("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2024-05-31"), date);
  return FALSE;
}

/**
 * shoebox_date_dup_today:
 *
 * Returns: (transfer full): today's local date as `YYYY-MM-DD`
 */
char *
shoebox_date_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * shoebox_date_new_today:
 *
 * Returns: (transfer full): today's local date, the latest day
 *   shoebox_date_validate() takes for a wear or a purchase
 */
GDate *
shoebox_date_new_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

/**
 * shoebox_list_join:
 * @items: (nullable) (array zero-terminated=1): a list of texts
 *
 * Joins a list the way the CSV file and the database keep it: items
 * separated by `;`, a `;` inside an item written `\;` and a backslash
 * `\\`. shoebox_list_split() reads it back exactly.
 *
 * Returns: (transfer full): the list as one text, empty for no items
 */
char *
shoebox_list_join (const char * const *items)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, ';');
      for (const char *p = items[i]; *p != '\0'; p++)
        {
          if (*p == ';' || *p == '\\')
            g_string_append_c (text, '\\');
          g_string_append_c (text, *p);
        }
    }

  return g_string_free (text, FALSE);
}

/**
 * shoebox_list_split:
 * @text: (nullable): a list written by shoebox_list_join()
 *
 * Empty items are dropped: "a;;b" is the list a, b. A backslash before
 * any other character, or at the end, stands for itself.
 *
 * Returns: (transfer full) (nullable): the items, or %NULL for none
 */
char **
shoebox_list_split (const char *text)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) item = NULL;

  /* Before any allocation: most cells of an import are empty lists. */
  if (text == NULL || text[0] == '\0')
    return NULL;

  items = g_ptr_array_new_with_free_func (g_free);
  item = g_string_new (NULL);

  for (const char *p = text;; p++)
    {
      if (*p == '\\' && (p[1] == ';' || p[1] == '\\'))
        {
          p++;
          g_string_append_c (item, *p);
        }
      else if (*p == ';' || *p == '\0')
        {
          if (item->len > 0)
            g_ptr_array_add (items, g_strndup (item->str, item->len));
          g_string_truncate (item, 0);
          if (*p == '\0')
            break;
        }
      else
        {
          g_string_append_c (item, *p);
        }
    }

  if (items->len == 0)
    return NULL;

  g_ptr_array_add (items, NULL);
  g_ptr_array_set_free_func (items, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&items), FALSE);
}
