/* shoebox-pair.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-pair-private.h"
#include "shoebox-text-field.h"

/* The ShoeboxPair type: its properties and signal, and one getter and one
 * setter a field. The setters notify only on a change (every property is
 * EXPLICIT_NOTIFY). What a pair's fields add up to (its name, the cost
 * per wear) is in shoebox-pair-derived.c, which uses this file and is
 * never used by it.
 */

enum
{
  PROP_0,
  PROP_ID,
  PROP_SILHOUETTE_ID,
  PROP_SILHOUETTE_NAME,
  PROP_BRAND_NAME,
  PROP_COLORWAY,
  PROP_OFFICIAL_COLORWAY,
  PROP_STYLE_CODE,
  PROP_SIZE,
  PROP_SIZE_SYSTEM,
  PROP_CONDITION,
  PROP_BOX,
  PROP_EXTRAS,
  PROP_STATUS,
  PROP_PRICE_PAID,
  PROP_CURRENCY,
  PROP_PURCHASE_DATE,
  PROP_WHERE_BOUGHT,
  PROP_ESTIMATED_VALUE,
  PROP_STORAGE_LOCATION,
  PROP_NOTES,
  PROP_TAGS,
  PROP_WEAR_DATES,
  PROP_WEAR_COUNT,
  PROP_LAST_WORN,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ShoeboxPair, shoebox_pair, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static void
shoebox_pair_finalize (GObject *object)
{
  ShoeboxPair *self = SHOEBOX_PAIR (object);

  g_clear_pointer (&self->silhouette_name, g_free);
  g_clear_pointer (&self->brand_name, g_free);
  g_clear_pointer (&self->colorway, g_free);
  g_clear_pointer (&self->official_colorway, g_free);
  g_clear_pointer (&self->style_code, g_free);
  g_clear_pointer (&self->size, g_free);
  g_clear_pointer (&self->extras, g_strfreev);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->purchase_date, g_free);
  g_clear_pointer (&self->where_bought, g_free);
  g_clear_pointer (&self->storage_location, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->wear_dates, g_strfreev);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (shoebox_pair_parent_class)->finalize (object);
}


