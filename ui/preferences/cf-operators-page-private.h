/* cf-operators-page-private.h — cf-operators-page as the tests see it: what a person sees, and
 * doing what a click does, without the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-operators-page.h"

G_BEGIN_DECLS

guint            cf_operators_page_get_n_operators (CfOperatorsPage *self);

G_END_DECLS
