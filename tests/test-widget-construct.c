/* test-widget-construct.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "shoebox-backup-service.h"
#include "shoebox-backups-group.h"
#include "shoebox-bar-chart.h"
#include "shoebox-catalogue-window.h"
#include "shoebox-collection-page.h"
#include "shoebox-compare-page.h"
#include "shoebox-csv-import-window.h"
#include "shoebox-database.h"
#include "shoebox-feed-parser.h"
#include "shoebox-labels.h"
#include "shoebox-news-page.h"
#include "shoebox-news-row.h"
#include "shoebox-news-service.h"
#include "shoebox-pair-card.h"
#include "shoebox-pair-editor.h"
#include "shoebox-pair-page.h"
#include "shoebox-preferences-window.h"
#include "shoebox-profile-view.h"
#include "shoebox-silhouette-editor.h"
#include "shoebox-statistics-window.h"
#include "shoebox-test-collection.h"
#include "shoebox-test-gtk.h"
#include "shoebox-test-wait.h"
#include "shoebox-text-line.h"
#include "shoebox-window.h"

/* Every widget and window of src/widgets built with g_object_new () and
 * its properties alone, as a template or GtkBuilder builds it: each must
 * show its content for a small collection. A widget that still needed a
 * field set after g_object_new () would show nothing here, or its
 * constructed () would fail on the missing property.
 */

typedef struct
{
  ShoeboxTestCollection base;   /* first: the shared set-up fills it */
  ShoeboxDatabase      *database;
  ShoeboxCollection    *collection;
  ShoeboxPhotos        *photos;
  ShoeboxNewsService   *news;
  ShoeboxBackupService *backups;
  ShoeboxPair          *pair;
  ShoeboxSilhouette    *silhouette;
  char                 *backups_folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  shoebox_test_collection_set_up (&fixture->base, data);
  fixture->database = fixture->base.database;
  fixture->collection = fixture->base.collection;
  fixture->photos = fixture->base.photos;

  fixture->silhouette = shoebox_collection_find_silhouette (fixture->collection, "Balenciaga", "Track 2.0", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->silhouette);
  fixture->pair = shoebox_test_new_pair ("Balenciaga", "Track 2.0", "Silver");
  shoebox_pair_set_status (fixture->pair, SHOEBOX_STATUS_OWNED);
  shoebox_test_save_pair (fixture->collection, fixture->pair);

  fixture->news = shoebox_news_service_new (NULL, fixture->database, fixture->collection, NULL, &error);
  g_assert_no_error (error);
  fixture->backups_folder = g_build_filename (g_get_user_data_dir (), "shoebox-backups", NULL);
  fixture->backups = shoebox_backup_service_new (shoebox_database_get_path (fixture->database),
                                                 g_get_user_data_dir (), fixture->backups_folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  shoebox_test_settle ();
  g_clear_object (&fixture->backups);
  g_clear_object (&fixture->news);
  g_clear_object (&fixture->pair);
  g_clear_object (&fixture->silhouette);
  shoebox_test_collection_tear_down (&fixture->base, data);
  g_clear_pointer (&fixture->backups_folder, g_free);
}

/* A widget inside a window, shown, as it is in the app. */
static GtkWindow *
show_in_window (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 900, 700);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  return window;
}

/* A window or dialog shown and, at the end, closed (ShoeboxDialog is an
 * AdwDialog on libadwaita 1.5 and later, a window before).
 */
