/* cf-cli-loss.c — reporting lost slips from the command line
 *
 *   counterfoil --operator NO loss add (ID… | --from D --to D [--terminal T]) --cause C …
 *   counterfoil loss list [--json]
 *   counterfoil loss show ID [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli-json.h"
#include "cf-cli-private.h"
#include "cf-loss-incident.h"
#include "cf-loss-service.h"
#include "cf-money.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

/* What `loss add` was told, once its options are read. */
typedef struct
{
  char *cause;
  char *responsible;
  char *discovered_by;
  char *description;
  char *remedy;
  char *counterpart;
  char *reason;
  char *operator_no;
  char *from;
  char *to;
  char *terminal;
  gboolean json;
} LossRequest;

static void detail_to_json (JsonBuilder      *b,
                            CfStore          *store,
                            CfIncidentDetail *detail);

static void
loss_request_clear (LossRequest *r)
{
  g_free (r->cause);
  g_free (r->responsible);
  g_free (r->discovered_by);
  g_free (r->description);
  g_free (r->remedy);
  g_free (r->counterpart);
  g_free (r->reason);
  g_free (r->operator_no);
  g_free (r->from);
  g_free (r->to);
  g_free (r->terminal);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LossRequest, loss_request_clear)

/* The transactions of a period, appended to @ids; FALSE after saying why. */
static gboolean
add_period (CfStore      *store,
            LossRequest  *r,
            GArray       *ids,
            char        **period_from,
            char        **period_to)
{
  g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  query->terminal_no = g_strdup (r->terminal);
  if ((r->from != NULL && !cf_transaction_query_set_from (query, r->from, &error)) ||
      (r->to != NULL && !cf_transaction_query_set_to (query, r->to, &error)) ||
      (found = cf_store_find_transactions (store, query, &error)) == NULL)
    {
      g_printerr ("counterfoil loss add: %s\n", error->message);
      return FALSE;
    }
  for (guint i = 0; i < found->len; i++)
    {
      gint64 id = cf_transaction_get_id (g_ptr_array_index (found, i));
      g_array_append_val (ids, id);
    }
  *period_from = g_strdup (query->from);
  *period_to = g_strdup (query->to);
  return TRUE;
}

static gboolean
parse_remedy (const char   *remedy,
              CfLossRemedy *how)
{
  *how = CF_LOSS_REMEDY_DUPLICATE;
  if (remedy == NULL || g_str_equal (remedy, "duplicate"))
    return TRUE;
  if (g_str_equal (remedy, "request"))
    *how = CF_LOSS_REMEDY_REQUEST;
  else if (g_str_equal (remedy, "none"))
    *how = CF_LOSS_REMEDY_NONE;
  else
    return FALSE;
  return TRUE;
}

/* Records the incident and says what it amounts to. */
static int
record_incident (CfCliContext *ctx,
                 CfStore      *store,
                 LossRequest  *r,
                 GArray       *ids,
                 CfLossRemedy  how,
                 const char   *period_from,
                 const char   *period_to)
{
  g_autoptr(GArray) slips = g_array_new (FALSE, TRUE, sizeof (CfLossSlip));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *net = NULL;
  CfLossIncidentInfo info = { 0 };
  CfLossImpact impact;
  gint64 incident;
  int status = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      CfLossSlip slip = { g_array_index (ids, gint64, i), FALSE, NULL, NULL, how, r->reason,
                          r->counterpart != NULL ? r->counterpart : "acquirer" };
      g_array_append_val (slips, slip);
    }
  info.period_from = period_from;
  info.period_to = period_to;
  info.description = r->description;
  info.cause = r->cause;
  info.discovered_by = r->discovered_by;
  info.responsible = r->responsible;

  if (cf_cli_sign_in (ctx, store, "loss add", r->operator_no, &status) == NULL)
    return status;
  if (!cf_loss_compute_impact (store, (gint64 *) ids->data, ids->len, now, &impact, &error) ||
      (incident = cf_loss_create_incident (store, &info, (CfLossSlip *) slips->data, slips->len, ctx->operator_no,
                                           &error)) == 0)
    {
      g_printerr ("counterfoil loss add: %s\n", error->message);
      return 1;
    }
  if (r->json)
    {
      g_autoptr(CfIncidentDetail) detail = cf_loss_get_incident (store, incident, now, &error);
      g_autoptr(JsonBuilder) b = json_builder_new ();

      if (detail == NULL)
        {
          g_printerr ("counterfoil loss add: %s\n", error->message);
          return 1;
        }
      detail_to_json (b, store, detail);
      cf_cli_json_print (b);
      return 0;
    }
  net = cf_money_format (impact.net_minor, NULL);
  g_print (_("Loss incident #%lld: %u slips, net %s; %u inside the 13-month retention window; "
             "%u refunds, voids or refunded sales; %u cards to contact\n"),
           (long long) incident, impact.count, net, impact.in_retention, impact.refund_related, impact.cards);
  return 0;
}

