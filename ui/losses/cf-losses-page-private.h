/* cf-losses-page-private.h — cf-losses-page as the tests see it: what a person sees, and
 * doing what a click does, without the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-incident-view.h"
#include "cf-losses-page.h"

G_BEGIN_DECLS

guint         cf_losses_page_get_n_incidents (CfLossesPage *self);
guint         cf_losses_page_get_n_requests  (CfLossesPage *self);
CfIncidentView *cf_losses_page_get_incident_view (CfLossesPage *self);
CfReportWindow *cf_losses_page_preview_letter (CfLossesPage *self,
                                              gint64        request_id,
                                              GError      **error);
gboolean      cf_losses_page_save_letter     (CfLossesPage *self,
                                              gint64        request_id,
                                              const char   *path,
                                              GError      **error);

G_END_DECLS
