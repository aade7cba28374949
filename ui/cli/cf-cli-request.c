/* cf-cli-request.c — replacement requests from the command line
 *
 *   counterfoil request list | show ID [--json]
 *   counterfoil --operator NO request move ID --to STATE [--note TEXT]
 *   counterfoil request letter ID --out FILE.pdf
 *   counterfoil --operator NO request doc ID KIND --state STATE [--file PATH]
 *   counterfoil --operator NO request fee ID --amount X [--paid-on DATE]
 *   counterfoil --operator NO request ref ID REFERENCE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli-json.h"
#include "cf-cli-private.h"
#include "cf-loss-service.h"
#include "cf-money.h"
#include "cf-pdf-report.h"
#include "cf-request-status.h"

/* Every move of a request: when, from what to what, who, and why. */
static void
print_request_history (CfStore *store,
                       gint64   request_id)
{
  g_autoptr(GPtrArray) moves = cf_loss_list_history (store, request_id, NULL);

  for (guint m = 0; moves != NULL && m < moves->len; m++)
    {
      char **move = g_ptr_array_index (moves, m);
      g_autofree char *approved = *move[5] != '\0' ? g_strdup_printf (_(", approved by %s"), move[5]) : g_strdup ("");

      g_print ("    %.16s  %s%s%s  %s%s%s%s\n", move[0], *move[1] != '\0' ? cf_request_status_label_for_nick (move[1]) : "",
               *move[1] != '\0' ? " → " : "", cf_request_status_label_for_nick (move[2]), move[3], approved,
               *move[4] != '\0' ? "  " : "", move[4]);
    }
}


static void
print_request_details (CfStore       *store,
                       CfRequestInfo *r)
{
  g_autoptr(GPtrArray) documents = cf_loss_list_documents (store, r->id, NULL);

  if (r->counterpart_ref != NULL)
    g_print (_("    their reference no. %s\n"), r->counterpart_ref);
  if (r->has_fee)
    {
      g_autofree char *fee = cf_money_format (r->fee_minor, "CNY");
      g_print (_("    fee %s, %s\n"), fee, r->fee_paid_on != NULL ? r->fee_paid_on : _("not paid yet"));
    }
  for (guint d = 0; documents != NULL && d < documents->len; d++)
    {
      char **doc = g_ptr_array_index (documents, d);
      g_print ("    [%s] %s%s%s\n", doc[1], cf_loss_document_name (doc[0]), *doc[2] != '\0' ? "  " : "", doc[2]);
    }
  print_request_history (store, r->id);
}

