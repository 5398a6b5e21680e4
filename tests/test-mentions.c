/* test-mentions.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-collection.h"
#include "shoebox-database.h"
#include "shoebox-mentions.h"
#include "shoebox-test-collection.h"
#include "shoebox-test-sql-log.h"
#include "shoebox-test-wait.h"

/* Each case has its own empty XDG folders (G_TEST_OPTION_ISOLATE_DIRS),
 * so a fresh database with the starter catalogue. News items are written
 * with plain SQL: what the matcher reads is the table, not how it was
 * filled.
 */

typedef struct
{
  ShoeboxDatabase   *database;
  ShoeboxCollection *collection;
  ShoeboxMentions   *mentions;
  gint64             source_id;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->collection = shoebox_test_open_collection (&fixture->database, TRUE);
  fixture->mentions = shoebox_mentions_new (fixture->database);

  g_assert_true (shoebox_database_exec (fixture->database,
                                        "INSERT INTO news_sources (title, url, created_at)"
                                        " VALUES ('Test', 'http://127.0.0.1/feed', '2026-01-01T00:00:00Z')",
                                        &error));
  g_assert_no_error (error);
  fixture->source_id = sqlite3_last_insert_rowid (shoebox_database_get_handle (fixture->database));
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  shoebox_test_wait_for_release (fixture->mentions);
  g_assert_finalize_object (fixture->mentions);
  g_assert_finalize_object (fixture->collection);
  shoebox_database_close (fixture->database);
  g_assert_finalize_object (fixture->database);
}

static gint64
add_pair (Fixture       *fixture,
          const char    *brand,
          const char    *name,
          const char    *colorway,
          const char    *style_code,
          ShoeboxStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxSilhouette) silhouette = shoebox_collection_find_silhouette (fixture->collection, brand, name, &error);
  g_autoptr(ShoeboxPair) pair = shoebox_pair_new ();

  g_assert_no_error (error);
  g_assert_nonnull (silhouette);
  shoebox_pair_set_silhouette_id (pair, shoebox_silhouette_get_id (silhouette));
  shoebox_pair_set_colorway (pair, colorway);
  shoebox_pair_set_style_code (pair, style_code);
  shoebox_pair_set_status (pair, status);
  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  g_assert_no_error (error);

  return shoebox_pair_get_id (pair);
}

static gint64
add_item (Fixture    *fixture,
          const char *title,
          const char *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxStatement) stmt = NULL;
  static int n;
  g_autofree char *key = g_strdup_printf ("item-%d", ++n);

  stmt = shoebox_database_prepare (fixture->database,
                                   "INSERT INTO news_items (source_id, key, title, summary, fetched_at, sort_date)"
                                   " VALUES (?1, ?2, ?3, ?4, '2026-01-01T00:00:00Z', ?5)",
                                   &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, fixture->source_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, summary, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, key, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  return sqlite3_last_insert_rowid (shoebox_database_get_handle (fixture->database));
}

