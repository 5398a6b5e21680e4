/* test-profile-align-photos.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How exactly Compare finds a shoe in a product shot, measured on photos
 * drawn here with known geometry: a sneaker with a sole, a toe spring and a
 * tall heel, a soft shadow on the floor reaching past both ends, on plain
 * and gradient backdrops, saved as JPEG and read back, tilted by 10°,
 * small and off-centre. The truth is the same shoe drawn alone, without
 * backdrop or shadow: the bounding box of its pixels at least half
 * covered.
 *
 * The errors that make a visible step in Compare are the sole line (where
 * every shoe stands) and the toe and heel ends (what is scaled to one
 * length), as a fraction of the shoe's drawn length. Every case prints
 * them; the last line is the worst over the set. It must stay within 1 %.
 */

#include "config.h"

#include <stdio.h>

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <jpeglib.h>

#include "shoebox-profile-align.h"

#define MAX_ERROR 0.01

typedef enum
{
  BACKDROP_OFF_WHITE,
  BACKDROP_GREY,
  BACKDROP_LIGHT_BOX,   /* darker towards the floor */
  BACKDROP_SIDE_LIGHT,  /* darker away from the lamp */
} Backdrop;

typedef struct
{
  double r, g, b;
} Colour;

/* A pair's colours: upper, a panel across it, the midsole, the outsole. */
typedef struct
{
  Colour upper;
  Colour panel;
  Colour midsole;
  Colour outsole;
} Colours;

static const Colours colours[] = {
  /* Dark shoe, white midsole. */
  { { 0.16, 0.18, 0.24 }, { 0.75, 0.20, 0.16 }, { 1.00, 1.00, 1.00 }, { 0.30, 0.30, 0.32 } },
  /* Silver: greys that look like shadow on a grey backdrop. */
  { { 0.68, 0.70, 0.72 }, { 0.58, 0.60, 0.63 }, { 0.93, 0.93, 0.94 }, { 0.42, 0.44, 0.46 } },
  /* White, lit brighter than the backdrop, a pale blue panel, a light
   * grey outsole.
   */
  { { 1.00, 1.00, 1.00 }, { 0.70, 0.80, 0.92 }, { 1.00, 1.00, 1.00 }, { 0.72, 0.72, 0.70 } },
};

typedef struct
{
  const char *name;
  int         width;
  int         height;
  Backdrop    backdrop;
  guint       colours;
  double      length;    /* the shoe's length, as a fraction of the width */
  double      centre_x;  /* of the shoe, as fractions of the photo */
  double      ground_y;
  gboolean    toe_right;
  double      tilt;      /* degrees, toe up */
  gboolean    jpeg;      /* or PNG, as drawn */
} Case;

/* Each JPEG case is saved at each of these qualities: a shop's 70, a
 * phone's 85–95. A JPEG rings beside sharp edges, more as the quality
 * drops, and its 8×8 blocks shift where the ringing falls.
 */
static const int jpeg_qualities[] = { 70, 85, 95 };
#define CUT_OUT_QUALITY 85