static void
show_dialog (GtkWidget *dialog,
             GtkWindow *parent)
{
  if (GTK_IS_WINDOW (dialog))
    {
      if (parent != NULL)
        gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    shoebox_dialog_present (dialog, GTK_WIDGET (parent));
}

static GtkWindow *
new_parent (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (parent, 900, 700);
  gtk_window_present (parent);
  return parent;
}

static gboolean
statistics_shown (gpointer data)
{
  GtkStack *stack = GTK_STACK (shoebox_test_template_child (data, SHOEBOX_TYPE_STATISTICS_WINDOW, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "statistics") == 0;
}

static void
test_statistics_window (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWindow *parent = new_parent ();
  GtkWidget *window = g_object_new (SHOEBOX_TYPE_STATISTICS_WINDOW, "collection", fixture->collection, NULL);

  show_dialog (window, parent);
  shoebox_test_wait_until (statistics_shown, window);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (shoebox_test_template_child (window, SHOEBOX_TYPE_STATISTICS_WINDOW,
                                                                                "owned_row"))),
                   ==, "1");
  shoebox_test_close_dialog (window);
  gtk_window_destroy (parent);
}

static void
test_catalogue_window (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWindow *window = g_object_new (SHOEBOX_TYPE_CATALOGUE_WINDOW,
                                    "collection", fixture->collection,
                                    "photos", fixture->photos,
                                    NULL);
  GtkWidget *list = shoebox_test_template_child (window, SHOEBOX_TYPE_CATALOGUE_WINDOW, "silhouette_list");

  gtk_window_present (window);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));

  /* It follows the collection it was given. */
  shoebox_catalogue_window_show_silhouette (SHOEBOX_CATALOGUE_WINDOW (window),
                                            shoebox_silhouette_get_id (fixture->silhouette));
  g_assert_nonnull (shoebox_catalogue_window_get_silhouette (SHOEBOX_CATALOGUE_WINDOW (window)));
  gtk_window_destroy (window);
}

static void
test_csv_import_window (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char csv[] = "silhouette,brand,colorway\nTrack 2.0,Balenciaga,Black\n";
  g_autoptr(GBytes) contents = g_bytes_new_static (csv, sizeof csv - 1);
  GtkWindow *parent = new_parent ();
  GtkWidget *window = g_object_new (SHOEBOX_TYPE_CSV_IMPORT_WINDOW,
                                    "collection", fixture->collection,
                                    "file-name", "pairs.csv",
                                    "contents", contents,
                                    NULL);
  GtkLabel *summary = GTK_LABEL (shoebox_test_template_child (window, SHOEBOX_TYPE_CSV_IMPORT_WINDOW, "summary_label"));

  show_dialog (window, parent);
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "“pairs.csv” has 1 row: 1 can be imported"));
  shoebox_test_close_dialog (window);
  gtk_window_destroy (parent);
}

static void
test_csv_import_window_not_csv (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GBytes) contents = g_bytes_new_static (binary, sizeof binary - 1);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = new_parent ();
  GtkWidget *window = g_object_new (SHOEBOX_TYPE_CSV_IMPORT_WINDOW,
                                    "collection", fixture->collection,
                                    "file-name", "photo.png",
                                    "contents", contents,
                                    NULL);
  GtkLabel *summary = GTK_LABEL (shoebox_test_template_child (window, SHOEBOX_TYPE_CSV_IMPORT_WINDOW, "summary_label"));

  /* Built from its properties, it says why instead of previewing… */
  g_assert_null (shoebox_csv_preview (contents, &error));
  g_assert_nonnull (error);
  show_dialog (window, parent);
  g_assert_cmpstr (gtk_label_get_text (summary), ==, error->message);
  /* …and offers nothing to import. */
  g_assert_false (gtk_widget_is_sensitive (shoebox_test_template_child (window, SHOEBOX_TYPE_CSV_IMPORT_WINDOW, "import_button")));
  shoebox_test_close_dialog (window);
  gtk_window_destroy (parent);
}

