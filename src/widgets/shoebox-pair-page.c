/* shoebox-pair-page.c
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
#include "shoebox-pair-editor.h"
#include "shoebox-pair-page-private.h"

/* A pair's page: what the collector looks at, where the editor is what
 * they type in. It follows the collection: a save, a wear or an Undo
 * anywhere shows here at once, and when the pair is deleted the page
 * asks to be closed.
 *
 * What acts on the whole collection's pairs (Worn Today and Delete, with
 * their Undo; Compare, which is another page) goes through the window's
 * actions, so it behaves as it does from the grid.
 */

enum {
  PROP_0,
  PROP_COLLECTION,
  PROP_PHOTOS,
  PROP_NEWS,
  PROP_PAIR_ID,
  N_PROPS
};

enum {
  CLOSED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ShoeboxPairPage, shoebox_pair_page, GTK_TYPE_WIDGET)

/* A fact as its name over its value; nothing for a fact left empty. */
static void
add_fact (ShoeboxPairPage *self,
          const char      *name,
          const char      *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;

  row = _shoebox_pair_page_new_row (name, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  /* The value is what one reads: libadwaita 1.6 sets it larger than the
   * name. */
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->facts_list, row);
}

static void
update_facts (ShoeboxPairPage *self)
{
  ShoeboxPair *pair = self->pair;
  g_autofree char *silhouette = g_strdup_printf ("%s %s", shoebox_pair_get_brand_name (pair) ?: "",
                                                 shoebox_pair_get_silhouette_name (pair) ?: "");
  g_autofree char *size = shoebox_labels_dup_size (pair);
  g_autofree char *paid = shoebox_labels_dup_money (shoebox_pair_get_price_paid (pair), shoebox_pair_get_currency (pair));
  g_autofree char *estimate = shoebox_labels_dup_money (shoebox_pair_get_estimated_value (pair),
                                                        shoebox_pair_get_currency (pair));
  g_autofree char *bought = shoebox_labels_dup_date (shoebox_pair_get_purchase_date (pair));
  g_autofree char *extras = shoebox_list_join (shoebox_pair_get_extras (pair));
  g_autofree char *tags = shoebox_list_join (shoebox_pair_get_tags (pair));

  _shoebox_pair_page_clear_list (self->facts_list, NULL);
  add_fact (self, _("Silhouette"), g_strstrip (silhouette));
  add_fact (self, _("Colorway"), shoebox_pair_get_colorway (pair));
  add_fact (self, _("Official Colorway"), shoebox_pair_get_official_colorway (pair));
  add_fact (self, _("Style Code"), shoebox_pair_get_style_code (pair));
  add_fact (self, _("Size"), size);
  /* "Not Recorded" is no fact: left out, like an empty field. */
  if (shoebox_pair_get_condition (pair) != SHOEBOX_CONDITION_NONE)
    add_fact (self, _("Condition"), shoebox_labels_condition (shoebox_pair_get_condition (pair)));
  add_fact (self, _("Status"), shoebox_labels_status (shoebox_pair_get_status (pair)));
  if (shoebox_pair_get_box (pair) != SHOEBOX_BOX_UNKNOWN)
    add_fact (self, _("Box"), shoebox_labels_box (shoebox_pair_get_box (pair)));
  add_fact (self, _("Extras"), extras);
  add_fact (self, _("Price Paid"), paid);
  add_fact (self, _("Estimated Value"), estimate);
  add_fact (self, _("Purchase Date"), bought);
  add_fact (self, _("Where Bought"), shoebox_pair_get_where_bought (pair));
  add_fact (self, _("Storage Location"), shoebox_pair_get_storage_location (pair));
  add_fact (self, _("Tags"), tags);
  add_fact (self, _("Notes"), shoebox_pair_get_notes (pair));
}

static void
update_all (ShoeboxPairPage *self)
{
  g_autofree char *title = shoebox_labels_dup_pair_name (self->pair);
  const char *brand = shoebox_pair_get_brand_name (self->pair);

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, brand != NULL ? brand : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), brand != NULL && *brand != '\0');
  update_facts (self);
  _shoebox_pair_page_update_photos (self);
  _shoebox_pair_page_update_wears (self);
  _shoebox_pair_page_update_news (self);
  _shoebox_pair_page_update_lineage (self);
}

/* Reads the pair again; a pair that is gone closes the page. */
static void
reload (ShoeboxPairPage *self)
{
  g_autoptr(ShoeboxPair) fresh = NULL;
  g_autoptr(GError) error = NULL;

  fresh = shoebox_collection_get_pair (self->collection, self->pair_id, &error);
  if (fresh == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Could not read the pair again: %s", error->message);
      g_clear_object (&self->pair);
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }

  g_set_object (&self->pair, fresh);
  update_all (self);
}

static void
collection_changed_cb (ShoeboxPairPage *self)
{
  /* The window may let go of the page from "closed": it stays until
   * the reload is done.
   */
  g_object_ref (self);
  if (self->pair != NULL)
    reload (self);
  g_object_unref (self);
}

