/* test-losses-page.c — lost slips from the window under Xvfb: the guided loss dialog, its draft, the Losses section and the letter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-duplicate-dialog.h"
#include "cf-loss-dialog-private.h"
#include "cf-loss-service.h"
#include "cf-losses-page-private.h"
#include "cf-report-window-private.h"
#include "cf-store-private.h"
#include "cf-test-window.h"
#include "cf-transaction.h"

static gboolean
window_idle (gpointer window)
{
  return !cf_window_is_searching (window);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_tooltip (GtkWidget  *widget,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A request's fee and the day it was paid are two fields; the calendar fills the day. */
static void
check_fee_fields (CfTestDb *f,
                  CfWindow *window)
{
  {
    GtkWidget *losses = GTK_WIDGET (cf_window_get_losses_page (window));
    GtkWidget *paid = cf_test_find_widget (losses, ADW_TYPE_ENTRY_ROW, "Paid on (YYYY-MM-DD)");
    GtkCalendar *calendar = GTK_CALENDAR (cf_test_find_widget (losses, GTK_TYPE_CALENDAR, NULL));
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, 30, 0, 0, 0);

    g_assert_nonnull (paid);
    g_assert_nonnull (calendar);
    cf_test_type_into (losses, "Fee charged for the copies", "50.00");
    gtk_calendar_select_day (calendar, day);
    g_signal_emit_by_name (calendar, "day-selected");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (paid)), ==, "2026-11-30");
    g_signal_emit_by_name (paid, "apply");
    cf_test_drain_main_loop ();
    g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM replacement_requests WHERE fee_minor = 5000 "
                                                  "AND fee_paid_on = '2026-11-30'"), ==, 1);
  }
}

/* Cancelling a request is asked first, and Keep It keeps it. */
static void
check_cancel_is_asked (CfTestDb *f,
                       CfWindow *window)
{
  {
    GtkWidget *cancel = cf_test_find_widget (GTK_WIDGET (cf_window_get_losses_page (window)), GTK_TYPE_BUTTON,
                                             "Move to “Cancelled”");
    AdwMessageDialog *ask;

    g_assert_nonnull (cancel);
    g_assert_true (gtk_widget_has_css_class (cancel, "destructive-action"));
    g_signal_emit_by_name (cancel, "clicked");
    cf_test_drain_main_loop ();
    ask = cf_test_find_dialog ("Cancel the Request?");
    g_assert_nonnull (ask);
    adw_message_dialog_response (ask, "keep");
    gtk_window_destroy (GTK_WINDOW (ask));
    cf_test_drain_main_loop ();
    g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM replacement_requests WHERE status = 'cancelled'"), ==, 0);

    g_signal_emit_by_name (cancel, "clicked");
    cf_test_drain_main_loop ();
    ask = cf_test_find_dialog ("Cancel the Request?");
    adw_message_dialog_response (ask, "cancel-request");
    gtk_window_destroy (GTK_WINDOW (ask));
    cf_test_drain_main_loop ();
    g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM replacement_requests WHERE status = 'cancelled'"), ==, 1);
  }
}

static void
test_loss_dialog_from_selection (CfTestDb      *f,
                                 gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_column_view_get_model (cf_window_get_column_view (window)));
  CfLossDialog *dialog;
  gint64 incident;

  g_assert_true (gtk_selection_model_select_range (selection, 0, 3, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report-loss", NULL));
  cf_test_drain_main_loop ();
  dialog = cf_test_find_toplevel (CF_TYPE_LOSS_DIALOG);
  g_assert_nonnull (dialog);
  g_object_ref (dialog);

  /* 1: the three selected transactions come ticked. */
  g_assert_cmpstr (cf_loss_dialog_get_step (dialog), ==, "missing");
  gtk_editable_set_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "description")), "evening folder missing");
  g_assert_true (cf_loss_dialog_next (dialog));
  /* 2: impact, computed. */
  g_assert_cmpstr (cf_loss_dialog_get_step (dialog), ==, "impact");
  g_assert_true (cf_loss_dialog_next (dialog));
  /* 3: the responsible person is required: Next waits for one, and the
   * field is marked; who found it is the clerk signed in, one of the
   * operators the button beside it lists. */
  {
    GtkWidget *next = cf_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Next");
    GtkWidget *responsible = cf_loss_dialog_get_field (dialog, "responsible");
    g_autofree char *me = g_strdup_printf ("(%s)", cf_window_get_operator (window));

    g_assert_false (gtk_widget_get_sensitive (next));
    g_assert_false (cf_loss_dialog_next (dialog));
    g_assert_nonnull (strstr (cf_loss_dialog_get_message (dialog), "responsible"));
    g_assert_true (gtk_widget_has_css_class (responsible, "error"));
    g_assert_nonnull (strstr (gtk_editable_get_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "discovered-by"))), me));
    g_assert_nonnull (find_by_tooltip (GTK_WIDGET (dialog), "Choose an Operator"));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (cf_loss_dialog_get_field (dialog, "cause")), 0);
    gtk_editable_set_text (GTK_EDITABLE (responsible), "001");
    g_assert_true (gtk_widget_get_sensitive (next));
    g_assert_false (gtk_widget_has_css_class (responsible, "error"));
  }
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
  cf_test_searches_before = cf_window_get_n_searches (window);
  g_assert_true (cf_loss_dialog_next (dialog));
  incident = cf_loss_dialog_get_incident (dialog);
  g_assert_cmpint (incident, >, 0);
  cf_test_drain_main_loop ();
  g_assert_finalize_object (dialog);
  cf_test_wait_for (cf_test_search_finished, window);

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
    g_autofree char *details = cf_test_details_text (window);
    g_autofree char *heading = g_strdup_printf ("Loss incident #%" G_GINT64_FORMAT, incident);

    g_object_get (first, "slip-status", &status, NULL);
    g_assert_cmpstr (status, ==, "Reported lost");
    /* Its details say which loss report holds it, and what was decided. */
    g_assert_nonnull (strstr (details, heading));
    g_assert_null (strstr (details, "Loss reports"));
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

  check_fee_fields (f, window);
  check_cancel_is_asked (f, window);
  cf_test_close_window (window);
}

