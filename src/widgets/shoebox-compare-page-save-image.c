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

/* The comparison saved as a PNG, from Save as Image, or copied, from
 * Copy Image: the composition of shoebox-compare-page-render.c either way.
 */

/* The title as a file name: "Runner vs Phantom.png". */
static char *
dup_file_name (ShoeboxComparePage *self)
{
  g_autofree char *title = _shoebox_compare_page_dup_title (self);

  /* A slash would name a folder; a leading dot would hide the file. */
  g_strdelimit (title, "/\\", '-');
  if (title[0] == '.' || title[0] == '\0')
    {
      g_autofree char *safe = g_strconcat ("_", title, NULL);

      return g_strconcat (safe, ".png", NULL);
    }

  return g_strconcat (title, ".png", NULL);
}

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

  self = user_data;
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  if (_shoebox_compare_page_save_image (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Saved the comparison as “%s”"), name);

      shoebox_toast_show (GTK_WIDGET (self), title);
    }
  else
    shoebox_toast_show (GTK_WIDGET (self), error->message);
}

void
_shoebox_compare_page_choose_image_file (ShoeboxComparePage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) pictures = NULL;
  g_autofree char *file_name = NULL;

  if (self->chooser != NULL)
    return;

  if (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES) != NULL)
    pictures = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES));
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  self->chooser = g_cancellable_new ();
  file_name = dup_file_name (self);
  shoebox_file_dialog_save (GTK_WIDGET (self), _("Save as Image"), _("_Save"), filter, file_name,
                            pictures, self->chooser, chosen_cb, self);
}

void
_shoebox_compare_page_copy_image (ShoeboxComparePage *self)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (self->items->len == 0)
    return;

  texture = _shoebox_compare_page_render_image (self);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  shoebox_toast_show (GTK_WIDGET (self), _("Copied the comparison"));
}

/* Draws the comparison into a PNG at @file; see
 * shoebox_compare_page_save_image().
 */
gboolean
_shoebox_compare_page_save_image (ShoeboxComparePage *self,
                                  GFile              *file,
                                  GError            **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (self->items->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no comparison to save"));
      return FALSE;
    }

  texture = _shoebox_compare_page_render_image (self);
  bytes = gdk_texture_save_to_png_bytes (texture);

  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}
