/* cf-cli-shift.c — shifts and handover reports from the command line
 *
 *   counterfoil shift open --operator NO [--terminal T]… [--at TIME]
 *   counterfoil shift close [ID] --operator NO [--to NO] [--notes TEXT] [--variance TEXT] [--at TIME]
 *   counterfoil shift define --operator NO --from TIME --until TIME [--terminal T]… --by MANAGER
 *   counterfoil shift list
 *   counterfoil report handover (--shift ID | --from TIME --to TIME [--terminal T]…) --out FILE.pdf [--text]
 *   counterfoil report sign ID --by MANAGER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

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

int
cf_cli_run_shift (const char  *db_path,
                  int          argc,
                  char       **argv)
{
  g_autofree char *operator_no = NULL;
  g_autofree char *at = NULL;
  g_autofree char *handed_to = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *variance = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *whose = NULL;
  g_auto(GStrv) terminals = NULL;
  GOptionEntry entries[] = {
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who does it: opens their own shift, closes theirs or (a manager) another's"), N_("NO") },
    { "for", 0, 0, G_OPTION_ARG_STRING, &whose, N_("define: whose shift it was (operator no.)"), N_("NO") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING_ARRAY, &terminals, N_("A terminal worked (repeat for more; none for all)"), N_("T") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it opened or closed, if not now"), N_("TIME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &handed_to, N_("close: who takes over (operator no.)"), N_("NO") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("What the next person should know"), N_("TEXT") },
    { "variance", 0, 0, G_OPTION_ARG_STRING, &variance, N_("What does not add up, and why"), N_("TEXT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("define: when it began"), N_("TIME") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("define: when it ended"), N_("TIME") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *action = argc >= 2 ? argv[1] : "";
  const char *by;
  int status = 0;
  int sub_argc = argc - 1;
  char **sub_argv = argv + 1;

  if (!g_str_equal (action, "open") && !g_str_equal (action, "close") && !g_str_equal (action, "define") &&
      !g_str_equal (action, "list"))
    {
      g_printerr ("counterfoil shift: %s\n", _("use: shift open | shift close | shift define | shift list"));
      return EXIT_USAGE;
    }
  if (!cf_cli_parse_options ("shift", _("open|close [ID]|define|list"), _("Open, close, define and list shifts"),
                             entries, &sub_argc, &sub_argv))
    return EXIT_USAGE;
  store = cf_cli_open_store (db_path, CF_CLI_OPEN_EXISTING);
  if (store == NULL)
    return 1;

  if (g_str_equal (action, "list"))
    {
      g_autoptr(GPtrArray) shifts = cf_shift_list (store, &error);

      if (shifts == NULL)
        {
          g_printerr ("counterfoil shift list: %s\n", error->message);
          return 1;
        }
      print_shifts (shifts);
      return 0;
    }
  if ((by = cf_cli_sign_in (store, "shift", operator_no, &status)) == NULL)
    return status;

  if (g_str_equal (action, "open"))
    {
      gint64 id = cf_shift_open (store, by, (const char * const *) terminals, at, &error);

      if (id == 0)
        {
          g_printerr ("counterfoil shift open: %s\n", error->message);
          return 1;
        }
      g_print (_("Shift #%lld opened.\n"), (long long) id);
      return 0;
    }

  if (g_str_equal (action, "close"))
    {
      gint64 id = sub_argc >= 2 ? g_ascii_strtoll (sub_argv[1], NULL, 10) : 0;

      if (id == 0)
        id = cf_shift_find_open (store, by);
      if (id == 0)
        {
          g_printerr ("counterfoil shift close: %s\n", _("you have no open shift; give the shift's ID"));
          return EXIT_USAGE;
        }
      if (!cf_shift_close (store, id, at, handed_to, notes, variance, by, &error))
        {
          g_printerr ("counterfoil shift close: %s\n", error->message);
          return 1;
        }
      g_print (_("Shift #%lld closed.\n"), (long long) id);
      return 0;
    }

  /* define */
  {
    gint64 id;

    if (whose == NULL || from == NULL || until == NULL)
      {
        g_printerr ("counterfoil shift define: %s\n", _("give --for NO --from TIME --until TIME"));
        return EXIT_USAGE;
      }
    id = cf_shift_define (store, whose, (const char * const *) terminals, from, until, notes, by, &error);
    if (id == 0)
      {
        g_printerr ("counterfoil shift define: %s\n", error->message);
        return 1;
      }
    g_print (_("Shift #%lld recorded.\n"), (long long) id);
    return 0;
  }
}