static void
test_pair_editor (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *parent = new_parent ();
  GtkWidget *editor = g_object_new (SHOEBOX_TYPE_PAIR_EDITOR,
                                    "collection", fixture->collection,
                                    "photos", fixture->photos,
                                    "pair", fixture->pair,
                                    NULL);
  GtkEditable *colorway = GTK_EDITABLE (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "colorway_row"));

  show_dialog (editor, parent);
  g_assert_cmpstr (gtk_editable_get_text (colorway), ==, "Silver");
  /* A copy: the editor stays on its pair while the caller's changes. */
  g_assert_true (shoebox_pair_editor_get_pair (SHOEBOX_PAIR_EDITOR (editor)) != fixture->pair);
  g_assert_cmpint (shoebox_pair_get_id (shoebox_pair_editor_get_pair (SHOEBOX_PAIR_EDITOR (editor))),
                   ==, shoebox_pair_get_id (fixture->pair));
  g_assert_true (gtk_widget_is_sensitive (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "save_button")));
  shoebox_test_close_dialog (editor);
  gtk_window_destroy (parent);
}

static void
test_pair_editor_adding (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWindow *parent = new_parent ();
  GtkWidget *editor = g_object_new (SHOEBOX_TYPE_PAIR_EDITOR, "collection", fixture->collection, NULL);

  show_dialog (editor, parent);
  g_assert_null (shoebox_pair_editor_get_pair (SHOEBOX_PAIR_EDITOR (editor)));
  /* Nothing to save yet, and no photos without a photos folder. */
  g_assert_false (gtk_widget_is_sensitive (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "save_button")));
  g_assert_false (gtk_widget_get_sensitive (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "photos_box")));
  shoebox_test_close_dialog (editor);
  gtk_window_destroy (parent);
}

static void
test_silhouette_editor (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWindow *parent = new_parent ();
  GtkWidget *editor = g_object_new (SHOEBOX_TYPE_SILHOUETTE_EDITOR,
                                    "collection", fixture->collection,
                                    "silhouette", fixture->silhouette,
                                    NULL);
  GtkEditable *name = GTK_EDITABLE (shoebox_test_template_child (editor, SHOEBOX_TYPE_SILHOUETTE_EDITOR, "name_row"));

  show_dialog (editor, parent);
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Track 2.0");
  g_assert_cmpint (shoebox_silhouette_get_id (shoebox_silhouette_editor_get_silhouette (SHOEBOX_SILHOUETTE_EDITOR (editor))),
                   ==, shoebox_silhouette_get_id (fixture->silhouette));
  shoebox_test_close_dialog (editor);
  gtk_window_destroy (parent);
}

static void
test_pair_page (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page = g_object_new (SHOEBOX_TYPE_PAIR_PAGE,
                                  "collection", fixture->collection,
                                  "photos", fixture->photos,
                                  "news", fixture->news,
                                  "pair-id", shoebox_pair_get_id (fixture->pair),
                                  NULL);
  GtkWindow *window = show_in_window (page);
  g_autofree char *name = shoebox_labels_dup_pair_name (fixture->pair);
  g_autofree char *title = NULL;

  g_assert_nonnull (shoebox_pair_page_get_pair (SHOEBOX_PAIR_PAGE (page)));
  title = shoebox_pair_page_dup_title (SHOEBOX_PAIR_PAGE (page));
  g_assert_cmpstr (title, ==, name);
  gtk_window_destroy (window);
}

static void
test_preferences_window (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWindow *parent = new_parent ();
  GtkWidget *preferences = g_object_new (SHOEBOX_TYPE_PREFERENCES_WINDOW,
                                         "database-path", "/home/me/.local/share/shoebox/shoebox.db",
                                         "news", fixture->news,
                                         "backups", fixture->backups,
                                         NULL);
  GtkWidget *database_row = shoebox_test_template_child (preferences, SHOEBOX_TYPE_PREFERENCES_WINDOW, "database_row");
  GtkWidget *group = shoebox_test_template_child (preferences, SHOEBOX_TYPE_PREFERENCES_WINDOW, "backups_group");
  GtkWidget *folder_row = shoebox_test_template_child (group, SHOEBOX_TYPE_BACKUPS_GROUP, "folder_row");

  show_dialog (preferences, parent);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (database_row)),
                   ==, "/home/me/.local/share/shoebox/shoebox.db");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (folder_row)), ==, fixture->backups_folder);
  /* With news, a source can be added. */
  g_assert_true (gtk_widget_is_sensitive (shoebox_test_template_child (preferences, SHOEBOX_TYPE_PREFERENCES_WINDOW,
                                                          "add_source_button")));
  shoebox_test_close_dialog (preferences);
  gtk_window_destroy (parent);
}

