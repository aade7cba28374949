/* cf-incident-view.h — one loss incident, whole, and its follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_INCIDENT_VIEW (cf_incident_view_get_type ())

G_DECLARE_FINAL_TYPE (CfIncidentView, cf_incident_view, CF, INCIDENT_VIEW, GtkBox)

GtkWidget *cf_incident_view_new             (void);
gboolean   cf_incident_view_show            (CfIncidentView  *self,
                                             CfStore         *store,
                                             gint64           incident_id,
                                             GError         **error);
gint64     cf_incident_view_get_incident_id (CfIncidentView  *self);
guint      cf_incident_view_get_n_pending   (CfIncidentView  *self);

G_END_DECLS
