/* shoebox-collection-search.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-collection"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-collection-private.h"
#include "shoebox-pair-list.h"

/* Search: FTS5 prefix queries and filters in SQL, results as lazy lists
 * of ids (ShoeboxPairList). */

/* The sort keys of each ShoeboxPairSort, most significant first. */
static const char * const sort_keys[][3] = {
  [SHOEBOX_PAIR_SORT_ADDED] = { "p.id" },
  [SHOEBOX_PAIR_SORT_RELEVANCE] = { "p.id" },
  [SHOEBOX_PAIR_SORT_SILHOUETTE] = { "s.name COLLATE NOCASE", "b.name COLLATE NOCASE" },
  [SHOEBOX_PAIR_SORT_BRAND] = { "b.name COLLATE NOCASE", "s.name COLLATE NOCASE" },
  [SHOEBOX_PAIR_SORT_COLORWAY] = { "p.colorway COLLATE NOCASE" },
  [SHOEBOX_PAIR_SORT_SIZE] = { "p.size_system", "CAST (p.size AS REAL)" },
  [SHOEBOX_PAIR_SORT_CONDITION] = { "NULLIF (" CONDITION_INDEX ", 0)" },
  [SHOEBOX_PAIR_SORT_PRICE_PAID] = { "p.currency", "p.price_paid" },
  [SHOEBOX_PAIR_SORT_PURCHASE_DATE] = { "p.purchase_date" },
  [SHOEBOX_PAIR_SORT_WEARS] = { WEAR_COUNT },
  [SHOEBOX_PAIR_SORT_LAST_WORN] = { LAST_WORN },
};

/* Each word the user typed must match the start of a word of the pair:
 * "trac 2" is `"trac"* "2"*`. Words are quoted, so FTS5 syntax typed by
 * the user is searched for, never run.
 */
static char *
build_match_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean searchable = FALSE;

      if (!g_utf8_validate (words[i], -1, NULL))
        continue;
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          searchable = TRUE;
      if (!searchable)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static gboolean
query_filters (const ShoeboxPairQuery *query)
{
  return (query->brand != NULL && query->brand[0] != '\0') || query->silhouette_id != 0
         || query->conditions != 0 || query->statuses != 0
         || (query->tag != NULL && query->tag[0] != '\0');
}

/**
 * shoebox_pair_query_finds_everything:
 * @query: a query
 *
 * Whether @query finds every pair: no filter, no limit, and no word in
 * its text that a search would look for ("" or " - " are none).
 *
 * Returns: %TRUE if @query lists the whole collection
 */
gboolean
shoebox_pair_query_finds_everything (const ShoeboxPairQuery *query)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (query != NULL, FALSE);

  match = build_match_query (query->text);
  return match == NULL && !query_filters (query) && query->limit == 0;
}

/* The limit is bound (?7), never written into the SQL: a statement is
 * prepared once for each shape of query, whatever the limit.
 */
#define LIMIT_PARAMETER 7

static void
append_limit (GString *sql)
{
  g_string_append (sql, " LIMIT ?7");
}

/* Typing with no filter, in the order pairs were added: the index alone
 * has the answer, in order, without a join or a sort.
 */
static gboolean
index_alone_answers (const ShoeboxPairQuery *query,
                     gboolean                has_text)
{
  return has_text && !query_filters (query)
         && (query->sort == SHOEBOX_PAIR_SORT_RELEVANCE || query->sort == SHOEBOX_PAIR_SORT_ADDED);
}

/* The parameter that takes shoebox_database_collect_ids()'s collector. */
#define COLLECTOR_PARAMETER 8

/* Every match in the order added, without a filter or a limit: what a
 * search as you type asks for most, and the queries that find the most
 * pairs. shoebox_ids() collects them in one step (shoebox-database-ids.c
 * says why), lowest first, and search_ids() turns them around for
 * newest first. Reading oldest first costs FTS5 less as well: "s"*,
 * which finds all of 100,000 pairs, ran 74.3 M instructions newest first
 * against 67.2 M (callgrind, SQLite 3.40).
 */
