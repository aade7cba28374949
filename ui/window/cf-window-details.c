/* cf-window-details.c — the selected transaction beside the list: every
 * field the sources gave, grouped, the original of a refund or void one click
 * away, its duplicates so far and the slip as it would print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-duplicate-dialog.h"
#include "cf-money.h"
#include "cf-receipt-preview.h"
#include "cf-transaction-list.h"
#include "cf-transaction.h"
#include "cf-window-private.h"

static void zoom_clicked_cb (GtkButton *button,
                             CfWindow  *self);
static void preview_copy_changed_cb (GtkDropDown *copy,
                                     GParamSpec  *pspec,
                                     CfWindow    *self);

static gboolean
update_detail_idle (gpointer data)
{
  cf_window_update_detail (data);
  return G_SOURCE_REMOVE;
}

/* The details are a heading and a grid of label and value per group:
 * compact, and every value can be selected and copied. */
static void
add_row (GtkGrid    *grid,
         const char *title,
         const char *value)
{
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (grid), "rows"));
  GtkWidget *key;
  GtkWidget *shown;

  if (value == NULL || *value == '\0')
    return;  /* a field the source did not give is left out */
  key = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (key), 1);
  gtk_label_set_yalign (GTK_LABEL (key), 0);
  gtk_widget_add_css_class (key, "dim-label");
  shown = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (shown), 0);
  gtk_label_set_wrap (GTK_LABEL (shown), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (shown), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (shown), TRUE);
  gtk_widget_set_hexpand (shown, TRUE);
  gtk_grid_attach (grid, key, 0, row, 1, 1);
  gtk_grid_attach (grid, shown, 1, row, 1, 1);
  g_object_set_data (G_OBJECT (grid), "rows", GINT_TO_POINTER (row + 1));
}

static GtkGrid *
add_group (CfWindow   *self,
           const char *title)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *grid = gtk_grid_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (self->detail_box, heading);
  gtk_box_append (self->detail_box, grid);
  return GTK_GRID (grid);
}

static void
show_original_clicked_cb (GtkButton *button,
                          CfWindow  *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "original-id"));
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

