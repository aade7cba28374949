/* cf-cli.c — the command line: the desk's work without a display
 *
 *   counterfoil [--db PATH] import FILE… [--profile NAME] [--dry-run] [--json]
 *   counterfoil [--db PATH] find [--voucher N] [--ref RRN] … [--json]
 *   counterfoil [--db PATH] demo [--transactions N] [--seed S]
 *   counterfoil [--db PATH] duplicate|verify|loss|request|shift|report …
 *   counterfoil [--db PATH]                      (opens the window)
 *
 * Each command calls the same app/ services as the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cf-auth.h"
#include "cf-card-number.h"
#include "cf-cli.h"
#include "cf-cli-private.h"
#include "cf-demo.h"
#include "cf-duplicate-issuer.h"
#include "cf-importer.h"
#include "cf-loss-service.h"
#include "cf-money.h"
#include "cf-pdf-duplicate.h"
#include "cf-receipt-doc.h"
#include "cf-store.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

typedef int (*CommandFunc) (const char  *db_path,
                            int          argc,
                            char       **argv);

typedef struct
{
  const char  *name;
  CommandFunc  run;
  const char  *summary;
} Command;

static int run_duplicate (const char *db_path, int argc, char **argv);
static int run_verify (const char *db_path, int argc, char **argv);

static const Command commands[] = {
  { "import", cf_cli_run_import, N_("Import POS journals or acquirer statements (CSV)") },
  { "find",   cf_cli_run_find,   N_("Find transactions by voucher, reference, auth code, card, amount, time") },
  { "demo",   cf_cli_run_demo,   N_("Fill an empty database with a realistic demo shop") },
  { "duplicate", run_duplicate, N_("Issue a duplicate slip as PDF, recorded with its reason") },
  { "verify", run_verify, N_("Tell whether a duplicate slip's check code is genuine") },
  { "loss",   cf_cli_run_loss,   N_("Report lost slips (add), list and show loss incidents") },
  { "request", cf_cli_run_request, N_("List, show and move replacement requests") },
  { "shift",  cf_cli_run_shift,  N_("Open, close, define and list shifts") },
  { "report", cf_cli_run_report, N_("Write, preview as text and sign off shift handover reports") },
  { "audit",  cf_cli_run_audit,  N_("Verify the audit log's hash chain") },
  { "check",  cf_cli_run_check,  N_("Check the database file, the links between rows and the audit log") },
  { "backup", cf_cli_run_backup, N_("Copy the database while it is in use, and check the copy") },
  { "restore", cf_cli_run_restore, N_("Put a checked backup in place of the database (manager)") },
  { "operator", cf_cli_run_operator, N_("List the operators; add them, set PINs, unlock (manager)") },
};

static void
print_usage (FILE *out)
{
  g_autofree char *default_db = cf_store_default_path ();

  fprintf (out, "%s\n  counterfoil [--db PATH] [COMMAND [OPTION…]]\n\n", _("Usage:"));
  fprintf (out, "%s\n", _("Without a command, Counterfoil opens its window."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
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

/**
 * cf_cli_open_store:
 * @how: whether the command may create the database, needs it to exist,
 *   or can work on an empty one when there is none
 *
 * Opens the database for a command. Only commands that add data create a
 * database; one that only reads or explains never leaves a file behind.
 */
CfStore *
cf_cli_open_store (const char *db_path,
                   CfCliOpen   how)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path != NULL ? g_strdup (db_path) : cf_store_default_path ();
  CfStore *store;

  if (how != CF_CLI_OPEN_CREATE && !g_file_test (path, G_FILE_TEST_EXISTS))
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

/**
 * cf_cli_wants_help:
 *
 * Returns: whether the command line asks for a command's help, which is
 *   printed without opening (or creating) anything
 */
gboolean
cf_cli_wants_help (int    argc,
                   char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?") ||
        g_str_has_prefix (argv[i], "--help-"))
      return TRUE;
  return FALSE;
}

/* Parses a command's options; prints the error and returns FALSE on failure. */
gboolean
cf_cli_parse_options (const char    *command,
                      const char    *parameters,
                      const char    *summary,
                      GOptionEntry  *entries,
                      int           *argc,
                      char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("counterfoil %s", command);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("counterfoil %s: %s\n", command, error->message);
      g_printerr (_("Try “counterfoil %s --help”.\n"), command);
      return FALSE;
    }
  return TRUE;
}

/* duplicate */

