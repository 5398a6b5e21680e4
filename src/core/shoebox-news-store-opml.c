/* shoebox-news-store-opml.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-store"

#include "config.h"

#include "shoebox-news-store-private.h"

#include "shoebox-news-private.h"
#include "shoebox-xml-attribute.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* The sources as an OPML file, to export and import. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/**
 * shoebox_news_store_export_opml:
 * @self: a #ShoeboxNewsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full): an OPML 2.0 document listing every source,
 *   or %NULL with @error set
 */
GBytes *
shoebox_news_store_export_opml (ShoeboxNewsStore  *self,
                                GError           **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  xmlNode *head;
  xmlNode *body;
  xmlChar *buffer = NULL;
  int size = 0;
  GBytes *bytes;
  guint n;

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), NULL);

  doc = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewNode (NULL, (const xmlChar *) "opml");
  xmlSetProp (root, (const xmlChar *) "version", (const xmlChar *) "2.0");
  xmlDocSetRootElement (doc, root);
  head = xmlNewChild (root, NULL, (const xmlChar *) "head", NULL);
  xmlNewTextChild (head, NULL, (const xmlChar *) "title", (const xmlChar *) _("Shoebox news sources"));
  body = xmlNewChild (root, NULL, (const xmlChar *) "body", NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoeboxNewsSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
      const char *text = source->title[0] != '\0' ? source->title : source->url;
      xmlNode *outline = xmlNewChild (body, NULL, (const xmlChar *) "outline", NULL);

      /* xmlSetProp escapes the values. */
      xmlSetProp (outline, (const xmlChar *) "type", (const xmlChar *) "rss");
      xmlSetProp (outline, (const xmlChar *) "text", (const xmlChar *) text);
      xmlSetProp (outline, (const xmlChar *) "title", (const xmlChar *) text);
      xmlSetProp (outline, (const xmlChar *) "xmlUrl", (const xmlChar *) source->url);
      if (!source->enabled)
        xmlSetProp (outline, (const xmlChar *) "isDisabled", (const xmlChar *) "true");
    }

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 1);
  if (buffer == NULL || size <= 0)
    {
      g_set_error_literal (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_FAILED,
                           _("The list of sources could not be written"));
      xmlFree (buffer);
      return NULL;
    }

  bytes = g_bytes_new (buffer, size);
  xmlFree (buffer);
  return bytes;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcasecmp (node->name, (const xmlChar *) name) == 0;
}

typedef struct
{
  char     *url;
  char     *title;
  gboolean  disabled;
} OpmlEntry;

static void
opml_entry_free (gpointer data)
{
  OpmlEntry *entry = data;

  g_free (entry->url);
  g_free (entry->title);
  g_free (entry);
}

#define MAX_OPML_DEPTH   32
#define MAX_OPML_ENTRIES 5000

/* Outlines nest for folders; every one with an xmlUrl is a feed. */
static void
collect_outlines (xmlNode   *parent,
                  guint      depth,
                  GPtrArray *entries,
                  guint     *n_skipped)
{
  if (depth > MAX_OPML_DEPTH)
    return;

  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      g_autofree char *url = NULL;

      if (!is_element (node, "outline"))
        continue;

      url = _shoebox_xml_dup_attribute (node, "xmlUrl");
      if (url == NULL)
        url = _shoebox_xml_dup_attribute (node, "xmlurl");

      if (url != NULL)
        {
          g_autofree char *normal = shoebox_news_normalize_url (url, NULL);
          g_autofree char *title = _shoebox_xml_dup_attribute (node, "title");
          g_autofree char *disabled = _shoebox_xml_dup_attribute (node, "isDisabled");
          OpmlEntry *entry;

          if (normal == NULL || entries->len >= MAX_OPML_ENTRIES)
            {
              (*n_skipped)++;
              continue;
            }

          if (title == NULL)
            title = _shoebox_xml_dup_attribute (node, "text");

          entry = g_new0 (OpmlEntry, 1);
          entry->url = g_steal_pointer (&normal);
          entry->title = _shoebox_news_store_dup_clean_title (title);
          entry->disabled = g_strcmp0 (disabled, "true") == 0;
          g_ptr_array_add (entries, entry);
        }

      collect_outlines (node, depth + 1, entries, n_skipped);
    }
}

