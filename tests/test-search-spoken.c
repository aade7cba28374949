/* test-search-spoken.c — the search box reads days and times as customers
 * say them, and a search that finds nothing offers what it nearly found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cf-near-misses.h"
#include "cf-spoken-time.h"
#include "cf-store-private.h"
#include "cf-test-util.h"
#include "cf-transaction.h"

static CfTransactionQuery *
read_search (const char *text,
             GPtrArray **understood)
{
  /* Tuesday 1 December 2026, noon: "the 24th" is 24 November. */
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 1, 12, 0, 0);
  CfTransactionQuery *q = cf_transaction_query_new ();
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  g_test_message ("%s", text);
  g_assert_true (cf_transaction_query_add_search (q, text, now, words));
  if (understood != NULL)
    *understood = g_steal_pointer (&words);
  return q;
}

static void
test_days (void)
{
  static const struct { const char *said; const char *day; } cases[] = {
    { "24号", "2026-11-24" }, { "24日", "2026-11-24" }, { "the 24th", "2026-11-24" }, { "24", "2026-11-24" },
    { "1st", "2026-12-01" }, { "31号", "2026-10-31" },             /* November has no 31st */
    { "nov 24", "2026-11-24" }, { "24 November", "2026-11-24" }, { "11月24号", "2026-11-24" },
    { "2026年11月28日", "2026-11-28" }, { "yesterday", "2026-11-30" }, { "昨天", "2026-11-30" },
    { "前天", "2026-11-29" }, { "Dec 25", "2025-12-25" },            /* not yet this year */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfTransactionQuery) q = read_search (cases[i].said, NULL);
      g_autofree char *from = g_strdup_printf ("%s 00:00:00", cases[i].day);
      g_autofree char *to = g_strdup_printf ("%s 23:59:59", cases[i].day);

      g_assert_cmpstr (q->from, ==, from);
      g_assert_cmpstr (q->to, ==, to);
      g_assert_null (q->operator_no);
    }

  /* A leading zero still names a POS operator, as "02" always has. */
  {
    g_autoptr(CfTransactionQuery) q = read_search ("02", NULL);

    g_assert_cmpstr (q->operator_no, ==, "02");
    g_assert_null (q->from);
  }
}

static void
test_times (void)
{
  static const struct { const char *said; guint n; int from[2]; int to[2]; } cases[] = {
#define T(h, m) ((h) * 3600 + (m) * 60)
    { "about 8pm", 1, { T (19, 30) }, { T (20, 30) + 59 } },
    { "about 9am", 1, { T (8, 30) }, { T (9, 30) + 59 } },
    { "8 p.m.", 1, { T (19, 30) }, { T (20, 30) + 59 } },
    { "晚上8点", 1, { T (19, 30) }, { T (20, 30) + 59 } },
    { "晚上8点半", 1, { T (20, 0) }, { T (21, 0) + 59 } },
    { "下午3点15分", 1, { T (14, 45) }, { T (15, 45) + 59 } },
    { "20:00", 1, { T (19, 30) }, { T (20, 30) + 59 } },
    { "8:30", 1, { T (8, 0) }, { T (9, 0) + 59 } },
    { "8点", 2, { T (7, 30), T (19, 30) }, { T (8, 30) + 59, T (20, 30) + 59 } },
    { "around 8", 2, { T (7, 30), T (19, 30) }, { T (8, 30) + 59, T (20, 30) + 59 } },
    { "8 o'clock", 2, { T (7, 30), T (19, 30) }, { T (8, 30) + 59, T (20, 30) + 59 } },
    { "12am", 1, { T (23, 30) }, { T (0, 30) + 59 } },               /* runs past midnight */
    { "中午1点", 1, { T (12, 30) }, { T (13, 30) + 59 } },
    { "凌晨1点", 1, { T (0, 30) }, { T (1, 30) + 59 } },
    { "晚上", 1, { T (17, 0) }, { T (24, 0) - 1 } },
#undef T
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) understood = NULL;
      g_autoptr(CfTransactionQuery) q = read_search (cases[i].said, &understood);

      g_assert_cmpuint (q->n_time_windows, ==, cases[i].n);
      for (guint w = 0; w < cases[i].n; w++)
        {
          g_assert_cmpint (q->time_windows[w].from, ==, cases[i].from[w]);
          g_assert_cmpint (q->time_windows[w].to, ==, cases[i].to[w]);
        }
      g_assert_null (q->from);
      /* The reading says the window, not only the time. */
      g_assert_cmpuint (understood->len, ==, 1);
      g_assert_nonnull (strchr (g_ptr_array_index (understood, 0), '('));
    }

  /* A partial time still reads as the start of one, as before. */
  {
    g_autoptr(CfTransactionQuery) q = read_search ("14:0", NULL);

    g_assert_cmpstr (q->time_prefix, ==, "14:0");
    g_assert_cmpuint (q->n_time_windows, ==, 0);
  }
}

