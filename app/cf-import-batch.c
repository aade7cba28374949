/* cf-import-batch.c — a server's rows, sent a batch at a time
 *
 * On a server every statement is a round trip and an executor's start, which
 * cost more than the row: a journal's rows wait here and go five hundred to
 * one INSERT, whose RETURNING names the keys that were new. A full batch is
 * sent without waiting, and the server inserts it while the import reads the
 * next five hundred rows; it is settled — its answer read — before the next
 * is sent, or before the import asks the database anything else. Then each
 * row's outcome is taken in the file's order exactly as for a row sent
 * alone: the new ones counted and asked about, the others told apart as
 * duplicates or conflicts. A row a batch may not take (a second row with the
 * same key: the first of them is the new one) goes the way of a row stored
 * before it.
 *
 * Whatever else the import writes about a row (a reject) settles and sends
 * the batches before it first, so that the report keeps the file's order. A batch that breaks one
 * of the schema's rules is undone to its savepoint and its rows sent one at
 * a time, each under a savepoint of its own, so that the row that broke the
 * rule is kept aside with why, as on a file, and the others go in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-csv-reader.h"
#include "cf-importer-private.h"
#include "cf-store-private.h"

#define BATCH_ROWS 500

/* A row waiting: its own copy, what the match asked, how it read. The
 * record is the file's text as it was, card numbers and all: masked only
 * for a report that quotes it (a row that was not new: few of a journal's),
 * and wiped when the row is done. */
typedef struct
{
  Row         row;
  guint       line;
  char       *record;
  char       *question_candidates;
  const char *question_rule;
} Waiting;

struct _ImportBatch
{
  GPtrArray *waiting;            /* of Waiting, in the file's order */
  GPtrArray *sent;               /* the batch on its way, or NULL */
  CfDbStmt  *sending;            /* its statement */
  CfDbStmt  *partial;            /* a batch of fewer rows than BATCH_ROWS: the last */
  CfDbStmt  *full;               /* for BATCH_ROWS rows, prepared once */
  gboolean   settling;           /* the rows sent are taken in order: those waiting come after */
};

static void
waiting_free (gpointer data)
{
  Waiting *w = data;

  g_ptr_array_unref (w->row.owned);
  g_free (w->row.natural_key);
  if (w->record != NULL)
    explicit_bzero (w->record, strlen (w->record));
  g_free (w->record);
  g_free (w->question_candidates);
  g_free (w);
}

static gboolean send_waiting  (ImportRun   *run,
                               GError     **error);
static gboolean take_outcomes (ImportRun   *run,
                               GPtrArray   *sent,
                               GHashTable  *inserted,
                               int          rc,
                               GError     **error);

ImportBatch *
cf_import_batch_new (void)
{
  ImportBatch *batch = g_new0 (ImportBatch, 1);

  batch->waiting = g_ptr_array_new_with_free_func (waiting_free);
  return batch;
}

void
cf_import_batch_free (ImportBatch *batch)
{
  if (batch == NULL)
    return;
  g_ptr_array_unref (batch->waiting);
  g_clear_pointer (&batch->sent, g_ptr_array_unref);
  g_clear_pointer (&batch->partial, cf_db_finalize);
  g_clear_pointer (&batch->full, cf_db_finalize);
  g_free (batch);
}

/* @row's strings point into the reader's cells, which the next record
 * overwrites: the copy owns its own. */
static void
copy_row (Row       *to,
          const Row *from)
{
  *to = *from;
  to->owned = g_ptr_array_new_with_free_func (g_free);
  for (guint f = 0; f < CF_N_FIELDS; f++)
    to->values[f] = from->values[f] != NULL ? cf_import_row_own (to, g_strdup (from->values[f])) : NULL;
  to->type_text = from->type_text != NULL ? cf_import_row_own (to, g_strdup (from->type_text)) : NULL;
  to->card_brand = from->card_brand != NULL ? cf_import_row_own (to, g_strdup (from->card_brand)) : NULL;
  to->natural_key = g_strdup (from->natural_key);
}

