/* cf-store-migrate.c — moving a shop's database file onto a PostgreSQL server
 *
 * Every row of every table is copied with its id, in one transaction on the
 * server: the signed reports byte for byte, the audit log with its links as
 * they were. Before the commit the server's copy is checked as the file was
 * — the same number of rows in each table, the audit chain whole and ending
 * where the file's ends, each signed report hashing to what was signed —
 * and anything amiss rolls it all back. The file's anchors go with it, to
 * this desk's anchor file for the server, so that `audit verify` answers on
 * the server as it did on the file. Run again, it finds the server's chain
 * to be the start of the file's and adds nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-audit-anchors.h"
#include "cf-audit-anchors-private.h"
#include "cf-store-private.h"

/* In the order their references need: a row's parents come first. */
static const char *const tables[] = {
  "merchants", "terminals", "operators", "imports", "transactions", "import_rejects", "audit_log",
  "settings", "duplicates", "loss_incidents", "loss_slips", "replacement_requests", "request_slips",
  "request_history", "request_documents", "shifts", "shift_terminals", "handover_reports",
  "transaction_sources", "transaction_discrepancies", "match_questions", "reconcile_marks",
  "fee_rates", "settlement_deposits", "reconciliation_reports",
};

/* Tables numbered by an identity on the server, whose next id follows the
 * copy (the others take the last id plus one, as in the file). */
static const char *const numbered[] = {
  "merchants", "terminals", "operators", "imports", "transactions", "import_rejects",
  "request_history", "transaction_sources", "transaction_discrepancies", "match_questions",
};

/* Rows sent in one statement: fewer round trips, within the server's limit
 * of parameters (transactions have 38 columns). */
#define BATCH 200

static gint64
count_rows (CfStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, sql, NULL);

  return stmt != NULL && cf_db_step (stmt) == CF_DB_ROW ? cf_db_column_int64 (stmt, 0) : -1;
}

static CfDbStmt *
prepare_insert (CfStore     *server,
                const char  *table,
                const char  *columns,
                int          n_columns,
                guint        n_rows,
                GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES ", table, columns);
  cf_sql_append_rows (sql, n_rows, (guint) n_columns);
  return cf_store_prepare (server, sql->str, error);
}

/* One value of a row read from the file, kept until its batch is sent. */
typedef struct
{
  int     type;
  gint64  number;
  GBytes *bytes;                /* text (with its NUL) or a blob */
} Cell;

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_clear_pointer (&cell->bytes, g_bytes_unref);
}

/* The value as it is stored, not a byte changed: it was masked on the way in. */
static void
cell_read (Cell     *cell,
           CfDbStmt *from,
           int       column)
{
  cell->type = cf_db_column_type (from, column);
  if (cell->type == CF_DB_INTEGER)
    cell->number = cf_db_column_int64 (from, column);
  else if (cell->type == CF_DB_BLOB)
    cell->bytes = g_bytes_new (cf_db_column_blob (from, column), cf_db_column_bytes (from, column));
  else if (cell->type != CF_DB_NULL)
    {
      const char *text = (const char *) cf_db_column_text (from, column);

      cell->bytes = g_bytes_new (text, strlen (text) + 1);
    }
}

static void
cell_bind (const Cell *cell,
           CfDbStmt   *to,
           int         index)
{
  if (cell->type == CF_DB_INTEGER)
    cf_db_bind_int64 (to, index, cell->number);
  else if (cell->type == CF_DB_BLOB)
    cf_db_bind_blob (to, index, g_bytes_get_data (cell->bytes, NULL), (int) g_bytes_get_size (cell->bytes),
                     CF_DB_STATIC);
  else if (cell->type == CF_DB_NULL)
    cf_db_bind_null (to, index);
  else
    cf_db_bind_text (to, index, g_bytes_get_data (cell->bytes, NULL), -1, CF_DB_STATIC);
}

typedef struct
{
  CfStore    *server;
  const char *table;
  GString    *columns;
  int         n_columns;
  CfDbStmt   *full;              /* for a whole batch, prepared once */
  GArray     *cells;             /* of Cell: the rows read and not yet sent */
} Copy;

