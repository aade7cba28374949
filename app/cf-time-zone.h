/* cf-time-zone.h — the zones exports name, and the offset they had at a
 * wall time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cf-timestamp.h"

G_BEGIN_DECLS

typedef struct _CfTimeZone CfTimeZone;

CfTimeZone *cf_time_zone_new           (const char        *name);
void        cf_time_zone_free          (CfTimeZone        *self);
const char *cf_time_zone_get_name      (CfTimeZone        *self);
int         cf_time_zone_offset_at     (CfTimeZone        *self,
                                        const CfTimestamp *local);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfTimeZone, cf_time_zone_free)

G_END_DECLS
