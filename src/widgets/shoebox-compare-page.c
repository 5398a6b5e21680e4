/* shoebox-compare-page.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compare-page-private.h"
#include "shoebox-dialog.h"
#include "shoebox-pair-editor.h"

G_DEFINE_FINAL_TYPE (ShoeboxComparePage, shoebox_compare_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLLECTION,
  PROP_MODE,
  PROP_ONLY_DIFFERENCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
picker_popover_show_cb (ShoeboxComparePage *self)
{
  _shoebox_compare_page_refill_picker (self);
}

static void
picker_search_changed_cb (ShoeboxComparePage *self)
{
  _shoebox_compare_page_refill_picker (self);
}

static void
opacity_changed_cb (ShoeboxComparePage *self,
                    GtkAdjustment      *adjustment)
{
  shoebox_profile_view_set_overlay_opacity (self->overlay_view, gtk_adjustment_get_value (adjustment));
}

static void
divider_changed_cb (ShoeboxComparePage *self,
                    GtkAdjustment      *adjustment)
{
  shoebox_profile_view_set_divider (self->overlay_view, gtk_adjustment_get_value (adjustment));
}

static void
view_divider_changed_cb (ShoeboxComparePage *self)
{
  gtk_adjustment_set_value (self->divider_adjustment, shoebox_profile_view_get_divider (self->overlay_view));
}

/* The actions the parts carry out, given the page checked here: no part
 * needs the page's type.
 */
static void
save_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _shoebox_compare_page_choose_image_file (SHOEBOX_COMPARE_PAGE (widget));
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _shoebox_compare_page_copy_image (SHOEBOX_COMPARE_PAGE (widget));
}

/* Compare With… from the narrow menu. */
static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _shoebox_compare_page_compare_with (SHOEBOX_COMPARE_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _shoebox_compare_page_go_back (SHOEBOX_COMPARE_PAGE (widget));
}

static void
photo_added_cb (ShoeboxComparePage *self)
{
  _shoebox_compare_page_reload_items (self);
  _shoebox_compare_page_items_changed (self);
}

/* Add Photo…, where none of the collector's pairs of a silhouette has one:
 * that pair's editor, and the comparison read again once it is saved.
 */
static void
add_photo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);
  g_autoptr(ShoeboxPair) pair = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  if (self->collection == NULL || self->photos == NULL)
    return;

  pair = shoebox_collection_get_pair (self->collection, g_variant_get_int64 (parameter), &error);
  if (pair == NULL)
    {
      shoebox_toast_show (GTK_WIDGET (self), error->message);
      return;
    }

  editor = shoebox_pair_editor_new (self->collection, self->photos, pair);
  g_signal_connect_object (editor, "saved", G_CALLBACK (photo_added_cb), self, G_CONNECT_SWAPPED);
  shoebox_dialog_present (editor, widget);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);
  int index = g_variant_get_int32 (parameter);
  int other = g_str_equal (action_name, "compare.move-left") ? index - 1 : index + 1;
  gpointer swap;

  if (_shoebox_compare_page_get_item (self, index) == NULL || _shoebox_compare_page_get_item (self, other) == NULL)
    return;

  swap = self->items->pdata[index];
  self->items->pdata[index] = self->items->pdata[other];
  self->items->pdata[other] = swap;
  _shoebox_compare_page_items_changed (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);
  int index = g_variant_get_int32 (parameter);

  if (_shoebox_compare_page_get_item (self, index) == NULL)
    return;

  g_ptr_array_remove_index (self->items, index);
  self->truncated = FALSE;
  _shoebox_compare_page_items_changed (self);
}

static void
flip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);
  Item *item = _shoebox_compare_page_get_item (self, g_variant_get_int32 (parameter));

  if (item == NULL || item->result == NULL)
    return;

  item->flipped = !item->flipped;
  _shoebox_compare_page_update_views (self);
}

static void
generations_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);
  Item *item = _shoebox_compare_page_get_item (self, g_variant_get_int32 (parameter));

  if (item == NULL || item->silhouette == NULL)
    return;

  shoebox_compare_page_compare_generations (self, shoebox_silhouette_get_id (item->silhouette));
}

static void
add_pair_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);

  gtk_popover_popdown (self->picker_popover);
  shoebox_compare_page_add_pair (self, g_variant_get_int64 (parameter));
}

static void
add_silhouette_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);

  gtk_popover_popdown (self->picker_popover);
  shoebox_compare_page_add_silhouette (self, g_variant_get_int64 (parameter));
}

/* Text dropped on the page: "pair:ID" or "silhouette:ID" keys, one a
 * line, as a pair card or catalogue row can offer them when dragged.
 */
