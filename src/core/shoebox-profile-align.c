/* shoebox-profile-align.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-profile-align"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "shoebox-profile-align-private.h"

/* How a side-profile photo is read:
 *
 * 1. Photos are shrunk (block averages) to at most ANALYSIS_SIDE pixels a
 *    side, so a 6000×4000 photo costs one pass over its bytes and a few
 *    bytes per analysis pixel, never a copy at full size. Averaging also
 *    quiets sensor noise.
 * 2. The background is a plane per colour channel (a + b·u + c·v), fitted
 *    to a ring along the image border with the outliers (a shoe touching
 *    the border) left out. A plane, not one colour, because studio shots
 *    are lit from one side. Alpha counts as a fourth channel and colours
 *    are premultiplied, so a cut-out PNG's transparent surround is
 *    background whatever colour its invisible pixels have.
 * 3. A pixel is foreground when its distance from the plane exceeds a
 *    threshold derived from the ring's own spread (its median distance).
 *    A ring that is too spread out, or too often far from its own plane,
 *    is not a plain background: the photo is shown whole.
 * 4. The foreground's 4-connected regions are labelled (two passes with
 *    union-find, no recursion); the largest is the shoe. Regions a
 *    twentieth its size or more that lie next to it are kept too: a white
 *    midsole on a white background cuts a shoe in two. Specks are dropped.
 *    There is no morphological opening: it would eat a tapering toe tip
 *    and the largest-region rule already removes the noise it would.
 * 5. The box is mapped back to the photo and each edge is refined at full
 *    resolution, from two analysis pixels outside it to four inside, so
 *    it is exact to a pixel or two whatever the shrinking. There an edge
 *    needs runs of foreground going in: a JPEG's ringing strays from the
 *    backdrop one pixel here and one there (shoebox-profile-align-edges.c).
 * 6. The toe end of a sneaker is lower than the heel end (the collar and
 *    heel counter stand tall, the toe box tapers): the mean height of the
 *    region's top edge over each end quarter tells which way it points.
 */

#define MIN_IMAGE_SIDE        8
#define ANALYSIS_SIDE         1024
#define MAX_RING_THICKNESS    8
#define MAX_RING_SAMPLES      65536

/* Distances are Euclidean over the four 0–255 features. For Gaussian noise
 * the median distance is about 1.5σ, so the threshold is about 6σ. The code
 * compares squared distances (and their medians, which are the squared
 * medians), so it needs no square roots.
 */
#define MIN_THRESHOLD          12.0
#define THRESHOLD_FACTOR       4.0
#define INLIER_FACTOR          4.0
#define MAX_BACKGROUND_MEDIAN  16.0
#define MAX_OUTLIER_FRACTION   0.35

#define MAX_SUBJECT_FRACTION   0.85
#define MIN_SUBJECT_FRACTION   0.0005
#define MIN_SUBJECT_PIXELS     4
#define MIN_SUBJECT_SIDE       3
#define MERGE_MIN_FRACTION     0.05
#define MERGE_MARGIN           0.10

/* How far up from the bottom of what stands out a shadow may reach, as a
 * fraction of its height.
 */
#define SHADOW_BAND            0.25

#define TOE_END_FRACTION       0.25
#define TOE_MIN_DIFFERENCE     0.10

G_DEFINE_QUARK (shoebox-profile-align-error-quark, shoebox_profile_align_error)

typedef struct
{
  float  u;
  float  v;
  guint8 f[N_FEATURES];
} Sample;

typedef struct
{
  guint64  area;
  int      x0;
  int      y0;
  int      x1;
  int      y1;
  gboolean keep;
} Component;

static const int dx8[8] = { 1, 1, 0, -1, -1, -1, 0, 1 };
static const int dy8[8] = { 0, 1, 1, 1, 0, -1, -1, -1 };

