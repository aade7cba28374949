/* cf-import-summary-private.h — cf-import-summary as the tests see it: what a person sees, and
 * doing what a click does, without the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-import-summary.h"

G_BEGIN_DECLS

const char      *cf_import_summary_get_headline    (CfImportSummary *self);
guint            cf_import_summary_get_n_shown_rejects (CfImportSummary *self);
gboolean         cf_import_summary_save_rejects    (CfImportSummary *self,
                                                    const char      *path,
                                                    GError         **error);

G_END_DECLS