static void
news_changed_cb (ShoeboxPairPage *self)
{
  if (self->pair != NULL)
    _shoebox_pair_page_update_news (self);
}

static gboolean
activate_window_action (ShoeboxPairPage *self,
                        const char      *name,
                        gint64           id)
{
  return gtk_widget_activate_action (GTK_WIDGET (self), name, "x", id);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

static void
editor_saved_cb (ShoeboxPairPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
editor_delete_requested_cb (ShoeboxPairPage *self,
                            gint64           id)
{
  activate_window_action (self, "win.delete-pair", id);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoeboxPairPage *self = SHOEBOX_PAIR_PAGE (widget);
  GtkWidget *editor;

  if (self->pair == NULL)
    return;

  editor = shoebox_pair_editor_new (self->collection, self->photos, self->pair);
  shoebox_pair_editor_leave_to_page (SHOEBOX_PAIR_EDITOR (editor));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (editor_delete_requested_cb),
                           self, G_CONNECT_SWAPPED);
  shoebox_dialog_present (editor, widget);
}

static void
worn_today_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShoeboxPairPage *self = SHOEBOX_PAIR_PAGE (widget);

  if (self->pair != NULL)
    activate_window_action (self, "win.worn-today-pair", self->pair_id);
}

static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShoeboxPairPage *self = SHOEBOX_PAIR_PAGE (widget);

  if (self->pair != NULL)
    activate_window_action (self, "win.compare-with-pair", self->pair_id);
}

static void
compare_generations_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ShoeboxPairPage *self = SHOEBOX_PAIR_PAGE (widget);

  if (self->pair != NULL)
    activate_window_action (self, "win.compare-generations", shoebox_pair_get_silhouette_id (self->pair));
}

/* The copy is shown in place of the original: the next change is most
 * likely its size or its colorway. */
static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShoeboxPairPage *self = SHOEBOX_PAIR_PAGE (widget);
  g_autoptr(ShoeboxPair) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->pair == NULL)
    return;

  /* Set before the copy is written: its "changed" reloads the copy. */
  copy = shoebox_collection_duplicate_pair (self->collection, self->pair_id, &error);
  if (copy == NULL)
    {
      shoebox_toast_show (GTK_WIDGET (self), error->message);
      return;
    }

  self->pair_id = shoebox_pair_get_id (copy);
  reload (self);
  shoebox_toast_show (GTK_WIDGET (self), _("Duplicated: this page now shows the copy"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoeboxPairPage *self = SHOEBOX_PAIR_PAGE (widget);

  if (self->pair != NULL)
    activate_window_action (self, "win.delete-pair", self->pair_id);
}

/* The wear log's actions, done by the sections with the page checked
 * here: no part needs the page's type.
 */
static void
remove_wear_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _shoebox_pair_page_remove_wear (SHOEBOX_PAIR_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* The "Add a Past Wear" field's Log button, or Enter in it. */
static void
log_past_wear_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _shoebox_pair_page_log_past_wear (SHOEBOX_PAIR_PAGE (widget));
}

static void
past_wear_activated_cb (ShoeboxPairPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "pair-page.log-past-wear", NULL);
}

static void
news_row_activated_cb (ShoeboxPairPage *self,
                       GtkListBoxRow   *row)
{
  gint64 *item_id = g_object_get_data (G_OBJECT (row), "shoebox-item-id");

  if (item_id != NULL)
    activate_window_action (self, "win.open-story", *item_id);
}

