/* cf-cli.c — the command line: the desk's work without a display
 *
 *   counterfoil [--db PATH] [--operator NO] [--manager NO] COMMAND [OPTION…]
 *   counterfoil [--db PATH]                      (opens the window)
 *
 * The dispatcher: global options, the table of commands, and the print
 * handlers that mask card numbers. Each command lives in the file of its
 * group (cf-cli-import.c, cf-cli-find.c, cf-cli-duplicate.c, cf-cli-loss.c,
 * cf-cli-request.c, cf-cli-shift.c, cf-cli-audit.c, cf-cli-operator.c, cf-cli-profile.c, cf-cli-reconcile.c) and
 * calls the same app/ services as the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-cli.h"
#include "cf-cli-private.h"

typedef struct
{
  const char       *name;
  CfCliCommandFunc  run;
  const char       *summary;
} Command;

static const Command commands[] = {
  { "import", cf_cli_run_import, N_("Import POS journals or acquirer statements (CSV)") },
  { "find",   cf_cli_run_find,   N_("Find transactions by voucher, reference, auth code, card, amount, time") },
  { "demo",   cf_cli_run_demo,   N_("Fill an empty database with a realistic demo shop") },
  { "duplicate", cf_cli_run_duplicate, N_("Issue a duplicate slip as PDF, recorded with its reason") },
  { "verify", cf_cli_run_verify, N_("Tell whether a duplicate slip's check code is genuine") },
  { "loss",   cf_cli_run_loss,   N_("Report lost slips (add), list and show loss incidents") },
  { "request", cf_cli_run_request, N_("List, show, move and document replacement requests") },
  { "shift",  cf_cli_run_shift,  N_("Open, close, define and list shifts") },
  { "report", cf_cli_run_report, N_("Write, preview as text and sign off shift handover reports") },
  { "audit",  cf_cli_run_audit,  N_("Verify the audit log's hash chain") },
  { "check",  cf_cli_run_check,  N_("Check the database file, the links between rows and the audit log") },
  { "backup", cf_cli_run_backup, N_("Copy the database while it is in use, and check the copy") },
  { "restore", cf_cli_run_restore, N_("Put a checked backup in place of the database (manager)") },
  { "migrate", cf_cli_run_migrate, N_("Move this shop's database file onto a PostgreSQL server (manager)") },
  { "shop",   cf_cli_run_shop,   N_("A chain's shops on one server: list, add, grant desks, overview") },
  { "operator", cf_cli_run_operator, N_("List the operators; add them, set PINs, unlock (manager)") },
  { "profile", cf_cli_run_profile, N_("List, show and try the import profiles on a file") },
  { "reconcile", cf_cli_run_reconcile, N_("Set the journal against what was settled (对账) for a period") },
};

static void
print_usage (FILE *out)
{
  g_autofree char *default_db = cf_store_default_path ();

  fprintf (out, "%s\n  counterfoil [--db PATH] [COMMAND [OPTION…]]\n\n", _("Usage:"));
  fprintf (out, "%s\n", _("Without a command, Counterfoil opens its window."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-9s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --db PATH  %s\n", _("the database to use"));
  fprintf (out, "             (%s %s)\n", _("default:"), default_db);
  fprintf (out, "  --operator NO  %s\n", _("who runs a command that changes data; the PIN is read"));
  fprintf (out, "                 %s\n", _("from COUNTERFOIL_PIN or asked on the terminal"));
  fprintf (out, "  --manager NO   %s\n", _("a manager authorising a manager-only command for a clerk"));
  fprintf (out, "                 %s\n", _("(PIN from COUNTERFOIL_MANAGER_PIN or the terminal)"));
  fprintf (out, "  --version  %s\n", _("print the version"));
  fprintf (out, "\n%s\n", _("“counterfoil COMMAND --help” describes a command’s options."));
}

/* Whatever the command line prints — a message quoting an argument, a
 * value read back — leaves with any card number in it masked. */
static void
print_scrubbed (const char *text)
{
  g_autofree char *safe = cf_card_number_scrub (text, CF_CARD_SCRUB_ANY, NULL);

  fputs (safe, stdout);
  fflush (stdout);
}

static void
printerr_scrubbed (const char *text)
{
  g_autofree char *safe = cf_card_number_scrub (text, CF_CARD_SCRUB_ANY, NULL);

  fputs (safe, stderr);
  fflush (stderr);
}

/* A global option's value, as `--name VALUE` or `--name=VALUE`; advances *i. */
static gboolean
take_value (int          argc,
            char       **argv,
            int         *i,
            const char  *name,
            const char **value)
{
  gsize len = strlen (name);

  if (g_str_equal (argv[*i], name) && *i + 1 < argc)
    {
      *value = argv[*i + 1];
      *i += 2;
      return TRUE;
    }
  if (strncmp (argv[*i], name, len) == 0 && argv[*i][len] == '=')
    {
      *value = argv[*i] + len + 1;
      *i += 1;
      return TRUE;
    }
  return FALSE;
}

/**
 * cf_cli_run:
 * @open_window: (scope call): runs the window, for a command line that names
 *   no command
 *
 * Runs the command named in @argv, or the window when there is none.
 *
 * Returns: the process exit status
 */
int
cf_cli_run (int                 argc,
            char              **argv,
            CfCliOpenWindowFunc open_window)
{
  CfCliContext ctx = { NULL };
  const char *operator_no = NULL;
  const char *manager_no = NULL;
  int status = -1;
  int i = 1;

  g_set_print_handler (print_scrubbed);
  g_set_printerr_handler (printerr_scrubbed);

  while (i < argc && argv[i][0] == '-' && status < 0)
    {
      if (take_value (argc, argv, &i, "--db", &ctx.db_path) ||
          take_value (argc, argv, &i, "--operator", &operator_no) ||
          take_value (argc, argv, &i, "--manager", &manager_no))
        continue;
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          status = 0;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("counterfoil %s\n", PACKAGE_VERSION);
          status = 0;
        }
      else if (g_str_equal (argv[i], "--db") || g_str_equal (argv[i], "--operator") || g_str_equal (argv[i], "--manager"))
        {
          g_printerr ("counterfoil: %s %s\n", argv[i], _("needs a value"));
          status = EXIT_USAGE;
        }
      else
        break;  /* GTK's own options, for the window */
    }
  if (status >= 0)
    return status;

  ctx.operator_no = g_strdup (operator_no);
  ctx.manager_no = g_strdup (manager_no);
  if (i < argc && argv[i][0] != '-')
    {
      if (g_str_equal (argv[i], "help"))
        {
          print_usage (stdout);
          status = 0;
        }
      for (guint c = 0; c < G_N_ELEMENTS (commands) && status < 0; c++)
        if (g_str_equal (argv[i], commands[c].name))
          status = commands[c].run (&ctx, argc - i, argv + i);
      if (status < 0)
        {
          g_printerr ("counterfoil: %s “%s”\n\n", _("unknown command"), argv[i]);
          print_usage (stderr);
          status = EXIT_USAGE;
        }
    }
  else
    status = open_window (ctx.db_path, argv[0]);

  g_free (ctx.operator_no);
  g_free (ctx.manager_no);
  return status;
}
