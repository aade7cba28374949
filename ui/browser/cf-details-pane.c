/* cf-details-pane.c — the selected transaction beside the list: every field
 * the sources gave, grouped, the original of a refund or void one click
 * away, its duplicates and loss reports so far, and the slip as it would print
 *
 * The slip section is fixed (cf-details-pane.ui); the fields are built per
 * transaction, since a field the source did not give is left out. Changing
 * the copy or the zoom redraws the slip only, so the pane keeps its place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-details-pane.h"
#include "cf-duplicate-issuer.h"
#include "cf-format.h"
#include "cf-loss-service.h"
#include "cf-money.h"
#include "cf-receipt-preview.h"
#include "cf-reconcile.h"
#include "cf-request-status.h"
#include "cf-settlement.h"

struct _CfDetailsPane
{
  GtkBox            parent_instance;

  GtkLabel         *placeholder;
  GtkLabel         *selection_note;
  GtkBox           *fields;
  GtkWidget        *slip_section;
  GtkDropDown      *copy;
  CfReceiptPreview *preview;

  CfStore          *store;
  CfTransaction    *txn;
  guint             columns;
  double            zoom;
};

G_DEFINE_FINAL_TYPE (CfDetailsPane, cf_details_pane, GTK_TYPE_BOX)

enum
{
  SHOW_ORIGINAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A heading and a grid of label and value: compact, and every value can be
 * selected and copied. */
static GtkGrid *
add_group (CfDetailsPane *self,
           const char    *title)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *grid = gtk_grid_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (self->fields, heading);
  gtk_box_append (self->fields, grid);
  return GTK_GRID (grid);
}

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

static char *
dup_time_text (CfTransaction *txn)
{
  int offset;

  if (cf_transaction_get_utc_offset (txn, &offset))
    return g_strdup_printf ("%s (UTC%+d:%02d)", cf_transaction_get_local_time (txn), offset / 60, ABS (offset) % 60);
  if (cf_transaction_get_time_zone (txn) != NULL)
    return g_strdup_printf ("%s (%s)", cf_transaction_get_local_time (txn), cf_transaction_get_time_zone (txn));
  return g_strdup (cf_transaction_get_local_time (txn));
}

/* The type as Counterfoil reads it, and as the file said it when that differs. */
static char *
dup_type_text (CfTransaction *txn)
{
  const char *label = cf_txn_type_get_label (cf_transaction_get_txn_type (txn));
  const char *type_text = cf_transaction_get_type_text (txn);

  if (type_text != NULL && g_utf8_collate (type_text, label) != 0 && g_ascii_strcasecmp (type_text, label) != 0)
    return g_strdup_printf ("%s (%s)", label, type_text);
  return g_strdup (label);
}

/* The files' own words, in the reader's language where they are the
 * common ones: "成功" reads "Approved" in English, "借记卡" "Debit card";
 * other words are shown as the file wrote them. */
static const char *
status_label (const char *status)
{
  static const char *const approved[] = { "成功", "交易成功", "支付成功", "已支付", "success", "succeeded", "approved",
                                          "paid", "completed", "00", NULL };
  g_autofree char *folded = status != NULL ? g_utf8_casefold (status, -1) : NULL;

  if (folded != NULL && g_strv_contains (approved, folded))
    return C_("transaction status", "Approved");
  return status;
}

static const char *
card_kind_label (const char *kind)
{
  if (kind == NULL)
    return NULL;
  switch (cf_fee_kind_of ("card", kind))
    {
    case CF_FEE_KIND_DEBIT:
      return _("Debit card");
    case CF_FEE_KIND_CREDIT:
      return _("Credit card");
    case CF_FEE_KIND_CARD:
    case CF_FEE_KIND_WECHAT:
    case CF_FEE_KIND_ALIPAY:
    case CF_FEE_KIND_UNIONPAY_QR:
    case CF_FEE_KIND_N:
    default:
      return kind;
    }
}

static const char *
brand_label (const char *brand)
{
  if (brand != NULL && (g_ascii_strcasecmp (brand, "UnionPay") == 0 || g_strcmp0 (brand, "银联") == 0))
    return _("UnionPay");
  return brand;
}

