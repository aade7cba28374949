/* cf-window.c — the transaction browser a clerk lives in
 *
 * One search entry that understands what is typed, a filter popover for
 * explicit fields, the results as a lazily loaded list sorted in SQL, and the
 * selected transaction's details beside it (cf-window-details.c). Searching,
 * sorting and the columns are in cf-window-search.c, importing in
 * cf-window-import.c, who is at the window in cf-window-session.c.
 * Searches and imports run off the main loop; a new keystroke cancels the
 * search before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-duplicate-dialog.h"
#include "cf-receipt-preview.h"
#include "cf-loss-dialog.h"
#include "cf-handover-page.h"
#include "cf-losses-page.h"
#include "cf-money.h"
#include "cf-preferences-window.h"
#include "cf-store.h"
#include "cf-transaction-list.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"
#include "cf-window-private.h"

/* A selection issued as one PDF: a thousand slips take about a second. */
#define MAX_DUPLICATES_AT_ONCE 1000

G_DEFINE_FINAL_TYPE (CfWindow, cf_window, ADW_TYPE_APPLICATION_WINDOW)

/* The transaction the details show: the first of the selection. */
CfTransaction *
cf_window_current_transaction (CfWindow *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (gtk_bitset_is_empty (set))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (set));
}

/* At most @max of the selected transactions, in list order. */
static GPtrArray *
selected_transactions (CfWindow *self,
                       guint     max)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *txns = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        CfTransaction *txn = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
        if (txn != NULL)
          g_ptr_array_add (txns, txn);
      }
    while (txns->len < max && gtk_bitset_iter_next (&iter, &position));
  return txns;
}

void
cf_window_select_only (CfWindow *self,
             guint     position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

guint
cf_window_paper_columns (CfWindow *self)
{
  return cf_receipt_columns_for_paper (self->settings != NULL ? (guint) g_settings_get_int (self->settings, "paper-width") : 58);
}

static GSettings *
settings_if_installed (void)
{
  /* Run from the build folder without GSETTINGS_SCHEMA_DIR, the schema may be
   * missing: the window then simply does not remember anything. */
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  return schema != NULL ? g_settings_new (APPLICATION_ID) : NULL;
}


static void
selection_changed_cb (CfWindow *self)
{
  cf_window_update_detail (self);
}

static void
column_view_activate_cb (CfWindow *self,
                         guint     position)
{
  /* Enter opens the details. */
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "show-details", TRUE);
  gtk_widget_set_visible (self->detail_scroller, TRUE);
  gtk_widget_grab_focus (self->detail_scroller);
}

/* The whole window */

/**
 * cf_window_reload:
 *
 * Counts the transactions again and shows the empty state or the browser.
 */
void
cf_window_reload (CfWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *base = NULL;
  gint64 total;

  g_return_if_fail (CF_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  total = cf_store_count_transactions (self->store, &error);
  if (total < 0)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  base = cf_store_dup_display_name (self->store);
  adw_view_switcher_title_set_subtitle (self->window_title, base);
  cf_losses_page_reload (self->losses_page);
  cf_handover_page_reload (self->handover_page);
  cf_reconcile_page_reload (self->reconcile_page);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), cf_store_get_path (self->store));

  if (total == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->filter_button), FALSE);
      gtk_label_set_text (self->count_label, "");
      gtk_label_set_text (self->search_caption, "");
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "browse");
  cf_window_start_search (self);
}

static void
list_width_changed_cb (CfWindow *self)
{
  cf_window_search_width_changed (self);
}

/* Duplicates */

static void
duplicate_issued_cb (gpointer user_data)
{
  CfWindow *self = user_data;
  g_autoptr(CfTransaction) txn = cf_window_current_transaction (self);

  /* The rows' counts changed: search again and keep the first selected. */
  if (txn != NULL)
    self->select_after_search = cf_transaction_get_id (txn);
  cf_window_start_search (self);
  /* A lost slip's duplicate settles it: the incidents say so. */
  if (self->losses_page != NULL)
    cf_losses_page_reload (self->losses_page);
}

