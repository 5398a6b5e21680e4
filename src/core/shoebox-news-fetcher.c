/* shoebox-news-fetcher.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-fetcher"

#include "config.h"

#include "shoebox-news-fetcher.h"

#include "shoebox-feed-parser.h"
#include "shoebox-news-private.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <string.h>

/* How news arrives. A refresh takes the sources from the store and runs a
 * few fetches at a time. One fetch is a GET per hop: redirects are
 * followed here, each target checked first; the body is read in chunks up
 * to the size cap; a deadline bounds the whole. A fetch ends in a
 * FetchResult (the body, a 304, or a failure in plain words), never in a
 * GError unless cancelled. The body is parsed in a worker thread, then
 * the store records the items and the source's health on the main loop.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* libsoup 3.2 names no 429. */
#define STATUS_TOO_MANY_REQUESTS 429

#define READ_CHUNK_SIZE    (64 * 1024)
#define MAX_HTML_DEPTH     256
#define MAX_RETRY_AFTER    (7 * 24 * 60 * 60)
#define ACCEPT_IMAGES "image/avif, image/webp, image/png, image/jpeg, image/*;q=0.8"
#define ACCEPT_FEEDS \
  "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, " \
  "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5"

struct _ShoeboxNewsFetcher
{
  GObject           parent_instance;

  ShoeboxNewsStore *store;
  SoupSession      *session;
  GNetworkMonitor  *network_monitor;
  guint             max_body_size;
  guint             max_concurrent;
  guint             max_redirects;
  guint             fetch_deadline;
  guint             refresh_interval;

  gboolean          busy;
  guint             n_done;
  guint             n_total;
  gboolean          offline;
  guint             n_new;
};

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

/* ----------------------------------------------------------- one fetch */

/* What one GET found. A failure the user should see (a 404, a timeout)
 * is a result with @error set, not a failed task: the task fails only
 * when it was cancelled.
 */
typedef struct
{
  GError    *error;
  gboolean   not_modified;
  GBytes    *body;
  char      *content_type;
  char      *final_url;
  char      *permanent_url;
  char      *etag;
  char      *last_modified;
  GDateTime *retry_after;
} FetchResult;