static void
test_backups_group (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *group = g_object_new (SHOEBOX_TYPE_BACKUPS_GROUP, "service", fixture->backups, NULL);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWindow *window;

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  window = show_in_window (page);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (shoebox_test_template_child (group, SHOEBOX_TYPE_BACKUPS_GROUP,
                                                                                "folder_row"))),
                   ==, fixture->backups_folder);
  gtk_window_destroy (window);
}

/* A story in the news store, as a fetch leaves it. */
static ShoeboxNewsItem *
add_story (Fixture *fixture)
{
  static const char rss[] =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Sneaker Weekly</title>"
    "<link>https://example.com/</link><item><title>Track 2.0 in Silver returns</title>"
    "<link>https://example.com/track</link><guid>https://example.com/track</guid>"
    "<description>A restock.</description></item></channel></rss>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (rss, sizeof rss - 1);
  g_autoptr(ShoeboxFeed) feed = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxNewsStore *store = shoebox_news_service_get_store (fixture->news);
  ShoeboxNewsSource *source; /* the store's */

  source = shoebox_news_store_add_source (store, "https://example.com/feed.xml", "Sneaker Weekly", &error);
  g_assert_no_error (error);
  feed = shoebox_feed_parse (bytes, "application/rss+xml", "https://example.com/feed.xml", &error);
  g_assert_no_error (error);
  g_assert_true (shoebox_news_store_record_success (store, source, feed, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  items = shoebox_news_store_query_items (store, SHOEBOX_NEWS_FILTER_ALL, shoebox_news_source_get_id (source),
                                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  return g_object_ref (g_ptr_array_index (items, 0));
}

static void
test_news_row (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(ShoeboxNewsItem) item = add_story (fixture);
  GtkWidget *row = g_object_new (SHOEBOX_TYPE_NEWS_ROW, "item", item, NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWindow *window;

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = show_in_window (list);
  g_assert_true (shoebox_news_row_get_item (SHOEBOX_NEWS_ROW (row)) == item);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shoebox_test_template_child (row, SHOEBOX_TYPE_NEWS_ROW, "title_label"))),
                   ==, "Track 2.0 in Silver returns");
  gtk_window_destroy (window);
}

static gboolean
lists_string (GListModel *model,
              const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        return TRUE;
    }
  return FALSE;
}

static void
test_news_page (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ShoeboxNewsItem) item = add_story (fixture);
  g_autoptr(ShoeboxNewsService) service = NULL;
  GtkWidget *page = g_object_new (SHOEBOX_TYPE_NEWS_PAGE, "service", fixture->news, NULL);
  GtkWindow *window = show_in_window (page);
  GtkWidget *sources = shoebox_test_template_child (page, SHOEBOX_TYPE_NEWS_PAGE, "source_dropdown");
  GtkListBox *list = GTK_LIST_BOX (shoebox_test_template_child (page, SHOEBOX_TYPE_NEWS_PAGE, "list_box"));
  GtkListBoxRow *row;

  g_object_get (page, "service", &service, NULL);
  g_assert_true (service == fixture->news);
  /* The page reads the store it was given: its source and its story. */
  g_assert_true (lists_string (gtk_drop_down_get_model (GTK_DROP_DOWN (sources)), "Sneaker Weekly"));
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_true (SHOEBOX_IS_NEWS_ROW (row));
  g_assert_cmpint (shoebox_news_item_get_id (shoebox_news_row_get_item (SHOEBOX_NEWS_ROW (row))),
                   ==, shoebox_news_item_get_id (item));
  gtk_window_destroy (window);
}

