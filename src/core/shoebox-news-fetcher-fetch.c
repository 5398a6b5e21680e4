/* shoebox-news-fetcher-fetch.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-fetcher"

#include "config.h"

#include "shoebox-news-fetcher-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* One fetch: a GET per hop, each redirect target checked first, the body
 * read in chunks up to the size cap, and a deadline over the whole.
 */

/* libsoup 3.2 names no 429. */
#define STATUS_TOO_MANY_REQUESTS 429

#define READ_CHUNK_SIZE    (64 * 1024)
#define MAX_RETRY_AFTER    (7 * 24 * 60 * 60)
#define ACCEPT_FEEDS \
  "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, " \
  "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5"

void
_shoebox_news_fetcher_fetch_result_free (FetchResult *result)
{
  g_clear_error (&result->error);
  g_clear_pointer (&result->body, g_bytes_unref);
  g_clear_pointer (&result->content_type, g_free);
  g_clear_pointer (&result->charset, g_free);
  g_clear_pointer (&result->final_url, g_free);
  g_clear_pointer (&result->permanent_url, g_free);
  g_clear_pointer (&result->etag, g_free);
  g_clear_pointer (&result->last_modified, g_free);
  g_clear_pointer (&result->retry_after, g_date_time_unref);
  g_free (result);
}

typedef struct
{
  GTask              *task; /* unowned: the task owns this */
  ShoeboxNewsFetcher *fetcher;
  GCancellable       *parent;
  gulong              parent_handler;
  GCancellable       *hop_cancellable;
  SoupMessage        *message;
  GInputStream       *stream;
  GByteArray         *body;
  GHashTable         *visited;
  char               *url;
  char               *etag;
  char               *last_modified;
  const char         *accept;
  gsize               max_size;
  guint               n_redirects;
  gboolean            all_permanent;
  guint               deadline_id;
  gboolean            returned;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_assert (fetch->deadline_id == 0);
  g_clear_signal_handler (&fetch->parent_handler, fetch->parent);

  /* A stream dropped before its end is closed by libsoup reading the rest
   * of the body: cancelling first makes that close return at once.
   */
  if (fetch->stream != NULL && fetch->hop_cancellable != NULL)
    g_cancellable_cancel (fetch->hop_cancellable);
  g_clear_object (&fetch->stream);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->hop_cancellable);
  g_clear_object (&fetch->parent);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_clear_pointer (&fetch->visited, g_hash_table_unref);
  g_clear_pointer (&fetch->url, g_free);
  g_clear_pointer (&fetch->etag, g_free);
  g_clear_pointer (&fetch->last_modified, g_free);
  g_clear_object (&fetch->fetcher);
  g_free (fetch);
}

static void start_hop (GTask *task);

static gboolean
network_is_down (ShoeboxNewsFetcher *self)
{
  /* Only ever a label for a failure that already happened: the monitor
   * says "unavailable" on a machine with no default route, where a feed
   * on 127.0.0.1 still works.
   */
  return self->network_monitor != NULL
         && !g_network_monitor_get_network_available (self->network_monitor);
}

static GError *
error_for_status (guint status)
{
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    return g_error_new (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_ACCESS_DENIED,
                        _("Server refused access (%u)"), status);
  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    return g_error_new (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_NOT_FOUND,
                        _("Not found (%u)"), status);
  if (status == STATUS_TOO_MANY_REQUESTS)
    return g_error_new (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_RATE_LIMITED,
                        _("Too many requests (%u)"), status);
  if (status >= 500 && status <= 599)
    return g_error_new (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_SERVER_ERROR,
                        _("Server error (%u)"), status);

  return g_error_new (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_HTTP,
                      _("Unexpected answer from the server (%u)"), status);
}

/* Plain words for what went wrong below HTTP. */
static GError *
error_for_transfer (ShoeboxNewsFetcher *self,
                    const GError       *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new_literal (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_TIMED_OUT, _("Timed out"));

  if (error->domain == G_RESOLVER_ERROR
      || error->domain == G_TLS_ERROR
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_FAILED))
    {
      if (network_is_down (self))
        return g_error_new_literal (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_OFFLINE, _("Offline"));
      if (error->domain == G_TLS_ERROR)
        return g_error_new_literal (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_COULD_NOT_CONNECT,
                                    _("Could not connect securely"));
      return g_error_new_literal (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_COULD_NOT_CONNECT,
                                  _("Could not connect"));
    }

  return g_error_new (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_FAILED,
                      _("The server’s answer could not be read: %s"), error->message);
}

