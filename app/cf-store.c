/* cf-store.c — the shop's SQLite database: opening, migrating, querying
 *
 * One CfStore is one connection; a worker thread opens its own with
 * cf_store_open() on the same path. WAL lets the window read while an import
 * writes, and busy_timeout makes writers wait for each other instead of
 * failing with "database is locked".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-file-locks.h"
#include "cf-operator.h"
#include "cf-store-private.h"
#include "cf-transaction-private.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

typedef struct
{
  gint64           max_us;
  gint64           started;
  GCancellable    *cancellable;
  CfStoreWaitFunc  waiting;
  gpointer         user_data;
} Waiter;

struct _CfStore
{
  GObject   parent_instance;

  char     *path;
  char     *shop;          /* a chain's shop on a server (shop= in @path), or NULL */
  CfDb     *db;
  char     *override_by;   /* a manager who authorised what happens now */
  Waiter   *waiter;        /* how long to wait for other writers, and whom to tell */
};

G_DEFINE_FINAL_TYPE (CfStore, cf_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cf-store-error-quark, cf_store_error)

static void
cf_store_finalize (GObject *object)
{
  CfStore *self = (CfStore *) object;

  if (self->db != NULL)
    cf_db_close (self->db);
  if (self->waiter != NULL)
    g_clear_object (&self->waiter->cancellable);
  g_free (self->waiter);
  g_free (self->path);
  g_free (self->shop);
  g_free (self->override_by);

  G_OBJECT_CLASS (cf_store_parent_class)->finalize (object);
}

static void
cf_store_class_init (CfStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_store_finalize;
}

static void
cf_store_init (CfStore *self)
{
}

/**
 * cf_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/counterfoil/counterfoil.db`
 */
char *
cf_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "counterfoil", "counterfoil.db", NULL);
}

gboolean
cf_store_set_error (CfStore     *self,
                    GError     **error,
                    const char  *doing)
{
  g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_SQL,
               _("%s: %s while %s"), self->path, cf_db_errmsg (self->db), doing);
  return FALSE;
}

/**
 * cf_store_exec:
 *
 * Runs SQL that returns no rows.
 */
gboolean
cf_store_exec (CfStore     *self,
               const char  *sql,
               GError     **error)
{
  if (cf_db_exec (self->db, sql) != CF_DB_OK)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_SQL, "%s: %s", self->path, cf_db_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

/**
 * cf_store_prepare:
 *
 * Returns: (transfer full): a statement to finalize with cf_db_finalize()
 */
CfDbStmt *
cf_store_prepare (CfStore     *self,
                  const char  *sql,
                  GError     **error)
{
  CfDbStmt *stmt = NULL;

  if (cf_db_prepare (self->db, sql, &stmt) != CF_DB_OK)
    {
      cf_store_set_error (self, error, _("preparing a query"));
      return NULL;
    }
  return stmt;
}

/**
 * cf_store_step_done:
 * @doing: what the statement does, for the error message
 *
 * Runs a statement that returns no rows and readies it for its next
 * bindings.
 */
gboolean
cf_store_step_done (CfStore       *self,
                    CfDbStmt  *stmt,
                    const char    *doing,
                    GError       **error)
{
  int rc = cf_db_step (stmt);

  cf_db_reset (stmt);
  cf_db_clear_bindings (stmt);
  return rc == CF_DB_DONE || cf_store_set_error (self, error, doing);
}

CfDb *
cf_store_get_db (CfStore *self)
{
  return self->db;
}

/**
 * cf_store_get_sqlite:
 *
 * Returns: (nullable): SQLite's own connection, for what only a file has
 *   (its backup); %NULL on a server
 */
sqlite3 *
cf_store_get_sqlite (CfStore *self)
{
  return cf_db_get_sqlite (self->db);
}

/**
 * cf_store_is_server:
 *
 * Returns: whether the store is a PostgreSQL server rather than a file
 */
gboolean
cf_store_is_server (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_db_get_engine (self->db) == CF_DB_ENGINE_POSTGRES;
}

/**
 * cf_store_is_connected:
 *
 * Returns: whether the database can be reached now; a server's dropped
 *   connection is made again when it can be
 */
gboolean
cf_store_is_connected (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_db_is_connected (self->db);
}

/**
 * cf_store_names_server:
 *
 * Returns: whether @target, as given to cf_store_open(), is a PostgreSQL
 *   server's connection string (`postgresql://…`, `service=shop`, `host=…
 *   dbname=…`) rather than a file
 */
gboolean
cf_store_names_server (const char *target)
{
  return cf_db_is_conninfo (target);
}

/**
 * cf_store_check_target:
 *
 * Tells whether @target can be given to cf_store_open() as a setting: a
 * file's full path, or a server's connection string that holds no password.
 */
gboolean
cf_store_check_target (const char  *target,
                       GError     **error)
{
  if (cf_db_is_conninfo (target))
    {
      if (!cf_db_conninfo_has_password (target))
        return TRUE;
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN,
                   _("The connection string holds a password. Keep it in ~/.pgpass or in pg_service.conf "
                     "instead, where only you can read it, and leave it out of the string."));
      return FALSE;
    }
  if (g_path_is_absolute (target))
    return TRUE;
  g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN,
               _("Give the database file's full path, starting with /, or a server's connection string "
                 "(postgresql://HOST/DATABASE or service=NAME)"));
  return FALSE;
}

