/* cf-sql.h — small helpers for statements: binding, reading, rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "cf-db.h"

G_BEGIN_DECLS

int        cf_sql_bind_text        (CfDbStmt            *stmt,
                                    int                      index,
                                    const char              *text,
                                    CfDbDestroy  destroy);
int        cf_sql_bind_identifier  (CfDbStmt            *stmt,
                                    int                      index,
                                    const char              *text,
                                    CfDbDestroy  destroy);
char      *cf_sql_dup_text         (CfDbStmt            *stmt,
                                    int                      column);
GPtrArray *cf_sql_collect_rows     (CfDbStmt            *stmt);
void       cf_sql_append_rows      (GString             *sql,
                                    guint                n_rows,
                                    guint                n_columns);

/* SQLite's own statement, for what only reads a file (a backup's copy) */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
