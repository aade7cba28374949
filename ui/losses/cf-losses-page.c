/* cf-losses-page.c — the Losses and Requests section of the window
 *
 * Incidents with their state (open until every slip has a duplicate, a
 * fulfilled request or a recorded decision), and replacement requests with
 * their state, due date and a menu of the moves allowed from where they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-date-button.h"
#include "cf-incident-view.h"
#include "cf-loss-service.h"
#include "cf-format.h"
#include "cf-losses-page-private.h"
#include "cf-message.h"
#include "cf-money.h"
#include "cf-pdf-report.h"

struct _CfLossesPage
{
  GtkBox               parent_instance;

  AdwPreferencesGroup *incidents_group;
  AdwPreferencesGroup *requests_group;
  GtkDropDown         *order_dropdown;
  GtkStack            *stack;
  GtkBox              *incident_box;
  GtkScrolledWindow   *incident_scroller;
  CfIncidentView      *incident_view;   /* built in code */

  CfSession           *session;
  CfStore             *store;
  GPtrArray           *incident_rows;   /* in incidents_group, to remove on reload */
  GPtrArray           *request_rows;    /* in requests_group */
  GHashTable          *request_expanders;  /* request id → its row, to open one */
  CfRequestOrder       order;
  guint                n_incidents;
  guint                n_requests;
};

G_DEFINE_FINAL_TYPE (CfLossesPage, cf_losses_page, GTK_TYPE_BOX)

/* A change of a request that may need a manager: a move or a fee. */
typedef struct
{
  CfLossesPage    *page;
  gint64           request_id;
  CfRequestStatus  to;
  char            *note;
  gint64           fee;
  char            *paid_on;
} RequestChange;

static void
request_change_free (gpointer data)
{
  RequestChange *change = data;

  g_object_unref (change->page);
  g_free (change->note);
  g_free (change->paid_on);
  g_free (change);
}

static RequestChange *
request_change_new (CfLossesPage *self,
                    gint64        request_id)
{
  RequestChange *change = g_new0 (RequestChange, 1);

  change->page = g_object_ref (self);
  change->request_id = request_id;
  return change;
}

static gboolean
move_action (gpointer   data,
             GError   **error)
{
  RequestChange *change = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gboolean moved = cf_loss_move_request (change->page->store, change->request_id, change->to, change->note,
                                         cf_session_get_operator_no (change->page->session), now, error);

  cf_losses_page_reload (change->page);
  return moved;
}

static void
run_move (CfLossesPage  *self,
          RequestChange *change)
{
  /* Approved and rejected are a manager's to record: a clerk gets the manager's prompt. */
  cf_session_run_as_manager (self->session, GTK_WIDGET (self), _("Record a request as approved or rejected"), _("The Request Did Not Move"),
                            move_action, change, request_change_free);
}

static void
cancel_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RequestChange    *change)
{
  if (g_str_equal (response, "cancel-request"))
    run_move (change->page, change);
  else
    request_change_free (change);
}