static void
scan (Fixture  *fixture,
      gboolean  notify_new,
      guint     expected_new)
{
  g_autoptr(GError) error = NULL;
  guint n_new = G_MAXUINT;

  g_assert_true (shoebox_mentions_scan (fixture->mentions, notify_new, &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, expected_new);
}

static void
test_normalize (void)
{
  static const struct
  {
    const char *text;
    const char *normal;
  } cases[] = {
    { "Track 2.0", " track 2.0 " },
    { "The TRACK 2. Out now", " the track 2 out now " },
    { "Gel-1090 “Silver”", " gel 1090 silver " },
    { "Air Max '97", " air max 97 " },
    { "", " " },
    { NULL, " " },
    { "ÉTÉ", " été " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = shoebox_mentions_normalize (cases[i].text);

      g_assert_cmpstr (normal, ==, cases[i].normal);
    }
}

/* ASCII text takes a quicker path than the rest: it must come out as
 * the general path makes it, which a non-ASCII word after it forces.
 */
static void
test_normalize_ascii_as_unicode (void)
{
  static const char alphabet[] = "aZ09 .-_'\"!?/,;:()Xy 1.2.3 ..";
  GRand *rand = g_rand_new_with_seed (15);

  for (guint round = 0; round < 2000; round++)
    {
      char text[24] = { 0 };
      guint length = g_rand_int_range (rand, 0, sizeof text);
      g_autofree char *with_accent = NULL;
      g_autofree char *ascii = NULL;
      g_autofree char *general = NULL;
      g_autofree char *expected = NULL;

      for (guint i = 0; i < length; i++)
        text[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      with_accent = g_strconcat (text, " é", NULL);
      ascii = shoebox_mentions_normalize (text);
      general = shoebox_mentions_normalize (with_accent);
      expected = g_strconcat (ascii, "é ", NULL);
      g_assert_cmpstr (general, ==, expected);
    }
  g_rand_free (rand);
}

static void
test_aliases (void)
{
  g_auto(GStrv) track = shoebox_mentions_dup_aliases ("Track 2.0");
  g_auto(GStrv) air_max = shoebox_mentions_dup_aliases ("Air Max 97");
  g_auto(GStrv) gel = shoebox_mentions_dup_aliases ("Gel-1090");

  g_assert_cmpstr (track[0], ==, "track 2.0");
  g_assert_true (g_strv_contains ((const char * const *) track, "track 2"));
  g_assert_true (g_strv_contains ((const char * const *) air_max, "am97"));
  g_assert_true (g_strv_contains ((const char * const *) air_max, "am 97"));
  g_assert_true (g_strv_contains ((const char * const *) gel, "gel1090"));
}

static void
test_owned_and_aliases (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 track2 = add_pair (fixture, "Balenciaga", "Track 2.0", "Triple Black", NULL, SHOEBOX_STATUS_OWNED);
  gint64 am97 = add_pair (fixture, "Nike", "Air Max 97", "Silver Bullet", NULL, SHOEBOX_STATUS_WISHLIST);
  gint64 a = add_item (fixture, "The Balenciaga track 2 returns", NULL);
  gint64 b = add_item (fixture, "Restock", "<b>AM97</b> drops Friday");
  gint64 c = add_item (fixture, "Soundtrack 2.0 is not a shoe", "Nor is AM970");
  gint64 d = add_item (fixture, "A new TRACK 2.0 colorway", NULL);

  scan (fixture, TRUE, 3);
  g_assert_cmpstr (shoebox_mentions_get_label (fixture->mentions, a), ==, "Balenciaga Track 2.0 “Triple Black”");
  g_assert_cmpstr (shoebox_mentions_get_label (fixture->mentions, b), ==, "Nike Air Max 97 “Silver Bullet”");
  g_assert_null (shoebox_mentions_get_label (fixture->mentions, c));
  g_assert_true (shoebox_mentions_has_item (fixture->mentions, d));
  g_assert_cmpuint (shoebox_mentions_get_n_items (fixture->mentions), ==, 3);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) ids = shoebox_mentions_list_pair_items (fixture->mentions, track2, &error);
    g_autoptr(GArray) am = shoebox_mentions_list_pair_items (fixture->mentions, am97, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpuint (am->len, ==, 1);
  }

  /* Scanning again finds nothing new. */
  scan (fixture, TRUE, 0);
}

static void
test_longest_name_wins (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 a, b, c, d;

  add_pair (fixture, "Balenciaga", "Track", NULL, NULL, SHOEBOX_STATUS_OWNED);
  add_pair (fixture, "Balenciaga", "Runner", NULL, NULL, SHOEBOX_STATUS_OWNED);
  a = add_item (fixture, "Balenciaga Track 3 in white", NULL);
  b = add_item (fixture, "Balenciaga Race Runner comes back", NULL);
  c = add_item (fixture, "The original Balenciaga Track, in grey", NULL);
  d = add_item (fixture, "A track runner wins gold", "Athletics news");

  scan (fixture, FALSE, 1);
  g_assert_null (shoebox_mentions_get_label (fixture->mentions, a));
  g_assert_null (shoebox_mentions_get_label (fixture->mentions, b));
  g_assert_cmpstr (shoebox_mentions_get_label (fixture->mentions, c), ==, "Balenciaga Track");
  /* One-word names count only beside their brand. */
  g_assert_null (shoebox_mentions_get_label (fixture->mentions, d));
}

static void
test_style_code (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 first = add_pair (fixture, "Nike", "Air Max 97", "Silver Bullet", "884421-001", SHOEBOX_STATUS_OWNED);
  gint64 second = add_pair (fixture, "Nike", "Air Max 97", "Triple White", "921826-101", SHOEBOX_STATUS_OWNED);
  gint64 item = add_item (fixture, "Restock alert", "Style code 921826-101 is back");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) of_first = NULL;
  g_autoptr(GArray) of_second = NULL;

  scan (fixture, FALSE, 1);
  g_assert_cmpstr (shoebox_mentions_get_label (fixture->mentions, item), ==, "Nike Air Max 97 “Triple White”");
  of_first = shoebox_mentions_list_pair_items (fixture->mentions, first, &error);
  of_second = shoebox_mentions_list_pair_items (fixture->mentions, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_first->len, ==, 0);
  g_assert_cmpuint (of_second->len, ==, 1);
}

static void
test_sold_pairs_are_not_mentioned (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 item;

  add_pair (fixture, "Asics", "Gel-1090", NULL, NULL, SHOEBOX_STATUS_SOLD);
  item = add_item (fixture, "Asics Gel-1090 in silver", NULL);

  scan (fixture, TRUE, 0);
  g_assert_false (shoebox_mentions_has_item (fixture->mentions, item));
}

static void
test_notify_once (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  gint64 item;
  gint64 old_item;
  ShoeboxMention *mention;

  /* Found when a pair is added, not with new items: not announced. */
  old_item = add_item (fixture, "Gel-Kiril 2 history", NULL);
  add_pair (fixture, "Asics", "Gel-Kiril 2", "Lavender", NULL, SHOEBOX_STATUS_OWNED);
  scan (fixture, FALSE, 1);

  item = add_item (fixture, "Kiko's Gel-Kiril 2 <i>restocks</i>", NULL);
  scan (fixture, TRUE, 1);

  first = shoebox_mentions_take_unnotified (fixture->mentions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 1);
  mention = g_ptr_array_index (first, 0);
  g_assert_cmpint (mention->item_id, ==, item);
  g_assert_cmpint (mention->item_id, !=, old_item);
  g_assert_cmpstr (mention->item_title, ==, "Kiko's Gel-Kiril 2 <i>restocks</i>");
  g_assert_cmpstr (mention->pair_label, ==, "Asics Gel-Kiril 2 “Lavender”");

  second = shoebox_mentions_take_unnotified (fixture->mentions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 0);

  /* A read item is never announced. */
  item = add_item (fixture, "Gel-Kiril 2 again", NULL);
  g_assert_true (shoebox_database_exec (fixture->database, "UPDATE news_items SET read = 1", &error));
  scan (fixture, TRUE, 1);
  third = shoebox_mentions_take_unnotified (fixture->mentions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (third->len, ==, 0);
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  guint n_changed = 0;

  g_signal_connect_swapped (fixture->mentions, "changed", G_CALLBACK (shoebox_test_count_cb), &n_changed);
  add_item (fixture, "Nothing here", NULL);
  scan (fixture, TRUE, 0);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (shoebox_mentions_get_n_items (fixture->mentions), ==, 0);
  g_signal_handlers_disconnect_by_data (fixture->mentions, &n_changed);
}

static void
test_removed_when_pair_sold (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxPair) pair = NULL;
  gint64 id = add_pair (fixture, "Balenciaga", "Triple S", NULL, NULL, SHOEBOX_STATUS_OWNED);
  gint64 item = add_item (fixture, "Balenciaga Triple S turns ten", NULL);

  scan (fixture, TRUE, 1);
  g_assert_true (shoebox_mentions_has_item (fixture->mentions, item));

  pair = shoebox_collection_get_pair (fixture->collection, id, &error);
  g_assert_no_error (error);
  shoebox_pair_set_status (pair, SHOEBOX_STATUS_SOLD);
  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  g_assert_no_error (error);

  scan (fixture, TRUE, 0);
  g_assert_false (shoebox_mentions_has_item (fixture->mentions, item));
}

static void
test_search_terms (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) none = shoebox_mentions_dup_search_terms (fixture->mentions, &error);
  g_auto(GStrv) terms = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  add_pair (fixture, "Nike", "Air Max 97", NULL, NULL, SHOEBOX_STATUS_WISHLIST);
  add_pair (fixture, "Balenciaga", "Runner", NULL, NULL, SHOEBOX_STATUS_OWNED);
  add_pair (fixture, "Balenciaga", "Track 2.0", NULL, NULL, SHOEBOX_STATUS_OWNED);
  add_pair (fixture, "Balenciaga", "Track 2.0", "Grey", NULL, SHOEBOX_STATUS_OWNED);
  add_pair (fixture, "Asics", "Gel-1090", NULL, NULL, SHOEBOX_STATUS_SOLD);

  /* Owned first, each silhouette once, one-word names with their brand. */
  terms = shoebox_mentions_dup_search_terms (fixture->mentions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (terms), ==, 3);
  g_assert_cmpstr (terms[0], ==, "Balenciaga Runner");
  g_assert_cmpstr (terms[1], ==, "Track 2.0");
  g_assert_cmpstr (terms[2], ==, "Air Max 97");
}

