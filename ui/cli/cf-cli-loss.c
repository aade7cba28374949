/* cf-cli-loss.c — the command line's lost slips and replacement requests
 *
 *   counterfoil loss add (ID… | --from D --to D) --cause C … | loss list | loss show ID
 *   counterfoil request list | show ID | move ID --to STATE | letter ID --out FILE.pdf | doc | fee | ref
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cf-auth.h"
#include "cf-cli-private.h"
#include "cf-loss-service.h"
#include "cf-money.h"
#include "cf-pdf-report.h"
#include "cf-request-status.h"
#include "cf-store.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

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

int
cf_cli_run_loss (const char  *db_path,
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

int
cf_cli_run_request (const char  *db_path,
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
      g_autoptr(CfReportDoc) letter = NULL;

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

