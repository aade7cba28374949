/* test-window.c — the transaction browser, built for real under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "cf-audit-page.h"
#include "cf-auth.h"
#include "cf-backups-page.h"
#include "cf-demo.h"
#include "cf-handover-page.h"
#include "cf-import-summary.h"
#include "cf-importer.h"
#include "cf-loss-dialog.h"
#include "cf-shift-service.h"
#include "cf-losses-page.h"
#include "cf-preferences-window.h"
#include "cf-sign-in-page.h"
#include "cf-store-private.h"
#include "cf-test-util.h"
#include "cf-transaction.h"
#include "cf-window.h"

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done (@data) says so, at most 30 s. */
static void
wait_for (gboolean (*done) (gpointer),
          gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (30000, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  drain_main_loop ();
}

static gboolean
audit_warning_shown (gpointer window)
{
  return *cf_window_get_audit_warning (window) != '\0';
}

static gboolean
audit_verified (gpointer page)
{
  return !cf_audit_page_is_verifying (page);
}

static gboolean
backups_idle (gpointer page)
{
  return !cf_backups_page_is_busy (page);
}

static gboolean
window_locked (gpointer window)
{
  return cf_window_is_locked (window);
}

static guint searches_before;

static gboolean
search_finished (gpointer window)
{
  return cf_window_get_n_searches (window) > searches_before;
}

static void
type_search (CfWindow   *window,
             const char *text)
{
  searches_before = cf_window_get_n_searches (window);
  gtk_editable_set_text (cf_window_get_search_entry (window), text);
  wait_for (search_finished, window);
}

static gboolean
import_finished (gpointer window)
{
  return !cf_window_is_importing (window);
}

/* The first descendant of @widget of @type whose title (a row's) or label
 * (a button's) is @text; any of @type when @text is NULL. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      const char *own = ADW_IS_PREFERENCES_ROW (widget) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))
                        : GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

      if (text == NULL || g_strcmp0 (own, text) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type_into (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Chooses the entry of @combo whose label holds "(@no)". */
static void
choose_operator (AdwComboRow *combo,
                 const char  *no)
{
  GListModel *model = adw_combo_row_get_model (combo);
  g_autofree char *needle = g_strdup_printf ("(%s)", no);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), needle) != NULL)
      {
        adw_combo_row_set_selected (combo, i);
        return;
      }
  g_assert_not_reached ();
}

/* Signs in through the sign-in page, as a person would: chooses the
 * operator, types the PIN, presses the button. On a new database the page
 * asks for the first manager instead, who is then @no with @pin. */
static void
sign_in (CfWindow   *window,
         const char *no,
         const char *pin)
{
  GtkWidget *page = GTK_WIDGET (cf_window_get_sign_in_page (window));

  g_assert_true (cf_window_is_locked (window));
  if (cf_sign_in_page_is_setup (CF_SIGN_IN_PAGE (page)))
    {
      type_into (page, "Operator no. (as printed on slips)", no);
      type_into (page, "Name", "赵敏");
      type_into (page, "PIN (4 to 12 digits)", pin);
      type_into (page, "The same PIN again", pin);
      g_signal_emit_by_name (find_widget (page, GTK_TYPE_BUTTON, "_Create and Sign In"), "clicked");
    }
  else
    {
      choose_operator (ADW_COMBO_ROW (find_widget (page, ADW_TYPE_COMBO_ROW, "Operator")), no);
      type_into (page, "PIN", pin);
      g_signal_emit_by_name (find_widget (page, GTK_TYPE_BUTTON, "_Sign In"), "clicked");
    }
  drain_main_loop ();
}

static CfWindow *
show_window (CfStore      *store,
             const GError *error)
{
  CfWindow *window;

  searches_before = 0;
  window = cf_window_new (NULL, store, error);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  if (store != NULL)
    {
      /* The demo shop's manager, or the first manager of an empty database. */
      sign_in (window, "099", CF_DEMO_PIN);
      g_assert_false (cf_window_is_locked (window));
    }
  if (store != NULL && cf_store_count_transactions (store, NULL) > 0)
    wait_for (search_finished, window);
  drain_main_loop ();
  return window;
}

/* Locks the window and signs someone else in. */
static void
switch_operator (CfWindow   *window,
                 const char *no)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  sign_in (window, no, CF_DEMO_PIN);
  g_assert_false (cf_window_is_locked (window));
  g_assert_cmpstr (cf_window_get_operator (window), ==, no);
}

