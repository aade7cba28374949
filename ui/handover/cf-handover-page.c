/* cf-handover-page.c — the Handover section: shifts and their reports
 *
 * On the left the shifts, latest first, with whether each is open, waiting
 * for sign-off or signed; buttons to open a shift for the person at the
 * desk and to close the selected one, handing over. On the right the
 * selected shift's report, drawn page under page by the same painter that
 * prints it, with Sign Off, Save PDF and Print below. Every change goes
 * through the shift service, which says why when it refuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-handover-page-private.h"
#include "cf-file-dialog.h"
#include "cf-handover-report.h"
#include "cf-message.h"
#include "cf-operator-menu.h"
#include "cf-pdf-report.h"
#include "cf-report-view.h"
#include "cf-shift-service.h"

struct _CfHandoverPage
{
  GtkBox       parent_instance;

  CfSession   *session;
  CfStore     *store;
  GtkWidget   *shift_list;
  GtkWidget   *empty;
  GtkWidget   *preview;
  GtkWidget   *sign_button;
  GtkWidget   *save_button;
  GtkWidget   *print_button;
  GtkWidget   *close_button;
  GtkWidget   *status;
  GPtrArray   *shifts;      /* CfShiftInfo, in list order */
  CfReportDoc *report;      /* the selected shift's */
};

G_DEFINE_FINAL_TYPE (CfHandoverPage, cf_handover_page, GTK_TYPE_BOX)

static CfShiftInfo *
selected_shift (CfHandoverPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->shift_list));

  if (row == NULL || self->shifts == NULL)
    return NULL;
  return g_ptr_array_index (self->shifts, gtk_list_box_row_get_index (row));
}

static void
update_report (CfHandoverPage *self)
{
  CfShiftInfo *shift = selected_shift (self);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->report);
  if (shift != NULL)
    {
      self->report = cf_handover_build_shift (self->store, shift->id, today, &error);
      if (self->report == NULL)
        gtk_label_set_text (GTK_LABEL (self->status), error->message);
      else if (shift->report_sequence_no != 0)
        {
          g_autofree char *text = g_strdup_printf (_("Signed off as report no. %06lld; shown as signed."),
                                                   (long long) shift->report_sequence_no);
          gtk_label_set_text (GTK_LABEL (self->status), text);
        }
      else
        gtk_label_set_text (GTK_LABEL (self->status), shift->ended_at == NULL
                            ? _("Draft: the shift is still open.")
                            : _("Draft: waiting for a manager to sign off."));
    }
  else
    gtk_label_set_text (GTK_LABEL (self->status), "");
  gtk_widget_set_sensitive (self->sign_button, shift != NULL && shift->ended_at != NULL && shift->report_sequence_no == 0);
  gtk_widget_set_sensitive (self->save_button, self->report != NULL);
  gtk_widget_set_sensitive (self->print_button, self->report != NULL);
  gtk_widget_set_sensitive (self->close_button, shift != NULL && shift->ended_at == NULL);
  cf_report_view_set_report (CF_REPORT_VIEW (self->preview), self->report);
}

static void
row_selected_cb (GtkListBox     *box,
                 GtkListBoxRow  *row,
                 CfHandoverPage *self)
{
  update_report (self);
}

static GtkWidget *
shift_row (CfShiftInfo *shift)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("#%lld  %s %s", (long long) shift->id, shift->operator_no,
                                            shift->operator_name != NULL ? shift->operator_name : "");
  g_autofree char *terminals = shift->terminals[0] != NULL ? g_strjoinv (", ", shift->terminals) : g_strdup (_("all terminals"));
  g_autofree char *subtitle = g_strdup_printf ("%.16s – %.5s  ·  %s", shift->started_at,
                                               shift->ended_at != NULL ? shift->ended_at + 11 : "…", terminals);
  g_autofree char *state = shift->report_sequence_no != 0
                           ? g_strdup_printf (_("Signed no. %06lld"), (long long) shift->report_sequence_no)
                           : g_strdup (shift->ended_at == NULL ? _("Open") : _("To sign off"));
  GtkWidget *badge = gtk_label_new (state);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (badge, shift->report_sequence_no != 0 ? "success" : shift->ended_at == NULL ? "accent" : "warning");
  gtk_widget_add_css_class (badge, "caption-heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  return row;
}

/**
 * cf_handover_page_reload:
 *
 * Lists the shifts again, keeping the selection where it can.
 */