gboolean
cf_import_batch_add (ImportRun    *run,
                     CfCsvReader  *reader,
                     const Row    *row,
                     guint         line,
                     GError      **error)
{
  Waiting *w = g_new0 (Waiting, 1);

  copy_row (&w->row, row);
  w->line = line;
  w->record = cf_csv_reader_dup_record_text (reader);
  w->question_candidates = g_steal_pointer (&run->question_candidates);
  w->question_rule = run->question_rule;
  g_ptr_array_add (run->batch->waiting, w);
  /* A full batch goes once the one before it is settled; the server inserts
   * it while the next rows are read. */
  return run->batch->waiting->len < BATCH_ROWS || (cf_import_batch_settle (run, error) && send_waiting (run, error));
}

static CfDbStmt *
prepare_rows (ImportRun  *run,
              guint       n_rows,
              GError    **error)
{
  g_autoptr(GString) sql = g_string_new (CF_IMPORT_INSERT_TRANSACTION "VALUES ");

  cf_sql_append_rows (sql, n_rows, CF_IMPORT_TRANSACTION_COLUMNS);
  /* Each row's line tells it apart, its key might not: the stored key is
   * the one the scrubber saw. */
  g_string_append (sql, " ON CONFLICT (natural_key) DO NOTHING RETURNING source_line, id");
  return cf_store_prepare (run->store, sql->str, error);
}

/* One row alone, under a savepoint: a rule it breaks keeps it aside. */
/* The row as a report quotes it. */
static char *
quoted (const Waiting *w)
{
  return cf_card_number_scrub (w->record, CF_CARD_SCRUB_ANY, NULL);
}

static gboolean
send_alone (ImportRun  *run,
            Waiting    *w,
            GError    **error)
{
  CfDbStmt *s = run->insert_txn;
  int rc;

  if (!cf_store_exec (run->store, "SAVEPOINT cf_row", error))
    return FALSE;
  cf_import_bind_transaction (run, s, 0, &w->row, w->line);
  rc = cf_db_step (s);
  cf_db_reset (s);
  cf_db_clear_bindings (s);
  if (rc == SQLITE_CONSTRAINT_CHECK)
    {
      g_autofree char *reason = g_strdup (cf_db_errmsg (cf_store_get_db (run->store)));
      g_autofree char *text = quoted (w);

      return cf_store_exec (run->store, "ROLLBACK TO SAVEPOINT cf_row; RELEASE SAVEPOINT cf_row", error) &&
             cf_import_store_reject (run, CF_IMPORT_REJECT_BAD_ROW, w->line, NULL, reason, text, 0, error);
    }
  if (rc != CF_DB_DONE)
    return cf_store_set_error (run->store, error, _("saving a transaction"));
  if (!cf_store_exec (run->store, "RELEASE SAVEPOINT cf_row", error))
    return FALSE;
  run->question_candidates = g_steal_pointer (&w->question_candidates);
  run->question_rule = w->question_rule;
  {
    gint64 id = cf_db_changes (cf_store_get_db (run->store)) > 0
                ? cf_db_last_insert_rowid (cf_store_get_db (run->store)) : 0;
    g_autofree char *text = id == 0 ? quoted (w) : NULL;

    return cf_import_store_outcome (run, NULL, &w->row, w->line, text, id, error);
  }
}

/* Sends the rows waiting under a savepoint, without waiting for the
 * server: it inserts them while the import reads the next ones. */
