/* cf-operator-menu.h — a button beside a "who" field that lists the people
 * who sign in here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-store.h"

G_BEGIN_DECLS

/* How the chosen person is written into the field. */
typedef enum
{
  CF_OPERATOR_AS_NAME_AND_NO,   /* "王芳 (001)" */
  CF_OPERATOR_AS_NO,            /* "001", where the field is an operator no. */
} CfOperatorAs;

GtkWidget *cf_operator_menu_new     (CfStore      *store,
                                     GtkEditable  *target,
                                     CfOperatorAs  as);
char      *cf_operator_menu_text_for (CfStore     *store,
                                     const char   *operator_no,
                                     CfOperatorAs  as);

G_END_DECLS
