/* cf-audit-page.h — the Audit Log section: who did what, and whether the chain holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_AUDIT_PAGE (cf_audit_page_get_type ())

G_DECLARE_FINAL_TYPE (CfAuditPage, cf_audit_page, CF, AUDIT_PAGE, GtkBox)

CfAuditPage *cf_audit_page_new           (CfStore     *store);
void         cf_audit_page_reload        (CfAuditPage *self);
void        cf_audit_page_verify        (CfAuditPage *self);

G_END_DECLS
