/* shoebox-profile-view.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "shoebox-profile-align.h"

G_BEGIN_DECLS

/**
 * ShoeboxProfileViewMode:
 * @SHOEBOX_PROFILE_VIEW_PHOTOS: every layer's photo, cropped to its shoe
 *   (a column shows one)
 * @SHOEBOX_PROFILE_VIEW_OVERLAY: the second layer over the first, at the
 *   overlay opacity and left of the divider (onion skin and swipe)
 * @SHOEBOX_PROFILE_VIEW_OUTLINE: every layer's outer contour, one colour each
 */
typedef enum
{
  SHOEBOX_PROFILE_VIEW_PHOTOS,
  SHOEBOX_PROFILE_VIEW_OVERLAY,
  SHOEBOX_PROFILE_VIEW_OUTLINE,
} ShoeboxProfileViewMode;

#define SHOEBOX_PROFILE_VIEW_MAX_LAYERS 4

#define SHOEBOX_TYPE_PROFILE_VIEW (shoebox_profile_view_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxProfileView, shoebox_profile_view, SHOEBOX, PROFILE_VIEW, GtkWidget)

GtkWidget              *shoebox_profile_view_new                (void);
ShoeboxProfileViewMode  shoebox_profile_view_get_mode           (ShoeboxProfileView   *self);
void                    shoebox_profile_view_set_mode           (ShoeboxProfileView   *self,
                                                                 ShoeboxProfileViewMode mode);
void                    shoebox_profile_view_clear              (ShoeboxProfileView   *self);
void                    shoebox_profile_view_add_layer          (ShoeboxProfileView   *self,
                                                                 GdkTexture           *texture,
                                                                 const ShoeboxProfile *profile,
                                                                 GArray               *outline);
guint                   shoebox_profile_view_get_n_layers       (ShoeboxProfileView   *self);
double                  shoebox_profile_view_get_overlay_opacity (ShoeboxProfileView  *self);
void                    shoebox_profile_view_set_overlay_opacity (ShoeboxProfileView  *self,
                                                                  double                opacity);
double                  shoebox_profile_view_get_divider        (ShoeboxProfileView   *self);
void                    shoebox_profile_view_set_divider        (ShoeboxProfileView   *self,
                                                                 double                divider);
void                    shoebox_profile_view_set_height_ratio   (ShoeboxProfileView   *self,
                                                                 double                ratio);
double                  shoebox_profile_view_measure_ratio      (const ShoeboxProfile *profile);
void                    shoebox_profile_view_get_layer_color    (guint                 index,
                                                                 GdkRGBA              *color);
void                    shoebox_profile_view_append_outline     (cairo_t              *cr,
                                                                 GArray               *outline,
                                                                 const ShoeboxProfilePlacement *placement,
                                                                 double                x,
                                                                 double                y);

G_END_DECLS
