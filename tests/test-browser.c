/* test-browser.c — the transaction browser under Xvfb: the list, searching, sorting, importing, the details and duplicates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-duplicate-dialog-private.h"
#include "cf-import-summary-private.h"
#include "cf-store-private.h"
#include "cf-test-window.h"
#include "cf-transaction.h"

static void
test_empty_database (CfTestDb      *f,
                     gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);

  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "empty");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cf_window_get_search_entry (window))));
  cf_test_close_window (window);
}

static void
test_lists_everything_newest_first (CfTestDb      *f,
                                    gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  GListModel *model = cf_window_get_transactions (window);
  g_autofree char *newest = cf_test_query_text (f->store, "SELECT max (local_time) FROM transactions");
  g_autoptr(CfTransaction) first = NULL;
  g_autofree char *details = NULL;

  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "browse");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3000);
  g_assert_cmpstr (cf_window_get_count_text (window), ==, "3,000 transactions");
  g_assert_cmpstr (cf_window_get_caption (window), ==, "All transactions, newest first");
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cf_transaction_get_local_time (first), ==, newest);

  /* The first row is selected and its details are shown. */
  details = cf_test_details_text (window);
  g_assert_nonnull (strstr (details, cf_transaction_get_voucher_no (first)));
  g_assert_nonnull (strstr (details, cf_transaction_get_ref_no (first)));
  g_assert_nonnull (strstr (details, "Demo data"));
  /* The journal's 成功 and 借记卡/贷记卡 read in the reader's language. */
  g_assert_nonnull (strstr (details, "Approved"));
  g_assert_null (strstr (details, "成功"));
  g_assert_null (strstr (details, "借记卡"));
  g_assert_null (strstr (details, "贷记卡"));
  cf_test_close_window (window);
}

static void
test_search_as_typed (CfTestDb      *f,
                      gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  GListModel *model;
  g_autofree char *voucher = cf_test_query_text (f->store, "SELECT voucher_no FROM transactions WHERE id = 1500");
  g_autofree char *ref = cf_test_query_text (f->store, "SELECT ref_no FROM transactions WHERE id = 1500");
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM transactions WHERE voucher_no = '%s'", voucher);
  g_autofree char *caption = NULL;
  g_autofree char *details = NULL;

  cf_test_type_search (window, voucher);
  model = cf_window_get_transactions (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, cf_test_query_int (f->store, sql));
  caption = g_strdup_printf ("Looking for voucher no. %s", voucher);
  g_assert_cmpstr (cf_window_get_caption (window), ==, caption);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfTransaction) txn = g_list_model_get_item (model, i);
      g_assert_cmpstr (cf_transaction_get_voucher_no (txn), ==, voucher);
    }

  cf_test_type_search (window, ref);
  model = cf_window_get_transactions (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (cf_window_get_count_text (window), ==, "1 transaction");
  details = cf_test_details_text (window);
  g_assert_nonnull (strstr (details, ref));

  /* Nothing matches: the window says so and offers to widen the search. */
  cf_test_type_search (window, "999999 0.01");
  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "none");
  g_assert_cmpstr (cf_window_get_count_text (window), ==, "0 transactions");

  cf_test_searches_before = cf_window_get_n_searches (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-search", NULL));
  cf_test_wait_for (cf_test_search_finished, window);
  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_transactions (window)), ==, 3000);

  cf_test_close_window (window);
}

/* The customer has the amount a little wrong: nothing matches, and the sale
 * is offered as a near miss that opens it. */
