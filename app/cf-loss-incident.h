/* cf-loss-incident.h — one loss incident, whole: its slips, what became of
 * each, and what is still to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-loss-service.h"
#include "cf-transaction.h"

G_BEGIN_DECLS

/* Where a lost slip's remedy stands. */
typedef enum
{
  CF_SLIP_DUPLICATE_PENDING,   /* a duplicate was chosen and is not issued yet */
  CF_SLIP_DUPLICATE_ISSUED,
  CF_SLIP_REQUEST_OPEN,        /* asked of the bank or provider, not fulfilled yet */
  CF_SLIP_REQUEST_FULFILLED,
  CF_SLIP_NOTHING_TO_DO,       /* decided so, with a reason */
} CfSlipState;

typedef struct
{
  CfTransaction   *transaction;
  gboolean         contacted;
  char            *customer_note;
  char            *proof;
  CfLossRemedy     remedy;
  char            *remedy_reason;
  CfSlipState      state;
  char            *duplicate_issued_at;   /* the first, if any */
  gint64           request_id;            /* 0: none */
  CfRequestStatus  request_status;
} CfIncidentSlip;

typedef struct
{
  CfIncidentInfo *info;
  char           *created_by;
  char           *discovered_by;
  char           *discovered_at;
  char           *notes;
  CfLossImpact    impact;
  GPtrArray      *slips;      /* (element-type CfIncidentSlip), in time order */
  GPtrArray      *requests;   /* (element-type CfRequestInfo) */
} CfIncidentDetail;

CfIncidentDetail *cf_loss_get_incident               (CfStore           *store,
                                                      gint64             incident_id,
                                                      GDateTime         *today,
                                                      GError           **error);
GPtrArray        *cf_incident_detail_pending_duplicates (CfIncidentDetail *self);
const char       *cf_slip_state_describe             (const CfIncidentSlip *slip);
void              cf_incident_detail_free            (CfIncidentDetail  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfIncidentDetail, cf_incident_detail_free)

G_END_DECLS
