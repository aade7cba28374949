/* cf-import-summary.h — what an import did, file by file, with its rejected rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CF_TYPE_IMPORT_SUMMARY (cf_import_summary_get_type ())

G_DECLARE_FINAL_TYPE (CfImportSummary, cf_import_summary, CF, IMPORT_SUMMARY, AdwWindow)

CfImportSummary *cf_import_summary_new             (GtkWindow       *parent,
                                                    GPtrArray       *reports,
                                                    const char      *title);

G_END_DECLS
