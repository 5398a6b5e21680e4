/* shoebox-pair-fields.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair"

#include "config.h"

#include "shoebox-pair-private.h"

/* A pair's fields, one getter and one setter each. The setters notify
 * only on a change (every property is EXPLICIT_NOTIFY), through the
 * object's property table, kept here and filled by shoebox-pair.c.
 */

GParamSpec *_shoebox_pair_properties[N_PROPS];

static void
notify_field (ShoeboxPair *self,
              guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), _shoebox_pair_properties[prop_id]);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

gint64
shoebox_pair_get_id (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), 0);

  return self->id;
}

void
shoebox_pair_set_id (ShoeboxPair *self,
                     gint64       id)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  if (self->id == id)
    return;

  self->id = id;
  notify_field (self, PROP_ID);
}

gint64
shoebox_pair_get_silhouette_id (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), 0);

  return self->silhouette_id;
}

void
shoebox_pair_set_silhouette_id (ShoeboxPair *self,
                                gint64       silhouette_id)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  if (self->silhouette_id == silhouette_id)
    return;

  self->silhouette_id = silhouette_id;
  notify_field (self, PROP_SILHOUETTE_ID);
}

const char *
shoebox_pair_get_silhouette_name (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->silhouette_name;
}

void
shoebox_pair_set_silhouette_name (ShoeboxPair *self,
                                  const char  *silhouette_name)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (silhouette_name != NULL && silhouette_name[0] == '\0')
    silhouette_name = NULL;

  if (g_strcmp0 (self->silhouette_name, silhouette_name) == 0)
    return;

  g_free (self->silhouette_name);
  self->silhouette_name = g_strdup (silhouette_name);
  notify_field (self, PROP_SILHOUETTE_NAME);
}

const char *
shoebox_pair_get_brand_name (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->brand_name;
}

void
shoebox_pair_set_brand_name (ShoeboxPair *self,
                             const char  *brand_name)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (brand_name != NULL && brand_name[0] == '\0')
    brand_name = NULL;

  if (g_strcmp0 (self->brand_name, brand_name) == 0)
    return;

  g_free (self->brand_name);
  self->brand_name = g_strdup (brand_name);
  notify_field (self, PROP_BRAND_NAME);
}

const char *
shoebox_pair_get_colorway (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->colorway;
}

void
shoebox_pair_set_colorway (ShoeboxPair *self,
                           const char  *colorway)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (colorway != NULL && colorway[0] == '\0')
    colorway = NULL;

  if (g_strcmp0 (self->colorway, colorway) == 0)
    return;

  g_free (self->colorway);
  self->colorway = g_strdup (colorway);
  notify_field (self, PROP_COLORWAY);
}

const char *
shoebox_pair_get_official_colorway (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->official_colorway;
}

void
shoebox_pair_set_official_colorway (ShoeboxPair *self,
                                    const char  *official_colorway)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (official_colorway != NULL && official_colorway[0] == '\0')
    official_colorway = NULL;

  if (g_strcmp0 (self->official_colorway, official_colorway) == 0)
    return;

  g_free (self->official_colorway);
  self->official_colorway = g_strdup (official_colorway);
  notify_field (self, PROP_OFFICIAL_COLORWAY);
}

const char *
shoebox_pair_get_style_code (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->style_code;
}

void
shoebox_pair_set_style_code (ShoeboxPair *self,
                             const char  *style_code)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (style_code != NULL && style_code[0] == '\0')
    style_code = NULL;

  if (g_strcmp0 (self->style_code, style_code) == 0)
    return;

  g_free (self->style_code);
  self->style_code = g_strdup (style_code);
  notify_field (self, PROP_STYLE_CODE);
}

const char *
shoebox_pair_get_size (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->size;
}

void
shoebox_pair_set_size (ShoeboxPair *self,
                       const char  *size)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (size != NULL && size[0] == '\0')
    size = NULL;

  if (g_strcmp0 (self->size, size) == 0)
    return;

  g_free (self->size);
  self->size = g_strdup (size);
  notify_field (self, PROP_SIZE);
}

ShoeboxSizeSystem
shoebox_pair_get_size_system (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), SHOEBOX_SIZE_SYSTEM_NONE);

  return self->size_system;
}

