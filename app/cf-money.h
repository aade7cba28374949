/* cf-money.h — amounts as integer minor units, parsed from what journals print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CF_MONEY_ERROR (cf_money_error_quark ())

typedef enum
{
  CF_MONEY_ERROR_EMPTY,
  CF_MONEY_ERROR_INVALID,
  CF_MONEY_ERROR_PRECISION,
  CF_MONEY_ERROR_RANGE,
} CfMoneyError;

GQuark    cf_money_error_quark    (void);
gboolean  cf_money_parse          (const char  *text,
                                   gint64      *minor_out,
                                   char         currency_out[4],
                                   GError     **error);
char     *cf_money_to_decimal     (gint64       minor);
char     *cf_money_format         (gint64       minor,
                                   const char  *currency);

G_END_DECLS
