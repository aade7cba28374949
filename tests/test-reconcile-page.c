/* test-reconcile-page.c — the Reconciliation section under Xvfb: the
 * journal and the statement imported from the window, each class with its
 * count and amount, and a sale the terminal lost reported as lost from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-import-summary.h"
#include "cf-loss-dialog.h"
#include "cf-reconcile-page-private.h"
#include "cf-report-window-private.h"
#include "cf-test-window.h"

static gboolean
page_idle (gpointer page)
{
  return !cf_reconcile_page_is_busy (page);
}

static void
test_reconcile_section (CfTestDb      *f,
                        gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  g_autofree char *journal = cf_test_data_path ("reconcile/journal.csv");
  g_autofree char *statement = cf_test_data_path ("reconcile/statement.csv");
  const char *paths[] = { journal, statement, NULL };
  CfReconcilePage *page = cf_window_get_reconcile_page (window);
  GtkWidget *lost;
  CfLossDialog *dialog;

  cf_window_import_files (window, paths);
  cf_test_wait_for (cf_test_import_finished, window);
  gtk_window_destroy (GTK_WINDOW (cf_test_find_toplevel (CF_TYPE_IMPORT_SUMMARY)));

  /* Opening the section reconciles the newest day. */
  /* Alt+4 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "reconcile"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "reconcile");
  cf_test_drain_main_loop ();
  cf_test_wait_for (page_idle, page);
  g_assert_cmpstr (cf_reconcile_page_get_class_title (page, CF_RECONCILE_MATCHED), ==, "Matched: 3 · 1,276.50");
  g_assert_cmpstr (cf_reconcile_page_get_class_title (page, CF_RECONCILE_DIFFERS), ==, "Amounts differ: 1 · 66.80");
  g_assert_cmpstr (cf_reconcile_page_get_class_title (page, CF_RECONCILE_UNSETTLED), ==,
                   "In the journal, not settled: 1 · 20.00");
  g_assert_cmpstr (cf_reconcile_page_get_class_title (page, CF_RECONCILE_MISSING), ==,
                   "Settled, not in the journal: 1 · 45.00");

  /* The sale the terminal has no record of goes to the loss dialog, ticked. */
  lost = cf_reconcile_page_get_lost_button (page, 0);
  g_assert_nonnull (lost);
  g_assert_null (cf_reconcile_page_get_lost_button (page, 1));
  g_signal_emit_by_name (lost, "clicked");
  cf_test_drain_main_loop ();
  dialog = cf_test_find_toplevel (CF_TYPE_LOSS_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The difference accepted with a note: it counts as matched. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (cf_reconcile_page_accept (page, 3, "tip added after the slip was printed", &error));
    g_assert_no_error (error);
    cf_test_wait_for (page_idle, page);
    g_assert_cmpstr (cf_reconcile_page_get_class_title (page, CF_RECONCILE_MATCHED), ==, "Matched: 4 · 1,343.30");
    g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transaction_discrepancies "
                                                  "WHERE accepted_by = '099' AND note IS NOT NULL"), ==, 1);
  }

  /* What the statement settled on the 28th, and what reached the bank. */
  g_assert_cmpstr (cf_reconcile_page_get_settlement_row (page, 0), ==,
                   "2026-11-28   5 settled   net 1381.80 — Gross 1390.10, fees 8.30 · no deposit typed in");
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (cf_reconcile_page_set_deposit (page, "2026-11-28", 138000, "bank ref 42", &error));
    g_assert_no_error (error);
    cf_test_wait_for (page_idle, page);
    g_assert_cmpstr (cf_reconcile_page_get_settlement_row (page, 0), ==,
                     "2026-11-28   5 settled   net 1381.80 — Gross 1390.10, fees 8.30 · deposited 1380.00, "
                     "difference -1.80 · bank ref 42");

    /* The unsettled 20.00 expected, then the stray 45.00 linked to it instead. */
    g_assert_true (cf_reconcile_page_mark_expected (page, 5, "settled on the 29th", &error));
    cf_test_wait_for (page_idle, page);
    g_assert_cmpstr (cf_reconcile_page_get_class_title (page, CF_RECONCILE_EXPECTED), ==, "Marked as expected: 1 · 20.00");
    g_assert_false (cf_reconcile_page_link (page, 5, 1, &error));
    g_clear_error (&error);
    g_assert_true (cf_reconcile_page_link (page, 6, 5, &error));
    g_assert_no_error (error);
    cf_test_wait_for (page_idle, page);
    g_assert_cmpstr (cf_reconcile_page_get_class_title (page, CF_RECONCILE_MISSING), ==,
                     "Settled, not in the journal: 0 · 0.00");
  }

  /* Report… previews the DRAFT; Sign Off… seals it and shows the signed one. */
  {
    g_autoptr(GError) error = NULL;
    CfReportWindow *preview;
    g_autofree char *text = NULL;

    cf_reconcile_page_open_report (page);
    cf_test_wait_for (page_idle, page);
    cf_test_drain_main_loop ();
    preview = cf_test_find_toplevel (CF_TYPE_REPORT_WINDOW);
    g_assert_nonnull (preview);
    text = cf_report_doc_to_text (cf_report_window_get_report (preview));
    g_assert_nonnull (strstr (text, "草稿 DRAFT"));
    gtk_window_destroy (GTK_WINDOW (preview));
    g_clear_pointer (&text, g_free);

    g_assert_true (cf_reconcile_page_sign_off (page, &error));
    g_assert_no_error (error);
    cf_test_drain_main_loop ();
    preview = cf_test_find_toplevel (CF_TYPE_REPORT_WINDOW);
    text = cf_report_doc_to_text (cf_report_window_get_report (preview));
    g_assert_nonnull (strstr (text, "No. R000001"));
    gtk_window_destroy (GTK_WINDOW (preview));
  }

  /* Ctrl+? lists the keys, the sections' among them. */
  {
    GtkWindow *shortcuts;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    cf_test_drain_main_loop ();
    shortcuts = cf_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
    g_assert_nonnull (shortcuts);
    gtk_window_destroy (shortcuts);
  }

  /* Another day, one terminal: nothing there. */
  cf_reconcile_page_set_period (page, "2026-11-28", "2026-11-28", "10480001");
  cf_test_wait_for (page_idle, page);
  g_assert_null (cf_reconcile_page_get_class_title (page, CF_RECONCILE_MATCHED));

  cf_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!cf_test_window_init (&argc, &argv))
    return 0;

  CF_TEST_ADD_EMPTY ("/reconcile-page/section", test_reconcile_section);

  return g_test_run ();
}
