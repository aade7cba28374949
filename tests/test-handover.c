/* test-handover.c — shifts, the handover report's figures, DRAFT and sign-off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-auth.h"
#include "cf-handover-report.h"
#include "cf-pdf-report.h"
#include "cf-report-painter.h"
#include "cf-shift-service.h"
#include "cf-store-private.h"
#include "cf-test-render.h"
#include "cf-test-util.h"

#define DAY_START "2026-11-27 08:00:00"
#define DAY_END   "2026-11-27 20:00:00"

static void
demo_setup (CfTestDb      *f,
            gconstpointer  data)
{
  cf_test_db_setup (f, data);
  cf_test_db_add_demo (f, 20000, 5);
}

static GDateTime *
today (void)
{
  return g_date_time_new_local (2026, 11, 29, 12, 0, 0);
}

static gint64
sql_int (CfStore    *store,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gint64
sql_int (CfStore    *store,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return cf_test_query_int (store, sql);
}

#define SCOPE_SQL(terminal) \
  "local_time >= '" DAY_START "' AND local_time < '" DAY_END "' AND terminal_no = '" terminal "'"

static void
test_totals_equal_sql (CfTestDb      *f,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) now = today ();
  /* A terminal that saw voids or refunds that day, so every kind of figure is exercised. */
  g_autofree char *terminal = cf_test_query_text (f->store, "SELECT terminal_no FROM transactions WHERE local_time >= '"
                                                  DAY_START "' AND local_time < '" DAY_END "' AND type IN ('void', 'refund') "
                                                  "GROUP BY 1 ORDER BY count (*) DESC, 1 LIMIT 1");
  const char *terminals[] = { terminal, NULL };
  CfHandoverScope scope = { DAY_START, DAY_END, terminals };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfHandoverFigures) figures = cf_handover_compute (f->store, &scope, now, &error);
  g_autofree char *where = g_strdup_printf ("local_time >= '%s' AND local_time < '%s' AND terminal_no = '%s'",
                                            DAY_START, DAY_END, terminal);
  gint64 by_type = 0, by_brand = 0, by_operator = 0, hourly = 0;
  guint type_count = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (figures->count, >, 20);
  g_assert_cmpint (figures->count, ==, sql_int (f->store, "SELECT count (*) FROM transactions WHERE %s", where));
  g_assert_cmpint (figures->sales_minor, ==,
                   sql_int (f->store, "SELECT coalesce (sum (amount_minor), 0) FROM transactions WHERE %s "
                                      "AND type IN ('sale', 'auth_complete')", where));
  g_assert_cmpint (figures->reversals_minor, ==,
                   sql_int (f->store, "SELECT coalesce (sum (amount_minor), 0) FROM transactions WHERE %s "
                                      "AND type IN ('void', 'refund')", where));
  g_assert_cmpint (figures->net_minor, ==,
                   sql_int (f->store, "SELECT sum (CASE WHEN type IN ('void', 'refund', 'preauth_void', "
                                      "'auth_complete_void') THEN -amount_minor ELSE amount_minor END) "
                                      "FROM transactions WHERE %s", where));
  g_assert_cmpint (figures->reversals_minor, >, 0);

  /* Each breakdown adds up to the whole. */
  for (guint i = 0; i < figures->by_type->len; i++)
    {
      CfHandoverLine *line = g_ptr_array_index (figures->by_type, i);

      by_type += line->amount_minor;
      type_count += line->count;
      g_assert_cmpint (line->count, ==, sql_int (f->store, "SELECT count (*) FROM transactions WHERE %s AND type = '%s'",
                                                 where, line->label));
    }
  for (guint i = 0; i < figures->by_brand->len; i++)
    by_brand += ((CfHandoverLine *) g_ptr_array_index (figures->by_brand, i))->amount_minor;
  for (guint i = 0; i < figures->by_operator->len; i++)
    by_operator += ((CfHandoverLine *) g_ptr_array_index (figures->by_operator, i))->amount_minor;
  for (guint h = 0; h < 24; h++)
    hourly += figures->hourly_sales_minor[h];
  g_assert_cmpuint (type_count, ==, figures->count);
  g_assert_cmpint (by_type, ==, figures->net_minor);
  g_assert_cmpint (by_brand, ==, figures->net_minor);
  g_assert_cmpint (by_operator, ==, figures->net_minor);
  g_assert_cmpint (hourly, ==, figures->sales_minor);
  g_assert_cmpuint (figures->by_terminal->len, ==, 1);
  g_assert_cmpint (figures->hourly_sales_minor[7], ==, 0);
  g_assert_cmpint (figures->hourly_sales_minor[20], ==, 0);
  g_assert_cmpint (figures->hourly_sales_minor[10], ==,
                   sql_int (f->store, "SELECT coalesce (sum (amount_minor), 0) FROM transactions WHERE %s AND "
                                      "type IN ('sale', 'auth_complete') AND substr (local_time, 12, 2) = '10'", where));
}

