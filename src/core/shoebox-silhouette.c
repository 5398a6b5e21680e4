/* shoebox-silhouette.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-silhouette"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-silhouette.h"
#include "shoebox-text-field.h"

struct _ShoeboxSilhouette
{
  GObject   parent_instance;

  gint64    id;
  char     *brand_name;
  char     *name;
  char     *designer;
  guint     release_year;
  gint64    retail_price;
  char     *retail_currency;
  char     *category;
  char     *inspiration;
  char     *notes;
  gint64    predecessor_id;
};


G_DEFINE_FINAL_TYPE (ShoeboxSilhouette, shoebox_silhouette, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_BRAND_NAME,
  PROP_NAME,
  PROP_DESIGNER,
  PROP_RELEASE_YEAR,
  PROP_RETAIL_PRICE,
  PROP_RETAIL_CURRENCY,
  PROP_CATEGORY,
  PROP_INSPIRATION,
  PROP_NOTES,
  PROP_PREDECESSOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
shoebox_silhouette_finalize (GObject *object)
{
  ShoeboxSilhouette *self = SHOEBOX_SILHOUETTE (object);

  g_clear_pointer (&self->brand_name, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->designer, g_free);
  g_clear_pointer (&self->retail_currency, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->inspiration, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (shoebox_silhouette_parent_class)->finalize (object);
}


static void
shoebox_silhouette_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ShoeboxSilhouette *self = SHOEBOX_SILHOUETTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, shoebox_silhouette_get_id (self));
      break;

    case PROP_BRAND_NAME:
      g_value_set_string (value, shoebox_silhouette_get_brand_name (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, shoebox_silhouette_get_name (self));
      break;

    case PROP_DESIGNER:
      g_value_set_string (value, shoebox_silhouette_get_designer (self));
      break;

    case PROP_RELEASE_YEAR:
      g_value_set_uint (value, shoebox_silhouette_get_release_year (self));
      break;

    case PROP_RETAIL_PRICE:
      g_value_set_int64 (value, shoebox_silhouette_get_retail_price (self));
      break;

    case PROP_RETAIL_CURRENCY:
      g_value_set_string (value, shoebox_silhouette_get_retail_currency (self));
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, shoebox_silhouette_get_category (self));
      break;

    case PROP_INSPIRATION:
      g_value_set_string (value, shoebox_silhouette_get_inspiration (self));
      break;

    case PROP_NOTES:
      g_value_set_string (value, shoebox_silhouette_get_notes (self));
      break;

    case PROP_PREDECESSOR_ID:
      g_value_set_int64 (value, shoebox_silhouette_get_predecessor_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


static void
shoebox_silhouette_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ShoeboxSilhouette *self = SHOEBOX_SILHOUETTE (object);

  switch (prop_id)
    {
    case PROP_BRAND_NAME:
      shoebox_silhouette_set_brand_name (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      shoebox_silhouette_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESIGNER:
      shoebox_silhouette_set_designer (self, g_value_get_string (value));
      break;

    case PROP_RELEASE_YEAR:
      shoebox_silhouette_set_release_year (self, g_value_get_uint (value));
      break;

    case PROP_RETAIL_PRICE:
      shoebox_silhouette_set_retail_price (self, g_value_get_int64 (value));
      break;

    case PROP_RETAIL_CURRENCY:
      shoebox_silhouette_set_retail_currency (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      shoebox_silhouette_set_category (self, g_value_get_string (value));
      break;

    case PROP_INSPIRATION:
      shoebox_silhouette_set_inspiration (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      shoebox_silhouette_set_notes (self, g_value_get_string (value));
      break;

    case PROP_PREDECESSOR_ID:
      shoebox_silhouette_set_predecessor_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


static void
shoebox_silhouette_class_init (ShoeboxSilhouetteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shoebox_silhouette_finalize;
  object_class->get_property = shoebox_silhouette_get_property;
  object_class->set_property = shoebox_silhouette_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_BRAND_NAME] =
    g_param_spec_string ("brand-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESIGNER] =
    g_param_spec_string ("designer", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RELEASE_YEAR] =
    g_param_spec_uint ("release-year", NULL, NULL, 0, 9999, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RETAIL_PRICE] =
    g_param_spec_int64 ("retail-price", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RETAIL_CURRENCY] =
    g_param_spec_string ("retail-currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INSPIRATION] =
    g_param_spec_string ("inspiration", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PREDECESSOR_ID] =
    g_param_spec_int64 ("predecessor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));


  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shoebox_silhouette_init (ShoeboxSilhouette *self)
{
  self->retail_price = -1;
}

ShoeboxSilhouette *
shoebox_silhouette_new (void)
{
  return g_object_new (SHOEBOX_TYPE_SILHOUETTE, NULL);
}

/**
 * shoebox_silhouette_copy:
 * @self: a #ShoeboxSilhouette
 *
 * Returns: (transfer full): a new silhouette equal to @self, id included
 */
ShoeboxSilhouette *
shoebox_silhouette_copy (ShoeboxSilhouette *self)
{
  ShoeboxSilhouette *copy;

  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), NULL);

  copy = shoebox_silhouette_new ();
  copy->id = self->id;
  copy->brand_name = g_strdup (self->brand_name);
  copy->name = g_strdup (self->name);
  copy->designer = g_strdup (self->designer);
  copy->release_year = self->release_year;
  copy->retail_price = self->retail_price;
  copy->retail_currency = g_strdup (self->retail_currency);
  copy->category = g_strdup (self->category);
  copy->inspiration = g_strdup (self->inspiration);
  copy->notes = g_strdup (self->notes);
  copy->predecessor_id = self->predecessor_id;

  return copy;
}