static void
shrink (const Image *image,
        Grid        *grid)
{
  int s = grid->scale;
  g_autofree guint64 *sums = g_new (guint64, (gsize) grid->width * N_FEATURES);

  grid->features = g_new (guint8, (gsize) grid->width * grid->height * N_FEATURES);

  for (int gy = 0; gy < grid->height; gy++)
    {
      int y_end = MIN (image->height, (gy + 1) * s);
      int n_rows = y_end - gy * s;
      guint8 *out = grid->features + (gsize) gy * grid->width * N_FEATURES;

      memset (sums, 0, sizeof (guint64) * grid->width * N_FEATURES);

      for (int y = gy * s; y < y_end; y++)
        {
          const guint8 *p = image->data + (gsize) y * image->rowstride;

          for (int gx = 0; gx < grid->width; gx++)
            {
              guint64 *sum = sums + (gsize) gx * N_FEATURES;
              int x_end = MIN (image->width, (gx + 1) * s);

              if (image->n_channels == 4)
                {
                  for (int x = gx * s; x < x_end; x++, p += 4)
                    {
                      guint alpha = p[3];

                      sum[0] += (p[0] * alpha + 127) / 255;
                      sum[1] += (p[1] * alpha + 127) / 255;
                      sum[2] += (p[2] * alpha + 127) / 255;
                      sum[3] += alpha;
                    }
                }
              else
                {
                  for (int x = gx * s; x < x_end; x++, p += 3)
                    {
                      sum[0] += p[0];
                      sum[1] += p[1];
                      sum[2] += p[2];
                    }
                  sum[3] += 255 * (guint64) (x_end - gx * s);
                }
            }
        }

      for (int gx = 0; gx < grid->width; gx++)
        {
          guint64 count = (guint64) n_rows * (MIN (image->width, (gx + 1) * s) - gx * s);

          for (int k = 0; k < N_FEATURES; k++)
            out[gx * N_FEATURES + k] = (sums[gx * N_FEATURES + k] + count / 2) / count;
        }
    }
}

/* Samples a ring @thickness pixels wide along the border, every @step
 * pixels, from the grid or (when @grid is %NULL) from the photo itself.
 */
static GArray *
collect_ring (const Image *image,
              const Grid  *grid,
              int          thickness,
              int          step)
{
  int width = grid != NULL ? grid->width : image->width;
  int height = grid != NULL ? grid->height : image->height;
  int scale = grid != NULL ? grid->scale : 1;
  int offset = (scale - 1) / 2;
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (Sample));

  for (int y = 0; y < height; y += step)
    {
      gboolean whole_row = y < thickness || y >= height - thickness;

      for (int x = 0; x < width; x += step)
        {
          Sample sample;

          if (!whole_row && x >= thickness && x < width - thickness)
            continue;

          if (grid != NULL)
            memcpy (sample.f, grid->features + ((gsize) y * width + x) * N_FEATURES, N_FEATURES);
          else
            read_features (image, x, y, sample.f);

          sample.u = position (x * scale + offset, image->width);
          sample.v = position (y * scale + offset, image->height);
          g_array_append_val (samples, sample);
        }
    }

  return samples;
}

static int
compare_floats (gconstpointer a,
                gconstpointer b)
{
  float fa = *(const float *) a;
  float fb = *(const float *) b;

  return (fa > fb) - (fa < fb);
}

static double
median_of (const float *values,
           guint        n)
{
  g_autofree float *sorted = g_memdup2 (values, sizeof (float) * n);

  qsort (sorted, n, sizeof (float), compare_floats);
  return sorted[n / 2];
}

static void
fit_constant (Plane        *plane,
              const Sample *samples,
              guint         n)
{
  for (int k = 0; k < N_FEATURES; k++)
    {
      guint histogram[256] = { 0 };
      guint seen = 0;
      int value = 0;

      for (guint i = 0; i < n; i++)
        histogram[samples[i].f[k]]++;

      while (value < 255 && (seen += histogram[value]) <= n / 2)
        value++;

      plane->a[k] = value;
      plane->b[k] = 0.0;
      plane->c[k] = 0.0;
    }
}

static double
determinant3 (double m00, double m01, double m02,
              double m10, double m11, double m12,
              double m20, double m21, double m22)
{
  return m00 * (m11 * m22 - m12 * m21)
         - m01 * (m10 * m22 - m12 * m20)
         + m02 * (m10 * m21 - m11 * m20);
}

/* Least squares over the samples no farther than √@cut2; keeps @plane as it
 * is when too few are left to pin a plane down.
 */
