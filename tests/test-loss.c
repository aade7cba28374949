/* test-loss.c — loss incidents, their impact, and replacement requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-loss-service.h"
#include "cf-report-doc.h"
#include "cf-store-private.h"
#include "cf-test-util.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

static void
demo_setup (CfTestDb      *f,
            gconstpointer  data)
{
  cf_test_db_setup (f, data);
  cf_test_db_add_demo (f, 3000, 9);
}

static const CfLossIncidentInfo info = {
  "2026-11-20 00:00:00", "2026-11-20 23:59:59", "Shift B's slip folder missing", "human",
  "099", "2026-11-21 09:00:00", "001", NULL,
};

static void
test_state_machine (void)
{
  /* Every pair: exactly these moves are allowed. */
  static const char *const allowed[] = {
    "draft>submitted", "draft>cancelled", "submitted>under_review", "submitted>cancelled",
    "under_review>approved", "under_review>rejected", "under_review>cancelled", "approved>fulfilled",
    "approved>cancelled", "rejected>closed", "fulfilled>closed", NULL,
  };

  for (guint from = 0; from < CF_REQUEST_N_STATUSES; from++)
    for (guint to = 0; to < CF_REQUEST_N_STATUSES; to++)
      {
        g_autofree char *pair = g_strdup_printf ("%s>%s", cf_request_status_to_nick (from), cf_request_status_to_nick (to));

        g_test_message ("%s", pair);
        g_assert_cmpint (cf_request_status_can_move (from, to), ==, g_strv_contains (allowed, pair));
      }
}

static void
test_working_days (void)
{
  g_autoptr(GDate) friday = g_date_new_dmy (27, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) one = cf_loss_add_working_days (friday, 1);
  g_autoptr(GDate) ten = cf_loss_add_working_days (friday, 10);

  g_assert_cmpint (g_date_get_weekday (friday), ==, G_DATE_FRIDAY);
  g_assert_cmpint (g_date_get_day (one), ==, 30);              /* Monday */
  g_assert_cmpint (g_date_get_day (ten), ==, 11);              /* Friday, 11 December */
  g_assert_cmpint (g_date_get_month (ten), ==, G_DATE_DECEMBER);
}

static GArray *
ids_on_day (CfTestDb   *f,
            const char *day,
            guint       limit)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM transactions WHERE substr (local_time, 1, 10) = '%s' "
                                          "ORDER BY id LIMIT %u", day, limit);
  CfDbStmt *stmt = cf_store_prepare (f->store, sql, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      gint64 id = cf_db_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  cf_db_finalize (stmt);
  return ids;
}