/* Retry-After is seconds or an HTTP date (RFC 9110, 10.2.3). */
static GDateTime *
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) date = NULL;
  guint64 seconds;

  if (value == NULL)
    return NULL;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &seconds, NULL))
    return g_date_time_add_seconds (now, MIN (seconds, MAX_RETRY_AFTER));

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return NULL;
  if (g_date_time_difference (date, now) > (GTimeSpan) MAX_RETRY_AFTER * G_TIME_SPAN_SECOND)
    return g_date_time_add_seconds (now, MAX_RETRY_AFTER);
  return g_steal_pointer (&date);
}

static void
remove_deadline (Fetch *fetch)
{
  GSource *deadline;

  if (fetch->deadline_id == 0)
    return;

  deadline = g_main_context_find_source_by_id (g_task_get_context (fetch->task), fetch->deadline_id);
  if (deadline != NULL)
    g_source_destroy (deadline);
  fetch->deadline_id = 0;
}

/* Stops the current hop: the connection is closed rather than drained,
 * however much the server still wants to send.
 */
static void
abandon_hop (Fetch *fetch)
{
  if (fetch->hop_cancellable != NULL)
    g_cancellable_cancel (fetch->hop_cancellable);
  g_clear_object (&fetch->stream);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->hop_cancellable);
}

/* The one way a fetch ends. A deadline or a cancel may end it before
 * libsoup calls back (libsoup 3.2 can lose a message sent on a connection
 * that its idle timeout closes at that moment, and then never calls back
 * at all): a callback that comes later finds it returned and only drops
 * its reference.
 */
static void
return_result (Fetch       *fetch,
               FetchResult *result)
{
  g_autoptr(GTask) task = g_object_ref (fetch->task);

  g_assert (!fetch->returned);
  fetch->returned = TRUE;
  remove_deadline (fetch);
  abandon_hop (fetch);

  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) _shoebox_news_fetcher_fetch_result_free);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The fetch was cancelled"));

  /* A message libsoup lost keeps the task alive: it should not keep the
   * fetcher alive too.
   */
  g_clear_signal_handler (&fetch->parent_handler, fetch->parent);
  g_clear_object (&fetch->fetcher);
}

static void
return_error (Fetch  *fetch,
              GError *error)
{
  FetchResult *result = g_new0 (FetchResult, 1);

  result->error = error;
  return_result (fetch, result);
}

static void
return_cancelled (Fetch *fetch)
{
  return_result (fetch, NULL);
}

/* A hop's request or read failed: cancelled, or in plain words. */
static void
return_transfer_error (Fetch        *fetch,
                       const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return_cancelled (fetch);
  else
    return_error (fetch, error_for_transfer (fetch->fetcher, error));
}

/* What a full and a not-modified answer both hand over: the validators
 * for the next fetch, and where the feed was found. */
static void
set_result_location (Fetch              *fetch,
                     FetchResult        *result,
                     SoupMessageHeaders *headers)
{
  result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  result->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  result->final_url = g_strdup (fetch->url);
  if (fetch->n_redirects > 0 && fetch->all_permanent)
    result->permanent_url = g_strdup (fetch->url);
}

/* The charset parameter of the Content-Type, if it is a plain label:
 * anything else could not name an encoding, and is dropped before it
 * reaches iconv.
 */
static char *
dup_charset (GHashTable *params)
{
  const char *charset = params != NULL ? g_hash_table_lookup (params, "charset") : NULL;

  if (charset == NULL || *charset == '\0' || strlen (charset) > 40)
    return NULL;

  for (const char *c = charset; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && strchr ("-_.:+", *c) == NULL)
      return NULL;

  return g_strdup (charset);
}

