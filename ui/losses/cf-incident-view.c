/* cf-incident-view.c — one loss incident, whole, and its follow-up
 *
 * What happened and who found it, what the slips were worth, each slip with
 * what the customer was told and where its remedy stands, and the requests
 * made for it. What is still to do is a button: the pending duplicates are
 * issued in one go (win.issue-duplicates-of), a request opens in the list
 * (::show-request), a slip in the browser (win.show-transaction).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-incident-view.h"
#include "cf-loss-incident.h"
#include "cf-money.h"

struct _CfIncidentView
{
  GtkBox     parent_instance;

  GtkLabel  *title;
  GtkLabel  *state;
  GtkWidget *follow_up;      /* "Issue the N pending duplicates" */
  GtkWidget *groups;         /* rebuilt on each show */

  gint64     incident_id;
  GArray    *pending_ids;    /* of gint64 */
};

G_DEFINE_FINAL_TYPE (CfIncidentView, cf_incident_view, GTK_TYPE_BOX)

enum { BACK, SHOW_REQUEST, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
fact_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (value != NULL && *value != '\0' ? value : "—", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  return row;
}

static GtkWidget *
new_group (CfIncidentView *self,
           const char     *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->groups), group);
  return group;
}

static void
add_what_happened (CfIncidentView   *self,
                   CfIncidentDetail *detail)
{
  GtkWidget *group = new_group (self, _("What Happened"));
  CfIncidentInfo *info = detail->info;
  g_autofree char *reported = g_strdup_printf (_("%.16s by %s"), info->created_at,
                                               detail->created_by != NULL ? detail->created_by : "—");
  g_autofree char *discovered = g_strdup_printf ("%s%s%s", detail->discovered_at != NULL ? detail->discovered_at : "",
                                                 detail->discovered_at != NULL && detail->discovered_by != NULL ? " · " : "",
                                                 detail->discovered_by != NULL ? detail->discovered_by : "");
  g_autofree char *period = g_strdup_printf ("%.16s – %.16s", info->period_from != NULL ? info->period_from : "…",
                                             info->period_to != NULL ? info->period_to : "…");

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fact_row (_("Reported"), reported));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fact_row (_("Discovered"), discovered));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fact_row (_("Period of the slips"), period));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fact_row (_("What is missing"), info->description));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fact_row (_("Cause"), cf_loss_cause_get_label (info->cause)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fact_row (_("Responsible"), info->responsible));
  if (detail->notes != NULL && *detail->notes != '\0')
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fact_row (_("Notes"), detail->notes));
}

static void
add_impact (CfIncidentView   *self,
            CfIncidentDetail *detail)
{
  GtkWidget *group = new_group (self, _("Impact"));
  const CfLossImpact *impact = &detail->impact;
  g_autofree char *net = cf_money_format (impact->net_minor, "CNY");
  g_autofree char *gross = cf_money_format (impact->gross_minor, "CNY");
  /* TRANSLATORS: "¥12,427.30 net (sales ¥12,455.10, less voids and refunds)" */
  g_autofree char *worth = g_strdup_printf (_("%s net (sales %s, less voids and refunds)"), net, gross);
  g_autofree char *cards = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card: the customers to contact",
                                                         "%u cards: the customers to contact", impact->cards),
                                            impact->cards);
  g_autofree char *settled = g_strdup_printf (_("%u of %u on a statement or bill; %u still within the 13 months a "
                                                "bank can ask for a slip"), impact->settled, impact->count,
                                              impact->in_retention);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fact_row (_("Worth"), worth));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fact_row (_("Cards"), cards));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fact_row (_("Settlement"), settled));
}