static void
test_near_misses (CfTestDb      *f,
                  gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  g_autoptr(CfTransaction) sale = cf_store_get_transaction (f->store, 1500, NULL);
  g_autofree char *amount = cf_transaction_dup_amount_text (sale);
  g_autofree char *title = g_strdup_printf ("%.16s · %s · %s", cf_transaction_get_local_time (sale), amount,
                                            cf_txn_type_get_label (cf_transaction_get_txn_type (sale)));
  g_autofree char *search = g_strdup_printf ("%.10s %s %" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT,
                                             cf_transaction_get_local_time (sale), cf_transaction_get_card_last4 (sale),
                                             (cf_transaction_get_amount_minor (sale) + 30) / 100,
                                             (cf_transaction_get_amount_minor (sale) + 30) % 100);
  g_autoptr(CfTransaction) shown = NULL;
  GtkWidget *row;

  cf_test_type_search (window, search);
  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "none");
  row = cf_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, title);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (row))));

  cf_test_searches_before = cf_window_get_n_searches (window);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  cf_test_wait_for (cf_test_search_finished, window);
  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "browse");
  shown = cf_window_current_transaction (window);
  g_assert_cmpint (cf_transaction_get_id (shown), ==, 1500);
  cf_test_close_window (window);
}

static gboolean
operator_column_gave_way (gpointer window)
{
  return !gtk_column_view_column_get_visible (CF_WINDOW (window)->columns[2]);
}

/* At 1024 pixels the least needed columns give way; time, amount, card and
 * voucher stay, and no header is cut. */
static void
test_columns_give_way (CfTestDb      *f,
                       gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  enum { TIME = 0, OPERATOR = 2, VOUCHER = 3, CARD = 6, AMOUNT = 8 };

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cf_test_wait_for (operator_column_gave_way, window);
  g_assert_true (gtk_column_view_column_get_visible (window->columns[TIME]));
  g_assert_true (gtk_column_view_column_get_visible (window->columns[VOUCHER]));
  g_assert_true (gtk_column_view_column_get_visible (window->columns[CARD]));
  g_assert_true (gtk_column_view_column_get_visible (window->columns[AMOUNT]));
  {
    int shown = 0;

    for (guint i = 0; i < N_COLUMNS; i++)
      {
        g_autoptr(PangoLayout) header = gtk_widget_create_pango_layout (
          GTK_WIDGET (window->column_view), gtk_column_view_column_get_title (window->columns[i]));
        int width;

        pango_layout_get_pixel_size (header, &width, NULL);
        g_assert_cmpint (gtk_column_view_column_get_fixed_width (window->columns[i]), >, width + 16);
        if (gtk_column_view_column_get_visible (window->columns[i]))
          shown += gtk_column_view_column_get_fixed_width (window->columns[i]);
      }
    g_assert_cmpint (shown, <=, gtk_widget_get_width (GTK_WIDGET (window->list_probe)));
  }

  cf_test_close_window (window);
}

static void
test_sort_by_amount (CfTestDb      *f,
                     gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  GtkColumnView *view = cf_window_get_column_view (window);
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkColumnViewColumn *amount = NULL;
  GListModel *model;
  gint64 previous = G_MININT64;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Amount") == 0)
        amount = column;
    }
  g_assert_nonnull (amount);

  cf_test_searches_before = cf_window_get_n_searches (window);
  gtk_column_view_sort_by_column (view, amount, GTK_SORT_ASCENDING);
  cf_test_wait_for (cf_test_search_finished, window);
  model = cf_window_get_transactions (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3000);
  /* The caption says the order the list is in. */
  g_assert_cmpstr (cf_window_get_caption (window), ==, "All transactions, by Amount, ascending");
  for (guint i = 0; i < 3000; i += 97)
    {
      g_autoptr(CfTransaction) txn = g_list_model_get_item (model, i);
      g_assert_cmpint (cf_transaction_get_signed_amount (txn), >=, previous);
      previous = cf_transaction_get_signed_amount (txn);
    }
  {
    g_autofree char *smallest = cf_test_query_text (f->store,
      "SELECT min (CASE WHEN type IN ('void','refund') THEN -amount_minor ELSE amount_minor END) FROM transactions");
    g_autoptr(CfTransaction) first = g_list_model_get_item (model, 0);
    g_assert_cmpint (cf_transaction_get_signed_amount (first), ==, g_ascii_strtoll (smallest, NULL, 10));
  }

  /* Scrolled down, then sorted the other way: the new order is read from its top. */
  {
    GtkAdjustment *scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

    cf_test_drain_main_loop ();
    gtk_adjustment_set_value (scroll, 200);
    cf_test_drain_main_loop ();
    g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);
    cf_test_searches_before = cf_window_get_n_searches (window);
    gtk_column_view_sort_by_column (view, amount, GTK_SORT_DESCENDING);
    cf_test_wait_for (cf_test_search_finished, window);
    cf_test_drain_main_loop ();
    g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, gtk_adjustment_get_lower (scroll));
  }
  {
    g_autoptr(CfTransaction) first = g_list_model_get_item (cf_window_get_transactions (window), 0);
    g_autoptr(CfTransaction) second = g_list_model_get_item (cf_window_get_transactions (window), 1);
    g_assert_cmpint (cf_transaction_get_signed_amount (first), >=, cf_transaction_get_signed_amount (second));
  }
  cf_test_close_window (window);
}