/**
 * cf_store_dup_display_name:
 *
 * Returns: (transfer full): the database as a window names it: the file's
 *   name (`counterfoil.db`), or the server's database (`shop on db.example.com`)
 */
char *
cf_store_dup_display_name (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  return cf_db_describe (self->path);
}

/**
 * cf_store_now_utc:
 * @out: (out): the current UTC time, `YYYY-MM-DDTHH:MM:SSZ`
 */
void
cf_store_now_utc (char out[21])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  g_strlcpy (out, text, 21);
}

/* The schema's version: SQLite's user_version in a file, a one-row table on
 * a server; 0 for a database Counterfoil has not written yet. */
static int
read_user_version (CfStore *self,
                   GError **error)
{
  gboolean server = cf_store_is_server (self);
  g_autoptr(CfDbStmt) stmt = NULL;
  int version = -1;

  if (server)
    {
      stmt = cf_store_prepare (self, "SELECT to_regclass ('counterfoil_schema') IS NOT NULL", error);
      if (stmt == NULL || cf_db_step (stmt) != CF_DB_ROW)
        return cf_store_set_error (self, error, _("reading the schema version")) ? -1 : -1;
      if (cf_db_column_int (stmt, 0) == 0)
        return 0;
      g_clear_pointer (&stmt, cf_db_finalize);
    }
  stmt = cf_store_prepare (self, server ? "SELECT version FROM counterfoil_schema" : "PRAGMA user_version", error);
  if (stmt == NULL)
    return -1;
  if (cf_db_step (stmt) == CF_DB_ROW)
    version = cf_db_column_int (stmt, 0);
  else
    cf_store_set_error (self, error, _("reading the schema version"));
  return version;
}

