/* shoebox-news-page.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-compat.h"
#include "shoebox-feed-parser.h"
#include "shoebox-news-page.h"
#include "shoebox-news-row.h"
#include "shoebox-news-thumbnails.h"
#include "shoebox-toast.h"

/* Rows are made a page at a time: a GtkListBox builds every row it is
 * given, and a month of news is thousands of stories.
 */
#define ROWS_PER_PAGE 100

typedef enum
{
  FILTER_ALL,
  FILTER_UNREAD,
  FILTER_STARRED,
  FILTER_MENTIONS,
} Filter;

struct _ShoeboxNewsPage
{
  GtkWidget              parent_instance;

  ShoeboxNewsService    *service;
  ShoeboxNewsThumbnails *thumbnails;
  GListModel            *items;          /* ShoeboxNewsItemList */
  GtkFilterListModel    *shown;
  GtkSliceListModel     *slice;          /* the first pages of shown */
  GtkCustomFilter       *mentions_filter;
  GtkStringList         *source_names;
  GArray                *source_ids;     /* gint64, parallel to source_names */
  GCancellable          *cancellable;
  Filter                 filter;
  gint64                 pair_id;        /* one pair's news, or 0 */
  GHashTable            *pair_items;     /* the ids of its stories */
  gboolean               rebuilding_sources;
  guint                  ages_id;

  GtkWidget             *box;
  GtkRevealer           *offline_revealer;
  GtkRevealer           *failed_revealer;
  GtkLabel              *failed_label;
  GtkLabel              *failed_reason_label;
  GtkRevealer           *pair_revealer;
  GtkLabel              *pair_label;
  GtkToggleButton       *all_button;
  GtkToggleButton       *unread_button;
  GtkToggleButton       *starred_button;
  GtkToggleButton       *mentions_button;
  GtkDropDown           *source_dropdown;
  GtkSearchEntry        *search_entry;
  GtkSpinner            *refresh_spinner;
  GtkButton             *refresh_button;
  GtkRevealer           *progress_revealer;
  GtkProgressBar        *progress_bar;
  GtkStack              *content_stack;
  AdwStatusPage         *empty_status;
  GtkListBox            *list_box;
  GtkWidget             *more_button;
};

G_DEFINE_FINAL_TYPE (ShoeboxNewsPage, shoebox_news_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ShoeboxNewsStore *
get_store (ShoeboxNewsPage *self)
{
  return self->service != NULL ? shoebox_news_service_get_store (self->service) : NULL;
}

static ShoeboxNewsFetcher *
get_fetcher (ShoeboxNewsPage *self)
{
  return self->service != NULL ? shoebox_news_service_get_fetcher (self->service) : NULL;
}

static gint64
selected_source_id (ShoeboxNewsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->source_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->source_ids->len)
    return 0;
  return g_array_index (self->source_ids, gint64, selected);
}

/* Every action's sensitivity, in one place. */
static void
update_actions (ShoeboxNewsPage *self)
{
  ShoeboxNewsFetcher *fetcher = get_fetcher (self);
  gboolean busy = fetcher != NULL && shoebox_news_fetcher_get_busy (fetcher);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.refresh", fetcher != NULL && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.mark-all-read", self->service != NULL);
}

/* Shows the window's page that holds this one (the window builds the
 * page when first shown, inside a placeholder).
 */
static void
bring_forward (ShoeboxNewsPage *self)
{
  GtkWidget *child = GTK_WIDGET (self);
  GtkWidget *parent;

  while ((parent = gtk_widget_get_parent (child)) != NULL && !ADW_IS_VIEW_STACK (parent))
    child = parent;
  if (parent != NULL)
    adw_view_stack_set_visible_child (ADW_VIEW_STACK (parent), child);
}

/* How the enabled sources fared at their last fetch. */
typedef struct
{
  guint              n_enabled;
  guint              n_failed;
  guint              n_fetched;   /* that have worked at least once */
  gboolean           offline;
  ShoeboxNewsSource *first_failed; /* borrowed: the store keeps it */
} Health;