static void
move_clicked_cb (GtkButton    *button,
                 CfLossesPage *self)
{
  RequestChange *change = request_change_new (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "request-id")));
  GtkEditable *note_entry = g_object_get_data (G_OBJECT (button), "note");
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (note_entry)));

  change->to = (CfRequestStatus) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "to"));
  change->note = *note != '\0' ? g_steal_pointer (&note) : NULL;
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  /* Cancelling ends the request for good: asked first. */
  if (change->to == CF_REQUEST_CANCELLED)
    {
      g_autofree char *body = g_strdup_printf (_("Request #%lld stops here and cannot be moved again. Its history, "
                                                 "documents and letter are kept."), (long long) change->request_id);
      GtkWidget *dialog = adw_message_dialog_new (cf_widget_get_window (GTK_WIDGET (self)), _("Cancel the Request?"), body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep It"),
                                        "cancel-request", _("_Cancel Request"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-request", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      g_signal_connect (dialog, "response", G_CALLBACK (cancel_response_cb), change);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  run_move (self, change);
}

static GtkWidget *
move_menu (CfLossesPage  *self,
           CfRequestInfo *request)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *note = gtk_entry_new ();
  guint n = 0;

  /* What the bank said, a phone call, a document number: kept with the move in the history. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note for the history (optional)"));
  gtk_widget_set_margin_bottom (note, 6);
  gtk_box_append (GTK_BOX (box), note);

  for (guint to = 0; to < CF_REQUEST_N_STATUSES; to++)
    if (cf_request_status_can_move (request->status, (CfRequestStatus) to))
      {
        g_autofree char *label = g_strdup_printf (_("Move to “%s”"), cf_request_status_get_label ((CfRequestStatus) to));
        GtkWidget *item = gtk_button_new_with_label (label);

        gtk_widget_add_css_class (item, "flat");
        if (to == CF_REQUEST_CANCELLED)
          gtk_widget_add_css_class (item, "destructive-action");
        g_object_set_data (G_OBJECT (item), "request-id", GSIZE_TO_POINTER (request->id));
        g_object_set_data (G_OBJECT (item), "to", GUINT_TO_POINTER (to));
        g_object_set_data (G_OBJECT (item), "note", note);
        g_signal_connect_object (item, "clicked", G_CALLBACK (move_clicked_cb), self, 0);
        gtk_box_append (GTK_BOX (box), item);
        n++;
      }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Move"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, n > 0);
  return button;
}

static void
document_changed_cb (GtkDropDown  *states,
                     GParamSpec   *pspec,
                     CfLossesPage *self)
{
  static const char *const nicks[] = { "missing", "ready", "submitted" };
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (states), "request-id"));
  const char *kind = g_object_get_data (G_OBJECT (states), "kind");
  g_autoptr(GError) error = NULL;

  if (!cf_loss_set_document (self->store, id, kind, nicks[MIN (gtk_drop_down_get_selected (states), 2)], NULL,
                             cf_session_get_operator_no (self->session), &error))
    cf_show_message (cf_widget_get_window (GTK_WIDGET (self)), _("The Document Was Not Marked"), error->message);
}

static void
reference_apply_cb (AdwEntryRow  *row,
                    CfLossesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "request-id"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (!cf_loss_set_reference (self->store, id, *text != '\0' ? text : NULL, cf_session_get_operator_no (self->session), &error))
    cf_show_message (cf_widget_get_window (GTK_WIDGET (self)), _("The Reference Was Not Recorded"), error->message);
}

static gboolean
fee_action (gpointer   data,
            GError   **error)
{
  RequestChange *change = data;

  return cf_loss_set_fee (change->page->store, change->request_id, change->fee, change->paid_on,
                          cf_session_get_operator_no (change->page->session), error);
}

/* The fee's amount and the day it was paid are two rows; applying either
 * records both. */
static void
fee_apply_cb (AdwEntryRow  *row,
              CfLossesPage *self)
{
  GtkEditable *amount_row = g_object_get_data (G_OBJECT (row), "amount-row");
  GtkEditable *paid_row = g_object_get_data (G_OBJECT (row), "paid-row");
  g_autofree char *paid = g_strstrip (g_strdup (gtk_editable_get_text (paid_row)));
  g_autoptr(GError) error = NULL;
  RequestChange *change;
  gint64 fee = 0;

  if (!cf_money_parse (gtk_editable_get_text (amount_row), &fee, NULL, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (amount_row), "error");
      cf_show_message (cf_widget_get_window (GTK_WIDGET (self)), _("The Fee Was Not Recorded"), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (amount_row), "error");
  change = request_change_new (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "request-id")));
  change->fee = ABS (fee);
  change->paid_on = *paid != '\0' ? g_steal_pointer (&paid) : NULL;
  cf_session_run_as_manager (self->session, GTK_WIDGET (self), _("Record a request’s fee"), _("The Fee Was Not Recorded"),
                            fee_action, change, request_change_free);
}

/**
 * cf_losses_page_save_letter:
 *
 * Writes the application letter of request @request_id to @path.
 */
gboolean
cf_losses_page_save_letter (CfLossesPage  *self,
                            gint64         request_id,
                            const char    *path,
                            GError       **error)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(CfReportDoc) letter = cf_loss_build_letter (self->store, request_id, today, error);

  return letter != NULL && cf_pdf_write_report (letter, path, error);
}

/**
 * cf_losses_page_preview_letter:
 *
 * Opens the application letter of request @request_id as it will print, to
 * save or print from there.
 *
 * Returns: (transfer none) (nullable): the preview window, or %NULL with @error set
 */
