/* cf-store-imports.c — the store's record of imports: which file, when, by
 * whom, what came of it, and the rows it refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-store-private.h"
#include "cf-import-report.h"

/**
 * cf_store_get_import_info:
 * @file_name: (out) (transfer full): the file as it was imported
 * @imported_at: (out) (transfer full): when, UTC
 * @operator_no: (out) (transfer full) (nullable): by whom
 *
 * Returns: whether the import is known
 */
gboolean
cf_store_get_import_info (CfStore     *self,
                          gint64       import_id,
                          char       **file_name,
                          char       **imported_at,
                          char       **operator_no,
                          GError     **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  stmt = cf_store_prepare (self, "SELECT file_name, imported_at, operator_no FROM imports WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  cf_db_bind_int64 (stmt, 1, import_id);
  found = cf_db_step (stmt) == CF_DB_ROW;
  if (found)
    {
      *file_name = cf_sql_dup_text (stmt, 0);
      *imported_at = cf_sql_dup_text (stmt, 1);
      *operator_no = cf_sql_dup_text (stmt, 2);
    }
  else
    g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND, _("There is no import #%lld"), (long long) import_id);
  return found;
}

/**
 * cf_store_list_imports:
 * @limit: at most this many, newest first
 *
 * Returns: (transfer full) (element-type CfImportReport): the recorded imports,
 *   with their counts but without their rejected rows (see
 *   cf_store_load_import_rejects())
 */
GPtrArray *
cf_store_list_imports (CfStore  *self,
                       guint     limit,
                       GError  **error)
{
  g_autoptr(GPtrArray) imports = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_import_report_unref);
  g_autoptr(CfDbStmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  stmt = cf_store_prepare (self, "SELECT id, file_name, sha256, encoding, profile, rows, imported, duplicates, "
                                 "conflicts, rejected, skipped, masked_pans, imported_at, notes FROM imports "
                                 "ORDER BY id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  cf_db_bind_int (stmt, 1, (int) limit);
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      CfImportReport *r = cf_import_report_new ((const char *) cf_db_column_text (stmt, 1));
      int c = 0;

      r->import_id = cf_db_column_int64 (stmt, c);
      c += 2;
      r->sha256 = cf_sql_dup_text (stmt, c++);
      r->encoding = cf_sql_dup_text (stmt, c++);
      r->profile = cf_sql_dup_text (stmt, c++);
      r->rows = (guint) cf_db_column_int (stmt, c++);
      r->imported = (guint) cf_db_column_int (stmt, c++);
      r->duplicates = (guint) cf_db_column_int (stmt, c++);
      r->conflicts = (guint) cf_db_column_int (stmt, c++);
      r->rejected = (guint) cf_db_column_int (stmt, c++);
      r->skipped = (guint) cf_db_column_int (stmt, c++);
      r->masked_pans = (guint) cf_db_column_int (stmt, c++);
      r->imported_at = cf_sql_dup_text (stmt, c++);
      if (cf_db_column_type (stmt, c) != CF_DB_NULL)
        {
          g_auto(GStrv) notes = g_strsplit ((const char *) cf_db_column_text (stmt, c), "\n", -1);
          for (guint i = 0; notes[i] != NULL; i++)
            g_ptr_array_add (r->notes, g_strdup (notes[i]));
        }
      g_ptr_array_add (imports, r);
    }
  return g_steal_pointer (&imports);
}

/**
 * cf_store_load_import_rejects:
 * @report: an import from cf_store_list_imports()
 *
 * Fills @report's rejected and conflicting rows from the store.
 */
gboolean
cf_store_load_import_rejects (CfStore         *self,
                              CfImportReport  *report,
                              GError         **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  guint rejected = report->rejected;
  guint conflicts = report->conflicts;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  stmt = cf_store_prepare (self, "SELECT kind, line, column_name, reason, raw_text, transaction_id "
                                 "FROM import_rejects WHERE import_id = ? ORDER BY line", error);
  if (stmt == NULL)
    return FALSE;
  cf_db_bind_int64 (stmt, 1, report->import_id);
  g_ptr_array_set_size (report->rejects, 0);
  while (cf_db_step (stmt) == CF_DB_ROW)
    cf_import_report_add_reject (report,
                                 g_strcmp0 ((const char *) cf_db_column_text (stmt, 0), "conflict") == 0
                                 ? CF_IMPORT_REJECT_CONFLICT : CF_IMPORT_REJECT_BAD_ROW,
                                 (guint) cf_db_column_int (stmt, 1),
                                 (const char *) cf_db_column_text (stmt, 2),
                                 (const char *) cf_db_column_text (stmt, 3),
                                 (const char *) cf_db_column_text (stmt, 4),
                                 cf_db_column_int64 (stmt, 5));
  g_clear_pointer (&stmt, cf_db_finalize);
  /* add_reject counts; the stored counts stay the truth. */
  report->rejected = rejected;
  report->conflicts = conflicts;
  return TRUE;
}