static gboolean
send_waiting (ImportRun  *run,
              GError    **error)
{
  ImportBatch *batch = run->batch;
  GPtrArray *rows = batch->waiting;
  CfDbStmt *s;

  if (rows->len == BATCH_ROWS && batch->full == NULL &&
      (batch->full = prepare_rows (run, BATCH_ROWS, error)) == NULL)
    return FALSE;
  if (rows->len < BATCH_ROWS && (batch->partial = prepare_rows (run, rows->len, error)) == NULL)
    return FALSE;
  s = rows->len == BATCH_ROWS ? batch->full : batch->partial;
  if (!cf_store_exec (run->store, "SAVEPOINT cf_batch", error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      Waiting *w = rows->pdata[i];

      cf_import_bind_transaction (run, s, (int) i * CF_IMPORT_TRANSACTION_COLUMNS, &w->row, w->line);
    }
  /* Taken out first: what an outcome writes (a conflict's reject) finds none waiting. */
  batch->sent = g_steal_pointer (&batch->waiting);
  batch->waiting = g_ptr_array_new_with_free_func (waiting_free);
  batch->sending = s;
  if (cf_db_send (s) != CF_DB_OK)
    return cf_store_set_error (run->store, error, _("saving a transaction"));
  return TRUE;
}

/* The server's answer to the batch on its way: each new row's line → its
 * transaction id. Returns CF_DB_DONE, or the code of the rule it broke. */
static int
answer (ImportBatch *batch,
        GHashTable  *inserted)
{
  CfDbStmt *s = g_steal_pointer (&batch->sending);
  int rc;

  while ((rc = cf_db_step (s)) == CF_DB_ROW)
    {
      gint64 id = cf_db_column_int64 (s, 1);

      g_hash_table_insert (inserted, GSIZE_TO_POINTER ((gsize) cf_db_column_int64 (s, 0)), g_memdup2 (&id, sizeof id));
    }
  cf_db_reset (s);
  cf_db_clear_bindings (s);
  return rc;
}

/**
 * cf_import_batch_settle:
 *
 * Waits for the batch on its way, if any, and takes each of its rows'
 * outcomes in order. Whatever else the import asks of the database first
 * settles the batch: the batch's savepoint ends before anything else is
 * written, and a batch the server refused is known before anything else is
 * asked.
 */
gboolean
cf_import_batch_settle (ImportRun  *run,
                        GError    **error)
{
  ImportBatch *batch = run->batch;
  g_autoptr(GPtrArray) sent = batch != NULL ? g_steal_pointer (&batch->sent) : NULL;
  g_autoptr(GHashTable) inserted = NULL;
  gboolean ok;
  int rc;

  if (sent == NULL)
    return TRUE;
  inserted = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  rc = answer (batch, inserted);
  batch->settling = TRUE;
  ok = take_outcomes (run, sent, inserted, rc, error);
  batch->settling = FALSE;
  return ok;
}

/* Each sent row's outcome, in the file's order; a batch the server refused
 * is undone and its rows sent one at a time. */
static gboolean
take_outcomes (ImportRun   *run,
               GPtrArray   *sent,
               GHashTable  *inserted,
               int          rc,
               GError     **error)
{
  ImportBatch *batch = run->batch;

  g_clear_pointer (&batch->partial, cf_db_finalize);
  if (rc != CF_DB_DONE && rc != SQLITE_CONSTRAINT_CHECK)
    return cf_store_set_error (run->store, error, _("saving a transaction"));
  if (rc == SQLITE_CONSTRAINT_CHECK)
    {
      if (!cf_store_exec (run->store, "ROLLBACK TO SAVEPOINT cf_batch; RELEASE SAVEPOINT cf_batch", error))
        return FALSE;
      for (guint i = 0; i < sent->len; i++)
        if (!send_alone (run, sent->pdata[i], error))
          return FALSE;
      return TRUE;
    }
  if (!cf_store_exec (run->store, "RELEASE SAVEPOINT cf_batch", error))
    return FALSE;
  for (guint i = 0; i < sent->len; i++)
    {
      Waiting *w = sent->pdata[i];
      /* Of two rows with one key the first is the new one; the second is as
       * if stored before it, and not returned. */
      gint64 *id = g_hash_table_lookup (inserted, GSIZE_TO_POINTER ((gsize) w->line));
      g_autofree char *text = id == NULL ? quoted (w) : NULL;

      run->question_candidates = g_steal_pointer (&w->question_candidates);
      run->question_rule = w->question_rule;
      if (!cf_import_store_outcome (run, NULL, &w->row, w->line, text, id != NULL ? *id : 0, error))
        return FALSE;
      g_clear_pointer (&run->question_candidates, g_free);
    }
  return TRUE;
}

/**
 * cf_import_batch_flush:
 *
 * Settles the batch on its way, sends the rows waiting and settles them
 * too: every row so far has its outcome.
 */
gboolean
cf_import_batch_flush (ImportRun  *run,
                       GError    **error)
{
  /* What a row being settled writes (its reject) comes before the rows
   * waiting: they stay. */
  if (run->batch->settling)
    return TRUE;
  if (!cf_import_batch_settle (run, error))
    return FALSE;
  if (run->batch->waiting->len == 0)
    return TRUE;
  return send_waiting (run, error) && cf_import_batch_settle (run, error);
}