static gboolean
collects_ids (const ShoeboxPairQuery *query)
{
  return query->sort == SHOEBOX_PAIR_SORT_ADDED && !query_filters (query) && query->limit == 0;
}

/* With search text, the FTS5 index drives the query: a word that matches
 * few pairs then costs little, whatever the size of the collection.
 */
static char *
build_search_sql (const ShoeboxPairQuery *query,
                  gboolean                has_text)
{
  GString *sql = g_string_new ("SELECT p.id");
  const char * const *keys = sort_keys[query->sort];
  gboolean relevance = has_text && query->sort == SHOEBOX_PAIR_SORT_RELEVANCE;
  gboolean filtered = query_filters (query);

  /* The caller binds ?1 to ?7 whatever the shape: ?8 is the highest
   * parameter of these, so each of them exists.
   */
  if (collects_ids (query))
    {
      g_string_assign (sql, has_text ? "SELECT shoebox_ids (rowid, ?8) FROM pairs_fts WHERE pairs_fts MATCH ?1"
                                     /* The table's own order, not an index's: fewer ids to sort. */
                                     : "SELECT shoebox_ids (id, ?8) FROM pairs NOT INDEXED WHERE ?1 IS NULL");
      return g_string_free (sql, FALSE);
    }

  if (index_alone_answers (query, has_text))
    {
      g_string_assign (sql, "SELECT rowid FROM pairs_fts WHERE pairs_fts MATCH ?1 ORDER BY ");
      g_string_append (sql, relevance ? "rank" : "rowid");
      g_string_append (sql, query->descending ? " DESC" : "");
      append_limit (sql);
      return g_string_free (sql, FALSE);
    }

  /* Every pair, newest or oldest first, up to a limit (the window's first
   * screenful): the table's own order, without the joins the filters
   * need. ?1 stays, as the caller binds it.
   */
  if (!has_text && !filtered && query->sort == SHOEBOX_PAIR_SORT_ADDED)
    {
      g_string_assign (sql, "SELECT id FROM pairs WHERE ?1 IS NULL ORDER BY id");
      g_string_append (sql, query->descending ? " DESC" : "");
      append_limit (sql);
      return g_string_free (sql, FALSE);
    }

  if (has_text)
    g_string_append (sql,
                     " FROM pairs_fts f JOIN pairs p ON p.id = f.rowid"
                     " JOIN silhouettes s ON s.id = p.silhouette_id JOIN brands b ON b.id = s.brand_id"
                     " WHERE pairs_fts MATCH ?1" SEARCH_FILTERS " ORDER BY ");
  else
    g_string_append (sql, PAIR_FROM " WHERE ?1 IS NULL" SEARCH_FILTERS " ORDER BY ");

  if (relevance)
    g_string_append (sql, query->descending ? "f.rank DESC" : "f.rank");

  for (guint i = 0; !relevance && i < G_N_ELEMENTS (sort_keys[0]) && keys[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, keys[i]);
      g_string_append (sql, query->descending ? " DESC NULLS LAST" : " ASC NULLS LAST");
    }

  /* Ties stay in the order the pairs were added, whichever way the
   * column sorts: turning a sort around moves the groups, not the pairs
   * within one.
   */
  g_string_append (sql, relevance && query->descending ? ", p.id DESC" : ", p.id");
  append_limit (sql);
  return g_string_free (sql, FALSE);
}