void
cf_handover_page_reload (CfHandoverPage *self)
{
  CfShiftInfo *selected = selected_shift (self);
  gint64 keep = selected != NULL ? selected->id : 0;
  GtkWidget *child;

  g_signal_handlers_block_by_func (self->shift_list, row_selected_cb, self);
  while ((child = gtk_widget_get_first_child (self->shift_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->shift_list), child);
  g_clear_pointer (&self->shifts, g_ptr_array_unref);
  self->shifts = cf_shift_list (self->store, NULL);
  for (guint i = 0; self->shifts != NULL && i < self->shifts->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->shift_list), shift_row (g_ptr_array_index (self->shifts, i)));
  g_signal_handlers_unblock_by_func (self->shift_list, row_selected_cb, self);

  gtk_widget_set_visible (self->empty, cf_handover_page_get_n_shifts (self) == 0);
  if (!cf_handover_page_select_shift (self, keep) && cf_handover_page_get_n_shifts (self) > 0)
    gtk_list_box_select_row (GTK_LIST_BOX (self->shift_list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->shift_list), 0));
  update_report (self);
}

guint
cf_handover_page_get_n_shifts (CfHandoverPage *self)
{
  return self->shifts != NULL ? self->shifts->len : 0;
}

gboolean
cf_handover_page_select_shift (CfHandoverPage *self,
                               gint64          shift_id)
{
  for (guint i = 0; self->shifts != NULL && i < self->shifts->len; i++)
    if (((CfShiftInfo *) g_ptr_array_index (self->shifts, i))->id == shift_id)
      {
        gtk_list_box_select_row (GTK_LIST_BOX (self->shift_list),
                                 gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->shift_list), (int) i));
        return TRUE;
      }
  return FALSE;
}

/**
 * cf_handover_page_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown
 */
CfReportDoc *
cf_handover_page_get_report (CfHandoverPage *self)
{
  return self->report;
}

/* Opens a shift on all terminals for whoever is at the desk. */
gboolean
cf_handover_page_open_shift (CfHandoverPage  *self,
                             GError         **error)
{
  gint64 id = cf_shift_open (self->store, cf_session_get_operator_no (self->session), NULL, NULL, error);

  if (id == 0)
    return FALSE;
  cf_handover_page_reload (self);
  cf_handover_page_select_shift (self, id);
  return TRUE;
}

gboolean
cf_handover_page_close_shift (CfHandoverPage  *self,
                              const char      *handed_to,
                              const char      *notes,
                              const char      *variance,
                              GError         **error)
{
  CfShiftInfo *shift = selected_shift (self);

  g_return_val_if_fail (shift != NULL, FALSE);
  if (!cf_shift_close (self->store, shift->id, NULL, handed_to, notes, variance, cf_session_get_operator_no (self->session), error))
    return FALSE;
  cf_handover_page_reload (self);
  return TRUE;
}

gboolean
cf_handover_page_sign_off (CfHandoverPage  *self,
                           GError         **error)
{
  CfShiftInfo *shift = selected_shift (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (shift != NULL, FALSE);
  if (cf_handover_sign_off (self->store, shift->id, cf_session_get_operator_no (self->session), now, error) == 0)
    return FALSE;
  cf_handover_page_reload (self);
  return TRUE;
}

static void
open_clicked_cb (GtkButton      *button,
                 CfHandoverPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!cf_handover_page_open_shift (self, &error))
    cf_show_message (cf_widget_get_window (GTK_WIDGET (self)), _("The Shift Was Not Opened"), error->message);
}

typedef struct
{
  CfHandoverPage *page;
  char           *handed_to;
  char           *notes;
  char           *variance;
} CloseShift;

static void
close_shift_free (gpointer data)
{
  CloseShift *close = data;

  g_object_unref (close->page);
  g_free (close->handed_to);
  g_free (close->notes);
  g_free (close->variance);
  g_free (close);
}

static gboolean
close_shift_action (gpointer   data,
                    GError   **error)
{
  CloseShift *close = data;

  return cf_handover_page_close_shift (close->page, close->handed_to, close->notes, close->variance, error);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CfHandoverPage   *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *to = gtk_widget_get_first_child (box);
  GtkWidget *notes = gtk_widget_get_next_sibling (to);
  GtkWidget *variance = gtk_widget_get_next_sibling (notes);

  CloseShift *close;

  if (!g_str_equal (response, "close-shift"))
    return;
  close = g_new0 (CloseShift, 1);
  close->page = g_object_ref (self);
  close->handed_to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (to)));
  close->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (notes)));
  close->variance = g_strdup (gtk_editable_get_text (GTK_EDITABLE (variance)));
  /* Another's shift needs a manager: a clerk gets the manager's prompt. */
  cf_session_run_as_manager (self->session, GTK_WIDGET (self), _("Close another operator’s shift"), _("The Shift Was Not Closed"),
                            close_shift_action, close, close_shift_free);
}

