/* cf-audit-page-private.h — cf-audit-page as the tests see it: what a person sees, and
 * doing what a click does, without the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-audit-page.h"

G_BEGIN_DECLS

guint        cf_audit_page_get_n_shown   (CfAuditPage *self);
const char  *cf_audit_page_get_status    (CfAuditPage *self);
gboolean    cf_audit_page_is_verifying  (CfAuditPage *self);

G_END_DECLS
