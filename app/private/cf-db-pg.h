/* cf-db-pg.h — the engine boundary's server side, through libpq; only cf-db.c calls it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CfDbPg     CfDbPg;
typedef struct _CfDbPgStmt CfDbPgStmt;

typedef void (*CfDbPgWaiting) (gpointer user_data);

gboolean     cf_db_pg_conninfo_has_password (const char *target);
char        *cf_db_pg_split_shop           (const char  *target,
                                            char       **shop);
gboolean     cf_db_pg_shop_code_is_valid   (const char  *code);
gboolean     cf_db_pg_reads_only           (CfDbPg      *db);
gboolean     cf_db_pg_is_head_office       (CfDbPg      *db);
void         cf_db_pg_set_waiting          (CfDbPg       *db,
                                            CfDbPgWaiting waiting,
                                            gpointer      user_data);
char        *cf_db_pg_describe             (const char  *target);
CfDbPg      *cf_db_pg_open                 (const char  *target,
                                            char       **message);
void         cf_db_pg_close                (CfDbPg      *db);
const char  *cf_db_pg_errmsg               (CfDbPg      *db);
int          cf_db_pg_errcode              (CfDbPg      *db);
int          cf_db_pg_exec                 (CfDbPg      *db,
                                            const char  *sql);
int          cf_db_pg_prepare              (CfDbPg      *db,
                                            const char  *sql,
                                            CfDbPgStmt **stmt);
gint64       cf_db_pg_last_insert_rowid    (CfDbPg      *db);
gint64       cf_db_pg_data_version         (CfDbPg      *db);
gboolean     cf_db_pg_is_connected         (CfDbPg      *db);
int          cf_db_pg_changes              (CfDbPg      *db);
void         cf_db_pg_lock_timeout         (CfDbPg      *db,
                                            int          ms);

int          cf_db_pg_step                 (CfDbPgStmt  *stmt);
int          cf_db_pg_send                 (CfDbPgStmt  *stmt);
int          cf_db_pg_reset                (CfDbPgStmt  *stmt);
int          cf_db_pg_clear_bindings       (CfDbPgStmt  *stmt);
void         cf_db_pg_finalize             (CfDbPgStmt  *stmt);
int          cf_db_pg_bind_parameter_count (CfDbPgStmt  *stmt);
int          cf_db_pg_bind_int64           (CfDbPgStmt  *stmt,
                                            int          index,
                                            gint64       value);
int          cf_db_pg_bind_text            (CfDbPgStmt  *stmt,
                                            int          index,
                                            const char  *text,
                                            int          length);
int          cf_db_pg_bind_blob            (CfDbPgStmt  *stmt,
                                            int          index,
                                            const void  *data,
                                            int          length);
int          cf_db_pg_column_count         (CfDbPgStmt  *stmt);
const char  *cf_db_pg_column_name          (CfDbPgStmt  *stmt,
                                            int          column);
int          cf_db_pg_column_type          (CfDbPgStmt  *stmt,
                                            int          column);
gint64       cf_db_pg_column_int64         (CfDbPgStmt  *stmt,
                                            int          column);
const char  *cf_db_pg_column_text          (CfDbPgStmt  *stmt,
                                            int          column);
const void  *cf_db_pg_column_blob          (CfDbPgStmt  *stmt,
                                            int          column,
                                            gsize       *size);

/* cf-db-pg-sql.c: SQLite's dialect, as the services write it, in the server's */
typedef gboolean (*CfDbPgHasId) (const char *table,
                                 gpointer    user_data);

char        *cf_db_pg_translate            (const char  *sql,
                                            CfDbPgHasId  has_id,
                                            gpointer     user_data,
                                            int         *n_params,
                                            gboolean    *returns_id);

G_END_DECLS
