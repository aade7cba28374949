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
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cf-application.h"
#include "cf-auth.h"
#include "cf-card-number.h"
#include "cf-cli.h"
#include "cf-cli-private.h"
#include "cf-demo.h"
#include "cf-duplicate-dialog.h"
#include "cf-duplicate-issuer.h"
#include "cf-importer.h"
#include "cf-loss-service.h"
#include "cf-money.h"
#include "cf-pdf-receipt.h"
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

static int run_import (const char *db_path, int argc, char **argv);
static int run_find   (const char *db_path, int argc, char **argv);
static int run_demo   (const char *db_path, int argc, char **argv);
static int run_duplicate (const char *db_path, int argc, char **argv);
static int run_verify (const char *db_path, int argc, char **argv);
static int run_loss   (const char *db_path, int argc, char **argv);
static int run_request (const char *db_path, int argc, char **argv);

static const Command commands[] = {
  { "import", run_import, N_("Import POS journals or acquirer statements (CSV)") },
  { "find",   run_find,   N_("Find transactions by voucher, reference, auth code, card, amount, time") },
  { "demo",   run_demo,   N_("Fill an empty database with a realistic demo shop") },
  { "duplicate", run_duplicate, N_("Issue a duplicate slip as PDF, recorded with its reason") },
  { "verify", run_verify, N_("Tell whether a duplicate slip's check code is genuine") },
  { "loss",   run_loss,   N_("Report lost slips (add), list and show loss incidents") },
  { "request", run_request, N_("List, show and move replacement requests") },
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

/* Text width on a terminal: CJK characters take two cells. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
print_cell (GString    *line,
            const char *text,
            guint       width,
            gboolean    right)
{
  guint w = display_width (text);
  guint pad = w < width ? width - w : 0;

  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text != NULL ? text : "");
  if (!right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

static void
set_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
set_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* import */

static JsonNode *
report_to_json (CfImportReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  set_string (b, "file", report->file);
  if (report->error_message != NULL)
    set_string (b, "error", report->error_message);
  else
    {
      set_string (b, "profile", report->profile);
      set_string (b, "encoding", report->encoding);
      set_string (b, "sha256", report->sha256);
      json_builder_set_member_name (b, "dry_run");
      json_builder_add_boolean_value (b, report->dry_run);
      if (report->import_id > 0)
        set_int (b, "import_id", report->import_id);
    }
  set_int (b, "rows", report->rows);
  set_int (b, "imported", report->imported);
  set_int (b, "duplicates", report->duplicates);
  set_int (b, "conflicts", report->conflicts);
  set_int (b, "rejected", report->rejected);
  set_int (b, "skipped", report->skipped);
  set_int (b, "masked_pans", report->masked_pans);
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->notes->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (report->notes, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "rejects");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->rejects->len; i++)
    {
      CfImportReject *r = g_ptr_array_index (report->rejects, i);

      json_builder_begin_object (b);
      set_int (b, "line", r->line);
      set_string (b, "column", r->column);
      set_string (b, "kind", r->kind == CF_IMPORT_REJECT_CONFLICT ? "conflict" : "rejected");
      set_string (b, "reason", r->reason);
      if (r->transaction_id > 0)
        set_int (b, "transaction_id", r->transaction_id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static void
print_report (CfImportReport *report)
{
  g_autofree char *name = g_path_get_basename (report->file);

  if (report->error_message != NULL)
    {
      g_printerr ("%s\n", report->error_message);
      for (guint i = 0; i < report->notes->len; i++)
        g_printerr ("  %s\n", (const char *) g_ptr_array_index (report->notes, i));
      return;
    }

  g_print ("%s%s: ", report->dry_run ? _("(dry run, nothing stored) ") : "", name);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", report->rows), report->rows);
  g_print (" — ");
  g_print (_("%u imported, %u duplicates, %u conflicts, %u rejected, %u skipped"),
           report->imported, report->duplicates, report->conflicts, report->rejected, report->skipped);
  if (report->masked_pans > 0)
    {
      g_print ("; ");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u full card number masked", "%u full card numbers masked",
                            report->masked_pans), report->masked_pans);
    }
  g_print ("\n  ");
  g_print (_("profile %s, %s, header on line %u"), report->profile, report->encoding, report->header_line);
  g_print ("\n");
  for (guint i = 0; i < report->notes->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (report->notes, i));

  for (guint i = 0; i < report->rejects->len; i++)
    {
      CfImportReject *r = g_ptr_array_index (report->rejects, i);

      if (r->column != NULL)
        g_print (_("  %s line %u, column %s: %s\n"), name, r->line, r->column, r->reason);
      else
        g_print (_("  %s line %u: %s\n"), name, r->line, r->reason);
    }
}

typedef struct
{
  const char *file;
  int         last_percent;
} ProgressLine;

static void
print_progress (guint    file_index,
                double   fraction,
                gpointer user_data)
{
  ProgressLine *line = user_data;
  int percent = (int) (fraction * 100);

  if (percent == line->last_percent)
    return;
  line->last_percent = percent;
  g_printerr ("%s: %d%%\n", line->file, percent);
}

static void
say_waiting (gpointer user_data)
{
  g_printerr ("counterfoil import: %s\n",
              _("another program is writing to the database (an import in the window?); waiting for it to finish…"));
}

static int
run_import (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autofree char *profile_name = NULL;
  g_autofree char *operator_no = NULL;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  gboolean progress = FALSE;
  g_autofree char *date_order = NULL;
  GOptionEntry entries[] = {
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress, N_("Report progress on standard error"), NULL },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_name, N_("Read the files with this import profile (name or .profile file) instead of choosing by header"), N_("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check and report, store nothing"), NULL },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order, N_("How to read 05/11/2026: dmy (day first) or mdy (month first); "
                                                              "by default the profile or the file's own dates decide"), N_("ORDER") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per file"), NULL },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who is importing (operator no.)"), N_("NO") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfImporter) importer = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status = 0;

  if (!cf_cli_parse_options ("import", _("FILE…"), _("Import POS journals or acquirer statements (CSV)"),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    {
      g_printerr ("counterfoil import: %s\n", _("name at least one file to import"));
      return EXIT_USAGE;
    }
  if (date_order != NULL && !g_str_equal (date_order, "dmy") && !g_str_equal (date_order, "mdy"))
    {
      g_printerr ("counterfoil import: %s\n", _("--date-order is dmy (day first) or mdy (month first)"));
      return EXIT_USAGE;
    }

  store = cf_cli_open_store (db_path, dry_run ? CF_CLI_OPEN_EXISTING_OR_EMPTY : CF_CLI_OPEN_CREATE);
  if (store == NULL)
    return 1;
  /* An import in the window (or another command) may be writing: wait for
   * it, saying so, instead of failing after ten seconds. */
  cf_store_wait_for_writers (store, 30 * 60, NULL, say_waiting, NULL);
  /* A dry run stores nothing, so it needs nobody signed in. */
  if (!dry_run && cf_cli_sign_in (store, "import", operator_no, &status) == NULL)
    return status;

  importer = cf_importer_new (store);
  cf_importer_set_dry_run (importer, dry_run);
  if (date_order != NULL)
    cf_importer_set_date_order (importer, g_str_equal (date_order, "dmy") ? CF_DATE_ORDER_DMY : CF_DATE_ORDER_MDY);
  cf_importer_set_operator (importer, cf_cli_get_operator ());
  if (profile_name != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfImportProfile) profile = cf_import_profile_find (profile_name, &error);

      if (profile == NULL)
        {
          g_printerr ("counterfoil import: %s\n", error->message);
          return EXIT_USAGE;
        }
      cf_importer_set_profile (importer, profile);
    }

  json_builder_begin_array (builder);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfImportReport) report = NULL;
      ProgressLine line = { argv[i], -1 };

      report = cf_importer_import_file (importer, argv[i], NULL, progress ? print_progress : NULL, &line, &error);

      if (report == NULL)
        {
          report = cf_import_report_new (argv[i]);
          report->error_message = g_strdup (error->message);
          status = 1;
        }
      if (json)
        json_builder_add_value (builder, report_to_json (report));
      else
        print_report (report);
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
    }

  return status;
}