static int
loss_add (CfCliContext  *ctx,
          int            argc,
          char         **argv)
{
  g_auto(LossRequest) r = { NULL };
  GOptionEntry entries[] = {
    { "cause", 0, 0, G_OPTION_ARG_STRING, &r.cause, N_("human, technical, environmental or management"), N_("CAUSE") },
    { "responsible", 0, 0, G_OPTION_ARG_STRING, &r.responsible, N_("Who is responsible"), N_("WHO") },
    { "discovered-by", 0, 0, G_OPTION_ARG_STRING, &r.discovered_by, N_("Who found the loss"), N_("WHO") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &r.description, N_("What is missing"), N_("TEXT") },
    { "remedy", 0, 0, G_OPTION_ARG_STRING, &r.remedy, N_("For every slip: duplicate (default), request or none"), N_("REMEDY") },
    { "counterpart", 0, 0, G_OPTION_ARG_STRING, &r.counterpart, N_("Whom a replacement is requested from: acquirer (default), provider or tax_office"), N_("WHO") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &r.reason, N_("Why nothing is done (with --remedy none)"), N_("TEXT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &r.from, N_("Every transaction from this date or date and time"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &r.to, N_("Up to this date (inclusive) or date and time"), N_("DATE") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING, &r.terminal, N_("Terminal no."), N_("T") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &r.operator_no, N_("Who reports it (operator no.)"), N_("NO") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &r.json, N_("Print the incident as a JSON object, as loss show does"), NULL },
    { NULL }
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CfStore) store = NULL;
  g_autofree char *period_from = NULL;
  g_autofree char *period_to = NULL;
  CfLossRemedy how;

  if (!cf_cli_parse_options (ctx, "loss add", _("[ID…]"), _("Report lost slips: the transactions by ID, or a period"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (!parse_remedy (r.remedy, &how))
    return cf_cli_usage_error ("loss add", _("--remedy is duplicate, request or none"));
  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      if (!cf_cli_parse_id ("loss add", argv[i], &id))
        return EXIT_USAGE;
      g_array_append_val (ids, id);
    }
  if (ids->len == 0 && r.from == NULL && r.to == NULL)
    return cf_cli_usage_error ("loss add", _("name the lost slips' transactions by ID, or a period with --from and --to"));

  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((r.from != NULL || r.to != NULL) && !add_period (store, &r, ids, &period_from, &period_to))
    return EXIT_USAGE;
  if (ids->len == 0)
    {
      g_printerr ("counterfoil loss add: %s\n", _("no transaction in that period; nothing was reported"));
      return 1;
    }
  return record_incident (ctx, store, &r, ids, how, period_from, period_to);
}

static void
incident_to_json (JsonBuilder    *b,
                  CfIncidentInfo *inc)
{
  cf_cli_json_set_int (b, "id", inc->id);
  cf_cli_json_set_string (b, "created_at", inc->created_at);
  cf_cli_json_set_string (b, "status", inc->resolved ? "resolved" : "open");
  cf_cli_json_set_int (b, "slips", inc->n_slips);
  cf_cli_json_set_int (b, "settled", inc->n_resolved);
  cf_cli_json_set_money (b, "amount", inc->amount_minor);
  cf_cli_json_set_string (b, "cause", inc->cause);
  cf_cli_json_set_string (b, "responsible", inc->responsible);
  cf_cli_json_set_string (b, "description", inc->description);
  cf_cli_json_set_string (b, "period_from", inc->period_from);
  cf_cli_json_set_string (b, "period_to", inc->period_to);
}

static void
print_incident_line (CfIncidentInfo *inc)
{
  g_autofree char *amount = cf_money_format (inc->amount_minor, NULL);

  g_print (_("#%lld  %s  %s  %u slips (%u settled)  %s  cause %s  responsible %s\n"), (long long) inc->id,
           inc->created_at, inc->resolved ? _("resolved") : _("open"), inc->n_slips, inc->n_resolved, amount,
           cf_loss_cause_get_label (inc->cause), inc->responsible != NULL ? inc->responsible : "-");
}

static int
loss_list (CfCliContext  *ctx,
           int            argc,
           char         **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (!cf_cli_parse_options (ctx, "loss list", NULL, _("List the loss incidents, newest first"), entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("loss list", _("list takes no arguments"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((incidents = cf_loss_list_incidents (store, &error)) == NULL)
    {
      g_printerr ("counterfoil loss list: %s\n", error->message);
      return 1;
    }

  json_builder_begin_array (b);
  for (guint i = 0; i < incidents->len; i++)
    {
      if (!json)
        {
          print_incident_line (g_ptr_array_index (incidents, i));
          continue;
        }
      json_builder_begin_object (b);
      incident_to_json (b, g_ptr_array_index (incidents, i));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (json)
    cf_cli_json_print (b);
  else if (incidents->len == 0)
    g_print ("%s\n", _("No loss incidents."));
  return 0;
}

static const char *const slip_state_nicks[] = {
  [CF_SLIP_DUPLICATE_PENDING] = "duplicate_pending", [CF_SLIP_DUPLICATE_ISSUED] = "duplicate_issued",
  [CF_SLIP_REQUEST_OPEN] = "request_open", [CF_SLIP_REQUEST_FULFILLED] = "request_fulfilled",
  [CF_SLIP_NOTHING_TO_DO] = "nothing_to_do",
};
static const char *const remedy_nicks[] = {
  [CF_LOSS_REMEDY_DUPLICATE] = "duplicate", [CF_LOSS_REMEDY_REQUEST] = "request", [CF_LOSS_REMEDY_NONE] = "none",
};

static void
detail_to_json (JsonBuilder      *b,
                CfStore          *store,
                CfIncidentDetail *detail)
{
  json_builder_begin_object (b);
  incident_to_json (b, detail->info);
  cf_cli_json_set_string (b, "created_by", detail->created_by);
  cf_cli_json_set_string (b, "discovered_by", detail->discovered_by);
  cf_cli_json_set_string (b, "discovered_at", detail->discovered_at);
  cf_cli_json_set_string (b, "notes", detail->notes);
  json_builder_set_member_name (b, "impact");
  json_builder_begin_object (b);
  cf_cli_json_set_money (b, "net", detail->impact.net_minor);
  cf_cli_json_set_money (b, "gross", detail->impact.gross_minor);
  cf_cli_json_set_int (b, "cards", detail->impact.cards);
  cf_cli_json_set_int (b, "settled", detail->impact.settled);
  cf_cli_json_set_int (b, "in_retention", detail->impact.in_retention);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "lost_slips");
  json_builder_begin_array (b);
  for (guint i = 0; i < detail->slips->len; i++)
    {
      CfIncidentSlip *slip = g_ptr_array_index (detail->slips, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "transaction");
      json_builder_add_value (b, cf_cli_json_transaction (store, slip->transaction));
      cf_cli_json_set_bool (b, "contacted", slip->contacted);
      cf_cli_json_set_string (b, "customer_note", slip->customer_note);
      cf_cli_json_set_string (b, "proof", slip->proof);
      cf_cli_json_set_string (b, "remedy", remedy_nicks[slip->remedy]);
      cf_cli_json_set_string (b, "remedy_reason", slip->remedy_reason);
      cf_cli_json_set_string (b, "state", slip_state_nicks[slip->state]);
      cf_cli_json_set_string (b, "duplicate_issued_at", slip->duplicate_issued_at);
      json_builder_set_member_name (b, "request_id");
      if (slip->request_id > 0)
        json_builder_add_int_value (b, slip->request_id);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "requests");
  json_builder_begin_array (b);
  for (guint i = 0; i < detail->requests->len; i++)
    json_builder_add_int_value (b, ((CfRequestInfo *) g_ptr_array_index (detail->requests, i))->id);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_detail (CfIncidentDetail *detail)
{
  g_autofree char *net = cf_money_format (detail->impact.net_minor, NULL);
  g_autofree char *gross = cf_money_format (detail->impact.gross_minor, NULL);

  print_incident_line (detail->info);
  if (detail->info->description != NULL)
    g_print ("    %s\n", detail->info->description);
  g_print (_("    reported by %s; discovered by %s\n"), detail->created_by != NULL ? detail->created_by : "-",
           detail->discovered_by != NULL ? detail->discovered_by : "-");
  g_print (_("    net %s (sales %s); %u cards to contact\n"), net, gross, detail->impact.cards);
  for (guint i = 0; i < detail->slips->len; i++)
    {
      CfIncidentSlip *slip = g_ptr_array_index (detail->slips, i);
      g_autofree char *amount = cf_transaction_dup_amount_text (slip->transaction);
      g_autofree char *card = cf_transaction_dup_masked_card (slip->transaction, FALSE);

      g_print ("  %.16s  %12s  %-19s  %s", cf_transaction_get_local_time (slip->transaction), amount, card,
               cf_slip_state_describe (slip));
      if (slip->request_id > 0)
        g_print (_(" (request #%lld)"), (long long) slip->request_id);
      if (slip->customer_note != NULL && *slip->customer_note != '\0')
        g_print (_("; told: %s"), slip->customer_note);
      g_print ("\n");
    }
}

static int
loss_show (CfCliContext  *ctx,
           int            argc,
           char         **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(CfIncidentDetail) detail = NULL;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "loss show", _("ID"), _("Show one loss incident: its slips, what became of each, "
                                                        "and its requests"), entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error ("loss show", _("give the incident's ID"));
  if ((store = cf_cli_open_for_id (ctx, "loss show", argv[1], &id)) == NULL)
    return ctx->exit_status;
  if ((detail = cf_loss_get_incident (store, id, today, &error)) == NULL)
    {
      g_printerr ("counterfoil loss show: %s\n", error->message);
      return 1;
    }
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      detail_to_json (b, store, detail);
      cf_cli_json_print (b);
    }
  else
    print_detail (detail);
  return 0;
}

static const CfCliSubcommand loss_commands[] = {
  { "add", loss_add },
  { "list", loss_list },
  { "show", loss_show },
};

int
cf_cli_run_loss (CfCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  return cf_cli_dispatch (ctx, "loss", loss_commands, G_N_ELEMENTS (loss_commands), argc, argv);
}
