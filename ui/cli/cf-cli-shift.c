/* cf-cli-shift.c — shifts and handover reports from the command line
 *
 *   counterfoil shift open --operator NO [--terminal T]… [--at TIME]
 *   counterfoil shift close [ID] --operator NO [--to NO] [--notes TEXT] [--variance TEXT] [--at TIME]
 *   counterfoil shift define --for NO --from TIME --until TIME [--terminal T]… --operator MANAGER
 *   counterfoil shift list
 *   counterfoil report handover (--shift ID | --from TIME --to TIME [--terminal T]…) (--out FILE.pdf | --text)
 *   counterfoil report sign ID --operator MANAGER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cf-cli-json.h"
#include "cf-cli-output.h"
#include "cf-cli-private.h"
#include "cf-handover-report.h"
#include "cf-pdf-report.h"
#include "cf-shift-service.h"

static void
print_shifts (GPtrArray *shifts)
{
  if (shifts->len == 0)
    {
      g_print ("%s\n", _("No shifts yet: open one with “counterfoil --operator NO shift open”."));
      return;
    }
  for (guint i = 0; i < shifts->len; i++)
    {
      CfShiftInfo *shift = g_ptr_array_index (shifts, i);
      g_autofree char *terminals = shift->terminals[0] != NULL ? g_strjoinv (",", shift->terminals) : g_strdup (_("all"));
      g_autofree char *report = shift->report_sequence_no != 0
                                ? g_strdup_printf (_("signed no. %06lld"), (long long) shift->report_sequence_no)
                                : g_strdup (shift->ended_at != NULL ? _("not signed off") : _("still open"));

      g_print ("#%-5lld %s  %.16s – %-16.16s  %s → %s  [%s]  %s\n", (long long) shift->id, shift->operator_no,
               shift->started_at, shift->ended_at != NULL ? shift->ended_at : "…",
               shift->operator_name != NULL ? shift->operator_name : "",
               shift->handed_to != NULL ? shift->handed_to : "-", terminals, report);
    }
}

static void
print_shifts_json (GPtrArray *shifts)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < shifts->len; i++)
    {
      CfShiftInfo *shift = g_ptr_array_index (shifts, i);

      json_builder_begin_object (b);
      cf_cli_json_set_int (b, "id", shift->id);
      cf_cli_json_set_string (b, "operator_no", shift->operator_no);
      cf_cli_json_set_string (b, "operator_name", shift->operator_name);
      cf_cli_json_set_string (b, "started_at", shift->started_at);
      cf_cli_json_set_string (b, "ended_at", shift->ended_at);
      json_builder_set_member_name (b, "terminals");
      json_builder_begin_array (b);
      for (guint t = 0; shift->terminals != NULL && shift->terminals[t] != NULL; t++)
        json_builder_add_string_value (b, shift->terminals[t]);
      json_builder_end_array (b);
      cf_cli_json_set_string (b, "handed_to", shift->handed_to);
      cf_cli_json_set_string (b, "notes", shift->notes);
      cf_cli_json_set_string (b, "variance", shift->variance);
      cf_cli_json_set_string (b, "closed_by", shift->closed_by);
      cf_cli_json_set_bool (b, "defined_later", shift->defined_later);
      json_builder_set_member_name (b, "report_sequence_no");
      if (shift->report_sequence_no != 0)
        json_builder_add_int_value (b, shift->report_sequence_no);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  cf_cli_json_print (b);
}

static int
shift_list (CfCliContext  *ctx,
            int            argc,
            char         **argv)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shifts = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };

  if (!cf_cli_parse_options (ctx, "shift list", NULL, _("List the shifts, newest first, with their handover state"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("shift list", _("list takes no arguments"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((shifts = cf_shift_list (store, &error)) == NULL)
    {
      g_printerr ("counterfoil shift list: %s\n", error->message);
      return 1;
    }
  if (json)
    print_shifts_json (shifts);
  else
    print_shifts (shifts);
  return 0;
}

static int
shift_open (CfCliContext  *ctx,
            int            argc,
            char         **argv)
{
  g_autofree char *operator_no = NULL;
  gboolean json = FALSE;
  g_autofree char *at = NULL;
  g_auto(GStrv) terminals = NULL;
  GOptionEntry entries[] = {
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Whose shift it is"), N_("NO") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING_ARRAY, &terminals, N_("A terminal worked (repeat for more; none for all)"), N_("T") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it opened, if not now"), N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *by;
  int status = 0;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "shift open", NULL, _("Open the signed-in operator's shift"), entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("shift open", _("open takes options only"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((by = cf_cli_sign_in (ctx, store, "shift", operator_no, &status)) == NULL)
    return status;
  if ((id = cf_shift_open (store, by, (const char * const *) terminals, at, &error)) == 0)
    {
      g_printerr ("counterfoil shift open: %s\n", error->message);
      return 1;
    }
  if (json)
    cf_cli_json_print_ints ("shift_id", id, NULL);
  else
    g_print (_("Shift #%lld opened.\n"), (long long) id);
  return 0;
}

static int
shift_close (CfCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autofree char *operator_no = NULL;
  gboolean json = FALSE;
  g_autofree char *at = NULL;
  g_autofree char *handed_to = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *variance = NULL;
  GOptionEntry entries[] = {
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who closes it: its own operator, or a manager"), N_("NO") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &handed_to, N_("Who takes over (operator no.)"), N_("NO") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("What the next person should know"), N_("TEXT") },
    { "variance", 0, 0, G_OPTION_ARG_STRING, &variance, N_("What does not add up, and why"), N_("TEXT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it closed, if not now"), N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *by;
  int status = 0;
  gint64 id = 0;

  if (!cf_cli_parse_options (ctx, "shift close", _("[ID]"),
                             _("Close a shift: one's own open shift, or (a manager) the shift with this ID"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc > 2 || (argc == 2 && !cf_cli_parse_id ("shift close", argv[1], &id)))
    return argc > 2 ? cf_cli_usage_error ("shift close", _("give one shift's ID at most")) : EXIT_USAGE;
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((by = cf_cli_sign_in (ctx, store, "shift", operator_no, &status)) == NULL)
    return status;
  if (id == 0 && (id = cf_shift_find_open (store, by)) == 0)
    return cf_cli_usage_error ("shift close", _("you have no open shift; give the shift's ID"));
  if (!cf_shift_close (store, id, at, handed_to, notes, variance, by, &error))
    {
      g_printerr ("counterfoil shift close: %s\n", error->message);
      return 1;
    }
  if (json)
    cf_cli_json_print_ints ("shift_id", id, NULL);
  else
    g_print (_("Shift #%lld closed.\n"), (long long) id);
  return 0;
}

static int
shift_define (CfCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autofree char *operator_no = NULL;
  gboolean json = FALSE;
  g_autofree char *whose = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *notes = NULL;
  g_auto(GStrv) terminals = NULL;
  GOptionEntry entries[] = {
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("The manager recording it"), N_("NO") },
    { "for", 0, 0, G_OPTION_ARG_STRING, &whose, N_("Whose shift it was (operator no.)"), N_("NO") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("When it began"), N_("TIME") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("When it ended"), N_("TIME") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING_ARRAY, &terminals, N_("A terminal worked (repeat for more; none for all)"), N_("T") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("What the next person should know"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *by;
  int status = 0;
  gint64 id;

  if (!cf_cli_parse_options (ctx, "shift define", NULL,
                             _("Record a shift that was worked without being opened here, such as before Counterfoil"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1 || whose == NULL || from == NULL || until == NULL)
    return cf_cli_usage_error ("shift define", _("give --for NO --from TIME --until TIME"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((by = cf_cli_sign_in (ctx, store, "shift", operator_no, &status)) == NULL)
    return status;
  if ((id = cf_shift_define (store, whose, (const char * const *) terminals, from, until, notes, by, &error)) == 0)
    {
      g_printerr ("counterfoil shift define: %s\n", error->message);
      return 1;
    }
  if (json)
    cf_cli_json_print_ints ("shift_id", id, NULL);
  else
    g_print (_("Shift #%lld recorded.\n"), (long long) id);
  return 0;
}

static const CfCliSubcommand shift_commands[] = {
  { "open", shift_open },
  { "close", shift_close },
  { "define", shift_define },
  { "list", shift_list },
};

int
cf_cli_run_shift (CfCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  return cf_cli_dispatch (ctx, "shift", shift_commands, G_N_ELEMENTS (shift_commands), argc, argv);
}

static int
report_sign (CfCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autofree char *operator_no = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("The manager signing off"), N_("NO") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 shift_id = 0;
  gint64 sequence_no;
  const char *by;
  int status = 0;

  if (!cf_cli_parse_options (ctx, "report sign", _("ID"),
                             _("Sign off a closed shift's handover report: it gets its number and is sealed"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error ("report sign", _("give the shift's ID"));
  if ((store = cf_cli_open_for_id (ctx, "report sign", argv[1], &shift_id)) == NULL)
    return ctx->exit_status;
  if ((by = cf_cli_sign_in (ctx, store, "report sign", operator_no, &status)) == NULL)
    return status;
  if ((sequence_no = cf_handover_sign_off (store, shift_id, by, now, &error)) == 0)
    {
      g_printerr ("counterfoil report sign: %s\n", error->message);
      return 1;
    }
  if (json)
    cf_cli_json_print_ints ("shift_id", shift_id, "report_sequence_no", sequence_no, NULL);
  else
    g_print (_("Shift #%lld signed off as handover report no. %06lld.\n"), (long long) shift_id,
             (long long) sequence_no);
  return 0;
}

/* The report a shift or a period makes; NULL with @error set. */
static CfReportDoc *
build_handover (CfStore            *store,
                gint64              shift_id,
                const char         *from,
                const char         *to,
                const char * const *terminals,
                GDateTime          *now,
                GError            **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  CfHandoverScope scope;

  if (shift_id != 0)
    return cf_handover_build_shift (store, shift_id, now, error);
  if ((start = cf_shift_normalize_time (from, FALSE, error)) == NULL ||
      (end = cf_shift_normalize_time (to, TRUE, error)) == NULL)
    return NULL;
  scope.from = start;
  scope.to = end;
  scope.terminals = terminals;
  return cf_handover_build_period (store, &scope, now, error);
}

