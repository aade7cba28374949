/* cf-reconcile-page.c — the Reconciliation section (对账): the journal
 * against what was settled
 *
 * A period (the newest day with transactions, to start) and a terminal;
 * Reconcile sets the terminal's journal against the statements, wallets'
 * bills and processors' exports in a worker thread, with its own
 * connection, and shows each class with its count and amount: matched;
 * amounts that differ, with what each file said; in the journal but not
 * settled, to chase the acquirer for; settled but not in the journal — the
 * terminal lost the record, and the slip with it — each with Report Lost…,
 * which opens the guided loss dialog with that transaction ticked, and
 * Link…, to the journal's sale it is; fees not as agreed; what was marked
 * as expected. Below, what was settled per day beside what was deposited.
 * Report… previews the period's report, Sign Off… seals it (a manager).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-loss-dialog.h"
#include "cf-message.h"
#include "cf-money.h"
#include "cf-reconcile-actions.h"
#include "cf-reconcile-page-private.h"
#include "cf-reconcile-report.h"
#include "cf-report-window.h"
#include "cf-settlement.h"
#include "cf-shift-service.h"
#include "cf-transaction.h"
#include "cf-transaction-query.h"

/* Rows shown per class; the command line lists them all. */
#define MAX_ROWS 200

struct _CfReconcilePage
{
  GtkBox        parent_instance;

  GtkEntry     *from_entry;
  GtkEntry     *to_entry;
  GtkEntry     *terminal_entry;
  GtkWidget    *reconcile_button;
  GtkWidget    *report_button;
  GtkWidget    *sign_button;
  GtkSpinner   *spinner;
  GtkLabel     *status;
  GtkStack     *stack;
  GtkBox       *classes_box;

  CfSession    *session;
  GCancellable *cancellable;
  gboolean      busy;
  gboolean      dirty;           /* the data changed since the last run */
  GPtrArray    *groups;          /* AdwPreferencesGroup per class, in class order */
  GPtrArray    *lost_buttons;
  GPtrArray    *settlement_rows;  /* utf8: each day's line, as shown */
  struct _Result *last;           /* what is shown: its period, its rows */
};

G_DEFINE_FINAL_TYPE (CfReconcilePage, cf_reconcile_page, GTK_TYPE_BOX)

typedef struct
{
  char             *db_path;
  char             *from;         /* as typed; NULL: the newest day */
  char             *to;
  char             *terminal_no;
} Job;

typedef struct _Result
{
  char             *from_day;
  char             *to_day;
  char             *start;        /* the period as the reconciliation takes it */
  char             *end;
  char             *terminal_no;
  GPtrArray        *days;         /* CfSettlementDay */
  CfReconciliation *figures;
  GPtrArray        *rows[CF_RECONCILE_N_CLASSES];         /* CfTransaction */
  GPtrArray        *differences[CF_RECONCILE_N_CLASSES];  /* utf8, "; "-joined per row */
} Result;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->from);
  g_free (job->to);
  g_free (job->terminal_no);
  g_free (job);
}

