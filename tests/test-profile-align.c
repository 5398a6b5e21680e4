/* test-profile-align.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "shoebox-profile-align.h"

/* Every image here is drawn by the test: a low-top sneaker (a sole strip,
 * a tall heel, a tapering toe) on a background, with the box it really
 * covers measured while drawing it.
 */

#define SEED 20261130

typedef enum
{
  BACKGROUND_PLAIN,
  BACKGROUND_NOISY,
  BACKGROUND_GRADIENT,
  BACKGROUND_TRANSPARENT,
} BackgroundKind;

typedef struct
{
  guint8           *data;
  int               width;
  int               height;
  int               rowstride;
  int               n_channels;
  ShoeboxProfileBox truth;
} TestImage;

typedef struct
{
  double x;
  double y;
} Vertex;

/* The upper, toe to the left, in units of the shoe's box with y going up
 * from the sole: low at the toe, rising over the instep to the collar,
 * steep at the heel.
 */
static const Vertex upper[] = {
  { 0.00, 0.06 }, { 0.00, 0.18 }, { 0.12, 0.32 }, { 0.35, 0.46 },
  { 0.60, 0.62 }, { 0.76, 0.96 }, { 0.90, 1.00 }, { 0.99, 0.86 },
  { 0.99, 0.10 },
};

static const guint8 upper_colour[3] = { 40, 50, 90 };
static const guint8 sole_colour[3] = { 200, 70, 30 };
static const guint8 background_colour[3] = { 236, 234, 230 };

static void
test_image_free (TestImage *image)
{
  g_free (image->data);
  g_free (image);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestImage, test_image_free)

static gboolean
inside_polygon (const Vertex *polygon,
                guint         n,
                double        x,
                double        y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      if ((polygon[i].y > y) != (polygon[j].y > y)
          && x < (polygon[j].x - polygon[i].x) * (y - polygon[i].y) / (polygon[j].y - polygon[i].y) + polygon[i].x)
        inside = !inside;
    }

  return inside;
}

static guint8 *
pixel_at (TestImage *image,
          int        x,
          int        y)
{
  return image->data + (gsize) y * image->rowstride + (gsize) x * image->n_channels;
}

static void
set_pixel (TestImage   *image,
           int          x,
           int          y,
           const guint8 colour[3],
           guint8       alpha)
{
  guint8 *p = pixel_at (image, x, y);

  memcpy (p, colour, 3);
  if (image->n_channels == 4)
    p[3] = alpha;
}

/* Noise of about ±@amplitude, roughly Gaussian (a sum of three uniforms). */
static int
noise (GRand *rand,
       int    amplitude)
{
  if (amplitude == 0)
    return 0;

  return (g_rand_int_range (rand, -amplitude, amplitude + 1)
          + g_rand_int_range (rand, -amplitude, amplitude + 1)
          + g_rand_int_range (rand, -amplitude, amplitude + 1)) / 2;
}

static TestImage *
test_image_new (int            width,
                int            height,
                int            n_channels,
                BackgroundKind kind,
                int            amplitude,
                GRand         *rand)
{
  TestImage *image = g_new0 (TestImage, 1);

  image->width = width;
  image->height = height;
  image->n_channels = n_channels;
  /* Rows padded with junk, as GdkPixbuf rows may be. */
  image->rowstride = width * n_channels + 7;
  /* At least one byte: a 0×0 image still has a buffer. */
  image->data = g_malloc (MAX ((gsize) image->rowstride * height, 1));
  memset (image->data, 0x5a, MAX ((gsize) image->rowstride * height, 1));
  image->truth.width = 0;

  for (int y = 0; y < height; y++)
    {
      for (int x = 0; x < width; x++)
        {
          guint8 colour[3];

          for (int k = 0; k < 3; k++)
            {
              int value = background_colour[k];

              if (kind == BACKGROUND_GRADIENT)
                value -= 40 * x / width + (k == 2 ? 20 * y / height : 0);
              else if (kind == BACKGROUND_TRANSPARENT)
                value = g_rand_int_range (rand, 0, 256);
              value += noise (rand, amplitude);
              colour[k] = CLAMP (value, 0, 255);
            }

          set_pixel (image, x, y, colour, kind == BACKGROUND_TRANSPARENT ? 0 : 255);
        }
    }

  return image;
}

