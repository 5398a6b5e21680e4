/* shoebox-window.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-window"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-alert.h"
#include "shoebox-catalogue-window.h"
#include "shoebox-collection-page.h"
#include "shoebox-compare-page.h"
#include "shoebox-archive-dialogs.h"
#include "shoebox-csv-dialogs.h"
#include "shoebox-news-page.h"
#include "shoebox-pair-page.h"
#include "shoebox-compat.h"
#include "shoebox-statistics-window.h"
#include "shoebox-window.h"

struct _ShoeboxWindow
{
  AdwApplicationWindow   parent_instance;

  GSettings             *settings;
  ShoeboxCollection     *collection;
  ShoeboxPhotos         *photos;

  AdwViewStack          *pages;
  AdwToastOverlay       *toasts;
  GtkWidget             *navigation;   /* AdwNavigationView, or AdwLeaflet */
  ShoeboxCollectionPage *collection_page;
  AdwBin                *compare_bin;
  ShoeboxComparePage    *compare_page; /* built when first needed */
  AdwBin                *news_bin;
  ShoeboxNewsPage       *news_page;    /* built when first needed */
  ShoeboxNewsService    *news;
  ShoeboxBackupService  *backups;
  AdwHeaderBar          *header_bar;
  AdwViewSwitcherBar    *switcher_bar;
  GtkWidget             *add_pair_button;
  GtkMenuButton         *primary_menu_button;
  GMenuModel            *primary_menu;
  GtkRevealer           *selection_revealer;
  GtkLabel              *selection_count_label;

  gboolean               exporting;    /* a CSV export from here runs */
};

G_DEFINE_FINAL_TYPE (ShoeboxWindow, shoebox_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_COLLECTION,
  PROP_PHOTOS,
  PROP_NEWS,
  PROP_BACKUPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
on_collection_page (ShoeboxWindow *self)
{
  if (self->navigation != NULL && shoebox_compat_navigation_get_pushed (self->navigation) != NULL)
    return FALSE;
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->pages), "collection") == 0;
}

/* Every action's sensitivity, in one place. */
static void
update_actions (ShoeboxWindow *self)
{
  g_autoptr(GArray) selected = shoebox_collection_page_dup_selected_ids (self->collection_page);
  gboolean has_collection = self->collection != NULL;
  gboolean has_selection = has_collection && selected->len > 0 && on_collection_page (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-pair", has_collection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_collection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.worn-today", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-selected", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.statistics", has_collection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.catalogue", has_collection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv", has_collection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv",
                                 has_collection && !self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-collection", self->backups != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-collection", self->backups != NULL);

  gtk_widget_set_visible (self->add_pair_button, on_collection_page (self));
  gtk_revealer_set_reveal_child (self->selection_revealer, has_selection);
  if (has_selection)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Selected", "%u Selected",
                                                             selected->len),
                                                selected->len);

      gtk_label_set_text (self->selection_count_label, count);
    }
}

/* Back from a pair's page to the grid, which kept its scroll position
 * under it. */
static void
close_pair_page (ShoeboxWindow *self)
{
  shoebox_compat_navigation_pop (self->navigation);
  update_actions (self);
}

static ShoeboxComparePage *
ensure_compare_page (ShoeboxWindow *self)
{
  if (self->compare_page == NULL)
    {
      self->compare_page = g_object_new (SHOEBOX_TYPE_COMPARE_PAGE, NULL);
      shoebox_compare_page_set_photos (self->compare_page, self->photos);
      shoebox_compare_page_set_collection (self->compare_page, self->collection);
      adw_bin_set_child (self->compare_bin, GTK_WIDGET (self->compare_page));
    }

  return self->compare_page;
}

static ShoeboxNewsPage *
ensure_news_page (ShoeboxWindow *self)
{
  if (self->news_page == NULL)
    {
      self->news_page = g_object_new (SHOEBOX_TYPE_NEWS_PAGE, NULL);
      shoebox_news_page_set_service (self->news_page, self->news);
      adw_bin_set_child (self->news_bin, GTK_WIDGET (self->news_page));
    }

  return self->news_page;
}

