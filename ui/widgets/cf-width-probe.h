/* cf-width-probe.h — a frame around one child that says when its width changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CF_TYPE_WIDTH_PROBE (cf_width_probe_get_type ())

G_DECLARE_FINAL_TYPE (CfWidthProbe, cf_width_probe, CF, WIDTH_PROBE, GtkWidget)

GtkWidget *cf_width_probe_new       (void);
void       cf_width_probe_set_child (CfWidthProbe *self,
                                     GtkWidget    *child);

G_END_DECLS
