/* cf-auth-private.h — what the files of cf-auth share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-auth.h"
#include "cf-store-private.h"

G_BEGIN_DECLS

/* One operator's row as signing in needs it. */
typedef struct
{
  char    *name;
  CfRole   role;
  gboolean active;
  char    *pin_hash;
  int      failed_pins;
  char    *next_try_at;
  char    *locked_until;
} Account;

void        cf_auth_account_clear       (Account      *account);
char       *cf_auth_utc_text            (GDateTime    *time);
GDateTime  *cf_auth_now_or              (GDateTime    *now);
char       *cf_auth_local_clock         (const char   *utc);
gboolean    cf_auth_pin_matches         (const char   *hashed,
                                         const char   *pin);
gboolean    cf_auth_load_account        (CfStore      *store,
                                         const char   *operator_no,
                                         Account      *account,
                                         GError      **error);
gboolean    cf_auth_load_active_account (CfStore      *store,
                                         const char   *operator_no,
                                         Account      *account,
                                         GError      **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Account, cf_auth_account_clear)

G_END_DECLS