static void
test_import_from_window (CfTestDb      *f,
                         gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "rejects.csv", NULL);
  const char *paths[] = { journal, missing, NULL };
  CfImportSummary *summary;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "empty");
  cf_window_import_files (window, paths);
  g_assert_true (cf_window_is_importing (window));
  cf_test_wait_for (cf_test_import_finished, window);

  /* The window now lists what came in, and the summary says what happened. */
  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "browse");
  cf_test_searches_before = 0;
  cf_test_wait_for (cf_test_search_finished, window);
  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_transactions (window)), ==, 5);

  summary = cf_test_find_toplevel (CF_TYPE_IMPORT_SUMMARY);
  g_assert_nonnull (summary);
  g_assert_cmpstr (cf_import_summary_get_headline (summary), ==,
                   "2 files: 5 imported, 0 duplicates, 0 conflicts, 4 rejected, 1 unreadable");
  g_assert_cmpuint (cf_import_summary_get_n_shown_rejects (summary), ==, 4);
  g_assert_true (cf_import_summary_save_rejects (summary, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "\"journal-en.csv\",7,\"amount\",\"rejected\",\"“12.3x” is not an amount\""));
  gtk_window_destroy (GTK_WINDOW (summary));

  /* Imports are recorded under whoever is signed in. */
  g_assert_cmpstr (cf_window_get_operator (window), ==, "099");
  {
    g_autofree char *overlap = cf_test_data_path ("overlap-en.csv");
    const char *again[] = { overlap, NULL };
    g_autofree char *who = NULL;

    cf_window_import_files (window, again);
    cf_test_wait_for (cf_test_import_finished, window);
    who = cf_test_query_text (f->store, "SELECT operator_no FROM imports ORDER BY id DESC LIMIT 1");
    g_assert_cmpstr (who, ==, "099");
    summary = cf_test_find_toplevel (CF_TYPE_IMPORT_SUMMARY);
    g_assert_cmpstr (cf_import_summary_get_headline (summary), ==,
                     "1 file: 1 imported, 1 duplicates, 1 conflicts, 0 rejected, 0 unreadable");
    gtk_window_destroy (GTK_WINDOW (summary));
  }

  /* And stays reachable from the import history. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-history", NULL));
  cf_test_drain_main_loop ();
  summary = cf_test_find_toplevel (CF_TYPE_IMPORT_SUMMARY);
  g_assert_nonnull (summary);
  g_assert_cmpuint (cf_import_summary_get_n_shown_rejects (summary), ==, 5);  /* 4 rejected + 1 conflict */
  gtk_window_destroy (GTK_WINDOW (summary));

  cf_test_close_window (window);
}

/* Wallet and cash payments are found by the filter's "Paid with", and by
 * their name typed in the search. */