typedef struct
{
  ShoeboxNewsStore *self;
  GPtrArray        *entries;
  guint             n_added;
  guint             n_skipped;
} Import;

static gboolean
import_in_transaction (ShoeboxDatabase  *database,
                       gpointer          user_data,
                       GError          **error)
{
  Import *import = user_data;
  ShoeboxNewsStore *self = import->self;

  for (guint i = 0; i < import->entries->len; i++)
    {
      OpmlEntry *entry = g_ptr_array_index (import->entries, i);
      g_autoptr(GError) local_error = NULL;
      AddSource add = { self, entry->url, entry->title, 0 };

      if (!_shoebox_news_store_add_source_in_transaction (database, &add, &local_error))
        {
          if (g_error_matches (local_error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_DUPLICATE))
            {
              import->n_skipped++;
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (entry->disabled)
        {
          g_autoptr(ShoeboxStatement) stmt = _shoebox_news_store_prepare (self, SQL_ENABLE_SOURCE, error);

          if (stmt == NULL)
            return FALSE;
          shoebox_statement_bind_int64 (stmt, 1, add.id);
          shoebox_statement_bind_int64 (stmt, 2, 0);
          if (!shoebox_database_step_done (self->database, stmt, error))
            return FALSE;
        }

      import->n_added++;
    }

  return TRUE;
}

/**
 * shoebox_news_store_import_opml:
 * @self: a #ShoeboxNewsStore
 * @opml: the bytes of an OPML file
 * @n_added: (out) (optional): how many sources were added
 * @n_skipped: (out) (optional): how many were left out, already in the
 *   list or not http or https
 * @error: return location for a #GError
 *
 * Adds every feed the file lists, in one transaction. The file is
 * untrusted: it is read without network access, without entities and
 * without a DTD, and its size is capped.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_news_store_import_opml (ShoeboxNewsStore  *self,
                                GBytes            *opml,
                                guint             *n_added,
                                guint             *n_skipped,
                                GError           **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (opml_entry_free);
  Import import = { self, NULL, 0, 0 };
  const char *data;
  gsize size;
  xmlNode *root;

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (opml != NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  data = g_bytes_get_data (opml, &size);
  if (size > SHOEBOX_NEWS_MAX_OPML)
    {
      g_set_error_literal (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_TOO_LARGE,
                           _("The file is too large to be a list of news sources"));
      return FALSE;
    }

  /* An OPML file has no use for a DTD: refusing entity declarations
   * outright keeps any expansion trick out of the parser.
   */
  if (size == 0 || g_strstr_len (data, size, "<!ENTITY") != NULL || g_strstr_len (data, size, "<!DOCTYPE") != NULL)
    {
      g_set_error_literal (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_FAILED,
                           _("The file is not a list of news sources (OPML)"));
      return FALSE;
    }

  doc = xmlReadMemory (data, (int) size, "sources.opml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL || !is_element (root, "opml") || doc->intSubset != NULL)
    {
      g_set_error_literal (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_FAILED,
                           _("The file is not a list of news sources (OPML)"));
      return FALSE;
    }

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (is_element (node, "body"))
      collect_outlines (node, 0, entries, &import.n_skipped);

  import.entries = entries;
  if (!_shoebox_news_store_write_transaction (self, import_in_transaction, &import, error))
    return FALSE;
  if (!_shoebox_news_store_reload_sources (self, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = import.n_added;
  if (n_skipped != NULL)
    *n_skipped = import.n_skipped;
  return TRUE;
}
