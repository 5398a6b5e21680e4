/* shoebox-news-service.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-service"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-news-service.h"

/* The news as the application runs it: one store, one fetcher and the
 * mentions, refreshed when sources are due (on start, then checked every
 * minute against the interval the user chose), scanned for mentions after
 * every refresh, and one desktop notification for the mentions that came
 * in, withdrawn once its story is read. The News page and Preferences work
 * through it; it holds no widget.
 */

struct _ShoeboxNewsService
{
  GObject             parent_instance;

  GApplication       *application;   /* weak */
  ShoeboxCollection  *collection;
  ShoeboxNewsStore   *store;
  ShoeboxNewsFetcher *fetcher;
  ShoeboxMentions    *mentions;
  GSettings          *settings;
  GCancellable       *cancellable;

  guint               tick_id;
  guint               rescan_id;
  gint64              notified_item_id;

  /* One scan at a time, in a worker thread; what is asked for meanwhile
   * runs once after it.
   */
  gboolean            scanning;
  gboolean            scan_pending;
  gboolean            scan_new_items;
  gboolean            scan_unless_unchanged; /* the launch's, until another is asked for */
  GPtrArray          *scan_waiters; /* GTasks returned after the next scan */

  /* The store's items changed since the refresh started: only then can
   * the refresh have brought mentions to find.
   */
  gboolean            items_changed;
};

G_DEFINE_FINAL_TYPE (ShoeboxNewsService, shoebox_news_service, G_TYPE_OBJECT)

enum {
  SHOW_ITEM,
  SHOW_PAIR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How often due sources are looked for; each source is fetched again when
 * the refresh interval has passed since its last fetch.
 */
#define TICK_SECONDS 60

static void
withdraw_notification (ShoeboxNewsService *self)
{
  if (self->notified_item_id == 0)
    return;
  self->notified_item_id = 0;
  if (self->application != NULL && g_application_get_dbus_connection (self->application) != NULL)
    g_application_withdraw_notification (self->application, SHOEBOX_NEWS_NOTIFICATION_ID);
}

/* Notification servers may read the body as markup, and feed text is
 * hostile: characters markup gives meaning to are replaced by look-alikes
 * that mean nothing, so the text reads the same whichever way it is shown.
 */
static char *
dup_inert_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '<')
        g_string_append (out, "‹");
      else if (*p == '>')
        g_string_append (out, "›");
      else if (*p == '&')
        g_string_append (out, "＆");
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
announce (ShoeboxNewsService *self,
          GPtrArray          *mentions)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *story = NULL;
  g_autofree char *body = NULL;
  ShoeboxMention *first;

  if (mentions->len == 0 || self->application == NULL)
    return;
  /* Without a bus there is no notification server to talk to, and GLib
   * would complain on every attempt.
   */
  if (g_application_get_dbus_connection (self->application) == NULL)
    return;
  if (!g_settings_get_boolean (self->settings, "news-notifications"))
    return;

  first = g_ptr_array_index (mentions, 0);
  label = dup_inert_text (first->pair_label);
  story = dup_inert_text (first->item_title != NULL ? first->item_title : _("Untitled story"));
  /* Translators: a notification's title; %s is a pair, e.g. Nike Air Max 97 “Silver Bullet” */
  title = g_strdup_printf (_("News about your %s"), label);
  if (mentions->len > 1)
    {
      guint n_more = mentions->len - 1;

      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %s is a news story's title */
                                           "%s\nAnd %u more story mentions your pairs",
                                           "%s\nAnd %u more stories mention your pairs", n_more),
                              story, n_more);
    }
  else
    body = g_steal_pointer (&story);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-news-item", "x", first->item_id);
  g_application_send_notification (self->application, SHOEBOX_NEWS_NOTIFICATION_ID, notification);
  self->notified_item_id = first->item_id;
}

static void
announce_fresh (ShoeboxNewsService *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = NULL;

  /* Taken even with notifications off, so turning them on later does not
   * bring back old news.
   */
  fresh = shoebox_mentions_take_unnotified (self->mentions, &error);
  if (fresh == NULL)
    {
      g_message ("Could not read the new mentions: %s", error->message);
      return;
    }
  announce (self, fresh);
}

/* A scan's waiters, and the service it runs for: not a reference, as
 * the service cancels its scans when it goes.
 */
typedef struct
{
  ShoeboxNewsService *self;
  GPtrArray          *waiters;
} ScanRun;

