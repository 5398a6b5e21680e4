/* shoebox-pair-editor-suggestions.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-pair-editor-private.h"

/* The pair editor's silhouette field suggests the catalogue's silhouettes
 * whose "name — brand" contains what was typed; picking one fills the
 * brand too. GTK 4.10 deprecates GtkEntryCompletion: there, a popover
 * under the field lists the suggestions (Up and Down move, Enter picks,
 * Escape closes just the list, not the editor); GTK 4.8 keeps the
 * completion, whose Escape closes its list and then goes on to close
 * the editor too unless a suggestion was highlighted: there the editor
 * ignores an Escape that came while the list was open.
 */

static char *
dup_label (ShoeboxSilhouette *silhouette)
{
  /* Translators: a suggestion in the pair editor: "Track 2.0 — Balenciaga" */
  return g_strdup_printf (_("%s — %s"), shoebox_silhouette_get_name (silhouette),
                          shoebox_silhouette_get_brand_name (silhouette));
}

static void
pick (ShoeboxPairEditor *self,
      const char        *name,
      const char        *brand)
{
  self->picking_silhouette = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->silhouette_entry), name);
  gtk_editable_set_position (GTK_EDITABLE (self->silhouette_entry), -1);
  self->picking_silhouette = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->brand_row), brand);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  ShoeboxPairEditor *self = user_data;
  g_autofree char *label = dup_label (item);
  g_autofree char *folded_label = g_utf8_casefold (label, -1);
  g_autofree char *folded_key = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->silhouette_entry)), -1);

  return *folded_key != '\0' && strstr (folded_label, folded_key) != NULL;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  g_autofree char *label = dup_label (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), label);
}

static void
pick_position (ShoeboxPairEditor *self,
               guint              position)
{
  g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (G_LIST_MODEL (self->suggestions), position);

  if (silhouette == NULL)
    return;
  gtk_popover_popdown (self->suggestions_popover);
  pick (self, shoebox_silhouette_get_name (silhouette), shoebox_silhouette_get_brand_name (silhouette));
}

static void
row_activated_cb (ShoeboxPairEditor *self,
                  guint              position)
{
  pick_position (self, position);
}

/* Typing in the field, not filling it from a pair or a pick. */
static gboolean
typing (ShoeboxPairEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->silhouette_entry));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return !self->picking_silhouette && gtk_widget_get_mapped (GTK_WIDGET (self->silhouette_entry))
         && focus != NULL
         && (focus == GTK_WIDGET (self->silhouette_entry)
             || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->silhouette_entry)));
}

static void
entry_changed_cb (ShoeboxPairEditor *self)
{
  gtk_filter_changed (GTK_FILTER (self->suggestion_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_single_selection_set_selected (self->suggestions, GTK_INVALID_LIST_POSITION);

  if (typing (self) && g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)) > 0)
    {
      /* As wide as the field, as a completion's list is: on a phone a
       * wider one would run off the window.
       */
      gtk_widget_set_size_request (gtk_popover_get_child (self->suggestions_popover),
                                   gtk_widget_get_width (GTK_WIDGET (self->silhouette_entry)), -1);
      gtk_popover_popup (self->suggestions_popover);
      /* The field does not know its popover, so it never sizes it again:
       * as the list grows or shrinks, the popover follows here.
       */
      gtk_popover_present (self->suggestions_popover);
    }
  else
    gtk_popover_popdown (self->suggestions_popover);
}

static void
move_selection (ShoeboxPairEditor *self,
                int                step)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->suggestions));
  guint selected = gtk_single_selection_get_selected (self->suggestions);
  guint next;

  if (n == 0)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    next = step > 0 ? 0 : n - 1;
  else
    next = (selected + n + step) % n;
  gtk_single_selection_set_selected (self->suggestions, next);
  gtk_widget_activate_action (GTK_WIDGET (self->suggestions_list), "list.scroll-to-item", "u", next);
}

/* The field keeps the focus while the list is open: the keys that work
 * the list are taken here, before the field or the editor sees them.
 */
static gboolean
key_pressed_cb (ShoeboxPairEditor *self,
                guint              keyval,
                guint              keycode,
                GdkModifierType    state)
{
  guint selected;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->suggestions_popover)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      selected = gtk_single_selection_get_selected (self->suggestions);
      if (selected == GTK_INVALID_LIST_POSITION)
        return GDK_EVENT_PROPAGATE;
      pick_position (self, selected);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      /* Closes the list only: the editor and its typing stay. */
      gtk_popover_popdown (self->suggestions_popover);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

