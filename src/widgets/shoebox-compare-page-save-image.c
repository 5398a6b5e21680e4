/* shoebox-compare-page-save-image.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compare-page-private.h"
#include "shoebox-file-dialog.h"

/* The comparison saved as a PNG, from Save as Image. */

static void
chosen_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = shoebox_file_dialog_save_finish (result, &error);
  ShoeboxComparePage *self;

  /* The page cancels its chooser when it goes. */
  if (file == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  self = SHOEBOX_COMPARE_PAGE (user_data);
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  if (shoebox_compare_page_save_image (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Saved the comparison as “%s”"), name);

      _shoebox_compare_page_show_toast (self, title);
    }
  else
    _shoebox_compare_page_show_toast (self, error->message);
}

void
_shoebox_compare_page_save_image_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) pictures = NULL;

  if (self->chooser != NULL)
    return;

  if (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES) != NULL)
    pictures = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES));
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  self->chooser = g_cancellable_new ();
  shoebox_file_dialog_save (widget, _("Save as Image"), _("_Save"), filter,
                            /* Translators: the file name offered when saving a comparison; keep .png */
                            _("Comparison.png"),
                            pictures, self->chooser, chosen_cb, self);
}

/**
 * shoebox_compare_page_save_image:
 * @self: a #ShoeboxComparePage
 * @file: where to write the PNG
 * @error: return location for a #GError
 *
 * Draws the comparison as it is shown (photos and table, all of it, also
 * what is scrolled out of sight) into a PNG. The page must be shown.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
shoebox_compare_page_save_image (ShoeboxComparePage  *self,
                                 GFile               *file,
                                 GError             **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtkNative *native;
  GskRenderer *renderer;
  int width;
  int height;

  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  width = gtk_widget_get_width (self->comparison);
  height = gtk_widget_get_height (self->comparison);
  native = gtk_widget_get_native (self->comparison);
  renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  if (self->items->len == 0 || width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no comparison on screen to save"));
      return FALSE;
    }

  /* The comparison paints the window's background itself (style.css),
   * so the image is opaque without asking the style for a named colour,
   * which GTK 4.10 deprecates.
   */
  paintable = gtk_widget_paintable_new (self->comparison);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no comparison on screen to save"));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  bytes = gdk_texture_save_to_png_bytes (texture);

  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}
