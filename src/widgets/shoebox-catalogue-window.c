/* shoebox-catalogue-window.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-catalogue-window"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-alert.h"
#include "shoebox-catalogue-window.h"
#include "shoebox-labels.h"
#include "shoebox-pair-editor.h"
#include "shoebox-silhouette-editor.h"

struct _ShoeboxCatalogueWindow
{
  AdwWindow          parent_instance;

  ShoeboxCollection *collection;
  ShoeboxPhotos     *photos;
  ShoeboxSilhouette *silhouette;     /* the page shown, or NULL on the list */
  ShoeboxDeletion   *last_deletion;  /* pairs deleted from here, for Undo */
  char             **search_words;   /* casefolded */

  AdwWindowTitle    *window_title;
  GtkWidget         *back_button;
  GtkWidget         *edit_button;
  GtkWidget         *delete_button;
  AdwToastOverlay   *toasts;
  GtkStack          *stack;
  GtkSearchEntry    *search_entry;
  GtkStack          *list_stack;
  GtkListBox        *silhouette_list;
  GtkLabel          *name_label;
  GtkLabel          *brand_label;
  GtkListBox        *facts_list;
  GtkListBox        *pairs_list;
  GtkListBox        *lineage_list;
  GtkWidget         *compare_generations_button;
};

G_DEFINE_FINAL_TYPE (ShoeboxCatalogueWindow, shoebox_catalogue_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_COLLECTION,
  PROP_PHOTOS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define ROW_SILHOUETTE "shoebox-silhouette"
#define ROW_PAIR       "shoebox-pair"
#define ROW_SEARCH     "shoebox-search-text"

static void
clear_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* gtk_list_box_remove_all () is GTK 4.12. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
show_toast (ShoeboxCatalogueWindow *self,
            const char             *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
show_error (ShoeboxCatalogueWindow *self,
            const GError           *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *accessible_name)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names come from the user and from CSV files: text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* AdwActionRow names itself after its title and subtitle labels, which
   * screen readers then read twice once it also has a name of its own.
   */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name != NULL ? accessible_name : title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle != NULL ? subtitle : "",
                                  -1);
  return row;
}

static void
add_chevron (GtkWidget *row)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
}

static char *
dup_year (ShoeboxSilhouette *silhouette)
{
  guint year = shoebox_silhouette_get_release_year (silhouette);

  return year != 0 ? g_strdup_printf ("%u", year) : g_strdup ("");
}

/* What the search matches, casefolded: brand, name, designer, category,
 * year.
 */
static char *
dup_search_text (ShoeboxSilhouette *silhouette)
{
  g_autofree char *year = dup_year (silhouette);
  g_autofree char *text = g_strjoin (" ",
                                     shoebox_silhouette_get_brand_name (silhouette) ?: "",
                                     shoebox_silhouette_get_name (silhouette) ?: "",
                                     shoebox_silhouette_get_designer (silhouette) ?: "",
                                     shoebox_silhouette_get_category (silhouette) ?: "",
                                     year,
                                     NULL);

  return g_utf8_casefold (text, -1);
}

static gboolean
row_matches (ShoeboxCatalogueWindow *self,
             GtkListBoxRow          *row)
{
  const char *text = g_object_get_data (G_OBJECT (row), ROW_SEARCH);

  for (guint i = 0; self->search_words != NULL && self->search_words[i] != NULL; i++)
    if (text == NULL || strstr (text, self->search_words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Hides the rows the search leaves out. Hidden, not filtered out with
 * gtk_list_box_set_filter_func (): GTK 4.8 keeps filtered rows in the
 * accessibility tree, where a screen reader would still read them.
 */
static void
apply_search (ShoeboxCatalogueWindow *self)
{
  GtkListBoxRow *row;
  gboolean any = FALSE;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->silhouette_list, i)) != NULL; i++)
    {
      gboolean matches = row_matches (self, row);

      gtk_widget_set_visible (GTK_WIDGET (row), matches);
      any |= matches;
    }
  gtk_stack_set_visible_child_name (self->list_stack, any ? "results" : "empty");
}