static void
test_together_without_spaces (void)
{
  g_autoptr(GPtrArray) understood = NULL;
  g_autoptr(CfTransactionQuery) q = read_search ("24号晚上8点左右 尾号1234", &understood);

  g_assert_cmpstr (q->from, ==, "2026-11-24 00:00:00");
  g_assert_cmpuint (q->n_time_windows, ==, 1);
  g_assert_cmpint (q->time_windows[0].from, ==, 19 * 3600 + 30 * 60);
  g_assert_cmpstr (q->last4_or_voucher_end, ==, "1234");
  g_assert_cmpuint (understood->len, ==, 3);
}

static void
demo_setup (CfTestDb      *f,
            gconstpointer  data)
{
  cf_test_db_setup (f, data);
  cf_test_db_add_demo (f, 5000, 11);
}

static guint
count_found (CfStore            *store,
             CfTransactionQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = cf_store_find_transactions (store, query, &error);

  g_assert_no_error (error);
  return found->len;
}

/* A window found by the search is the window counted by SQL, also past midnight. */
static void
test_windows_match_sql (CfTestDb      *f,
                        gconstpointer  data)
{
  static const struct { const char *said; const char *where; } cases[] = {
    { "晚上8点", "substr (local_time, 12, 8) BETWEEN '19:30:00' AND '20:30:59'" },
    { "8点", "substr (local_time, 12, 8) BETWEEN '07:30:00' AND '08:30:59' OR "
             "substr (local_time, 12, 8) BETWEEN '19:30:00' AND '20:30:59'" },
    { "12am", "substr (local_time, 12, 8) >= '23:30:00' OR substr (local_time, 12, 8) <= '00:30:59'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfTransactionQuery) q = read_search (cases[i].said, NULL);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM transactions WHERE %s", cases[i].where);
      gint64 truth = cf_test_query_int (f->store, sql);

      g_assert_cmpint (truth, >, 0);
      g_assert_cmpint (count_found (f->store, q), ==, truth);
    }
}

static gboolean
near_miss_holds (CfNearMiss *miss,
                 gint64      id)
{
  for (guint i = 0; i < miss->transactions->len; i++)
    if (cf_transaction_get_id (g_ptr_array_index (miss->transactions, i)) == id)
      return TRUE;
  return FALSE;
}

