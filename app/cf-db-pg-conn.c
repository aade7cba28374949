/* cf-db-pg-conn.c — the engine boundary's server side: the connection
 *
 * Opening it and setting up its session (encoding, lock timeout, the
 * desk's time zone, LISTEN), making it again when the server or the
 * network dropped it, the server's errors in SQLite's codes, transactions
 * and the write lock, and what other desks announce.
 *
 * SQLite's single writer is kept: `BEGIN IMMEDIATE` takes the database's
 * write lock (a transaction-level advisory lock), so that what the services
 * number or chain while they hold it — a duplicate's No., a report's
 * sequence no., the audit chain — is numbered once, with no gap, on every
 * desk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-db"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "cf-db-codes.h"
#include "cf-db-pg-private.h"

/* The key of the advisory lock every write transaction takes: one per
 * schema, so that the shops of a chain do not wait for each other (the
 * schema's triggers take the same). */
#define WRITE_LOCK_KEY "hashtextextended (current_schema ()::text, 7432019846)"

static void
set_error (CfDbPg     *db,
           int         code,
           const char *message)
{
  g_autofree char *trimmed = g_strdup (message != NULL && *message != '\0' ? message : "unknown error");

  g_free (db->errmsg);
  db->errmsg = g_strdup (g_strstrip (trimmed));
  db->errcode = code;
}

/* The nearest of SQLite's codes: a broken rule is CONSTRAINT, a wait that
 * timed out or a transaction the server chose to cancel is BUSY. */
static int
code_of (const PGresult *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  if (state == NULL)
    return CF_DB_ERROR;
  if (g_str_equal (state, "23514"))
    return SQLITE_CONSTRAINT_CHECK;
  if (g_str_equal (state, "23505"))
    return SQLITE_CONSTRAINT_UNIQUE;
  if (g_str_has_prefix (state, "23"))
    return CF_DB_CONSTRAINT;
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") || g_str_equal (state, "55P03") ||
      g_str_equal (state, "57014"))
    return CF_DB_BUSY;
  return CF_DB_ERROR;
}

gboolean
cf_db_pg_result_ok (CfDbPg   *db,
                    PGresult *result)
{
  ExecStatusType status = PQresultStatus (result);
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  /* The server's own words, as SQLite gives them: without "ERROR:", the
   * query's text or a refused row's every value; the whole is for debugging. */
  if (primary != NULL)
    g_debug ("%s", PQresultErrorMessage (result));
  set_error (db, code_of (result),
             primary != NULL ? primary : result != NULL ? PQresultErrorMessage (result) : PQerrorMessage (db->conn));
  return FALSE;
}


/* Whether a transaction is open, and whether the connection died in one. */
void
cf_db_pg_note_transaction (CfDbPg *db)
{
  PGTransactionStatusType status = PQtransactionStatus (db->conn);

  if (status == PQTRANS_UNKNOWN)
    db->lost_in_transaction = db->lost_in_transaction || db->in_transaction;
  else
    db->in_transaction = status != PQTRANS_IDLE;
}

static int
run_simple (CfDbPg     *db,
            const char *sql)
{
  PGresult *result;
  int rc;

  /* The server undid what the lost connection had begun: its ROLLBACK is
   * done, its COMMIT cannot be. */
  if (db->lost_in_transaction &&
      (g_ascii_strcasecmp (sql, "ROLLBACK") == 0 || g_ascii_strcasecmp (sql, "COMMIT") == 0))
    {
      db->lost_in_transaction = db->in_transaction = FALSE;
      if (g_ascii_strcasecmp (sql, "ROLLBACK") == 0)
        return CF_DB_OK;
      set_error (db, CF_DB_ERROR, "the connection to the server was lost before this change was saved; "
                                  "nothing of it was kept");
      return CF_DB_ERROR;
    }
  if (!cf_db_pg_connected (db))
    return db->errcode;
  result = PQexec (db->conn, sql);
  rc = cf_db_pg_result_ok (db, result) ? CF_DB_OK : db->errcode;
  cf_db_pg_note_transaction (db);

  if (rc != CF_DB_OK)
    g_debug ("%s\n  in: %.200s", db->errmsg, sql);
  PQclear (result);
  return rc;
}