/* The Compare and News pages are built when first shown: the first
 * frame waits for neither, nor for what they load.
 */
static void
page_shown_cb (ShoeboxWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->pages);

  if (g_strcmp0 (name, "compare") == 0)
    ensure_compare_page (self);
  else if (g_strcmp0 (name, "news") == 0)
    ensure_news_page (self);
  update_actions (self);
}

/* The News tab counts the unread stories, as mail apps do, page built or
 * not.
 */
static void
update_news_badge (ShoeboxWindow *self)
{
  ShoeboxNewsStore *store = self->news != NULL ? shoebox_news_service_get_store (self->news) : NULL;

  adw_view_stack_page_set_badge_number (adw_view_stack_get_page (self->pages, GTK_WIDGET (self->news_bin)),
                                        store != NULL ? shoebox_news_store_count_unread (store, 0) : 0);
}

/* A notification's story, or a pair's news asked for from its page. */
static void
show_news_item_cb (ShoeboxWindow *self,
                   gint64         item_id)
{
  close_pair_page (self);
  shoebox_news_page_show_item (ensure_news_page (self), item_id);
}

static void
show_pair_news_cb (ShoeboxWindow *self,
                   gint64         pair_id)
{
  close_pair_page (self);
  shoebox_news_page_show_pair (ensure_news_page (self), pair_id);
}

static void
pair_page_changed_cb (ShoeboxWindow *self)
{
  shoebox_collection_page_reload (self->collection_page);
}

/* A card or a list row activated: the pair's page, in the window. */
static void
pair_activated_cb (ShoeboxWindow *self,
                   gint64         pair_id)
{
  g_autofree char *title = NULL;
  GtkWidget *page;

  if (self->collection == NULL)
    return;

  page = shoebox_pair_page_new (self->collection, self->photos, self->news, pair_id);
  g_signal_connect_object (page, "closed", G_CALLBACK (close_pair_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "changed", G_CALLBACK (pair_page_changed_cb), self, G_CONNECT_SWAPPED);
  title = shoebox_pair_page_dup_title (SHOEBOX_PAIR_PAGE (page));
  shoebox_compat_navigation_push (self->navigation, page, title);
  update_actions (self);
}

/* Worn Today and Delete from a pair's page: as from the grid, with the
 * same toasts and Undo. */
static void
worn_today_pair_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  shoebox_collection_page_log_wear_ids (SHOEBOX_WINDOW (widget)->collection_page, &id, 1);
}

static void
delete_pair_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  shoebox_collection_page_delete_pairs (SHOEBOX_WINDOW (widget)->collection_page, &id, 1);
}

/* A story listed on a pair's page, opened as the News page opens it. */
static void
open_story_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (widget);

  close_pair_page (self);
  shoebox_news_page_open_item (ensure_news_page (self), g_variant_get_int64 (parameter));
}

static void
show_collection_page (ShoeboxWindow *self)
{
  close_pair_page (self);
  adw_view_stack_set_visible_child_name (self->pages, "collection");
}

static void
add_pair_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (widget);

  show_collection_page (self);
  shoebox_collection_page_add_pair (self->collection_page);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (widget);

  show_collection_page (self);
  shoebox_collection_page_focus_search (self->collection_page);
}

static void
worn_today_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  shoebox_collection_page_log_wear (SHOEBOX_WINDOW (widget)->collection_page);
}

/* "Compare Selected": the selected pairs, side by side on the Compare page. */
static void
compare_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (widget);
  g_autoptr(GArray) ids = shoebox_collection_page_dup_selected_ids (self->collection_page);

  shoebox_compare_page_set_pairs (ensure_compare_page (self), (const gint64 *) (gpointer) ids->data, ids->len);
  adw_view_stack_set_visible_child_name (self->pages, "compare");
}

/* "Compare Generations" and "Compare With…" from a silhouette's or a
 * pair's page (the Catalogue window): the Compare page, in front.
 */