static gboolean
has_foreign_tables (CfStore *self)
{
  g_autoptr(CfDbStmt) stmt = NULL;

  stmt = cf_store_prepare (self, cf_store_is_server (self)
                                   ? "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema ()"
                                   : "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                           NULL);
  return stmt != NULL && cf_db_step (stmt) == CF_DB_ROW;
}

/* One step up, in the transaction that records it. Another desk may have
 * taken it while this one waited for the write lock: then it is done. */
static gboolean
migrate_step (CfStore    *self,
              int         from,
              int         to,
              const char *sql,
              GError    **error)
{
  g_autofree char *bump = cf_store_is_server (self)
                          ? g_strdup_printf ("UPDATE counterfoil_schema SET version = %d", to)
                          : g_strdup_printf ("PRAGMA user_version = %d", to);
  int now;

  if (!cf_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  now = read_user_version (self, error);
  if (now >= to)
    return cf_store_exec (self, "COMMIT", error);
  if (now < 0 ||
      !cf_store_exec (self, sql, error) ||
      /* Schema 10 gave transactions sources: the doubles stored before
       * are made one, once the tables they move into are all there. */
      (from > 0 && from < 10 && to == CF_STORE_SCHEMA_VERSION && !cf_store_merge_doubles (self, NULL, error)) ||
      !cf_store_exec (self, bump, error))
    {
      cf_store_exec (self, "ROLLBACK", NULL);
      g_prefix_error (error, _("Upgrading the database to schema %d failed: "), to);
      return FALSE;
    }
  if (!cf_store_exec (self, "COMMIT", error))
    return FALSE;
  g_debug ("%s: schema %d", self->path, to);
  return TRUE;
}

static gboolean
migrate (CfStore  *self,
         int       from,
         GError  **error)
{
  if (cf_store_is_server (self))
    {
      for (guint i = 0; cf_store_steps_pg[i].sql != NULL; i++)
        if (cf_store_steps_pg[i].version > from &&
            !migrate_step (self, from, cf_store_steps_pg[i].version, cf_store_steps_pg[i].sql, error))
          return FALSE;
      return TRUE;
    }
  for (int v = from; v < CF_STORE_SCHEMA_VERSION; v++)
    if (!migrate_step (self, from, v + 1, cf_store_migrations[v], error))
      return FALSE;
  return TRUE;
}

static gboolean
open_server (CfStore     *self,
             const char  *conninfo,
             GError     **error)
{
  g_autofree char *message = NULL;

  if (!cf_store_check_target (conninfo, error))
    return FALSE;
  self->db = cf_db_open (conninfo, FALSE, &message);
  if (self->db == NULL)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN,
                   _("Cannot connect to the database server %s: %s"), conninfo, message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_file (CfStore     *self,
           const char  *path,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *message = NULL;

  cf_file_locks_install ();
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  self->db = cf_db_open (path, FALSE, &message);
  if (self->db == NULL)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN,
                   _("Cannot open the database %s: %s"), path, message);
      return FALSE;
    }
  cf_db_busy_timeout (self->db, 10000);
  sqlite3_create_function (cf_db_get_sqlite (self->db), "cf_audit_hash", 7, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, cf_store_audit_hash_sql, NULL, NULL);
  return TRUE;
}

/**
 * cf_store_open:
 * @path: the database file, created with its folder when missing; or a
 *   PostgreSQL server's connection string (`postgresql://…`, `service=…`)
 *
 * Opens the database and brings its schema up to date. A database written by
 * a newer Counterfoil, or one that is not a Counterfoil database, is
 * refused and left exactly as it was.
 *
 * Returns: (transfer full): the store
 */
CfStore *
cf_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(CfStore) self = g_object_new (CF_TYPE_STORE, NULL);
  gboolean server = cf_db_is_conninfo (path);
  g_autoptr(GError) shared_error = NULL;
  int version;

  self->path = g_strdup (path);
  g_free (cf_db_split_shop (path, &self->shop));
  if (!(server ? open_server (self, path, error) : open_file (self, path, error)))
    return NULL;

  /* Look before touching anything: even switching to WAL writes the file. */
  version = read_user_version (self, NULL);
  if (version < 0)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_OURS,
                   _("%s is not a Counterfoil database (%s); it was left unchanged"),
                   path, cf_db_errmsg (self->db));
      return NULL;
    }
  if (version > CF_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer Counterfoil (schema %d; this version knows up to %d). "
                     "It was left unchanged: update Counterfoil to open it."),
                   path, version, CF_STORE_SCHEMA_VERSION);
      return NULL;
    }
  if (server && version == 0 && self->shop == NULL)
    {
      g_autofree char *shops = cf_store_dup_chain_shops (self);

      if (shops != NULL)
        {
          g_autofree char *name = cf_store_dup_display_name (self);
          g_autofree char *first = g_strndup (shops, strcspn (shops, ","));

          g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OTHER_SHOP,
                       _("%s holds the shops of a chain (%s): set this desk's shop in the connection string, "
                         "such as “%s shop=%s”"), name, shops, path, first);
          return NULL;
        }
    }
  if (version == 0 && has_foreign_tables (self))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_OURS,
                   server ? _("%s holds tables of another program; it was left unchanged")
                          : _("%s is an SQLite database of another program; it was left unchanged"), path);
      return NULL;
    }

  if (!cf_store_exec (self,
                      "PRAGMA journal_mode = WAL;"
                      "PRAGMA synchronous = NORMAL;"
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA temp_store = MEMORY;",
                      error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;
  if (!cf_store_share_with_head_office (self, &shared_error))
    g_debug ("%s: the head office was not given its view of the shop: %s", path, shared_error->message);

  return g_steal_pointer (&self);
}

/**
 * cf_store_note_rows_added:
 * @n_rows: transactions just committed
 *
 * After a big import a server's planner still believes the table as it
 * was and may read it whole for a search by reference no.; its statistics
 * are taken again at once rather than when autovacuum comes by. A file's
 * planner needs none.
 */
void
cf_store_note_rows_added (CfStore *self,
                          guint64  n_rows)
{
  g_return_if_fail (CF_IS_STORE (self));
  if (cf_store_is_server (self) && n_rows >= 10000)
    cf_store_exec (self, "ANALYZE transactions", NULL);
}

/**
 * cf_store_set_busy_timeout:
 *
 * How long a statement waits for another writer before it fails
 * (10 s unless set).
 */
void
cf_store_set_busy_timeout (CfStore *self,
                           int      ms)
{
  g_return_if_fail (CF_IS_STORE (self));
  cf_db_busy_timeout (self->db, ms);
}

/* SQLite asks this while another connection holds the write lock: wait a
 * little longer each time, tell someone once, give up when cancelled or
 * when the time allowed has passed. */
static int
wait_for_writer (void *data,
                 int   count)
{
  Waiter *waiter = data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    {
      waiter->started = now;
      if (waiter->waiting != NULL)
        waiter->waiting (waiter->user_data);
    }
  if (g_cancellable_is_cancelled (waiter->cancellable) || now - waiter->started > waiter->max_us)
    return 0;
  g_usleep (MIN ((gulong) count + 1, 20) * 5000);
  return 1;
}

/**
 * cf_store_wait_for_writers:
 * @max_seconds: how long to wait for another writer at most
 * @cancellable: (nullable): stops the wait
 * @waiting: (nullable): called once each time a wait begins, in the thread
 *   that waits, to tell the person why nothing moves
 *
 * For long writes that may meet another (an import while another runs):
 * wait for the other writer, as long as it takes up to @max_seconds, instead
 * of failing after the usual ten seconds with "database is locked".
 */
void
cf_store_wait_for_writers (CfStore         *self,
                           guint            max_seconds,
                           GCancellable    *cancellable,
                           CfStoreWaitFunc  waiting,
                           gpointer         user_data)
{
  g_return_if_fail (CF_IS_STORE (self));

  if (self->waiter == NULL)
    self->waiter = g_new0 (Waiter, 1);
  g_set_object (&self->waiter->cancellable, cancellable);
  self->waiter->max_us = (gint64) max_seconds * G_USEC_PER_SEC;
  self->waiter->waiting = waiting;
  self->waiter->user_data = user_data;
  /* A server's writers wait in the server (lock_timeout) for as long. */
  if (cf_store_is_server (self))
    {
      cf_db_busy_timeout (self->db, (int) MIN ((gint64) max_seconds * 1000, G_MAXINT));
      cf_db_set_waiting (self->db, waiting, user_data);
    }
  else
    sqlite3_busy_handler (cf_db_get_sqlite (self->db), wait_for_writer, self->waiter);
}

const char *
cf_store_get_path (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  return self->path;
}

/**
 * cf_store_get_shop:
 *
 * Returns: (nullable): the chain's shop this desk works in (`shop=north`
 *   in a server's connection string); %NULL for a file or a server's
 *   database that holds one shop
 */
const char *
cf_store_get_shop (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  return self->shop;
}

int
cf_store_get_schema_version (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), -1);
  return read_user_version (self, NULL);
}

