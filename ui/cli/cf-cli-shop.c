/* cf-cli-shop.c — a chain's shops on one PostgreSQL server
 *
 *   counterfoil --db CONNINFO shop list [--json]
 *   counterfoil --db CONNINFO shop add CODE --name NAME [--merchant NO] [--head-office]
 *   counterfoil --db CONNINFO shop grant CODE DBUSER
 *   counterfoil --db 'CONNINFO shop=HQ' shop overview [--shop CODE] [--json]
 *   counterfoil --db 'CONNINFO shop=HQ' shop find TEXT [--limit N] [--json]
 *
 * Adding shops and desks is the chain administrator's: their database
 * user's rights decide, not an operator's PIN. The overview is the head
 * office's, read with its desk's database user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-chain-find.h"
#include "cf-chain-overview.h"
#include "cf-cli-json.h"
#include "cf-cli-output.h"
#include "cf-cli-private.h"
#include "cf-loss-service.h"
#include "cf-shift-service.h"

static char *
chain_target (CfCliContext *ctx)
{
  return ctx->db_path != NULL ? g_strdup (ctx->db_path) : cf_store_default_path ();
}

static int
shop_list (CfCliContext  *ctx,
           int            argc,
           char         **argv)
{
  g_autofree char *target = NULL;
  g_autoptr(GPtrArray) shops = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };

  if (!cf_cli_parse_options (ctx, "shop list", NULL, _("List the chain's shops"), entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("shop list", _("list takes no arguments"));
  target = chain_target (ctx);
  if ((shops = cf_chain_list_shops (target, &error)) == NULL)
    {
      g_printerr ("counterfoil shop list: %s\n", error->message);
      return 1;
    }
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < shops->len; i++)
        {
          CfShopInfo *shop = shops->pdata[i];

          json_builder_begin_object (b);
          cf_cli_json_set_string (b, "code", shop->code);
          cf_cli_json_set_string (b, "name", shop->name);
          cf_cli_json_set_string (b, "merchant_no", shop->merchant_no);
          cf_cli_json_set_bool (b, "head_office", shop->head_office);
          cf_cli_json_set_string (b, "created_at", shop->created_at);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      cf_cli_json_print (b);
      return 0;
    }
  if (shops->len == 0)
    g_print ("%s\n", _("This database holds no chain's shops; add the first with “counterfoil shop add CODE --name NAME”."));
  for (guint i = 0; i < shops->len; i++)
    {
      CfShopInfo *shop = shops->pdata[i];
      g_autoptr(GString) line = g_string_new (NULL);

      cf_cli_print_cell (line, shop->code, 12, FALSE);
      cf_cli_print_cell (line, shop->name, 24, FALSE);
      cf_cli_print_cell (line, shop->merchant_no, 17, FALSE);
      cf_cli_print_cell (line, shop->head_office ? _("head office") : "", 0, FALSE);
      cf_cli_print_row (line);
    }
  return 0;
}

static int
shop_add (CfCliContext  *ctx,
          int            argc,
          char         **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *merchant_no = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  gboolean head_office = FALSE;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The shop's name, as people say it"), N_("NAME") },
    { "merchant", 0, 0, G_OPTION_ARG_STRING, &merchant_no, N_("The acquirer's merchant no."), N_("NO") },
    { "head-office", 0, 0, G_OPTION_ARG_NONE, &head_office, N_("Its desks read every shop of the chain"), NULL },
    { NULL }
  };

  if (!cf_cli_parse_options (ctx, "shop add", N_("CODE"),
                             _("Add a shop to the chain: its own schema, role, numbers and audit chain"), entries,
                             &argc, &argv))
    return ctx->exit_status;
  if (argc != 2 || name == NULL)
    return cf_cli_usage_error ("shop add", _("give the shop's code and --name"));
  target = chain_target (ctx);
  if (!cf_chain_add_shop (target, argv[1], name, merchant_no, head_office, &error))
    {
      g_printerr ("counterfoil shop add: %s\n", error->message);
      return 1;
    }
  g_print (_("Added shop %s (%s). Its desks connect with shop=%s in their connection string, as database users "
             "granted it with “counterfoil shop grant %s USER”.\n"),
           argv[1], name, argv[1], argv[1]);
  return 0;
}

static int
shop_grant (CfCliContext  *ctx,
            int            argc,
            char         **argv)
{
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!cf_cli_parse_options (ctx, "shop grant", N_("CODE DBUSER"),
                             _("Make a database user one of the shop's desks"), entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 3)
    return cf_cli_usage_error ("shop grant", _("give the shop's code and the database user"));
  target = chain_target (ctx);
  if (!cf_chain_grant_desk (target, argv[1], argv[2], &error))
    {
      g_printerr ("counterfoil shop grant: %s\n", error->message);
      return 1;
    }
  g_print (_("The database user %s is now a desk of shop %s.\n"), argv[2], argv[1]);
  return 0;
}

static void
print_overview_json (GPtrArray *overviews)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < overviews->len; i++)
    {
      CfShopOverview *o = overviews->pdata[i];

      json_builder_begin_object (b);
      cf_cli_json_set_string (b, "shop", o->shop->code);
      cf_cli_json_set_string (b, "name", o->shop->name);
      if (o->error != NULL)
        cf_cli_json_set_string (b, "error", o->error);
      json_builder_set_member_name (b, "open_losses");
      json_builder_begin_array (b);
      for (guint k = 0; k < o->open_losses->len; k++)
        json_builder_add_int_value (b, ((CfIncidentInfo *) o->open_losses->pdata[k])->id);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "overdue_requests");
      json_builder_begin_array (b);
      for (guint k = 0; k < o->overdue_requests->len; k++)
        json_builder_add_int_value (b, ((CfRequestInfo *) o->overdue_requests->pdata[k])->id);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "unsigned_shifts");
      json_builder_begin_array (b);
      for (guint k = 0; k < o->unsigned_shifts->len; k++)
        json_builder_add_int_value (b, ((CfShiftInfo *) o->unsigned_shifts->pdata[k])->id);
      json_builder_end_array (b);
      cf_cli_json_set_int (b, "reconciliation_gaps", o->gaps);
      cf_cli_json_set_int (b, "open_questions", o->open_questions);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  cf_cli_json_print (b);
}

static void
print_count (GString *line,
             guint    count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  cf_cli_print_cell (line, text, 10, TRUE);
}

static void
print_overview_table (GPtrArray *overviews)
{
  g_autoptr(GString) head = g_string_new (NULL);

  cf_cli_print_cell (head, _("Shop"), 24, FALSE);
  cf_cli_print_cell (head, _("Losses"), 10, TRUE);
  cf_cli_print_cell (head, _("Overdue"), 10, TRUE);
  cf_cli_print_cell (head, _("Unsigned"), 10, TRUE);
  cf_cli_print_cell (head, _("Gaps"), 10, TRUE);
  cf_cli_print_row (head);
  for (guint i = 0; i < overviews->len; i++)
    {
      CfShopOverview *o = overviews->pdata[i];
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *shop = g_strdup_printf ("%s %s", o->shop->code, o->shop->name);

      cf_cli_print_cell (line, shop, 24, FALSE);
      if (o->error != NULL)
        {
          cf_cli_print_cell (line, "  ", 0, FALSE);
          cf_cli_print_cell (line, o->error, 0, FALSE);
        }
      else
        {
          print_count (line, o->open_losses->len);
          print_count (line, o->overdue_requests->len);
          print_count (line, o->unsigned_shifts->len);
          print_count (line, o->gaps + o->open_questions);
        }
      cf_cli_print_row (line);
    }
  g_print ("\n%s\n", _("Losses: open loss incidents. Overdue: replacement requests past their due date. "
                       "Unsigned: ended shifts whose handover report is not signed."));
  g_print (g_dngettext (GETTEXT_PACKAGE, "Gaps: reconciliation differences and open questions of the last %d day.\n",
                        "Gaps: reconciliation differences and open questions of the last %d days.\n",
                        CF_CHAIN_GAP_DAYS),
           CF_CHAIN_GAP_DAYS);
}

static int
shop_overview (CfCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autofree char *target = NULL;
  g_autofree char *only = NULL;
  g_autoptr(GPtrArray) overviews = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "shop", 0, 0, G_OPTION_ARG_STRING, &only, N_("One shop only"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };

  if (!cf_cli_parse_options (ctx, "shop overview", NULL,
                             _("What every shop has open: losses, overdue requests, unsigned handovers, "
                               "reconciliation gaps (the head office's view)"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("shop overview", _("overview takes no arguments"));
  target = chain_target (ctx);
  if ((overviews = cf_chain_overview (target, now, NULL, &error)) == NULL)
    {
      g_printerr ("counterfoil shop overview: %s\n", error->message);
      return 1;
    }
  for (guint i = overviews->len; only != NULL && i > 0; i--)
    if (!g_str_equal (((CfShopOverview *) overviews->pdata[i - 1])->shop->code, only))
      g_ptr_array_remove_index (overviews, i - 1);
  if (only != NULL && overviews->len == 0)
    {
      g_printerr ("counterfoil shop overview: %s\n", _("the chain has no such shop, or it is a head office"));
      return 1;
    }
  if (json)
    print_overview_json (overviews);
  else
    print_overview_table (overviews);
  return 0;
}

static int
shop_find (CfCliContext  *ctx,
           int            argc,
           char         **argv)
{
  g_autofree char *target = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) understood = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int limit = 20;
  guint total = 0;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many in each shop (20)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };

  if (!cf_cli_parse_options (ctx, "shop find", N_("TEXT"),
                             _("Look for a transaction in every shop, as the window's search reads TEXT "
                               "(the head office's view)"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error ("shop find", _("say what to look for: “24号 晚上8点 1234”, a reference no., …"));
  if (!cf_transaction_query_add_search (query, argv[1], now, understood))
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (understood, NULL);
      joined = g_strjoinv ("; ", (char **) understood->pdata);
      return cf_cli_usage_error ("shop find", joined);
    }
  query->limit = (guint) CLAMP (limit, 1, 1000);
  target = chain_target (ctx);
  if ((found = cf_chain_find (target, query, NULL, &error)) == NULL)
    {
      g_printerr ("counterfoil shop find: %s\n", error->message);
      return 1;
    }
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < found->len; i++)
        {
          CfShopFound *f = found->pdata[i];

          for (guint k = 0; k < f->transactions->len; k++)
            {
              JsonNode *node = cf_cli_json_transaction (NULL, f->transactions->pdata[k]);

              json_object_set_string_member (json_node_get_object (node), "shop", f->shop->code);
              json_builder_add_value (b, node);
            }
        }
      json_builder_end_array (b);
      cf_cli_json_print (b);
      return 0;
    }
  /* Each shop's finds as `find` lists them, under the shop's name. */
  for (guint i = 0; i < found->len; i++)
    {
      CfShopFound *f = found->pdata[i];

      if (f->error != NULL)
        g_print ("%s %s: %s\n", f->shop->code, f->shop->name, f->error);
      else if (f->transactions->len > 0)
        {
          g_print ("%s %s\n", f->shop->code, f->shop->name);
          cf_cli_print_transactions (f->transactions);
          g_print ("\n");
          total += f->transactions->len;
        }
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u transaction in the chain's shops\n",
                        "%u transactions in the chain's shops\n", total), total);
  return 0;
}

static const CfCliSubcommand shop_commands[] = {
  { "list", shop_list },
  { "add", shop_add },
  { "grant", shop_grant },
  { "overview", shop_overview },
  { "find", shop_find },
};

int
cf_cli_run_shop (CfCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  return cf_cli_dispatch (ctx, "shop", shop_commands, G_N_ELEMENTS (shop_commands), argc, argv);
}
