/* cf-cli-reconcile.c — the journal against what was settled, from the
 * command line
 *
 *   counterfoil reconcile --from DATE --to DATE [--terminal T] [--json]
 *   counterfoil reconcile accept ID --note TEXT
 *   counterfoil reconcile link ID TRANSACTION-ID
 *   counterfoil reconcile expect ID --note TEXT
 *   counterfoil reconcile deposit DATE AMOUNT [--note TEXT]
 *   counterfoil reconcile rate [KIND PERCENT [--cap AMOUNT] | KIND --remove]
 *   counterfoil reconcile report --from DATE --to DATE [--terminal T] --out FILE.pdf [--sign]
 *   counterfoil reconcile report --no N --out FILE.pdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli-json.h"
#include "cf-cli-output.h"
#include "cf-cli-private.h"
#include "cf-money.h"
#include "cf-pdf-report.h"
#include "cf-reconcile-report.h"
#include "cf-reconcile.h"
#include "cf-settlement.h"
#include "cf-shift-service.h"
#include "cf-transaction.h"

/* A period as people type it: --to a date alone takes in the whole day. */
static gboolean
read_period (const char  *command,
             const char  *from,
             const char  *to,
             char       **start,
             char       **end,
             int         *status)
{
  g_autoptr(GError) error = NULL;

  if (from == NULL || to == NULL)
    {
      *status = cf_cli_usage_error (command, _("give the period: --from DATE --to DATE"));
      return FALSE;
    }
  if ((*start = cf_shift_normalize_time (from, FALSE, &error)) == NULL ||
      (*end = cf_shift_normalize_time (to, TRUE, &error)) == NULL)
    {
      *status = cf_cli_usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Words between the numbers: digits of a terminal and a voucher no. side by
 * side could pass for a card number, and the output is scrubbed of those. */
static void
print_transaction (CfStore *store,
                   gint64   id)
{
  g_autoptr(CfTransaction) txn = cf_store_get_transaction (store, id, NULL);
  g_autofree char *amount = NULL;
  g_autofree char *card = NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  if (txn == NULL)
    return;
  amount = cf_transaction_dup_amount_text (txn);
  card = cf_transaction_dup_masked_card (txn, FALSE);
  g_string_append_printf (line, "    #%lld  %s  %s", (long long) id, cf_transaction_get_local_time (txn), amount);
  if (cf_transaction_get_terminal_no (txn) != NULL)
    g_string_append_printf (line, _("  terminal %s"), cf_transaction_get_terminal_no (txn));
  if (cf_transaction_get_voucher_no (txn) != NULL)
    g_string_append_printf (line, _("  voucher %s"), cf_transaction_get_voucher_no (txn));
  if (cf_transaction_get_ref_no (txn) != NULL)
    g_string_append_printf (line, _("  ref. %s"), cf_transaction_get_ref_no (txn));
  if (*card != '\0')
    g_string_append_printf (line, _("  card %s"), card);
  cf_cli_print_row (line);
}

static void
print_settlement (GPtrArray *days)
{
  if (days->len == 0)
    return;
  g_print ("\n%s\n", _("Settled per day (net = gross − fees), and deposited:"));
  for (guint i = 0; i < days->len; i++)
    {
      CfSettlementDay *day = g_ptr_array_index (days, i);
      g_autofree char *gross = cf_money_to_decimal (day->gross_minor);
      g_autofree char *fee = cf_money_to_decimal (day->fee_minor);
      g_autofree char *net = cf_money_to_decimal (day->net_minor);
      g_autofree char *deposit = day->has_deposit ? cf_money_to_decimal (day->deposit_minor) : g_strdup ("—");
      g_autofree char *difference = day->has_deposit ? cf_money_to_decimal (day->deposit_minor - day->net_minor)
                                                     : g_strdup ("—");

      g_print (_("  %s%s  %u settled  gross %s  fees %s  net %s  deposited %s  difference %s\n"), day->date,
               day->date_known ? " " : "*", day->count, gross, fee, net, deposit, difference);
    }
}

static void
print_text (CfStore          *store,
            CfReconciliation *r)
{
  for (CfReconcileClass c = 0; c < CF_RECONCILE_N_CLASSES; c++)
    {
      g_autofree char *amount = cf_money_format (r->amount_minor[c], NULL);

      g_print ("%-32s %6u  %14s\n", cf_reconcile_class_label (c), r->count[c], amount);
    }
  if (r->open_questions > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u row could be more than one transaction: see the match questions\n",
                          "%u rows could be more than one transaction: see the match questions\n", r->open_questions),
             r->open_questions);
  /* What needs a person: every row of the classes that are not matched. */
  for (CfReconcileClass c = CF_RECONCILE_DIFFERS; c < CF_RECONCILE_N_CLASSES; c++)
    {
      if (r->ids[c]->len == 0)
        continue;
      g_print ("\n%s:\n", cf_reconcile_class_label (c));
      for (guint i = 0; i < r->ids[c]->len; i++)
        {
          gint64 id = g_array_index (r->ids[c], gint64, i);
          g_autoptr(GPtrArray) differences = cf_reconcile_describe_differences (store, id, NULL);

          print_transaction (store, id);
          for (guint d = 0; differences != NULL && d < differences->len; d++)
            g_print ("        %s\n", (const char *) g_ptr_array_index (differences, d));
        }
    }
}

static void
add_settlement_json (JsonBuilder *b,
                     GPtrArray   *days)
{
  json_builder_set_member_name (b, "settlement");
  json_builder_begin_array (b);
  for (guint i = 0; i < days->len; i++)
    {
      CfSettlementDay *day = g_ptr_array_index (days, i);
      g_autofree char *gross = cf_money_to_decimal (day->gross_minor);
      g_autofree char *fee = cf_money_to_decimal (day->fee_minor);
      g_autofree char *net = cf_money_to_decimal (day->net_minor);

      json_builder_begin_object (b);
      cf_cli_json_set_string (b, "date", day->date);
      json_builder_set_member_name (b, "date_from_statement");
      json_builder_add_boolean_value (b, day->date_known);
      cf_cli_json_set_int (b, "count", day->count);
      cf_cli_json_set_string (b, "gross", gross);
      cf_cli_json_set_string (b, "fees", fee);
      cf_cli_json_set_string (b, "net", net);
      if (day->has_deposit)
        {
          g_autofree char *deposit = cf_money_to_decimal (day->deposit_minor);
          g_autofree char *difference = cf_money_to_decimal (day->deposit_minor - day->net_minor);

          cf_cli_json_set_string (b, "deposited", deposit);
          cf_cli_json_set_string (b, "difference", difference);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_json (CfReconciliation *r,
            GPtrArray        *days)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  for (CfReconcileClass c = 0; c < CF_RECONCILE_N_CLASSES; c++)
    {
      g_autofree char *amount = cf_money_to_decimal (r->amount_minor[c]);

      json_builder_set_member_name (b, cf_reconcile_class_to_nick (c));
      json_builder_begin_object (b);
      cf_cli_json_set_int (b, "count", r->count[c]);
      cf_cli_json_set_string (b, "amount", amount);
      json_builder_set_member_name (b, "transactions");
      json_builder_begin_array (b);
      for (guint i = 0; i < r->ids[c]->len; i++)
        json_builder_add_int_value (b, g_array_index (r->ids[c], gint64, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  cf_cli_json_set_int (b, "open_questions", r->open_questions);
  add_settlement_json (b, days);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

/* reconcile accept ID --note TEXT */
static int
reconcile_accept (CfCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *operator_no = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why the difference is right (kept with it)"), N_("TEXT") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who accepts it (operator no.)"), N_("NO") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int exit_status = 0;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "reconcile accept", _("ID"),
                             _("Accept a transaction's difference between files, with a note; it counts as matched"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error ("reconcile accept", _("give the transaction's ID"));
  if (note == NULL)
    return cf_cli_usage_error ("reconcile accept", _("say why with --note TEXT"));
  if ((store = cf_cli_open_for_id (ctx, "reconcile accept", argv[1], &id)) == NULL)
    return ctx->exit_status;
  if (cf_cli_sign_in (ctx, store, "reconcile accept", operator_no, &exit_status) == NULL)
    return exit_status;
  if (!cf_reconcile_accept (store, id, ctx->operator_no, note, &error))
    {
      g_printerr ("counterfoil reconcile accept: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* reconcile link ID TRANSACTION-ID */
static int
reconcile_link (CfCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autofree char *operator_no = NULL;
  GOptionEntry entries[] = {
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who links them (operator no.)"), N_("NO") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int exit_status = 0;
  gint64 record = 0, transaction = 0;

  if (!cf_cli_parse_options (ctx, "reconcile link", _("ID TRANSACTION-ID"),
                             _("Link a record found on one side only (a statement's row the matching could not "
                               "place) to the transaction it is, by hand; the two become one"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 3)
    return cf_cli_usage_error ("reconcile link", _("give the record's ID and the transaction's ID"));
  if (!cf_cli_parse_id ("reconcile link", argv[2], &transaction))
    return 2;
  if ((store = cf_cli_open_for_id (ctx, "reconcile link", argv[1], &record)) == NULL)
    return ctx->exit_status;
  if (cf_cli_sign_in (ctx, store, "reconcile link", operator_no, &exit_status) == NULL)
    return exit_status;
  if (!cf_reconcile_link (store, record, transaction, ctx->operator_no, &error))
    {
      g_printerr ("counterfoil reconcile link: %s\n", error->message);
      return 1;
    }
  g_print (_("#%lld and #%lld are one transaction now.\n"), (long long) record, (long long) transaction);
  return 0;
}

/* reconcile expect ID --note TEXT */
static int
reconcile_expect (CfCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *operator_no = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why it is expected (kept with it)"), N_("TEXT") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who marks it (operator no.)"), N_("NO") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int exit_status = 0;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "reconcile expect", _("ID"),
                             _("Mark a transaction on one side only as expected (settled the next day), with a note"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error ("reconcile expect", _("give the transaction's ID"));
  if (note == NULL)
    return cf_cli_usage_error ("reconcile expect", _("say why with --note TEXT"));
  if ((store = cf_cli_open_for_id (ctx, "reconcile expect", argv[1], &id)) == NULL)
    return ctx->exit_status;
  if (cf_cli_sign_in (ctx, store, "reconcile expect", operator_no, &exit_status) == NULL)
    return exit_status;
  if (!cf_reconcile_mark_expected (store, id, ctx->operator_no, note, &error))
    {
      g_printerr ("counterfoil reconcile expect: %s\n", error->message);
      return 1;
    }
  g_print (_("#%lld is marked as expected.\n"), (long long) id);
  return 0;
}

/* reconcile deposit DATE AMOUNT [--note TEXT] */
static int
reconcile_deposit (CfCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *operator_no = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("The bank's reference, or why it differs"), N_("TEXT") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who enters it (operator no.)"), N_("NO") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int exit_status = 0;
  gint64 amount = 0;
  char currency[4] = "";

  if (!cf_cli_parse_options (ctx, "reconcile deposit", _("DATE AMOUNT"),
                             _("Enter what reached the bank account for a settlement day; the reconciliation shows "
                               "it beside what the statements settled"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 3)
    return cf_cli_usage_error ("reconcile deposit", _("give the settlement day and the amount: 2026-11-28 1380.00"));
  if (!cf_money_parse (argv[2], &amount, currency, &error))
    return cf_cli_usage_error ("reconcile deposit", error->message);
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if (cf_cli_sign_in (ctx, store, "reconcile deposit", operator_no, &exit_status) == NULL)
    return exit_status;
  if (!cf_settlement_set_deposit (store, argv[1], amount, note, ctx->operator_no, &error))
    {
      g_printerr ("counterfoil reconcile deposit: %s\n", error->message);
      return 1;
    }
  {
    g_autofree char *text = cf_money_to_decimal (amount);
    g_print (_("%s deposited for %s.\n"), text, argv[1]);
  }
  return 0;
}

static void
print_rates (CfStore *store)
{
  CfFeeRate rates[CF_FEE_KIND_N];

  if (!cf_fee_rates_load (store, rates, NULL))
    return;
  for (guint k = 0; k < CF_FEE_KIND_N; k++)
    {
      g_autofree char *rate = rates[k].set ? cf_fee_rate_format (&rates[k]) : g_strdup (_("not set"));

      g_print ("%-12s %-16s %s\n", cf_fee_kind_to_nick ((CfFeeKind) k), cf_fee_kind_label ((CfFeeKind) k), rate);
    }
}

/* reconcile rate [KIND PERCENT [--cap AMOUNT] | KIND --remove] */
static int
reconcile_rate (CfCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autofree char *cap = NULL;
  g_autofree char *operator_no = NULL;
  gboolean remove = FALSE;
  GOptionEntry entries[] = {
    { "cap", 0, 0, G_OPTION_ARG_STRING, &cap, N_("The most one transaction's fee may be"), N_("AMOUNT") },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, N_("Forget the kind's rate"), NULL },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("The manager who sets it"), N_("NO") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CfFeeRate rate = { TRUE, 0, 0 };
  CfFeeKind kind;
  const char *by;
  int exit_status = 0;
  char currency[4] = "";

  if (!cf_cli_parse_options (ctx, "reconcile rate", _("[KIND PERCENT]"),
                             _("List the merchant's agreed fee rates, or set one: debit, credit, card (any card), "
                               "wechat, alipay, unionpay_qr"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc == 1)
    {
      if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
        return 1;
      print_rates (store);
      return 0;
    }
  if (!cf_fee_kind_from_nick (argv[1], &kind))
    return cf_cli_usage_error ("reconcile rate", _("the kind is one of debit, credit, card, wechat, alipay, unionpay_qr"));
  if (remove ? argc != 2 : argc != 3)
    return cf_cli_usage_error ("reconcile rate", _("give the kind and the rate in percent: debit 0.55 --cap 20"));
  if (remove)
    rate.set = FALSE;
  else if (!cf_fee_rate_parse_percent (argv[2], &rate.rate_ppm, &error) ||
           (cap != NULL && !cf_money_parse (cap, &rate.cap_minor, currency, &error)))
    return cf_cli_usage_error ("reconcile rate", error->message);
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((by = cf_cli_sign_in (ctx, store, "reconcile rate", operator_no, &exit_status)) == NULL)
    return exit_status;
  if (!cf_fee_rates_set (store, kind, &rate, by, &error))
    {
      g_printerr ("counterfoil reconcile rate: %s\n", error->message);
      return 1;
    }
  print_rates (store);
  return 0;
}

/* reconcile report (--from D --to D [--terminal T] [--sign] | --no N) --out FILE.pdf */
static int
reconcile_report (CfCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autofree char *from = NULL, *to = NULL, *terminal = NULL, *out = NULL, *operator_no = NULL;
  g_autofree char *start = NULL, *end = NULL;
  gint64 number = 0;
  gboolean sign = FALSE, text = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this date or date and time"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to this date (inclusive) or date and time"), N_("DATE") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING, &terminal, N_("One terminal only"), N_("T") },
    { "sign", 0, 0, G_OPTION_ARG_NONE, &sign, N_("Sign it off as a manager: it gets its number and is sealed"), NULL },
    { "no", 0, 0, G_OPTION_ARG_INT64, &number, N_("A signed report, as it was signed"), N_("N") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the report to this PDF"), N_("FILE") },
    { "text", 0, 0, G_OPTION_ARG_NONE, &text, N_("Print the report's text"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object: the report's text, its pages and the file written"),
      NULL },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("The manager signing off"), N_("NO") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReportDoc) doc = NULL;
  int status = 0;

  if (!cf_cli_parse_options (ctx, "reconcile report", NULL,
                             _("Write a period's reconciliation report as PDF (a DRAFT, or signed with --sign), "
                               "or a signed one again with --no N"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1 || (out == NULL && !text && !json) || (number != 0 && (from != NULL || to != NULL || sign)))
    return cf_cli_usage_error ("reconcile report",
                               _("give --from DATE --to DATE or --no N, and --out FILE.pdf, --text or --json"));
  if (number == 0 && !read_period ("reconcile report", from, to, &start, &end, &status))
    return status;
  if (out != NULL && !cf_cli_check_out_path ("reconcile report", out))
    return 1;
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if (sign)
    {
      CfReconcileScope scope = { start, end, terminal };
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      const char *by;

      if ((by = cf_cli_sign_in (ctx, store, "reconcile report", operator_no, &status)) == NULL)
        return status;
      if ((number = cf_reconcile_report_sign (store, &scope, by, now, &error)) == 0)
        {
          g_printerr ("counterfoil reconcile report: %s\n", error->message);
          return 1;
        }
      g_printerr (_("Signed off as reconciliation report no. R%06lld.\n"), (long long) number);
    }
  if (number != 0)
    doc = cf_reconcile_report_load (store, number, &error);
  else
    {
      CfReconcileScope scope = { start, end, terminal };
      doc = cf_reconcile_report_build (store, &scope, &error);
    }
  return cf_cli_emit_report ("reconcile report", doc, out, json ? CF_CLI_PRINT_JSON : text ? CF_CLI_PRINT_TEXT : CF_CLI_PRINT_NOTHING,
                             error);
}

static const CfCliSubcommand subcommands[] = {
  { "accept",  reconcile_accept },
  { "link",    reconcile_link },
  { "expect",  reconcile_expect },
  { "deposit", reconcile_deposit },
  { "rate",    reconcile_rate },
  { "report",  reconcile_report },
};

int
cf_cli_run_reconcile (CfCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *terminal = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this date or date and time"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to this date (inclusive) or date and time"), N_("DATE") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING, &terminal, N_("One terminal only"), N_("T") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(CfReconciliation) r = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help = argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"));
  int status = 0;

  if (argc >= 2 && argv[1][0] != '-')
    return cf_cli_dispatch (ctx, "reconcile", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
  if (!cf_cli_parse_options (ctx, "reconcile", NULL,
                             _("Set the terminal's journal against the statements, wallets' bills and processors' "
                               "exports of a period: matched, amounts or fees that differ, not settled, not in the "
                               "journal, and what was settled per day beside what was deposited. Subcommands: "
                               "accept, link, expect, deposit, rate, report"),
                             entries, &argc, &argv))
    {
      /* The help of the period's summary, then of each subcommand. */
      if (help || ctx->describing)
        for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
          {
            char *sub_argv[] = { (char *) subcommands[i].name, NULL };
            gboolean was = ctx->describing;

            ctx->describing = TRUE;
            subcommands[i].run (ctx, 1, sub_argv);
            ctx->describing = was;
          }
      return ctx->exit_status;
    }
  if (argc != 1)
    return cf_cli_usage_error ("reconcile", _("reconcile takes options only, such as --from 2026-11-27 --to 2026-11-27"));
  if (!read_period ("reconcile", from, to, &start, &end, &status))
    return status;
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((r = cf_reconcile_compute (store, start, end, terminal, &error)) == NULL ||
      (days = cf_settlement_list_days (store, start, end, terminal, &error)) == NULL)
    {
      g_printerr ("counterfoil reconcile: %s\n", error->message);
      return 1;
    }
  if (json)
    print_json (r, days);
  else
    {
      print_text (store, r);
      print_settlement (days);
    }
  return 0;
}