static GtkWidget *
slip_row (CfIncidentSlip *slip)
{
  CfTransaction *txn = slip->transaction;
  g_autofree char *amount = cf_transaction_dup_amount_text (txn);
  g_autofree char *card = cf_transaction_dup_masked_card (txn, FALSE);
  g_autofree char *title = g_strdup_printf ("%.16s · %s · %s%s%s", cf_transaction_get_local_time (txn), amount,
                                            cf_txn_type_get_label (cf_transaction_get_txn_type (txn)),
                                            *card != '\0' ? " · " : "", card);
  g_autoptr(GString) subtitle = g_string_new (cf_slip_state_describe (slip));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *show = gtk_button_new_from_icon_name ("go-next-symbolic");

  if (slip->state == CF_SLIP_DUPLICATE_ISSUED && slip->duplicate_issued_at != NULL)
    g_string_append_printf (subtitle, " (%.10s)", slip->duplicate_issued_at);
  if (slip->request_id > 0)
    g_string_append_printf (subtitle, " · %s", cf_request_status_get_label (slip->request_status));
  if (slip->remedy_reason != NULL && *slip->remedy_reason != '\0')
    g_string_append_printf (subtitle, " · %s", slip->remedy_reason);
  g_string_append_printf (subtitle, " · %s", slip->contacted ? _("customer contacted") : _("customer not contacted"));
  if (slip->customer_note != NULL && *slip->customer_note != '\0')
    g_string_append_printf (subtitle, _(" · told: %s"), slip->customer_note);

  {
    g_autofree char *escaped_title = g_markup_escape_text (title, -1);
    g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (slip->state == CF_SLIP_DUPLICATE_PENDING ||
                                                           slip->state == CF_SLIP_REQUEST_OPEN
                                                           ? "dialog-warning-symbolic" : "emblem-ok-symbolic"));
  gtk_widget_set_tooltip_text (show, _("Show in Transactions"));
  gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (show, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "win.show-transaction");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (show), "x", cf_transaction_get_id (txn));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), show);
  return row;
}

static void
show_request_clicked_cb (GtkButton      *button,
                         CfIncidentView *self)
{
  g_signal_emit (self, signals[SHOW_REQUEST], 0, *(gint64 *) g_object_get_data (G_OBJECT (button), "request-id"));
}

static void
add_requests (CfIncidentView   *self,
              CfIncidentDetail *detail)
{
  GtkWidget *group = new_group (self, _("Replacement Requests"));

  for (guint i = 0; i < detail->requests->len; i++)
    {
      CfRequestInfo *r = g_ptr_array_index (detail->requests, i);
      g_autofree char *title = g_strdup_printf (_("#%lld · %s"), (long long) r->id, cf_request_status_get_label (r->status));
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u slip · due %s", "%u slips · due %s", r->n_slips),
                                                   r->n_slips,
                                                   r->due_date != NULL ? r->due_date : _("when submitted"));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *show = gtk_button_new_with_mnemonic (_("_Open"));
      gint64 *id = g_new (gint64, 1);

      *id = r->id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (show), "request-id", id, g_free);
      g_signal_connect_object (show, "clicked", G_CALLBACK (show_request_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), show);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (detail->requests->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No request was made for this incident."));
}

static void
follow_up_clicked_cb (CfIncidentView *self)
{
  g_autoptr(GVariantBuilder) ids = g_variant_builder_new (G_VARIANT_TYPE ("ax"));

  for (guint i = 0; i < self->pending_ids->len; i++)
    g_variant_builder_add (ids, "x", g_array_index (self->pending_ids, gint64, i));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.issue-duplicates-of", "ax", ids);
}

/**
 * cf_incident_view_show:
 *
 * Shows incident @incident_id as it stands now.
 *
 * Returns: %FALSE with @error set if it could not be read
 */
