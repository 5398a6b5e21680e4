/* shoebox-feed-links.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-feed-parser"

#include "config.h"

#include <string.h>

#include "shoebox-feed-parser-private.h"
#include "shoebox-html-text.h"

/* Every address a feed gives is cleaned, resolved against the base in
 * force and checked here, and an item's picture is chosen among them.
 */

char *
_shoebox_feed_clean_line (const char *text,
                          gsize       max_bytes)
{
  return shoebox_text_sanitize (text, -1, max_bytes, TRUE);
}

gboolean
_shoebox_feed_has_web_scheme (const char *uri)
{
  const char *scheme_end;

  if (uri == NULL)
    return FALSE;

  scheme_end = strchr (uri, ':');
  if (scheme_end == NULL)
    return FALSE;

  return ((scheme_end - uri == 4 && g_ascii_strncasecmp (uri, "http", 4) == 0) ||
          (scheme_end - uri == 5 && g_ascii_strncasecmp (uri, "https", 5) == 0));
}

/**
 * shoebox_feed_uri_is_web:
 * @uri: (nullable): an address from a feed
 *
 * Whether @uri may be opened or downloaded: an absolute http or https
 * URL with a host, judged as a browser would after trimming and removing
 * tabs and newlines (so `java\tscript:` is javascript).
 *
 * Returns: %TRUE for http and https URLs only
 */
/* The usual case, decided without GUri: "http(s)://", a host of letters,
 * digits, dots and hyphens, an optional port, then nothing or a path,
 * query or fragment of printable ASCII with well-formed escapes. GUri
 * accepts every such address, with that host; anything else goes to it.
 */
gboolean
_shoebox_feed_uri_is_plain_web (const char *uri)
{
  const char *p;
  const char *host;

  if (g_ascii_strncasecmp (uri, "http://", 7) == 0)
    p = uri + 7;
  else if (g_ascii_strncasecmp (uri, "https://", 8) == 0)
    p = uri + 8;
  else
    return FALSE;

  host = p;
  while (g_ascii_isalnum (*p) || *p == '.' || *p == '-')
    p++;
  if (p == host)
    return FALSE;

  if (*p == ':')
    {
      const char *digits = ++p;
      guint port = 0;

      while (g_ascii_isdigit (*p) && p - digits < 5)
        port = port * 10 + (guint) (*p++ - '0');
      if (p == digits || port > 65535)
        return FALSE;
    }

  if (*p != '\0' && *p != '/' && *p != '?' && *p != '#')
    return FALSE;

  for (; *p != '\0'; p++)
    {
      if ((guchar) *p <= ' ' || (guchar) *p >= 0x7F || *p == '\\')
        return FALSE;
      if (*p == '%' && !(g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2])))
        return FALSE;
    }

  return TRUE;
}

gboolean
shoebox_feed_uri_is_web (const char *uri)
{
  g_autoptr(GString) cleaned = NULL;
  g_autoptr(GUri) parsed = NULL;
  const char *host;

  if (uri == NULL)
    return FALSE;

  if (_shoebox_feed_uri_is_plain_web (uri))
    return TRUE;

  cleaned = g_string_new (NULL);
  for (const char *p = uri; *p != '\0'; p++)
    if (*p != '\t' && *p != '\n' && *p != '\r')
      g_string_append_c (cleaned, *p);
  g_strstrip (cleaned->str);

  if (!_shoebox_feed_has_web_scheme (cleaned->str))
    return FALSE;

  parsed = g_uri_parse (cleaned->str, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (parsed == NULL)
    return FALSE;

  host = g_uri_get_host (parsed);
  return host != NULL && host[0] != '\0';
}


char *
_shoebox_feed_resolve_against (const char *base,
                               const char *reference)
{
  const GUriFlags flags = G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED;
  g_autoptr(GUri) base_uri = NULL;
  g_autoptr(GUri) resolved = NULL;
  const char *host;
  const char *path;

  if (g_uri_peek_scheme (reference) != NULL)
    return g_strdup (reference);

  if (base == NULL)
    return NULL;

  /* What g_uri_resolve_relative() does, with a check before the string is
   * made: relaxed parsing ends a host at a ';' ("//kicks.example;x"),
   * leaving a path without its leading '/', or a path can start with "//"
   * where there is no host. g_uri_to_string() refuses both with a critical.
   */
  base_uri = g_uri_parse (base, flags, NULL);
  if (base_uri == NULL)
    return NULL;
  resolved = g_uri_parse_relative (base_uri, reference, flags, NULL);
  if (resolved == NULL)
    return NULL;

  host = g_uri_get_host (resolved);
  path = g_uri_get_path (resolved);
  if (host != NULL ? (path[0] != '\0' && path[0] != '/') : g_str_has_prefix (path, "//"))
    return NULL;

  return g_uri_to_string (resolved);
}

/* Whether @uri starts with a scheme (or what a browser would read as
 * one once tabs and newlines are gone): a colon before any '/', '?', '#'.
 */
static gboolean
looks_absolute (const char *uri)
{
  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == ':')
        return p != uri;
      if (*p == '/' || *p == '?' || *p == '#')
        return FALSE;
    }
  return FALSE;
}

