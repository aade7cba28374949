/* cf-duplicate-dialog.h — asking why, which copy and where, then issuing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-duplicate-issuer.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_DUPLICATE_DIALOG (cf_duplicate_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfDuplicateDialog, cf_duplicate_dialog, CF, DUPLICATE_DIALOG, AdwMessageDialog)

GPtrArray *cf_duplicate_dialog_issue   (GtkWindow          *parent,
                                        CfStore            *store,
                                        GPtrArray          *transactions,
                                        CfDuplicateReason   reason,
                                        const char         *reason_text,
                                        CfReceiptCopy       copy,
                                        const char         *operator_no,
                                        guint               columns,
                                        const char         *pdf_path,
                                        const char         *print_export_path,
                                        GError            **error);
CfDuplicateDialog *
           cf_duplicate_dialog_new     (GtkWindow          *parent,
                                        CfStore            *store,
                                        GPtrArray          *transactions,
                                        CfReceiptCopy       copy,
                                        const char         *operator_no,
                                        guint               columns);

G_END_DECLS