/* The desk's own time zone, so that what is read as local time on the
 * server ("to_char (… AT TIME ZONE …)") is the shop's wall clock. */
static void
set_time_zone (CfDbPg *db)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);
  g_autofree char *sql = NULL;
  g_autofree char *quoted = NULL;

  if (id == NULL || *id == ':' || *id == '/')
    return;
  quoted = PQescapeLiteral (db->conn, id, strlen (id));
  if (quoted == NULL)
    return;
  sql = g_strdup_printf ("SET TIME ZONE %s", quoted);
  PQfreemem (g_steal_pointer (&quoted));
  if (run_simple (db, sql) != CF_DB_OK)
    g_debug ("the server does not know the time zone %s: %s", id, db->errmsg);
}

/**
 * cf_db_pg_conninfo_has_password:
 *
 * Returns: whether @conninfo carries a password (refused: it belongs in
 *   libpq's password file or service file, not on a command line)
 */
gboolean
cf_db_pg_conninfo_has_password (const char *target)
{
  g_autofree char *conninfo = cf_db_pg_split_shop (target, NULL);
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  gboolean has = FALSE;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password") && o->val != NULL && *o->val != '\0')
      has = TRUE;
  PQconninfoFree (options);
  return has;
}

/**
 * cf_db_pg_describe:
 *
 * Returns: (transfer full): @target as a person names it: `chain on
 *   db.example.com`, `service chain`, and its shop: `chain/north on …`
 */
char *
cf_db_pg_describe (const char *target)
{
  g_autofree char *shop = NULL;
  g_autofree char *conninfo = cf_db_pg_split_shop (target, &shop);
  g_autofree char *in_shop = shop != NULL ? g_strconcat ("/", shop, NULL) : g_strdup ("");
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  const char *dbname = NULL, *host = NULL, *service = NULL, *user = NULL;
  char *described;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "dbname"))
        dbname = o->val;
      else if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "service"))
        service = o->val;
      else if (g_str_equal (o->keyword, "user"))
        user = o->val;
    }
  if (service != NULL && dbname == NULL)
    described = g_strdup_printf ("service %s%s", service, in_shop);
  else
    described = g_strdup_printf ("%s%s on %s", dbname != NULL ? dbname : user != NULL ? user : "postgres",
                                 in_shop, host != NULL ? host : "localhost");
  PQconninfoFree (options);
  return described;
}

/* What a connection is set to, made again after a reset. */
static gboolean
set_up_session (CfDbPg *db)
{
  g_autofree char *sql = g_strdup_printf ("SET lock_timeout = %d; SET client_min_messages = warning; "
                                          /* What other desks commit is announced on this channel (the
                                           * schema's cf_notify_change), counted by data_version. */
                                          "LISTEN counterfoil_changed", db->lock_timeout_ms);
  PGresult *result;
  gboolean ok;

  if (PQsetClientEncoding (db->conn, "UTF8") != 0)
    return FALSE;
  result = PQexec (db->conn, sql);
  ok = cf_db_pg_result_ok (db, result);
  PQclear (result);
  if (ok)
    set_time_zone (db);
  return ok && cf_db_pg_enter_shop (db);
}

/* A connection the server or the network dropped is made again, unless it
 * dropped inside a change: that change is lost whole (the server undid it)
 * and its service hears so before anything else is sent. */
gboolean
cf_db_pg_connected (CfDbPg *db)
{
  /* A statement sent before this one is answered first. */
  cf_db_pg_settle (db);
  if (!db->resetting && PQstatus (db->conn) == CONNECTION_OK)
    return TRUE;
  db->resetting = FALSE;
  if (db->lost_in_transaction)
    {
      set_error (db, CF_DB_ERROR, "the connection to the server was lost in the middle of a change; "
                                  "nothing of it was kept");
      return FALSE;
    }
  PQreset (db->conn);
  if (PQstatus (db->conn) != CONNECTION_OK)
    {
      set_error (db, CF_DB_ERROR, PQerrorMessage (db->conn));
      return FALSE;
    }
  db->generation++;
  db->in_transaction = FALSE;
  g_debug ("connected to the server again");
  return set_up_session (db);
}

