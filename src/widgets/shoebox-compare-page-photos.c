/* shoebox-compare-page-photos.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compare-page-private.h"

/* The side-profile photos: loaded once per file, shown in their columns,
 * and laid over each other or outlined in the overlay view.
 */

/* The photo's profile with the user's flip applied. */
void
_shoebox_compare_page_get_item_profile (Item           *item,
                                        ShoeboxProfile *profile)
{
  *profile = item->result->profile;
  if (!item->flipped)
    return;

  profile->toe = profile->toe == SHOEBOX_PROFILE_TOE_RIGHT ? SHOEBOX_PROFILE_TOE_LEFT : SHOEBOX_PROFILE_TOE_RIGHT;
  profile->mirror = profile->toe == SHOEBOX_PROFILE_TOE_RIGHT;
}

static gboolean
is_side_by_side (ShoeboxComparePage *self)
{
  return g_strcmp0 (self->mode, "side-by-side") == 0;
}

static void
update_item_photo (ShoeboxComparePage *self,
                   Item               *item)
{
  ShoeboxProfile profile;
  guint index;

  if (item->column == NULL)
    return;

  _shoebox_compare_page_update_column_menu (self, item, g_ptr_array_find (self->items, item, &index) ? (int) index : 0);
  gtk_widget_set_visible (item->photo_box, is_side_by_side (self));

  if (item->photo == NULL || (item->result == NULL && item->photo_error != NULL))
    {
      gtk_stack_set_visible_child_name (item->photo_stack, "placeholder");
      gtk_label_set_text (item->caption, item->photo_error != NULL ? item->photo_error : "");
      return;
    }

  if (item->result == NULL)
    {
      gtk_stack_set_visible_child_name (item->photo_stack, "loading");
      gtk_label_set_text (item->caption, "");
      return;
    }

  _shoebox_compare_page_get_item_profile (item, &profile);
  shoebox_profile_view_clear (item->view);
  shoebox_profile_view_add_layer (item->view, item->result->texture, &profile, item->result->outline);
  gtk_stack_set_visible_child_name (item->photo_stack, "photo");

  /* The message says why, and that the photo is shown whole. */
  if (item->result->message != NULL)
    gtk_label_set_text (item->caption, item->result->message);
  else if (item->result->profile.toe == SHOEBOX_PROFILE_TOE_UNKNOWN)
    gtk_label_set_text (item->caption, _("Toe direction unsure: use Flip if the shoe points the wrong way."));
  else
    gtk_label_set_text (item->caption, "");
}