static void
result_free (Result *result)
{
  g_free (result->from_day);
  g_free (result->to_day);
  g_free (result->start);
  g_free (result->end);
  g_free (result->terminal_no);
  g_clear_pointer (&result->days, g_ptr_array_unref);
  g_clear_pointer (&result->figures, cf_reconciliation_free);
  for (guint c = 0; c < CF_RECONCILE_N_CLASSES; c++)
    {
      g_clear_pointer (&result->rows[c], g_ptr_array_unref);
      g_clear_pointer (&result->differences[c], g_ptr_array_unref);
    }
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* The day of the newest transaction: where a clerk starts. */
static char *
newest_day (CfStore *store)
{
  g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
  g_autoptr(GPtrArray) found = NULL;

  query->limit = 1;
  found = cf_store_find_transactions (store, query, NULL);
  if (found == NULL || found->len == 0)
    return NULL;
  return g_strndup (cf_transaction_get_local_time (g_ptr_array_index (found, 0)), 10);
}

static void
reconcile_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(Result) result = g_new0 (Result, 1);
  g_autoptr(CfStore) store = NULL;
  GError *error = NULL;

  if ((store = cf_store_open (job->db_path, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result->from_day = job->from != NULL ? g_strdup (job->from) : newest_day (store);
  result->to_day = job->to != NULL ? g_strdup (job->to) : g_strdup (result->from_day);
  if (result->from_day == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) result_free);
      return;
    }
  if ((result->start = cf_shift_normalize_time (result->from_day, FALSE, &error)) == NULL ||
      (result->end = cf_shift_normalize_time (result->to_day, TRUE, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result->terminal_no = g_strdup (job->terminal_no);
  if ((result->figures = cf_reconcile_compute (store, result->start, result->end, job->terminal_no, &error)) == NULL ||
      (result->days = cf_settlement_list_days (store, result->start, result->end, job->terminal_no, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint c = CF_RECONCILE_DIFFERS; c < CF_RECONCILE_N_CLASSES; c++)
    {
      GArray *ids = result->figures->ids[c];

      result->rows[c] = g_ptr_array_new_with_free_func (g_object_unref);
      result->differences[c] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < ids->len && i < MAX_ROWS; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          CfTransaction *txn = cf_store_get_transaction (store, id, NULL);
          g_autoptr(GPtrArray) differences = cf_reconcile_describe_differences (store, id, NULL);
          g_autofree char *note = c == CF_RECONCILE_EXPECTED ? cf_reconcile_dup_mark_note (store, id) : NULL;

          if (txn == NULL || differences == NULL)
            {
              g_clear_object (&txn);
              continue;
            }
          if (note != NULL)
            g_ptr_array_add (differences, g_strdup_printf (_("expected: %s"), note));
          g_ptr_array_add (result->rows[c], txn);
          g_ptr_array_add (differences, NULL);
          g_ptr_array_add (result->differences[c], g_strjoinv ("; ", (char **) differences->pdata));
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) result_free);
}

static void
lost_clicked_cb (GtkButton       *button,
                 CfReconcilePage *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "transaction-id"));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CfLossDialog *dialog;

  g_array_append_val (ids, id);
  dialog = cf_loss_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               cf_session_get_store (self->session), cf_session_get_operator_no (self->session), ids);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The dialogs' answers, as the page's functions take them. */
static gboolean
answer_accept (GtkWidget   *page,
               gint64       transaction_id,
               const char  *note,
               GError     **error)
{
  return cf_reconcile_page_accept (CF_RECONCILE_PAGE (page), transaction_id, note, error);
}

static gboolean
answer_expected (GtkWidget   *page,
                 gint64       transaction_id,
                 const char  *note,
                 GError     **error)
{
  return cf_reconcile_page_mark_expected (CF_RECONCILE_PAGE (page), transaction_id, note, error);
}

static gboolean
answer_link (GtkWidget  *page,
             gint64      record_id,
             gint64      transaction_id,
             GError    **error)
{
  return cf_reconcile_page_link (CF_RECONCILE_PAGE (page), record_id, transaction_id, error);
}

static gboolean
answer_deposit (GtkWidget   *page,
                const char  *date,
                gint64       amount_minor,
                const char  *note,
                GError     **error)
{
  return cf_reconcile_page_set_deposit (CF_RECONCILE_PAGE (page), date, amount_minor, note, error);
}

static gint64
button_transaction (GtkButton *button)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "transaction-id"));
}

static void
accept_clicked_cb (GtkButton       *button,
                   CfReconcilePage *self)
{
  cf_reconcile_ask_note (GTK_WIDGET (self), button_transaction (button), _("Accept the Difference?"),
                         _("The files disagree on this sale. If the difference is right — a tip added after the slip "
                           "was printed, a partial refund settled with it — say why; the note is kept with it and it "
                           "counts as matched."),
                         _("Why the difference is right"), _("_Accept"), _("The Difference Was Not Accepted"),
                         answer_accept);
}

static void
expect_clicked_cb (GtkButton       *button,
                   CfReconcilePage *self)
{
  cf_reconcile_ask_note (GTK_WIDGET (self), button_transaction (button), _("Mark as Expected?"),
                         _("Only one side has this sale so far. If that is expected — sold after the acquirer’s "
                           "cut-off and settled the next day — say why; it is counted apart, with the note."),
                         _("Why it is expected"), _("_Mark"), _("It Was Not Marked"), answer_expected);
}

/* The journal's sales not settled, of the record's type: what it can be linked to. */
static GPtrArray *
link_candidates (CfReconcilePage *self,
                 CfTransaction   *record)
{
  GPtrArray *candidates = g_ptr_array_new ();
  GPtrArray *unsettled = self->last != NULL ? self->last->rows[CF_RECONCILE_UNSETTLED] : NULL;

  for (guint i = 0; unsettled != NULL && i < unsettled->len; i++)
    {
      CfTransaction *txn = g_ptr_array_index (unsettled, i);

      if (cf_transaction_get_txn_type (txn) == cf_transaction_get_txn_type (record))
        g_ptr_array_add (candidates, txn);
    }
  return candidates;
}

