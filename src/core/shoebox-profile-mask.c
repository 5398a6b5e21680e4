/* shoebox-profile-mask.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-profile-align"

#include "config.h"

#include "shoebox-profile-align-private.h"

/* A product shot's soft shadow on the floor stands out from the backdrop
 * as much as a sole does, so the analysis would put the sole line at the
 * bottom of the shadow (3–4 % low on a small shot). A shadow differs from
 * a shoe in two ways that hold on any backdrop:
 *
 * - its colour is the backdrop's, darker: every channel scaled by one
 *   factor, with little left over;
 * - it fades in softly, while a shoe has an edge: inside a shadow no two
 *   neighbouring pixels of the photo differ by much.
 *
 * So the shadow is flooded from the background through grid pixels that
 * look like darkened backdrop and hold no edge at full resolution (looked
 * at only for the pixels the flood reaches), and only sideways or upwards:
 * a shadow lies under the shoe, and a flood that could go down would enter
 * a grey panel from above. The sole's edge stops it. Looking for edges in
 * the photo, not for steps between grid pixels, matters: along a slanted
 * edge the grid's block averages change gradually.
 *
 * The mask that cuts the shoe out is what is left: the regions kept as the
 * shoe, with their holes (a white panel on a white backdrop) filled.
 * Pixels on its edge are decided one by one at full resolution, with a
 * soft ramp, so the cut-out has no grid steps.
 */

/* A shadow keeps at least this much of the light. */
#define SHADOW_MIN_FACTOR      0.35
/* On a backdrop darker than this (per channel) a shadow hardly shows. */
#define SHADOW_MIN_BACKDROP    48.0
/* What a shadow's colour may differ from the darkened backdrop by, as a
 * fraction of the backdrop's brightness (a warm light's shadow is cooler).
 */
#define SHADOW_TINT            0.05
/* The largest difference between neighbouring photo pixels inside a
 * shadow: the full-resolution threshold, and at least MIN_SHADOW_STEP.
 */
#define MIN_SHADOW_STEP        20.0

struct _ShoeboxProfileMask
{
  int     width;      /* of the grid */
  int     height;
  int     scale;
  int     image_width;
  int     image_height;
  Plane   plane;
  double  threshold2; /* at full resolution */
  guint8 *cells;      /* CELL_* */
  guint8 *shadow;     /* grid pixels of the shadow, grown by one */
};

enum
{
  CELL_OUTSIDE,
  CELL_EDGE,
  CELL_INSIDE,
};

static gboolean
shadow_like (const Plane  *plane,
             const guint8  f[N_FEATURES],
             double        u,
             double        v,
             double        tolerance2)
{
  double backdrop[3];
  double dot = 0.0;
  double bb = 0.0;
  double residual2 = 0.0;
  double factor;

  /* A cut-out PNG's transparent surround has no floor to cast on. */
  if (f[3] < 255 || plane->a[3] < 250.0)
    return FALSE;

  for (int k = 0; k < 3; k++)
    {
      backdrop[k] = plane->a[k] + plane->b[k] * u + plane->c[k] * v;
      dot += f[k] * backdrop[k];
      bb += backdrop[k] * backdrop[k];
    }

  if (bb < 3 * SHADOW_MIN_BACKDROP * SHADOW_MIN_BACKDROP)
    return FALSE;

  factor = dot / bb;
  if (factor < SHADOW_MIN_FACTOR || factor > 1.0)
    return FALSE;

  for (int k = 0; k < 3; k++)
    {
      double diff = f[k] - factor * backdrop[k];

      residual2 += diff * diff;
    }

  return residual2 <= MAX (tolerance2, SHADOW_TINT * SHADOW_TINT * bb);
}

static int
step2 (const guint8 *a,
       const guint8 *b)
{
  int sum = 0;

  for (int k = 0; k < N_FEATURES; k++)
    sum += (a[k] - b[k]) * (a[k] - b[k]);

  return sum;
}

/* Whether the photo's block under grid pixel (@gx, @gy), and the pixels
 * around it, has two neighbouring pixels more than √@limit2 apart, or two
 * pixels one apart more than 1.5 times that: an antialiased edge splits
 * its step over two pixels, a shadow spreads it over many.
 */