void
cf_window_update_detail (CfWindow *self)
{
  g_autoptr(CfTransaction) txn = cf_window_current_transaction (self);
  GtkWidget *child;
  GtkGrid *group;
  g_autofree char *amount = NULL;
  g_autofree char *fee_text = NULL;
  g_autofree char *card = NULL;
  g_autofree char *time = NULL;
  gint64 fee;
  int offset;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))) != NULL)
    gtk_box_remove (self->detail_box, child);

  if (txn == NULL)
    {
      GtkWidget *label = gtk_label_new (_("Select a transaction to see its details."));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->detail_box, label);
      return;
    }

  {
    g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
    guint64 n_selected = gtk_bitset_get_size (set);

    if (n_selected > 1)
      {
        g_autofree char *text = g_strdup_printf (_("%llu transactions selected: Issue Duplicate makes a slip of each. "
                                                   "The details are of the first."), (unsigned long long) n_selected);
        GtkWidget *label = gtk_label_new (text);

        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_widget_add_css_class (label, "dim-label");
        gtk_box_append (self->detail_box, label);
      }
  }

  amount = cf_transaction_dup_amount_text (txn);
  card = cf_transaction_dup_masked_card (txn, FALSE);
  if (cf_transaction_get_fee_minor (txn, &fee))
    fee_text = cf_money_format (fee, cf_transaction_get_currency (txn));
  if (cf_transaction_get_utc_offset (txn, &offset))
    time = g_strdup_printf ("%s (UTC%+d:%02d)", cf_transaction_get_local_time (txn), offset / 60, ABS (offset) % 60);
  else if (cf_transaction_get_time_zone (txn) != NULL)
    time = g_strdup_printf ("%s (%s)", cf_transaction_get_local_time (txn), cf_transaction_get_time_zone (txn));
  else
    time = g_strdup (cf_transaction_get_local_time (txn));

  group = add_group (self, _("Transaction"));
  {
    const char *type_text = cf_transaction_get_type_text (txn);
    g_autofree char *type = NULL;

    if (type_text != NULL &&
        g_utf8_collate (type_text, cf_txn_type_get_label (cf_transaction_get_txn_type (txn))) != 0 &&
        g_ascii_strcasecmp (type_text, cf_txn_type_get_label (cf_transaction_get_txn_type (txn))) != 0)
      type = g_strdup_printf ("%s (%s)", cf_txn_type_get_label (cf_transaction_get_txn_type (txn)), type_text);
    else
      type = g_strdup (cf_txn_type_get_label (cf_transaction_get_txn_type (txn)));
    add_row (group, _("Type"), type);
  }
  add_row (group, _("Amount"), amount);
  add_row (group, _("Fee"), fee_text);
  add_row (group, _("Date/time"), time);
  add_row (group, _("Status"), cf_transaction_get_status (txn));
  add_row (group, _("Voucher no."), cf_transaction_get_voucher_no (txn));
  add_row (group, _("Batch no."), cf_transaction_get_batch_no (txn));
  add_row (group, _("Reference no."), cf_transaction_get_ref_no (txn));
  add_row (group, _("Auth code"), cf_transaction_get_auth_code (txn));
  add_row (group, _("Transaction id"), cf_transaction_get_source_id (txn));

  group = add_group (self, _("Card"));
  {
    char letter = cf_entry_mode_to_letter (cf_transaction_get_entry_mode (txn));
    g_autofree char *shown = letter != 0 ? g_strdup_printf ("%s %c", card, letter) : g_strdup (card);
    add_row (group, _("Card no."), shown);
  }
  add_row (group, _("Brand"), cf_transaction_get_card_brand (txn));
  add_row (group, _("Card kind"), cf_transaction_get_card_kind (txn));
  add_row (group, _("Issuer"), cf_transaction_get_issuer (txn));
  add_row (group, _("Acquirer"), cf_transaction_get_acquirer (txn));

  group = add_group (self, _("Merchant and terminal"));
  add_row (group, _("Merchant"), cf_transaction_get_merchant_name (txn));
  add_row (group, _("Merchant no."), cf_transaction_get_merchant_no (txn));
  add_row (group, _("Terminal no."), cf_transaction_get_terminal_no (txn));
  add_row (group, _("Operator no."), cf_transaction_get_operator_no (txn));

  if (cf_transaction_get_orig_voucher_no (txn) != NULL || cf_transaction_get_orig_ref_no (txn) != NULL)
    {
      g_autoptr(CfTransaction) original = cf_store_find_original (self->store, txn, NULL);

      group = add_group (self, _("Original transaction"));
      add_row (group, _("Original voucher no."), cf_transaction_get_orig_voucher_no (txn));
      add_row (group, _("Original reference no."), cf_transaction_get_orig_ref_no (txn));
      add_row (group, _("Original date"), cf_transaction_get_orig_date (txn));
      if (original != NULL)
        {
          g_autofree char *orig_amount = cf_transaction_dup_amount_text (original);
          g_autofree char *label = g_strdup_printf (_("%s, %s"), cf_transaction_get_local_time (original), orig_amount);
          g_autofree char *button_label = g_strdup_printf (_("Show the original: %s"), label);
          GtkWidget *button = gtk_button_new_with_label (button_label);

          gtk_widget_set_halign (button, GTK_ALIGN_START);
          g_object_set_data (G_OBJECT (button), "original-id", GSIZE_TO_POINTER (cf_transaction_get_id (original)));
          g_signal_connect_object (button, "clicked", G_CALLBACK (show_original_clicked_cb), self, 0);
          gtk_box_append (self->detail_box, button);
        }
      else
        add_row (group, _("The original"), _("Not in this database"));
    }

  group = add_group (self, _("Source"));
  if (cf_transaction_get_import_id (txn) > 0)
    {
      g_autofree char *file = NULL;
      g_autofree char *when = NULL;
      g_autofree char *who = NULL;

      if (cf_store_get_import_info (self->store, cf_transaction_get_import_id (txn), &file, &when, &who, NULL))
        {
          g_autofree char *base = g_path_get_basename (file);
          g_autofree char *line = g_strdup_printf (_("%s, line %u"), base, cf_transaction_get_source_line (txn));
          g_autofree char *by = who != NULL ? g_strdup_printf (_("%s by %s"), when, who) : g_strdup (when);

          add_row (group, _("Imported from"), line);
          add_row (group, _("Imported"), by);
        }
    }
  else
    add_row (group, _("Imported from"), _("Demo data"));

  group = add_group (self, _("History"));
  {
    g_autoptr(GPtrArray) duplicates = cf_duplicate_list_for (self->store, cf_transaction_get_id (txn), NULL);

    if (duplicates == NULL || duplicates->len == 0)
      add_row (group, _("Duplicates issued"), _("None"));
    for (guint i = 0; duplicates != NULL && i < duplicates->len; i++)
      {
        CfDuplicateRecord *r = g_ptr_array_index (duplicates, i);
        CfDuplicateReason reason = CF_DUPLICATE_REASON_OTHER;
        g_autofree char *title = g_strdup_printf (_("Duplicate No. %u"), r->number);
        g_autofree char *text = NULL;

        cf_duplicate_reason_from_nick (r->reason, &reason);
        text = g_strdup_printf (_("%s by %s · %s%s%s · %s copy · %s · code %s"), r->issued_at,
                                r->operator_no != NULL ? r->operator_no : "-", cf_duplicate_reason_get_label (reason),
                                r->reason_text != NULL ? ": " : "", r->reason_text != NULL ? r->reason_text : "",
                                r->copy, g_str_has_prefix (r->output, "pdf:") ? _("PDF") : _("printed"), r->code);
        add_row (group, title, text);
      }
  }
  add_row (group, _("Loss reports"), _("None"));

  /* The slip as it would print now, and the way to issue it. */
  add_group (self, _("Slip"));
  {
    const char *copies[] = { _("Merchant copy"), _("Cardholder copy"), _("Bank copy"), NULL };
    GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *copy = gtk_drop_down_new_from_strings (copies);
    GtkWidget *issue = gtk_button_new_with_mnemonic (_("_Issue Duplicate…"));
    GtkWidget *preview = cf_receipt_preview_new ();
    GtkWidget *frame = gtk_frame_new (NULL);
    g_autoptr(CfReceiptDoc) doc = cf_duplicate_preview (self->store, txn, self->preview_copy, cf_window_paper_columns (self));

    GtkWidget *zoom_out = gtk_button_new_from_icon_name ("zoom-out-symbolic");
    GtkWidget *zoom_in = gtk_button_new_from_icon_name ("zoom-in-symbolic");

    gtk_widget_set_tooltip_text (zoom_out, _("Smaller"));
    gtk_widget_set_tooltip_text (zoom_in, _("Larger"));
    g_object_set_data (G_OBJECT (zoom_out), "factor", GINT_TO_POINTER (-1));
    g_object_set_data (G_OBJECT (zoom_in), "factor", GINT_TO_POINTER (1));
    g_signal_connect_object (zoom_out, "clicked", G_CALLBACK (zoom_clicked_cb), self, 0);
    g_signal_connect_object (zoom_in, "clicked", G_CALLBACK (zoom_clicked_cb), self, 0);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (copy), self->preview_copy);
    g_signal_connect_object (copy, "notify::selected", G_CALLBACK (preview_copy_changed_cb), self, 0);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (issue), "win.issue-duplicate");
    gtk_widget_add_css_class (issue, "suggested-action");
    gtk_box_append (GTK_BOX (bar), copy);
    gtk_box_append (GTK_BOX (bar), zoom_out);
    gtk_box_append (GTK_BOX (bar), zoom_in);
    gtk_box_append (GTK_BOX (bar), issue);
    gtk_box_append (self->detail_box, bar);
    cf_receipt_preview_set_doc (CF_RECEIPT_PREVIEW (preview), doc);
    cf_receipt_preview_set_zoom (CF_RECEIPT_PREVIEW (preview), self->preview_zoom);
    gtk_frame_set_child (GTK_FRAME (frame), preview);
    gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
    gtk_box_append (self->detail_box, frame);
  }
}

static void
zoom_clicked_cb (GtkButton *button,
                 CfWindow  *self)
{
  int factor = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "factor"));

  self->preview_zoom = CLAMP (self->preview_zoom + factor * 0.25, 0.75, 2.5);
  g_idle_add_full (G_PRIORITY_DEFAULT, (GSourceFunc) update_detail_idle, g_object_ref (self), g_object_unref);
}

static void
preview_copy_changed_cb (GtkDropDown *copy,
                         GParamSpec  *pspec,
                         CfWindow    *self)
{
  self->preview_copy = (CfReceiptCopy) gtk_drop_down_get_selected (copy);
  /* Rebuilding the pane from its own signal handler: do it once the signal is done. */
  g_idle_add_full (G_PRIORITY_DEFAULT, (GSourceFunc) update_detail_idle, g_object_ref (self), g_object_unref);
}