void
_shoebox_compare_page_update_views (ShoeboxComparePage *self)
{
  double ratio = 0.0;
  guint n_layers = 0;
  GtkWidget *child;
  gboolean overlay = g_strcmp0 (self->mode, "overlay") == 0;
  gboolean outline = g_strcmp0 (self->mode, "outline") == 0;

  /* One ratio for every column, so every shoe is the same length with its
   * sole on the same line.
   */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->result != NULL)
        ratio = MAX (ratio, shoebox_profile_view_measure_ratio (&item->result->profile));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      update_item_photo (self, item);
      if (item->view != NULL)
        shoebox_profile_view_set_height_ratio (item->view, ratio);
    }

  shoebox_profile_view_clear (self->overlay_view);
  shoebox_profile_view_set_mode (self->overlay_view,
                                 overlay ? SHOEBOX_PROFILE_VIEW_OVERLAY : SHOEBOX_PROFILE_VIEW_OUTLINE);
  while ((child = gtk_widget_get_first_child (self->legend_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->legend_box), child);

  for (guint i = 0; i < self->items->len && n_layers < (overlay ? 2 : SHOEBOX_PROFILE_VIEW_MAX_LAYERS); i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      g_autofree char *markup = NULL;
      ShoeboxProfile profile;
      GtkWidget *legend;
      GdkRGBA color;
      g_autofree char *color_text = NULL;

      if (item->result == NULL || (outline && item->result->outline == NULL))
        continue;

      _shoebox_compare_page_get_item_profile (item, &profile);
      shoebox_profile_view_add_layer (self->overlay_view, item->result->texture, &profile, item->result->outline);

      shoebox_profile_view_get_layer_color (n_layers, &color);
      color_text = g_strdup_printf ("#%02x%02x%02x", (guint) (color.red * 255 + 0.5),
                                    (guint) (color.green * 255 + 0.5), (guint) (color.blue * 255 + 0.5));
      if (overlay)
        markup = g_markup_printf_escaped ("%s: %s", n_layers == 0 ? _("Bottom") : _("Top"), item->name);
      else
        markup = g_markup_printf_escaped ("<span foreground=\"%s\">■</span> %s", color_text, item->name);
      legend = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (legend), markup);
      gtk_label_set_wrap (GTK_LABEL (legend), TRUE);
      gtk_label_set_xalign (GTK_LABEL (legend), 0);
      gtk_box_append (GTK_BOX (self->legend_box), legend);
      n_layers++;
    }

  if (overlay && n_layers < 2)
    gtk_label_set_text (self->overlay_caption,
                        _("The overlay needs two side-profile photos: add photos to the pairs, or compare pairs that have them."));
  else if (outline && n_layers == 0)
    gtk_label_set_text (self->overlay_caption,
                        _("No outline to draw: outlines come from side-profile photos on a plain background."));
  else if (overlay)
    gtk_label_set_text (self->overlay_caption,
                        _("The first two columns are overlaid: move a column to overlay another. Drag over the photos to move the divider."));
  else
    gtk_label_set_text (self->overlay_caption, "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overlay_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  overlay ? _("Overlay of the first two profiles") : _("Outlines of the profiles"),
                                  -1);
  gtk_widget_set_visible (self->overlay_box, !is_side_by_side (self));
  _shoebox_compare_page_fit_views (self);
  gtk_revealer_set_reveal_child (self->overlay_controls_revealer, overlay);
}

/* One photo's load: the page that asked, and the file. The page cancels
 * its loads as it goes, so a finished load only touches it while it is
 * there: a cancelled load returns before looking at it.
 */
typedef struct
{
  ShoeboxComparePage *page;
  char               *file_name;
} PhotoLoad;

static void
photo_load_free (PhotoLoad *load)
{
  g_free (load->file_name);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhotoLoad, photo_load_free)

static void photo_loaded_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data);

void
_shoebox_compare_page_load_photos (ShoeboxComparePage *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      PhotoLoad *load;

      if (item->photo == NULL || item->result != NULL || item->photo_error != NULL || self->loader == NULL)
        continue;

      item->result = shoebox_profile_loader_lookup (self->loader, item->photo);
      if (item->result != NULL)
        continue;

      load = g_new0 (PhotoLoad, 1);
      load->page = self;
      load->file_name = g_strdup (item->photo);
      self->n_loading++;
      shoebox_profile_loader_load_async (self->loader, item->photo, self->cancellable, photo_loaded_cb, load);
    }
}

static void
photo_loaded_cb (GObject      *object,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  ShoeboxProfileLoader *loader = SHOEBOX_PROFILE_LOADER (object);
  g_autoptr(PhotoLoad) load = user_data;
  const char *file_name = load->file_name;
  g_autoptr(ShoeboxProfileResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxComparePage *self;

  /* Cancelled as the page went: it may be freed by now. */
  result = shoebox_profile_loader_load_finish (loader, async_result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A load of a store the page has replaced since: not counted. */
  self = load->page;
  if (loader != self->loader)
    return;
  self->n_loading--;

  /* Every item with this photo is answered by the first request. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->photo, file_name) != 0 || item->result != NULL || item->photo_error != NULL)
        continue;

      if (result != NULL)
        item->result = shoebox_profile_result_ref (result);
      else
        item->photo_error = g_strdup (error->message);
    }

  _shoebox_compare_page_update_views (self);
}
