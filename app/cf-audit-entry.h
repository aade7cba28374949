/* cf-audit-entry.h — one line of the audit log, and finding them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_AUDIT_ENTRY (cf_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (CfAuditEntry, cf_audit_entry, CF, AUDIT_ENTRY, GObject)

/* What to look for; %NULL or empty fields match everything. */
typedef struct
{
  const char *operator_no;
  const char *action;
  const char *object;     /* an object type, or type#id: `shift#12` */
  const char *from;       /* UTC `YYYY-MM-DD[THH:MM:SS]` */
  const char *to;         /* inclusive when a date alone */
} CfAuditFilter;

gint64       cf_audit_entry_get_id           (CfAuditEntry *self);
const char  *cf_audit_entry_get_at           (CfAuditEntry *self);
const char  *cf_audit_entry_get_operator_no  (CfAuditEntry *self);
const char  *cf_audit_entry_get_operator_name (CfAuditEntry *self);
const char  *cf_audit_entry_get_action       (CfAuditEntry *self);
const char  *cf_audit_entry_get_object_type  (CfAuditEntry *self);
gint64       cf_audit_entry_get_object_id    (CfAuditEntry *self);
const char  *cf_audit_entry_get_details      (CfAuditEntry *self);
char        *cf_audit_entry_dup_local_time   (CfAuditEntry *self);

GPtrArray   *cf_audit_find                   (CfStore             *store,
                                              const CfAuditFilter *filter,
                                              guint                limit,
                                              gint64              *n_matching,
                                              GError             **error);
GStrv        cf_audit_list_actions           (CfStore             *store);
const char  *cf_audit_action_get_label       (const char          *action);

G_END_DECLS
