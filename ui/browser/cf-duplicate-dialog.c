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

#include "cf-duplicate-dialog.h"
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

typedef struct
{
  GtkWindow         *parent;
  CfStore           *store;
  GPtrArray         *transactions;
  char              *operator_no;
  guint              columns;
  GtkDropDown       *reason;
  GtkEntry          *reason_text;
  GtkDropDown       *copy;
  GCallback          issued;
  gpointer           user_data;
  CfDuplicateReason  chosen_reason;
  CfReceiptCopy      chosen_copy;
  char              *chosen_text;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->store);
  g_clear_pointer (&request->transactions, g_ptr_array_unref);
  g_free (request->operator_no);
  g_free (request->chosen_text);
  g_free (request);
}

static void
issue (Request    *request,
       const char *pdf_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  records = cf_duplicate_dialog_issue (request->parent, request->store, request->transactions, request->chosen_reason,
                                       request->chosen_text, request->chosen_copy, request->operator_no,
                                       request->columns, pdf_path, NULL, &error);
  if (records == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cf_show_message (request->parent, _("No Duplicate Was Issued"), error->message);
      return;
    }

  {
    CfDuplicateRecord *r = g_ptr_array_index (records, 0);
    g_autofree char *body = records->len == 1
      ? g_strdup_printf (_("Duplicate No. %u is recorded with check code %s."), r->number, r->code)
      : g_strdup_printf (_("%u duplicates are recorded, each with its own check code."), records->len);

    cf_show_message (request->parent, pdf_path != NULL ? _("Duplicate Saved") : _("Duplicate Printed"), body);
  }
  if (request->issued != NULL)
    ((void (*) (gpointer)) request->issued) (request->user_data);
}

static void
save_chosen_cb (const char * const *paths,
                gpointer            user_data)
{
  issue (user_data, paths[0]);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Request          *request)
{
  guint reason = gtk_drop_down_get_selected (request->reason);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (request->reason_text));

  if (g_str_equal (response, "cancel") || g_str_equal (response, "close"))
    {
      request_free (request);
      return;
    }

  request->chosen_reason = (CfDuplicateReason) MIN (reason, CF_DUPLICATE_REASON_OTHER);
  request->chosen_copy = (CfReceiptCopy) MIN (gtk_drop_down_get_selected (request->copy), CF_RECEIPT_COPY_BANK);
  request->chosen_text = *text != '\0' ? g_strdup (text) : NULL;

  if (g_str_equal (response, "pdf"))
    {
      CfTransaction *first = g_ptr_array_index (request->transactions, 0);
      g_autofree char *name = request->transactions->len > 1
        ? g_strdup_printf ("duplicates-%u.pdf", request->transactions->len)
        : g_strdup_printf ("duplicate-%s.pdf", cf_transaction_get_voucher_no (first) != NULL
                                               ? cf_transaction_get_voucher_no (first) : "slip");

      cf_file_dialog_save (GTK_WIDGET (request->parent), _("Save Duplicate"), name, save_chosen_cb, request,
                           (GDestroyNotify) request_free);
      return;
    }

  issue (request, NULL);
  request_free (request);
}

static void
reason_changed_cb (GtkDropDown *reason,
                   GParamSpec  *pspec,
                   GtkWidget   *dialog)
{
  gboolean other = gtk_drop_down_get_selected (reason) == CF_DUPLICATE_REASON_OTHER;
  Request *request = g_object_get_data (G_OBJECT (dialog), "request");
  gboolean has_text = *gtk_editable_get_text (GTK_EDITABLE (request->reason_text)) != '\0';

  /* "Other" says what it is, or nothing is issued. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "pdf", !other || has_text);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "print", !other || has_text);
}

static void
reason_text_changed_cb (GtkEditable *entry,
                        GtkWidget   *dialog)
{
  Request *request = g_object_get_data (G_OBJECT (dialog), "request");

  reason_changed_cb (request->reason, NULL, dialog);
}

/**
 * cf_duplicate_dialog_present:
 * @issued: (nullable): called as `void issued (gpointer user_data)` once a
 *   duplicate is recorded
 */
void
cf_duplicate_dialog_present (GtkWindow     *parent,
                             CfStore       *store,
                             GPtrArray     *transactions,
                             CfReceiptCopy  copy,
                             const char    *operator_no,
                             guint          columns,
                             GCallback      issued,
                             gpointer       user_data)
{
  Request *request = g_new0 (Request, 1);
  const char *reasons[CF_DUPLICATE_REASON_OTHER + 2] = { NULL };
  const char *copies[] = { _("Merchant copy"), _("Cardholder copy"), _("Bank copy"), NULL };
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
  GtkWidget *dialog = adw_message_dialog_new (parent, transactions->len == 1 ? _("Issue a Duplicate Slip")
                                                                             : _("Issue Duplicate Slips"), body);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label;

  for (guint r = 0; r <= CF_DUPLICATE_REASON_OTHER; r++)
    reasons[r] = cf_duplicate_reason_get_label ((CfDuplicateReason) r);

  request->parent = parent;
  request->store = g_object_ref (store);
  request->transactions = g_ptr_array_ref (transactions);
  request->operator_no = g_strdup (operator_no);
  request->columns = columns;
  request->issued = issued;
  request->user_data = user_data;
  request->reason = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (reasons));
  request->reason_text = GTK_ENTRY (gtk_entry_new ());
  request->copy = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (copies));
  gtk_drop_down_set_selected (request->copy, copy);
  gtk_entry_set_placeholder_text (request->reason_text, _("Details (needed for “Other”)"));
  g_object_set_data (G_OBJECT (dialog), "request", request);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  label = gtk_label_new (_("Reason"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (request->reason), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (request->reason_text), 1, 1, 1, 1);
  label = gtk_label_new (_("Copy"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (request->copy), 1, 2, 1, 1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "print", _("_Print…"),
                                    "pdf", _("_Save as PDF…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "pdf", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "pdf");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (request->reason, "notify::selected", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (request->reason_text, "changed", G_CALLBACK (reason_text_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}
