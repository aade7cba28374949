/* test-shops.c — a chain's shops on one PostgreSQL server
 *
 * Runs in the server suite only. Each test makes a chain of two shops and
 * a head office in a throwaway database, with a database user for each
 * (alice at north, bob at south, carol at the head office), and checks
 * that the server — not the program — keeps the shops apart, that each
 * shop numbers and chains on its own, that the head office reads every
 * shop and writes none, and that shops' files move in and their backups
 * come back each on their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-audit-anchors.h"
#include "cf-auth.h"
#include "cf-chain-find.h"
#include "cf-chain-overview.h"
#include "cf-demo.h"
#include "cf-duplicate-issuer.h"
#include "cf-loss-service.h"
#include "cf-store-private.h"
#include "cf-test-server.h"
#include "cf-test-util.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

typedef struct
{
  char *conninfo;    /* the chain's database, as its administrator */
  char *north;       /* alice's desk at north */
  char *south;       /* bob's desk at south */
  char *head_office; /* carol's desk at the head office */
  char *dir;
} Fixture;

static char *
desk (const Fixture *f,
      const char    *user,
      const char    *shop)
{
  return g_strdup_printf ("%s user=%s shop=%s", f->conninfo, user, shop);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->conninfo = cf_test_server_create_db ();
  f->dir = g_dir_make_tmp ("counterfoil-shops-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    cf_test_server_make_login ((const char *[]) { "alice", "bob", "carol" }[i]);
  g_assert_true (cf_chain_add_shop (f->conninfo, "north", "北区店", "898310048160001", FALSE, &error));
  g_assert_true (cf_chain_add_shop (f->conninfo, "south", "South", NULL, FALSE, &error));
  g_assert_true (cf_chain_add_shop (f->conninfo, "hq", "Head office", NULL, TRUE, &error));
  g_assert_true (cf_chain_grant_desk (f->conninfo, "north", "alice", &error));
  g_assert_true (cf_chain_grant_desk (f->conninfo, "south", "bob", &error));
  g_assert_true (cf_chain_grant_desk (f->conninfo, "hq", "carol", &error));
  g_assert_no_error (error);
  f->north = desk (f, "alice", "north");
  f->south = desk (f, "bob", "south");
  f->head_office = desk (f, "carol", "hq");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  const char *targets[] = { f->north, f->south, f->head_office };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *anchors = cf_audit_anchors_path (targets[i]);

      g_unlink (anchors);
    }
  cf_test_server_drop_db (f->conninfo);
  cf_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->conninfo);
  g_free (f->north);
  g_free (f->south);
  g_free (f->head_office);
}

static CfStore *
open_demo (const char *target,
           guint       n_transactions,
           guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 11, 29, 12, 0, 0);
  CfStore *store = cf_store_open (target, &error);

  g_assert_no_error (error);
  g_assert_true (cf_demo_populate (store, n_transactions, seed, until, NULL, &error));
  g_assert_true (cf_demo_add_shifts (store, 3, &error));
  g_assert_no_error (error);
  return store;
}

/* Whether @sql fails on @store's connection, and says why. */
static gboolean
refused (CfStore    *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (cf_store_exec (store, sql, &error))
    return FALSE;
  g_test_message ("%s: %s", sql, error->message);
  return TRUE;
}

