/* cf-db.c — the engine boundary: SQLite's side, and the dispatch to the server's
 *
 * On SQLite a CfDbStmt is a thin wrapper of sqlite3_stmt; on PostgreSQL it
 * is cf-db-pg.c's statement. Both keep SQLite's result codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-db"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <string.h>

#include "cf-db-pg.h"
#include "cf-db.h"

struct _CfDb
{
  CfDbEngine  engine;
  sqlite3    *lite;
  CfDbPg     *pg;
  gboolean    borrowed;
};

struct _CfDbStmt
{
  sqlite3_stmt *lite;
  CfDbPgStmt   *pg;
};

/**
 * cf_db_is_conninfo:
 *
 * Returns: whether @target names a PostgreSQL server (`postgresql://…`,
 *   `postgres://…` or a `key=value` connection string such as
 *   `service=shop`) rather than a file
 */
gboolean
cf_db_is_conninfo (const char *target)
{
  const char *eq;

  if (target == NULL)
    return FALSE;
  if (g_str_has_prefix (target, "postgresql://") || g_str_has_prefix (target, "postgres://"))
    return TRUE;
  /* A keyword=value string: the first word is a libpq keyword, not a path. */
  eq = strchr (target, '=');
  if (eq == NULL || (strchr (target, '/') != NULL && strchr (target, '/') < eq))
    return FALSE;
  for (const char *p = target; p < eq; p++)
    if (!g_ascii_isalpha (*p) && *p != '_')
      return FALSE;
  return eq > target;
}

/**
 * cf_db_conninfo_has_password:
 *
 * Returns: whether @conninfo carries a password (refused: it belongs in
 *   libpq's password file or service file, not on a command line)
 */
gboolean
cf_db_conninfo_has_password (const char *conninfo)
{
  return cf_db_pg_conninfo_has_password (conninfo);
}

/**
 * cf_db_describe:
 *
 * Returns: (transfer full): @target as a person names it: the file's name,
 *   or `shop on db.example.com` for a server
 */
char *
cf_db_describe (const char *target)
{
  return cf_db_is_conninfo (target) ? cf_db_pg_describe (target) : g_path_get_basename (target);
}

/**
 * cf_db_split_shop:
 * @shop: (out) (transfer full) (optional) (nullable): the desk's shop, if
 *   @target names one (`shop=north` in a server's connection string)
 *
 * Returns: (transfer full): @target without the shop: a file's path as it
 *   was, a server's connection string as libpq and its tools read it
 */
char *
cf_db_split_shop (const char  *target,
                  char       **shop)
{
  if (cf_db_is_conninfo (target))
    return cf_db_pg_split_shop (target, shop);
  if (shop != NULL)
    *shop = NULL;
  return g_strdup (target);
}

/**
 * cf_db_is_head_office:
 *
 * Returns: whether the connection is a desk of a chain's head office
 */
gboolean
cf_db_is_head_office (CfDb *db)
{
  return db->pg != NULL && cf_db_pg_is_head_office (db->pg);
}

/**
 * cf_db_shop_code_is_valid:
 *
 * Returns: whether @code can name a chain's shop: 1 to 30 lower-case
 *   letters, digits or `_`
 */
gboolean
cf_db_shop_code_is_valid (const char *code)
{
  return cf_db_pg_shop_code_is_valid (code);
}

/**
 * cf_db_reads_only:
 *
 * Returns: whether the connection may only read: a head office's user in
 *   one of the chain's shops
 */
gboolean
cf_db_reads_only (CfDb *db)
{
  return db->pg != NULL && cf_db_pg_reads_only (db->pg);
}

/**
 * cf_db_open:
 * @target: a file path, `:memory:`, or a server's connection string
 * @message: (out) (transfer full): why it could not be opened
 *
 * Returns: (transfer full) (nullable): the connection
 */