static void
close_window (CfWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (out, "%s\n", gtk_button_get_label (GTK_BUTTON (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
details_text (CfWindow *window)
{
  GString *out = g_string_new (NULL);

  collect_labels (cf_window_get_details (window), out);
  return g_string_free (out, FALSE);
}

static void
demo_setup (CfTestDb      *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 11, 29, 12, 0, 0);

  cf_test_db_setup (f, data);
  g_assert_true (cf_demo_populate (f->store, 3000, 5, until, NULL, &error));
  g_assert_no_error (error);
}

static void
test_empty_database (CfTestDb      *f,
                     gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);

  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "empty");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cf_window_get_search_entry (window))));
  close_window (window);
}

static void
test_lists_everything_newest_first (CfTestDb      *f,
                                    gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
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
  details = details_text (window);
  g_assert_nonnull (strstr (details, cf_transaction_get_voucher_no (first)));
  g_assert_nonnull (strstr (details, cf_transaction_get_ref_no (first)));
  g_assert_nonnull (strstr (details, "Demo data"));
  close_window (window);
}

static void
test_search_as_typed (CfTestDb      *f,
                      gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
  GListModel *model;
  g_autofree char *voucher = cf_test_query_text (f->store, "SELECT voucher_no FROM transactions WHERE id = 1500");
  g_autofree char *ref = cf_test_query_text (f->store, "SELECT ref_no FROM transactions WHERE id = 1500");
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM transactions WHERE voucher_no = '%s'", voucher);
  g_autofree char *caption = NULL;
  g_autofree char *details = NULL;

  type_search (window, voucher);
  model = cf_window_get_transactions (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, cf_test_query_int (f->store, sql));
  caption = g_strdup_printf ("Looking for voucher no. %s", voucher);
  g_assert_cmpstr (cf_window_get_caption (window), ==, caption);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfTransaction) txn = g_list_model_get_item (model, i);
      g_assert_cmpstr (cf_transaction_get_voucher_no (txn), ==, voucher);
    }

  type_search (window, ref);
  model = cf_window_get_transactions (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (cf_window_get_count_text (window), ==, "1 transaction");
  details = details_text (window);
  g_assert_nonnull (strstr (details, ref));

  /* Nothing matches: the window says so and offers to widen the search. */
  type_search (window, "999999 0.01");
  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "none");
  g_assert_cmpstr (cf_window_get_count_text (window), ==, "0 transactions");

  searches_before = cf_window_get_n_searches (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-search", NULL));
  wait_for (search_finished, window);
  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_transactions (window)), ==, 3000);

  close_window (window);
}

static void
test_sort_by_amount (CfTestDb      *f,
                     gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
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

  searches_before = cf_window_get_n_searches (window);
  gtk_column_view_sort_by_column (view, amount, GTK_SORT_ASCENDING);
  wait_for (search_finished, window);
  model = cf_window_get_transactions (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3000);
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

  searches_before = cf_window_get_n_searches (window);
  gtk_column_view_sort_by_column (view, amount, GTK_SORT_DESCENDING);
  wait_for (search_finished, window);
  {
    g_autoptr(CfTransaction) first = g_list_model_get_item (cf_window_get_transactions (window), 0);
    g_autoptr(CfTransaction) second = g_list_model_get_item (cf_window_get_transactions (window), 1);
    g_assert_cmpint (cf_transaction_get_signed_amount (first), >=, cf_transaction_get_signed_amount (second));
  }
  close_window (window);
}

static CfImportSummary *
find_summary (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (CF_IS_IMPORT_SUMMARY (window))
        return CF_IMPORT_SUMMARY (window);
    }
  return NULL;
}

static void
test_import_from_window (CfTestDb      *f,
                         gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
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
  wait_for (import_finished, window);

  /* The window now lists what came in, and the summary says what happened. */
  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "browse");
  searches_before = 0;
  wait_for (search_finished, window);
  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_transactions (window)), ==, 5);

  summary = find_summary ();
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
    wait_for (import_finished, window);
    who = cf_test_query_text (f->store, "SELECT operator_no FROM imports ORDER BY id DESC LIMIT 1");
    g_assert_cmpstr (who, ==, "099");
    summary = find_summary ();
    g_assert_cmpstr (cf_import_summary_get_headline (summary), ==,
                     "1 files: 1 imported, 1 duplicates, 1 conflicts, 0 rejected, 0 unreadable");
    gtk_window_destroy (GTK_WINDOW (summary));
  }

  /* And stays reachable from the import history. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-history", NULL));
  drain_main_loop ();
  summary = find_summary ();
  g_assert_nonnull (summary);
  g_assert_cmpuint (cf_import_summary_get_n_shown_rejects (summary), ==, 5);  /* 4 rejected + 1 conflict */
  gtk_window_destroy (GTK_WINDOW (summary));

  close_window (window);
}

