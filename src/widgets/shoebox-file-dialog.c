/* shoebox-file-dialog.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-file-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-file-dialog.h"

/* Choosing files to open or a place to save: GtkFileDialog on GTK 4.10
 * and later, GtkFileChooserNative (deprecated there) on GTK 4.8. Both go
 * through the file chooser portal in the sandbox, which hands over just
 * the files the user picked; both keep the title, which the end-to-end
 * tests find the chooser by. A dismissed chooser ends with
 * G_IO_ERROR_CANCELLED, as does cancelling @cancellable, which closes it.
 */

static GtkWindow *
parent_window (GtkWidget *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
return_files (GTask      *task,
              GListModel *files,
              GError     *error)
{
  if (files != NULL)
    g_task_return_pointer (task, files, g_object_unref);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The file chooser was dismissed");
}

#if GTK_CHECK_VERSION (4, 10, 0)

static GtkFileDialog *
new_dialog (const char    *title,
            const char    *accept_label,
            GtkFileFilter *filter)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (filter != NULL)
    {
      g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

      g_list_store_append (filters, filter);
      gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
      gtk_file_dialog_set_default_filter (dialog, filter);
    }
  return dialog;
}

/* GtkFileDialog says "dismissed" or "cancelled" in its own domain. */
static GError *
own_error (GError *error)
{
  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
      || g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    {
      g_error_free (error);
      return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "The file chooser was dismissed");
    }
  return error;
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (object);
  GError *error = NULL;
  GListModel *files;

  if (GPOINTER_TO_INT (g_task_get_task_data (task)))
    files = gtk_file_dialog_open_multiple_finish (dialog, result, &error);
  else
    {
      g_autoptr(GFile) file = gtk_file_dialog_open_finish (dialog, result, &error);
      GListStore *store = NULL;

      if (file != NULL)
        {
          store = g_list_store_new (G_TYPE_FILE);
          g_list_store_append (store, file);
        }
      files = G_LIST_MODEL (store);
    }
  return_files (task, files, error != NULL ? own_error (error) : NULL);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else
    g_task_return_error (task, own_error (error));
}

#else /* GTK 4.8 */

typedef struct
{
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gulong                cancelled_id;
} Chooser;

static void
chooser_free (gpointer data)
{
  Chooser *chooser = data;

  if (chooser->cancelled_id != 0)
    g_cancellable_disconnect (chooser->cancellable, chooser->cancelled_id);
  g_clear_object (&chooser->cancellable);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser->chooser));
  g_clear_object (&chooser->chooser);
  g_free (chooser);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     GTask           *task)
{
  g_autoptr(GListModel) files = NULL;

  g_signal_handlers_disconnect_by_data (native, task);
  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
  if (files != NULL && g_list_model_get_n_items (files) == 0)
    g_clear_object (&files);
  return_files (task, g_steal_pointer (&files), NULL);
  g_object_unref (task);
}

/* Runs inside g_cancellable_cancel(): the chooser goes, and the caller
 * hears G_IO_ERROR_CANCELLED.
 */
static void
chooser_cancelled_cb (GCancellable *cancellable,
                      GTask        *task)
{
  Chooser *chooser = g_task_get_task_data (task);

  /* Disconnecting from inside the handler would deadlock. */
  chooser->cancelled_id = 0;
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (chooser->chooser));
  chooser_response_cb (GTK_NATIVE_DIALOG (chooser->chooser), GTK_RESPONSE_CANCEL, task);
}

static void
show_chooser (GTask                *task,
              GtkFileChooserNative *native,
              GtkFileFilter        *filter)
{
  Chooser *chooser = g_new0 (Chooser, 1);
  GCancellable *cancellable = g_task_get_cancellable (task);

  chooser->chooser = native;
  g_task_set_task_data (task, chooser, chooser_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), g_object_ref (task));
  if (cancellable != NULL)
    {
      chooser->cancellable = g_object_ref (cancellable);
      chooser->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (chooser_cancelled_cb), task, NULL);
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