/* find */

static JsonNode *
transaction_to_json (CfTransaction *txn)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *card = cf_transaction_dup_masked_card (txn, FALSE);
  g_autofree char *amount = cf_money_to_decimal (cf_transaction_get_signed_amount (txn));
  const struct { const char *name; const char *value; } strings[] = {
    { "time", cf_transaction_get_local_time (txn) },
    { "time_zone", cf_transaction_get_time_zone (txn) },
    { "merchant_no", cf_transaction_get_merchant_no (txn) },
    { "merchant_name", cf_transaction_get_merchant_name (txn) },
    { "terminal_no", cf_transaction_get_terminal_no (txn) },
    { "operator_no", cf_transaction_get_operator_no (txn) },
    { "batch_no", cf_transaction_get_batch_no (txn) },
    { "voucher_no", cf_transaction_get_voucher_no (txn) },
    { "ref_no", cf_transaction_get_ref_no (txn) },
    { "auth_code", cf_transaction_get_auth_code (txn) },
    { "card", *card != '\0' ? card : NULL },
    { "card_brand", cf_transaction_get_card_brand (txn) },
    { "issuer", cf_transaction_get_issuer (txn) },
    { "type", cf_txn_type_to_nick (cf_transaction_get_txn_type (txn)) },
    { "amount", amount },
    { "currency", cf_transaction_get_currency (txn) },
    { "status", cf_transaction_get_status (txn) },
    { "entry_mode", cf_entry_mode_to_nick (cf_transaction_get_entry_mode (txn)) },
    { "orig_voucher_no", cf_transaction_get_orig_voucher_no (txn) },
    { "orig_ref_no", cf_transaction_get_orig_ref_no (txn) },
  };
  int offset;

  json_builder_begin_object (b);
  set_int (b, "id", cf_transaction_get_id (txn));
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    set_string (b, strings[i].name, strings[i].value);
  json_builder_set_member_name (b, "utc_offset_minutes");
  if (cf_transaction_get_utc_offset (txn, &offset))
    json_builder_add_int_value (b, offset);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static int
