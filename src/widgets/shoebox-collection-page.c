/* shoebox-collection-page.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-collection-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-collection-page-private.h"
#include "shoebox-compat.h"
#include "shoebox-labels.h"
#include "shoebox-pair-editor.h"
#include "shoebox-pair-list.h"
#include "shoebox-selection.h"
#include "shoebox-toast.h"

/* The tags that work as smart filters even before any pair has them.
 * NULL-terminated: it is a strv for g_strv_contains() and
 * string_list_with_all().
 */
static const char * const smart_tags[] = { "grail", "to clean", "to sell", NULL };

G_DEFINE_FINAL_TYPE (ShoeboxCollectionPage, shoebox_collection_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLLECTION,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  PAIR_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The rest of the first search, after the first screenful: the same
 * query in full, whose head is what is on screen already, so only cells
 * for the new pairs are added.
 */
static gboolean
load_rest_idle (gpointer data)
{
  ShoeboxCollectionPage *self = data;

  if (self->rest_pending)
    _shoebox_collection_page_run_search (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
stop_watching_first_frame (ShoeboxCollectionPage *self)
{
  if (self->first_frame_clock != NULL)
    g_clear_signal_handler (&self->first_frame_handler, self->first_frame_clock);
  g_clear_object (&self->first_frame_clock);
}

static void
first_frame_painted_cb (GdkFrameClock         *clock,
                        ShoeboxCollectionPage *self)
{
  stop_watching_first_frame (self);
  /* The list's orders are read in a worker while this thread loads the
   * rest: on two cores, neither waits for the other.
   */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") == 0)
    _shoebox_collection_page_want_order (self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_rest_idle, g_object_ref (self), g_object_unref);
}

static void
shoebox_collection_page_map (GtkWidget *widget)
{
  ShoeboxCollectionPage *self = SHOEBOX_COLLECTION_PAGE (widget);

  GTK_WIDGET_CLASS (shoebox_collection_page_parent_class)->map (widget);

  if (self->rest_pending && self->first_frame_clock == NULL)
    {
      self->first_frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->first_frame_handler = g_signal_connect (self->first_frame_clock, "after-paint",
                                                    G_CALLBACK (first_frame_painted_cb), self);
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") == 0)
    _shoebox_collection_page_want_order (self);
}

static void
shoebox_collection_page_unmap (GtkWidget *widget)
{
  stop_watching_first_frame (SHOEBOX_COLLECTION_PAGE (widget));
  /* Off screen, there is no frame to wait for. */
  _shoebox_collection_page_catch_up (SHOEBOX_COLLECTION_PAGE (widget));

  GTK_WIDGET_CLASS (shoebox_collection_page_parent_class)->unmap (widget);
}

static GtkStringList *
string_list_with_all (const char         *all,
                      const char * const *strings)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    gtk_string_list_append (list, strings[i]);

  return list;
}

static void
set_filter_model (GtkDropDown   *drop_down,
                  GtkStringList *list)
{
  const char *previous = NULL;
  g_autofree char *keep = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  /* Keep the choice across reloads when it still exists. */
  if (gtk_drop_down_get_model (drop_down) != NULL && gtk_drop_down_get_selected (drop_down) > 0)
    previous = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (drop_down)),
                                           gtk_drop_down_get_selected (drop_down));
  keep = g_strdup (previous);

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (drop_down, 0);
  for (guint i = 1; keep != NULL && i < n_items; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), keep) == 0)
      gtk_drop_down_set_selected (drop_down, i);
  g_object_unref (list);
}

