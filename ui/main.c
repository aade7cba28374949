/* main.c — counterfoil: a command when one is given, otherwise the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cf-application.h"
#include "cf-cli.h"

/* Only the window needs GTK: a command never initialises it, so it runs
 * without a display. */
static int
open_window (const char *db_path,
             const char *program)
{
  g_autoptr(CfApplication) app = cf_application_new (db_path);
  char *gtk_argv[] = { (char *) program, NULL };

  return g_application_run (G_APPLICATION (app), 1, gtk_argv);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("COUNTERFOIL_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return cf_cli_run (argc, argv, open_window);
}
