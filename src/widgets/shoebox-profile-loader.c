/* shoebox-profile-loader.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-profile-loader"

#include "config.h"

#include "shoebox-compat.h"
#include "shoebox-profile-loader.h"

/* Photos are drawn at most this big a side: a column or an overlay never
 * needs more, and the analysis is quicker on fewer pixels.
 */
#define MAX_PHOTO_SIZE 2048

/* How many analysed photos are kept: a comparison shows four, and a
 * photo at MAX_PHOTO_SIZE takes 16 MB.
 */
#define MAX_RESULTS 12

struct _ShoeboxProfileLoader
{
  GObject        parent_instance;

  ShoeboxPhotos *photos;
  GCancellable  *cancellable;
  GHashTable    *results; /* file name → ShoeboxProfileResult */
  GQueue         order;   /* file names in results, oldest first */
  GHashTable    *waiting; /* file name → GPtrArray of GTask */
};

G_DEFINE_FINAL_TYPE (ShoeboxProfileLoader, shoebox_profile_loader, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (ShoeboxProfileResult, shoebox_profile_result,
                     shoebox_profile_result_ref, shoebox_profile_result_unref)

typedef struct
{
  ShoeboxProfile  profile;
  GArray         *outline;
  GBytes         *cut_out; /* RGBA, the shoe without its backdrop */
  char           *message;
} Analysis;

/* What the photo's decoding keeps until it is done. */
typedef struct
{
  ShoeboxProfileLoader *self;
  char                 *file_name;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->self);
  g_free (pending->file_name);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static void
analysis_free (Analysis *analysis)
{
  g_clear_pointer (&analysis->outline, g_array_unref);
  g_clear_pointer (&analysis->cut_out, g_bytes_unref);
  g_free (analysis->message);
  g_free (analysis);
}

static ShoeboxProfileResult *
result_new (void)
{
  return g_atomic_rc_box_new0 (ShoeboxProfileResult);
}

static void
result_clear (ShoeboxProfileResult *result)
{
  g_clear_object (&result->texture);
  g_clear_pointer (&result->outline, g_array_unref);
  g_clear_pointer (&result->message, g_free);
}

/* Runs in a worker thread: the pixbuf is not touched by anyone else. */
static void
analyze_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GdkPixbuf *pixbuf = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxProfileMask) mask = NULL;
  Analysis *analysis = g_new0 (Analysis, 1);

  if (shoebox_profile_align_analyze_masked (gdk_pixbuf_read_pixels (pixbuf),
                                            gdk_pixbuf_get_width (pixbuf),
                                            gdk_pixbuf_get_height (pixbuf),
                                            gdk_pixbuf_get_rowstride (pixbuf),
                                            gdk_pixbuf_get_n_channels (pixbuf),
                                            &analysis->profile,
                                            &analysis->outline,
                                            &mask,
                                            &error))
    {
      /* Drawn on the page's own background, with no box and no seam. */
      analysis->cut_out = shoebox_profile_mask_cut_out (mask,
                                                        gdk_pixbuf_read_pixels (pixbuf),
                                                        gdk_pixbuf_get_width (pixbuf),
                                                        gdk_pixbuf_get_height (pixbuf),
                                                        gdk_pixbuf_get_rowstride (pixbuf),
                                                        gdk_pixbuf_get_n_channels (pixbuf));
    }
  else
    {
      shoebox_profile_align_init_uncropped (&analysis->profile,
                                            gdk_pixbuf_get_width (pixbuf),
                                            gdk_pixbuf_get_height (pixbuf));
      g_clear_pointer (&analysis->outline, g_array_unref);
      analysis->message = g_strdup (error->message);
    }

  g_task_return_pointer (task, analysis, (GDestroyNotify) analysis_free);
}