static void
test_impact_matches_sql (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autoptr(GArray) ids = ids_on_day (f, "2026-11-20", 1000);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 29, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  CfLossImpact impact;
  gint64 net;

  g_assert_cmpuint (ids->len, >, 50);
  g_assert_true (cf_loss_compute_impact (f->store, (gint64 *) ids->data, ids->len, now, &impact, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (impact.count, ==, ids->len);
  net = cf_test_query_int (f->store, "SELECT sum (CASE WHEN type IN ('void','refund') THEN -amount_minor ELSE amount_minor END) "
                                     "FROM transactions WHERE substr (local_time, 1, 10) = '2026-11-20'");
  g_assert_cmpint (impact.net_minor, ==, net);
  g_assert_cmpuint (impact.count_by_type[CF_TXN_TYPE_SALE], ==,
                    cf_test_query_int (f->store, "SELECT count(*) FROM transactions WHERE type = 'sale' "
                                                 "AND substr (local_time, 1, 10) = '2026-11-20'"));
  g_assert_cmpuint (impact.in_retention, ==, ids->len);
  g_assert_cmpuint (impact.cards, >, 0);
  g_assert_cmpuint (impact.cards, <=, ids->len);
  g_assert_cmpuint (impact.refund_related, >=, impact.count_by_type[CF_TXN_TYPE_VOID] + impact.count_by_type[CF_TXN_TYPE_REFUND]);

  /* One rule everywhere: voids and refunds negative, per type too, and the
   * per-type amounts add up to the net. */
  {
    gint64 sum = 0;

    for (guint t = 0; t < G_N_ELEMENTS (impact.amount_by_type); t++)
      sum += impact.amount_by_type[t];
    g_assert_cmpint (sum, ==, impact.net_minor);
    g_assert_cmpint (impact.amount_by_type[CF_TXN_TYPE_VOID], <=, 0);
    g_assert_cmpint (impact.amount_by_type[CF_TXN_TYPE_REFUND], <=, 0);
    g_assert_cmpint (impact.gross_minor, >=, impact.net_minor);
  }

  /* The incident list states the same net as the impact step. */
  {
    g_autoptr(GArray) slips = g_array_new (FALSE, FALSE, sizeof (CfLossSlip));
    g_autoptr(GPtrArray) incidents = NULL;

    for (guint i = 0; i < ids->len; i++)
      {
        CfLossSlip slip = { g_array_index (ids, gint64, i), FALSE, NULL, NULL, CF_LOSS_REMEDY_NONE, "the bank has it", NULL };
        g_array_append_val (slips, slip);
      }
    g_assert_cmpint (cf_loss_create_incident (f->store, &info, (CfLossSlip *) slips->data, slips->len, "001", &error), >, 0);
    g_assert_no_error (error);
    incidents = cf_loss_list_incidents (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpint (((CfIncidentInfo *) g_ptr_array_index (incidents, 0))->amount_minor, ==, impact.net_minor);
  }
}

static void
test_incident_is_atomic (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autoptr(GArray) ids = ids_on_day (f, "2026-11-20", 3);
  g_autoptr(GError) error = NULL;
  CfLossSlip slips[4] = {
    { g_array_index (ids, gint64, 0), TRUE, "told on the phone", "statement", CF_LOSS_REMEDY_REQUEST, NULL, "acquirer" },
    { g_array_index (ids, gint64, 1), FALSE, NULL, NULL, CF_LOSS_REMEDY_DUPLICATE, NULL, NULL },
    { g_array_index (ids, gint64, 2), FALSE, NULL, NULL, CF_LOSS_REMEDY_NONE, "customer has the bank record", NULL },
    { 99999999, FALSE, NULL, NULL, CF_LOSS_REMEDY_REQUEST, NULL, "provider" },  /* fails last */
  };
  gint64 id;

  id = cf_loss_create_incident (f->store, &info, slips, 4, "001", &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM loss_incidents"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM loss_slips"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM replacement_requests"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'report-loss'"), ==, 0);

  /* Refused before anything is written: doing nothing needs a reason. */
  slips[2].remedy_reason = NULL;
  g_assert_cmpint (cf_loss_create_incident (f->store, &info, slips, 3, "001", &error), ==, 0);
  g_assert_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_INVALID);
  g_clear_error (&error);
  slips[2].remedy_reason = "customer has the bank record";

  id = cf_loss_create_incident (f->store, &info, slips, 3, "001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM loss_slips"), ==, 3);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM replacement_requests WHERE counterpart = 'acquirer' "
                                                 "AND status = 'draft'"), ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM request_documents"), ==, 6);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'report-loss'"), ==, 1);

  /* The browser's slip status says so. */
  {
    g_autoptr(CfTransaction) txn = cf_store_get_transaction (f->store, g_array_index (ids, gint64, 0), NULL);
    g_autofree char *status = cf_transaction_dup_slip_status (txn);
    g_assert_true (cf_transaction_get_reported_lost (txn));
    g_assert_cmpstr (status, ==, "Reported lost");
  }
}

