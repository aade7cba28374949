/* cf-cli-reconcile.c — the journal against what was settled, from the
 * command line
 *
 *   counterfoil reconcile --from DATE --to DATE [--terminal T] [--json]
 *   counterfoil reconcile accept ID --note TEXT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli-output.h"
#include "cf-cli-private.h"
#include "cf-money.h"
#include "cf-reconcile.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

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
  g_print ("%s\n", line->str);
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
print_json (CfReconciliation *r)
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

int
cf_cli_run_reconcile (CfCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *terminal = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this date or date and time"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to this date (inclusive) or date and time"), N_("DATE") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING, &terminal, N_("One terminal only"), N_("T") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(CfTransactionQuery) period = cf_transaction_query_new ();
  g_autoptr(CfReconciliation) r = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end = NULL;

  if (argc > 1 && g_str_equal (argv[1], "accept"))
    return reconcile_accept (ctx, argc - 1, argv + 1);
  if (!cf_cli_parse_options (ctx, "reconcile", NULL,
                             _("Set the terminal's journal against the statements, wallets' bills and processors' "
                               "exports of a period: matched, amounts that differ, not settled, not in the journal. "
                               "“reconcile accept ID --note TEXT” accepts a transaction's difference"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("reconcile", _("reconcile takes options only, such as --from 2026-11-27 --to 2026-11-27"));
  if (from == NULL || to == NULL)
    return cf_cli_usage_error ("reconcile", _("give the period: --from DATE --to DATE"));
  if (!cf_transaction_query_set_from (period, from, &error) || !cf_transaction_query_set_to (period, to, &error))
    return cf_cli_usage_error ("reconcile", error->message);
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;

  /* The query's "to" is inclusive, to the second; the reconciliation's is the moment after. */
  {
    g_autoptr(GDateTime) last = NULL;
    g_autofree char *iso = g_strdup_printf ("%.10sT%sZ", period->to, period->to + 11);

    last = g_date_time_new_from_iso8601 (iso, NULL);
    if (last != NULL)
      {
        g_autoptr(GDateTime) after = g_date_time_add_seconds (last, 1);
        end = g_date_time_format (after, "%Y-%m-%d %H:%M:%S");
      }
  }
  if ((r = cf_reconcile_compute (store, period->from, end != NULL ? end : period->to, terminal, &error)) == NULL)
    {
      g_printerr ("counterfoil reconcile: %s\n", error->message);
      return 1;
    }
  if (json)
    print_json (r);
  else
    print_text (store, r);
  return 0;
}
