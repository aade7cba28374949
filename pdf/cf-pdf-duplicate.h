/* cf-pdf-duplicate.h — issuing duplicates as a PDF, crash-safe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-duplicate-issuer.h"
#include "cf-store.h"

G_BEGIN_DECLS

GPtrArray *cf_pdf_issue_duplicates (CfStore            *store,
                                    GPtrArray          *transactions,
                                    CfDuplicateReason   reason,
                                    const char         *reason_text,
                                    CfReceiptCopy       copy,
                                    const char         *operator_no,
                                    guint               columns,
                                    const char         *pdf_path,
                                    GError            **error);

G_END_DECLS