static const Case cases[] = {
  { "off-white",                 2000, 1300, BACKDROP_OFF_WHITE,  0, 0.70, 0.50, 0.72, FALSE,  0, TRUE },
  { "off-white-toe-right",       2000, 1300, BACKDROP_OFF_WHITE,  0, 0.70, 0.50, 0.72, TRUE,   0, TRUE },
  { "grey-silver",               2000, 1300, BACKDROP_GREY,       1, 0.70, 0.50, 0.72, FALSE,  0, TRUE },
  { "grey-dark",                 2000, 1300, BACKDROP_GREY,       0, 0.65, 0.48, 0.70, TRUE,   0, TRUE },
  { "off-white-white",           2000, 1300, BACKDROP_OFF_WHITE,  2, 0.70, 0.50, 0.72, FALSE,  0, TRUE },
  { "light-box-dark",            2000, 1300, BACKDROP_LIGHT_BOX,  0, 0.70, 0.50, 0.74, FALSE,  0, TRUE },
  { "light-box-silver",          2000, 1300, BACKDROP_LIGHT_BOX,  1, 0.66, 0.52, 0.70, TRUE,   0, TRUE },
  { "side-light-dark",           2000, 1300, BACKDROP_SIDE_LIGHT, 0, 0.70, 0.50, 0.72, TRUE,   0, TRUE },
  { "side-light-white",          2000, 1300, BACKDROP_SIDE_LIGHT, 2, 0.70, 0.50, 0.72, FALSE,  0, TRUE },
  { "small-off-centre",          2000, 1300, BACKDROP_OFF_WHITE,  0, 0.20, 0.72, 0.40, FALSE,  0, TRUE },
  { "small-off-centre-grey",     2000, 1300, BACKDROP_GREY,       1, 0.18, 0.25, 0.80, TRUE,   0, TRUE },
  { "small-off-centre-box",      2000, 1300, BACKDROP_LIGHT_BOX,  0, 0.22, 0.30, 0.35, TRUE,   0, TRUE },
  { "tilted",                    2000, 1300, BACKDROP_OFF_WHITE,  0, 0.65, 0.50, 0.75, FALSE, 10, TRUE },
  { "tilted-toe-right-grey",     2000, 1300, BACKDROP_GREY,       1, 0.65, 0.50, 0.75, TRUE,  10, TRUE },
  { "tilted-small-side-light",   2000, 1300, BACKDROP_SIDE_LIGHT, 0, 0.25, 0.65, 0.60, FALSE, 10, TRUE },
  { "phone-small-jpeg",          1200,  800, BACKDROP_LIGHT_BOX,  0, 0.75, 0.50, 0.76, FALSE,  0, TRUE },
  { "phone-small-png",           1200,  800, BACKDROP_OFF_WHITE,  1, 0.75, 0.50, 0.76, TRUE,   0,  FALSE },
  { "thumbnail",                  640,  420, BACKDROP_GREY,       0, 0.70, 0.50, 0.72, FALSE,  0, TRUE },
};

/* The shoe in shoe units: x from the toe tip (0) to the back of the heel
 * (1), y up from the ground. The toe tip is at sole height; the sole lifts
 * off the ground towards it (toe spring).
 */
static void
shoe_path (cairo_t *cr)
{
  cairo_move_to (cr, 0.0, 0.07);
  cairo_curve_to (cr, 0.0, 0.14, 0.06, 0.18, 0.18, 0.19);
  cairo_line_to (cr, 0.45, 0.30);
  cairo_line_to (cr, 0.62, 0.42);
  cairo_line_to (cr, 0.72, 0.36);
  cairo_line_to (cr, 0.93, 0.42);
  cairo_curve_to (cr, 0.97, 0.42, 1.0, 0.36, 1.0, 0.30);
  cairo_line_to (cr, 1.0, 0.04);
  cairo_curve_to (cr, 1.0, 0.01, 0.99, 0.0, 0.96, 0.0);
  cairo_line_to (cr, 0.16, 0.0);
  cairo_curve_to (cr, 0.08, 0.0, 0.03, 0.03, 0.0, 0.07);
  cairo_close_path (cr);
}

/* From shoe units to the photo's pixels. */
static void
place_shoe (cairo_t    *cr,
            const Case *c)
{
  double length = c->length * c->width;

  cairo_translate (cr, c->centre_x * c->width, c->ground_y * c->height);
  cairo_rotate (cr, (c->toe_right ? 1 : -1) * c->tilt * G_PI / 180.0);
  cairo_scale (cr, c->toe_right ? -length : length, -length);
  cairo_translate (cr, -0.5, 0.0);
}