static void
test_requests_move_and_resolve (CfTestDb      *f,
                                gconstpointer  data)
{
  g_autoptr(GArray) ids = ids_on_day (f, "2026-11-20", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) friday = g_date_time_new_local (2026, 11, 27, 10, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_local (2026, 12, 14, 10, 0, 0);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  CfLossSlip slips[2] = {
    { g_array_index (ids, gint64, 0), FALSE, NULL, NULL, CF_LOSS_REMEDY_REQUEST, NULL, "acquirer" },
    { g_array_index (ids, gint64, 1), FALSE, NULL, NULL, CF_LOSS_REMEDY_NONE, "refunded in cash", NULL },
  };
  gint64 incident = cf_loss_create_incident (f->store, &info, slips, 2, "001", &error);
  gint64 request = cf_test_query_int (f->store, "SELECT id FROM replacement_requests");
  CfRequestInfo *r;
  CfIncidentInfo *inc;

  g_assert_cmpint (incident, >, 0);

  /* A refused move names the moves allowed. */
  g_assert_false (cf_loss_move_request (f->store, request, CF_REQUEST_APPROVED, NULL, "001", friday, &error));
  g_assert_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_REFUSED_MOVE);
  g_assert_nonnull (strstr (error->message, "submitted, cancelled"));
  g_clear_error (&error);

  g_assert_true (cf_loss_move_request (f->store, request, CF_REQUEST_SUBMITTED, "sent with the licence copies", "001", friday, &error));
  g_assert_no_error (error);
  {
    g_autofree char *due = cf_test_query_text (f->store, "SELECT due_date FROM replacement_requests");
    g_assert_cmpstr (due, ==, "2026-12-11");
  }

  requests = cf_loss_list_requests (f->store, later, &error);
  r = g_ptr_array_index (requests, 0);
  g_assert_true (r->overdue);
  g_assert_cmpint (r->status, ==, CF_REQUEST_SUBMITTED);
  g_clear_pointer (&requests, g_ptr_array_unref);

  incidents = cf_loss_list_incidents (f->store, &error);
  inc = g_ptr_array_index (incidents, 0);
  g_assert_cmpuint (inc->n_slips, ==, 2);
  g_assert_cmpuint (inc->n_resolved, ==, 1);
  g_assert_false (inc->resolved);
  g_clear_pointer (&incidents, g_ptr_array_unref);

  g_assert_true (cf_loss_move_request (f->store, request, CF_REQUEST_UNDER_REVIEW, NULL, "001", friday, &error));
  /* A clerk records the approval with the manager's PIN: both are named. */
  cf_store_set_override (f->store, "099");
  g_assert_true (cf_loss_move_request (f->store, request, CF_REQUEST_APPROVED, NULL, "001", friday, &error));
  cf_store_set_override (f->store, NULL);
  g_assert_true (cf_loss_move_request (f->store, request, CF_REQUEST_FULFILLED, "copies received", "001", friday, &error));
  g_assert_no_error (error);

  incidents = cf_loss_list_incidents (f->store, &error);
  inc = g_ptr_array_index (incidents, 0);
  g_assert_true (inc->resolved);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM request_history WHERE request_id = 1"), ==, 5);
  {
    g_autoptr(GPtrArray) moves = cf_loss_list_history (f->store, request, &error);
    char **first = g_ptr_array_index (moves, 0);
    char **submitted = g_ptr_array_index (moves, 1);
    char **last = g_ptr_array_index (moves, 4);

    g_assert_no_error (error);
    g_assert_cmpuint (moves->len, ==, 5);
    g_assert_cmpstr (first[1], ==, "");
    g_assert_cmpstr (first[2], ==, "draft");
    g_assert_cmpstr (submitted[1], ==, "draft");
    g_assert_cmpstr (submitted[2], ==, "submitted");
    g_assert_cmpstr (submitted[4], ==, "sent with the licence copies");
    g_assert_cmpstr (last[2], ==, "fulfilled");
    g_assert_cmpstr (last[3], ==, "001");
    g_assert_cmpstr (last[4], ==, "copies received");
    g_assert_cmpstr (last[5], ==, "");
    g_assert_cmpstr (((char **) g_ptr_array_index (moves, 3))[2], ==, "approved");
    g_assert_cmpstr (((char **) g_ptr_array_index (moves, 3))[3], ==, "001");
    g_assert_cmpstr (((char **) g_ptr_array_index (moves, 3))[5], ==, "099");
  }
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'move-request'"), ==, 4);

  requests = cf_loss_list_requests (f->store, later, &error);
  g_assert_false (((CfRequestInfo *) g_ptr_array_index (requests, 0))->overdue);  /* fulfilled is not overdue */
}