static GArray *
search_ids (ShoeboxCollection       *self,
            const ShoeboxPairQuery  *query,
            GError                 **error)
{
  static const ShoeboxPairQuery everything = { 0 };
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(ShoeboxStatement) stmt = NULL;
  GArray *ids;

  if (query == NULL)
    query = &everything;
  g_return_val_if_fail (query->sort <= SHOEBOX_PAIR_SORT_LAST_WORN, NULL);

  match = build_match_query (query->text);
  sql = build_search_sql (query, match != NULL);

  stmt = _shoebox_collection_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  /* The quicker shapes of query leave out the filters' parameters;
   * binding one that the SQL does not use is harmless.
   */
  shoebox_statement_bind_text (stmt, 1, match);
  shoebox_statement_bind_text (stmt, 2, query->brand != NULL && query->brand[0] != '\0' ? query->brand : NULL);
  shoebox_statement_bind_int64 (stmt, 3, query->silhouette_id);
  shoebox_statement_bind_int64 (stmt, 4, query->conditions);
  shoebox_statement_bind_int64 (stmt, 5, query->statuses);
  shoebox_statement_bind_text (stmt, 6, query->tag != NULL && query->tag[0] != '\0' ? query->tag : NULL);
  /* A negative LIMIT is no limit. */
  shoebox_statement_bind_int64 (stmt, LIMIT_PARAMETER, query->limit > 0 ? (gint64) query->limit : -1);

  if (!collects_ids (query))
    return shoebox_database_query_ids (self->database, stmt, error);

  ids = shoebox_database_collect_ids (self->database, stmt, COLLECTOR_PARAMETER, error);
  if (ids != NULL && query->descending)
    {
      gint64 *id = (gint64 *) (gpointer) ids->data;

      for (guint i = 0, j = ids->len; i + 1 < j; i++, j--)
        {
          gint64 swap = id[i];

          id[i] = id[j - 1];
          id[j - 1] = swap;
        }
    }
  return ids;
}

/**
 * shoebox_collection_search:
 * @self: a #ShoeboxCollection
 * @query: (nullable): what to find; %NULL for every pair
 * @error: return location for a #GError
 *
 * One query, whatever the size of the collection: the model reads a pair
 * only when asked for it.
 *
 * Returns: (transfer full): a #GListModel of #ShoeboxPair
 */
GListModel *
shoebox_collection_search (ShoeboxCollection       *self,
                           const ShoeboxPairQuery  *query,
                           GError                 **error)
{
  GArray *ids;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  ids = search_ids (self, query, error);
  if (ids == NULL)
    return NULL;

  return G_LIST_MODEL (shoebox_pair_list_new (self, ids));
}

/**
 * shoebox_collection_search_into:
 * @self: a #ShoeboxCollection
 * @query: (nullable): what to find; %NULL for every pair
 * @list: a list shoebox_collection_search() returned
 * @error: return location for a #GError
 *
 * Runs @query again into the same model, which keeps its positions
 * (shoebox_pair_list_replace()): search as you type without a new model,
 * nor new cells, per keystroke.
 *
 * Returns: %TRUE on success; on failure @list is left as it was
 */
gboolean
shoebox_collection_search_into (ShoeboxCollection       *self,
                                const ShoeboxPairQuery  *query,
                                GListModel              *list,
                                GError                 **error)
{
  GArray *ids;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_PAIR_LIST (list), FALSE);

  ids = search_ids (self, query, error);
  if (ids == NULL)
    return FALSE;

  shoebox_pair_list_replace (SHOEBOX_PAIR_LIST (list), ids);
  return TRUE;
}

static GListModel *
list_from_query (ShoeboxCollection  *self,
                 CollectionSql       sql,
                 const char         *parameter,
                 GError            **error)
{
  g_autoptr(ShoeboxStatement) stmt = _shoebox_collection_statement (self, sql, error);
  GArray *ids;

  if (stmt == NULL)
    return NULL;
  shoebox_statement_bind_text (stmt, 1, parameter);
  ids = shoebox_database_query_ids (self->database, stmt, error);
  if (ids == NULL)
    return NULL;

  return G_LIST_MODEL (shoebox_pair_list_new (self, ids));
}

/**
 * shoebox_collection_list_not_worn_since:
 * @self: a #ShoeboxCollection
 * @date: a day, `YYYY-MM-DD`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the owned pairs with no wear after @date,
 *   never-worn ones first, then the longest unworn
 */
GListModel *
shoebox_collection_list_not_worn_since (ShoeboxCollection  *self,
                                        const char         *date,
                                        GError            **error)
{
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  return list_from_query (self, COLLECTION_SQL_NOT_WORN_SINCE,
                          date, error);
}