void
shoebox_pair_set_size_system (ShoeboxPair       *self,
                              ShoeboxSizeSystem  size_system)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  if (self->size_system == size_system)
    return;

  self->size_system = size_system;
  notify_field (self, PROP_SIZE_SYSTEM);
}

ShoeboxCondition
shoebox_pair_get_condition (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), SHOEBOX_CONDITION_NONE);

  return self->condition;
}

void
shoebox_pair_set_condition (ShoeboxPair      *self,
                            ShoeboxCondition  condition)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  if (self->condition == condition)
    return;

  self->condition = condition;
  notify_field (self, PROP_CONDITION);
}

ShoeboxBox
shoebox_pair_get_box (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), SHOEBOX_BOX_UNKNOWN);

  return self->box;
}

void
shoebox_pair_set_box (ShoeboxPair *self,
                      ShoeboxBox   box)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  if (self->box == box)
    return;

  self->box = box;
  notify_field (self, PROP_BOX);
}

const char * const *
shoebox_pair_get_extras (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return (const char * const *) self->extras;
}

void
shoebox_pair_set_extras (ShoeboxPair        *self,
                         const char * const *extras)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  if (extras != NULL && extras[0] == NULL)
    extras = NULL;

  if (strv_equal ((const char * const *) self->extras, extras))
    return;

  g_strfreev (self->extras);
  self->extras = g_strdupv ((char **) extras);
  notify_field (self, PROP_EXTRAS);
}

ShoeboxStatus
shoebox_pair_get_status (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), SHOEBOX_STATUS_OWNED);

  return self->status;
}

void
shoebox_pair_set_status (ShoeboxPair   *self,
                         ShoeboxStatus  status)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  if (self->status == status)
    return;

  self->status = status;
  notify_field (self, PROP_STATUS);
}

gint64
shoebox_pair_get_price_paid (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), -1);

  return self->price_paid;
}

void
shoebox_pair_set_price_paid (ShoeboxPair *self,
                             gint64       price_paid)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));
  g_return_if_fail (price_paid >= -1);

  if (self->price_paid == price_paid)
    return;

  self->price_paid = price_paid;
  notify_field (self, PROP_PRICE_PAID);
}

const char *
shoebox_pair_get_currency (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->currency;
}

void
shoebox_pair_set_currency (ShoeboxPair *self,
                           const char  *currency)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (currency != NULL && currency[0] == '\0')
    currency = NULL;

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  notify_field (self, PROP_CURRENCY);
}

const char *
shoebox_pair_get_purchase_date (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->purchase_date;
}

void
shoebox_pair_set_purchase_date (ShoeboxPair *self,
                                const char  *purchase_date)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (purchase_date != NULL && purchase_date[0] == '\0')
    purchase_date = NULL;

  if (g_strcmp0 (self->purchase_date, purchase_date) == 0)
    return;

  g_free (self->purchase_date);
  self->purchase_date = g_strdup (purchase_date);
  notify_field (self, PROP_PURCHASE_DATE);
}

const char *
shoebox_pair_get_where_bought (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->where_bought;
}

void
shoebox_pair_set_where_bought (ShoeboxPair *self,
                               const char  *where_bought)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (where_bought != NULL && where_bought[0] == '\0')
    where_bought = NULL;

  if (g_strcmp0 (self->where_bought, where_bought) == 0)
    return;

  g_free (self->where_bought);
  self->where_bought = g_strdup (where_bought);
  notify_field (self, PROP_WHERE_BOUGHT);
}

gint64
shoebox_pair_get_estimated_value (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), -1);

  return self->estimated_value;
}

void
shoebox_pair_set_estimated_value (ShoeboxPair *self,
                                  gint64       estimated_value)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));
  g_return_if_fail (estimated_value >= -1);

  if (self->estimated_value == estimated_value)
    return;

  self->estimated_value = estimated_value;
  notify_field (self, PROP_ESTIMATED_VALUE);
}

const char *
shoebox_pair_get_storage_location (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->storage_location;
}