static gboolean
drop_cb (ShoeboxComparePage *self,
         const GValue       *value,
         double              x,
         double              y)
{
  g_auto(GStrv) keys = NULL;
  gboolean added = FALSE;

  if (!G_VALUE_HOLDS_STRING (value) || g_value_get_string (value) == NULL)
    return FALSE;

  keys = g_strsplit (g_value_get_string (value), "\n", SHOEBOX_COMPARE_MAX_ITEMS + 1);
  for (guint i = 0; keys[i] != NULL; i++)
    added |= _shoebox_compare_page_add_key (self, g_strstrip (keys[i]));
  if (added)
    _shoebox_compare_page_items_changed (self);

  return added;
}

static void
shoebox_compare_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shoebox_compare_page_parent_class)->map (widget);

  _shoebox_compare_page_reload_items (SHOEBOX_COMPARE_PAGE (widget));
}

static gboolean
use_default_photos_cb (gpointer user_data)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (user_data);

  self->default_photos_source = 0;
  if (self->photos == NULL)
    {
      g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();

      shoebox_compare_page_set_photos (self, photos);
    }

  return G_SOURCE_REMOVE;
}

static void
shoebox_compare_page_dispose (GObject *object)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->default_photos_source, g_source_remove);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHOEBOX_TYPE_COMPARE_PAGE);
  /* GTK 4.8 unparents only the template children bound to struct fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);
  g_clear_object (&self->loader);
  g_clear_object (&self->photos);
  g_clear_object (&self->collection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (shoebox_compare_page_parent_class)->dispose (object);
}

static void
shoebox_compare_page_finalize (GObject *object)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->previous_keys, g_strfreev);
  g_clear_handle_id (&self->narrow_source, g_source_remove);

  G_OBJECT_CLASS (shoebox_compare_page_parent_class)->finalize (object);
}

static void
shoebox_compare_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;

    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    case PROP_ONLY_DIFFERENCES:
      g_value_set_boolean (value, self->only_differences);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_compare_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      shoebox_compare_page_set_collection (self, g_value_get_object (value));
      break;

    case PROP_MODE:
      shoebox_compare_page_set_mode (self, g_value_get_string (value));
      break;

    case PROP_ONLY_DIFFERENCES:
      shoebox_compare_page_set_only_differences (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_compare_page_class_init (ShoeboxComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shoebox_compare_page_dispose;
  object_class->finalize = shoebox_compare_page_finalize;
  object_class->get_property = shoebox_compare_page_get_property;
  object_class->set_property = shoebox_compare_page_set_property;
  widget_class->map = shoebox_compare_page_map;

  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL,
                         SHOEBOX_TYPE_COLLECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* "side-by-side", "overlay" or "outline" */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL,
                         "side-by-side",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ONLY_DIFFERENCES] =
    g_param_spec_boolean ("only-differences", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHOEBOX_TYPE_PROFILE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, only_differences_box);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, image_box);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, more_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, compare_with_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, picker_popover);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, picker_search);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, picker_list);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, overlay_controls_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, opacity_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, divider_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, comparison);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, overlay_box);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, view_clamp);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, overlay_view);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, overlay_caption);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, columns_box);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, scrolled_window);
  /* Not kept in the struct, but reachable for tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_status", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "side_by_side_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "overlay_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "outline_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "overlay_controls", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "only_differences_switch", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, picker_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, picker_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, opacity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, divider_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_divider_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, _shoebox_compare_page_apply_narrow);

  gtk_widget_class_install_property_action (widget_class, "compare.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "compare.only-differences", "only-differences");
  gtk_widget_class_install_action (widget_class, "compare.save-image", NULL, save_image_action);
  gtk_widget_class_install_action (widget_class, "compare.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "compare.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "compare.compare-with", NULL, compare_with_action);
  gtk_widget_class_install_action (widget_class, "compare.add-photo", "x", add_photo_action);
  gtk_widget_class_install_action (widget_class, "compare.move-left", "i", move_action);
  gtk_widget_class_install_action (widget_class, "compare.move-right", "i", move_action);
  gtk_widget_class_install_action (widget_class, "compare.remove", "i", remove_action);
  gtk_widget_class_install_action (widget_class, "compare.flip", "i", flip_action);
  gtk_widget_class_install_action (widget_class, "compare.generations", "i", generations_action);
  gtk_widget_class_install_action (widget_class, "compare.add-pair", "x", add_pair_action);
  gtk_widget_class_install_action (widget_class, "compare.add-silhouette", "x", add_silhouette_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparepage");
}

/* The tool bars are flow boxes only so that their tools wrap: their
 * cells take no focus of their own, which drew a focus ring around a
 * cell wider than its tools, and Tab goes straight to the tools.
 */
