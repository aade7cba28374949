/* cf-settlement.h — what the acquirer settled: agreed fees, and the money that arrived
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-store.h"

G_BEGIN_DECLS

/* What a merchant's agreement prices separately. */
typedef enum
{
  CF_FEE_KIND_DEBIT,
  CF_FEE_KIND_CREDIT,
  CF_FEE_KIND_CARD,         /* a card the statement does not call debit or credit */
  CF_FEE_KIND_WECHAT,
  CF_FEE_KIND_ALIPAY,
  CF_FEE_KIND_UNIONPAY_QR,
  CF_FEE_KIND_N
} CfFeeKind;

/* An agreed rate: 0.55% is 5500 millionths; a cap of ¥20 is 2000. */
typedef struct
{
  gboolean set;
  guint    rate_ppm;
  gint64   cap_minor;       /* 0: no cap */
} CfFeeRate;

/* One settlement day: what the statements settled and what was deposited. */
typedef struct
{
  char     date[11];
  gboolean date_known;      /* FALSE: the statement gave none, the day of the sale stands in */
  guint    count;
  gint64   gross_minor;     /* refunds negative */
  gint64   fee_minor;
  gint64   net_minor;
  gboolean has_deposit;
  gint64   deposit_minor;
  char    *deposit_note;
} CfSettlementDay;

const char  *cf_fee_kind_to_nick          (CfFeeKind         kind);
const char  *cf_fee_kind_label            (CfFeeKind         kind);
gboolean     cf_fee_kind_from_nick        (const char       *nick,
                                           CfFeeKind        *kind);
CfFeeKind    cf_fee_kind_of               (const char       *payment_method,
                                           const char       *card_kind);
gboolean     cf_fee_rates_load            (CfStore          *store,
                                           CfFeeRate         rates[CF_FEE_KIND_N],
                                           GError          **error);
gboolean     cf_fee_rates_set             (CfStore          *store,
                                           CfFeeKind         kind,
                                           const CfFeeRate  *rate,
                                           const char       *operator_no,
                                           GError          **error);
const CfFeeRate *cf_fee_rates_pick        (const CfFeeRate   rates[CF_FEE_KIND_N],
                                           CfFeeKind         kind);
gint64       cf_fee_rate_expected         (const CfFeeRate  *rate,
                                           gint64            amount_minor);
gboolean     cf_fee_rate_parse_percent    (const char       *text,
                                           guint            *rate_ppm,
                                           GError          **error);
char        *cf_fee_rate_format           (const CfFeeRate  *rate);
gboolean     cf_fee_rate_parse            (const char       *text,
                                           CfFeeRate        *rate,
                                           GError          **error);
char        *cf_fee_rate_to_text          (const CfFeeRate  *rate);

GPtrArray   *cf_settlement_list_days      (CfStore          *store,
                                           const char       *from,
                                           const char       *to,
                                           const char       *terminal_no,
                                           GError          **error);
gboolean     cf_settlement_set_deposit    (CfStore          *store,
                                           const char       *date,
                                           gint64            amount_minor,
                                           const char       *note,
                                           const char       *operator_no,
                                           GError          **error);
void         cf_settlement_day_free       (CfSettlementDay  *day);

G_END_DECLS
