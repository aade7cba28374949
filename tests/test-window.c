/* test-window.c — the main window, built for real under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-importer.h"
#include "cf-test-util.h"
#include "cf-transaction.h"
#include "cf-window.h"

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CfWindow *
show_window (CfStore      *store,
             const GError *error)
{
  CfWindow *window = cf_window_new (NULL, store, error);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  return window;
}

static void
close_window (CfWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

static void
test_empty_database (CfTestDb      *f,
                     gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);

  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_transactions (window)), ==, 0);
  close_window (window);
}

static void
test_lists_newest_first (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autoptr(CfImporter) importer = cf_importer_new (f->store);
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *statement = cf_test_data_path ("statement-zh-gb18030.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) r1 = cf_importer_import_file (importer, journal, NULL, NULL, NULL, &error);
  g_autoptr(CfImportReport) r2 = cf_importer_import_file (importer, statement, NULL, NULL, NULL, &error);
  CfWindow *window;
  GListModel *model;
  g_autoptr(CfTransaction) first = NULL;
  g_autoptr(CfTransaction) last = NULL;
  g_autofree char *amount = NULL;

  g_assert_no_error (error);
  window = show_window (f->store, NULL);
  model = cf_window_get_transactions (window);

  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, 9);
  g_assert_cmpstr (cf_transaction_get_local_time (first), ==, "2026-11-28 12:00:00");
  g_assert_cmpstr (cf_transaction_get_local_time (last), ==, "2026-11-27 14:03:22");

  /* What the amount column binds to: signed and with its currency. */
  g_object_get (g_list_model_get_item (model, 6), "amount-text", &amount, NULL);
  g_object_unref (g_list_model_get_item (model, 6));
  g_assert_nonnull (amount);

  close_window (window);
}

static void
test_amount_and_card_columns (CfTestDb      *f,
                              gconstpointer  data)
{
  g_autoptr(CfImporter) importer = cf_importer_new (f->store);
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) r = cf_importer_import_file (importer, journal, NULL, NULL, NULL, &error);
  CfWindow *window = show_window (f->store, NULL);
  GListModel *model = cf_window_get_transactions (window);
  gboolean saw_void = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfTransaction) txn = g_list_model_get_item (model, i);
      g_autofree char *amount = NULL;
      g_autofree char *card = NULL;
      g_autofree char *type = NULL;

      g_object_get (txn, "amount-text", &amount, "masked-card", &card, "type-label", &type, NULL);
      if (cf_transaction_get_txn_type (txn) == CF_TXN_TYPE_VOID)
        {
          saw_void = TRUE;
          g_assert_cmpstr (amount, ==, "-¥1,234.56");
          g_assert_cmpstr (card, ==, "542418******1732");
          g_assert_cmpstr (type, ==, "Void");
        }
    }
  g_assert_true (saw_void);
  close_window (window);
}

static void
test_open_error_shown (void)
{
  g_autoptr(GError) error = g_error_new_literal (CF_STORE_ERROR, CF_STORE_ERROR_TOO_NEW,
                                                 "x.db was written by a newer Counterfoil");
  CfWindow *window = show_window (NULL, error);

  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "error");
  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      /* TAP's way of saying the whole program was skipped. */
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) g_test_add (path, CfTestDb, NULL, cf_test_db_setup, func, cf_test_db_teardown)
  ADD ("/window/empty-database", test_empty_database);
  ADD ("/window/lists-newest-first", test_lists_newest_first);
  ADD ("/window/amount-and-card-columns", test_amount_and_card_columns);
#undef ADD
  g_test_add_func ("/window/open-error-shown", test_open_error_shown);

  return g_test_run ();
}