static void
test_filter_by_payment_method (CfTestDb      *f,
                               gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  g_autofree char *wechat = cf_test_data_path ("exports/wechat-pay.csv");
  g_autofree char *square = cf_test_data_path ("exports/square-legacy.csv");
  const char *paths[] = { wechat, square, NULL };
  CfImportSummary *summary;

  cf_window_import_files (window, paths);
  cf_test_wait_for (cf_test_import_finished, window);
  summary = cf_test_find_toplevel (CF_TYPE_IMPORT_SUMMARY);
  gtk_window_destroy (GTK_WINDOW (summary));
  cf_test_searches_before = 0;
  cf_test_wait_for (cf_test_search_finished, window);
  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_transactions (window)), ==, 9);

  cf_test_searches_before = cf_window_get_n_searches (window);
  gtk_drop_down_set_selected (window->filter_method, CF_PAYMENT_METHOD_WECHAT + 1);
  cf_test_wait_for (cf_test_search_finished, window);
  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_transactions (window)), ==, 6);
  /* The filter button shows a filter is on. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->filter_button), "suggested-action"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->filter_button)), ==, "Filter by Field: 1 filter on");

  cf_test_searches_before = cf_window_get_n_searches (window);
  gtk_drop_down_set_selected (window->filter_method, 0);
  /* While it runs, the old count does not stand for it. */
  g_assert_true (cf_window_is_searching (window));
  g_assert_cmpstr (cf_window_get_count_text (window), ==, "Searching…");
  cf_test_wait_for (cf_test_search_finished, window);
  g_assert_false (cf_window_is_searching (window));
  g_assert_cmpstr (cf_window_get_count_text (window), ==, "9 transactions");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window->filter_button), "suggested-action"));
  cf_test_type_search (window, "现金");
  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_transactions (window)), ==, 2);

  /* When it was imported reads as a local date and time, not as stored. */
  {
    g_autofree char *details = cf_test_details_text (window);
    g_autoptr(GRegex) stored = g_regex_new ("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z", 0, 0, NULL);

    g_assert_nonnull (strstr (details, "Imported"));
    g_assert_false (g_regex_match (stored, details, 0, NULL));
  }
  cf_test_close_window (window);
}

static void
test_void_shows_its_original (CfTestDb      *f,
                              gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  gint64 void_id = cf_test_query_int (f->store, "SELECT id FROM transactions WHERE type = 'void' LIMIT 1");
  g_autofree char *ref = NULL;
  g_autofree char *details = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT ref_no FROM transactions WHERE id = %" G_GINT64_FORMAT, void_id);

  ref = cf_test_query_text (f->store, sql);
  cf_test_type_search (window, ref);
  details = cf_test_details_text (window);
  g_assert_nonnull (strstr (details, "Original voucher no."));
  g_assert_nonnull (strstr (details, "Show the original"));
  cf_test_close_window (window);
}

static gboolean
first_row_shows_two_duplicates (gpointer window)
{
  g_autoptr(CfTransaction) first = g_list_model_get_item (cf_window_get_transactions (window), 0);
  g_autofree char *status = NULL;

  if (first == NULL)
    return FALSE;
  g_object_get (first, "slip-status", &status, NULL);
  return g_strcmp0 (status, "Duplicates ×2") == 0;
}

typedef struct
{
  const char *db_path;
  gboolean    dialog_seen;
  gboolean    could_write;
} PrintDialogProbe;

/* While the print dialog waits for the person, another desk can write: the
 * duplicate is recorded only once Print is pressed. Then it is cancelled. */