static void
grow_truth (TestImage *image,
            int        x,
            int        y)
{
  ShoeboxProfileBox *box = &image->truth;

  if (box->width == 0)
    {
      box->x = x;
      box->y = y;
      box->width = box->height = 1;
      return;
    }

  if (x < box->x)
    {
      box->width += box->x - x;
      box->x = x;
    }
  if (y < box->y)
    {
      box->height += box->y - y;
      box->y = y;
    }
  box->width = MAX (box->width, x - box->x + 1);
  box->height = MAX (box->height, y - box->y + 1);
}

/* Draws the sneaker in the box from (@left, @top), @length wide and
 * 0.4 × @length tall, toe to the right when @mirrored.
 */
static void
draw_shoe (TestImage *image,
           int        left,
           int        top,
           int        length,
           gboolean   mirrored)
{
  double height = 0.4 * length;

  for (int y = MAX (0, top); y < MIN (image->height, top + (int) height + 1); y++)
    {
      for (int x = MAX (0, left); x < MIN (image->width, left + length + 1); x++)
        {
          double u = (x + 0.5 - left) / length;
          double v = 1.0 - (y + 0.5 - top) / height;

          if (mirrored)
            u = 1.0 - u;
          if (u < 0.0 || u > 1.0 || v < 0.0 || v > 1.0)
            continue;

          if (v <= 0.14 && u >= 0.01)
            set_pixel (image, x, y, sole_colour, 255);
          else if (inside_polygon (upper, G_N_ELEMENTS (upper), u, v))
            set_pixel (image, x, y, upper_colour, 255);
          else
            continue;

          grow_truth (image, x, y);
        }
    }
}

static void
fill_rect (TestImage   *image,
           int          left,
           int          top,
           int          width,
           int          height,
           const guint8 colour[3])
{
  for (int y = MAX (0, top); y < MIN (image->height, top + height); y++)
    for (int x = MAX (0, left); x < MIN (image->width, left + width); x++)
      set_pixel (image, x, y, colour, 255);
}

static gboolean
analyze (TestImage       *image,
         ShoeboxProfile  *profile,
         GArray         **outline,
         GError         **error)
{
  return shoebox_profile_align_analyze (image->data, image->width, image->height,
                                        image->rowstride, image->n_channels,
                                        profile, outline, error);
}

static void
assert_box_near (const ShoeboxProfileBox *found,
                 const ShoeboxProfileBox *truth,
                 int                      tolerance)
{
  g_test_message ("found %d,%d %dx%d, truth %d,%d %dx%d",
                  found->x, found->y, found->width, found->height,
                  truth->x, truth->y, truth->width, truth->height);
  g_assert_cmpint (ABS (found->x - truth->x), <=, tolerance);
  g_assert_cmpint (ABS (found->y - truth->y), <=, tolerance);
  g_assert_cmpint (ABS ((found->x + found->width) - (truth->x + truth->width)), <=, tolerance);
  g_assert_cmpint (ABS ((found->y + found->height) - (truth->y + truth->height)), <=, tolerance);
}

typedef struct
{
  int            width;
  int            height;
  int            n_channels;
  BackgroundKind background;
  int            noise;
  int            left;
  int            top;
  int            length;
  gboolean       mirrored;
} AlignCase;