static void
compare_from_page_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);

  close_pair_page (self);
  adw_view_stack_set_visible_child_name (self->pages, "compare");
  gtk_window_present (GTK_WINDOW (self));
  if (g_str_equal (action_name, "win.compare-generations"))
    shoebox_compare_page_compare_generations (ensure_compare_page (self), id);
  else if (g_str_equal (action_name, "win.compare-with-pair"))
    shoebox_compare_page_compare_with_pair (ensure_compare_page (self), id);
  else
    shoebox_compare_page_compare_with_silhouette (ensure_compare_page (self), id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  shoebox_collection_page_delete_selected (SHOEBOX_WINDOW (widget)->collection_page);
}

/* Alt+1, 2 and 3, as in GNOME's apps with view switchers. */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  close_pair_page (SHOEBOX_WINDOW (widget));
  adw_view_stack_set_visible_child_name (SHOEBOX_WINDOW (widget)->pages, g_variant_get_string (parameter, NULL));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  shoebox_collection_page_undo (SHOEBOX_WINDOW (widget)->collection_page);
}

static void
statistics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (widget);

  if (self->collection != NULL)
    shoebox_dialog_present (shoebox_statistics_window_new (self->collection), GTK_WIDGET (self));
}

/* A silhouette renamed or deleted, or a pair edited from the catalogue:
 * the Collection page shows the pairs again.
 */
static void
catalogue_changed_cb (ShoeboxWindow *self)
{
  shoebox_collection_page_reload (self->collection_page);
}

static void
catalogue_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (widget);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *catalogue;

  if (self->collection == NULL)
    return;

  /* One catalogue per window: asking again brings it back up. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (SHOEBOX_IS_CATALOGUE_WINDOW (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (self))
        {
          gtk_window_present (toplevel);
          return;
        }
    }

  catalogue = shoebox_catalogue_window_new (GTK_WINDOW (self), self->collection, self->photos);
  g_signal_connect_object (catalogue, "changed", G_CALLBACK (catalogue_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (catalogue);
}

static void
csv_imported_cb (gpointer user_data)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (user_data);

  shoebox_collection_page_reload (self->collection_page);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (widget);

  if (self->collection != NULL)
    shoebox_csv_dialogs_import (GTK_WINDOW (self), self->collection, self->toasts,
                                csv_imported_cb, self);
}

/* One export at a time from a window: its Export item is insensitive
 * meanwhile.
 */
static void
csv_exporting_cb (gboolean exporting,
                  gpointer user_data)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (user_data);

  self->exporting = exporting;
  update_actions (self);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (widget);

  if (self->collection != NULL)
    shoebox_csv_dialogs_export (GTK_WINDOW (self), self->collection, self->toasts, csv_exporting_cb, self);
}

static void
export_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (widget);

  if (self->backups != NULL)
    shoebox_archive_dialogs_export (GTK_WINDOW (self), self->backups, GTK_WIDGET (self->toasts));
}

static void
import_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (widget);

  if (self->backups != NULL)
    shoebox_archive_dialogs_import (GTK_WINDOW (self), self->backups, GTK_WIDGET (self->toasts));
}

