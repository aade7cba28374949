/* cf-store-private.h — what the rest of app/ may do with the store's connection
 *
 * Only app/ includes this: ui/ and pdf/ go through the functions of cf-store.h,
 * so that the SQL stays in one layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cf-db.h"
#include "cf-sql.h"
#include "cf-store.h"

G_BEGIN_DECLS

CfDb           *cf_store_get_db               (CfStore       *self);
sqlite3        *cf_store_get_sqlite           (CfStore       *self);
gboolean        cf_store_exec                 (CfStore       *self,
                                               const char    *sql,
                                               GError       **error);
CfDbStmt   *cf_store_prepare              (CfStore       *self,
                                               const char    *sql,
                                               GError       **error);
gboolean        cf_store_set_error            (CfStore       *self,
                                               GError       **error,
                                               const char    *doing);
void            cf_store_now_utc              (char           out[21]);
gboolean        cf_store_merge_doubles        (CfStore       *self,
                                               guint         *merged,
                                               GError       **error);
gboolean        cf_store_merge_pair           (CfStore       *self,
                                               gint64         keep,
                                               gint64         merge,
                                               const char    *matched_by,
                                               GError       **error);
gboolean        cf_store_step_done            (CfStore       *self,
                                               CfDbStmt  *stmt,
                                               const char    *doing,
                                               GError       **error);
gboolean        cf_store_finish_audited       (CfStore       *self,
                                               gboolean       ok,
                                               const char    *operator_no,
                                               const char    *action,
                                               const char    *object_type,
                                               gint64         object_id,
                                               const char    *details,
                                               GError       **error);
void            cf_store_note_rows_added      (CfStore       *self,
                                               guint64        n_rows);
void            cf_store_set_busy_timeout     (CfStore       *self,
                                               int            ms);
void            cf_store_set_override         (CfStore       *self,
                                               const char    *manager_no);
char           *cf_store_audit_hash           (const char    *previous,
                                               const char    *at,
                                               const char    *operator_no,
                                               const char    *action,
                                               const char    *object_type,
                                               const char    *object_id,
                                               const char    *details);

#define CF_STORE_BACKUP_N_COUNTED 9
extern const char *const cf_store_backup_counted[CF_STORE_BACKUP_N_COUNTED];

/* A server's backups and restores (cf-store-backup-pg.c) */
gboolean        cf_store_backup_server        (CfStore       *self,
                                               const char    *path,
                                               GCancellable  *cancellable,
                                               GError       **error);
gboolean        cf_store_restore_server       (CfStore       *self,
                                               const char    *dump,
                                               const char    *operator_no,
                                               GError       **error);
gboolean        cf_store_check_dump           (const char    *dump,
                                               gint64        *head_id,
                                               char         **head_hash,
                                               GError       **error);
void            cf_store_audit_hash_sql       (sqlite3_context  *context,
                                               int               argc,
                                               sqlite3_value   **argv);

/* Schema steps, one per version; cf-store-schema.c */
extern const char *const cf_store_migrations[CF_STORE_SCHEMA_VERSION];

/* A server's steps (cf-store-schema-pg.c): each brings the schema to its
 * version from the one before; the list ends with a NULL step. */
typedef struct
{
  int         version;
  const char *sql;
} CfStoreStep;

extern const CfStoreStep cf_store_steps_pg[];

gboolean cf_store_share_with_head_office (CfStore  *self,
                                          GError  **error);
char    *cf_store_dup_chain_shops        (CfStore  *self);

G_END_DECLS
