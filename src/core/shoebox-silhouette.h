/* shoebox-silhouette.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHOEBOX_TYPE_SILHOUETTE (shoebox_silhouette_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxSilhouette, shoebox_silhouette, SHOEBOX, SILHOUETTE, GObject)

ShoeboxSilhouette *shoebox_silhouette_new                 (void);
ShoeboxSilhouette *shoebox_silhouette_copy                (ShoeboxSilhouette *self);
char              *shoebox_silhouette_dup_display_name    (ShoeboxSilhouette *self);

gint64             shoebox_silhouette_get_id              (ShoeboxSilhouette *self);
void               shoebox_silhouette_set_id              (ShoeboxSilhouette *self,
                                                           gint64             id);
const char        *shoebox_silhouette_get_brand_name      (ShoeboxSilhouette *self);
void               shoebox_silhouette_set_brand_name      (ShoeboxSilhouette *self,
                                                           const char        *brand_name);
const char        *shoebox_silhouette_get_name            (ShoeboxSilhouette *self);
void               shoebox_silhouette_set_name            (ShoeboxSilhouette *self,
                                                           const char        *name);
const char        *shoebox_silhouette_get_designer        (ShoeboxSilhouette *self);
void               shoebox_silhouette_set_designer        (ShoeboxSilhouette *self,
                                                           const char        *designer);
guint              shoebox_silhouette_get_release_year    (ShoeboxSilhouette *self);
void               shoebox_silhouette_set_release_year    (ShoeboxSilhouette *self,
                                                           guint              release_year);
gint64             shoebox_silhouette_get_retail_price    (ShoeboxSilhouette *self);
void               shoebox_silhouette_set_retail_price    (ShoeboxSilhouette *self,
                                                           gint64             retail_price);
const char        *shoebox_silhouette_get_retail_currency (ShoeboxSilhouette *self);
void               shoebox_silhouette_set_retail_currency (ShoeboxSilhouette *self,
                                                           const char        *retail_currency);
const char        *shoebox_silhouette_get_category        (ShoeboxSilhouette *self);
void               shoebox_silhouette_set_category        (ShoeboxSilhouette *self,
                                                           const char        *category);
const char        *shoebox_silhouette_get_inspiration     (ShoeboxSilhouette *self);
void               shoebox_silhouette_set_inspiration     (ShoeboxSilhouette *self,
                                                           const char        *inspiration);
const char        *shoebox_silhouette_get_notes           (ShoeboxSilhouette *self);
void               shoebox_silhouette_set_notes           (ShoeboxSilhouette *self,
                                                           const char        *notes);
gint64             shoebox_silhouette_get_predecessor_id  (ShoeboxSilhouette *self);
void               shoebox_silhouette_set_predecessor_id  (ShoeboxSilhouette *self,
                                                           gint64             predecessor_id);

G_END_DECLS
