/* shoebox-pair-editor-photos.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compat.h"
#include "shoebox-file-dialog.h"
#include "shoebox-pair-editor-private.h"
#include "shoebox-photos.h"

/* The pair editor's photos: imported off the main loop by the file
 * chooser, a drop or a paste, shown as tiles, one of them the side
 * profile. They are written with the pair when it is saved.
 */

#define PHOTO_TILE_SIZE 160

static void rebuild_photos (ShoeboxPairEditor *self);

/* The formats the photo store imports here, HEIC, WebP and AVIF among
 * them when their loaders are installed; not drawings (SVG), which it
 * refuses.
 */
static void
add_photo_formats (GtkFileFilter *filter)
{
  g_auto(GStrv) mime_types = shoebox_photos_dup_mime_types ();

  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
}

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  pixbuf = shoebox_photos_load_thumbnail_finish (SHOEBOX_PHOTOS (object), result, NULL);
  if (pixbuf == NULL)
    return; /* cancelled, or the file went away: the tile keeps its frame */

  texture = shoebox_texture_new_for_pixbuf (pixbuf);
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
side_profile_toggled_cb (GtkCheckButton    *button,
                         ShoeboxPairEditor *self)
{
  if (!gtk_check_button_get_active (button))
    return;

  g_free (self->side_profile);
  self->side_profile = g_strdup (g_object_get_data (G_OBJECT (button), "shoebox-file-name"));
}

static void
remove_photo_cb (GtkButton         *button,
                 ShoeboxPairEditor *self)
{
  const char *file_name = g_object_get_data (G_OBJECT (button), "shoebox-file-name");
  guint index;

  if (!g_ptr_array_find_with_equal_func (self->photo_files, file_name, g_str_equal, &index))
    return;

  if (g_strcmp0 (self->side_profile, file_name) == 0)
    g_clear_pointer (&self->side_profile, g_free);
  /* The file stays in the photos folder until no pair refers to it. */
  g_ptr_array_remove_index (self->photo_files, index);
  if (self->side_profile == NULL && self->photo_files->len > 0)
    self->side_profile = g_strdup (g_ptr_array_index (self->photo_files, 0));
  rebuild_photos (self);
}

static GtkWidget *
create_photo_tile (ShoeboxPairEditor *self,
                   const char        *file_name,
                   guint              position,
                   GtkCheckButton   **group)
{
  GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *side = gtk_check_button_new_with_label (_("Side Profile"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *photo_name = g_strdup_printf (_("Photo %u"), position + 1);
  g_autofree char *remove_name = g_strdup_printf (_("Remove Photo %u"), position + 1);

  gtk_widget_set_size_request (picture, PHOTO_TILE_SIZE, PHOTO_TILE_SIZE * 3 / 4);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_widget_add_css_class (picture, "pair-card-photo");
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, photo_name, -1);
  gtk_box_append (GTK_BOX (tile), picture);

  g_object_set_data_full (G_OBJECT (side), "shoebox-file-name", g_strdup (file_name), g_free);
  if (*group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (side), *group);
  else
    *group = GTK_CHECK_BUTTON (side);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (side), g_strcmp0 (self->side_profile, file_name) == 0);
  gtk_widget_set_hexpand (side, TRUE);
  g_signal_connect_object (side, "toggled", G_CALLBACK (side_profile_toggled_cb), self, 0);
  gtk_box_append (GTK_BOX (row), side);

  g_object_set_data_full (G_OBJECT (remove), "shoebox-file-name", g_strdup (file_name), g_free);
  gtk_widget_set_tooltip_text (remove, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_photo_cb), self, 0);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (GTK_BOX (tile), row);

  if (self->photos != NULL)
    shoebox_photos_load_thumbnail_async (self->photos, file_name, PHOTO_TILE_SIZE * 2, self->cancellable,
                                         thumbnail_loaded_cb, g_object_ref (picture));
  return tile;
}

static void
rebuild_photos (ShoeboxPairEditor *self)
{
  GtkWidget *child;
  GtkCheckButton *group = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->photos_box))) != NULL)
    gtk_flow_box_remove (self->photos_box, child);

  for (guint i = 0; i < self->photo_files->len; i++)
    gtk_flow_box_append (self->photos_box,
                         create_photo_tile (self, g_ptr_array_index (self->photo_files, i), i, &group));

  gtk_widget_set_visible (GTK_WIDGET (self->photos_box), self->photo_files->len > 0);
  gtk_widget_set_visible (self->no_photos_label, self->photo_files->len == 0);
}