static const AlignCase align_cases[] = {
  { 400, 300, 3, BACKGROUND_PLAIN, 0, 60, 90, 280, FALSE },
  { 400, 300, 3, BACKGROUND_PLAIN, 0, 60, 90, 280, TRUE },
  { 400, 300, 4, BACKGROUND_PLAIN, 0, 20, 150, 200, FALSE },
  { 400, 300, 4, BACKGROUND_PLAIN, 0, 150, 20, 200, TRUE },
  { 640, 480, 3, BACKGROUND_NOISY, 6, 37, 211, 530, FALSE },
  { 640, 480, 3, BACKGROUND_NOISY, 6, 71, 60, 420, TRUE },
  { 640, 480, 4, BACKGROUND_NOISY, 4, 300, 300, 300, TRUE },
  { 300, 500, 3, BACKGROUND_NOISY, 6, 30, 280, 120, FALSE },
  { 500, 360, 3, BACKGROUND_GRADIENT, 3, 80, 100, 340, FALSE },
  { 500, 360, 3, BACKGROUND_GRADIENT, 3, 80, 100, 340, TRUE },
  { 500, 360, 4, BACKGROUND_TRANSPARENT, 0, 10, 10, 470, TRUE },
  { 120, 80, 3, BACKGROUND_NOISY, 3, 10, 30, 90, FALSE },
  { 40, 30, 4, BACKGROUND_PLAIN, 0, 5, 10, 30, TRUE },
  /* Cropped tight: the sole on the bottom edge, the toe on the left edge. */
  { 420, 200, 3, BACKGROUND_NOISY, 4, 60, 79, 300, TRUE },
  { 400, 300, 4, BACKGROUND_PLAIN, 0, 0, 100, 250, FALSE },
  /* Shrunk threefold for the analysis, refined at full size. */
  { 2400, 1600, 3, BACKGROUND_NOISY, 6, 313, 701, 1700, FALSE },
  { 2400, 1600, 4, BACKGROUND_NOISY, 6, 401, 299, 1100, TRUE },
  { 3000, 2000, 3, BACKGROUND_GRADIENT, 4, 1201, 1502, 900, TRUE },
};

static void
test_align_case (gconstpointer user_data)
{
  const AlignCase *c = user_data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(TestImage) image = test_image_new (c->width, c->height, c->n_channels,
                                               c->background, c->noise, rand);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) outline = NULL;
  ShoeboxProfile profile;
  int scale = 1 + (MAX (c->width, c->height) - 1) / 1024;

  draw_shoe (image, c->left, c->top, c->length, c->mirrored);

  g_assert_true (analyze (image, &profile, &outline, &error));
  g_assert_no_error (error);
  g_assert_cmpint (profile.image_width, ==, c->width);
  g_assert_cmpint (profile.image_height, ==, c->height);
  assert_box_near (&profile.box, &image->truth, 2);
  g_assert_cmpint (profile.toe, ==, c->mirrored ? SHOEBOX_PROFILE_TOE_RIGHT : SHOEBOX_PROFILE_TOE_LEFT);
  g_assert_cmpint (profile.mirror, ==, c->mirrored);

  /* The outline runs round the box, touching each side. */
  g_assert_nonnull (outline);
  g_assert_cmpuint (outline->len, >=, 4);
  {
    double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
    double slack = scale + 2;

    for (guint i = 0; i < outline->len; i++)
      {
        ShoeboxProfilePoint *p = &g_array_index (outline, ShoeboxProfilePoint, i);

        x0 = MIN (x0, p->x);
        y0 = MIN (y0, p->y);
        x1 = MAX (x1, p->x);
        y1 = MAX (y1, p->y);
      }

    g_assert_cmpfloat (ABS (x0 - profile.box.x), <=, slack);
    g_assert_cmpfloat (ABS (y0 - profile.box.y), <=, slack);
    g_assert_cmpfloat (ABS (x1 - (profile.box.x + profile.box.width)), <=, slack);
    g_assert_cmpfloat (ABS (y1 - (profile.box.y + profile.box.height)), <=, slack);
  }
}

