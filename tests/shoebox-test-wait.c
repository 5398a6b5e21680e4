/* shoebox-test-wait.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-test-wait.h"

/* Waiting for work done in worker threads, in tests. */

#define TIMEOUT_SECONDS 20

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
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A worker thread lets go of its task, and so of the task's source
 * object, only after the task's callback may have run: waits until the
 * caller holds the only reference to @object, before it asserts that
 * @object is finalized.
 */
void
shoebox_test_wait_for_release (gpointer object)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (g_atomic_int_get ((int *) &G_OBJECT (object)->ref_count) > 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}