static gboolean
send_rows (Copy    *copy,
           GError **error)
{
  guint n_rows = copy->cells->len / (guint) copy->n_columns;
  g_autoptr(CfDbStmt) partial = NULL;
  g_autofree char *doing = g_strdup_printf (_("copying %s"), copy->table);
  CfDbStmt *stmt;
  gboolean ok;

  if (n_rows == 0)
    return TRUE;
  if (n_rows == BATCH && copy->full == NULL)
    copy->full = prepare_insert (copy->server, copy->table, copy->columns->str, copy->n_columns, BATCH, error);
  else if (n_rows < BATCH)
    partial = prepare_insert (copy->server, copy->table, copy->columns->str, copy->n_columns, n_rows, error);
  stmt = n_rows == BATCH ? copy->full : partial;
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < copy->cells->len; i++)
    cell_bind (&g_array_index (copy->cells, Cell, i), stmt, (int) i + 1);
  ok = cf_store_step_done (copy->server, stmt, doing, error);
  g_array_set_size (copy->cells, 0);
  return ok;
}

static gboolean
copy_table (CfStore     *file,
            CfStore     *server,
            const char  *table,
            guint64     *copied,
            GError     **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", table);
  g_autoptr(CfDbStmt) rows = cf_store_prepare (file, select, error);
  g_autoptr(GString) columns = g_string_new (NULL);
  Copy copy = { server, table, columns, 0, NULL, NULL };
  gboolean ok = TRUE;
  int rc;

  if (rows == NULL)
    return FALSE;
  copy.n_columns = cf_db_column_count (rows);
  for (int c = 0; c < copy.n_columns; c++)
    g_string_append_printf (columns, c > 0 ? ", %s" : "%s", cf_db_column_name (rows, c));
  copy.cells = g_array_sized_new (FALSE, TRUE, sizeof (Cell), (guint) copy.n_columns * BATCH);
  g_array_set_clear_func (copy.cells, cell_clear);

  while (ok && (rc = cf_db_step (rows)) == CF_DB_ROW)
    {
      for (int c = 0; c < copy.n_columns; c++)
        {
          Cell cell = { 0 };

          cell_read (&cell, rows, c);
          g_array_append_val (copy.cells, cell);
        }
      (*copied)++;
      if (copy.cells->len == (guint) copy.n_columns * BATCH)
        ok = send_rows (&copy, error);
    }
  if (ok && rc != CF_DB_DONE)
    ok = cf_store_set_error (file, error, _("reading the file"));
  ok = ok && send_rows (&copy, error);
  g_clear_pointer (&copy.full, cf_db_finalize);
  g_array_unref (copy.cells);
  return ok;
}

/* The next id each numbered table gives is the one after the copy's last. */
static gboolean
continue_numbering (CfStore  *server,
                    GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (numbered); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'), "
                                              "coalesce (max (id), 0) + 1, false) FROM %s", numbered[i], numbered[i]);
      g_autoptr(CfDbStmt) stmt = cf_store_prepare (server, sql, error);

      if (stmt == NULL || cf_db_step (stmt) != CF_DB_ROW)
        return stmt != NULL && cf_store_set_error (server, error, _("numbering on from the copy"));
    }
  return TRUE;
}

/* Each signed report on the server is, byte for byte, the one in the file. */
static gboolean
reports_agree (CfStore     *file,
               CfStore     *server,
               const char  *table,
               guint       *n_reports,
               GError     **error)
{
  g_autofree char *in_file = g_strdup_printf ("SELECT id, content FROM %s ORDER BY id", table);
  g_autofree char *on_server = g_strdup_printf ("SELECT id, encode (sha256 (content), 'hex'), sha256 FROM %s ORDER BY id",
                                                table);
  g_autoptr(CfDbStmt) a = cf_store_prepare (file, in_file, error);
  g_autoptr(CfDbStmt) b = a != NULL ? cf_store_prepare (server, on_server, error) : NULL;

  if (b == NULL)
    return FALSE;
  while (cf_db_step (a) == CF_DB_ROW)
    {
      g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, cf_db_column_blob (a, 1),
                                                          (gsize) cf_db_column_bytes (a, 1));

      if (cf_db_step (b) != CF_DB_ROW || cf_db_column_int64 (a, 0) != cf_db_column_int64 (b, 0) ||
          g_strcmp0 (sum, (const char *) cf_db_column_text (b, 1)) != 0)
        {
          g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_SQL,
                       _("signed report #%lld of %s did not arrive as it was signed"),
                       (long long) cf_db_column_int64 (a, 0), table);
          return FALSE;
        }
      (*n_reports)++;
    }
  return TRUE;
}