static void
reload_filters (ShoeboxCollectionPage *self)
{
  g_auto(GStrv) brands = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GListModel) silhouettes = NULL;
  g_autoptr(GPtrArray) tag_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) silhouette_names = g_ptr_array_new_with_free_func (g_free);
  gint64 none = 0;

  if (self->collection == NULL)
    return;

  self->updating_filters = TRUE;

  brands = shoebox_collection_list_brands (self->collection, NULL);
  set_filter_model (self->brand_filter, string_list_with_all (_("All Brands"), (const char * const *) brands));

  g_array_set_size (self->silhouette_ids, 0);
  g_array_append_val (self->silhouette_ids, none);
  silhouettes = shoebox_collection_list_silhouettes (self->collection, NULL);
  for (guint i = 0; silhouettes != NULL && i < g_list_model_get_n_items (silhouettes); i++)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (silhouettes, i);
      gint64 id = shoebox_silhouette_get_id (silhouette);

      g_array_append_val (self->silhouette_ids, id);
      g_ptr_array_add (silhouette_names,
                       g_strdup_printf ("%s %s", shoebox_silhouette_get_brand_name (silhouette),
                                        shoebox_silhouette_get_name (silhouette)));
    }
  g_ptr_array_add (silhouette_names, NULL);
  set_filter_model (self->silhouette_filter,
                    string_list_with_all (_("All Silhouettes"), (const char * const *) silhouette_names->pdata));

  tags = shoebox_collection_list_tags (self->collection, NULL);
  for (guint i = 0; smart_tags[i] != NULL; i++)
    g_ptr_array_add (tag_names, (gpointer) smart_tags[i]);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (!g_strv_contains (smart_tags, tags[i]))
      g_ptr_array_add (tag_names, tags[i]);
  g_ptr_array_add (tag_names, NULL);
  set_filter_model (self->tag_filter, string_list_with_all (_("All Tags"), (const char * const *) tag_names->pdata));

  self->updating_filters = FALSE;
}

static void build_filters (ShoeboxCollectionPage *self);

/* The choices are listed when the popover opens, not at every reload:
 * three queries the first frame need not wait for.
 */
static void
filter_popover_show_cb (ShoeboxCollectionPage *self)
{
  if (self->brand_filter == NULL)
    {
      build_filters (self);
      self->filters_stale = TRUE;
    }
  if (self->filters_stale)
    {
      self->filters_stale = FALSE;
      reload_filters (self);
    }
}

static void
search_changed_cb (ShoeboxCollectionPage *self)
{
  /* GtkSearchEntry also reports a search when it is first shown, with
   * nothing typed: with 100,000 pairs, the same query again would cost
   * the first frame 15 ms.
   */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->searched_text) == 0)
    return;

  _shoebox_collection_page_run_search (self, TRUE);
}

