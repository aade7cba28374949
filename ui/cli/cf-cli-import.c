/* cf-cli-import.c — the command line's import and demo
 *
 *   counterfoil import FILE… [--profile NAME] [--date-order dmy|mdy] [--dry-run] [--json] [--progress]
 *   counterfoil demo [--transactions N] [--seed S]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cf-auth.h"
#include "cf-cli-json.h"
#include "cf-cli-output.h"
#include "cf-cli-private.h"
#include "cf-demo.h"
#include "cf-importer.h"
#include "cf-money.h"
#include "cf-store.h"
#include "cf-enum-types.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

/* import */

static JsonNode *
report_to_json (CfImportReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  cf_cli_json_set_string (b, "file", report->file);
  if (report->error_message != NULL)
    cf_cli_json_set_string (b, "error", report->error_message);
  else
    {
      cf_cli_json_set_string (b, "profile", report->profile);
      cf_cli_json_set_string (b, "encoding", report->encoding);
      cf_cli_json_set_string (b, "kind", report->kind);
      cf_cli_json_set_string (b, "amount_column", report->amount_source);
      cf_cli_json_set_string (b, "amount_unit", cf_enum_to_nick (CF_TYPE_AMOUNT_UNIT, report->amount_unit));
      cf_cli_json_set_string (b, "sha256", report->sha256);
      json_builder_set_member_name (b, "dry_run");
      json_builder_add_boolean_value (b, report->dry_run);
      if (report->import_id > 0)
        cf_cli_json_set_int (b, "import_id", report->import_id);
    }
  cf_cli_json_set_int (b, "rows", report->rows);
  cf_cli_json_set_int (b, "imported", report->imported);
  cf_cli_json_set_int (b, "joined", report->joined);
  cf_cli_json_set_int (b, "discrepancies", report->discrepancies);
  cf_cli_json_set_int (b, "match_questions", report->questions);
  cf_cli_json_set_int (b, "duplicates", report->duplicates);
  cf_cli_json_set_int (b, "conflicts", report->conflicts);
  cf_cli_json_set_int (b, "rejected", report->rejected);
  cf_cli_json_set_int (b, "skipped", report->skipped);
  cf_cli_json_set_int (b, "masked_pans", report->masked_pans);
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->notes->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (report->notes, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "rejects");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->rejects->len; i++)
    {
      CfImportReject *r = g_ptr_array_index (report->rejects, i);

      json_builder_begin_object (b);
      cf_cli_json_set_int (b, "line", r->line);
      cf_cli_json_set_string (b, "column", r->column);
      cf_cli_json_set_string (b, "kind", r->kind == CF_IMPORT_REJECT_CONFLICT ? "conflict" : "rejected");
      cf_cli_json_set_string (b, "reason", r->reason);
      if (r->transaction_id > 0)
        cf_cli_json_set_int (b, "transaction_id", r->transaction_id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static void
print_report (CfImportReport *report)
{
  g_autofree char *name = g_path_get_basename (report->file);

  if (report->error_message != NULL)
    {
      g_printerr ("%s\n", report->error_message);
      for (guint i = 0; i < report->notes->len; i++)
        g_printerr ("  %s\n", (const char *) g_ptr_array_index (report->notes, i));
      return;
    }

  g_print ("%s%s: ", report->dry_run ? _("(dry run, nothing stored) ") : "", name);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", report->rows), report->rows);
  g_print (" — ");
  g_print (_("%u imported, %u duplicates, %u conflicts, %u rejected, %u skipped"),
           report->imported, report->duplicates, report->conflicts, report->rejected, report->skipped);
  if (report->joined > 0)
    {
      g_print ("; ");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u already stored from another file, added to it as a source",
                            "%u already stored from another file, added to them as sources", report->joined),
               report->joined);
    }
  if (report->discrepancies > 0)
    {
      g_print ("; ");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u with an amount that differs (see counterfoil reconcile)",
                            "%u with amounts that differ (see counterfoil reconcile)", report->discrepancies),
               report->discrepancies);
    }
  if (report->questions > 0)
    {
      g_print ("; ");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u could be more than one stored transaction, stored apart",
                            "%u could be more than one stored transaction, stored apart", report->questions),
               report->questions);
    }
  if (report->masked_pans > 0)
    {
      g_print ("; ");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u full card number masked", "%u full card numbers masked",
                            report->masked_pans), report->masked_pans);
    }
  g_print ("\n  ");
  if (report->header_line == 0)
    g_print (_("profile %s, %s, no header row: columns by position"), report->profile, report->encoding);
  else
    g_print (_("profile %s, %s, header on line %u"), report->profile, report->encoding, report->header_line);
  if (report->amount_source != NULL)
    {
      g_print ("; ");
      g_print (report->amount_unit == CF_AMOUNT_UNIT_MINOR ? _("amounts from “%s”, in minor units (fen, cents)")
                                                           : _("amounts from “%s”, in whole units (yuan, dollars, euros)"),
               report->amount_source);
    }
  g_print ("\n");
  for (guint i = 0; i < report->notes->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (report->notes, i));

  for (guint i = 0; i < report->rejects->len; i++)
    {
      CfImportReject *r = g_ptr_array_index (report->rejects, i);

      if (r->column != NULL)
        g_print (_("  %s line %u, column %s: %s\n"), name, r->line, r->column, r->reason);
      else
        g_print (_("  %s line %u: %s\n"), name, r->line, r->reason);
    }
}