static void
test_kept_apart_by_the_server (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) north = open_demo (f->north, 300, 11);
  g_autoptr(CfStore) south = open_demo (f->south, 200, 12);
  g_autoptr(CfStore) stray = NULL;
  g_autofree char *alice_at_south = desk (f, "alice", "south");
  g_autofree char *unknown = desk (f, "alice", "west");
  g_autofree char *bad_code = desk (f, "alice", "North-1");

  g_assert_cmpstr (cf_store_get_shop (north), ==, "north");
  g_assert_cmpint (cf_store_count_transactions (north, NULL), ==, 300);
  g_assert_cmpint (cf_store_count_transactions (south, NULL), ==, 200);

  /* A desk of another shop, a shop that is not there, a code that cannot be one. */
  stray = cf_store_open (alice_at_south, &error);
  g_assert_null (stray);
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "not one of the desks of shop south"));
  g_clear_error (&error);
  g_assert_null (cf_store_open (unknown, &error));
  g_assert_nonnull (strstr (error->message, "no shop west"));
  g_clear_error (&error);
  g_assert_null (cf_store_open (bad_code, &error));
  g_assert_nonnull (strstr (error->message, "not a shop's code"));
  g_clear_error (&error);

  /* The server refuses what the program would never send. */
  g_assert_true (refused (north, "SELECT count (*) FROM shop_south.transactions"));
  g_assert_true (refused (north, "SET ROLE counterfoil_shop_south"));
  g_assert_true (refused (north, "INSERT INTO shop_south.audit_log (at, action) VALUES ('x', 'forged')"));
  g_assert_true (refused (north, "SET search_path = shop_south; SELECT count (*) FROM transactions"));

  /* What south's desks write wakes none of north's windows; what another
   * north desk writes does. An announcement travels a socket: the test
   * waits for it as a window would, and the quiet case waits as long. */
  {
    g_autoptr(CfStore) other_north = cf_store_open (f->north, &error);
    gint64 before = cf_store_get_data_version (north);

    g_assert_no_error (error);
    g_assert_true (cf_store_add_audit_entry (south, "099", "test", NULL, 0, NULL, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < 50; i++)
      {
        g_assert_cmpint (cf_store_get_data_version (north), ==, before);
        g_usleep (10000);
      }
    g_assert_true (cf_store_add_audit_entry (other_north, "099", "test", NULL, 0, NULL, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < 200 && cf_store_get_data_version (north) == before; i++)
      g_usleep (10000);
    g_assert_cmpint (cf_store_get_data_version (north), !=, before);
  }

  /* Without a shop, a chain's database is not opened as one more shop. */
  g_assert_null (cf_store_open (f->conninfo, &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OTHER_SHOP);
  g_assert_nonnull (strstr (error->message, "hq, north, south"));
}

/* The duplicates go nowhere: the test counts their numbers. */
static gboolean
render_nothing (GPtrArray  *docs,
                gpointer    user_data,
                GError    **error)
{
  return TRUE;
}

static void
test_numbers_and_chains_per_shop (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CfStore *shops[2] = { open_demo (f->north, 120, 21), open_demo (f->south, 80, 22) };

  for (guint s = 0; s < G_N_ELEMENTS (shops); s++)
    {
      g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      gint64 broken = -1;
      gint64 entries_before = cf_test_query_int (shops[s], "SELECT count (*) FROM audit_log");
      CfLossIncidentInfo info = { "2026-11-20 00:00:00", "2026-11-21 00:00:00", "lost roll", "human",
                                  "001", "2026-11-21 09:00:00", "001", NULL };

      query->limit = 1;
      found = cf_store_find_transactions (shops[s], query, &error);
      g_assert_no_error (error);
      g_ptr_array_add (one, found->pdata[0]);
      for (guint n = 1; n <= 3; n++)
        {
          g_autoptr(GPtrArray) issued = cf_duplicate_issue (shops[s], one, CF_RECEIPT_COPY_MERCHANT,
                                                            CF_DUPLICATE_REASON_CUSTOMER, NULL, "099", "print", 32,
                                                            render_nothing, NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (((CfDuplicateRecord *) issued->pdata[0])->number, ==, n);
        }
      {
        CfLossSlip slip = { cf_transaction_get_id (found->pdata[0]), FALSE, NULL, NULL, CF_LOSS_REMEDY_REQUEST,
                            NULL, "acquirer" };

        /* Each shop's first incident and request are No. 1: numbers are the shop's. */
        g_assert_cmpint (cf_loss_create_incident (shops[s], &info, &slip, 1, "099", &error), ==, 1);
        g_assert_no_error (error);
        g_assert_cmpint (cf_test_query_int (shops[s], "SELECT max (id) FROM replacement_requests"), ==, 1);
      }
      {
        /* As the details pane lists it: the incident, the remedy, its request and state. */
        g_autoptr(GPtrArray) losses = cf_loss_list_for_transaction (shops[s], cf_transaction_get_id (found->pdata[0]),
                                                                    &error);
        GStrv row;

        g_assert_no_error (error);
        g_assert_cmpuint (losses->len, ==, 1);
        row = losses->pdata[0];
        g_assert_cmpstr (row[0], ==, "1");
        g_assert_cmpstr (row[3], ==, "request");
        g_assert_cmpstr (row[4], ==, "1");
        g_assert_cmpstr (row[5], ==, "draft");
      }
      /* Its audit chain is its own: gap-free, and it holds. */
      g_assert_cmpint (cf_test_query_int (shops[s], "SELECT count (*) FROM audit_log"), >, entries_before);
      g_assert_cmpint (cf_test_query_int (shops[s], "SELECT max (id) FROM audit_log"), ==,
                       cf_test_query_int (shops[s], "SELECT count (*) FROM audit_log"));
      g_assert_true (cf_store_verify_audit_chain (shops[s], &broken, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (broken, ==, 0);
    }
  g_object_unref (shops[0]);
  g_object_unref (shops[1]);
}

/* Desks of two shops at once, two at each, issuing duplicates of one sale
 * of their shop: each shop numbers its own, 1 to N, and chains its own. */
static void
test_shops_write_at_once (Fixture       *f,
                          gconstpointer  data)
{
  enum { DESKS_PER_SHOP = 2, ROUNDS = 5 };
  const char *targets[] = { f->north, f->south };
  GSubprocess *desks[G_N_ELEMENTS (targets) * DESKS_PER_SHOP];
  gint64 sale[G_N_ELEMENTS (targets)];
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GError) error = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (targets); s++)
    {
      g_autoptr(CfStore) store = open_demo (targets[s], 60, 60 + s);

      sale[s] = cf_test_query_int (store, "SELECT min (id) FROM transactions WHERE type = 'sale'");
    }
  g_subprocess_launcher_setenv (launcher, "COUNTERFOIL_PIN", CF_DEMO_PIN, TRUE);
  for (guint d = 0; d < G_N_ELEMENTS (desks); d++)
    {
      guint s = d / DESKS_PER_SHOP;
      g_autoptr(GString) script = g_string_new ("set -e\n");
      g_autofree char *exe = g_shell_quote (g_getenv ("COUNTERFOIL_EXE"));
      g_autofree char *db = g_shell_quote (targets[s]);

      for (guint r = 0; r < ROUNDS; r++)
        /* A clerk of its own at each desk: two desks signing one operator in
         * at the same moment may be told to wait. */
        g_string_append_printf (script, "%s --db %s --operator 00%u duplicate %lld --reason customer "
                                        "--out '%s/dup-%u-%u.pdf'\n",
                                exe, db, d % DESKS_PER_SHOP + 1, (long long) sale[s], f->dir, d, r);
      desks[d] = g_subprocess_launcher_spawn (launcher, &error, "/bin/sh", "-c", script->str, NULL);
      g_assert_no_error (error);
    }
  for (guint d = 0; d < G_N_ELEMENTS (desks); d++)
    {
      g_autofree char *said = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (desks[d], NULL, NULL, NULL, &said, &error));
      if (said != NULL && *said != '\0')
        g_test_message ("desk %u said: %s", d, said);
      g_assert_true (g_subprocess_get_successful (desks[d]));
      g_object_unref (desks[d]);
    }
  for (guint s = 0; s < G_N_ELEMENTS (targets); s++)
    {
      g_autoptr(CfStore) store = cf_store_open (targets[s], &error);
      gint64 broken = -1;

      g_assert_no_error (error);
      g_assert_cmpint (cf_test_query_int (store, "SELECT count (DISTINCT number) FROM duplicates"), ==,
                       DESKS_PER_SHOP * ROUNDS);
      g_assert_cmpint (cf_test_query_int (store, "SELECT max (number) FROM duplicates"), ==, DESKS_PER_SHOP * ROUNDS);
      g_assert_cmpint (cf_test_query_int (store, "SELECT max (id) FROM audit_log"), ==,
                       cf_test_query_int (store, "SELECT count (*) FROM audit_log"));
      g_assert_true (cf_store_verify_audit_chain (store, &broken, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (broken, ==, 0);
    }
}

static void
test_head_office_reads_every_shop (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) north = open_demo (f->north, 150, 31);
  g_autoptr(CfStore) south = open_demo (f->south, 90, 32);
  g_autoptr(CfStore) reading = NULL;
  g_autoptr(GPtrArray) overviews = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 30, 10, 0, 0);
  g_autofree char *carol_at_north = desk (f, "carol", "north");
  CfLossIncidentInfo info = { "2026-11-20 00:00:00", "2026-11-21 00:00:00", "lost roll", "human", "001",
                              "2026-11-21 09:00:00", "001", NULL };
  CfLossSlip slip = { cf_test_query_int (north, "SELECT min (id) FROM transactions"), FALSE, NULL, NULL,
                      CF_LOSS_REMEDY_REQUEST, NULL, "acquirer" };
  CfShopOverview *o;

  g_assert_cmpint (cf_loss_create_incident (north, &info, &slip, 1, "099", &error), >, 0);
  g_assert_no_error (error);

  /* carol may read north, and only read. */
  reading = cf_store_open (carol_at_north, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_reads_only (reading));
  g_assert_cmpint (cf_store_count_transactions (reading, NULL), ==, 150);
  g_assert_null (cf_auth_sign_in (reading, "099", CF_DEMO_PIN, NULL, &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_READS_ONLY);
  g_clear_error (&error);
  g_assert_false (cf_store_add_audit_entry (reading, "099", "forged", NULL, 0, NULL, &error));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  /* Not only the session's setting: the server grants it nothing else. */
  g_assert_true (cf_store_exec (reading, "RESET default_transaction_read_only", &error));
  g_assert_true (refused (reading, "DELETE FROM loss_slips"));
  g_assert_true (refused (reading, "INSERT INTO audit_log (at, action) VALUES ('x', 'forged')"));
  g_assert_true (refused (reading, "SET ROLE counterfoil_shop_north"));

  /* The overview: every shop but the head office, with what is open in each. */
  overviews = cf_chain_overview (f->head_office, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overviews->len, ==, 2);
  o = overviews->pdata[0];
  g_assert_cmpstr (o->shop->code, ==, "north");
  g_assert_cmpstr (o->shop->name, ==, "北区店");
  g_assert_null (o->error);
  g_assert_cmpuint (o->open_losses->len, ==, 1);
  g_assert_cmpuint (o->unsigned_shifts->len, ==, (guint) cf_test_query_int (north,
    "SELECT count (*) FROM shifts WHERE ended_at IS NOT NULL AND id NOT IN (SELECT shift_id FROM handover_reports)"));
  g_assert_cmpuint (o->unsigned_shifts->len, >, 0);
  o = overviews->pdata[1];
  g_assert_cmpstr (o->shop->code, ==, "south");
  g_assert_null (o->error);
  g_assert_cmpuint (o->open_losses->len, ==, 0);

  /* A payment looked for in every shop is found in its own. */
  {
    g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
    g_autoptr(GPtrArray) found = NULL;

    query->ref_no = cf_test_query_text (north, "SELECT ref_no FROM transactions WHERE ref_no IS NOT NULL "
                                               "ORDER BY id LIMIT 1");
    found = cf_chain_find (f->head_office, query, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 2);
    g_assert_cmpstr (((CfShopFound *) found->pdata[0])->shop->code, ==, "north");
    g_assert_cmpuint (((CfShopFound *) found->pdata[0])->transactions->len, >=, 1);
    g_assert_null (((CfShopFound *) found->pdata[1])->error);
  }

  /* A shop that has not let the head office in (its grant lost) says so;
   * the next time one of its desks opens it, it does. */
  g_assert_true (cf_store_exec (south, "REVOKE USAGE ON SCHEMA shop_south FROM counterfoil_head_office", &error));
  g_clear_pointer (&overviews, g_ptr_array_unref);
  overviews = cf_chain_overview (f->head_office, now, NULL, &error);
  g_assert_no_error (error);
  o = overviews->pdata[1];
  g_assert_nonnull (o->error);
  g_assert_nonnull (strstr (o->error, "cannot read shop south yet"));
  g_clear_object (&south);
  south = cf_store_open (f->south, &error);
  g_assert_no_error (error);
  g_clear_pointer (&overviews, g_ptr_array_unref);
  overviews = cf_chain_overview (f->head_office, now, NULL, &error);
  g_assert_null (((CfShopOverview *) overviews->pdata[1])->error);

  /* A shop's desk is not the head office: it cannot read the others. */
  g_clear_pointer (&overviews, g_ptr_array_unref);
  overviews = cf_chain_overview (f->north, now, NULL, &error);
  g_assert_no_error (error);
  o = overviews->pdata[1];
  g_assert_cmpstr (o->shop->code, ==, "south");
  g_assert_nonnull (o->error);
  g_test_message ("%s", o->error);
}

static void
test_files_move_into_their_shops (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *targets[] = { f->north, f->south };

  /* Two shops' files: the same ids, the same audit entry numbers. */
  for (guint s = 0; s < G_N_ELEMENTS (targets); s++)
    {
      g_autofree char *path = g_strdup_printf ("%s/shop%u.db", f->dir, s);
      g_autoptr(CfStore) file = open_demo (path, 500 + 100 * s, 40 + s);
      g_autoptr(CfStore) server = NULL;
      g_autoptr(GPtrArray) on_file = NULL;
      g_autoptr(GPtrArray) on_server = NULL;
      g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
      CfMigrateResult result;
      gint64 broken = -1;

      g_assert_true (cf_store_migrate_to (file, targets[s], &result, &error));
      g_assert_no_error (error);
      g_assert_cmpint ((gint64) result.transactions, ==, cf_store_count_transactions (file, NULL));
      server = cf_store_open (targets[s], &error);
      g_assert_no_error (error);
      g_assert_cmpint (cf_test_query_int (server, "SELECT min (id) FROM transactions"), ==, 1);
      g_assert_true (cf_store_verify_audit_chain (server, &broken, NULL, &error));
      g_assert_cmpint (broken, ==, 0);
      query->limit = 50;
      on_file = cf_store_find_transactions (file, query, &error);
      on_server = cf_store_find_transactions (server, query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (on_server->len, ==, on_file->len);
      for (guint i = 0; i < on_file->len; i++)
        g_assert_cmpint (cf_transaction_get_amount_minor (on_file->pdata[i]), ==,
                         cf_transaction_get_amount_minor (on_server->pdata[i]));
      /* Again: nothing more. */
      g_assert_true (cf_store_migrate_to (file, targets[s], &result, &error));
      g_assert_true (result.already);
      g_assert_cmpuint (result.rows, ==, 0);
    }
}

static void
test_backup_and_restore_one_shop (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) north = open_demo (f->north, 200, 51);
  g_autoptr(CfStore) south = open_demo (f->south, 100, 52);
  g_autoptr(GPtrArray) overviews = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 30, 10, 0, 0);
  g_autofree char *dump = g_build_filename (f->dir, "north.dump", NULL);
  gint64 south_entries = cf_test_query_int (south, "SELECT count (*) FROM audit_log");

  /* The dump holds north alone. */
  g_assert_true (cf_store_backup (north, dump, &error));
  g_assert_no_error (error);
  g_assert_true (cf_store_exec (north, "DELETE FROM settings", &error));
  g_assert_true (cf_store_restore (north, dump, "099", 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_query_int (north, "SELECT count (*) FROM transactions"), ==, 200);
  g_assert_cmpint (cf_test_query_int (north, "SELECT count (*) FROM settings"), >, 0);
  g_assert_cmpint (cf_test_query_int (south, "SELECT count (*) FROM audit_log"), ==, south_entries);
  g_assert_cmpint (cf_test_query_int (south, "SELECT count (*) FROM transactions"), ==, 100);

  /* bob cannot put north's dump in place of south. */
  g_assert_false (cf_store_restore (south, dump, "099", 0, NULL, &error));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (cf_test_query_int (south, "SELECT count (*) FROM transactions"), ==, 100);

  /* The head office reads the restored shop still. */
  overviews = cf_chain_overview (f->head_office, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (((CfShopOverview *) overviews->pdata[0])->error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!cf_test_on_server ())
    {
      g_test_skip ("a chain's shops need the test cluster (suite server)");
      return g_test_run ();
    }
  g_test_add ("/shops/kept-apart-by-the-server", Fixture, NULL, fixture_setup, test_kept_apart_by_the_server,
              fixture_teardown);
  g_test_add ("/shops/numbers-and-chains-per-shop", Fixture, NULL, fixture_setup, test_numbers_and_chains_per_shop,
              fixture_teardown);
  g_test_add ("/shops/shops-write-at-once", Fixture, NULL, fixture_setup, test_shops_write_at_once,
              fixture_teardown);
  g_test_add ("/shops/head-office-reads-every-shop", Fixture, NULL, fixture_setup,
              test_head_office_reads_every_shop, fixture_teardown);
  g_test_add ("/shops/files-move-into-their-shops", Fixture, NULL, fixture_setup,
              test_files_move_into_their_shops, fixture_teardown);
  g_test_add ("/shops/backup-and-restore-one-shop", Fixture, NULL, fixture_setup,
              test_backup_and_restore_one_shop, fixture_teardown);
  return g_test_run ();
}