static void
stop_search_cb (ShoeboxCollectionPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void update_filter_count (ShoeboxCollectionPage *self);

static void
filter_changed_cb (ShoeboxCollectionPage *self)
{
  if (!self->updating_filters)
    {
      update_filter_count (self);
      _shoebox_collection_page_run_search (self, TRUE);
    }
}

/* The filter button says how many filters are on, and Clear Filters
 * shows beside it while any is: a filter set in a closed popover must
 * not hide pairs silently.
 */
static void
update_filter_count (ShoeboxCollectionPage *self)
{
  GtkDropDown *drop_downs[] = {
    self->brand_filter, self->silhouette_filter, self->condition_filter, self->status_filter, self->tag_filter,
  };
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;
  guint n = 0;

  /* Not built yet (build_filters()): none is on. */
  for (guint i = 0; self->brand_filter != NULL && i < G_N_ELEMENTS (drop_downs); i++)
    {
      guint selected = gtk_drop_down_get_selected (drop_downs[i]);

      n += selected != 0 && selected != GTK_INVALID_LIST_POSITION;
    }

  count = g_strdup_printf ("%u", n);
  gtk_label_set_text (self->filter_count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_count_label), n > 0);
  gtk_widget_set_visible (self->clear_filters_button, n > 0);
  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  /* Translators: the filter button's name for screen readers */
  label = n > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Filter, %u on", "Filter, %u on", n), n)
                : g_strdup (_("Filter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
reset_drop_downs (ShoeboxCollectionPage *self)
{
  if (self->brand_filter == NULL)
    return;
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->brand_filter, 0);
  gtk_drop_down_set_selected (self->silhouette_filter, 0);
  gtk_drop_down_set_selected (self->condition_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->tag_filter, 0);
  self->updating_filters = FALSE;
  update_filter_count (self);
}

static void
clear_filters_cb (ShoeboxCollectionPage *self)
{
  reset_drop_downs (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _shoebox_collection_page_run_search (self, TRUE);
}

/* Clear Filters beside the filter button: the search stays. */
static void
clear_dropdowns_cb (ShoeboxCollectionPage *self)
{
  reset_drop_downs (self);
  _shoebox_collection_page_run_search (self, TRUE);
}

static void
select_toggled_cb (ShoeboxCollectionPage *self)
{
  shoebox_selection_set_toggling (self->selection, gtk_toggle_button_get_active (self->select_button));
}

static void
view_toggled_cb (ShoeboxCollectionPage *self)
{
  gboolean list = gtk_toggle_button_get_active (self->list_button);

  g_settings_set_string (self->settings, "collection-view", list ? "list" : "grid");
  _shoebox_collection_page_update_view (self);
}

static void
pair_saved_cb (ShoeboxCollectionPage *self)
{
  shoebox_collection_page_reload (self);
}

static void delete_ids (ShoeboxCollectionPage *self,
                        const gint64          *ids,
                        guint                  n_ids);

static void
editor_delete_requested_cb (ShoeboxCollectionPage *self,
                            gint64                 id)
{
  delete_ids (self, &id, 1);
}

static void
open_pair (ShoeboxCollectionPage *self,
           ShoeboxPair           *pair)
{
  GtkWidget *editor = shoebox_pair_editor_new (self->collection, self->photos, pair);

  g_signal_connect_object (editor, "saved", G_CALLBACK (pair_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (editor_delete_requested_cb),
                           self, G_CONNECT_SWAPPED);
  shoebox_dialog_present (editor, GTK_WIDGET (self));
}

static void
view_activate_cb (ShoeboxCollectionPage *self,
                  guint                  position)
{
  g_autoptr(ShoeboxPair) pair = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (pair == NULL)
    return;
  /* In the window, a pair opens on its own page; on its own, in the
   * editor. */
  if (g_signal_has_handler_pending (self, signals[PAIR_ACTIVATED], 0, FALSE))
    g_signal_emit (self, signals[PAIR_ACTIVATED], 0, shoebox_pair_get_id (pair));
  else
    open_pair (self, pair);
}

static void
selection_changed_cb (ShoeboxCollectionPage *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* A header click: the same pairs in another order, reordered in memory
 * when the orders are read, else a search ordered in SQL.
 */
static void
sort_changed_cb (ShoeboxCollectionPage *self)
{
  g_autoptr(GArray) selected = NULL;
  ShoeboxPairSort sort;
  gboolean descending = FALSE;

  _shoebox_collection_page_save_sort (self);
  sort = _shoebox_collection_page_get_sort (self, &descending);
  if (self->pairs != NULL)
    selected = shoebox_collection_page_dup_selected_ids (self);
  if (selected != NULL && _shoebox_collection_page_sort_in_place (self, sort, descending))
    _shoebox_collection_page_select_ids (self, selected);
  else
    _shoebox_collection_page_run_search (self, TRUE);
}

/* Any change to the pairs, wherever it comes from. */
static void
collection_changed_cb (ShoeboxCollectionPage *self)
{
  _shoebox_collection_page_drop_order (self);
}

/* The filters, the filter popover's content, built when it first opens:
 * five drop-downs, each with a popover and a list of its own, were 7 ms
 * of every launch before the first frame (the page's template). Until
 * then, no filter is on.
 */
static void
build_filters (ShoeboxCollectionPage *self)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/shoebox-collection-filters.ui");
  const char *conditions[] = {
    shoebox_labels_condition (SHOEBOX_CONDITION_DEADSTOCK),
    shoebox_labels_condition (SHOEBOX_CONDITION_VNDS),
    shoebox_labels_condition (SHOEBOX_CONDITION_WORN),
    shoebox_labels_condition (SHOEBOX_CONDITION_BEATER),
    NULL
  };
  const char *statuses[] = {
    shoebox_labels_status (SHOEBOX_STATUS_OWNED),
    shoebox_labels_status (SHOEBOX_STATUS_WISHLIST),
    shoebox_labels_status (SHOEBOX_STATUS_SOLD),
    NULL
  };
  GtkDropDown *drop_downs[5];

  self->brand_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "brand_filter"));
  self->silhouette_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "silhouette_filter"));
  self->condition_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "condition_filter"));
  self->status_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "status_filter"));
  self->tag_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "tag_filter"));
  drop_downs[0] = self->brand_filter;
  drop_downs[1] = self->silhouette_filter;
  drop_downs[2] = self->condition_filter;
  drop_downs[3] = self->status_filter;
  drop_downs[4] = self->tag_filter;
  /* The popover holds them from here on. */
  gtk_popover_set_child (self->filter_popover, GTK_WIDGET (gtk_builder_get_object (builder, "filters")));

  self->updating_filters = TRUE;
  set_filter_model (self->condition_filter, string_list_with_all (_("Any Condition"), conditions));
  set_filter_model (self->status_filter, string_list_with_all (_("Any Status"), statuses));
  set_filter_model (self->brand_filter, string_list_with_all (_("All Brands"), NULL));
  set_filter_model (self->silhouette_filter, string_list_with_all (_("All Silhouettes"), NULL));
  set_filter_model (self->tag_filter, string_list_with_all (_("All Tags"), smart_tags));
  self->updating_filters = FALSE;

  const char *names[] = { _("Brand"), _("Silhouette"), _("Condition"), _("Status"), _("Tag") };

  for (guint i = 0; i < G_N_ELEMENTS (drop_downs); i++)
    {
      g_signal_connect_object (drop_downs[i], "notify::selected", G_CALLBACK (filter_changed_cb),
                               self, G_CONNECT_SWAPPED);
      shoebox_compat_name_drop_down (drop_downs[i], names[i]);
    }
}