static void
test_specks_ignored (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(TestImage) image = test_image_new (640, 480, 3, BACKGROUND_NOISY, 4, rand);
  g_autoptr(GError) error = NULL;
  ShoeboxProfile profile;
  const ShoeboxProfileBox *truth = &image->truth;
  int n_specks = 0;

  draw_shoe (image, 150, 200, 330, FALSE);

  /* Dust: small dark specks all over, but none touching the shoe. */
  while (n_specks < 60)
    {
      int x = g_rand_int_range (rand, 0, image->width - 3);
      int y = g_rand_int_range (rand, 0, image->height - 3);

      if (x + 3 >= truth->x - 3 && x <= truth->x + truth->width + 3
          && y + 3 >= truth->y - 3 && y <= truth->y + truth->height + 3)
        continue;

      fill_rect (image, x, y, 1 + n_specks % 3, 1 + n_specks % 4, upper_colour);
      n_specks++;
    }

  g_assert_true (analyze (image, &profile, NULL, &error));
  g_assert_no_error (error);
  assert_box_near (&profile.box, truth, 2);
  g_assert_cmpint (profile.toe, ==, SHOEBOX_PROFILE_TOE_LEFT);
}

/* A midsole the colour of the background cuts the shoe in two; the box
 * still holds both parts.
 */
static void
test_split_shoe_kept_whole (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(TestImage) image = test_image_new (500, 300, 3, BACKGROUND_PLAIN, 0, rand);
  g_autoptr(GError) error = NULL;
  ShoeboxProfile profile;
  ShoeboxProfileBox truth;

  draw_shoe (image, 60, 80, 380, TRUE);
  truth = image->truth;
  /* The band from 12% to 18% of the height above the sole. */
  fill_rect (image, 0, truth.y + truth.height - (int) (0.18 * truth.height),
             image->width, (int) (0.06 * truth.height), background_colour);

  g_assert_true (analyze (image, &profile, NULL, &error));
  g_assert_no_error (error);
  assert_box_near (&profile.box, &truth, 2);
  g_assert_cmpint (profile.toe, ==, SHOEBOX_PROFILE_TOE_RIGHT);
  g_assert_true (profile.mirror);
}

/* A block with both ends alike: the toe cannot be told. */
static void
test_symmetric_toe_unknown (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(TestImage) image = test_image_new (300, 200, 3, BACKGROUND_PLAIN, 0, rand);
  g_autoptr(GError) error = NULL;
  ShoeboxProfile profile;
  ShoeboxProfileBox truth = { 50, 60, 200, 80 };

  fill_rect (image, truth.x, truth.y, truth.width, truth.height, upper_colour);

  g_assert_true (analyze (image, &profile, NULL, &error));
  g_assert_no_error (error);
  assert_box_near (&profile.box, &truth, 0);
  g_assert_cmpint (profile.toe, ==, SHOEBOX_PROFILE_TOE_UNKNOWN);
  g_assert_false (profile.mirror);
}

static void
assert_fails (TestImage *image,
              int        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) outline = NULL;
  ShoeboxProfile profile;

  g_assert_false (analyze (image, &profile, &outline, &error));
  g_assert_error (error, SHOEBOX_PROFILE_ALIGN_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (outline);

  /* The fallback: the whole photo, as it is. */
  g_assert_cmpint (profile.box.x, ==, 0);
  g_assert_cmpint (profile.box.y, ==, 0);
  g_assert_cmpint (profile.box.width, ==, MAX (image->width, 1));
  g_assert_cmpint (profile.box.height, ==, MAX (image->height, 1));
  g_assert_cmpint (profile.toe, ==, SHOEBOX_PROFILE_TOE_UNKNOWN);
  g_assert_false (profile.mirror);
}