static void
list_candidates (GPtrArray *found)
{
  g_printerr ("%s\n", _("Candidates:"));
  for (guint i = 0; i < found->len && i < 20; i++)
    {
      CfTransaction *txn = g_ptr_array_index (found, i);
      g_autofree char *amount = cf_transaction_dup_amount_text (txn);

      g_printerr ("  #%" G_GINT64_FORMAT "  %s  %s  %s  %s  %s\n", cf_transaction_get_id (txn),
                  cf_transaction_get_local_time (txn),
                  cf_transaction_get_terminal_no (txn) != NULL ? cf_transaction_get_terminal_no (txn) : "-",
                  cf_transaction_get_voucher_no (txn) != NULL ? cf_transaction_get_voucher_no (txn) : "-",
                  cf_transaction_get_ref_no (txn) != NULL ? cf_transaction_get_ref_no (txn) : "-", amount);
    }
}

static int
run_duplicate (const char  *db_path,
               int          argc,
               char       **argv)
{
  g_autofree char *voucher = NULL;
  g_autofree char *terminal = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *reason_text = NULL;
  g_autofree char *copy_text = NULL;
  g_autofree char *operator_no = NULL;
  g_autofree char *out = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int paper = 58;
  GOptionEntry entries[] = {
    { "voucher", 0, 0, G_OPTION_ARG_STRING, &voucher, N_("Voucher (trace) no., with --terminal"), N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Every transaction from this date or date and time (with --to), a page each"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to this date (inclusive) or date and time"), N_("DATE") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING, &terminal, N_("Terminal no."), N_("T") },
    { "ref", 0, 0, G_OPTION_ARG_STRING, &ref, N_("Reference no. (RRN)"), N_("RRN") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason_text, N_("Why: customer, retrieval, tax, reconciliation, or any other words"), N_("R") },
    { "copy", 0, 0, G_OPTION_ARG_STRING, &copy_text, N_("Whose copy: merchant (default), cardholder or bank"), N_("COPY") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who issues it (operator no.)"), N_("NO") },
    { "paper", 0, 0, G_OPTION_ARG_INT, &paper, N_("Paper width in mm: 58 (default), 76 or 80"), N_("MM") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("FILE.pdf") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *absolute = NULL;
  CfReceiptCopy copy = CF_RECEIPT_COPY_MERCHANT;
  CfDuplicateReason reason;
  const char *other_text = NULL;
  int status = 0;

  if (!cf_cli_parse_options ("duplicate", _("[ID]"), _("Issue a duplicate slip as PDF, recorded with its reason"),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (out == NULL || reason_text == NULL)
    {
      g_printerr ("counterfoil duplicate: %s\n", _("--reason and --out are required"));
      return EXIT_USAGE;
    }
  if (copy_text != NULL && !cf_receipt_copy_from_nick (copy_text, &copy))
    {
      g_printerr ("counterfoil duplicate: %s “%s”\n", _("--copy must be merchant, cardholder or bank, not"), copy_text);
      return EXIT_USAGE;
    }
  if (!cf_duplicate_reason_from_nick (reason_text, &reason))
    {
      reason = CF_DUPLICATE_REASON_OTHER;
      other_text = reason_text;
    }
  if ((argc > 1) + (voucher != NULL) + (ref != NULL) + (from != NULL || to != NULL) != 1 ||
      (voucher != NULL && terminal == NULL) || ((from != NULL) != (to != NULL)))
    {
      g_printerr ("counterfoil duplicate: %s\n", _("name the transaction by ID, by --voucher N --terminal T, or by --ref RRN, "
                                                   "or a period by --from DATE --to DATE [--terminal T]"));
      return EXIT_USAGE;
    }

  store = cf_cli_open_store (db_path, CF_CLI_OPEN_EXISTING);
  if (store == NULL)
    return 1;

  if (argc > 1)
    {
      char *end = NULL;
      gint64 id = g_ascii_strtoll (argv[1], &end, 10);
      CfTransaction *txn = (end != NULL && *end == '\0' && id > 0) ? cf_store_get_transaction (store, id, &error) : NULL;

      if (txn == NULL)
        {
          g_printerr ("counterfoil duplicate: %s\n", error != NULL ? error->message : _("the ID must be a transaction number"));
          return 1;
        }
      found = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (found, txn);
    }
  else
    {
      g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();

      query->voucher_no = g_strdup (voucher);
      query->terminal_no = g_strdup (terminal);
      query->ref_no = g_strdup (ref);
      query->sort_ascending = TRUE;  /* a period prints in the order it happened */
      if ((from != NULL && !cf_transaction_query_set_from (query, from, &error)) ||
          (to != NULL && !cf_transaction_query_set_to (query, to, &error)))
        {
          g_printerr ("counterfoil duplicate: %s\n", error->message);
          return EXIT_USAGE;
        }
      found = cf_store_find_transactions (store, query, &error);
      if (found == NULL)
        {
          g_printerr ("counterfoil duplicate: %s\n", error->message);
          return 1;
        }
      if (found->len == 0)
        {
          g_printerr ("counterfoil duplicate: %s\n", _("no transaction matches; nothing was issued"));
          return 1;
        }
      if (found->len > 1 && from == NULL)
        {
          g_printerr ("counterfoil duplicate: %s\n", _("several transactions match; name one by its ID. Nothing was issued."));
          list_candidates (found);
          return 1;
        }
    }

  if (!cf_cli_check_out_path ("duplicate", out))
    return 1;
  if (cf_cli_sign_in (store, "duplicate", operator_no, &status) == NULL)
    return status;
  absolute = g_canonicalize_filename (out, NULL);
  records = cf_pdf_issue_duplicates (store, found, reason, other_text, copy, cf_cli_get_operator (),
                                     cf_receipt_columns_for_paper ((guint) paper), absolute, &error);
  if (records == NULL)
    {
      g_printerr ("counterfoil duplicate: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < records->len; i++)
    {
      CfDuplicateRecord *r = g_ptr_array_index (records, i);
      g_print (_("Duplicate No. %u of transaction #%lld written to %s; check code %s\n"),
               r->number, (long long) r->transaction_id, absolute, r->code);
    }
  return 0;
}

/* verify */

static int
run_verify (const char  *db_path,
            int          argc,
            char       **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDuplicateRecord) record = NULL;
  g_autoptr(CfTransaction) txn = NULL;
  g_autofree char *amount = NULL;

  if (!cf_cli_parse_options ("verify", _("CODE"), _("Tell whether a duplicate slip's check code is genuine"),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    {
      g_printerr ("counterfoil verify: %s\n", _("give the check code printed on the duplicate, such as 7K2Q-M9XD"));
      return EXIT_USAGE;
    }

  store = cf_cli_open_store (db_path, CF_CLI_OPEN_EXISTING);
  if (store == NULL)
    return 1;

  record = cf_duplicate_verify (store, argv[1], &error);
  if (record == NULL)
    {
      g_print ("%s\n", _("NOT GENUINE"));
      g_printerr ("%s\n", error->message);
      return 1;
    }
  txn = cf_store_get_transaction (store, record->transaction_id, NULL);
  amount = txn != NULL ? cf_transaction_dup_amount_text (txn) : g_strdup ("?");
  g_print ("%s\n", _("GENUINE"));
  g_print (_("Duplicate No. %u of transaction #%lld (%s, terminal %s, voucher %s, ref. %s, %s)\n"),
           record->number, (long long) record->transaction_id,
           txn != NULL ? cf_transaction_get_local_time (txn) : "?",
           txn != NULL && cf_transaction_get_terminal_no (txn) != NULL ? cf_transaction_get_terminal_no (txn) : "-",
           txn != NULL && cf_transaction_get_voucher_no (txn) != NULL ? cf_transaction_get_voucher_no (txn) : "-",
           txn != NULL && cf_transaction_get_ref_no (txn) != NULL ? cf_transaction_get_ref_no (txn) : "-", amount);
  g_print (_("Issued %s by %s, %s copy, reason: %s%s%s\n"), record->issued_at,
           record->operator_no != NULL ? record->operator_no : "-", record->copy, record->reason,
           record->reason_text != NULL ? " — " : "", record->reason_text != NULL ? record->reason_text : "");
  return 0;
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
cf_cli_run (int                argc,
            char             **argv,
            CfCliOpenWindowFunc open_window)
{
  const char *db_path = NULL;
  const char *operator_no = NULL;
  const char *manager_no = NULL;
  int i = 1;

  g_set_print_handler (print_scrubbed);
  g_set_printerr_handler (printerr_scrubbed);

  while (i < argc && argv[i][0] == '-')
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          db_path = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        db_path = argv[i++] + strlen ("--db=");
      else if (g_str_equal (argv[i], "--operator") && i + 1 < argc)
        {
          operator_no = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--operator="))
        operator_no = argv[i++] + strlen ("--operator=");
      else if (g_str_equal (argv[i], "--manager") && i + 1 < argc)
        {
          manager_no = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--manager="))
        manager_no = argv[i++] + strlen ("--manager=");
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          return 0;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("counterfoil %s\n", PACKAGE_VERSION);
          return 0;
        }
      else if (g_str_equal (argv[i], "--db"))
        {
          g_printerr ("counterfoil: %s\n", _("--db needs a path"));
          return EXIT_USAGE;
        }
      else
        break;  /* GTK's own options, for the window */
    }

  cf_cli_set_identity (operator_no, manager_no);
  if (i < argc && argv[i][0] != '-')
    {
      if (g_str_equal (argv[i], "help"))
        {
          print_usage (stdout);
          return 0;
        }
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        if (g_str_equal (argv[i], commands[c].name))
          return commands[c].run (db_path, argc - i, argv + i);

      g_printerr ("counterfoil: %s “%s”\n\n", _("unknown command"), argv[i]);
      print_usage (stderr);
      return EXIT_USAGE;
    }

  return open_window (db_path, argv[0]);
}
