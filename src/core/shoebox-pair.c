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

G_DEFINE_FINAL_TYPE (ShoeboxPair, shoebox_pair, G_TYPE_OBJECT)

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

  _shoebox_pair_properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_SILHOUETTE_ID] =
    g_param_spec_int64 ("silhouette-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_SILHOUETTE_NAME] =
    g_param_spec_string ("silhouette-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_BRAND_NAME] =
    g_param_spec_string ("brand-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_COLORWAY] =
    g_param_spec_string ("colorway", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_OFFICIAL_COLORWAY] =
    g_param_spec_string ("official-colorway", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_STYLE_CODE] =
    g_param_spec_string ("style-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_SIZE] =
    g_param_spec_string ("size", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_SIZE_SYSTEM] =
    g_param_spec_enum ("size-system", NULL, NULL, SHOEBOX_TYPE_SIZE_SYSTEM, SHOEBOX_SIZE_SYSTEM_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_CONDITION] =
    g_param_spec_enum ("condition", NULL, NULL, SHOEBOX_TYPE_CONDITION, SHOEBOX_CONDITION_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_BOX] =
    g_param_spec_enum ("box", NULL, NULL, SHOEBOX_TYPE_BOX, SHOEBOX_BOX_UNKNOWN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_EXTRAS] =
    g_param_spec_boxed ("extras", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SHOEBOX_TYPE_STATUS, SHOEBOX_STATUS_OWNED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_PRICE_PAID] =
    g_param_spec_int64 ("price-paid", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_PURCHASE_DATE] =
    g_param_spec_string ("purchase-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_WHERE_BOUGHT] =
    g_param_spec_string ("where-bought", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_ESTIMATED_VALUE] =
    g_param_spec_int64 ("estimated-value", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_STORAGE_LOCATION] =
    g_param_spec_string ("storage-location", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_WEAR_DATES] =
    g_param_spec_boxed ("wear-dates", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_WEAR_COUNT] =
    g_param_spec_uint ("wear-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_LAST_WORN] =
    g_param_spec_string ("last-worn", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  _shoebox_pair_properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));


  g_object_class_install_properties (object_class, N_PROPS, _shoebox_pair_properties);

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
    g_object_notify_by_pspec (G_OBJECT (self), _shoebox_pair_properties[i]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

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
