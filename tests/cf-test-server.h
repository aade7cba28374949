/* cf-test-server.h — the tests on a PostgreSQL server: a throwaway database per test
 *
 * A test program registered a second time with COUNTERFOIL_TEST_ENGINE=postgres
 * runs every test of its on a fresh database of the cluster that
 * build-aux/dev test started (COUNTERFOIL_TEST_SERVER, a connection string
 * without a dbname).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  cf_test_on_server          (void);
char     *cf_test_server_create_db   (void);
void      cf_test_server_drop_db     (const char *conninfo);
void      cf_test_server_recreate_db (const char *conninfo);
gboolean  cf_test_needs_file         (void);
void      cf_test_server_make_login  (const char *name);

G_END_DECLS
