/* shoebox-test-wait.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-test-wait.h"

/* Waiting for what the main loop or a worker thread does, and counting
 * what an object announces, in the core and the widget tests alike: no
 * GTK here.
 */

/* The one deadline of every wait in the tests. A condition that holds at
 * all holds within a second or two on a normal build; the sanitizer
 * build (ASan and UBSan) runs about five times slower, and a busy sid
 * machine slower again, so the longest wait seen there (a grid of 40
 * cards filling, 20 s before) still fits three times over. It stays
 * under the widget and slow core tests' meson timeout (120 s), so that a
 * condition that never holds fails here, naming its line, rather than
 * the test being killed by meson.
 */
#define TIMEOUT_SECONDS 60

/**
 * shoebox_test_wait_until:
 * @done: says whether what the test waits for has happened
 * @data: for @done
 *
 * Iterates the default main context until @done returns %TRUE, failing
 * the test after the deadline. Slow builds take longer than any fixed
 * pause: the tests wait for the state itself.
 */
void
shoebox_test_wait_until (ShoeboxTestCondition done,
                         gpointer             data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A ShoeboxTestCondition: the pointer @data points to is set. */
gboolean
shoebox_test_is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* A ShoeboxTestCondition: the gboolean @data points to is %TRUE. */
gboolean
shoebox_test_is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* A ShoeboxTestCondition: the count of shoebox_test_count_cb() @data
 * points to is no longer 0.
 */
gboolean
shoebox_test_is_positive (gpointer data)
{
  return *(guint *) data > 0;
}

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult *
 * @user_data points to.
 */
void
shoebox_test_store_result_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Iterates the default main context until shoebox_test_store_result_cb()
 * has set *@result.
 */
void
shoebox_test_wait_for_result (GAsyncResult **result)
{
  shoebox_test_wait_until (shoebox_test_is_set, result);
}

static gboolean
holds_only_reference (gpointer object)
{
  return g_atomic_int_get ((int *) &G_OBJECT (object)->ref_count) <= 1;
}

/* A worker thread lets go of its task, and so of the task's source
 * object, only after the task's callback may have run: waits until the
 * caller holds the only reference to @object, before it asserts that
 * @object is finalized.
 */
void
shoebox_test_wait_for_release (gpointer object)
{
  shoebox_test_wait_until (holds_only_reference, object);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/**
 * shoebox_test_count_notify:
 * @object: a #GObject
 * @property: one of its properties
 * @count: where to count, for as long as @object lives
 *
 * Counts @property's notifications, for the checks that a setter
 * notifies once on a change and never for an equal value.
 */
void
shoebox_test_count_notify (gpointer    object,
                           const char *property,
                           guint      *count)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), count);
}

/* Connected swapped to a signal whose arguments do not matter: counts
 * its emissions in the guint @count points to.
 */
void
shoebox_test_count_cb (guint *count)
{
  (*count)++;
}