CfReportWindow *
cf_losses_page_preview_letter (CfLossesPage  *self,
                               gint64         request_id,
                               GError       **error)
{
  g_autofree char *name = g_strdup_printf ("application-letter-%lld.pdf", (long long) request_id);
  g_autofree char *title = g_strdup_printf (_("Application Letter of Request #%lld"), (long long) request_id);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(CfReportDoc) letter = cf_loss_build_letter (self->store, request_id, today, error);
  CfReportWindow *preview;

  if (letter == NULL)
    return NULL;
  preview = cf_report_window_new (cf_widget_get_window (GTK_WIDGET (self)), letter, title, name);
  gtk_window_present (GTK_WINDOW (preview));
  return preview;
}

static void
letter_clicked_cb (GtkButton    *button,
                   CfLossesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "request-id"));
  g_autoptr(GError) error = NULL;

  if (cf_losses_page_preview_letter (self, id, &error) == NULL)
    cf_show_message (cf_widget_get_window (GTK_WIDGET (self)), _("The Letter Was Not Written"), error->message);
}

static void
add_request_details (CfLossesPage  *self,
                     AdwExpanderRow *expander,
                     CfRequestInfo *r)
{
  const char *states[] = { _("Missing"), _("Ready"), _("Submitted"), NULL };
  g_autoptr(GPtrArray) documents = cf_loss_list_documents (self->store, r->id, NULL);
  GtkWidget *fee = adw_entry_row_new ();
  GtkWidget *letter_row = adw_action_row_new ();
  GtkWidget *letter = gtk_button_new_with_mnemonic (_("_Application Letter…"));

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      char **doc = g_ptr_array_index (documents, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *choice = gtk_drop_down_new_from_strings (states);
      guint selected = g_strcmp0 (doc[1], "submitted") == 0 ? 2 : g_strcmp0 (doc[1], "ready") == 0 ? 1 : 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_loss_document_name (doc[0]));
      if (*doc[2] != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (doc[2], -1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
        }
      gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), selected);
      gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (choice), "request-id", GSIZE_TO_POINTER (r->id));
      g_object_set_data_full (G_OBJECT (choice), "kind", g_strdup (doc[0]), g_free);
      g_signal_connect_object (choice, "notify::selected", G_CALLBACK (document_changed_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
      adw_expander_row_add_row (expander, row);
    }

  {
    GtkWidget *reference = adw_entry_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reference), _("Their reference no."));
    adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (reference), TRUE);
    gtk_editable_set_text (GTK_EDITABLE (reference), r->counterpart_ref != NULL ? r->counterpart_ref : "");
    g_object_set_data (G_OBJECT (reference), "request-id", GSIZE_TO_POINTER (r->id));
    g_signal_connect_object (reference, "apply", G_CALLBACK (reference_apply_cb), self, 0);
    adw_expander_row_add_row (expander, reference);
  }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fee), _("Fee charged for the copies"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (fee), TRUE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (fee), GTK_INPUT_PURPOSE_NUMBER);
  if (r->has_fee)
    {
      g_autofree char *amount = cf_money_to_decimal (r->fee_minor);
      gtk_editable_set_text (GTK_EDITABLE (fee), amount);
    }
  {
    GtkWidget *paid = adw_entry_row_new ();
    GtkWidget *rows[] = { fee, paid };

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (paid), _("Paid on (YYYY-MM-DD)"));
    adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (paid), TRUE);
    if (r->fee_paid_on != NULL)
      gtk_editable_set_text (GTK_EDITABLE (paid), r->fee_paid_on);
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (paid), cf_date_button_new (GTK_EDITABLE (paid), _("Choose the day")));
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_object_set_data (G_OBJECT (rows[i]), "request-id", GSIZE_TO_POINTER (r->id));
        g_object_set_data (G_OBJECT (rows[i]), "amount-row", fee);
        g_object_set_data (G_OBJECT (rows[i]), "paid-row", paid);
        g_signal_connect_object (rows[i], "apply", G_CALLBACK (fee_apply_cb), self, 0);
        adw_expander_row_add_row (expander, rows[i]);
      }
  }

  /* The history, oldest first: when, what, who, and the note. */
  {
    g_autoptr(GPtrArray) moves = cf_loss_list_history (self->store, r->id, NULL);

    for (guint m = 0; moves != NULL && m < moves->len; m++)
      {
        char **move = g_ptr_array_index (moves, m);
        GtkWidget *row = adw_action_row_new ();
        g_autofree char *title = *move[1] != '\0'
                                 ? g_strdup_printf ("%s → %s", cf_request_status_label_for_nick (move[1]),
                                                    cf_request_status_label_for_nick (move[2]))
                                 : g_strdup (cf_request_status_label_for_nick (move[2]));
        /* A move a manager approved names both: "001, approved by 099". */
        g_autofree char *who = *move[5] != '\0' ? g_strdup_printf (_("%s, approved by %s"), move[3], move[5])
                                                : g_strdup (move[3]);
        g_autofree char *subtitle = g_markup_printf_escaped ("%.16s%s%s%s%s", move[0], *who != '\0' ? " · " : "",
                                                             who, *move[4] != '\0' ? " · " : "", move[4]);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        adw_expander_row_add_row (expander, row);
      }
  }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (letter_row), _("The letter to hand to the bank, with the lost slips' table"));
  gtk_widget_set_valign (letter, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (letter), "request-id", GSIZE_TO_POINTER (r->id));
  g_signal_connect_object (letter, "clicked", G_CALLBACK (letter_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (letter_row), letter);
  adw_expander_row_add_row (expander, letter_row);
}

