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
 * and its accessors (shoebox-pair.c), what the fields add up to
 * (shoebox-pair-derived.c) and the validation (shoebox-pair-validate.c).
 * A pair's values as text are in shoebox-pair-values.c.
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

gboolean _shoebox_pair_validate_on (ShoeboxPair  *self,
                                    const GDate  *today,
                                    GError      **error);

G_END_DECLS