static gboolean
probe_print_dialog_cb (gpointer data)
{
  PrintDialogProbe *probe = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), "GtkPrintUnixDialog") &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        {
          g_autoptr(CfStore) other_desk = cf_store_open (probe->db_path, NULL);

          cf_store_set_busy_timeout (other_desk, 0);
          probe->dialog_seen = TRUE;
          probe->could_write = cf_store_exec (other_desk, "BEGIN IMMEDIATE", NULL) &&
                               cf_store_exec (other_desk, "ROLLBACK", NULL);
          gtk_dialog_response (GTK_DIALOG (toplevel), GTK_RESPONSE_CANCEL);
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

static void
test_issue_duplicates (CfTestDb      *f,
                       gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "dup.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfTransaction) first = g_list_model_get_item (cf_window_get_transactions (window), 0);
  gint64 id = cf_transaction_get_id (first);
  g_autofree char *details = NULL;
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;
  guint number;

  /* The slip's preview is in the details before anything is issued. */
  details = cf_test_details_text (window);
  g_assert_nonnull (strstr (details, "Issue Duplicate"));

  number = cf_window_issue_duplicate (window, CF_DUPLICATE_REASON_RETRIEVAL, NULL, CF_RECEIPT_COPY_MERCHANT,
                                      pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 1);
  cf_test_wait_for (cf_test_search_finished, window);
  cf_test_searches_before = cf_window_get_n_searches (window);

  /* Printing goes through GtkPrintOperation; exported here instead of a printer. */
  number = cf_window_issue_duplicate (window, CF_DUPLICATE_REASON_OTHER, "customer lost it", CF_RECEIPT_COPY_CARDHOLDER,
                                      NULL, printed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 2);
  cf_test_wait_for (cf_test_search_finished, window);
  g_assert_true (g_file_test (printed, G_FILE_TEST_EXISTS));
  {
    const char *argv[] = { "pdftotext", printed, "-", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, NULL, NULL));
    if (strstr (text, "DUPLICATE") == NULL)
      g_printerr ("printed text: %s\n", text);
    g_assert_nonnull (strstr (text, "DUPLICATE"));
  }

  /* The list shows the count (once its search has caught up: a search
   * that finished while the print ran may have been an older one); the
   * details list both, with who and why. */
  cf_test_wait_for (first_row_shows_two_duplicates, window);
  {
    g_autoptr(CfTransaction) again = g_list_model_get_item (cf_window_get_transactions (window), 0);
    g_assert_cmpint (cf_transaction_get_id (again), ==, id);
    g_object_get (again, "slip-status", &status, NULL);
    g_assert_cmpstr (status, ==, "Duplicates ×2");
  }
  g_free (details);
  details = cf_test_details_text (window);
  g_assert_nonnull (strstr (details, "Duplicate No. 2"));
  g_assert_nonnull (strstr (details, "customer lost it"));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'issue-duplicate'"), ==, 2);

  /* The real print dialog: no lock while it is open; cancelled, nothing recorded. */
  {
    PrintDialogProbe probe = { f->db_path, FALSE, FALSE };
    guint probe_id = g_timeout_add (50, probe_print_dialog_cb, &probe);

    number = cf_window_issue_duplicate (window, CF_DUPLICATE_REASON_RETRIEVAL, NULL, CF_RECEIPT_COPY_MERCHANT,
                                        NULL, NULL, &error);
    if (!probe.dialog_seen)
      g_source_remove (probe_id);
    g_assert_true (probe.dialog_seen);
    g_assert_true (probe.could_write);
    g_assert_cmpuint (number, ==, 0);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM duplicates"), ==, 2);
  }

  cf_test_close_window (window);
}