static void
test_loss_dialog_draft (CfTestDb      *f,
                        gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_column_view_get_model (cf_window_get_column_view (window)));
  CfLossDialog *dialog;

  g_assert_true (gtk_selection_model_select_range (selection, 5, 2, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report-loss", NULL));
  cf_test_drain_main_loop ();
  dialog = cf_test_find_toplevel (CF_TYPE_LOSS_DIALOG);
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_true (cf_loss_dialog_next (dialog));
  gtk_editable_set_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "responsible")), "002");
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_true (cf_loss_dialog_next (dialog));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cf_loss_dialog_get_field (dialog, "remedy-1")), 2);

  /* Closed before Finish: the work is kept as a draft. */
  gtk_window_close (GTK_WINDOW (dialog));
  cf_test_drain_main_loop ();
  g_assert_null (cf_test_find_toplevel (CF_TYPE_LOSS_DIALOG));
  {
    g_autofree char *draft = cf_store_get_setting (f->store, "loss.draft");
    g_assert_nonnull (draft);
  }

  /* Opened again with nothing selected: the draft comes back, to the remedies.
   * A search the window runs meanwhile would select its first row: it is let
   * finish first. */
  cf_test_wait_for (window_idle, window);
  gtk_selection_model_unselect_all (selection);
  cf_test_drain_main_loop ();
  cf_test_wait_for (window_idle, window);
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
    g_assert_true (gtk_bitset_is_empty (selected));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report-loss", NULL));
  cf_test_drain_main_loop ();
  dialog = cf_test_find_toplevel (CF_TYPE_LOSS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "responsible"))), ==, "002");
  /* The notice that the draft is back is a notice, not an error. */
  {
    GtkWidget *notice = find_label (GTK_WIDGET (dialog), cf_loss_dialog_get_message (dialog));

    g_assert_nonnull (strstr (cf_loss_dialog_get_message (dialog), "draft"));
    g_assert_nonnull (notice);
    g_assert_false (gtk_widget_has_css_class (notice, "error"));
  }
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cf_loss_dialog_get_field (dialog, "remedy-1"))), ==, 2);
  g_assert_true (cf_loss_dialog_next (dialog));
  cf_test_drain_main_loop ();

  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM loss_slips"), ==, 2);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM replacement_requests WHERE counterpart = 'provider'"), ==, 1);
  {
    g_autofree char *draft = cf_store_get_setting (f->store, "loss.draft");
    g_assert_null (draft);
  }
  cf_test_close_window (window);
}

static void
collect_label_texts (GtkWidget *widget,
                     GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, out);
}

static GtkWidget *
find_select_all (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget) && g_str_has_prefix (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), "_Select all"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_select_all (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Step 1 without a period says so instead of listing the oldest sales; a
 * day's sales are ticked in one click. */
static void
test_loss_dialog_select_all (CfTestDb      *f,
                             gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  gint64 on_day = cf_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE local_time >= '2026-11-20' "
                                               "AND local_time < '2026-11-21'");
  CfLossDialog *dialog;
  GtkWidget *find;
  GtkWidget *all;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report-loss", NULL));
  cf_test_drain_main_loop ();
  dialog = cf_test_find_toplevel (CF_TYPE_LOSS_DIALOG);
  g_assert_nonnull (dialog);
  find = cf_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Find the Transactions");
  g_assert_nonnull (find);

  gtk_editable_set_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "from")), "");
  gtk_editable_set_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "to")), "");
  g_signal_emit_by_name (find, "clicked");
  g_assert_nonnull (strstr (cf_loss_dialog_get_message (dialog), "period"));
  g_assert_null (find_select_all (GTK_WIDGET (dialog)));

  gtk_editable_set_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "from")), "2026-11-20 00:00");
  gtk_editable_set_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "to")), "2026-11-20 23:59:59");
  g_signal_emit_by_name (find, "clicked");
  all = find_select_all (GTK_WIDGET (dialog));
  g_assert_nonnull (all);
  g_assert_cmpint (on_day, >, 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (all), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (cf_loss_dialog_get_field (dialog, "description")), "the day's folder");
  g_assert_true (cf_loss_dialog_next (dialog));
  g_assert_cmpstr (cf_loss_dialog_get_step (dialog), ==, "impact");
  {
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT " slips, net", on_day);
    g_autoptr(GString) labels = g_string_new (NULL);

    collect_label_texts (GTK_WIDGET (dialog), labels);
    g_assert_nonnull (strstr (labels->str, count));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_close_window (window);
}

