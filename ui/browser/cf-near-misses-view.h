/* cf-near-misses-view.h — what a search that found nothing almost found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CF_TYPE_NEAR_MISSES_VIEW (cf_near_misses_view_get_type ())

G_DECLARE_FINAL_TYPE (CfNearMissesView, cf_near_misses_view, CF, NEAR_MISSES_VIEW, GtkBox)

GtkWidget *cf_near_misses_view_new        (void);
void       cf_near_misses_view_set_misses (CfNearMissesView *self,
                                           GPtrArray        *misses);
guint      cf_near_misses_view_get_n_rows (CfNearMissesView *self);

G_END_DECLS