static void
link_clicked_cb (GtkButton       *button,
                 CfReconcilePage *self)
{
  CfTransaction *record = g_object_get_data (G_OBJECT (button), "transaction");
  g_autoptr(GPtrArray) candidates = link_candidates (self, record);

  cf_reconcile_ask_link (GTK_WIDGET (self), record, candidates, answer_link);
}

static void
deposit_clicked_cb (GtkButton       *button,
                    CfReconcilePage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "day-index"));

  if (self->last != NULL && index < self->last->days->len)
    cf_reconcile_ask_deposit (GTK_WIDGET (self), g_ptr_array_index (self->last->days, index), answer_deposit);
}

static GtkWidget *
add_row_button (CfReconcilePage *self,
                GtkWidget       *row,
                const char      *label,
                gint64           transaction_id,
                GCallback        clicked)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "transaction-id", GSIZE_TO_POINTER (transaction_id));
  g_signal_connect_object (button, "clicked", clicked, self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static void
add_row (CfReconcilePage     *self,
         AdwPreferencesGroup *group,
         CfReconcileClass     klass,
         CfTransaction       *txn,
         const char          *differences)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *amount = cf_transaction_dup_amount_text (txn);
  g_autofree char *card = cf_transaction_dup_masked_card (txn, FALSE);
  g_autofree char *title = g_strdup_printf ("%s   %s   %s", cf_transaction_get_local_time (txn),
                                            cf_txn_type_get_label (cf_transaction_get_txn_type (txn)), amount);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (cf_transaction_get_terminal_no (txn) != NULL)
    g_string_append_printf (subtitle, _("Terminal %s"), cf_transaction_get_terminal_no (txn));
  if (cf_transaction_get_voucher_no (txn) != NULL)
    g_string_append_printf (subtitle, _(" · voucher %s"), cf_transaction_get_voucher_no (txn));
  if (cf_transaction_get_ref_no (txn) != NULL)
    g_string_append_printf (subtitle, _(" · ref. %s"), cf_transaction_get_ref_no (txn));
  if (*card != '\0')
    g_string_append_printf (subtitle, " · %s", card);
  if (differences != NULL && *differences != '\0')
    g_string_append_printf (subtitle, "\n%s", differences);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  if (klass == CF_RECONCILE_MISSING)
    {
      /* Settled, but the terminal kept no record: a candidate lost slip,
       * or one of the journal's sales keyed in wrong. */
      g_autoptr(GPtrArray) candidates = link_candidates (self, txn);
      GtkWidget *link = add_row_button (self, row, _("_Link…"), cf_transaction_get_id (txn), G_CALLBACK (link_clicked_cb));

      g_object_set_data_full (G_OBJECT (link), "transaction", g_object_ref (txn), g_object_unref);
      gtk_widget_set_sensitive (link, candidates->len > 0);
      gtk_widget_set_tooltip_text (link, candidates->len > 0 ? _("It is one of the journal’s sales that were not settled")
                                                             : _("No sale of the journal waits to be settled"));
      g_ptr_array_add (self->lost_buttons,
                       add_row_button (self, row, _("Report _Lost…"), cf_transaction_get_id (txn),
                                       G_CALLBACK (lost_clicked_cb)));
    }
  if (klass == CF_RECONCILE_MISSING || klass == CF_RECONCILE_UNSETTLED)
    add_row_button (self, row, _("_Expected…"), cf_transaction_get_id (txn), G_CALLBACK (expect_clicked_cb));
  else if (klass == CF_RECONCILE_DIFFERS)
    add_row_button (self, row, _("_Accept…"), cf_transaction_get_id (txn), G_CALLBACK (accept_clicked_cb));
  adw_preferences_group_add (group, row);
}

static void
clear_classes (CfReconcilePage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->classes_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->lost_buttons, 0);
  g_ptr_array_set_size (self->settlement_rows, 0);
}

