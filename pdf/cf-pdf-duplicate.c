/* cf-pdf-duplicate.c — issuing duplicates as a PDF, crash-safe
 *
 * The window's Save and the command line's `duplicate --out` both end here.
 * The PDF is written aside, inside the short transaction that records the
 * duplicates, and named only once that record is committed: a crash in
 * between leaves a recorded duplicate without its file (issue it again),
 * never a duplicate nobody recorded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-pdf-duplicate"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cf-partial-file.h"
#include "cf-pdf-duplicate.h"
#include "cf-pdf-slip.h"

static gboolean
write_pdf_cb (GPtrArray  *docs,
              gpointer    user_data,
              GError    **error)
{
  const char *partial = user_data;

  return cf_pdf_write_slips (docs, partial, error);
}

/**
 * cf_pdf_issue_duplicates:
 * @transactions: (element-type CfTransaction): one duplicate each
 * @reason_text: (nullable): the reason in words, for %CF_DUPLICATE_REASON_OTHER
 * @pdf_path: where the PDF goes
 *
 * Returns: (transfer full) (element-type CfDuplicateRecord) (nullable): what
 *   was issued, or %NULL with @error set
 */
GPtrArray *
cf_pdf_issue_duplicates (CfStore            *store,
                         GPtrArray          *transactions,
                         CfDuplicateReason   reason,
                         const char         *reason_text,
                         CfReceiptCopy       copy,
                         const char         *operator_no,
                         guint               columns,
                         const char         *pdf_path,
                         GError            **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (pdf_path != NULL, NULL);

  if ((partial = cf_partial_file_new (pdf_path, error)) == NULL)
    return NULL;
  where = g_strconcat ("pdf:", pdf_path, NULL);
  records = cf_duplicate_issue (store, transactions, copy, reason, reason_text, operator_no, where, columns,
                                write_pdf_cb, partial, error);
  if (records == NULL)
    {
      g_unlink (partial);
      return NULL;
    }
  if (g_rename (partial, pdf_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The duplicates were issued and recorded, but %s could not be written (%s); "
                     "they are in %s"), pdf_path, g_strerror (saved_errno), partial);
      return NULL;
    }
  return g_steal_pointer (&records);
}
