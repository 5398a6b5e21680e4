/* shoebox-pair-card.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "shoebox-pair.h"
#include "shoebox-photos.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_PAIR_CARD (shoebox_pair_card_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxPairCard, shoebox_pair_card, SHOEBOX, PAIR_CARD, GtkWidget)

GtkWidget   *shoebox_pair_card_new           (void);
ShoeboxPair *shoebox_pair_card_get_pair      (ShoeboxPairCard *self);
void         shoebox_pair_card_set_pair      (ShoeboxPairCard *self,
                                              ShoeboxPair     *pair);
void         shoebox_pair_card_set_thumbnail (ShoeboxPairCard *self,
                                              GdkPaintable    *thumbnail);
GdkPaintable *shoebox_pair_card_get_thumbnail (ShoeboxPairCard *self);
gboolean     shoebox_pair_card_get_photo_looked_up (ShoeboxPairCard *self);
void         shoebox_pair_card_load_thumbnail (ShoeboxPairCard *self,
                                               ShoeboxPhotos   *photos,
                                               const char      *file_name);

G_END_DECLS