static void
add_transaction_group (CfDetailsPane *self,
                       CfTransaction *txn)
{
  GtkGrid *group = add_group (self, _("Transaction"));
  g_autofree char *type = dup_type_text (txn);
  g_autofree char *amount = cf_transaction_dup_amount_text (txn);
  g_autofree char *fee_text = NULL;
  g_autofree char *time = dup_time_text (txn);
  gint64 fee;

  if (cf_transaction_get_fee_minor (txn, &fee))
    fee_text = cf_money_format (fee, cf_transaction_get_currency (txn));
  add_row (group, _("Type"), type);
  add_row (group, _("Amount"), amount);
  add_row (group, _("Fee"), fee_text);
  add_row (group, _("Date/time"), time);
  add_row (group, _("Status"), status_label (cf_transaction_get_status (txn)));
  add_row (group, _("Voucher no."), cf_transaction_get_voucher_no (txn));
  add_row (group, _("Batch no."), cf_transaction_get_batch_no (txn));
  add_row (group, _("Reference no."), cf_transaction_get_ref_no (txn));
  add_row (group, _("Auth code"), cf_transaction_get_auth_code (txn));
  add_row (group, _("Transaction id"), cf_transaction_get_source_id (txn));
  add_row (group, _("Merchant order no."), cf_transaction_get_order_no (txn));
  add_row (group, _("Channel transaction no."), cf_transaction_get_channel_no (txn));
}

static const char *
entry_mode_label (CfEntryMode mode)
{
  switch (mode)
    {
    case CF_ENTRY_MODE_SWIPE:
      return _("Swiped");
    case CF_ENTRY_MODE_CHIP:
      return _("Chip");
    case CF_ENTRY_MODE_CONTACTLESS:
      return _("Contactless");
    case CF_ENTRY_MODE_MANUAL:
      return _("Keyed in");
    case CF_ENTRY_MODE_UNKNOWN:
    default:
      return NULL;
    }
}

static void
add_merchant_group (CfDetailsPane *self,
                    CfTransaction *txn)
{
  GtkGrid *group = add_group (self, _("Merchant and terminal"));

  add_row (group, _("Merchant"), cf_transaction_get_merchant_name (txn));
  add_row (group, _("Store"), cf_transaction_get_store_name (txn));
  add_row (group, _("Merchant no."), cf_transaction_get_merchant_no (txn));
  add_row (group, _("Terminal no."), cf_transaction_get_terminal_no (txn));
  add_row (group, _("Operator no."), cf_transaction_get_operator_no (txn));
}

static void
add_card_group (CfDetailsPane *self,
                CfTransaction *txn)
{
  CfPaymentMethod method = cf_transaction_get_payment_method (txn);
  g_autofree char *card = cf_transaction_dup_masked_card (txn, FALSE);
  GtkGrid *group;

  /* A wallet's payment or cash has no card: what it was paid with, and the
   * numbers the wallet's bill and the customer's phone show. */
  if (method != CF_PAYMENT_METHOD_CARD)
    {
      group = add_group (self, _("Payment"));
      add_row (group, _("Paid with"), cf_payment_method_get_label (method));
      add_row (group, _("Order no."), cf_transaction_get_order_no (txn) != NULL ? cf_transaction_get_order_no (txn)
                                                                         : cf_transaction_get_source_id (txn));
      add_row (group, _("Card no."), *card != '\0' ? card : NULL);
      add_row (group, _("Acquirer"), cf_transaction_get_acquirer (txn));
      add_merchant_group (self, txn);
      return;
    }

  group = add_group (self, _("Card"));
  add_row (group, _("Paid with"), cf_payment_method_get_label (method));
  add_row (group, _("Card no."), card);
  add_row (group, _("Entry"), entry_mode_label (cf_transaction_get_entry_mode (txn)));
  add_row (group, _("Brand"), brand_label (cf_transaction_get_card_brand (txn)));
  add_row (group, _("Card kind"), card_kind_label (cf_transaction_get_card_kind (txn)));
  add_row (group, _("Issuer"), cf_transaction_get_issuer (txn));
  add_row (group, _("Acquirer"), cf_transaction_get_acquirer (txn));
  add_merchant_group (self, txn);
}

static void
show_original_clicked_cb (GtkButton     *button,
                          CfDetailsPane *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "original-id"));

  g_signal_emit (self, signals[SHOW_ORIGINAL], 0, id);
}

/* A refund's or void's original, one click away when it is in the database. */
static void
add_original_group (CfDetailsPane *self,
                    CfTransaction *txn)
{
  g_autoptr(CfTransaction) original = NULL;
  GtkGrid *group;

  if (cf_transaction_get_orig_voucher_no (txn) == NULL && cf_transaction_get_orig_ref_no (txn) == NULL)
    return;
  original = cf_store_find_original (self->store, txn, NULL);
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
      gtk_box_append (self->fields, button);
    }
  else
    add_row (group, _("The original"), _("Not in this database"));
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "statement") == 0)
    return _("acquirer's statement");
  if (g_strcmp0 (kind, "wallet") == 0)
    return _("wallet's bill");
  if (g_strcmp0 (kind, "processor") == 0)
    return _("processor's export");
  return _("terminal's journal");
}

