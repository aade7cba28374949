/* cf-test-util.h — fixtures shared by the tests: a fresh database per test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cf-import-report.h"
#include "cf-store.h"
#include "cf-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  char    *dir;
  char    *db_path;
  CfStore *store;
} CfTestDb;

void     cf_test_db_setup        (CfTestDb      *fixture,
                                  gconstpointer  data);
void     cf_test_db_add_demo     (CfTestDb      *fixture,
                                  guint          n_transactions,
                                  guint32        seed);
void     cf_test_db_teardown     (CfTestDb      *fixture,
                                  gconstpointer  data);
char    *cf_test_data_path       (const char    *name);
gboolean cf_test_file_has_pan    (const char    *path,
                                  char         **found);
const char *const *cf_test_pan_forms (void);
gboolean cf_test_text_has_pan    (const char    *text);
void     cf_test_assert_no_pan_stored (CfStore *store);
char    *cf_test_assert_pdf_valid (const char   *pdf);
CfImportReport *cf_test_import (CfTestDb     *f,
                                const char   *name,
                                GError      **error);
gint64   cf_test_query_int       (CfStore       *store,
                                  const char    *sql);
char    *cf_test_query_text      (CfStore       *store,
                                  const char    *sql);
void     cf_test_allow_tampering (CfStore       *store,
                                  const char    *table);
void     cf_test_rm_rf           (const char    *dir);
void     cf_test_add_operator    (CfStore       *store,
                                  const char    *operator_no,
                                  const char    *name,
                                  CfRole         role);

G_END_DECLS