static void
insert_at (CfStore    *store,
           const char *time,
           const char *terminal,
           gint64      amount)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO transactions (natural_key, local_time, terminal_no, type, "
                                          "amount_minor, currency) VALUES ('test:%s:%s', '%s', '%s', 'sale', %"
                                          G_GINT64_FORMAT ", 'CNY')", time, terminal, time, terminal, amount);

  g_assert_true (cf_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
add_people (CfStore *store)
{
  g_autoptr(GError) error = NULL;

  cf_test_add_operator (store, "001", "王芳", CF_ROLE_CLERK);
  cf_test_add_operator (store, "002", "李娜", CF_ROLE_CLERK);
  cf_test_add_operator (store, "099", "赵敏", CF_ROLE_MANAGER);
  g_assert_no_error (error);
}

static void
test_membership_boundaries (CfTestDb      *f,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) now = today ();
  const char *t1[] = { "T1", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfShiftInfo) shift = NULL;
  g_autoptr(CfHandoverFigures) figures = NULL;
  gint64 id;

  add_people (f->store);
  insert_at (f->store, "2026-11-27 07:59:59", "T1", 1);      /* before */
  insert_at (f->store, "2026-11-27 08:00:00", "T1", 10);     /* the first second: in */
  insert_at (f->store, "2026-11-27 15:59:59", "T1", 100);    /* the last second: in */
  insert_at (f->store, "2026-11-27 16:00:00", "T1", 1000);   /* the end: the next shift's */
  insert_at (f->store, "2026-11-27 12:00:00", "T2", 10000);  /* another terminal */

  id = cf_shift_define (f->store, "001", t1, "2026-11-27 08:00", "2026-11-27 16:00", NULL, "099", &error);
  g_assert_no_error (error);
  shift = cf_shift_get (f->store, id, &error);
  g_assert_cmpstr (shift->started_at, ==, "2026-11-27 08:00:00");
  g_assert_cmpstr (shift->ended_at, ==, "2026-11-27 16:00:00");
  g_assert_cmpstr (shift->terminals[0], ==, "T1");
  g_assert_true (shift->defined_later);
  {
    CfHandoverScope scope = { shift->started_at, shift->ended_at, (const char * const *) shift->terminals };

    figures = cf_handover_compute (f->store, &scope, now, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (figures->count, ==, 2);
  g_assert_cmpint (figures->net_minor, ==, 110);
  g_clear_pointer (&figures, cf_handover_figures_free);

  /* No terminals named: all of them. */
  {
    CfHandoverScope scope = { "2026-11-27 08:00:00", "2026-11-27 16:00:00", NULL };

    figures = cf_handover_compute (f->store, &scope, now, &error);
  }
  g_assert_cmpint (figures->net_minor, ==, 10110);

  /* The next shift may start where this one ended, on the same terminal, not earlier. */
  g_assert_cmpint (cf_shift_define (f->store, "002", t1, "2026-11-27 15:59:59", "2026-11-27 23:00", NULL, "099", &error), ==, 0);
  g_assert_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_OVERLAP);
  g_clear_error (&error);
  g_assert_cmpint (cf_shift_define (f->store, "002", NULL, "2026-11-27 12:00", "2026-11-27 13:00", NULL, "099", &error), ==, 0);
  g_assert_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_OVERLAP);
  g_clear_error (&error);
  g_assert_cmpint (cf_shift_define (f->store, "002", t1, "2026-11-27 16:00", "2026-11-27 23:00", NULL, "099", &error), >, 0);
  g_assert_no_error (error);
}

