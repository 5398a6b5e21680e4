/* shoebox-draw-sneaker.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Draws side-profile sneaker photos with cairo, for the screenshots of the
 * store listing (build-aux/take-screenshot.sh): the listing shows the app
 * with a realistic collection, and no product photo from anywhere else
 * may be used, so the repository draws its own.
 *
 *   shoebox-draw-sneaker [--toe-right] [--grey] MODEL COLORWAY OUTPUT.{jpg,png}
 *   shoebox-draw-sneaker --list
 *   shoebox-draw-sneaker --check   (a test: Compare reads every drawing)
 *
 * A shoe is drawn in "shoe units": x from the toe tip (0) to the back of
 * the heel (1), y up from the ground, then placed on a 1200×800 photo with
 * a soft shadow on an off-white or grey, evenly lit backdrop, as a shop or
 * a collector's light box would show it. The backdrop is plain so Compare
 * can find the shoe and outline it.
 */

#include "config.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

#include "shoebox-profile-align.h"

#define WIDTH        1200
#define HEIGHT       800
#define SHOE_LENGTH  900.0
#define GROUND_Y     610.0

typedef struct
{
  double r, g, b;
} Colour;

typedef enum
{
  DECORATION_TRACK,     /* layered cage panels and a wrapped toe bumper */
  DECORATION_TRIPLE_S,  /* stacked panels over a triple-layer sole */
  DECORATION_WAVES,     /* rippling layers and piping, a full-length air unit */
  DECORATION_STRIPES,   /* crossing side stripes and a heel gel window */
  DECORATION_RUNNER,    /* suede and mesh panels of a retro runner */
} Decoration;

/* The silhouette: proportions in shoe units and its decoration. */
typedef struct
{
  const char *name;
  Decoration  decoration;
  double      sole_toe;       /* sole height at the toe */
  double      sole_heel;      /* sole height at the heel */
  double      toe_spring;     /* how far the sole's toe lifts off the ground */
  double      toe_top;        /* top of the toe box, above the sole */
  double      throat_top;     /* top of the upper where the lacing starts */
  double      tongue_top;
  double      collar_low;     /* the dip of the collar behind the tongue */
  double      heel_top;
  int         n_layers;       /* midsole layers */
  int         n_lugs;         /* tread blocks along the ground */
} Model;

/* The colours of one pair. */
typedef struct
{
  const char *model;
  const char *colorway;
  Colour      upper;
  Colour      panel;          /* overlays */
  Colour      panel2;         /* second overlay */
  Colour      laces;
  Colour      sole[3];        /* midsole layers, top first */
  Colour      outsole;
  Colour      accent;         /* logo, piping, stripes */
} Colorway;

static const Model models[] = {
  { "Track",       DECORATION_TRACK,    0.100, 0.150, 0.040, 0.130, 0.310, 0.440, 0.360, 0.440, 2, 13 },
  { "Track 2.0",   DECORATION_TRACK,    0.130, 0.195, 0.050, 0.105, 0.290, 0.400, 0.325, 0.395, 2, 10 },
  { "Track 3",     DECORATION_TRACK,    0.160, 0.230, 0.060, 0.110, 0.320, 0.445, 0.370, 0.455, 3, 11 },
  { "Triple S",    DECORATION_TRIPLE_S, 0.120, 0.190, 0.030, 0.130, 0.320, 0.440, 0.365, 0.435, 3, 9 },
  { "Air Max 97",  DECORATION_WAVES,    0.060, 0.110, 0.025, 0.095, 0.235, 0.305, 0.270, 0.305, 1, 14 },
  { "Gel-1090",    DECORATION_STRIPES,  0.065, 0.120, 0.030, 0.105, 0.255, 0.335, 0.285, 0.330, 2, 12 },
  { "Gel-Kiril 2", DECORATION_STRIPES,  0.060, 0.115, 0.030, 0.100, 0.250, 0.325, 0.280, 0.325, 1, 12 },
  { "Runner",      DECORATION_RUNNER,   0.070, 0.125, 0.035, 0.105, 0.260, 0.340, 0.290, 0.335, 2, 12 },
  { "Defender",    DECORATION_TRIPLE_S, 0.150, 0.200, 0.045, 0.120, 0.330, 0.440, 0.370, 0.430, 1, 8 },
};

