/* shoebox-news-fetcher-add-source.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-fetcher"

#include "config.h"

#include "shoebox-news-fetcher-private.h"

#include "shoebox-news-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Adding a source from an address: a feed's, or a web page's that names
 * its feed. An address typed without a scheme, `example.com/feed`, is
 * tried over https first, then over http when https cannot fetch it.
 */

typedef struct
{
  char        *url;
  char        *fallback;   /* the http:// address still to try, or NULL */
  char        *discovered;
  FetchResult *result;
} AddSource;

static void
add_source_free (AddSource *add)
{
  g_clear_pointer (&add->url, g_free);
  g_clear_pointer (&add->fallback, g_free);
  g_clear_pointer (&add->discovered, g_free);
  g_clear_pointer (&add->result, _shoebox_news_fetcher_fetch_result_free);
  g_free (add);
}

static gboolean
looks_like_html (FetchResult *result)
{
  const char *data;
  gsize size;

  if (result->content_type != NULL
      && (g_ascii_strcasecmp (result->content_type, "text/html") == 0
          || g_ascii_strcasecmp (result->content_type, "application/xhtml+xml") == 0))
    return TRUE;

  data = g_bytes_get_data (result->body, &size);
  return g_strstr_len (data, MIN (size, 4096), "<html") != NULL
         || g_strstr_len (data, MIN (size, 4096), "<HTML") != NULL
         || g_strstr_len (data, MIN (size, 4096), "<!DOCTYPE html") != NULL
         || g_strstr_len (data, MIN (size, 4096), "<!doctype html") != NULL;
}

static gboolean
check_not_listed (ShoeboxNewsFetcher  *self,
                  const char          *url,
                  GError             **error)
{
  GListModel *sources = shoebox_news_store_get_sources (self->store);
  guint n = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoeboxNewsSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (source->url, url) == 0)
        {
          g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_DUPLICATE,
                       _("“%s” is already one of your news sources"), url);
          return FALSE;
        }
    }

  return TRUE;
}

/* "example.com/feed", "127.0.0.1:8080/rss": a host with a dot or a
 * port, no scheme, no space. "garbage" is no address, and is refused
 * as one rather than looked up.
 */
static gboolean
looks_like_bare_host (const char *text)
{
  gsize host_length = strcspn (text, "/?#");

  if (*text == '\0' || g_uri_peek_scheme (text) != NULL || strpbrk (text, " \t\n") != NULL)
    return FALSE;
  return memchr (text, '.', host_length) != NULL || memchr (text, ':', host_length) != NULL;
}

static void add_source_fetched_cb (GObject      *object,
                                   GAsyncResult *res,
                                   gpointer      user_data);

