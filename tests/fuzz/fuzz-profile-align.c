/* fuzz-profile-align.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Side-profile alignment on small made-up images. The input is decoded
 * into an image of at most 64 × 64 pixels, so each run is quick:
 *
 *   byte 0: width − 1 (mod 64)    byte 1: height − 1 (mod 64)
 *   byte 2: bit 0 alpha (RGBA, else RGB), bits 1–2 row padding in bytes
 *   the rest: the pixels, row by row, repeated when short
 *
 * The box must lie in the image, the outline on it, and the placement
 * of what was found must be finite.
 */

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "shoebox-fuzz.h"
#include "shoebox-profile-align.h"

#define MAX_SIDE 64
#define HEADER   3

static void
check_profile (const ShoeboxProfile *profile,
               int                   width,
               int                   height)
{
  const ShoeboxProfileBox *box = &profile->box;

  if (profile->image_width != width || profile->image_height != height)
    shoebox_fuzz_fail ("the profile", "has another image size");
  if (box->width < 1 || box->height < 1 || box->x < 0 || box->y < 0 ||
      box->x + box->width > width || box->y + box->height > height)
    shoebox_fuzz_fail ("the box", "is not inside the image");
  if (profile->toe != SHOEBOX_PROFILE_TOE_UNKNOWN && profile->toe != SHOEBOX_PROFILE_TOE_LEFT &&
      profile->toe != SHOEBOX_PROFILE_TOE_RIGHT)
    shoebox_fuzz_fail ("the toe", "is no direction");
  if (profile->mirror != (profile->toe == SHOEBOX_PROFILE_TOE_RIGHT))
    shoebox_fuzz_fail ("mirror", "does not follow the toe");
}

static void
check_outline (GArray *outline,
               int     width,
               int     height)
{
  if (outline == NULL)
    return;

  for (guint i = 0; i < outline->len; i++)
    {
      const ShoeboxProfilePoint *point = &g_array_index (outline, ShoeboxProfilePoint, i);

      if (!isfinite (point->x) || !isfinite (point->y) ||
          point->x < 0 || point->y < 0 || point->x > width || point->y > height)
        shoebox_fuzz_fail ("an outline point", "is off the image");
    }
}

static void
check_placement (const ShoeboxProfile *profile)
{
  /* The same photo twice, as Compare aligns two pairs. */
  ShoeboxProfile profiles[2] = { *profile, *profile };
  ShoeboxProfilePlacement placements[2];

  for (int toe = SHOEBOX_PROFILE_TOE_UNKNOWN; toe <= SHOEBOX_PROFILE_TOE_RIGHT; toe++)
    {
      double height = shoebox_profile_align_place (profiles, 2, 360.0, toe, placements);

      if (!isfinite (height) || height <= 0)
        shoebox_fuzz_fail ("the placement", "has no height");
      for (guint i = 0; i < G_N_ELEMENTS (placements); i++)
        if (!isfinite (placements[i].scale) || placements[i].scale <= 0 ||
            !isfinite (placements[i].x_offset) || !isfinite (placements[i].y_offset))
          shoebox_fuzz_fail ("a placement", "is not finite");
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree guint8 *pixels = NULL;
  g_autoptr(GArray) outline = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxProfile profile;
  const guint8 *source;
  gsize n_source;
  gsize n_pixels;
  int width, height, n_channels, rowstride;

  shoebox_fuzz_init ();

  if (size < HEADER)
    return 0;

  width = 1 + data[0] % MAX_SIDE;
  height = 1 + data[1] % MAX_SIDE;
  n_channels = data[2] & 1 ? 4 : 3;
  rowstride = width * n_channels + ((data[2] >> 1) & 3);
  source = data + HEADER;
  n_source = size - HEADER;

  /* Exactly the bytes the image needs, so ASan sees any read past it. */
  n_pixels = (gsize) rowstride * (height - 1) + (gsize) width * n_channels;
  pixels = g_malloc (n_pixels);
  if (n_source == 0)
    memset (pixels, 0, n_pixels);
  else
    for (gsize i = 0; i < n_pixels; i++)
      pixels[i] = source[i % n_source];

  if (shoebox_profile_align_analyze (pixels, width, height, rowstride, n_channels,
                                     &profile, &outline, &error))
    {
      if (error != NULL)
        shoebox_fuzz_fail ("a shoe", "came with an error");
      check_outline (outline, width, height);
    }
  else if (error == NULL || error->domain != SHOEBOX_PROFILE_ALIGN_ERROR)
    shoebox_fuzz_fail ("no shoe", "came without a reason");

  check_profile (&profile, width, height);
  check_placement (&profile);
  return 0;
}
