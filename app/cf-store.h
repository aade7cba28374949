/* cf-store.h — the shop's SQLite database: opening, migrating, querying
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-types.h"

G_BEGIN_DECLS

#define CF_STORE_ERROR (cf_store_error_quark ())

typedef enum
{
  CF_STORE_ERROR_OPEN,
  CF_STORE_ERROR_NOT_OURS,
  CF_STORE_ERROR_TOO_NEW,
  CF_STORE_ERROR_SQL,
  CF_STORE_ERROR_NOT_FOUND,
  CF_STORE_ERROR_NOT_EMPTY,
  CF_STORE_ERROR_OTHER_SHOP,
  CF_STORE_ERROR_UNVOUCHED,
  CF_STORE_ERROR_CHAIN,
} CfStoreError;

/**
 * CfRestoreFlags:
 * @CF_RESTORE_DEFAULT: refuse what needs a manager's word
 * @CF_RESTORE_OTHER_SHOP: the manager confirmed a backup of another merchant no.
 * @CF_RESTORE_UNVOUCHED: the manager confirmed a file whose audit log no
 *   anchor vouches for (not made by Counterfoil's backup, or cut short since)
 */
typedef enum
{
  CF_RESTORE_DEFAULT    = 0,
  CF_RESTORE_OTHER_SHOP = 1 << 0,
  CF_RESTORE_UNVOUCHED  = 1 << 1,
} CfRestoreFlags;

/* The newest schema this build knows; see cf-store-schema.c. */
#define CF_STORE_SCHEMA_VERSION 11

#define CF_TYPE_STORE (cf_store_get_type ())

G_DECLARE_FINAL_TYPE (CfStore, cf_store, CF, STORE, GObject)

GQuark          cf_store_error_quark           (void);
char           *cf_store_default_path          (void);
CfStore        *cf_store_open                  (const char          *path,
                                                GError             **error);
const char     *cf_store_get_path              (CfStore             *self);
gboolean        cf_store_is_server             (CfStore             *self);
const char     *cf_store_get_shop              (CfStore             *self);
gboolean        cf_store_reads_only            (CfStore             *self);
gboolean        cf_store_is_head_office        (CfStore             *self);
gboolean        cf_store_shop_code_is_valid    (const char          *code);
gboolean        cf_store_is_connected          (CfStore             *self);
gboolean        cf_store_names_server          (const char          *target);
char           *cf_store_dup_display_name      (CfStore             *self);
gboolean        cf_store_check_target          (const char          *target,
                                                GError             **error);
int             cf_store_get_schema_version    (CfStore             *self);
gint64          cf_store_count_transactions    (CfStore             *self,
                                                GError             **error);
GPtrArray      *cf_store_find_transactions     (CfStore             *self,
                                                CfTransactionQuery  *query,
                                                GError             **error);
CfTransaction  *cf_store_get_transaction       (CfStore             *self,
                                                gint64               id,
                                                GError             **error);
char           *cf_store_get_setting           (CfStore             *self,
                                                const char          *key);
gboolean        cf_store_set_setting           (CfStore             *self,
                                                const char          *key,
                                                const char          *value,
                                                GError             **error);
gboolean        cf_store_add_audit_entry       (CfStore             *self,
                                                const char          *operator_no,
                                                const char          *action,
                                                const char          *object_type,
                                                gint64               object_id,
                                                const char          *details,
                                                GError             **error);
gint64          cf_store_get_data_version      (CfStore             *self);
const char     *cf_store_get_override          (CfStore             *self);
gboolean        cf_store_verify_audit_chain    (CfStore             *self,
                                                gint64              *first_broken,
                                                guint64             *n_entries,
                                                GError             **error);
gboolean        cf_store_backup                (CfStore             *self,
                                                const char          *path,
                                                GError             **error);
char           *cf_store_dup_backup_path       (CfStore             *self,
                                                GDateTime           *now);
GPtrArray      *cf_store_list_backups          (CfStore             *self);
typedef void (*CfStoreWaitFunc) (gpointer user_data);

void            cf_store_wait_for_writers      (CfStore             *self,
                                                guint                max_seconds,
                                                GCancellable        *cancellable,
                                                CfStoreWaitFunc      waiting,
                                                gpointer             user_data);
gboolean        cf_store_backup_cancellable    (CfStore             *self,
                                                const char          *path,
                                                GCancellable        *cancellable,
                                                GError             **error);
gboolean        cf_store_restore               (CfStore             *self,
                                                const char          *backup,
                                                const char          *operator_no,
                                                CfRestoreFlags       flags,
                                                char               **kept_as,
                                                GError             **error);
guint           cf_store_prune_backups         (CfStore             *self,
                                                guint                keep);
GPtrArray      *cf_store_check                 (CfStore             *self,
                                                GError             **error);
CfTransaction  *cf_store_find_original         (CfStore             *self,
                                                CfTransaction       *reversal,
                                                GError             **error);
gboolean        cf_store_get_import_info       (CfStore             *self,
                                                gint64               import_id,
                                                char               **file_name,
                                                char               **imported_at,
                                                char               **operator_no,
                                                GError             **error);
GPtrArray      *cf_store_list_imports          (CfStore             *self,
                                                guint                limit,
                                                GError             **error);
gboolean        cf_store_load_import_rejects   (CfStore             *self,
                                                CfImportReport      *report,
                                                GError             **error);

/* What cf_store_migrate_to() copied */
typedef struct
{
  guint64  rows;
  guint64  transactions;
  guint64  audit_entries;
  guint    reports;       /* signed reports, each checked byte for byte */
  gboolean already;       /* the server held this shop already: nothing copied */
  guint64  file_entries_after; /* then: audit entries the file has gained since */
} CfMigrateResult;

gboolean        cf_store_migrate_to            (CfStore             *self,
                                                const char          *conninfo,
                                                CfMigrateResult     *result,
                                                GError             **error);

G_END_DECLS