/* A collection of tens of thousands of pairs, each with a style code:
 * a scan reads each story once, whatever the number of codes, and ties a
 * story that names a silhouette to a few of its pairs only.
 */
static void
test_large_collection (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  gint64 pair_id;
  gint64 by_code;
  gint64 by_name;
  gint64 start;
  guint n_rows = 0;

  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 20000, 7, &error));
  g_assert_no_error (error);

  pair_id = shoebox_test_query_int (fixture->database,
                                    "SELECT max (id) FROM pairs WHERE status = 'Owned' AND style_code IS NOT NULL");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT style_code FROM pairs WHERE id = %" G_GINT64_FORMAT, pair_id);

    code = shoebox_test_query_text (fixture->database, sql);
  }

  g_assert_true (shoebox_database_exec (fixture->database, "BEGIN", &error));
  for (guint i = 0; i < 300; i++)
    add_item (fixture, "Weekly roundup", "Nothing in particular about anything at all, in many words.");
  title = g_strdup_printf ("Restock of %s this Friday", code);
  by_code = add_item (fixture, title, NULL);
  by_name = add_item (fixture, "The Nike Air Max 97 is back", NULL);
  g_assert_true (shoebox_database_exec (fixture->database, "COMMIT", &error));

  start = g_get_monotonic_time ();
  g_assert_true (shoebox_mentions_scan (fixture->mentions, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("scan of 302 stories against 20000 pairs: %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  g_assert_true (shoebox_mentions_has_item (fixture->mentions, by_code));
  {
    g_autoptr(GArray) items = shoebox_mentions_list_pair_items (fixture->mentions, pair_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 1);
    g_assert_cmpint (g_array_index (items, gint64, 0), ==, by_code);
  }

  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM news_mentions WHERE item_id = %" G_GINT64_FORMAT,
                                            by_name);

    n_rows = shoebox_test_query_int (fixture->database, sql);
  }
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_rows, <=, 20);
}

