/* fuzz-timestamp.c — any text as a date, a time, or both
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "cf-timestamp.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  const CfDateOrder orders[] = { CF_DATE_ORDER_YMD, CF_DATE_ORDER_DMY, CF_DATE_ORDER_MDY };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      CfTimestamp ts = { 0 };
      g_autoptr(GError) error = NULL;

      if (cf_timestamp_parse (text, orders[i], &ts, &error))
        {
          char local[20];

          cf_timestamp_format_local (&ts, local);
          g_assert_true (g_utf8_validate (local, -1, NULL));
        }
      else
        g_assert_nonnull (error);
    }
  {
    CfTimestamp ts = { 0 };
    g_autoptr(GError) error = NULL;
    if (!cf_timestamp_parse_time (text, &ts, &error))
      g_assert_nonnull (error);
  }
  return 0;
}