static void
test_selection_issues_one_pdf (CfTestDb      *f,
                               gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_column_view_get_model (cf_window_get_column_view (window)));
  g_autofree char *pdf = g_build_filename (f->dir, "five.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };
  const char *pages;

  g_assert_true (gtk_selection_model_select_range (selection, 10, 5, TRUE));
  cf_test_drain_main_loop ();
  details = cf_test_details_text (window);
  g_assert_nonnull (strstr (details, "5 transactions selected"));

  /* The paper width set in Preferences decides the grid: 80 mm, 48 cells, 232 pt. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    g_settings_set_int (settings, "paper-width", 80);
  }

  cf_test_searches_before = cf_window_get_n_searches (window);
  g_assert_cmpuint (cf_window_issue_duplicate (window, CF_DUPLICATE_REASON_TAX, NULL, CF_RECEIPT_COPY_BANK,
                                               pdf, NULL, &error), ==, 1);
  g_assert_no_error (error);
  cf_test_wait_for (cf_test_search_finished, window);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM duplicates WHERE copy = 'bank'"), ==, 5);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &info, NULL, NULL, NULL));
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages + strlen ("Pages:")), ==, 5);
  g_assert_nonnull (strstr (info, "Page size:       226.772 x"));
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    g_settings_reset (settings, "paper-width");
  }
  cf_test_close_window (window);
}

/* Issue Duplicate asks first: the reason and the copy; "Other" needs its
 * words before anything can be issued; Cancel records nothing. */
static void
test_duplicate_dialog_asks_first (CfTestDb      *f,
                                  gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  CfDuplicateDialog *dialog;
  gint64 before = cf_test_query_int (f->store, "SELECT count(*) FROM duplicates");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.issue-duplicate", NULL));
  cf_test_drain_main_loop ();
  dialog = cf_test_find_toplevel (CF_TYPE_DUPLICATE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Issue a Duplicate Slip");
  /* A customer's request asks for the cardholder's copy; the bank's
   * retrieval for the merchant's. */
  g_assert_cmpuint (gtk_drop_down_get_selected (cf_duplicate_dialog_get_reason (dialog)), ==, CF_DUPLICATE_REASON_CUSTOMER);
  g_assert_cmpuint (gtk_drop_down_get_selected (cf_duplicate_dialog_get_copy (dialog)), ==, CF_RECEIPT_COPY_CARDHOLDER);
  gtk_drop_down_set_selected (cf_duplicate_dialog_get_reason (dialog), CF_DUPLICATE_REASON_RETRIEVAL);
  g_assert_cmpuint (gtk_drop_down_get_selected (cf_duplicate_dialog_get_copy (dialog)), ==, CF_RECEIPT_COPY_MERCHANT);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "pdf"));

  gtk_drop_down_set_selected (cf_duplicate_dialog_get_reason (dialog), CF_DUPLICATE_REASON_OTHER);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "pdf"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "print"));
  gtk_editable_set_text (cf_duplicate_dialog_get_reason_text (dialog), "customs declaration");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "pdf"));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "print"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_drain_main_loop ();
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM duplicates"), ==, before);
  cf_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!cf_test_window_init (&argc, &argv))
    return 0;

  CF_TEST_ADD_EMPTY ("/browser/empty-database", test_empty_database);
  CF_TEST_ADD_EMPTY ("/browser/import", test_import_from_window);
  CF_TEST_ADD_EMPTY ("/browser/filter-by-payment-method", test_filter_by_payment_method);
  CF_TEST_ADD_DEMO ("/browser/lists-everything-newest-first", test_lists_everything_newest_first);
  CF_TEST_ADD_DEMO ("/browser/search-as-typed", test_search_as_typed);
  CF_TEST_ADD_DEMO ("/browser/near-misses", test_near_misses);
  CF_TEST_ADD_DEMO ("/browser/columns-give-way", test_columns_give_way);
  CF_TEST_ADD_DEMO ("/browser/sort-by-amount", test_sort_by_amount);
  CF_TEST_ADD_DEMO ("/browser/void-shows-its-original", test_void_shows_its_original);
  CF_TEST_ADD_DEMO ("/browser/issue-duplicates", test_issue_duplicates);
  CF_TEST_ADD_DEMO ("/browser/duplicate-dialog-asks-first", test_duplicate_dialog_asks_first);
  CF_TEST_ADD_DEMO ("/browser/selection-issues-one-pdf", test_selection_issues_one_pdf);

  return g_test_run ();
}