static int
report_handover (CfCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  gint64 shift_id = 0;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) terminals = NULL;
  gboolean text = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "shift", 0, 0, G_OPTION_ARG_INT64, &shift_id, N_("The shift to report"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Report a period from this time…"), N_("TIME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("…up to this time"), N_("TIME") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING_ARRAY, &terminals, N_("Only this terminal (repeat for more)"), N_("T") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the report to this PDF"), N_("FILE") },
    { "text", 0, 0, G_OPTION_ARG_NONE, &text, N_("Print the report's text"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object: the report's text, its pages and the file written"),
      NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(CfReportDoc) doc = NULL;

  if (!cf_cli_parse_options (ctx, "report handover", NULL,
                             _("Write a shift's (or a period's) handover report as PDF, or print its text"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1 || shift_id < 0 || (shift_id != 0) == (from != NULL || to != NULL) ||
      (shift_id == 0 && (from == NULL || to == NULL)) || (out == NULL && !text && !json))
    return cf_cli_usage_error ("report handover",
                               _("give either --shift ID or --from TIME --to TIME, and --out FILE.pdf, --text or --json"));
  if (out != NULL && !cf_cli_check_out_path ("report handover", out))
    return 1;
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;

  doc = build_handover (store, shift_id, from, to, (const char * const *) terminals, now, &error);
  return cf_cli_emit_report ("report handover", doc, out, json ? CF_CLI_PRINT_JSON : text ? CF_CLI_PRINT_TEXT : CF_CLI_PRINT_NOTHING,
                             error);
}

static const CfCliSubcommand report_commands[] = {
  { "handover", report_handover },
  { "sign", report_sign },
};

int
cf_cli_run_report (CfCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  return cf_cli_dispatch (ctx, "report", report_commands, G_N_ELEMENTS (report_commands), argc, argv);
}
