/* bench-profile-align.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long finding the shoe in a 6000×4000 camera photo takes, and what it
 * costs in memory on top of the photo. Not a test: run it by hand,
 *
 *   ninja -C _build tests/bench-profile-align && _build/tests/bench-profile-align [RUNS]
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shoebox-profile-align.h"

#define WIDTH  6000
#define HEIGHT 4000

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A xorshift generator: g_rand for 72 million samples is slow to wait for. */
static guint32
next_random (guint32 *state)
{
  guint32 x = *state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *state = x;
}

/* A shoe-like shape, toe to the right: a sole strip and an upper whose top
 * rises from the toe to a tall heel, on a grey, noisy, unevenly lit
 * background.
 */
static guint8 *
draw_photo (int n_channels,
            int rowstride)
{
  guint8 *data = g_malloc ((gsize) rowstride * HEIGHT);
  guint32 state = 20261130;
  int left = 700;
  int right = 5300;
  int sole = 3100;

  for (int y = 0; y < HEIGHT; y++)
    {
      guint8 *p = data + (gsize) y * rowstride;

      for (int x = 0; x < WIDTH; x++, p += n_channels)
        {
          double u = (double) (x - left) / (right - left);
          double top = sole - (u < 0.0 || u > 1.0 ? -1.0 : 1800.0 * (0.25 + 0.75 * (1.0 - u) * (1.0 - u)));
          guint32 r = next_random (&state);

          if (y >= top && y <= sole)
            {
              gboolean in_sole = y > sole - 250;

              p[0] = in_sole ? 210 : 30;
              p[1] = in_sole ? 210 : 40;
              p[2] = in_sole ? 200 : 80;
            }
          else
            {
              int shade = 220 - 30 * x / WIDTH;

              p[0] = shade + (int) (r & 7) - 3;
              p[1] = shade + (int) ((r >> 3) & 7) - 3;
              p[2] = shade + (int) ((r >> 6) & 7) - 3;
            }

          if (n_channels == 4)
            p[3] = 255;
        }
    }

  return data;
}

static void
run (int n_channels,
     int runs)
{
  int rowstride = WIDTH * n_channels;
  g_autofree guint8 *data = draw_photo (n_channels, rowstride);
  g_autoptr(GError) error = NULL;
  long before = peak_rss_kib ();
  double best = G_MAXDOUBLE;
  double total = 0.0;
  ShoeboxProfile profile;

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GArray) outline = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!shoebox_profile_align_analyze (data, WIDTH, HEIGHT, rowstride, n_channels,
                                          &profile, &outline, &error))
        {
          g_printerr ("analysis failed: %s\n", error->message);
          exit (EXIT_FAILURE);
        }

      ms = (g_get_monotonic_time () - start) / 1000.0;
      best = MIN (best, ms);
      total += ms;
      if (i == 0)
        g_print ("%s %dx%d: box %d,%d %dx%d, toe %s, outline %u points\n",
                 n_channels == 4 ? "RGBA" : "RGB", WIDTH, HEIGHT,
                 profile.box.x, profile.box.y, profile.box.width, profile.box.height,
                 profile.toe == SHOEBOX_PROFILE_TOE_LEFT ? "left"
                 : profile.toe == SHOEBOX_PROFILE_TOE_RIGHT ? "right" : "unknown",
                 outline->len);
    }

  g_print ("  %d runs: best %.1f ms, mean %.1f ms; photo %.1f MiB, "
           "peak RSS %.1f MiB, analysis added %.1f MiB\n",
           runs, best, total / runs, (double) rowstride * HEIGHT / (1024 * 1024),
           peak_rss_kib () / 1024.0, (peak_rss_kib () - before) / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  int runs = argc > 1 ? atoi (argv[1]) : 5;

  runs = MAX (runs, 1);

  /* One process per format, so that each peak is its own. */
  for (int n_channels = 3; n_channels <= 4; n_channels++)
    {
      int status = 0;
      pid_t pid;

      fflush (stdout);
      pid = fork ();
      if (pid < 0)
        {
          g_printerr ("fork failed: %s\n", g_strerror (errno));
          return EXIT_FAILURE;
        }
      if (pid == 0)
        {
          run (n_channels, runs);
          fflush (stdout);
          _exit (EXIT_SUCCESS);
        }
      if (waitpid (pid, &status, 0) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
        return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