#define C(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const Colorway colorways[] = {
  { "Track", "White",
    C (0xf2f1ec), C (0xdcdcd8), C (0xc9cbcc), C (0xf4f4f0),
    { C (0xeeeeea), C (0xe0e0db), C (0xe0e0db) }, C (0xbfc0bd), C (0x9a9c9e) },
  { "Track 2.0", "Silver",
    C (0xb9bcc0), C (0x9ea2a7), C (0xd9dbde), C (0xdddfe2),
    { C (0xd4d6d9), C (0xa9adb2), C (0xa9adb2) }, C (0x6d7176), C (0x3a3d41) },
  { "Track 2.0", "Triple Black",
    C (0x2b2c2f), C (0x1c1d1f), C (0x3d3f43), C (0x242527),
    { C (0x303134), C (0x242528), C (0x242528) }, C (0x17181a), C (0x55585d) },
  { "Track 3", "Grey Orange",
    C (0x8d9094), C (0x6a6d71), C (0xe8642c), C (0x3b3d40),
    { C (0xd7d8d6), C (0xe8642c), C (0x8d9094) }, C (0x505357), C (0xe8642c) },
  { "Triple S", "Black Red",
    C (0x2a2a2d), C (0x3c3c40), C (0xc3262b), C (0x1d1d1f),
    { C (0xc3262b), C (0x2a2a2d), C (0xf0efe9) }, C (0x1d1d1f), C (0xc3262b) },
  { "Triple S", "Cream",
    C (0xefe7d6), C (0xd9ccb2), C (0xbfae8e), C (0xf3ede0),
    { C (0xf3ede0), C (0xe3d8c1), C (0xcdbf9f) }, C (0xb6a685), C (0x8c7a58) },
  { "Air Max 97", "Silver Bullet",
    C (0xc4c7cb), C (0xa8acb1), C (0x8c9096), C (0xb8bbbf),
    { C (0xf3f3f1), C (0xf3f3f1), C (0xf3f3f1) }, C (0x8a8e93), C (0xd3202a) },
  { "Air Max 97", "Triple White",
    C (0xf5f5f3), C (0xe6e6e3), C (0xd8d8d4), C (0xf5f5f3),
    { C (0xfbfbf9), C (0xfbfbf9), C (0xfbfbf9) }, C (0xdcdcd8), C (0xc4c6c8) },
  { "Gel-1090", "Pure Silver",
    C (0xe9eaeb), C (0xb8bbbf), C (0x9ea2a7), C (0xf0f0ef),
    { C (0xf4f4f2), C (0xc9ccd0), C (0xc9ccd0) }, C (0x8f9398), C (0x9ea2a7) },
  { "Gel-Kiril 2", "Cream Black",
    C (0xece3d0), C (0x2b2b2d), C (0xc6b79a), C (0xf2ebdd),
    { C (0xf2ebdd), C (0xece3d0), C (0xece3d0) }, C (0x5b564d), C (0x2b2b2d) },
  { "Runner", "Grey Blue",
    C (0x9da3a9), C (0x6f8fb4), C (0xc7ccd1), C (0xd9dce0),
    { C (0xdcdedf), C (0x8ea3bb), C (0x8ea3bb) }, C (0x56606b), C (0x3f6c9e) },
  { "Defender", "Black",
    C (0x26272a), C (0x36373b), C (0x4a4c50), C (0x202124),
    { C (0x2b2c2f), C (0x2b2c2f), C (0x2b2c2f) }, C (0x141516), C (0x6a6d72) },
};

static const Model *
find_model (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (models); i++)
    if (g_strcmp0 (models[i].name, name) == 0)
      return &models[i];
  return NULL;
}

static const Colorway *
find_colorway (const char *model,
               const char *colorway)
{
  for (gsize i = 0; i < G_N_ELEMENTS (colorways); i++)
    if (g_strcmp0 (colorways[i].model, model) == 0 && g_strcmp0 (colorways[i].colorway, colorway) == 0)
      return &colorways[i];
  return NULL;
}

