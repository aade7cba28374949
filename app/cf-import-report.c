/* cf-import-report.c — what happened to one imported file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-import-report"

#include "config.h"

#include <string.h>

#include "cf-import-report.h"

typedef struct
{
  CfImportReport report;
  gatomicrefcount ref_count;
} RefCountedReport;

G_DEFINE_BOXED_TYPE (CfImportReport, cf_import_report, cf_import_report_ref, cf_import_report_unref)

static void
reject_free (gpointer data)
{
  CfImportReject *reject = data;

  g_free (reject->column);
  g_free (reject->reason);
  g_free (reject->raw_text);
  g_free (reject);
}

static void
column_free (gpointer data)
{
  CfImportColumn *column = data;

  g_free (column->field);
  g_free (column->header);
  g_free (column);
}

/**
 * cf_import_report_add_column:
 *
 * Notes that the file's column @header was read as @field.
 */
void
cf_import_report_add_column (CfImportReport *self,
                             const char     *field,
                             const char     *header)
{
  CfImportColumn *column = g_new0 (CfImportColumn, 1);

  column->field = g_strdup (field);
  column->header = g_strdup (header);
  g_ptr_array_add (self->columns, column);
}

/**
 * cf_import_report_new:
 *
 * Returns: (transfer full): an empty report for @file
 */
CfImportReport *
cf_import_report_new (const char *file)
{
  RefCountedReport *r = g_new0 (RefCountedReport, 1);

  g_atomic_ref_count_init (&r->ref_count);
  r->report.file = g_strdup (file);
  r->report.rejects = g_ptr_array_new_with_free_func (reject_free);
  r->report.notes = g_ptr_array_new_with_free_func (g_free);
  r->report.columns = g_ptr_array_new_with_free_func (column_free);
  return &r->report;
}

CfImportReport *
cf_import_report_ref (CfImportReport *self)
{
  RefCountedReport *r = (RefCountedReport *) self;

  g_atomic_ref_count_inc (&r->ref_count);
  return self;
}

void
cf_import_report_unref (CfImportReport *self)
{
  RefCountedReport *r = (RefCountedReport *) self;

  if (!g_atomic_ref_count_dec (&r->ref_count))
    return;
  g_free (self->file);
  g_free (self->sha256);
  g_free (self->encoding);
  g_free (self->profile);
  g_free (self->amount_source);
  g_free (self->kind);
  g_free (self->error_message);
  g_free (self->imported_at);
  g_ptr_array_unref (self->rejects);
  g_ptr_array_unref (self->notes);
  g_ptr_array_unref (self->columns);
  g_free (r);
}

/**
 * cf_import_report_add_reject:
 * @raw_text: the row as in the file, with card numbers already masked
 */
void
cf_import_report_add_reject (CfImportReport     *self,
                             CfImportRejectKind  kind,
                             guint               line,
                             const char         *column,
                             const char         *reason,
                             const char         *raw_text,
                             gint64              transaction_id)
{
  CfImportReject *reject = g_new0 (CfImportReject, 1);

  reject->kind = kind;
  reject->line = line;
  reject->column = g_strdup (column);
  reject->reason = g_strdup (reason);
  reject->raw_text = g_strdup (raw_text);
  reject->transaction_id = transaction_id;
  g_ptr_array_add (self->rejects, reject);

  if (kind == CF_IMPORT_REJECT_CONFLICT)
    self->conflicts++;
  else
    self->rejected++;
}

/* A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets
 * a leading apostrophe; then RFC 4180 quoting. */
static void
append_csv_cell (GString    *out,
                 const char *value)
{
  const char *v = value != NULL ? value : "";

  g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", v[0]) != NULL && v[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = v; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * cf_import_reports_write_rejects_csv:
 * @reports: (element-type CfImportReport): what to list
 * @path: the CSV file to write (UTF-8 with a BOM, so that Excel reads it)
 *
 * Writes every rejected and conflicting row: file, line, column, kind, reason, row.
 */
gboolean
cf_import_reports_write_rejects_csv (GPtrArray   *reports,
                                     const char  *path,
                                     GError     **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  g_string_append (out, "file,line,column,kind,reason,row\r\n");
  for (guint i = 0; i < reports->len; i++)
    {
      CfImportReport *report = g_ptr_array_index (reports, i);
      g_autofree char *name = g_path_get_basename (report->file);

      for (guint j = 0; j < report->rejects->len; j++)
        {
          CfImportReject *r = g_ptr_array_index (report->rejects, j);
          g_autofree char *line = g_strdup_printf ("%u", r->line);

          append_csv_cell (out, name);
          g_string_append_c (out, ',');
          g_string_append (out, line);
          g_string_append_c (out, ',');
          append_csv_cell (out, r->column);
          g_string_append_c (out, ',');
          append_csv_cell (out, r->kind == CF_IMPORT_REJECT_CONFLICT ? "conflict" : "rejected");
          g_string_append_c (out, ',');
          append_csv_cell (out, r->reason);
          g_string_append_c (out, ',');
          append_csv_cell (out, r->raw_text);
          g_string_append (out, "\r\n");
        }
    }
  return g_file_set_contents (path, out->str, (gssize) out->len, error);
}
