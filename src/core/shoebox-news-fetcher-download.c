/* shoebox-news-fetcher-download.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-fetcher"

#include "config.h"

#include "shoebox-news-fetcher-private.h"
#include "shoebox-photos.h"

#include <glib/gi18n.h>

/* Small downloads, the pictures that go with items. */

static void
download_fetched_cb (GObject      *object,
                     GAsyncResult *res,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = _shoebox_news_fetcher_fetch_finish (SHOEBOX_NEWS_FETCHER (object), res, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (result->error != NULL)
    g_task_return_error (task, g_steal_pointer (&result->error));
  else if (result->not_modified)
    g_task_return_new_error (task, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_HTTP,
                             _("Unexpected answer from the server (%u)"), SOUP_STATUS_NOT_MODIFIED);
  else
    {
      g_task_set_task_data (task, g_steal_pointer (&result->content_type), g_free);
      g_task_return_pointer (task, g_steal_pointer (&result->body), (GDestroyNotify) g_bytes_unref);
    }
}

/**
 * shoebox_news_fetcher_download_async:
 * @self: a #ShoeboxNewsFetcher
 * @url: an http or https address, an item's thumbnail say
 * @max_size: the most bytes to accept; past it the transfer stops
 * @cancellable: (nullable): stops the download
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Downloads a small file with the fetcher's session, redirect checks and
 * deadline, for the pictures that go with items. Any address that is not
 * http or https fails without a connection.
 */
void
shoebox_news_fetcher_download_async (ShoeboxNewsFetcher  *self,
                                     const char          *url,
                                     gsize                max_size,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *accept = NULL;

  g_return_if_fail (SHOEBOX_IS_NEWS_FETCHER (self));
  g_return_if_fail (max_size > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_news_fetcher_download_async);

  normal = shoebox_news_normalize_url (url, &error);
  if (normal == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Only what decodes here: a server that has a picture as AVIF or WebP
   * as well as JPEG then sends a version gdk-pixbuf can read. Interned,
   * as the fetch wants a static string: there are as many as sets of
   * loaders seen, one or two.
   */
  accept = shoebox_photos_dup_accept_header ();
  _shoebox_news_fetcher_fetch_full_async (self, normal, NULL, NULL, g_intern_string (accept), max_size, cancellable,
                                          download_fetched_cb, g_steal_pointer (&task));
}

/**
 * shoebox_news_fetcher_download_finish:
 * @self: a #ShoeboxNewsFetcher
 * @result: the result
 * @content_type: (out) (optional) (nullable): the type the server gave
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set (in
 *   %SHOEBOX_NEWS_ERROR, with a message for the user)
 */
GBytes *
shoebox_news_fetcher_download_finish (ShoeboxNewsFetcher  *self,
                                      GAsyncResult        *result,
                                      char               **content_type,
                                      GError             **error)
{
  GBytes *bytes;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (content_type != NULL)
    *content_type = bytes != NULL ? g_strdup (g_task_get_task_data (G_TASK (result))) : NULL;

  return bytes;
}