static void
test_void_shows_its_original (CfTestDb      *f,
                              gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
  gint64 void_id = cf_test_query_int (f->store, "SELECT id FROM transactions WHERE type = 'void' LIMIT 1");
  g_autofree char *ref = NULL;
  g_autofree char *details = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT ref_no FROM transactions WHERE id = %" G_GINT64_FORMAT, void_id);

  ref = cf_test_query_text (f->store, sql);
  type_search (window, ref);
  details = details_text (window);
  g_assert_nonnull (strstr (details, "Original voucher no."));
  g_assert_nonnull (strstr (details, "Show the original"));
  close_window (window);
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
  CfWindow *window = show_window (f->store, NULL);
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
  details = details_text (window);
  g_assert_nonnull (strstr (details, "Issue Duplicate"));

  number = cf_window_issue_duplicate (window, CF_DUPLICATE_REASON_RETRIEVAL, NULL, CF_RECEIPT_COPY_MERCHANT,
                                      pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 1);
  wait_for (search_finished, window);
  searches_before = cf_window_get_n_searches (window);

  /* Printing goes through GtkPrintOperation; exported here instead of a printer. */
  number = cf_window_issue_duplicate (window, CF_DUPLICATE_REASON_OTHER, "customer lost it", CF_RECEIPT_COPY_CARDHOLDER,
                                      NULL, printed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 2);
  wait_for (search_finished, window);
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
  wait_for (first_row_shows_two_duplicates, window);
  {
    g_autoptr(CfTransaction) again = g_list_model_get_item (cf_window_get_transactions (window), 0);
    g_assert_cmpint (cf_transaction_get_id (again), ==, id);
    g_object_get (again, "slip-status", &status, NULL);
    g_assert_cmpstr (status, ==, "Duplicates ×2");
  }
  g_free (details);
  details = details_text (window);
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

  close_window (window);
}