static void
test_letter (CfTestDb      *f,
             gconstpointer  data)
{
  g_autoptr(GArray) ids = ids_on_day (f, "2026-11-20", 90);
  g_autoptr(GArray) slips = g_array_new (FALSE, TRUE, sizeof (CfLossSlip));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 29, 9, 0, 0);
  g_autoptr(CfReportDoc) letter = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_voucher = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (cf_store_set_setting (f->store, "merchant.address", "北京市朝阳区阜通东大街6号", NULL));
  for (guint i = 0; i < ids->len; i++)
    {
      CfLossSlip slip = { g_array_index (ids, gint64, i), FALSE, NULL, NULL, CF_LOSS_REMEDY_REQUEST, NULL, "acquirer" };
      g_array_append_val (slips, slip);
    }
  g_assert_cmpint (cf_loss_create_incident (f->store, &info, (CfLossSlip *) slips->data, slips->len, "001", &error), >, 0);

  letter = cf_loss_build_letter (f->store, 1, today, &error);
  g_assert_no_error (error);
  text = cf_report_doc_to_text (CF_REPORT_DOC (letter));
  sql = g_strdup_printf ("SELECT voucher_no FROM transactions WHERE id = %" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));
  first_voucher = cf_test_query_text (f->store, sql);

  g_assert_nonnull (strstr (text, "签购单补办申请"));
  /* Addressed to the acquirer the journal names, with each slip's card ending. */
  g_assert_nonnull (strstr (text, "致：银联商务（收单机构） To: 银联商务, the acquirer"));
  g_assert_nonnull (strstr (text, "卡号 Card"));
  g_assert_nonnull (strstr (text, "北京市朝阳区阜通东大街6号"));
  g_assert_nonnull (strstr (text, first_voucher));
  g_assert_nonnull (strstr (text, "营业执照 Business licence"));
  g_assert_nonnull (strstr (text, "商户盖章 Merchant stamp"));
  /* Ninety slips take more than a page; the table's header comes again on the next. */
  g_assert_cmpuint (cf_report_doc_get_n_pages (CF_REPORT_DOC (letter)), >=, 2);
  g_assert_nonnull (strstr (strstr (text, "--- page 2 ---"), "凭证号"));
  g_assert_nonnull (strstr (text, "1 / "));

  /* The checklist and the fee. */
  g_assert_true (cf_loss_set_document (f->store, 1, "business_licence", "ready", "/scans/licence.pdf", "001", &error));
  g_assert_true (cf_loss_set_document (f->store, 1, "bank_form", "missing", NULL, "001", &error));
  /* A document named as the request shows it is that document, not a new one. */
  g_assert_true (cf_loss_set_document (f->store, 1, "税务登记证", "submitted", NULL, "001", &error));
  g_assert_true (cf_loss_set_document (f->store, 1, "Account opening permit", "ready", NULL, "001", &error));
  g_assert_cmpstr (cf_loss_document_kind_for ("营业执照 Business licence"), ==, "business_licence");
  g_assert_cmpstr (cf_loss_document_kind_for ("bank_form"), ==, "bank_form");
  g_assert_false (cf_loss_set_document (f->store, 1, "business_licence", "lost", NULL, "001", &error));
  g_assert_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cf_loss_set_fee (f->store, 1, 5000, "2026-11-30", "099", &error));
  g_assert_true (cf_loss_set_reference (f->store, 1, "ICBC-2026-1129-007", "001", &error));
  g_assert_false (cf_loss_set_fee (f->store, 77, 5000, NULL, "099", &error));
  g_assert_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) docs = cf_loss_list_documents (f->store, 1, &error);
    g_autoptr(GPtrArray) requests = cf_loss_list_requests (f->store, today, &error);
    CfRequestInfo *r = g_ptr_array_index (requests, 0);

    g_assert_cmpuint (docs->len, ==, 7);
    g_assert_cmpstr (((char **) g_ptr_array_index (docs, 0))[1], ==, "ready");
    g_assert_cmpstr (((char **) g_ptr_array_index (docs, 0))[2], ==, "/scans/licence.pdf");
    g_assert_true (r->has_fee);
    g_assert_cmpint (r->fee_minor, ==, 5000);
    g_assert_cmpstr (r->fee_paid_on, ==, "2026-11-30");
    g_assert_cmpstr (r->counterpart_ref, ==, "ICBC-2026-1129-007");
    g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action IN "
                                                   "('set-request-document', 'set-request-fee', 'set-request-reference')"), ==, 6);
  }

  /* The checklist's boxes are drawn, ticked for what is ready, not left to a
   * glyph the PDF's font may lack; the amounts end on the table's right edge. */
  {
    g_autoptr(CfReportDoc) again = cf_loss_build_letter (f->store, 1, today, &error);
    guint pages = cf_report_doc_get_n_pages (again);
    guint boxes = 0, tick_strokes = 0, amounts_right = 0, amounts = 0;
    double first_right = 0;

    g_assert_no_error (error);
    for (guint p = 0; p < pages; p++)
      {
        GArray *ops = cf_report_doc_get_page (again, p);

        for (guint i = 0; i < ops->len; i++)
          {
            CfReportOp *op = &g_array_index (ops, CfReportOp, i);

            if (op->kind == CF_REPORT_OP_RECT && op->width == 8.0 && op->height == 8.0)
              boxes++;
            else if (op->kind == CF_REPORT_OP_LINE && op->width < 8.0 && op->x < CF_REPORT_MARGIN_PT + 8.0)
              tick_strokes++;
            else if (op->kind == CF_REPORT_OP_TEXT && (g_str_has_prefix (op->text, "¥") || g_str_has_prefix (op->text, "-¥")))
              {
                double right = op->x + g_utf8_strlen (op->text, -1) * CF_REPORT_CELL_PT;

                /* Every amount, long or short, ends where the first one does. */
                if (amounts++ == 0)
                  first_right = right;
                amounts_right += ABS (right - first_right) < 0.5;
              }
          }
      }
    g_assert_cmpuint (boxes, ==, 7);
    g_assert_cmpuint (tick_strokes, ==, 2 * 3);    /* ready, submitted, ready */
    g_assert_cmpuint (amounts, >=, 90);
    g_assert_cmpuint (amounts_right, ==, amounts);
  }

  g_assert_null (cf_loss_build_letter (f->store, 42, today, &error));
  g_assert_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_NOT_FOUND);
}