/**
 * cf_store_count_transactions:
 *
 * Returns: how many transactions are stored, or -1 on error
 */
gint64
cf_store_count_transactions (CfStore  *self,
                             GError  **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  gint64 count = -1;

  g_return_val_if_fail (CF_IS_STORE (self), -1);

  stmt = cf_store_prepare (self, "SELECT count(*) FROM transactions", error);
  if (stmt == NULL)
    return -1;
  if (cf_db_step (stmt) == CF_DB_ROW)
    count = cf_db_column_int64 (stmt, 0);
  else
    cf_store_set_error (self, error, _("counting transactions"));
  return count;
}

/**
 * cf_store_find_transactions:
 *
 * Returns: (transfer full) (element-type CfTransaction): the matches, newest first
 */
GPtrArray *
cf_store_find_transactions (CfStore             *self,
                            CfTransactionQuery  *query,
                            GError             **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  g_autoptr(CfDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  sql = cf_transaction_query_to_sql (query, CF_TRANSACTION_COLUMNS, params);
  stmt = cf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < params->len; i++)
    cf_sql_bind_text (stmt, (int) i + 1, g_ptr_array_index (params, i), CF_DB_STATIC);

  while ((rc = cf_db_step (stmt)) == CF_DB_ROW)
    g_ptr_array_add (result, cf_transaction_new_from_row (stmt));

  if (rc != CF_DB_DONE)
    {
      cf_store_set_error (self, error, _("searching transactions"));
      return NULL;
    }

  return g_steal_pointer (&result);
}

