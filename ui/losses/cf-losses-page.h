/* cf-losses-page.h — the Losses and Requests section of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-report-window.h"
#include "cf-session.h"

G_BEGIN_DECLS

#define CF_TYPE_LOSSES_PAGE (cf_losses_page_get_type ())

G_DECLARE_FINAL_TYPE (CfLossesPage, cf_losses_page, CF, LOSSES_PAGE, GtkBox)

CfLossesPage *cf_losses_page_new             (CfSession    *session);
void          cf_losses_page_reload          (CfLossesPage *self);
gboolean      cf_losses_page_show_incident   (CfLossesPage *self,
                                              gint64        incident_id,
                                              GError      **error);

G_END_DECLS