static void
make_cells_unfocusable (GtkWidget *flow_box)
{
  for (GtkWidget *cell = gtk_widget_get_first_child (flow_box); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    gtk_widget_set_focusable (cell, FALSE);
}

#if GTK_CHECK_VERSION (4, 12, 0)
static const char * const mode_button_ids[] = { "side_by_side_button", "overlay_button", "outline_button" };
#endif

static void
shoebox_compare_page_init (ShoeboxComparePage *self)
{
  GtkDropTarget *drop_target;

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) _shoebox_compare_page_item_free);
  self->cancellable = g_cancellable_new ();
  self->mode = g_strdup ("side-by-side");
  self->selected_column = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
#if GTK_CHECK_VERSION (4, 12, 0)
  /* A long translation shortens its mode's label rather than make the
   * page wider than a phone's window.
   */
  for (guint i = 0; i < G_N_ELEMENTS (mode_button_ids); i++)
    gtk_button_set_can_shrink (GTK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), SHOEBOX_TYPE_COMPARE_PAGE,
                                                                          mode_button_ids[i])),
                               TRUE);
#endif
  make_cells_unfocusable (GTK_WIDGET (self->toolbar));
  make_cells_unfocusable (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SHOEBOX_TYPE_COMPARE_PAGE,
                                                                     "overlay_controls")));
  _shoebox_compare_page_watch_width (self);
  _shoebox_compare_page_set_tool_visible (self->back_button, FALSE);

  self->settings = g_settings_new (APPLICATION_ID);

  drop_target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  shoebox_profile_view_set_overlay_opacity (self->overlay_view, gtk_adjustment_get_value (self->opacity_adjustment));
  shoebox_profile_view_set_divider (self->overlay_view, gtk_adjustment_get_value (self->divider_adjustment));

  _shoebox_compare_page_items_changed (self);
}

/**
 * shoebox_compare_page_get_collection:
 * @self: a #ShoeboxComparePage
 *
 * Returns: (transfer none) (nullable): the collection
 */
ShoeboxCollection *
shoebox_compare_page_get_collection (ShoeboxComparePage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), NULL);

  return self->collection;
}

/**
 * shoebox_compare_page_set_collection:
 * @self: a #ShoeboxComparePage
 * @collection: (nullable): the collection, or %NULL when it could not be
 *   opened
 *
 * Brings back the last comparison, as far as its items still exist.
 */
void
shoebox_compare_page_set_collection (ShoeboxComparePage *self,
                                     ShoeboxCollection  *collection)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));
  g_return_if_fail (collection == NULL || SHOEBOX_IS_COLLECTION (collection));

  if (!g_set_object (&self->collection, collection))
    return;

  /* The application hands over its photo store right after the
   * collection; the user's own folders are only the fallback.
   */
  if (collection != NULL && self->photos == NULL && self->default_photos_source == 0)
    self->default_photos_source = g_idle_add (use_default_photos_cb, self);

  self->restoring = TRUE;
  _shoebox_compare_page_clear_items (self);
  self->restoring = FALSE;
  if (collection != NULL)
    _shoebox_compare_page_restore_items (self);
  else
    _shoebox_compare_page_items_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLECTION]);
}

/**
 * shoebox_compare_page_set_photos:
 * @self: a #ShoeboxComparePage
 * @photos: (nullable): where the pairs' photos are; %NULL changes nothing
 *
 * Without one, the page uses the store of the user's folders once it has
 * a collection.
 */
void
shoebox_compare_page_set_photos (ShoeboxComparePage *self,
                                 ShoeboxPhotos      *photos)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));
  g_return_if_fail (photos == NULL || SHOEBOX_IS_PHOTOS (photos));

  if (photos == NULL || !g_set_object (&self->photos, photos))
    return;

  /* Loads from the old store still running are cancelled and no longer
   * counted: their results are for another loader.
   */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_loading = 0;
  g_clear_object (&self->loader);
  self->loader = shoebox_profile_loader_new (photos);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      g_clear_pointer (&item->result, shoebox_profile_result_unref);
      g_clear_pointer (&item->photo_error, g_free);
    }
  _shoebox_compare_page_load_photos (self);
  _shoebox_compare_page_update_views (self);
}

guint
shoebox_compare_page_get_n_items (ShoeboxComparePage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), 0);

  return self->items->len;
}

const char *
shoebox_compare_page_get_mode (ShoeboxComparePage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), NULL);

  return self->mode;
}

/**
 * shoebox_compare_page_set_mode:
 * @self: a #ShoeboxComparePage
 * @mode: "side-by-side", "overlay" or "outline"
 */