/* The file's anchors go to this desk's anchor file for the server, unless
 * it already holds them. */
static gboolean
carry_anchors (CfStore     *file,
               const char  *conninfo,
               GError     **error)
{
  g_autofree char *from = cf_audit_anchors_path (cf_store_get_path (file));
  g_autofree char *to = cf_audit_anchors_path (conninfo);
  g_autofree char *dir = g_path_get_dirname (to);
  g_autofree char *text = NULL;
  g_autofree char *there = NULL;
  gsize length = 0;

  if (!g_file_get_contents (from, &text, &length, NULL) || length == 0)
    return TRUE;
  if (g_file_get_contents (to, &there, NULL, NULL) && strstr (there, text) != NULL)
    return TRUE;
  g_mkdir_with_parents (dir, 0700);
  if (there != NULL && *there != '\0')
    {
      g_autofree char *both = g_strconcat (text, there, NULL);

      return g_file_set_contents_full (to, both, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
    }
  return g_file_set_contents_full (to, text, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* What the server holds already: this very shop (the server's chain is the
 * start of the file's), nothing yet, or another's data. */
typedef enum
{
  SERVER_EMPTY,
  SERVER_HAS_THIS_SHOP,
  SERVER_HAS_OTHER_DATA,
} ServerHolds;

static ServerHolds
server_holds (CfStore *file,
              CfStore *server,
              guint64 *file_entries_after)
{
  g_autofree char *server_hash = NULL;
  gint64 server_head = 0;

  if (cf_audit_head (cf_store_get_db (server), &server_head, &server_hash) && server_head > 0)
    {
      g_autoptr(CfDbStmt) stmt = cf_store_prepare (file, "SELECT hash, (SELECT count (*) FROM audit_log WHERE id > ?1) "
                                                         "FROM audit_log WHERE id = ?1", NULL);

      if (stmt == NULL)
        return SERVER_HAS_OTHER_DATA;
      cf_db_bind_int64 (stmt, 1, server_head);
      if (cf_db_step (stmt) == CF_DB_ROW && g_strcmp0 ((const char *) cf_db_column_text (stmt, 0), server_hash) == 0)
        {
          *file_entries_after = (guint64) cf_db_column_int64 (stmt, 1);
          return SERVER_HAS_THIS_SHOP;
        }
      return SERVER_HAS_OTHER_DATA;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (count_rows (server, tables[i]) != 0)
      return SERVER_HAS_OTHER_DATA;
  return SERVER_EMPTY;
}

static gboolean
check_before (CfStore  *file,
              gint64   *head_id,
              char    **head_hash,
              GError  **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  gint64 broken = 0;

  if (!cf_store_verify_audit_chain (file, &broken, NULL, error))
    return FALSE;
  if (broken == 0)
    problems = cf_audit_anchors_check (file);
  if (broken != 0 || problems->len > 0)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_CHAIN,
                   _("%s was not moved: its audit log does not hold (%s). Run “counterfoil check” on it first."),
                   cf_store_get_path (file),
                   broken != 0 ? _("an entry does not follow from the one before it")
                               : (const char *) g_ptr_array_index (problems, 0));
      return FALSE;
    }
  return cf_audit_head (cf_store_get_db (file), head_id, head_hash);
}

static gboolean
copy_and_check (CfStore          *file,
                CfStore          *server,
                gint64            head_id,
                const char       *head_hash,
                CfMigrateResult  *result,
                GError          **error)
{
  g_autofree char *server_hash = NULL;
  gint64 server_head = 0;
  gint64 broken = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      guint64 copied = 0;

      if (!copy_table (file, server, tables[i], &copied, error))
        return FALSE;
      if (count_rows (server, tables[i]) != (gint64) copied || count_rows (file, tables[i]) != (gint64) copied)
        {
          g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_SQL,
                       _("%s: %llu rows were read but the server holds %lld"),
                       tables[i], (unsigned long long) copied, (long long) count_rows (server, tables[i]));
          return FALSE;
        }
      result->rows += copied;
      if (g_str_equal (tables[i], "transactions"))
        result->transactions = copied;
      else if (g_str_equal (tables[i], "audit_log"))
        result->audit_entries = copied;
    }
  if (!continue_numbering (server, error) ||
      !reports_agree (file, server, "handover_reports", &result->reports, error) ||
      !reports_agree (file, server, "reconciliation_reports", &result->reports, error) ||
      !cf_store_verify_audit_chain (server, &broken, NULL, error) ||
      !cf_audit_head (cf_store_get_db (server), &server_head, &server_hash))
    return FALSE;
  if (broken != 0 || server_head != head_id || g_strcmp0 (server_hash, head_hash) != 0)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_CHAIN,
                   _("the audit log did not arrive whole on the server (it breaks at entry %lld)"), (long long) broken);
      return FALSE;
    }
  return TRUE;
}

