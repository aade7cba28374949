/* test-chain-page.c — the Shops section under Xvfb: a head office's desk on a chain
 *
 * Needs the test cluster (COUNTERFOIL_TEST_SERVER, which build-aux/dev test
 * starts for every suite); skipped without it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-audit-anchors.h"
#include "cf-audit-page-private.h"
#include "cf-auth.h"
#include "cf-chain-page-private.h"
#include "cf-chain.h"
#include "cf-demo.h"
#include "cf-loss-service.h"
#include "cf-test-server.h"
#include "cf-test-window.h"

static gboolean
chain_read (gpointer data)
{
  return !cf_chain_page_is_loading (data);
}

static gboolean
chain_found (gpointer data)
{
  return !cf_chain_page_is_finding (data);
}

static CfStore *
open_shop (const char *target,
           guint32     demo_seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 11, 29, 12, 0, 0);
  CfStore *store = cf_store_open (target, &error);

  g_assert_no_error (error);
  if (demo_seed != 0)
    {
      g_assert_true (cf_demo_populate (store, 200, demo_seed, until, NULL, &error));
      g_assert_true (cf_demo_add_shifts (store, 2, &error));
    }
  else
    g_assert_true (cf_auth_create_first_manager (store, "099", "周敏", CF_DEMO_PIN, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_head_office_sees_every_shop (void)
{
  g_autofree char *conninfo = cf_test_server_create_db ();
  g_autofree char *north_target = g_strdup_printf ("%s user=alice shop=north", conninfo);
  g_autofree char *south_target = g_strdup_printf ("%s user=bob shop=south", conninfo);
  g_autofree char *hq_target = g_strdup_printf ("%s user=carol shop=hq", conninfo);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) north = NULL;
  g_autoptr(CfStore) south = NULL;
  g_autoptr(CfStore) hq = NULL;
  g_autofree char *north_row = NULL;
  g_autofree char *south_row = NULL;
  CfLossIncidentInfo info = { "2026-11-20 00:00:00", "2026-11-21 00:00:00", "商户联整卷遗失", "human", "001",
                              "2026-11-21 09:00:00", "001", NULL };
  CfLossSlip slip = { 0, FALSE, NULL, NULL, CF_LOSS_REMEDY_REQUEST, NULL, "acquirer" };
  const char *targets[] = { north_target, south_target, hq_target };
  CfWindow *window;
  CfChainPage *page;

  cf_test_server_make_login ("alice");
  cf_test_server_make_login ("bob");
  cf_test_server_make_login ("carol");
  g_assert_true (cf_chain_add_shop (conninfo, "north", "北区店", NULL, FALSE, &error));
  g_assert_true (cf_chain_add_shop (conninfo, "south", "南区店", NULL, FALSE, &error));
  g_assert_true (cf_chain_add_shop (conninfo, "hq", "总部", NULL, TRUE, &error));
  g_assert_true (cf_chain_grant_desk (conninfo, "north", "alice", &error));
  g_assert_true (cf_chain_grant_desk (conninfo, "south", "bob", &error));
  g_assert_true (cf_chain_grant_desk (conninfo, "hq", "carol", &error));
  g_assert_no_error (error);
  north = open_shop (north_target, 5);
  south = open_shop (south_target, 6);
  hq = open_shop (hq_target, 0);
  slip.transaction_id = cf_test_query_int (north, "SELECT min (id) FROM transactions");
  g_assert_cmpint (cf_loss_create_incident (north, &info, &slip, 1, "099", &error), ==, 1);

  /* The head office's window opens on its shops, each with what it has open. */
  window = cf_test_show_window (hq, NULL);
  page = cf_window_get_chain_page (window);
  cf_test_wait_for (chain_read, page);
  cf_test_drain_main_loop ();
  g_assert_true (cf_chain_page_is_available (page));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "shops");
  g_assert_cmpuint (cf_chain_page_get_n_shown (page), ==, 2);
  /* Its own audit log, filtered as a manager filters it, reads on a server too. */
  cf_audit_page_reload (cf_window_get_audit_page (window));
  g_assert_cmpuint (cf_audit_page_get_n_shown (cf_window_get_audit_page (window)), >, 0);
  north_row = cf_chain_page_dup_row_text (page, 0);
  south_row = cf_chain_page_dup_row_text (page, 1);
  g_test_message ("%s\n%s", north_row, south_row);
  g_assert_nonnull (strstr (north_row, "北区店"));
  g_assert_nonnull (strstr (north_row, "1 open loss"));
  g_assert_nonnull (strstr (north_row, "unsigned handover"));
  g_assert_null (strstr (south_row, "open loss"));

  /* A customer calls about a payment: found in its shop, searching every one. */
  {
    g_autofree char *ref = cf_test_query_text (north, "SELECT ref_no FROM transactions WHERE ref_no IS NOT NULL "
                                                      "ORDER BY id LIMIT 1");
    g_autofree char *row = NULL;

    cf_chain_page_find (page, ref);
    cf_test_wait_for (chain_found, page);
    cf_test_drain_main_loop ();
    g_assert_cmpuint (cf_chain_page_get_n_found (page), ==, 1);
    row = cf_chain_page_dup_found_text (page, 0);
    g_test_message ("%s", row);
    g_assert_nonnull (strstr (row, "北区店"));
    g_assert_nonnull (strstr (row, ref));
  }

  /* The selector narrows the list to one shop. */
  cf_chain_page_select_shop (page, "south");
  cf_test_drain_main_loop ();
  g_assert_cmpuint (cf_chain_page_get_n_shown (page), ==, 1);
  g_clear_pointer (&south_row, g_free);
  south_row = cf_chain_page_dup_row_text (page, 0);
  g_assert_nonnull (strstr (south_row, "南区店"));
  cf_test_close_window (window);

  /* A shop's own desk has no Shops section. */
  window = cf_test_show_window (north, NULL);
  page = cf_window_get_chain_page (window);
  cf_test_wait_for (chain_read, page);
  cf_test_drain_main_loop ();
  g_assert_false (cf_chain_page_is_available (page));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), !=, "shops");
  cf_test_close_window (window);

  g_clear_object (&north);
  g_clear_object (&south);
  g_clear_object (&hq);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *anchors = cf_audit_anchors_path (targets[i]);

      g_unlink (anchors);
    }
  cf_test_server_drop_db (conninfo);
}

int
main (int    argc,
      char **argv)
{
  if (!cf_test_window_init (&argc, &argv))
    return 0;
  if (g_getenv ("COUNTERFOIL_TEST_SERVER") == NULL)
    {
      g_test_skip ("a chain's shops need the test cluster (COUNTERFOIL_TEST_SERVER)");
      return g_test_run ();
    }
  g_test_add_func ("/chain-page/head-office-sees-every-shop", test_head_office_sees_every_shop);
  return g_test_run ();
}
