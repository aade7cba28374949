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

/**
 * CfQrRectFunc:
 *
 * A dark rectangle, top-left origin, y growing downwards.
 */
typedef void (*CfQrRectFunc) (double   x,
                              double   y,
                              double   width,
                              double   height,
                              gpointer user_data);

CfQrCode *cf_qr_code_new          (const char   *payload);
void      cf_qr_code_free         (CfQrCode     *self);
void      cf_qr_code_foreach_rect (CfQrCode     *self,
                                   double        left,
                                   double        top,
                                   double        module,
                                   CfQrRectFunc  func,
                                   gpointer      user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfQrCode, cf_qr_code_free)

G_END_DECLS
