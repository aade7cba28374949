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
 * which opens the guided loss dialog with that transaction ticked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-loss-dialog.h"
#include "cf-message.h"
#include "cf-money.h"
#include "cf-reconcile-page-private.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

/* Rows shown per class; the command line lists them all. */
#define MAX_ROWS 200

struct _CfReconcilePage
{
  GtkBox        parent_instance;

  GtkEntry     *from_entry;
  GtkEntry     *to_entry;
  GtkEntry     *terminal_entry;
  GtkWidget    *reconcile_button;
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
};

G_DEFINE_FINAL_TYPE (CfReconcilePage, cf_reconcile_page, GTK_TYPE_BOX)

typedef struct
{
  char             *db_path;
  char             *from;         /* as typed; NULL: the newest day */
  char             *to;
  char             *terminal_no;
} Job;

typedef struct
{
  char             *from_day;
  char             *to_day;
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
  g_autoptr(CfTransactionQuery) period = cf_transaction_query_new ();
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
  if (!cf_transaction_query_set_from (period, result->from_day, &error) ||
      !cf_transaction_query_set_to (period, result->to_day, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  {
    /* The query's "to" is the last second; the reconciliation's the one after. */
    g_autofree char *iso = g_strdup_printf ("%.10sT%sZ", period->to, period->to + 11);
    g_autoptr(GDateTime) last = g_date_time_new_from_iso8601 (iso, NULL);
    g_autoptr(GDateTime) after = last != NULL ? g_date_time_add_seconds (last, 1) : NULL;
    g_autofree char *end = after != NULL ? g_date_time_format (after, "%Y-%m-%d %H:%M:%S") : g_strdup (period->to);

    result->figures = cf_reconcile_compute (store, period->from, end, job->terminal_no, &error);
  }
  if (result->figures == NULL)
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

          if (txn == NULL)
            continue;
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

/* The note is typed in the dialog; the write happens after, with no
 * dialog open. */
static void
accept_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CfReconcilePage  *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "transaction-id"));
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "accept"))
    return;
  if (!cf_reconcile_page_accept (self, id, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    {
      cf_show_message (cf_widget_get_window (GTK_WIDGET (self)), _("The Difference Was Not Accepted"), error->message);
      return;
    }
}

static void
accept_clicked_cb (GtkButton       *button,
                   CfReconcilePage *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "transaction-id"));
  GtkWidget *dialog = adw_message_dialog_new (cf_widget_get_window (GTK_WIDGET (self)), _("Accept the Difference?"),
                                              _("The files disagree on this sale. If the difference is right — a tip added "
                                                "after the slip was printed, a partial refund settled with it — say why; "
                                                "the note is kept with it and it counts as matched."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why the difference is right"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "accept", _("_Accept"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "transaction-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (accept_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
      /* Settled, but the terminal kept no record: a candidate lost slip. */
      GtkWidget *lost = gtk_button_new_with_mnemonic (_("Report _Lost…"));

      gtk_widget_set_valign (lost, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (lost), "transaction-id", GSIZE_TO_POINTER (cf_transaction_get_id (txn)));
      g_signal_connect_object (lost, "clicked", G_CALLBACK (lost_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), lost);
      g_ptr_array_add (self->lost_buttons, lost);
    }
  else if (klass == CF_RECONCILE_DIFFERS)
    {
      GtkWidget *accept = gtk_button_new_with_mnemonic (_("_Accept…"));

      gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (accept), "transaction-id", GSIZE_TO_POINTER (cf_transaction_get_id (txn)));
      g_signal_connect_object (accept, "clicked", G_CALLBACK (accept_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
    }
  adw_preferences_group_add (group, row);
}

static void
clear_classes (CfReconcilePage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->classes_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->lost_buttons, 0);
}

static void
show_result (CfReconcilePage *self,
             Result          *result)
{
  static const char *const hints[CF_RECONCILE_N_CLASSES] = {
    [CF_RECONCILE_MATCHED]   = N_("In the terminal's journal and settled, agreeing."),
    [CF_RECONCILE_DIFFERS]   = N_("In both, but the files do not agree: check the slip against the statement."),
    [CF_RECONCILE_UNSETTLED] = N_("The terminal recorded it; no statement has it yet. If it is not settled next day, ask the acquirer."),
    [CF_RECONCILE_MISSING]   = N_("Settled, but the terminal's journal has no record of it: the terminal lost it, and its slip may be lost too."),
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
  g_autoptr(Result) result = g_task_propagate_pointer (G_TASK (res), &error);

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
  show_result (self, result);
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
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, status);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CfReconcilePage, classes_box);
  gtk_widget_class_bind_template_callback (widget_class, reconcile_clicked_cb);
}

static void
cf_reconcile_page_init (CfReconcilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->groups = g_ptr_array_new ();
  self->lost_buttons = g_ptr_array_new ();
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