static gboolean
has_edge (const Image *image,
          int          scale,
          int          gx,
          int          gy,
          int          limit2)
{
  int x0 = MAX (0, gx * scale - 2);
  int y0 = MAX (0, gy * scale - 2);
  int x1 = MIN (image->width - 1, (gx + 1) * scale + 1);
  int y1 = MIN (image->height - 1, (gy + 1) * scale + 1);
  int wide_limit2 = limit2 * 9 / 4;

  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        guint8 here[N_FEATURES];
        guint8 there[N_FEATURES];

        read_features (image, x, y, here);
        for (int d = 1; d <= 2; d++)
          {
            int limit = d == 1 ? limit2 : wide_limit2;

            if (x + d <= x1)
              {
                read_features (image, x + d, y, there);
                if (step2 (here, there) > limit)
                  return TRUE;
              }
            if (y + d <= y1)
              {
                read_features (image, x, y + d, there);
                if (step2 (here, there) > limit)
                  return TRUE;
              }
          }
      }

  return FALSE;
}

/**
 * shoebox_profile_shadow_remove:
 * @grid: the shrunken photo
 * @image: the photo
 * @background: its background
 * @threshold2: the squared threshold at full resolution
 * @from_row: the highest grid row a shadow may reach
 * @mask: (inout): the foreground of @grid; the shadow is cleared from it
 * @shadow: (out caller-allocates): set to 1 on every grid pixel of the
 *   shadow, 0 elsewhere
 *
 * Takes the shoe's shadow out of the foreground (see the top of the file).
 *
 * Returns: %TRUE if there was a shadow
 */
gboolean
shoebox_profile_shadow_remove (const Grid       *grid,
                               const Image      *image,
                               const Background *background,
                               double            threshold2,
                               int               from_row,
                               guint8           *mask,
                               guint8           *shadow)
{
  gsize n = (gsize) grid->width * grid->height;
  g_autofree guint32 *queue = g_new (guint32, n);
  int limit2 = (int) MAX (threshold2, MIN_SHADOW_STEP * MIN_SHADOW_STEP);
  int offset = (grid->scale - 1) / 2;
  gsize head = 0;
  gsize tail = 0;
  gboolean found = FALSE;

  memset (shadow, 0, n);
  for (gsize i = 0; i < n; i++)
    if (!mask[i])
      queue[tail++] = i;

  while (head < tail)
    {
      guint32 i = queue[head++];
      int x = i % grid->width;
      int y = i / grid->width;
      const int next_x[3] = { x - 1, x + 1, x };
      const int next_y[3] = { y, y, y - 1 };

      for (int d = 0; d < 3; d++)
        {
          gsize j;
          const guint8 *f;

          if (next_x[d] < 0 || next_x[d] >= grid->width || next_y[d] < MAX (0, from_row))
            continue;

          j = (gsize) next_y[d] * grid->width + next_x[d];
          f = grid->features + j * N_FEATURES;
          if (!mask[j]
              || !shadow_like (&background->plane, f,
                               position (next_x[d] * grid->scale + offset, image->width),
                               position (next_y[d] * grid->scale + offset, image->height),
                               background->threshold2)
              || has_edge (image, grid->scale, next_x[d], next_y[d], limit2))
            continue;

          mask[j] = 0;
          shadow[j] = 1;
          queue[tail++] = j;
          found = TRUE;
        }
    }

  return found;
}

/**
 * shoebox_profile_shadow_at:
 * @image: the photo
 * @plane: its background
 * @tolerance2: the squared full-resolution threshold
 * @x: column
 * @y: row
 *
 * Whether pixel (@x, @y) looks like the backdrop in shadow; only meaningful
 * where the grid found the shadow.
 *
 * Returns: %TRUE if it does
 */
gboolean
shoebox_profile_shadow_at (const Image *image,
                           const Plane *plane,
                           double       tolerance2,
                           int          x,
                           int          y)
{
  guint8 f[N_FEATURES];

  read_features (image, x, y, f);
  return shadow_like (plane, f, position (x, image->width), position (y, image->height), tolerance2);
}