static void
finish_waiting (ShoeboxProfileLoader *self,
                const char           *file_name,
                ShoeboxProfileResult *result,
                const GError         *error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *key = NULL;

  if (!g_hash_table_steal_extended (self->waiting, file_name, (gpointer *) &key, (gpointer *) &tasks))
    return;

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (result != NULL)
        g_task_return_pointer (task, shoebox_profile_result_ref (result),
                               (GDestroyNotify) shoebox_profile_result_unref);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

/* Columns keep their own references: forgetting a photo only means
 * analysing it again the next time it is compared.
 */
static void
remember (ShoeboxProfileLoader *self,
          const char           *file_name,
          ShoeboxProfileResult *result)
{
  if (!g_hash_table_contains (self->results, file_name))
    g_queue_push_tail (&self->order, g_strdup (file_name));
  g_hash_table_replace (self->results, g_strdup (file_name), shoebox_profile_result_ref (result));

  while (g_queue_get_length (&self->order) > MAX_RESULTS)
    {
      g_autofree char *oldest = g_queue_pop_head (&self->order);

      g_hash_table_remove (self->results, oldest);
    }
}

static void
analyze_cb (GObject      *object,
            GAsyncResult *task_result,
            gpointer      user_data)
{
  ShoeboxProfileLoader *self = SHOEBOX_PROFILE_LOADER (object);
  g_autofree char *file_name = user_data;
  GdkPixbuf *pixbuf = g_task_get_task_data (G_TASK (task_result));
  g_autoptr(ShoeboxProfileResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Analysis *analysis;

  analysis = g_task_propagate_pointer (G_TASK (task_result), &error);
  if (analysis == NULL)
    {
      finish_waiting (self, file_name, NULL, error);
      return;
    }

  result = result_new ();
  if (analysis->cut_out != NULL)
    result->texture = gdk_memory_texture_new (gdk_pixbuf_get_width (pixbuf),
                                              gdk_pixbuf_get_height (pixbuf),
                                              GDK_MEMORY_R8G8B8A8,
                                              analysis->cut_out,
                                              (gsize) gdk_pixbuf_get_width (pixbuf) * 4);
  else
    result->texture = shoebox_texture_new_for_pixbuf (pixbuf);
  result->profile = analysis->profile;
  result->outline = g_steal_pointer (&analysis->outline);
  result->message = g_steal_pointer (&analysis->message);
  analysis_free (analysis);

  remember (self, file_name, result);
  finish_waiting (self, file_name, result, NULL);
}

static void
load_pixbuf_cb (GObject      *object,
                GAsyncResult *load_result,
                gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  ShoeboxProfileLoader *self = pending->self;
  const char *file_name = pending->file_name;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  pixbuf = shoebox_photos_load_pixbuf_finish (SHOEBOX_PHOTOS (object), load_result, &error);
  if (pixbuf == NULL)
    {
      finish_waiting (self, file_name, NULL, error);
      return;
    }

  task = g_task_new (self, self->cancellable, analyze_cb, g_strdup (file_name));
  g_task_set_source_tag (task, load_pixbuf_cb);
  g_task_set_task_data (task, g_steal_pointer (&pixbuf), g_object_unref);
  g_task_run_in_thread (task, analyze_thread);
}

static void
shoebox_profile_loader_dispose (GObject *object)
{
  ShoeboxProfileLoader *self = SHOEBOX_PROFILE_LOADER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->photos);

  G_OBJECT_CLASS (shoebox_profile_loader_parent_class)->dispose (object);
}

static void
shoebox_profile_loader_finalize (GObject *object)
{
  ShoeboxProfileLoader *self = SHOEBOX_PROFILE_LOADER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->results, g_hash_table_unref);
  g_clear_pointer (&self->waiting, g_hash_table_unref);
  g_queue_clear_full (&self->order, g_free);

  G_OBJECT_CLASS (shoebox_profile_loader_parent_class)->finalize (object);
}

static void
shoebox_profile_loader_class_init (ShoeboxProfileLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shoebox_profile_loader_dispose;
  object_class->finalize = shoebox_profile_loader_finalize;
}

