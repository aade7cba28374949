/* cf-duplicate-dialog.c — asking why, which copy and where, then issuing
 *
 * Every duplicate asks for its reason and copy before anything is produced;
 * then it is saved as PDF or printed, and recorded only once it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-duplicate-dialog-private.h"
#include "cf-file-dialog.h"
#include "cf-message.h"
#include "cf-pdf-duplicate.h"
#include "cf-receipt-print.h"
#include "cf-transaction.h"

/* A print of duplicates: what to issue, and what came of it. */
typedef struct
{
  CfStore           *store;
  GPtrArray         *transactions;
  CfDuplicateReason  reason;
  const char        *reason_text;
  CfReceiptCopy      copy;
  const char        *operator_no;
  guint              columns;
  GPtrArray         *docs;         /* the slips produced */
  GPtrArray         *records;      /* what was recorded */
} PrintIssue;

static gboolean
keep_docs_cb (GPtrArray  *docs,
              gpointer    user_data,
              GError    **error)
{
  PrintIssue *issue = user_data;

  issue->docs = g_ptr_array_ref (docs);
  return TRUE;
}

/* Called once the person has pressed Print: records the duplicates in a
 * short write and hands their slips to the printer. */
static GPtrArray *
produce_for_printer_cb (gpointer   user_data,
                        GError   **error)
{
  PrintIssue *issue = user_data;

  issue->records = cf_duplicate_issue (issue->store, issue->transactions, issue->copy, issue->reason,
                                       issue->reason_text, issue->operator_no, "print", issue->columns,
                                       keep_docs_cb, issue, error);
  if (issue->records == NULL)
    {
      g_clear_pointer (&issue->docs, g_ptr_array_unref);
      return NULL;
    }
  return g_steal_pointer (&issue->docs);
}

/* A slip laid out as the duplicates will be, for the print dialog's paper. */
static CfReceiptDoc *
layout_for_dialog (PrintIssue *issue)
{
  g_autofree char *merchant_name = cf_store_get_setting (issue->store, "merchant.name");
  g_autofree char *merchant_no = cf_store_get_setting (issue->store, "merchant.no");
  CfDuplicateInfo info = { 1, "0000-00-00 00:00:00", issue->operator_no, "XXXX-XXXX" };

  return cf_receipt_doc_new (g_ptr_array_index (issue->transactions, 0), merchant_name, merchant_no, issue->copy,
                             &info, issue->columns);
}

/**
 * cf_duplicate_dialog_issue:
 * @pdf_path: (nullable): save the duplicates here; %NULL to print them
 * @print_export_path: (nullable): when printing, export to this PDF instead
 *   of showing the print dialog (tests)
 *
 * Issues duplicates: a PDF through cf_pdf_issue_duplicates(); for printing,
 * the print dialog is shown first, with no lock held, and the duplicates
 * are recorded when Print is pressed.
 *
 * Returns: (transfer full) (element-type CfDuplicateRecord): what was issued
 */
GPtrArray *
cf_duplicate_dialog_issue (GtkWindow          *parent,
                           CfStore            *store,
                           GPtrArray          *transactions,
                           CfDuplicateReason   reason,
                           const char         *reason_text,
                           CfReceiptCopy       copy,
                           const char         *operator_no,
                           guint               columns,
                           const char         *pdf_path,
                           const char         *print_export_path,
                           GError            **error)
{
  PrintIssue issue = { store, transactions, reason, reason_text, copy, operator_no, columns, NULL, NULL };
  g_autoptr(CfReceiptDoc) layout = NULL;

  if (pdf_path != NULL)
    return cf_pdf_issue_duplicates (store, transactions, reason, reason_text, copy, operator_no, columns,
                                    pdf_path, error);

  layout = layout_for_dialog (&issue);
  if (!cf_receipt_print (parent, layout, produce_for_printer_cb, &issue, print_export_path, error))
    {
      /* Recorded, then the printer failed: the record stands (issue it again). */
      g_clear_pointer (&issue.records, g_ptr_array_unref);
      return NULL;
    }
  return g_steal_pointer (&issue.records);
}

struct _CfDuplicateDialog
{
  AdwMessageDialog   parent_instance;

  GtkDropDown       *reason;
  GtkStringList     *reasons;
  GtkEntry          *reason_text;
  GtkDropDown       *copy;

