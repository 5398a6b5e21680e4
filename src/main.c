/* main.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-application.h"
#include "shoebox-database.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShoeboxApplication) app = NULL;
  /* The tests run the uninstalled binary with the catalogues the build
   * made (_build/po/<lang>/LC_MESSAGES), which are nowhere under LOCALEDIR.
   */
  const char *localedir = g_getenv ("SHOEBOX_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  shoebox_database_set_up_process ();
  app = shoebox_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
