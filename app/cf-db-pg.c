/* cf-db-pg.c — the engine boundary's server side: statements through libpq
 *
 * (The connection itself — opening, the session, reconnecting, errors,
 * transactions and the write lock — is cf-db-pg-conn.c's.)
 *
 * A statement is sent with its parameters as text (a blob as bytes) and no
 * types, so that the server infers each from where it stands, as SQLite
 * takes any value anywhere. The first run goes as one round trip; a
 * statement run again (an import's insert, row after row) is prepared on
 * the server under a name of its own. Rows are read from the whole result,
 * so a column's text lives until the next step after the last row, a
 * reset or the end of the statement, as in SQLite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-db"

#include "config.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "cf-db-codes.h"
#include "cf-db-pg-private.h"

/* Type OIDs, from the server's catalogue (pg_type.h is server-side). */
enum
{
  OID_BOOL    = 16,
  OID_BYTEA   = 17,
  OID_INT8    = 20,
  OID_TEXT    = 25,
  OID_INT2    = 21,
  OID_INT4    = 23,
  OID_OID     = 26,
  OID_FLOAT4  = 700,
  OID_FLOAT8  = 701,
  OID_NUMERIC = 1700,
};


struct _CfDbPgStmt
{
  CfDbPg     *db;
  char       *sql;             /* in the server's dialect */
  int         n_params;
  gboolean    returns_id;
  char      **values;
  int        *lengths;
  int        *formats;
  Oid        *types;           /* an integer is sent as one; text is left for the server to infer */
  char       *name;            /* prepared on the server, once run twice */
  guint       generation;      /* of the connection it was prepared on */
  guint       runs;
  PGresult   *result;
  int         row;
  gboolean    executed;
  gboolean    sent;            /* on its way (cf_db_pg_send): its answer is read when stepped */
  PGresult   *answer;          /* what the server answered a sent statement, read early */
  GHashTable *blobs;           /* column → the current row's bytes, unescaped */
  char        flag[2];         /* a boolean column read as text */
};

static gboolean
has_id (const char *table,
        gpointer    user_data)
{
  CfDbPg *db = user_data;

  /* Every table, and whether it has an id; read again only for a table
   * not seen yet (one a migration made since). */
  if (db->id_tables == NULL || !g_hash_table_contains (db->id_tables, table))
    {
      PGresult *result;

      cf_db_pg_settle (db);
      result = PQexec (db->conn, "SELECT c.relname, bool_or (a.attname = 'id') FROM pg_class c "
                                           "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 "
                                           "AND NOT a.attisdropped WHERE c.relkind = 'r' "
                                           "AND c.relnamespace = current_schema ()::regnamespace GROUP BY c.relname");

      g_clear_pointer (&db->id_tables, g_hash_table_unref);
      db->id_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (PQresultStatus (result) == PGRES_TUPLES_OK)
        for (int r = 0; r < PQntuples (result); r++)
          g_hash_table_insert (db->id_tables, g_strdup (PQgetvalue (result, r, 0)),
                               GINT_TO_POINTER (PQgetvalue (result, r, 1)[0] == 't'));
      PQclear (result);
    }
  return GPOINTER_TO_INT (g_hash_table_lookup (db->id_tables, table));
}

int
cf_db_pg_prepare (CfDbPg      *db,
                  const char  *sql,
                  CfDbPgStmt **stmt)
{
  CfDbPgStmt *made = g_new0 (CfDbPgStmt, 1);

  made->db = db;
  made->sql = cf_db_pg_translate (sql, has_id, db, &made->n_params, &made->returns_id);
  made->values = g_new0 (char *, made->n_params + 1);
  made->lengths = g_new0 (int, made->n_params + 1);
  made->formats = g_new0 (int, made->n_params + 1);
  made->types = g_new0 (Oid, made->n_params + 1);
  /* A parameter the statement never names (SQLite lets ?9 come without ?2
   * to ?8) is sent as text, so that the server need not guess its type. */
  for (int i = 0; i < made->n_params; i++)
    made->types[i] = OID_TEXT;
  for (const char *p = strchr (made->sql, '$'); p != NULL; p = strchr (p + 1, '$'))
    if (g_ascii_isdigit (p[1]))
      {
        gint64 n = g_ascii_strtoll (p + 1, NULL, 10);

        if (n >= 1 && n <= made->n_params)
          made->types[n - 1] = 0;
      }
  made->row = -1;
  *stmt = made;
  return CF_DB_OK;
}