run_find (const char  *db_path,
          int          argc,
          char       **argv)
{
  g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
  g_autofree char *amount = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int limit = 50;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "voucher", 0, 0, G_OPTION_ARG_STRING, &query->voucher_no, N_("Voucher (trace) no."), N_("N") },
    { "ref", 0, 0, G_OPTION_ARG_STRING, &query->ref_no, N_("Reference no. (RRN)"), N_("RRN") },
    { "auth", 0, 0, G_OPTION_ARG_STRING, &query->auth_code, N_("Authorisation code"), N_("CODE") },
    { "last4", 0, 0, G_OPTION_ARG_STRING, &query->card_last4, N_("Last four digits of the card"), N_("NNNN") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount, N_("Amount, such as 88.50 or ¥88.5"), N_("X") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this date or date and time"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to this date (inclusive) or date and time"), N_("DATE") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING, &query->terminal_no, N_("Terminal no."), N_("T") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &query->operator_no, N_("Operator no."), N_("NO") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N transactions (default 50, 0 for all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  if (!cf_cli_parse_options ("find", NULL, _("Find transactions; every option given narrows the search"),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    {
      g_printerr ("counterfoil find: %s “%s”\n", _("unexpected argument"), argv[1]);
      return EXIT_USAGE;
    }
  if (limit < 0)
    {
      g_printerr ("counterfoil find: %s\n", _("--limit cannot be negative"));
      return EXIT_USAGE;
    }
  query->limit = (guint) limit;

  if (amount != NULL)
    {
      if (!cf_money_parse (amount, &query->amount_minor, NULL, &error))
        {
          g_printerr ("counterfoil find: --amount: %s\n", error->message);
          return EXIT_USAGE;
        }
      query->amount_minor = ABS (query->amount_minor);
      query->has_amount = TRUE;
    }
  if ((from != NULL && !cf_transaction_query_set_from (query, from, &error)) ||
      (to != NULL && !cf_transaction_query_set_to (query, to, &error)))
    {
      g_printerr ("counterfoil find: %s\n", error->message);
      return EXIT_USAGE;
    }

  store = cf_cli_open_store (db_path, CF_CLI_OPEN_EXISTING);
  if (store == NULL)
    return 1;

  found = cf_store_find_transactions (store, query, &error);
  if (found == NULL)
    {
      g_printerr ("counterfoil find: %s\n", error->message);
      return 1;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < found->len; i++)
        json_builder_add_value (b, transaction_to_json (g_ptr_array_index (found, i)));
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
      return 0;
    }

  if (found->len == 0)
    {
      g_print ("%s\n", _("No transaction matches."));
      return 0;
    }

  {
    g_autoptr(GString) line = g_string_new (NULL);

    print_cell (line, _("Date/time"), 19, FALSE);
    print_cell (line, _("Terminal"), 8, FALSE);
    print_cell (line, _("Voucher"), 6, FALSE);
    print_cell (line, _("Ref. no."), 12, FALSE);
    print_cell (line, _("Auth"), 6, FALSE);
    print_cell (line, _("Card"), 19, FALSE);
    print_cell (line, _("Type"), 12, FALSE);
    print_cell (line, _("Amount"), 12, TRUE);
    g_print ("%s\n", g_strchomp (line->str));

    for (guint i = 0; i < found->len; i++)
      {
        CfTransaction *txn = g_ptr_array_index (found, i);
        g_autofree char *card = cf_transaction_dup_masked_card (txn, FALSE);
        g_autofree char *money = cf_transaction_dup_amount_text (txn);

        g_string_truncate (line, 0);
        print_cell (line, cf_transaction_get_local_time (txn), 19, FALSE);
        print_cell (line, cf_transaction_get_terminal_no (txn), 8, FALSE);
        print_cell (line, cf_transaction_get_voucher_no (txn), 6, FALSE);
        print_cell (line, cf_transaction_get_ref_no (txn), 12, FALSE);
        print_cell (line, cf_transaction_get_auth_code (txn), 6, FALSE);
        print_cell (line, card, 19, FALSE);
        print_cell (line, cf_txn_type_get_label (cf_transaction_get_txn_type (txn)), 12, FALSE);
        print_cell (line, money, 12, TRUE);
        g_print ("%s\n", g_strchomp (line->str));
      }
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u transaction", "%u transactions", found->len), found->len);
    if (query->limit > 0 && found->len == query->limit)
      g_print (" %s", _("(limit reached; narrow the search or raise --limit)"));
    g_print ("\n");
  }
  return 0;
}

/* demo */

static int
run_demo (const char  *db_path,
          int          argc,
          char       **argv)
{
  int n = 40000;
  int seed = 20261128;
  GOptionEntry entries[] = {
    { "transactions", 0, 0, G_OPTION_ARG_INT, &n, N_("How many transactions (default 40000, about eleven months)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed; the same seed makes the same shop"), N_("S") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  int status = 0;

  if (!cf_cli_parse_options ("demo", NULL, _("Fill an empty database with a realistic demo shop"),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (n <= 0)
    {
      g_printerr ("counterfoil demo: %s\n", _("--transactions must be at least 1"));
      return EXIT_USAGE;
    }

  store = cf_cli_open_store (db_path, CF_CLI_OPEN_CREATE);
  if (store == NULL)
    return 1;

  /* A new file is filled by anyone; a shop that has its manager, only by someone signed in. */
  if (!cf_auth_needs_first_manager (store) && cf_cli_sign_in (store, "demo", NULL, &status) == NULL)
    return status;
  if (!cf_demo_populate (store, (guint) n, (guint32) seed, NULL, NULL, &error) ||
      !cf_demo_add_shifts (store, 7, &error))
    {
      g_printerr ("counterfoil demo: %s\n", error->message);
      return 1;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Created a demo shop with %d transaction in %s (%.1f s)\n",
                        "Created a demo shop with %d transactions in %s (%.1f s)\n", n),
           n, cf_store_get_path (store), g_timer_elapsed (timer, NULL));
  /* The demo's staff are its own; a real shop creates its first manager instead. */
  g_print (_("Demo operators sign in with PIN %s: 099 (manager), 001 to 005 (clerks).\n"), CF_DEMO_PIN);
  return 0;
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
  g_autofree char *output = NULL;
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
  output = g_strconcat ("pdf:", absolute, NULL);
  records = cf_duplicate_dialog_issue (NULL, store, found, reason, other_text, copy, cf_cli_get_operator (),
                                       cf_receipt_columns_for_paper ((guint) paper), absolute, NULL, &error);
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

/* loss */

static int
loss_add (CfStore *store,
          int      argc,
          char   **argv)
{
  g_autofree char *cause = NULL;
  g_autofree char *responsible = NULL;
  g_autofree char *discovered_by = NULL;
  g_autofree char *description = NULL;
  g_autofree char *remedy = NULL;
  g_autofree char *counterpart = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *operator_no = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *terminal = NULL;
  GOptionEntry entries[] = {
    { "cause", 0, 0, G_OPTION_ARG_STRING, &cause, N_("human, technical, environmental or management"), N_("CAUSE") },
    { "responsible", 0, 0, G_OPTION_ARG_STRING, &responsible, N_("Who is responsible"), N_("WHO") },
    { "discovered-by", 0, 0, G_OPTION_ARG_STRING, &discovered_by, N_("Who found the loss"), N_("WHO") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What is missing"), N_("TEXT") },
    { "remedy", 0, 0, G_OPTION_ARG_STRING, &remedy, N_("For every slip: duplicate (default), request or none"), N_("REMEDY") },
    { "counterpart", 0, 0, G_OPTION_ARG_STRING, &counterpart, N_("Whom a replacement is requested from: acquirer (default), provider or tax_office"), N_("WHO") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why nothing is done (with --remedy none)"), N_("TEXT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Every transaction from this date or date and time"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to this date (inclusive) or date and time"), N_("DATE") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING, &terminal, N_("Terminal no."), N_("T") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who reports it (operator no.)"), N_("NO") },
    { NULL }
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) slips = g_array_new (FALSE, TRUE, sizeof (CfLossSlip));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  CfLossIncidentInfo info = { 0 };
  CfLossImpact impact;
  CfLossRemedy how = CF_LOSS_REMEDY_DUPLICATE;
  g_autofree char *period_from = NULL;
  g_autofree char *period_to = NULL;
  gint64 incident;
  int status = 0;

  if (!cf_cli_parse_options ("loss add", _("[ID…]"), _("Report lost slips: the transactions by ID, or a period"), entries, &argc, &argv))
    return EXIT_USAGE;
  if (remedy != NULL)
    {
      if (g_str_equal (remedy, "request"))
        how = CF_LOSS_REMEDY_REQUEST;
      else if (g_str_equal (remedy, "none"))
        how = CF_LOSS_REMEDY_NONE;
      else if (!g_str_equal (remedy, "duplicate"))
        {
          g_printerr ("counterfoil loss add: %s “%s”\n", _("--remedy must be duplicate, request or none, not"), remedy);
          return EXIT_USAGE;
        }
    }

  for (int i = 1; i < argc; i++)
    {
      char *end = NULL;
      gint64 id = g_ascii_strtoll (argv[i], &end, 10);

      if (end == argv[i] || *end != '\0' || id <= 0)
        {
          g_printerr ("counterfoil loss add: %s “%s”\n", _("not a transaction ID:"), argv[i]);
          return EXIT_USAGE;
        }
      g_array_append_val (ids, id);
    }
  if (from != NULL || to != NULL)
    {
      g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
      g_autoptr(GPtrArray) found = NULL;

      query->terminal_no = g_strdup (terminal);
      if ((from != NULL && !cf_transaction_query_set_from (query, from, &error)) ||
          (to != NULL && !cf_transaction_query_set_to (query, to, &error)) ||
          (found = cf_store_find_transactions (store, query, &error)) == NULL)
        {
          g_printerr ("counterfoil loss add: %s\n", error->message);
          return EXIT_USAGE;
        }
      for (guint i = 0; i < found->len; i++)
        {
          gint64 id = cf_transaction_get_id (g_ptr_array_index (found, i));
          g_array_append_val (ids, id);
        }
      period_from = g_strdup (query->from);
      period_to = g_strdup (query->to);
    }
  if (ids->len == 0)
    {
      g_printerr ("counterfoil loss add: %s\n", _("name the lost slips' transactions by ID, or a period with --from and --to"));
      return EXIT_USAGE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      CfLossSlip slip = { g_array_index (ids, gint64, i), FALSE, NULL, NULL, how, reason,
                          counterpart != NULL ? counterpart : "acquirer" };
      g_array_append_val (slips, slip);
    }
  info.period_from = period_from;
  info.period_to = period_to;
  info.description = description;
  info.cause = cause;
  info.discovered_by = discovered_by;
  info.responsible = responsible;

  if (cf_cli_sign_in (store, "loss add", operator_no, &status) == NULL)
    return status;
  if (!cf_loss_compute_impact (store, (gint64 *) ids->data, ids->len, now, &impact, &error) ||
      (incident = cf_loss_create_incident (store, &info, (CfLossSlip *) slips->data, slips->len, cf_cli_get_operator (),
                                           &error)) == 0)
    {
      g_printerr ("counterfoil loss add: %s\n", error->message);
      return 1;
    }

  {
    g_autofree char *net = cf_money_format (impact.net_minor, NULL);
    g_print (_("Loss incident #%lld: %u slips, net %s; %u inside the 13-month retention window; "
               "%u refunds, voids or refunded sales; %u cards to contact\n"),
             (long long) incident, impact.count, net, impact.in_retention, impact.refund_related, impact.cards);
  }
  return 0;
}

static int
loss_list (CfStore *store,
           gboolean show,
           gint64   only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = cf_loss_list_incidents (store, &error);

  if (incidents == NULL)
    {
      g_printerr ("counterfoil loss: %s\n", error->message);
      return 1;
    }
  if (incidents->len == 0 && !show)
    g_print ("%s\n", _("No loss incidents."));
  for (guint i = 0; i < incidents->len; i++)
    {
      CfIncidentInfo *inc = g_ptr_array_index (incidents, i);
      g_autofree char *amount = cf_money_format (inc->amount_minor, NULL);

      if (show && inc->id != only)
        continue;
      g_print (_("#%lld  %s  %s  %u slips (%u settled)  %s  cause %s  responsible %s\n"), (long long) inc->id,
               inc->created_at, inc->resolved ? _("resolved") : _("open"), inc->n_slips, inc->n_resolved, amount,
               inc->cause, inc->responsible != NULL ? inc->responsible : "-");
      if (show && inc->description != NULL)
        g_print ("    %s\n", inc->description);
      if (show)
        return 0;
    }
  if (show)
    {
      g_printerr ("counterfoil loss show: %s #%lld\n", _("there is no incident"), (long long) only);
      return 1;
    }
  return 0;
}

static int
run_loss (const char  *db_path,
          int          argc,
          char       **argv)
{
  g_autoptr(CfStore) store = NULL;

  if (argc < 2 || (!g_str_equal (argv[1], "add") && !g_str_equal (argv[1], "list") && !g_str_equal (argv[1], "show")))
    {
      g_printerr ("counterfoil loss: %s\n", _("use: loss add ID… --cause C --responsible R | loss list | loss show ID"));
      return EXIT_USAGE;
    }
  if (cf_cli_wants_help (argc, argv) && !g_str_equal (argv[1], "add"))
    {
      g_print ("%s\n", _("use: loss add ID… --cause C --responsible R | loss list | loss show ID"));
      return 0;
    }
  store = cf_cli_open_store (db_path, cf_cli_wants_help (argc, argv) ? CF_CLI_OPEN_EXISTING_OR_EMPTY
                                                                   : CF_CLI_OPEN_EXISTING);
  if (store == NULL)
    return 1;
  if (g_str_equal (argv[1], "add"))
    return loss_add (store, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "show"))
    return argc == 3 ? loss_list (store, TRUE, g_ascii_strtoll (argv[2], NULL, 10)) : EXIT_USAGE;
  return loss_list (store, FALSE, 0);
}

/* request */

/* Every move of a request: when, from what to what, who, and why. */
static void
print_request_history (CfStore *store,
                       gint64   request_id)
{
  g_autoptr(GPtrArray) moves = cf_loss_list_history (store, request_id, NULL);

  for (guint m = 0; moves != NULL && m < moves->len; m++)
    {
      char **move = g_ptr_array_index (moves, m);

      g_print ("    %.16s  %s%s%s  %s%s%s\n", move[0], *move[1] != '\0' ? cf_request_status_label_for_nick (move[1]) : "",
               *move[1] != '\0' ? " → " : "", cf_request_status_label_for_nick (move[2]), move[3],
               *move[4] != '\0' ? "  " : "", move[4]);
    }
}

static int
run_request (const char  *db_path,
             int          argc,
             char       **argv)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (argc < 2 || (!g_str_equal (argv[1], "list") && !g_str_equal (argv[1], "show") && !g_str_equal (argv[1], "move") &&
                    !g_str_equal (argv[1], "letter") && !g_str_equal (argv[1], "doc") && !g_str_equal (argv[1], "fee") &&
                    !g_str_equal (argv[1], "ref")))
    {
      g_printerr ("counterfoil request: %s\n", _("use: request list | request show ID | request move ID --to STATE [--note TEXT] | "
                                                 "request letter ID --out FILE.pdf"));
      return EXIT_USAGE;
    }
  if (cf_cli_wants_help (argc, argv) && (g_str_equal (argv[1], "list") || g_str_equal (argv[1], "show")))
    {
      g_print ("%s\n", _("use: request list | request show ID | request move ID --to STATE [--note TEXT] | "
                         "request letter ID --out FILE.pdf"));
      return 0;
    }
  store = cf_cli_open_store (db_path, cf_cli_wants_help (argc, argv) ? CF_CLI_OPEN_EXISTING_OR_EMPTY
                                                                   : CF_CLI_OPEN_EXISTING);
  if (store == NULL)
    return 1;

  if (g_str_equal (argv[1], "ref"))
    {
      int exit_status = 0;

      if (argc != 4)
        {
          g_printerr ("counterfoil request ref: %s\n", _("give the request's ID and the bank's or provider's reference no."));
          return EXIT_USAGE;
        }
      if (cf_cli_sign_in (store, "request ref", NULL, &exit_status) == NULL)
        return exit_status;
      if (!cf_loss_set_reference (store, g_ascii_strtoll (argv[2], NULL, 10), argv[3], cf_cli_get_operator (), &error))
        {
          g_printerr ("counterfoil request ref: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  if (g_str_equal (argv[1], "doc") || g_str_equal (argv[1], "fee"))
    {
      g_autofree char *state = NULL;
      g_autofree char *file = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *paid_on = NULL;
      g_autofree char *operator_no = NULL;
      GOptionEntry entries[] = {
        { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("missing, ready or submitted"), N_("STATE") },
        { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("Where a copy of the document is"), N_("PATH") },
        { "amount", 0, 0, G_OPTION_ARG_STRING, &amount, N_("The fee"), N_("X") },
        { "paid-on", 0, 0, G_OPTION_ARG_STRING, &paid_on, N_("The day the fee was paid"), N_("DATE") },
        { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who records it (operator no.)"), N_("NO") },
        { NULL }
      };
      gboolean doc = g_str_equal (argv[1], "doc");
      int sub_argc = argc - 1;
      char **sub_argv = argv + 1;
      gint64 fee = 0;
      int exit_status = 0;

      if (!cf_cli_parse_options (doc ? "request doc" : "request fee", doc ? _("ID KIND") : _("ID"),
                          doc ? _("Mark a document of a request missing, ready or submitted")
                              : _("Record a request's fee and when it was paid"), entries, &sub_argc, &sub_argv))
        return EXIT_USAGE;
      if (sub_argc != (doc ? 3 : 2) || (doc && state == NULL) || (!doc && amount == NULL))
        {
          g_printerr ("counterfoil request %s: %s\n", argv[1],
                      doc ? _("give the request's ID, the document and --state") : _("give the request's ID and --amount"));
          return EXIT_USAGE;
        }
      if (!doc && !cf_money_parse (amount, &fee, NULL, &error))
        {
          g_printerr ("counterfoil request fee: %s\n", error->message);
          return EXIT_USAGE;
        }
      if (cf_cli_sign_in (store, doc ? "request doc" : "request fee", operator_no, &exit_status) == NULL)
        return exit_status;
      if (doc ? !cf_loss_set_document (store, g_ascii_strtoll (sub_argv[1], NULL, 10), sub_argv[2], state, file,
                                       cf_cli_get_operator (), &error)
              : !cf_loss_set_fee (store, g_ascii_strtoll (sub_argv[1], NULL, 10), fee, paid_on, cf_cli_get_operator (), &error))
        {
          g_printerr ("counterfoil request %s: %s\n", argv[1], error->message);
          return 1;
        }
      return 0;
    }

  if (g_str_equal (argv[1], "letter"))
    {
      g_autofree char *out = NULL;
      GOptionEntry entries[] = {
        { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("FILE.pdf") },
        { NULL }
      };
      int sub_argc = argc - 1;
      char **sub_argv = argv + 1;
      g_autoptr(GObject) letter = NULL;

      if (!cf_cli_parse_options ("request letter", _("ID"), _("Write the application letter of a replacement request as PDF"),
                          entries, &sub_argc, &sub_argv))
        return EXIT_USAGE;
      if (sub_argc != 2 || out == NULL)
        {
          g_printerr ("counterfoil request letter: %s\n", _("give the request's ID and --out FILE.pdf"));
          return EXIT_USAGE;
        }
      if (!cf_cli_check_out_path ("request letter", out))
        return 1;
      letter = cf_loss_build_letter (store, g_ascii_strtoll (sub_argv[1], NULL, 10), now, &error);
      if (letter == NULL || !cf_pdf_write_report (letter, out, &error))
        {
          g_printerr ("counterfoil request letter: %s\n", error->message);
          return 1;
        }
      g_print (_("Application letter written to %s\n"), out);
      return 0;
    }

  if (g_str_equal (argv[1], "move"))
    {
      g_autofree char *to = NULL;
      g_autofree char *note = NULL;
      g_autofree char *operator_no = NULL;
      GOptionEntry entries[] = {
        { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The new state: submitted, under_review, approved, rejected, fulfilled, closed or cancelled"), N_("STATE") },
        { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What happened"), N_("TEXT") },
        { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who moves it (operator no.)"), N_("NO") },
        { NULL }
      };
      int sub_argc = argc - 1;
      char **sub_argv = argv + 1;
      CfRequestStatus status;
      int exit_status = 0;

      if (!cf_cli_parse_options ("request move", _("ID"), _("Move a replacement request to its next state"), entries, &sub_argc, &sub_argv))
        return EXIT_USAGE;
      if (sub_argc != 2 || to == NULL || !cf_request_status_from_nick (to, &status))
        {
          g_printerr ("counterfoil request move: %s\n", _("give the request's ID and --to with one of: submitted, under_review, "
                                                         "approved, rejected, fulfilled, closed, cancelled"));
          return EXIT_USAGE;
        }
      if (cf_cli_sign_in (store, "request move", operator_no, &exit_status) == NULL)
        return exit_status;
      if (!cf_loss_move_request (store, g_ascii_strtoll (sub_argv[1], NULL, 10), status, note, cf_cli_get_operator (), now,
                                 &error))
        {
          g_printerr ("counterfoil request move: %s\n", error->message);
          return 1;
        }
      g_print (_("Request #%s is now %s\n"), sub_argv[1], cf_request_status_get_label (status));
      return 0;
    }

  {
    g_autoptr(GPtrArray) requests = cf_loss_list_requests (store, now, &error);
    gint64 only = argc == 3 ? g_ascii_strtoll (argv[2], NULL, 10) : 0;
    gboolean shown = FALSE;

    if (requests == NULL)
      {
        g_printerr ("counterfoil request: %s\n", error->message);
        return 1;
      }
    for (guint i = 0; i < requests->len; i++)
      {
        CfRequestInfo *r = g_ptr_array_index (requests, i);

        if (only > 0 && r->id != only)
          continue;
        shown = TRUE;
        g_print (_("#%lld  incident #%lld  %s  %s  %u slips  due %s%s\n"), (long long) r->id, (long long) r->incident_id,
                 r->counterpart, cf_request_status_get_label (r->status), r->n_slips,
                 r->due_date != NULL ? r->due_date : "-",
                 r->overdue ? _("  OVERDUE") : r->due_soon ? _("  due soon") : "");
        if (only > 0 && r->counterpart_ref != NULL)
          g_print (_("    their reference no. %s\n"), r->counterpart_ref);
        if (only > 0)
          {
            g_autoptr(GPtrArray) documents = cf_loss_list_documents (store, r->id, NULL);

            if (r->has_fee)
              {
                g_autofree char *fee = cf_money_format (r->fee_minor, "CNY");
                g_print (_("    fee %s, %s\n"), fee, r->fee_paid_on != NULL ? r->fee_paid_on : _("not paid yet"));
              }
            for (guint d = 0; documents != NULL && d < documents->len; d++)
              {
                char **doc = g_ptr_array_index (documents, d);
                g_print ("    [%s] %s%s%s\n", doc[1], cf_loss_document_label (doc[0]),
                         *doc[2] != '\0' ? "  " : "", doc[2]);
              }
            print_request_history (store, r->id);
          }
      }
    if (!shown)
      g_print ("%s\n", only > 0 ? _("There is no such request.") : _("No replacement requests."));
    return only > 0 && !shown ? 1 : 0;
  }
}

/**
 * cf_cli_run:
 *
 * Runs the command named in @argv, or the window when there is none.
 *
 * Returns: the process exit status
 */
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

int
cf_cli_run (int    argc,
            char **argv)
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

  {
    g_autofree char *path = db_path != NULL ? g_strdup (db_path) : NULL;
    g_autoptr(CfApplication) app = cf_application_new (path);
    char *gtk_argv[] = { argv[0], NULL };

    return g_application_run (G_APPLICATION (app), 1, gtk_argv);
  }
}