static void
set_colour (cairo_t      *cr,
            const Colour *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

/* A shade of @colour: factor < 1 darkens, > 1 lightens towards white. */
static void
set_shade (cairo_t      *cr,
           const Colour *colour,
           double        factor)
{
  if (factor <= 1.0)
    cairo_set_source_rgb (cr, colour->r * factor, colour->g * factor, colour->b * factor);
  else
    cairo_set_source_rgb (cr,
                          colour->r + (1 - colour->r) * (factor - 1),
                          colour->g + (1 - colour->g) * (factor - 1),
                          colour->b + (1 - colour->b) * (factor - 1));
}

/* The seams: a darker line of the panel's own colour, so a white shoe on
 * a white backdrop still has edges.
 */
static void
stroke_seam (cairo_t      *cr,
             const Colour *colour,
             double        width)
{
  set_shade (cr, colour, 0.62);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
fill_panel (cairo_t      *cr,
            const Colour *colour)
{
  set_colour (cr, colour);
  cairo_fill_preserve (cr);
  stroke_seam (cr, colour, 0.0028);
}

/* Height of the sole's top edge at @x. */
static double
sole_top (const Model *model,
          double       x)
{
  return model->sole_toe + (model->sole_heel - model->sole_toe) * CLAMP ((x - 0.1) / 0.8, 0, 1);
}

/* The lift of the sole's underside at @x: the toe spring. */
static double
sole_bottom (const Model *model,
             double       x)
{
  double t = CLAMP ((0.22 - x) / 0.22, 0, 1);

  return model->toe_spring * t * t;
}

/* The top edge of the upper at @x (0.06 ≤ x ≤ 0.985): a Catmull-Rom
 * spline through the landmarks of a side profile.
 */
static double
upper_top (const Model *model,
           double       x)
{
  double s0 = sole_top (model, 0.06);
  const double xs[] = { 0.0, 0.06, 0.15, 0.27, 0.40, 0.52, 0.575, 0.64, 0.72, 0.86, 0.95, 0.985, 1.05 };
  double ys[G_N_ELEMENTS (xs)] = {
    s0 + model->toe_top * 0.5, s0 + model->toe_top * 0.82, s0 + model->toe_top,
    s0 + model->toe_top + 0.035, model->throat_top, model->throat_top + 0.07, model->tongue_top,
    model->collar_low + 0.012, model->collar_low, model->collar_low + (model->heel_top - model->collar_low) * 0.6,
    model->heel_top, model->heel_top - 0.012, model->heel_top - 0.05,
  };
  gsize i = 1;
  double t, p0, p1, p2, p3;

  while (i < G_N_ELEMENTS (xs) - 2 && x > xs[i + 1])
    i++;
  t = CLAMP ((x - xs[i]) / (xs[i + 1] - xs[i]), 0, 1);
  p0 = ys[i - 1];
  p1 = ys[i];
  p2 = ys[i + 1];
  /* The last segment has no point after it: repeat its end. */
  p3 = ys[MIN (i + 2, G_N_ELEMENTS (ys) - 1)];
  return 0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t
                + (-p0 + 3 * p1 - 3 * p2 + p3) * t * t * t);
}

static void
sole_path (cairo_t     *cr,
           const Model *model,
           double       top_fraction,
           double       bottom_fraction)
{
  int n = 40;

  /* Along the layer's top from toe to heel, then back along its bottom;
   * the front and back are rounded by the sole's own bulge.
   */
  for (int i = 0; i <= n; i++)
    {
      double x = -0.012 + 1.03 * i / n;
      double bottom = sole_bottom (model, x);
      double y = bottom + (sole_top (model, x) - bottom) * top_fraction;

      if (i == 0)
        cairo_move_to (cr, x + 0.006, y);
      else
        cairo_line_to (cr, x, y);
    }
  for (int i = n; i >= 0; i--)
    {
      double x = -0.012 + 1.03 * i / n;
      double bottom = sole_bottom (model, x);
      double y = bottom + (sole_top (model, x) - bottom) * bottom_fraction;

      if (i == n || i == 0)
        x += (i == n ? 0.004 : 0.010);
      cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

static void
upper_path (cairo_t     *cr,
            const Model *model)
{
  double s0 = sole_top (model, 0.02);
  double s1 = sole_top (model, 0.99);
  double heel = upper_top (model, 0.985);

  /* The rounded toe, the top edge, the heel counter bulging back. */
  cairo_move_to (cr, 0.025, s0 - 0.01);
  cairo_curve_to (cr, 0.0, s0 + model->toe_top * 0.3, 0.01, upper_top (model, 0.06) - 0.01, 0.06, upper_top (model, 0.06));
  for (int i = 1; i <= 100; i++)
    {
      double x = 0.06 + (0.985 - 0.06) * i / 100;

      cairo_line_to (cr, x, upper_top (model, x));
    }
  cairo_curve_to (cr, 1.01, heel - 0.02, 1.018, s1 + 0.08, 0.995, s1 - 0.01);
  cairo_close_path (cr);
}

/* The eyestay: a band under the top edge along the lacing. */
static void
eyestay_path (cairo_t     *cr,
              const Model *model,
              double       width)
{
  const double x0 = 0.25, x1 = 0.60;

  for (int i = 0; i <= 30; i++)
    {
      double x = x0 + (x1 - x0) * i / 30;

      cairo_line_to (cr, x, upper_top (model, x) + 0.02);
    }
  for (int i = 30; i >= 0; i--)
    {
      double x = x0 + (x1 - x0) * i / 30;
      double w = width * (0.6 + 0.4 * sin (G_PI * i / 30));

      cairo_line_to (cr, x + 0.01, upper_top (model, x) - w);
    }
  cairo_close_path (cr);
}

/* Laces over the top edge, eyelets under it. */
static void
draw_laces (cairo_t        *cr,
            const Model    *model,
            const Colorway *colours,
            int             n_eyelets,
            gboolean        eyelets)
{
  const double x0 = 0.29, x1 = 0.52;

  for (int i = 0; i < n_eyelets; i++)
    {
      double x = x0 + (x1 - x0) * i / (n_eyelets - 1);
      double y = upper_top (model, x);

      cairo_move_to (cr, x - 0.010, y - 0.026);
      cairo_curve_to (cr, x - 0.002, y - 0.01, x + 0.008, y + 0.004, x + 0.022, y + 0.008);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      set_shade (cr, &colours->laces, 0.6);
      cairo_set_line_width (cr, 0.014);
      cairo_stroke_preserve (cr);
      set_colour (cr, &colours->laces);
      cairo_set_line_width (cr, 0.009);
      cairo_stroke (cr);

      if (eyelets)
        {
          cairo_arc (cr, x - 0.013, y - 0.030, 0.0055, 0, 2 * G_PI);
          set_shade (cr, &colours->panel, 0.4);
          cairo_fill (cr);
        }
    }
}

/* Stitching: a dashed line just inside a panel edge. */
static void
stitch (cairo_t      *cr,
        const Colour *colour)
{
  const double dashes[] = { 0.006, 0.004 };

  cairo_save (cr);
  cairo_set_dash (cr, dashes, 2, 0);
  set_shade (cr, colour, 1.4);
  cairo_set_line_width (cr, 0.0018);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A heel panel from @x at the sole, curving up and back out of the upper
 * (the clip cuts it along the upper's edge).
 */
static void
heel_panel_path (cairo_t     *cr,
                 const Model *model,
                 double       x)
{
  cairo_move_to (cr, x, sole_top (model, x) - 0.01);
  cairo_curve_to (cr, x - 0.01, sole_top (model, x) + 0.1, x + 0.05, model->heel_top, x + 0.1, model->heel_top + 0.05);
  cairo_line_to (cr, 1.1, model->heel_top + 0.05);
  cairo_line_to (cr, 1.1, 0);
  cairo_close_path (cr);
}

/* A toe cap up to @x, its edge curving up over the toe box. */
static void
toe_cap_path (cairo_t     *cr,
              const Model *model,
              double       x,
              double       height)
{
  double s = sole_top (model, x);

  cairo_move_to (cr, -0.1, 0);
  cairo_line_to (cr, -0.1, s + height + 0.2);
  cairo_line_to (cr, x - 0.16, s + height + 0.2);
  cairo_curve_to (cr, x - 0.14, s + height, x - 0.02, s + height * 0.8, x, s - 0.01);
  cairo_close_path (cr);
}

static void
draw_track_panels (cairo_t        *cr,
                   const Model    *model,
                   const Colorway *colours)
{
  double s = sole_top (model, 0.5);

  /* Perforated toe, a lower panel along the sole. */
  toe_cap_path (cr, model, 0.24, 0.09);
  fill_panel (cr, &colours->panel);
  set_shade (cr, &colours->panel, 0.55);
  for (int row = 0; row < 3; row++)
    for (int col = 0; col < 5 - row; col++)
      {
        cairo_arc (cr, 0.05 + col * 0.024 + row * 0.012, sole_top (model, 0.1) + 0.03 + row * 0.022, 0.0035, 0, 2 * G_PI);
        cairo_fill (cr);
      }

  /* The cage: bars sweeping back and up from the sole to the lacing. */
  for (int i = 0; i < 4; i++)
    {
      double x = 0.26 + i * 0.10;
      double top = upper_top (model, x + 0.13) + 0.05;

      cairo_move_to (cr, x, s - 0.01);
      cairo_curve_to (cr, x + 0.03, s + 0.06, x + 0.08, top - 0.08, x + 0.12, top);
      cairo_line_to (cr, x + 0.17, top);
      cairo_curve_to (cr, x + 0.12, top - 0.09, x + 0.08, s + 0.04, x + 0.065, s - 0.01);
      cairo_close_path (cr);
      fill_panel (cr, i % 2 == 1 ? &colours->panel2 : &colours->panel);
    }

  heel_panel_path (cr, model, 0.80);
  fill_panel (cr, &colours->panel);
  cairo_move_to (cr, 0.83, sole_top (model, 0.83) + 0.02);
  cairo_curve_to (cr, 0.83, sole_top (model, 0.83) + 0.1, 0.87, model->heel_top - 0.03, 0.92, model->heel_top - 0.01);
  stitch (cr, &colours->panel);

  /* The pull tab. */
  cairo_rectangle (cr, 0.95, model->heel_top - 0.07, 0.06, 0.09);
  set_colour (cr, &colours->accent);
  cairo_fill (cr);
}

static void
draw_track_sole_details (cairo_t        *cr,
                         const Model    *model,
                         const Colorway *colours)
{
  double s = sole_top (model, 0.02);

  /* The outsole wraps up over the toe. */
  cairo_move_to (cr, 0.005, s - 0.02);
  cairo_curve_to (cr, -0.008, s + 0.03, 0.01, s + 0.06, 0.05, s + 0.07);
  cairo_curve_to (cr, 0.09, s + 0.075, 0.14, s + 0.05, 0.17, s + 0.005);
  cairo_line_to (cr, 0.17, s - 0.02);
  cairo_close_path (cr);
  fill_panel (cr, &colours->sole[1]);

  /* The sole's lugs climbing the heel. */
  for (int i = 0; i < 3; i++)
    {
      cairo_rectangle (cr, 0.99, sole_top (model, 1) + 0.005 + i * 0.03, 0.025, 0.02);
      fill_panel (cr, &colours->sole[1]);
    }
}

static void
draw_triple_s_panels (cairo_t        *cr,
                      const Model    *model,
                      const Colorway *colours)
{
  double s = sole_top (model, 0.5);

  toe_cap_path (cr, model, 0.25, 0.10);
  fill_panel (cr, &colours->panel);

  /* Mid panel in the second colour, from the sole to the lacing. */
  cairo_move_to (cr, 0.33, sole_top (model, 0.33) - 0.01);
  cairo_curve_to (cr, 0.38, s + 0.10, 0.44, model->throat_top, 0.50, model->tongue_top + 0.05);
  cairo_line_to (cr, 0.66, model->tongue_top + 0.05);
  cairo_curve_to (cr, 0.64, s + 0.09, 0.63, s + 0.03, 0.64, sole_top (model, 0.64) - 0.01);
  cairo_close_path (cr);
  fill_panel (cr, &colours->panel2);

  heel_panel_path (cr, model, 0.74);
  fill_panel (cr, &colours->panel);

  /* The size embroidered by the toe. */
  cairo_save (cr);
  cairo_translate (cr, 0.11, sole_top (model, 0.1) + 0.035);
  cairo_scale (cr, 1, -1);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 0.032);
  set_colour (cr, &colours->accent);
  cairo_show_text (cr, "42");
  cairo_restore (cr);
}

static void
draw_waves (cairo_t        *cr,
            const Model    *model,
            const Colorway *colours)
{
  /* The rippling layers of the upper, darkest at the bottom. */
  for (int i = 3; i >= 0; i--)
    {
      int n = 60;

      cairo_move_to (cr, -0.02, 0);
      for (int j = 0; j <= n; j++)
        {
          double x = -0.02 + 1.04 * j / n;
          double base = sole_top (model, x) + 0.025 + i * 0.042;
          double y = base + 0.014 * sin (x * 16 + i * 0.9) + x * 0.02 * i;

          cairo_line_to (cr, x, y);
        }
      cairo_line_to (cr, 1.02, 0);
      cairo_close_path (cr);
      set_shade (cr, &colours->panel, 0.80 + 0.07 * i);
      cairo_fill_preserve (cr);
      stroke_seam (cr, &colours->panel, 0.002);
    }

  /* Reflective piping along the ripples. */
  for (int i = 0; i < 3; i++)
    {
      int n = 60;

      for (int j = 0; j <= n; j++)
        {
          double x = 0.04 + 0.94 * j / n;
          double base = sole_top (model, x) + 0.025 + i * 0.042 + 0.006;
          double y = base + 0.014 * sin (x * 16 + i * 0.9) + x * 0.02 * i;

          if (j == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      set_shade (cr, &colours->upper, 1.6);
      cairo_set_line_width (cr, 0.004);
      cairo_stroke (cr);
    }

  /* The small swoosh by the heel. */
  {
    double y = sole_top (model, 0.85) + 0.07;

    cairo_move_to (cr, 0.78, y + 0.015);
    cairo_curve_to (cr, 0.83, y - 0.02, 0.90, y - 0.005, 0.96, y + 0.03);
    cairo_curve_to (cr, 0.90, y + 0.005, 0.83, y - 0.002, 0.78, y + 0.015);
    set_colour (cr, &colours->accent);
    cairo_fill (cr);
  }
}

static void
draw_air_unit (cairo_t        *cr,
               const Model    *model,
               const Colorway *colours)
{
  /* A full-length window in the midsole, with the unit's chambers. */
  cairo_save (cr);
  cairo_new_path (cr);
  for (int i = 0; i <= 20; i++)
    {
      double x = 0.10 + 0.85 * i / 20;

      cairo_line_to (cr, x, sole_bottom (model, x) + (sole_top (model, x) - sole_bottom (model, x)) * 0.28);
    }
  for (int i = 20; i >= 0; i--)
    {
      double x = 0.10 + 0.85 * i / 20;

      cairo_line_to (cr, x, sole_top (model, x) - 0.014);
    }
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 0.74, 0.79, 0.85, 1);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  for (int i = 0; i < 14; i++)
    {
      double x = 0.12 + i * 0.062;

      cairo_move_to (cr, x, 0);
      cairo_line_to (cr, x, 0.2);
      cairo_set_source_rgba (cr, 0.50, 0.56, 0.63, 1);
      cairo_set_line_width (cr, 0.004);
      cairo_stroke (cr);
      cairo_move_to (cr, x + 0.014, 0);
      cairo_line_to (cr, x + 0.014, 0.2);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
      cairo_set_line_width (cr, 0.006);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  (void) colours;
}

static void
draw_stripes (cairo_t        *cr,
              const Model    *model,
              const Colorway *colours)
{
  double s = sole_top (model, 0.45);

  toe_cap_path (cr, model, 0.30, 0.06);
  fill_panel (cr, &colours->panel2);
  heel_panel_path (cr, model, 0.76);
  fill_panel (cr, &colours->panel2);

  /* The crossing stripes: two bands rising back from the midfoot and a
   * crossbar.
   */
  for (int i = 0; i < 2; i++)
    {
      double x = 0.40 + i * 0.07;
      double top = upper_top (model, x + 0.17);

      cairo_move_to (cr, x, s - 0.01);
      cairo_line_to (cr, x + 0.035, s - 0.01);
      cairo_line_to (cr, x + 0.20, top + 0.02);
      cairo_line_to (cr, x + 0.165, top + 0.02);
      cairo_close_path (cr);
      fill_panel (cr, &colours->panel);
    }
  cairo_move_to (cr, 0.46, upper_top (model, 0.5) - 0.03);
  cairo_line_to (cr, 0.50, upper_top (model, 0.5) - 0.03);
  cairo_line_to (cr, 0.63, s - 0.01);
  cairo_line_to (cr, 0.595, s - 0.01);
  cairo_close_path (cr);
  fill_panel (cr, &colours->panel);
}

static void
draw_gel_window (cairo_t        *cr,
                 const Model    *model,
                 const Colorway *colours)
{
  double bottom = sole_bottom (model, 0.8);
  double height = sole_top (model, 0.8) - bottom;

  cairo_rectangle (cr, 0.80, bottom + height * 0.40, 0.11, height * 0.35);
  fill_panel (cr, &colours->accent);
}

static void
draw_runner_panels (cairo_t        *cr,
                    const Model    *model,
                    const Colorway *colours)
{
  double s = sole_top (model, 0.5);

  /* Mesh quarter (dotted), suede toe and heel. */
  set_shade (cr, &colours->upper, 0.82);
  for (int row = 0; row < 14; row++)
    for (int col = 0; col < 50; col++)
      {
        cairo_arc (cr, 0.1 + col * 0.017 + (row % 2) * 0.008, s + row * 0.017, 0.0026, 0, 2 * G_PI);
        cairo_fill (cr);
      }

  toe_cap_path (cr, model, 0.30, 0.08);
  fill_panel (cr, &colours->panel);
  heel_panel_path (cr, model, 0.70);
  fill_panel (cr, &colours->panel);

  /* A swept side logo. */
  cairo_move_to (cr, 0.36, s + 0.02);
  cairo_curve_to (cr, 0.45, s + 0.03, 0.58, s + 0.08, 0.68, s + 0.14);
  cairo_line_to (cr, 0.65, s + 0.14);
  cairo_curve_to (cr, 0.56, s + 0.095, 0.46, s + 0.05, 0.36, s + 0.045);
  cairo_close_path (cr);
  set_colour (cr, &colours->accent);
  cairo_fill (cr);
}

static void
draw_sole (cairo_t        *cr,
           const Model    *model,
           const Colorway *colours)
{
  double step = 1.0 / model->n_layers;

  /* Outsole: the bottom fifth, with tread blocks along the ground. */
  sole_path (cr, model, 0.2, 0.0);
  fill_panel (cr, &colours->outsole);

  for (int i = 0; i < model->n_lugs; i++)
    {
      double x = 0.05 + 0.92 * (i + 0.5) / model->n_lugs;
      double w = 0.92 / model->n_lugs * 0.55;

      cairo_rectangle (cr, x - w / 2, sole_bottom (model, x) + 0.004, w, (sole_top (model, x) - sole_bottom (model, x)) * 0.13);
      set_shade (cr, &colours->outsole, 0.75);
      cairo_fill (cr);
    }

  /* Midsole layers, the top one first in the colour list. */
  for (int i = 0; i < model->n_layers; i++)
    {
      sole_path (cr, model, 0.2 + 0.8 * step * (i + 1), 0.2 + 0.8 * step * i);
      fill_panel (cr, &colours->sole[model->n_layers - 1 - i]);
    }

  /* Sculpted grooves along the midsole, catching the light. */
  for (int i = 0; i < 6; i++)
    {
      double x = 0.15 + i * 0.13;
      double bottom = sole_bottom (model, x);
      double height = sole_top (model, x) - bottom;

      cairo_move_to (cr, x, bottom + height * 0.32);
      cairo_line_to (cr, x + 0.05, bottom + height * 0.77);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.10);
      cairo_set_line_width (cr, 0.006);
      cairo_stroke (cr);
    }
}

static void
draw_shoe (cairo_t        *cr,
           const Model    *model,
           const Colorway *colours)
{
  cairo_pattern_t *shade;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* The upper, then everything on it clipped to it. */
  upper_path (cr, model);
  set_colour (cr, &colours->upper);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);

  switch (model->decoration)
    {
    case DECORATION_TRACK:
      draw_track_panels (cr, model, colours);
      break;
    case DECORATION_TRIPLE_S:
      draw_triple_s_panels (cr, model, colours);
      break;
    case DECORATION_WAVES:
      draw_waves (cr, model, colours);
      break;
    case DECORATION_STRIPES:
      draw_stripes (cr, model, colours);
      break;
    case DECORATION_RUNNER:
    default:
      draw_runner_panels (cr, model, colours);
      break;
    }

  if (model->decoration != DECORATION_WAVES)
    {
      eyestay_path (cr, model, 0.06);
      fill_panel (cr, model->decoration == DECORATION_STRIPES ? &colours->panel2 : &colours->panel);
    }

  /* Light from above: the top of the upper brighter than its base. */
  shade = cairo_pattern_create_linear (0, sole_top (model, 0.5), 0, model->heel_top);
  cairo_pattern_add_color_stop_rgba (shade, 0, 0, 0, 0, 0.10);
  cairo_pattern_add_color_stop_rgba (shade, 0.6, 0, 0, 0, 0.0);
  cairo_pattern_add_color_stop_rgba (shade, 1, 1, 1, 1, 0.10);
  cairo_set_source (cr, shade);
  cairo_paint (cr);
  cairo_pattern_destroy (shade);
  cairo_restore (cr);

  upper_path (cr, model);
  stroke_seam (cr, &colours->upper, 0.003);
  draw_laces (cr, model, colours, model->decoration == DECORATION_WAVES ? 4 : 6,
              model->decoration != DECORATION_WAVES);

  draw_sole (cr, model, colours);
  if (model->decoration == DECORATION_TRACK)
    draw_track_sole_details (cr, model, colours);
  else if (model->decoration == DECORATION_WAVES)
    draw_air_unit (cr, model, colours);
  else if (model->decoration == DECORATION_STRIPES)
    draw_gel_window (cr, model, colours);
}

static void
draw_photo (cairo_t        *cr,
            const Model    *model,
            const Colorway *colours,
            gboolean        grey,
            gboolean        toe_right)
{
  cairo_pattern_t *backdrop;
  cairo_pattern_t *shadow;
  Colour top = grey ? (Colour) C (0xdcdddf) : (Colour) C (0xf6f4ef);
  Colour bottom = grey ? (Colour) C (0xcfd0d3) : (Colour) C (0xebe8e1);

  /* A light box: evenly lit, a little darker towards the floor. */
  backdrop = cairo_pattern_create_linear (0, 0, 0, HEIGHT);
  cairo_pattern_add_color_stop_rgb (backdrop, 0, top.r, top.g, top.b);
  cairo_pattern_add_color_stop_rgb (backdrop, 1, bottom.r, bottom.g, bottom.b);
  cairo_set_source (cr, backdrop);
  cairo_paint (cr);
  cairo_pattern_destroy (backdrop);

  /* A soft contact shadow under the sole. */
  cairo_save (cr);
  cairo_translate (cr, WIDTH / 2.0, GROUND_Y + 4);
  cairo_scale (cr, SHOE_LENGTH * 0.50, 14);
  shadow = cairo_pattern_create_radial (0, 0, 0, 0, 0, 1);
  cairo_pattern_add_color_stop_rgba (shadow, 0, 0, 0, 0, 0.25);
  cairo_pattern_add_color_stop_rgba (shadow, 0.7, 0, 0, 0, 0.10);
  cairo_pattern_add_color_stop_rgba (shadow, 1, 0, 0, 0, 0);
  cairo_set_source (cr, shadow);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_pattern_destroy (shadow);
  cairo_restore (cr);

  /* Shoe units to pixels: toe at the left, y up. */
  cairo_save (cr);
  cairo_translate (cr, (WIDTH - SHOE_LENGTH) / 2.0, GROUND_Y);
  if (toe_right)
    {
      cairo_translate (cr, SHOE_LENGTH, 0);
      cairo_scale (cr, -SHOE_LENGTH, -SHOE_LENGTH);
    }
  else
    cairo_scale (cr, SHOE_LENGTH, -SHOE_LENGTH);
  draw_shoe (cr, model, colours);
  cairo_restore (cr);
}

/* cairo's xRGB to the packed RGB of a GdkPixbuf, as a photo loads. */
static GdkPixbuf *
pixbuf_from_surface (cairo_surface_t *surface)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, WIDTH, HEIGHT);
  const guint8 *data;
  int stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < HEIGHT; y++)
    {
      const guint32 *in = (const guint32 *) (data + (gsize) y * stride);
      guint8 *out = gdk_pixbuf_get_pixels (pixbuf) + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf);

      for (int x = 0; x < WIDTH; x++)
        {
          out[3 * x] = in[x] >> 16 & 0xff;
          out[3 * x + 1] = in[x] >> 8 & 0xff;
          out[3 * x + 2] = in[x] & 0xff;
        }
    }
  return pixbuf;
}

