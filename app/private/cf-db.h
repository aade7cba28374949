/* cf-db.h — the engine boundary: one connection and its statements, on
 * SQLite (a file) or PostgreSQL (a server), with SQLite's calling pattern
 *
 * The services of app/ prepare, bind, step and read through these functions
 * and never name an engine. They write SQL in the dialect the store has
 * always spoken (SQLite's); on a server, cf-db-pg-sql.c rewrites what differs
 * (placeholders, `BEGIN IMMEDIATE`, `INSERT OR IGNORE`, `IS ?`, …) and
 * cf-db-pg.c runs it through libpq. What only one engine has (SQLite's
 * online backup, its busy handler) is asked for by name with
 * cf_db_get_sqlite().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "cf-db-codes.h"

G_BEGIN_DECLS

typedef enum
{
  CF_DB_ENGINE_SQLITE,
  CF_DB_ENGINE_POSTGRES,
} CfDbEngine;

typedef sqlite3_destructor_type CfDbDestroy;
#define CF_DB_STATIC      SQLITE_STATIC
#define CF_DB_TRANSIENT   SQLITE_TRANSIENT

typedef struct _CfDb     CfDb;
typedef struct _CfDbStmt CfDbStmt;

gboolean     cf_db_is_conninfo         (const char   *target);
gboolean     cf_db_conninfo_has_password (const char *conninfo);
char        *cf_db_describe            (const char   *target);
char        *cf_db_split_shop          (const char   *target,
                                        char        **shop);
gboolean     cf_db_reads_only          (CfDb         *db);
gboolean     cf_db_is_head_office      (CfDb         *db);
gboolean     cf_db_shop_code_is_valid  (const char   *code);
CfDb        *cf_db_open                (const char   *target,
                                        gboolean      read_only,
                                        char        **message);
CfDb        *cf_db_borrow_sqlite       (sqlite3      *lite);
void         cf_db_close               (CfDb         *db);
CfDbEngine   cf_db_get_engine          (CfDb         *db);
sqlite3     *cf_db_get_sqlite          (CfDb         *db);
const char  *cf_db_errmsg              (CfDb         *db);
int          cf_db_errcode             (CfDb         *db);
int          cf_db_exec                (CfDb         *db,
                                        const char   *sql);
int          cf_db_prepare             (CfDb         *db,
                                        const char   *sql,
                                        CfDbStmt    **stmt);
gint64       cf_db_last_insert_rowid   (CfDb         *db);
gint64       cf_db_data_version        (CfDb         *db);
gboolean     cf_db_is_connected        (CfDb         *db);
int          cf_db_changes             (CfDb         *db);
void         cf_db_busy_timeout        (CfDb         *db,
                                        int           ms);
void         cf_db_set_waiting         (CfDb         *db,
                                        void        (*waiting) (gpointer user_data),
                                        gpointer      user_data);

int          cf_db_send                (CfDbStmt     *stmt);
int          cf_db_step                (CfDbStmt     *stmt);
int          cf_db_reset               (CfDbStmt     *stmt);
int          cf_db_clear_bindings      (CfDbStmt     *stmt);
void         cf_db_finalize            (CfDbStmt     *stmt);

int          cf_db_bind_parameter_count (CfDbStmt    *stmt);
int          cf_db_bind_int64          (CfDbStmt     *stmt,
                                        int           index,
                                        gint64        value);
int          cf_db_bind_int            (CfDbStmt     *stmt,
                                        int           index,
                                        int           value);
int          cf_db_bind_null           (CfDbStmt     *stmt,
                                        int           index);
int          cf_db_bind_text           (CfDbStmt     *stmt,
                                        int           index,
                                        const char   *text,
                                        int           length,
                                        CfDbDestroy   destroy);
int          cf_db_bind_blob           (CfDbStmt     *stmt,
                                        int           index,
                                        const void   *data,
                                        int           length,
                                        CfDbDestroy   destroy);

int          cf_db_column_count        (CfDbStmt     *stmt);
const char  *cf_db_column_name         (CfDbStmt     *stmt,
                                        int           column);
int          cf_db_column_type         (CfDbStmt     *stmt,
                                        int           column);
gint64       cf_db_column_int64        (CfDbStmt     *stmt,
                                        int           column);
int          cf_db_column_int          (CfDbStmt     *stmt,
                                        int           column);
const unsigned char *cf_db_column_text (CfDbStmt     *stmt,
                                        int           column);
const void  *cf_db_column_blob         (CfDbStmt     *stmt,
                                        int           column);
int          cf_db_column_bytes        (CfDbStmt     *stmt,
                                        int           column);

/* A statement finalized when it goes out of scope:
 * g_autoptr(CfDbStmt) stmt = cf_store_prepare (…); */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfDb, cf_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfDbStmt, cf_db_finalize)

G_END_DECLS
