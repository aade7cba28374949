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

#include "cf-loss-service.h"
#include "cf-losses-page.h"
#include "cf-money.h"

struct _CfLossesPage
{
  GtkBox     parent_instance;

  CfWindow  *window;     /* borrowed: the window owns the page */
  CfStore   *store;
  GtkWidget *content;
  guint      n_incidents;
  guint      n_requests;
};

G_DEFINE_FINAL_TYPE (CfLossesPage, cf_losses_page, GTK_TYPE_BOX)

static void
move_clicked_cb (GtkButton    *button,
                 CfLossesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "request-id"));
  CfRequestStatus to = (CfRequestStatus) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "to"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  if (!cf_loss_move_request (self->store, id, to, NULL, cf_window_get_operator (self->window), now, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self->window), _("The Request Did Not Move"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  cf_losses_page_reload (self);
}

static GtkWidget *
move_menu (CfLossesPage  *self,
           CfRequestInfo *request)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  guint n = 0;

  for (guint to = 0; to < CF_REQUEST_N_STATUSES; to++)
    if (cf_request_status_can_move (request->status, (CfRequestStatus) to))
      {
        g_autofree char *label = g_strdup_printf (_("Move to “%s”"), cf_request_status_get_label ((CfRequestStatus) to));
        GtkWidget *item = gtk_button_new_with_label (label);

        gtk_widget_add_css_class (item, "flat");
        g_object_set_data (G_OBJECT (item), "request-id", GSIZE_TO_POINTER (request->id));
        g_object_set_data (G_OBJECT (item), "to", GUINT_TO_POINTER (to));
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

static const char *
counterpart_label (const char *counterpart)
{
  if (g_strcmp0 (counterpart, "provider") == 0)
    return _("POS provider");
  if (g_strcmp0 (counterpart, "tax_office") == 0)
    return _("Tax office");
  return _("Acquiring bank");
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
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *report = gtk_button_new_with_mnemonic (_("_Report Lost Slips…"));
  GtkWidget *incidents_group = adw_preferences_group_new ();
  GtkWidget *requests_group = adw_preferences_group_new ();

  g_return_if_fail (CF_IS_LOSSES_PAGE (self));

  incidents = cf_loss_list_incidents (self->store, NULL);
  requests = cf_loss_list_requests (self->store, now, NULL);
  self->n_incidents = incidents != NULL ? incidents->len : 0;
  self->n_requests = requests != NULL ? requests->len : 0;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (report), "win.report-loss");
  gtk_widget_add_css_class (report, "suggested-action");
  gtk_widget_set_halign (report, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), report);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (incidents_group), _("Loss Incidents"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (incidents_group),
                                         _("An incident is resolved when every slip has a duplicate, a fulfilled request or a recorded decision."));
  for (guint i = 0; incidents != NULL && i < incidents->len; i++)
    {
      CfIncidentInfo *inc = g_ptr_array_index (incidents, i);
      g_autofree char *amount = cf_money_format (inc->amount_minor, "CNY");
      g_autofree char *title = g_strdup_printf (_("#%lld · %u slips · %s · %s"), (long long) inc->id, inc->n_slips, amount,
                                                inc->resolved ? _("resolved") : _("open"));
      g_autofree char *subtitle = g_strdup_printf (_("Reported %s · cause %s · responsible %s · %u of %u settled%s%s"),
                                                   inc->created_at, inc->cause,
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
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (incidents_group), row);
    }
  if (self->n_incidents == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No slips have been reported lost"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (incidents_group), row);
    }
  gtk_box_append (GTK_BOX (box), incidents_group);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (requests_group), _("Replacement Requests"));
  for (guint i = 0; requests != NULL && i < requests->len; i++)
    {
      CfRequestInfo *r = g_ptr_array_index (requests, i);
      g_autofree char *title = g_strdup_printf (_("#%lld · %s · %s · %u slips"), (long long) r->id,
                                                counterpart_label (r->counterpart),
                                                cf_request_status_get_label (r->status), r->n_slips);
      g_autofree char *subtitle = g_strdup_printf (_("Incident #%lld · created %s · due %s%s"), (long long) r->incident_id,
                                                   r->created_at, r->due_date != NULL ? r->due_date : _("when submitted"),
                                                   r->overdue ? _(" · OVERDUE") : r->due_soon ? _(" · due soon") : "");
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      if (r->overdue)
        gtk_widget_add_css_class (row, "error");
      else if (r->due_soon)
        gtk_widget_add_css_class (row, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), move_menu (self, r));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (requests_group), row);
    }
  if (self->n_requests == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No replacement requests"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (requests_group), row);
    }
  gtk_box_append (GTK_BOX (box), requests_group);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (self->content), box);
}

/**
 * cf_losses_page_new:
 *
 * Returns: (transfer floating): the section for @window's database
 */
CfLossesPage *
cf_losses_page_new (CfWindow *window,
                    CfStore  *store)
{
  CfLossesPage *self = g_object_new (CF_TYPE_LOSSES_PAGE, "orientation", GTK_ORIENTATION_VERTICAL, NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->window = window;
  self->store = g_object_ref (store);
  self->content = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (self->content), 900);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->content);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self), scroller);
  cf_losses_page_reload (self);
  return self;
}

guint
cf_losses_page_get_n_incidents (CfLossesPage *self)
{
  g_return_val_if_fail (CF_IS_LOSSES_PAGE (self), 0);
  return self->n_incidents;
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

  G_OBJECT_CLASS (cf_losses_page_parent_class)->dispose (object);
}

static void
cf_losses_page_class_init (CfLossesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_losses_page_dispose;
}

static void
cf_losses_page_init (CfLossesPage *self)
{
}
