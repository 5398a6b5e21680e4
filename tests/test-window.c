/* test-window.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "shoebox-alert.h"
#include "shoebox-database.h"
#include "shoebox-file-dialog.h"
#include "shoebox-preferences-window.h"
#include "shoebox-test-gtk.h"
#include "shoebox-window.h"

static AdwViewStack *
get_pages (ShoeboxWindow *window)
{
  return ADW_VIEW_STACK (shoebox_test_template_child (window, SHOEBOX_TYPE_WINDOW, "pages"));
}

static void
destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

static void
test_window_has_three_pages (void)
{
  static const struct
  {
    const char *name;
    const char *title;
  } expected[] = {
    { "collection", "Collection" },
    { "compare", "Compare" },
    { "news", "News" },
  };
  ShoeboxWindow *window = shoebox_window_new (NULL);
  AdwViewStack *pages = get_pages (window);
  g_autoptr(GtkSelectionModel) model = adw_view_stack_get_pages (pages);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, expected[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected[i].title);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
    }

  gtk_window_present (GTK_WINDOW (window));
  shoebox_test_wait_until (shoebox_test_is_mapped, window);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "collection");

  /* Switching through the model, as the switcher's buttons do. */
  gtk_selection_model_select_item (model, 2, TRUE);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "news");
  gtk_selection_model_select_item (model, 1, TRUE);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "compare");

  destroy_window (GTK_WINDOW (window));
}

static gboolean
switcher_bar_revealed (gpointer data)
{
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (shoebox_test_template_child (data, SHOEBOX_TYPE_WINDOW, "switcher_bar"));

  return adw_view_switcher_bar_get_reveal (bar);
}

static gboolean
switcher_bar_hidden (gpointer data)
{
  return !switcher_bar_revealed (data);
}

/* The page switcher shows in the header bar, not its plain title. */
static gboolean
header_shows_switcher (gpointer data)
{
  AdwHeaderBar *header = ADW_HEADER_BAR (shoebox_test_template_child (data, SHOEBOX_TYPE_WINDOW, "header_bar"));
  GtkWidget *title = adw_header_bar_get_title_widget (header);

#if ADW_CHECK_VERSION (1, 4, 0)
  /* The breakpoint takes the switcher out of the header when narrow, and
   * the header shows the window's title instead.
   */
  return ADW_IS_VIEW_SWITCHER (title) && gtk_widget_get_mapped (title);
#else
  /* AdwViewSwitcherTitle shows its title when the switcher does not fit. */
  return ADW_IS_VIEW_SWITCHER_TITLE (title)
         && !adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title));
#endif
}

static gboolean
header_shows_title (gpointer data)
{
  return !header_shows_switcher (data);
}

/* The selection bar's buttons show their labels, or in a narrow window
 * their icons, which is all that fits beside "2 Selected" at 360 px.
 */
static void
assert_selection_buttons (ShoeboxWindow *window,
                          gboolean       as_icons)
{
  static const char * const prefixes[] = { "worn", "compare_selected", "delete" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *icon_id = g_strconcat (prefixes[i], "_icon", NULL);
      g_autofree char *label_id = g_strconcat (prefixes[i], "_label", NULL);
      GObject *icon = gtk_widget_get_template_child (GTK_WIDGET (window), SHOEBOX_TYPE_WINDOW, icon_id);
      GObject *label = gtk_widget_get_template_child (GTK_WIDGET (window), SHOEBOX_TYPE_WINDOW, label_id);

      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (icon)), ==, as_icons);
      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (label)), ==, !as_icons);
    }
}

/* Wide, the page switcher sits in the header bar; at a phone's 360 px it
 * moves to a bar at the bottom, so no page is out of reach, and back.
 */
static void
test_window_adapts_to_narrow_width (void)
{
  ShoeboxWindow *window = shoebox_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 700);
  gtk_window_present (GTK_WINDOW (window));
  shoebox_test_wait_until (shoebox_test_is_mapped, window);
  shoebox_test_wait_until (switcher_bar_hidden, window);
  shoebox_test_wait_until (header_shows_switcher, window);
  assert_selection_buttons (window, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  shoebox_test_wait_until (switcher_bar_revealed, window);
  shoebox_test_wait_until (header_shows_title, window);
  assert_selection_buttons (window, TRUE);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 700);
  shoebox_test_wait_until (switcher_bar_hidden, window);
  shoebox_test_wait_until (header_shows_switcher, window);
  assert_selection_buttons (window, FALSE);

  destroy_window (GTK_WINDOW (window));
}

static void
test_window_restores_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  ShoeboxWindow *window;
  int width = 0;
  int height = 0;

  g_settings_set_int (settings, "window-width", 777);
  g_settings_set_int (settings, "window-height", 555);

  window = shoebox_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);

  destroy_window (GTK_WINDOW (window));
}

