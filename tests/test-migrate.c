/* test-migrate.c — a shop's database file moved onto a PostgreSQL server
 *
 * Runs in the server suite only: each test makes a demo shop in a file and
 * moves it to a throwaway database of the test cluster.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-audit-anchors.h"
#include "cf-demo.h"
#include "cf-store-private.h"
#include "cf-test-util.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

typedef struct
{
  char    *dir;
  CfStore *file;
  char    *conninfo;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 11, 29, 12, 0, 0);
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("counterfoil-migrate-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "shop.db", NULL);
  f->file = cf_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cf_demo_populate (f->file, 3000, 7, until, NULL, &error));
  g_assert_true (cf_demo_add_shifts (f->file, 3, &error));
  g_assert_no_error (error);
  f->conninfo = cf_test_server_create_db ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *anchors = cf_audit_anchors_path (f->conninfo);

  g_clear_object (&f->file);
  g_unlink (anchors);
  cf_test_server_drop_db (f->conninfo);
  cf_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->conninfo);
}

static const char *const compared[] = {
  "SELECT count (*) FROM transactions",
  "SELECT count (*) FROM audit_log",
  "SELECT count (*) FROM shifts",
  "SELECT count (*) FROM handover_reports",
  "SELECT count (*) FROM operators",
  "SELECT sum (amount_minor) FROM transactions",
  "SELECT max (id) FROM transactions",
  "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
  "SELECT group_concat (sha256, ',') FROM (SELECT sha256 FROM handover_reports ORDER BY id)",
};

static void
test_moves_whole (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) server = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
  g_autoptr(GPtrArray) on_file = NULL;
  g_autoptr(GPtrArray) on_server = NULL;
  g_autoptr(GPtrArray) file_anchors = NULL;
  g_autoptr(GPtrArray) server_anchors = NULL;
  CfMigrateResult result;
  gint64 broken = -1;

  g_assert_true (cf_store_migrate_to (f->file, f->conninfo, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.already);
  g_assert_cmpuint (result.transactions, ==, 3000);
  g_assert_cmpuint (result.reports, >, 0);

  server = cf_store_open (f->conninfo, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_is_server (server));
  for (guint i = 0; i < G_N_ELEMENTS (compared); i++)
    {
      g_autofree char *a = cf_test_query_text (f->file, compared[i]);
      g_autofree char *b = cf_test_query_text (server, compared[i]);

      g_test_message ("%s: %s", compared[i], a);
      g_assert_cmpstr (a, ==, b);
    }

  /* The chain holds there, with the file's anchors vouching for it. */
  g_assert_true (cf_store_verify_audit_chain (server, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, 0);
  problems = cf_store_check (server, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  file_anchors = cf_audit_anchors_load (cf_store_get_path (f->file));
  server_anchors = cf_audit_anchors_load (f->conninfo);
  g_assert_cmpuint (file_anchors->len, >, 0);
  g_assert_cmpuint (server_anchors->len, ==, file_anchors->len);

  /* The same search finds the same sales, in the same order. */
  query->has_amount_range = TRUE;
  query->amount_min = 1000;
  query->amount_max = 5000;
  query->limit = 300;
  on_file = cf_store_find_transactions (f->file, query, &error);
  on_server = cf_store_find_transactions (server, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_file->len, >, 10);
  g_assert_cmpuint (on_server->len, ==, on_file->len);
  for (guint i = 0; i < on_file->len; i++)
    g_assert_cmpint (cf_transaction_get_id (on_file->pdata[i]), ==, cf_transaction_get_id (on_server->pdata[i]));

  /* New rows on the server follow the copy's numbers; new audit entries its chain. */
  g_assert_true (cf_store_add_audit_entry (server, "099", "test", NULL, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_query_int (server, "SELECT max (id) FROM audit_log"), ==,
                   cf_test_query_int (f->file, "SELECT max (id) FROM audit_log") + 1);
  g_assert_true (cf_store_verify_audit_chain (server, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, 0);
}

static void
test_again_adds_nothing (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) server = NULL;
  CfMigrateResult result;
  gint64 rows;

  g_assert_true (cf_store_migrate_to (f->file, f->conninfo, &result, &error));
  server = cf_store_open (f->conninfo, &error);
  g_assert_no_error (error);
  rows = cf_test_query_int (server, "SELECT count (*) FROM transactions") +
         cf_test_query_int (server, "SELECT count (*) FROM audit_log");

  /* The file goes on (a sign-in): the server's chain is still its start. */
  g_assert_true (cf_store_add_audit_entry (f->file, "099", "sign-in", "operator", 1, NULL, &error));
  g_assert_true (cf_store_migrate_to (f->file, f->conninfo, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.already);
  g_assert_cmpuint (result.rows, ==, 0);
  g_assert_cmpuint (result.file_entries_after, ==, 1);
  g_assert_cmpint (cf_test_query_int (server, "SELECT count (*) FROM transactions") +
                   cf_test_query_int (server, "SELECT count (*) FROM audit_log"), ==, rows);
}

static void
test_failure_leaves_server_as_it_was (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) server = cf_store_open (f->conninfo, &error);
  CfMigrateResult result;

  /* A rule on the server that the file's last sale breaks, far into the copy. */
  g_assert_no_error (error);
  g_assert_true (cf_store_exec (server, "ALTER TABLE transactions ADD CONSTRAINT not_the_last "
                                        "CHECK (id < 2990)", &error));
  g_assert_false (cf_store_migrate_to (f->file, f->conninfo, &result, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Nothing was copied"));
  g_assert_cmpuint (result.rows, ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (cf_test_query_int (server, "SELECT count (*) FROM transactions"), ==, 0);
  g_assert_cmpint (cf_test_query_int (server, "SELECT count (*) FROM merchants"), ==, 0);
  g_assert_cmpint (cf_test_query_int (server, "SELECT count (*) FROM audit_log"), ==, 0);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) server = cf_store_open (f->conninfo, &error);
  CfMigrateResult result;
  g_autofree char *with_password = g_strdup_printf ("%s password=secret", f->conninfo);

  /* Another shop's data on the server. */
  g_assert_no_error (error);
  g_assert_true (cf_store_add_audit_entry (server, "001", "import", NULL, 0, NULL, &error));
  g_assert_false (cf_store_migrate_to (f->file, f->conninfo, &result, &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OTHER_SHOP);
  g_clear_error (&error);
  g_assert_cmpint (cf_test_query_int (server, "SELECT count (*) FROM transactions"), ==, 0);

  /* A password on the command line. */
  g_assert_false (cf_store_migrate_to (f->file, with_password, &result, &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "pgpass"));
  g_clear_error (&error);

  /* A file whose audit log was altered. */
  cf_test_allow_tampering (f->file, "audit_log");
  g_assert_true (cf_store_exec (f->file, "UPDATE audit_log SET details = 'x' WHERE id = 2", &error));
  g_assert_false (cf_store_migrate_to (f->file, f->conninfo, &result, &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_CHAIN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!cf_test_on_server ())
    {
      g_test_skip ("moving a shop needs the test cluster (suite server)");
      return g_test_run ();
    }
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/migrate/moves-whole", test_moves_whole);
  ADD ("/migrate/again-adds-nothing", test_again_adds_nothing);
  ADD ("/migrate/failure-leaves-server-as-it-was", test_failure_leaves_server_as_it_was);
  ADD ("/migrate/refusals", test_refusals);
  return g_test_run ();
}
