/* shoebox-news-fetcher-parse.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-fetcher"

#include "config.h"

#include "shoebox-news-fetcher-private.h"

#include "shoebox-feed-parser.h"

#include <glib/gi18n.h>

/* A fetched body parsed as a feed, off the main thread. */

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
void
_shoebox_news_fetcher_parse_async (FetchResult         *result,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ParseJob *job;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _shoebox_news_fetcher_parse_async);

  job = g_new0 (ParseJob, 1);
  job->body = g_bytes_ref (result->body);
  /* The parser reads the charset from the Content-Type (RFC 7303: it
   * overrides the document's own declaration), so it goes back in.
   */
  if (result->content_type != NULL && result->charset != NULL)
    job->content_type = g_strdup_printf ("%s; charset=%s", result->content_type, result->charset);
  else
    job->content_type = g_strdup (result->content_type);
  job->base = g_strdup (result->final_url);
  g_task_set_task_data (task, job, (GDestroyNotify) parse_job_free);
  g_task_run_in_thread (task, parse_thread);
}

/* Returns %NULL with a %SHOEBOX_NEWS_ERROR_KIND_NOT_A_FEED error, or with
 * %G_IO_ERROR_CANCELLED.
 */
ShoeboxFeed *
_shoebox_news_fetcher_parse_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
