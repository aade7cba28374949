/* test-transaction-list.c — the lazy result model and the search box's reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-store-private.h"
#include "cf-test-util.h"
#include "cf-transaction-list.h"
#include "cf-transaction.h"

static void
demo_setup (CfTestDb      *f,
            gconstpointer  data)
{
  cf_test_db_setup (f, data);
  cf_test_db_add_demo (f, 5000, 11);
}

/* The ids SQL gives for a WHERE clause and ORDER BY, the truth to compare with. */
static GArray *
ids_by_sql (CfStore    *store,
            const char *where_order)
{
  g_autofree char *sql = g_strdup_printf ("SELECT t.id FROM transactions t %s", where_order);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CfDbStmt *stmt = cf_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      gint64 id = cf_db_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  cf_db_finalize (stmt);
  return ids;
}

static void
assert_same_order (CfTransactionList *list,
                   GArray            *truth)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, truth->len);
  for (guint i = 0; i < truth->len; i++)
    g_assert_cmpint (cf_transaction_list_get_id (list, i), ==, g_array_index (truth, gint64, i));
}

static void
test_paging_is_lazy (CfTestDb      *f,
                     gconstpointer  data)
{
  g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CfTransactionList) list = cf_transaction_list_new (f->store, q, NULL, &error);
  g_autoptr(GArray) truth = ids_by_sql (f->store, "ORDER BY t.local_time DESC, t.id DESC");
  g_autoptr(CfTransaction) middle = NULL;
  g_autoptr(CfTransaction) last = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5000);
  g_assert_cmpuint (cf_transaction_list_get_n_loaded (list), ==, 0);
  assert_same_order (list, truth);

  middle = g_list_model_get_item (G_LIST_MODEL (list), 2500);
  g_assert_cmpint (cf_transaction_get_id (middle), ==, g_array_index (truth, gint64, 2500));
  /* One page, not the whole list. */
  g_assert_cmpuint (cf_transaction_list_get_n_loaded (list), <=, 64);
  last = g_list_model_get_item (G_LIST_MODEL (list), 4999);
  g_assert_cmpint (cf_transaction_get_id (last), ==, g_array_index (truth, gint64, 4999));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 5000));
  g_assert_cmpuint (cf_transaction_list_get_n_loaded (list), <=, 128);

  /* A cap lists the first ones and keeps the true count. */
  cf_transaction_list_set_max_items (list, 100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  g_assert_cmpuint (cf_transaction_list_get_n_matches (list), ==, 5000);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 100));
  cf_transaction_list_set_max_items (list, G_MAXUINT);

  {
    guint position;
    g_assert_true (cf_transaction_list_find_id (list, cf_transaction_get_id (middle), &position));
    g_assert_cmpuint (position, ==, 2500);
    g_assert_false (cf_transaction_list_find_id (list, -5, &position));
  }
}

static void
test_sorting_matches_sql (CfTestDb      *f,
                          gconstpointer  data)
{
  static const struct { CfSortColumn column; const char *sql; } sorts[] = {
    { CF_SORT_TIME, NULL },
    { CF_SORT_TERMINAL, "t.terminal_no" },
    { CF_SORT_VOUCHER, "t.voucher_no" },
    { CF_SORT_REF, "t.ref_no" },
    { CF_SORT_CARD, "t.card_last4" },
    { CF_SORT_TYPE, "t.type" },
    { CF_SORT_AMOUNT, "CASE WHEN t.type IN ('void','refund','preauth_void','auth_complete_void') "
                      "THEN -t.amount_minor ELSE t.amount_minor END" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    for (int ascending = 0; ascending <= 1; ascending++)
      {
        g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
        g_autoptr(GError) error = NULL;
        g_autoptr(CfTransactionList) list = NULL;
        g_autoptr(GArray) truth = NULL;
        const char *dir = ascending ? "ASC" : "DESC";
        g_autofree char *order = NULL;
        g_autofree char *where_order = NULL;

        q->sort_column = sorts[i].column;
        q->sort_ascending = ascending;
        list = cf_transaction_list_new (f->store, q, NULL, &error);
        g_assert_no_error (error);
        order = sorts[i].sql == NULL ? g_strdup_printf ("t.local_time %s, t.id %s", dir, dir)
                                     : g_strdup_printf ("%s %s, t.local_time DESC, t.id DESC", sorts[i].sql, dir);
        where_order = g_strconcat ("ORDER BY ", order, NULL);
        truth = ids_by_sql (f->store, where_order);
        assert_same_order (list, truth);
      }
}

static GPtrArray *
search (CfTransactionQuery *q,
        const char         *text,
        gboolean            expect_understood)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 29, 12, 0, 0);
  GPtrArray *understood = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (cf_transaction_query_add_search (q, text, now, understood), ==, expect_understood);
  return understood;
}

