/* cf-audit-sentence.c — an audit entry's details as a sentence in the reader's language
 *
 * The log stores details as the code wrote them — JSON for what has fields,
 * a short English phrase for the rest — and never changes them: they are
 * chained by hash. What the Audit Log shows is read from them, in the
 * reader's language. What is not understood is shown as stored, never hidden.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cf-audit-sentence.h"
#include "cf-duplicate-issuer.h"
#include "cf-loss-service.h"
#include "cf-money.h"
#include "cf-request-status.h"

static const char *
str (JsonObject *o,
     const char *name)
{
  return json_object_has_member (o, name) && JSON_NODE_HOLDS_VALUE (json_object_get_member (o, name))
         ? json_object_get_string_member_with_default (o, name, "") : "";
}

static gint64
num (JsonObject *o,
     const char *name)
{
  return json_object_get_int_member_with_default (o, name, 0);
}

static const char *
document_state (const char *state)
{
  if (g_strcmp0 (state, "ready") == 0)
    return _("ready");
  if (g_strcmp0 (state, "submitted") == 0)
    return _("submitted");
  return _("missing");
}

/* The names the duplicate dialog gives the copies. */
static const char *
copy_label (const char *nick)
{
  if (g_strcmp0 (nick, "cardholder") == 0)
    return _("Cardholder copy");
  if (g_strcmp0 (nick, "bank") == 0)
    return _("Bank copy");
  return _("Merchant copy");
}

static const char *
status_label (const char *nick)
{
  CfRequestStatus status;

  return cf_request_status_from_nick (nick, &status) ? cf_request_status_get_label (status) : nick;
}

static char *
money (gint64 minor)
{
  return cf_money_format (minor, "CNY");
}

/* Details written as JSON: one sentence per action. */
static char *
from_json (const char *action,
           JsonObject *o)
{
  if (g_str_equal (action, "move-request"))
    return g_strdup_printf (_("Moved from “%s” to “%s”."), status_label (str (o, "from")), status_label (str (o, "to")));
  if (g_str_equal (action, "set-request-document"))
    return g_strdup_printf (_("%s marked %s."), cf_loss_document_name (str (o, "document")),
                            document_state (str (o, "state")));
  if (g_str_equal (action, "set-request-reference"))
    return *str (o, "reference") != '\0' ? g_strdup_printf (_("Their reference no. is %s."), str (o, "reference"))
                                         : g_strdup (_("Their reference no. was cleared."));
  if (g_str_equal (action, "set-request-fee"))
    {
      g_autofree char *fee = money (num (o, "fee_minor"));

      return *str (o, "paid_on") != '\0' ? g_strdup_printf (_("A fee of %s, paid on %s."), fee, str (o, "paid_on"))
                                         : g_strdup_printf (_("A fee of %s, not paid yet."), fee);
    }
  if (g_str_equal (action, "report-loss"))
    return g_strdup_printf (_("%lld slips reported lost (cause: %s); %lld requests made."), (long long) num (o, "slips"),
                            cf_loss_cause_get_label (str (o, "cause")), (long long) num (o, "requests"));
  if (g_str_equal (action, "issue-duplicate"))
    return g_strdup_printf (_("Duplicate No. %lld, %s; check code %s."), (long long) num (o, "number"),
                            copy_label (str (o, "copy")), str (o, "code"));
  if (g_str_equal (action, "sign-off-handover"))
    return g_strdup_printf (_("Signed off as handover report no. %06lld."), (long long) num (o, "sequence_no"));
  if (g_str_equal (action, "sign-off-reconciliation"))
    return g_strdup_printf (_("Signed off as reconciliation report no. R%06lld, %s to %s."),
                            (long long) num (o, "sequence_no"), str (o, "from"), str (o, "to"));
  if (g_str_equal (action, "import"))
    return g_strdup_printf (_("%lld rows: %lld imported, %lld duplicates, %lld conflicts, %lld rejected."),
                            (long long) num (o, "rows"), (long long) num (o, "imported"),
                            (long long) num (o, "duplicates"), (long long) num (o, "conflicts"),
                            (long long) num (o, "rejected"));
  if (g_str_equal (action, "accept-difference") || g_str_equal (action, "mark-expected"))
    return g_strdup_printf (_("Note: %s"), str (o, "note"));
  if (g_str_equal (action, "link-transactions") || g_str_equal (action, "merge-transactions"))
    return g_strdup_printf (_("Transaction #%lld is now one with #%lld."), (long long) num (o, "merged"),
                            (long long) num (o, "kept"));
  if (g_str_equal (action, "set-fee-rate"))
    {
      if (json_object_get_boolean_member_with_default (o, "removed", FALSE))
        return g_strdup_printf (_("The agreed rate for %s was removed."), str (o, "kind"));
      return g_strdup_printf (_("The agreed rate for %s is %.4g%%."), str (o, "kind"), num (o, "rate_ppm") / 10000.0);
    }
  if (g_str_equal (action, "enter-deposit"))
    {
      g_autofree char *amount = money (num (o, "amount_minor"));

      return g_strdup_printf (_("A deposit of %s for the settlement day %s."), amount, str (o, "settlement_date"));
    }
  return NULL;
}

