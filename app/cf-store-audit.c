/* cf-store-audit.c — the store's audit log, a hash chain, and the check of
 * the whole database
 *
 * Every entry carries the SHA-256 of the previous entry's hash and its own
 * content; entries are appended in one statement that reads the last hash,
 * so that two writers cannot chain onto the same entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-store-private.h"

/**
 * cf_store_finish_audited:
 * @ok: whether the change inside the open transaction succeeded
 *
 * Ends a change begun with BEGIN: when @ok, adds its audit entry and
 * commits both; otherwise, or when either fails, rolls everything back.
 *
 * Returns: whether the change and its audit entry were committed
 */
gboolean
cf_store_finish_audited (CfStore     *self,
                         gboolean     ok,
                         const char  *operator_no,
                         const char  *action,
                         const char  *object_type,
                         gint64       object_id,
                         const char  *details,
                         GError     **error)
{
  ok = ok && cf_store_add_audit_entry (self, operator_no, action, object_type, object_id, details, error);
  if (ok)
    ok = cf_store_exec (self, "COMMIT", error);
  if (!ok)
    cf_store_exec (self, "ROLLBACK", NULL);
  return ok;
}

/* The hash of an audit entry: the previous entry's hash, then each field,
 * NULL told apart from empty, so that no two entries can share a text. */
