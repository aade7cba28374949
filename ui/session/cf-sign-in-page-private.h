/* cf-sign-in-page-private.h — cf-sign-in-page as the tests see it: what a person sees, and
 * doing what a click does, without the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-sign-in-page.h"

G_BEGIN_DECLS

const char   *cf_sign_in_page_get_message  (CfSignInPage *self);
gboolean      cf_sign_in_page_is_setup     (CfSignInPage *self);
void          cf_sign_in_page_set_clock    (CfSignInPage *self,
                                            CfClockFunc   clock,
                                            gpointer      user_data);

G_END_DECLS
