/* shoebox-compat.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-compat"

#include "config.h"

#include "shoebox-compat.h"

/* The one place where newer GTK API is used behind a version check, with
 * what Debian 12's GTK 4.8 offers instead.
 */

#if !GTK_CHECK_VERSION (4, 10, 0)
static GtkColumnViewColumn *probed_column;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  probed_column = user_data;
  return GTK_ORDERING_SMALLER;
}
#endif

/**
 * shoebox_compat_column_view_sorter_new:
 * @column: the column it sorts
 *
 * Returns: (transfer full): a sorter to give @column, so that
 *   shoebox_compat_column_view_get_sort() can tell when the user sorts by
 *   it. The column view's model is never sorted by it: the database sorts.
 */
GtkSorter *
shoebox_compat_column_view_sorter_new (GtkColumnViewColumn *column)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  return GTK_SORTER (gtk_custom_sorter_new (NULL, NULL, NULL));
#else
  return GTK_SORTER (gtk_custom_sorter_new (probe_compare, column, NULL));
#endif
}

/**
 * shoebox_compat_column_view_get_sort:
 * @view: a column view whose columns have sorters from
 *   shoebox_compat_column_view_sorter_new()
 * @descending: (out): whether the order is reversed
 *
 * Returns: (transfer none) (nullable): the column the user sorted by
 */
GtkColumnViewColumn *
shoebox_compat_column_view_get_sort (GtkColumnView *view,
                                     gboolean      *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (view);

#if GTK_CHECK_VERSION (4, 10, 0)
  *descending = gtk_column_view_sorter_get_primary_sort_order (GTK_COLUMN_VIEW_SORTER (sorter)) == GTK_SORT_DESCENDING;
  return gtk_column_view_sorter_get_primary_sort_column (GTK_COLUMN_VIEW_SORTER (sorter));
#else
  /* GTK 4.8 has no getter for the primary column: compare two objects,
   * and see which column's sorter the view asks first, and which way it
   * turns that column's answer. Two, because gtk_sorter_compare() calls
   * an item equal to itself without asking any sorter.
   */
  g_autoptr(GObject) first = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) second = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering ordering;

  probed_column = NULL;
  ordering = gtk_sorter_compare (sorter, first, second);
  *descending = ordering == GTK_ORDERING_LARGER;
  return probed_column;
#endif
}

/**
 * shoebox_compat_open_uri:
 * @parent: (nullable): the window the request comes from
 * @uri: the address to open
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the browser was asked, or could not be
 * @user_data: data for @callback
 *
 * Opens @uri in the default browser: through the OpenURI portal in a
 * sandbox, else through the desktop's default handler.
 */
void
shoebox_compat_open_uri (GtkWindow           *parent,
                         const char          *uri,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
  gtk_uri_launcher_launch (launcher, parent, cancellable, callback, user_data);
#else
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, cancellable, callback, user_data);
#endif
}

/**
 * shoebox_compat_open_uri_finish:
 * @parent: (nullable): the window given to shoebox_compat_open_uri()
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the browser was asked to open the address
 */
gboolean
shoebox_compat_open_uri_finish (GtkWindow     *parent,
                                GAsyncResult  *result,
                                GError       **error)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GObject) launcher = g_async_result_get_source_object (result);

  return gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (launcher), result, error);
#else
  return gtk_show_uri_full_finish (parent, result, error);
#endif
}

/**
 * shoebox_compat_name_drop_down:
 * @drop_down: a drop-down
 * @name: what a screen reader should call it
 *
 * GTK 4.8's GtkDropDown keeps its button unnamed: a screen reader on the
 * button says only "toggle button". Names the button like the drop-down.
 * Newer GTK names it itself.
 */
void
shoebox_compat_name_drop_down (GtkDropDown *drop_down,
                               const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

#if !GTK_CHECK_VERSION (4, 10, 0)
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
#endif
}

/* The longest AdwToastOverlay takes to show a toast (its REPLACE_DURATION),
 * and a frame more.
 */
#define TOAST_SHOW_MS 600

static gboolean
dismiss_toast_cb (gpointer data)
{
  adw_toast_dismiss (ADW_TOAST (data));
  return G_SOURCE_REMOVE;
}

/**
 * shoebox_compat_dismiss_toast:
 * @toast: a toast an overlay shows
 * @shown_at: when it was added, from g_get_monotonic_time()
 *
 * Dismisses @toast. libadwaita 1.2 frees a toast's state once it has
 * hidden, even while its show animation still plays, and crashes when
 * that animation ends: there, a toast dismissed before it has shown is
 * dismissed when its show animation is over. Fixed in 1.3:
 * https://gitlab.gnome.org/GNOME/libadwaita/-/commit/1674ebc98de72a8e986c54e52d3b394c0c6f146e
 * The version is checked at run time: the bug is in the library loaded.
 */