/**
 * cf_store_migrate_to:
 * @self: a shop's database file
 * @conninfo: the server's database (`postgresql://…`, `service=…`)
 * @result: (out caller-allocates): what was copied
 *
 * Copies the whole shop onto the server, in one transaction there: all or
 * nothing. A file whose audit log does not hold, or a server database that
 * holds another shop's data, is refused. When the server already holds this
 * shop (its audit log is the start of the file's), nothing is copied:
 * @result->already says so, and how many entries the file has gained since
 * (a sign-in, work done on the file after the move), which stay in the file.
 *
 * Returns: whether the shop is on the server now
 */
gboolean
cf_store_migrate_to (CfStore          *self,
                     const char       *conninfo,
                     CfMigrateResult  *result,
                     GError          **error)
{
  g_autoptr(CfStore) server = NULL;
  g_autofree char *head_hash = NULL;
  gint64 head_id = 0;
  gboolean ok;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  memset (result, 0, sizeof *result);

  if (cf_store_is_server (self) || !cf_db_is_conninfo (conninfo))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN,
                   _("A shop moves from its database file to a PostgreSQL server: --db names the file and "
                     "--to the server (postgresql://… or service=…)"));
      return FALSE;
    }
  if (!check_before (self, &head_id, &head_hash, error) ||
      (server = cf_store_open (conninfo, error)) == NULL)
    return FALSE;
  /* The whole copy holds the server's write lock: no desk writes in between. */
  if (!cf_store_exec (server, "BEGIN IMMEDIATE", error))
    return FALSE;
  switch (server_holds (self, server, &result->file_entries_after))
    {
    case SERVER_HAS_THIS_SHOP:
      result->already = TRUE;
      cf_store_exec (server, "ROLLBACK", NULL);
      return carry_anchors (self, conninfo, error);
    case SERVER_HAS_OTHER_DATA:
      cf_store_exec (server, "ROLLBACK", NULL);
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OTHER_SHOP,
                   _("%s already holds another shop's data; nothing was copied"), conninfo);
      return FALSE;
    case SERVER_EMPTY:
    default:
      break;
    }
  ok = copy_and_check (self, server, head_id, head_hash, result, error) &&
       cf_store_set_setting (server, "migrated.from", cf_store_get_path (self), error) &&
       cf_store_exec (server, "COMMIT", error);
  if (!ok)
    {
      cf_store_exec (server, "ROLLBACK", NULL);
      memset (result, 0, sizeof *result);
      g_prefix_error (error, _("Nothing was copied to the server: "));
      return FALSE;
    }
  cf_store_note_rows_added (server, result->transactions);
  return carry_anchors (self, conninfo, error);
}