/* The other files that recorded the same sale, and where they disagree. */
static void
add_other_sources (CfDetailsPane *self,
                   GtkGrid       *group,
                   CfTransaction *txn)
{
  g_autoptr(GPtrArray) sources = cf_reconcile_list_sources (self->store, cf_transaction_get_id (txn), NULL);
  g_autoptr(GPtrArray) differences = cf_reconcile_describe_differences (self->store, cf_transaction_get_id (txn), NULL);

  for (guint i = 1; sources != NULL && i < sources->len; i++)
    {
      CfTransactionSource *source = g_ptr_array_index (sources, i);
      g_autofree char *base = source->file != NULL ? g_path_get_basename (source->file) : g_strdup ("—");
      g_autofree char *text = g_strdup_printf (_("%s, line %u (%s)"), base, source->line, kind_label (source->kind));

      add_row (group, _("Also in"), text);
    }
  for (guint i = 0; differences != NULL && i < differences->len; i++)
    add_row (group, _("Differs"), g_ptr_array_index (differences, i));
}

static void
add_source_group (CfDetailsPane *self,
                  CfTransaction *txn)
{
  GtkGrid *group = add_group (self, _("Source"));
  g_autofree char *file = NULL;
  g_autofree char *when = NULL;
  g_autofree char *who = NULL;

  if (cf_transaction_get_import_id (txn) <= 0)
    {
      add_row (group, _("Imported from"), _("Demo data"));
      add_other_sources (self, group, txn);
      return;
    }
  if (cf_store_get_import_info (self->store, cf_transaction_get_import_id (txn), &file, &when, &who, NULL))
    {
      g_autofree char *base = g_path_get_basename (file);
      g_autofree char *line = g_strdup_printf (_("%s, line %u"), base, cf_transaction_get_source_line (txn));
      g_autofree char *moment = cf_format_moment (when);
      g_autofree char *by = who != NULL ? g_strdup_printf (_("%s by %s"), moment, who) : g_strdup (moment);

      add_row (group, _("Imported from"), line);
      add_row (group, _("Imported"), by);
    }
  add_other_sources (self, group, txn);
}

/* Whose copy a duplicate was, in the reader's language. */
static const char *
copy_label (const char *nick)
{
  if (g_strcmp0 (nick, "cardholder") == 0)
    return _("Cardholder copy");
  if (g_strcmp0 (nick, "bank") == 0)
    return _("Bank copy");
  return _("Merchant copy");
}

static void
add_duplicates (GtkGrid       *group,
                CfDetailsPane *self,
                CfTransaction *txn)
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
      text = g_strdup_printf (_("%s by %s · %s%s%s · %s · %s · code %s"), r->issued_at,
                              r->operator_no != NULL ? r->operator_no : "-", cf_duplicate_reason_get_label (reason),
                              r->reason_text != NULL ? ": " : "", r->reason_text != NULL ? r->reason_text : "",
                              copy_label (r->copy), g_str_has_prefix (r->output, "pdf:") ? _("PDF") : _("printed"),
                              r->code);
      add_row (group, title, text);
    }
}

static const char *
remedy_label (const char *remedy)
{
  if (g_strcmp0 (remedy, "duplicate") == 0)
    return _("a duplicate");
  if (g_strcmp0 (remedy, "request") == 0)
    return _("a replacement request");
  return _("nothing to be done");
}

static void
add_loss_reports (GtkGrid       *group,
                  CfDetailsPane *self,
                  CfTransaction *txn)
{
  g_autoptr(GPtrArray) reports = cf_loss_list_for_transaction (self->store, cf_transaction_get_id (txn), NULL);

  if (reports == NULL || reports->len == 0)
    add_row (group, _("Loss reports"), _("None"));
  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      char **report = g_ptr_array_index (reports, i);
      g_autofree char *title = g_strdup_printf (_("Loss incident #%s"), report[0]);
      g_autofree char *request = *report[4] != '\0'
                                 ? g_strdup_printf (_(" · request #%s, %s"), report[4],
                                                    cf_request_status_label_for_nick (report[5]))
                                 : g_strdup ("");
      g_autofree char *text = g_strdup_printf (_("%s by %s · remedy: %s%s"), report[1],
                                               *report[2] != '\0' ? report[2] : "-", remedy_label (report[3]), request);

      add_row (group, title, text);
    }
}

