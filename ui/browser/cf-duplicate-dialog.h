/* cf-duplicate-dialog.h — asking why, which copy and where, then issuing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-duplicate-issuer.h"
#include "cf-store.h"

G_BEGIN_DECLS

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
void       cf_duplicate_dialog_present (GtkWindow          *parent,
                                        CfStore            *store,
                                        GPtrArray          *transactions,
                                        CfReceiptCopy       copy,
                                        const char         *operator_no,
                                        guint               columns,
                                        GCallback           issued,
                                        gpointer            user_data);

G_END_DECLS
