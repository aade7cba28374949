/* cf-import-report.c — what happened to one imported file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-import-report"

#include "config.h"

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
  g_free (self->error_message);
  g_ptr_array_unref (self->rejects);
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
