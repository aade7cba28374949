/* cf-transaction-list.h — a search result as a GListModel, rows fetched lazily
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-transaction-query.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_TRANSACTION_LIST (cf_transaction_list_get_type ())

G_DECLARE_FINAL_TYPE (CfTransactionList, cf_transaction_list, CF, TRANSACTION_LIST, GObject)

CfTransactionList *cf_transaction_list_new           (CfStore                   *store,
                                                      const CfTransactionQuery  *query,
                                                      GCancellable              *cancellable,
                                                      GError                   **error);
void               cf_transaction_list_new_async     (CfStore                   *store,
                                                      const CfTransactionQuery  *query,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
CfTransactionList *cf_transaction_list_new_finish    (GAsyncResult              *result,
                                                      GError                   **error);
const CfTransactionQuery *
                   cf_transaction_list_get_query     (CfTransactionList         *self);
gint64             cf_transaction_list_get_id        (CfTransactionList         *self,
                                                      guint                      position);
gboolean           cf_transaction_list_find_id       (CfTransactionList         *self,
                                                      gint64                     id,
                                                      guint                     *position);
guint              cf_transaction_list_get_n_loaded  (CfTransactionList         *self);
guint              cf_transaction_list_get_n_matches (CfTransactionList         *self);
void               cf_transaction_list_set_max_items (CfTransactionList         *self,
                                                      guint                      max_items);

G_END_DECLS