static void
scan_run_free (ScanRun *run)
{
  g_ptr_array_unref (run->waiters);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScanRun, scan_run_free)

static void start_scan (ShoeboxNewsService *self);

/* A waiter is an add-source task whose source is its task data. */
static void
return_waiters (GPtrArray    *waiters,
                const GError *error)
{
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, g_object_ref (g_task_get_task_data (task)), g_object_unref);
    }
}

static void
scanned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScanRun) run = user_data;
  g_autoptr(GError) error = NULL;
  ShoeboxNewsService *self;

  if (!shoebox_mentions_scan_finish (SHOEBOX_MENTIONS (object), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          return_waiters (run->waiters, error);
          return;
        }
      g_message ("Could not look for mentions: %s", error->message);
    }

  self = run->self;
  self->scanning = FALSE;
  if (error == NULL)
    announce_fresh (self);
  /* The source was added whether or not its stories could be matched. */
  return_waiters (run->waiters, NULL);

  if (self->scan_pending)
    start_scan (self);
}

static void
start_scan (ShoeboxNewsService *self)
{
  ScanRun *run = g_new0 (ScanRun, 1);
  gboolean new_items = self->scan_new_items;
  gboolean unless_unchanged = self->scan_unless_unchanged;

  run->self = self;
  run->waiters = g_steal_pointer (&self->scan_waiters);
  self->scan_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->scanning = TRUE;
  self->scan_pending = FALSE;
  self->scan_new_items = FALSE;
  self->scan_unless_unchanged = FALSE;

  if (unless_unchanged)
    shoebox_mentions_scan_unless_unchanged_async (self->mentions, self->cancellable, scanned_cb, run);
  else
    shoebox_mentions_scan_async (self->mentions, new_items, self->cancellable, scanned_cb, run);
}

/* Matches the items again, in a worker thread: with 100,000 pairs that
 * is 166 ms the window must not wait for; only the notification is sent
 * from here. @new_items says whether what is found for the first time
 * came with news (announced) or with a change to the collection (not
 * announced). @waiter, if not %NULL, is returned once a scan that starts
 * after this call is done.
 */
static void
scan (ShoeboxNewsService *self,
      gboolean            new_items,
      GTask              *waiter)
{
  g_autoptr(GError) error = NULL;

  /* Shut down: a scan still running would never start this one. */
  if (g_cancellable_set_error_if_cancelled (self->cancellable, &error))
    {
      if (waiter != NULL)
        g_task_return_error (waiter, g_steal_pointer (&error));
      return;
    }

  if (waiter != NULL)
    g_ptr_array_add (self->scan_waiters, g_object_ref (waiter));
  /* Any other reason to scan is a change: the scan runs in full. */
  if (self->scan_pending || self->scanning || self->tick_id != 0)
    self->scan_unless_unchanged = FALSE;
  self->scan_pending = TRUE;
  self->scan_new_items |= new_items;

  if (!self->scanning)
    start_scan (self);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ShoeboxNewsService) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!shoebox_news_fetcher_refresh_finish (SHOEBOX_NEWS_FETCHER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        return;
      g_message ("The news could not all be saved: %s", error->message);
    }

  /* With every source unreachable or unchanged (offline, or a launch
   * with nothing due), a scan would match 100,000 pairs again for
   * nothing, right after the one the launch runs.
   */
  if (self->store != NULL && self->items_changed)
    scan (self, TRUE, NULL);
}

static void
start_refresh (ShoeboxNewsService      *self,
               ShoeboxNewsRefreshFlags  flags)
{
  if (self->fetcher == NULL || shoebox_news_fetcher_get_busy (self->fetcher))
    return;

  self->items_changed = FALSE;
  shoebox_news_fetcher_refresh_async (self->fetcher, NULL, flags, self->cancellable,
                                      refresh_cb, g_object_ref (self));
}

static gboolean
tick_cb (gpointer user_data)
{
  start_refresh (SHOEBOX_NEWS_SERVICE (user_data), SHOEBOX_NEWS_REFRESH_ONLY_DUE);
  return G_SOURCE_CONTINUE;
}

static gboolean
rescan_cb (gpointer user_data)
{
  ShoeboxNewsService *self = SHOEBOX_NEWS_SERVICE (user_data);

  self->rescan_id = 0;
  scan (self, FALSE, NULL);
  return G_SOURCE_REMOVE;
}

/* A pair added, sold or renamed changes what the news mention; several
 * changes in a row (a CSV import) are matched once.
 */