static void
shoebox_collection_page_dispose (GObject *object)
{
  ShoeboxCollectionPage *self = SHOEBOX_COLLECTION_PAGE (object);

  GtkWidget *child;

  self->rest_pending = FALSE;
  stop_watching_first_frame (self);
  _shoebox_collection_page_stop_catch_up (self);
  _shoebox_collection_page_drop_order (self);
  /* The column view's sorter says it changed as its columns go. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view), sort_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOEBOX_TYPE_COLLECTION_PAGE);
  /* GTK 4.8 unparents only the template children bound to struct fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->pairs);
  g_clear_object (&self->collection);
  g_clear_object (&self->photos);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->wear_toast);
  g_clear_pointer (&self->last_deletion, shoebox_deletion_unref);
  g_clear_pointer (&self->last_wear_ids, g_array_unref);
  g_clear_pointer (&self->last_wear_date, g_free);
  g_clear_pointer (&self->silhouette_ids, g_array_unref);
  g_clear_pointer (&self->searched_text, g_free);

  G_OBJECT_CLASS (shoebox_collection_page_parent_class)->dispose (object);
}

static void
shoebox_collection_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ShoeboxCollectionPage *self = SHOEBOX_COLLECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_collection_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ShoeboxCollectionPage *self = SHOEBOX_COLLECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      shoebox_collection_page_set_collection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_collection_page_class_init (ShoeboxCollectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shoebox_collection_page_dispose;
  object_class->get_property = shoebox_collection_page_get_property;
  object_class->set_property = shoebox_collection_page_set_property;
  widget_class->map = shoebox_collection_page_map;
  widget_class->unmap = shoebox_collection_page_unmap;

  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL,
                         SHOEBOX_TYPE_COLLECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShoeboxCollectionPage::selection-changed:
   *
   * The selected pairs changed: the window updates the actions that act
   * on them.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * ShoeboxCollectionPage::pair-activated:
   * @pair_id: the pair's id
   *
   * A card or a list row was activated: the window shows the pair's
   * page. Without a handler, the pair opens in the editor.
   */
  signals[PAIR_ACTIVATED] =
    g_signal_new ("pair-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-collection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCollectionPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCollectionPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCollectionPage, grid_view);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCollectionPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCollectionPage, grid_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCollectionPage, list_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCollectionPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCollectionPage, filter_popover);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_dropdowns_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCollectionPage, filter_count_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCollectionPage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCollectionPage, select_button);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_activate_cb);
}

static void
shoebox_collection_page_init (ShoeboxCollectionPage *self)
{
  g_autofree char *view = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  shoebox_compat_grid_view_tab_leaves (self->grid_view);

  self->settings = g_settings_new (APPLICATION_ID);
  self->silhouette_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->selection = shoebox_selection_new (NULL);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  _shoebox_collection_page_set_up_views (self);
  _shoebox_collection_page_set_up_catch_up (self);
  _shoebox_collection_page_restore_sort (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);

  view = g_settings_get_string (self->settings, "collection-view");
  gtk_toggle_button_set_active (g_str_equal (view, "list") ? self->list_button : self->grid_button, TRUE);
  _shoebox_collection_page_update_view (self);
}

/**
 * shoebox_collection_page_get_collection:
 * @self: a #ShoeboxCollectionPage
 *
 * Returns: (transfer none) (nullable): the collection shown
 */
ShoeboxCollection *
shoebox_collection_page_get_collection (ShoeboxCollectionPage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self), NULL);

  return self->collection;
}

