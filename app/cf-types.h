/* cf-types.h — forward declarations and the enums shared across the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CfStore            CfStore;
typedef struct _CfTransaction      CfTransaction;
typedef struct _CfTransactionQuery CfTransactionQuery;
typedef struct _CfImporter         CfImporter;
typedef struct _CfImportReport     CfImportReport;
typedef struct _CfImportProfile    CfImportProfile;
typedef struct _CfOperator         CfOperator;

/**
 * CfTxnType:
 *
 * What a terminal did. Stored by its nick (`sale`, `void`, …).
 */
typedef enum
{
  CF_TXN_TYPE_SALE,
  CF_TXN_TYPE_VOID,
  CF_TXN_TYPE_REFUND,
  CF_TXN_TYPE_PREAUTH,
  CF_TXN_TYPE_PREAUTH_VOID,
  CF_TXN_TYPE_AUTH_COMPLETE,
  CF_TXN_TYPE_AUTH_COMPLETE_VOID,
  CF_TXN_TYPE_OTHER,
} CfTxnType;

/**
 * CfEntryMode:
 *
 * How the card was read, as printed after the card number on a slip.
 */
typedef enum
{
  CF_ENTRY_MODE_UNKNOWN,
  CF_ENTRY_MODE_SWIPE,
  CF_ENTRY_MODE_CHIP,
  CF_ENTRY_MODE_CONTACTLESS,
  CF_ENTRY_MODE_MANUAL,
} CfEntryMode;

/**
 * CfRole:
 *
 * What an operator may do.
 */
typedef enum
{
  CF_ROLE_CLERK,
  CF_ROLE_MANAGER,
} CfRole;

const char  *cf_txn_type_to_nick      (CfTxnType    type);
gboolean     cf_txn_type_from_nick    (const char  *nick,
                                       CfTxnType   *type);
const char  *cf_txn_type_get_label    (CfTxnType    type);
gboolean     cf_txn_type_is_reversal  (CfTxnType    type);
const char  *cf_entry_mode_to_nick    (CfEntryMode  mode);
CfEntryMode  cf_entry_mode_from_nick  (const char  *nick);
char         cf_entry_mode_to_letter  (CfEntryMode  mode);
const char  *cf_role_to_nick          (CfRole       role);

G_END_DECLS