static void
test_who_may_do_what (CfTestDb      *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  add_people (f->store);
  /* Only a manager defines a shift after the fact. */
  g_assert_cmpint (cf_shift_define (f->store, "001", NULL, "2026-11-01 08:00", "2026-11-01 16:00", NULL, "002", &error), ==, 0);
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);
  g_assert_cmpint (cf_shift_open (f->store, "777", NULL, NULL, &error), ==, 0);
  g_assert_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cf_shift_normalize_time ("tomorrow", FALSE, &error));
  g_assert_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *start = cf_shift_normalize_time ("2026/11/30", FALSE, &error);
    g_autofree char *end = cf_shift_normalize_time ("2026-11-30", TRUE, &error);
    g_autofree char *exact = cf_shift_normalize_time ("2026-11-30 14:05", TRUE, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (start, ==, "2026-11-30 00:00:00");
    g_assert_cmpstr (end, ==, "2026-12-01 00:00:00");
    g_assert_cmpstr (exact, ==, "2026-11-30 14:05:00");
  }

  id = cf_shift_open (f->store, "001", NULL, "2026-11-28 08:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_shift_find_open (f->store, "001"), ==, id);
  g_assert_cmpint (cf_shift_open (f->store, "001", NULL, "2026-11-28 09:00", &error), ==, 0);
  g_assert_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_OVERLAP);
  g_clear_error (&error);

  /* Another clerk cannot close it; the manager can; then it stays closed. */
  g_assert_false (cf_shift_close (f->store, id, "2026-11-28 16:00", "002", NULL, NULL, "002", &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);
  g_assert_false (cf_shift_close (f->store, id, "2026-11-28 07:00", "002", NULL, NULL, "099", &error));
  g_assert_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cf_shift_close (f->store, id, "2026-11-28 16:00", "002", "钱箱已清点", "少 ¥5.00，已记录", "099", &error));
  g_assert_no_error (error);
  g_assert_false (cf_shift_close (f->store, id, "2026-11-28 17:00", NULL, NULL, NULL, "099", &error));
  g_assert_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cf_shift_find_open (f->store, "001"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE object_type = 'shift'"), ==, 2);
}

static gint64
closed_shift (CfTestDb *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *terminal = cf_test_query_text (f->store, "SELECT min (terminal_no) FROM transactions");
  const char *terminals[] = { terminal, NULL };
  gint64 id = cf_shift_define (f->store, "001", terminals, DAY_START, DAY_END, "钱箱已清点", "099", &error);

  g_assert_no_error (error);
  return id;
}

static void
test_draft_and_sign_off (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) now = today ();
  g_autoptr(GError) error = NULL;
  gint64 id = closed_shift (f);
  g_autoptr(CfReportDoc) draft = cf_handover_build_shift (f->store, id, now, &error);
  g_autofree char *draft_text = cf_report_doc_to_text (draft);
  g_autoptr(CfReportDoc) signed_doc = NULL;
  g_autoptr(CfReportDoc) again = NULL;
  g_autoptr(GBytes) signed_bytes = NULL;
  g_autoptr(GBytes) again_bytes = NULL;
  g_autofree char *signed_text = NULL;
  g_autofree char *terminal = cf_test_query_text (f->store, "SELECT min (terminal_no) FROM transactions");
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT "\n",
                                            sql_int (f->store, "SELECT count (*) FROM transactions WHERE local_time >= '"
                                                     DAY_START "' AND local_time < '" DAY_END "' AND terminal_no = '%s'",
                                                     terminal));
  gint64 sequence_no;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (draft_text, "草稿 DRAFT"));
  g_assert_nonnull (strstr (draft_text, "001 王芳"));
  g_assert_nonnull (strstr (draft_text, "钱箱已清点"));
  g_assert_nonnull (strstr (draft_text, count));

  /* A clerk cannot sign off. */
  g_assert_cmpint (cf_handover_sign_off (f->store, id, "001", now, &error), ==, 0);
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);

  sequence_no = cf_handover_sign_off (f->store, id, "099", now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sequence_no, ==, 1);
  g_assert_cmpint (cf_handover_sign_off (f->store, id, "099", now, &error), ==, 0);
  g_assert_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_SIGNED);
  g_clear_error (&error);

  signed_doc = cf_handover_build_shift (f->store, id, now, &error);
  g_assert_no_error (error);
  signed_text = cf_report_doc_to_text (signed_doc);
  g_assert_null (strstr (signed_text, "DRAFT"));
  g_assert_nonnull (strstr (signed_text, "No. 000001"));
  g_assert_nonnull (strstr (signed_text, count));
  signed_bytes = cf_report_doc_to_bytes (signed_doc);

  /* Later imports change the figures, not the signed report. */
  insert_at (f->store, "2026-11-27 09:30:00", terminal, 123456);
  again = cf_handover_build_shift (f->store, id, now, &error);
  g_assert_no_error (error);
  again_bytes = cf_report_doc_to_bytes (again);
  g_assert_true (g_bytes_equal (signed_bytes, again_bytes));
  {
    g_autofree char *stored = cf_test_query_text (f->store, "SELECT sha256 FROM handover_reports");
    g_autofree char *computed = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, signed_bytes);

    g_assert_cmpstr (stored, ==, computed);
  }

  /* The database itself refuses to change or drop it… */
  g_assert_false (cf_store_exec (f->store, "UPDATE handover_reports SET signed_by = '001'", &error));
  g_clear_error (&error);
  g_assert_false (cf_store_exec (f->store, "DELETE FROM handover_reports", &error));
  g_clear_error (&error);
  /* …and content altered behind its back is detected, not shown. */
  cf_test_allow_tampering (f->store, "handover_reports");
  g_assert_true (cf_store_exec (f->store, cf_test_on_server ()
                                            ? "UPDATE handover_reports SET content = decode (repeat ('00', length (content)), 'hex')"
                                            : "UPDATE handover_reports SET content = zeroblob (length (content))",
                                &error));
  g_clear_object (&again);
  again = cf_handover_build_shift (f->store, id, now, &error);
  g_assert_null (again);
  g_assert_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_SIGNED);
}