int
cf_cli_run_report (const char  *db_path,
                   int          argc,
                   char       **argv)
{
  gint64 shift_id = 0;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *out = NULL;
  g_autofree char *operator_no = NULL;
  g_auto(GStrv) terminals = NULL;
  gboolean text = FALSE;
  GOptionEntry entries[] = {
    { "shift", 0, 0, G_OPTION_ARG_INT64, &shift_id, N_("The shift to report"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Report a period from this time…"), N_("TIME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("…up to this time"), N_("TIME") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING_ARRAY, &terminals, N_("Only this terminal (repeat for more)"), N_("T") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the report to this PDF"), N_("FILE") },
    { "text", 0, 0, G_OPTION_ARG_NONE, &text, N_("Print the report's text"), NULL },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("sign: the manager signing off"), N_("NO") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(CfReportDoc) doc = NULL;
  const char *action = argc >= 2 ? argv[1] : "";
  int sub_argc = argc - 1;
  char **sub_argv = argv + 1;

  if (!g_str_equal (action, "handover") && !g_str_equal (action, "sign"))
    {
      g_printerr ("counterfoil report: %s\n",
                  _("use: report handover (--shift ID | --from TIME --to TIME) --out FILE.pdf | report sign ID"));
      return EXIT_USAGE;
    }
  if (!cf_cli_parse_options ("report", _("handover|sign ID"), _("Write and sign off shift handover reports"),
                             entries, &sub_argc, &sub_argv))
    return EXIT_USAGE;

  if (g_str_equal (action, "sign"))
    {
      gint64 sequence_no;
      const char *by;
      int status = 0;

      shift_id = sub_argc >= 2 ? g_ascii_strtoll (sub_argv[1], NULL, 10) : shift_id;
      if (shift_id <= 0)
        {
          g_printerr ("counterfoil report sign: %s\n", _("give the shift's ID"));
          return EXIT_USAGE;
        }
      if ((store = cf_cli_open_store (db_path, CF_CLI_OPEN_EXISTING)) == NULL)
        return 1;
      if ((by = cf_cli_sign_in (store, "report sign", operator_no, &status)) == NULL)
        return status;
      sequence_no = cf_handover_sign_off (store, shift_id, by, now, &error);
      if (sequence_no == 0)
        {
          g_printerr ("counterfoil report sign: %s\n", error->message);
          return 1;
        }
      g_print (_("Shift #%lld signed off as handover report no. %06lld.\n"), (long long) shift_id, (long long) sequence_no);
      return 0;
    }

  if ((shift_id != 0) == (from != NULL || to != NULL) || (shift_id == 0 && (from == NULL || to == NULL)) ||
      (out == NULL && !text))
    {
      g_printerr ("counterfoil report handover: %s\n",
                  _("give either --shift ID or --from TIME --to TIME, and --out FILE.pdf or --text"));
      return EXIT_USAGE;
    }
  if (out != NULL && !cf_cli_check_out_path ("report handover", out))
    return 1;
  if ((store = cf_cli_open_store (db_path, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;

  if (shift_id != 0)
    doc = cf_handover_build_shift (store, shift_id, now, &error);
  else
    {
      g_autofree char *start = cf_shift_normalize_time (from, FALSE, &error);
      g_autofree char *end = start != NULL ? cf_shift_normalize_time (to, TRUE, &error) : NULL;
      CfHandoverScope scope = { start, end, (const char * const *) terminals };

      if (end != NULL)
        doc = cf_handover_build_period (store, &scope, now, &error);
    }
  if (doc == NULL || (out != NULL && !cf_pdf_write_report (doc, out, &error)))
    {
      g_printerr ("counterfoil report handover: %s\n", error->message);
      return 1;
    }
  if (text)
    {
      g_autofree char *content = cf_report_doc_to_text (doc);

      g_print ("%s", content);
    }
  if (out != NULL)
    g_printerr (_("Wrote %s (%u pages).\n"), out, cf_report_doc_get_n_pages (doc));
  return 0;
}