/* Prepared on the server under a name of its own, on this connection. */
static void
prepare_named (CfDbPgStmt *stmt)
{
  g_autofree char *name = g_strdup_printf ("cf_%u", ++stmt->db->n_prepared);
  PGresult *prepared = PQprepare (stmt->db->conn, name, stmt->sql, stmt->n_params, stmt->types);

  if (PQresultStatus (prepared) == PGRES_COMMAND_OK)
    {
      stmt->name = g_steal_pointer (&name);
      stmt->generation = stmt->db->generation;
    }
  PQclear (prepared);
}

/* Prepared by name once run twice; again on a connection made since. */
static void
name_if_run_again (CfDbPgStmt *stmt)
{
  if (stmt->name != NULL && stmt->generation != stmt->db->generation)
    {
      g_clear_pointer (&stmt->name, g_free);
      stmt->runs = 1;
    }
  stmt->runs++;
  if (stmt->runs == 2 && stmt->name == NULL)
    prepare_named (stmt);
}

static PGresult *
execute (CfDbPgStmt *stmt)
{
  CfDbPg *db = stmt->db;
  const char *const *values = (const char *const *) stmt->values;

  if (!cf_db_pg_connected (db))
    return NULL;
  name_if_run_again (stmt);
  if (stmt->name != NULL)
    return PQexecPrepared (db->conn, stmt->name, stmt->n_params, values, stmt->lengths, stmt->formats, 0);
  return PQexecParams (db->conn, stmt->sql, stmt->n_params, stmt->types, values, stmt->lengths, stmt->formats, 0);
}

/**
 * cf_db_pg_send:
 *
 * Sends the statement and returns at once: the server works on it while
 * the program goes on (an import reads its next rows). Its answer is read
 * when it is stepped, or as soon as anything else is asked of the
 * connection. One statement is on its way at a time.
 */
int
cf_db_pg_send (CfDbPgStmt *stmt)
{
  CfDbPg *db = stmt->db;
  const char *const *values = (const char *const *) stmt->values;
  int sent;

  if (!cf_db_pg_connected (db))
    return db->errcode;
  name_if_run_again (stmt);
  sent = stmt->name != NULL
         ? PQsendQueryPrepared (db->conn, stmt->name, stmt->n_params, values, stmt->lengths, stmt->formats, 0)
         : PQsendQueryParams (db->conn, stmt->sql, stmt->n_params, stmt->types, values, stmt->lengths,
                              stmt->formats, 0);
  if (sent != 1)
    {
      g_free (db->errmsg);
      db->errmsg = g_strstrip (g_strdup (PQerrorMessage (db->conn)));
      db->errcode = CF_DB_ERROR;
      return CF_DB_ERROR;
    }
  stmt->sent = TRUE;
  db->in_flight = stmt;
  return CF_DB_OK;
}

/**
 * cf_db_pg_settle:
 *
 * Reads the answer to the statement on its way, if there is one, and keeps
 * it with that statement: the connection is free for the next.
 */
void
cf_db_pg_settle (CfDbPg *db)
{
  CfDbPgStmt *stmt = db->in_flight;
  PGresult *result;

  if (stmt == NULL)
    return;
  db->in_flight = NULL;
  while ((result = PQgetResult (db->conn)) != NULL)
    {
      if (stmt->answer == NULL)
        stmt->answer = result;
      else
        PQclear (result);
    }
}

