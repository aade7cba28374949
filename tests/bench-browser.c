/* bench-browser.c — the browser on a million transactions: first frame, memory, searches
 *
 *   build-aux/dev bench     (or, under a display: bench-browser [DB] [N])
 *
 * Creates a demo database of N transactions (1,000,000 by default) unless DB
 * already holds one, then measures: the window's first frame and the moment
 * its list is filled, resident memory after that, and each kind of indexed
 * search the search box makes, in-process, cold and warm.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "cf-demo.h"
#include "cf-near-misses.h"
#include "cf-store.h"
#include "cf-transaction-list.h"
#include "cf-transaction.h"
#include "cf-test-window.h"
#include "cf-window-private.h"

static gint64 start_us;
static double first_frame_ms = -1;
static long first_frame_rss = -1;
static long rss_mb (void);

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (first_frame_ms < 0)
    {
      first_frame_ms = (g_get_monotonic_time () - start_us) / 1000.0;
      first_frame_rss = rss_mb ();
    }
}

static long
rss_mb (void)
{
  g_autofree char *status = NULL;
  long kb = -1;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *line = strstr (status, "VmRSS:");
      if (line != NULL)
        sscanf (line, "VmRSS: %ld", &kb);
    }
  return kb / 1024;
}

static double
time_search (CfStore    *store,
             const char *text,
             guint      *n)
{
  g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
  g_autoptr(GPtrArray) understood = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(CfTransactionList) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0;

  cf_transaction_query_add_search (q, text, now, understood);
  t0 = g_get_monotonic_time ();
  list = cf_transaction_list_new (store, q, NULL, &error);
  g_assert_no_error (error);
  /* And the rows a view shows first. */
  for (guint i = 0; i < MIN (40, g_list_model_get_n_items (G_LIST_MODEL (list))); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  *n = g_list_model_get_n_items (G_LIST_MODEL (list));
  return (g_get_monotonic_time () - t0) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  const char *db_path = argc > 1 ? argv[1] : "/tmp/counterfoil-bench-1m.db";
  guint n = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 1000000;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CfWindow *window;
  gint64 filled_us;
  char *voucher, *ref, *auth, *day, *spoken_day, *miss;
  const char *searches[8];

  if (!gtk_init_check ())
    {
      g_printerr ("bench-browser: needs a display (run under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  store = cf_store_open (db_path, &error);
  g_assert_no_error (error);
  if (cf_store_count_transactions (store, NULL) == 0)
    {
      g_print ("bench-browser: creating a demo shop of %u transactions in %s...\n", n, db_path);
      g_assert_true (cf_demo_populate (store, n, 1, NULL, NULL, &error));
    }
  g_print ("database:      %s, %" G_GINT64_FORMAT " transactions\n", db_path, cf_store_count_transactions (store, NULL));
  g_print ("RSS before:    %ld MB\n", rss_mb ());

  window = cf_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  /* The desk shows, and searches, once someone signs in: the manager's PIN
   * is typed on the sign-in page, and what follows is counted from the
   * moment Sign In has checked it. */
  {
    GtkWidget *page = GTK_WIDGET (cf_window_get_sign_in_page (window));
    gint64 click_us;

    cf_test_drain_main_loop ();
    cf_test_choose_operator (ADW_COMBO_ROW (cf_test_find_widget (page, ADW_TYPE_COMBO_ROW, "Operator")), "099");
    cf_test_type_into (page, "PIN", CF_DEMO_PIN);
    click_us = g_get_monotonic_time ();
    g_signal_emit_by_name (cf_test_find_widget (page, GTK_TYPE_BUTTON, "_Sign In"), "clicked");
    start_us = g_get_monotonic_time ();
    g_assert_false (cf_window_is_locked (window));
    g_print ("sign-in:       %.0f ms (the PIN's Argon2id check)\n", (start_us - click_us) / 1000.0);
  }
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  while (cf_window_get_n_searches (window) == 0 || first_frame_ms < 0)
    g_main_context_iteration (NULL, TRUE);
  filled_us = g_get_monotonic_time ();
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_print ("first frame:   %.0f ms (RSS %ld MB)\n", first_frame_ms, first_frame_rss);
  g_print ("list filled:   %.0f ms (%u rows listed)\n", (filled_us - start_us) / 1000.0,
           g_list_model_get_n_items (cf_window_get_transactions (window)));
  g_print ("RSS after:     %ld MB\n", rss_mb ());

  {
    g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
    g_autoptr(CfTransactionList) all = cf_transaction_list_new (store, q, NULL, NULL);
    CfTransaction *t = g_list_model_get_item (G_LIST_MODEL (all), g_list_model_get_n_items (G_LIST_MODEL (all)) / 2);

    voucher = g_strdup (cf_transaction_get_voucher_no (t));
    ref = g_strdup (cf_transaction_get_ref_no (t));
    auth = g_strdup_printf ("%s", cf_transaction_get_card_last4 (t));
    day = g_strdup_printf ("%.10s 12:", cf_transaction_get_local_time (t));
    spoken_day = g_strdup_printf ("%.10s 晚上8点", cf_transaction_get_local_time (t));
    miss = g_strdup_printf ("%.10s %s 8pm 88.80", cf_transaction_get_local_time (t), cf_transaction_get_card_last4 (t));
    g_object_unref (t);
  }
  searches[0] = voucher;
  searches[1] = ref;
  searches[2] = auth;
  searches[3] = "88.00";
  searches[4] = day;
  searches[5] = "visa refund";
  searches[6] = "about 8pm";
  searches[7] = spoken_day;

  g_print ("%-28s %8s %10s %10s\n", "search", "rows", "cold ms", "warm ms");
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      guint rows;
      double cold = time_search (store, searches[i], &rows);
      double warm = time_search (store, searches[i], &rows);

      g_print ("%-28s %8u %10.1f %10.1f\n", searches[i], rows, cold, warm);
    }

  /* A search that finds nothing, and what the window then offers. */
  {
    g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
    g_autoptr(GPtrArray) understood = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GPtrArray) misses = NULL;
    guint rows = 0;
    gint64 t0;

    cf_transaction_query_add_search (q, miss, now, understood);
    t0 = g_get_monotonic_time ();
    misses = cf_near_misses_find (store, q, NULL);
    for (guint i = 0; misses != NULL && i < misses->len; i++)
      rows += ((CfNearMiss *) g_ptr_array_index (misses, i))->transactions->len;
    g_print ("near misses of “%s”: %u kinds, %u rows, %.1f ms\n", miss, misses != NULL ? misses->len : 0, rows,
             (g_get_monotonic_time () - t0) / 1000.0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_free (spoken_day);
  g_free (miss);
  g_free (voucher);
  g_free (ref);
  g_free (auth);
  g_free (day);
  return 0;
}
