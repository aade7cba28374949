/* cf-reconcile-actions.c — the questions the Reconciliation section asks
 * before it changes anything
 *
 * Each is a dialog that only asks: what it is told is written after it
 * closed, by the page, so that no dialog waits for a person while the
 * database is being written. And the settlement days, with their Deposit…
 * buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-message.h"
#include "cf-money.h"
#include "cf-reconcile-actions.h"

typedef struct
{
  GtkWidget             *page;
  gint64                 transaction_id;
  char                  *failed_heading;
  CfReconcileNoteAnswer  answer;
  GtkWidget             *entry;
} NoteQuestion;

static void
note_question_free (NoteQuestion *question)
{
  g_object_unref (question->page);
  g_free (question->failed_heading);
  g_free (question);
}

static void
note_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  NoteQuestion     *question)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "answer"))
    return;
  if (!question->answer (question->page, question->transaction_id,
                         gtk_editable_get_text (GTK_EDITABLE (question->entry)), &error))
    cf_show_message (cf_widget_get_window (question->page), question->failed_heading, error->message);
}

/**
 * cf_reconcile_ask_note:
 * @answer: what the page does with the note, once the dialog has closed
 *
 * Asks why (a difference is right, a sale is expected), with @answer_label
 * on the button that says so.
 */
void
cf_reconcile_ask_note (GtkWidget              *page,
                       gint64                  transaction_id,
                       const char             *heading,
                       const char             *body,
                       const char             *placeholder,
                       const char             *answer_label,
                       const char             *failed_heading,
                       CfReconcileNoteAnswer   answer)
{
  GtkWidget *dialog = adw_message_dialog_new (cf_widget_get_window (page), heading, body);
  NoteQuestion *question = g_new0 (NoteQuestion, 1);

  question->page = g_object_ref (page);
  question->transaction_id = transaction_id;
  question->failed_heading = g_strdup (failed_heading);
  question->answer = answer;
  question->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (question->entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (question->entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), question->entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "answer", answer_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "answer", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "answer");
  g_signal_connect_data (dialog, "response", G_CALLBACK (note_response_cb), question,
                         (GClosureNotify) (void (*) (void)) note_question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
describe (CfTransaction *txn)
{
  g_autofree char *amount = cf_transaction_dup_amount_text (txn);

  return g_strdup_printf (_("%.16s  %s  voucher %s"), cf_transaction_get_local_time (txn), amount,
                          cf_transaction_get_voucher_no (txn) != NULL ? cf_transaction_get_voucher_no (txn) : "—");
}

typedef struct
{
  GtkWidget       *page;
  CfReconcileLinkAnswer answer;
  gint64           record_id;
  GArray          *candidate_ids;
  GtkDropDown     *choice;
} LinkQuestion;

static void
link_question_free (LinkQuestion *question)
{
  g_object_unref (question->page);
  g_array_unref (question->candidate_ids);
  g_free (question);
}

static void
link_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  LinkQuestion     *question)
{
  guint chosen = gtk_drop_down_get_selected (question->choice);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "link") || chosen >= question->candidate_ids->len)
    return;
  if (!question->answer (question->page, question->record_id,
                               g_array_index (question->candidate_ids, gint64, chosen), &error))
    cf_show_message (cf_widget_get_window (question->page), _("The Records Were Not Linked"),
                     error->message);
}

/**
 * cf_reconcile_ask_link:
 * @record: a statement's record the journal lacks
 * @candidates: (element-type CfTransaction): the journal's records not
 *   settled, to choose from
 *
 * Asks which sale of the journal the record is.
 */