static void
draw_shoe (cairo_t       *cr,
           const Colours *shoe)
{
  shoe_path (cr);
  cairo_save (cr);
  cairo_clip_preserve (cr);
  cairo_set_source_rgb (cr, shoe->upper.r, shoe->upper.g, shoe->upper.b);
  cairo_fill (cr);

  /* A panel across the upper, a midsole, and the outsole under it. */
  cairo_set_source_rgb (cr, shoe->panel.r, shoe->panel.g, shoe->panel.b);
  cairo_move_to (cr, 0.30, 0.0);
  cairo_line_to (cr, 0.55, 0.5);
  cairo_line_to (cr, 0.70, 0.5);
  cairo_line_to (cr, 0.45, 0.0);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, shoe->midsole.r, shoe->midsole.g, shoe->midsole.b);
  cairo_rectangle (cr, -0.1, 0.025, 1.2, 0.085);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, shoe->outsole.r, shoe->outsole.g, shoe->outsole.b);
  cairo_rectangle (cr, -0.1, -0.1, 1.2, 0.125);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_backdrop (cairo_t    *cr,
               const Case *c)
{
  cairo_pattern_t *pattern = NULL;

  switch (c->backdrop)
    {
    case BACKDROP_OFF_WHITE:
      cairo_set_source_rgb (cr, 0.92, 0.91, 0.89);
      break;

    case BACKDROP_GREY:
      cairo_set_source_rgb (cr, 0.80, 0.81, 0.82);
      break;

    case BACKDROP_LIGHT_BOX:
      pattern = cairo_pattern_create_linear (0, 0, 0, c->height);
      cairo_pattern_add_color_stop_rgb (pattern, 0, 0.93, 0.92, 0.90);
      cairo_pattern_add_color_stop_rgb (pattern, 1, 0.84, 0.83, 0.81);
      break;

    case BACKDROP_SIDE_LIGHT:
    default:
      pattern = cairo_pattern_create_linear (0, 0, c->width, 0);
      cairo_pattern_add_color_stop_rgb (pattern, 0, 0.92, 0.91, 0.89);
      cairo_pattern_add_color_stop_rgb (pattern, 1, 0.78, 0.78, 0.78);
      break;
    }

  if (pattern != NULL)
    cairo_set_source (cr, pattern);
  cairo_paint (cr);
  g_clear_pointer (&pattern, cairo_pattern_destroy);
}

/* A soft shadow on the floor, reaching past toe and heel. */
static void
draw_shadow (cairo_t    *cr,
             const Case *c)
{
  double length = c->length * c->width;
  cairo_pattern_t *shadow = cairo_pattern_create_radial (0, 0, 0, 0, 0, 1);

  cairo_save (cr);
  cairo_translate (cr, c->centre_x * c->width, c->ground_y * c->height + 0.004 * length);
  cairo_scale (cr, 0.56 * length, 0.035 * length);
  cairo_pattern_add_color_stop_rgba (shadow, 0, 0, 0, 0, 0.35);
  cairo_pattern_add_color_stop_rgba (shadow, 0.7, 0, 0, 0, 0.12);
  cairo_pattern_add_color_stop_rgba (shadow, 1, 0, 0, 0, 0);
  cairo_set_source (cr, shadow);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_pattern_destroy (shadow);
  cairo_restore (cr);
}

/* Through JPEG and back with libjpeg, the encoder behind most cameras'
 * and shops' files (gdk-pixbuf from 2.44 hands saving to glycin, which
 * writes no JPEG). Half the cases keep colour at full resolution (4:4:4),
 * half halve it both ways (4:2:0, the default of most encoders), which
 * smears colour across a shoe's edge by a pixel or two.
 */