/* Whether shoebox_text_sanitize() would give @raw back as it is, as it
 * does nearly every link: printable ASCII without spaces, within the cap.
 */
static gboolean
is_plain_link (const char *raw)
{
  const char *p = raw;

  while (*p > ' ' && *p < 0x7F)
    p++;
  return *p == '\0' && p - raw <= SHOEBOX_FEED_MAX_URL;
}

/* A link from a feed, resolved against @base and checked: an http or
 * https URL, a relative reference when there is no base to resolve it
 * against, or NULL (javascript:, data:, file:… are dropped).
 */
char *
_shoebox_feed_resolve_link (const char *base,
                            const char *raw)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *resolved = NULL;

  if (raw == NULL)
    return NULL;

  trimmed = is_plain_link (raw) ? g_strdup (raw) : shoebox_text_sanitize (raw, -1, SHOEBOX_FEED_MAX_URL, TRUE);
  if (trimmed[0] == '\0')
    return NULL;

  if (looks_absolute (trimmed))
    {
      /* "java\tscript:" and friends are judged as a browser would. */
      if (!shoebox_feed_uri_is_web (trimmed))
        return NULL;
      return g_steal_pointer (&trimmed);
    }

  resolved = _shoebox_feed_resolve_against (base, trimmed);
  if (resolved == NULL)
    return g_steal_pointer (&trimmed);

  /* A long base makes the link longer again. Cut, it would point
   * elsewhere: over the cap, it goes like a bad one.
   */
  if (!_shoebox_feed_has_web_scheme (resolved) || strlen (resolved) > SHOEBOX_FEED_MAX_URL)
    return NULL;

  return g_steal_pointer (&resolved);
}

/* ----------------------------------------------------------------- media */

static gboolean
is_image_type (const char *type)
{
  return type != NULL && g_ascii_strncasecmp (type, "image/", 6) == 0;
}

static gboolean
looks_like_image_url (const char *url)
{
  static const char * const suffixes[] = { ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif" };
  g_autofree char *lower = NULL;
  char *query;

  if (url == NULL)
    return FALSE;

  lower = g_ascii_strdown (url, -1);
  query = strpbrk (lower, "?#");
  if (query != NULL)
    *query = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

void
_shoebox_feed_add_enclosure (GPtrArray  *array,
                             char       *url,
                             const char *type,
                             const char *length)
{
  ShoeboxFeedEnclosure *enclosure;

  if (url == NULL)
    return;

  enclosure = g_new0 (ShoeboxFeedEnclosure, 1);
  enclosure->url = url;
  enclosure->type = type != NULL && type[0] != '\0' ? _shoebox_feed_clean_line (type, 256) : NULL;
  enclosure->length = -1;
  if (length != NULL)
    {
      guint64 value;

      if (g_ascii_string_to_unsigned (length, 10, 0, G_MAXINT64, &value, NULL))
        enclosure->length = (gint64) value;
    }

  g_ptr_array_add (array, enclosure);
}

/* The picture the app shows with an item. */
void
_shoebox_feed_choose_thumbnail (ShoeboxFeedItem *item,
                                const char      *base)
{
  g_autofree char *src = NULL;

  if (item->media_thumbnail != NULL)
    {
      item->thumbnail = g_strdup (item->media_thumbnail);
      return;
    }

  for (guint i = 0; i < item->media->len; i++)
    {
      ShoeboxFeedEnclosure *media = g_ptr_array_index (item->media, i);

      if (is_image_type (media->type) || (media->type == NULL && looks_like_image_url (media->url)))
        {
          item->thumbnail = g_strdup (media->url);
          return;
        }
    }

  for (guint i = 0; i < item->enclosures->len; i++)
    {
      ShoeboxFeedEnclosure *enclosure = g_ptr_array_index (item->enclosures, i);

      if (is_image_type (enclosure->type) ||
          (enclosure->type == NULL && looks_like_image_url (enclosure->url)))
        {
          item->thumbnail = g_strdup (enclosure->url);
          return;
        }
    }

  if (item->content != NULL && item->content_is_html)
    src = shoebox_html_dup_first_image (item->content, -1);

  if (src != NULL)
    item->thumbnail = _shoebox_feed_resolve_link (base, src);

  if (item->thumbnail != NULL && !shoebox_feed_uri_is_web (item->thumbnail))
    g_clear_pointer (&item->thumbnail, g_free);
}