static void
add_source_parsed_cb (GObject      *object,
                      GAsyncResult *res,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ShoeboxNewsFetcher *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxFeed) feed = NULL;
  g_autoptr(GDateTime) next_refresh = NULL;
  AddSource *add = g_task_get_task_data (task);
  FetchResult *result = add->result;
  ShoeboxNewsSource *source;
  GCancellable *cancellable;
  const char *url;

  feed = _shoebox_news_fetcher_parse_finish (res, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (feed == NULL)
    {
      g_autofree char *discovered = NULL;

      if (add->discovered == NULL && looks_like_html (result))
        discovered = shoebox_news_discover_feed (result->body, result->final_url);

      if (discovered == NULL)
        {
          g_task_return_new_error (task, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_NOT_A_FEED,
                                   _("Not a feed: %s is neither a news feed nor a page that links to one"),
                                   add->url);
          return;
        }

      /* The page names its feed: fetch that, once; a feed page never leads
       * to another page.
       */
      g_clear_error (&error);
      if (!check_not_listed (self, discovered, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      add->discovered = g_steal_pointer (&discovered);
      cancellable = g_task_get_cancellable (task);
      _shoebox_news_fetcher_fetch_async (self, add->discovered, NULL, NULL, cancellable,
                                         add_source_fetched_cb, g_steal_pointer (&task));
      return;
    }

  /* A page's feed is kept at the address the page gave, unless that
   * moved for good.
   */
  if (result->permanent_url != NULL)
    url = result->permanent_url;
  else if (add->discovered != NULL)
    url = add->discovered;
  else
    url = add->url;

  source = shoebox_news_store_add_source (self->store, url, NULL, &error);
  if (source == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_object_ref (source);
  next_refresh = _shoebox_news_fetcher_dup_next_refresh (self, NULL);
  if (!shoebox_news_store_record_success (self->store, source, feed, result->etag, result->last_modified,
                                          next_refresh, NULL, &error))
    {
      g_object_unref (source);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, source, g_object_unref);
}

static void
add_source_fetched_cb (GObject      *object,
                       GAsyncResult *res,
                       gpointer      user_data)
{
  ShoeboxNewsFetcher *self = SHOEBOX_NEWS_FETCHER (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  AddSource *add;

  result = _shoebox_news_fetcher_fetch_finish (self, res, &error);
  if (result != NULL && result->error != NULL)
    error = g_steal_pointer (&result->error);

  add = g_task_get_task_data (task);
  if (error != NULL && add->fallback != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* https did not work for an address typed without a scheme: http. */
      g_clear_error (&error);
      g_free (add->url);
      add->url = g_steal_pointer (&add->fallback);
      if (!check_not_listed (self, add->url, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      cancellable = g_task_get_cancellable (task);
      _shoebox_news_fetcher_fetch_async (self, add->url, NULL, NULL, cancellable, add_source_fetched_cb,
                                         g_steal_pointer (&task));
      return;
    }
  g_clear_pointer (&add->fallback, g_free);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Nothing was asked conditionally, so a 304 makes no sense here. */
  if (result->not_modified)
    {
      g_task_return_new_error (task, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_HTTP,
                               _("Unexpected answer from the server (%u)"), SOUP_STATUS_NOT_MODIFIED);
      return;
    }

  g_clear_pointer (&add->result, _shoebox_news_fetcher_fetch_result_free);
  add->result = g_steal_pointer (&result);
  cancellable = g_task_get_cancellable (task);
  _shoebox_news_fetcher_parse_async (add->result, cancellable, add_source_parsed_cb, g_steal_pointer (&task));
}

/**
 * shoebox_news_fetcher_add_source_async:
 * @self: a #ShoeboxNewsFetcher
 * @url: a feed's address, or a web page that advertises its feed
 * @cancellable: (nullable): stops the fetch
 * @callback: called when the source was added, or could not be
 * @user_data: data for @callback
 *
 * Fetches @url and adds it when it is a feed. A web page that names its
 * feed with `<link rel="alternate">` adds that feed instead. An address
 * without a scheme whose host has a dot or a port (`example.com/feed`)
 * is fetched over https, then over http if that fails. The new source
 * starts with the items it was fetched with.
 */
void
shoebox_news_fetcher_add_source_async (ShoeboxNewsFetcher  *self,
                                       const char          *url,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *fallback = NULL;
  AddSource *add;

  g_return_if_fail (SHOEBOX_IS_NEWS_FETCHER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_news_fetcher_add_source_async);

  typed = g_strstrip (g_strdup (url != NULL ? url : ""));
  if (looks_like_bare_host (typed))
    {
      g_autofree char *https = g_strconcat ("https://", typed, NULL);
      g_autofree char *http = g_strconcat ("http://", typed, NULL);

      normal = shoebox_news_normalize_url (https, &error);
      fallback = normal != NULL ? shoebox_news_normalize_url (http, NULL) : NULL;
    }
  else
    normal = shoebox_news_normalize_url (typed, &error);
  if (normal == NULL || !check_not_listed (self, normal, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  add = g_new0 (AddSource, 1);
  add->url = g_strdup (normal);
  add->fallback = g_steal_pointer (&fallback);
  g_task_set_task_data (task, add, (GDestroyNotify) add_source_free);

  _shoebox_news_fetcher_fetch_async (self, normal, NULL, NULL, cancellable, add_source_fetched_cb, g_steal_pointer (&task));
}

/**
 * shoebox_news_fetcher_add_source_finish:
 * @self: a #ShoeboxNewsFetcher
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the new source, or %NULL with @error set
 *   (in %SHOEBOX_NEWS_ERROR, with a message for the user)
 */
ShoeboxNewsSource *
shoebox_news_fetcher_add_source_finish (ShoeboxNewsFetcher  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