static void
test_busy_scene (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(TestImage) pixels = test_image_new (400, 300, 3, BACKGROUND_PLAIN, 0, rand);
  g_autoptr(TestImage) tiles = test_image_new (640, 480, 4, BACKGROUND_PLAIN, 0, rand);
  g_autoptr(TestImage) stripes = test_image_new (300, 200, 3, BACKGROUND_PLAIN, 0, rand);
  g_autoptr(GError) error = NULL;
  ShoeboxProfile profile;

  /* Every pixel a random colour, a shoe in the middle. */
  for (int y = 0; y < pixels->height; y++)
    for (int x = 0; x < pixels->width; x++)
      for (int k = 0; k < 3; k++)
        pixel_at (pixels, x, y)[k] = g_rand_int_range (rand, 0, 256);
  draw_shoe (pixels, 60, 100, 280, FALSE);
  assert_fails (pixels, SHOEBOX_PROFILE_ALIGN_ERROR_NO_BACKGROUND);

  /* A room: patches of colour, as furniture and floor would be. */
  for (int y = 0; y < tiles->height; y += 24)
    for (int x = 0; x < tiles->width; x += 32)
      {
        guint8 colour[3];

        for (int k = 0; k < 3; k++)
          colour[k] = g_rand_int_range (rand, 0, 256);
        fill_rect (tiles, x, y, 32, 24, colour);
      }
  draw_shoe (tiles, 100, 200, 400, TRUE);
  assert_fails (tiles, SHOEBOX_PROFILE_ALIGN_ERROR_NO_BACKGROUND);

  /* A close-up: the shoe's own stripes fill the frame. */
  for (int x = 0; x < stripes->width; x += 6)
    {
      guint8 colour[3] = { x % 256, (x * 7) % 256, 255 - x % 256 };

      fill_rect (stripes, x, 0, 6, stripes->height, colour);
    }
  assert_fails (stripes, SHOEBOX_PROFILE_ALIGN_ERROR_NO_BACKGROUND);

  g_assert_false (analyze (pixels, &profile, NULL, &error));
  g_assert_cmpstr (error->message, ==, "No plain background found; showing the whole photo");
}

/* A plain border, but the subject fills nearly all of the frame. */
static void
test_fills_frame (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(TestImage) image = test_image_new (300, 200, 3, BACKGROUND_PLAIN, 0, rand);

  fill_rect (image, 3, 3, image->width - 6, image->height - 6, upper_colour);
  assert_fails (image, SHOEBOX_PROFILE_ALIGN_ERROR_NO_BACKGROUND);
}

static void
test_nothing_there (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(TestImage) plain = test_image_new (300, 200, 3, BACKGROUND_PLAIN, 0, rand);
  g_autoptr(TestImage) noisy = test_image_new (640, 480, 4, BACKGROUND_NOISY, 8, rand);
  g_autoptr(TestImage) gradient = test_image_new (500, 300, 3, BACKGROUND_GRADIENT, 2, rand);
  g_autoptr(TestImage) transparent = test_image_new (200, 200, 4, BACKGROUND_TRANSPARENT, 0, rand);
  g_autoptr(TestImage) dot = test_image_new (400, 300, 3, BACKGROUND_PLAIN, 0, rand);
  g_autoptr(TestImage) black = test_image_new (64, 64, 3, BACKGROUND_PLAIN, 0, rand);

  assert_fails (plain, SHOEBOX_PROFILE_ALIGN_ERROR_NO_SHOE);
  assert_fails (noisy, SHOEBOX_PROFILE_ALIGN_ERROR_NO_SHOE);
  assert_fails (gradient, SHOEBOX_PROFILE_ALIGN_ERROR_NO_SHOE);
  assert_fails (transparent, SHOEBOX_PROFILE_ALIGN_ERROR_NO_SHOE);

  fill_rect (dot, 200, 150, 2, 2, upper_colour);
  assert_fails (dot, SHOEBOX_PROFILE_ALIGN_ERROR_NO_SHOE);

  /* One colour all over: the whole image is "background". */
  fill_rect (black, 0, 0, 64, 64, (const guint8[3]) { 0, 0, 0 });
  assert_fails (black, SHOEBOX_PROFILE_ALIGN_ERROR_NO_SHOE);
}

static void
test_too_small (void)
{
  static const int sizes[][2] = { { 1, 1 }, { 2, 2 }, { 7, 7 }, { 7, 300 }, { 300, 5 }, { 9000, 9 }, { 0, 0 } };
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      for (int n_channels = 3; n_channels <= 4; n_channels++)
        {
          g_autoptr(TestImage) image = test_image_new (sizes[i][0], sizes[i][1], n_channels,
                                                       BACKGROUND_NOISY, 4, rand);

          fill_rect (image, 0, 0, 1, 1, upper_colour);
          assert_fails (image, SHOEBOX_PROFILE_ALIGN_ERROR_TOO_SMALL);
        }
    }
}