void
cf_reconcile_ask_link (GtkWidget             *page,
                       CfTransaction         *record,
                       GPtrArray             *candidates,
                       CfReconcileLinkAnswer  answer)
{
  g_autofree char *what = describe (record);
  g_autofree char *body = g_strdup_printf (_("The statement settled %s, which the journal does not have. If it is one "
                                             "of the journal's sales that were not settled — keyed in with another "
                                             "amount or card — choose it: the two become one transaction, and where "
                                             "they differ is kept."), what);
  GtkWidget *dialog = adw_message_dialog_new (cf_widget_get_window (page), _("Link to the Journal’s Sale?"),
                                              body);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  LinkQuestion *question = g_new0 (LinkQuestion, 1);

  question->page = g_object_ref (page);
  question->answer = answer;
  question->record_id = cf_transaction_get_id (record);
  question->candidate_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < candidates->len; i++)
    {
      CfTransaction *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *name = describe (candidate);
      gint64 id = cf_transaction_get_id (candidate);

      gtk_string_list_append (names, name);
      g_array_append_val (question->candidate_ids, id);
    }
  question->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (question->choice));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "link", _("_Link"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "link", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_data (dialog, "response", G_CALLBACK (link_response_cb), question,
                         (GClosureNotify) (void (*) (void)) link_question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkWidget       *page;
  CfReconcileDepositAnswer answer;
  char             date[11];
  GtkEditable     *amount;
  GtkEditable     *note;
} DepositQuestion;

static void
deposit_question_free (DepositQuestion *question)
{
  g_object_unref (question->page);
  g_free (question);
}

static void
deposit_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DepositQuestion  *question)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = 0;
  char currency[4] = "";

  if (!g_str_equal (response, "keep"))
    return;
  if (!cf_money_parse (gtk_editable_get_text (question->amount), &amount, currency, &error) ||
      !question->answer (question->page, question->date, amount, gtk_editable_get_text (question->note), &error))
    cf_show_message (cf_widget_get_window (question->page), _("The Deposit Was Not Kept"), error->message);
}

static GtkEditable *
add_entry_row (GtkWidget  *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_EDITABLE (row);
}

/**
 * cf_reconcile_ask_deposit:
 *
 * Asks what reached the bank account for a settlement day.
 */
void
cf_reconcile_ask_deposit (GtkWidget                *page,
                          const CfSettlementDay    *day,
                          CfReconcileDepositAnswer  answer)
{
  g_autofree char *net = cf_money_to_decimal (day->net_minor);
  g_autofree char *typed = day->has_deposit ? cf_money_to_decimal (day->deposit_minor) : NULL;
  g_autofree char *body = g_strdup_printf (_("The statements settled %s net for %s. What arrived in the bank account "
                                             "for that day? The difference is shown beside it."), net, day->date);
  GtkWidget *dialog = adw_message_dialog_new (cf_widget_get_window (page), _("Deposit for the Day"), body);
  GtkWidget *list = gtk_list_box_new ();
  DepositQuestion *question = g_new0 (DepositQuestion, 1);

  question->page = g_object_ref (page);
  question->answer = answer;
  g_strlcpy (question->date, day->date, sizeof question->date);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  question->amount = add_entry_row (list, _("Amount deposited"), typed);
  question->note = add_entry_row (list, _("Bank reference or note"), day->deposit_note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "keep", _("_Keep"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_data (dialog, "response", G_CALLBACK (deposit_response_cb), question,
                         (GClosureNotify) (void (*) (void)) deposit_question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cf_reconcile_settlement_group_new:
 * @days: (element-type CfSettlementDay): what the statements settled per day
 * @deposit_clicked: connected to each day's Deposit… button, whose
 *   "day-index" is the day's index in @days
 * @row_texts: (element-type utf8): gets each day's line, as shown
 *
 * Returns: (transfer floating): the group of settlement days, each beside
 *   what reached the bank
 */
GtkWidget *
cf_reconcile_settlement_group_new (GPtrArray *days,
                                   GCallback  deposit_clicked,
                                   gpointer   page,
                                   GPtrArray *row_texts)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Settled per Day"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What the statements settled, less their fees, beside what arrived in the "
                                           "bank account. Type in each day’s deposit from the bank statement."));
  for (guint i = 0; i < days->len; i++)
    {
      CfSettlementDay *day = g_ptr_array_index (days, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Deposit…"));
      g_autofree char *gross = cf_money_to_decimal (day->gross_minor);
      g_autofree char *fee = cf_money_to_decimal (day->fee_minor);
      g_autofree char *net = cf_money_to_decimal (day->net_minor);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s%s   %u settled   net %s",
                                                             "%s%s   %u settled   net %s", day->count),
                                                day->date, day->date_known ? "" : _(" (day of sale)"), day->count, net);
      g_autofree char *subtitle = NULL;

      if (day->has_deposit)
        {
          g_autofree char *deposit = cf_money_to_decimal (day->deposit_minor);
          g_autofree char *difference = cf_money_to_decimal (day->deposit_minor - day->net_minor);

          subtitle = g_strdup_printf (_("Gross %s, fees %s · deposited %s, difference %s%s%s"), gross, fee, deposit,
                                      difference, day->deposit_note != NULL ? " · " : "",
                                      day->deposit_note != NULL ? day->deposit_note : "");
        }
      else
        subtitle = g_strdup_printf (_("Gross %s, fees %s · no deposit typed in"), gross, fee);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "day-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", deposit_clicked, page, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (row_texts, g_strdup_printf ("%s — %s", title, subtitle));
    }
  if (days->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No statement covers this period"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}
