/* cf-operator.h — a person who works at the desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_OPERATOR (cf_operator_get_type ())

G_DECLARE_FINAL_TYPE (CfOperator, cf_operator, CF, OPERATOR, GObject)

CfOperator  *cf_operator_new          (const char *operator_no,
                                       const char *name,
                                       CfRole      role);
const char  *cf_operator_get_no       (CfOperator *self);
const char  *cf_operator_get_name     (CfOperator *self);
CfRole       cf_operator_get_role     (CfOperator *self);
char        *cf_operator_dup_label    (CfOperator *self);
void         cf_operator_set_access   (CfOperator *self,
                                       gboolean    active,
                                       gboolean    has_pin,
                                       const char *locked_until);
gboolean     cf_operator_is_active    (CfOperator *self);
gboolean     cf_operator_has_pin      (CfOperator *self);
const char  *cf_operator_get_locked_until (CfOperator *self);

G_END_DECLS