static void
fill_list (ShoeboxCatalogueWindow *self)
{
  g_autoptr(GListModel) silhouettes = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self->silhouette_list);
  silhouettes = shoebox_collection_list_silhouettes (self->collection, &error);
  if (silhouettes == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (silhouettes); i++)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (silhouettes, i);
      g_autofree char *display_name = shoebox_silhouette_dup_display_name (silhouette);
      g_autofree char *year = dup_year (silhouette);
      GtkWidget *row = new_row (shoebox_silhouette_get_name (silhouette),
                                shoebox_silhouette_get_brand_name (silhouette),
                                display_name);

      if (*year != '\0')
        {
          GtkWidget *year_label = gtk_label_new (year);
          g_autofree char *description = NULL;

          gtk_widget_add_css_class (year_label, "dim-label");
          gtk_widget_add_css_class (year_label, "numeric");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), year_label);
          /* Translators: how a screen reader describes a catalogue row: "Balenciaga, 2018" */
          description = g_strdup_printf (_("%s, %s"), shoebox_silhouette_get_brand_name (silhouette), year);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
        }
      add_chevron (row);
      g_object_set_data_full (G_OBJECT (row), ROW_SILHOUETTE, g_object_ref (silhouette), g_object_unref);
      g_object_set_data_full (G_OBJECT (row), ROW_SEARCH, dup_search_text (silhouette), g_free);
      gtk_list_box_append (self->silhouette_list, row);
    }

  apply_search (self);
}

static void
add_fact (ShoeboxCatalogueWindow *self,
          const char             *title,
          const char             *value)
{
  GtkWidget *row;
  g_autofree char *name = NULL;

  if (value == NULL || *value == '\0')
    return;

  /* Translators: how a screen reader names a fact: "Designer: Demna" */
  name = g_strdup_printf (_("%s: %s"), title, value);
  row = new_row (title, value, name);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->facts_list, row);
}

static void
fill_facts (ShoeboxCatalogueWindow *self,
            ShoeboxSilhouette      *silhouette)
{
  g_autofree char *year = dup_year (silhouette);
  g_autofree char *price = shoebox_labels_dup_money (shoebox_silhouette_get_retail_price (silhouette),
                                                     shoebox_silhouette_get_retail_currency (silhouette));
  GtkWidget *placeholder = gtk_label_new (_("Nothing recorded yet"));

  clear_rows (self->facts_list);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->facts_list, placeholder);

  add_fact (self, _("Brand"), shoebox_silhouette_get_brand_name (silhouette));
  add_fact (self, _("Designer"), shoebox_silhouette_get_designer (silhouette));
  add_fact (self, _("Release Year"), year);
  add_fact (self, _("Retail Price"), price);
  add_fact (self, _("Category"), shoebox_silhouette_get_category (silhouette));
  add_fact (self, _("Inspiration"), shoebox_silhouette_get_inspiration (silhouette));
  add_fact (self, _("Notes"), shoebox_silhouette_get_notes (silhouette));
}

static GListModel *
list_pairs (ShoeboxCatalogueWindow *self,
            gint64                  silhouette_id,
            guint                   statuses)
{
  ShoeboxPairQuery query = { 0 };

  query.silhouette_id = silhouette_id;
  query.statuses = statuses;
  query.sort = SHOEBOX_PAIR_SORT_COLORWAY;
  return shoebox_collection_search (self->collection, &query, NULL);
}

static gboolean
owns_pair_of (ShoeboxCatalogueWindow *self,
              gint64                  silhouette_id)
{
  g_autoptr(GListModel) owned = list_pairs (self, silhouette_id, 1 << SHOEBOX_STATUS_OWNED);

  return owned != NULL && g_list_model_get_n_items (owned) > 0;
}

static void
fill_pairs (ShoeboxCatalogueWindow *self,
            ShoeboxSilhouette      *silhouette)
{
  g_autoptr(GListModel) pairs = list_pairs (self, shoebox_silhouette_get_id (silhouette), 0);
  GtkWidget *placeholder = gtk_label_new (_("No pairs of this silhouette in your collection"));

  clear_rows (self->pairs_list);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->pairs_list, placeholder);

  for (guint i = 0; pairs != NULL && i < g_list_model_get_n_items (pairs); i++)
    {
      g_autoptr(ShoeboxPair) pair = g_list_model_get_item (pairs, i);
      g_autofree char *name = shoebox_labels_dup_pair_name (pair);
      g_autofree char *size = shoebox_labels_dup_size (pair);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (*size != '\0')
        /* Translators: a pair's status and size: "Owned · US M 10.5" */
        subtitle = g_strdup_printf (_("%s · %s"), shoebox_labels_status (shoebox_pair_get_status (pair)), size);
      else
        subtitle = g_strdup (shoebox_labels_status (shoebox_pair_get_status (pair)));

      row = new_row (name, subtitle, name);
      add_chevron (row);
      g_object_set_data_full (G_OBJECT (row), ROW_PAIR, g_object_ref (pair), g_object_unref);
      gtk_list_box_append (self->pairs_list, row);
    }
}

