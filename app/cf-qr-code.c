/* cf-qr-code.c — a QR code as a square of modules, for both renderers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-qr-code"

#include "config.h"

#include <qrencode.h>

#include "cf-qr-code.h"

/**
 * cf_qr_code_new:
 *
 * Returns: (transfer full) (nullable): the code for @payload, medium error correction
 */
CfQrCode *
cf_qr_code_new (const char *payload)
{
  QRcode *qr = QRcode_encodeString8bit (payload, 0, QR_ECLEVEL_M);
  CfQrCode *self;

  if (qr == NULL)
    return NULL;
  self = g_new0 (CfQrCode, 1);
  self->width = (guint) qr->width;
  self->dark = g_new (guint8, self->width * self->width);
  for (guint i = 0; i < self->width * self->width; i++)
    self->dark[i] = qr->data[i] & 1;
  QRcode_free (qr);
  return self;
}

void
cf_qr_code_free (CfQrCode *self)
{
  if (self == NULL)
    return;
  g_free (self->dark);
  g_free (self);
}

/**
 * cf_qr_code_foreach_rect:
 * @module: a module's side
 * @func: (scope call): called for each run of dark modules in a row
 *
 * The code as rectangles, one per horizontal run, so that every renderer
 * draws exactly the same shapes.
 */
void
cf_qr_code_foreach_rect (CfQrCode     *self,
                         double        left,
                         double        top,
                         double        module,
                         CfQrRectFunc  func,
                         gpointer      user_data)
{
  for (guint row = 0; row < self->width; row++)
    for (guint col = 0; col < self->width;)
      {
        guint run = 0;

        while (col + run < self->width && self->dark[row * self->width + col + run])
          run++;
        if (run > 0)
          func (left + col * module, top + row * module, run * module, module, user_data);
        col += MAX (run, 1);
      }
}
