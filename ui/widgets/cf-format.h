/* cf-format.h — moments as people read them, in their locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *cf_format_moment      (const char *iso_utc);
const char *cf_format_counterpart (const char *counterpart);

G_END_DECLS