static void
finish_body (Fetch *fetch)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  FetchResult *result = g_new0 (FetchResult, 1);
  g_autoptr(GHashTable) params = NULL;

  /* libsoup gives the media type alone; its parameters, the charset
   * among them, come only in @params.
   */
  result->content_type = g_strdup (soup_message_headers_get_content_type (headers, &params));
  result->charset = dup_charset (params);
  set_result_location (fetch, result, headers);
  result->body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));

  return_result (fetch, result);
}

static void
read_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Fetch *fetch;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), res, &error);
  fetch = g_task_get_task_data (task);
  if (fetch->returned)
    return;

  if (bytes == NULL)
    {
      return_transfer_error (fetch, error);
      return;
    }

  if (g_bytes_get_size (bytes) == 0)
    {
      finish_body (fetch);
      return;
    }

  if (fetch->body->len + g_bytes_get_size (bytes) > fetch->max_size)
    {
      return_error (fetch, g_error_new_literal (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_TOO_LARGE,
                                               _("Too large")));
      return;
    }

  g_byte_array_append (fetch->body, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   fetch->hop_cancellable, read_cb, g_steal_pointer (&task));
}

static gboolean
is_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY
         || status == SOUP_STATUS_FOUND
         || status == SOUP_STATUS_SEE_OTHER
         || status == SOUP_STATUS_TEMPORARY_REDIRECT
         || status == SOUP_STATUS_PERMANENT_REDIRECT;
}

/* Redirects are followed here rather than by libsoup, so that each target
 * is checked (http or https with a host) before anything connects to it,
 * a loop is seen at its first repeat, and we know whether every hop was
 * permanent, which is what moves a source to its new address.
 */
static void
follow_redirect (GTask *task,
                 guint  status)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autofree char *resolved = NULL;
  g_autofree char *target = NULL;

  if (location == NULL)
    {
      return_error (fetch, error_for_status (status));
      return;
    }

  resolved = g_uri_resolve_relative (fetch->url, location, G_URI_FLAGS_ENCODED, NULL);
  target = resolved != NULL ? shoebox_news_normalize_url (resolved, NULL) : NULL;
  abandon_hop (fetch);

  if (target == NULL)
    {
      return_error (fetch, g_error_new_literal (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                                               _("Redirected to an address that is not a web address")));
      return;
    }

  fetch->n_redirects++;
  if (fetch->n_redirects > fetch->fetcher->max_redirects
      || g_hash_table_contains (fetch->visited, target))
    {
      return_error (fetch, g_error_new_literal (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_TOO_MANY_REDIRECTS,
                                               _("Too many redirects")));
      return;
    }

  if (status != SOUP_STATUS_MOVED_PERMANENTLY && status != SOUP_STATUS_PERMANENT_REDIRECT)
    fetch->all_permanent = FALSE;

  g_free (fetch->url);
  fetch->url = g_steal_pointer (&target);
  g_hash_table_add (fetch->visited, g_strdup (fetch->url));
  start_hop (g_object_ref (task));
}

static void
send_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  SoupSession *session = SOUP_SESSION (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  SoupMessageHeaders *headers;
  Fetch *fetch;
  goffset length;
  guint status;

  stream = soup_session_send_finish (session, res, &error);
  fetch = g_task_get_task_data (task);
  if (fetch->returned)
    return;

  if (stream == NULL)
    {
      return_transfer_error (fetch, error);
      return;
    }

  fetch->stream = g_steal_pointer (&stream);
  status = soup_message_get_status (fetch->message);
  headers = soup_message_get_response_headers (fetch->message);

  if (is_redirect (status))
    {
      follow_redirect (task, status);
      return;
    }

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      FetchResult *result = g_new0 (FetchResult, 1);

      result->not_modified = TRUE;
      set_result_location (fetch, result, headers);
      return_result (fetch, result);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      FetchResult *result = g_new0 (FetchResult, 1);

      result->error = error_for_status (status);
      if (status == STATUS_TOO_MANY_REQUESTS)
        result->retry_after = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));
      return_result (fetch, result);
      return;
    }

  /* A declared length over the cap is refused before a byte is read; an
   * undeclared one (chunked, compressed) is counted as it arrives.
   */
  length = soup_message_headers_get_content_length (headers);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && length > (goffset) fetch->max_size)
    {
      return_error (fetch, g_error_new_literal (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_TOO_LARGE,
                                               _("Too large")));
      return;
    }

  fetch->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   fetch->hop_cancellable, read_cb, g_steal_pointer (&task));
}