static void
fetch_result_free (FetchResult *result)
{
  g_clear_error (&result->error);
  g_clear_pointer (&result->body, g_bytes_unref);
  g_clear_pointer (&result->content_type, g_free);
  g_clear_pointer (&result->final_url, g_free);
  g_clear_pointer (&result->permanent_url, g_free);
  g_clear_pointer (&result->etag, g_free);
  g_clear_pointer (&result->last_modified, g_free);
  g_clear_pointer (&result->retry_after, g_date_time_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FetchResult, fetch_result_free)

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
    g_task_return_pointer (task, result, (GDestroyNotify) fetch_result_free);
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

static void
finish_body (Fetch *fetch)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  FetchResult *result = g_new0 (FetchResult, 1);

  result->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  result->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  result->final_url = g_strdup (fetch->url);
  if (fetch->n_redirects > 0 && fetch->all_permanent)
    result->permanent_url = g_strdup (fetch->url);
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
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return_cancelled (fetch);
      else
        return_error (fetch, error_for_transfer (fetch->fetcher, error));
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
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return_cancelled (fetch);
      else
        return_error (fetch, error_for_transfer (fetch->fetcher, error));
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
      result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
      result->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
      result->final_url = g_strdup (fetch->url);
      if (fetch->n_redirects > 0 && fetch->all_permanent)
        result->permanent_url = g_strdup (fetch->url);
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
static void
fetch_full_async (ShoeboxNewsFetcher  *self,
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
  g_task_set_source_tag (task, fetch_full_async);

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

static void
fetch_async (ShoeboxNewsFetcher  *self,
             const char          *url,
             const char          *etag,
             const char          *last_modified,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  fetch_full_async (self, url, etag, last_modified, ACCEPT_FEEDS, self->max_body_size,
                    cancellable, callback, user_data);
}

static FetchResult *
fetch_finish (ShoeboxNewsFetcher  *self,
              GAsyncResult        *result,
              GError             **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --------------------------------------------------------- feed discovery */

static gboolean
has_token (const char *list,
           const char *token)
{
  g_auto(GStrv) tokens = NULL;

  if (list == NULL)
    return FALSE;

  tokens = g_strsplit_set (list, " \t\r\n\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], token) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_feed_type (const char *type)
{
  g_autofree char *bare = NULL;
  char *semicolon;

  if (type == NULL)
    return FALSE;

  bare = g_ascii_strdown (type, -1);
  semicolon = strchr (bare, ';');
  if (semicolon != NULL)
    *semicolon = '\0';
  g_strstrip (bare);

  return strcmp (bare, "application/rss+xml") == 0
         || strcmp (bare, "application/atom+xml") == 0
         || strcmp (bare, "application/feed+json") == 0
         || strcmp (bare, "application/rdf+xml") == 0;
}

static char *
dup_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

typedef struct
{
  char *base;
  char *feed;
} Discovery;

static void
walk_html (xmlNode   *parent,
           guint      depth,
           Discovery *discovery)
{
  if (depth > MAX_HTML_DEPTH)
    return;

  for (xmlNode *node = parent; node != NULL && discovery->feed == NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrcasecmp (node->name, (const xmlChar *) "base") == 0 && discovery->base == NULL)
        {
          g_autofree char *href = dup_prop (node, "href");

          if (href != NULL)
            discovery->base = g_steal_pointer (&href);
        }
      else if (xmlStrcasecmp (node->name, (const xmlChar *) "link") == 0)
        {
          g_autofree char *rel = dup_prop (node, "rel");
          g_autofree char *type = dup_prop (node, "type");
          g_autofree char *href = dup_prop (node, "href");

          if (href != NULL && has_token (rel, "alternate") && is_feed_type (type))
            discovery->feed = g_strstrip (g_steal_pointer (&href));
        }

      walk_html (node->children, depth + 1, discovery);
    }
}

/**
 * shoebox_news_discover_feed:
 * @html: a web page
 * @page_url: where it came from, to resolve relative links against
 *
 * Finds the first feed a page advertises with
 * `<link rel="alternate" type="application/rss+xml" href="…">` (or Atom,
 * RDF, JSON Feed). The page is parsed without network access.
 *
 * Returns: (transfer full) (nullable): the feed's absolute http or https
 *   address, or %NULL if the page names none
 */
char *
shoebox_news_discover_feed (GBytes     *html,
                            const char *page_url)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *base = NULL;
  g_autofree char *resolved = NULL;
  Discovery discovery = { NULL, NULL };
  const char *data;
  gsize size;

  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (page_url != NULL, NULL);

  data = g_bytes_get_data (html, &size);
  if (size == 0 || size > G_MAXINT)
    return NULL;

  doc = htmlReadMemory (data, (int) size, NULL, NULL,
                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR
                        | HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
  if (doc == NULL)
    return NULL;

  walk_html (doc->children, 0, &discovery);
  if (discovery.feed == NULL)
    {
      g_free (discovery.base);
      return NULL;
    }

  base = page_url != NULL ? g_strdup (page_url) : NULL;
  if (discovery.base != NULL)
    {
      g_autofree char *page_base = g_uri_resolve_relative (page_url, discovery.base, G_URI_FLAGS_ENCODED, NULL);

      if (page_base != NULL)
        {
          g_free (base);
          base = g_steal_pointer (&page_base);
        }
    }

  resolved = g_uri_resolve_relative (base, discovery.feed, G_URI_FLAGS_ENCODED, NULL);
  g_free (discovery.base);
  g_free (discovery.feed);

  return resolved != NULL ? shoebox_news_normalize_url (resolved, NULL) : NULL;
}

/* ------------------------------------------------------------- refresh */

static GDateTime *
dup_next_refresh (ShoeboxNewsFetcher *self,
                  GDateTime          *retry_after)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (retry_after != NULL)
    return g_date_time_ref (retry_after);
  return g_date_time_add_seconds (now, self->refresh_interval);
}

static GError *
not_a_feed_error (void)
{
  return g_error_new_literal (SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_NOT_A_FEED, _("Not a feed"));
}

typedef struct
{
  GBytes *body;
  char   *content_type;
  char   *base;
} ParseJob;

static void
parse_job_free (ParseJob *job)
{
  g_clear_pointer (&job->body, g_bytes_unref);
  g_clear_pointer (&job->content_type, g_free);
  g_clear_pointer (&job->base, g_free);
  g_free (job);
}

/* The parser keeps no state between calls, so a large feed is read in a
 * worker thread while the window stays responsive. Any failure to parse
 * is "Not a feed" for the user.
 */
static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseJob *job = task_data;
  g_autoptr(GError) error = NULL;
  ShoeboxFeed *feed;

  feed = shoebox_feed_parse (job->body, job->content_type, job->base, &error);
  if (feed == NULL)
    {
      g_debug ("%s is not a feed: %s", job->base, error->message);
      g_task_return_error (task, not_a_feed_error ());
      return;
    }

  g_task_return_pointer (task, feed, (GDestroyNotify) shoebox_feed_unref);
}

/* No source object: the worker thread may drop its reference to the task
 * after the callback ran, and the fetcher must not live on in it.
 */
static void
parse_async (FetchResult         *result,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ParseJob *job;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, parse_async);

  job = g_new0 (ParseJob, 1);
  job->body = g_bytes_ref (result->body);
  job->content_type = g_strdup (result->content_type);
  job->base = g_strdup (result->final_url);
  g_task_set_task_data (task, job, (GDestroyNotify) parse_job_free);
  g_task_run_in_thread (task, parse_thread);
}

/* Returns %NULL with a %SHOEBOX_NEWS_ERROR_KIND_NOT_A_FEED error, or with
 * %G_IO_ERROR_CANCELLED.
 */
static ShoeboxFeed *
parse_finish (GAsyncResult  *result,
              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Records what one source's fetch found: @feed when its body was parsed,
 * @parse_error when it could not be. Database failures are the only
 * errors: a source that failed is a recorded health, not an error.
 */
static gboolean
record_result (ShoeboxNewsFetcher  *self,
               ShoeboxNewsSource   *source,
               FetchResult         *result,
               ShoeboxFeed         *feed,
               const GError        *parse_error,
               guint               *n_new,
               GError             **error)
{
  g_autoptr(GDateTime) next_refresh = dup_next_refresh (self, result->retry_after);
  const char *etag;
  const char *last_modified;

  if (result->permanent_url != NULL)
    {
      g_autoptr(GError) move_error = NULL;

      /* When another source already has the new address, this one stays
       * where it was; it still works through the redirect.
       */
      if (!shoebox_news_store_move_source (self->store, source, result->permanent_url, &move_error)
          && !g_error_matches (move_error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_DUPLICATE))
        {
          g_propagate_error (error, g_steal_pointer (&move_error));
          return FALSE;
        }
    }

  if (result->error != NULL)
    return shoebox_news_store_record_failure (self->store, source, result->error->code,
                                              result->error->message, next_refresh, error);
  if (parse_error != NULL)
    return shoebox_news_store_record_failure (self->store, source, parse_error->code,
                                              parse_error->message, next_refresh, error);

  /* A 304 may leave out the validators: keep the ones we sent. */
  etag = result->etag;
  last_modified = result->last_modified;
  if (result->not_modified)
    {
      if (etag == NULL)
        etag = source->etag;
      if (last_modified == NULL)
        last_modified = source->last_modified;
    }

  return shoebox_news_store_record_success (self->store, source, feed, etag, last_modified,
                                            next_refresh, n_new, error);
}

typedef struct
{
  GPtrArray *queue;   /* ShoeboxNewsSource, fetched from the end */
  guint      n_active;
  guint      n_offline;
  guint      n_reached;
  guint      n_new;
  GError    *error;   /* the first database error */
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_clear_pointer (&refresh->queue, g_ptr_array_unref);
  g_clear_error (&refresh->error);
  g_free (refresh);
}

static void
set_progress (ShoeboxNewsFetcher *self,
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

static void
set_offline (ShoeboxNewsFetcher *self,
             gboolean            offline)
{
  if (self->offline == offline)
    return;
  self->offline = offline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

static void start_next_sources (GTask *task);

/* One source of a refresh, from its fetch to its record. */
typedef struct
{
  GTask             *task;
  ShoeboxNewsSource *source;
  FetchResult       *result;
} SourceFetch;

static void
source_fetch_free (SourceFetch *source_fetch)
{
  g_clear_object (&source_fetch->task);
  g_clear_object (&source_fetch->source);
  g_clear_pointer (&source_fetch->result, fetch_result_free);
  g_free (source_fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SourceFetch, source_fetch_free)

/* Ends one source: recorded unless cancelled, or removed meanwhile. */
static void
finish_source (SourceFetch  *source_fetch,
               ShoeboxFeed  *feed,
               const GError *error)
{
  GTask *task = source_fetch->task;
  ShoeboxNewsFetcher *self = g_task_get_source_object (task);
  Refresh *refresh = g_task_get_task_data (task);
  ShoeboxNewsSource *source = source_fetch->source;

  refresh->n_active--;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (source_fetch->result->error != NULL
          && source_fetch->result->error->code == SHOEBOX_NEWS_ERROR_KIND_OFFLINE)
        refresh->n_offline++;
      else
        refresh->n_reached++;

      guint n_new = 0;

      if (shoebox_news_store_lookup_source (self->store, source->id) == source
          && !record_result (self, source, source_fetch->result, feed, error, &n_new,
                             refresh->error == NULL ? &refresh->error : NULL))
        g_debug ("Could not record the fetch of %s", source->url);
      refresh->n_new += n_new;
      set_progress (self, TRUE, self->n_done + 1, self->n_total);
    }

  start_next_sources (task);
}

static void
source_parsed_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(SourceFetch) source_fetch = user_data;
  g_autoptr(ShoeboxFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  feed = parse_finish (res, &error);
  finish_source (source_fetch, feed, error);
}

static void
source_fetched_cb (GObject      *object,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  ShoeboxNewsFetcher *self = SHOEBOX_NEWS_FETCHER (object);
  g_autoptr(SourceFetch) source_fetch = user_data;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  FetchResult *result;

  /* Cancelled: nothing is recorded for this source, nothing more starts,
   * and the refresh ends when the last running fetch has stopped.
   */
  source_fetch->result = fetch_finish (self, res, &error);
  if (source_fetch->result == NULL)
    {
      finish_source (source_fetch, NULL, error);
      return;
    }

  /* A 304 costs no parsing. */
  if (source_fetch->result->error != NULL || source_fetch->result->not_modified)
    {
      finish_source (source_fetch, NULL, NULL);
      return;
    }

  result = source_fetch->result;
  cancellable = g_task_get_cancellable (source_fetch->task);
  parse_async (result, cancellable, source_parsed_cb, g_steal_pointer (&source_fetch));
}

static void
start_next_sources (GTask *task)
{
  ShoeboxNewsFetcher *self = g_task_get_source_object (task);
  Refresh *refresh = g_task_get_task_data (task);

  while (!g_cancellable_is_cancelled (g_task_get_cancellable (task))
         && refresh->n_active < self->max_concurrent && refresh->queue->len > 0)
    {
      SourceFetch *source_fetch = g_new0 (SourceFetch, 1);
      ShoeboxNewsSource *source = g_ptr_array_steal_index (refresh->queue, refresh->queue->len - 1);

      source_fetch->task = g_object_ref (task);
      source_fetch->source = source;
      refresh->n_active++;
      fetch_async (self, source->url, source->etag, source->last_modified,
                   g_task_get_cancellable (task), source_fetched_cb, source_fetch);
    }

  /* The task returns once, when nothing runs any more. */
  if (refresh->n_active > 0)
    return;

  set_progress (self, FALSE, self->n_done, self->n_total);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (refresh->n_offline + refresh->n_reached > 0)
    set_offline (self, refresh->n_reached == 0);
  if (self->n_new != refresh->n_new)
    {
      self->n_new = refresh->n_new;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NEW]);
    }

  /* Old news goes after each refresh, so the database never only grows. */
  if (!shoebox_news_store_prune (self->store, NULL, NULL, refresh->error == NULL ? &refresh->error : NULL))
    g_debug ("Could not prune old news");
  if (refresh->error != NULL)
    g_task_return_error (task, g_steal_pointer (&refresh->error));
  else
    g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------- adding a source */

typedef struct
{
  char        *url;
  char        *discovered;
  FetchResult *result;
} AddSource;

static void
add_source_free (AddSource *add)
{
  g_clear_pointer (&add->url, g_free);
  g_clear_pointer (&add->discovered, g_free);
  g_clear_pointer (&add->result, fetch_result_free);
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

  feed = parse_finish (res, &error);
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
      fetch_async (self, add->discovered, NULL, NULL, cancellable,
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
  next_refresh = dup_next_refresh (self, NULL);
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

  result = fetch_finish (self, res, &error);
  if (result == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (result->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&result->error));
      return;
    }

  /* Nothing was asked conditionally, so a 304 makes no sense here. */
  if (result->not_modified)
    {
      g_task_return_new_error (task, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_HTTP,
                               _("Unexpected answer from the server (%u)"), SOUP_STATUS_NOT_MODIFIED);
      return;
    }

  add = g_task_get_task_data (task);
  g_clear_pointer (&add->result, fetch_result_free);
  add->result = g_steal_pointer (&result);
  cancellable = g_task_get_cancellable (task);
  parse_async (add->result, cancellable, add_source_parsed_cb, g_steal_pointer (&task));
}

/* ---------------------------------------------------------------- GObject */

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

/**
 * shoebox_news_fetcher_refresh_async:
 * @self: a #ShoeboxNewsFetcher
 * @sources: (nullable) (element-type ShoeboxNewsSource): the sources to
 *   fetch; %NULL for every enabled source
 * @flags: which of them
 * @cancellable: (nullable): stops every fetch
 * @callback: called when all are done
 * @user_data: data for @callback
 *
 * Fetches the sources a few at a time and records each one's items and
 * health in the store; one failing source never stops the others. Then
 * prunes old items (shoebox_news_store_prune()).
 * #ShoeboxNewsFetcher:n-done and #ShoeboxNewsFetcher:n-total report the
 * progress. One refresh runs at a time: another one fails with
 * %G_IO_ERROR_PENDING.
 */
void
shoebox_news_fetcher_refresh_async (ShoeboxNewsFetcher      *self,
                                    GPtrArray               *sources,
                                    ShoeboxNewsRefreshFlags  flags,
                                    GCancellable            *cancellable,
                                    GAsyncReadyCallback      callback,
                                    gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GListModel *all;
  Refresh *refresh;

  g_return_if_fail (SHOEBOX_IS_NEWS_FETCHER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_news_fetcher_refresh_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("News is already being refreshed"));
      return;
    }

  refresh = g_new0 (Refresh, 1);
  refresh->queue = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);

  /* Queued last to first, so the first source is fetched first. */
  all = shoebox_news_store_get_sources (self->store);
  for (guint i = sources != NULL ? sources->len : g_list_model_get_n_items (all); i > 0; i--)
    {
      g_autoptr(ShoeboxNewsSource) source = NULL;

      if (sources != NULL)
        source = g_object_ref (g_ptr_array_index (sources, i - 1));
      else
        source = g_list_model_get_item (all, i - 1);

      if (!source->enabled && sources == NULL)
        continue;
      if ((flags & SHOEBOX_NEWS_REFRESH_ONLY_DUE) != 0 && !shoebox_news_source_is_due (source, now))
        continue;

      g_ptr_array_add (refresh->queue, g_steal_pointer (&source));
    }

  set_progress (self, refresh->queue->len > 0, 0, refresh->queue->len);
  start_next_sources (task);
}

/**
 * shoebox_news_fetcher_refresh_finish:
 * @self: a #ShoeboxNewsFetcher
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every source was fetched (working or not); %FALSE
 *   when cancelled, or when the database could not record a result
 */
gboolean
shoebox_news_fetcher_refresh_finish (ShoeboxNewsFetcher  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
 * feed with `<link rel="alternate">` adds that feed instead. The new
 * source starts with the items it was fetched with.
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
  g_autofree char *normal = NULL;
  AddSource *add;

  g_return_if_fail (SHOEBOX_IS_NEWS_FETCHER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_news_fetcher_add_source_async);

  normal = shoebox_news_normalize_url (url, &error);
  if (normal == NULL || !check_not_listed (self, normal, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  add = g_new0 (AddSource, 1);
  add->url = g_strdup (normal);
  g_task_set_task_data (task, add, (GDestroyNotify) add_source_free);

  fetch_async (self, normal, NULL, NULL, cancellable, add_source_fetched_cb, g_steal_pointer (&task));
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

static void
download_fetched_cb (GObject      *object,
                     GAsyncResult *res,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = fetch_finish (SHOEBOX_NEWS_FETCHER (object), res, &error);
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

  fetch_full_async (self, normal, NULL, NULL, ACCEPT_IMAGES, max_size, cancellable,
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
