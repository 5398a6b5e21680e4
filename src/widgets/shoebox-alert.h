/* shoebox-alert.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A message dialog with responses: AdwAlertDialog, shown within its
 * parent's window, on libadwaita 1.5 and later; AdwMessageDialog, a window
 * of its own, on older ones. Both emit "response" (const char *response)
 * and close themselves when a response button is pressed.
 */
#if ADW_CHECK_VERSION (1, 5, 0)
typedef AdwAlertDialog ShoeboxAlert;
# define SHOEBOX_TYPE_ALERT ADW_TYPE_ALERT_DIALOG
#else
typedef AdwMessageDialog ShoeboxAlert;
# define SHOEBOX_TYPE_ALERT ADW_TYPE_MESSAGE_DIALOG
#endif

#define SHOEBOX_ALERT(obj)    (G_TYPE_CHECK_INSTANCE_CAST ((obj), SHOEBOX_TYPE_ALERT, ShoeboxAlert))
#define SHOEBOX_IS_ALERT(obj) (G_TYPE_CHECK_INSTANCE_TYPE ((obj), SHOEBOX_TYPE_ALERT))

ShoeboxAlert *shoebox_alert_new                  (const char            *heading,
                                                  const char            *body);
void          shoebox_alert_add_response         (ShoeboxAlert          *self,
                                                  const char            *id,
                                                  const char            *label,
                                                  AdwResponseAppearance  appearance);
void          shoebox_alert_set_default_response (ShoeboxAlert          *self,
                                                  const char            *id);
void          shoebox_alert_set_close_response   (ShoeboxAlert          *self,
                                                  const char            *id);
void          shoebox_alert_set_extra_child      (ShoeboxAlert          *self,
                                                  GtkWidget             *child);
GtkWidget    *shoebox_alert_get_extra_child      (ShoeboxAlert          *self);
void          shoebox_alert_present              (ShoeboxAlert          *self,
                                                  GtkWidget             *parent);

const char   *shoebox_alert_get_heading          (ShoeboxAlert          *self);
const char   *shoebox_alert_get_body             (ShoeboxAlert          *self);
const char   *shoebox_alert_get_default_response (ShoeboxAlert          *self);
const char   *shoebox_alert_get_close_response   (ShoeboxAlert          *self);
gboolean      shoebox_alert_has_response         (ShoeboxAlert          *self,
                                                  const char            *id);
void          shoebox_alert_respond              (ShoeboxAlert          *self,
                                                  const char            *id);

G_END_DECLS
