/* cf-handover-page-private.h — cf-handover-page as the tests see it: what a person sees, and
 * doing what a click does, without the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-handover-page.h"

G_BEGIN_DECLS

gboolean        cf_handover_page_close_shift  (CfHandoverPage *self,
                                               const char     *handed_to,
                                               const char     *notes,
                                               const char     *variance,
                                               GError        **error);
guint           cf_handover_page_get_n_shifts (CfHandoverPage *self);
CfReportDoc    *cf_handover_page_get_report   (CfHandoverPage *self);
gboolean        cf_handover_page_open_shift   (CfHandoverPage *self,
                                               GError        **error);
gboolean        cf_handover_page_select_shift (CfHandoverPage *self,
                                               gint64          shift_id);
gboolean        cf_handover_page_sign_off     (CfHandoverPage *self,
                                               GError        **error);

G_END_DECLS
