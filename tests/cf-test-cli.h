/* cf-test-cli.h — running the real program from a test, as a person runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cf-test-util.h"

G_BEGIN_DECLS

/* The PIN every operator of cf_test_cli_setup() has. */
#define CF_TEST_PIN "2580"

typedef struct
{
  char *out;
  char *err;
  int   status;
} CfTestRun;

/* Who cf_test_counterfoil() runs commands as (--operator; NULL: nobody). */
extern const char *cf_test_cli_operator;

gboolean cf_test_cli_init (int            *argc,
                           char         ***argv);
void cf_test_run_clear    (CfTestRun     *run);
void cf_test_counterfoil  (CfTestRun     *run,
                           const char    *db,
                           ...) G_GNUC_NULL_TERMINATED;
void cf_test_cli_setup    (CfTestDb      *f,
                           gconstpointer  data);
void cf_test_cli_set_env  (const char    *name,
                           const char    *value);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CfTestRun, cf_test_run_clear)

/* A test on a database with a manager (099) and two clerks (01, 02). */
#define CF_TEST_ADD_CLI(path, func) \
  g_test_add (path, CfTestDb, NULL, cf_test_cli_setup, func, cf_test_db_teardown)

G_END_DECLS