/* Everything the border reaches without crossing a kept pixel is outside;
 * the rest, holes included, is the shoe.
 */
static guint8 *
fill_inside (const guint8 *kept,
             int           width,
             int           height)
{
  gsize n = (gsize) width * height;
  guint8 *inside = g_new (guint8, n);
  g_autofree guint32 *queue = g_new (guint32, n);
  gsize head = 0;
  gsize tail = 0;

  memset (inside, 1, n);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        gsize i = (gsize) y * width + x;

        if ((x == 0 || y == 0 || x == width - 1 || y == height - 1) && !kept[i])
          {
            inside[i] = 0;
            queue[tail++] = i;
          }
      }

  while (head < tail)
    {
      guint32 i = queue[head++];
      int x = i % width;
      int y = i / width;
      const int next_x[4] = { x - 1, x + 1, x, x };
      const int next_y[4] = { y, y, y - 1, y + 1 };

      for (int d = 0; d < 4; d++)
        {
          gsize j;

          if (next_x[d] < 0 || next_x[d] >= width || next_y[d] < 0 || next_y[d] >= height)
            continue;

          j = (gsize) next_y[d] * width + next_x[d];
          if (!inside[j] || kept[j])
            continue;

          inside[j] = 0;
          queue[tail++] = j;
        }
    }

  return inside;
}

/**
 * shoebox_profile_map_grow:
 * @map: one byte a pixel, non-zero where set
 * @width: its width
 * @height: its height
 *
 * Returns: (transfer full): @map grown by one pixel in all eight directions
 */
guint8 *
shoebox_profile_map_grow (const guint8 *map,
                          int           width,
                          int           height)
{
  guint8 *grown = g_new0 (guint8, (gsize) width * height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        if (!map[(gsize) y * width + x])
          continue;

        for (int yy = MAX (0, y - 1); yy <= MIN (height - 1, y + 1); yy++)
          for (int xx = MAX (0, x - 1); xx <= MIN (width - 1, x + 1); xx++)
            grown[(gsize) yy * width + xx] = 1;
      }

  return grown;
}

/**
 * shoebox_profile_mask_new:
 * @grid: the shrunken photo (its features are not used)
 * @image: the photo
 * @plane: its background
 * @threshold2: the squared full-resolution threshold
 * @kept: the grid pixels of the shoe
 * @foreground: the grid pixels that stand out, shadow left out
 * @shadow: the grid pixels of its shadow
 *
 * Returns: (transfer full): the shoe's mask
 */
ShoeboxProfileMask *
shoebox_profile_mask_new (const Grid   *grid,
                          const Image  *image,
                          const Plane  *plane,
                          double        threshold2,
                          const guint8 *kept,
                          const guint8 *foreground,
                          const guint8 *shadow)
{
  ShoeboxProfileMask *mask = g_new0 (ShoeboxProfileMask, 1);
  gsize n = (gsize) grid->width * grid->height;
  g_autofree guint8 *shoe = g_memdup2 (kept, n);
  g_autofree guint8 *floor_shadow = g_memdup2 (shadow, n);
  g_autofree guint8 *inside = NULL;
  g_autofree guint8 *outside = g_new (guint8, n);
  g_autofree guint8 *near_outside = NULL;
  g_autofree guint8 *near_inside = NULL;

  mask->width = grid->width;
  mask->height = grid->height;
  mask->scale = grid->scale;
  mask->image_width = image->width;
  mask->image_height = image->height;
  mask->plane = *plane;
  mask->threshold2 = threshold2;
  /* A shadow lies on the floor, under the shoe: "shadow" between the
   * shoe above and an edge below is the shoe, in a colour the shadow also
   * has (a grey outsole the flood reached through a faint edge under the
   * toe).
   */
  for (int x = 0; x < grid->width; x++)
    {
      gboolean edge_below = FALSE;
      gboolean shoe_above = FALSE;

      for (int y = 0; y < grid->height && !shoe_above; y++)
        shoe_above = kept[(gsize) y * grid->width + x];

      for (int y = grid->height - 1; y >= 0 && shoe_above; y--)
        {
          gsize i = (gsize) y * grid->width + x;

          if (kept[i])
            break;
          edge_below |= foreground[i];
          if (edge_below && floor_shadow[i])
            {
              floor_shadow[i] = 0;
              shoe[i] = 1;
            }
        }
    }

  inside = fill_inside (shoe, grid->width, grid->height);
  mask->shadow = shoebox_profile_map_grow (floor_shadow, grid->width, grid->height);
  mask->cells = g_new (guint8, (gsize) grid->width * grid->height);

  for (gsize i = 0; i < n; i++)
    outside[i] = !inside[i];
  near_outside = shoebox_profile_map_grow (outside, grid->width, grid->height);
  near_inside = shoebox_profile_map_grow (inside, grid->width, grid->height);

  /* A grid pixel on either side of the boundary is decided pixel by pixel:
   * it averages shoe and backdrop.
   */
  for (gsize i = 0; i < n; i++)
    {
      if (inside[i] && !near_outside[i])
        mask->cells[i] = CELL_INSIDE;
      else if (near_inside[i])
        mask->cells[i] = CELL_EDGE;
      else
        mask->cells[i] = CELL_OUTSIDE;
    }

  return mask;
}