static void
count_health (ShoeboxNewsPage *self,
              Health          *health)
{
  ShoeboxNewsStore *store = get_store (self);
  GListModel *sources = store != NULL ? shoebox_news_store_get_sources (store) : NULL;

  memset (health, 0, sizeof *health);
  for (guint i = 0; sources != NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ShoeboxNewsSource) source = g_list_model_get_item (sources, i);
      ShoeboxNewsErrorKind kind = shoebox_news_source_get_last_error_kind (source);

      if (!shoebox_news_source_get_enabled (source))
        continue;
      health->n_enabled++;
      if (shoebox_news_source_get_last_success (source) != NULL)
        health->n_fetched++;
      if (kind == SHOEBOX_NEWS_ERROR_KIND_NONE)
        continue;
      health->n_failed++;
      health->offline |= kind == SHOEBOX_NEWS_ERROR_KIND_OFFLINE;
      if (health->first_failed == NULL)
        health->first_failed = source;
    }
}

static gboolean
is_busy (ShoeboxNewsPage *self)
{
  ShoeboxNewsFetcher *fetcher = get_fetcher (self);

  return fetcher != NULL && shoebox_news_fetcher_get_busy (fetcher);
}

static void
set_empty (ShoeboxNewsPage *self,
           const char      *title,
           const char      *description)
{
  adw_status_page_set_title (self->empty_status, title);
  adw_status_page_set_description (self->empty_status, description);
}

static void
update_empty (ShoeboxNewsPage *self)
{
  guint n = self->shown != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->shown)) : 0;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean narrowed = self->filter != FILTER_ALL || selected_source_id (self) != 0 || search[0] != '\0'
                      || self->pair_id != 0;
  g_autofree char *all_failed = NULL;
  Health health;

  gtk_widget_set_visible (self->more_button,
                          self->slice != NULL && gtk_slice_list_model_get_size (self->slice) < n);
  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
  if (n > 0)
    return;

  /* An empty page says why: a first fetch under way or still to come,
   * or every source failing.
   */
  count_health (self, &health);
  if (self->service == NULL)
    set_empty (self, _("No News Yet"), _("Release news from sneaker news sites will appear here."));
  else if (narrowed)
    set_empty (self, _("No Matching Stories"), _("Try another filter, source or search."));
  else if (health.n_enabled == 0)
    set_empty (self, _("No News Yet"), _("Add the sites you follow in Preferences."));
  else if (is_busy (self))
    set_empty (self, _("Fetching News…"), _("Stories appear here as the sources answer."));
  else if (health.n_failed == health.n_enabled)
    {
      all_failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Your %u news source could not be reached. Check the connection, or the source in Preferences.",
                                                 "None of your %u news sources could be reached. Check the connection, or the sources in Preferences.",
                                                 health.n_enabled),
                                    health.n_enabled);
      set_empty (self, _("No Source Could Be Reached"), all_failed);
    }
  else if (health.n_fetched == 0)
    set_empty (self, _("Waiting for the First Fetch"),
               _("News is fetched when Shoebox starts and then regularly. Refresh fetches it now."));
  else
    set_empty (self, _("No News Yet"), _("Refresh to fetch the latest stories, or add sources in Preferences."));
}

/* Offline, a quiet notice; sources failing otherwise, a banner that
 * says how many, why the first did, and leads to Preferences.
 */
static void
update_offline (ShoeboxNewsPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *reason = NULL;
  Health health;

  count_health (self, &health);
  gtk_revealer_set_reveal_child (self->offline_revealer, health.offline);
  gtk_revealer_set_reveal_child (self->failed_revealer, health.n_failed > 0 && !health.offline && !is_busy (self));
  if (health.n_failed > 0)
    {
      const char *name = shoebox_news_source_get_title (health.first_failed);
      const char *error = shoebox_news_source_get_last_error (health.first_failed);

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u source could not be reached",
                                            "%u of %u sources could not be reached", health.n_enabled),
                               health.n_failed, health.n_enabled);
      /* Translators: the first failing source and why: "Hypebeast: Could not connect" */
      reason = g_strdup_printf (_("%s: %s"),
                                name != NULL && name[0] != '\0' ? name : shoebox_news_source_get_url (health.first_failed),
                                error != NULL ? error : _("the last fetch failed"));
      gtk_label_set_text (self->failed_label, title);
      gtk_label_set_text (self->failed_reason_label, reason);
    }
  update_empty (self);
}

