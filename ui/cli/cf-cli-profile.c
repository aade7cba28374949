/* cf-cli-profile.c — the import profiles from the command line
 *
 *   counterfoil profile list
 *   counterfoil profile show NAME
 *   counterfoil profile test FILE [--profile NAME] [--rows N]
 *
 * `test` reads the file exactly as `import` would, into a database in memory
 * that is thrown away, and shows which profile read it, which column became
 * which field, and its first rows as they would be stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-card-number.h"
#include "cf-cli-output.h"
#include "cf-cli-private.h"
#include "cf-enum-types.h"
#include "cf-importer.h"
#include "cf-money.h"
#include "cf-transaction.h"

static int
profile_list (CfCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) error = NULL;
  guint width = 0;

  if (!cf_cli_parse_options (ctx, "profile list", NULL,
                             _("List the import profiles: the built-in ones, then the installed and your own"),
                             NULL, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("profile list", _("list takes no arguments"));
  if ((profiles = cf_import_profile_load_all (skipped, &error)) == NULL)
    {
      g_printerr ("counterfoil profile list: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < profiles->len; i++)
    width = MAX (width, cf_cli_display_width (cf_import_profile_get_name (g_ptr_array_index (profiles, i))));
  for (guint i = 0; i < profiles->len; i++)
    {
      CfImportProfile *profile = g_ptr_array_index (profiles, i);
      const char *origin = cf_import_profile_get_origin (profile);
      g_autoptr(GString) line = g_string_new ("");

      cf_cli_print_cell (line, cf_import_profile_get_name (profile), width, FALSE);
      g_string_append_printf (line, "  %s", cf_import_profile_get_title (profile));
      if (!g_str_has_prefix (origin, "/org/counterfoil/"))
        g_string_append_printf (line, "  (%s)", origin);
      cf_cli_print_row (line);
    }
  for (guint i = 0; i < skipped->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (skipped, i));
  return 0;
}

static int
profile_show (CfCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(CfImportProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  if (!cf_cli_parse_options (ctx, "profile show", _("NAME"),
                             _("Print an import profile as written, to read it or to copy it as the start of your own"),
                             NULL, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error ("profile show", _("give the profile's name (see “counterfoil profile list”)"));
  if ((profile = cf_import_profile_find (argv[1], &error)) == NULL)
    {
      g_printerr ("counterfoil profile show: %s\n", error->message);
      return 1;
    }
  g_print ("%s", cf_import_profile_get_text (profile));
  return 0;
}

static void
print_preview_row (CfTransaction *txn)
{
  g_autofree char *amount = cf_money_format (cf_transaction_get_amount_minor (txn), cf_transaction_get_currency (txn));
  const char *ref = cf_transaction_get_ref_no (txn);
  const char *voucher = cf_transaction_get_voucher_no (txn);
  const char *last4 = cf_transaction_get_card_last4 (txn);
  const char *zone = cf_transaction_get_time_zone (txn);
  g_autoptr(GString) line = g_string_new (NULL);
  int offset;

  g_string_append_printf (line, _("  line %-4u"), cf_transaction_get_source_line (txn));
  g_string_append_printf (line, " %s", cf_transaction_get_local_time (txn));
  if (cf_transaction_get_utc_offset (txn, &offset))
    g_string_append_printf (line, " %c%02d:%02d", offset < 0 ? '-' : '+', ABS (offset) / 60, ABS (offset) % 60);
  if (zone != NULL)
    g_string_append_printf (line, " (%s)", zone);
  g_string_append_printf (line, "  %s  %s", cf_txn_type_get_label (cf_transaction_get_txn_type (txn)), amount);
  if (voucher != NULL)
    g_string_append_printf (line, _("  voucher %s"), voucher);
  if (ref != NULL)
    g_string_append_printf (line, _("  ref. %s"), ref);
  if (last4 != NULL)
    g_string_append_printf (line, _("  card …%s"), last4);
  cf_cli_print_row (line);
}

static void
print_preview (CfImportReport *report,
               GPtrArray      *rows)
{
  if (report->header_line == 0)
    g_print (_("Profile %s, %s, no header row: columns by position\n"), report->profile, report->encoding);
  else
    g_print (_("Profile %s, %s, header on line %u\n"), report->profile, report->encoding, report->header_line);
  if (report->amount_source != NULL)
    g_print (report->amount_unit == CF_AMOUNT_UNIT_MINOR ? _("Amounts from “%s”, in minor units (fen, cents)\n")
                                                         : _("Amounts from “%s”, in whole units (yuan, dollars, euros)\n"),
             report->amount_source);
  g_print ("%s\n", _("Columns:"));
  for (guint i = 0; i < report->columns->len; i++)
    {
      CfImportColumn *column = g_ptr_array_index (report->columns, i);
      g_print ("  %-16s ← %s\n", column->field, column->header);
    }
  g_print (_("Would import %u of %u rows: %u rejected, %u skipped, %u the same as another row\n"),
           report->imported, report->rows, report->rejected, report->skipped, report->duplicates);
  if (rows->len > 0)
    g_print ("%s\n", _("First rows as they would be stored:"));
  for (guint i = 0; i < rows->len; i++)
    print_preview_row (g_ptr_array_index (rows, i));
  for (guint i = 0; i < report->rejects->len && i < 20; i++)
    {
      CfImportReject *r = g_ptr_array_index (report->rejects, i);

      if (r->column != NULL)
        g_print (_("  line %u, column %s: %s\n"), r->line, r->column, r->reason);
      else
        g_print (_("  line %u: %s\n"), r->line, r->reason);
    }
  for (guint i = 0; i < report->notes->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (report->notes, i));
}

static int
profile_test (CfCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autofree char *profile_name = NULL;
  int n_rows = 10;
  GOptionEntry entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_name, N_("Read the file with this profile (name or .profile file) instead of choosing by header"), N_("NAME") },
    { "rows", 0, 0, G_OPTION_ARG_INT, &n_rows, N_("How many rows to show (10)"), N_("N") },
    { NULL }
  };
  g_autoptr(CfImportProfile) profile = NULL;
  g_autoptr(CfImportReport) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (!cf_cli_parse_options (ctx, "profile test", _("FILE"),
                             _("Show how a file would be imported — which profile, which columns, its first rows — "
                               "storing nothing"), entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error ("profile test", _("give one file"));
  if (n_rows < 0)
    return cf_cli_usage_error ("profile test", _("--rows must not be negative"));
  if (profile_name != NULL && (profile = cf_import_profile_find (profile_name, &error)) == NULL)
    {
      g_printerr ("counterfoil profile test: %s\n", error->message);
      return 2;
    }
  report = cf_import_preview_file (argv[1], profile, CF_DATE_ORDER_YMD, (guint) n_rows, &rows, &error);
  if (report == NULL)
    {
      g_printerr ("counterfoil profile test: %s\n", error->message);
      return 1;
    }
  print_preview (report, rows);
  return 0;
}

static const CfCliSubcommand profile_commands[] = {
  { "list", profile_list },
  { "show", profile_show },
  { "test", profile_test },
};

int
cf_cli_run_profile (CfCliContext  *ctx,
                    int            argc,
                    char         **argv)
{
  return cf_cli_dispatch (ctx, "profile", profile_commands, G_N_ELEMENTS (profile_commands), argc, argv);
}