/**
 * cf_store_get_transaction:
 *
 * Returns: (transfer full): the transaction with @id
 */
CfTransaction *
cf_store_get_transaction (CfStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  CfTransaction *txn = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  stmt = cf_store_prepare (self, "SELECT " CF_TRANSACTION_COLUMNS " FROM transactions t WHERE t.id = ?", error);
  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, id);
  if (cf_db_step (stmt) == CF_DB_ROW)
    txn = cf_transaction_new_from_row (stmt);
  else
    g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND,
                 _("There is no transaction #%lld"), (long long) id);
  return txn;
}

/**
 * cf_store_get_setting:
 *
 * Returns: (transfer full) (nullable): the value stored under @key
 */
char *
cf_store_get_setting (CfStore    *self,
                      const char *key)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  char *value = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  stmt = cf_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  cf_sql_bind_text (stmt, 1, key, CF_DB_STATIC);
  if (cf_db_step (stmt) == CF_DB_ROW && cf_db_column_type (stmt, 0) != CF_DB_NULL)
    value = cf_sql_dup_text (stmt, 0);
  return value;
}

gboolean
cf_store_set_setting (CfStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  stmt = cf_store_prepare (self, "INSERT INTO settings (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  cf_sql_bind_text (stmt, 1, key, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 2, value, CF_DB_STATIC);
  ok = cf_db_step (stmt) == CF_DB_DONE || cf_store_set_error (self, error, _("saving a setting"));
  return ok;
}

/**
 * cf_store_get_data_version:
 *
 * Returns: a number that changes when another connection (another process,
 *   or a worker thread) commits a change; the window polls it to notice
 *   writers such as a command-line import
 */
gint64
cf_store_get_data_version (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), -1);
  return cf_db_data_version (self->db);
}

/**
 * cf_store_set_override:
 * @manager_no: (nullable): the manager whose PIN authorised what follows, or
 *   %NULL when that is over
 *
 * Only cf_auth_begin_override() and cf_auth_end_override() call this: they
 * check the manager's PIN first.
 */
void
cf_store_set_override (CfStore    *self,
                       const char *manager_no)
{
  g_return_if_fail (CF_IS_STORE (self));
  g_free (self->override_by);
  self->override_by = g_strdup (manager_no);
}

/**
 * cf_store_get_override:
 *
 * Returns: (nullable): the manager authorising what happens now
 */
const char *
cf_store_get_override (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  return self->override_by;
}

/**
 * cf_store_find_original:
 * @reversal: a void (names its original's voucher) or a refund (its reference no.)
 *
 * Returns: (transfer full) (nullable): the transaction @reversal undoes, or
 *   %NULL when it names none or the original is not stored
 */
CfTransaction *
cf_store_find_original (CfStore        *self,
                        CfTransaction  *reversal,
                        GError        **error)
{
  const char *voucher = cf_transaction_get_orig_voucher_no (reversal);
  const char *ref = cf_transaction_get_orig_ref_no (reversal);
  g_autoptr(CfDbStmt) stmt = NULL;
  CfTransaction *original = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  if (ref != NULL)
    {
      stmt = cf_store_prepare (self, "SELECT " CF_TRANSACTION_COLUMNS " FROM transactions t "
                                     "WHERE t.ref_no = ? AND t.id != ? ORDER BY t.local_time DESC LIMIT 1", error);
      if (stmt == NULL)
        return NULL;
      cf_sql_bind_text (stmt, 1, ref, CF_DB_STATIC);
    }
  else if (voucher != NULL)
    {
      /* Voids happen before settlement: same terminal, same batch. */
      stmt = cf_store_prepare (self, "SELECT " CF_TRANSACTION_COLUMNS " FROM transactions t "
                                     "WHERE t.voucher_no = ? AND t.id != ? AND t.terminal_no IS ? "
                                     "AND t.batch_no IS ? ORDER BY t.local_time DESC LIMIT 1", error);
      if (stmt == NULL)
        return NULL;
      cf_sql_bind_text (stmt, 1, voucher, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 3, cf_transaction_get_terminal_no (reversal), CF_DB_STATIC);
      cf_sql_bind_text (stmt, 4, cf_transaction_get_batch_no (reversal), CF_DB_STATIC);
    }
  else
    return NULL;

  cf_db_bind_int64 (stmt, 2, cf_transaction_get_id (reversal));
  if (cf_db_step (stmt) == CF_DB_ROW)
    original = cf_transaction_new_from_row (stmt);
  return original;
}