static void
show_result (CfReconcilePage *self,
             Result          *result)
{
  static const char *const hints[CF_RECONCILE_N_CLASSES] = {
    [CF_RECONCILE_MATCHED]   = N_("In the terminal's journal and settled, agreeing."),
    [CF_RECONCILE_DIFFERS]   = N_("In both, but the files do not agree: check the slip against the statement."),
    [CF_RECONCILE_FEE_DIFFERS] = N_("Settled, but the acquirer’s fee is not what the agreed rate makes (Preferences → Agreed Fee Rates)."),
    [CF_RECONCILE_UNSETTLED] = N_("The terminal recorded it; no statement has it yet. If it is not settled next day, ask the acquirer."),
    [CF_RECONCILE_MISSING]   = N_("Settled, but the terminal's journal has no record of it: the terminal lost it, and its slip may be lost too."),
    [CF_RECONCILE_EXPECTED]  = N_("On one side only, and marked as expected, with why."),
  };
  guint total = 0;

  clear_classes (self);
  if (result->figures != NULL)
    for (guint c = 0; c < CF_RECONCILE_N_CLASSES; c++)
      total += result->figures->count[c];
  if (result->from_day != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), result->from_day);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), result->to_day);
    }
  gtk_widget_set_sensitive (self->report_button, total > 0);
  gtk_widget_set_sensitive (self->sign_button, total > 0);
  if (total == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (CfReconcileClass c = 0; c < CF_RECONCILE_N_CLASSES; c++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *amount = cf_money_format (result->figures->amount_minor[c], NULL);
      g_autofree char *title = g_strdup_printf (_("%s: %u · %s"), cf_reconcile_class_label (c),
                                                result->figures->count[c], amount);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(hints[c]));
      for (guint i = 0; result->rows[c] != NULL && i < result->rows[c]->len; i++)
        add_row (self, ADW_PREFERENCES_GROUP (group), c, g_ptr_array_index (result->rows[c], i),
                 g_ptr_array_index (result->differences[c], i));
      gtk_box_append (self->classes_box, group);
      g_ptr_array_add (self->groups, group);
    }
  {
    GtkWidget *group = cf_reconcile_settlement_group_new (result->days, G_CALLBACK (deposit_clicked_cb), self,
                                                          self->settlement_rows);

    gtk_box_append (self->classes_box, group);
    g_ptr_array_add (self->groups, group);
  }
  if (result->figures->open_questions > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u row could be more than one transaction and was stored apart",
                                                            "%u rows could be more than one transaction and were stored apart",
                                                            result->figures->open_questions),
                                               result->figures->open_questions);
      gtk_label_set_text (self->status, text);
    }
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
reconcile_done_cb (GObject      *source,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  CfReconcilePage *self = CF_RECONCILE_PAGE (source);
  g_autoptr(GError) error = NULL;
  Result *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_sensitive (self->reconcile_button, TRUE);
  gtk_label_set_text (self->status, "");
  if (result == NULL)
    {
      gtk_label_set_text (self->status, error->message);
      return;
    }
  /* The rows' buttons point into it, and Link… chooses among its rows:
   * it is the page's before they are made, and stays while they are shown. */
  {
    Result *shown = self->last;

    self->last = result;
    show_result (self, result);
    g_clear_pointer (&shown, result_free);
  }
}

static char *
dup_entry (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return *text != '\0' ? g_strstrip (g_strdup (text)) : NULL;
}

static void
reconcile_clicked_cb (CfReconcilePage *self)
{
  CfStore *store = cf_session_get_store (self->session);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (store == NULL || self->busy)
    return;
  job = g_new0 (Job, 1);
  job->db_path = g_strdup (cf_store_get_path (store));
  job->from = dup_entry (self->from_entry);
  job->to = dup_entry (self->to_entry);
  job->terminal_no = dup_entry (self->terminal_entry);

  self->busy = TRUE;
  gtk_spinner_start (self->spinner);
  gtk_widget_set_sensitive (self->reconcile_button, FALSE);
  gtk_label_set_text (self->status, _("Reconciling…"));
  task = g_task_new (self, self->cancellable, reconcile_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, reconcile_thread);
}

/**
 * cf_reconcile_page_reload:
 *
 * After an import: the same period again, now if the section is shown,
 * else when it is.
 */
void
cf_reconcile_page_reload (CfReconcilePage *self)
{
  g_return_if_fail (CF_IS_RECONCILE_PAGE (self));
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = FALSE;
      reconcile_clicked_cb (self);
    }
}