static gboolean
page_has_pairs (gpointer data)
{
  return g_list_model_get_n_items (shoebox_collection_page_get_model (data)) == 1;
}

static void
test_collection_page (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *page = g_object_new (SHOEBOX_TYPE_COLLECTION_PAGE, "collection", fixture->collection, NULL);
  GtkWindow *window = show_in_window (page);

  shoebox_test_wait_until (page_has_pairs, page);
  gtk_window_destroy (window);
}

static void
test_compare_page (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *page = g_object_new (SHOEBOX_TYPE_COMPARE_PAGE, "collection", fixture->collection, NULL);
  GtkWindow *window = show_in_window (page);

  g_assert_true (shoebox_compare_page_get_collection (SHOEBOX_COMPARE_PAGE (page)) == fixture->collection);
  /* It finds pairs in the collection it was given. */
  g_assert_true (shoebox_compare_page_add_pair (SHOEBOX_COMPARE_PAGE (page), shoebox_pair_get_id (fixture->pair)));
  g_assert_cmpuint (shoebox_compare_page_get_n_items (SHOEBOX_COMPARE_PAGE (page)), ==, 1);
  gtk_window_destroy (window);
}

static void
test_pair_card (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *card = g_object_new (SHOEBOX_TYPE_PAIR_CARD, "pair", fixture->pair, NULL);
  GtkWindow *window = show_in_window (card);
  GtkWidget *overlay = gtk_widget_get_first_child (card);
  GtkWidget *photo = gtk_widget_get_first_child (overlay);
  GtkWidget *placeholder = gtk_widget_get_next_sibling (photo);
  g_autoptr(GBytes) pixels = g_bytes_new_take (g_malloc0 (40 * 30 * 4), 40 * 30 * 4);
  g_autoptr(GdkTexture) thumbnail = gdk_memory_texture_new (40, 30, GDK_MEMORY_R8G8B8A8, pixels, 40 * 4);

  g_assert_true (shoebox_pair_card_get_pair (SHOEBOX_PAIR_CARD (card)) == fixture->pair);

  /* The photo in its rounded frame, and the placeholder over it until
   * there is one.
   */
  g_assert_true (GTK_IS_PICTURE (photo));
  g_assert_true (GTK_IS_IMAGE (placeholder));
  g_assert_cmpint (gtk_widget_get_overflow (photo), ==, GTK_OVERFLOW_HIDDEN);
  g_assert_true (gtk_widget_get_visible (placeholder));
  shoebox_pair_card_set_thumbnail (SHOEBOX_PAIR_CARD (card), GDK_PAINTABLE (thumbnail));
  g_assert_true (shoebox_pair_card_get_thumbnail (SHOEBOX_PAIR_CARD (card)) == GDK_PAINTABLE (thumbnail));
  g_assert_false (gtk_widget_get_visible (placeholder));
  shoebox_pair_card_set_thumbnail (SHOEBOX_PAIR_CARD (card), NULL);
  g_assert_true (gtk_widget_get_visible (placeholder));

  gtk_window_destroy (window);
}

static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int            *minimum,
         int            *natural)
{
  gtk_widget_measure (widget, orientation, -1, minimum, natural, NULL, NULL);
}

/* GTK has given the widget the 40 px font of the class below: from GTK
 * 4.24 on, a frame or two after the class is added.
 */
static gboolean
has_large_font (gpointer widget)
{
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));

  return pango_font_description_get_size (font) == 40 * PANGO_SCALE;
}

/* A text line's size comes from its font and its width in characters,
 * never from its text; a larger font makes it taller (its font's size is
 * kept, and looked up again when the font changes). What a screen reader
 * hears of it, its text, is checked in the list (test-collection-page).
 */