static void
close_clicked_cb (GtkButton      *button,
                  CfHandoverPage *self)
{
  CfShiftInfo *shift = selected_shift (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *box = gtk_list_box_new ();
  const char *titles[] = { N_("Handed to (operator no.)"), N_("Notes for the next shift"), N_("Variance, and why") };

  if (shift == NULL)
    return;
  body = g_strdup_printf (_("Shift #%lld of %s, open since %.16s, ends now."), (long long) shift->id,
                          shift->operator_no, shift->started_at);
  dialog = adw_message_dialog_new (cf_widget_get_window (GTK_WIDGET (self)), _("Close the Shift?"), body);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[i]));
      /* Handed to: the next person is one of the operators. */
      if (i == 0)
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), cf_operator_menu_new (cf_session_get_store (self->session),
                                                                             GTK_EDITABLE (row), CF_OPERATOR_AS_NO));
      gtk_list_box_append (GTK_LIST_BOX (box), row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "close-shift", _("C_lose Shift"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close-shift", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
sign_off_action (gpointer   data,
                 GError   **error)
{
  return cf_handover_page_sign_off (data, error);
}

static void
sign_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  CfHandoverPage   *self)
{
  if (g_str_equal (response, "sign"))
    cf_session_run_as_manager (self->session, GTK_WIDGET (self),
                               _("Sign off the handover report (it gets the next number and is kept as it is now)"),
                               _("The Report Was Not Signed Off"),
                              sign_off_action, g_object_ref (self), g_object_unref);
}

static void
sign_clicked_cb (GtkButton      *button,
                 CfHandoverPage *self)
{
  GtkWidget *dialog;

  /* A clerk is asked once, by the manager's prompt, not twice. */
  if (!cf_session_is_manager (self->session))
    {
      sign_response_cb (NULL, "sign", self);
      return;
    }
  dialog = adw_message_dialog_new (cf_widget_get_window (GTK_WIDGET (self)), _("Sign Off the Report?"),
                                   _("The report gets the next number and is kept as it is now: "
                                     "later imports or corrections will not change it."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "sign", _("_Sign Off"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_chosen_cb (const char * const *paths,
                gpointer            user_data)
{
  CfHandoverPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->report != NULL && !cf_pdf_write_report (self->report, paths[0], &error))
    cf_show_message (cf_widget_get_window (GTK_WIDGET (self)), _("The Report Was Not Written"), error->message);
  else if (self->report != NULL)
    cf_show_saved (GTK_WIDGET (self), _("Handover report saved"), paths[0]);
}

static void
save_clicked_cb (GtkButton      *button,
                 CfHandoverPage *self)
{
  CfShiftInfo *shift = selected_shift (self);
  g_autofree char *name = g_strdup_printf ("handover-%lld.pdf", shift != NULL ? (long long) shift->id : 0LL);

  cf_file_dialog_save (GTK_WIDGET (self), _("Save the Handover Report"), name, save_chosen_cb, g_object_ref (self),
                       g_object_unref);
}

static void
print_clicked_cb (GtkButton      *button,
                  CfHandoverPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->report != NULL && !cf_report_print (cf_widget_get_window (GTK_WIDGET (self)), self->report, _("Handover report"), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cf_show_message (cf_widget_get_window (GTK_WIDGET (self)), _("The Report Was Not Printed"), error->message);
}

static void
cf_handover_page_dispose (GObject *object)
{
  CfHandoverPage *self = (CfHandoverPage *) object;

  /* The list unselects its rows as it goes; the buttons may be gone by then. */
  if (self->shift_list != NULL)
    g_signal_handlers_disconnect_by_func (self->shift_list, row_selected_cb, self);
  self->shift_list = NULL;
  g_clear_pointer (&self->shifts, g_ptr_array_unref);
  g_clear_object (&self->report);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (object), CF_TYPE_HANDOVER_PAGE);
  G_OBJECT_CLASS (cf_handover_page_parent_class)->dispose (object);
}

static void
cf_handover_page_class_init (CfHandoverPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_handover_page_dispose;

  g_type_ensure (CF_TYPE_REPORT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-handover-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfHandoverPage, shift_list);
  gtk_widget_class_bind_template_child (widget_class, CfHandoverPage, empty);
  gtk_widget_class_bind_template_child (widget_class, CfHandoverPage, preview);
  gtk_widget_class_bind_template_child (widget_class, CfHandoverPage, sign_button);
  gtk_widget_class_bind_template_child (widget_class, CfHandoverPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, CfHandoverPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, CfHandoverPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, CfHandoverPage, status);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
}

static void
cf_handover_page_init (CfHandoverPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CfHandoverPage *
cf_handover_page_new (CfSession *session)
{
  CfHandoverPage *self = g_object_new (CF_TYPE_HANDOVER_PAGE, NULL);

  self->session = g_object_ref (session);
  self->store = g_object_ref (cf_session_get_store (session));
  cf_handover_page_reload (self);
  return self;
}