static void
start_hop (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GUri) uri = NULL;
  SoupMessageHeaders *headers;

  /* Every address was normalized, so it parses and is http(s) with a host:
   * soup_message_new_from_uri() would be critical about anything else.
   */
  uri = g_uri_parse (fetch->url, G_URI_FLAGS_ENCODED, NULL);
  g_assert (uri != NULL);

  fetch->hop_cancellable = g_cancellable_new ();
  fetch->message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  soup_message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (fetch->message);
  soup_message_headers_replace (headers, "Accept", fetch->accept);

  /* The validators belong to the stored address only. */
  if (fetch->n_redirects == 0)
    {
      if (fetch->etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", fetch->etag);
      if (fetch->last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", fetch->last_modified);
    }

  if (g_cancellable_is_cancelled (fetch->parent))
    g_cancellable_cancel (fetch->hop_cancellable);

  soup_session_send_async (fetch->fetcher->session, fetch->message, G_PRIORITY_DEFAULT,
                           fetch->hop_cancellable, send_cb, task);
}

static gboolean
return_cancelled_cb (gpointer user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);

  if (!fetch->returned)
    return_cancelled (fetch);

  return G_SOURCE_REMOVE;
}

/* Runs inside the caller's g_cancellable_cancel(): the task ends from an
 * idle, never in here, and only if libsoup has not ended it first. A plain
 * signal handler, not g_cancellable_connect(), so that the fetch may end
 * and disconnect while the cancel is still being emitted.
 */
static void
parent_cancelled_cb (GCancellable *parent,
                     Fetch        *fetch)
{
  GSource *idle = g_idle_source_new ();

  g_source_set_callback (idle, return_cancelled_cb, g_object_ref (fetch->task), g_object_unref);
  g_source_attach (idle, g_task_get_context (fetch->task));
  g_source_unref (idle);

  if (fetch->hop_cancellable != NULL)
    g_cancellable_cancel (fetch->hop_cancellable);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->deadline_id = 0;
  return_error (fetch, g_error_new_literal (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_TIMED_OUT,
                                            _("Timed out")));

  return G_SOURCE_REMOVE;
}

/* @url must be normalized (shoebox_news_normalize_url()); @accept is a
 * static string.
 */
void
_shoebox_news_fetcher_fetch_full_async (ShoeboxNewsFetcher  *self,
                                        const char          *url,
                                        const char          *etag,
                                        const char          *last_modified,
                                        const char          *accept,
                                        gsize                max_size,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Fetch *fetch;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _shoebox_news_fetcher_fetch_full_async);

  fetch = g_new0 (Fetch, 1);
  fetch->task = task;
  fetch->fetcher = g_object_ref (self);
  fetch->parent = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  fetch->url = g_strdup (url);
  fetch->etag = g_strdup (etag);
  fetch->last_modified = g_strdup (last_modified);
  fetch->accept = accept;
  fetch->max_size = max_size;
  fetch->all_permanent = TRUE;
  fetch->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (fetch->visited, g_strdup (url));
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  /* An already cancelled parent is seen by start_hop(). */
  fetch->parent_handler = g_signal_connect (fetch->parent, "cancelled", G_CALLBACK (parent_cancelled_cb), fetch);
  if (self->fetch_deadline > 0)
    {
      GSource *deadline = g_timeout_source_new_seconds (self->fetch_deadline);

      g_source_set_callback (deadline, deadline_cb, fetch, NULL);
      fetch->deadline_id = g_source_attach (deadline, g_task_get_context (task));
      g_source_unref (deadline);
    }

  start_hop (g_steal_pointer (&task));
}

void
_shoebox_news_fetcher_fetch_async (ShoeboxNewsFetcher  *self,
                                   const char          *url,
                                   const char          *etag,
                                   const char          *last_modified,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  _shoebox_news_fetcher_fetch_full_async (self, url, etag, last_modified, ACCEPT_FEEDS, self->max_body_size,
                                          cancellable, callback, user_data);
}

FetchResult *
_shoebox_news_fetcher_fetch_finish (ShoeboxNewsFetcher  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
