/* cf-loss-private.h — what the loss service's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-store-private.h"

G_BEGIN_DECLS

#define DEFAULT_DUE_WORKING_DAYS 10
#define DUE_SOON_WORKING_DAYS 2

char     *cf_loss_now_local   (GDateTime          *now);
char     *cf_loss_format_date (const GDate        *date);
gboolean  cf_loss_is_one_of   (const char         *value,
                               const char *const  *allowed);

G_END_DECLS
