/* cf-cli-context.c — what every command does the same way: options, help,
 * opening the database, refusing to overwrite, subcommands
 *
 * Every command and subcommand describes its options through
 * cf_cli_parse_options(), so that `--help` prints them all and exits 0, and
 * a command group's `--help` prints each of its subcommands' in turn. A bad
 * option, a bad value or a missing argument always exits 2 (EXIT_USAGE).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "cf-cli-private.h"

/**
 * cf_cli_open_store:
 * @how: whether the command may create the database, needs it to exist,
 *   or can work on an empty one when there is none
 *
 * Opens the database for a command. Only commands that add data create a
 * database; one that only reads or explains never leaves a file behind.
 */
CfStore *
cf_cli_open_store (CfCliContext *ctx,
                   CfCliOpen     how)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ctx->db_path != NULL ? g_strdup (ctx->db_path) : cf_store_default_path ();
  CfStore *store;

  if (how != CF_CLI_OPEN_CREATE && !cf_store_names_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (how == CF_CLI_OPEN_EXISTING_OR_EMPTY)
        return cf_store_open (":memory:", NULL);
      g_printerr (_("counterfoil: there is no database at %s (an import, or the window, creates it)\n"), path);
      return NULL;
    }
  store = cf_store_open (path, &error);
  if (store == NULL)
    g_printerr ("counterfoil: %s\n", error->message);
  return store;
}

/**
 * cf_cli_check_out_path:
 *
 * A command line has no dialog to ask whether to replace a file: a file
 * that exists is refused, and so is a folder or a place that cannot be
 * written, before anything is recorded.
 */
gboolean
cf_cli_check_out_path (const char *command,
                       const char *out)
{
  g_autofree char *dir = g_path_get_dirname (out);

  if (g_file_test (out, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("counterfoil %s: %s is a folder; give the file to write, such as %s/slip.pdf\n"), command, out, out);
      return FALSE;
    }
  if (g_file_test (out, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("counterfoil %s: %s exists already; choose another name (nothing was written)\n"), command, out);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) || g_access (dir, W_OK) != 0)
    {
      g_printerr (_("counterfoil %s: cannot write in %s\n"), command, dir);
      return FALSE;
    }
  return TRUE;
}

static gboolean
wants_help (int    argc,
            char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        return FALSE;
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?"))
        return TRUE;
    }
  return FALSE;
}

/**
 * cf_cli_parse_options:
 * @command: as typed: `request move`
 * @parameters: (nullable): what follows the options, for the usage line
 * @entries: (nullable): the options
 *
 * Parses a command's options, or prints its help when it was asked for (or
 * when @ctx is describing every command).
 *
 * Returns: %TRUE to go on; %FALSE when the command is done, with
 *   @ctx->exit_status 0 after help and EXIT_USAGE after a bad option
 */
gboolean
cf_cli_parse_options (CfCliContext   *ctx,
                      const char     *command,
                      const char     *parameters,
                      const char     *summary,
                      GOptionEntry   *entries,
                      int            *argc,
                      char         ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("counterfoil %s", command);

  g_set_prgname (prgname);
  /* Help is ours: printed without exiting, so a group can print all of it. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (ctx->describing || wants_help (*argc, *argv))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      ctx->exit_status = 0;
      return FALSE;
    }
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      ctx->exit_status = cf_cli_usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * cf_cli_usage_error:
 *
 * Says what is wrong with how @command was used.
 *
 * Returns: EXIT_USAGE, for the command to return
 */
int
cf_cli_usage_error (const char *command,
                    const char *message)
{
  g_printerr ("counterfoil %s: %s\n", command, message);
  g_printerr (_("Try “counterfoil %s --help”.\n"), command);
  return EXIT_USAGE;
}

/**
 * cf_cli_parse_id:
 * @text: what was typed for an ID
 * @id: (out): the ID
 *
 * Returns: whether @text is an ID (a whole number above 0); when it is not,
 *   the error was printed and the command returns EXIT_USAGE
 */
gboolean
cf_cli_parse_id (const char *command,
                 const char *text,
                 gint64     *id)
{
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an ID (a number such as 12)"), text != NULL ? text : "");
      cf_cli_usage_error (command, message);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

/**
 * cf_cli_open_for_id:
 * @id_text: what was typed for the ID of what the command works on
 * @id: (out): that ID
 *
 * The ID a subcommand names, then the database it is in.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL after saying
 *   why, @ctx->exit_status then EXIT_USAGE (not an ID) or 1 (no database)
 */
CfStore *
cf_cli_open_for_id (CfCliContext *ctx,
                    const char   *command,
                    const char   *id_text,
                    gint64       *id)
{
  CfStore *store;

  if (!cf_cli_parse_id (command, id_text, id))
    {
      ctx->exit_status = EXIT_USAGE;
      return NULL;
    }
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    ctx->exit_status = 1;
  return store;
}

/**
 * cf_cli_dispatch:
 * @command: the group, as typed: `request`
 * @argv: the group's name, then the subcommand's
 *
 * Runs the subcommand @argv names. `COMMAND --help` prints the help of each
 * subcommand in turn; no subcommand, or an unknown one, is a usage error.
 *
 * Returns: the exit status
 */
int
cf_cli_dispatch (CfCliContext          *ctx,
                 const char            *command,
                 const CfCliSubcommand *subcommands,
                 guint                  n_subcommands,
                 int                    argc,
                 char                 **argv)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (argc >= 2 && wants_help (2, argv))
    {
      for (guint i = 0; i < n_subcommands; i++)
        {
          char *sub_argv[] = { (char *) subcommands[i].name, NULL };

          ctx->describing = TRUE;
          subcommands[i].run (ctx, 1, sub_argv);
          ctx->describing = FALSE;
        }
      return 0;
    }
  for (guint i = 0; argc >= 2 && i < n_subcommands; i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (ctx, argc - 1, argv + 1);

  for (guint i = 0; i < n_subcommands; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", subcommands[i].name);
  {
    g_autofree char *message = argc >= 2 ? g_strdup_printf (_("“%s” is not one of: %s"), argv[1], names->str)
                                         : g_strdup_printf (_("say what to do: %s"), names->str);
    return cf_cli_usage_error (command, message);
  }
}
