/* bench-handover.c — the handover report of a 10,000-transaction shift, to PDF
 *
 *   build-aux/dev bench        (or: bench-handover)
 *
 * A demo shop of 100,000 transactions; a shift defined over the latest
 * 10,000 of them. Times the figures (SQL), the layout, the PDF, the Cairo
 * preview of every page, and signing off (which lays the report out again
 * and keeps it), each the median of five runs. Target: ≤ 0.5 s to PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "cf-demo.h"
#include "cf-handover-report.h"
#include "cf-pdf-report.h"
#include "cf-report-painter.h"
#include "cf-shift-service.h"
#include "cf-store-private.h"

#define RUNS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof *values, compare_doubles);
  return values[RUNS / 2];
}

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("cf-bench-handover-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handover.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(CfStore) store = cf_store_open (db, &error);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  double figures_ms[RUNS], pdf_ms[RUNS], paint_ms[RUNS];
  GStatBuf st;
  gint64 shift_id, count, t0, sequence_no;
  guint pages = 0;

  g_assert_no_error (error);
  g_assert_true (cf_demo_populate (store, 100000, 11, NULL, NULL, &error));
  g_assert_true (cf_store_exec (store, "UPDATE operators SET role = 'manager' WHERE operator_no = '099'", &error));
  {
    CfDbStmt *stmt = cf_store_prepare (store, "SELECT (SELECT local_time FROM transactions ORDER BY local_time DESC "
                                                  "LIMIT 1 OFFSET 9999), datetime (max (local_time), '+1 second') "
                                                  "FROM transactions", &error);

    g_assert_nonnull (stmt);
    g_assert_cmpint (cf_db_step (stmt), ==, CF_DB_ROW);
    from = g_strdup ((const char *) cf_db_column_text (stmt, 0));
    to = g_strdup ((const char *) cf_db_column_text (stmt, 1));
    cf_db_finalize (stmt);
  }
  shift_id = cf_shift_define (store, "001", NULL, from, to, NULL, "099", &error);
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM transactions WHERE local_time >= '%s' AND local_time < '%s'",
                                            from, to);
    CfDbStmt *stmt = cf_store_prepare (store, sql, &error);

    cf_db_step (stmt);
    count = cf_db_column_int64 (stmt, 0);
    cf_db_finalize (stmt);
  }

  for (guint r = 0; r < RUNS; r++)
    {
      CfHandoverScope scope = { from, to, NULL };
      g_autoptr(CfHandoverFigures) figures = NULL;
      g_autoptr(CfReportDoc) doc = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;

      t0 = g_get_monotonic_time ();
      figures = cf_handover_compute (store, &scope, now, &error);
      figures_ms[r] = ms_since (t0);
      g_assert_cmpint (figures->count, ==, count);

      t0 = g_get_monotonic_time ();
      doc = cf_handover_build_shift (store, shift_id, now, &error);
      g_assert_true (cf_pdf_write_report (doc, pdf, &error));
      pdf_ms[r] = ms_since (t0);
      pages = cf_report_doc_get_n_pages (doc);

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 827, 1170);  /* A4 at 100 dpi */
      cr = cairo_create (surface);
      cairo_scale (cr, 100.0 / 72, 100.0 / 72);
      t0 = g_get_monotonic_time ();
      for (guint p = 0; p < pages; p++)
        cf_report_painter_draw_page (doc, p, cr);
      paint_ms[r] = ms_since (t0);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_stat (pdf, &st);

  t0 = g_get_monotonic_time ();
  sequence_no = cf_handover_sign_off (store, shift_id, "099", now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sequence_no, ==, 1);

  g_print ("shift of %" G_GINT64_FORMAT " transactions (%s – %s) in a shop of 100,000\n", count, from, to);
  g_print ("figures (SQL):            %8.1f ms\n", median (figures_ms));
  g_print ("figures + layout + PDF:   %8.1f ms   (target ≤ 500 ms), %u pages, %.1f KB\n", median (pdf_ms), pages,
           st.st_size / 1024.0);
  g_print ("Cairo preview, all pages: %8.1f ms at 100 dpi\n", median (paint_ms));
  g_print ("sign off (layout + keep): %8.1f ms\n", ms_since (t0));

  g_clear_object (&store);
  g_unlink (pdf);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return median (pdf_ms) <= 500 ? 0 : 1;
}