/* The generations, oldest first. Those the user owns no pair of are greyed
 * (and say so to screen readers, which see no colours); every other
 * generation opens its own page.
 */
static void
fill_lineage (ShoeboxCatalogueWindow *self,
              ShoeboxSilhouette      *silhouette)
{
  g_autoptr(GListModel) lineage = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = shoebox_silhouette_get_id (silhouette);

  clear_rows (self->lineage_list);
  lineage = shoebox_collection_list_lineage (self->collection, id, &error);
  if (lineage == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (lineage); i++)
    {
      g_autoptr(ShoeboxSilhouette) generation = g_list_model_get_item (lineage, i);
      g_autofree char *display_name = shoebox_silhouette_dup_display_name (generation);
      g_autofree char *year = dup_year (generation);
      g_autofree char *subtitle = NULL;
      gboolean current = shoebox_silhouette_get_id (generation) == id;
      gboolean owned = owns_pair_of (self, shoebox_silhouette_get_id (generation));
      const char *state = owned ? _("In your collection") : _("Not in your collection");
      GtkWidget *row;

      if (current)
        /* Translators: the silhouette whose page is shown, in its lineage */
        state = owned ? _("This silhouette, in your collection") : _("This silhouette, not in your collection");
      if (*year != '\0')
        /* Translators: a generation of a lineage: "2018 · Not in your collection" */
        subtitle = g_strdup_printf (_("%s · %s"), year, state);
      else
        subtitle = g_strdup (state);

      row = new_row (display_name, subtitle, display_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, state, -1);
      if (!owned)
        gtk_widget_add_css_class (row, "dim-label");
      if (current)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

          gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
        }
      else
        add_chevron (row);
      g_object_set_data_full (G_OBJECT (row), ROW_SILHOUETTE, g_object_ref (generation), g_object_unref);
      gtk_list_box_append (self->lineage_list, row);
    }
  gtk_widget_set_visible (self->compare_generations_button, g_list_model_get_n_items (lineage) > 1);
}

