/* cf-types.c — names of the shared enums, as stored and as shown
 *
 * The name a value is stored under is its nick, written beside it in the
 * header and compiled by glib-mkenums (cf-enum-types.h); the name shown to
 * people is translated here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-types"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-enum-types.h"
#include "cf-text.h"
#include "cf-types.h"

static const char *const txn_type_labels[] = {
  [CF_TXN_TYPE_SALE]               = N_("Sale"),
  [CF_TXN_TYPE_VOID]               = N_("Void"),
  [CF_TXN_TYPE_REFUND]             = N_("Refund"),
  [CF_TXN_TYPE_PREAUTH]            = N_("Pre-authorisation"),
  [CF_TXN_TYPE_PREAUTH_VOID]       = N_("Pre-auth void"),
  [CF_TXN_TYPE_AUTH_COMPLETE]      = N_("Auth completion"),
  [CF_TXN_TYPE_AUTH_COMPLETE_VOID] = N_("Auth completion void"),
  [CF_TXN_TYPE_OTHER]              = N_("Other"),
};

/**
 * cf_enum_to_nick:
 * @type: an enum's GType, `CF_TYPE_TXN_TYPE`
 *
 * Returns: the name @value is stored under; %NULL for no value of @type
 */
const char *
cf_enum_to_nick (GType type,
                 int   value)
{
  /* Kept for the life of the program: the nicks returned point into it. */
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

/**
 * cf_enum_from_nick:
 * @value: (out): the value @nick names
 *
 * Returns: whether @nick is the stored name of a value of @type
 */
gboolean
cf_enum_from_nick (GType       type,
                   const char *nick,
                   int        *value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (found == NULL)
    return FALSE;
  *value = found->value;
  return TRUE;
}

/**
 * cf_txn_type_to_nick:
 *
 * Returns: the name a type is stored under, `sale`
 */
const char *
cf_txn_type_to_nick (CfTxnType type)
{
  g_return_val_if_fail (type <= CF_TXN_TYPE_OTHER, "other");
  return cf_enum_to_nick (CF_TYPE_TXN_TYPE, type);
}

gboolean
cf_txn_type_from_nick (const char *nick,
                       CfTxnType  *type)
{
  int value;

  if (!cf_enum_from_nick (CF_TYPE_TXN_TYPE, nick, &value))
    return FALSE;
  *type = (CfTxnType) value;
  return TRUE;
}

/**
 * cf_txn_type_get_label:
 *
 * Returns: the type's name for people, translated (消费, 退货, …)
 */
const char *
cf_txn_type_get_label (CfTxnType type)
{
  g_return_val_if_fail (type <= CF_TXN_TYPE_OTHER, "");
  return _(txn_type_labels[type]);
}

/**
 * cf_txn_type_is_reversal:
 *
 * Returns: whether money goes back to the card (void, refund): such amounts are shown negative
 */
gboolean
cf_txn_type_is_reversal (CfTxnType type)
{
  return type == CF_TXN_TYPE_VOID || type == CF_TXN_TYPE_REFUND ||
         type == CF_TXN_TYPE_PREAUTH_VOID || type == CF_TXN_TYPE_AUTH_COMPLETE_VOID;
}

const char *
cf_entry_mode_to_nick (CfEntryMode mode)
{
  g_return_val_if_fail (mode <= CF_ENTRY_MODE_MANUAL, "unknown");
  return cf_enum_to_nick (CF_TYPE_ENTRY_MODE, mode);
}

CfEntryMode
cf_entry_mode_from_nick (const char *nick)
{
  int value;

  return cf_enum_from_nick (CF_TYPE_ENTRY_MODE, nick, &value) ? (CfEntryMode) value : CF_ENTRY_MODE_UNKNOWN;
}

/**
 * cf_entry_mode_to_letter:
 *
 * Returns: the letter a slip prints after the card number (S, I, C, M), or 0
 */
char
cf_entry_mode_to_letter (CfEntryMode mode)
{
  switch (mode)
    {
    case CF_ENTRY_MODE_SWIPE:       return 'S';
    case CF_ENTRY_MODE_CHIP:        return 'I';
    case CF_ENTRY_MODE_CONTACTLESS: return 'C';
    case CF_ENTRY_MODE_MANUAL:      return 'M';
    case CF_ENTRY_MODE_UNKNOWN:
    default:                        return 0;
    }
}

const char *
cf_role_to_nick (CfRole role)
{
  return cf_enum_to_nick (CF_TYPE_ROLE, role == CF_ROLE_MANAGER ? CF_ROLE_MANAGER : CF_ROLE_CLERK);
}

const char *
cf_payment_method_to_nick (CfPaymentMethod method)
{
  g_return_val_if_fail (method <= CF_PAYMENT_METHOD_OTHER, "other");
  return cf_enum_to_nick (CF_TYPE_PAYMENT_METHOD, method);
}

gboolean
cf_payment_method_from_nick (const char      *nick,
                             CfPaymentMethod *method)
{
  int value;

  if (!cf_enum_from_nick (CF_TYPE_PAYMENT_METHOD, nick, &value))
    return FALSE;
  *method = (CfPaymentMethod) value;
  return TRUE;
}

/**
 * cf_payment_method_get_label:
 *
 * Returns: the method's name for people, translated (银行卡, 微信支付, …)
 */
const char *
cf_payment_method_get_label (CfPaymentMethod method)
{
  static const char *const labels[] = {
    [CF_PAYMENT_METHOD_CARD]        = N_("Bank card"),
    [CF_PAYMENT_METHOD_WECHAT]      = N_("WeChat Pay"),
    [CF_PAYMENT_METHOD_ALIPAY]      = N_("Alipay"),
    [CF_PAYMENT_METHOD_UNIONPAY_QR] = N_("UnionPay QR"),
    [CF_PAYMENT_METHOD_CASH]        = N_("Cash"),
    [CF_PAYMENT_METHOD_OTHER]       = N_("Other"),
  };

  g_return_val_if_fail (method <= CF_PAYMENT_METHOD_OTHER, "");
  return _(labels[method]);
}

/**
 * cf_payment_method_from_word:
 * @word: how a file, or a clerk searching, names a method: `微信`, `WeChat
 *   Pay`, `wechatpay`, `现金`, `Cash`, `Bargeld`, `支付宝`, `云闪付`, `Card`,
 *   a card scheme (`visa`, `mc`)
 *
 * Returns: whether @word names a method
 */
gboolean
cf_payment_method_from_word (const char      *word,
                             CfPaymentMethod *method)
{
  static const struct { const char *word; CfPaymentMethod method; } words[] = {
    { "微信", CF_PAYMENT_METHOD_WECHAT }, { "微信支付", CF_PAYMENT_METHOD_WECHAT },
    { "wechat", CF_PAYMENT_METHOD_WECHAT }, { "wechatpay", CF_PAYMENT_METHOD_WECHAT },
    { "weixin", CF_PAYMENT_METHOD_WECHAT }, { "wxpay", CF_PAYMENT_METHOD_WECHAT },
    { "微信扫码", CF_PAYMENT_METHOD_WECHAT }, { "微信支付扫码", CF_PAYMENT_METHOD_WECHAT },
    { "支付宝支付", CF_PAYMENT_METHOD_ALIPAY }, { "支付宝扫码", CF_PAYMENT_METHOD_ALIPAY },
    { "云闪付支付", CF_PAYMENT_METHOD_UNIONPAY_QR }, { "银联二维码支付", CF_PAYMENT_METHOD_UNIONPAY_QR },
    { "刷卡支付", CF_PAYMENT_METHOD_CARD }, { "银行卡支付", CF_PAYMENT_METHOD_CARD },
    { "现金支付", CF_PAYMENT_METHOD_CASH }, { "现金收款", CF_PAYMENT_METHOD_CASH },
    { "微信退款", CF_PAYMENT_METHOD_WECHAT }, { "微信撤销", CF_PAYMENT_METHOD_WECHAT },
    { "微信扫码支付", CF_PAYMENT_METHOD_WECHAT }, { "支付宝退款", CF_PAYMENT_METHOD_ALIPAY },
    { "支付宝撤销", CF_PAYMENT_METHOD_ALIPAY }, { "支付宝扫码支付", CF_PAYMENT_METHOD_ALIPAY },
    { "银联扫码支付", CF_PAYMENT_METHOD_UNIONPAY_QR }, { "银联扫码退货", CF_PAYMENT_METHOD_UNIONPAY_QR },
    { "云闪付退款", CF_PAYMENT_METHOD_UNIONPAY_QR },
    { "支付宝", CF_PAYMENT_METHOD_ALIPAY }, { "alipay", CF_PAYMENT_METHOD_ALIPAY },
    { "alipaycn", CF_PAYMENT_METHOD_ALIPAY },
    { "云闪付", CF_PAYMENT_METHOD_UNIONPAY_QR }, { "银联二维码", CF_PAYMENT_METHOD_UNIONPAY_QR },
    { "银联扫码", CF_PAYMENT_METHOD_UNIONPAY_QR }, { "unionpayqr", CF_PAYMENT_METHOD_UNIONPAY_QR },
    { "quickpassqr", CF_PAYMENT_METHOD_UNIONPAY_QR }, { "cupqr", CF_PAYMENT_METHOD_UNIONPAY_QR },
    { "现金", CF_PAYMENT_METHOD_CASH }, { "cash", CF_PAYMENT_METHOD_CASH },
    { "bargeld", CF_PAYMENT_METHOD_CASH }, { "bar", CF_PAYMENT_METHOD_CASH },
    { "银行卡", CF_PAYMENT_METHOD_CARD }, { "刷卡", CF_PAYMENT_METHOD_CARD },
    { "借记卡", CF_PAYMENT_METHOD_CARD }, { "贷记卡", CF_PAYMENT_METHOD_CARD },
    { "信用卡", CF_PAYMENT_METHOD_CARD }, { "card", CF_PAYMENT_METHOD_CARD },
    { "karte", CF_PAYMENT_METHOD_CARD }, { "visa", CF_PAYMENT_METHOD_CARD },
    { "mc", CF_PAYMENT_METHOD_CARD }, { "mastercard", CF_PAYMENT_METHOD_CARD },
    { "maestro", CF_PAYMENT_METHOD_CARD }, { "amex", CF_PAYMENT_METHOD_CARD },
    { "jcb", CF_PAYMENT_METHOD_CARD }, { "diners", CF_PAYMENT_METHOD_CARD },
    { "discover", CF_PAYMENT_METHOD_CARD }, { "cup", CF_PAYMENT_METHOD_CARD },
    { "unionpay", CF_PAYMENT_METHOD_CARD }, { "银联卡", CF_PAYMENT_METHOD_CARD },
    { "creditcard", CF_PAYMENT_METHOD_CARD }, { "debitcard", CF_PAYMENT_METHOD_CARD },
  };
  g_autofree char *key = cf_text_header_key (word);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (key, words[i].word))
      {
        *method = words[i].method;
        return TRUE;
      }
  return FALSE;
}

/**
 * cf_payment_method_is_wallet:
 *
 * Returns: whether the customer paid by showing or scanning a code: the
 *   slip has no card on it
 */
gboolean
cf_payment_method_is_wallet (CfPaymentMethod method)
{
  return method == CF_PAYMENT_METHOD_WECHAT || method == CF_PAYMENT_METHOD_ALIPAY ||
         method == CF_PAYMENT_METHOD_UNIONPAY_QR;
}
