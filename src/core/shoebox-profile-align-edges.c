/* shoebox-profile-align-edges.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-profile-align"

#include "config.h"

#include "shoebox-profile-align-private.h"

/* Step 5 of shoebox-profile-align.c: the box found on the shrunk grid,
 * each edge looked for again at full resolution, so that it is exact to a
 * pixel or two whatever the shrinking.
 */

#define EDGE_BAND_BLOCKS       2
#define EDGE_INWARD_BLOCKS     4
#define MIN_EDGE_PIXELS        2
/* A JPEG rings beside a sharp edge: pixels up to a block (8 px) out from
 * a shoe stray from the backdrop as far as a pale midsole does, but one
 * here and one there. A pixel of the shoe's edge has shoe behind it, so
 * it only counts with this many foreground pixels in a row going in.
 */
#define EDGE_RUN               3

/* What the full-resolution refinement looks at: the photo, its
 * background, and where the grid found the shoe's shadow (grown by one).
 */
typedef struct
{
  const Image  *image;
  const Plane  *plane;
  double        threshold2;
  const guint8 *shadow;
  int           grid_width;
  int           scale;
} Edges;

static inline gboolean
is_foreground (const Edges *edges,
               int          x,
               int          y)
{
  const Image *image = edges->image;
  guint8 f[N_FEATURES];

  read_features (image, x, y, f);
  if (distance2 (edges->plane, f, position (x, image->width), position (y, image->height)) <= edges->threshold2)
    return FALSE;

  return !edges->shadow[(gsize) (y / edges->scale) * edges->grid_width + x / edges->scale]
         || !shoebox_profile_shadow_at (image, edges->plane, edges->threshold2, x, y);
}

/* Whether (@x, @y) and the EDGE_RUN - 1 pixels after it, stepping by
 * (@dx, @dy) into the shoe, are all foreground.
 */
static gboolean
starts_run (const Edges *edges,
            int          x,
            int          y,
            int          dx,
            int          dy)
{
  const Image *image = edges->image;

  for (int i = 0; i < EDGE_RUN; i++, x += dx, y += dy)
    {
      if (x < 0 || y < 0 || x >= image->width || y >= image->height)
        return i > 0;
      if (!is_foreground (edges, x, y))
        return FALSE;
    }

  return TRUE;
}

/* Counts the pixels of column (or, with @rows, row) @line between @from
 * and @to inclusive that start a run of foreground going in, a @step at
 * a time across the line.
 */
static int
count_line (const Edges *edges,
            gboolean     rows,
            int          line,
            int          step,
            int          from,
            int          to)
{
  int count = 0;

  for (int i = from; i <= to; i++)
    if (rows ? starts_run (edges, i, line, 0, step) : starts_run (edges, line, i, step, 0))
      count++;

  return count;
}

/* Looks for the first line, from @start towards @stop, with foreground on
 * it; returns @fallback when none has.
 */
static int
find_edge (const Edges *edges,
           gboolean     rows,
           int          start,
           int          stop,
           int          from,
           int          to,
           int          fallback)
{
  int step = stop >= start ? 1 : -1;

  for (int line = start; line != stop + step; line += step)
    if (count_line (edges, rows, line, step, from, to) >= MIN_EDGE_PIXELS)
      return line;

  return fallback;
}

/* The grid box [x0, x1] × [y0, y1] at full resolution, each edge looked
 * for again in a band around where the grid put it.
 */
void
shoebox_profile_refine_box (const Image       *image,
                            const Grid        *grid,
                            const Background  *background,
                            double             threshold2,
                            const guint8      *shadow,
                            int                x0,
                            int                y0,
                            int                x1,
                            int                y1,
                            ShoeboxProfileBox *box)
{
  int s = grid->scale;
  int band = EDGE_BAND_BLOCKS * s;
  int inward = EDGE_INWARD_BLOCKS * s;
  Edges edges = { image, &background->plane, threshold2, shadow, grid->width, s };
  int left = x0 * s;
  int right = MIN (image->width, (x1 + 1) * s) - 1;
  int top = y0 * s;
  int bottom = MIN (image->height, (y1 + 1) * s) - 1;
  int row_from = MAX (0, top - band);
  int row_to = MIN (image->height - 1, bottom + band);

  /* Each search starts a band outside the grid's edge and may go twice
   * as far inside it: blocks that a JPEG's ringing or a shadow's rim
   * tipped over the threshold at the grid's size put its edge a block or
   * three out, and at full size those blocks hold no run of shoe.
   */
  left = find_edge (&edges, FALSE,
                    MAX (0, left - band), MIN (image->width - 1, left + inward + s - 1),
                    row_from, row_to, left);
  right = find_edge (&edges, FALSE,
                     MIN (image->width - 1, right + band), MAX (0, right - inward - s + 1),
                     row_from, row_to, right);
  top = find_edge (&edges, TRUE,
                   MAX (0, top - band), MIN (image->height - 1, top + inward + s - 1),
                   left, right, top);
  bottom = find_edge (&edges, TRUE,
                      MIN (image->height - 1, bottom + band), MAX (0, bottom - inward - s + 1),
                      left, right, bottom);

  box->x = left;
  box->y = top;
  box->width = MAX (1, right - left + 1);
  box->height = MAX (1, bottom - top + 1);
}