static void
update_progress (ShoeboxNewsPage *self)
{
  ShoeboxNewsFetcher *fetcher = get_fetcher (self);
  gboolean busy = fetcher != NULL && shoebox_news_fetcher_get_busy (fetcher);

  gtk_spinner_set_spinning (self->refresh_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_spinner), busy);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  if (busy)
    {
      guint n_done = shoebox_news_fetcher_get_n_done (fetcher);
      guint n_total = shoebox_news_fetcher_get_n_total (fetcher);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Fetched %u of %u source",
                                                            "Fetched %u of %u sources", n_total),
                                               n_done, n_total);

      gtk_progress_bar_set_fraction (self->progress_bar, n_total > 0 ? (double) n_done / n_total : 0.0);
      gtk_progress_bar_set_text (self->progress_bar, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
      /* The banner speaks of the last fetch: it waits for this one. */
      gtk_revealer_set_reveal_child (self->failed_revealer, FALSE);
      update_empty (self);
    }
  else
    update_offline (self);

  update_actions (self);
}

static void
update_badges (ShoeboxNewsPage *self)
{
  ShoeboxMentions *mentions = self->service != NULL ? shoebox_news_service_get_mentions (self->service) : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ShoeboxNewsItem *item;

      if (!SHOEBOX_IS_NEWS_ROW (child))
        continue;
      item = shoebox_news_row_get_item (SHOEBOX_NEWS_ROW (child));
      shoebox_news_row_set_mention (SHOEBOX_NEWS_ROW (child),
                                    mentions != NULL ? shoebox_mentions_get_label (mentions, shoebox_news_item_get_id (item))
                                                     : NULL);
    }
}

/* "5 minutes ago" becomes "6 minutes ago" without any change to the item. */
static gboolean
update_ages_cb (gpointer user_data)
{
  ShoeboxNewsPage *self = user_data;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SHOEBOX_IS_NEWS_ROW (child))
      shoebox_news_row_update (SHOEBOX_NEWS_ROW (child));

  return G_SOURCE_CONTINUE;
}

/* The filters the store cannot answer: Mentions, and one pair's news. */
static gboolean
mentions_filter_func (gpointer item,
                      gpointer user_data)
{
  ShoeboxNewsPage *self = user_data;
  gint64 id = shoebox_news_item_get_id (item);

  if (self->service == NULL)
    return FALSE;
  if (self->filter == FILTER_MENTIONS
      && !shoebox_mentions_has_item (shoebox_news_service_get_mentions (self->service), id))
    return FALSE;
  return self->pair_id == 0 || g_hash_table_contains (self->pair_items, &id);
}

