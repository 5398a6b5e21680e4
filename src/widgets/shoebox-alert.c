/* shoebox-alert.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-alert"

#include "config.h"

#include "shoebox-alert.h"

/* The one place that knows which message dialog libadwaita has: the
 * callers build, answer and present a ShoeboxAlert the same way on both.
 */

#if ADW_CHECK_VERSION (1, 5, 0)
# define ALERT_CALL(name, ...) adw_alert_dialog_##name (__VA_ARGS__)
#else
# define ALERT_CALL(name, ...) adw_message_dialog_##name (__VA_ARGS__)
#endif

/**
 * shoebox_alert_new:
 * @heading: the question or the news, plain text
 * @body: (nullable): the details, plain text
 *
 * Returns: (transfer floating): a dialog without responses, not shown
 *   until shoebox_alert_present()
 */
ShoeboxAlert *
shoebox_alert_new (const char *heading,
                   const char *body)
{
  ShoeboxAlert *self;

#if ADW_CHECK_VERSION (1, 5, 0)
  self = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, body));
#else
  self = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, heading, body));
#endif
  /* Headings and bodies name the user's pairs and sources: never markup. */
  ALERT_CALL (set_heading_use_markup, self, FALSE);
  ALERT_CALL (set_body_use_markup, self, FALSE);
  return self;
}

/**
 * shoebox_alert_add_response:
 * @self: a #ShoeboxAlert
 * @id: the response's id
 * @label: the button's label, without a mnemonic: libadwaita 1.2 would
 *   put the underscore in the button's accessible name
 * @appearance: how the button looks
 */
void
shoebox_alert_add_response (ShoeboxAlert          *self,
                            const char            *id,
                            const char            *label,
                            AdwResponseAppearance  appearance)
{
  g_return_if_fail (SHOEBOX_IS_ALERT (self));

  ALERT_CALL (add_response, self, id, label);
  ALERT_CALL (set_response_appearance, self, id, appearance);
}

/* Enter answers with it. */
void
shoebox_alert_set_default_response (ShoeboxAlert *self,
                                    const char   *id)
{
  g_return_if_fail (SHOEBOX_IS_ALERT (self));

  ALERT_CALL (set_default_response, self, id);
}

/* Escape and closing answer with it. */
void
shoebox_alert_set_close_response (ShoeboxAlert *self,
                                  const char   *id)
{
  g_return_if_fail (SHOEBOX_IS_ALERT (self));

  ALERT_CALL (set_close_response, self, id);
}

void
shoebox_alert_set_extra_child (ShoeboxAlert *self,
                               GtkWidget    *child)
{
  g_return_if_fail (SHOEBOX_IS_ALERT (self));

  ALERT_CALL (set_extra_child, self, child);
}

/**
 * shoebox_alert_get_extra_child:
 * @self: a #ShoeboxAlert
 *
 * Returns: (transfer none) (nullable): the widget under the body
 */
GtkWidget *
shoebox_alert_get_extra_child (ShoeboxAlert *self)
{
  g_return_val_if_fail (SHOEBOX_IS_ALERT (self), NULL);

  return ALERT_CALL (get_extra_child, self);
}

static void
wrap_large_heading (GtkWidget *widget)
{
  /* Before libadwaita 1.8, a heading too long for one line warns "Trying
   * to measure GtkLabel … for width of 324, but it needs at least 409":
   * the dialog measures its one-line large heading for the width of the
   * wrapping small one, to choose between them. A large heading that may
   * wrap has a minimum that fits; the dialog still shows it only when its
   * one line fits. Fixed in 1.8, checked at run time since the bug is in
   * the library loaded:
   * https://gitlab.gnome.org/GNOME/libadwaita/-/issues/1025
   */
  if (adw_get_major_version () != 1 || adw_get_minor_version () >= 8)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "title-2"))
        {
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
        }
      wrap_large_heading (child);
    }
}

/**
 * shoebox_alert_present:
 * @self: a #ShoeboxAlert
 * @parent: (nullable): a widget in the window it is about
 *
 * Shows @self over @parent's window, modal; it goes away by itself once
 * answered.
 */
void
shoebox_alert_present (ShoeboxAlert *self,
                       GtkWidget    *parent)
{
  g_return_if_fail (SHOEBOX_IS_ALERT (self));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

#if ADW_CHECK_VERSION (1, 5, 0)
  /* Until presented, its labels are only in its child. */
  wrap_large_heading (adw_dialog_get_child (ADW_DIALOG (self)));
  adw_dialog_present (ADW_DIALOG (self), parent);
#else
  {
    GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
    gtk_window_set_modal (GTK_WINDOW (self), TRUE);
    wrap_large_heading (GTK_WIDGET (self));
    gtk_window_present (GTK_WINDOW (self));
  }
#endif
}

const char *
shoebox_alert_get_heading (ShoeboxAlert *self)
{
  g_return_val_if_fail (SHOEBOX_IS_ALERT (self), NULL);

  return ALERT_CALL (get_heading, self);
}

const char *
shoebox_alert_get_body (ShoeboxAlert *self)
{
  g_return_val_if_fail (SHOEBOX_IS_ALERT (self), NULL);

  return ALERT_CALL (get_body, self);
}

const char *
shoebox_alert_get_default_response (ShoeboxAlert *self)
{
  g_return_val_if_fail (SHOEBOX_IS_ALERT (self), NULL);

  return ALERT_CALL (get_default_response, self);
}

const char *
shoebox_alert_get_close_response (ShoeboxAlert *self)
{
  g_return_val_if_fail (SHOEBOX_IS_ALERT (self), NULL);

  return ALERT_CALL (get_close_response, self);
}

gboolean
shoebox_alert_has_response (ShoeboxAlert *self,
                            const char   *id)
{
  g_return_val_if_fail (SHOEBOX_IS_ALERT (self), FALSE);

  return ALERT_CALL (has_response, self, id);
}

#if ADW_CHECK_VERSION (1, 5, 0)
static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_button_labelled (child, label);

      if (button != NULL)
        return button;
    }
  return NULL;
}
#endif

/**
 * shoebox_alert_respond:
 * @self: a presented #ShoeboxAlert
 * @id: a response of @self
 *
 * Answers as pressing the response's button does: emits "response" with
 * @id, then closes @self.
 */
void
shoebox_alert_respond (ShoeboxAlert *self,
                       const char   *id)
{
  g_return_if_fail (SHOEBOX_IS_ALERT (self));

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    /* Pressed, not imitated: a "response" emitted from outside leaves
     * the dialog thinking it was closed unanswered, and from libadwaita
     * 1.7 on it then answers its close response as well.
     */
    GtkWidget *button = find_button_labelled (GTK_WIDGET (self), adw_alert_dialog_get_response_label (self, id));

    g_return_if_fail (button != NULL);
    g_object_ref (self);
    g_signal_emit_by_name (button, "clicked");
    g_object_unref (self);
  }
#else
  {
    /* libadwaita 1.2's message dialog has no response call: emit it as
     * the button does, with the id as the detail.
     */
    g_autofree char *detailed = g_strconcat ("response::", id, NULL);

    g_object_ref (self);
    g_signal_emit_by_name (self, detailed, id);
    gtk_window_destroy (GTK_WINDOW (self));
    g_object_unref (self);
  }
#endif
}
