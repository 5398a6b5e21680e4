/* shoebox-news-store-urls.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-store"

#include "config.h"

#include "shoebox-news-store.h"

#include <glib/gi18n.h>
#include <string.h>

/* Which addresses may be news sources, and the address of a search feed. */

/* GUri takes spaces and control characters inside a host; libsoup and
 * servers do not, nor does XML when the address is exported to OPML.
 */
static gboolean
has_space_or_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

/* GUri decodes a host's %-escapes: a decoded '#', '/' or '?' ends the
 * host when the address is read again (from an OPML export, say), so
 * "kicks%23.example" would come back as another address. The normal form
 * must read back with the same host, as the same string.
 */
static gboolean
reads_back_as_itself (const char *normal,
                      const char *host)
{
  g_autoptr(GUri) again = g_uri_parse (normal, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  g_autofree char *string = NULL;

  if (again == NULL || g_strcmp0 (g_uri_get_host (again), host) != 0)
    return FALSE;

  string = g_uri_to_string (again);
  return g_strcmp0 (string, normal) == 0;
}

/**
 * shoebox_news_normalize_url:
 * @url: what the user typed, or what a file or a server gave
 * @error: return location for a #GError
 *
 * Only http and https addresses with a server name may be news sources:
 * everything else is refused here, with words for the user, before
 * libsoup ever sees it.
 *
 * Returns: (transfer full): the address in its normal form, or %NULL with
 *   @error set (%SHOEBOX_NEWS_ERROR_KIND_INVALID_URL)
 */
char *
shoebox_news_normalize_url (const char  *url,
                            GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *normal = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (url != NULL ? url : ""));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                           _("Enter the address of a news feed or site, starting with https://"));
      return NULL;
    }

  scheme = g_uri_peek_scheme (trimmed);
  if (scheme == NULL)
    {
      g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                   _("“%s” is not a web address. Enter an address starting with https:// or http://"),
                   trimmed);
      return NULL;
    }

  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    {
      g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                   _("Only web addresses (https:// or http://) can be news sources, not “%s:” addresses"),
                   scheme);
      return NULL;
    }

  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL || has_space_or_control (trimmed))
    {
      g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                   _("“%s” is not a valid web address"), trimmed);
      return NULL;
    }

  host = g_uri_get_host (uri);
  if (host == NULL || host[0] == '\0')
    {
      g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                   _("“%s” has no server name"), trimmed);
      return NULL;
    }

  /* The host's %-escapes are decoded: "%08" is a control character now. */
  normal = g_uri_to_string (uri);
  if (has_space_or_control (normal) || !reads_back_as_itself (normal, host))
    {
      g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                   _("“%s” is not a valid web address"), trimmed);
      return NULL;
    }

  return g_steal_pointer (&normal);
}

#define SEARCH_FEED_MAX_TERMS 20
#define SEARCH_FEED_MAX_QUERY 1500

/**
 * shoebox_news_dup_search_feed_url:
 * @terms: (array zero-terminated=1): what to search for, silhouette names
 *   say ("Track 2.0", "Air Max 97")
 *
 * The address of a Google News search feed for any of @terms, each as an
 * exact phrase, to add as a source. Terms past the first twenty, or past
 * a query length search engines accept, are left out.
 *
 * Returns: (transfer full) (nullable): the address, or %NULL when no term
 *   has any text
 */
char *
shoebox_news_dup_search_feed_url (const char * const *terms)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  guint n_terms = 0;

  g_return_val_if_fail (terms != NULL, NULL);

  for (guint i = 0; terms[i] != NULL && n_terms < SEARCH_FEED_MAX_TERMS; i++)
    {
      g_autofree char *term = g_utf8_make_valid (terms[i], -1);

      /* A quote inside a phrase would end it. */
      g_strdelimit (term, "\"\t\r\n", ' ');
      g_strstrip (term);
      if (term[0] == '\0')
        continue;
      if (query->len + strlen (term) + 6 > SEARCH_FEED_MAX_QUERY)
        break;

      if (n_terms > 0)
        g_string_append (query, " OR ");
      g_string_append_printf (query, "\"%s\"", term);
      n_terms++;
    }

  if (n_terms == 0)
    return NULL;

  escaped = g_uri_escape_string (query->str, NULL, FALSE);
  return g_strconcat ("https://news.google.com/rss/search?q=", escaped, "&hl=en-US&gl=US&ceid=US:en", NULL);
}
