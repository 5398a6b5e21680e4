/* shoebox-feed-parser.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-feed-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-feed-parser.h"
#include "shoebox-feed-parser-private.h"
#include "shoebox-html-text.h"

/* Bytes from the network become a ShoeboxFeed here, and nothing from the
 * network gets further than the parser unchecked. The rules, each for a
 * file of ../shared/corpus/feeds/hostile/:
 *
 * - The document is decoded to UTF-8 by the parser (BOM, then the HTTP
 *   charset, then UTF-16/32 sniffing, then the XML declaration), invalid
 *   bytes becoming U+FFFD, and handed to libxml2 as UTF-8 without a
 *   declaration or a DOCTYPE (shoebox-feed-parser-decode.c): libxml2
 *   2.9.14 mis-detects UTF-32 and keeps raw invalid bytes in recovered
 *   text nodes.
 * - Entities the DOCTYPE declares are expanded before libxml2 runs, only
 *   when they hold plain text and the document's small budget allows, so
 *   neither nested ("billion laughs") nor flat ("quadratic blowup")
 *   expansion can grow. HTML entities that XML lacks (&nbsp; &eacute;)
 *   become character references, as feeds mean them; unknown ones and
 *   bare ampersands stay literal text.
 * - libxml2 parses with XML_PARSE_NONET and XML_PARSE_RECOVER, never with
 *   XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE (so its limit of 256 levels
 *   of nesting stays on), and an external entity loader that refuses
 *   everything, so no file or host is ever read. Text is collected node
 *   by node, never with xmlNodeGetContent() (shoebox-feed-parser-xml.c).
 * - JSON nesting is measured on the bytes before json-glib sees them:
 *   json-glib 1.6 recurses without a limit (shoebox-feed-parser-json.c).
 * - Every string that leaves is valid UTF-8 without NUL or control
 *   characters, capped in length; links are http or https (or relative,
 *   when there is nothing to resolve them against), never javascript:,
 *   data: or file:.
 */

G_DEFINE_QUARK (shoebox-feed-parser-error-quark, shoebox_feed_parser_error)

G_DEFINE_BOXED_TYPE (ShoeboxFeed, shoebox_feed, shoebox_feed_ref, shoebox_feed_unref)
G_DEFINE_BOXED_TYPE (ShoeboxFeedItem, shoebox_feed_item, shoebox_feed_item_ref, shoebox_feed_item_unref)

/* ------------------------------------------------------------------ boxes */

static void
enclosure_free (gpointer data)
{
  ShoeboxFeedEnclosure *enclosure = data;

  g_free (enclosure->url);
  g_free (enclosure->type);
  g_free (enclosure);
}

static void
item_clear (gpointer data)
{
  ShoeboxFeedItem *item = data;

  g_free (item->title);
  g_free (item->link);
  g_free (item->id);
  g_clear_pointer (&item->published, g_date_time_unref);
  g_clear_pointer (&item->updated, g_date_time_unref);
  g_free (item->summary);
  g_free (item->content);
  g_free (item->author);
  g_free (item->thumbnail);
  g_free (item->media_thumbnail);
  g_ptr_array_unref (item->enclosures);
  g_ptr_array_unref (item->media);
}

ShoeboxFeedItem *
_shoebox_feed_item_new (void)
{
  ShoeboxFeedItem *item = g_atomic_rc_box_new0 (ShoeboxFeedItem);

  item->enclosures = g_ptr_array_new_with_free_func (enclosure_free);
  item->media = g_ptr_array_new_with_free_func (enclosure_free);
  return item;
}

static void
feed_clear (gpointer data)
{
  ShoeboxFeed *feed = data;

  g_free (feed->title);
  g_free (feed->link);
  g_ptr_array_unref (feed->items);
}

ShoeboxFeed *
_shoebox_feed_new (void)
{
  ShoeboxFeed *feed = g_atomic_rc_box_new0 (ShoeboxFeed);

  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) shoebox_feed_item_unref);
  return feed;
}


