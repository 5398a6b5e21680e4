/* test-texture.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-compat.h"

/* Photos become textures through shoebox_texture_new_for_pixbuf(), which
 * replaces GTK's deprecated gdk_texture_new_for_pixbuf(): every pixel,
 * with and without alpha, and with rows padded past their width, must
 * arrive as it was.
 */
static void
check_pixels (gboolean has_alpha)
{
  const int width = 3, height = 2;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, has_alpha, 8, width, height);
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  guint32 downloaded[3 * 2];

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * rowstride + x * channels;

        p[0] = (guchar) (40 * x + 10);
        p[1] = (guchar) (90 * y + 20);
        p[2] = (guchar) (x * y * 50 + 30);
        if (has_alpha)
          p[3] = 255; /* opaque, so premultiplying changes nothing */
      }

  texture = shoebox_texture_new_for_pixbuf (pixbuf);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);

  /* Downloads are B8G8R8A8 premultiplied, one guint32 a pixel. */
  gdk_texture_download (texture, (guchar *) downloaded, width * 4);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *got = (const guchar *) &downloaded[y * width + x];
        const guchar *want = pixels + y * rowstride + x * channels;

        g_assert_cmpuint (got[2], ==, want[0]);
        g_assert_cmpuint (got[1], ==, want[1]);
        g_assert_cmpuint (got[0], ==, want[2]);
        g_assert_cmpuint (got[3], ==, 255);
      }
}

static void
test_texture_rgb (void)
{
  check_pixels (FALSE);
}

static void
test_texture_rgba (void)
{
  check_pixels (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/texture/rgb", test_texture_rgb);
  g_test_add_func ("/texture/rgba", test_texture_rgba);

  return g_test_run ();
}