int
cf_db_pg_step (CfDbPgStmt *stmt)
{
  CfDbPg *db = stmt->db;
  gboolean was_in_transaction;

  if (stmt->executed)
    {
      if (stmt->result == NULL)
        return CF_DB_DONE;
      g_clear_pointer (&stmt->blobs, g_hash_table_unref);
      stmt->row++;
      return stmt->row < PQntuples (stmt->result) ? CF_DB_ROW : CF_DB_DONE;
    }

  stmt->executed = TRUE;
  was_in_transaction = db->in_transaction;
  if (stmt->sent)
    {
      if (db->in_flight == stmt)
        cf_db_pg_settle (db);
      stmt->sent = FALSE;
      stmt->result = g_steal_pointer (&stmt->answer);
      if (stmt->result == NULL)
        {
          g_free (db->errmsg);
          db->errmsg = g_strstrip (g_strdup (PQerrorMessage (db->conn)));
          db->errcode = CF_DB_ERROR;
          return CF_DB_ERROR;
        }
    }
  else
    stmt->result = execute (stmt);
  /* A connection found dead by a read outside any change: the read is asked
   * again on a new one. A write is not: it may have been done before the
   * answer was lost, and its service says so instead. */
  if (PQstatus (db->conn) == CONNECTION_BAD && !was_in_transaction &&
      g_ascii_strncasecmp (stmt->sql, "SELECT", 6) == 0)
    {
      g_clear_pointer (&stmt->result, PQclear);
      stmt->result = execute (stmt);
    }
  if (stmt->result == NULL && db->errmsg != NULL && PQstatus (db->conn) != CONNECTION_OK)
    return db->errcode;
  cf_db_pg_note_transaction (db);
  if (!cf_db_pg_result_ok (db, stmt->result))
    {
      g_debug ("%s\n  in: %.300s", db->errmsg, stmt->sql);
      g_clear_pointer (&stmt->result, PQclear);
      return db->errcode;
    }
  if (PQresultStatus (stmt->result) == PGRES_COMMAND_OK || stmt->returns_id)
    {
      int n = PQntuples (stmt->result);

      db->changes = stmt->returns_id ? n : atoi (PQcmdTuples (stmt->result));
      if (stmt->returns_id && n > 0)
        db->last_insert_rowid = g_ascii_strtoll (PQgetvalue (stmt->result, n - 1, 0), NULL, 10);
      g_clear_pointer (&stmt->result, PQclear);
      return CF_DB_DONE;
    }
  stmt->row = 0;
  return PQntuples (stmt->result) > 0 ? CF_DB_ROW : CF_DB_DONE;
}

int
cf_db_pg_reset (CfDbPgStmt *stmt)
{
  if (stmt->db->in_flight == stmt)
    cf_db_pg_settle (stmt->db);
  stmt->sent = FALSE;
  g_clear_pointer (&stmt->answer, PQclear);
  g_clear_pointer (&stmt->result, PQclear);
  g_clear_pointer (&stmt->blobs, g_hash_table_unref);
  stmt->executed = FALSE;
  stmt->row = -1;
  return CF_DB_OK;
}

int
cf_db_pg_clear_bindings (CfDbPgStmt *stmt)
{
  for (int i = 0; i < stmt->n_params; i++)
    {
      g_clear_pointer (&stmt->values[i], g_free);
      stmt->lengths[i] = 0;
      stmt->formats[i] = 0;
      if (stmt->name == NULL && stmt->types[i] != OID_TEXT)
        stmt->types[i] = 0;
    }
  return CF_DB_OK;
}

void
cf_db_pg_finalize (CfDbPgStmt *stmt)
{
  cf_db_pg_reset (stmt);
  cf_db_pg_clear_bindings (stmt);
  cf_db_pg_settle (stmt->db);
  if (stmt->name != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", stmt->name);

      PQclear (PQexec (stmt->db->conn, sql));
    }
  g_free (stmt->name);
  g_free (stmt->values);
  g_free (stmt->lengths);
  g_free (stmt->formats);
  g_free (stmt->types);
  g_free (stmt->sql);
  g_free (stmt);
}

int
cf_db_pg_bind_parameter_count (CfDbPgStmt *stmt)
{
  return stmt->n_params;
}

static int
bind (CfDbPgStmt *stmt,
      int         index,
      char       *value,
      int         length,
      int         format,
      Oid         type)
{
  if (index < 1 || index > stmt->n_params)
    {
      g_free (value);
      return SQLITE_RANGE;
    }
  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = value;
  stmt->lengths[index - 1] = length;
  stmt->formats[index - 1] = format;
  /* A prepared statement keeps the types it was prepared with; one the
   * statement never names stays text. */
  if (stmt->name == NULL && stmt->types[index - 1] != OID_TEXT)
    stmt->types[index - 1] = type;
  return CF_DB_OK;
}

int
cf_db_pg_bind_int64 (CfDbPgStmt *stmt,
                     int         index,
                     gint64      value)
{
  return bind (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), 0, 0, OID_INT8);
}

int
cf_db_pg_bind_text (CfDbPgStmt *stmt,
                    int         index,
                    const char *text,
                    int         length)
{
  if (text == NULL)
    return bind (stmt, index, NULL, 0, 0, 0);
  return bind (stmt, index, length < 0 ? g_strdup (text) : g_strndup (text, length), 0, 0, 0);
}