gboolean
cf_incident_view_show (CfIncidentView  *self,
                       CfStore         *store,
                       gint64           incident_id,
                       GError         **error)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(CfIncidentDetail) detail = cf_loss_get_incident (store, incident_id, today, error);
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  GtkWidget *slips;
  GtkWidget *child;

  g_return_val_if_fail (CF_IS_INCIDENT_VIEW (self), FALSE);
  if (detail == NULL)
    return FALSE;

  self->incident_id = incident_id;
  while ((child = gtk_widget_get_first_child (self->groups)) != NULL)
    gtk_box_remove (GTK_BOX (self->groups), child);

  title = g_strdup_printf (_("Loss Incident #%lld"), (long long) incident_id);
  gtk_label_set_text (self->title, title);
  state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u of %u slip settled", "%s · %u of %u slips settled",
                                        detail->info->n_slips),
                           detail->info->resolved ? _("Resolved") : _("Open"), detail->info->n_resolved,
                           detail->info->n_slips);
  gtk_label_set_text (self->state, state);

  add_what_happened (self, detail);
  add_impact (self, detail);
  slips = new_group (self, _("Slips"));
  for (guint i = 0; i < detail->slips->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (slips), slip_row (g_ptr_array_index (detail->slips, i)));

  pending = cf_incident_detail_pending_duplicates (detail);
  g_array_set_size (self->pending_ids, 0);
  for (guint i = 0; i < pending->len; i++)
    {
      gint64 id = cf_transaction_get_id (g_ptr_array_index (pending, i));
      g_array_append_val (self->pending_ids, id);
    }
  if (pending->len > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Issue the Pending Duplicate…",
                                                             "_Issue the %u Pending Duplicates…", pending->len),
                                                pending->len);

      gtk_button_set_label (GTK_BUTTON (self->follow_up), label);
    }
  gtk_widget_set_visible (self->follow_up, pending->len > 0);
  add_requests (self, detail);
  return TRUE;
}

gint64
cf_incident_view_get_incident_id (CfIncidentView *self)
{
  g_return_val_if_fail (CF_IS_INCIDENT_VIEW (self), 0);
  return self->incident_id;
}

guint
cf_incident_view_get_n_pending (CfIncidentView *self)
{
  g_return_val_if_fail (CF_IS_INCIDENT_VIEW (self), 0);
  return self->pending_ids->len;
}

static void
back_clicked_cb (CfIncidentView *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
cf_incident_view_finalize (GObject *object)
{
  CfIncidentView *self = (CfIncidentView *) object;

  g_array_unref (self->pending_ids);
  G_OBJECT_CLASS (cf_incident_view_parent_class)->finalize (object);
}

static void
cf_incident_view_class_init (CfIncidentViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_incident_view_finalize;

  /** CfIncidentView::back: the clerk is done with the incident */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
  /** CfIncidentView::show-request: @id, a request of the incident, to open in the list */
  signals[SHOW_REQUEST] = g_signal_new ("show-request", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cf_incident_view_init (CfIncidentView *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->pending_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);

  gtk_widget_set_tooltip_text (back, _("Back to Losses and Requests"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to Losses and Requests"),
                                  -1);
  gtk_widget_set_valign (back, GTK_ALIGN_CENTER);
  g_signal_connect_object (back, "clicked", G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-2");
  gtk_label_set_xalign (self->title, 0);
  self->state = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->state), "dim-label");
  gtk_label_set_xalign (self->state, 0);
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->state));
  gtk_widget_set_hexpand (heading, TRUE);
  /* Labelled and shown by cf_incident_view_show(), when there is something to follow up. */
  self->follow_up = gtk_button_new_with_mnemonic ("");
  gtk_widget_set_visible (self->follow_up, FALSE);
  gtk_widget_add_css_class (self->follow_up, "suggested-action");
  gtk_widget_set_valign (self->follow_up, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->follow_up, "clicked", G_CALLBACK (follow_up_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), back);
  gtk_box_append (GTK_BOX (top), heading);
  gtk_box_append (GTK_BOX (top), self->follow_up);
  gtk_box_append (GTK_BOX (self), top);

  self->groups = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (self), self->groups);
}

GtkWidget *
cf_incident_view_new (void)
{
  return g_object_new (CF_TYPE_INCIDENT_VIEW, NULL);
}