static void
request_to_json (JsonBuilder   *b,
                 CfStore       *store,
                 CfRequestInfo *r,
                 gboolean       whole)
{
  json_builder_begin_object (b);
  cf_cli_json_set_int (b, "id", r->id);
  cf_cli_json_set_int (b, "incident_id", r->incident_id);
  cf_cli_json_set_string (b, "counterpart", r->counterpart);
  cf_cli_json_set_string (b, "counterpart_ref", r->counterpart_ref);
  cf_cli_json_set_string (b, "status", cf_request_status_to_nick (r->status));
  cf_cli_json_set_string (b, "created_at", r->created_at);
  cf_cli_json_set_string (b, "submitted_at", r->submitted_at);
  cf_cli_json_set_string (b, "due_date", r->due_date);
  if (r->has_fee)
    cf_cli_json_set_money (b, "fee", r->fee_minor);
  else
    cf_cli_json_set_string (b, "fee", NULL);
  cf_cli_json_set_string (b, "fee_paid_on", r->fee_paid_on);
  cf_cli_json_set_int (b, "slips", r->n_slips);
  cf_cli_json_set_bool (b, "overdue", r->overdue);
  cf_cli_json_set_bool (b, "due_soon", r->due_soon);
  if (whole)
    {
      g_autoptr(GPtrArray) documents = cf_loss_list_documents (store, r->id, NULL);
      g_autoptr(GPtrArray) moves = cf_loss_list_history (store, r->id, NULL);

      json_builder_set_member_name (b, "documents");
      json_builder_begin_array (b);
      for (guint d = 0; documents != NULL && d < documents->len; d++)
        {
          char **doc = g_ptr_array_index (documents, d);

          json_builder_begin_object (b);
          cf_cli_json_set_string (b, "kind", doc[0]);
          cf_cli_json_set_string (b, "state", doc[1]);
          cf_cli_json_set_string (b, "file", *doc[2] != '\0' ? doc[2] : NULL);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "history");
      json_builder_begin_array (b);
      for (guint m = 0; moves != NULL && m < moves->len; m++)
        {
          char **move = g_ptr_array_index (moves, m);

          json_builder_begin_object (b);
          cf_cli_json_set_string (b, "at", move[0]);
          cf_cli_json_set_string (b, "from", *move[1] != '\0' ? move[1] : NULL);
          cf_cli_json_set_string (b, "to", move[2]);
          cf_cli_json_set_string (b, "operator_no", *move[3] != '\0' ? move[3] : NULL);
          cf_cli_json_set_string (b, "note", *move[4] != '\0' ? move[4] : NULL);
          cf_cli_json_set_string (b, "approved_by", *move[5] != '\0' ? move[5] : NULL);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

/* Every request, or the one @only names with its documents and history. */
static int
print_requests (CfStore  *store,
                gint64    only,
                gboolean  json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) requests = cf_loss_list_requests (store, now, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gboolean shown = FALSE;

  if (requests == NULL)
    {
      g_printerr ("counterfoil request: %s\n", error->message);
      return 1;
    }
  if (only == 0)
    json_builder_begin_array (b);
  for (guint i = 0; i < requests->len; i++)
    {
      CfRequestInfo *r = g_ptr_array_index (requests, i);

      if (only > 0 && r->id != only)
        continue;
      shown = TRUE;
      if (json)
        {
          request_to_json (b, store, r, only > 0);
          continue;
        }
      g_print (_("#%lld  incident #%lld  %s  %s  %u slips  due %s%s\n"), (long long) r->id, (long long) r->incident_id,
               r->counterpart, cf_request_status_get_label (r->status), r->n_slips,
               r->due_date != NULL ? r->due_date : "-",
               r->overdue ? _("  OVERDUE") : r->due_soon ? _("  due soon") : "");
      if (only > 0)
        print_request_details (store, r);
    }
  if (only == 0)
    json_builder_end_array (b);
  if (only > 0 && !shown)
    {
      g_printerr ("counterfoil request show: %s\n", _("There is no such request."));
      return 1;
    }
  if (json)
    cf_cli_json_print (b);
  else if (!shown)
    g_print ("%s\n", _("No replacement requests."));
  return 0;
}

static int
request_list (CfCliContext  *ctx,
              int            argc,
              char         **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;

  if (!cf_cli_parse_options (ctx, "request list", NULL,
                             _("List the replacement requests with their state and due date"), entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("request list", _("list takes no arguments"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  return print_requests (store, 0, json);
}

static int
request_show (CfCliContext  *ctx,
              int            argc,
              char         **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "request show", _("ID"),
                             _("Show a replacement request: its reference, fee, documents and every move"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error ("request show", _("give the request's ID"));
  if ((store = cf_cli_open_for_id (ctx, "request show", argv[1], &id)) == NULL)
    return ctx->exit_status;
  return print_requests (store, id, json);
}

static int
request_move (CfCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autofree char *to = NULL;
  g_autofree char *note = NULL;
  g_autofree char *operator_no = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The new state: submitted, under_review, approved, rejected, fulfilled, closed or cancelled"), N_("STATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What happened"), N_("TEXT") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who moves it (operator no.)"), N_("NO") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  CfRequestStatus status;
  int exit_status = 0;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "request move", _("ID"),
                             _("Move a replacement request to its next state; approving or rejecting needs a manager"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2 || to == NULL || !cf_request_status_from_nick (to, &status))
    return cf_cli_usage_error ("request move", _("give the request's ID and --to with one of: submitted, under_review, "
                                                 "approved, rejected, fulfilled, closed, cancelled"));
  if ((store = cf_cli_open_for_id (ctx, "request move", argv[1], &id)) == NULL)
    return ctx->exit_status;
  if (cf_cli_sign_in (ctx, store, "request move", operator_no, &exit_status) == NULL)
    return exit_status;
  if (!cf_loss_move_request (store, id, status, note, ctx->operator_no, now, &error))
    {
      g_printerr ("counterfoil request move: %s\n", error->message);
      return 1;
    }
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cf_cli_json_set_int (b, "request_id", id);
      cf_cli_json_set_string (b, "status", cf_request_status_to_nick (status));
      json_builder_end_object (b);
      cf_cli_json_print (b);
    }
  else
    g_print (_("Request #%lld is now %s\n"), (long long) id, cf_request_status_get_label (status));
  return 0;
}

static int
request_letter (CfCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("FILE.pdf") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(CfReportDoc) letter = NULL;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "request letter", _("ID"),
                             _("Write the application letter of a replacement request as PDF"), entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2 || out == NULL)
    return cf_cli_usage_error ("request letter", _("give the request's ID and --out FILE.pdf"));
  if (!cf_cli_parse_id ("request letter", argv[1], &id))
    return EXIT_USAGE;
  if (!cf_cli_check_out_path ("request letter", out))
    return 1;
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  letter = cf_loss_build_letter (store, id, now, &error);
  if (letter == NULL || !cf_pdf_write_report (letter, out, &error))
    {
      g_printerr ("counterfoil request letter: %s\n", error->message);
      return 1;
    }
  g_print (_("Application letter written to %s\n"), out);
  return 0;
}

/* The documents a request lists, for `request doc --help`. */
static char *
describe_document_kinds (void)
{
  g_autoptr(GPtrArray) kinds = cf_loss_document_kinds ();
  GString *text = g_string_new (_("Mark a document of a request missing, ready or submitted. KIND is one of:"));

  /* Both names: either may be typed. */
  for (guint i = 0; i < kinds->len; i++)
    g_string_append_printf (text, "\n  %-20s %s", (const char *) g_ptr_array_index (kinds, i),
                            cf_loss_document_label (g_ptr_array_index (kinds, i)));
  g_string_append_printf (text, "\n%s", _("(or its name in either language); any other name adds a document of its own."));
  return g_string_free (text, FALSE);
}

static int
request_doc (CfCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autofree char *state = NULL;
  g_autofree char *file = NULL;
  g_autofree char *operator_no = NULL;
  GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("missing, ready or submitted"), N_("STATE") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("Where a copy of the document is"), N_("PATH") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who records it (operator no.)"), N_("NO") },
    { NULL }
  };
  g_autofree char *summary = describe_document_kinds ();
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int exit_status = 0;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "request doc", _("ID KIND"), summary, entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 3 || state == NULL)
    return cf_cli_usage_error ("request doc", _("give the request's ID, the document and --state"));
  if (!g_str_equal (state, "missing") && !g_str_equal (state, "ready") && !g_str_equal (state, "submitted"))
    return cf_cli_usage_error ("request doc", _("--state is missing, ready or submitted"));
  if ((store = cf_cli_open_for_id (ctx, "request doc", argv[1], &id)) == NULL)
    return ctx->exit_status;
  if (cf_cli_sign_in (ctx, store, "request doc", operator_no, &exit_status) == NULL)
    return exit_status;
  if (!cf_loss_set_document (store, id, argv[2], state, file, ctx->operator_no, &error))
    {
      g_printerr ("counterfoil request doc: %s\n", error->message);
      return 1;
    }
  return 0;
}

static int
request_fee (CfCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autofree char *amount = NULL;
  g_autofree char *paid_on = NULL;
  g_autofree char *operator_no = NULL;
  GOptionEntry entries[] = {
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount, N_("The fee, such as 50 or 50.00"), N_("X") },
    { "paid-on", 0, 0, G_OPTION_ARG_STRING, &paid_on, N_("The day the fee was paid"), N_("DATE") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who records it (operator no.)"), N_("NO") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fee = 0;
  int exit_status = 0;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "request fee", _("ID"), _("Record a request's fee and when it was paid"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2 || amount == NULL)
    return cf_cli_usage_error ("request fee", _("give the request's ID and --amount"));
  if (!cf_money_parse (amount, &fee, NULL, &error))
    return cf_cli_usage_error ("request fee", error->message);
  if ((store = cf_cli_open_for_id (ctx, "request fee", argv[1], &id)) == NULL)
    return ctx->exit_status;
  if (cf_cli_sign_in (ctx, store, "request fee", operator_no, &exit_status) == NULL)
    return exit_status;
  if (!cf_loss_set_fee (store, id, fee, paid_on, ctx->operator_no, &error))
    {
      g_printerr ("counterfoil request fee: %s\n", error->message);
      return 1;
    }
  return 0;
}

static int
request_ref (CfCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autofree char *operator_no = NULL;
  GOptionEntry entries[] = {
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who records it (operator no.)"), N_("NO") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int exit_status = 0;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "request ref", _("ID REFERENCE"),
                             _("Record the reference no. the bank or provider gave the request"), entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 3)
    return cf_cli_usage_error ("request ref", _("give the request's ID and the bank's or provider's reference no."));
  if ((store = cf_cli_open_for_id (ctx, "request ref", argv[1], &id)) == NULL)
    return ctx->exit_status;
  if (cf_cli_sign_in (ctx, store, "request ref", operator_no, &exit_status) == NULL)
    return exit_status;
  if (!cf_loss_set_reference (store, id, argv[2], ctx->operator_no, &error))
    {
      g_printerr ("counterfoil request ref: %s\n", error->message);
      return 1;
    }
  return 0;
}

static const CfCliSubcommand request_commands[] = {
  { "list", request_list },
  { "show", request_show },
  { "move", request_move },
  { "letter", request_letter },
  { "doc", request_doc },
  { "fee", request_fee },
  { "ref", request_ref },
};

int
cf_cli_run_request (CfCliContext  *ctx,
                    int            argc,
                    char         **argv)
{
  return cf_cli_dispatch (ctx, "request", request_commands, G_N_ELEMENTS (request_commands), argc, argv);
}