static void
add_photo_file (ShoeboxPairEditor *self,
                const char        *file_name)
{
  if (g_ptr_array_find_with_equal_func (self->photo_files, file_name, g_str_equal, NULL))
    return; /* the same image twice is one photo */

  g_ptr_array_add (self->photo_files, g_strdup (file_name));
  if (self->side_profile == NULL)
    self->side_profile = g_strdup (file_name);
  rebuild_photos (self);
}

static void
import_done (ShoeboxPairEditor *self,
             char              *file_name,
             GError            *error)
{
  self->n_importing--;
  if (file_name != NULL)
    add_photo_file (self, file_name);
  else
    {
      /* The message names the file; nothing was added. */
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
    }
  _shoebox_pair_editor_validate (self);
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ShoeboxPairEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = shoebox_photos_import_finish (SHOEBOX_PHOTOS (object), result, &error);

  /* Cancelled: the editor was closed, its widgets are gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  import_done (self, file_name, error);
}

static void
import_bytes_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ShoeboxPairEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = shoebox_photos_import_bytes_finish (SHOEBOX_PHOTOS (object), result, &error);

  /* Cancelled: the editor was closed, its widgets are gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  import_done (self, file_name, error);
}

void
_shoebox_pair_editor_import_file (ShoeboxPairEditor *self,
                                  GFile             *file)
{
  if (self->photos == NULL)
    return;

  /* Off the main loop: a 6000x4000 photo is hashed and decoded in a
   * worker thread. Save waits until every import has landed.
   */
  self->n_importing++;
  _shoebox_pair_editor_validate (self);
  shoebox_photos_import_async (self->photos, file, self->cancellable, import_cb, g_object_ref (self));
}

static void
photos_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GListModel) files = shoebox_file_dialog_open_finish (result, NULL);
  ShoeboxPairEditor *self;

  /* Closed with the editor, or dismissed. */
  if (files == NULL)
    return;

  self = user_data;
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      _shoebox_pair_editor_import_file (self, file);
    }
}

void
_shoebox_pair_editor_add_photos (ShoeboxPairEditor *self)
{
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();

  gtk_file_filter_set_name (images, _("Images"));
  add_photo_formats (images);
  /* The editor's cancellable closes the chooser with the editor. */
  shoebox_file_dialog_open (GTK_WIDGET (self), _("Add Photos"), _("_Add"), images, TRUE,
                            self->cancellable, photos_chosen_cb, self);
}

gboolean
_shoebox_pair_editor_drop_cb (GtkDropTarget     *target,
                              const GValue      *value,
                              double             x,
                              double             y,
                              ShoeboxPairEditor *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    _shoebox_pair_editor_import_file (self, l->data);
  return TRUE;
}

static void
paste_texture_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ShoeboxPairEditor) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;

  texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("The clipboard holds no image")));
      return;
    }

  png = gdk_texture_save_to_png_bytes (texture);
  self->n_importing++;
  _shoebox_pair_editor_validate (self);
  shoebox_photos_import_bytes_async (self->photos, png, _("Pasted image"), self->cancellable,
                                     import_bytes_cb, g_object_ref (self));
}

static void
paste_files_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ShoeboxPairEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value;

  value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);
  if (value == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("The clipboard holds no image")));
      return;
    }

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    _shoebox_pair_editor_import_file (self, l->data);
}

void
_shoebox_pair_editor_paste_photo (ShoeboxPairEditor *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  g_autoptr(GdkContentFormats) formats = NULL;

  if (self->photos == NULL)
    return;

  /* Another application's clipboard lists MIME types: add the types
   * they can be read as.
   */
  formats = gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));

  /* Photos copied in a file manager are files, not image data: each is
   * imported as if dropped, in its own format (HEIC stays HEIC). Image
   * data wins when both are there: a browser's copied picture also
   * carries its web address, which is no file to read.
   */
  if (!gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE)
      && gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, self->cancellable,
                                    paste_files_cb, g_object_ref (self));
  else
    gdk_clipboard_read_texture_async (clipboard, self->cancellable, paste_texture_cb, g_object_ref (self));
}

void
_shoebox_pair_editor_load_photos (ShoeboxPairEditor *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_ptr_array_set_size (self->photo_files, 0);
  g_clear_pointer (&self->side_profile, g_free);

  if (self->pair != NULL)
    rows = shoebox_collection_list_photos (self->collection, shoebox_pair_get_id (self->pair), NULL);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      ShoeboxPhotoRow *row = g_ptr_array_index (rows, i);

      g_ptr_array_add (self->photo_files, g_strdup (row->file_name));
      if (row->is_side_profile)
        self->side_profile = g_strdup (row->file_name);
    }

  rebuild_photos (self);
}

