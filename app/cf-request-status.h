/* cf-request-status.h — where a replacement request stands, and where it may go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CF_REQUEST_DRAFT,                       /*< nick=draft >*/
  CF_REQUEST_SUBMITTED,                   /*< nick=submitted >*/
  CF_REQUEST_UNDER_REVIEW,                /*< nick=under_review >*/
  CF_REQUEST_APPROVED,                    /*< nick=approved >*/
  CF_REQUEST_REJECTED,                    /*< nick=rejected >*/
  CF_REQUEST_FULFILLED,                   /*< nick=fulfilled >*/
  CF_REQUEST_CLOSED,                      /*< nick=closed >*/
  CF_REQUEST_CANCELLED,                   /*< nick=cancelled >*/
} CfRequestStatus;

#define CF_REQUEST_N_STATUSES (CF_REQUEST_CANCELLED + 1)

const char *cf_request_status_to_nick    (CfRequestStatus  status);
gboolean    cf_request_status_from_nick  (const char      *nick,
                                          CfRequestStatus *status);
const char *cf_request_status_get_label  (CfRequestStatus  status);
const char *cf_request_status_label_for_nick (const char   *nick);
gboolean    cf_request_status_is_open    (CfRequestStatus  status);
gboolean    cf_request_status_can_move   (CfRequestStatus  from,
                                          CfRequestStatus  to);
char       *cf_request_status_dup_moves  (CfRequestStatus  from);

G_END_DECLS
