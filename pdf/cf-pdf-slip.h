/* cf-pdf-slip.h — slips as PDF, one page each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-pdf-writer.h"
#include "cf-receipt-doc.h"

G_BEGIN_DECLS

gboolean cf_pdf_write_slips (GPtrArray   *docs,
                             const char  *path,
                             GError     **error);

G_END_DECLS