static void
test_search_reading (void)
{
  g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
  g_autoptr(GPtrArray) u = search (q, "000123 332809150201 1234 ¥88.5 11-28 14:0 A1b2c3 visa 退货 10450001 02", TRUE);

  g_assert_cmpstr (q->voucher_no, ==, "000123");
  g_assert_cmpstr (q->ref_no, ==, "332809150201");
  g_assert_cmpstr (q->last4_or_voucher_end, ==, "1234");
  g_assert_true (q->has_amount);
  g_assert_cmpint (q->amount_minor, ==, 8850);
  g_assert_cmpstr (q->from, ==, "2026-11-28 00:00:00");
  g_assert_cmpstr (q->to, ==, "2026-11-28 23:59:59");
  g_assert_cmpstr (q->time_prefix, ==, "14:0");
  g_assert_cmpstr (q->auth_code, ==, "A1B2C3");
  g_assert_cmpstr (q->card_brand, ==, "Visa");
  g_assert_true (q->has_type);
  g_assert_cmpint (q->type, ==, CF_TXN_TYPE_REFUND);
  g_assert_cmpstr (q->terminal_no, ==, "10450001");
  g_assert_cmpstr (q->operator_no, ==, "02");
  g_assert_cmpuint (u->len, ==, 11);
  g_assert_cmpstr (g_ptr_array_index (u, 0), ==, "voucher no. 000123");
}

static void
test_search_dates_and_amounts (void)
{
  g_autoptr(CfTransactionQuery) a = cf_transaction_query_new ();
  g_autoptr(CfTransactionQuery) b = cf_transaction_query_new ();
  g_autoptr(CfTransactionQuery) c = cf_transaction_query_new ();
  g_autoptr(CfTransactionQuery) d = cf_transaction_query_new ();
  g_autoptr(GPtrArray) ua = search (a, "2026-11-28", TRUE);
  g_autoptr(GPtrArray) ub = search (b, "12-30", TRUE);    /* not yet this year: last year's */
  g_autoptr(GPtrArray) uc = search (c, "1,234.56", TRUE);
  g_autoptr(GPtrArray) ud = search (d, "88.50 frobnicate", FALSE);

  g_assert_cmpstr (a->from, ==, "2026-11-28 00:00:00");
  g_assert_cmpstr (b->from, ==, "2025-12-30 00:00:00");
  g_assert_cmpint (c->amount_minor, ==, 123456);
  g_assert_true (d->has_amount);
  g_assert_cmpstr (g_ptr_array_index (ud, 1), ==, "“frobnicate” not understood");
}

static void
test_search_matches_sql (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autofree char *voucher = cf_test_query_text (f->store, "SELECT voucher_no FROM transactions WHERE id = 777");
  g_autofree char *last4 = cf_test_query_text (f->store, "SELECT card_last4 FROM transactions WHERE id = 1234");
  g_autofree char *day = cf_test_query_text (f->store, "SELECT substr (local_time, 1, 10) FROM transactions WHERE id = 2000");
  struct { char *text; char *where; } cases[] = {
    { g_strdup (voucher), g_strdup_printf ("WHERE t.voucher_no = '%s'", voucher) },
    { g_strdup (last4), g_strdup_printf ("WHERE t.card_last4 = '%s' OR substr (t.voucher_no, 3) = '%s'", last4, last4) },
    { g_strdup_printf ("%s 12:", day), g_strdup_printf ("WHERE substr (t.local_time, 1, 13) = '%s 12'", day) },
    { g_strdup ("visa void"), g_strdup ("WHERE t.card_brand = 'Visa' AND t.type = 'void'") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
      g_autoptr(GPtrArray) u = search (q, cases[i].text, TRUE);
      g_autoptr(GError) error = NULL;
      g_autoptr(CfTransactionList) list = cf_transaction_list_new (f->store, q, NULL, &error);
      g_autofree char *where_order = g_strconcat (cases[i].where, " ORDER BY t.local_time DESC, t.id DESC", NULL);
      g_autoptr(GArray) truth = ids_by_sql (f->store, where_order);

      g_test_message ("%s", cases[i].text);
      g_assert_no_error (error);
      g_assert_cmpuint (truth->len, >, 0);
      assert_same_order (list, truth);
      g_free (cases[i].text);
      g_free (cases[i].where);
    }
}

typedef struct
{
  GMainLoop         *loop;
  CfTransactionList *list;
  GError            *error;
} AsyncResult;

static void
list_ready (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->list = cf_transaction_list_new_finish (result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
test_async_and_cancel (CfTestDb      *f,
                       gconstpointer  data)
{
  g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  AsyncResult r = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  cf_transaction_list_new_async (f->store, q, NULL, list_ready, &r);
  g_main_loop_run (r.loop);
  g_assert_no_error (r.error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (r.list)), ==, 5000);
  g_clear_object (&r.list);

  g_cancellable_cancel (cancelled);
  cf_transaction_list_new_async (f->store, q, cancelled, list_ready, &r);
  g_main_loop_run (r.loop);
  g_assert_null (r.list);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
  g_main_loop_unref (r.loop);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CfTestDb, NULL, demo_setup, func, cf_test_db_teardown)
  ADD ("/transaction-list/paging-is-lazy", test_paging_is_lazy);
  ADD ("/transaction-list/sorting-matches-sql", test_sorting_matches_sql);
  ADD ("/transaction-list/search-matches-sql", test_search_matches_sql);
  ADD ("/transaction-list/async-and-cancel", test_async_and_cancel);
#undef ADD
  g_test_add_func ("/search/reading", test_search_reading);
  g_test_add_func ("/search/dates-and-amounts", test_search_dates_and_amounts);

  return g_test_run ();
}