/* The smallest image analysed: a shoe still found, not a crash. */
static void
test_smallest (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(TestImage) image = test_image_new (8, 8, 3, BACKGROUND_PLAIN, 0, rand);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) outline = NULL;
  ShoeboxProfile profile;
  ShoeboxProfileBox truth = { 2, 3, 4, 3 };

  fill_rect (image, truth.x, truth.y, truth.width, truth.height, upper_colour);
  g_assert_true (analyze (image, &profile, &outline, &error));
  g_assert_no_error (error);
  assert_box_near (&profile.box, &truth, 0);
  g_assert_cmpuint (outline->len, ==, 4);
}

static void
test_bad_arguments (void)
{
  guint8 pixels[16 * 16 * 4] = { 0 };
  ShoeboxProfile profile;

  if (g_test_subprocess ())
    {
      g_assert_false (shoebox_profile_align_analyze (pixels, 16, 16, 16 * 2, 2, &profile, NULL, NULL));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*n_channels == 3 || n_channels == 4*");
}

static void
test_bad_rowstride (void)
{
  guint8 pixels[16 * 16 * 4] = { 0 };
  ShoeboxProfile profile;

  if (g_test_subprocess ())
    {
      g_assert_false (shoebox_profile_align_analyze (pixels, 16, 16, 16 * 3, 4, &profile, NULL, NULL));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*rowstride*");
}

static void
assert_lands (const ShoeboxProfilePlacement *placement,
              double                         image_x,
              double                         image_y,
              double                         target_x,
              double                         target_y)
{
  double s = placement->mirror ? -1.0 : 1.0;

  g_assert_cmpfloat_with_epsilon (placement->x_offset + s * placement->scale * image_x, target_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (placement->y_offset + placement->scale * image_y, target_y, 1e-9);
}

static void
test_place (void)
{
  ShoeboxProfile profiles[3];
  ShoeboxProfilePlacement placements[3];
  double baseline;

  /* A long low runner, toe left; a short tall boot, toe right; a photo
   * shown whole.
   */
  shoebox_profile_align_init_uncropped (&profiles[0], 1000, 800);
  profiles[0].box = (ShoeboxProfileBox) { 100, 300, 800, 300 };
  profiles[0].toe = SHOEBOX_PROFILE_TOE_LEFT;
  shoebox_profile_align_init_uncropped (&profiles[1], 600, 600);
  profiles[1].box = (ShoeboxProfileBox) { 50, 100, 400, 300 };
  profiles[1].toe = SHOEBOX_PROFILE_TOE_RIGHT;
  profiles[1].mirror = TRUE;
  shoebox_profile_align_init_uncropped (&profiles[2], 200, 100);

  baseline = shoebox_profile_align_place (profiles, 3, 400.0, SHOEBOX_PROFILE_TOE_LEFT, placements);

  /* Every shoe 400 long; the boot, at scale 1, is the tallest. */
  g_assert_cmpfloat_with_epsilon (placements[0].scale, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (placements[1].scale, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (placements[2].scale, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (baseline, 300.0, 1e-9);

  g_assert_false (placements[0].mirror);
  g_assert_true (placements[1].mirror);
  g_assert_false (placements[2].mirror);

  /* Toe end at 0, heel end at 400, soles on the baseline. */
  assert_lands (&placements[0], 100, 600, 0, 300);
  assert_lands (&placements[0], 900, 300, 400, 150);
  assert_lands (&placements[1], 450, 400, 0, 300);
  assert_lands (&placements[1], 50, 100, 400, 0);
  assert_lands (&placements[2], 0, 100, 0, 300);
  assert_lands (&placements[2], 200, 0, 400, 100);

  /* Toe right: only the runner is mirrored. */
  shoebox_profile_align_place (profiles, 3, 400.0, SHOEBOX_PROFILE_TOE_RIGHT, placements);
  g_assert_true (placements[0].mirror);
  g_assert_false (placements[1].mirror);
  g_assert_false (placements[2].mirror);
  assert_lands (&placements[0], 900, 600, 0, 300);

  /* Unknown: the majority way; a tie goes left. */
  shoebox_profile_align_place (profiles, 3, 400.0, SHOEBOX_PROFILE_TOE_UNKNOWN, placements);
  g_assert_false (placements[0].mirror);
  g_assert_true (placements[1].mirror);
  profiles[2].toe = SHOEBOX_PROFILE_TOE_RIGHT;
  shoebox_profile_align_place (profiles, 3, 400.0, SHOEBOX_PROFILE_TOE_UNKNOWN, placements);
  g_assert_true (placements[0].mirror);
  g_assert_false (placements[1].mirror);
  g_assert_false (placements[2].mirror);

  g_assert_cmpfloat (shoebox_profile_align_place (NULL, 0, 400.0, SHOEBOX_PROFILE_TOE_LEFT, NULL), ==, 0.0);
}

/* Found boxes feed the placement: two drawings of one shoe at different
 * sizes and ways come out the same.
 */
static void
test_analyze_then_place (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(TestImage) small = test_image_new (400, 300, 3, BACKGROUND_NOISY, 4, rand);
  g_autoptr(TestImage) large = test_image_new (900, 700, 4, BACKGROUND_NOISY, 4, rand);
  g_autoptr(GError) error = NULL;
  ShoeboxProfile profiles[2];
  ShoeboxProfilePlacement placements[2];
  double baseline;

  draw_shoe (small, 40, 50, 200, FALSE);
  draw_shoe (large, 100, 300, 700, TRUE);
  g_assert_true (analyze (small, &profiles[0], NULL, &error));
  g_assert_true (analyze (large, &profiles[1], NULL, &error));
  g_assert_no_error (error);

  baseline = shoebox_profile_align_place (profiles, 2, 350.0, SHOEBOX_PROFILE_TOE_LEFT, placements);
  g_assert_false (placements[0].mirror);
  g_assert_true (placements[1].mirror);
  g_assert_cmpfloat_with_epsilon (baseline, 0.4 * 350.0, 5.0);
  g_assert_cmpfloat_with_epsilon (placements[0].scale * profiles[0].box.height,
                                  placements[1].scale * profiles[1].box.height, 3.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (align_cases); i++)
    {
      const AlignCase *c = &align_cases[i];
      static const char *backgrounds[] = { "plain", "noisy", "gradient", "transparent" };
      g_autofree char *path = g_strdup_printf ("/profile-align/box/%s-%s-%dx%d-at-%d-%d-%s",
                                               backgrounds[c->background],
                                               c->n_channels == 4 ? "rgba" : "rgb",
                                               c->width, c->height, c->left, c->top,
                                               c->mirrored ? "toe-right" : "toe-left");

      g_test_add_data_func (path, c, test_align_case);
    }

  g_test_add_func ("/profile-align/box/specks-ignored", test_specks_ignored);
  g_test_add_func ("/profile-align/box/split-shoe-kept-whole", test_split_shoe_kept_whole);
  g_test_add_func ("/profile-align/box/smallest", test_smallest);
  g_test_add_func ("/profile-align/toe/symmetric-unknown", test_symmetric_toe_unknown);
  g_test_add_func ("/profile-align/refuse/busy-scene", test_busy_scene);
  g_test_add_func ("/profile-align/refuse/fills-frame", test_fills_frame);
  g_test_add_func ("/profile-align/refuse/nothing-there", test_nothing_there);
  g_test_add_func ("/profile-align/refuse/too-small", test_too_small);
  g_test_add_func ("/profile-align/refuse/bad-channels", test_bad_arguments);
  g_test_add_func ("/profile-align/refuse/bad-rowstride", test_bad_rowstride);
  g_test_add_func ("/profile-align/place/scale-baseline-mirror", test_place);
  g_test_add_func ("/profile-align/place/after-analysis", test_analyze_then_place);

  return g_test_run ();
}