static void
restore_window_state (ShoeboxWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* The default size, not the allocation: it is the unmaximized size, so a
 * window closed while maximized comes back maximized over the size the
 * user last chose by hand.
 */
static void
save_window_state (ShoeboxWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
shoebox_window_close_request (GtkWindow *window)
{
  save_window_state (SHOEBOX_WINDOW (window));

  return GTK_WINDOW_CLASS (shoebox_window_parent_class)->close_request (window);
}

static void
shoebox_window_dispose (GObject *object)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (object);

  shoebox_window_set_news (self, NULL);
  shoebox_window_set_backups (self, NULL);
  g_clear_object (&self->settings);
  g_clear_object (&self->collection);
  g_clear_object (&self->photos);

  G_OBJECT_CLASS (shoebox_window_parent_class)->dispose (object);
}

/* The selection bar's buttons, each an icon and a label. */
static const char * const selection_button_parts[][2] = {
  { "worn_icon", "worn_label" },
  { "compare_selected_icon", "compare_selected_label" },
  { "delete_icon", "delete_label" },
};

static void
shoebox_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (object);

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

    case PROP_BACKUPS:
      g_value_set_object (value, self->backups);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      shoebox_window_set_collection (self, g_value_get_object (value));
      break;

    case PROP_PHOTOS:
      shoebox_window_set_photos (self, g_value_get_object (value));
      break;

    case PROP_NEWS:
      shoebox_window_set_news (self, g_value_get_object (value));
      break;

    case PROP_BACKUPS:
      shoebox_window_set_backups (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* In a narrow window (the page switcher moved to the bottom), "2 Selected"
 * and three labelled buttons need more than 360 px: the buttons show
 * their icons instead, keeping their names and tooltips.
 */
static void
update_selection_bar (ShoeboxWindow *self)
{
  gboolean narrow = adw_view_switcher_bar_get_reveal (self->switcher_bar);

  for (guint i = 0; i < G_N_ELEMENTS (selection_button_parts); i++)
    {
      GObject *icon = gtk_widget_get_template_child (GTK_WIDGET (self), SHOEBOX_TYPE_WINDOW,
                                                     selection_button_parts[i][0]);
      GObject *label = gtk_widget_get_template_child (GTK_WIDGET (self), SHOEBOX_TYPE_WINDOW,
                                                      selection_button_parts[i][1]);

      gtk_widget_set_visible (GTK_WIDGET (icon), narrow);
      gtk_widget_set_visible (GTK_WIDGET (label), !narrow);
    }
}

static void
shoebox_window_class_init (ShoeboxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = shoebox_window_dispose;
  object_class->get_property = shoebox_window_get_property;
  object_class->set_property = shoebox_window_set_property;

  /**
   * ShoeboxWindow:collection:
   *
   * The collection shown, or %NULL when the database could not be opened.
   */
  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL,
                         SHOEBOX_TYPE_COLLECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxWindow:photos:
   *
   * Where photo files are kept, or %NULL.
   */
  properties[PROP_PHOTOS] =
    g_param_spec_object ("photos", NULL, NULL,
                         SHOEBOX_TYPE_PHOTOS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxWindow:news:
   *
   * The news, or %NULL when the database could not be opened.
   */
  properties[PROP_NEWS] =
    g_param_spec_object ("news", NULL, NULL,
                         SHOEBOX_TYPE_NEWS_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxWindow:backups:
   *
   * The backups, through which the collection is exported, imported and
   * restored, or %NULL.
   */
  properties[PROP_BACKUPS] =
    g_param_spec_object ("backups", NULL, NULL,
                         SHOEBOX_TYPE_BACKUP_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = shoebox_window_close_request;

  g_type_ensure (SHOEBOX_TYPE_COLLECTION_PAGE);
  g_type_ensure (SHOEBOX_TYPE_COMPARE_PAGE);
  g_type_ensure (SHOEBOX_TYPE_NEWS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, navigation);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, collection_page);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, compare_bin);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, news_bin);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, add_pair_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, selection_count_label);
  for (guint i = 0; i < G_N_ELEMENTS (selection_button_parts); i++)
    for (guint j = 0; j < 2; j++)
      gtk_widget_class_bind_template_child_full (widget_class, selection_button_parts[i][j], FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);
  gtk_widget_class_bind_template_callback (widget_class, page_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, pair_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_selection_bar);

  gtk_widget_class_install_action (widget_class, "win.add-pair", NULL, add_pair_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.worn-today", NULL, worn_today_action);
  gtk_widget_class_install_action (widget_class, "win.compare-selected", NULL, compare_selected_action);
  gtk_widget_class_install_action (widget_class, "win.compare-generations", "x", compare_from_page_action);
  gtk_widget_class_install_action (widget_class, "win.compare-with-pair", "x", compare_from_page_action);
  gtk_widget_class_install_action (widget_class, "win.compare-with-silhouette", "x", compare_from_page_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.worn-today-pair", "x", worn_today_pair_action);
  gtk_widget_class_install_action (widget_class, "win.delete-pair", "x", delete_pair_action);
  gtk_widget_class_install_action (widget_class, "win.open-story", "x", open_story_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.statistics", NULL, statistics_action);
  gtk_widget_class_install_action (widget_class, "win.catalogue", NULL, catalogue_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-collection", NULL, export_collection_action);
  gtk_widget_class_install_action (widget_class, "win.import-collection", NULL, import_collection_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);

  /* Bubble phase: a focused text field keeps Delete and Ctrl+Z for itself. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-pair", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.worn-today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.catalogue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.statistics", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.compare-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "collection");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "compare");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "news");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, GDK_ALT_MASK, "win.show-page", "s", "collection");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_2, GDK_ALT_MASK, "win.show-page", "s", "compare");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_3, GDK_ALT_MASK, "win.show-page", "s", "news");
}


/* The main menu's popover, built the first time it opens, by a click or
 * F10: with its nine items, it was 5 ms of every launch before the first
 * frame.
 */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (user_data);

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
shoebox_window_init (ShoeboxWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu_cb, self, NULL);
  update_selection_bar (self);

  self->settings = g_settings_new (APPLICATION_ID);
  restore_window_state (self);
  update_actions (self);
}

ShoeboxWindow *
shoebox_window_new (AdwApplication *application)
{
  return g_object_new (SHOEBOX_TYPE_WINDOW, "application", application, NULL);
}

/**
 * shoebox_window_set_collection:
 * @self: a #ShoeboxWindow
 * @collection: (nullable): the collection, or %NULL when the database
 *   could not be opened
 */
void
shoebox_window_set_collection (ShoeboxWindow     *self,
                               ShoeboxCollection *collection)
{
  gboolean changed;

  g_return_if_fail (SHOEBOX_IS_WINDOW (self));
  g_return_if_fail (collection == NULL || SHOEBOX_IS_COLLECTION (collection));

  changed = g_set_object (&self->collection, collection);

  shoebox_collection_page_set_collection (self->collection_page, collection);
  if (self->compare_page != NULL)
    shoebox_compare_page_set_collection (self->compare_page, collection);
  update_actions (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLECTION]);
}

/**
 * shoebox_window_set_photos:
 * @self: a #ShoeboxWindow
 * @photos: (nullable): where photo files are kept
 */
void
shoebox_window_set_photos (ShoeboxWindow *self,
                           ShoeboxPhotos *photos)
{
  gboolean changed;

  g_return_if_fail (SHOEBOX_IS_WINDOW (self));
  g_return_if_fail (photos == NULL || SHOEBOX_IS_PHOTOS (photos));

  changed = g_set_object (&self->photos, photos);

  shoebox_collection_page_set_photos (self->collection_page, photos);
  if (self->compare_page != NULL)
    shoebox_compare_page_set_photos (self->compare_page, photos);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTOS]);
}

/**
 * shoebox_window_set_news:
 * @self: a #ShoeboxWindow
 * @news: (nullable): the news, or %NULL when the database could not be
 *   opened
 */
void
shoebox_window_set_news (ShoeboxWindow      *self,
                         ShoeboxNewsService *news)
{
  g_return_if_fail (SHOEBOX_IS_WINDOW (self));
  g_return_if_fail (news == NULL || SHOEBOX_IS_NEWS_SERVICE (news));

  if (self->news == news)
    return;

  if (self->news != NULL)
    {
      g_signal_handlers_disconnect_by_data (shoebox_news_service_get_store (self->news), self);
      g_signal_handlers_disconnect_by_data (self->news, self);
    }
  g_set_object (&self->news, news);
  if (news != NULL)
    {
      g_signal_connect_object (shoebox_news_service_get_store (news), "items-changed",
                               G_CALLBACK (update_news_badge), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (news, "show-item", G_CALLBACK (show_news_item_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (news, "show-pair", G_CALLBACK (show_pair_news_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->news_page != NULL)
    shoebox_news_page_set_service (self->news_page, news);
  if (self->pages != NULL)
    update_news_badge (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWS]);
}

/**
 * shoebox_window_get_collection_page:
 * @self: a #ShoeboxWindow
 *
 * Returns: (transfer none): the Collection page
 */
ShoeboxCollectionPage *
shoebox_window_get_collection_page (ShoeboxWindow *self)
{
  g_return_val_if_fail (SHOEBOX_IS_WINDOW (self), NULL);

  return self->collection_page;
}

/**
 * shoebox_window_get_compare_page:
 * @self: a #ShoeboxWindow
 *
 * Returns: (transfer none): the Compare page, built now if it was not yet
 */
ShoeboxComparePage *
shoebox_window_get_compare_page (ShoeboxWindow *self)
{
  g_return_val_if_fail (SHOEBOX_IS_WINDOW (self), NULL);

  return ensure_compare_page (self);
}

/**
 * shoebox_window_get_news_page:
 * @self: a #ShoeboxWindow
 *
 * Returns: (transfer none): the News page, built now if it was not yet
 */
ShoeboxNewsPage *
shoebox_window_get_news_page (ShoeboxWindow *self)
{
  g_return_val_if_fail (SHOEBOX_IS_WINDOW (self), NULL);

  return ensure_news_page (self);
}

/**
 * shoebox_window_show_database_error:
 * @self: a #ShoeboxWindow
 * @error: why the database could not be opened
 *
 * Tells the user, in a dialog over the window, that their collection could
 * not be opened and why. The message names the file; the file itself has
 * been left alone. The Collection page keeps saying so once the dialog is
 * closed, rather than pretending the collection is empty.
 */
void
shoebox_window_show_database_error (ShoeboxWindow *self,
                                    const GError  *error)
{
  ShoeboxAlert *dialog;

  g_return_if_fail (SHOEBOX_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  shoebox_window_set_collection (self, NULL);

  dialog = shoebox_alert_new (_("Your Collection Could Not Be Opened"), error->message);
  /* Enter and Escape both answer "close". */
  shoebox_alert_add_response (dialog, "close", _("Close"), ADW_RESPONSE_DEFAULT);
  shoebox_alert_set_default_response (dialog, "close");
  shoebox_alert_set_close_response (dialog, "close");
  shoebox_alert_present (dialog, GTK_WIDGET (self));
}

static void
collection_replaced_cb (ShoeboxWindow *self)
{
  shoebox_collection_page_reload (self->collection_page);
}

/* Shown once per failure: the service retries a day later without a word. */
static void
backup_failed_cb (ShoeboxWindow *self,
                  const char    *message)
{
  g_autofree char *text = g_strdup_printf (_("The automatic backup failed: %s"), message);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/**
 * shoebox_window_set_backups:
 * @self: a #ShoeboxWindow
 * @backups: (nullable): the backups, or %NULL when the database could not
 *   be opened
 *
 * Export Collection… and Import Collection… work through @backups; a
 * restore or a merge reloads the collection, and a failed automatic
 * backup shows a toast.
 */
void
shoebox_window_set_backups (ShoeboxWindow        *self,
                            ShoeboxBackupService *backups)
{
  g_return_if_fail (SHOEBOX_IS_WINDOW (self));
  g_return_if_fail (backups == NULL || SHOEBOX_IS_BACKUP_SERVICE (backups));

  if (self->backups == backups)
    return;

  if (self->backups != NULL)
    g_signal_handlers_disconnect_by_data (self->backups, self);
  g_set_object (&self->backups, backups);
  if (backups != NULL)
    {
      g_signal_connect_object (backups, "replaced", G_CALLBACK (collection_replaced_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (backups, "failed", G_CALLBACK (backup_failed_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->pages != NULL)
    update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKUPS]);
}