/* Reads again which stories mention the pair shown. */
static void
load_pair_items (ShoeboxNewsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  g_hash_table_remove_all (self->pair_items);
  if (self->pair_id == 0 || self->service == NULL)
    return;

  ids = shoebox_mentions_list_pair_items (shoebox_news_service_get_mentions (self->service), self->pair_id, &error);
  if (ids == NULL)
    {
      g_debug ("Could not list the pair's news: %s", error->message);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (self->pair_items, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
}

static void
apply_filter (ShoeboxNewsPage *self)
{
  ShoeboxNewsFilter store_filter = SHOEBOX_NEWS_FILTER_ALL;

  if (self->items == NULL)
    return;

  if (self->filter == FILTER_UNREAD)
    store_filter = SHOEBOX_NEWS_FILTER_UNREAD;
  else if (self->filter == FILTER_STARRED)
    store_filter = SHOEBOX_NEWS_FILTER_STARRED;

  shoebox_news_item_list_set_filter (SHOEBOX_NEWS_ITEM_LIST (self->items), store_filter);
  shoebox_news_item_list_set_source_id (SHOEBOX_NEWS_ITEM_LIST (self->items), selected_source_id (self));
  shoebox_news_item_list_set_search (SHOEBOX_NEWS_ITEM_LIST (self->items),
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_slice_list_model_set_size (self->slice, ROWS_PER_PAGE);
  gtk_filter_list_model_set_filter (self->shown, NULL);
  if (self->filter == FILTER_MENTIONS || self->pair_id != 0)
    gtk_filter_list_model_set_filter (self->shown, GTK_FILTER (self->mentions_filter));
  update_empty (self);
}

static void
all_stories_clicked_cb (ShoeboxNewsPage *self)
{
  shoebox_news_page_show_pair (self, 0);
}

static void
more_clicked_cb (ShoeboxNewsPage *self)
{
  gtk_slice_list_model_set_size (self->slice, gtk_slice_list_model_get_size (self->slice) + ROWS_PER_PAGE);
  update_empty (self);
}

static void
filter_toggled_cb (ShoeboxNewsPage *self,
                   GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->unread_button)
    self->filter = FILTER_UNREAD;
  else if (button == self->starred_button)
    self->filter = FILTER_STARRED;
  else if (button == self->mentions_button)
    self->filter = FILTER_MENTIONS;
  else
    self->filter = FILTER_ALL;

  apply_filter (self);
}

static void
source_selected_cb (ShoeboxNewsPage *self)
{
  if (!self->rebuilding_sources)
    apply_filter (self);
}

static void
search_changed_cb (ShoeboxNewsPage *self)
{
  apply_filter (self);
}

static void rebuild_sources (ShoeboxNewsPage *self);

static void
source_notify_cb (ShoeboxNewsPage *self,
                  GParamSpec      *pspec,
                  GObject         *source)
{
  if (g_strcmp0 (pspec->name, "title") == 0 || g_strcmp0 (pspec->name, "enabled") == 0)
    rebuild_sources (self);
  else if (g_strcmp0 (pspec->name, "last-error-kind") == 0)
    update_offline (self);
}

/* The drop-down: "All Sources", then each source by name. */
static void
rebuild_sources (ShoeboxNewsPage *self)
{
  ShoeboxNewsStore *store = get_store (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 selected = selected_source_id (self);
  guint position = 0;
  GListModel *sources;
  guint n_old;

  g_array_set_size (self->source_ids, 0);
  g_ptr_array_add (names, g_strdup (_("All Sources")));
  g_array_append_val (self->source_ids, (gint64) { 0 });

  if (store != NULL)
    {
      sources = shoebox_news_store_get_sources (store);
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(ShoeboxNewsSource) source = g_list_model_get_item (sources, i);
          const char *title = shoebox_news_source_get_title (source);
          gint64 id = shoebox_news_source_get_id (source);

          g_signal_handlers_disconnect_by_func (source, source_notify_cb, self);
          g_signal_connect_object (source, "notify", G_CALLBACK (source_notify_cb), self, G_CONNECT_SWAPPED);

          if (id == selected)
            position = self->source_ids->len;
          g_ptr_array_add (names, g_strdup (title != NULL && title[0] != '\0' ? title
                                                                              : shoebox_news_source_get_url (source)));
          g_array_append_val (self->source_ids, id);
        }
    }

  g_ptr_array_add (names, NULL);
  self->rebuilding_sources = TRUE;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->source_names));
  gtk_string_list_splice (self->source_names, 0, n_old, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->source_dropdown, position);
  self->rebuilding_sources = FALSE;

  if (selected != selected_source_id (self))
    apply_filter (self);
  update_offline (self);
}

