/* cf-print.c — running a print operation, the one way every section prints
 *
 * Slips and reports print through GTK's print dialog, which also offers
 * Print to File. The rule for Cancel is the same everywhere: it is not a
 * failure to show, but it is not a print either — the caller gets %FALSE
 * with %G_IO_ERROR_CANCELLED and records nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-print.h"

/**
 * cf_print_run:
 * @export_path: (nullable): write a PDF here without a dialog (tests)
 *
 * Returns: %TRUE once printed; %FALSE with @error set otherwise,
 *   %G_IO_ERROR_CANCELLED when the person cancelled
 */
gboolean
cf_print_run (GtkPrintOperation  *operation,
              GtkWindow          *parent,
              const char         *export_path,
              GError            **error)
{
  GtkPrintOperationResult result;
  g_autoptr(GError) local_error = NULL;

  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, &local_error);
    }
  else
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &local_error);

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
      return TRUE;
    case GTK_PRINT_OPERATION_RESULT_CANCEL:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Printing was cancelled"));
      return FALSE;
    case GTK_PRINT_OPERATION_RESULT_ERROR:
    default:
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The printer could not be reached"));
      return FALSE;
    }
}
