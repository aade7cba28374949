/* cf-request-status.c — where a replacement request stands, and where it may go
 *
 *   draft → submitted → under review → approved → fulfilled → closed
 *                                    ↘ rejected → closed
 *   and from any open state: cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-request-status"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-enum-types.h"
#include "cf-request-status.h"
#include "cf-types.h"

static const char *const labels[CF_REQUEST_N_STATUSES] = {
  [CF_REQUEST_DRAFT]        = N_("Draft"),
  [CF_REQUEST_SUBMITTED]    = N_("Submitted"),
  [CF_REQUEST_UNDER_REVIEW] = N_("Under review"),
  [CF_REQUEST_APPROVED]     = N_("Approved"),
  [CF_REQUEST_REJECTED]     = N_("Rejected"),
  [CF_REQUEST_FULFILLED]    = N_("Fulfilled"),
  [CF_REQUEST_CLOSED]       = N_("Closed"),
  [CF_REQUEST_CANCELLED]    = N_("Cancelled"),
};

const char *
cf_request_status_to_nick (CfRequestStatus status)
{
  g_return_val_if_fail (status < CF_REQUEST_N_STATUSES, "draft");
  return cf_enum_to_nick (CF_TYPE_REQUEST_STATUS, status);
}

gboolean
cf_request_status_from_nick (const char      *nick,
                             CfRequestStatus *status)
{
  int value;

  /* Typed with a dash, as people do, it is the same state. */
  if (g_strcmp0 (nick, "under-review") == 0)
    nick = "under_review";
  if (!cf_enum_from_nick (CF_TYPE_REQUEST_STATUS, nick, &value))
    return FALSE;
  *status = (CfRequestStatus) value;
  return TRUE;
}

const char *
cf_request_status_get_label (CfRequestStatus status)
{
  g_return_val_if_fail (status < CF_REQUEST_N_STATUSES, "");
  return _(labels[status]);
}

/**
 * cf_request_status_is_open:
 *
 * Returns: whether a request in @status still needs work
 */
gboolean
cf_request_status_is_open (CfRequestStatus status)
{
  return status != CF_REQUEST_CLOSED && status != CF_REQUEST_CANCELLED &&
         status != CF_REQUEST_FULFILLED && status != CF_REQUEST_REJECTED;
}

/**
 * cf_request_status_can_move:
 *
 * Returns: whether a request may go from @from to @to
 */
gboolean
cf_request_status_can_move (CfRequestStatus from,
                            CfRequestStatus to)
{
  switch (from)
    {
    case CF_REQUEST_DRAFT:
      return to == CF_REQUEST_SUBMITTED || to == CF_REQUEST_CANCELLED;
    case CF_REQUEST_SUBMITTED:
      return to == CF_REQUEST_UNDER_REVIEW || to == CF_REQUEST_CANCELLED;
    case CF_REQUEST_UNDER_REVIEW:
      return to == CF_REQUEST_APPROVED || to == CF_REQUEST_REJECTED || to == CF_REQUEST_CANCELLED;
    case CF_REQUEST_APPROVED:
      return to == CF_REQUEST_FULFILLED || to == CF_REQUEST_CANCELLED;
    case CF_REQUEST_REJECTED:
    case CF_REQUEST_FULFILLED:
      return to == CF_REQUEST_CLOSED;
    case CF_REQUEST_CLOSED:
    case CF_REQUEST_CANCELLED:
    default:
      return FALSE;
    }
}

/**
 * cf_request_status_dup_moves:
 *
 * Returns: (transfer full): the statuses @from may move to, for a message: `under_review, cancelled`
 */
char *
cf_request_status_dup_moves (CfRequestStatus from)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < CF_REQUEST_N_STATUSES; i++)
    if (cf_request_status_can_move (from, (CfRequestStatus) i))
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", cf_request_status_to_nick ((CfRequestStatus) i));
  if (out->len == 0)
    g_string_append (out, "—");
  return g_string_free (out, FALSE);
}

/**
 * cf_request_status_label_for_nick:
 * @nick: a status as stored, `under_review`
 *
 * Returns: its name for people, translated; @nick itself when it is none
 */
const char *
cf_request_status_label_for_nick (const char *nick)
{
  CfRequestStatus status;

  return cf_request_status_from_nick (nick, &status) ? cf_request_status_get_label (status) : nick;
}