static void
test_text_line (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *line = shoebox_text_line_new ();
  g_autoptr(GtkCssProvider) large = gtk_css_provider_new ();
  GtkWindow *window;
  int min_width, nat_width, height, other_min, other_nat, other_height;

  shoebox_text_line_set_chars (SHOEBOX_TEXT_LINE (line), 4, 10);
  shoebox_text_line_set_text (SHOEBOX_TEXT_LINE (line), "Air");
  gtk_widget_set_halign (line, GTK_ALIGN_START);
  gtk_widget_set_valign (line, GTK_ALIGN_START);
  window = show_in_window (line);
  shoebox_test_settle ();

  measure (line, GTK_ORIENTATION_HORIZONTAL, &min_width, &nat_width);
  measure (line, GTK_ORIENTATION_VERTICAL, &height, NULL);
  g_assert_cmpint (min_width, >, 0);
  g_assert_cmpint (nat_width, >, min_width);
  g_assert_cmpint (height, >, 0);
  g_assert_cmpstr (shoebox_text_line_get_text (SHOEBOX_TEXT_LINE (line)), ==, "Air");

  shoebox_text_line_set_text (SHOEBOX_TEXT_LINE (line), "Air Max 1 Anniversary, University Red and Neutral Grey");
  shoebox_test_settle ();
  measure (line, GTK_ORIENTATION_HORIZONTAL, &other_min, &other_nat);
  measure (line, GTK_ORIENTATION_VERTICAL, &other_height, NULL);
  g_assert_cmpint (other_min, ==, min_width);
  g_assert_cmpint (other_nat, ==, nat_width);
  g_assert_cmpint (other_height, ==, height);

  /* A font of our own, whatever the theme's style classes. */
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (large, ".shoebox-test-large { font-size: 40px; }");
#else
  gtk_css_provider_load_from_data (large, ".shoebox-test-large { font-size: 40px; }", -1);
#endif
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (large),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (line, "shoebox-test-large");
  shoebox_test_wait_until (has_large_font, line);
  measure (line, GTK_ORIENTATION_HORIZONTAL, &other_min, NULL);
  measure (line, GTK_ORIENTATION_VERTICAL, &other_height, NULL);
  g_assert_cmpint (other_height, >, height);
  g_assert_cmpint (other_min, >, min_width);
  gtk_window_destroy (window);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (large));
}

static void
test_bar_chart (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *chart = g_object_new (SHOEBOX_TYPE_BAR_CHART, NULL);
  GtkWindow *window = show_in_window (chart);

  shoebox_bar_chart_add_bar (SHOEBOX_BAR_CHART (chart), "Balenciaga", 1);
  g_assert_cmpuint (shoebox_bar_chart_get_n_bars (SHOEBOX_BAR_CHART (chart)), ==, 1);
  gtk_window_destroy (window);
}

static void
test_profile_view (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *view = g_object_new (SHOEBOX_TYPE_PROFILE_VIEW, "divider", 0.25, NULL);
  GtkWindow *window = show_in_window (view);

  g_assert_cmpfloat (shoebox_profile_view_get_divider (SHOEBOX_PROFILE_VIEW (view)), ==, 0.25);
  g_assert_cmpuint (shoebox_profile_view_get_n_layers (SHOEBOX_PROFILE_VIEW (view)), ==, 0);
  gtk_window_destroy (window);
}

static gboolean
window_has_pairs (gpointer data)
{
  return page_has_pairs (shoebox_window_get_collection_page (data));
}

static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWindow *window = g_object_new (SHOEBOX_TYPE_WINDOW,
                                    "photos", fixture->photos,
                                    "collection", fixture->collection,
                                    "news", fixture->news,
                                    "backups", fixture->backups,
                                    NULL);

  gtk_window_present (window);
  shoebox_test_wait_until (window_has_pairs, window);
  /* Actions that need the collection are on. */
  g_assert_true (gtk_widget_is_sensitive (shoebox_test_template_child (window, SHOEBOX_TYPE_WINDOW, "add_pair_button")));
  gtk_window_destroy (window);
}