static void
fit_plane (Plane        *plane,
           const Sample *samples,
           const float  *distances2,
           guint         n,
           double        cut2)
{
  double s1 = 0, su = 0, sv = 0, suu = 0, suv = 0, svv = 0;
  double sf[N_FEATURES] = { 0 }, sfu[N_FEATURES] = { 0 }, sfv[N_FEATURES] = { 0 };
  double det;

  for (guint i = 0; i < n; i++)
    {
      double u = samples[i].u;
      double v = samples[i].v;

      if (distances2[i] > cut2)
        continue;

      s1 += 1;
      su += u;
      sv += v;
      suu += u * u;
      suv += u * v;
      svv += v * v;
      for (int k = 0; k < N_FEATURES; k++)
        {
          sf[k] += samples[i].f[k];
          sfu[k] += samples[i].f[k] * u;
          sfv[k] += samples[i].f[k] * v;
        }
    }

  det = determinant3 (s1, su, sv, su, suu, suv, sv, suv, svv);
  if (s1 < 16 || ABS (det) < 1e-9 * s1 * s1 * s1)
    return;

  for (int k = 0; k < N_FEATURES; k++)
    {
      plane->a[k] = determinant3 (sf[k], su, sv, sfu[k], suu, suv, sfv[k], suv, svv) / det;
      plane->b[k] = determinant3 (s1, sf[k], sv, su, sfu[k], suv, sv, sfv[k], svv) / det;
      plane->c[k] = determinant3 (s1, su, sf[k], su, suu, sfu[k], sv, suv, sfv[k]) / det;
    }
}

static void
measure_distances (const Plane  *plane,
                   const Sample *samples,
                   guint         n,
                   float        *distances2)
{
  for (guint i = 0; i < n; i++)
    distances2[i] = distance2 (plane, samples[i].f, samples[i].u, samples[i].v);
}

/* The threshold, squared, for a ring whose median squared distance is
 * @median2.
 */
static double
threshold2_for (double median2,
                double factor)
{
  return MAX (factor * factor * median2, MIN_THRESHOLD * MIN_THRESHOLD);
}

static void
estimate_background (GArray     *ring,
                     Background *background)
{
  const Sample *samples = (const Sample *) (gpointer) ring->data;
  guint n = ring->len;
  g_autofree float *distances2 = g_new (float, n);
  guint n_outliers = 0;

  /* Median colour first, then a plane fitted to what lies near it, twice. */
  fit_constant (&background->plane, samples, n);
  for (int iteration = 0; iteration < 2; iteration++)
    {
      measure_distances (&background->plane, samples, n, distances2);
      fit_plane (&background->plane, samples, distances2, n,
                 threshold2_for (median_of (distances2, n), INLIER_FACTOR));
    }

  measure_distances (&background->plane, samples, n, distances2);
  background->median2 = median_of (distances2, n);
  background->threshold2 = threshold2_for (background->median2, THRESHOLD_FACTOR);

  for (guint i = 0; i < n; i++)
    if (distances2[i] > background->threshold2)
      n_outliers++;
  background->outlier_fraction = (double) n_outliers / n;
}

/* The threshold at full resolution, where the noise is not averaged away:
 * the same plane, measured on a sparse ring of the photo itself.
 */
static double
full_resolution_threshold2 (const Image *image,
                            const Plane *plane,
                            int          thickness)
{
  gsize ring_size = 2 * (gsize) thickness * ((gsize) image->width + image->height);
  g_autoptr(GArray) ring = NULL;
  g_autofree float *distances2 = NULL;
  int step = 1;

  /* Every step-th pixel of every step-th row: at most MAX_RING_SAMPLES. */
  while ((gsize) step * step * MAX_RING_SAMPLES < ring_size)
    step++;

  ring = collect_ring (image, NULL, thickness, step);
  if (ring->len == 0)
    return threshold2_for (0.0, THRESHOLD_FACTOR);

  distances2 = g_new (float, ring->len);
  measure_distances (plane, (const Sample *) (gpointer) ring->data, ring->len, distances2);
  return threshold2_for (median_of (distances2, ring->len), THRESHOLD_FACTOR);
}

