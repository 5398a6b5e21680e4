/* shoebox-photos-big-decode.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-photos"

#include "config.h"

#include "shoebox-photos-private.h"

/* Big decodes: an image of more than SHOEBOX_PHOTOS_BIG_DECODE_PIXELS
 * pixels costs up to four bytes a pixel while it decodes (400 MB near the
 * 100-megapixel cap), whatever size it is shown at: gdk-pixbuf's PNG,
 * WebP and most other loaders decode the whole image, then scale it.
 * Two of the pool's threads decoding such images at once could need
 * 800 MB, so they take turns here: a big decode waits for the one before
 * to end, while smaller ones go on beside it. They are also counted, for
 * the tests.
 */

static GMutex big_decode_lock;
static int    n_big_decodes;    /* atomic */
static int    most_big_decodes; /* atomic */

/* Called from a loader's ::size-prepared, before it allocates the image;
 * blocks the calling thread (a worker) while another big decode runs.
 */
void
_shoebox_photos_begin_big_decode (DecodeLimits *limits)
{
  int n;
  int most;

  if (limits->big_decode)
    return;

  g_mutex_lock (&big_decode_lock);
  limits->big_decode = TRUE;
  n = g_atomic_int_add (&n_big_decodes, 1) + 1;
  do
    most = g_atomic_int_get (&most_big_decodes);
  while (n > most && !g_atomic_int_compare_and_exchange (&most_big_decodes, most, n));
}

/* Called once the loader and its full-size image are gone, in the thread
 * that began the decode.
 */
void
_shoebox_photos_end_big_decode (DecodeLimits *limits)
{
  if (!limits->big_decode)
    return;

  limits->big_decode = FALSE;
  g_atomic_int_add (&n_big_decodes, -1);
  g_mutex_unlock (&big_decode_lock);
}

/**
 * shoebox_photos_get_most_big_decodes:
 *
 * For tests: the most big decodes (of images over
 * %SHOEBOX_PHOTOS_BIG_DECODE_PIXELS pixels) that ran at the same time
 * since the last shoebox_photos_reset_most_big_decodes().
 *
 * Returns: a count
 */
guint
shoebox_photos_get_most_big_decodes (void)
{
  return (guint) g_atomic_int_get (&most_big_decodes);
}

/**
 * shoebox_photos_reset_most_big_decodes:
 *
 * For tests: starts counting shoebox_photos_get_most_big_decodes() again.
 */
void
shoebox_photos_reset_most_big_decodes (void)
{
  g_atomic_int_set (&most_big_decodes, g_atomic_int_get (&n_big_decodes));
}
