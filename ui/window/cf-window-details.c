/* cf-window-details.c — the window's side of the details pane: what it
 * shows follows the selection, and "Show the original" finds the original
 * in the list, or searches for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include "cf-transaction-list.h"
#include "cf-window-private.h"

/**
 * cf_window_show_transaction:
 *
 * Selects transaction @id in the list, searching for everything when the
 * current result does not hold it.
 */
void
cf_window_show_transaction (CfWindow *self,
                            gint64    id)
{
  guint position;

  if (self->list != NULL && cf_transaction_list_find_id (self->list, id, &position))
    {
      cf_window_select_only (self, position);
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_VIEW (child))
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
      return;
    }

  /* Outside the current result: search for everything and select it there. */
  self->select_after_search = id;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  cf_window_start_search (self);
}

static void
show_original_cb (CfDetailsPane *pane,
                  gint64         id,
                  CfWindow      *self)
{
  cf_window_show_transaction (self, id);
}

/* Called once, from the window's init. */
void
cf_window_details_init (CfWindow *self)
{
  self->details = CF_DETAILS_PANE (cf_details_pane_new ());
  gtk_box_append (self->detail_box, GTK_WIDGET (self->details));
  g_signal_connect_object (self->details, "show-original", G_CALLBACK (show_original_cb), self, 0);
}

void
cf_window_update_detail (CfWindow *self)
{
  g_autoptr(CfTransaction) txn = cf_window_current_transaction (self);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  cf_details_pane_set_store (self->details, self->store);
  cf_details_pane_show (self->details, txn, (guint) gtk_bitset_get_size (selected), cf_window_paper_columns (self));
}