static guint8 *
classify (const Grid       *grid,
          const Image      *image,
          const Background *background)
{
  guint8 *mask = g_new (guint8, (gsize) grid->width * grid->height);
  int offset = (grid->scale - 1) / 2;
  double threshold2 = background->threshold2;
  const Plane *plane = &background->plane;

  for (int y = 0; y < grid->height; y++)
    {
      double v = position (y * grid->scale + offset, image->height);
      const guint8 *f = grid->features + (gsize) y * grid->width * N_FEATURES;
      guint8 *out = mask + (gsize) y * grid->width;
      double row[N_FEATURES];

      for (int k = 0; k < N_FEATURES; k++)
        row[k] = plane->a[k] + plane->c[k] * v;

      for (int x = 0; x < grid->width; x++, f += N_FEATURES)
        {
          double u = position (x * grid->scale + offset, image->width);
          double sum = 0.0;

          for (int k = 0; k < N_FEATURES; k++)
            {
              double diff = f[k] - (row[k] + plane->b[k] * u);

              sum += diff * diff;
            }

          out[x] = sum > threshold2;
        }
    }

  return mask;
}

static guint32
find_root (guint32 *parent,
           guint32  label)
{
  while (parent[label] != label)
    {
      parent[label] = parent[parent[label]];
      label = parent[label];
    }

  return label;
}

/* Two-pass labelling of the 4-connected regions of @mask. Rewrites @labels
 * with compact component numbers (0 is background, component i is at
 * index i of the returned array).
 */
static GArray *
label_components (const guint8 *mask,
                  guint32      *labels,
                  int           width,
                  int           height)
{
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint32 *compact = NULL;
  GArray *components = g_array_new (FALSE, TRUE, sizeof (Component));
  guint32 next = 1;
  guint32 background_label = 0;
  guint32 *parent;
  Component none = { 0 };

  /* Label 0 is the background, its own root. */
  g_array_append_val (parents, background_label);

  for (int y = 0; y < height; y++)
    {
      for (int x = 0; x < width; x++)
        {
          gsize i = (gsize) y * width + x;
          guint32 up = y > 0 ? labels[i - width] : 0;
          guint32 left = x > 0 ? labels[i - 1] : 0;

          if (!mask[i])
            {
              labels[i] = 0;
              continue;
            }

          parent = (guint32 *) (gpointer) parents->data;
          if (up == 0 && left == 0)
            {
              g_array_append_val (parents, next);
              labels[i] = next++;
            }
          else if (up != 0 && left != 0)
            {
              guint32 root_up = find_root (parent, up);
              guint32 root_left = find_root (parent, left);
              guint32 root = MIN (root_up, root_left);

              parent[root_up] = root;
              parent[root_left] = root;
              labels[i] = root;
            }
          else
            {
              labels[i] = up != 0 ? up : left;
            }
        }
    }

  parent = (guint32 *) (gpointer) parents->data;
  compact = g_new0 (guint32, next);
  g_array_append_val (components, none);

  for (int y = 0; y < height; y++)
    {
      for (int x = 0; x < width; x++)
        {
          gsize i = (gsize) y * width + x;
          guint32 root;
          Component *component;

          if (labels[i] == 0)
            continue;

          root = find_root (parent, labels[i]);
          if (compact[root] == 0)
            {
              Component fresh = { 0, x, y, x, y, FALSE };

              compact[root] = components->len;
              g_array_append_val (components, fresh);
            }

          labels[i] = compact[root];
          component = &g_array_index (components, Component, labels[i]);
          component->area++;
          component->x0 = MIN (component->x0, x);
          component->x1 = MAX (component->x1, x);
          component->y0 = MIN (component->y0, y);
          component->y1 = MAX (component->y1, y);
        }
    }

  return components;
}

static Component *
find_largest (GArray *components,
              guint  *index)
{
  Component *largest = NULL;

  for (guint i = 1; i < components->len; i++)
    {
      Component *component = &g_array_index (components, Component, i);

      if (largest == NULL || component->area > largest->area)
        {
          largest = component;
          *index = i;
        }
    }

  return largest;
}

static gboolean
boxes_near (const Component *a,
            const Component *b,
            int              margin)
{
  return a->x0 <= b->x1 + margin && b->x0 <= a->x1 + margin
         && a->y0 <= b->y1 + margin && b->y0 <= a->y1 + margin;
}

static int
direction_between (int dx,
                   int dy)
{
  static const int directions[9] = { 5, 6, 7, 4, -1, 0, 3, 2, 1 };

  return directions[(dy + 1) * 3 + dx + 1];
}

static inline gboolean
mask_at (const guint8 *mask,
         int           width,
         int           height,
         int           x,
         int           y)
{
  return x >= 0 && y >= 0 && x < width && y < height && mask[(gsize) y * width + x] != 0;
}