int
cf_db_pg_bind_blob (CfDbPgStmt *stmt,
                    int         index,
                    const void *data,
                    int         length)
{
  gsize size = (gsize) MAX (length, 0);
  /* A byte more, zeroed: the value is kept as libpq's NUL-ended parameter. */
  char *copy = g_malloc0 (size + 1);

  if (data != NULL)
    memcpy (copy, data, size);
  /* Bytes go as bytes (binary format), never through text. */
  return bind (stmt, index, copy, length, 1, OID_BYTEA);
}

static gboolean
on_row (CfDbPgStmt *stmt,
        int         column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         column >= 0 && column < PQnfields (stmt->result);
}

int
cf_db_pg_column_count (CfDbPgStmt *stmt)
{
  if (stmt->result == NULL && !stmt->executed)
    {
      /* Asked before the first step: the server describes the statement. */
      PGresult *described;
      int n = 0;

      if (stmt->name == NULL)
        prepare_named (stmt);
      if (stmt->name == NULL)
        return 0;
      described = PQdescribePrepared (stmt->db->conn, stmt->name);
      n = PQnfields (described);
      PQclear (described);
      return n;
    }
  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

const char *
cf_db_pg_column_name (CfDbPgStmt *stmt,
                      int         column)
{
  return stmt->result != NULL ? PQfname (stmt->result, column) : NULL;
}

int
cf_db_pg_column_type (CfDbPgStmt *stmt,
                      int         column)
{
  if (!on_row (stmt, column) || PQgetisnull (stmt->result, stmt->row, column))
    return CF_DB_NULL;
  switch (PQftype (stmt->result, column))
    {
    case OID_BOOL: case OID_INT2: case OID_INT4: case OID_INT8: case OID_OID:
      return CF_DB_INTEGER;
    case OID_FLOAT4: case OID_FLOAT8:
      return CF_DB_FLOAT;
    case OID_NUMERIC:
      return strchr (PQgetvalue (stmt->result, stmt->row, column), '.') != NULL ? CF_DB_FLOAT : CF_DB_INTEGER;
    case OID_BYTEA:
      return CF_DB_BLOB;
    default:
      return CF_DB_TEXT;
    }
}

const char *
cf_db_pg_column_text (CfDbPgStmt *stmt,
                      int         column)
{
  const char *value;

  if (!on_row (stmt, column) || PQgetisnull (stmt->result, stmt->row, column))
    return NULL;
  value = PQgetvalue (stmt->result, stmt->row, column);
  /* SQLite has no booleans: a comparison reads as 1 or 0. */
  if (PQftype (stmt->result, column) == OID_BOOL)
    {
      stmt->flag[0] = value[0] == 't' ? '1' : '0';
      stmt->flag[1] = '\0';
      return stmt->flag;
    }
  if (PQftype (stmt->result, column) == OID_BYTEA)
    return cf_db_pg_column_blob (stmt, column, NULL);
  return value;
}

gint64
cf_db_pg_column_int64 (CfDbPgStmt *stmt,
                       int         column)
{
  const char *text = cf_db_pg_column_text (stmt, column);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

const void *
cf_db_pg_column_blob (CfDbPgStmt *stmt,
                      int         column,
                      gsize      *size)
{
  GBytes *bytes;

  if (size != NULL)
    *size = 0;
  if (!on_row (stmt, column) || PQgetisnull (stmt->result, stmt->row, column))
    return NULL;
  if (PQftype (stmt->result, column) != OID_BYTEA)
    {
      const char *text = PQgetvalue (stmt->result, stmt->row, column);

      if (size != NULL)
        *size = strlen (text);
      return text;
    }
  if (stmt->blobs == NULL)
    stmt->blobs = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_bytes_unref);
  bytes = g_hash_table_lookup (stmt->blobs, GINT_TO_POINTER (column));
  if (bytes == NULL)
    {
      size_t length = 0;
      unsigned char *raw = PQunescapeBytea ((const unsigned char *) PQgetvalue (stmt->result, stmt->row, column),
                                            &length);
      /* One byte more, zero, so that a blob holding text reads as a string. */
      char *copy = g_malloc (length + 1);

      memcpy (copy, raw, length);
      copy[length] = '\0';
      PQfreemem (raw);
      bytes = g_bytes_new_take (copy, length);
      g_hash_table_insert (stmt->blobs, GINT_TO_POINTER (column), bytes);
    }
  if (size != NULL)
    *size = g_bytes_get_size (bytes);
  return g_bytes_get_data (bytes, NULL);
}