static void
test_window_saves_size_on_close (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  ShoeboxWindow *window = shoebox_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  shoebox_test_wait_until (shoebox_test_is_mapped, window);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);

  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_database_error_dialog (void)
{
  ShoeboxWindow *window = shoebox_window_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkStack *view_stack;
  ShoeboxAlert *dialog;

  g_set_error (&error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CORRUPT,
               "“/tmp/x/shoebox.db” is damaged or is not a Shoebox database");

  gtk_window_present (GTK_WINDOW (window));
  shoebox_window_show_database_error (window, error);

  dialog = shoebox_test_find_alert ();
  g_assert_nonnull (dialog);
  /* Over the main window: its own window's parent on libadwaita 1.2,
   * inside it from 1.5 on.
   */
#if ADW_CHECK_VERSION (1, 5, 0)
  g_assert_true (gtk_widget_get_root (GTK_WIDGET (dialog)) == GTK_ROOT (window));
#else
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
#endif
  g_assert_cmpstr (shoebox_alert_get_body (dialog), ==, error->message);
  g_assert_cmpstr (shoebox_alert_get_heading (dialog), ==, "Your Collection Could Not Be Opened");

  g_assert_cmpstr (shoebox_alert_get_close_response (dialog), ==, "close");
  g_assert_cmpstr (shoebox_alert_get_default_response (dialog), ==, "close");

  shoebox_alert_respond (dialog, "close");
  g_assert_null (shoebox_test_find_alert ());

  /* The page says so too, instead of "No Pairs Yet". */
  view_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (shoebox_window_get_collection_page (window)),
                                                         SHOEBOX_TYPE_COLLECTION_PAGE, "view_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "unavailable");

  destroy_window (GTK_WINDOW (window));
}

static void
test_preferences_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *preferences = shoebox_preferences_window_new ("/home/me/.local/share/shoebox/shoebox.db");
  AdwActionRow *database_row;
  GtkSpinButton *spin;

  shoebox_dialog_present (preferences, NULL);

  database_row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                SHOEBOX_TYPE_PREFERENCES_WINDOW,
                                                                "database_row"));
  g_assert_cmpstr (adw_action_row_get_subtitle (database_row), ==, "/home/me/.local/share/shoebox/shoebox.db");

  spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                         SHOEBOX_TYPE_PREFERENCES_WINDOW,
                                                         "refresh_interval_spin"));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 60);
  gtk_spin_button_set_value (spin, 90);
  g_assert_cmpuint (g_settings_get_uint (settings, "news-refresh-interval"), ==, 90);

  /* Out of the key's range: the spin button keeps it within. */
  gtk_spin_button_set_value (spin, 5);
  g_assert_cmpuint (g_settings_get_uint (settings, "news-refresh-interval"), ==, 15);

  shoebox_test_close_dialog (preferences);
}

static GtkWindow *
find_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)) && g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return window;
    }
  return NULL;
}

static gboolean
add_photos_shown (gpointer data)
{
  return find_titled ("Add Photos") != NULL;
}

static gboolean
add_photos_gone (gpointer data)
{
  return find_titled ("Add Photos") == NULL;
}

/* The file chooser, GtkFileDialog from GTK 4.10 on, keeps its title (the
 * end-to-end tests find it by it), and the caller's cancellable closes
 * it: the answer is G_IO_ERROR_CANCELLED, never a file.
 */
static void
test_file_dialog_cancel (void)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  gtk_file_filter_add_suffix (filter, "png");
  gtk_window_present (GTK_WINDOW (window));
  shoebox_file_dialog_open (window, "Add Photos", "_Add", filter, TRUE, cancellable,
                            shoebox_test_store_result_cb, &result);
  shoebox_test_wait_until (add_photos_shown, NULL);
  shoebox_test_settle ();

  g_cancellable_cancel (cancellable);
  shoebox_test_wait_for_result (&result);
  files = shoebox_file_dialog_open_finish (result, &error);
  g_assert_null (files);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  shoebox_test_wait_until (add_photos_gone, NULL);

  destroy_window (GTK_WINDOW (window));
}

/* The keyboard shortcuts are the version's own widget: GtkShortcutsWindow
 * below libadwaita 1.8, AdwShortcutsDialog from 1.8 (GTK 4.18 deprecates
 * the window); both list the same shortcuts. Never at gtk/help-overlay.ui,
 * where GtkApplicationWindow would build it for every window as it is
 * made, before its first frame.
 */
static void
test_help_overlay_loads (void)
{
#if ADW_CHECK_VERSION (1, 8, 0)
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/shortcuts-dialog.ui");
  GObject *dialog = gtk_builder_get_object (builder, "shortcuts_dialog");

  g_assert_true (ADW_IS_SHORTCUTS_DIALOG (dialog));
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (dialog)), ==, "Keyboard Shortcuts");
  g_assert_false (g_resources_get_info (RESOURCE_PREFIX "/gtk/help-overlay.ui", 0, NULL, NULL, NULL));
#else
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_false (g_resources_get_info (RESOURCE_PREFIX "/gtk/help-overlay.ui", 0, NULL, NULL, NULL));
  /* Built apart from any window, the overlay cannot look up an action's
   * keys: each shortcut names its own.
   */
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &title, "accelerator", &accelerator, NULL);
      g_test_message ("%s: %s", title, accelerator);
      g_assert_nonnull (accelerator);
      g_assert_cmpstr (accelerator, !=, "");
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
#endif
}

int
main (int   argc,
      char *argv[])
{
  shoebox_test_gtk_init (&argc, &argv);

  g_test_add_func ("/window/pages", test_window_has_three_pages);
  g_test_add_func ("/window/narrow", test_window_adapts_to_narrow_width);
  g_test_add_func ("/window/restores-size", test_window_restores_size);
  g_test_add_func ("/window/saves-size-on-close", test_window_saves_size_on_close);
  g_test_add_func ("/window/database-error-dialog", test_window_database_error_dialog);
  g_test_add_func ("/preferences/settings", test_preferences_window);
  g_test_add_func ("/file-dialog/cancel", test_file_dialog_cancel);
  g_test_add_func ("/help-overlay/loads", test_help_overlay_loads);

  return g_test_run ();
}