static void
star_toggled_cb (ShoeboxNewsPage *self,
                 gboolean         starred,
                 ShoeboxNewsRow  *row)
{
  g_autoptr(GError) error = NULL;

  if (!shoebox_news_store_set_item_starred (get_store (self), shoebox_news_row_get_item (row), starred, &error))
    shoebox_toast_show (GTK_WIDGET (self), error->message);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ShoeboxNewsPage *self;

  if (shoebox_compat_open_uri_finish (GTK_IS_WINDOW (object) ? GTK_WINDOW (object) : NULL, result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SHOEBOX_NEWS_PAGE (user_data);
  g_debug ("Could not open the story: %s", error->message);
  shoebox_toast_show (GTK_WIDGET (self), _("No web browser could open the story"));
}

/* Reading a story: it is marked read, and its link opened when it is a
 * web address; anything else (javascript:, file:, data:) is refused.
 */
static void
open_item (ShoeboxNewsPage *self,
           ShoeboxNewsItem *item)
{
  g_autoptr(GError) error = NULL;
  const char *link = shoebox_news_item_get_link (item);

  if (!shoebox_news_store_set_item_read (get_store (self), item, TRUE, &error))
    g_debug ("Could not mark the story read: %s", error->message);

  if (!shoebox_feed_uri_is_web (link))
    {
      shoebox_toast_show (GTK_WIDGET (self), _("This story has no web address to open"));
      return;
    }

  g_signal_emit (self, signals[OPEN_LINK], 0, link);
}

static void
shoebox_news_page_real_open_link (ShoeboxNewsPage *self,
                                  const char      *link)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  shoebox_compat_open_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, link,
                           self->cancellable, opened_cb, self);
}

static void
row_open_cb (ShoeboxNewsPage *self,
             ShoeboxNewsRow  *row)
{
  open_item (self, shoebox_news_row_get_item (row));
}

