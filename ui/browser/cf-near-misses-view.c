/* cf-near-misses-view.c — what a search that found nothing almost found
 *
 * Each kind of near miss under its reason, one row a transaction; choosing
 * a row emits ::transaction-activated with its id, and the window shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-near-misses.h"
#include "cf-near-misses-view.h"
#include "cf-transaction.h"

struct _CfNearMissesView
{
  GtkBox parent_instance;

  guint  n_rows;
};

G_DEFINE_FINAL_TYPE (CfNearMissesView, cf_near_misses_view, GTK_TYPE_BOX)

enum { TRANSACTION_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
row_activated_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  CfNearMissesView *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "transaction-id");

  g_signal_emit (self, signals[TRANSACTION_ACTIVATED], 0, *id);
}

static GtkWidget *
transaction_row (CfTransaction *txn)
{
  g_autofree char *amount = cf_transaction_dup_amount_text (txn);
  g_autofree char *card = cf_transaction_dup_masked_card (txn, FALSE);
  const char *voucher = cf_transaction_get_voucher_no (txn);
  const char *terminal = cf_transaction_get_terminal_no (txn);
  g_autofree char *title = g_strdup_printf ("%.16s · %s · %s", cf_transaction_get_local_time (txn), amount,
                                            cf_txn_type_get_label (cf_transaction_get_txn_type (txn)));
  g_autoptr(GString) subtitle = g_string_new (*card != '\0' ? card
                                              : cf_payment_method_get_label (cf_transaction_get_payment_method (txn)));
  GtkWidget *row = adw_action_row_new ();
  gint64 *id = g_new (gint64, 1);

  if (voucher != NULL && *voucher != '\0')
    g_string_append_printf (subtitle, " · %s %s", _("voucher"), voucher);
  if (terminal != NULL && *terminal != '\0')
    g_string_append_printf (subtitle, " · %s %s", _("terminal"), terminal);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  *id = cf_transaction_get_id (txn);
  g_object_set_data_full (G_OBJECT (row), "transaction-id", id, g_free);
  return row;
}

/**
 * cf_near_misses_view_set_misses:
 * @misses: (element-type CfNearMiss) (nullable): from cf_near_misses_find()
 */
void
cf_near_misses_view_set_misses (CfNearMissesView *self,
                                GPtrArray        *misses)
{
  GtkWidget *child;

  g_return_if_fail (CF_IS_NEAR_MISSES_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);
  self->n_rows = 0;

  for (guint i = 0; misses != NULL && i < misses->len; i++)
    {
      CfNearMiss *miss = g_ptr_array_index (misses, i);
      GtkWidget *heading = gtk_label_new (miss->reason);
      GtkWidget *list = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, i > 0 ? 18 : 0);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
      for (guint j = 0; j < miss->transactions->len; j++, self->n_rows++)
        gtk_list_box_append (GTK_LIST_BOX (list), transaction_row (g_ptr_array_index (miss->transactions, j)));
      g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, 0);
      gtk_box_append (GTK_BOX (self), heading);
      gtk_box_append (GTK_BOX (self), list);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_rows > 0);
}

guint
cf_near_misses_view_get_n_rows (CfNearMissesView *self)
{
  g_return_val_if_fail (CF_IS_NEAR_MISSES_VIEW (self), 0);
  return self->n_rows;
}

static void
cf_near_misses_view_class_init (CfNearMissesViewClass *klass)
{
  /**
   * CfNearMissesView::transaction-activated:
   * @id: the transaction chosen
   */
  signals[TRANSACTION_ACTIVATED] = g_signal_new ("transaction-activated", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cf_near_misses_view_init (CfNearMissesView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_set_size_request (GTK_WIDGET (self), 280, -1);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 18);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
cf_near_misses_view_new (void)
{
  return g_object_new (CF_TYPE_NEAR_MISSES_VIEW, NULL);
}