static void
update_header (ShoeboxCatalogueWindow *self)
{
  gboolean on_page = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "silhouette") == 0
                     && self->silhouette != NULL;

  gtk_widget_set_visible (self->back_button, on_page);
  gtk_widget_set_visible (self->edit_button, on_page);
  gtk_widget_set_visible (self->delete_button, on_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.back", on_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.edit", on_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.delete", on_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.compare-with", on_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.compare-generations", on_page);

  if (on_page)
    {
      g_autofree char *display_name = shoebox_silhouette_dup_display_name (self->silhouette);

      adw_window_title_set_title (self->window_title, display_name);
      adw_window_title_set_subtitle (self->window_title, _("Catalogue"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Catalogue"));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
}

/* Fills the page from the database, so it always shows what is stored.
 * Returns FALSE when the silhouette is gone.
 */
static gboolean
fill_page (ShoeboxCatalogueWindow *self,
           gint64                  id)
{
  g_autoptr(ShoeboxSilhouette) silhouette = shoebox_collection_get_silhouette (self->collection, id, NULL);

  if (silhouette == NULL)
    return FALSE;

  g_set_object (&self->silhouette, silhouette);
  gtk_label_set_text (self->name_label, shoebox_silhouette_get_name (silhouette));
  gtk_label_set_text (self->brand_label, shoebox_silhouette_get_brand_name (silhouette));
  fill_facts (self, silhouette);
  fill_pairs (self, silhouette);
  fill_lineage (self, silhouette);
  return TRUE;
}

static void
collection_changed_cb (ShoeboxCatalogueWindow *self)
{
  fill_list (self);
  if (self->silhouette != NULL && !fill_page (self, shoebox_silhouette_get_id (self->silhouette)))
    shoebox_catalogue_window_show_list (self);
  update_header (self);
}

static void
search_changed_cb (ShoeboxCatalogueWindow *self)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

  /* Plain words, not g_str_tokenize_and_fold (): it splits "2.0" and
   * "X-Pander".
   */
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  g_strfreev (self->search_words);
  self->search_words = g_strv_builder_end (kept);

  apply_search (self);
}

/* Escape in the search field: the first clears the search, the next
 * closes the window, as Escape does elsewhere in it.
 */
static void
stop_search_cb (ShoeboxCatalogueWindow *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
silhouette_activated_cb (ShoeboxCatalogueWindow *self,
                         GtkListBoxRow          *row)
{
  ShoeboxSilhouette *silhouette = g_object_get_data (G_OBJECT (row), ROW_SILHOUETTE);

  if (silhouette != NULL)
    shoebox_catalogue_window_show_silhouette (self, shoebox_silhouette_get_id (silhouette));
}

static void
lineage_activated_cb (ShoeboxCatalogueWindow *self,
                      GtkListBoxRow          *row)
{
  silhouette_activated_cb (self, row);
}

static void
pair_saved_cb (ShoeboxCatalogueWindow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The pair editor's Delete: done here, with an Undo on this window's
 * toast, since the user is looking at this window.
 */
static void
pair_delete_requested_cb (ShoeboxCatalogueWindow *self,
                          gint64                  id)
{
  g_autoptr(ShoeboxDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  deletion = shoebox_collection_delete_pairs (self->collection, &id, 1, &error);
  if (deletion == NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->last_deletion, shoebox_deletion_unref);
  self->last_deletion = g_steal_pointer (&deletion);
  toast = adw_toast_new (_("Pair deleted"));
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "catalogue.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
pair_activated_cb (ShoeboxCatalogueWindow *self,
                   GtkListBoxRow          *row)
{
  ShoeboxPair *pair = g_object_get_data (G_OBJECT (row), ROW_PAIR);
  GtkWidget *editor;

  if (pair == NULL)
    return;

  editor = shoebox_pair_editor_new (self->collection, self->photos, pair);
  g_signal_connect_object (editor, "saved", G_CALLBACK (pair_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (pair_delete_requested_cb),
                           self, G_CONNECT_SWAPPED);
  shoebox_dialog_present (editor, GTK_WIDGET (self));
}

static void
silhouette_saved_cb (ShoeboxCatalogueWindow *self,
                     ShoeboxSilhouette      *silhouette)
{
  g_signal_emit (self, signals[CHANGED], 0);
  shoebox_catalogue_window_show_silhouette (self, shoebox_silhouette_get_id (silhouette));
}

static void
open_editor (ShoeboxCatalogueWindow *self,
             ShoeboxSilhouette      *silhouette)
{
  GtkWidget *editor = shoebox_silhouette_editor_new (self->collection, silhouette);

  g_signal_connect_object (editor, "saved", G_CALLBACK (silhouette_saved_cb), self, G_CONNECT_SWAPPED);
  shoebox_dialog_present (editor, GTK_WIDGET (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  shoebox_catalogue_window_show_list (SHOEBOX_CATALOGUE_WINDOW (widget));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (SHOEBOX_CATALOGUE_WINDOW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoeboxCatalogueWindow *self = SHOEBOX_CATALOGUE_WINDOW (widget);

  if (self->silhouette != NULL)
    open_editor (self, self->silhouette);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoeboxCatalogueWindow *self = SHOEBOX_CATALOGUE_WINDOW (widget);

  shoebox_catalogue_window_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoeboxCatalogueWindow *self = SHOEBOX_CATALOGUE_WINDOW (widget);
  g_autoptr(ShoeboxDeletion) deletion = g_steal_pointer (&self->last_deletion);
  g_autoptr(GError) error = NULL;

  if (deletion == NULL)
    return;

  if (!shoebox_collection_restore_pairs (self->collection, deletion, &error))
    {
      show_error (self, error);
      return;
    }
  show_toast (self, _("Pair restored"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_response_cb (ShoeboxAlert           *dialog,
                    const char             *response,
                    ShoeboxCatalogueWindow *self)
{
  g_autoptr(ShoeboxSilhouette) silhouette = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *message = NULL;

  silhouette = g_object_steal_data (G_OBJECT (dialog), ROW_SILHOUETTE);
  if (g_strcmp0 (response, "delete") != 0 || silhouette == NULL)
    return;

  /* The core checks again, in the transaction: a pair added meanwhile
   * still stops the delete, with its own message.
   */
  if (!shoebox_collection_delete_silhouette (self->collection, shoebox_silhouette_get_id (silhouette), &error))
    {
      show_error (self, error);
      return;
    }

  display_name = shoebox_silhouette_dup_display_name (silhouette);
  /* Translators: a toast: "Balenciaga Track 3 deleted from the catalogue" */
  message = g_strdup_printf (_("%s deleted from the catalogue"), display_name);
  show_toast (self, message);
  shoebox_catalogue_window_show_list (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Delete asks first; it refuses, and says why, while pairs of the
 * silhouette are in the collection, as the core would.
 */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoeboxCatalogueWindow *self = SHOEBOX_CATALOGUE_WINDOW (widget);
  g_autoptr(GListModel) pairs = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  ShoeboxAlert *dialog;
  guint n_pairs;

  if (self->silhouette == NULL)
    return;

  display_name = shoebox_silhouette_dup_display_name (self->silhouette);
  pairs = list_pairs (self, shoebox_silhouette_get_id (self->silhouette), 0);
  n_pairs = pairs != NULL ? g_list_model_get_n_items (pairs) : 0;

  if (n_pairs > 0)
    {
      /* Translators: a dialog's heading: "Balenciaga Track 2.0 Cannot Be Deleted" */
      heading = g_strdup_printf (_("%s Cannot Be Deleted"), display_name);
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u pair in your collection is of this silhouette. Delete that pair, or give it another silhouette, first.",
                                           "%u pairs in your collection are of this silhouette. Delete those pairs, or give them another silhouette, first.",
                                           n_pairs),
                              n_pairs);
      dialog = shoebox_alert_new (heading, body);
      shoebox_alert_add_response (dialog, "close", _("Close"), ADW_RESPONSE_DEFAULT);
      shoebox_alert_set_default_response (dialog, "close");
      shoebox_alert_set_close_response (dialog, "close");
      shoebox_alert_present (dialog, GTK_WIDGET (self));
      return;
    }

  /* Translators: a dialog's heading: "Delete Balenciaga Track 3?" */
  heading = g_strdup_printf (_("Delete %s?"), display_name);
  dialog = shoebox_alert_new (heading,
                              _("It leaves the catalogue. The silhouettes that follow it stay, without a predecessor."));
  shoebox_alert_add_response (dialog, "cancel", _("Cancel"), ADW_RESPONSE_DEFAULT);
  shoebox_alert_add_response (dialog, "delete", _("Delete"), ADW_RESPONSE_DESTRUCTIVE);
  shoebox_alert_set_default_response (dialog, "cancel");
  shoebox_alert_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), ROW_SILHOUETTE, g_object_ref (self->silhouette), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  shoebox_alert_present (dialog, GTK_WIDGET (self));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  ShoeboxCatalogueWindow *self = SHOEBOX_CATALOGUE_WINDOW (widget);

  if (self->silhouette != NULL)
    shoebox_catalogue_window_show_list (self);
  else
    gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* The Compare page is the main window's: it opens there, with this
 * silhouette, and this window gets out of its way.
 */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShoeboxCatalogueWindow *self = SHOEBOX_CATALOGUE_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  const char *window_action = g_str_equal (action_name, "catalogue.compare-generations")
                              ? "win.compare-generations" : "win.compare-with-silhouette";

  if (self->silhouette == NULL || parent == NULL)
    return;

  if (gtk_widget_activate_action (GTK_WIDGET (parent), window_action, "x", shoebox_silhouette_get_id (self->silhouette)))
    gtk_window_close (GTK_WINDOW (self));
}

static void
shoebox_catalogue_window_dispose (GObject *object)
{
  ShoeboxCatalogueWindow *self = SHOEBOX_CATALOGUE_WINDOW (object);

  g_clear_object (&self->collection);
  g_clear_object (&self->photos);
  g_clear_object (&self->silhouette);
  g_clear_pointer (&self->last_deletion, shoebox_deletion_unref);

  G_OBJECT_CLASS (shoebox_catalogue_window_parent_class)->dispose (object);
}

static void
shoebox_catalogue_window_finalize (GObject *object)
{
  ShoeboxCatalogueWindow *self = SHOEBOX_CATALOGUE_WINDOW (object);

  g_clear_pointer (&self->search_words, g_strfreev);

  G_OBJECT_CLASS (shoebox_catalogue_window_parent_class)->finalize (object);
}

static void
shoebox_catalogue_window_constructed (GObject *object)
{
  ShoeboxCatalogueWindow *self = SHOEBOX_CATALOGUE_WINDOW (object);

  G_OBJECT_CLASS (shoebox_catalogue_window_parent_class)->constructed (object);

  g_return_if_fail (SHOEBOX_IS_COLLECTION (self->collection));

  /* Pairs and silhouettes change from the main window and the editors
   * too: the list and the page follow the database.
   */
  g_signal_connect_object (self->collection, "changed", G_CALLBACK (collection_changed_cb), self, G_CONNECT_SWAPPED);
  fill_list (self);
}

static void
shoebox_catalogue_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ShoeboxCatalogueWindow *self = SHOEBOX_CATALOGUE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;

    case PROP_PHOTOS:
      g_value_set_object (value, self->photos);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_catalogue_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ShoeboxCatalogueWindow *self = SHOEBOX_CATALOGUE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      self->collection = g_value_dup_object (value);
      break;

    case PROP_PHOTOS:
      self->photos = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_catalogue_window_class_init (ShoeboxCatalogueWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shoebox_catalogue_window_constructed;
  object_class->dispose = shoebox_catalogue_window_dispose;
  object_class->finalize = shoebox_catalogue_window_finalize;
  object_class->get_property = shoebox_catalogue_window_get_property;
  object_class->set_property = shoebox_catalogue_window_set_property;

  /**
   * ShoeboxCatalogueWindow:collection:
   *
   * The catalogue and the pairs; the window follows their changes.
   */
  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL,
                         SHOEBOX_TYPE_COLLECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxCatalogueWindow:photos:
   *
   * Where photo files are kept, for the pair editor, or %NULL.
   */
  properties[PROP_PHOTOS] =
    g_param_spec_object ("photos", NULL, NULL,
                         SHOEBOX_TYPE_PHOTOS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShoeboxCatalogueWindow::changed:
   *
   * Something was written to the collection from this window: a
   * silhouette saved or deleted, a pair edited or deleted. Whoever shows
   * pairs elsewhere shows them again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-catalogue-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, silhouette_list);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, brand_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, facts_list);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, pairs_list);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, lineage_list);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCatalogueWindow, compare_generations_button);
  gtk_widget_class_bind_template_callback (widget_class, update_header);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, silhouette_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, lineage_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pair_activated_cb);

  gtk_widget_class_install_action (widget_class, "catalogue.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "catalogue.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "catalogue.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "catalogue.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "catalogue.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "catalogue.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "catalogue.compare-with", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "catalogue.compare-generations", NULL, compare_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "catalogue.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "catalogue.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "catalogue.back", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
shoebox_catalogue_window_init (ShoeboxCatalogueWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_header (self);
}

/**
 * shoebox_catalogue_window_new:
 * @parent: (nullable): the main window
 * @collection: the catalogue and the pairs
 * @photos: (nullable): where photo files are kept, for the pair editor
 *
 * Returns: (transfer none): the window, owned by GTK's toplevels until
 *   closed
 */
GtkWindow *
shoebox_catalogue_window_new (GtkWindow         *parent,
                              ShoeboxCollection *collection,
                              ShoeboxPhotos     *photos)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (photos == NULL || SHOEBOX_IS_PHOTOS (photos), NULL);

  /* A window of the application, so that its shortcuts (Ctrl+Q, Ctrl+W)
   * work here too; it goes when the main window goes.
   */
  return g_object_new (SHOEBOX_TYPE_CATALOGUE_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "collection", collection,
                       "photos", photos,
                       NULL);
}

/**
 * shoebox_catalogue_window_show_silhouette:
 * @self: a #ShoeboxCatalogueWindow
 * @id: a silhouette id
 *
 * Shows the silhouette's page: its facts, the pairs of it and its
 * lineage. An unknown id shows the list.
 */
void
shoebox_catalogue_window_show_silhouette (ShoeboxCatalogueWindow *self,
                                          gint64                  id)
{
  g_return_if_fail (SHOEBOX_IS_CATALOGUE_WINDOW (self));

  if (!fill_page (self, id))
    {
      shoebox_catalogue_window_show_list (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "silhouette");
  update_header (self);
}

/**
 * shoebox_catalogue_window_show_list:
 * @self: a #ShoeboxCatalogueWindow
 *
 * Goes back to the list of silhouettes.
 */
void
shoebox_catalogue_window_show_list (ShoeboxCatalogueWindow *self)
{
  g_return_if_fail (SHOEBOX_IS_CATALOGUE_WINDOW (self));

  g_clear_object (&self->silhouette);
  gtk_stack_set_visible_child_name (self->stack, "list");
  update_header (self);
}

/**
 * shoebox_catalogue_window_get_silhouette:
 * @self: a #ShoeboxCatalogueWindow
 *
 * Returns: (transfer none) (nullable): the silhouette whose page is shown
 */
ShoeboxSilhouette *
shoebox_catalogue_window_get_silhouette (ShoeboxCatalogueWindow *self)
{
  g_return_val_if_fail (SHOEBOX_IS_CATALOGUE_WINDOW (self), NULL);

  return self->silhouette;
}