char *
cf_store_audit_hash (const char *previous,
            const char *at,
            const char *operator_no,
            const char *action,
            const char *object_type,
            const char *object_id,
            const char *details)
{
  const char *fields[] = { at, operator_no, action, object_type, object_id, details };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) (previous != NULL ? previous : ""), -1);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_checksum_update (sum, (const guchar *) (fields[i] != NULL ? "\x1e" : "\x1f"), 1);
      if (fields[i] != NULL)
        g_checksum_update (sum, (const guchar *) fields[i], -1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

void
cf_store_audit_hash_sql (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const char *text[7];
  g_autofree char *hash = NULL;

  for (int i = 0; i < 7; i++)
    text[i] = sqlite3_value_type (argv[i]) == CF_DB_NULL ? NULL : (const char *) sqlite3_value_text (argv[i]);
  hash = cf_store_audit_hash (text[0], text[1], text[2], text[3], text[4], text[5], text[6]);
  sqlite3_result_text (context, hash, -1, CF_DB_TRANSIENT);
}

/**
 * cf_store_add_audit_entry:
 * @operator_no: (nullable): who did it
 * @action: what was done, `import`
 * @details: (nullable): JSON or text with the particulars
 *
 * Records who did what; call inside the transaction that does it, so that
 * both are there or neither.
 */
gboolean
cf_store_add_audit_entry (CfStore     *self,
                          const char  *operator_no,
                          const char  *action,
                          const char  *object_type,
                          gint64       object_id,
                          const char  *details,
                          GError     **error)
{
  g_autofree char *with_override = NULL;
  const char *override_by;
  g_autoptr(CfDbStmt) stmt = NULL;
  char now[21];
  gboolean ok;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  /* What a clerk does on a manager's authority names both. */
  override_by = cf_store_get_override (self);
  if (override_by != NULL && g_strcmp0 (override_by, operator_no) != 0)
    details = with_override = g_strdup_printf ("%s%s[manager override: %s]", details != NULL ? details : "",
                                               details != NULL ? " " : "", override_by);

  /* One statement reads the last hash and appends: it holds the write lock
   * from its start, so two writers cannot both chain onto the same entry. */
  stmt = cf_store_prepare (self,
    "INSERT INTO audit_log (at, operator_no, action, object_type, object_id, details, prev_hash, hash) "
    "SELECT ?1, ?2, ?3, ?4, CAST (?5 AS BIGINT), ?6, last, "
    "       cf_audit_hash (last, ?1, ?2, ?3, ?4, CAST (CAST (?5 AS BIGINT) AS TEXT), ?6) "
    "FROM (SELECT coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS last) AS head", error);
  if (stmt == NULL)
    return FALSE;
  cf_store_now_utc (now);
  cf_sql_bind_text (stmt, 1, now, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 2, operator_no, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 3, action, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 4, object_type, CF_DB_STATIC);
  if (object_id > 0)
    cf_db_bind_int64 (stmt, 5, object_id);
  cf_sql_bind_text (stmt, 6, details, CF_DB_STATIC);
  ok = cf_db_step (stmt) == CF_DB_DONE || cf_store_set_error (self, error, _("writing the audit log"));
  return ok;
}

/**
 * cf_store_verify_audit_chain:
 * @first_broken: (out): the first entry whose hash or link does not match, 0 when none
 * @n_entries: (out) (optional): how many entries were checked
 *
 * Recomputes every entry's hash from the one before it and its content.
 *
 * Returns: %FALSE with @error set when the log could not be read; otherwise
 *   %TRUE, and *@first_broken tells whether the chain holds
 */
gboolean
cf_store_verify_audit_chain (CfStore  *self,
                             gint64   *first_broken,
                             guint64  *n_entries,
                             GError  **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (self, "SELECT id, at, operator_no, action, object_type, object_id, details, "
                                               "coalesce (prev_hash, ''), coalesce (hash, '') FROM audit_log ORDER BY id",
                                         error);
  g_autofree char *previous = g_strdup ("");
  guint64 n = 0;

  *first_broken = 0;
  if (stmt == NULL)
    return FALSE;
  while (*first_broken == 0 && cf_db_step (stmt) == CF_DB_ROW)
    {
      g_autofree char *expected = cf_store_audit_hash (previous, (const char *) cf_db_column_text (stmt, 1),
                                              (const char *) cf_db_column_text (stmt, 2),
                                              (const char *) cf_db_column_text (stmt, 3),
                                              (const char *) cf_db_column_text (stmt, 4),
                                              cf_db_column_type (stmt, 5) == CF_DB_NULL ? NULL
                                                : (const char *) cf_db_column_text (stmt, 5),
                                              (const char *) cf_db_column_text (stmt, 6));

      n++;
      if (g_strcmp0 ((const char *) cf_db_column_text (stmt, 7), previous) != 0 ||
          g_strcmp0 ((const char *) cf_db_column_text (stmt, 8), expected) != 0)
        *first_broken = cf_db_column_int64 (stmt, 0);
      g_free (previous);
      previous = g_steal_pointer (&expected);
    }
  g_clear_pointer (&stmt, cf_db_finalize);
  if (n_entries != NULL)
    *n_entries = n;
  return TRUE;
}

/**
 * cf_store_check:
 *
 * Checks the file (SQLite's integrity check), the links between rows
 * (foreign keys) and the audit chain.
 *
 * Returns: (transfer full) (element-type utf8): what is wrong, one problem a
 *   line, empty when nothing is; %NULL with @error set when checking failed
 */
GPtrArray *
cf_store_check (CfStore  *self,
                GError  **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CfDbStmt) stmt = NULL;
  gint64 broken = 0;

  /* A file is checked page by page and link by link; a server keeps its
   * own pages and never lets a row point to a missing one. */
  if (!cf_store_is_server (self))
    {
      if ((stmt = cf_store_prepare (self, "PRAGMA integrity_check", error)) == NULL)
        return NULL;
      while (cf_db_step (stmt) == CF_DB_ROW)
        if (g_strcmp0 ((const char *) cf_db_column_text (stmt, 0), "ok") != 0)
          g_ptr_array_add (problems, g_strdup_printf (_("damaged file: %s"), cf_db_column_text (stmt, 0)));
      g_clear_pointer (&stmt, cf_db_finalize);

      if ((stmt = cf_store_prepare (self, "PRAGMA foreign_key_check", error)) == NULL)
        return NULL;
      while (cf_db_step (stmt) == CF_DB_ROW)
        g_ptr_array_add (problems, g_strdup_printf (_("row %lld of %s points to a missing row of %s"),
                                                    (long long) cf_db_column_int64 (stmt, 1),
                                                    cf_db_column_text (stmt, 0), cf_db_column_text (stmt, 2)));
      g_clear_pointer (&stmt, cf_db_finalize);
    }

  if (!cf_store_verify_audit_chain (self, &broken, NULL, error))
    return NULL;
  if (broken != 0)
    g_ptr_array_add (problems, g_strdup_printf (_("the audit log was altered at entry %lld or the one before it"),
                                                (long long) broken));

  /* A signed report must hash to its SHA-256, and that SHA-256 must be the
   * one its sign-off entry in the chained log recorded. */
  if ((stmt = cf_store_prepare (self,
         "SELECT r.sequence_no, r.shift_id, r.content, r.sha256, "
         "       (SELECT group_concat (a.details, ' ') FROM audit_log a WHERE a.action = 'sign-off-handover' "
         "        AND a.object_type = 'shift' AND a.object_id = r.shift_id) "
         "FROM handover_reports r ORDER BY r.sequence_no", error)) == NULL)
    return NULL;
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, cf_db_column_blob (stmt, 2),
                                                          (gsize) cf_db_column_bytes (stmt, 2));
      g_autofree char *recorded = g_strdup_printf ("\"sha256\":\"%s\"", sum);
      /* The log's details pass the card number scrubber, and a digest's
       * digits can run long enough to look like a card: the entry then
       * holds the digest as the scrubber left it. */
      g_autofree char *recorded_scrubbed = cf_card_number_scrub (recorded, CF_CARD_SCRUB_ANY, NULL);
      const char *entries = (const char *) cf_db_column_text (stmt, 4);

      if (g_strcmp0 (sum, (const char *) cf_db_column_text (stmt, 3)) != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("signed report No. %06lld (shift #%lld) does not match its SHA-256: "
                                                      "it was altered"),
                                                    (long long) cf_db_column_int64 (stmt, 0),
                                                    (long long) cf_db_column_int64 (stmt, 1)));
      else if (entries == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("signed report No. %06lld (shift #%lld) has no sign-off in the "
                                                      "audit log: entries were removed"),
                                                    (long long) cf_db_column_int64 (stmt, 0),
                                                    (long long) cf_db_column_int64 (stmt, 1)));
      else if (strstr (entries, recorded) == NULL && strstr (entries, recorded_scrubbed) == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("signed report No. %06lld (shift #%lld) is not the one its "
                                                      "sign-off recorded in the audit log: it was replaced"),
                                                    (long long) cf_db_column_int64 (stmt, 0),
                                                    (long long) cf_db_column_int64 (stmt, 1)));
    }
  return g_steal_pointer (&problems);
}
