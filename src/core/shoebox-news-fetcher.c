/* shoebox-news-fetcher.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-fetcher"

#include "config.h"

#include "shoebox-news-fetcher-private.h"

/* How news arrives. A refresh takes the sources from the store and runs a
 * few fetches at a time. One fetch is a GET per hop: redirects are
 * followed here, each target checked first; the body is read in chunks up
 * to the size cap; a deadline bounds the whole. A fetch ends in a
 * FetchResult (the body, a 304, or a failure in plain words), never in a
 * GError unless cancelled. The body is parsed in a worker thread, then
 * the store records the items and the source's health on the main loop.
 */

G_DEFINE_FINAL_TYPE (ShoeboxNewsFetcher, shoebox_news_fetcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  PROP_NETWORK_MONITOR,
  PROP_MAX_BODY_SIZE,
  PROP_MAX_CONCURRENT,
  PROP_MAX_REDIRECTS,
  PROP_FETCH_DEADLINE,
  PROP_REFRESH_INTERVAL,
  PROP_BUSY,
  PROP_N_DONE,
  PROP_N_TOTAL,
  PROP_OFFLINE,
  PROP_N_NEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A refresh reports its progress through these properties. */
void
_shoebox_news_fetcher_set_progress (ShoeboxNewsFetcher *self,
                                    gboolean            busy,
                                    guint               n_done,
                                    guint               n_total)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  if (self->n_done != n_done)
    {
      self->n_done = n_done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
    }
  if (self->n_total != n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_shoebox_news_fetcher_set_offline (ShoeboxNewsFetcher *self,
                                   gboolean            offline)
{
  if (self->offline == offline)
    return;
  self->offline = offline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

void
_shoebox_news_fetcher_set_n_new (ShoeboxNewsFetcher *self,
                                 guint               n_new)
{
  if (self->n_new != n_new)
    {
      self->n_new = n_new;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NEW]);
    }
}

static void
shoebox_news_fetcher_constructed (GObject *object)
{
  ShoeboxNewsFetcher *self = SHOEBOX_NEWS_FETCHER (object);

  G_OBJECT_CLASS (shoebox_news_fetcher_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = shoebox_news_create_session ();
}

static void
shoebox_news_fetcher_dispose (GObject *object)
{
  ShoeboxNewsFetcher *self = SHOEBOX_NEWS_FETCHER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->network_monitor);

  G_OBJECT_CLASS (shoebox_news_fetcher_parent_class)->dispose (object);
}

static void
shoebox_news_fetcher_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ShoeboxNewsFetcher *self = SHOEBOX_NEWS_FETCHER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_NETWORK_MONITOR:
      g_value_set_object (value, self->network_monitor);
      break;

    case PROP_MAX_BODY_SIZE:
      g_value_set_uint (value, self->max_body_size);
      break;

    case PROP_MAX_CONCURRENT:
      g_value_set_uint (value, self->max_concurrent);
      break;

    case PROP_MAX_REDIRECTS:
      g_value_set_uint (value, self->max_redirects);
      break;

    case PROP_FETCH_DEADLINE:
      g_value_set_uint (value, self->fetch_deadline);
      break;

    case PROP_REFRESH_INTERVAL:
      g_value_set_uint (value, self->refresh_interval);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;

    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;

    case PROP_N_NEW:
      g_value_set_uint (value, self->n_new);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_fetcher_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ShoeboxNewsFetcher *self = SHOEBOX_NEWS_FETCHER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_NETWORK_MONITOR:
      shoebox_news_fetcher_set_network_monitor (self, g_value_get_object (value));
      break;

    case PROP_MAX_BODY_SIZE:
      shoebox_news_fetcher_set_max_body_size (self, g_value_get_uint (value));
      break;

    case PROP_MAX_CONCURRENT:
      self->max_concurrent = g_value_get_uint (value);
      break;

    case PROP_MAX_REDIRECTS:
      self->max_redirects = g_value_get_uint (value);
      break;

    case PROP_FETCH_DEADLINE:
      shoebox_news_fetcher_set_fetch_deadline (self, g_value_get_uint (value));
      break;

    case PROP_REFRESH_INTERVAL:
      shoebox_news_fetcher_set_refresh_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_fetcher_class_init (ShoeboxNewsFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = shoebox_news_fetcher_constructed;
  object_class->dispose = shoebox_news_fetcher_dispose;
  object_class->get_property = shoebox_news_fetcher_get_property;
  object_class->set_property = shoebox_news_fetcher_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SHOEBOX_TYPE_NEWS_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxNewsFetcher:network-monitor:
   *
   * Consulted only to call a failed connection "Offline"; never to skip
   * a fetch. %NULL (the default) never says offline.
   */
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL, G_TYPE_NETWORK_MONITOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MAX_BODY_SIZE] =
    g_param_spec_uint ("max-body-size", NULL, NULL, 1, G_MAXINT, SHOEBOX_NEWS_MAX_BODY_SIZE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MAX_CONCURRENT] =
    g_param_spec_uint ("max-concurrent", NULL, NULL, 1, 16, SHOEBOX_NEWS_MAX_CONCURRENT,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MAX_REDIRECTS] =
    g_param_spec_uint ("max-redirects", NULL, NULL, 0, 20, SHOEBOX_NEWS_MAX_REDIRECTS,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxNewsFetcher:fetch-deadline:
   *
   * Seconds one fetch may take in all, redirects included, however slowly
   * the server trickles its answer; 0 for none. The session's own timeout
   * covers a server that stops answering.
   */
  properties[PROP_FETCH_DEADLINE] =
    g_param_spec_uint ("fetch-deadline", NULL, NULL, 0, 3600, SHOEBOX_NEWS_FETCH_DEADLINE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REFRESH_INTERVAL] =
    g_param_spec_uint ("refresh-interval", NULL, NULL, 60, 7 * 24 * 3600, SHOEBOX_NEWS_REFRESH_INTERVAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxNewsFetcher:offline:
   *
   * Whether, in the last refresh that fetched anything, every source failed
   * to connect while the network monitor said the network was down: the
   * News page then shows a quiet note instead of one error per source.
   */
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxNewsFetcher:n-new:
   *
   * How many items the last finished refresh added.
   */
  properties[PROP_N_NEW] =
    g_param_spec_uint ("n-new", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shoebox_news_fetcher_init (ShoeboxNewsFetcher *self)
{
  self->max_body_size = SHOEBOX_NEWS_MAX_BODY_SIZE;
  self->max_concurrent = SHOEBOX_NEWS_MAX_CONCURRENT;
  self->max_redirects = SHOEBOX_NEWS_MAX_REDIRECTS;
  self->fetch_deadline = SHOEBOX_NEWS_FETCH_DEADLINE;
  self->refresh_interval = SHOEBOX_NEWS_REFRESH_INTERVAL;
}

/**
 * shoebox_news_create_session:
 *
 * The application's one session for news: a real User-Agent, and
 * timeouts so a server that stops answering cannot hold a fetch forever.
 *
 * Returns: (transfer full): a new session
 */
SoupSession *
shoebox_news_create_session (void)
{
  return g_object_new (SOUP_TYPE_SESSION,
                       "user-agent", "Shoebox/" PACKAGE_VERSION " ",
                       "timeout", SHOEBOX_NEWS_TIMEOUT,
                       "idle-timeout", 60,
                       NULL);
}

/**
 * shoebox_news_fetcher_new:
 * @store: where sources and items live
 * @session: (nullable): the session to fetch with; %NULL for one from
 *   shoebox_news_create_session()
 *
 * Returns: (transfer full): a new fetcher
 */
ShoeboxNewsFetcher *
shoebox_news_fetcher_new (ShoeboxNewsStore *store,
                          SoupSession      *session)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);

  return g_object_new (SHOEBOX_TYPE_NEWS_FETCHER,
                       "store", store,
                       "session", session,
                       NULL);
}

/**
 * shoebox_news_fetcher_get_store:
 * @self: a #ShoeboxNewsFetcher
 *
 * Returns: (transfer none): the store
 */
ShoeboxNewsStore *
shoebox_news_fetcher_get_store (ShoeboxNewsFetcher *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_FETCHER (self), NULL);

  return self->store;
}

/**
 * shoebox_news_fetcher_get_session:
 * @self: a #ShoeboxNewsFetcher
 *
 * Returns: (transfer none): the session
 */
SoupSession *
shoebox_news_fetcher_get_session (ShoeboxNewsFetcher *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_FETCHER (self), NULL);

  return self->session;
}

