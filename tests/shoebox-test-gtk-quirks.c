/* shoebox-test-gtk-quirks.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-test-gtk-quirks.h"

#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* Faults of GTK itself that the widget tests meet on Xvfb, worked around
 * here, in one place, and only on the GTK releases that have them.
 * Everything else GTK, GLib or Shoebox warns about stays fatal
 * (G_DEBUG=fatal-warnings).
 */

#if !GTK_CHECK_VERSION (4, 10, 0)
/* GTK 4.8 starts a tooltip's hover timeout when a window maps under the
 * pointer, and when the window is destroyed before it fires, asks the gone
 * window's surface where the pointer is: "gdk_surface_get_device_position:
 * assertion 'GDK_IS_SURFACE (surface)' failed", at a moment that depends
 * on the machine's speed (under AddressSanitizer, every run). Xvfb starts
 * with the pointer in the middle of the screen, inside every test window:
 * put it in the bottom right corner, outside all of them (they are at
 * most 1280×800, at the top left of the 1280×1024 screen that
 * build-aux/run-tests.sh gives Xvfb).
 */
static void
move_pointer_off_the_windows (void)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gdk_display_get_default ();
  Display *xdisplay;
  int screen;

  if (!GDK_IS_X11_DISPLAY (display))
    return;

  xdisplay = gdk_x11_display_get_xdisplay (display);
  screen = DefaultScreen (xdisplay);
  XWarpPointer (xdisplay, None, RootWindow (xdisplay, screen), 0, 0, 0, 0,
                DisplayWidth (xdisplay, screen) - 1, DisplayHeight (xdisplay, screen) - 1);
  XSync (xdisplay, False);
#endif
}
#endif

#if GTK_CHECK_VERSION (4, 24, 0)
/* GTK 4.24's X11 backend marks one frame as submitted twice (the surface
 * and the display both call gdk_frame_clock_submitted() for it) and warns
 * "gdk_frame_timings_submitted() called on submitted frame", once in a
 * while, on Xvfb. Nothing of ours touches frame timings. Only that one
 * message of GDK's is let through as a plain line; every other goes to
 * GLib's own writer, which aborts on it under fatal-warnings.
 */
static const char upstream_frame_timings_warning[] = "gdk_frame_timings_submitted() called on submitted frame";

static gboolean
is_upstream_frame_timings_warning (const char *domain,
                                   const char *message)
{
  return g_strcmp0 (domain, "Gdk") == 0 && message != NULL &&
         g_str_has_prefix (message, upstream_frame_timings_warning);
}

static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) && is_upstream_frame_timings_warning (domain, message))
    {
      g_printerr ("Upstream GTK warning, not fatal in tests: %s\n", message);
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* The same for a message that comes through g_log() rather than
 * g_log_structured(): GLib asks this before it aborts on it.
 */
static gboolean
is_fatal (const char     *domain,
          GLogLevelFlags  log_level,
          const char     *message,
          gpointer        user_data)
{
  return !((log_level & G_LOG_LEVEL_WARNING) && is_upstream_frame_timings_warning (domain, message));
}
#endif

/**
 * shoebox_test_gtk_quirks_init:
 *
 * Works around GTK's own faults on Xvfb, after gtk_init_check().
 */
void
shoebox_test_gtk_quirks_init (void)
{
#if !GTK_CHECK_VERSION (4, 10, 0)
  move_pointer_off_the_windows ();
#endif
#if GTK_CHECK_VERSION (4, 24, 0)
  g_log_set_writer_func (write_log, NULL, NULL);
  g_test_log_set_fatal_handler (is_fatal, NULL);
#endif
}