static void
order_changed_cb (CfLossesPage *self)
{
  self->order = (CfRequestOrder) gtk_drop_down_get_selected (self->order_dropdown);
  if (self->store != NULL)
    cf_losses_page_reload (self);
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

/**
 * cf_losses_page_show_incident:
 *
 * Opens incident @incident_id: its slips, their remedies and the follow-up.
 *
 * Returns: %FALSE with @error set if it could not be read
 */
gboolean
cf_losses_page_show_incident (CfLossesPage  *self,
                              gint64         incident_id,
                              GError       **error)
{
  g_return_val_if_fail (CF_IS_LOSSES_PAGE (self), FALSE);

  if (!cf_incident_view_show (self->incident_view, self->store, incident_id, error))
    return FALSE;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->incident_scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "incident");
  return TRUE;
}

static void
incident_activated_cb (AdwActionRow *row,
                       CfLossesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!cf_losses_page_show_incident (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "incident-id")), &error))
    cf_show_message (cf_widget_get_window (GTK_WIDGET (self)), _("The Incident Could Not Be Opened"), error->message);
}

static void
incident_back_cb (CfLossesPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* From an incident to one of its requests: the list, with the request open. */
static void
incident_show_request_cb (CfLossesPage *self,
                          gint64        request_id)
{
  GtkWidget *row = g_hash_table_lookup (self->request_expanders, &request_id);

  gtk_stack_set_visible_child_name (self->stack, "list");
  if (row == NULL)
    return;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (row);
}

static void
show_incidents (CfLossesPage *self,
                GPtrArray    *incidents)
{
  for (guint i = 0; incidents != NULL && i < incidents->len; i++)
    {
      CfIncidentInfo *inc = g_ptr_array_index (incidents, i);
      g_autofree char *amount = cf_money_format (inc->amount_minor, "CNY");
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "#%lld · %u slip · %s · %s", "#%lld · %u slips · %s · %s",
                                                             inc->n_slips), (long long) inc->id, inc->n_slips, amount,
                                                inc->resolved ? _("resolved") : _("open"));
      g_autofree char *subtitle = g_strdup_printf (_("Reported %s · cause %s · responsible %s · %u of %u settled%s%s"),
                                                   inc->created_at, cf_loss_cause_get_label (inc->cause),
                                                   inc->responsible != NULL ? inc->responsible : "-",
                                                   inc->n_resolved, inc->n_slips,
                                                   inc->description != NULL ? " · " : "",
                                                   inc->description != NULL ? inc->description : "");
      g_autofree char *escaped_title = g_markup_escape_text (title, -1);
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (inc->resolved ? "emblem-ok-symbolic" : "dialog-warning-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "incident-id", GSIZE_TO_POINTER (inc->id));
      g_signal_connect_object (row, "activated", G_CALLBACK (incident_activated_cb), self, 0);
      add_row (self->incidents_group, self->incident_rows, row);
    }
  if (self->n_incidents == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No slips have been reported lost"));
      add_row (self->incidents_group, self->incident_rows, row);
    }
}