static cairo_surface_t *
draw_surface (const Model    *model,
              const Colorway *colours,
              gboolean        grey,
              gboolean        toe_right)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  draw_photo (cr, model, colours, grey, toe_right);
  cairo_destroy (cr);
  return surface;
}

static gboolean
save (cairo_surface_t  *surface,
      const char       *path,
      GError          **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (g_str_has_suffix (path, ".png"))
    {
      if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
          return FALSE;
        }
      return TRUE;
    }

  /* JPEG, as phones write them. */
  pixbuf = pixbuf_from_surface (surface);
  return gdk_pixbuf_save (pixbuf, path, "jpeg", error, "quality", "90", NULL);
}

/* Compare crops side-profile photos to the shoe and lines them up toe to
 * the left: every drawing must be read as a shoe on a plain background,
 * cropped to the drawn shoe, its toe where it was drawn. TAP output.
 */
static int
check_drawings (void)
{
  guint n = 0;
  gboolean ok = TRUE;

  g_print ("1..%" G_GSIZE_FORMAT "\n", G_N_ELEMENTS (colorways) * 4);
  for (gsize i = 0; i < G_N_ELEMENTS (colorways); i++)
    for (int variant = 0; variant < 4; variant++)
      {
        const Colorway *colours = &colorways[i];
        gboolean grey = variant & 1;
        gboolean toe_right = variant & 2;
        cairo_surface_t *surface = draw_surface (find_model (colours->model), colours, grey, toe_right);
        g_autoptr(GdkPixbuf) pixbuf = pixbuf_from_surface (surface);
        g_autoptr(GError) error = NULL;
        g_autofree char *problem = NULL;
        ShoeboxProfile profile;
        double left = (WIDTH - SHOE_LENGTH) / 2;

        cairo_surface_destroy (surface);
        if (!shoebox_profile_align_analyze (gdk_pixbuf_get_pixels (pixbuf), WIDTH, HEIGHT,
                                            gdk_pixbuf_get_rowstride (pixbuf), 3, &profile, NULL, &error))
          problem = g_strdup (error->message);
        else if (profile.toe != (toe_right ? SHOEBOX_PROFILE_TOE_RIGHT : SHOEBOX_PROFILE_TOE_LEFT))
          problem = g_strdup_printf ("toe read as %d", profile.toe);
        else if (fabs (profile.box.x - left) > 0.03 * SHOE_LENGTH
                 || fabs (profile.box.width - SHOE_LENGTH) > 0.05 * SHOE_LENGTH
                 || fabs (profile.box.y + profile.box.height - GROUND_Y) > 0.02 * SHOE_LENGTH
                 || profile.box.height < 0.2 * SHOE_LENGTH)
          problem = g_strdup_printf ("shoe found at %d,%d %d×%d", profile.box.x, profile.box.y,
                                     profile.box.width, profile.box.height);

        g_print ("%s %u - %s %s%s%s%s%s\n", problem == NULL ? "ok" : "not ok", ++n, colours->model,
                 colours->colorway, grey ? ", grey" : "", toe_right ? ", toe right" : "",
                 problem != NULL ? ": " : "", problem != NULL ? problem : "");
        ok &= problem == NULL;
      }
  return ok ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean toe_right = FALSE;
  gboolean grey = FALSE;
  gboolean list = FALSE;
  gboolean check = FALSE;
  const GOptionEntry entries[] = {
    { "toe-right", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &toe_right, "Point the toe to the right", NULL },
    { "grey", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &grey, "A grey backdrop instead of off-white", NULL },
    { "list", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &list, "List the models and colorways", NULL },
    { "check", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &check, "Check that Compare reads every drawing (TAP)", NULL },
    { NULL }
  };
  const Model *model;
  const Colorway *colours;
  cairo_surface_t *surface;
  gboolean saved;

  context = g_option_context_new ("MODEL COLORWAY OUTPUT");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || (!list && !check && argc != 4))
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                         : "Usage: shoebox-draw-sneaker [--toe-right] [--grey] MODEL COLORWAY OUTPUT");
      return 2;
    }

  if (check)
    return check_drawings ();

  if (list)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (colorways); i++)
        g_print ("%s\t%s\n", colorways[i].model, colorways[i].colorway);
      return 0;
    }

  model = find_model (argv[1]);
  colours = find_colorway (argv[1], argv[2]);
  if (model == NULL || colours == NULL)
    {
      g_printerr ("No drawing of %s “%s” (see --list)\n", argv[1], argv[2]);
      return 2;
    }

  surface = draw_surface (model, colours, grey, toe_right);
  saved = save (surface, argv[3], &error);
  cairo_surface_destroy (surface);
  if (!saved)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