/* Moore-neighbour tracing of the outer boundary, clockwise from the
 * region's first pixel in reading order; runs of one direction become one
 * segment. Stops when the first move repeats.
 */
static GArray *
trace_outline (const guint8 *mask,
               const Grid   *grid,
               const Image  *image,
               int           start_x,
               int           start_y)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (ShoeboxProfilePoint));
  gsize max_steps = 4 * (gsize) grid->width * grid->height + 8;
  int x = start_x;
  int y = start_y;
  int back = 4; /* West: nothing precedes the first pixel in its row. */
  int first_x = -1;
  int first_y = -1;
  int last_direction = -1;
  ShoeboxProfilePoint point = { x, y };

  g_array_append_val (points, point);

  for (gsize step = 0; step < max_steps; step++)
    {
      int found = -1;
      int next_x;
      int next_y;
      int checked;

      for (int k = 1; k <= 8 && found < 0; k++)
        {
          int d = (back + k) % 8;

          if (mask_at (mask, grid->width, grid->height, x + dx8[d], y + dy8[d]))
            found = d;
        }

      if (found < 0)
        break; /* A single pixel. */

      next_x = x + dx8[found];
      next_y = y + dy8[found];
      if (step == 0)
        {
          first_x = next_x;
          first_y = next_y;
        }
      else if (x == start_x && y == start_y && next_x == first_x && next_y == first_y)
        {
          break;
        }

      /* The last background cell looked at, seen from the new pixel. */
      checked = (found + 7) % 8;
      back = direction_between (x + dx8[checked] - next_x, y + dy8[checked] - next_y);

      x = next_x;
      y = next_y;
      point.x = x;
      point.y = y;
      if (found == last_direction && points->len >= 2)
        g_array_index (points, ShoeboxProfilePoint, points->len - 1) = point;
      else
        g_array_append_val (points, point);
      last_direction = found;
    }

  /* The walk ends back on the start, which is already the first point. */
  if (points->len > 1)
    {
      ShoeboxProfilePoint *last = &g_array_index (points, ShoeboxProfilePoint, points->len - 1);

      if (last->x == start_x && last->y == start_y)
        g_array_set_size (points, points->len - 1);
    }

  for (guint i = 0; i < points->len; i++)
    {
      ShoeboxProfilePoint *p = &g_array_index (points, ShoeboxProfilePoint, i);

      p->x = MIN ((p->x + 0.5) * grid->scale, image->width);
      p->y = MIN ((p->y + 0.5) * grid->scale, image->height);
    }

  return points;
}

static ShoeboxProfileToe
find_toe (const guint8 *mask,
          int           width,
          int           x0,
          int           y0,
          int           x1,
          int           y1)
{
  int n_columns = x1 - x0 + 1;
  int end = MAX (1, (int) (n_columns * TOE_END_FRACTION));
  double left = 0.0;
  double right = 0.0;
  int n_left = 0;
  int n_right = 0;

  /* The height of the top edge above the sole, over each end quarter. */
  for (int x = x0; x <= x1; x++)
    {
      int top;

      if (x - x0 >= end && x1 - x >= end)
        continue;

      for (top = y0; top <= y1 && !mask[(gsize) top * width + x]; top++)
        ;
      if (top > y1)
        continue;

      if (x - x0 < end)
        {
          left += y1 - top + 1;
          n_left++;
        }
      if (x1 - x < end)
        {
          right += y1 - top + 1;
          n_right++;
        }
    }

  if (n_left == 0 || n_right == 0)
    return SHOEBOX_PROFILE_TOE_UNKNOWN;

  left /= n_left;
  right /= n_right;
  if (ABS (left - right) < TOE_MIN_DIFFERENCE * MAX (left, right))
    return SHOEBOX_PROFILE_TOE_UNKNOWN;

  return left < right ? SHOEBOX_PROFILE_TOE_LEFT : SHOEBOX_PROFILE_TOE_RIGHT;
}

static gboolean
set_error (GError **error,
           int      code)
{
  const char *message;

  switch (code)
    {
    case SHOEBOX_PROFILE_ALIGN_ERROR_TOO_SMALL:
      message = _("The photo is too small to find the shoe in it; showing the whole photo");
      break;

    case SHOEBOX_PROFILE_ALIGN_ERROR_NO_BACKGROUND:
      message = _("No plain background found; showing the whole photo");
      break;

    case SHOEBOX_PROFILE_ALIGN_ERROR_NO_SHOE:
    default:
      message = _("No shoe stands out from the background; showing the whole photo");
      break;
    }

  g_set_error_literal (error, SHOEBOX_PROFILE_ALIGN_ERROR, code, message);
  return FALSE;
}

