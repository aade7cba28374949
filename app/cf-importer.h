/* cf-importer.h — journals and statements into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-import-profile.h"
#include "cf-import-report.h"
#include "cf-timestamp.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_IMPORT_ERROR (cf_import_error_quark ())

typedef enum
{
  CF_IMPORT_ERROR_READ,
  CF_IMPORT_ERROR_NO_HEADER,
  CF_IMPORT_ERROR_NO_KEY_COLUMN,
} CfImportError;

/**
 * CfImportProgressFunc:
 * @file_index: which of the files is being read, from 0
 * @fraction: how much of that file is done, 0 to 1, or
 *   %CF_IMPORT_PROGRESS_WAITING while another program writes to the database
 *
 * Called now and then during an import; from the async API, in the caller's
 * main context.
 */
#define CF_IMPORT_PROGRESS_WAITING (-1.0)

typedef void (*CfImportProgressFunc) (guint    file_index,
                                      double   fraction,
                                      gpointer user_data);

#define CF_TYPE_IMPORTER (cf_importer_get_type ())

G_DECLARE_FINAL_TYPE (CfImporter, cf_importer, CF, IMPORTER, GObject)

GQuark           cf_import_error_quark          (void);
CfImporter      *cf_importer_new                (CfStore               *store);
void             cf_importer_set_profile        (CfImporter            *self,
                                                 CfImportProfile       *profile);
void             cf_importer_set_date_order     (CfImporter            *self,
                                                 CfDateOrder            order);
void             cf_importer_set_dry_run        (CfImporter            *self,
                                                 gboolean               dry_run);
void             cf_importer_set_operator       (CfImporter            *self,
                                                 const char            *operator_no);
CfImportReport  *cf_importer_import_file        (CfImporter            *self,
                                                 const char            *path,
                                                 GCancellable          *cancellable,
                                                 CfImportProgressFunc   progress,
                                                 gpointer               user_data,
                                                 GError               **error);
void             cf_importer_import_files_async (CfImporter            *self,
                                                 const char * const    *paths,
                                                 GCancellable          *cancellable,
                                                 CfImportProgressFunc   progress,
                                                 gpointer               progress_data,
                                                 GDestroyNotify         progress_data_free,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
GPtrArray       *cf_importer_import_files_finish (CfImporter           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
CfImportReport  *cf_import_preview_file         (const char            *path,
                                                 CfImportProfile       *profile,
                                                 CfDateOrder            date_order,
                                                 guint                  max_rows,
                                                 GPtrArray            **rows,
                                                 GError               **error);

G_END_DECLS