static void
mapped_cb (CfReconcilePage *self)
{
  if (self->dirty)
    {
      self->dirty = FALSE;
      reconcile_clicked_cb (self);
    }
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CfStore) store = NULL;
  GError *error = NULL;
  CfReconcileScope scope = { job->from, job->to, job->terminal_no };
  CfReportDoc *doc;

  if ((store = cf_store_open (job->db_path, &error)) == NULL ||
      (doc = cf_reconcile_report_build (store, &scope, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, doc, g_object_unref);
}

static void
show_report (CfReconcilePage *self,
             CfReportDoc     *doc)
{
  g_autofree char *file_name = g_strdup_printf ("reconciliation-%s.pdf", self->last != NULL ? self->last->from_day : "");
  CfReportWindow *preview = cf_report_window_new (cf_widget_get_window (GTK_WIDGET (self)), doc,
                                                  _("Reconciliation Report"), file_name);

  gtk_window_present (GTK_WINDOW (preview));
}

static void
report_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  CfReconcilePage *self = CF_RECONCILE_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReportDoc) doc = g_task_propagate_pointer (G_TASK (res), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_label_set_text (self->status, "");
  if (doc == NULL)
    {
      cf_show_message (cf_widget_get_window (GTK_WIDGET (self)), _("The Report Was Not Made"), error->message);
      return;
    }
  show_report (self, doc);
}

/**
 * cf_reconcile_page_open_report:
 *
 * Makes the DRAFT report of the period shown, in a worker thread, and
 * previews it with Save PDF… and Print….
 */
void
cf_reconcile_page_open_report (CfReconcilePage *self)
{
  CfStore *store = cf_session_get_store (self->session);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (store == NULL || self->busy || self->last == NULL || self->last->start == NULL)
    return;
  job = g_new0 (Job, 1);
  job->db_path = g_strdup (cf_store_get_path (store));
  job->from = g_strdup (self->last->start);
  job->to = g_strdup (self->last->end);
  job->terminal_no = g_strdup (self->last->terminal_no);
  self->busy = TRUE;
  gtk_spinner_start (self->spinner);
  gtk_label_set_text (self->status, _("Making the report…"));
  task = g_task_new (self, self->cancellable, report_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, report_thread);
}

/**
 * cf_reconcile_page_sign_off:
 *
 * What Sign Off… does once a manager is signed in or has approved: the
 * period's report sealed under the next number, then shown.
 */
gboolean
cf_reconcile_page_sign_off (CfReconcilePage  *self,
                            GError          **error)
{
  CfStore *store = cf_session_get_store (self->session);
  g_autoptr(GDateTime) clock = cf_session_dup_now (self->session);
  g_autoptr(GDateTime) now = clock != NULL ? g_date_time_ref (clock) : g_date_time_new_now_local ();
  g_autoptr(CfReportDoc) doc = NULL;
  CfReconcileScope scope;
  gint64 number;

  g_return_val_if_fail (self->last != NULL && self->last->start != NULL, FALSE);
  scope.from = self->last->start;
  scope.to = self->last->end;
  scope.terminal_no = self->last->terminal_no;
  if ((number = cf_reconcile_report_sign (store, &scope, cf_session_get_operator_no (self->session), now, error)) == 0 ||
      (doc = cf_reconcile_report_load (store, number, error)) == NULL)
    return FALSE;
  show_report (self, doc);
  return TRUE;
}

static gboolean
sign_off_action (gpointer   data,
                 GError   **error)
{
  return cf_reconcile_page_sign_off (data, error);
}

static void
sign_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  CfReconcilePage  *self)
{
  if (g_str_equal (response, "sign"))
    cf_session_run_as_manager (self->session, GTK_WIDGET (self),
                               _("Sign off the reconciliation report (it gets the next number and is kept as it is now)"),
                               _("The Report Was Not Signed Off"), sign_off_action, g_object_ref (self), g_object_unref);
}

static void
sign_clicked_cb (CfReconcilePage *self)
{
  GtkWidget *dialog;

  if (self->last == NULL || self->last->start == NULL)
    return;
  /* A clerk is asked once, by the manager's prompt, not twice. */
  if (!cf_session_is_manager (self->session))
    {
      sign_response_cb (NULL, "sign", self);
      return;
    }
  dialog = adw_message_dialog_new (cf_widget_get_window (GTK_WIDGET (self)), _("Sign Off the Reconciliation?"),
                                   _("The period’s report gets the next number and is kept as it is now: later "
                                     "imports, links or deposits will not change it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "sign", _("_Sign Off"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cf_reconcile_page_dispose (GObject *object)
{
  CfReconcilePage *self = CF_RECONCILE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_RECONCILE_PAGE);
  G_OBJECT_CLASS (cf_reconcile_page_parent_class)->dispose (object);
}

static void
cf_reconcile_page_finalize (GObject *object)
{
  CfReconcilePage *self = CF_RECONCILE_PAGE (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->lost_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->settlement_rows, g_ptr_array_unref);
  g_clear_pointer (&self->last, result_free);
  G_OBJECT_CLASS (cf_reconcile_page_parent_class)->finalize (object);
}

static void
cf_reconcile_page_class_init (CfReconcilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_reconcile_page_dispose;
  object_class->finalize = cf_reconcile_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-reconcile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, terminal_entry);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, reconcile_button);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, report_button);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, sign_button);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, status);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, classes_box);
  gtk_widget_class_bind_template_callback (widget_class, reconcile_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cf_reconcile_page_open_report);
  gtk_widget_class_bind_template_callback (widget_class, sign_clicked_cb);
}

