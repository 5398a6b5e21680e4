/* shoebox-feed-parser-json.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-feed-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "shoebox-date-parser.h"
#include "shoebox-feed-parser-private.h"
#include "shoebox-html-text.h"

/* JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with json-glib.
 * json-glib 1.6 recurses once per nesting level without a limit, so the
 * nesting is measured on the bytes before it runs.
 */

#define MAX_JSON_DEPTH 64

/* json-glib 1.6 recurses once per level and has no limit: measure the
 * nesting on the bytes first.
 */
static gboolean
json_depth_ok (const char *text,
               gsize       length,
               guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

static char *
json_dup_string (JsonObject *object,
                 const char *member,
                 gsize       cap,
                 gboolean    line)
{
  JsonNode *node;
  const char *value;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;

  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  value = json_node_get_string (node);
  return shoebox_text_sanitize (value, -1, cap, line);
}

static char *
json_dup_link (const char *base,
               JsonObject *object,
               const char *member)
{
  g_autofree char *raw = json_dup_string (object, member, SHOEBOX_FEED_MAX_URL, TRUE);

  return _shoebox_feed_resolve_link (base, raw);
}

static char *
json_dup_id (JsonObject *object)
{
  JsonNode *node;
  GType type;

  if (!json_object_has_member (object, "id"))
    return NULL;

  node = json_object_get_member (object, "id");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return _shoebox_feed_clean_line (json_node_get_string (node), SHOEBOX_FEED_MAX_ID);
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "True" : "False");

  return NULL;
}

static GDateTime *
json_parse_date (JsonObject *object,
                 const char *member)
{
  g_autofree char *text = json_dup_string (object, member, 256, TRUE);

  return shoebox_date_parse (text);
}

static char *
json_dup_author (JsonObject *item)
{
  JsonObject *author = NULL;

  if (json_object_has_member (item, "authors") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (item, "authors")))
    {
      JsonArray *authors = json_object_get_array_member (item, "authors");

      if (json_array_get_length (authors) > 0 &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (authors, 0)))
        author = json_array_get_object_element (authors, 0);
    }
  else if (json_object_has_member (item, "author") &&
           JSON_NODE_HOLDS_OBJECT (json_object_get_member (item, "author")))
    author = json_object_get_object_member (item, "author");

  return json_dup_string (author, "name", SHOEBOX_FEED_MAX_AUTHOR, TRUE);
}

static ShoeboxFeedItem *
parse_json_item (const char *base,
                 JsonObject *object)
{
  ShoeboxFeedItem *item = _shoebox_feed_item_new ();
  g_autofree char *summary = json_dup_string (object, "summary", SHOEBOX_FEED_MAX_SUMMARY, TRUE);
  g_autofree char *content_html = json_dup_string (object, "content_html", SHOEBOX_FEED_MAX_CONTENT, FALSE);
  g_autofree char *content_text = json_dup_string (object, "content_text", SHOEBOX_FEED_MAX_CONTENT, FALSE);

  item->id = json_dup_id (object);
  item->title = json_dup_string (object, "title", SHOEBOX_FEED_MAX_TITLE, TRUE);
  item->link = json_dup_link (base, object, "url");
  item->published = json_parse_date (object, "date_published");
  item->updated = json_parse_date (object, "date_modified");
  item->author = json_dup_author (object);
  item->media_thumbnail = json_dup_link (base, object, "image");

  if (content_html != NULL)
    {
      item->content = g_steal_pointer (&content_html);
      item->content_is_html = TRUE;
    }
  else if (content_text != NULL)
    item->content = g_strdup (content_text);

  if (summary != NULL)
    item->summary = g_steal_pointer (&summary);
  else if (item->content != NULL && item->content_is_html)
    item->summary = shoebox_html_to_text (item->content, -1, SHOEBOX_FEED_MAX_SUMMARY);
  else if (content_text != NULL)
    item->summary = _shoebox_feed_clean_line (content_text, SHOEBOX_FEED_MAX_SUMMARY);

  if (json_object_has_member (object, "attachments") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "attachments")))
    {
      JsonArray *attachments = json_object_get_array_member (object, "attachments");

      for (guint i = 0; i < json_array_get_length (attachments); i++)
        {
          JsonNode *element = json_array_get_element (attachments, i);
          JsonObject *attachment;
          g_autofree char *type = NULL;
          char *url;
          ShoeboxFeedEnclosure *enclosure;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          attachment = json_node_get_object (element);
          url = json_dup_link (base, attachment, "url");
          if (url == NULL)
            continue;

          type = json_dup_string (attachment, "mime_type", 256, TRUE);
          _shoebox_feed_add_enclosure (item->enclosures, url, type, NULL);
          enclosure = g_ptr_array_index (item->enclosures, item->enclosures->len - 1);
          if (json_object_has_member (attachment, "size_in_bytes") &&
              JSON_NODE_HOLDS_VALUE (json_object_get_member (attachment, "size_in_bytes")) &&
              json_node_get_value_type (json_object_get_member (attachment, "size_in_bytes")) == G_TYPE_INT64)
            enclosure->length = json_object_get_int_member (attachment, "size_in_bytes");
        }
    }

  _shoebox_feed_choose_thumbnail (item, base);
  return item;
}

