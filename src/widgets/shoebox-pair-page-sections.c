/* shoebox-pair-page-sections.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compat.h"
#include "shoebox-labels.h"
#include "shoebox-pair-page-private.h"
#include "shoebox-wear-button.h"

/* The pair page's sections below the facts: the photo gallery, the wear
 * log, the stories that mention the pair and its silhouette's lineage.
 */

#define PHOTO_SIZE 1200

/* Every row but @keep, which the template put there. */
void
_shoebox_pair_page_clear_list (GtkListBox *list,
                               GtkWidget  *keep)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != keep)
        gtk_list_box_remove (list, child);
      child = next;
    }
}

GtkWidget *
_shoebox_pair_page_new_row (const char *title,
                            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Before the text: a story's title may look like markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
photo_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = shoebox_photos_load_pixbuf_finish (SHOEBOX_PHOTOS (object), result, &error);
  if (pixbuf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not load a photo: %s", error->message);
      return;
    }

  texture = shoebox_texture_new_for_pixbuf (pixbuf);
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

/* The side profile first, then the others in their order. */
static int
compare_photo_rows (gconstpointer a,
                    gconstpointer b)
{
  const ShoeboxPhotoRow *row_a = *(ShoeboxPhotoRow **) a;
  const ShoeboxPhotoRow *row_b = *(ShoeboxPhotoRow **) b;

  if (row_a->is_side_profile != row_b->is_side_profile)
    return row_a->is_side_profile ? -1 : 1;
  return row_a->position - row_b->position;
}

/* Loaded off the main loop, and only when the photos changed: a wear
 * logged does not make the gallery flicker.
 */
void
_shoebox_pair_page_update_photos (ShoeboxPairPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  rows = shoebox_collection_list_photos (self->collection, self->pair_id, &error);
  if (rows == NULL)
    {
      g_debug ("Could not list the photos: %s", error->message);
      rows = g_ptr_array_new ();
    }
  g_ptr_array_sort (rows, compare_photo_rows);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (names, "%s\n", ((ShoeboxPhotoRow *) g_ptr_array_index (rows, i))->file_name);
  if (g_strcmp0 (names->str, self->shown_photos) == 0)
    return;
  g_free (self->shown_photos);
  self->shown_photos = g_strdup (names->str);

  g_cancellable_cancel (self->cancellable);
  g_object_unref (self->cancellable);
  self->cancellable = g_cancellable_new ();
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery))) != NULL)
    adw_carousel_remove (self->gallery, child);

  for (guint i = 0; self->photos != NULL && i < rows->len; i++)
    {
      ShoeboxPhotoRow *row = g_ptr_array_index (rows, i);
      GtkWidget *picture = gtk_picture_new ();
      g_autofree char *name = NULL;

      if (row->is_side_profile)
        name = g_strdup (_("Side Profile"));
      else
        /* Translators: a photo in the pair page's gallery, "Photo 2 of 3" */
        name = g_strdup_printf (_("Photo %u of %u"), i + 1, rows->len);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), name);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
      gtk_widget_set_hexpand (picture, TRUE);
      gtk_widget_set_size_request (picture, -1, 300);
      adw_carousel_append (self->gallery, picture);
      shoebox_photos_load_pixbuf_async (self->photos, row->file_name, PHOTO_SIZE, self->cancellable,
                                        photo_loaded_cb, g_object_ref (picture));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->gallery), rows->len > 0);
  gtk_widget_set_visible (self->gallery_dots, rows->len > 1);
  gtk_widget_set_visible (self->no_photos_label, rows->len == 0);
}

/* The wear log: the days worn, newest first, each with a Remove button,
 * over a field for a past day. Each writes at once through the
 * collection's wear API, as the editor's log does; the page shows the
 * result when the collection says it changed.
 */
void
_shoebox_pair_page_update_wears (ShoeboxPairPage *self)
{
  const char * const *dates = shoebox_pair_get_wear_dates (self->pair);
  guint n = dates != NULL ? g_strv_length ((char **) dates) : 0;

  _shoebox_pair_page_clear_list (self->wears_list, GTK_WIDGET (self->past_wear_row));
  for (guint i = 0; i < n; i++)
    {
      const char *date = dates[i];
      g_autofree char *label = shoebox_labels_dup_date (date);
      GtkWidget *row = _shoebox_pair_page_new_row (label, NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 shoebox_wear_button_new_remove (date, label, "pair-page.remove-wear"));
      /* The pair keeps its days oldest first: the newest is what one
       * checks, so each goes in above the one before. */
      gtk_list_box_prepend (self->wears_list, row);
    }
}