static void
test_selection_issues_one_pdf (CfTestDb      *f,
                               gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_column_view_get_model (cf_window_get_column_view (window)));
  g_autofree char *pdf = g_build_filename (f->dir, "five.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };
  const char *pages;

  g_assert_true (gtk_selection_model_select_range (selection, 10, 5, TRUE));
  drain_main_loop ();
  details = details_text (window);
  g_assert_nonnull (strstr (details, "5 transactions selected"));

  /* The paper width set in Preferences decides the grid: 80 mm, 48 cells, 232 pt. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    g_settings_set_int (settings, "paper-width", 80);
  }

  searches_before = cf_window_get_n_searches (window);
  g_assert_cmpuint (cf_window_issue_duplicate (window, CF_DUPLICATE_REASON_TAX, NULL, CF_RECEIPT_COPY_BANK,
                                               pdf, NULL, &error), ==, 1);
  g_assert_no_error (error);
  wait_for (search_finished, window);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM duplicates WHERE copy = 'bank'"), ==, 5);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &info, NULL, NULL, NULL));
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages + strlen ("Pages:")), ==, 5);
  g_assert_nonnull (strstr (info, "Page size:       232 x"));
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    g_settings_reset (settings, "paper-width");
  }
  close_window (window);
}

static CfLossDialog *
find_loss_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (CF_IS_LOSS_DIALOG (window))
        return CF_LOSS_DIALOG (window);
    }
  return NULL;
}

static void
test_loss_dialog_from_selection (CfTestDb      *f,
                                 gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_column_view_get_model (cf_window_get_column_view (window)));
  CfLossDialog *dialog;
  gint64 incident;

  g_assert_true (gtk_selection_model_select_range (selection, 0, 3, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report-loss", NULL));
  drain_main_loop ();
  dialog = find_loss_dialog ();
  g_assert_nonnull (dialog);
  g_object_ref (dialog);

  /* 1: the three selected transactions come ticked. */
  g_assert_cmpstr (cf_loss_dialog_get_step (dialog), ==, "missing");
  gtk_editable_set_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "description")), "evening folder missing");
  g_assert_true (cf_loss_dialog_next (dialog));
  /* 2: impact, computed. */
  g_assert_cmpstr (cf_loss_dialog_get_step (dialog), ==, "impact");
  g_assert_true (cf_loss_dialog_next (dialog));
  /* 3: the responsible person is required. */
  g_assert_false (cf_loss_dialog_next (dialog));
  g_assert_nonnull (strstr (cf_loss_dialog_get_message (dialog), "responsible"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cf_loss_dialog_get_field (dialog, "cause")), 0);
  gtk_editable_set_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "responsible")), "001");
  g_assert_true (cf_loss_dialog_next (dialog));
  /* 4: customers, optional. */
  g_assert_cmpstr (cf_loss_dialog_get_step (dialog), ==, "customers");
  g_assert_true (cf_loss_dialog_next (dialog));
  /* 5: one slip requested from the bank, one without action (needs a reason), one duplicate. */
  g_assert_cmpstr (cf_loss_dialog_get_step (dialog), ==, "remedy");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cf_loss_dialog_get_field (dialog, "remedy-0")), 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cf_loss_dialog_get_field (dialog, "remedy-1")), 3);
  g_assert_false (cf_loss_dialog_next (dialog));
  gtk_editable_set_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "reason-1")), "customer paid again in cash");
  searches_before = cf_window_get_n_searches (window);
  g_assert_true (cf_loss_dialog_next (dialog));
  incident = cf_loss_dialog_get_incident (dialog);
  g_assert_cmpint (incident, >, 0);
  drain_main_loop ();
  g_assert_finalize_object (dialog);
  wait_for (search_finished, window);

  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM loss_slips"), ==, 3);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM replacement_requests WHERE counterpart = 'acquirer'"), ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM loss_slips WHERE remedy = 'none'"), ==, 1);
  {
    g_autofree char *description = cf_test_query_text (f->store, "SELECT description FROM loss_incidents");
    g_assert_cmpstr (description, ==, "evening folder missing");
  }

  /* The browser shows it, and so does the Losses section. */
  {
    g_autoptr(CfTransaction) first = g_list_model_get_item (cf_window_get_transactions (window), 0);
    g_autofree char *status = NULL;
    g_object_get (first, "slip-status", &status, NULL);
    g_assert_cmpstr (status, ==, "Reported lost");
  }
  g_assert_cmpuint (cf_losses_page_get_n_incidents (cf_window_get_losses_page (window)), ==, 1);
  g_assert_cmpuint (cf_losses_page_get_n_requests (cf_window_get_losses_page (window)), ==, 1);
  {
    g_autofree char *letter = g_build_filename (f->dir, "letter.pdf", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (cf_losses_page_save_letter (cf_window_get_losses_page (window), 1, letter, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (letter, G_FILE_TEST_EXISTS));
  }
  /* The letter previewed as it will print; no such request, a clear refusal. */
  {
    g_autoptr(GError) error = NULL;
    CfReportWindow *preview = cf_losses_page_preview_letter (cf_window_get_losses_page (window), 1, &error);
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (preview);
    text = cf_report_doc_to_text (cf_report_window_get_report (preview));
    g_assert_nonnull (strstr (text, "签购单补办申请"));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preview)));
    gtk_window_destroy (GTK_WINDOW (preview));
    g_assert_null (cf_losses_page_preview_letter (cf_window_get_losses_page (window), 99, &error));
    g_assert_nonnull (error);
  }
  close_window (window);
}

static void
test_loss_dialog_draft (CfTestDb      *f,
                        gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_column_view_get_model (cf_window_get_column_view (window)));
  CfLossDialog *dialog;

  g_assert_true (gtk_selection_model_select_range (selection, 5, 2, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report-loss", NULL));
  drain_main_loop ();
  dialog = find_loss_dialog ();
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_true (cf_loss_dialog_next (dialog));
  gtk_editable_set_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "responsible")), "002");
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_true (cf_loss_dialog_next (dialog));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cf_loss_dialog_get_field (dialog, "remedy-1")), 2);

  /* Closed before Finish: the work is kept as a draft. */
  gtk_window_close (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_assert_null (find_loss_dialog ());
  {
    g_autofree char *draft = cf_store_get_setting (f->store, "loss.draft");
    g_assert_nonnull (draft);
  }

  /* Opened again with nothing selected: the draft comes back, to the remedies. */
  gtk_selection_model_unselect_all (selection);
  drain_main_loop ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report-loss", NULL));
  drain_main_loop ();
  dialog = find_loss_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "responsible"))), ==, "002");
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cf_loss_dialog_get_field (dialog, "remedy-1"))), ==, 2);
  g_assert_true (cf_loss_dialog_next (dialog));
  drain_main_loop ();

  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM loss_slips"), ==, 2);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM replacement_requests WHERE counterpart = 'provider'"), ==, 1);
  {
    g_autofree char *draft = cf_store_get_setting (f->store, "loss.draft");
    g_assert_null (draft);
  }
  close_window (window);
}

static char *
report_text (CfHandoverPage *page)
{
  g_assert_nonnull (cf_handover_page_get_report (page));
  return cf_report_doc_to_text (cf_handover_page_get_report (page));
}