void
shoebox_pair_set_storage_location (ShoeboxPair *self,
                                   const char  *storage_location)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (storage_location != NULL && storage_location[0] == '\0')
    storage_location = NULL;

  if (g_strcmp0 (self->storage_location, storage_location) == 0)
    return;

  g_free (self->storage_location);
  self->storage_location = g_strdup (storage_location);
  notify_field (self, PROP_STORAGE_LOCATION);
}

const char *
shoebox_pair_get_notes (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->notes;
}

void
shoebox_pair_set_notes (ShoeboxPair *self,
                        const char  *notes)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (notes != NULL && notes[0] == '\0')
    notes = NULL;

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes);
  notify_field (self, PROP_NOTES);
}

const char * const *
shoebox_pair_get_tags (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return (const char * const *) self->tags;
}

void
shoebox_pair_set_tags (ShoeboxPair        *self,
                       const char * const *tags)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  if (tags != NULL && tags[0] == NULL)
    tags = NULL;

  if (strv_equal ((const char * const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  notify_field (self, PROP_TAGS);
}

const char * const *
shoebox_pair_get_wear_dates (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return (const char * const *) self->wear_dates;
}

/**
 * shoebox_pair_set_wear_dates:
 * @self: a #ShoeboxPair
 * @wear_dates: (nullable) (array zero-terminated=1): the days the pair was
 *   worn, as `YYYY-MM-DD`
 *
 * Keeps the days sorted and each one once: the wear log counts days.
 */
void
shoebox_pair_set_wear_dates (ShoeboxPair        *self,
                             const char * const *wear_dates)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  for (guint i = 0; wear_dates != NULL && wear_dates[i] != NULL; i++)
    g_ptr_array_add (sorted, g_strdup (wear_dates[i]));
  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 1; i < sorted->len;)
    {
      if (g_str_equal (g_ptr_array_index (sorted, i), g_ptr_array_index (sorted, i - 1)))
        g_ptr_array_remove_index (sorted, i);
      else
        i++;
    }

  if (sorted->len == 0)
    {
      if (self->wear_dates == NULL)
        return;
      g_clear_pointer (&self->wear_dates, g_strfreev);
    }
  else
    {
      g_ptr_array_add (sorted, NULL);
      if (strv_equal ((const char * const *) self->wear_dates, (const char * const *) sorted->pdata))
        return;
      g_strfreev (self->wear_dates);
      g_ptr_array_set_free_func (sorted, NULL);
      self->wear_dates = (char **) g_ptr_array_free (g_steal_pointer (&sorted), FALSE);
    }

  notify_field (self, PROP_WEAR_DATES);
  notify_field (self, PROP_WEAR_COUNT);
  notify_field (self, PROP_LAST_WORN);
}

guint
shoebox_pair_get_wear_count (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), 0);

  return self->wear_dates != NULL ? g_strv_length (self->wear_dates) : 0;
}

/**
 * shoebox_pair_get_last_worn:
 * @self: a #ShoeboxPair
 *
 * Returns: (nullable): the last day the pair was worn, or %NULL
 */
const char *
shoebox_pair_get_last_worn (ShoeboxPair *self)
{
  guint count;

  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  count = shoebox_pair_get_wear_count (self);
  return count > 0 ? self->wear_dates[count - 1] : NULL;
}
const char *
shoebox_pair_get_created_at (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->created_at;
}

void
shoebox_pair_set_created_at (ShoeboxPair *self,
                             const char  *created_at)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (created_at != NULL && created_at[0] == '\0')
    created_at = NULL;

  if (g_strcmp0 (self->created_at, created_at) == 0)
    return;

  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  notify_field (self, PROP_CREATED_AT);
}

const char *
shoebox_pair_get_updated_at (ShoeboxPair *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  return self->updated_at;
}

void
shoebox_pair_set_updated_at (ShoeboxPair *self,
                             const char  *updated_at)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* An empty text is no text: the editor's empty entry and the CSV's
   * empty field both mean "not recorded".
   */
  if (updated_at != NULL && updated_at[0] == '\0')
    updated_at = NULL;

  if (g_strcmp0 (self->updated_at, updated_at) == 0)
    return;

  g_free (self->updated_at);
  self->updated_at = g_strdup (updated_at);
  notify_field (self, PROP_UPDATED_AT);
}
