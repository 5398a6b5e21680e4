/* shoebox-feed-dump.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Prints what the feed parser makes of a file, as JSON in the record shape
 * of ../shared/corpus/feeds/expected.json, so the parser can be scored with
 * that corpus's compare.py:
 *
 *   shoebox-feed-dump [--content-type TYPE] [--base URI] FILE
 *   shoebox-feed-dump --corpus DIR OUT.json
 *
 * With --corpus, every file named by a key of DIR/expected.json is parsed,
 * with the Content-Type and Content-Location of its record's http_headers;
 * nothing else is read from expected.json.
 */

#define G_LOG_DOMAIN "shoebox-feed-dump"

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "shoebox-feed-parser.h"

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          GDateTime   *value)
{
  g_autofree char *text = NULL;

  if (value != NULL)
    text = g_date_time_format (value, "%Y-%m-%dT%H:%M:%SZ");
  add_string (builder, member, text);
}

static JsonNode *
build_record (GBytes     *bytes,
              const char *content_type,
              const char *base_uri)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(ShoeboxFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  feed = shoebox_feed_parse (bytes, content_type, base_uri, &error);

  json_builder_begin_object (builder);
  if (feed == NULL)
    {
      add_string (builder, "error", error->message);
      json_builder_end_object (builder);
      return json_builder_get_root (builder);
    }

  add_string (builder, "format", shoebox_feed_format_to_string (feed->format));
  json_builder_set_member_name (builder, "bozo");
  json_builder_add_boolean_value (builder, feed->recovered);
  add_string (builder, "feed_title", feed->title);
  add_string (builder, "feed_link", feed->link);

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < feed->items->len; i++)
    {
      ShoeboxFeedItem *item = g_ptr_array_index (feed->items, i);

      json_builder_begin_object (builder);
      add_string (builder, "title", item->title);
      add_string (builder, "link", item->link);
      add_string (builder, "id", item->id);
      add_date (builder, "published_utc", item->published);
      add_date (builder, "updated_utc", item->updated);
      add_string (builder, "summary_text", item->summary);
      json_builder_set_member_name (builder, "enclosures");
      json_builder_begin_array (builder);
      for (guint j = 0; j < item->enclosures->len; j++)
        {
          ShoeboxFeedEnclosure *enclosure = g_ptr_array_index (item->enclosures, j);

          json_builder_add_string_value (builder, enclosure->url);
        }
      json_builder_end_array (builder);
      /* The corpus rule: the first media:thumbnail, nothing else. */
      add_string (builder, "thumbnail", item->media_thumbnail);
      /* Extra keys, which compare.py ignores: the rest of what the app
       * gets, so the hostile-feed test checks every string.
       */
      add_string (builder, "app_thumbnail", item->thumbnail);
      add_string (builder, "author", item->author);
      add_string (builder, "content", item->content);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
write_json (JsonNode    *root,
            const char  *path,
            GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  if (path == NULL)
    {
      g_autofree char *text = json_generator_to_data (generator, NULL);

      g_print ("%s\n", text);
      return TRUE;
    }

  return json_generator_to_file (generator, path, error);
}

static const char *
find_header (JsonObject *headers,
             const char *name)
{
  g_autoptr(GList) members = NULL;

  if (headers == NULL)
    return NULL;

  members = json_object_get_members (headers);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (headers, l->data);

      if (g_ascii_strcasecmp (l->data, name) == 0 &&
          JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        return json_node_get_string (value);
    }

  return NULL;
}

static int
dump_corpus (const char *dir,
             const char *out_path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_path = g_build_filename (dir, "expected.json", NULL);
  g_autoptr(GList) names = NULL;
  JsonObject *expected;

  if (!json_parser_load_from_file (parser, expected_path, &error))
    {
      g_printerr ("%s: %s\n", expected_path, error->message);
      return 1;
    }

  expected = json_node_get_object (json_parser_get_root (parser));
  names = json_object_get_members (expected);
  names = g_list_sort (names, (GCompareFunc) g_strcmp0);

  json_builder_begin_object (builder);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonObject *record = json_object_get_object_member (expected, name);
      JsonObject *headers = NULL;
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) read_error = NULL;
      gsize length = 0;

      if (record != NULL && json_object_has_member (record, "http_headers") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (record, "http_headers")))
        headers = json_object_get_object_member (record, "http_headers");

      json_builder_set_member_name (builder, name);
      if (!g_file_get_contents (path, &contents, &length, &read_error))
        {
          json_builder_begin_object (builder);
          add_string (builder, "error", read_error->message);
          json_builder_end_object (builder);
          continue;
        }

      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      json_builder_add_value (builder, build_record (bytes,
                                                     find_header (headers, "content-type"),
                                                     find_header (headers, "content-location")));
    }
  json_builder_end_object (builder);

  results = json_builder_get_root (builder);
  if (!write_json (results, out_path, &error))
    {
      g_printerr ("%s: %s\n", out_path, error->message);
      return 1;
    }

  return 0;
}

static int
usage (void)
{
  g_printerr ("Usage: shoebox-feed-dump [--content-type TYPE] [--base URI] FILE\n"
              "       shoebox-feed-dump --corpus DIR OUT.json\n");
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  const char *content_type = NULL;
  const char *base_uri = NULL;
  const char *file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) record = NULL;
  gsize length = 0;

  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "--corpus"))
    return dump_corpus (argv[2], argv[3]);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--content-type") && i + 1 < argc)
        content_type = argv[++i];
      else if (g_str_equal (argv[i], "--base") && i + 1 < argc)
        base_uri = argv[++i];
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return usage ();
      else if (file == NULL)
        file = argv[i];
      else
        return usage ();
    }

  if (file == NULL)
    return usage ();

  if (!g_file_get_contents (file, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  record = build_record (bytes, content_type, base_uri);
  write_json (record, NULL, NULL);
  return 0;
}
