/* cf-auth.h — who may work at the desk: PINs, signing in, manager-only actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-operator.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_AUTH_ERROR (cf_auth_error_quark ())

typedef enum
{
  CF_AUTH_ERROR_UNKNOWN_OPERATOR,
  CF_AUTH_ERROR_NO_PIN,
  CF_AUTH_ERROR_WRONG_PIN,
  CF_AUTH_ERROR_WAIT,
  CF_AUTH_ERROR_LOCKED,
  CF_AUTH_ERROR_WEAK_PIN,
  CF_AUTH_ERROR_NEEDS_MANAGER,
  CF_AUTH_ERROR_INVALID,
  CF_AUTH_ERROR_BUSY,
  CF_AUTH_ERROR_READS_ONLY,
} CfAuthError;

/* Wrong PINs in a row before the operator is locked, and for how long. */
#define CF_AUTH_MAX_WRONG_PINS 5
#define CF_AUTH_LOCK_MINUTES   15
/* The longest wait between tries of the only manager, who is never locked out. */
#define CF_AUTH_LAST_MANAGER_MAX_WAIT 60
/* Refused tries are written to the audit log at most this often. */
#define CF_AUTH_REFUSAL_LOG_SECONDS 60

GQuark       cf_auth_error_quark           (void);
char        *cf_auth_hash_pin              (const char   *pin,
                                            GError      **error);
gboolean     cf_auth_check_pin_rules       (const char   *pin,
                                            GError      **error);
gboolean     cf_auth_needs_first_manager   (CfStore      *store);
gboolean     cf_auth_create_first_manager  (CfStore      *store,
                                            const char   *operator_no,
                                            const char   *name,
                                            const char   *pin,
                                            GError      **error);
CfOperator  *cf_auth_get_operator          (CfStore      *store,
                                            const char   *operator_no,
                                            GError      **error);
GPtrArray   *cf_auth_list_operators        (CfStore      *store,
                                            gboolean      with_inactive,
                                            GError      **error);
CfOperator  *cf_auth_sign_in               (CfStore      *store,
                                            const char   *operator_no,
                                            const char   *pin,
                                            GDateTime    *now,
                                            GError      **error);
guint        cf_auth_seconds_to_wait       (CfStore      *store,
                                            const char   *operator_no,
                                            GDateTime    *now);
gboolean     cf_auth_require_manager       (CfStore      *store,
                                            const char   *operator_no,
                                            const char   *refusal,
                                            GError      **error);
gboolean     cf_auth_begin_override        (CfStore      *store,
                                            const char   *operator_no,
                                            const char   *manager_no,
                                            const char   *pin,
                                            const char   *what,
                                            GDateTime    *now,
                                            GError      **error);
void         cf_auth_end_override          (CfStore      *store);
gboolean     cf_auth_save_operator         (CfStore      *store,
                                            const char   *by,
                                            const char   *operator_no,
                                            const char   *name,
                                            CfRole        role,
                                            const char   *pin,
                                            GError      **error);
gboolean     cf_auth_set_pin               (CfStore      *store,
                                            const char   *by,
                                            const char   *operator_no,
                                            const char   *pin,
                                            GError      **error);
gboolean     cf_auth_set_active            (CfStore      *store,
                                            const char   *by,
                                            const char   *operator_no,
                                            gboolean      active,
                                            GError      **error);
gboolean     cf_auth_unlock                (CfStore      *store,
                                            const char   *by,
                                            const char   *operator_no,
                                            GError      **error);
gboolean     cf_auth_set_merchant_setting  (CfStore      *store,
                                            const char   *by,
                                            const char   *key,
                                            const char   *value,
                                            GError      **error);

G_END_DECLS
