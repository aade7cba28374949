/* cf-cli-loss.c — reporting lost slips from the command line
 *
 *   counterfoil --operator NO loss add (ID… | --from D --to D [--terminal T]) --cause C …
 *   counterfoil loss list
 *   counterfoil loss show ID
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli-private.h"
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
} LossRequest;

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

/* Every incident, or the one @only names. */
static int
print_incidents (CfStore *store,
                 gint64   only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) incidents = cf_loss_list_incidents (store, &error);
  const char *command = only > 0 ? "loss show" : "loss list";

  if (incidents == NULL)
    {
      g_printerr ("counterfoil %s: %s\n", command, error->message);
      return 1;
    }
  if (incidents->len == 0 && only == 0)
    g_print ("%s\n", _("No loss incidents."));
  for (guint i = 0; i < incidents->len; i++)
    {
      CfIncidentInfo *inc = g_ptr_array_index (incidents, i);
      g_autofree char *amount = cf_money_format (inc->amount_minor, NULL);

      if (only > 0 && inc->id != only)
        continue;
      g_print (_("#%lld  %s  %s  %u slips (%u settled)  %s  cause %s  responsible %s\n"), (long long) inc->id,
               inc->created_at, inc->resolved ? _("resolved") : _("open"), inc->n_slips, inc->n_resolved, amount,
               inc->cause, inc->responsible != NULL ? inc->responsible : "-");
      if (only > 0 && inc->description != NULL)
        g_print ("    %s\n", inc->description);
      if (only > 0)
        return 0;
    }
  if (only > 0)
    {
      g_printerr ("counterfoil loss show: %s #%lld\n", _("there is no incident"), (long long) only);
      return 1;
    }
  return 0;
}

static int
loss_list (CfCliContext  *ctx,
           int            argc,
           char         **argv)
{
  g_autoptr(CfStore) store = NULL;

  if (!cf_cli_parse_options (ctx, "loss list", NULL, _("List the loss incidents, newest first"), NULL, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("loss list", _("list takes no arguments"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  return print_incidents (store, 0);
}

static int
loss_show (CfCliContext  *ctx,
           int            argc,
           char         **argv)
{
  g_autoptr(CfStore) store = NULL;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "loss show", _("ID"), _("Show one loss incident"), NULL, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error ("loss show", _("give the incident's ID"));
  if ((store = cf_cli_open_for_id (ctx, "loss show", argv[1], &id)) == NULL)
    return ctx->exit_status;
  return print_incidents (store, id);
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