static void
shoebox_pair_page_dispose (GObject *object)
{
  ShoeboxPairPage *self = SHOEBOX_PAIR_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOEBOX_TYPE_PAIR_PAGE);
  /* GTK 4.8 unparents only the template children bound to struct fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pair);
  g_clear_object (&self->collection);
  g_clear_object (&self->photos);
  g_clear_object (&self->news);
  g_clear_pointer (&self->shown_photos, g_free);

  G_OBJECT_CLASS (shoebox_pair_page_parent_class)->dispose (object);
}

static void
shoebox_pair_page_constructed (GObject *object)
{
  ShoeboxPairPage *self = SHOEBOX_PAIR_PAGE (object);

  G_OBJECT_CLASS (shoebox_pair_page_parent_class)->constructed (object);

  g_return_if_fail (SHOEBOX_IS_COLLECTION (self->collection));

  g_signal_connect_object (self->collection, "changed", G_CALLBACK (collection_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->news != NULL)
    g_signal_connect_object (shoebox_news_service_get_mentions (self->news), "changed",
                             G_CALLBACK (news_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
shoebox_pair_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ShoeboxPairPage *self = SHOEBOX_PAIR_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;

    case PROP_PHOTOS:
      g_value_set_object (value, self->photos);
      break;

    case PROP_NEWS:
      g_value_set_object (value, self->news);
      break;

    case PROP_PAIR_ID:
      g_value_set_int64 (value, self->pair_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_pair_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ShoeboxPairPage *self = SHOEBOX_PAIR_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      self->collection = g_value_dup_object (value);
      break;

    case PROP_PHOTOS:
      self->photos = g_value_dup_object (value);
      break;

    case PROP_NEWS:
      self->news = g_value_dup_object (value);
      break;

    case PROP_PAIR_ID:
      self->pair_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_pair_page_class_init (ShoeboxPairPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shoebox_pair_page_constructed;
  object_class->dispose = shoebox_pair_page_dispose;
  object_class->get_property = shoebox_pair_page_get_property;
  object_class->set_property = shoebox_pair_page_set_property;

  /**
   * ShoeboxPairPage:collection:
   *
   * The collection the pair is read from, again whenever it changes.
   */
  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL,
                         SHOEBOX_TYPE_COLLECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxPairPage:photos:
   *
   * Where photo files are kept, or %NULL.
   */
  properties[PROP_PHOTOS] =
    g_param_spec_object ("photos", NULL, NULL,
                         SHOEBOX_TYPE_PHOTOS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxPairPage:news:
   *
   * The news, whose stories that mention the pair are listed, or %NULL.
   */
  properties[PROP_NEWS] =
    g_param_spec_object ("news", NULL, NULL,
                         SHOEBOX_TYPE_NEWS_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxPairPage:pair-id:
   *
   * The id of the pair shown.
   */
  properties[PROP_PAIR_ID] =
    g_param_spec_int64 ("pair-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShoeboxPairPage::closed:
   *
   * Back was asked for, or the pair is gone: the window goes back to
   * the grid.
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * ShoeboxPairPage::changed:
   *
   * The pair was saved from its editor, or duplicated: the grid shows
   * the pairs again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-pair-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, gallery);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, gallery_dots);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, no_photos_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, facts_list);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, wears_list);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, past_wear_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, news_list);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, lineage_group);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, lineage_list);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairPage, compare_generations_button);
  gtk_widget_class_bind_template_callback (widget_class, past_wear_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, news_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "pair-page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "pair-page.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "pair-page.worn-today", NULL, worn_today_action);
  gtk_widget_class_install_action (widget_class, "pair-page.compare-with", NULL, compare_with_action);
  gtk_widget_class_install_action (widget_class, "pair-page.compare-generations", NULL, compare_generations_action);
  gtk_widget_class_install_action (widget_class, "pair-page.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "pair-page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "pair-page.remove-wear", "s", remove_wear_action);
  gtk_widget_class_install_action (widget_class, "pair-page.log-past-wear", NULL, log_past_wear_action);

  /* The navigation view answers Escape and Alt+Left itself from
   * libadwaita 1.4 on; the leaflet before answers only Alt+Left. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "pair-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "pair-page.back", NULL);
}

static void
shoebox_pair_page_init (ShoeboxPairPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (self->back_button, !shoebox_compat_navigation_has_back_button ());
}

/**
 * shoebox_pair_page_new:
 * @collection: the collection
 * @photos: (nullable): where photo files are kept
 * @news: (nullable): the news, whose stories that mention the pair are
 *   listed
 * @pair_id: the pair shown
 *
 * Returns: (transfer floating): the pair's page
 */
GtkWidget *
shoebox_pair_page_new (ShoeboxCollection  *collection,
                       ShoeboxPhotos      *photos,
                       ShoeboxNewsService *news,
                       gint64              pair_id)
{
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (photos == NULL || SHOEBOX_IS_PHOTOS (photos), NULL);
  g_return_val_if_fail (news == NULL || SHOEBOX_IS_NEWS_SERVICE (news), NULL);

  return g_object_new (SHOEBOX_TYPE_PAIR_PAGE,
                       "collection", collection,
                       "photos", photos,
                       "news", news,
                       "pair-id", pair_id,
                       NULL);
}

/**
 * shoebox_pair_page_get_pair_id:
 * @self: a #ShoeboxPairPage
 *
 * Returns: the id of the pair shown
 */
gint64
shoebox_pair_page_get_pair_id (ShoeboxPairPage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_PAGE (self), 0);

  return self->pair_id;
}

/**
 * shoebox_pair_page_get_pair:
 * @self: a #ShoeboxPairPage
 *
 * Returns: (transfer none) (nullable): the pair as last read, or %NULL
 *   once it is gone
 */
ShoeboxPair *
shoebox_pair_page_get_pair (ShoeboxPairPage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_PAGE (self), NULL);

  return self->pair;
}

/**
 * shoebox_pair_page_dup_title:
 * @self: a #ShoeboxPairPage
 *
 * Returns: (transfer full): the page's title, the pair's name
 */
char *
shoebox_pair_page_dup_title (ShoeboxPairPage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_PAGE (self), NULL);

  return self->pair != NULL ? shoebox_labels_dup_pair_name (self->pair) : g_strdup ("");
}
