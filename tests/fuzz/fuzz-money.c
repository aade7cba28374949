/* fuzz-money.c — any text as an amount, and any text scrubbed of card numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-money.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  char currency[4] = "";
  gint64 minor = 0;

  if (cf_money_parse (text, &minor, currency, &error))
    {
      /* An amount is never card-shaped: at most twelve digits before the point. */
      g_assert_cmpint (ABS (minor), <, G_GINT64_CONSTANT (100000000000000));
      g_assert_cmpuint (strlen (currency), <=, 3);
    }
  else
    g_assert_nonnull (error);

  if (g_utf8_validate (text, -1, NULL))
    {
      guint masked = 0;
      g_autofree char *scrubbed = cf_card_number_scrub (text, CF_CARD_SCRUB_ANY, &masked);
      g_autofree char *again = cf_card_number_scrub (scrubbed, CF_CARD_SCRUB_ANY, NULL);

      g_assert_true (g_utf8_validate (scrubbed, -1, NULL));
      /* Scrubbing what was scrubbed changes nothing. */
      g_assert_cmpstr (again, ==, scrubbed);
      g_assert_true (masked > 0 || g_str_equal (scrubbed, text));
    }
  return 0;
}