CfDbPg *
cf_db_pg_open (const char  *target,
               char       **message)
{
  CfDbPg *db = g_new0 (CfDbPg, 1);
  g_autofree char *conninfo = cf_db_pg_split_shop (target, &db->shop);

  /* A server that does not answer is given up on after ten seconds, unless
   * the connection string says otherwise (it is read after, and wins). */
  const char *const keywords[] = { "connect_timeout", "dbname", NULL };
  const char *const values[] = { "10", conninfo, NULL };

  if (db->shop != NULL && !cf_db_pg_shop_code_is_valid (db->shop))
    {
      *message = g_strdup_printf (_("%s is not a shop's code: 1 to 30 lower-case letters, digits or _"), db->shop);
      cf_db_pg_close (db);
      return NULL;
    }
  db->lock_timeout_ms = 10000;
  db->conn = PQconnectdbParams (keywords, values, 1);
  if (PQstatus (db->conn) != CONNECTION_OK)
    {
      g_autofree char *why = g_strdup (PQerrorMessage (db->conn));

      *message = g_strdup (g_strstrip (why));
      cf_db_pg_close (db);
      return NULL;
    }
  if (!set_up_session (db))
    {
      *message = g_strdup (db->errmsg);
      cf_db_pg_close (db);
      return NULL;
    }
  return db;
}

/**
 * cf_db_pg_is_connected:
 *
 * Returns: whether the connection is up; a dropped one is being made again,
 *   without blocking (unless a change was under way on it: its service must
 *   end it first)
 */
gboolean
cf_db_pg_is_connected (CfDbPg *db)
{
  /* Reading what the server sent finds a connection it closed. */
  if (!db->resetting)
    {
      PQconsumeInput (db->conn);
      if (PQstatus (db->conn) == CONNECTION_OK)
        return TRUE;
      if (db->lost_in_transaction)
        return FALSE;
      /* Asked every second by the window: the new connection is made a
       * step at a time, never waiting for a server that does not answer. */
      db->resetting = PQresetStart (db->conn) == 1;
      db->reset_polled = PGRES_POLLING_WRITING;
    }
  /* As many steps as the socket allows now; the rest on the next call. */
  while (db->resetting)
    {
      GPollFD fd = { PQsocket (db->conn), db->reset_polled == PGRES_POLLING_READING ? G_IO_IN : G_IO_OUT, 0 };

      if (fd.fd < 0 || g_poll (&fd, 1, 0) != 1)
        return FALSE;
      db->reset_polled = PQresetPoll (db->conn);
      if (db->reset_polled == PGRES_POLLING_FAILED)
        db->resetting = FALSE;
      else if (db->reset_polled == PGRES_POLLING_OK)
        {
          db->resetting = FALSE;
          db->generation++;
          db->in_transaction = FALSE;
          return set_up_session (db);
        }
    }
  return FALSE;
}

void
cf_db_pg_close (CfDbPg *db)
{
  if (db == NULL)
    return;
  PQfinish (db->conn);
  g_clear_pointer (&db->id_tables, g_hash_table_unref);
  g_free (db->outer_savepoint);
  g_free (db->errmsg);
  g_free (db->shop);
  g_free (db->schema);
  g_free (db);
}

const char *
cf_db_pg_errmsg (CfDbPg *db)
{
  if (db->errmsg == NULL && PQstatus (db->conn) != CONNECTION_OK)
    set_error (db, CF_DB_ERROR, PQerrorMessage (db->conn));
  return db->errmsg != NULL ? db->errmsg : "not an error";
}

int
cf_db_pg_errcode (CfDbPg *db)
{
  return db->errcode;
}

/* BEGIN, then the write lock: at once when it is free; otherwise whoever
 * asked is told, and the wait lasts as long as lock_timeout allows. */