/* The duplicate dialog for @txns (the selection, or an incident's pending slips). */
static void
ask_duplicates (CfWindow  *self,
                GPtrArray *txns)
{
  CfDuplicateDialog *dialog;

  if (txns->len == 0)
    return;
  dialog = cf_duplicate_dialog_new (GTK_WINDOW (self), self->store, txns, cf_details_pane_get_copy (self->details),
                                    cf_window_get_operator (self), cf_window_paper_columns (self));
  g_signal_connect_object (dialog, "issued", G_CALLBACK (duplicate_issued_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An incident's follow-up: the duplicates of the slips given, whatever is selected. */
static void
issue_duplicates_of_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GPtrArray) txns = g_ptr_array_new_with_free_func (g_object_unref);
  GVariantIter iter;
  gint64 id;

  if (self->store == NULL)
    return;
  g_variant_iter_init (&iter, parameter);
  while (txns->len < MAX_DUPLICATES_AT_ONCE && g_variant_iter_next (&iter, "x", &id))
    {
      CfTransaction *txn = cf_store_get_transaction (self->store, id, NULL);

      if (txn != NULL)
        g_ptr_array_add (txns, txn);
    }
  ask_duplicates (self, txns);
}

/* From anywhere in the window (an incident's slip): the browser, that transaction selected. */
static void
show_transaction_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (self->store == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "transactions");
  cf_window_show_transaction (self, g_variant_get_int64 (parameter));
}

static void
issue_duplicate_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GPtrArray) txns = selected_transactions (self, MAX_DUPLICATES_AT_ONCE);

  if (self->store != NULL)
    ask_duplicates (self, txns);
}

/**
 * cf_window_issue_duplicate:
 * @pdf_path: (nullable): save here, or print when %NULL
 * @print_export_path: (nullable): when printing, export to this file instead of the dialog
 *
 * Issues a duplicate of each selected transaction (one PDF, or one print job)
 * as the dialog would, under
 * the window's operator, and refreshes the list and details.
 *
 * Returns: the duplicate's number, or 0 with @error set
 */
guint
cf_window_issue_duplicate (CfWindow          *self,
                           CfDuplicateReason  reason,
                           const char        *reason_text,
                           CfReceiptCopy      copy,
                           const char        *pdf_path,
                           const char        *print_export_path,
                           GError           **error)
{
  g_autoptr(GPtrArray) txns = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (CF_IS_WINDOW (self), 0);

  txns = selected_transactions (self, MAX_DUPLICATES_AT_ONCE);
  g_return_val_if_fail (txns->len > 0, 0);
  records = cf_duplicate_dialog_issue (GTK_WINDOW (self), self->store, txns, reason, reason_text, copy,
                                       cf_window_get_operator (self), cf_window_paper_columns (self), pdf_path, print_export_path, error);
  if (records == NULL)
    return 0;
  duplicate_issued_cb (self);
  return ((CfDuplicateRecord *) g_ptr_array_index (records, 0))->number;
}

/* Losses */

static void
loss_dialog_destroyed_cb (CfWindow *self)
{
  if (self->losses_page != NULL)
    cf_losses_page_reload (self->losses_page);
  if (self->store != NULL)
    cf_window_start_search (self);
}

static void
report_loss_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GArray) ids = NULL;
  CfLossDialog *dialog;

  if (self->store == NULL)
    return;
  /* From the browser, the selected transactions come ticked. */
  ids = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "transactions") == 0
        ? cf_window_get_selected_ids (self) : NULL;
  dialog = cf_loss_dialog_new (GTK_WINDOW (self), self->store, cf_window_get_operator (self), ids);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (loss_dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cf_window_new:
 * @store: (nullable): the open database, or %NULL when it could not be opened
 * @open_error: (nullable): why it could not
 *
 * Returns: (transfer full): a window on @store
 */
CfWindow *
cf_window_new (GtkApplication *app,
               CfStore        *store,
               const GError  *open_error)
{
  CfWindow *self = g_object_new (CF_TYPE_WINDOW, "application", app, NULL);

  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       open_error != NULL ? open_error->message : _("Unknown error"));
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
      return self;
    }

  self->store = g_object_ref (store);
  self->session = cf_session_new (store, self->settings);
  self->losses_page = cf_losses_page_new (self->session);
  gtk_box_append (self->losses_box, GTK_WIDGET (self->losses_page));
  self->handover_page = cf_handover_page_new (self->session);
  gtk_widget_set_vexpand (GTK_WIDGET (self->handover_page), TRUE);
  gtk_box_append (self->handover_box, GTK_WIDGET (self->handover_page));
  self->reconcile_page = cf_reconcile_page_new (self->session);
  gtk_widget_set_vexpand (GTK_WIDGET (self->reconcile_page), TRUE);
  gtk_box_append (self->reconcile_box, GTK_WIDGET (self->reconcile_page));
  /* Nothing shows until someone signs in; see cf-window-session.c. */
  cf_window_session_start (self);
  return self;
}

/**
 * cf_window_get_transactions:
 *
 * Returns: (transfer none): the transactions the window lists
 */
