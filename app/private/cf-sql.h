/* cf-sql.h — small helpers for SQLite statements: binding, reading, rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

int        cf_sql_bind_text        (sqlite3_stmt            *stmt,
                                    int                      index,
                                    const char              *text,
                                    sqlite3_destructor_type  destroy);
int        cf_sql_bind_identifier  (sqlite3_stmt            *stmt,
                                    int                      index,
                                    const char              *text,
                                    sqlite3_destructor_type  destroy);
char      *cf_sql_dup_text         (sqlite3_stmt            *stmt,
                                    int                      column);
GPtrArray *cf_sql_collect_rows     (sqlite3_stmt            *stmt);

/* A statement finalized when it goes out of scope:
 * g_autoptr(sqlite3_stmt) stmt = cf_store_prepare (…); */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