/**
 * shoebox_file_dialog_open:
 * @parent: (nullable): a widget in the window that asks
 * @title: the chooser's title
 * @accept_label: its Open button's label, with a mnemonic
 * @filter: (nullable): the files it offers
 * @multiple: whether several files can be picked
 * @cancellable: (nullable): closes the chooser when cancelled
 * @callback: called with the files picked
 * @user_data: data for @callback
 *
 * Asks which file, or files, to open.
 */
void
shoebox_file_dialog_open (GtkWidget           *parent,
                          const char          *title,
                          const char          *accept_label,
                          GtkFileFilter       *filter,
                          gboolean             multiple,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (title != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_file_dialog_open);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = new_dialog (title, accept_label, filter);

    g_task_set_task_data (task, GINT_TO_POINTER (multiple), NULL);
    if (multiple)
      gtk_file_dialog_open_multiple (dialog, parent_window (parent), cancellable, opened_cb, g_steal_pointer (&task));
    else
      gtk_file_dialog_open (dialog, parent_window (parent), cancellable, opened_cb, g_steal_pointer (&task));
  }
#else
  {
    GtkFileChooserNative *native = gtk_file_chooser_native_new (title, parent_window (parent),
                                                                GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                accept_label, _("_Cancel"));

    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), multiple);
    show_chooser (task, native, filter);
  }
#endif
}

/**
 * shoebox_file_dialog_open_finish:
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the #GFiles picked, at least one, or %NULL
 *   with @error set (G_IO_ERROR_CANCELLED when the user picked none)
 */
GListModel *
shoebox_file_dialog_open_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shoebox_file_dialog_open, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * shoebox_file_dialog_save:
 * @parent: (nullable): a widget in the window that asks
 * @title: the chooser's title
 * @accept_label: its Save button's label, with a mnemonic
 * @filter: (nullable): the files it shows
 * @initial_name: (nullable): the file name it offers
 * @initial_folder: (nullable): the folder it starts in
 * @cancellable: (nullable): closes the chooser when cancelled
 * @callback: called with the file picked
 * @user_data: data for @callback
 *
 * Asks where to save.
 */
void
shoebox_file_dialog_save (GtkWidget           *parent,
                          const char          *title,
                          const char          *accept_label,
                          GtkFileFilter       *filter,
                          const char          *initial_name,
                          GFile               *initial_folder,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (initial_folder == NULL || G_IS_FILE (initial_folder));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_file_dialog_save);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = new_dialog (title, accept_label, filter);

    if (initial_folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, initial_folder);
    if (initial_name != NULL)
      gtk_file_dialog_set_initial_name (dialog, initial_name);
    gtk_file_dialog_save (dialog, parent_window (parent), cancellable, saved_cb, g_steal_pointer (&task));
  }
#else
  {
    GtkFileChooserNative *native = gtk_file_chooser_native_new (title, parent_window (parent),
                                                                GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                accept_label, _("_Cancel"));

    if (initial_folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), initial_folder, NULL);
    if (initial_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
    show_chooser (task, native, filter);
  }
#endif
}

/**
 * shoebox_file_dialog_save_finish:
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): where to save, or %NULL with @error set
 *   (G_IO_ERROR_CANCELLED when the user picked no place)
 */
GFile *
shoebox_file_dialog_save_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (g_task_get_source_tag (G_TASK (result)) == shoebox_file_dialog_save)
    {
#if !GTK_CHECK_VERSION (4, 10, 0)
      /* The chooser's answer is a list of one. */
      g_autoptr(GListModel) files = g_task_propagate_pointer (G_TASK (result), error);

      return files != NULL ? g_list_model_get_item (files, 0) : NULL;
#else
      return g_task_propagate_pointer (G_TASK (result), error);
#endif
    }

  g_return_val_if_reached (NULL);
}