void
_shoebox_pair_page_remove_wear (ShoeboxPairPage *self,
                                const char      *date)
{
  g_autoptr(GError) error = NULL;

  if (self->pair == NULL)
    return;

  /* The row going is the answer; only a failure gets a toast. */
  if (!shoebox_collection_remove_wear (self->collection, self->pair_id, date, &error))
    shoebox_toast_show (GTK_WIDGET (self), error->message);
}

void
_shoebox_pair_page_log_past_wear (ShoeboxPairPage *self)
{
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->past_wear_row))));
  g_autoptr(GDate) today = shoebox_date_new_today ();
  g_autoptr(GArray) logged = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (self->pair == NULL || *date == '\0')
    return;

  if (!shoebox_date_validate (date, today, &error)
      || !shoebox_collection_log_new_wear (self->collection, &self->pair_id, 1, date, logged, &error))
    {
      shoebox_toast_show (GTK_WIDGET (self), error->message);
      return;
    }

  /* The new row is the answer; a day logged already is said. */
  if (logged->len == 0)
    {
      label = shoebox_labels_dup_date (date);
      /* Translators: %s is a day, as the wear log shows it. */
      message = g_strdup_printf (_("%s is already in the wear log"), label);
      shoebox_toast_show (GTK_WIDGET (self), message);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->past_wear_row), "");
}

/* The stories that mention the pair, newest first, as the News page
 * lists them; activating one opens it as the News page does.
 */
void
_shoebox_pair_page_update_news (ShoeboxPairPage *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  guint n_shown = 0;

  _shoebox_pair_page_clear_list (self->news_list, NULL);

  if (self->news != NULL)
    ids = shoebox_mentions_list_pair_items (shoebox_news_service_get_mentions (self->news), self->pair_id, &error);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_hash_table_add (wanted, &g_array_index (ids, gint64, i));
  if (ids != NULL && ids->len > 0)
    items = shoebox_news_store_query_items (shoebox_news_service_get_store (self->news),
                                            SHOEBOX_NEWS_FILTER_ALL, 0, NULL, &error);
  if (error != NULL)
    g_debug ("Could not list the pair's stories: %s", error->message);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ShoeboxNewsItem *item = g_ptr_array_index (items, i);
      gint64 id = shoebox_news_item_get_id (item);
      GtkWidget *row;

      if (!g_hash_table_contains (wanted, &id))
        continue;

      row = _shoebox_pair_page_new_row (shoebox_news_item_get_title (item),
                                        shoebox_news_item_get_source_title (item));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "shoebox-item-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->news_list, row);
      n_shown++;
    }

  if (n_shown == 0)
    gtk_list_box_append (self->news_list, _shoebox_pair_page_new_row (_("No stories mention this pair yet"), NULL));
}

/* The silhouette's generations, oldest first, this pair's marked, as the
 * Catalogue lists them; Compare Generations lays them side by side.
 */
void
_shoebox_pair_page_update_lineage (ShoeboxPairPage *self)
{
  gint64 silhouette_id = shoebox_pair_get_silhouette_id (self->pair);
  g_autoptr(GListModel) lineage = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  _shoebox_pair_page_clear_list (self->lineage_list, NULL);
  if (silhouette_id > 0)
    lineage = shoebox_collection_list_lineage (self->collection, silhouette_id, &error);
  if (error != NULL)
    g_debug ("Could not list the lineage: %s", error->message);
  n = lineage != NULL ? g_list_model_get_n_items (lineage) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoeboxSilhouette) generation = g_list_model_get_item (lineage, i);
      g_autofree char *display_name = shoebox_silhouette_dup_display_name (generation);
      g_autofree char *year = NULL;
      gboolean current = shoebox_silhouette_get_id (generation) == silhouette_id;
      GtkWidget *row;

      if (shoebox_silhouette_get_release_year (generation) != 0)
        year = g_strdup_printf ("%u", shoebox_silhouette_get_release_year (generation));
      row = _shoebox_pair_page_new_row (display_name, year);
      if (current)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

          /* Translators: in a pair's lineage, the generation it is of */
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          _("This pair's generation"), -1);
          gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      gtk_list_box_append (self->lineage_list, row);
    }

  gtk_widget_set_visible (self->lineage_group, n > 0);
  gtk_widget_set_visible (self->compare_generations_button, n > 1);
}