/* Details written as an English phrase: its pattern, and the sentence it reads as. */
static char *
from_phrase (const char *action,
             const char *details)
{
  static const struct { const char *action; const char *pattern; const char *sentence; } phrases[] = {
    { "lock-window", "^idle$", N_("Locked after the idle minutes.") },
    { "lock-window", "^by hand$", N_("Locked by hand.") },
    { "wrong-pin", "^wrong PIN ([0-9]+) of ([0-9]+); next try after ([0-9]+) s$",
      N_("Wrong PIN, %s of %s; the next try after %s s.") },
    { "wrong-pin", "^wrong PIN ([0-9]+) in a row; the only manager is not locked: next try after ([0-9]+) s$",
      N_("Wrong PIN %s times in a row; the only manager is not locked out: the next try after %s s.") },
    { "operator-locked", "^([0-9]+) wrong PINs in a row; locked until (.*)$",
      N_("%s wrong PINs in a row: locked until %s.") },
    { "create-demo", "^([0-9]+) demo transactions$", N_("%s demo transactions made.") },
    { "save-operator", "^(.*), clerk, PIN set$", N_("%s, a clerk, with a PIN.") },
    { "save-operator", "^(.*), clerk$", N_("%s, a clerk.") },
    { "save-operator", "^(.*), manager, PIN set$", N_("%s, a manager, with a PIN.") },
    { "save-operator", "^(.*), manager$", N_("%s, a manager.") },
    { "sign-in-refused", "^(.*); ([0-9]+) refused tries since the last entry$",
      N_("%s; %s refused tries since the last entry.") },
    { "restore-backup", "^from (.*) \\(its log kept up to entry ([0-9]+)\\); the database before it kept as (.*)$",
      N_("Restored from %s (its log kept up to entry %s); the database before it is kept as %s.") },
  };

  /* Compiled once: every row of the log that is bound reads its phrase. */
  static GRegex *regexes[G_N_ELEMENTS (phrases)];

  if (g_once_init_enter (&regexes[0]))
    {
      for (guint i = 1; i < G_N_ELEMENTS (phrases); i++)
        regexes[i] = g_regex_new (phrases[i].pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regexes[0], g_regex_new (phrases[0].pattern, G_REGEX_OPTIMIZE, 0, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      char *groups[3] = { NULL };
      char *sentence;

      if (!g_str_equal (action, phrases[i].action))
        continue;
      if (!g_regex_match (regexes[i], details, 0, &match))
        continue;
      for (int g = 0; g < 3; g++)
        groups[g] = g_match_info_fetch (match, g + 1);
      sentence = g_strdup_printf (_(phrases[i].sentence), groups[0] != NULL ? groups[0] : "",
                                  groups[1] != NULL ? groups[1] : "", groups[2] != NULL ? groups[2] : "");
      for (int g = 0; g < 3; g++)
        g_free (groups[g]);
      return sentence;
    }
  return NULL;
}

/**
 * cf_audit_sentence:
 * @details: (nullable): as stored
 *
 * Returns: (transfer full): @details read as a sentence; what is not
 *   understood as stored; a manager's approval said in words
 */
char *
cf_audit_sentence (const char *action,
                   const char *details)
{
  g_autofree char *body = g_strdup (details != NULL ? details : "");
  g_autofree char *manager = NULL;
  g_autofree char *sentence = NULL;
  char *mark = strstr (body, "[manager override: ");

  if (mark != NULL && g_str_has_suffix (mark, "]"))
    {
      manager = g_strndup (mark + strlen ("[manager override: "), strlen (mark) - strlen ("[manager override: ") - 1);
      *mark = '\0';
      g_strchomp (body);
    }

  if (action != NULL && body[0] == '{')
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, body, -1, NULL) && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        sentence = from_json (action, json_node_get_object (json_parser_get_root (parser)));
    }
  else if (action != NULL)
    sentence = from_phrase (action, body);
  if (sentence == NULL)
    sentence = g_strdup (body);

  if (manager == NULL)
    return g_steal_pointer (&sentence);
  /* TRANSLATORS: what was done, then who approved it */
  return g_strdup_printf (*sentence != '\0' ? _("%s Approved by manager %s.") : _("%sApproved by manager %s."),
                          sentence, manager);
}