static GdkPixbuf *
through_jpeg (GdkPixbuf  *pixbuf,
              const Case *c,
              int         quality)
{
  struct jpeg_compress_struct out;
  struct jpeg_decompress_struct in;
  struct jpeg_error_mgr errors;
  unsigned char *jpeg = NULL;
  unsigned long size = 0;
  gboolean full_colour = (c - cases) % 2 == 1;
  GdkPixbuf *decoded;

  out.err = jpeg_std_error (&errors);
  jpeg_create_compress (&out);
  jpeg_mem_dest (&out, &jpeg, &size);
  out.image_width = c->width;
  out.image_height = c->height;
  out.input_components = 3;
  out.in_color_space = JCS_RGB;
  jpeg_set_defaults (&out);
  jpeg_set_quality (&out, quality, TRUE);
  out.comp_info[0].h_samp_factor = out.comp_info[0].v_samp_factor = full_colour ? 1 : 2;
  jpeg_start_compress (&out, TRUE);
  while (out.next_scanline < out.image_height)
    {
      JSAMPROW row = gdk_pixbuf_get_pixels (pixbuf) + (gsize) out.next_scanline * gdk_pixbuf_get_rowstride (pixbuf);

      jpeg_write_scanlines (&out, &row, 1);
    }
  jpeg_finish_compress (&out);
  jpeg_destroy_compress (&out);

  in.err = jpeg_std_error (&errors);
  jpeg_create_decompress (&in);
  jpeg_mem_src (&in, jpeg, size);
  g_assert_cmpint (jpeg_read_header (&in, TRUE), ==, JPEG_HEADER_OK);
  in.out_color_space = JCS_RGB;
  jpeg_start_decompress (&in);
  g_assert_cmpint (in.output_width, ==, c->width);
  g_assert_cmpint (in.output_height, ==, c->height);
  decoded = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, c->width, c->height);
  while (in.output_scanline < in.output_height)
    {
      JSAMPROW row = gdk_pixbuf_get_pixels (decoded) + (gsize) in.output_scanline * gdk_pixbuf_get_rowstride (decoded);

      jpeg_read_scanlines (&in, &row, 1);
    }
  jpeg_finish_decompress (&in);
  jpeg_destroy_decompress (&in);
  free (jpeg);
  return decoded;
}

/* The photo as a GdkPixbuf would load it: packed RGB, through JPEG at
 * @quality when the case says so.
 */
static GdkPixbuf *
draw_photo (const Case *c,
            int         quality)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, c->width, c->height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, c->width, c->height);

  draw_backdrop (cr, c);
  draw_shadow (cr, c);
  cairo_save (cr);
  place_shoe (cr, c);
  draw_shoe (cr, &colours[c->colours]);
  cairo_restore (cr);
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  for (int y = 0; y < c->height; y++)
    {
      const guint32 *in = (const guint32 *) (gpointer) (cairo_image_surface_get_data (surface)
                                                        + (gsize) y * cairo_image_surface_get_stride (surface));
      guint8 *out = gdk_pixbuf_get_pixels (pixbuf) + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf);

      for (int x = 0; x < c->width; x++)
        {
          out[3 * x] = in[x] >> 16 & 0xff;
          out[3 * x + 1] = in[x] >> 8 & 0xff;
          out[3 * x + 2] = in[x] & 0xff;
        }
    }
  cairo_surface_destroy (surface);

  if (!c->jpeg)
    return g_steal_pointer (&pixbuf);
  return through_jpeg (pixbuf, c, quality);
}