/**
 * shoebox_profile_align_analyze:
 * @data: (array): the pixels, 8 bits per channel, RGB or RGBA (not
 *   premultiplied), as in a GdkPixbuf
 * @width: width in pixels
 * @height: height in pixels
 * @rowstride: bytes from one row to the next, at least @width × @n_channels
 * @n_channels: 3 (RGB) or 4 (RGBA)
 * @profile: (out caller-allocates): what was found
 * @outline: (out) (optional) (transfer full) (element-type ShoeboxProfilePoint):
 *   the outer contour of the shoe, clockwise, in image pixels
 * @error: return location for a #GError
 *
 * Finds the shoe in a side-profile photo on a plain background: its
 * bounding box and which way its toe points. Photos of any size are
 * analysed shrunk to about a thousand pixels a side, with the box then
 * refined at full size; no copy of the photo is made. A soft shadow on the
 * floor is not part of the shoe. Safe to call from a worker thread.
 *
 * On failure @profile describes the whole photo (see
 * shoebox_profile_align_init_uncropped()) and @error, in
 * %SHOEBOX_PROFILE_ALIGN_ERROR, has a message for the user.
 *
 * Returns: %TRUE if a shoe was found
 */
gboolean
shoebox_profile_align_analyze (const guint8    *data,
                               int              width,
                               int              height,
                               int              rowstride,
                               int              n_channels,
                               ShoeboxProfile  *profile,
                               GArray         **outline,
                               GError         **error)
{
  return shoebox_profile_align_analyze_masked (data, width, height, rowstride, n_channels,
                                               profile, outline, NULL, error);
}

/**
 * shoebox_profile_align_analyze_masked:
 * @data: (array): the pixels, as for shoebox_profile_align_analyze()
 * @width: width in pixels
 * @height: height in pixels
 * @rowstride: bytes from one row to the next
 * @n_channels: 3 (RGB) or 4 (RGBA)
 * @profile: (out caller-allocates): what was found
 * @outline: (out) (optional) (transfer full) (element-type ShoeboxProfilePoint):
 *   the outer contour of the shoe
 * @mask_out: (out) (optional) (transfer full): which pixels are the shoe,
 *   for shoebox_profile_mask_cut_out(); %NULL on failure
 * @error: return location for a #GError
 *
 * shoebox_profile_align_analyze(), also giving the background fit as a
 * mask that cuts the shoe out of its photo.
 *
 * Returns: %TRUE if a shoe was found
 */