void
shoebox_compat_dismiss_toast (AdwToast *toast,
                              gint64    shown_at)
{
  gint64 age_ms = (g_get_monotonic_time () - shown_at) / 1000;

  g_return_if_fail (ADW_IS_TOAST (toast));

  if (adw_get_major_version () > 1 || adw_get_minor_version () >= 3 || age_ms >= TOAST_SHOW_MS)
    adw_toast_dismiss (toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, TOAST_SHOW_MS - age_ms, dismiss_toast_cb,
                        g_object_ref (toast), g_object_unref);
}

/**
 * shoebox_compat_widget_get_color:
 * @widget: a widget
 * @color: (out): its foreground colour
 *
 * The colour @widget draws its text in, from its style.
 */
void
shoebox_compat_widget_get_color (GtkWidget *widget,
                                 GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

/**
 * shoebox_compat_get_accent_color:
 * @widget: a widget
 * @color: (out): the accent colour as a background
 *
 * The colour libadwaita fills accented things with: the user's accent
 * colour where libadwaita follows it (1.6), else the style's named
 * `accent_bg_color`, which GTK 4.10 deprecates together with all named
 * colours.
 */
void
shoebox_compat_get_accent_color (GtkWidget *widget,
                                 GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

#if ADW_CHECK_VERSION (1, 6, 0)
  g_autoptr(GdkRGBA) accent = adw_style_manager_get_accent_color_rgba (adw_style_manager_get_default ());

  *color = *accent;
#else
  /* libadwaita's blue, should the style not name one. */
  *color = (GdkRGBA) { 0.208, 0.518, 0.894, 1.0 };
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color", color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}

/**
 * shoebox_texture_new_for_pixbuf:
 * @pixbuf: a decoded image
 *
 * The same pixels as a texture. GTK 4.20 deprecates
 * gdk_texture_new_for_pixbuf(); a memory texture over the pixbuf's bytes,
 * which every GTK 4 has, is what it did.
 *
 * Returns: (transfer full): a texture
 */
GdkTexture *
shoebox_texture_new_for_pixbuf (GdkPixbuf *pixbuf)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);

  bytes = gdk_pixbuf_read_pixel_bytes (pixbuf);
  return gdk_memory_texture_new (gdk_pixbuf_get_width (pixbuf),
                                 gdk_pixbuf_get_height (pixbuf),
                                 gdk_pixbuf_get_has_alpha (pixbuf) ? GDK_MEMORY_R8G8B8A8 : GDK_MEMORY_R8G8B8,
                                 bytes,
                                 (gsize) gdk_pixbuf_get_rowstride (pixbuf));
}

/**
 * shoebox_compat_grid_view_tab_leaves:
 * @view: a grid view
 *
 * Tab leaves the grid after the focused card's own controls, and the
 * arrow keys move between cards, where GTK has the setting (4.12):
 * walking a grid of hundreds of cards by Tab is no way out of it. GTK
 * 4.8 walks every card.
 */
void
shoebox_compat_grid_view_tab_leaves (GtkGridView *view)
{
  g_return_if_fail (GTK_IS_GRID_VIEW (view));

#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_grid_view_set_tab_behavior (view, GTK_LIST_TAB_ITEM);
#endif
}

/* A page pushed over the window's content, with the Back button, Escape
 * and Alt+Left leading back: AdwNavigationView from libadwaita 1.4 on; an
 * AdwLeaflet that never unfolds before (ui/shoebox-window.ui), whose
 * pushed page is removed once it is out of sight.
 */
#if !ADW_CHECK_VERSION (1, 4, 0)
/* The leaflet's children in their order: its own widgets come between. */
static GtkWidget *
leaflet_child (AdwLeaflet *leaflet,
               guint       position)
{
  g_autoptr(GtkSelectionModel) pages = adw_leaflet_get_pages (leaflet);
  g_autoptr(AdwLeafletPage) page = g_list_model_get_item (G_LIST_MODEL (pages), position);

  return page != NULL ? adw_leaflet_page_get_child (page) : NULL;
}

/* Every page but the root and the one shown. */
static void
leaflet_remove_pushed (AdwLeaflet *leaflet,
                       GtkWidget  *keep)
{
  GtkWidget *child;
  guint position = 1;

  while ((child = leaflet_child (leaflet, position)) != NULL)
    if (child == keep)
      position++;
    else
      adw_leaflet_remove (leaflet, child);
}

static void
leaflet_prune_cb (AdwLeaflet *leaflet)
{
  if (!adw_leaflet_get_child_transition_running (leaflet))
    leaflet_remove_pushed (leaflet, adw_leaflet_get_visible_child (leaflet));
}
#endif

