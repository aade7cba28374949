/* cf-qr-code.h — a QR code as a square of modules, for both renderers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   width;     /* modules a side */
  guint8 *dark;      /* width × width, row by row: 1 for a dark module */
} CfQrCode;

CfQrCode *cf_qr_code_new  (const char *payload);
void      cf_qr_code_free (CfQrCode   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfQrCode, cf_qr_code_free)

G_END_DECLS