void
shoebox_news_fetcher_set_network_monitor (ShoeboxNewsFetcher *self,
                                          GNetworkMonitor    *monitor)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_FETCHER (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  if (g_set_object (&self->network_monitor, monitor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK_MONITOR]);
}

void
shoebox_news_fetcher_set_max_body_size (ShoeboxNewsFetcher *self,
                                        guint               max_body_size)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_FETCHER (self));
  g_return_if_fail (max_body_size > 0);

  if (self->max_body_size == max_body_size)
    return;
  self->max_body_size = max_body_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BODY_SIZE]);
}

void
shoebox_news_fetcher_set_fetch_deadline (ShoeboxNewsFetcher *self,
                                         guint               seconds)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_FETCHER (self));

  if (self->fetch_deadline == seconds)
    return;
  self->fetch_deadline = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FETCH_DEADLINE]);
}

void
shoebox_news_fetcher_set_refresh_interval (ShoeboxNewsFetcher *self,
                                           guint               seconds)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_FETCHER (self));

  seconds = CLAMP (seconds, 60, 7 * 24 * 3600);
  if (self->refresh_interval == seconds)
    return;
  self->refresh_interval = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH_INTERVAL]);
}

gboolean
shoebox_news_fetcher_get_busy (ShoeboxNewsFetcher *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_FETCHER (self), FALSE);

  return self->busy;
}

guint
shoebox_news_fetcher_get_n_done (ShoeboxNewsFetcher *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_FETCHER (self), 0);

  return self->n_done;
}

guint
shoebox_news_fetcher_get_n_total (ShoeboxNewsFetcher *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_FETCHER (self), 0);

  return self->n_total;
}

gboolean
shoebox_news_fetcher_get_offline (ShoeboxNewsFetcher *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_FETCHER (self), FALSE);

  return self->offline;
}

guint
shoebox_news_fetcher_get_n_new (ShoeboxNewsFetcher *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_FETCHER (self), 0);

  return self->n_new;
}