/**
 * shoebox_collection_page_set_collection:
 * @self: a #ShoeboxCollectionPage
 * @collection: (nullable): the collection, or %NULL when the database
 *   could not be opened
 */
void
shoebox_collection_page_set_collection (ShoeboxCollectionPage *self,
                                        ShoeboxCollection     *collection)
{
  g_return_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self));
  g_return_if_fail (collection == NULL || SHOEBOX_IS_COLLECTION (collection));

  if (self->collection == collection)
    return;
  if (self->collection != NULL)
    g_signal_handlers_disconnect_by_func (self->collection, collection_changed_cb, self);
  _shoebox_collection_page_drop_order (self);
  g_set_object (&self->collection, collection);
  if (collection != NULL)
    g_signal_connect_object (collection, "changed", G_CALLBACK (collection_changed_cb), self, G_CONNECT_SWAPPED);

  /* The old results belong to the old collection. */
  shoebox_selection_set_model (self->selection, NULL);
  g_clear_object (&self->pairs);
  shoebox_collection_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLECTION]);
}

/**
 * shoebox_collection_page_reload:
 * @self: a #ShoeboxCollectionPage
 *
 * Runs the search again and refreshes the filters' choices (at once if
 * the filter popover is open, else when it opens), after the collection
 * changed.
 */
void
shoebox_collection_page_reload (ShoeboxCollectionPage *self)
{
  g_return_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->filter_popover)))
    reload_filters (self);
  else
    self->filters_stale = TRUE;
  _shoebox_collection_page_run_search (self, FALSE);
}

void
shoebox_collection_page_focus_search (ShoeboxCollectionPage *self)
{
  g_return_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * shoebox_collection_page_get_model:
 * @self: a #ShoeboxCollectionPage
 *
 * Returns: (transfer none): the pairs shown, as a selection model
 */
GListModel *
shoebox_collection_page_get_model (ShoeboxCollectionPage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * shoebox_collection_page_dup_selected_ids:
 * @self: a #ShoeboxCollectionPage
 *
 * Returns: (transfer full): the ids (gint64) of the selected pairs
 */
GArray *
shoebox_collection_page_dup_selected_ids (ShoeboxCollectionPage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self), g_array_new (FALSE, FALSE, sizeof (gint64)));

  return _shoebox_collection_page_dup_selected_ids (self);
}

/* A second press of Worn Today, or its Undo, answers at once: each such
 * toast replaces the one before instead of waiting behind it. The one
 * before is dismissed, not only covered: a toast of high priority puts
 * the one it covers back in the queue (libadwaita 1.7), and "Wear
 * removed" would come back after "Already logged as worn today".
 */
static void
show_wear_toast (ShoeboxCollectionPage *self,
                 AdwToast              *toast)
{
  if (self->wear_toast != NULL)
    adw_toast_dismiss (self->wear_toast);
  g_set_weak_pointer (&self->wear_toast, toast);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  shoebox_toast_add (GTK_WIDGET (self), toast);
}