typedef struct
{
  GAsyncResult *result;
  guint         n_changed;
  guint         n_changed_before_callback;
} AsyncScan;

static void
async_changed_cb (AsyncScan *scan)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  scan->n_changed++;
}

static void
async_scanned_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AsyncScan *scan = user_data;

  scan->result = g_object_ref (result);
  scan->n_changed_before_callback = scan->n_changed;
}

/* The scan at start and after every refresh: the pairs are read and
 * matched in a worker thread, even while the main connection holds the
 * write lock, and only the labels are read again on the main thread.
 */
static gboolean
pairs_read (gpointer data)
{
  return shoebox_test_sql_log_count ("p.style_code", FALSE) > 0;
}

static void
test_scan_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) announced = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncScan scan = { 0 };
  gint64 item;
  guint n_new = 0;

  add_pair (fixture, "Balenciaga", "Track 2.0", "Silver", NULL, SHOEBOX_STATUS_OWNED);
  item = add_item (fixture, "The Track 2.0 comes back in silver", NULL);
  add_item (fixture, "Nothing in particular", NULL);
  g_signal_connect_swapped (fixture->mentions, "changed", G_CALLBACK (async_changed_cb), &scan);

  g_assert_true (shoebox_database_exec (fixture->database, "BEGIN IMMEDIATE", &error));
  shoebox_test_sql_log_clear ();
  shoebox_mentions_scan_async (fixture->mentions, TRUE, NULL, async_scanned_cb, &scan);

  /* The pairs are read while the main connection holds the lock; the
   * rows wait for it. (The stories are read before the pairs too, for
   * the scan's fingerprint: waiting for them would not wait for the
   * pairs.)
   */
  shoebox_test_wait_until (pairs_read, NULL);
  g_assert_cmpuint (shoebox_test_sql_log_count ("p.style_code", FALSE), ==, 1);
  g_assert_null (scan.result);
  g_assert_cmpuint (scan.n_changed, ==, 0);

  g_assert_true (shoebox_database_exec (fixture->database, "COMMIT", &error));
  shoebox_test_wait_for_result (&scan.result);
  g_assert_true (shoebox_mentions_scan_finish (fixture->mentions, scan.result, &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 1);
  g_assert_cmpuint (scan.n_changed_before_callback, ==, 1);
  g_assert_true (shoebox_mentions_has_item (fixture->mentions, item));
  g_assert_cmpstr (shoebox_mentions_get_label (fixture->mentions, item), ==, "Balenciaga Track 2.0 “Silver”");
  g_assert_cmpuint (shoebox_test_sql_log_count ("p.style_code", TRUE), ==, 0);
  g_assert_cmpuint (shoebox_test_sql_log_count ("INSERT INTO news_mentions", TRUE), ==, 0);
  g_assert_cmpuint (shoebox_test_sql_log_count ("INSERT INTO news_mentions", FALSE), ==, 1);

  announced = shoebox_mentions_take_unnotified (fixture->mentions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (announced->len, ==, 1);
  g_clear_object (&scan.result);

  /* Cancelled: no result, no "changed". */
  g_cancellable_cancel (cancellable);
  shoebox_mentions_scan_async (fixture->mentions, TRUE, cancellable, async_scanned_cb, &scan);
  shoebox_test_wait_for_result (&scan.result);
  g_assert_false (shoebox_mentions_scan_finish (fixture->mentions, scan.result, &n_new, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (scan.n_changed, ==, 1);
  g_clear_object (&scan.result);
  g_signal_handlers_disconnect_by_data (fixture->mentions, &scan);
}

/* The launch's scan: skipped when what it reads is as the last scan
 * found it, and run in full after any change to it (stories, pairs, the
 * catalogue), or when a scan was asked for and did not run.
 */
static void
scan_at_launch (Fixture  *fixture,
                gboolean  expected_scanned)
{
  g_autoptr(GError) error = NULL;
  gboolean scanned = !expected_scanned;

  g_assert_true (shoebox_mentions_scan_unless_unchanged (fixture->mentions, &scanned, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scanned, ==, expected_scanned);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (shoebox_database_get_handle (fixture->database), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
}

static void
test_launch_scan_unless_unchanged (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 pair = add_pair (fixture, "Balenciaga", "Track 2.0", "Triple Black", NULL, SHOEBOX_STATUS_OWNED);
  gint64 item = add_item (fixture, "The Balenciaga track 2 returns", NULL);
  g_autofree char *sql = NULL;

  /* Never scanned: no fingerprint yet. */
  scan_at_launch (fixture, TRUE);
  g_assert_true (shoebox_mentions_has_item (fixture->mentions, item));
  scan_at_launch (fixture, FALSE);
  scan (fixture, FALSE, 0);
  scan_at_launch (fixture, FALSE);

  /* A new story. */
  item = add_item (fixture, "A new Track 2.0 colorway", NULL);
  scan_at_launch (fixture, TRUE);
  g_assert_true (shoebox_mentions_has_item (fixture->mentions, item));
  scan_at_launch (fixture, FALSE);

  /* A story hidden. */
  sql = g_strdup_printf ("UPDATE news_items SET hidden = 1 WHERE id = %" G_GINT64_FORMAT, item);
  exec_sql (fixture, sql);
  scan_at_launch (fixture, TRUE);
  g_assert_false (shoebox_mentions_has_item (fixture->mentions, item));
  scan_at_launch (fixture, FALSE);

  /* A pair sold, as the collection saves an edit: with its time. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE pairs SET status = 'Sold', updated_at = '2030-01-01T00:00:00Z'"
                         " WHERE id = %" G_GINT64_FORMAT, pair);
  exec_sql (fixture, sql);
  scan_at_launch (fixture, TRUE);
  g_assert_cmpuint (shoebox_mentions_get_n_items (fixture->mentions), ==, 0);
  scan_at_launch (fixture, FALSE);

  /* A pair added (by `--import-csv` while Shoebox was closed). */
  add_pair (fixture, "Balenciaga", "Track 2.0", "White", NULL, SHOEBOX_STATUS_WISHLIST);
  scan_at_launch (fixture, TRUE);
  g_assert_cmpuint (shoebox_mentions_get_n_items (fixture->mentions), ==, 1);
  scan_at_launch (fixture, FALSE);

  /* A silhouette renamed in the catalogue. */
  exec_sql (fixture, "UPDATE silhouettes SET name = 'Track 3.0' WHERE name = 'Track 2.0'");
  scan_at_launch (fixture, TRUE);
  g_assert_cmpuint (shoebox_mentions_get_n_items (fixture->mentions), ==, 0);
  scan_at_launch (fixture, FALSE);

  /* A scan asked for that did not run before quitting. */
  shoebox_mentions_forget_fingerprint (fixture->mentions);
  scan_at_launch (fixture, TRUE);
  scan_at_launch (fixture, FALSE);
}

/* Without a story a launch finds nothing whatever the pairs: it reads
 * none of them, and a pair added meanwhile asks for no scan, until a
 * story comes.
 */
static void
test_launch_without_stories (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean scanned = FALSE;
  gint64 item;

  add_pair (fixture, "Balenciaga", "Track 2.0", "Triple Black", NULL, SHOEBOX_STATUS_OWNED);

  /* main() set the log up before the fixture's connection was opened. */
  shoebox_test_sql_log_clear ();
  g_assert_true (shoebox_mentions_scan_unless_unchanged (fixture->mentions, &scanned, &error));
  g_assert_no_error (error);
  g_assert_true (scanned);
  g_assert_cmpuint (shoebox_mentions_get_n_items (fixture->mentions), ==, 0);
  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM pairs", TRUE), ==, 0);

  add_pair (fixture, "Balenciaga", "Track 2.0", "White", NULL, SHOEBOX_STATUS_OWNED);
  g_assert_true (shoebox_mentions_scan_unless_unchanged (fixture->mentions, &scanned, &error));
  g_assert_no_error (error);
  g_assert_false (scanned);

  item = add_item (fixture, "The Balenciaga track 2 returns", NULL);
  g_assert_true (shoebox_mentions_scan_unless_unchanged (fixture->mentions, &scanned, &error));
  g_assert_no_error (error);
  g_assert_true (scanned);
  g_assert_true (shoebox_mentions_has_item (fixture->mentions, item));
  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM pairs", TRUE), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  shoebox_test_sql_log_init ();

  g_test_add_func ("/mentions/normalize", test_normalize);
  g_test_add_func ("/mentions/normalize-ascii-as-unicode", test_normalize_ascii_as_unicode);
  g_test_add_func ("/mentions/aliases", test_aliases);
  g_test_add ("/mentions/owned-and-aliases", Fixture, NULL, set_up, test_owned_and_aliases, tear_down);
  g_test_add ("/mentions/longest-name-wins", Fixture, NULL, set_up, test_longest_name_wins, tear_down);
  g_test_add ("/mentions/style-code", Fixture, NULL, set_up, test_style_code, tear_down);
  g_test_add ("/mentions/sold", Fixture, NULL, set_up, test_sold_pairs_are_not_mentioned, tear_down);
  g_test_add ("/mentions/notify-once", Fixture, NULL, set_up, test_notify_once, tear_down);
  g_test_add ("/mentions/changed", Fixture, NULL, set_up, test_changed_signal, tear_down);
  g_test_add ("/mentions/removed-when-sold", Fixture, NULL, set_up, test_removed_when_pair_sold, tear_down);
  g_test_add ("/mentions/search-terms", Fixture, NULL, set_up, test_search_terms, tear_down);
  g_test_add ("/mentions/large-collection", Fixture, NULL, set_up, test_large_collection, tear_down);
  g_test_add ("/mentions/scan-async", Fixture, NULL, set_up, test_scan_async, tear_down);
  g_test_add ("/mentions/launch-without-stories", Fixture, NULL, set_up, test_launch_without_stories, tear_down);
  g_test_add ("/mentions/launch-scan-unless-unchanged", Fixture, NULL, set_up, test_launch_scan_unless_unchanged,
              tear_down);

  return g_test_run ();
}