static int
begin_writing (CfDbPg *db)
{
  PGresult *result;
  gboolean taken;

  cf_db_pg_settle (db);
  result = PQexec (db->conn, "BEGIN; SELECT pg_try_advisory_xact_lock (" WRITE_LOCK_KEY ")");

  if (!cf_db_pg_result_ok (db, result))
    {
      PQclear (result);
      return db->errcode;
    }
  taken = PQntuples (result) == 1 && PQgetvalue (result, 0, 0)[0] == 't';
  PQclear (result);
  if (taken)
    return CF_DB_OK;
  if (db->waiting != NULL)
    db->waiting (db->waiting_data);
  return run_simple (db, "SELECT pg_advisory_xact_lock (" WRITE_LOCK_KEY ")");
}

void
cf_db_pg_set_waiting (CfDbPg        *db,
                      CfDbPgWaiting  waiting,
                      gpointer       user_data)
{
  db->waiting = waiting;
  db->waiting_data = user_data;
}

/**
 * cf_db_pg_exec:
 *
 * Runs statements that return no rows. `BEGIN IMMEDIATE` begins a
 * transaction holding the write lock, as on SQLite.
 */
int
cf_db_pg_exec (CfDbPg     *db,
               const char *sql)
{
  g_autofree char *translated = NULL;

  if (g_ascii_strcasecmp (sql, "BEGIN IMMEDIATE") == 0)
    {
      int rc = begin_writing (db);

      /* Not waited for long enough: nothing begun, as on SQLite. */
      if (rc != CF_DB_OK && PQtransactionStatus (db->conn) != PQTRANS_IDLE)
        PQclear (PQexec (db->conn, "ROLLBACK"));
      return rc;
    }
  /* SQLite's SAVEPOINT outside a transaction begins one, which its RELEASE
   * commits; the server needs the transaction begun first. */
  if (g_ascii_strncasecmp (sql, "SAVEPOINT ", 10) == 0 && PQtransactionStatus (db->conn) == PQTRANS_IDLE)
    {
      g_autofree char *begin = g_strdup_printf ("BEGIN; %s", sql);

      g_free (db->outer_savepoint);
      db->outer_savepoint = g_strstrip (g_strdup (sql + 10));
      return run_simple (db, begin);
    }
  if (g_ascii_strncasecmp (sql, "RELEASE ", 8) == 0 && db->outer_savepoint != NULL)
    {
      const char *name = sql + 8;
      g_autofree char *named = NULL;

      if (g_ascii_strncasecmp (name, "SAVEPOINT ", 10) == 0)
        name += 10;
      named = g_strstrip (g_strdup (name));
      if (g_str_equal (named, db->outer_savepoint))
        {
          g_clear_pointer (&db->outer_savepoint, g_free);
          return run_simple (db, "COMMIT");
        }
    }
  if ((g_ascii_strcasecmp (sql, "COMMIT") == 0 || g_ascii_strcasecmp (sql, "ROLLBACK") == 0))
    g_clear_pointer (&db->outer_savepoint, g_free);
  translated = cf_db_pg_translate (sql, NULL, NULL, NULL, NULL);
  /* A PRAGMA is nothing on a server. */
  if (*translated == '\0')
    return CF_DB_OK;
  return run_simple (db, translated);
}


/**
 * cf_db_pg_data_version:
 *
 * Returns: how many changes other connections have announced since this one
 *   opened: it moves when another desk commits, as SQLite's data_version
 */
gint64
cf_db_pg_data_version (CfDbPg *db)
{
  PGnotify *notify;

  PQconsumeInput (db->conn);
  while ((notify = PQnotifies (db->conn)) != NULL)
    {
      /* Announced with the schema changed: another shop's are not this desk's. */
      if (notify->be_pid != PQbackendPID (db->conn) && g_strcmp0 (notify->extra, db->schema) == 0)
        db->heard++;
      PQfreemem (notify);
    }
  return db->heard;
}

gint64
cf_db_pg_last_insert_rowid (CfDbPg *db)
{
  return db->last_insert_rowid;
}

int
cf_db_pg_changes (CfDbPg *db)
{
  return db->changes;
}

void
cf_db_pg_lock_timeout (CfDbPg *db,
                       int     ms)
{
  g_autofree char *sql = g_strdup_printf ("SET lock_timeout = %d", MAX (ms, 1));

  db->lock_timeout_ms = MAX (ms, 1);
  run_simple (db, sql);
}

