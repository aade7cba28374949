/* cf-loss-service.h — lost slips: incidents, their impact, and replacement requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-report-doc.h"
#include "cf-request-status.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_LOSS_ERROR (cf_loss_error_quark ())

typedef enum
{
  CF_LOSS_ERROR_INVALID,
  CF_LOSS_ERROR_NOT_FOUND,
  CF_LOSS_ERROR_REFUSED_MOVE,
} CfLossError;

typedef enum
{
  CF_LOSS_REMEDY_DUPLICATE,
  CF_LOSS_REMEDY_REQUEST,
  CF_LOSS_REMEDY_NONE,
} CfLossRemedy;

/**
 * CfLossSlip:
 * @counterpart: for %CF_LOSS_REMEDY_REQUEST: `acquirer`, `provider` or `tax_office`
 * @proof: (nullable): other proof the customer accepted: `membership`, `statement`, `epayment`, `other`
 */
typedef struct
{
  gint64        transaction_id;
  gboolean      contacted;
  const char   *customer_note;
  const char   *proof;
  CfLossRemedy  remedy;
  const char   *remedy_reason;
  const char   *counterpart;
} CfLossSlip;

/**
 * CfLossIncidentInfo:
 * @cause: `human`, `technical`, `environmental` or `management`
 */
typedef struct
{
  const char *period_from;
  const char *period_to;
  const char *description;
  const char *cause;
  const char *discovered_by;
  const char *discovered_at;
  const char *responsible;
  const char *notes;
} CfLossIncidentInfo;

/**
 * CfLossImpact:
 *
 * What losing these slips affects, computed from the store.
 */
typedef struct
{
  guint   count;
  gint64  net_minor;                     /* sales less voids and refunds */
  gint64  gross_minor;                   /* sales alone */
  guint   count_by_type[8];              /* by CfTxnType */
  gint64  amount_by_type[8];             /* voids and refunds negative */
  guint   settled;                       /* on an acquirer's statement, a wallet's bill or a processor's export */
  guint   refund_related;                /* refunds, voids, or sales later refunded or voided */
  guint   in_retention;                  /* within 13 months: a retrieval request can still come */
  guint   cards;                         /* distinct cards: customers to contact */
} CfLossImpact;

/* How the requests list is ordered. */
typedef enum
{
  CF_REQUEST_ORDER_DUE,        /* soonest due first, then not yet submitted */
  CF_REQUEST_ORDER_ATTENTION,  /* overdue, then due soon, then other open ones, then finished */
  CF_REQUEST_ORDER_NEWEST,     /* latest created first */
} CfRequestOrder;

typedef struct
{
  gint64           id;
  gint64           incident_id;
  char            *counterpart;
  char            *counterpart_ref;
  CfRequestStatus  status;
  char            *created_at;
  char            *submitted_at;
  char            *due_date;
  gboolean         has_fee;
  gint64           fee_minor;
  char            *fee_paid_on;
  guint            n_slips;
  gboolean         overdue;
  gboolean         due_soon;
} CfRequestInfo;

typedef struct
{
  gint64   id;
  char    *created_at;
  char    *period_from;
  char    *period_to;
  char    *cause;
  char    *responsible;
  char    *description;
  guint    n_slips;
  guint    n_resolved;
  gint64   amount_minor;      /* net: voids and refunds negative */
  gboolean resolved;
} CfIncidentInfo;

GQuark          cf_loss_error_quark          (void);
gboolean        cf_loss_compute_impact       (CfStore                  *store,
                                              const gint64             *transaction_ids,
                                              guint                     n_ids,
                                              GDateTime                *now,
                                              CfLossImpact             *impact,
                                              GError                  **error);
gint64          cf_loss_create_incident      (CfStore                  *store,
                                              const CfLossIncidentInfo *info,
                                              const CfLossSlip         *slips,
                                              guint                     n_slips,
                                              const char               *operator_no,
                                              GError                  **error);
GPtrArray      *cf_loss_list_for_transaction (CfStore                  *store,
                                              gint64                    transaction_id,
                                              GError                  **error);
GPtrArray      *cf_loss_list_incidents       (CfStore                  *store,
                                              GError                  **error);
GPtrArray      *cf_loss_list_requests        (CfStore                  *store,
                                              GDateTime                *today,
                                              GError                  **error);
gboolean        cf_loss_move_request         (CfStore                  *store,
                                              gint64                    request_id,
                                              CfRequestStatus           to,
                                              const char               *note,
                                              const char               *operator_no,
                                              GDateTime                *now,
                                              GError                  **error);
GDate          *cf_loss_add_working_days     (const GDate              *from,
                                              guint                     days);
gboolean        cf_loss_set_document         (CfStore                  *store,
                                              gint64                    request_id,
                                              const char               *kind,
                                              const char               *state,
                                              const char               *file,
                                              const char               *operator_no,
                                              GError                  **error);
GPtrArray      *cf_loss_list_documents       (CfStore                  *store,
                                              gint64                    request_id,
                                              GError                  **error);
void            cf_loss_sort_requests        (GPtrArray                *requests,
                                              CfRequestOrder            order);
GPtrArray      *cf_loss_list_history         (CfStore                  *store,
                                              gint64                    request_id,
                                              GError                  **error);
gboolean        cf_loss_set_reference        (CfStore                  *store,
                                              gint64                    request_id,
                                              const char               *reference,
                                              const char               *operator_no,
                                              GError                  **error);
gboolean        cf_loss_set_fee              (CfStore                  *store,
                                              gint64                    request_id,
                                              gint64                    fee_minor,
                                              const char               *paid_on,
                                              const char               *operator_no,
                                              GError                  **error);
const char     *cf_loss_document_label       (const char               *kind);
const char     *cf_loss_document_name        (const char               *kind);
const char     *cf_loss_document_kind_for    (const char               *text);
GPtrArray      *cf_loss_document_kinds       (void);
const char     *cf_loss_cause_get_label      (const char               *cause);
CfReportDoc    *cf_loss_build_letter         (CfStore                  *store,
                                              gint64                    request_id,
                                              GDateTime                *today,
                                              GError                  **error);
void            cf_request_info_free         (CfRequestInfo            *info);
void            cf_incident_info_free        (CfIncidentInfo           *info);

G_END_DECLS
