/* cf-receipt-print.c — slips through GTK's print dialog, drawn by the painter
 *
 * A page per slip, as wide as the slip and as tall as it, so that a receipt
 * printer feeds exactly one slip and an office printer puts it at the top
 * left of a sheet at its real size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-receipt-painter.h"
#include "cf-receipt-print.h"

static GtkPageSetup *
page_setup_for (CfReceiptDoc *doc)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  double width, height;
  g_autoptr(GtkPaperSize) paper = NULL;

  cf_receipt_painter_get_size (doc, &width, &height);
  paper = gtk_paper_size_new_custom ("counterfoil-slip", _("Slip"), width, height, GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  return setup;
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       GPtrArray         *docs)
{
  g_autoptr(GtkPageSetup) wanted = page_setup_for (g_ptr_array_index (docs, page_nr));

  gtk_page_setup_set_paper_size (setup, gtk_page_setup_get_paper_size (wanted));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              GPtrArray         *docs)
{
  cf_receipt_painter_draw (g_ptr_array_index (docs, page_nr), gtk_print_context_get_cairo_context (context));
}

/**
 * cf_receipt_print:
 * @docs: (element-type CfReceiptDoc): the slips, a page each
 * @export_path: (nullable): write this PDF instead of asking (for tests and scripts)
 *
 * Runs the print dialog and prints. Returns %FALSE with @error set when the
 * slips were not printed, %G_IO_ERROR_CANCELLED if the person cancelled.
 */
gboolean
cf_receipt_print (GtkWindow   *parent,
                  GPtrArray   *docs,
                  const char  *export_path,
                  GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_for (g_ptr_array_index (docs, 0));
  GtkPrintOperationResult result;

  gtk_print_operation_set_n_pages (operation, (int) docs->len);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, _("Duplicate slip"));
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), docs);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), docs);

  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
    }
  else
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Printing was cancelled"));
      return FALSE;
    }
  return TRUE;
}
