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