/* The widget classes built above. */
static const char * const covered[] = {
  "ShoeboxBackupsGroup", "ShoeboxBarChart", "ShoeboxCatalogueWindow", "ShoeboxCollectionPage",
  "ShoeboxComparePage", "ShoeboxCsvImportWindow", "ShoeboxNewsPage", "ShoeboxNewsRow", "ShoeboxPairCard",
  "ShoeboxPairEditor", "ShoeboxPairPage", "ShoeboxPreferencesWindow", "ShoeboxProfileView",
  "ShoeboxSilhouetteEditor", "ShoeboxStatisticsWindow", "ShoeboxTextLine", "ShoeboxWindow", NULL,
};

/* A new widget in src/widgets/ is added here too: every class that is
 * not a plain GObject (or the application) is declared in a header, and
 * each must be in covered[].
 */
static void
test_every_widget_covered (void)
{
  const char *source_dir = g_getenv ("SHOEBOX_SOURCE_DIR");
  g_autofree char *widgets_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GRegex) declare = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_found = 0;

  /* Set by tests/meson.build. */
  g_assert_nonnull (source_dir);
  widgets_dir = g_build_filename (source_dir, "src", "widgets", NULL);
  dir = g_dir_open (widgets_dir, 0, &error);
  g_assert_no_error (error);
  declare = g_regex_new ("^G_DECLARE_FINAL_TYPE \\((\\w+),[^)]*, (\\w+)\\)", G_REGEX_MULTILINE, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (name, ".h"))
        continue;
      path = g_build_filename (widgets_dir, name, NULL);
      g_assert_true (g_file_get_contents (path, &text, NULL, &error));
      g_assert_no_error (error);
      for (g_regex_match (declare, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *type_name = g_match_info_fetch (match, 1);
          g_autofree char *parent = g_match_info_fetch (match, 2);

          if (g_str_equal (parent, "GObject") || g_str_equal (parent, "AdwApplication"))
            continue;
          if (!g_strv_contains (covered, type_name))
            g_error ("%s (%s) is not built from its properties in this test", type_name, name);
          n_found++;
        }
    }
  g_assert_cmpuint (n_found, ==, g_strv_length ((char **) covered));
}

int
main (int   argc,
      char *argv[])
{
  shoebox_test_gtk_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/widget-construct/backups-group", test_backups_group);
  ADD ("/widget-construct/bar-chart", test_bar_chart);
  ADD ("/widget-construct/catalogue-window", test_catalogue_window);
  ADD ("/widget-construct/collection-page", test_collection_page);
  ADD ("/widget-construct/compare-page", test_compare_page);
  ADD ("/widget-construct/csv-import-window", test_csv_import_window);
  ADD ("/widget-construct/csv-import-window-not-csv", test_csv_import_window_not_csv);
  ADD ("/widget-construct/news-page", test_news_page);
  ADD ("/widget-construct/news-row", test_news_row);
  ADD ("/widget-construct/pair-card", test_pair_card);
  ADD ("/widget-construct/pair-editor", test_pair_editor);
  ADD ("/widget-construct/pair-editor-adding", test_pair_editor_adding);
  ADD ("/widget-construct/pair-page", test_pair_page);
  ADD ("/widget-construct/preferences-window", test_preferences_window);
  ADD ("/widget-construct/profile-view", test_profile_view);
  ADD ("/widget-construct/silhouette-editor", test_silhouette_editor);
  ADD ("/widget-construct/statistics-window", test_statistics_window);
  ADD ("/widget-construct/text-line", test_text_line);
  ADD ("/widget-construct/window", test_window);
#undef ADD
  g_test_add_func ("/widget-construct/every-widget-covered", test_every_widget_covered);

  return g_test_run ();
}