/* The customer has the card right and the day wrong; then the card wrong. */
static void
test_near_misses (CfTestDb      *f,
                  gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(CfTransaction) sale = NULL;
  g_autoptr(GPtrArray) misses = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfTransactionQuery) q = NULL;
  g_autofree char *day = NULL;
  gint64 id = 0;

  /* A card sale whose ending is seen on no other day within a week. */
  for (gint64 candidate = 1000; candidate < 1100 && id == 0; candidate++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM transactions a, transactions b WHERE a.id = %" G_GINT64_FORMAT
        " AND a.card_last4 <> '' AND b.id <> a.id AND (b.card_last4 = a.card_last4 OR b.voucher_no LIKE '__' || a.card_last4)"
        " AND abs (julianday (substr (b.local_time, 1, 10)) - julianday (substr (a.local_time, 1, 10))) <= 7",
        candidate);

      if (cf_test_query_int (f->store, sql) == 0 &&
          cf_test_query_int (f->store, "SELECT count(*) FROM transactions WHERE card_last4 <> ''") > 0)
        id = candidate;
    }
  g_assert_cmpint (id, >, 0);
  sale = cf_store_get_transaction (f->store, id, &error);
  g_assert_no_error (error);

  /* Two days off, the right card and amount. */
  {
    const char *local = cf_transaction_get_local_time (sale);
    g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) atoi (local + 8), (GDateMonth) atoi (local + 5),
                                            (GDateYear) atoi (local));

    g_date_add_days (date, 2);
    day = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  }
  q = cf_transaction_query_new ();
  q->from = g_strdup_printf ("%s 00:00:00", day);
  q->to = g_strdup_printf ("%s 23:59:59", day);
  q->last4_or_voucher_end = g_strdup (cf_transaction_get_card_last4 (sale));
  q->has_amount = TRUE;
  q->amount_minor = cf_transaction_get_amount_minor (sale);
  g_assert_cmpuint (count_found (f->store, q), ==, 0);

  misses = cf_near_misses_find (f->store, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (misses->len, >=, 1);
  g_assert_true (g_str_has_prefix (((CfNearMiss *) g_ptr_array_index (misses, 0))->reason, "Ending "));
  g_assert_true (near_miss_holds (g_ptr_array_index (misses, 0), id));
  /* Every kind lists what it says, and nothing twice. */
  for (guint k = 0; k < misses->len; k++)
    {
      CfNearMiss *miss = g_ptr_array_index (misses, k);

      g_assert_cmpuint (miss->transactions->len, >, 0);
      g_assert_cmpuint (miss->transactions->len, <=, CF_NEAR_MISSES_PER_KIND);
      for (guint i = 0; i < miss->transactions->len; i++)
        {
          CfTransaction *txn = g_ptr_array_index (miss->transactions, i);
          gint64 *other = g_new (gint64, 1);

          *other = cf_transaction_get_id (txn);
          g_assert_false (g_hash_table_contains (seen, other));
          g_hash_table_add (seen, other);
          if (g_str_has_prefix (miss->reason, "The amount"))
            {
              g_assert_cmpint (ABS (cf_transaction_get_amount_minor (txn) - q->amount_minor), <=, 100);
              g_assert_true (g_str_has_prefix (cf_transaction_get_local_time (txn), day));
            }
        }
    }
  g_hash_table_foreach (seen, (GHFunc) (void (*) (void)) g_free, NULL);
  g_clear_pointer (&misses, g_ptr_array_unref);

  /* The right day and time, another card: "the same time on another card". */
  g_free (q->from);
  g_free (q->to);
  {
    const char *local = cf_transaction_get_local_time (sale);
    int h = atoi (local + 11), m = atoi (local + 14);

    q->from = g_strdup_printf ("%.10s 00:00:00", local);
    q->to = g_strdup_printf ("%.10s 23:59:59", local);
    q->has_amount = FALSE;
    q->n_time_windows = 1;
    q->time_windows[0].from = MAX (h * 3600 + m * 60 - CF_SPOKEN_TIME_MARGIN, 0);
    q->time_windows[0].to = MIN (h * 3600 + m * 60 + CF_SPOKEN_TIME_MARGIN, 86399);
  }
  g_free (q->last4_or_voucher_end);
  q->last4_or_voucher_end = g_strdup ("0000");
  g_assert_cmpuint (count_found (f->store, q), ==, 0);
  misses = cf_near_misses_find (f->store, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (misses->len, >=, 1);
  g_assert_true (g_str_has_prefix (((CfNearMiss *) g_ptr_array_index (misses, misses->len - 1))->reason, "The same time"));
  g_assert_true (near_miss_holds (g_ptr_array_index (misses, misses->len - 1), id));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-spoken/days", test_days);
  g_test_add_func ("/search-spoken/times", test_times);
  g_test_add_func ("/search-spoken/together-without-spaces", test_together_without_spaces);
  g_test_add ("/search-spoken/windows-match-sql", CfTestDb, NULL, demo_setup, test_windows_match_sql, cf_test_db_teardown);
  g_test_add ("/search-spoken/near-misses", CfTestDb, NULL, demo_setup, test_near_misses, cf_test_db_teardown);

  return g_test_run ();
}
