/* cf-types.h — forward declarations and the enums shared across the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CfTimeWindow:
 * @from: the first second of the day it holds, 0…86399
 * @to: the last, inclusive; below @from when the window runs past midnight
 *
 * A time of day a sale is looked for around, on any day.
 */
typedef struct
{
  int from;
  int to;
} CfTimeWindow;

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
  CF_TXN_TYPE_SALE,                       /*< nick=sale >*/
  CF_TXN_TYPE_VOID,                       /*< nick=void >*/
  CF_TXN_TYPE_REFUND,                     /*< nick=refund >*/
  CF_TXN_TYPE_PREAUTH,                    /*< nick=preauth >*/
  CF_TXN_TYPE_PREAUTH_VOID,               /*< nick=preauth_void >*/
  CF_TXN_TYPE_AUTH_COMPLETE,              /*< nick=auth_complete >*/
  CF_TXN_TYPE_AUTH_COMPLETE_VOID,         /*< nick=auth_complete_void >*/
  CF_TXN_TYPE_OTHER,                      /*< nick=other >*/
} CfTxnType;

/**
 * CfEntryMode:
 *
 * How the card was read, as printed after the card number on a slip.
 */
typedef enum
{
  CF_ENTRY_MODE_UNKNOWN,                  /*< nick=unknown >*/
  CF_ENTRY_MODE_SWIPE,                    /*< nick=swipe >*/
  CF_ENTRY_MODE_CHIP,                     /*< nick=chip >*/
  CF_ENTRY_MODE_CONTACTLESS,              /*< nick=contactless >*/
  CF_ENTRY_MODE_MANUAL,                   /*< nick=manual >*/
} CfEntryMode;

/**
 * CfRole:
 *
 * What an operator may do.
 */
typedef enum
{
  CF_ROLE_CLERK,                          /*< nick=clerk >*/
  CF_ROLE_MANAGER,                        /*< nick=manager >*/
} CfRole;

/**
 * CfPaymentMethod:
 *
 * What the customer paid with: the same terminal takes cards, wallets'
 * codes and, at the till, cash.
 */
typedef enum
{
  CF_PAYMENT_METHOD_CARD,                 /*< nick=card >*/
  CF_PAYMENT_METHOD_WECHAT,               /*< nick=wechat >*/
  CF_PAYMENT_METHOD_ALIPAY,               /*< nick=alipay >*/
  CF_PAYMENT_METHOD_UNIONPAY_QR,          /*< nick=unionpay_qr >*/
  CF_PAYMENT_METHOD_CASH,                 /*< nick=cash >*/
  CF_PAYMENT_METHOD_OTHER,                /*< nick=other >*/
} CfPaymentMethod;

/**
 * CfAmountUnit:
 * @CF_AMOUNT_UNIT_UNKNOWN: not stated; a column's header may say
 * @CF_AMOUNT_UNIT_MAJOR: yuan, dollars: `88.50`
 * @CF_AMOUNT_UNIT_MINOR: fen, cents: `8850`
 *
 * The unit an export writes its amounts in.
 */
typedef enum
{
  CF_AMOUNT_UNIT_UNKNOWN,                 /*< nick=unknown >*/
  CF_AMOUNT_UNIT_MAJOR,                   /*< nick=major >*/
  CF_AMOUNT_UNIT_MINOR,                   /*< nick=minor >*/
} CfAmountUnit;

const char  *cf_enum_to_nick          (GType        type,
                                       int          value);
gboolean     cf_enum_from_nick        (GType        type,
                                       const char  *nick,
                                       int         *value);
const char  *cf_txn_type_to_nick      (CfTxnType    type);
gboolean     cf_txn_type_from_nick    (const char  *nick,
                                       CfTxnType   *type);
const char  *cf_txn_type_get_label    (CfTxnType    type);
gboolean     cf_txn_type_is_reversal  (CfTxnType    type);
const char  *cf_entry_mode_to_nick    (CfEntryMode  mode);
CfEntryMode  cf_entry_mode_from_nick  (const char  *nick);
char         cf_entry_mode_to_letter  (CfEntryMode  mode);
const char  *cf_role_to_nick          (CfRole       role);
const char  *cf_payment_method_to_nick   (CfPaymentMethod  method);
gboolean     cf_payment_method_from_nick (const char      *nick,
                                          CfPaymentMethod *method);
const char  *cf_payment_method_get_label (CfPaymentMethod  method);
gboolean     cf_payment_method_from_word (const char      *word,
                                          CfPaymentMethod *method);
gboolean     cf_payment_method_is_wallet (CfPaymentMethod  method);

G_END_DECLS
