/* cf-near-misses.h — what a search that found nothing almost found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-store.h"
#include "cf-transaction-query.h"

G_BEGIN_DECLS

/* How many of each kind are offered; a clerk reads them, not scrolls. */
#define CF_NEAR_MISSES_PER_KIND 20

/**
 * CfNearMiss:
 * @reason: how these differ from what was asked, as the clerk reads it
 * @transactions: (element-type CfTransaction): newest first
 */
typedef struct
{
  char      *reason;
  GPtrArray *transactions;
} CfNearMiss;

void       cf_near_miss_free           (CfNearMiss                *self);
GPtrArray *cf_near_misses_find         (CfStore                   *store,
                                        const CfTransactionQuery  *query,
                                        GError                   **error);
void       cf_near_misses_find_async   (CfStore                   *store,
                                        const CfTransactionQuery  *query,
                                        GCancellable              *cancellable,
                                        GAsyncReadyCallback        callback,
                                        gpointer                   user_data);
GPtrArray *cf_near_misses_find_finish  (CfStore                   *store,
                                        GAsyncResult              *result,
                                        GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfNearMiss, cf_near_miss_free)

G_END_DECLS