typedef struct
{
  const char *file;
  int         last_percent;
} ProgressLine;

static void
print_progress (guint    file_index,
                double   fraction,
                gpointer user_data)
{
  ProgressLine *line = user_data;
  int percent = (int) (fraction * 100);

  if (percent == line->last_percent)
    return;
  line->last_percent = percent;
  g_printerr ("%s: %d%%\n", line->file, percent);
}

static void
say_waiting (gpointer user_data)
{
  g_printerr ("counterfoil import: %s\n",
              _("another program is writing to the database (an import in the window?); waiting for it to finish…"));
}

int
cf_cli_run_import (CfCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  g_autofree char *profile_name = NULL;
  g_autofree char *operator_no = NULL;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  gboolean progress = FALSE;
  g_autofree char *date_order = NULL;
  GOptionEntry entries[] = {
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress, N_("Report progress on standard error"), NULL },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_name, N_("Read the files with this import profile (name or .profile file) instead of choosing by header"), N_("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check and report, store nothing"), NULL },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order, N_("How to read 05/11/2026: dmy (day first) or mdy (month first); "
                                                              "by default the profile or the file's own dates decide"), N_("ORDER") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array: one object per file"), NULL },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who is importing (operator no.)"), N_("NO") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfImporter) importer = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status = 0;

  if (!cf_cli_parse_options (ctx, "import", _("FILE…"), _("Import POS journals or acquirer statements (CSV)"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc < 2)
    return cf_cli_usage_error ("import", _("name at least one file to import"));
  if (date_order != NULL && !g_str_equal (date_order, "dmy") && !g_str_equal (date_order, "mdy"))
    return cf_cli_usage_error ("import", _("--date-order is dmy (day first) or mdy (month first)"));

  store = cf_cli_open_store (ctx, dry_run ? CF_CLI_OPEN_EXISTING_OR_EMPTY : CF_CLI_OPEN_CREATE);
  if (store == NULL)
    return 1;
  /* An import in the window (or another command) may be writing: wait for
   * it, saying so, instead of failing after ten seconds. */
  cf_store_wait_for_writers (store, 30 * 60, NULL, say_waiting, NULL);
  /* A dry run stores nothing, so it needs nobody signed in. */
  if (!dry_run && cf_cli_sign_in (ctx, store, "import", operator_no, &status) == NULL)
    return status;

  importer = cf_importer_new (store);
  cf_importer_set_dry_run (importer, dry_run);
  if (date_order != NULL)
    cf_importer_set_date_order (importer, g_str_equal (date_order, "dmy") ? CF_DATE_ORDER_DMY : CF_DATE_ORDER_MDY);
  cf_importer_set_operator (importer, ctx->operator_no);
  if (profile_name != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfImportProfile) profile = cf_import_profile_find (profile_name, &error);

      if (profile == NULL)
        {
          return cf_cli_usage_error ("import", error->message);
        }
      cf_importer_set_profile (importer, profile);
    }

  json_builder_begin_array (builder);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfImportReport) report = NULL;
      ProgressLine line = { argv[i], -1 };

      report = cf_importer_import_file (importer, argv[i], NULL, progress ? print_progress : NULL, &line, &error);

      if (report == NULL)
        {
          report = cf_import_report_new (argv[i]);
          report->error_message = g_strdup (error->message);
          status = 1;
        }
      if (json)
        json_builder_add_value (builder, report_to_json (report));
      else
        print_report (report);
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
    }

  return status;
}

/* demo */

int
cf_cli_run_demo (CfCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  int n = 40000;
  int seed = 20261128;
  GOptionEntry entries[] = {
    { "transactions", 0, 0, G_OPTION_ARG_INT, &n, N_("How many transactions (default 40000, about eleven months)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed; the same seed makes the same shop"), N_("S") },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  int status = 0;

  if (!cf_cli_parse_options (ctx, "demo", NULL, _("Fill an empty database with a realistic demo shop"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("demo", _("demo takes options only"));
  if (n <= 0 || n > 5000000)
    return cf_cli_usage_error ("demo", _("--transactions is between 1 and 5000000"));

  store = cf_cli_open_store (ctx, CF_CLI_OPEN_CREATE);
  if (store == NULL)
    return 1;

  /* A new file is filled by anyone; a shop that has its manager, only by someone signed in. */
  if (!cf_auth_needs_first_manager (store) && cf_cli_sign_in (ctx, store, "demo", NULL, &status) == NULL)
    return status;
  if (!cf_demo_populate (store, (guint) n, (guint32) seed, NULL, NULL, &error) ||
      !cf_demo_add_shifts (store, 7, &error))
    {
      g_printerr ("counterfoil demo: %s\n", error->message);
      return 1;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Created a demo shop with %d transaction in %s (%.1f s)\n",
                        "Created a demo shop with %d transactions in %s (%.1f s)\n", n),
           n, cf_store_get_path (store), g_timer_elapsed (timer, NULL));
  /* The demo's staff are its own; a real shop creates its first manager instead. */
  g_print (_("Demo operators sign in with PIN %s: 099 (manager), 001 to 005 (clerks).\n"), CF_DEMO_PIN);
  return 0;
}

