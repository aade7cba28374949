/* cf-cli-find.c — finding transactions from the command line
 *
 *   counterfoil find [--search "24号 晚上8点 1234"] [--voucher N] [--ref RRN] [--auth CODE] [--last4 NNNN] [--amount X]
 *                    [--from DATE] [--to DATE] [--terminal T] [--cashier NO] [--method M] [--limit N] [--json]
 *
 * `--operator` is not a filter: everywhere on the command line it names
 * who runs a command. The POS operator who rang a sale up is --cashier.
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
#include "cf-near-misses.h"
#include "cf-reconcile.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

/* Nothing matched: what nearly did, each kind under its reason. */
static void
print_near_misses (CfStore                  *store,
                   const CfTransactionQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) misses = cf_near_misses_find (store, query, &error);

  if (misses == NULL)
    {
      g_printerr ("counterfoil find: %s\n", error->message);
      return;
    }
  if (misses->len == 0)
    return;
  g_print ("\n%s\n", _("Near misses:"));
  for (guint i = 0; i < misses->len; i++)
    {
      CfNearMiss *miss = g_ptr_array_index (misses, i);

      g_print ("\n%s\n", miss->reason);
      cf_cli_print_transactions (miss->transactions);
    }
}

static void
print_table (CfStore                  *store,
             const CfTransactionQuery *query,
             GPtrArray                *found,
             guint                     limit)
{
  if (found->len == 0)
    {
      g_print ("%s\n", _("No transaction matches."));
      print_near_misses (store, query);
      return;
    }
  cf_cli_print_transactions (found);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u transaction", "%u transactions", found->len), found->len);
  if (limit > 0 && found->len == limit)
    g_print (" %s", _("(limit reached; narrow the search or raise --limit)"));
  g_print ("\n");
}

int
cf_cli_run_find (CfCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
  g_autofree char *amount = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *operator_no = NULL;
  g_autofree char *method = NULL;
  g_autofree char *search = NULL;
  int limit = 50;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("What the customer remembers, read as the window's search reads it: “24号 晚上8点 1234”, “the 24th about 8pm 88.50”"),
      N_("TEXT") },
    { "voucher", 0, 0, G_OPTION_ARG_STRING, &query->voucher_no, N_("Voucher (trace) no."), N_("N") },
    { "ref", 0, 0, G_OPTION_ARG_STRING, &query->ref_no, N_("Reference no. (RRN)"), N_("RRN") },
    { "auth", 0, 0, G_OPTION_ARG_STRING, &query->auth_code, N_("Authorisation code"), N_("CODE") },
    { "last4", 0, 0, G_OPTION_ARG_STRING, &query->card_last4, N_("Last four digits of the card"), N_("NNNN") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount, N_("Amount, such as 88.50 or ¥88.5"), N_("X") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this date or date and time"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to this date (inclusive) or date and time"), N_("DATE") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING, &query->terminal_no, N_("Terminal no."), N_("T") },
    { "cashier", 0, 0, G_OPTION_ARG_STRING, &query->operator_no, N_("The POS operator (cashier) no. who rang it up"), N_("NO") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method, N_("Paid with: card, wechat, alipay, unionpay_qr, cash, other (or 微信, 现金…)"), N_("METHOD") },
    { "operator", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &operator_no, NULL, NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N transactions (default 50, 0 for all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  if (!cf_cli_parse_options (ctx, "find", NULL, _("Find transactions; every option given narrows the search"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc > 1)
    return cf_cli_usage_error ("find", _("find takes options only, such as --voucher 000123"));
  if (operator_no != NULL)
    return cf_cli_usage_error ("find", _("--operator names who runs a command; to find what a cashier rang up, "
                                         "use --cashier NO"));
  if (limit < 0)
    return cf_cli_usage_error ("find", _("--limit cannot be negative"));
  if (method != NULL)
    {
      if (!cf_payment_method_from_nick (method, &query->method) && !cf_payment_method_from_word (method, &query->method))
        return cf_cli_usage_error ("find", _("--method is card, wechat, alipay, unionpay_qr, cash or other"));
      query->has_method = TRUE;
    }
  query->limit = (guint) limit;

  if (amount != NULL)
    {
      if (!cf_money_parse (amount, &query->amount_minor, NULL, &error))
        {
          g_autofree char *message = g_strdup_printf ("--amount: %s", error->message);
          return cf_cli_usage_error ("find", message);
        }
      query->amount_minor = ABS (query->amount_minor);
      query->has_amount = TRUE;
    }
  if ((from != NULL && !cf_transaction_query_set_from (query, from, &error)) ||
      (to != NULL && !cf_transaction_query_set_to (query, to, &error)))
    return cf_cli_usage_error ("find", error->message);

  if (search != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GPtrArray) understood = g_ptr_array_new_with_free_func (g_free);
      gboolean all_understood = cf_transaction_query_add_search (query, search, now, understood);

      g_ptr_array_add (understood, NULL);
      if (!all_understood)
        {
          g_autofree char *joined = g_strjoinv ("; ", (char **) understood->pdata);
          g_autofree char *message = g_strdup_printf ("--search: %s", joined);
          return cf_cli_usage_error ("find", message);
        }
      if (!json)
        {
          g_autofree char *joined = g_strjoinv (" · ", (char **) understood->pdata);
          g_print (_("Looking for %s"), joined);
          g_print ("\n");
        }
    }

  store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING);
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
        json_builder_add_value (b, cf_cli_json_transaction (store, g_ptr_array_index (found, i)));
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
      return 0;
    }

  print_table (store, query, found, query->limit);
  return 0;
}