static void
shoebox_profile_loader_init (ShoeboxProfileLoader *self)
{
  self->cancellable = g_cancellable_new ();
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) shoebox_profile_result_unref);
  self->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
}

/**
 * shoebox_profile_result_ref:
 * @result: a #ShoeboxProfileResult
 *
 * Returns: (transfer full): @result
 */
ShoeboxProfileResult *
shoebox_profile_result_ref (ShoeboxProfileResult *result)
{
  return g_atomic_rc_box_acquire (result);
}

void
shoebox_profile_result_unref (ShoeboxProfileResult *result)
{
  g_atomic_rc_box_release_full (result, (GDestroyNotify) result_clear);
}

/**
 * shoebox_profile_loader_new:
 * @photos: where the photos are
 *
 * Returns: (transfer full): a loader that remembers every photo it analysed
 */
ShoeboxProfileLoader *
shoebox_profile_loader_new (ShoeboxPhotos *photos)
{
  ShoeboxProfileLoader *self;

  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (photos), NULL);

  self = g_object_new (SHOEBOX_TYPE_PROFILE_LOADER, NULL);
  self->photos = g_object_ref (photos);

  return self;
}

/**
 * shoebox_profile_loader_lookup:
 * @self: a #ShoeboxProfileLoader
 * @file_name: a photo's name
 *
 * Returns: (transfer full) (nullable): the photo's analysis, if it is done
 */
ShoeboxProfileResult *
shoebox_profile_loader_lookup (ShoeboxProfileLoader *self,
                               const char           *file_name)
{
  ShoeboxProfileResult *result;

  g_return_val_if_fail (SHOEBOX_IS_PROFILE_LOADER (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  result = g_hash_table_lookup (self->results, file_name);
  return result != NULL ? shoebox_profile_result_ref (result) : NULL;
}

/**
 * shoebox_profile_loader_load_async:
 * @self: a #ShoeboxProfileLoader
 * @file_name: a photo's name, as shoebox_photos_import() gave it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the photo is decoded and analysed
 * @user_data: data for @callback
 *
 * Decodes the photo and finds the shoe in it, both off the main loop.
 * The photo's name is its content hash, so each one is analysed once:
 * later requests are answered from memory, and requests made while it is
 * being analysed wait for the same work.
 */
void
shoebox_profile_loader_load_async (ShoeboxProfileLoader *self,
                                   const char           *file_name,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Pending *pending;
  ShoeboxProfileResult *cached;
  GPtrArray *tasks;

  g_return_if_fail (SHOEBOX_IS_PROFILE_LOADER (self));
  g_return_if_fail (file_name != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_profile_loader_load_async);

  cached = g_hash_table_lookup (self->results, file_name);
  if (cached != NULL)
    {
      g_task_return_pointer (task, shoebox_profile_result_ref (cached),
                             (GDestroyNotify) shoebox_profile_result_unref);
      return;
    }

  tasks = g_hash_table_lookup (self->waiting, file_name);
  if (tasks != NULL)
    {
      g_ptr_array_add (tasks, g_steal_pointer (&task));
      return;
    }

  tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (tasks, g_steal_pointer (&task));
  g_hash_table_insert (self->waiting, g_strdup (file_name), tasks);

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->file_name = g_strdup (file_name);
  shoebox_photos_load_pixbuf_async (self->photos, file_name, MAX_PHOTO_SIZE, self->cancellable,
                                    load_pixbuf_cb, g_steal_pointer (&pending));
}

/**
 * shoebox_profile_loader_load_finish:
 * @self: a #ShoeboxProfileLoader
 * @result: the #GAsyncResult
 * @error: return location for a #GError: the photo could not be read
 *
 * Returns: (transfer full): the analysis; a photo without a clear shoe
 *   still gives one, with a message
 */
ShoeboxProfileResult *
shoebox_profile_loader_load_finish (ShoeboxProfileLoader  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shoebox_profile_loader_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
