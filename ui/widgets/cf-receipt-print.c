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
#include "cf-print.h"
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

typedef struct
{
  CfReceiptPrintProduceFunc  produce;
  gpointer                   user_data;
  GPtrArray                 *docs;     /* what is printed, once produced */
  GError                    *error;    /* why nothing was */
} PrintJob;

/* The person has chosen the printer and pressed Print: only now are the
 * slips produced (and, for duplicates, recorded), so that no database lock
 * is held while the dialog waits for them. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  job->docs = job->produce (job->user_data, &job->error);
  if (job->docs == NULL || job->docs->len == 0)
    {
      if (job->error == NULL)
        g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There was nothing to print"));
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) job->docs->len);
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       PrintJob          *job)
{
  g_autoptr(GtkPageSetup) wanted = NULL;

  if (job->docs == NULL || (guint) page_nr >= job->docs->len)
    return;
  wanted = page_setup_for (g_ptr_array_index (job->docs, page_nr));
  gtk_page_setup_set_paper_size (setup, gtk_page_setup_get_paper_size (wanted));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  if (job->docs != NULL && (guint) page_nr < job->docs->len)
    cf_receipt_painter_draw (g_ptr_array_index (job->docs, page_nr), gtk_print_context_get_cairo_context (context));
}

/**
 * cf_receipt_print:
 * @layout: a slip laid out as those to be printed, for the dialog's paper size
 * @produce: makes the slips to print, called once the person has pressed
 *   Print (not while the dialog is open)
 * @export_path: (nullable): write this PDF instead of asking (for tests and scripts)
 *
 * Runs the print dialog and prints. Returns %FALSE with @error set when the
 * slips were not printed, %G_IO_ERROR_CANCELLED if the person cancelled.
 */
gboolean
cf_receipt_print (GtkWindow                 *parent,
                  CfReceiptDoc              *layout,
                  CfReceiptPrintProduceFunc  produce,
                  gpointer                   user_data,
                  const char                *export_path,
                  GError                   **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_for (layout);
  PrintJob job = { produce, user_data, NULL, NULL };
  g_autoptr(GError) print_error = NULL;
  gboolean printed;

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, _("Duplicate slip"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), &job);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), &job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), &job);

  printed = cf_print_run (operation, parent, export_path, &print_error);
  g_clear_pointer (&job.docs, g_ptr_array_unref);
  /* What went wrong producing the slips says more than the print's failure. */
  if (job.error != NULL)
    {
      g_propagate_error (error, job.error);
      return FALSE;
    }
  if (!printed)
    g_propagate_error (error, g_steal_pointer (&print_error));
  return printed;
}