static void
shoebox_pair_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ShoeboxPair *self = SHOEBOX_PAIR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, shoebox_pair_get_id (self));
      break;

    case PROP_SILHOUETTE_ID:
      g_value_set_int64 (value, shoebox_pair_get_silhouette_id (self));
      break;

    case PROP_SILHOUETTE_NAME:
      g_value_set_string (value, shoebox_pair_get_silhouette_name (self));
      break;

    case PROP_BRAND_NAME:
      g_value_set_string (value, shoebox_pair_get_brand_name (self));
      break;

    case PROP_COLORWAY:
      g_value_set_string (value, shoebox_pair_get_colorway (self));
      break;

    case PROP_OFFICIAL_COLORWAY:
      g_value_set_string (value, shoebox_pair_get_official_colorway (self));
      break;

    case PROP_STYLE_CODE:
      g_value_set_string (value, shoebox_pair_get_style_code (self));
      break;

    case PROP_SIZE:
      g_value_set_string (value, shoebox_pair_get_size (self));
      break;

    case PROP_SIZE_SYSTEM:
      g_value_set_enum (value, shoebox_pair_get_size_system (self));
      break;

    case PROP_CONDITION:
      g_value_set_enum (value, shoebox_pair_get_condition (self));
      break;

    case PROP_BOX:
      g_value_set_enum (value, shoebox_pair_get_box (self));
      break;

    case PROP_EXTRAS:
      g_value_set_boxed (value, shoebox_pair_get_extras (self));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, shoebox_pair_get_status (self));
      break;

    case PROP_PRICE_PAID:
      g_value_set_int64 (value, shoebox_pair_get_price_paid (self));
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, shoebox_pair_get_currency (self));
      break;

    case PROP_PURCHASE_DATE:
      g_value_set_string (value, shoebox_pair_get_purchase_date (self));
      break;

    case PROP_WHERE_BOUGHT:
      g_value_set_string (value, shoebox_pair_get_where_bought (self));
      break;

    case PROP_ESTIMATED_VALUE:
      g_value_set_int64 (value, shoebox_pair_get_estimated_value (self));
      break;

    case PROP_STORAGE_LOCATION:
      g_value_set_string (value, shoebox_pair_get_storage_location (self));
      break;

    case PROP_NOTES:
      g_value_set_string (value, shoebox_pair_get_notes (self));
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, shoebox_pair_get_tags (self));
      break;

    case PROP_WEAR_DATES:
      g_value_set_boxed (value, shoebox_pair_get_wear_dates (self));
      break;

    case PROP_WEAR_COUNT:
      g_value_set_uint (value, shoebox_pair_get_wear_count (self));
      break;

    case PROP_LAST_WORN:
      g_value_set_string (value, shoebox_pair_get_last_worn (self));
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, shoebox_pair_get_created_at (self));
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, shoebox_pair_get_updated_at (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


static void
shoebox_pair_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ShoeboxPair *self = SHOEBOX_PAIR (object);

  switch (prop_id)
    {
    case PROP_SILHOUETTE_ID:
      shoebox_pair_set_silhouette_id (self, g_value_get_int64 (value));
      break;

    case PROP_SILHOUETTE_NAME:
      shoebox_pair_set_silhouette_name (self, g_value_get_string (value));
      break;

    case PROP_BRAND_NAME:
      shoebox_pair_set_brand_name (self, g_value_get_string (value));
      break;

    case PROP_COLORWAY:
      shoebox_pair_set_colorway (self, g_value_get_string (value));
      break;

    case PROP_OFFICIAL_COLORWAY:
      shoebox_pair_set_official_colorway (self, g_value_get_string (value));
      break;

    case PROP_STYLE_CODE:
      shoebox_pair_set_style_code (self, g_value_get_string (value));
      break;

    case PROP_SIZE:
      shoebox_pair_set_size (self, g_value_get_string (value));
      break;

    case PROP_SIZE_SYSTEM:
      shoebox_pair_set_size_system (self, g_value_get_enum (value));
      break;

    case PROP_CONDITION:
      shoebox_pair_set_condition (self, g_value_get_enum (value));
      break;

    case PROP_BOX:
      shoebox_pair_set_box (self, g_value_get_enum (value));
      break;

    case PROP_EXTRAS:
      shoebox_pair_set_extras (self, g_value_get_boxed (value));
      break;

    case PROP_STATUS:
      shoebox_pair_set_status (self, g_value_get_enum (value));
      break;

    case PROP_PRICE_PAID:
      shoebox_pair_set_price_paid (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      shoebox_pair_set_currency (self, g_value_get_string (value));
      break;

    case PROP_PURCHASE_DATE:
      shoebox_pair_set_purchase_date (self, g_value_get_string (value));
      break;

    case PROP_WHERE_BOUGHT:
      shoebox_pair_set_where_bought (self, g_value_get_string (value));
      break;

    case PROP_ESTIMATED_VALUE:
      shoebox_pair_set_estimated_value (self, g_value_get_int64 (value));
      break;

    case PROP_STORAGE_LOCATION:
      shoebox_pair_set_storage_location (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      shoebox_pair_set_notes (self, g_value_get_string (value));
      break;

    case PROP_TAGS:
      shoebox_pair_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_WEAR_DATES:
      shoebox_pair_set_wear_dates (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


static void
shoebox_pair_class_init (ShoeboxPairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shoebox_pair_finalize;
  object_class->get_property = shoebox_pair_get_property;
  object_class->set_property = shoebox_pair_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SILHOUETTE_ID] =
    g_param_spec_int64 ("silhouette-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SILHOUETTE_NAME] =
    g_param_spec_string ("silhouette-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BRAND_NAME] =
    g_param_spec_string ("brand-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COLORWAY] =
    g_param_spec_string ("colorway", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OFFICIAL_COLORWAY] =
    g_param_spec_string ("official-colorway", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STYLE_CODE] =
    g_param_spec_string ("style-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIZE] =
    g_param_spec_string ("size", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIZE_SYSTEM] =
    g_param_spec_enum ("size-system", NULL, NULL, SHOEBOX_TYPE_SIZE_SYSTEM, SHOEBOX_SIZE_SYSTEM_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONDITION] =
    g_param_spec_enum ("condition", NULL, NULL, SHOEBOX_TYPE_CONDITION, SHOEBOX_CONDITION_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BOX] =
    g_param_spec_enum ("box", NULL, NULL, SHOEBOX_TYPE_BOX, SHOEBOX_BOX_UNKNOWN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXTRAS] =
    g_param_spec_boxed ("extras", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SHOEBOX_TYPE_STATUS, SHOEBOX_STATUS_OWNED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PRICE_PAID] =
    g_param_spec_int64 ("price-paid", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PURCHASE_DATE] =
    g_param_spec_string ("purchase-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WHERE_BOUGHT] =
    g_param_spec_string ("where-bought", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ESTIMATED_VALUE] =
    g_param_spec_int64 ("estimated-value", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORAGE_LOCATION] =
    g_param_spec_string ("storage-location", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WEAR_DATES] =
    g_param_spec_boxed ("wear-dates", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WEAR_COUNT] =
    g_param_spec_uint ("wear-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_WORN] =
    g_param_spec_string ("last-worn", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));


  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShoeboxPair::changed:
   *
   * Every field may have changed at once: shoebox_pair_assign() made
   * this object another pair. Cells showing it show it again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shoebox_pair_init (ShoeboxPair *self)
{
  self->price_paid = -1;
  self->estimated_value = -1;
}

ShoeboxPair *
shoebox_pair_new (void)
{
  return g_object_new (SHOEBOX_TYPE_PAIR, NULL);
}

/* g_set_str() is GLib 2.76; Debian 12 has 2.74. */
static void
set_string (char       **dest,
            const char  *src)
{
  char *copy = g_strdup (src);

  g_free (*dest);
  *dest = copy;
}

/* Every field of @src into @dest, the id included. */
static void
copy_fields (ShoeboxPair *dest,
             ShoeboxPair *src)
{
  dest->id = src->id;
  dest->silhouette_id = src->silhouette_id;
  set_string (&dest->silhouette_name, src->silhouette_name);
  set_string (&dest->brand_name, src->brand_name);
  set_string (&dest->colorway, src->colorway);
  set_string (&dest->official_colorway, src->official_colorway);
  set_string (&dest->style_code, src->style_code);
  set_string (&dest->size, src->size);
  dest->size_system = src->size_system;
  dest->condition = src->condition;
  dest->box = src->box;
  g_strfreev (dest->extras);
  dest->extras = g_strdupv (src->extras);
  dest->status = src->status;
  dest->price_paid = src->price_paid;
  set_string (&dest->currency, src->currency);
  set_string (&dest->purchase_date, src->purchase_date);
  set_string (&dest->where_bought, src->where_bought);
  dest->estimated_value = src->estimated_value;
  set_string (&dest->storage_location, src->storage_location);
  set_string (&dest->notes, src->notes);
  g_strfreev (dest->tags);
  dest->tags = g_strdupv (src->tags);
  g_strfreev (dest->wear_dates);
  dest->wear_dates = g_strdupv (src->wear_dates);
  set_string (&dest->created_at, src->created_at);
  set_string (&dest->updated_at, src->updated_at);
}

/**
 * shoebox_pair_copy:
 * @self: a #ShoeboxPair
 *
 * Copies every field, the id included: the editor edits a copy and the
 * window's pair changes only when the save succeeded.
 *
 * Returns: (transfer full): a new pair equal to @self
 */
ShoeboxPair *
shoebox_pair_copy (ShoeboxPair *self)
{
  ShoeboxPair *copy;

  g_return_val_if_fail (SHOEBOX_IS_PAIR (self), NULL);

  copy = shoebox_pair_new ();
  copy_fields (copy, self);

  return copy;
}

/**
 * shoebox_pair_assign:
 * @self: a #ShoeboxPair
 * @other: the pair whose fields @self takes
 *
 * Makes @self equal to @other, the id included, then notifies every
 * property and emits #ShoeboxPair::changed once. A result list that keeps
 * its objects in place while the user types (ShoeboxPairList) turns the
 * object a cell shows into the pair now at that position, and the cell
 * follows, instead of GTK building a new cell.
 */
void
shoebox_pair_assign (ShoeboxPair *self,
                     ShoeboxPair *other)
{
  g_return_if_fail (SHOEBOX_IS_PAIR (self));
  g_return_if_fail (SHOEBOX_IS_PAIR (other));

  if (self == other)
    return;

  copy_fields (self, other);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
notify_field (ShoeboxPair *self,
              guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->silhouette_name, silhouette_name, properties[PROP_SILHOUETTE_NAME]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->brand_name, brand_name, properties[PROP_BRAND_NAME]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->colorway, colorway, properties[PROP_COLORWAY]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->official_colorway, official_colorway, properties[PROP_OFFICIAL_COLORWAY]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->style_code, style_code, properties[PROP_STYLE_CODE]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->size, size, properties[PROP_SIZE]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->currency, currency, properties[PROP_CURRENCY]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->purchase_date, purchase_date, properties[PROP_PURCHASE_DATE]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->where_bought, where_bought, properties[PROP_WHERE_BOUGHT]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->storage_location, storage_location, properties[PROP_STORAGE_LOCATION]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->notes, notes, properties[PROP_NOTES]);
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
  g_autoptr(GPtrArray) sorted = NULL;

  g_return_if_fail (SHOEBOX_IS_PAIR (self));

  /* Nothing to sort, nothing to change: most rows of an import. */
  if ((wear_dates == NULL || wear_dates[0] == NULL) && self->wear_dates == NULL)
    return;

  sorted = g_ptr_array_new_with_free_func (g_free);
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

  shoebox_text_field_set (G_OBJECT (self), &self->created_at, created_at, properties[PROP_CREATED_AT]);
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

  shoebox_text_field_set (G_OBJECT (self), &self->updated_at, updated_at, properties[PROP_UPDATED_AT]);
}
