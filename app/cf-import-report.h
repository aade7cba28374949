/* cf-import-report.h — what happened to one imported file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-types.h"

G_BEGIN_DECLS

/**
 * CfImportRejectKind:
 * @CF_IMPORT_REJECT_BAD_ROW: the row could not be read and was not imported
 * @CF_IMPORT_REJECT_CONFLICT: the row names a stored transaction but differs from it
 */
typedef enum
{
  CF_IMPORT_REJECT_BAD_ROW,
  CF_IMPORT_REJECT_CONFLICT,
} CfImportRejectKind;

typedef struct
{
  CfImportRejectKind  kind;
  guint               line;
  char               *column;          /* the header as in the file, or NULL for the whole row */
  char               *reason;
  char               *raw_text;        /* card numbers masked */
  gint64              transaction_id;  /* for a conflict: the stored one */
} CfImportReject;

/* Which column of the file became which field. */
typedef struct
{
  char *field;    /* the field's key, `ref_no` */
  char *header;   /* the column's header as in the file */
} CfImportColumn;

/**
 * CfImportReport:
 *
 * Counts and rejected rows of one file. @error_message is set, and the counts
 * are zero, when the file could not be read at all.
 */
struct _CfImportReport
{
  char       *file;
  char       *sha256;
  char       *encoding;
  char       *profile;
  char       *kind;           /* journal, statement, wallet or processor */
  char       *amount_source;  /* the header the amount was read from: "Total Collected", "收入金额 − 支出金额" */
  CfAmountUnit amount_unit;
  char       *error_message;
  char       *imported_at;    /* UTC, for a stored import */
  gint64      import_id;      /* 0 for a dry run or a failure */
  gboolean    dry_run;
  guint       header_line;
  guint       rows;           /* data rows read, totals and notes included */
  guint       imported;
  guint       joined;         /* rows that are another file's record of a stored transaction */
  guint       questions;      /* rows that could be more than one stored transaction: stored apart, asked about */
  guint       discrepancies;  /* joined rows whose amount or currency differs from the transaction's */
  guint       duplicates;
  guint       conflicts;
  guint       rejected;
  guint       skipped;        /* totals rows and note lines */
  guint       masked_pans;
  GPtrArray  *rejects;        /* CfImportReject, in line order */
  GPtrArray  *notes;          /* utf8: what the person should know, such as a profile passed over */
  GPtrArray  *columns;        /* CfImportColumn, in the order of the fields */
};

#define CF_TYPE_IMPORT_REPORT (cf_import_report_get_type ())

GType            cf_import_report_get_type     (void) G_GNUC_CONST;
CfImportReport  *cf_import_report_new          (const char      *file);
CfImportReport  *cf_import_report_ref          (CfImportReport  *self);
void             cf_import_report_unref        (CfImportReport  *self);
void             cf_import_report_add_reject   (CfImportReport  *self,
                                                CfImportRejectKind kind,
                                                guint            line,
                                                const char      *column,
                                                const char      *reason,
                                                const char      *raw_text,
                                                gint64           transaction_id);

void             cf_import_report_add_column   (CfImportReport  *self,
                                                const char      *field,
                                                const char      *header);

gboolean         cf_import_reports_write_rejects_csv (GPtrArray   *reports,
                                                      const char  *path,
                                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfImportReport, cf_import_report_unref)

G_END_DECLS