void
_shoebox_pair_editor_set_up_suggestions (ShoeboxPairEditor *self)
{
  g_autoptr(GListModel) silhouettes = shoebox_collection_list_silhouettes (self->collection, NULL);
  g_autoptr(GListStore) empty = NULL;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkEventController *keys;
  GtkWidget *scrolled;

  if (silhouettes == NULL)
    silhouettes = G_LIST_MODEL (g_list_store_new (SHOEBOX_TYPE_SILHOUETTE));

  self->suggestion_filter = gtk_custom_filter_new (matches, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (silhouettes),
                                        GTK_FILTER (g_object_ref (self->suggestion_filter)));
  self->suggestions = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->suggestions, FALSE);
  gtk_single_selection_set_can_unselect (self->suggestions, TRUE);
  gtk_single_selection_set_selected (self->suggestions, GTK_INVALID_LIST_POSITION);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  self->suggestions_list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->suggestions)),
                                                             factory));
  gtk_list_view_set_single_click_activate (self->suggestions_list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->suggestions_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestions_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Silhouette Suggestions"), -1);
  g_signal_connect_object (self->suggestions_list, "activate", G_CALLBACK (row_activated_cb),
                           self, G_CONNECT_SWAPPED);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->suggestions_list));

  /* Not autohiding, and never focused: typing goes on in the field. */
  self->suggestions_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_autohide (self->suggestions_popover, FALSE);
  gtk_popover_set_has_arrow (self->suggestions_popover, FALSE);
  gtk_popover_set_position (self->suggestions_popover, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->suggestions_popover), GTK_ALIGN_START);
  gtk_widget_set_can_focus (GTK_WIDGET (self->suggestions_list), FALSE);
  gtk_popover_set_child (self->suggestions_popover, scrolled);
  gtk_widget_set_parent (GTK_WIDGET (self->suggestions_popover), GTK_WIDGET (self->silhouette_entry));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->silhouette_entry),
                                  GTK_ACCESSIBLE_PROPERTY_AUTOCOMPLETE, GTK_ACCESSIBLE_AUTOCOMPLETE_LIST, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->silhouette_entry),
                                  GTK_ACCESSIBLE_RELATION_CONTROLS, self->suggestions_list, NULL, -1);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "silhouette-suggestions");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->silhouette_entry), keys);
  g_signal_connect_object (self->silhouette_entry, "changed", G_CALLBACK (entry_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_shoebox_pair_editor_clear_suggestions (ShoeboxPairEditor *self)
{
  if (self->suggestions_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->suggestions_popover));
  self->suggestions_popover = NULL;
  self->suggestions_list = NULL;
  g_clear_object (&self->suggestions);
  g_clear_object (&self->suggestion_filter);
}

#else /* GTK 4.8 */

enum {
  COLUMN_NAME,
  COLUMN_BRAND,
  COLUMN_LABEL,
};

static gboolean
match_silhouette (GtkEntryCompletion *completion,
                  const char         *key,
                  GtkTreeIter        *iter,
                  gpointer            user_data)
{
  ShoeboxPairEditor *self = user_data;
  g_autofree char *label = NULL;
  g_autofree char *folded_label = NULL;
  g_autofree char *folded_key = NULL;

  gtk_tree_model_get (GTK_TREE_MODEL (self->silhouettes), iter, COLUMN_LABEL, &label, -1);
  folded_label = g_utf8_casefold (label, -1);
  folded_key = g_utf8_casefold (key, -1);
  return strstr (folded_label, folded_key) != NULL;
}

static gboolean
silhouette_selected_cb (ShoeboxPairEditor *self,
                        GtkTreeModel      *model,
                        GtkTreeIter       *iter)
{
  g_autofree char *name = NULL;
  g_autofree char *brand = NULL;

  gtk_tree_model_get (model, iter, COLUMN_NAME, &name, COLUMN_BRAND, &brand, -1);
  pick (self, name, brand);
  return TRUE;
}

/* GTK 4.8's completion shows its list in a popover it parents to the
 * field.
 */
static GtkPopover *
completion_popover (ShoeboxPairEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->silhouette_entry));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return GTK_POPOVER (child);
  return NULL;
}

static gboolean
end_popup_escape_cb (gpointer user_data)
{
  ShoeboxPairEditor *self = user_data;

  self->escape_for_popup = FALSE;
  return G_SOURCE_REMOVE;
}

/* The completion closes its own list, which keeps its state right, but
 * then lets Escape go on to the editor: the editor is told that this
 * Escape was the list's, for as long as the key is being handled.
 */
static gboolean
key_pressed_cb (ShoeboxPairEditor *self,
                guint              keyval,
                guint              keycode,
                GdkModifierType    state)
{
  GtkPopover *popover = completion_popover (self);

  if (keyval == GDK_KEY_Escape && popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover))
      && !self->escape_for_popup)
    {
      self->escape_for_popup = TRUE;
      g_idle_add_full (G_PRIORITY_HIGH, end_popup_escape_cb, g_object_ref (self), g_object_unref);
    }
  return GDK_EVENT_PROPAGATE;
}

void
_shoebox_pair_editor_set_up_suggestions (ShoeboxPairEditor *self)
{
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr(GListModel) silhouettes = shoebox_collection_list_silhouettes (self->collection, NULL);

  self->silhouettes = gtk_list_store_new (3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  for (guint i = 0; silhouettes != NULL && i < g_list_model_get_n_items (silhouettes); i++)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (silhouettes, i);
      g_autofree char *label = dup_label (silhouette);

      gtk_list_store_insert_with_values (self->silhouettes, NULL, -1,
                                         COLUMN_NAME, shoebox_silhouette_get_name (silhouette),
                                         COLUMN_BRAND, shoebox_silhouette_get_brand_name (silhouette),
                                         COLUMN_LABEL, label,
                                         -1);
    }

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->silhouettes));
  gtk_entry_completion_set_text_column (completion, COLUMN_LABEL);
  gtk_entry_completion_set_match_func (completion, match_silhouette, self, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  g_signal_connect_object (completion, "match-selected", G_CALLBACK (silhouette_selected_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_entry_set_completion (self->silhouette_entry, completion);

  /* Capture phase on the field: before the completion's own handler. */
  gtk_event_controller_set_name (keys, "silhouette-suggestions");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->silhouette_entry), keys);
}

void
_shoebox_pair_editor_clear_suggestions (ShoeboxPairEditor *self)
{
  g_clear_object (&self->silhouettes);
}

#endif