static GtkWidget *
find_incident_row (GtkWidget *widget,
                   gint64     id)
{
  if (ADW_IS_ACTION_ROW (widget) && GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "incident-id")) == (gsize) id)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_incident_row (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A finished incident opens: its slips, what became of each, its request,
 * and the follow-up — the pending duplicates issued in one go. */
static void
test_incident_page (CfTestDb      *f,
                    gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  CfLossesPage *losses = cf_window_get_losses_page (window);
  CfIncidentView *view = cf_losses_page_get_incident_view (losses);
  CfLossSlip slips[4] = {
    { .transaction_id = 101, .remedy = CF_LOSS_REMEDY_DUPLICATE, .contacted = TRUE, .customer_note = "copy by Friday" },
    { .transaction_id = 102, .remedy = CF_LOSS_REMEDY_DUPLICATE },
    { .transaction_id = 103, .remedy = CF_LOSS_REMEDY_REQUEST, .counterpart = "acquirer" },
    { .transaction_id = 104, .remedy = CF_LOSS_REMEDY_NONE, .remedy_reason = "paid again in cash" },
  };
  CfLossIncidentInfo info = { .description = "evening folder", .cause = "human", .responsible = "001",
                              .discovered_by = "002" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pdf = g_build_filename (f->dir, "pending.pdf", NULL);
  g_autoptr(GPtrArray) records = NULL;
  CfDuplicateDialog *dialog;
  GtkWidget *row;
  GtkWidget *follow_up;
  gint64 incident = cf_loss_create_incident (f->store, &info, slips, G_N_ELEMENTS (slips), "001", &error);

  g_assert_no_error (error);
  cf_losses_page_reload (losses);
  row = find_incident_row (GTK_WIDGET (losses), incident);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  cf_test_drain_main_loop ();
  g_assert_cmpint (cf_incident_view_get_incident_id (view), ==, incident);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_STACK))),
                   ==, "incident");
  g_assert_cmpuint (cf_incident_view_get_n_pending (view), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Open · 1 of 4 slips settled"));
  follow_up = cf_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "_Issue the 2 Pending Duplicates…");
  g_assert_nonnull (follow_up);
  g_assert_nonnull (cf_test_find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "What is missing"));

  /* The follow-up asks as Issue Duplicate does, for exactly the pending slips. */
  g_signal_emit_by_name (follow_up, "clicked");
  cf_test_drain_main_loop ();
  dialog = cf_test_find_toplevel (CF_TYPE_DUPLICATE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Issue Duplicate Slips");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_drain_main_loop ();

  /* Issued (as the dialog issues them): the incident open on screen follows. */
  g_ptr_array_add (pending, cf_store_get_transaction (f->store, 101, NULL));
  g_ptr_array_add (pending, cf_store_get_transaction (f->store, 102, NULL));
  records = cf_duplicate_dialog_issue (GTK_WINDOW (window), f->store, pending, CF_DUPLICATE_REASON_CUSTOMER, NULL,
                                       CF_RECEIPT_COPY_CARDHOLDER, "001", 32, pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  cf_losses_page_reload (losses);
  g_assert_cmpint (cf_incident_view_get_incident_id (view), ==, incident);
  g_assert_cmpuint (cf_incident_view_get_n_pending (view), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Open · 3 of 4 slips settled"));
  g_assert_false (gtk_widget_get_visible (follow_up));

  /* Its request opens in the list; a slip opens in the browser. */
  g_signal_emit_by_name (cf_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "_Open"), "clicked");
  cf_test_drain_main_loop ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_STACK))),
                   ==, "list");
  g_assert_true (adw_expander_row_get_expanded (
    ADW_EXPANDER_ROW (cf_test_find_widget (GTK_WIDGET (losses), ADW_TYPE_EXPANDER_ROW, NULL))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (losses), "win.show-transaction", "x", (gint64) 103));
  cf_test_wait_for (window_idle, window);
  g_assert_cmpstr (cf_window_get_visible_section (window), ==, "transactions");
  {
    g_autoptr(CfTransaction) shown = cf_window_current_transaction (window);

    g_assert_cmpint (cf_transaction_get_id (shown), ==, 103);
  }
  cf_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!cf_test_window_init (&argc, &argv))
    return 0;

  CF_TEST_ADD_DEMO ("/losses/loss-dialog-from-selection", test_loss_dialog_from_selection);
  CF_TEST_ADD_DEMO ("/losses/loss-dialog-draft", test_loss_dialog_draft);
  CF_TEST_ADD_DEMO ("/losses/loss-dialog-select-all", test_loss_dialog_select_all);
  CF_TEST_ADD_DEMO ("/losses/incident-page", test_incident_page);

  return g_test_run ();
}
