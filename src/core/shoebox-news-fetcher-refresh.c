/* shoebox-news-fetcher-refresh.c
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

/* A refresh: the sources fetched a few at a time, each one's items and
 * health recorded in the store, then old news pruned.
 */

GDateTime *
_shoebox_news_fetcher_dup_next_refresh (ShoeboxNewsFetcher *self,
                                        GDateTime          *retry_after)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (retry_after != NULL)
    return g_date_time_ref (retry_after);
  return g_date_time_add_seconds (now, self->refresh_interval);
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
  g_autoptr(GDateTime) next_refresh = _shoebox_news_fetcher_dup_next_refresh (self, result->retry_after);
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
  g_clear_pointer (&source_fetch->result, _shoebox_news_fetcher_fetch_result_free);
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
      _shoebox_news_fetcher_set_progress (self, TRUE, self->n_done + 1, self->n_total);
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

  feed = _shoebox_news_fetcher_parse_finish (res, &error);
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
  source_fetch->result = _shoebox_news_fetcher_fetch_finish (self, res, &error);
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
  _shoebox_news_fetcher_parse_async (result, cancellable, source_parsed_cb, g_steal_pointer (&source_fetch));
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
      _shoebox_news_fetcher_fetch_async (self, source->url, source->etag, source->last_modified,
                                         g_task_get_cancellable (task), source_fetched_cb, source_fetch);
    }

  /* The task returns once, when nothing runs any more. */
  if (refresh->n_active > 0)
    return;

  _shoebox_news_fetcher_set_progress (self, FALSE, self->n_done, self->n_total);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (refresh->n_offline + refresh->n_reached > 0)
    _shoebox_news_fetcher_set_offline (self, refresh->n_reached == 0);
  _shoebox_news_fetcher_set_n_new (self, refresh->n_new);

  /* Old news goes after each refresh, so the database never only grows. */
  if (!shoebox_news_store_prune (self->store, NULL, NULL, refresh->error == NULL ? &refresh->error : NULL))
    g_debug ("Could not prune old news");
  if (refresh->error != NULL)
    g_task_return_error (task, g_steal_pointer (&refresh->error));
  else
    g_task_return_boolean (task, TRUE);
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

  _shoebox_news_fetcher_set_progress (self, refresh->queue->len > 0, 0, refresh->queue->len);
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