static void
test_handover_shift_to_sign_off (CfTestDb      *f,
                                 gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
  CfHandoverPage *page = cf_window_get_handover_page (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *signed_text = NULL;
  gint64 id;

  g_assert_nonnull (page);
  g_assert_cmpuint (cf_handover_page_get_n_shifts (page), ==, 0);
  g_assert_null (cf_handover_page_get_report (page));

  /* The clerk at the desk opens a shift; opening a second is refused. */
  switch_operator (window, "001");
  g_assert_true (cf_handover_page_open_shift (page, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cf_handover_page_get_n_shifts (page), ==, 1);
  g_assert_false (cf_handover_page_open_shift (page, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  draft = report_text (page);
  g_assert_nonnull (strstr (draft, "草稿 DRAFT"));
  g_assert_nonnull (strstr (draft, "001 王芳"));

  /* Eight hours later (the clock is moved, not waited for) she hands over. */
  id = cf_test_query_int (f->store, "SELECT id FROM shifts");
  g_assert_true (cf_store_exec (f->store, "UPDATE shifts SET started_at = datetime (started_at, '-8 hours')", NULL));
  cf_handover_page_reload (page);
  g_assert_true (cf_handover_page_close_shift (page, "002", "钱箱已清点", "", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM shifts WHERE ended_at IS NOT NULL"), ==, 1);

  /* A clerk cannot sign off; the manager can, and the report says so. */
  g_assert_false (cf_handover_page_sign_off (page, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  switch_operator (window, "099");
  g_assert_true (cf_handover_page_select_shift (page, id));
  g_assert_true (cf_handover_page_sign_off (page, &error));
  g_assert_no_error (error);
  signed_text = report_text (page);
  g_assert_null (strstr (signed_text, "DRAFT"));
  g_assert_nonnull (strstr (signed_text, "No. 000001"));
  g_assert_nonnull (strstr (signed_text, "002 李娜"));
  g_assert_nonnull (strstr (signed_text, "钱箱已清点"));
  close_window (window);
}

static void
find_entry_rows (GtkWidget *widget,
                 GPtrArray *rows)
{
  if (ADW_IS_ENTRY_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    find_entry_rows (child, rows);
}

static void
test_preferences_save_merchant (CfTestDb      *f,
                                gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
  CfPreferencesWindow *prefs = cf_preferences_window_new (window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *name = NULL;
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (prefs));
  drain_main_loop ();
  find_entry_rows (GTK_WIDGET (prefs), rows);
  g_assert_cmpuint (rows->len, ==, 5);  /* four merchant fields and the database */
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (rows->pdata[i]), "key"), "merchant.name") == 0)
      {
        gtk_editable_set_text (GTK_EDITABLE (rows->pdata[i]), "  望京便利超市  ");
        g_signal_emit_by_name (rows->pdata[i], "apply");
        found = TRUE;
      }
  g_assert_true (found);
  name = cf_store_get_setting (f->store, "merchant.name");
  g_assert_cmpstr (name, ==, "望京便利超市");
  gtk_window_destroy (GTK_WINDOW (prefs));
  drain_main_loop ();
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

/* The newest message dialog with @heading, or NULL. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

static gboolean
button_sensitive (gpointer window)
{
  GtkWidget *button = find_widget (GTK_WIDGET (cf_window_get_sign_in_page (window)), GTK_TYPE_BUTTON, "_Sign In");

  return button != NULL && gtk_widget_get_sensitive (button);
}

static void
test_sign_in_lock_and_override (CfTestDb      *f,
                                gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
  CfHandoverPage *page = cf_window_get_handover_page (window);
  GtkWidget *sign_in_page = GTK_WIDGET (cf_window_get_sign_in_page (window));
  g_autoptr(GSettings) settings = g_settings_new ("org.counterfoil.Counterfoil");
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  AdwMessageDialog *dialog;
  gint64 shift;

  /* The manager is in; the desk is shown, and the Audit Log with it. */
  g_assert_cmpstr (cf_window_get_operator (window), ==, "099");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (cf_window_get_search_entry (window))));

  /* Ctrl+L's action hides the desk. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  drain_main_loop ();
  g_assert_true (cf_window_is_locked (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (cf_window_get_search_entry (window))));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_widget (sign_in_page, ADW_TYPE_COMBO_ROW, NULL))),
                   ==, "Operator");

  /* A wrong PIN: said so, and the button waits. */
  sign_in (window, "001", "9999");
  g_assert_true (cf_window_is_locked (window));
  g_assert_nonnull (strstr (cf_sign_in_page_get_message (CF_SIGN_IN_PAGE (sign_in_page)), "Wrong PIN"));
  {
    GtkWidget *button = find_widget (sign_in_page, GTK_TYPE_BUTTON, "Try Again in 1 Second");
    if (button == NULL)
      button = find_widget (sign_in_page, GTK_TYPE_BUTTON, "Try Again in 2 Seconds");
    g_assert_nonnull (button);
    g_assert_false (gtk_widget_get_sensitive (button));
  }
  wait_for (button_sensitive, window);
  sign_in (window, "001", CF_DEMO_PIN);
  g_assert_false (cf_window_is_locked (window));
  g_assert_cmpstr (cf_window_get_operator (window), ==, "001");

  /* Idle minutes lock the window; 0 never does. */
  g_settings_set_uint (settings, "lock-after-minutes", 0);
  g_assert_false (cf_window_lock_if_idle (window, g_get_monotonic_time () + (gint64) G_USEC_PER_SEC * 3600));
  g_settings_set_uint (settings, "lock-after-minutes", 5);
  g_assert_false (cf_window_lock_if_idle (window, g_get_monotonic_time () + (gint64) G_USEC_PER_SEC * 240));
  g_assert_true (cf_window_lock_if_idle (window, g_get_monotonic_time () + (gint64) G_USEC_PER_SEC * 301));
  g_assert_true (cf_window_is_locked (window));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'lock-window' "
                                                "AND operator_no = '001' AND details = 'idle'"), ==, 1);
  sign_in (window, "001", CF_DEMO_PIN);

  /* A clerk signs off a shift: the manager's prompt, not a dead button. */
  shift = cf_shift_open (f->store, "002", NULL, "2026-11-28 08:00", &error);
  g_assert_true (cf_shift_close (f->store, shift, "2026-11-28 16:00", "001", NULL, NULL, "002", &error));
  g_assert_no_error (error);
  cf_handover_page_reload (page);
  g_assert_true (cf_handover_page_select_shift (page, shift));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Sign Off…"), "clicked");
  drain_main_loop ();
  adw_message_dialog_response (find_dialog ("Sign Off the Report?"), "sign");
  drain_main_loop ();
  dialog = find_dialog ("Manager Approval Needed");
  g_assert_nonnull (dialog);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM handover_reports"), ==, 0);

  /* A wrong manager PIN asks again; the right one signs it, with both names. */
  choose_operator (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Manager")), "099");
  type_into (GTK_WIDGET (dialog), "Manager’s PIN", "1357");
  adw_message_dialog_response (dialog, "approve");
  drain_main_loop ();
  dialog = find_dialog ("Manager Approval Needed");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Wrong PIN"));
  g_usleep (2100 * 1000);  /* the wrong PIN's wait: a second, rounded up */
  choose_operator (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Manager")), "099");
  type_into (GTK_WIDGET (dialog), "Manager’s PIN", CF_DEMO_PIN);
  adw_message_dialog_response (dialog, "approve");
  drain_main_loop ();
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM handover_reports"), ==, 1);
  details = cf_test_query_text (f->store, "SELECT details FROM audit_log WHERE action = 'sign-off-handover' "
                                          "AND operator_no = '001'");
  g_assert_nonnull (strstr (details, "[manager override: 099]"));
  g_assert_null (cf_store_get_override (f->store));
  close_window (window);
}

static void
test_audit_page_and_banner (CfTestDb      *f,
                            gconstpointer  data)
{
  CfWindow *window;
  CfAuditPage *audit;
  GtkWidget *operator_entry;
  gint64 expected;

  /* Someone edits the log behind the application's back. */
  g_assert_true (cf_store_add_audit_entry (f->store, "001", "test", NULL, 0, "first", NULL));
  g_assert_true (cf_store_add_audit_entry (f->store, "001", "test", NULL, 0, "second", NULL));
  g_assert_true (cf_store_exec (f->store, "DROP TRIGGER audit_log_append_only; "
                                          "UPDATE audit_log SET details = 'edited' WHERE details = 'first'", NULL));
  expected = cf_test_query_int (f->store, "SELECT id FROM audit_log WHERE details = 'edited'");

  window = show_window (f->store, NULL);
  wait_for (audit_warning_shown, window);
  {
    g_autofree char *needle = g_strdup_printf ("entry %lld ", (long long) expected);
    g_assert_nonnull (strstr (cf_window_get_audit_warning (window), needle));
  }

  /* The manager's Audit Log names the same entry and filters by operator. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-audit", NULL));
  drain_main_loop ();
  g_assert_cmpstr (cf_window_get_visible_section (window), ==, "audit");
  audit = cf_window_get_audit_page (window);
  wait_for (audit_verified, audit);
  g_assert_nonnull (strstr (cf_audit_page_get_status (audit), "Altered"));
  /* Verify the Chain runs in a worker: the page says so and the window draws. */
  cf_audit_page_verify (audit);
  g_assert_true (cf_audit_page_is_verifying (audit));
  g_assert_nonnull (strstr (cf_audit_page_get_status (audit), "Verifying"));
  wait_for (audit_verified, audit);
  g_assert_nonnull (strstr (cf_audit_page_get_status (audit), "Altered"));
  operator_entry = find_widget (GTK_WIDGET (audit), GTK_TYPE_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (operator_entry), "001");
  drain_main_loop ();
  g_assert_cmpuint (cf_audit_page_get_n_shown (audit), ==,
                    cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE operator_no = '001'"));
  g_assert_cmpuint (cf_audit_page_get_n_shown (audit), >=, 2);

  /* The actions are listed by what they are called; choosing one narrows the log. */
  {
    GtkDropDown *actions = GTK_DROP_DOWN (find_widget (GTK_WIDGET (audit), GTK_TYPE_DROP_DOWN, NULL));
    GListModel *labels = gtk_drop_down_get_model (actions);
    guint chosen = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "Signed in") == 0)
        chosen = i;
    g_assert_cmpuint (chosen, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (actions, chosen);
    drain_main_loop ();
    g_assert_cmpuint (cf_audit_page_get_n_shown (audit), ==,
                      cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE operator_no = '001' "
                                                   "AND action = 'sign-in'"));
  }

  /* A clerk does not see it. */
  switch_operator (window, "001");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-audit", NULL));
  g_assert_cmpstr (cf_window_get_visible_section (window), !=, "audit");
  close_window (window);
}

static guint n_before_import;

static gboolean
command_line_rows_shown (gpointer window)
{
  return g_list_model_get_n_items (cf_window_get_transactions (window)) == n_before_import + 5;
}

static void
test_sees_command_line_import (CfTestDb      *f,
                               gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "COUNTERFOIL_PIN", CF_DEMO_PIN, TRUE);
  const char *argv[] = { g_getenv ("COUNTERFOIL_EXE"), "--db", f->db_path, "--operator", "002", "import", journal, NULL };
  g_autoptr(GSubprocess) import = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  n_before_import = g_list_model_get_n_items (cf_window_get_transactions (window));
  g_subprocess_launcher_set_environ (launcher, env);
  import = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  /* The window writes while the import runs: locking and signing in are audited. */
  for (int i = 0; i < 3; i++)
    switch_operator (window, i % 2 == 0 ? "001" : "099");
  g_assert_true (g_subprocess_communicate_utf8 (import, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (import), ==, 0);
  g_assert_null (strstr (err, "locked"));

  /* Without a click, the new rows appear. */
  wait_for (command_line_rows_shown, window);
  close_window (window);
}

static gboolean
daily_backup_taken (gpointer window)
{
  g_autoptr(GPtrArray) backups = cf_store_list_backups (cf_window_get_store (window));

  return backups->len >= 1;
}

static void
test_restore_from_preferences (CfTestDb      *f,
                               gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
  CfPreferencesWindow *prefs;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  CfBackupsPage *page;

  /* A new database has no backup yet: the window takes its daily one at once. */
  wait_for (daily_backup_taken, window);
  prefs = cf_preferences_window_new (window);
  gtk_window_present (GTK_WINDOW (prefs));
  drain_main_loop ();
  page = CF_BACKUPS_PAGE (find_widget (GTK_WIDGET (prefs), CF_TYPE_BACKUPS_PAGE, NULL));
  g_assert_nonnull (page);
  g_assert_cmpuint (cf_backups_page_get_n_backups (page), ==, 1);

  /* Back Up Now, then a change, then the backup restored. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Back Up Now"), "clicked");
  g_assert_true (cf_backups_page_is_busy (page));
  wait_for (backups_idle, page);
  g_assert_cmpuint (cf_backups_page_get_n_backups (page), ==, 2);
  g_assert_true (cf_auth_set_merchant_setting (f->store, "099", "merchant.name", "改过的名字", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) backups = cf_store_list_backups (f->store);
    backup = g_strdup (g_ptr_array_index (backups, 0));
  }
  cf_backups_page_restore (page, backup);
  g_assert_true (cf_backups_page_is_busy (page));   /* in a worker: the window draws meanwhile */
  wait_for (window_locked, window);

  /* Restored, the rest kept aside, and everyone signs in again. */
  name = cf_store_get_setting (f->store, "merchant.name");
  g_assert_cmpstr (name, !=, "改过的名字");
  g_assert_true (cf_window_is_locked (window));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'restore-backup' "
                                                "AND operator_no = '099'"), ==, 1);
  g_assert_nonnull (find_dialog ("Backup Restored"));
  gtk_window_destroy (GTK_WINDOW (find_dialog ("Backup Restored")));
  close_window (window);
}

static gboolean
pointer_cleared (gpointer pointer_location)
{
  return *(gpointer *) pointer_location == NULL;
}

static guint
n_backups (CfStore *store)
{
  g_autoptr(GPtrArray) backups = cf_store_list_backups (store);
  return backups->len;
}

/* Quit closes the window as its close button does: the backup on close is
 * taken (in a worker, the window hidden at once), then the window goes. */
static void
test_quit_backs_up (CfTestDb      *f,
                    gconstpointer  data)
{
  g_autoptr(CfApplication) app = cf_application_new (f->db_path);
  g_autoptr(GError) error = NULL;
  CfWindow *window;
  guint before;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = cf_window_new (app, f->store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  sign_in (window, "099", CF_DEMO_PIN);
  wait_for (daily_backup_taken, window);
  before = n_backups (f->store);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_nonnull (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  wait_for (pointer_cleared, &window);
  g_assert_cmpuint (n_backups (f->store), ==, before + 1);
}

/* The activity watcher the window put on @widget for keys. */
static GtkEventController *
activity_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "cf-activity") == 0)
        return controller;
    }
  return NULL;
}

