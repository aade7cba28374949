/* bench-receipt.c — duplicate PDFs: one slip and a thousand, beside Cairo's PDF surface
 *
 *   build-aux/dev bench        (or: bench-receipt)
 *
 * Builds slips from a demo shop, writes them with the libharu writer, and
 * draws the same documents with the Cairo painter on a cairo PDF surface in
 * the same run: size and time of one slip, and of 1,000 slips in one PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cf-demo.h"
#include "cf-pdf-slip.h"
#include "cf-receipt-doc.h"
#include "cf-receipt-painter.h"
#include "cf-store.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

static double
write_cairo (GPtrArray  *docs,
             const char *path)
{
  gint64 t0 = g_get_monotonic_time ();
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  cf_receipt_painter_get_size (g_ptr_array_index (docs, 0), &width, &height);
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  for (guint i = 0; i < docs->len; i++)
    {
      cf_receipt_painter_get_size (g_ptr_array_index (docs, i), &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      cf_receipt_painter_draw (g_ptr_array_index (docs, i), cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static double
write_haru (GPtrArray  *docs,
            const char *path)
{
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_pdf_write_slips (docs, path, &error));
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static long
size_of (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (long) st.st_size : -1;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("counterfoil-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *haru = g_build_filename (dir, "haru.pdf", NULL);
  g_autofree char *cairo = g_build_filename (dir, "cairo.pdf", NULL);
  g_autoptr(CfStore) store = cf_store_open (db, NULL);
  g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
  g_autoptr(GPtrArray) txns = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  CfDuplicateInfo info = { 1, "2026-11-29 09:30:00", "王芳 (001)", "7K2Q-M9XD" };
  double best_haru = G_MAXDOUBLE, best_cairo = G_MAXDOUBLE;

  g_assert_true (cf_demo_populate (store, 1000, 3, NULL, NULL, NULL));
  q->limit = 1000;
  txns = cf_store_find_transactions (store, q, NULL);
  for (guint i = 0; i < txns->len; i++)
    g_ptr_array_add (docs, cf_receipt_doc_new (g_ptr_array_index (txns, i), NULL, NULL,
                                               CF_RECEIPT_COPY_MERCHANT, &info, 32));
  g_ptr_array_add (one, g_ptr_array_index (docs, 0));

  /* One slip: the best of ten, as a clerk issues them one at a time. */
  for (int i = 0; i < 10; i++)
    {
      best_haru = MIN (best_haru, write_haru (one, haru));
      best_cairo = MIN (best_cairo, write_cairo (one, cairo));
    }
  g_print ("one slip       libharu %6.1f ms %7.1f KB | cairo %6.1f ms %7.1f KB\n",
           best_haru, size_of (haru) / 1024.0, best_cairo, size_of (cairo) / 1024.0);

  best_haru = write_haru (docs, haru);
  best_cairo = write_cairo (docs, cairo);
  g_print ("1,000 slips    libharu %6.0f ms %7.1f KB | cairo %6.0f ms %7.1f KB\n",
           best_haru, size_of (haru) / 1024.0, best_cairo, size_of (cairo) / 1024.0);

  g_unlink (haru);
  g_unlink (cairo);
  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("bench-receipt: could not remove %s\n", dir);
  }
  return 0;
}