ShoeboxFeed *
_shoebox_feed_parse_json (const guint8  *data,
                          gsize          length,
                          const char    *base_uri,
                          GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ShoeboxFeed) feed = _shoebox_feed_new ();
  g_autofree char *text = NULL;
  g_autofree char *version = NULL;
  g_autofree char *base = NULL;
  gsize text_length = 0;
  JsonNode *root;
  JsonObject *object;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* Invalid UTF-8 becomes U+FFFD before json-glib sees it. */
  text = _shoebox_feed_finish_utf8 ((const char *) data, length, &text_length);

  if (!json_depth_ok (text, text_length, MAX_JSON_DEPTH))
    {
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_TOO_DEEP,
                   _("The feed is nested more than %d levels deep"), MAX_JSON_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, &local_error))
    {
      /* json-glib quotes the document in its message, lone surrogates
       * and all: the message is feed text too.
       */
      g_autofree char *reason = shoebox_text_sanitize (local_error->message, -1, 1024, TRUE);

      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_INVALID,
                   _("The feed is not valid JSON: %s"), reason);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_NOT_A_FEED,
                   _("The document is JSON but not a JSON Feed"));
      return NULL;
    }

  object = json_node_get_object (root);
  version = json_dup_string (object, "version", 256, TRUE);
  if (version == NULL || !g_str_has_prefix (version, "https://jsonfeed.org/version/"))
    {
      if (!json_object_has_member (object, "items"))
        {
          g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_NOT_A_FEED,
                       _("The document is JSON but not a JSON Feed"));
          return NULL;
        }
    }

  feed->format = g_strcmp0 (version, "https://jsonfeed.org/version/1") == 0
                   ? SHOEBOX_FEED_FORMAT_JSON10
                   : SHOEBOX_FEED_FORMAT_JSON11;

  base = _shoebox_feed_has_web_scheme (base_uri) ? g_strdup (base_uri) : NULL;

  feed->title = json_dup_string (object, "title", SHOEBOX_FEED_MAX_TITLE, TRUE);
  feed->link = json_dup_link (base, object, "home_page_url");

  if (json_object_has_member (object, "items") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "items")))
    {
      JsonArray *items = json_object_get_array_member (object, "items");

      for (guint i = 0; i < json_array_get_length (items) && feed->items->len < SHOEBOX_FEED_MAX_ITEMS; i++)
        {
          JsonNode *element = json_array_get_element (items, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            g_ptr_array_add (feed->items, parse_json_item (base, json_node_get_object (element)));
        }
    }

  return g_steal_pointer (&feed);
}