static CfRequestInfo *
request_info (gint64           id,
              CfRequestStatus  status,
              const char      *due_date,
              gboolean         overdue,
              gboolean         due_soon)
{
  CfRequestInfo *made = g_new0 (CfRequestInfo, 1);

  made->id = id;
  made->status = status;
  made->due_date = g_strdup (due_date);
  made->overdue = overdue;
  made->due_soon = due_soon;
  return made;
}

static void
test_request_orders (void)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_request_info_free);
  const gint64 by_due[] = { 4, 2, 3, 5, 1 };
  const gint64 by_attention[] = { 2, 3, 5, 1, 4 };
  const gint64 by_newest[] = { 5, 4, 3, 2, 1 };

  g_ptr_array_add (requests, request_info (1, CF_REQUEST_DRAFT, NULL, FALSE, FALSE));
  g_ptr_array_add (requests, request_info (2, CF_REQUEST_SUBMITTED, "2026-11-20", TRUE, FALSE));
  g_ptr_array_add (requests, request_info (3, CF_REQUEST_UNDER_REVIEW, "2026-12-01", FALSE, TRUE));
  g_ptr_array_add (requests, request_info (4, CF_REQUEST_FULFILLED, "2026-11-10", FALSE, FALSE));
  g_ptr_array_add (requests, request_info (5, CF_REQUEST_SUBMITTED, "2026-12-20", FALSE, FALSE));

  cf_loss_sort_requests (requests, CF_REQUEST_ORDER_DUE);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (((CfRequestInfo *) requests->pdata[i])->id, ==, by_due[i]);
  cf_loss_sort_requests (requests, CF_REQUEST_ORDER_ATTENTION);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (((CfRequestInfo *) requests->pdata[i])->id, ==, by_attention[i]);
  cf_loss_sort_requests (requests, CF_REQUEST_ORDER_NEWEST);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (((CfRequestInfo *) requests->pdata[i])->id, ==, by_newest[i]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loss/request-state-machine", test_state_machine);
  g_test_add_func ("/loss/working-days", test_working_days);
  g_test_add_func ("/loss/request-orders", test_request_orders);
#define ADD(path, func) g_test_add (path, CfTestDb, NULL, demo_setup, func, cf_test_db_teardown)
  ADD ("/loss/impact-matches-sql", test_impact_matches_sql);
  ADD ("/loss/incident-is-atomic", test_incident_is_atomic);
  ADD ("/loss/requests-move-and-resolve", test_requests_move_and_resolve);
  ADD ("/loss/letter", test_letter);
#undef ADD

  return g_test_run ();
}