/* ------------------------------------------------------------------ links */

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
gboolean
shoebox_feed_uri_is_web (const char *uri)
{
  g_autoptr(GString) cleaned = NULL;
  g_autoptr(GUri) parsed = NULL;
  const char *host;

  if (uri == NULL)
    return FALSE;

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

  trimmed = shoebox_text_sanitize (raw, -1, SHOEBOX_FEED_MAX_URL, TRUE);
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

/* ---------------------------------------------------------------- public */

static gboolean
looks_like_json (const guint8 *data,
                 gsize         length,
                 const char   *content_type)
{
  gsize i = 0;

  if (content_type != NULL &&
      (g_ascii_strncasecmp (content_type, "application/feed+json", 21) == 0 ||
       g_ascii_strncasecmp (content_type, "application/json", 16) == 0))
    return TRUE;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && (data[i] == '{' || data[i] == '[');
}

/**
 * shoebox_feed_parse:
 * @bytes: the document, as fetched
 * @content_type: (nullable): the HTTP Content-Type, whose charset overrides
 *   the XML declaration
 * @base_uri: (nullable): the address relative links are resolved against
 *   (the HTTP Content-Location, or the feed's URL); ignored unless http or https
 * @error: where to put the reason the document is not a feed
 *
 * Reads RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1.
 * Ill-formed XML is recovered as far as libxml2 can; the feed is then
 * flagged as `recovered`. Nothing but @bytes is read: no file, no network.
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL with @error set
 */
ShoeboxFeed *
shoebox_feed_parse (GBytes      *bytes,
                    const char  *content_type,
                    const char  *base_uri,
                    GError     **error)
{
  const guint8 *data;
  gsize length = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length > SHOEBOX_FEED_MAX_INPUT)
    {
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_TOO_LARGE,
                   _("The feed is too large (more than %d MiB)"),
                   SHOEBOX_FEED_MAX_INPUT / (1024 * 1024));
      return NULL;
    }

  if (length == 0 || data == NULL)
    {
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_INVALID,
                   _("The document is empty"));
      return NULL;
    }

  if (looks_like_json (data, length, content_type))
    return _shoebox_feed_parse_json (data, length, base_uri, error);

  return _shoebox_feed_parse_xml (data, length, content_type, base_uri, error);
}

/**
 * shoebox_feed_ref:
 * @feed: a feed
 *
 * Returns: (transfer full): @feed
 */
ShoeboxFeed *
shoebox_feed_ref (ShoeboxFeed *feed)
{
  g_return_val_if_fail (feed != NULL, NULL);

  return g_atomic_rc_box_acquire (feed);
}

/**
 * shoebox_feed_unref:
 * @feed: (transfer full): a feed
 */
void
shoebox_feed_unref (ShoeboxFeed *feed)
{
  g_return_if_fail (feed != NULL);

  g_atomic_rc_box_release_full (feed, feed_clear);
}

/**
 * shoebox_feed_item_ref:
 * @item: an item
 *
 * Returns: (transfer full): @item
 */
ShoeboxFeedItem *
shoebox_feed_item_ref (ShoeboxFeedItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return g_atomic_rc_box_acquire (item);
}

/**
 * shoebox_feed_item_unref:
 * @item: (transfer full): an item
 */
void
shoebox_feed_item_unref (ShoeboxFeedItem *item)
{
  g_return_if_fail (item != NULL);

  g_atomic_rc_box_release_full (item, item_clear);
}

/**
 * shoebox_feed_format_to_string:
 * @format: a format
 *
 * Returns: feedparser's name for @format (`rss20`, `atom10`, `json11`…),
 *   `""` for %SHOEBOX_FEED_FORMAT_UNKNOWN
 */
const char *
shoebox_feed_format_to_string (ShoeboxFeedFormat format)
{
  switch (format)
    {
    case SHOEBOX_FEED_FORMAT_RSS090: return "rss090";
    case SHOEBOX_FEED_FORMAT_RSS091N: return "rss091n";
    case SHOEBOX_FEED_FORMAT_RSS091U: return "rss091u";
    case SHOEBOX_FEED_FORMAT_RSS092: return "rss092";
    case SHOEBOX_FEED_FORMAT_RSS093: return "rss093";
    case SHOEBOX_FEED_FORMAT_RSS094: return "rss094";
    case SHOEBOX_FEED_FORMAT_RSS20: return "rss20";
    case SHOEBOX_FEED_FORMAT_RSS10: return "rss10";
    case SHOEBOX_FEED_FORMAT_RSS: return "rss";
    case SHOEBOX_FEED_FORMAT_ATOM03: return "atom03";
    case SHOEBOX_FEED_FORMAT_ATOM10: return "atom10";
    case SHOEBOX_FEED_FORMAT_ATOM: return "atom";
    case SHOEBOX_FEED_FORMAT_JSON10: return "json1";
    case SHOEBOX_FEED_FORMAT_JSON11: return "json11";
    case SHOEBOX_FEED_FORMAT_UNKNOWN:
    default:
      return "";
    }
}
