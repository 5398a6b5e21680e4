/* shoebox-profile-align-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "shoebox-profile-align.h"

G_BEGIN_DECLS

/* What the analysis (shoebox-profile-align.c) and the shadow and mask
 * (shoebox-profile-mask.c) share: the photo, its shrunken grid and the
 * background plane fitted to its border.
 */

#define N_FEATURES 4

typedef struct
{
  const guint8 *data;
  int           width;
  int           height;
  int           rowstride;
  int           n_channels;
} Image;

/* The shrunken image: N_FEATURES premultiplied bytes per pixel. Pixel
 * (x, y) averages the photo's block from (x·scale, y·scale).
 */
typedef struct
{
  guint8 *features;
  int     width;
  int     height;
  int     scale;
} Grid;

/* One plane per feature over u, v in [-0.5, 0.5] across the whole photo,
 * so the same model holds at every resolution.
 */
typedef struct
{
  double a[N_FEATURES];
  double b[N_FEATURES];
  double c[N_FEATURES];
} Plane;

typedef struct
{
  Plane  plane;
  double threshold2;
  double median2;
  double outlier_fraction;
} Background;

static inline void
read_features (const Image *image,
               int          x,
               int          y,
               guint8       f[N_FEATURES])
{
  const guint8 *p = image->data + (gsize) y * image->rowstride + (gsize) x * image->n_channels;

  if (image->n_channels == 4)
    {
      guint alpha = p[3];

      f[0] = (p[0] * alpha + 127) / 255;
      f[1] = (p[1] * alpha + 127) / 255;
      f[2] = (p[2] * alpha + 127) / 255;
      f[3] = alpha;
    }
  else
    {
      f[0] = p[0];
      f[1] = p[1];
      f[2] = p[2];
      f[3] = 255;
    }
}

static inline double
position (int full,
          int size)
{
  return (full + 0.5) / size - 0.5;
}

static inline double
distance2 (const Plane *plane,
           const guint8 f[N_FEATURES],
           double       u,
           double       v)
{
  double sum = 0.0;

  for (int k = 0; k < N_FEATURES; k++)
    {
      double diff = f[k] - (plane->a[k] + plane->b[k] * u + plane->c[k] * v);

      sum += diff * diff;
    }

  return sum;
}


gboolean shoebox_profile_shadow_remove   (const Grid       *grid,
                                          const Image      *image,
                                          const Background *background,
                                          double            threshold2,
                                          int               from_row,
                                          guint8           *mask,
                                          guint8           *shadow);
gboolean shoebox_profile_shadow_at       (const Image      *image,
                                          const Plane      *plane,
                                          double            tolerance2,
                                          int               x,
                                          int               y);
guint8  *shoebox_profile_map_grow         (const guint8     *map,
                                          int               width,
                                          int               height);
void     shoebox_profile_refine_box       (const Image       *image,
                                          const Grid        *grid,
                                          const Background  *background,
                                          double             threshold2,
                                          const guint8      *shadow,
                                          int                x0,
                                          int                y0,
                                          int                x1,
                                          int                y1,
                                          ShoeboxProfileBox *box);
ShoeboxProfileMask *shoebox_profile_mask_new (const Grid  *grid,
                                              const Image *image,
                                              const Plane *plane,
                                              double       threshold2,
                                              const guint8 *kept,
                                              const guint8 *foreground,
                                              const guint8 *shadow);

G_END_DECLS