CfDb *
cf_db_open (const char  *target,
            gboolean     read_only,
            char       **message)
{
  CfDb *db = g_new0 (CfDb, 1);

  if (cf_db_is_conninfo (target))
    {
      db->engine = CF_DB_ENGINE_POSTGRES;
      db->pg = cf_db_pg_open (target, message);
      if (db->pg == NULL)
        g_clear_pointer (&db, g_free);
      return db;
    }

  db->engine = CF_DB_ENGINE_SQLITE;
  if (sqlite3_open_v2 (target, &db->lite,
                       (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                       SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      *message = g_strdup (db->lite != NULL ? sqlite3_errmsg (db->lite) : g_strerror (ENOMEM));
      sqlite3_close (db->lite);
      g_free (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db->lite, 1);
  return db;
}

/**
 * cf_db_borrow_sqlite:
 *
 * Returns: (transfer full): @lite, an SQLite connection opened elsewhere (a
 *   backup's copy), seen through the boundary; closing it leaves @lite open
 */
CfDb *
cf_db_borrow_sqlite (sqlite3 *lite)
{
  CfDb *db = g_new0 (CfDb, 1);

  db->engine = CF_DB_ENGINE_SQLITE;
  db->lite = lite;
  db->borrowed = TRUE;
  return db;
}

void
cf_db_close (CfDb *db)
{
  if (db == NULL)
    return;
  if (db->lite != NULL && !db->borrowed)
    sqlite3_close_v2 (db->lite);
  if (db->pg != NULL)
    cf_db_pg_close (db->pg);
  g_free (db);
}

CfDbEngine
cf_db_get_engine (CfDb *db)
{
  return db->engine;
}

/**
 * cf_db_get_sqlite:
 *
 * Returns: (nullable): SQLite's own connection, for what only SQLite has
 *   (its backup, its busy handler); %NULL on a server
 */
sqlite3 *
cf_db_get_sqlite (CfDb *db)
{
  return db->lite;
}

const char *
cf_db_errmsg (CfDb *db)
{
  return db->lite != NULL ? sqlite3_errmsg (db->lite) : cf_db_pg_errmsg (db->pg);
}

int
cf_db_errcode (CfDb *db)
{
  return db->lite != NULL ? sqlite3_extended_errcode (db->lite) : cf_db_pg_errcode (db->pg);
}

/* Runs SQL that returns no rows; several statements may follow each other. */
int
cf_db_exec (CfDb       *db,
            const char *sql)
{
  return db->lite != NULL ? sqlite3_exec (db->lite, sql, NULL, NULL, NULL) : cf_db_pg_exec (db->pg, sql);
}

int
cf_db_prepare (CfDb        *db,
               const char  *sql,
               CfDbStmt   **stmt)
{
  CfDbStmt *made = g_new0 (CfDbStmt, 1);
  int rc;

  if (db->lite != NULL)
    rc = sqlite3_prepare_v2 (db->lite, sql, -1, &made->lite, NULL);
  else
    rc = cf_db_pg_prepare (db->pg, sql, &made->pg);
  if (rc != CF_DB_OK)
    {
      cf_db_finalize (made);
      made = NULL;
    }
  *stmt = made;
  return rc;
}

/**
 * cf_db_data_version:
 *
 * Returns: a number that moves when another connection commits a change:
 *   SQLite's data_version; on a server, the changes announced to this one
 */
gint64
cf_db_data_version (CfDb *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (db->pg != NULL)
    return cf_db_pg_data_version (db->pg);
  if (sqlite3_prepare_v2 (db->lite, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/**
 * cf_db_is_connected:
 *
 * Returns: whether the database can be reached: always for a file; for a
 *   server, whether the connection is up, or could be made again now
 */
gboolean
cf_db_is_connected (CfDb *db)
{
  return db->pg == NULL || cf_db_pg_is_connected (db->pg);
}

gint64
cf_db_last_insert_rowid (CfDb *db)
{
  return db->lite != NULL ? sqlite3_last_insert_rowid (db->lite) : cf_db_pg_last_insert_rowid (db->pg);
}

int
cf_db_changes (CfDb *db)
{
  return db->lite != NULL ? sqlite3_changes (db->lite) : cf_db_pg_changes (db->pg);
}

void
cf_db_busy_timeout (CfDb *db,
                    int   ms)
{
  if (db->lite != NULL)
    sqlite3_busy_timeout (db->lite, ms);
  else
    cf_db_pg_lock_timeout (db->pg, ms);
}

/**
 * cf_db_set_waiting:
 * @waiting: (nullable): called once when a write must wait for another
 *   desk's (on a server; SQLite's busy handler does this for a file)
 */
void
cf_db_set_waiting (CfDb      *db,
                   void     (*waiting) (gpointer user_data),
                   gpointer   user_data)
{
  if (db->pg != NULL)
    cf_db_pg_set_waiting (db->pg, waiting, user_data);
}

int
cf_db_step (CfDbStmt *stmt)
{
  return stmt->lite != NULL ? sqlite3_step (stmt->lite) : cf_db_pg_step (stmt->pg);
}

/**
 * cf_db_send:
 *
 * Sends the statement without waiting for it, on a server: its answer is
 * read by the next cf_db_step() on it (or before anything else the
 * connection runs), while the program does other work meanwhile. On a file
 * the statement simply runs when stepped.
 */
int
cf_db_send (CfDbStmt *stmt)
{
  return stmt->pg != NULL ? cf_db_pg_send (stmt->pg) : CF_DB_OK;
}

int
cf_db_reset (CfDbStmt *stmt)
{
  return stmt->lite != NULL ? sqlite3_reset (stmt->lite) : cf_db_pg_reset (stmt->pg);
}

int
cf_db_clear_bindings (CfDbStmt *stmt)
{
  return stmt->lite != NULL ? sqlite3_clear_bindings (stmt->lite) : cf_db_pg_clear_bindings (stmt->pg);
}

void
cf_db_finalize (CfDbStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (stmt->lite != NULL)
    sqlite3_finalize (stmt->lite);
  if (stmt->pg != NULL)
    cf_db_pg_finalize (stmt->pg);
  g_free (stmt);
}

int
cf_db_bind_parameter_count (CfDbStmt *stmt)
{
  return stmt->lite != NULL ? sqlite3_bind_parameter_count (stmt->lite) : cf_db_pg_bind_parameter_count (stmt->pg);
}

int
cf_db_bind_int64 (CfDbStmt *stmt,
                  int       index,
                  gint64    value)
{
  return stmt->lite != NULL ? sqlite3_bind_int64 (stmt->lite, index, value) : cf_db_pg_bind_int64 (stmt->pg, index, value);
}

int
cf_db_bind_int (CfDbStmt *stmt,
                int       index,
                int       value)
{
  return cf_db_bind_int64 (stmt, index, value);
}

int
cf_db_bind_null (CfDbStmt *stmt,
                 int       index)
{
  return stmt->lite != NULL ? sqlite3_bind_null (stmt->lite, index) : cf_db_pg_bind_text (stmt->pg, index, NULL, 0);
}

int
cf_db_bind_text (CfDbStmt    *stmt,
                 int          index,
                 const char  *text,
                 int          length,
                 CfDbDestroy  destroy)
{
  int rc;

  if (stmt->lite != NULL)
    return sqlite3_bind_text (stmt->lite, index, text, length, destroy);
  /* The server's statement keeps a copy: what was bound is freed at once. */
  rc = cf_db_pg_bind_text (stmt->pg, index, text, length);
  if (destroy != CF_DB_STATIC && destroy != CF_DB_TRANSIENT && text != NULL)
    destroy ((void *) text);
  return rc;
}

int
cf_db_bind_blob (CfDbStmt    *stmt,
                 int          index,
                 const void  *data,
                 int          length,
                 CfDbDestroy  destroy)
{
  int rc;

  if (stmt->lite != NULL)
    return sqlite3_bind_blob (stmt->lite, index, data, length, destroy);
  rc = cf_db_pg_bind_blob (stmt->pg, index, data, length);
  if (destroy != CF_DB_STATIC && destroy != CF_DB_TRANSIENT && data != NULL)
    destroy ((void *) data);
  return rc;
}

int
cf_db_column_count (CfDbStmt *stmt)
{
  return stmt->lite != NULL ? sqlite3_column_count (stmt->lite) : cf_db_pg_column_count (stmt->pg);
}

const char *
cf_db_column_name (CfDbStmt *stmt,
                   int       column)
{
  return stmt->lite != NULL ? sqlite3_column_name (stmt->lite, column) : cf_db_pg_column_name (stmt->pg, column);
}

int
cf_db_column_type (CfDbStmt *stmt,
                   int       column)
{
  return stmt->lite != NULL ? sqlite3_column_type (stmt->lite, column) : cf_db_pg_column_type (stmt->pg, column);
}

gint64
cf_db_column_int64 (CfDbStmt *stmt,
                    int       column)
{
  return stmt->lite != NULL ? sqlite3_column_int64 (stmt->lite, column) : cf_db_pg_column_int64 (stmt->pg, column);
}

int
cf_db_column_int (CfDbStmt *stmt,
                  int       column)
{
  return stmt->lite != NULL ? sqlite3_column_int (stmt->lite, column) : (int) cf_db_pg_column_int64 (stmt->pg, column);
}

const unsigned char *
cf_db_column_text (CfDbStmt *stmt,
                   int       column)
{
  return stmt->lite != NULL ? sqlite3_column_text (stmt->lite, column)
                            : (const unsigned char *) cf_db_pg_column_text (stmt->pg, column);
}

const void *
cf_db_column_blob (CfDbStmt *stmt,
                   int       column)
{
  return stmt->lite != NULL ? sqlite3_column_blob (stmt->lite, column) : cf_db_pg_column_blob (stmt->pg, column, NULL);
}

int
cf_db_column_bytes (CfDbStmt *stmt,
                    int       column)
{
  gsize size = 0;

  if (stmt->lite != NULL)
    return sqlite3_column_bytes (stmt->lite, column);
  cf_db_pg_column_blob (stmt->pg, column, &size);
  return (int) size;
}