/**
 * shoebox_compat_navigation_push:
 * @navigation: the window's AdwNavigationView, or AdwLeaflet before 1.4
 * @page: the page's content
 * @title: the page's title
 *
 * Shows @page over the root page, in place of any page pushed before.
 */
void
shoebox_compat_navigation_push (GtkWidget  *navigation,
                                GtkWidget  *page,
                                const char *title)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  AdwNavigationView *view = ADW_NAVIGATION_VIEW (navigation);
  AdwNavigationPage *root = adw_navigation_view_find_page (view, "main");
  AdwNavigationPage *pushed = adw_navigation_page_new (page, title);

  /* From the root page, with the slide that says "deeper"; a page shown
   * already gives way at once. */
  if (adw_navigation_view_get_visible_page (view) == root)
    adw_navigation_view_push (view, pushed);
  else
    adw_navigation_view_replace (view, (AdwNavigationPage *[]) { root, pushed }, 2);
#else
  AdwLeaflet *leaflet = ADW_LEAFLET (navigation);

  if (g_object_get_data (G_OBJECT (leaflet), "shoebox-prune") == NULL)
    {
      g_object_set_data (G_OBJECT (leaflet), "shoebox-prune", GINT_TO_POINTER (TRUE));
      g_signal_connect (leaflet, "notify::child-transition-running", G_CALLBACK (leaflet_prune_cb), NULL);
      g_signal_connect (leaflet, "notify::visible-child", G_CALLBACK (leaflet_prune_cb), NULL);
    }
  leaflet_remove_pushed (leaflet, NULL);
  adw_leaflet_append (leaflet, page);
  adw_leaflet_set_visible_child (leaflet, page);
#endif
}

/**
 * shoebox_compat_navigation_pop:
 * @navigation: the window's AdwNavigationView, or AdwLeaflet before 1.4
 *
 * Goes back to the root page, if a page was pushed.
 */
void
shoebox_compat_navigation_pop (GtkWidget *navigation)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_navigation_view_pop_to_tag (ADW_NAVIGATION_VIEW (navigation), "main");
#else
  GtkWidget *root = leaflet_child (ADW_LEAFLET (navigation), 0);

  if (root != NULL)
    adw_leaflet_set_visible_child (ADW_LEAFLET (navigation), root);
#endif
}

/**
 * shoebox_compat_navigation_get_pushed:
 * @navigation: the window's AdwNavigationView, or AdwLeaflet before 1.4
 *
 * Returns: (transfer none) (nullable): the content of the page shown over
 *   the root page, or %NULL when the root page is shown
 */
GtkWidget *
shoebox_compat_navigation_get_pushed (GtkWidget *navigation)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (navigation));

  if (page == NULL || g_strcmp0 (adw_navigation_page_get_tag (page), "main") == 0)
    return NULL;
  return adw_navigation_page_get_child (page);
#else
  GtkWidget *visible = adw_leaflet_get_visible_child (ADW_LEAFLET (navigation));

  return visible != leaflet_child (ADW_LEAFLET (navigation), 0) ? visible : NULL;
#endif
}

/**
 * shoebox_compat_navigation_has_back_button:
 *
 * Returns: whether a header bar in a pushed page shows the Back button by
 *   itself (libadwaita 1.4 on); before, the page shows its own
 */
gboolean
shoebox_compat_navigation_has_back_button (void)
{
  return ADW_CHECK_VERSION (1, 4, 0);
}

/**
 * shoebox_compat_show_help_overlay:
 * @parent: the window it is for
 *
 * Shows the keyboard shortcuts below libadwaita 1.8, where they are
 * GTK's GtkShortcutsWindow; from 1.8, AdwApplication shows its
 * AdwShortcutsDialog itself.
 *
 * Built when asked, not at gtk/help-overlay.ui in the resources, where
 * GtkApplicationWindow would build one for every window as it is made:
 * 5 ms of each launch before the first frame. GTK's AT-SPI root (4.8,
 * and still 4.18) also answers GetChildAtIndex past the shown windows
 * with the last toplevel, shown or not, and aborted on such a
 * never-shown overlay (gtkatspiroot.c, handle_accessible_method).
 */
void
shoebox_compat_show_help_overlay (GtkWindow *parent)
{
#if !ADW_CHECK_VERSION (1, 8, 0)
  g_autofree char *path = g_strconcat (g_application_get_resource_base_path (g_application_get_default ()),
                                       "/ui/help-overlay.ui", NULL);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (path);
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  /* Made for this showing only, and destroyed when closed. */
  gtk_window_set_transient_for (overlay, parent);
  gtk_window_present (overlay);
#else
  g_return_if_reached ();
#endif
}
