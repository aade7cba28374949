/* cf-store-task.h — store work in a worker thread, on its own connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-store.h"

G_BEGIN_DECLS

/**
 * CfStoreJobFunc:
 * @store: the worker's own connection to the same database
 * @data: the job's data
 *
 * Returns: (transfer full) (nullable): the job's result, or %NULL with @error set
 */
typedef gpointer (*CfStoreJobFunc) (CfStore       *store,
                                    gpointer       data,
                                    GCancellable  *cancellable,
                                    GError       **error);

void      cf_store_run_in_thread      (CfStore              *self,
                                       CfStoreJobFunc        job,
                                       gpointer              data,
                                       GDestroyNotify        data_free,
                                       GDestroyNotify        result_free,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gpointer  cf_store_run_finish         (CfStore              *self,
                                       GAsyncResult         *result,
                                       GError              **error);

void      cf_store_back_up_async      (CfStore              *self,
                                       guint                 keep,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char     *cf_store_back_up_finish     (CfStore              *self,
                                       GAsyncResult         *result,
                                       GError              **error);
void      cf_store_restore_async      (CfStore              *self,
                                       const char           *backup,
                                       const char           *operator_no,
                                       CfRestoreFlags        flags,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char     *cf_store_restore_finish     (CfStore              *self,
                                       GAsyncResult         *result,
                                       GError              **error);
void      cf_store_verify_async       (CfStore              *self,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
GPtrArray *cf_store_verify_finish     (CfStore              *self,
                                       GAsyncResult         *result,
                                       guint64              *n_entries,
                                       GError              **error);

G_END_DECLS
