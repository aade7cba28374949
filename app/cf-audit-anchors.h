/* cf-audit-anchors.h — the audit chain's head written down outside the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_AUDIT_ANCHOR_ERROR (cf_audit_anchor_error_quark ())

typedef enum
{
  CF_AUDIT_ANCHOR_ERROR_INVALID,
  CF_AUDIT_ANCHOR_ERROR_MISMATCH,
} CfAuditAnchorError;

/**
 * CfAuditAnchor:
 * @at: when it was written (UTC)
 * @event: what wrote it: `backup`, `signed-report`, `duplicate`, `restore`
 * @entry_id: the entry anchored
 * @hash: that entry's hash
 * @kept_up_to: for a restore, the last entry kept from the backup
 * @detail: which backup, report or duplicate
 */
typedef struct
{
  char   *at;
  char   *event;
  gint64  entry_id;
  char   *hash;
  gint64  kept_up_to;
  char   *detail;
} CfAuditAnchor;

GQuark      cf_audit_anchor_error_quark      (void);
void        cf_audit_anchor_free             (CfAuditAnchor  *anchor);
char       *cf_audit_anchors_path            (const char     *db_path);
char       *cf_audit_fingerprint             (gint64          id,
                                              const char     *hash);
char       *cf_audit_current_fingerprint     (CfStore        *store);
gboolean    cf_audit_anchors_append_head     (const char     *db_path,
                                              const char     *event,
                                              gint64          id,
                                              const char     *hash,
                                              gint64          kept_up_to,
                                              const char     *detail,
                                              GError        **error);
gboolean    cf_audit_anchors_append          (CfStore        *store,
                                              const char     *event,
                                              const char     *detail,
                                              GError        **error);
GPtrArray  *cf_audit_anchors_parse           (const char     *text);
GPtrArray  *cf_audit_anchors_load            (const char     *db_path);
GPtrArray  *cf_audit_anchors_check           (CfStore        *store);
gboolean    cf_audit_check_fingerprint       (CfStore        *store,
                                              const char     *code,
                                              GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfAuditAnchor, cf_audit_anchor_free)

G_END_DECLS
