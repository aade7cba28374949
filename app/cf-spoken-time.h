/* cf-spoken-time.h — days and times as customers say them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cf-types.h"

G_BEGIN_DECLS

/* How far either side of a remembered time a sale is looked for. */
#define CF_SPOKEN_TIME_MARGIN (30 * 60)

char     *cf_spoken_normalize     (const char   *text);
gboolean  cf_spoken_is_filler     (const char   *word,
                                   gboolean     *next_is_time);
gboolean  cf_spoken_read_day      (const char   *word,
                                   GDateTime    *now,
                                   int          *year,
                                   int          *month,
                                   int          *day);
guint     cf_spoken_read_time     (const char   *word,
                                   gboolean      bare_hour,
                                   CfTimeWindow  windows[2],
                                   char        **described);

G_END_DECLS
