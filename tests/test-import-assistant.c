/* test-import-assistant.c — teaching Counterfoil a layout from the window,
 * under Xvfb: an import no profile reads, the assistant from its summary,
 * the guesses, the clerk's corrections with the live preview, Save, and the
 * file imported with the new profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-import-assistant-private.h"
#include "cf-import-summary-private.h"
#include "cf-test-window.h"

#define PROFILE_NAME "test-assistant-kasse"

static const char kasse[] =
  "Kassenbericht Filiale 3\n"
  "Beleg,Zeitpunkt,Kasse,Umsatz,Vorgang,Kunde\n"
  "B-1001,2026-11-27 09:15:02,K1,\"-12,50\",Verkauf,Anna\n"
  "B-1002,2026-11-27 09:20:00,K1,\"-1.020,00\",Verkauf,Ben\n"
  "B-1003,2026-11-27 10:00:00,K1,\"12,50\",Storno,Anna\n"
  "B-1004,2026-11-27 18:00:00,K1,\"500,00\",Abschöpfung,\n";

static gboolean
preview_done (gpointer assistant)
{
  return !cf_import_assistant_is_previewing (assistant);
}

static char *
profile_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "counterfoil", "import-profiles", PROFILE_NAME ".profile", NULL);
}

static void
choose (GtkWidget  *root,
        const char *title,
        guint       position)
{
  GtkWidget *row = cf_test_find_widget (root, ADW_TYPE_COMBO_ROW, title);

  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

static void
test_teach_a_layout (CfTestDb      *f,
                     gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  g_autofree char *path = g_build_filename (f->dir, "kasse.csv", NULL);
  g_autofree char *saved = profile_path ();
  const char *paths[] = { path, NULL };
  CfImportSummary *summary;
  CfImportAssistant *assistant;
  GtkWidget *teach;
  GtkWidget *save;

  g_remove (saved);
  g_assert_true (g_file_set_contents (path, kasse, -1, NULL));
  cf_window_import_files (window, paths);
  cf_test_wait_for (cf_test_import_finished, window);

  /* No profile reads it: the summary says so and offers the assistant. */
  summary = cf_test_find_toplevel (CF_TYPE_IMPORT_SUMMARY);
  g_assert_cmpstr (cf_import_summary_get_headline (summary), ==,
                   "1 file: 0 imported, 0 duplicates, 0 conflicts, 0 rejected, 1 unreadable");
  teach = cf_test_find_widget (GTK_WIDGET (summary), GTK_TYPE_BUTTON, "_Teach This Layout…");
  g_assert_nonnull (teach);
  g_signal_emit_by_name (teach, "clicked");
  cf_test_drain_main_loop ();
  assistant = cf_test_find_toplevel (CF_TYPE_IMPORT_ASSISTANT);
  g_assert_nonnull (assistant);
  cf_test_wait_for (preview_done, assistant);

  /* The title line above is not the header; the time is told by its values;
   * with no amount chosen yet, the preview says what is missing. */
  g_assert_cmpuint (cf_import_assistant_get_n_columns (assistant), ==, 6);
  g_assert_cmpint (cf_import_assistant_get_column_field (assistant, 1), ==, CF_FIELD_DATETIME);
  g_assert_cmpuint (cf_import_assistant_get_n_problems (assistant), ==, 1);
  g_test_message ("%s", cf_import_assistant_get_preview_text (assistant));
  g_assert_cmpstr (cf_import_assistant_get_preview_text (assistant), ==,
                   "Choose the column that holds the amount; a number that tells the transactions apart "
                   "(voucher no., reference no. or transaction id).");

  /* The clerk says what the columns are; a field goes to one column only. */
  cf_import_assistant_set_column_field (assistant, 0, CF_FIELD_SOURCE_ID);
  cf_import_assistant_set_column_field (assistant, 2, CF_FIELD_AMOUNT);
  cf_import_assistant_set_column_field (assistant, 3, CF_FIELD_AMOUNT);
  g_assert_cmpint (cf_import_assistant_get_column_field (assistant, 2), ==, CF_N_FIELDS);
  cf_import_assistant_set_column_field (assistant, 2, CF_FIELD_TERMINAL_NO);
  cf_import_assistant_set_column_field (assistant, 4, CF_FIELD_TXN_TYPE);
  cf_test_wait_for (preview_done, assistant);
  g_assert_nonnull (strstr (cf_import_assistant_get_preview_text (assistant), "Would import 4 of 4 rows: 0 rejected, 0 skipped"));

  /* How this till writes things: sales negative, a decimal comma, euros in
   * Berlin, cash; the skimming of the till is not a sale. */
  choose (GTK_WIDGET (assistant), "Sign", 1);
  choose (GTK_WIDGET (assistant), "Decimal separator", 1);
  choose (GTK_WIDGET (assistant), "Paid with, where a row does not say", CF_PAYMENT_METHOD_CASH);
  choose (GTK_WIDGET (assistant), "Skip rows whose", CF_FIELD_TXN_TYPE + 1);
  cf_test_type_into (GTK_WIDGET (assistant), "is one of (separated by ;)", "Abschöpfung");
  cf_test_type_into (GTK_WIDGET (assistant), "Currency, where a row does not say (CNY, USD…)", "EUR");
  cf_test_type_into (GTK_WIDGET (assistant), "Time zone (Asia/Shanghai, Europe/Berlin, +08:00)", "Europe/Berlin");
  cf_test_type_into (GTK_WIDGET (assistant), "Profile name (letters, digits, - and _)", PROFILE_NAME);
  cf_test_wait_for (preview_done, assistant);
  g_assert_nonnull (strstr (cf_import_assistant_get_preview_text (assistant), "Would import 3 of 4 rows: 0 rejected, 1 skipped"));
  g_assert_cmpuint (cf_import_assistant_get_n_problems (assistant), ==, 0);

  /* Save writes the profile and imports the file with it. */
  gtk_window_destroy (GTK_WINDOW (summary));
  save = cf_test_find_widget (GTK_WIDGET (assistant), GTK_TYPE_BUTTON, "_Save and Import");
  g_signal_emit_by_name (save, "clicked");
  cf_test_drain_main_loop ();
  g_assert_true (g_file_test (saved, G_FILE_TEST_IS_REGULAR));
  cf_test_wait_for (cf_test_import_finished, window);
  summary = cf_test_find_toplevel (CF_TYPE_IMPORT_SUMMARY);
  g_assert_cmpstr (cf_import_summary_get_headline (summary), ==,
                   "1 file: 3 imported, 0 duplicates, 0 conflicts, 0 rejected, 0 unreadable");
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM transactions WHERE payment_method = 'cash' "
                                                "AND currency = 'EUR' AND utc_offset = 60"), ==, 3);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT sum (amount_minor) FROM transactions WHERE type = 'sale'"), ==, 103250);
  gtk_window_destroy (GTK_WINDOW (summary));

  g_assert_cmpint (g_remove (saved), ==, 0);
  cf_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!cf_test_window_init (&argc, &argv))
    return 0;

  CF_TEST_ADD_EMPTY ("/import-assistant/teach-a-layout", test_teach_a_layout);

  return g_test_run ();
}
