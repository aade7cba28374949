/* cf-session.h — who is at the desk, and what every section may ask of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-clock.h"
#include "cf-manager-prompt.h"
#include "cf-operator.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_SESSION (cf_session_get_type ())

G_DECLARE_FINAL_TYPE (CfSession, cf_session, CF, SESSION, GObject)

CfSession  *cf_session_new              (CfStore             *store,
                                         GSettings           *settings);
CfStore    *cf_session_get_store        (CfSession           *self);
CfOperator *cf_session_get_operator     (CfSession           *self);
const char *cf_session_get_operator_no  (CfSession           *self);
gboolean    cf_session_is_manager       (CfSession           *self);
void        cf_session_sign_in          (CfSession           *self,
                                         CfOperator          *op);
void        cf_session_lock             (CfSession           *self,
                                         const char          *why);
void        cf_session_run_as_manager   (CfSession           *self,
                                         GtkWidget           *asking,
                                         const char          *what,
                                         const char          *failed_heading,
                                         CfGuardedAction      action,
                                         gpointer             user_data,
                                         GDestroyNotify       destroy);
guint       cf_session_get_backups_to_keep (CfSession        *self);
GDateTime  *cf_session_dup_now          (CfSession           *self);
void        cf_session_back_up_async    (CfSession           *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

G_END_DECLS