GListModel *
cf_window_get_transactions (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return gtk_multi_selection_get_model (self->selection);
}

/**
 * cf_window_get_visible_page:
 *
 * Returns: `browse`, `empty` or `error`; with `browse`, `none` when nothing matches
 */
const char *
cf_window_get_visible_page (CfWindow *self)
{
  const char *page;

  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "browse") == 0 && g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack), "none") == 0)
    return "none";
  return page;
}

/**
 * cf_window_get_visible_section:
 *
 * Returns: the section shown: `transactions`, `losses`, `handover`,
 *   `reconcile`, `audit` or `shops`
 */
const char *
cf_window_get_visible_section (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * cf_window_get_n_searches:
 *
 * Returns: how many searches have finished, so a test can wait for the next
 */
guint
cf_window_get_n_searches (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), 0);
  return self->n_searches;
}

/**
 * cf_window_is_searching:
 *
 * Returns: whether a search runs whose result is not shown yet
 */
gboolean
cf_window_is_searching (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);
  return self->search_pending;
}

/**
 * cf_window_get_operator:
 *
 * Returns: (nullable): the operator no. every action is recorded under
 */
const char *
cf_window_get_operator (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->session != NULL ? cf_session_get_operator_no (self->session) : NULL;
}

/**
 * cf_window_get_search_entry:
 *
 * Returns: (transfer none): the search entry, for tests to type into
 */
GtkEditable *
cf_window_get_search_entry (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

/**
 * cf_window_get_caption:
 *
 * Returns: how the window says it read the search
 */
const char *
cf_window_get_caption (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return gtk_label_get_text (self->search_caption);
}

const char *
cf_window_get_count_text (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return gtk_label_get_text (self->count_label);
}

/**
 * cf_window_get_details:
 *
 * Returns: (transfer none): the box the selected transaction's details are shown in
 */
GtkWidget *
cf_window_get_details (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->details);
}

/**
 * cf_window_get_losses_page:
 *
 * Returns: (transfer none) (nullable): the Losses and Requests section
 */
CfLossesPage *
cf_window_get_losses_page (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->losses_page;
}

CfReconcilePage *
cf_window_get_reconcile_page (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->reconcile_page;
}

/**
 * cf_window_get_handover_page:
 *
 * Returns: (transfer none) (nullable): the Handover section
 */
CfHandoverPage *
cf_window_get_handover_page (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->handover_page;
}

/**
 * cf_window_get_selected_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the selected transactions
 */
GArray *
cf_window_get_selected_ids (CfWindow *self)
{
  g_autoptr(GPtrArray) txns = selected_transactions (self, G_MAXUINT);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < txns->len; i++)
    {
      gint64 id = cf_transaction_get_id (g_ptr_array_index (txns, i));
      g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * cf_window_get_store:
 *
 * Returns: (transfer none) (nullable): the database the window shows
 */
CfStore *
cf_window_get_store (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * cf_window_get_session:
 *
 * Returns: (transfer none) (nullable): who is at the desk; %NULL when no
 *   database could be opened
 */
CfSession *
cf_window_get_session (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * cf_window_present_preferences:
 *
 * Shows Preferences over the window, unless it is locked: a locked window
 * shows nothing, its preferences included.
 */
void
cf_window_present_preferences (CfWindow *self)
{
  g_return_if_fail (CF_IS_WINDOW (self));

  if (self->store != NULL && cf_window_is_locked (self))
    return;
  gtk_window_present (GTK_WINDOW (cf_preferences_window_new (GTK_WINDOW (self), self->session)));
}

GtkColumnView *
cf_window_get_column_view (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->column_view;
}

gboolean
cf_window_is_importing (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);
  return self->importing;
}

static gboolean
cf_window_close_request (GtkWindow *window)
{
  CfWindow *self = CF_WINDOW (window);

  if (self->closing)
    return TRUE;   /* the backup on close is running; the window goes when it is done */

  /* A running import is rolled back; a running search is dropped. */
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->import_cancellable);
  g_cancellable_cancel (self->search_cancellable);
  if (self->settings != NULL)
    g_settings_set_int (self->settings, "details-width",
                        gtk_widget_get_width (GTK_WIDGET (self->paned)) - gtk_paned_get_position (self->paned));
  if (cf_window_session_close (self))
    return TRUE;

  return GTK_WINDOW_CLASS (cf_window_parent_class)->close_request (window);
}

static void
cf_window_dispose (GObject *object)
{
  CfWindow *self = (CfWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  cf_window_session_dispose (self);
  /* Tearing the column view down changes its sorter: no searches from now on. */
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_WINDOW);
  g_clear_object (&self->list);
  g_clear_object (&self->settings);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->filter, cf_transaction_query_free);

  G_OBJECT_CLASS (cf_window_parent_class)->dispose (object);
}