static void
test_typing_in_a_dialog_is_activity (CfTestDb      *f,
                                     gconstpointer  data)
{
  CfWindow *window = show_window (f->store, NULL);
  g_autoptr(GSettings) settings = g_settings_new ("org.counterfoil.Counterfoil");
  CfPreferencesWindow *prefs;
  GtkEventController *keys;
  gboolean handled = FALSE;
  gint64 typed_at;

  g_settings_set_uint (settings, "lock-after-minutes", 5);
  prefs = cf_preferences_window_new (window);
  gtk_window_present (GTK_WINDOW (prefs));
  drain_main_loop ();
  keys = activity_key_controller (GTK_WIDGET (prefs));
  g_assert_nonnull (keys);

  /* A second after signing in, a key in Preferences; five minutes less
   * half a second after that key, the window is not idle. */
  g_usleep (G_USEC_PER_SEC + G_USEC_PER_SEC / 10);
  typed_at = g_get_monotonic_time ();
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_a, 0, 0, &handled);
  g_assert_false (handled);
  g_assert_false (cf_window_lock_if_idle (window, typed_at + (gint64) G_USEC_PER_SEC * 299 + G_USEC_PER_SEC / 2));
  g_assert_true (cf_window_lock_if_idle (window, typed_at + (gint64) G_USEC_PER_SEC * 301));
  g_assert_true (cf_window_is_locked (window));
  drain_main_loop ();
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

  g_test_add ("/window/empty-database", CfTestDb, NULL, cf_test_db_setup, test_empty_database, cf_test_db_teardown);
  g_test_add ("/window/preferences-save-merchant", CfTestDb, NULL, cf_test_db_setup, test_preferences_save_merchant,
              cf_test_db_teardown);
  g_test_add ("/window/import", CfTestDb, NULL, cf_test_db_setup, test_import_from_window, cf_test_db_teardown);