static void
row_activated_cb (ShoeboxNewsPage *self,
                  GtkListBoxRow   *row)
{
  if (SHOEBOX_IS_NEWS_ROW (row))
    open_item (self, shoebox_news_row_get_item (SHOEBOX_NEWS_ROW (row)));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ShoeboxNewsPage *self = user_data;
  ShoeboxMentions *mentions = shoebox_news_service_get_mentions (self->service);
  GtkWidget *row = shoebox_news_row_new (item, self->thumbnails);

  shoebox_news_row_set_mention (SHOEBOX_NEWS_ROW (row),
                                shoebox_mentions_get_label (mentions, shoebox_news_item_get_id (item)));
  g_signal_connect_object (row, "star-toggled", G_CALLBACK (star_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "open", G_CALLBACK (row_open_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static void
mentions_changed_cb (ShoeboxNewsPage *self)
{
  load_pair_items (self);
  gtk_filter_changed (GTK_FILTER (self->mentions_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_badges (self);
  update_empty (self);
}

static void
network_changed_cb (ShoeboxNewsPage *self,
                    gboolean         available)
{
  /* Back online after failing for it: try again at once. */
  if (available && gtk_revealer_get_reveal_child (self->offline_revealer) && self->service != NULL)
    shoebox_news_service_refresh (self->service);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShoeboxNewsPage *self = SHOEBOX_NEWS_PAGE (widget);

  if (self->service != NULL)
    shoebox_news_service_refresh (self->service);
}

static void
mark_all_read_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ShoeboxNewsPage *self = SHOEBOX_NEWS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->service == NULL)
    return;
  if (!shoebox_news_store_mark_all_read (get_store (self), selected_source_id (self), &error))
    shoebox_toast_show (GTK_WIDGET (self), error->message);
}

static void
disconnect_service (ShoeboxNewsPage *self)
{
  if (self->service == NULL)
    return;

  g_signal_handlers_disconnect_by_data (shoebox_news_service_get_fetcher (self->service), self);
  g_signal_handlers_disconnect_by_data (shoebox_news_service_get_mentions (self->service), self);
  g_signal_handlers_disconnect_by_data (shoebox_news_store_get_sources (get_store (self)), self);
  g_signal_handlers_disconnect_by_data (g_network_monitor_get_default (), self);
  {
    GListModel *sources = shoebox_news_store_get_sources (get_store (self));

    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      {
        g_autoptr(GObject) source = g_list_model_get_item (sources, i);

        g_signal_handlers_disconnect_by_data (source, self);
      }
  }
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->slice);
  g_clear_object (&self->shown);
  g_clear_object (&self->items);
  g_clear_object (&self->thumbnails);
  g_clear_object (&self->service);
}

static void
shoebox_news_page_dispose (GObject *object)
{
  ShoeboxNewsPage *self = SHOEBOX_NEWS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->ages_id, g_source_remove);
  disconnect_service (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOEBOX_TYPE_NEWS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->mentions_filter);
  g_clear_object (&self->source_names);
  g_clear_pointer (&self->source_ids, g_array_unref);
  g_clear_pointer (&self->pair_items, g_hash_table_unref);

  G_OBJECT_CLASS (shoebox_news_page_parent_class)->dispose (object);
}

static void
shoebox_news_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ShoeboxNewsPage *self = SHOEBOX_NEWS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ShoeboxNewsPage *self = SHOEBOX_NEWS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      shoebox_news_page_set_service (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_page_class_init (ShoeboxNewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shoebox_news_page_dispose;
  object_class->get_property = shoebox_news_page_get_property;
  object_class->set_property = shoebox_news_page_set_property;

  /**
   * ShoeboxNewsPage:service:
   *
   * The news shown, or %NULL when the database could not be opened.
   */
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL,
                         SHOEBOX_TYPE_NEWS_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShoeboxNewsPage::open-link:
   * @link: an http or https address
   *
   * Emitted to open a story in the browser, once its link was checked;
   * the default handler asks the desktop (or the portal) to open it.
   */
  signals[OPEN_LINK] =
    g_signal_new_class_handler ("open-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (shoebox_news_page_real_open_link),
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SHOEBOX_TYPE_NEWS_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-news-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, box);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, pair_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, pair_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, all_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, unread_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, starred_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, mentions_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, failed_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, failed_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, failed_reason_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_stories_clicked_cb);

  gtk_widget_class_install_action (widget_class, "news.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "news.mark-all-read", NULL, mark_all_read_action);
}

static void
shoebox_news_page_init (ShoeboxNewsPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->source_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pair_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->source_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (self->source_names));
  shoebox_compat_name_drop_down (self->source_dropdown, _("Source"));
  self->mentions_filter = gtk_custom_filter_new (mentions_filter_func, self, NULL);

  /* Ctrl+R refreshes from anywhere in the window, as in a browser. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>r"),
                                                          gtk_named_action_new ("news.refresh")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  self->ages_id = g_timeout_add_seconds (60, update_ages_cb, self);

  rebuild_sources (self);
  update_progress (self);
  update_empty (self);
}

GtkWidget *
shoebox_news_page_new (void)
{
  return g_object_new (SHOEBOX_TYPE_NEWS_PAGE, NULL);
}

/**
 * shoebox_news_page_get_service:
 * @self: a #ShoeboxNewsPage
 *
 * Returns: (transfer none) (nullable): the news shown
 */
ShoeboxNewsService *
shoebox_news_page_get_service (ShoeboxNewsPage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_PAGE (self), NULL);

  return self->service;
}

/**
 * shoebox_news_page_set_service:
 * @self: a #ShoeboxNewsPage
 * @service: (nullable): the news to show, or %NULL when the database
 *   could not be opened
 */
void
shoebox_news_page_set_service (ShoeboxNewsPage    *self,
                               ShoeboxNewsService *service)
{
  ShoeboxNewsFetcher *fetcher;

  g_return_if_fail (SHOEBOX_IS_NEWS_PAGE (self));
  g_return_if_fail (service == NULL || SHOEBOX_IS_NEWS_SERVICE (service));

  if (self->service == service)
    return;

  disconnect_service (self);

  if (service != NULL)
    {
      self->service = g_object_ref (service);
      fetcher = shoebox_news_service_get_fetcher (service);
      self->thumbnails = shoebox_news_thumbnails_new (fetcher, NULL);
      self->items = shoebox_news_store_list_items (get_store (self), SHOEBOX_NEWS_FILTER_ALL, 0, NULL);
      self->shown = gtk_filter_list_model_new (g_object_ref (self->items), NULL);
      self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->shown)), 0, ROWS_PER_PAGE);
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->slice), create_row, self, NULL);

      g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (fetcher, "notify::busy", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (fetcher, "notify::n-done", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (fetcher, "notify::n-total", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (shoebox_news_service_get_mentions (service), "changed",
                               G_CALLBACK (mentions_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (shoebox_news_store_get_sources (get_store (self)), "items-changed",
                               G_CALLBACK (rebuild_sources), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (g_network_monitor_get_default (), "network-changed",
                               G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
    }

  rebuild_sources (self);
  apply_filter (self);
  update_progress (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

/**
 * shoebox_news_page_show_item:
 * @self: a #ShoeboxNewsPage
 * @item_id: a story
 *
 * Brings the page forward with every story listed, and the keyboard on
 * the one given (a notification's story).
 */
void
shoebox_news_page_show_item (ShoeboxNewsPage *self,
                             gint64           item_id)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_PAGE (self));

  bring_forward (self);

  self->pair_id = 0;
  load_pair_items (self);
  gtk_revealer_set_reveal_child (self->pair_revealer, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->source_dropdown, 0);
  gtk_toggle_button_set_active (self->all_button, TRUE);
  apply_filter (self);

  /* A story past the rows made so far brings its page in. */
  for (guint i = 0; self->shown != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->shown)); i++)
    {
      g_autoptr(ShoeboxNewsItem) item = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

      if (shoebox_news_item_get_id (item) != item_id)
        continue;
      if (i >= gtk_slice_list_model_get_size (self->slice))
        {
          gtk_slice_list_model_set_size (self->slice, (i / ROWS_PER_PAGE + 1) * ROWS_PER_PAGE);
          update_empty (self);
        }
      break;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (SHOEBOX_IS_NEWS_ROW (child)
          && shoebox_news_item_get_id (shoebox_news_row_get_item (SHOEBOX_NEWS_ROW (child))) == item_id)
        {
          gtk_widget_grab_focus (child);
          break;
        }
    }
}

/**
 * shoebox_news_page_open_item:
 * @self: a #ShoeboxNewsPage
 * @item_id: a story
 *
 * Shows the story as shoebox_news_page_show_item() does, and opens it as
 * activating its row does (a story listed on a pair's page).
 */
void
shoebox_news_page_open_item (ShoeboxNewsPage *self,
                             gint64           item_id)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_PAGE (self));

  shoebox_news_page_show_item (self, item_id);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SHOEBOX_IS_NEWS_ROW (child)
        && shoebox_news_item_get_id (shoebox_news_row_get_item (SHOEBOX_NEWS_ROW (child))) == item_id)
      {
        open_item (self, shoebox_news_row_get_item (SHOEBOX_NEWS_ROW (child)));
        return;
      }
}

/**
 * shoebox_news_page_show_pair:
 * @self: a #ShoeboxNewsPage
 * @pair_id: a pair, or 0 for every story again
 *
 * Brings the page forward listing the stories that mention the pair (its
 * news, asked for from its page), under a bar that names it and leads
 * back to every story.
 */
void
shoebox_news_page_show_pair (ShoeboxNewsPage *self,
                             gint64           pair_id)
{
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;

  g_return_if_fail (SHOEBOX_IS_NEWS_PAGE (self));

  if (pair_id != 0 && self->service != NULL)
    label = shoebox_mentions_dup_pair_label (shoebox_news_service_get_mentions (self->service), pair_id);
  self->pair_id = label != NULL ? pair_id : 0;
  load_pair_items (self);

  if (label != NULL)
    {
      /* Translators: %s is a pair, e.g. Nike Air Max 97 “Silver Bullet” */
      heading = g_strdup_printf (_("Stories about your %s"), label);
      gtk_label_set_text (self->pair_label, heading);

      bring_forward (self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->source_dropdown, 0);
      gtk_toggle_button_set_active (self->all_button, TRUE);
    }
  gtk_revealer_set_reveal_child (self->pair_revealer, label != NULL);
  apply_filter (self);
}