static void
collection_changed_cb (ShoeboxNewsService *self)
{
  if (self->rescan_id == 0)
    self->rescan_id = g_timeout_add (250, rescan_cb, self);
}

static void
items_changed_cb (ShoeboxNewsService *self)
{
  self->items_changed = TRUE;
  if (self->notified_item_id != 0 && !shoebox_mentions_is_unread (self->mentions, self->notified_item_id))
    withdraw_notification (self);
}

static void
settings_changed_cb (ShoeboxNewsService *self,
                     const char         *key)
{
  if (g_strcmp0 (key, "news-refresh-interval") == 0)
    shoebox_news_fetcher_set_refresh_interval (self->fetcher,
                                               60 * g_settings_get_uint (self->settings, "news-refresh-interval"));
  else if (g_strcmp0 (key, "news-notifications") == 0
           && !g_settings_get_boolean (self->settings, "news-notifications"))
    withdraw_notification (self);
}

static void
show_news_item_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ShoeboxNewsService *self = SHOEBOX_NEWS_SERVICE (user_data);

  /* The server closes a notification the user clicked: nothing to
   * withdraw any more.
   */
  if (self->notified_item_id == g_variant_get_int64 (parameter))
    self->notified_item_id = 0;
  if (self->application != NULL)
    g_application_activate (self->application);
  g_signal_emit (self, signals[SHOW_ITEM], 0, g_variant_get_int64 (parameter));
}

static void
show_pair_news_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ShoeboxNewsService *self = SHOEBOX_NEWS_SERVICE (user_data);

  if (self->application != NULL)
    g_application_activate (self->application);
  g_signal_emit (self, signals[SHOW_PAIR], 0, g_variant_get_int64 (parameter));
}

static void
shoebox_news_service_dispose (GObject *object)
{
  ShoeboxNewsService *self = SHOEBOX_NEWS_SERVICE (object);

  shoebox_news_service_shutdown (self);
  if (self->application != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
      self->application = NULL;
    }
  g_clear_object (&self->collection);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->mentions);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->scan_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (shoebox_news_service_parent_class)->dispose (object);
}

static void
shoebox_news_service_class_init (ShoeboxNewsServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shoebox_news_service_dispose;

  /**
   * ShoeboxNewsService::show-item:
   * @item_id: the story
   *
   * The user clicked the notification of a story: the News page shows it.
   */
  signals[SHOW_ITEM] =
    g_signal_new ("show-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * ShoeboxNewsService::show-pair:
   * @pair_id: the pair
   *
   * Someone asked for a pair's news (`app.show-pair-news`, from the
   * pair's page): the News page lists the stories that mention it.
   */
  signals[SHOW_PAIR] =
    g_signal_new ("show-pair", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
shoebox_news_service_init (ShoeboxNewsService *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  self->scan_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * shoebox_news_service_new:
 * @application: (nullable): where notifications go; %NULL for none
 * @database: the open database
 * @collection: (nullable): the collection, rescanned for mentions when it
 *   changes
 * @session: (nullable): the session to fetch with; %NULL for the
 *   application's usual one
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the news service, or %NULL with @error set
 */
ShoeboxNewsService *
shoebox_news_service_new (GApplication       *application,
                          ShoeboxDatabase    *database,
                          ShoeboxCollection  *collection,
                          SoupSession        *session,
                          GError            **error)
{
  g_autoptr(ShoeboxNewsService) self = NULL;
  g_autoptr(GSimpleAction) show_item = NULL;
  g_autoptr(GSimpleAction) show_pair = NULL;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SHOEBOX_IS_DATABASE (database), NULL);
  g_return_val_if_fail (collection == NULL || SHOEBOX_IS_COLLECTION (collection), NULL);

  self = g_object_new (SHOEBOX_TYPE_NEWS_SERVICE, NULL);
  self->store = shoebox_news_store_new (database, error);
  if (self->store == NULL)
    return NULL;

  self->fetcher = shoebox_news_fetcher_new (self->store, session);
  shoebox_news_fetcher_set_network_monitor (self->fetcher, g_network_monitor_get_default ());
  shoebox_news_fetcher_set_refresh_interval (self->fetcher,
                                             60 * g_settings_get_uint (self->settings, "news-refresh-interval"));
  self->mentions = shoebox_mentions_new (database);

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);

  if (collection != NULL)
    {
      self->collection = g_object_ref (collection);
      g_signal_connect_object (collection, "changed", G_CALLBACK (collection_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (application != NULL)
    {
      self->application = application;
      g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);

      show_item = g_simple_action_new ("show-news-item", G_VARIANT_TYPE_INT64);
      g_signal_connect_object (show_item, "activate", G_CALLBACK (show_news_item_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (show_item));

      /* For a pair's page: a button with this action and the pair's id
       * shows its news.
       */
      show_pair = g_simple_action_new ("show-pair-news", G_VARIANT_TYPE_INT64);
      g_signal_connect_object (show_pair, "activate", G_CALLBACK (show_pair_news_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (show_pair));
    }

  return g_steal_pointer (&self);
}

ShoeboxNewsStore *
shoebox_news_service_get_store (ShoeboxNewsService *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SERVICE (self), NULL);

  return self->store;
}

ShoeboxNewsFetcher *
shoebox_news_service_get_fetcher (ShoeboxNewsService *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SERVICE (self), NULL);

  return self->fetcher;
}

ShoeboxMentions *
shoebox_news_service_get_mentions (ShoeboxNewsService *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SERVICE (self), NULL);

  return self->mentions;
}

/**
 * shoebox_news_service_start:
 * @self: a #ShoeboxNewsService
 *
 * Matches the stored news against the collection (which may have changed
 * while Shoebox was closed, say by `--import-csv`), fetches the sources
 * whose refresh is due, and from then on looks for due sources every
 * minute.
 */
void
shoebox_news_service_start (ShoeboxNewsService *self)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_SERVICE (self));

  if (self->tick_id != 0)
    return;

  /* Most launches find the collection and the stories as the last scan
   * did: with 100,000 pairs that scan is 300 ms of CPU for nothing.
   */
  self->scan_unless_unchanged = TRUE;
  scan (self, FALSE, NULL);
  start_refresh (self, SHOEBOX_NEWS_REFRESH_ONLY_DUE);
  self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

/**
 * shoebox_news_service_refresh:
 * @self: a #ShoeboxNewsService
 *
 * Fetches every enabled source now, unless a refresh is already running.
 * Progress shows in the fetcher's properties.
 */
void
shoebox_news_service_refresh (ShoeboxNewsService *self)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_SERVICE (self));

  start_refresh (self, SHOEBOX_NEWS_REFRESH_NONE);
}