/**
 * shoebox_collection_page_log_wear:
 * @self: a #ShoeboxCollectionPage
 *
 * Records that the selected pairs were worn today, with a toast whose
 * Undo removes those wears again. A pair already logged today is not
 * logged twice, and the toast says so rather than claim a wear.
 */
void
shoebox_collection_page_log_wear (ShoeboxCollectionPage *self)
{
  g_autoptr(GArray) ids = NULL;

  g_return_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self));

  ids = shoebox_collection_page_dup_selected_ids (self);
  shoebox_collection_page_log_wear_ids (self, (const gint64 *) (gpointer) ids->data, ids->len);
}

/**
 * shoebox_collection_page_log_wear_ids:
 * @self: a #ShoeboxCollectionPage
 * @pair_ids: (array length=n_ids): the pairs worn
 * @n_ids: how many
 *
 * Records that these pairs were worn today, as Worn Today does for the
 * selected pairs (a pair's page asks for its own pair), with the same
 * toast and Undo.
 */
void
shoebox_collection_page_log_wear_ids (ShoeboxCollectionPage *self,
                                      const gint64          *pair_ids,
                                      guint                  n_ids)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) logged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_return_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self));

  g_array_append_vals (ids, pair_ids, n_ids);
  if (self->collection == NULL || ids->len == 0)
    return;

  today = shoebox_date_dup_today ();
  logged = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!shoebox_collection_log_new_wear (self->collection, (const gint64 *) ids->data, ids->len, today, logged, &error))
    {
      shoebox_toast_add (GTK_WIDGET (self), shoebox_toast_new_error (error->message));
      return;
    }

  if (logged->len == 0)
    {
      if (ids->len == 1)
        message = g_strdup (_("Already logged as worn today"));
      else
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "The %u pair was already logged as worn today",
                                                "All %u pairs were already logged as worn today", ids->len),
                                   ids->len);
      show_wear_toast (self, adw_toast_new (message));
      return;
    }

  /* Undo removes what this logged, and nothing else. */
  g_clear_pointer (&self->last_deletion, shoebox_deletion_unref);
  g_clear_pointer (&self->last_wear_ids, g_array_unref);
  g_free (self->last_wear_date);
  self->last_wear_ids = g_array_ref (logged);
  self->last_wear_date = g_strdup (today);

  if (logged->len < ids->len)
    /* Translators: %u of the selected pairs; the others had a wear today. */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Wear logged for %u pair; the others were already worn today",
                                            "Wear logged for %u pairs; the others were already worn today",
                                            logged->len),
                               logged->len);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wear logged for %u pair", "Wear logged for %u pairs",
                                            logged->len),
                               logged->len);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  show_wear_toast (self, toast);
  _shoebox_collection_page_run_search (self, FALSE);
}

static gboolean
undo_wear (ShoeboxCollectionPage *self)
{
  g_autoptr(GArray) ids = g_steal_pointer (&self->last_wear_ids);
  g_autofree char *date = g_steal_pointer (&self->last_wear_date);
  g_autofree char *message = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!shoebox_collection_remove_wear (self->collection, g_array_index (ids, gint64, i), date, &error))
        {
          shoebox_toast_add (GTK_WIDGET (self), shoebox_toast_new_error (error->message));
          _shoebox_collection_page_run_search (self, FALSE);
          return FALSE;
        }
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wear removed from %u pair", "Wear removed from %u pairs",
                                          ids->len),
                             ids->len);
  show_wear_toast (self, adw_toast_new (message));
  _shoebox_collection_page_run_search (self, FALSE);
  return TRUE;
}