static void
update_slip (CfDetailsPane *self)
{
  g_autoptr(CfReceiptDoc) doc = NULL;

  if (self->txn == NULL)
    return;
  doc = cf_duplicate_preview (self->store, self->txn, cf_details_pane_get_copy (self), self->columns);
  cf_receipt_preview_set_doc (self->preview, doc);
  cf_receipt_preview_set_zoom (self->preview, self->zoom);
}

static void
copy_changed_cb (CfDetailsPane *self)
{
  update_slip (self);
}

static void
zoom_by (CfDetailsPane *self,
         double         step)
{
  self->zoom = CLAMP (self->zoom + step, 0.75, 2.5);
  cf_receipt_preview_set_zoom (self->preview, self->zoom);
}

static void
zoom_out_clicked_cb (CfDetailsPane *self)
{
  zoom_by (self, -0.25);
}

static void
zoom_in_clicked_cb (CfDetailsPane *self)
{
  zoom_by (self, 0.25);
}

/**
 * cf_details_pane_show:
 * @txn: (nullable): the transaction; %NULL when nothing is selected
 * @n_selected: how many are selected; the details are of the first
 * @columns: the slip's characters a line, for the paper set in Preferences
 */
void
cf_details_pane_show (CfDetailsPane *self,
                      CfTransaction *txn,
                      guint          n_selected,
                      guint          columns)
{
  GtkWidget *child;

  g_return_if_fail (CF_IS_DETAILS_PANE (self));

  g_set_object (&self->txn, txn);
  self->columns = columns;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields))) != NULL)
    gtk_box_remove (self->fields, child);
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder), txn == NULL);
  gtk_widget_set_visible (self->slip_section, txn != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->selection_note), txn != NULL && n_selected > 1);
  if (txn == NULL || self->store == NULL)
    return;

  if (n_selected > 1)
    {
      g_autofree char *text = g_strdup_printf (_("%u transactions selected: Issue Duplicate makes a slip of each. "
                                                 "The details are of the first."), n_selected);
      gtk_label_set_text (self->selection_note, text);
    }
  add_transaction_group (self, txn);
  add_card_group (self, txn);
  add_original_group (self, txn);
  add_source_group (self, txn);
  {
    GtkGrid *history = add_group (self, _("History"));

    add_duplicates (history, self, txn);
    add_loss_reports (history, self, txn);
  }
  update_slip (self);
}

/**
 * cf_details_pane_get_copy:
 *
 * Returns: whose copy the slip preview shows, for the duplicate dialog to start with
 */
CfReceiptCopy
cf_details_pane_get_copy (CfDetailsPane *self)
{
  g_return_val_if_fail (CF_IS_DETAILS_PANE (self), CF_RECEIPT_COPY_MERCHANT);
  return (CfReceiptCopy) gtk_drop_down_get_selected (self->copy);
}

void
cf_details_pane_set_store (CfDetailsPane *self,
                           CfStore       *store)
{
  g_return_if_fail (CF_IS_DETAILS_PANE (self));
  g_set_object (&self->store, store);
}

GtkWidget *
cf_details_pane_new (void)
{
  return g_object_new (CF_TYPE_DETAILS_PANE, NULL);
}

static void
cf_details_pane_dispose (GObject *object)
{
  CfDetailsPane *self = CF_DETAILS_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_DETAILS_PANE);
  g_clear_object (&self->txn);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cf_details_pane_parent_class)->dispose (object);
}

static void
cf_details_pane_class_init (CfDetailsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_details_pane_dispose;

  /**
   * CfDetailsPane::show-original:
   * @id: the original transaction's ID
   *
   * The person asked to see the original of the refund or void shown.
   */
  signals[SHOW_ORIGINAL] = g_signal_new ("show-original", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CF_TYPE_RECEIPT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-details-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CfDetailsPane, placeholder);
  gtk_widget_class_bind_template_child (widget_class, CfDetailsPane, selection_note);
  gtk_widget_class_bind_template_child (widget_class, CfDetailsPane, fields);
  gtk_widget_class_bind_template_child (widget_class, CfDetailsPane, slip_section);
  gtk_widget_class_bind_template_child (widget_class, CfDetailsPane, copy);
  gtk_widget_class_bind_template_child (widget_class, CfDetailsPane, preview);
  gtk_widget_class_bind_template_callback (widget_class, copy_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_out_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_in_clicked_cb);
}

static void
cf_details_pane_init (CfDetailsPane *self)
{
  self->zoom = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
}