static void
show_requests (CfLossesPage *self,
               GPtrArray    *requests)
{
  for (guint i = 0; requests != NULL && i < requests->len; i++)
    {
      CfRequestInfo *r = g_ptr_array_index (requests, i);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "#%lld · %s · %s · %u slip", "#%lld · %s · %s · %u slips",
                                                             r->n_slips), (long long) r->id,
                                                cf_format_counterpart (r->counterpart),
                                                cf_request_status_get_label (r->status), r->n_slips);
      g_autofree char *subtitle = g_strdup_printf (_("Incident #%lld · created %s · due %s%s"), (long long) r->incident_id,
                                                   r->created_at, r->due_date != NULL ? r->due_date : _("when submitted"),
                                                   r->overdue ? _(" · OVERDUE") : r->due_soon ? _(" · due soon") : "");
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
      GtkWidget *row = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
      if (r->overdue)
        gtk_widget_add_css_class (row, "error");
      else if (r->due_soon)
        gtk_widget_add_css_class (row, "warning");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), move_menu (self, r));
      add_request_details (self, ADW_EXPANDER_ROW (row), r);
      add_row (self->requests_group, self->request_rows, row);
      g_hash_table_insert (self->request_expanders, g_memdup2 (&r->id, sizeof r->id), row);
    }
  if (self->n_requests == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No replacement requests"));
      add_row (self->requests_group, self->request_rows, row);
    }
}

/**
 * cf_losses_page_reload:
 *
 * Reads the incidents and requests again.
 */
void
cf_losses_page_reload (CfLossesPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) requests = NULL;

  g_return_if_fail (CF_IS_LOSSES_PAGE (self));

  incidents = cf_loss_list_incidents (self->store, NULL);
  requests = cf_loss_list_requests (self->store, now, NULL);
  if (requests != NULL)
    cf_loss_sort_requests (requests, self->order);
  self->n_incidents = incidents != NULL ? incidents->len : 0;
  self->n_requests = requests != NULL ? requests->len : 0;

  remove_rows (self->incidents_group, self->incident_rows);
  remove_rows (self->requests_group, self->request_rows);
  g_hash_table_remove_all (self->request_expanders);
  show_incidents (self, incidents);
  show_requests (self, requests);
  /* An incident open on screen shows what just changed (a duplicate issued, a move). */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "incident") == 0 &&
      !cf_incident_view_show (self->incident_view, self->store, cf_incident_view_get_incident_id (self->incident_view),
                              NULL))
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/**
 * cf_losses_page_new:
 *
 * Returns: (transfer floating): the section for @session's database
 */
CfLossesPage *
cf_losses_page_new (CfSession *session)
{
  CfLossesPage *self = g_object_new (CF_TYPE_LOSSES_PAGE, NULL);

  self->session = g_object_ref (session);
  self->store = g_object_ref (cf_session_get_store (session));
  cf_losses_page_reload (self);
  return self;
}

guint
cf_losses_page_get_n_incidents (CfLossesPage *self)
{
  g_return_val_if_fail (CF_IS_LOSSES_PAGE (self), 0);
  return self->n_incidents;
}

CfIncidentView *
cf_losses_page_get_incident_view (CfLossesPage *self)
{
  g_return_val_if_fail (CF_IS_LOSSES_PAGE (self), NULL);
  return self->incident_view;
}

guint
cf_losses_page_get_n_requests (CfLossesPage *self)
{
  g_return_val_if_fail (CF_IS_LOSSES_PAGE (self), 0);
  return self->n_requests;
}

static void
cf_losses_page_dispose (GObject *object)
{
  CfLossesPage *self = (CfLossesPage *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->incident_rows, g_ptr_array_unref);
  g_clear_pointer (&self->request_rows, g_ptr_array_unref);
  g_clear_pointer (&self->request_expanders, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), CF_TYPE_LOSSES_PAGE);

  G_OBJECT_CLASS (cf_losses_page_parent_class)->dispose (object);
}

static void
cf_losses_page_class_init (CfLossesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_losses_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-losses-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfLossesPage, incidents_group);
  gtk_widget_class_bind_template_child (widget_class, CfLossesPage, requests_group);
  gtk_widget_class_bind_template_child (widget_class, CfLossesPage, order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfLossesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CfLossesPage, incident_box);
  gtk_widget_class_bind_template_child (widget_class, CfLossesPage, incident_scroller);
  gtk_widget_class_bind_template_callback (widget_class, order_changed_cb);
}

static void
cf_losses_page_init (CfLossesPage *self)
{
  self->incident_rows = g_ptr_array_new ();
  self->request_rows = g_ptr_array_new ();
  self->request_expanders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->incident_view = CF_INCIDENT_VIEW (cf_incident_view_new ());
  gtk_box_append (self->incident_box, GTK_WIDGET (self->incident_view));
  g_signal_connect_object (self->incident_view, "back", G_CALLBACK (incident_back_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->incident_view, "show-request", G_CALLBACK (incident_show_request_cb), self,
                           G_CONNECT_SWAPPED);
}