static const char *const section_keys[] = { "transactions", "losses", "handover", "reconcile", "audit", "shops" };

/* Alt+1…6; a section the person may not see (the Audit Log for a clerk, the
 * Shops but at a head office) is not shown. */
static void
show_section_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  AdwViewStackPage *page;
  GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, name);

  if (child == NULL)
    return;
  page = adw_view_stack_get_page (self->view_stack, child);
  if (adw_view_stack_page_get_visible (page))
    adw_view_stack_set_visible_child (self->view_stack, child);
}

static void
cf_window_class_init (CfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cf_window_close_request;

  g_type_ensure (CF_TYPE_TRANSACTION);
  g_type_ensure (CF_TYPE_WIDTH_PROBE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, losses_box);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, handover_box);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, reconcile_box);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, operator_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, operator_label);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, search_caption);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, detail_box);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, no_results_box);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, list_probe);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, columns_menu);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, session_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, sign_in_box);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, audit_box);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, audit_stack_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, chain_box);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, chain_stack_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, audit_banner);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, connection_banner);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, audit_banner_label);
  gtk_widget_class_bind_template_child_full (widget_class, "column_time", FALSE, G_STRUCT_OFFSET (CfWindow, columns[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "column_terminal", FALSE, G_STRUCT_OFFSET (CfWindow, columns[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "column_operator", FALSE, G_STRUCT_OFFSET (CfWindow, columns[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "column_voucher", FALSE, G_STRUCT_OFFSET (CfWindow, columns[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "column_ref", FALSE, G_STRUCT_OFFSET (CfWindow, columns[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "column_auth", FALSE, G_STRUCT_OFFSET (CfWindow, columns[5]));
  gtk_widget_class_bind_template_child_full (widget_class, "column_card", FALSE, G_STRUCT_OFFSET (CfWindow, columns[6]));
  gtk_widget_class_bind_template_child_full (widget_class, "column_brand", FALSE, G_STRUCT_OFFSET (CfWindow, columns[9]));
  gtk_widget_class_bind_template_child_full (widget_class, "column_type", FALSE, G_STRUCT_OFFSET (CfWindow, columns[7]));
  gtk_widget_class_bind_template_child_full (widget_class, "column_amount", FALSE, G_STRUCT_OFFSET (CfWindow, columns[8]));
  gtk_widget_class_bind_template_child_full (widget_class, "column_slip", FALSE, G_STRUCT_OFFSET (CfWindow, columns[10]));
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_width_changed_cb);

  cf_window_import_class_init (widget_class);
  cf_window_search_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.issue-duplicate", NULL, issue_duplicate_activated);
  gtk_widget_class_install_action (widget_class, "win.report-loss", NULL, report_loss_activated);
  gtk_widget_class_install_action (widget_class, "win.issue-duplicates-of", "ax", issue_duplicates_of_activated);
  gtk_widget_class_install_action (widget_class, "win.show-transaction", "x", show_transaction_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  /* Every section from the keyboard, in the switcher's order. */
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_activated);
  for (guint i = 0; i < G_N_ELEMENTS (section_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-section", "s",
                                         section_keys[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.import-history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.issue-duplicate", NULL);
  cf_window_session_class_init (widget_class);
}

static void
cf_window_init (CfWindow *self)
{
  g_autoptr(GtkBuilder) shortcuts = gtk_builder_new_from_resource ("/org/counterfoil/Counterfoil/gtk/help-overlay.ui");

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+? and the main menu's Keyboard Shortcuts: win.show-help-overlay. */
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (shortcuts, "help_overlay")));

  self->cancellable = g_cancellable_new ();
  self->settings = settings_if_installed ();

  cf_window_search_init (self);
  cf_window_details_init (self);

  cf_window_import_init (self);

  if (self->settings != NULL)
    {
      g_autoptr(GAction) details = g_settings_create_action (self->settings, "show-details");
      int width = g_settings_get_int (self->settings, "details-width");

      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "show-details", self->detail_scroller, "visible", G_SETTINGS_BIND_GET);
      g_action_map_add_action (G_ACTION_MAP (self), details);
      gtk_widget_set_size_request (self->detail_scroller, CLAMP (width, 260, 600), -1);
      g_signal_connect_object (self->settings, "changed::paper-width",
                               G_CALLBACK (cf_window_update_detail), self, G_CONNECT_SWAPPED);
    }
  cf_window_update_detail (self);
  cf_window_session_init (self);
}
