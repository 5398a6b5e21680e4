/* shoebox-text-field.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-text-field.h"

/* The one rule of the text fields of pairs and silhouettes, kept here so
 * that both types' setters follow it alike.
 */

/**
 * shoebox_text_field_set:
 * @object: the object that holds @field
 * @field: (inout): one of its text fields
 * @text: (nullable): the new text
 * @pspec: the property that shows @field
 *
 * Sets @field to a copy of @text and notifies @pspec, unless the text is
 * the same. An empty text is no text: the editor's empty entry and the
 * CSV's empty field both mean "not recorded".
 */
void
shoebox_text_field_set (GObject     *object,
                        char       **field,
                        const char  *text,
                        GParamSpec  *pspec)
{
  if (text != NULL && text[0] == '\0')
    text = NULL;

  if (g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (object, pspec);
}