gboolean
shoebox_profile_align_analyze_masked (const guint8        *data,
                                      int                  width,
                                      int                  height,
                                      int                  rowstride,
                                      int                  n_channels,
                                      ShoeboxProfile      *profile,
                                      GArray             **outline,
                                      ShoeboxProfileMask **mask_out,
                                      GError             **error)
{
  Image image = { data, width, height, rowstride, n_channels };
  Grid grid = { NULL, 0, 0, 1 };
  Background background;
  g_autofree guint8 *features = NULL;
  g_autoptr(GArray) ring = NULL;
  g_autoptr(GArray) components = NULL;
  g_autofree guint8 *mask = NULL;
  g_autofree guint32 *labels = NULL;
  g_autofree guint8 *shadow = NULL;
  g_autofree guint8 *foreground = NULL;
  double threshold2;
  Component *largest = NULL;
  guint largest_index = 0;
  guint64 kept_area = 0;
  gsize n_grid;
  int thickness;
  int margin;
  int x0, y0, x1, y1;
  int start_x = 0;
  int start_y = 0;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (n_channels == 3 || n_channels == 4, FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (outline == NULL || *outline == NULL, FALSE);
  g_return_val_if_fail (mask_out == NULL || *mask_out == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  shoebox_profile_align_init_uncropped (profile, MAX (width, 1), MAX (height, 1));

  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE)
    return set_error (error, SHOEBOX_PROFILE_ALIGN_ERROR_TOO_SMALL);

  g_return_val_if_fail ((gint64) rowstride >= (gint64) width * n_channels, FALSE);

  grid.scale = 1 + (MAX (width, height) - 1) / ANALYSIS_SIDE;
  grid.width = 1 + (width - 1) / grid.scale;
  grid.height = 1 + (height - 1) / grid.scale;
  if (grid.width < MIN_IMAGE_SIDE || grid.height < MIN_IMAGE_SIDE)
    return set_error (error, SHOEBOX_PROFILE_ALIGN_ERROR_TOO_SMALL);

  shrink (&image, &grid);
  features = grid.features;
  n_grid = (gsize) grid.width * grid.height;

  thickness = CLAMP (MIN (grid.width, grid.height) / 50, 1, MAX_RING_THICKNESS);
  ring = collect_ring (&image, &grid, thickness, 1);
  estimate_background (ring, &background);
  g_debug ("Background: median squared distance %.1f, squared threshold %.1f, %.0f%% of the border off it",
           background.median2, background.threshold2, 100.0 * background.outlier_fraction);

  if (background.median2 > MAX_BACKGROUND_MEDIAN * MAX_BACKGROUND_MEDIAN
      || background.outlier_fraction > MAX_OUTLIER_FRACTION)
    return set_error (error, SHOEBOX_PROFILE_ALIGN_ERROR_NO_BACKGROUND);

  mask = classify (&grid, &image, &background);
  threshold2 = grid.scale == 1 ? background.threshold2
                                : full_resolution_threshold2 (&image, &background.plane, thickness * grid.scale);
  labels = g_new (guint32, n_grid);
  components = label_components (mask, labels, grid.width, grid.height);
  largest = find_largest (components, &largest_index);

  /* A shadow lies on the floor: it is looked for only in the bottom of
   * what stands out, never across a panel higher up.
   */
  shadow = g_new (guint8, n_grid);
  if (largest != NULL
      && shoebox_profile_shadow_remove (&grid, &image, &background, threshold2,
                                        largest->y1 - (int) (SHADOW_BAND * (largest->y1 - largest->y0 + 1)),
                                        mask, shadow))
    {
      g_clear_pointer (&components, g_array_unref);
      components = label_components (mask, labels, grid.width, grid.height);
      largest = find_largest (components, &largest_index);
    }
  grid.features = NULL;
  g_clear_pointer (&features, g_free);

  if (largest == NULL
      || largest->area < MAX (MIN_SUBJECT_PIXELS, MIN_SUBJECT_FRACTION * n_grid)
      || largest->x1 - largest->x0 + 1 < MIN_SUBJECT_SIDE
      || largest->y1 - largest->y0 + 1 < MIN_SUBJECT_SIDE)
    return set_error (error, SHOEBOX_PROFILE_ALIGN_ERROR_NO_SHOE);

  /* Keep the pieces of a shoe that a background-coloured band cut off. */
  margin = MERGE_MARGIN * MAX (largest->x1 - largest->x0 + 1, largest->y1 - largest->y0 + 1);
  x0 = largest->x0;
  y0 = largest->y0;
  x1 = largest->x1;
  y1 = largest->y1;
  for (guint i = 1; i < components->len; i++)
    {
      Component *component = &g_array_index (components, Component, i);

      component->keep = component == largest
                        || (component->area >= MERGE_MIN_FRACTION * largest->area
                            && boxes_near (component, largest, margin));
      if (!component->keep)
        continue;

      kept_area += component->area;
      x0 = MIN (x0, component->x0);
      y0 = MIN (y0, component->y0);
      x1 = MAX (x1, component->x1);
      y1 = MAX (y1, component->y1);
    }

  if (kept_area > MAX_SUBJECT_FRACTION * n_grid)
    return set_error (error, SHOEBOX_PROFILE_ALIGN_ERROR_NO_BACKGROUND);

  /* The first pixel of the largest region in reading order starts the
   * outline; then the mask keeps only the kept regions.
   */
  start_y = largest->y0;
  for (start_x = largest->x0; labels[(gsize) start_y * grid.width + start_x] != largest_index; start_x++)
    ;

  if (mask_out != NULL)
    foreground = g_memdup2 (mask, n_grid);
  for (gsize i = 0; i < n_grid; i++)
    mask[i] = g_array_index (components, Component, labels[i]).keep;
  g_clear_pointer (&labels, g_free);

  if (grid.scale == 1)
    {
      profile->box.x = x0;
      profile->box.y = y0;
      profile->box.width = x1 - x0 + 1;
      profile->box.height = y1 - y0 + 1;
    }
  else
    {
      /* A full-resolution pixel next to the shadow may be shadow too. */
      g_autofree guint8 *near_shadow = shoebox_profile_map_grow (shadow, grid.width, grid.height);

      shoebox_profile_refine_box (&image, &grid, &background, threshold2, near_shadow, x0, y0, x1, y1, &profile->box);
    }

  profile->toe = find_toe (mask, grid.width, x0, y0, x1, y1);
  profile->mirror = profile->toe == SHOEBOX_PROFILE_TOE_RIGHT;

  if (outline != NULL)
    *outline = trace_outline (mask, &grid, &image, start_x, start_y);

  if (mask_out != NULL)
    *mask_out = shoebox_profile_mask_new (&grid, &image, &background.plane, threshold2,
                                          mask, foreground, shadow);

  return TRUE;
}

/**
 * shoebox_profile_align_init_uncropped:
 * @profile: (out caller-allocates): the profile to fill in
 * @width: the photo's width
 * @height: the photo's height
 *
 * Describes a photo shown whole: the fallback when no shoe was found, or
 * for a picture that needs no analysis.
 */
void
shoebox_profile_align_init_uncropped (ShoeboxProfile *profile,
                                      int             width,
                                      int             height)
{
  g_return_if_fail (profile != NULL);

  profile->image_width = width;
  profile->image_height = height;
  profile->box.x = 0;
  profile->box.y = 0;
  profile->box.width = width;
  profile->box.height = height;
  profile->toe = SHOEBOX_PROFILE_TOE_UNKNOWN;
  profile->mirror = FALSE;
}

/**
 * shoebox_profile_align_place:
 * @profiles: (array length=n_profiles): the photos to align
 * @n_profiles: how many
 * @target_length: the length every shoe is drawn at, in target pixels
 * @toe: the way every toe should point, or %SHOEBOX_PROFILE_TOE_UNKNOWN
 *   for the way most of them already point (left on a tie), which keeps
 *   the fewest photos (and their logos) mirrored
 * @placements: (array length=n_profiles) (out caller-allocates): where
 *   each photo goes
 *
 * Lays out side-profile photos so that every shoe's box is @target_length
 * wide, all soles stand on one baseline and the toes point one way. A
 * photo whose toe is unknown is not mirrored.
 *
 * Returns: the baseline, which is also the height of the drawing: the
 *   tallest shoe at its scale
 */
double
shoebox_profile_align_place (const ShoeboxProfile    *profiles,
                             guint                    n_profiles,
                             double                   target_length,
                             ShoeboxProfileToe        toe,
                             ShoeboxProfilePlacement *placements)
{
  double baseline = 0.0;

  g_return_val_if_fail (n_profiles == 0 || profiles != NULL, 0.0);
  g_return_val_if_fail (n_profiles == 0 || placements != NULL, 0.0);
  g_return_val_if_fail (target_length > 0.0, 0.0);

  if (toe == SHOEBOX_PROFILE_TOE_UNKNOWN)
    {
      guint n_left = 0;
      guint n_right = 0;

      for (guint i = 0; i < n_profiles; i++)
        {
          n_left += profiles[i].toe == SHOEBOX_PROFILE_TOE_LEFT;
          n_right += profiles[i].toe == SHOEBOX_PROFILE_TOE_RIGHT;
        }

      toe = n_right > n_left ? SHOEBOX_PROFILE_TOE_RIGHT : SHOEBOX_PROFILE_TOE_LEFT;
    }

  for (guint i = 0; i < n_profiles; i++)
    {
      double scale = target_length / MAX (profiles[i].box.width, 1);

      placements[i].scale = scale;
      baseline = MAX (baseline, scale * MAX (profiles[i].box.height, 1));
    }

  for (guint i = 0; i < n_profiles; i++)
    {
      const ShoeboxProfileBox *box = &profiles[i].box;
      ShoeboxProfilePlacement *placement = &placements[i];

      placement->mirror = profiles[i].toe != SHOEBOX_PROFILE_TOE_UNKNOWN && profiles[i].toe != toe;
      placement->x_offset = placement->mirror
                            ? placement->scale * (box->x + MAX (box->width, 1))
                            : -placement->scale * box->x;
      placement->y_offset = baseline - placement->scale * (box->y + MAX (box->height, 1));
    }

  return baseline;
}