static void
cf_reconcile_page_init (CfReconcilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->groups = g_ptr_array_new ();
  self->lost_buttons = g_ptr_array_new ();
  self->settlement_rows = g_ptr_array_new_with_free_func (g_free);
  /* Nothing is read until a clerk opens the section. */
  self->dirty = TRUE;
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

CfReconcilePage *
cf_reconcile_page_new (CfSession *session)
{
  CfReconcilePage *self = g_object_new (CF_TYPE_RECONCILE_PAGE, NULL);

  self->session = g_object_ref (session);
  return self;
}

/* As typing them and pressing Reconcile does. */
void
cf_reconcile_page_set_period (CfReconcilePage *self,
                              const char      *from,
                              const char      *to,
                              const char      *terminal_no)
{
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
  gtk_editable_set_text (GTK_EDITABLE (self->terminal_entry), terminal_no != NULL ? terminal_no : "");
  reconcile_clicked_cb (self);
}

/**
 * cf_reconcile_page_accept:
 *
 * What the Accept dialog's answer does: the difference accepted under the
 * person signed in, then the period again.
 */
gboolean
cf_reconcile_page_accept (CfReconcilePage  *self,
                          gint64            transaction_id,
                          const char       *note,
                          GError          **error)
{
  if (!cf_reconcile_accept (cf_session_get_store (self->session), transaction_id,
                            cf_session_get_operator_no (self->session), note, error))
    return FALSE;
  self->dirty = FALSE;
  reconcile_clicked_cb (self);
  return TRUE;
}

gboolean
cf_reconcile_page_is_busy (CfReconcilePage *self)
{
  return self->busy;
}

const char *
cf_reconcile_page_get_class_title (CfReconcilePage  *self,
                                   CfReconcileClass  klass)
{
  if (klass >= self->groups->len)
    return NULL;
  return adw_preferences_group_get_title (g_ptr_array_index (self->groups, klass));
}

GtkWidget *
cf_reconcile_page_get_lost_button (CfReconcilePage *self,
                                   guint            index)
{
  return index < self->lost_buttons->len ? g_ptr_array_index (self->lost_buttons, index) : NULL;
}

/* Each of the following is what a dialog's answer does: written under the
 * person signed in, then the period again. */
static gboolean
rerun_after (CfReconcilePage *self,
             gboolean         ok)
{
  if (ok)
    {
      self->dirty = FALSE;
      reconcile_clicked_cb (self);
    }
  return ok;
}

gboolean
cf_reconcile_page_link (CfReconcilePage  *self,
                        gint64            record_id,
                        gint64            transaction_id,
                        GError          **error)
{
  return rerun_after (self, cf_reconcile_link (cf_session_get_store (self->session), record_id, transaction_id,
                                               cf_session_get_operator_no (self->session), error));
}

gboolean
cf_reconcile_page_mark_expected (CfReconcilePage  *self,
                                 gint64            transaction_id,
                                 const char       *note,
                                 GError          **error)
{
  return rerun_after (self, cf_reconcile_mark_expected (cf_session_get_store (self->session), transaction_id,
                                                        cf_session_get_operator_no (self->session), note, error));
}

gboolean
cf_reconcile_page_set_deposit (CfReconcilePage  *self,
                               const char       *date,
                               gint64            amount_minor,
                               const char       *note,
                               GError          **error)
{
  return rerun_after (self, cf_settlement_set_deposit (cf_session_get_store (self->session), date, amount_minor, note,
                                                       cf_session_get_operator_no (self->session), error));
}

const char *
cf_reconcile_page_get_settlement_row (CfReconcilePage *self,
                                      guint            index)
{
  return index < self->settlement_rows->len ? g_ptr_array_index (self->settlement_rows, index) : NULL;
}