/**
 * shoebox_silhouette_dup_display_name:
 * @self: a #ShoeboxSilhouette
 *
 * Returns: (transfer full): "Balenciaga Track 2.0"
 */
char *
shoebox_silhouette_dup_display_name (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), NULL);

  if (self->brand_name == NULL)
    return g_strdup (self->name != NULL ? self->name : "");

  /* Translators: a silhouette's full name: brand silhouette */
  return g_strdup_printf (_("%s %s"), self->brand_name, self->name != NULL ? self->name : "");
}

gint64
shoebox_silhouette_get_id (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), 0);

  return self->id;
}

void
shoebox_silhouette_set_id (ShoeboxSilhouette *self,
                           gint64             id)
{
  g_return_if_fail (SHOEBOX_IS_SILHOUETTE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
shoebox_silhouette_get_brand_name (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), NULL);

  return self->brand_name;
}

void
shoebox_silhouette_set_brand_name (ShoeboxSilhouette *self,
                                   const char        *brand_name)
{
  g_return_if_fail (SHOEBOX_IS_SILHOUETTE (self));

  shoebox_text_field_set (G_OBJECT (self), &self->brand_name, brand_name, properties[PROP_BRAND_NAME]);
}

const char *
shoebox_silhouette_get_name (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), NULL);

  return self->name;
}

void
shoebox_silhouette_set_name (ShoeboxSilhouette *self,
                             const char        *name)
{
  g_return_if_fail (SHOEBOX_IS_SILHOUETTE (self));

  shoebox_text_field_set (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
}

const char *
shoebox_silhouette_get_designer (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), NULL);

  return self->designer;
}

void
shoebox_silhouette_set_designer (ShoeboxSilhouette *self,
                                 const char        *designer)
{
  g_return_if_fail (SHOEBOX_IS_SILHOUETTE (self));

  shoebox_text_field_set (G_OBJECT (self), &self->designer, designer, properties[PROP_DESIGNER]);
}

guint
shoebox_silhouette_get_release_year (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), 0);

  return self->release_year;
}

void
shoebox_silhouette_set_release_year (ShoeboxSilhouette *self,
                                     guint              release_year)
{
  g_return_if_fail (SHOEBOX_IS_SILHOUETTE (self));
  g_return_if_fail (release_year <= 9999);

  if (self->release_year == release_year)
    return;

  self->release_year = release_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASE_YEAR]);
}

gint64
shoebox_silhouette_get_retail_price (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), -1);

  return self->retail_price;
}

void
shoebox_silhouette_set_retail_price (ShoeboxSilhouette *self,
                                     gint64             retail_price)
{
  g_return_if_fail (SHOEBOX_IS_SILHOUETTE (self));
  g_return_if_fail (retail_price >= -1);

  if (self->retail_price == retail_price)
    return;

  self->retail_price = retail_price;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETAIL_PRICE]);
}

const char *
shoebox_silhouette_get_retail_currency (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), NULL);

  return self->retail_currency;
}

void
shoebox_silhouette_set_retail_currency (ShoeboxSilhouette *self,
                                        const char        *retail_currency)
{
  g_return_if_fail (SHOEBOX_IS_SILHOUETTE (self));

  shoebox_text_field_set (G_OBJECT (self), &self->retail_currency, retail_currency, properties[PROP_RETAIL_CURRENCY]);
}

const char *
shoebox_silhouette_get_category (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), NULL);

  return self->category;
}

void
shoebox_silhouette_set_category (ShoeboxSilhouette *self,
                                 const char        *category)
{
  g_return_if_fail (SHOEBOX_IS_SILHOUETTE (self));

  shoebox_text_field_set (G_OBJECT (self), &self->category, category, properties[PROP_CATEGORY]);
}

const char *
shoebox_silhouette_get_inspiration (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), NULL);

  return self->inspiration;
}

void
shoebox_silhouette_set_inspiration (ShoeboxSilhouette *self,
                                    const char        *inspiration)
{
  g_return_if_fail (SHOEBOX_IS_SILHOUETTE (self));

  shoebox_text_field_set (G_OBJECT (self), &self->inspiration, inspiration, properties[PROP_INSPIRATION]);
}

const char *
shoebox_silhouette_get_notes (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), NULL);

  return self->notes;
}

void
shoebox_silhouette_set_notes (ShoeboxSilhouette *self,
                              const char        *notes)
{
  g_return_if_fail (SHOEBOX_IS_SILHOUETTE (self));

  shoebox_text_field_set (G_OBJECT (self), &self->notes, notes, properties[PROP_NOTES]);
}

gint64
shoebox_silhouette_get_predecessor_id (ShoeboxSilhouette *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (self), 0);

  return self->predecessor_id;
}

void
shoebox_silhouette_set_predecessor_id (ShoeboxSilhouette *self,
                                       gint64             predecessor_id)
{
  g_return_if_fail (SHOEBOX_IS_SILHOUETTE (self));

  if (self->predecessor_id == predecessor_id)
    return;

  self->predecessor_id = predecessor_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREDECESSOR_ID]);
}