  GtkWindow         *parent;        /* the window the duplicates are for */
  CfStore           *store;
  GPtrArray         *transactions;
  char              *operator_no;
  guint              columns;
  CfDuplicateReason  chosen_reason;
  CfReceiptCopy      chosen_copy;
  char              *chosen_text;
};

G_DEFINE_FINAL_TYPE (CfDuplicateDialog, cf_duplicate_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* What the last duplicate of this run was for, and whose copy: the next
 * one is most often the same. */
static gboolean          remembered;
static CfDuplicateReason last_reason;
static CfReceiptCopy     last_copy;

enum
{
  ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
issue (CfDuplicateDialog *self,
       const char        *pdf_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  records = cf_duplicate_dialog_issue (self->parent, self->store, self->transactions, self->chosen_reason,
                                       self->chosen_text, self->chosen_copy, self->operator_no,
                                       self->columns, pdf_path, NULL, &error);
  if (records == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cf_show_message (self->parent, _("No Duplicate Was Issued"), error->message);
      return;
    }

  {
    CfDuplicateRecord *r = g_ptr_array_index (records, 0);
    g_autofree char *body = records->len == 1
      ? g_strdup_printf (_("Duplicate No. %u is recorded with check code %s."), r->number, r->code)
      : g_strdup_printf (_("%u duplicates are recorded, each with its own check code."), records->len);

    g_autofree char *what = records->len == 1
      ? g_strdup_printf (_("Duplicate No. %u (check code %s) saved"), r->number, r->code)
      : g_strdup_printf (_("%u duplicates saved"), records->len);

    if (pdf_path != NULL)
      cf_show_saved (GTK_WIDGET (self->parent), what, pdf_path);
    else
      cf_show_done (GTK_WIDGET (self->parent), body);
  }
  g_signal_emit (self, signals[ISSUED], 0);
}

static void
save_chosen_cb (const char * const *paths,
                gpointer            user_data)
{
  issue (CF_DUPLICATE_DIALOG (user_data), paths[0]);
}

static void
response_cb (CfDuplicateDialog *self,
             const char        *response)
{
  guint reason = gtk_drop_down_get_selected (self->reason);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reason_text));

  if (!g_str_equal (response, "pdf") && !g_str_equal (response, "print"))
    return;

  self->chosen_reason = (CfDuplicateReason) MIN (reason, CF_DUPLICATE_REASON_OTHER);
  self->chosen_copy = (CfReceiptCopy) MIN (gtk_drop_down_get_selected (self->copy), CF_RECEIPT_COPY_BANK);
  remembered = TRUE;
  last_reason = self->chosen_reason;
  last_copy = self->chosen_copy;
  g_free (self->chosen_text);
  self->chosen_text = *text != '\0' ? g_strdup (text) : NULL;

  if (g_str_equal (response, "pdf"))
    {
      CfTransaction *first = g_ptr_array_index (self->transactions, 0);
      g_autofree char *name = self->transactions->len > 1
        ? g_strdup_printf ("duplicates-%u.pdf", self->transactions->len)
        : g_strdup_printf ("duplicate-%s.pdf", cf_transaction_get_voucher_no (first) != NULL
                                               ? cf_transaction_get_voucher_no (first) : "slip");

      /* The dialog closes now; it stays alive until the file is chosen. */
      cf_file_dialog_save (GTK_WIDGET (self->parent), _("Save Duplicate"), name, save_chosen_cb, g_object_ref (self),
                           g_object_unref);
      return;
    }
  issue (self, NULL);
}

/* Whose copy a reason asks for: a customer wants the cardholder's; the
 * bank's retrieval, the tax office and the books want the merchant's. */
static CfReceiptCopy
copy_for_reason (CfDuplicateReason reason)
{
  return reason == CF_DUPLICATE_REASON_CUSTOMER ? CF_RECEIPT_COPY_CARDHOLDER : CF_RECEIPT_COPY_MERCHANT;
}

static void
reason_selected_cb (CfDuplicateDialog *self)
{
  guint reason = gtk_drop_down_get_selected (self->reason);

  if (reason <= CF_DUPLICATE_REASON_OTHER)
    gtk_drop_down_set_selected (self->copy, copy_for_reason ((CfDuplicateReason) reason));
}

