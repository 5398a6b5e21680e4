/* shoebox-photos-formats.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-photos"

#include "config.h"

#include "shoebox-photos.h"

/* Which image formats this system decodes: whatever gdk-pixbuf has a
 * loader for, asked each time, never a fixed list. HEIC, WebP and AVIF
 * come and go with their loader packages (classic gdk-pixbuf modules, or
 * glycin's loaders behind gdk-pixbuf 2.44), and a Flatpak runtime has its
 * own set.
 */

/**
 * shoebox_photos_dup_mime_types:
 *
 * Lists the MIME types of the photos Shoebox can open here: those of the
 * enabled gdk-pixbuf formats that are images (not drawings such as SVG,
 * which the photo store refuses), each once, in gdk-pixbuf's order.
 *
 * Returns: (transfer full): a %NULL-terminated array of MIME types
 */
char **
shoebox_photos_dup_mime_types (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GSList *formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      GdkPixbufFormat *format = l->data;
      g_auto(GStrv) mime_types = NULL;

      if (gdk_pixbuf_format_is_disabled (format) || gdk_pixbuf_format_is_scalable (format))
        continue;

      /* Some loaders also claim other kinds, such as WebP's audio/x-riff. */
      mime_types = gdk_pixbuf_format_get_mime_types (format);
      for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
        {
          g_autofree char *mime_type = g_ascii_strdown (mime_types[i], -1);

          if (!g_str_has_prefix (mime_type, "image/") || g_hash_table_contains (seen, mime_type))
            continue;
          g_strv_builder_add (builder, mime_type);
          g_hash_table_add (seen, g_steal_pointer (&mime_type));
        }
    }

  g_slist_free (formats);
  return g_strv_builder_end (builder);
}

/**
 * shoebox_photos_dup_accept_header:
 *
 * The value of an HTTP `Accept` header for downloading images, such as
 * news thumbnails: the types of shoebox_photos_dup_mime_types(), so a
 * server that offers a WebP or AVIF version of a picture sends it only
 * where it can be decoded.
 *
 * Returns: (transfer full): the header's value
 */
char *
shoebox_photos_dup_accept_header (void)
{
  g_auto(GStrv) mime_types = shoebox_photos_dup_mime_types ();

  return g_strjoinv (", ", mime_types);
}
