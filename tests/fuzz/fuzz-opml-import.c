/* fuzz-opml-import.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* OPML import into a fresh news store in memory, then the store's own
 * export imported back: the sources must be web addresses with clean
 * titles, the counts must add up, and a round trip must add nothing.
 */

#include "config.h"

#include <stdint.h>

#include "shoebox-feed-parser.h"
#include "shoebox-fuzz.h"
#include "shoebox-news-store.h"

/* What shoebox_news_normalize_url() promises: http or https, with a
 * server name, as GUri reads it strictly (the feed parser's relaxed
 * reading ends a host at a ';', which libsoup does not).
 */
static gboolean
is_web_source (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return uri != NULL && host != NULL && host[0] != '\0' &&
         (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 || g_strcmp0 (g_uri_get_scheme (uri), "https") == 0);
}

static void
check_sources (ShoeboxNewsStore *store)
{
  GListModel *sources = shoebox_news_store_get_sources (store);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ShoeboxNewsSource) source = g_list_model_get_item (sources, i);
      const char *url = shoebox_news_source_get_url (source);

      if (!is_web_source (url))
        shoebox_fuzz_fail ("a source", "is not an http or https address");
      shoebox_fuzz_check_text ("source url", url, 0, TRUE);
      shoebox_fuzz_check_text ("source title", shoebox_news_source_get_title (source),
                               SHOEBOX_FEED_MAX_TITLE, TRUE);
    }
}

/* One store for the whole run, the sources an input added removed after
 * it: a store on a fresh database for each input reads the whole schema
 * again and runs a hundred times slower.
 */
static ShoeboxNewsStore *
get_store (void)
{
  static ShoeboxNewsStore *store;

  if (store == NULL)
    {
      g_autoptr(ShoeboxDatabase) database = shoebox_fuzz_open_database ();
      g_autoptr(GError) error = NULL;

      store = shoebox_news_store_new (database, &error);
      if (store == NULL)
        shoebox_fuzz_fail ("the news store", error->message);
    }
  return store;
}

static void
remove_sources_after (ShoeboxNewsStore *store,
                      guint             n_kept)
{
  GListModel *sources = shoebox_news_store_get_sources (store);

  while (g_list_model_get_n_items (sources) > n_kept)
    {
      g_autoptr(ShoeboxNewsSource) source = g_list_model_get_item (sources, n_kept);
      g_autoptr(GError) error = NULL;

      if (!shoebox_news_store_remove_source (store, source, &error))
        shoebox_fuzz_fail ("removing a source", error->message);
    }
}

static void
import_and_export (ShoeboxNewsStore *store,
                   GBytes           *bytes,
                   guint             n_before)
{
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;
  guint n_skipped = 0;

  if (!shoebox_news_store_import_opml (store, bytes, &n_added, &n_skipped, &error))
    {
      shoebox_fuzz_check_error ("a refused import", error);
      if (g_list_model_get_n_items (shoebox_news_store_get_sources (store)) != n_before)
        shoebox_fuzz_fail ("a failed import", "changed the sources");
      return;
    }

  if (g_list_model_get_n_items (shoebox_news_store_get_sources (store)) != n_before + n_added)
    shoebox_fuzz_fail ("the sources", "do not match the count of added ones");
  check_sources (store);

  exported = shoebox_news_store_export_opml (store, &error);
  if (exported == NULL)
    shoebox_fuzz_fail ("the export", error->message);
  if (!shoebox_news_store_import_opml (store, exported, &n_added, &n_skipped, &error))
    shoebox_fuzz_fail ("the export cannot be imported back:", error->message);
  if (n_added != 0)
    shoebox_fuzz_fail ("importing the export", "added sources");
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static guint n_defaults = G_MAXUINT;
  ShoeboxNewsStore *store;
  g_autoptr(GBytes) bytes = NULL;

  shoebox_fuzz_init ();

  store = get_store ();
  if (n_defaults == G_MAXUINT)
    n_defaults = g_list_model_get_n_items (shoebox_news_store_get_sources (store));
  if (g_list_model_get_n_items (shoebox_news_store_get_sources (store)) != n_defaults)
    shoebox_fuzz_fail ("the store", "was not reset");

  /* New sources go after the default ones: those are what is removed. */
  bytes = g_bytes_new_static (data, size);
  import_and_export (store, bytes, n_defaults);
  remove_sources_after (store, n_defaults);
  return 0;
}