/* "Other" says what it is, or nothing is issued. */
static void
reason_changed_cb (CfDuplicateDialog *self)
{
  gboolean other = gtk_drop_down_get_selected (self->reason) == CF_DUPLICATE_REASON_OTHER;
  gboolean has_text = *gtk_editable_get_text (GTK_EDITABLE (self->reason_text)) != '\0';

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "pdf", !other || has_text);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "print", !other || has_text);
}

static void
cf_duplicate_dialog_dispose (GObject *object)
{
  CfDuplicateDialog *self = CF_DUPLICATE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->parent);
  g_clear_pointer (&self->transactions, g_ptr_array_unref);
  g_clear_pointer (&self->operator_no, g_free);
  g_clear_pointer (&self->chosen_text, g_free);

  G_OBJECT_CLASS (cf_duplicate_dialog_parent_class)->dispose (object);
}

static void
cf_duplicate_dialog_class_init (CfDuplicateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_duplicate_dialog_dispose;

  /**
   * CfDuplicateDialog::issued:
   *
   * Duplicates were recorded (and saved or printed).
   */
  signals[ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-duplicate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CfDuplicateDialog, reason);
  gtk_widget_class_bind_template_child (widget_class, CfDuplicateDialog, reasons);
  gtk_widget_class_bind_template_child (widget_class, CfDuplicateDialog, reason_text);
  gtk_widget_class_bind_template_child (widget_class, CfDuplicateDialog, copy);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
cf_duplicate_dialog_init (CfDuplicateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint r = 0; r <= CF_DUPLICATE_REASON_OTHER; r++)
    gtk_string_list_append (self->reasons, cf_duplicate_reason_get_label ((CfDuplicateReason) r));
}

/**
 * cf_duplicate_dialog_new:
 * @transactions: (element-type CfTransaction): a duplicate each
 * @copy: whose copy the preview shows: offered when the clerk chose it
 *   there (not the merchant's, which the preview starts with); else the
 *   copy the reason asks for, the last reason of this run first
 *
 * Returns: (transfer none): the dialog over @parent, not yet shown
 */
CfDuplicateDialog *
cf_duplicate_dialog_new (GtkWindow     *parent,
                         CfStore       *store,
                         GPtrArray     *transactions,
                         CfReceiptCopy  copy,
                         const char    *operator_no,
                         guint          columns)
{
  CfTransaction *transaction = g_ptr_array_index (transactions, 0);
  g_autofree char *amount = cf_transaction_dup_amount_text (transaction);
  g_autofree char *body = transactions->len == 1
    ? g_strdup_printf (_("Voucher no. %s, %s, %s. Every duplicate is numbered, marked "
                         "DUPLICATE and recorded with your name and its reason."),
                       cf_transaction_get_voucher_no (transaction) != NULL
                       ? cf_transaction_get_voucher_no (transaction) : "-",
                       cf_transaction_get_local_time (transaction), amount)
    : g_strdup_printf (_("%u transactions, a slip each. Every duplicate is numbered, marked "
                         "DUPLICATE and recorded with your name and its reason."), transactions->len);
  CfDuplicateDialog *self = g_object_new (CF_TYPE_DUPLICATE_DIALOG,
                                          "transient-for", parent,
                                          "heading", transactions->len == 1 ? _("Issue a Duplicate Slip")
                                                                            : _("Issue Duplicate Slips"),
                                          "body", body,
                                          NULL);

  self->parent = g_object_ref (parent);
  self->store = g_object_ref (store);
  self->transactions = g_ptr_array_ref (transactions);
  self->operator_no = g_strdup (operator_no);
  self->columns = columns;
  if (remembered)
    gtk_drop_down_set_selected (self->reason, last_reason);
  gtk_drop_down_set_selected (self->copy, copy != CF_RECEIPT_COPY_MERCHANT ? copy
                                          : remembered ? last_copy
                                          : copy_for_reason ((CfDuplicateReason) gtk_drop_down_get_selected (self->reason)));
  g_signal_connect_swapped (self->reason, "notify::selected", G_CALLBACK (reason_selected_cb), self);
  return self;
}

GtkDropDown *
cf_duplicate_dialog_get_reason (CfDuplicateDialog *self)
{
  return self->reason;
}

GtkEditable *
cf_duplicate_dialog_get_reason_text (CfDuplicateDialog *self)
{
  return GTK_EDITABLE (self->reason_text);
}

GtkDropDown *
cf_duplicate_dialog_get_copy (CfDuplicateDialog *self)
{
  return self->copy;
}
