/* cf-handover-page.h — the Handover section: shifts and their reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-report-doc.h"
#include "cf-session.h"

G_BEGIN_DECLS

#define CF_TYPE_HANDOVER_PAGE (cf_handover_page_get_type ())

G_DECLARE_FINAL_TYPE (CfHandoverPage, cf_handover_page, CF, HANDOVER_PAGE, GtkBox)

CfHandoverPage *cf_handover_page_new          (CfSession      *session);
void            cf_handover_page_reload       (CfHandoverPage *self);

G_END_DECLS