/* The shoe alone as an 8-bit coverage map: 255 where fully drawn. */
static cairo_surface_t *
draw_truth (const Case *c)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, c->width, c->height);
  cairo_t *cr = cairo_create (surface);

  place_shoe (cr, c);
  shoe_path (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint8
coverage_at (cairo_surface_t *truth,
             int              x,
             int              y)
{
  return cairo_image_surface_get_data (truth)[(gsize) y * cairo_image_surface_get_stride (truth) + x];
}

/* The bounding box of the pixels at least half covered. */
static void
truth_box (cairo_surface_t   *truth,
           ShoeboxProfileBox *box)
{
  int width = cairo_image_surface_get_width (truth);
  int height = cairo_image_surface_get_height (truth);
  int x0 = width, y0 = height, x1 = -1, y1 = -1;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (coverage_at (truth, x, y) >= 128)
        {
          x0 = MIN (x0, x);
          y0 = MIN (y0, y);
          x1 = MAX (x1, x);
          y1 = MAX (y1, y);
        }

  g_assert_cmpint (x1, >=, x0);
  box->x = x0;
  box->y = y0;
  box->width = x1 - x0 + 1;
  box->height = y1 - y0 + 1;
}

typedef struct
{
  int         worst_px;
  double      worst_fraction;
  const char *worst_case;
  int         worst_quality;
  guint       n_photos;
} Worst;

/* Finds the shoe in one photo and measures its sole line and its toe and
 * heel ends against the truth.
 */
static void
measure_edges (const Case              *c,
               int                      quality,
               const ShoeboxProfileBox *want,
               Worst                   *worst)
{
  g_autoptr(GdkPixbuf) photo = draw_photo (c, quality);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  ShoeboxProfile profile;
  int toe_error, heel_error, sole_error, largest;
  double fraction;

  g_assert_true (shoebox_profile_align_analyze (gdk_pixbuf_read_pixels (photo), c->width, c->height,
                                                gdk_pixbuf_get_rowstride (photo), 3,
                                                &profile, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (profile.toe, ==, c->toe_right ? SHOEBOX_PROFILE_TOE_RIGHT : SHOEBOX_PROFILE_TOE_LEFT);

  toe_error = ABS (profile.box.x - want->x);
  heel_error = ABS ((profile.box.x + profile.box.width) - (want->x + want->width));
  if (c->toe_right)
    {
      int swap = toe_error;

      toe_error = heel_error;
      heel_error = swap;
    }
  sole_error = ABS ((profile.box.y + profile.box.height) - (want->y + want->height));
  largest = MAX (sole_error, MAX (toe_error, heel_error));
  fraction = (double) largest / want->width;

  name = c->jpeg ? g_strdup_printf ("%s, JPEG %d", c->name, quality) : g_strdup_printf ("%s, PNG", c->name);
  g_test_message ("%-34s shoe %4d px long: sole %3d px, toe %3d px, heel %3d px off: %.2f %%",
                  name, want->width, sole_error, toe_error, heel_error, 100.0 * fraction);
  worst->n_photos++;
  if (fraction > worst->worst_fraction || worst->worst_case == NULL)
    {
      worst->worst_fraction = fraction;
      worst->worst_px = largest;
      worst->worst_case = c->name;
      worst->worst_quality = c->jpeg ? quality : 0;
    }
}

static void
test_edges (void)
{
  Worst worst = { 0, 0.0, NULL, 0, 0 };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      cairo_surface_t *truth = draw_truth (c);
      ShoeboxProfileBox want;

      truth_box (truth, &want);
      cairo_surface_destroy (truth);

      if (!c->jpeg)
        measure_edges (c, 0, &want, &worst);
      else
        for (gsize q = 0; q < G_N_ELEMENTS (jpeg_qualities); q++)
          measure_edges (c, jpeg_qualities[q], &want, &worst);
    }

  g_test_message ("worst over %u photos: %d px, %.2f %% of the shoe's length (%s, %s %d)",
                  worst.n_photos, worst.worst_px, 100.0 * worst.worst_fraction, worst.worst_case,
                  worst.worst_quality > 0 ? "JPEG" : "PNG", worst.worst_quality);
  g_assert_cmpfloat (worst.worst_fraction, <=, MAX_ERROR);
}

/* The cut-out keeps the shoe and drops the backdrop and the shadow: of
 * the pixels the shoe fully covers, nearly all are opaque; of those it
 * does not cover at all, nearly none are, the shadow included.
 */
static void
test_cut_out (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GdkPixbuf) photo = draw_photo (c, CUT_OUT_QUALITY);
      cairo_surface_t *truth = draw_truth (c);
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoeboxProfileMask) mask = NULL;
      g_autoptr(GBytes) cut = NULL;
      const guint8 *pixels;
      ShoeboxProfile profile;
      guint64 n_shoe = 0, n_shoe_opaque = 0, n_stray_opaque = 0, n_shadow = 0, n_shadow_opaque = 0;
      double shadow_top = c->ground_y * c->height;

      g_assert_true (shoebox_profile_align_analyze_masked (gdk_pixbuf_read_pixels (photo), c->width, c->height,
                                                           gdk_pixbuf_get_rowstride (photo), 3,
                                                           &profile, NULL, &mask, &error));
      g_assert_no_error (error);
      g_assert_nonnull (mask);
      cut = shoebox_profile_mask_cut_out (mask, gdk_pixbuf_read_pixels (photo), c->width, c->height,
                                          gdk_pixbuf_get_rowstride (photo), 3);
      g_assert_cmpuint (g_bytes_get_size (cut), ==, (gsize) c->width * c->height * 4);
      pixels = g_bytes_get_data (cut, NULL);

      /* To look at them: SHOEBOX_TEST_CUT_OUT_DIR=/tmp/cut-outs. */
      if (g_getenv ("SHOEBOX_TEST_CUT_OUT_DIR") != NULL)
        {
          g_autoptr(GdkPixbuf) saved = gdk_pixbuf_new_from_bytes (cut, GDK_COLORSPACE_RGB, TRUE, 8,
                                                                  c->width, c->height, c->width * 4);
          g_autofree char *name = g_strconcat (c->name, ".png", NULL);
          g_autofree char *path = g_build_filename (g_getenv ("SHOEBOX_TEST_CUT_OUT_DIR"), name, NULL);

          g_autoptr(GdkPixbuf) shown = gdk_pixbuf_composite_color_simple (saved, c->width / 2, c->height / 2,
                                                                           GDK_INTERP_BILINEAR, 255, 16,
                                                                           0x3060a0, 0x60a030);

          g_autofree char *photo_name = g_strconcat (c->name, "-photo.png", NULL);
          g_autofree char *photo_path = g_build_filename (g_getenv ("SHOEBOX_TEST_CUT_OUT_DIR"), photo_name, NULL);

          g_assert_true (gdk_pixbuf_save (shown, path, "png", &error, NULL));
          g_assert_true (gdk_pixbuf_save (photo, photo_path, "png", &error, NULL));
        }

      for (int y = 0; y < c->height; y++)
        for (int x = 0; x < c->width; x++)
          {
            guint8 coverage = coverage_at (truth, x, y);
            gboolean opaque = pixels[((gsize) y * c->width + x) * 4 + 3] >= 128;

            if (coverage == 255)
              {
                n_shoe++;
                n_shoe_opaque += opaque;
              }
            else if (coverage == 0)
              {
                n_stray_opaque += opaque;
                /* Under the ground line, out to the shadow's end. */
                if (y > shadow_top + 2 && y < shadow_top + 0.03 * c->length * c->width
                    && ABS (x - c->centre_x * c->width) < 0.5 * c->length * c->width && c->tilt == 0)
                  {
                    n_shadow++;
                    n_shadow_opaque += opaque;
                  }
              }
          }
      cairo_surface_destroy (truth);

      g_test_message ("%-24s %.2f %% of the shoe kept, stray %.2f %% of its area, %.2f %% of the shadow kept",
                      c->name, 100.0 * n_shoe_opaque / n_shoe, 100.0 * n_stray_opaque / n_shoe,
                      n_shadow > 0 ? 100.0 * n_shadow_opaque / n_shadow : 0.0);
      /* A light grey outsole on a white shoe is the colour of its own
       * shadow where the two meet: the middle of it goes with the shadow
       * (the box still finds the sole line, by the edge at the ends).
       */
      g_assert_cmpfloat ((double) n_shoe_opaque / n_shoe, >=, c->colours == 2 ? 0.94 : 0.98);
      g_assert_cmpfloat ((double) n_stray_opaque / n_shoe, <=, 0.02);
      if (n_shadow > 0)
        g_assert_cmpfloat ((double) n_shadow_opaque / n_shadow, <=, 0.02);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/profile-align/photos/sole-toe-heel", test_edges);
  g_test_add_func ("/profile-align/photos/cut-out", test_cut_out);

  return g_test_run ();
}