static void
test_kept_bytes_round_trip (CfTestDb      *f,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) now = today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReportDoc) doc = cf_handover_build_shift (f->store, closed_shift (f), now, &error);
  g_autoptr(GBytes) bytes = cf_report_doc_to_bytes (doc);
  g_autoptr(CfReportDoc) copy = cf_report_doc_new_from_bytes (bytes, &error);
  g_autoptr(GBytes) copy_bytes = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a report", 12);
  g_autoptr(CfReportDoc) none = NULL;

  g_assert_no_error (error);
  copy_bytes = cf_report_doc_to_bytes (copy);
  g_assert_true (g_bytes_equal (bytes, copy_bytes));
  a = cf_report_doc_to_text (doc);
  b = cf_report_doc_to_text (copy);
  g_assert_cmpstr (a, ==, b);
  none = cf_report_doc_new_from_bytes (garbage, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
}

static cairo_surface_t *
paint_page (CfReportDoc *doc,
            guint        page,
            double       dpi)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (CF_REPORT_PAGE_WIDTH_PT * dpi / 72 + 0.5),
                                                         (int) (CF_REPORT_PAGE_HEIGHT_PT * dpi / 72 + 0.5));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, dpi / 72, dpi / 72);
  cf_report_painter_draw_page (doc, page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_pdf_equals_preview (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) now = today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReportDoc) doc = cf_handover_build_shift (f->store, closed_shift (f), now, &error);
  g_autofree char *pdf = g_build_filename (f->dir, "handover.pdf", NULL);
  guint n_pages;

  g_assert_no_error (error);
  g_assert_true (cf_pdf_write_report (doc, pdf, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = cf_test_assert_pdf_valid (pdf);
    g_assert_nonnull (strstr (text, "交接班报告"));
  }
  n_pages = cf_report_doc_get_n_pages (doc);
  g_assert_cmpuint (n_pages, >=, 1);

  for (guint p = 0; p < n_pages; p++)
    {
      cairo_surface_t *shown = cf_test_rasterize_pdf (pdf, p + 1, 100);
      cairo_surface_t *painted = paint_page (doc, p, 100);
      cairo_surface_t *other = paint_page (doc, (p + 1) % n_pages, 100);
      guint same = cf_test_worst_block (painted, shown);

      g_assert_cmpint (ABS (cairo_image_surface_get_width (painted) - cairo_image_surface_get_width (shown)), <=, 1);
      g_assert_cmpint (ABS (cairo_image_surface_get_height (painted) - cairo_image_surface_get_height (shown)), <=, 1);
      g_test_message ("page %u: worst block %u pixels", p + 1, same);
      g_assert_cmpuint (same, <=, 20);
      if (n_pages > 1)
        g_assert_cmpuint (cf_test_worst_block (other, shown), >, 40);
      cairo_surface_destroy (shown);
      cairo_surface_destroy (painted);
      cairo_surface_destroy (other);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/handover/totals-equal-sql", CfTestDb, NULL, demo_setup, test_totals_equal_sql, cf_test_db_teardown);
  g_test_add ("/handover/membership-boundaries", CfTestDb, NULL, cf_test_db_setup, test_membership_boundaries,
              cf_test_db_teardown);
  g_test_add ("/handover/who-may-do-what", CfTestDb, NULL, cf_test_db_setup, test_who_may_do_what, cf_test_db_teardown);
  g_test_add ("/handover/draft-and-sign-off", CfTestDb, NULL, demo_setup, test_draft_and_sign_off, cf_test_db_teardown);
  g_test_add ("/handover/kept-bytes-round-trip", CfTestDb, NULL, demo_setup, test_kept_bytes_round_trip,
              cf_test_db_teardown);
  g_test_add ("/handover/pdf-equals-preview", CfTestDb, NULL, demo_setup, test_pdf_equals_preview, cf_test_db_teardown);
  return g_test_run ();
}
