/* cf-sign-in-page.h — who is at the desk: the first manager, signing in, unlocking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-clock.h"
#include "cf-operator.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_SIGN_IN_PAGE (cf_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (CfSignInPage, cf_sign_in_page, CF, SIGN_IN_PAGE, GtkBox)

CfSignInPage *cf_sign_in_page_new          (CfStore      *store);
void          cf_sign_in_page_reset        (CfSignInPage *self,
                                            const char   *operator_no,
                                            gboolean      locked);

G_END_DECLS
