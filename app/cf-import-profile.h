/* cf-import-profile.h — how one kind of journal names its columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-timestamp.h"
#include "cf-types.h"

G_BEGIN_DECLS

/**
 * CfField:
 *
 * The transaction fields an import can fill, each found through the column
 * header synonyms of a profile.
 */
typedef enum
{
  CF_FIELD_DATE,
  CF_FIELD_TIME,
  CF_FIELD_DATETIME,
  CF_FIELD_MERCHANT_NO,
  CF_FIELD_MERCHANT_NAME,
  CF_FIELD_TERMINAL_NO,
  CF_FIELD_OPERATOR_NO,
  CF_FIELD_BATCH_NO,
  CF_FIELD_VOUCHER_NO,
  CF_FIELD_REF_NO,
  CF_FIELD_AUTH_CODE,
  CF_FIELD_CARD_NO,
  CF_FIELD_CARD_BRAND,
  CF_FIELD_CARD_KIND,
  CF_FIELD_ISSUER,
  CF_FIELD_ACQUIRER,
  CF_FIELD_TXN_TYPE,
  CF_FIELD_AMOUNT,
  CF_FIELD_FEE,
  CF_FIELD_NET_AMOUNT,
  CF_FIELD_STATUS,
  CF_FIELD_ENTRY_MODE,
  CF_FIELD_CURRENCY,
  CF_FIELD_TIME_ZONE,
  CF_FIELD_ORIG_VOUCHER_NO,
  CF_FIELD_ORIG_REF_NO,
  CF_FIELD_ORIG_DATE,
  CF_FIELD_SOURCE_ID,
  CF_FIELD_INCOME,
  CF_FIELD_EXPENSE,
  CF_FIELD_REFUND_AMOUNT,
  CF_FIELD_REFUND_ID,
  CF_FIELD_PAYMENT_METHOD,
  CF_FIELD_ORDER_NO,
  CF_FIELD_CHANNEL_NO,
  CF_FIELD_STORE,
  CF_N_FIELDS
} CfField;

#define CF_IMPORT_PROFILE_ERROR (cf_import_profile_error_quark ())

typedef enum
{
  CF_IMPORT_PROFILE_ERROR_INVALID,
  CF_IMPORT_PROFILE_ERROR_NOT_FOUND,
} CfImportProfileError;

#define CF_TYPE_IMPORT_PROFILE (cf_import_profile_get_type ())

G_DECLARE_FINAL_TYPE (CfImportProfile, cf_import_profile, CF, IMPORT_PROFILE, GObject)

GQuark            cf_import_profile_error_quark      (void);
const char       *cf_field_get_name                  (CfField           field);
const char       *cf_field_get_label                 (CfField           field);
CfImportProfile  *cf_import_profile_new_from_data    (const char       *data,
                                                      gsize             len,
                                                      const char       *origin,
                                                      GError          **error);
GPtrArray        *cf_import_profile_load_all         (GPtrArray        *skipped,
                                                      GError          **error);
CfImportProfile  *cf_import_profile_find             (const char       *name_or_path,
                                                      GError          **error);
const char       *cf_import_profile_get_name         (CfImportProfile  *self);
const char       *cf_import_profile_get_title        (CfImportProfile  *self);
const char       *cf_import_profile_get_origin       (CfImportProfile  *self);
const char       *cf_import_profile_get_text         (CfImportProfile  *self);
CfDateOrder       cf_import_profile_get_date_order   (CfImportProfile  *self);
const char       *cf_import_profile_get_currency     (CfImportProfile  *self);
const char       *cf_import_profile_get_time_zone    (CfImportProfile  *self);
CfAmountUnit      cf_import_profile_get_amount_unit  (CfImportProfile  *self);
gboolean          cf_import_profile_get_decimal_comma (CfImportProfile *self);
const char *const *cf_import_profile_get_checks      (CfImportProfile  *self);
char             *cf_import_profile_strip_cell       (CfImportProfile  *self,
                                                      const char       *cell);
gboolean          cf_import_profile_is_comment       (CfImportProfile  *self,
                                                      const char       *first_cell);
gboolean          cf_import_profile_is_summary_start (CfImportProfile  *self,
                                                      const char       *first_cell);
gboolean          cf_import_profile_marks_rows       (CfImportProfile  *self);
gboolean          cf_import_profile_has_skips        (CfImportProfile  *self,
                                                      CfField           field);
gboolean          cf_import_profile_skips            (CfImportProfile  *self,
                                                      CfField           field,
                                                      const char       *value);
gboolean          cf_import_profile_has_signature    (CfImportProfile  *self);
const char * const *cf_import_profile_get_headerless_columns (CfImportProfile *self);
const char       *cf_import_profile_get_encoding     (CfImportProfile  *self);
gboolean          cf_import_profile_map_method       (CfImportProfile  *self,
                                                      const char       *text,
                                                      CfPaymentMethod  *method);
CfPaymentMethod   cf_import_profile_get_payment_method (CfImportProfile *self);
const char *const *cf_import_profile_get_method_columns (CfImportProfile *self,
                                                        CfPaymentMethod  method);
gboolean          cf_import_profile_get_key_with_time (CfImportProfile *self);
gboolean          cf_import_profile_get_reverse_sign (CfImportProfile  *self);
const char       *cf_import_profile_get_kind         (CfImportProfile  *self);
CfField           cf_field_from_name                 (const char       *name);
guint             cf_import_profile_match_header     (CfImportProfile  *self,
                                                      const char *const *headers,
                                                      guint             n_headers,
                                                      int               columns[CF_N_FIELDS]);
CfTxnType         cf_import_profile_map_type         (CfImportProfile  *self,
                                                      const char       *text,
                                                      gboolean         *known);
CfEntryMode       cf_import_profile_map_entry_mode   (CfImportProfile  *self,
                                                      const char       *text);

G_END_DECLS
