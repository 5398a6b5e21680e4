/* shoebox-test-images.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-test-images.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

/**
 * shoebox_test_images_init:
 *
 * Call before g_test_init() in a test that decodes or saves images.
 *
 * From gdk-pixbuf 2.44 (Debian sid) most formats, PNG included, go
 * through glycin, which finds its loaders under $XDG_DATA_DIRS
 * (glycin-loaders/…/conf.d) the first time an image is loaded or saved,
 * and keeps what it found. G_TEST_OPTION_ISOLATE_DIRS points
 * $XDG_DATA_DIRS at empty folders, where glycin finds none ("No image
 * loaders are configured"): an image saved and loaded here, with the
 * system's folders, has it read them first. Older gdk-pixbuf reads its
 * loaders.cache, which is not under XDG folders: nothing is done there.
 */
void
shoebox_test_images_init (void)
{
#if GDK_PIXBUF_CHECK_VERSION (2, 43, 0)
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 2, 2);
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, 0xff0000ff);
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &png, &length, "png", &error, NULL)
      || loader == NULL
      || !gdk_pixbuf_loader_write (loader, (const guint8 *) png, length, &error)
      || !gdk_pixbuf_loader_close (loader, &error))
    g_error ("gdk-pixbuf cannot save and load a PNG: %s", error != NULL ? error->message : "no PNG loader");
#endif
}

/**
 * shoebox_test_write_png:
 * @name: a file name
 * @colour: RGBA, as gdk_pixbuf_fill() takes it
 *
 * Returns: (transfer full): the path of a new 64×48 PNG of one @colour,
 *   in the temporary folder
 */
char *
shoebox_test_write_png (const char *name,
                        guint32     colour)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  gdk_pixbuf_fill (pixbuf, colour);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return path;
}

/* The enabled gdk-pixbuf formats that read @mime_type. */
GPtrArray *
shoebox_test_find_formats (const char *mime_type)
{
  GPtrArray *found = g_ptr_array_new ();
  GSList *formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_auto(GStrv) mime_types = gdk_pixbuf_format_get_mime_types (l->data);

      if (!gdk_pixbuf_format_is_disabled (l->data)
          && g_strv_contains ((const char * const *) mime_types, mime_type))
        g_ptr_array_add (found, l->data);
    }

  g_slist_free (formats);
  return found;
}