void
shoebox_compare_page_set_mode (ShoeboxComparePage *self,
                               const char         *mode)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));
  g_return_if_fail (g_strcmp0 (mode, "side-by-side") == 0 ||
                    g_strcmp0 (mode, "overlay") == 0 ||
                    g_strcmp0 (mode, "outline") == 0);

  if (g_strcmp0 (self->mode, mode) == 0)
    return;

  g_free (self->mode);
  self->mode = g_strdup (mode);
  _shoebox_compare_page_update_views (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

gboolean
shoebox_compare_page_get_only_differences (ShoeboxComparePage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), FALSE);

  return self->only_differences;
}

/**
 * shoebox_compare_page_set_only_differences:
 * @self: a #ShoeboxComparePage
 * @only_differences: whether to hide the rows where every item is alike
 */
void
shoebox_compare_page_set_only_differences (ShoeboxComparePage *self,
                                           gboolean            only_differences)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));

  only_differences = !!only_differences;
  if (self->only_differences == (guint) only_differences)
    return;

  self->only_differences = only_differences;
  _shoebox_compare_page_update_differences (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_DIFFERENCES]);
}

/**
 * shoebox_compare_page_is_loading:
 * @self: a #ShoeboxComparePage
 *
 * Returns: %TRUE while photos are being read and analysed
 */
gboolean
shoebox_compare_page_is_loading (ShoeboxComparePage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), FALSE);

  return self->n_loading > 0;
}

/**
 * shoebox_compare_page_save_image:
 * @self: a #ShoeboxComparePage
 * @file: where to write the PNG
 * @error: return location for a #GError
 *
 * Draws the comparison into a PNG: its title, the aligned profiles at
 * full resolution in the current mode, and the table with its differences
 * marked; no buttons, whatever the window's size.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
shoebox_compare_page_save_image (ShoeboxComparePage *self,
                                 GFile              *file,
                                 GError            **error)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _shoebox_compare_page_save_image (self, file, error);
}

/**
 * shoebox_compare_page_set_pairs:
 * @self: a #ShoeboxComparePage
 * @ids: (array length=n_ids): pairs' ids
 * @n_ids: how many
 *
 * Compares these pairs, in this order, instead of what was compared:
 * "Compare Selected". Only the first %SHOEBOX_COMPARE_MAX_ITEMS are kept,
 * and the page says so.
 */
void
shoebox_compare_page_set_pairs (ShoeboxComparePage *self,
                                const gint64       *ids,
                                guint               n_ids)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));
  g_return_if_fail (n_ids == 0 || ids != NULL);

  _shoebox_compare_page_set_pairs (self, ids, n_ids);
}

/**
 * shoebox_compare_page_add_pair:
 * @self: a #ShoeboxComparePage
 * @id: a pair's id
 *
 * Returns: %TRUE if the pair was added: it exists, is not compared yet,
 *   and there is room
 */
gboolean
shoebox_compare_page_add_pair (ShoeboxComparePage *self,
                               gint64              id)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), FALSE);

  return _shoebox_compare_page_add_pair (self, id);
}

/**
 * shoebox_compare_page_add_silhouette:
 * @self: a #ShoeboxComparePage
 * @id: a silhouette's id
 *
 * Returns: %TRUE if the silhouette was added
 */
gboolean
shoebox_compare_page_add_silhouette (ShoeboxComparePage *self,
                                     gint64              id)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), FALSE);

  return _shoebox_compare_page_add_silhouette (self, id);
}

/**
 * shoebox_compare_page_compare_with_pair:
 * @self: a #ShoeboxComparePage
 * @id: a pair's id
 *
 * "Compare With…" from a pair: starts a comparison with the pair alone and
 * opens the list to pick the others from.
 */
void
shoebox_compare_page_compare_with_pair (ShoeboxComparePage *self,
                                        gint64              id)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));

  _shoebox_compare_page_compare_with_pair (self, id);
}

/**
 * shoebox_compare_page_compare_with_silhouette:
 * @self: a #ShoeboxComparePage
 * @id: a silhouette's id
 *
 * "Compare With…" from a silhouette.
 */
void
shoebox_compare_page_compare_with_silhouette (ShoeboxComparePage *self,
                                              gint64              id)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));

  _shoebox_compare_page_compare_with_silhouette (self, id);
}

/**
 * shoebox_compare_page_compare_generations:
 * @self: a #ShoeboxComparePage
 * @silhouette_id: any silhouette of a lineage
 *
 * Compares the generations of the silhouette's line, oldest first (Track,
 * Track 2.0, Track 3). A line longer than %SHOEBOX_COMPARE_MAX_ITEMS shows
 * the generations around @silhouette_id.
 */
void
shoebox_compare_page_compare_generations (ShoeboxComparePage *self,
                                          gint64              silhouette_id)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));

  _shoebox_compare_page_compare_generations (self, silhouette_id);
}
