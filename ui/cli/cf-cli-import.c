/* cf-cli-import.c — the command line's import, find and demo
 *
 *   counterfoil import FILE… [--profile NAME] [--date-order dmy|mdy] [--dry-run] [--json] [--progress]
 *   counterfoil find [--voucher N] [--ref RRN] … [--json]
 *   counterfoil demo [--transactions N] [--seed S]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cf-auth.h"
#include "cf-cli-private.h"
#include "cf-demo.h"
#include "cf-importer.h"
#include "cf-money.h"
#include "cf-store.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

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

int
cf_cli_run_import (const char  *db_path,
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

int
cf_cli_run_find (const char  *db_path,
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

int
cf_cli_run_demo (const char  *db_path,
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

