/* cf-card-number.h — card numbers: Luhn, masking, and the parts we may keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CfCardScrub:
 * @CF_CARD_SCRUB_ANY: mask every Luhn-valid run of 13–19 digits
 * @CF_CARD_SCRUB_IDENTIFIER: the cell is a merchant or terminal number, whose
 *   own digits may pass Luhn by chance: keep runs that cannot start a payment
 *   card (major industry identifier other than 2–6)
 */
typedef enum
{
  CF_CARD_SCRUB_ANY,
  CF_CARD_SCRUB_IDENTIFIER,
} CfCardScrub;

gboolean     cf_card_number_luhn_valid     (const char  *digits,
                                            gsize        n_digits);
gboolean     cf_card_number_might_hold     (const char  *text);
char        *cf_card_number_scrub          (const char  *text,
                                            CfCardScrub  mode,
                                            guint       *n_masked);
gboolean     cf_card_number_parse          (const char  *text,
                                            char         first6_out[7],
                                            char         last4_out[5],
                                            guint       *length_out);
char        *cf_card_number_format         (const char  *first6,
                                            const char  *last4,
                                            guint        length,
                                            gboolean     last4_only);
const char  *cf_card_number_guess_brand    (const char  *first6);

G_END_DECLS