#define ADD(path, func) g_test_add (path, CfTestDb, NULL, demo_setup, func, cf_test_db_teardown)
  ADD ("/window/lists-everything-newest-first", test_lists_everything_newest_first);
  ADD ("/window/search-as-typed", test_search_as_typed);
  ADD ("/window/sort-by-amount", test_sort_by_amount);
  ADD ("/window/void-shows-its-original", test_void_shows_its_original);
  ADD ("/window/issue-duplicates", test_issue_duplicates);
  ADD ("/window/selection-issues-one-pdf", test_selection_issues_one_pdf);
  ADD ("/window/loss-dialog-from-selection", test_loss_dialog_from_selection);
  ADD ("/window/loss-dialog-draft", test_loss_dialog_draft);
  ADD ("/window/handover-shift-to-sign-off", test_handover_shift_to_sign_off);
  ADD ("/window/sign-in-lock-and-override", test_sign_in_lock_and_override);
  ADD ("/window/audit-page-and-banner", test_audit_page_and_banner);
  ADD ("/window/quit-backs-up", test_quit_backs_up);
  ADD ("/window/sees-command-line-import", test_sees_command_line_import);
  ADD ("/window/restore-from-preferences", test_restore_from_preferences);
  ADD ("/window/typing-in-a-dialog-is-activity", test_typing_in_a_dialog_is_activity);
#undef ADD
  g_test_add_func ("/window/open-error-shown", test_open_error_shown);

  return g_test_run ();
}
