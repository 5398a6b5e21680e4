/* shoebox-pair-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-pair.h"

G_BEGIN_DECLS

/* The pair's fields, for the files that read them directly: the object
 * (shoebox-pair.c), its accessors (shoebox-pair-fields.c) and its
 * validation (shoebox-pair-validate.c). A pair's values as text are in
 * shoebox-pair-values.c.
 */
struct _ShoeboxPair
{
  GObject             parent_instance;

  gint64              id;
  gint64              silhouette_id;
  char               *silhouette_name;
  char               *brand_name;
  char               *colorway;
  char               *official_colorway;
  char               *style_code;
  char               *size;
  ShoeboxSizeSystem   size_system;
  ShoeboxCondition    condition;
  ShoeboxBox          box;
  char              **extras;
  ShoeboxStatus       status;
  gint64              price_paid;
  char               *currency;
  char               *purchase_date;
  char               *where_bought;
  gint64              estimated_value;
  char               *storage_location;
  char               *notes;
  char              **tags;
  char              **wear_dates;
  char               *created_at;
  char               *updated_at;
};

/* The properties, in the order of shoebox-pair.c's property table. */
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

/* The object's property table: shoebox-pair-fields.c's setters notify
 * through it, and shoebox-pair.c fills it in class_init. It lives in
 * shoebox-pair-fields.c so that the fields need nothing of shoebox-pair.c.
 */
extern GParamSpec *_shoebox_pair_properties[N_PROPS];

G_END_DECLS