/**
 * shoebox_profile_mask_free:
 * @mask: (nullable): a mask
 */
void
shoebox_profile_mask_free (ShoeboxProfileMask *mask)
{
  if (mask == NULL)
    return;

  g_free (mask->cells);
  g_free (mask->shadow);
  g_free (mask);
}

/**
 * shoebox_profile_mask_cut_out:
 * @mask: the mask of the photo
 * @data: (array): the same photo's pixels, as given to the analysis
 * @width: its width
 * @height: its height
 * @rowstride: bytes from one row to the next
 * @n_channels: 3 or 4
 *
 * The shoe cut from its background: the photo's colours with an alpha
 * channel that is transparent wherever the backdrop (or the shoe's shadow
 * on it) shows, so the shoe can be drawn on any page.
 *
 * Returns: (transfer full): RGBA pixels, not premultiplied, 4 × @width
 *   bytes a row
 */
GBytes *
shoebox_profile_mask_cut_out (const ShoeboxProfileMask *mask,
                              const guint8             *data,
                              int                       width,
                              int                       height,
                              int                       rowstride,
                              int                       n_channels)
{
  Image image = { data, width, height, rowstride, n_channels };
  double threshold2 = mask->threshold2;
  guint8 *out;

  g_return_val_if_fail (mask != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (width == mask->image_width && height == mask->image_height, NULL);
  g_return_val_if_fail (n_channels == 3 || n_channels == 4, NULL);

  out = g_malloc ((gsize) width * height * 4);
  for (int y = 0; y < height; y++)
    {
      const guint8 *in = data + (gsize) y * rowstride;
      guint8 *row = out + (gsize) y * width * 4;
      const guint8 *cells = mask->cells + (gsize) MIN (y / mask->scale, mask->height - 1) * mask->width;
      const guint8 *shadow = mask->shadow + (gsize) MIN (y / mask->scale, mask->height - 1) * mask->width;

      for (int x = 0; x < width; x++, in += n_channels)
        {
          int cell = MIN (x / mask->scale, mask->width - 1);
          double alpha = n_channels == 4 ? in[3] : 255;

          memcpy (row + 4 * x, in, 3);
          if (cells[cell] == CELL_OUTSIDE)
            {
              alpha = 0;
            }
          else if (cells[cell] == CELL_EDGE)
            {
              guint8 f[N_FEATURES];
              double d2;

              read_features (&image, x, y, f);
              d2 = distance2 (&mask->plane, f, position (x, width), position (y, height));
              if (shadow[cell] && shoebox_profile_shadow_at (&image, &mask->plane, mask->threshold2, x, y))
                alpha = 0;
              else
                /* Half the threshold and below is backdrop, one and a half
                 * is all shoe (compared squared, as everywhere): an
                 * antialiased edge stays soft.
                 */
                alpha *= CLAMP ((d2 - 0.25 * threshold2) / (2.0 * threshold2), 0.0, 1.0);
            }
          row[4 * x + 3] = (guint8) (alpha + 0.5);
        }
    }

  return g_bytes_new_take (out, (gsize) width * height * 4);
}