static void
delete_ids (ShoeboxCollectionPage *self,
            const gint64          *ids,
            guint                  n_ids)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  ShoeboxDeletion *deletion;
  AdwToast *toast;

  if (self->collection == NULL || n_ids == 0)
    return;

  deletion = shoebox_collection_delete_pairs (self->collection, ids, n_ids, &error);
  if (deletion == NULL)
    {
      shoebox_toast_add (GTK_WIDGET (self), shoebox_toast_new_error (error->message));
      return;
    }

  g_clear_pointer (&self->last_deletion, shoebox_deletion_unref);
  g_clear_pointer (&self->last_wear_ids, g_array_unref);
  g_clear_pointer (&self->last_wear_date, g_free);
  self->last_deletion = deletion;

  /* The deleted pairs' positions now hold others: a second Delete must
   * not take those.
   */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pair deleted", "%u pairs deleted", n_ids), n_ids);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  shoebox_toast_add (GTK_WIDGET (self), toast);

  shoebox_collection_page_reload (self);
}

/**
 * shoebox_collection_page_delete_selected:
 * @self: a #ShoeboxCollectionPage
 *
 * Deletes the selected pairs, with a toast whose Undo brings them back
 * with their photos.
 */
void
shoebox_collection_page_delete_selected (ShoeboxCollectionPage *self)
{
  g_autoptr(GArray) ids = NULL;

  g_return_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self));

  ids = shoebox_collection_page_dup_selected_ids (self);
  delete_ids (self, (const gint64 *) ids->data, ids->len);
}

/**
 * shoebox_collection_page_delete_pairs:
 * @self: a #ShoeboxCollectionPage
 * @ids: (array length=n_ids): the pairs to delete
 * @n_ids: how many
 *
 * Deletes these pairs (a pair's page asks for its own) with the same
 * toast and Undo as deleting the selected pairs.
 */
void
shoebox_collection_page_delete_pairs (ShoeboxCollectionPage *self,
                                      const gint64          *ids,
                                      guint                  n_ids)
{
  g_return_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self));

  delete_ids (self, ids, n_ids);
}

/**
 * shoebox_collection_page_undo:
 * @self: a #ShoeboxCollectionPage
 *
 * Brings back the pairs of the last delete, or removes the wears the
 * last Worn Today logged, whichever came last.
 *
 * Returns: %TRUE if there was something to undo
 */
gboolean
shoebox_collection_page_undo (ShoeboxCollectionPage *self)
{
  g_autoptr(ShoeboxDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_pairs;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self), FALSE);

  if (self->last_wear_ids != NULL && self->collection != NULL)
    return undo_wear (self);

  deletion = g_steal_pointer (&self->last_deletion);
  if (deletion == NULL || self->collection == NULL)
    return FALSE;

  n_pairs = shoebox_deletion_get_n_pairs (deletion);
  if (!shoebox_collection_restore_pairs (self->collection, deletion, &error))
    {
      shoebox_toast_add (GTK_WIDGET (self), shoebox_toast_new_error (error->message));
      return FALSE;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pair restored", "%u pairs restored", n_pairs), n_pairs);
  shoebox_toast_add (GTK_WIDGET (self), adw_toast_new (message));
  shoebox_collection_page_reload (self);
  return TRUE;
}

/**
 * shoebox_collection_page_open_selected:
 * @self: a #ShoeboxCollectionPage
 *
 * Opens the first selected pair in the editor.
 */
void
shoebox_collection_page_open_selected (ShoeboxCollectionPage *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(ShoeboxPair) pair = NULL;

  g_return_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self));

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return;

  pair = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));
  if (pair != NULL)
    open_pair (self, pair);
}

/**
 * shoebox_collection_page_add_pair:
 * @self: a #ShoeboxCollectionPage
 *
 * Opens the editor on a new pair.
 */
void
shoebox_collection_page_add_pair (ShoeboxCollectionPage *self)
{
  g_return_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self));

  if (self->collection != NULL)
    open_pair (self, NULL);
}

/**
 * shoebox_collection_page_set_photos:
 * @self: a #ShoeboxCollectionPage
 * @photos: (nullable): where photo files are kept
 */
void
shoebox_collection_page_set_photos (ShoeboxCollectionPage *self,
                                    ShoeboxPhotos         *photos)
{
  g_return_if_fail (SHOEBOX_IS_COLLECTION_PAGE (self));
  g_return_if_fail (photos == NULL || SHOEBOX_IS_PHOTOS (photos));

  /* Cards bound from now on show their photos; no need to search again. */
  g_set_object (&self->photos, photos);
}
