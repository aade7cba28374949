/* cf-types.c — names of the shared enums, as stored and as shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-types"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-types.h"

static const struct
{
  const char *nick;
  const char *label;
} txn_types[] = {
  [CF_TXN_TYPE_SALE]               = { "sale",               N_("Sale") },
  [CF_TXN_TYPE_VOID]               = { "void",               N_("Void") },
  [CF_TXN_TYPE_REFUND]             = { "refund",             N_("Refund") },
  [CF_TXN_TYPE_PREAUTH]            = { "preauth",            N_("Pre-authorisation") },
  [CF_TXN_TYPE_PREAUTH_VOID]       = { "preauth_void",       N_("Pre-auth void") },
  [CF_TXN_TYPE_AUTH_COMPLETE]      = { "auth_complete",      N_("Auth completion") },
  [CF_TXN_TYPE_AUTH_COMPLETE_VOID] = { "auth_complete_void", N_("Auth completion void") },
  [CF_TXN_TYPE_OTHER]              = { "other",              N_("Other") },
};

static const char *entry_modes[] = {
  [CF_ENTRY_MODE_UNKNOWN]     = "unknown",
  [CF_ENTRY_MODE_SWIPE]       = "swipe",
  [CF_ENTRY_MODE_CHIP]        = "chip",
  [CF_ENTRY_MODE_CONTACTLESS] = "contactless",
  [CF_ENTRY_MODE_MANUAL]      = "manual",
};

/**
 * cf_txn_type_to_nick:
 *
 * Returns: the name a type is stored under, `sale`
 */
const char *
cf_txn_type_to_nick (CfTxnType type)
{
  g_return_val_if_fail (type <= CF_TXN_TYPE_OTHER, "other");
  return txn_types[type].nick;
}

gboolean
cf_txn_type_from_nick (const char *nick,
                       CfTxnType  *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (txn_types); i++)
    if (g_strcmp0 (nick, txn_types[i].nick) == 0)
      {
        *type = (CfTxnType) i;
        return TRUE;
      }
  return FALSE;
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
  return _(txn_types[type].label);
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
  return entry_modes[mode];
}

CfEntryMode
cf_entry_mode_from_nick (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry_modes); i++)
    if (g_strcmp0 (nick, entry_modes[i]) == 0)
      return (CfEntryMode) i;
  return CF_ENTRY_MODE_UNKNOWN;
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
  return role == CF_ROLE_MANAGER ? "manager" : "clerk";
}