static void
add_source_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  ShoeboxNewsSource *source;
  ShoeboxNewsService *self;

  source = shoebox_news_fetcher_add_source_finish (SHOEBOX_NEWS_FETCHER (object), result, &error);
  if (source == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Returned once its stories are matched. */
  self = g_task_get_source_object (task);
  g_task_set_task_data (task, source, g_object_unref);
  scan (self, TRUE, task);
}

/**
 * shoebox_news_service_add_source_async:
 * @self: a #ShoeboxNewsService
 * @url: what the user typed: a feed, or a page that names its feed
 * @cancellable: (nullable): stops the fetch
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Adds a source as shoebox_news_fetcher_add_source_async() does, then
 * looks for mentions in the items it came with.
 */
void
shoebox_news_service_add_source_async (ShoeboxNewsService  *self,
                                       const char          *url,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SHOEBOX_IS_NEWS_SERVICE (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_news_service_add_source_async);
  shoebox_news_fetcher_add_source_async (self->fetcher, url, cancellable, add_source_cb, g_steal_pointer (&task));
}

/**
 * shoebox_news_service_add_source_finish:
 * @self: a #ShoeboxNewsService
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the new source, or %NULL with @error set (a
 *   message for the user)
 */
ShoeboxNewsSource *
shoebox_news_service_add_source_finish (ShoeboxNewsService  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * shoebox_news_service_shutdown:
 * @self: a #ShoeboxNewsService
 *
 * Cancels every fetch and stops the timers, before the database closes.
 */
void
shoebox_news_service_shutdown (ShoeboxNewsService *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SHOEBOX_IS_NEWS_SERVICE (self));

  /* A change whose scan will not run now: the next launch's must not be
   * skipped, whatever the fingerprint says.
   */
  if (self->mentions != NULL && (self->rescan_id != 0 || self->scanning || self->scan_pending))
    shoebox_mentions_forget_fingerprint (self->mentions);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->rescan_id, g_source_remove);

  /* Waiting for a scan that will not start now. */
  if (self->scan_waiters != NULL && self->scan_waiters->len > 0)
    {
      g_cancellable_set_error_if_cancelled (self->cancellable, &error);
      return_waiters (self->scan_waiters, error);
      g_ptr_array_set_size (self->scan_waiters, 0);
    }
}
