/* cf-test-server.c — the tests on a PostgreSQL server: a throwaway database per test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cf-audit-anchors.h"
#include "cf-test-server.h"

/**
 * cf_test_on_server:
 *
 * Returns: whether this run is the PostgreSQL one
 */
gboolean
cf_test_on_server (void)
{
  return g_strcmp0 (g_getenv ("COUNTERFOIL_TEST_ENGINE"), "postgres") == 0;
}

static void
run_on_maintenance (const char *sql)
{
  g_autofree char *conninfo = g_strdup_printf ("%s dbname=postgres", g_getenv ("COUNTERFOIL_TEST_SERVER"));
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot reach the test cluster (%s): %s", conninfo, PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

/**
 * cf_test_server_create_db:
 *
 * Returns: (transfer full): the connection string of a new, empty database
 */
char *
cf_test_server_create_db (void)
{
  static guint n;
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;

  if (g_getenv ("COUNTERFOIL_TEST_SERVER") == NULL)
    g_error ("COUNTERFOIL_TEST_ENGINE=postgres needs COUNTERFOIL_TEST_SERVER, the test cluster "
             "(build-aux/dev test starts one)");
  name = g_strdup_printf ("cf_test_%d_%u_%u", (int) getpid (), ++n, g_random_int ());
  sql = g_strdup_printf ("CREATE DATABASE %s", name);
  run_on_maintenance (sql);
  return g_strdup_printf ("%s dbname=%s", g_getenv ("COUNTERFOIL_TEST_SERVER"), name);
}

/**
 * cf_test_server_drop_db:
 *
 * Drops the database of @conninfo, the connections still on it too.
 */
void
cf_test_server_drop_db (const char *conninfo)
{
  const char *name = conninfo != NULL ? strstr (conninfo, "dbname=") : NULL;
  g_autofree char *sql = NULL;

  if (name == NULL)
    return;
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name + strlen ("dbname="));
  run_on_maintenance (sql);
}

/**
 * cf_test_server_recreate_db:
 *
 * Empties the database of @conninfo: dropped and made again, as a file is
 * removed so that the next command makes it anew.
 */
void
cf_test_server_recreate_db (const char *conninfo)
{
  const char *name = strstr (conninfo, "dbname=");
  g_autofree char *sql = NULL;
  g_autofree char *anchors = cf_audit_anchors_path (conninfo);

  g_assert_nonnull (name);
  cf_test_server_drop_db (conninfo);
  sql = g_strdup_printf ("CREATE DATABASE %s", name + strlen ("dbname="));
  run_on_maintenance (sql);
  g_unlink (anchors);
}

/**
 * cf_test_needs_file:
 *
 * For a test of what only a database file has (its bytes on disk, its
 * backup copies): skipped on a server.
 *
 * Returns: whether the test must stop here
 */
gboolean
cf_test_needs_file (void)
{
  if (!cf_test_on_server ())
    return FALSE;
  g_test_skip ("a database file's own behaviour");
  return TRUE;
}

/**
 * cf_test_server_make_login:
 *
 * A database user of the test cluster that may log in (through the
 * cluster's socket, trusted), made once: the cluster's roles outlive its
 * databases.
 */
void
cf_test_server_make_login (const char *name)
{
  g_autofree char *sql = g_strdup_printf ("DO $$ BEGIN IF to_regrole ('%s') IS NULL THEN CREATE ROLE %s LOGIN; "
                                          "END IF; END $$", name, name);

  run_on_maintenance (sql);
}
