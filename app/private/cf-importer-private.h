/* cf-importer-private.h — what the importer's files share: one file's run
 * and the row on its way into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-csv-reader.h"
#include "cf-import-profile.h"
#include "cf-import-report.h"
#include "cf-importer.h"
#include "cf-store-private.h"
#include "cf-time-zone.h"
#include "cf-timestamp.h"
#include "cf-types.h"

G_BEGIN_DECLS

/* What one file's import needs while it runs. */
typedef struct _ImportBatch ImportBatch;

typedef struct
{
  CfStore         *store;
  CfImportProfile *profile;
  CfImportReport  *report;
  const char      *operator_no;
  CfDateOrder      date_order;     /* the profile's, or what the file's dates show */
  CfAmountUnit    *column_units;   /* per column: "交易金额(分)" holds 8850 for ¥88.50 */
  GArray          *checks;         /* ImportCheck: the profile's sums, on this file's columns */
  CfTimeZone      *profile_zone;   /* the profile's, for rows that name none */
  GHashTable      *zones;          /* a zone column's text → CfTimeZone, or NULL when unknown */
  gboolean         in_summary;     /* past the header of the closing totals block */
  int              method_columns[CF_PAYMENT_METHOD_OTHER + 1];  /* an amount there means the method, or -1 */
  const char      *display_name;
  int              settlement_column;  /* 清算日期: the day the acquirer settled the row, or -1 */
  char            *settlement_text;    /* the last one read, and what it was read as: a day's rows share it */
  char             settlement_date[11];
  gboolean         header_is_data;     /* no header row: the record read first is the first row */

  int              columns[CF_N_FIELDS];
  char           **header;         /* cleaned header cells */
  GHashTable      *foreign_lines;  /* lines not in the file's encoding: their rows are refused */
  gboolean         against_live;   /* a dry run: written to a scratch database, the shop's attached as "live" */
  guint            n_header;
  char            *preamble_merchant_no;
  char            *preamble_merchant_name;

  CfDbStmt    *insert_txn;
  CfDbStmt    *find_existing;
  CfDbStmt    *insert_reject;
  CfDbStmt    *insert_merchant;
  CfDbStmt    *insert_terminal;
  CfDbStmt    *insert_operator;
  ImportBatch     *batch;          /* on a server: the rows waiting to be sent together */
  /* cf-import-match.c: one transaction from every file */
  gint64           match_import_id;
  GHashTable      *match_days;     /* "YYYY-MM-DD" → whether another file has transactions that day */
  CfDbStmt    *match_day;
  CfDbStmt    *match_source_key;
  CfDbStmt    *match_by_ref;
  CfDbStmt    *match_by_voucher;
  CfDbStmt    *match_by_card;
  CfDbStmt    *match_stored;
  CfDbStmt    *match_insert_source;
  CfDbStmt    *match_insert_discrepancy;
  CfDbStmt    *match_fill;
  CfDbStmt    *match_fill_indexed;
  CfDbStmt    *match_insert_question;
  char            *question_candidates;  /* the row being stored could be any of these */
  const char      *question_rule;

  GHashTable      *seen_merchants;
  GHashTable      *seen_terminals;
  GHashTable      *seen_operators;
  GHashTable      *type_words;     /* a journal's word → its CfTxnType, known or not */
  GHashTable      *method_words;   /* a type word → the CfPaymentMethod it names + 1, or 0 */
  GHashTable      *skip_verdicts[CF_N_FIELDS];  /* a cell as read → whether its row is skipped */
} ImportRun;

/* The columns of a transaction as the importer inserts it. */
#define CF_IMPORT_INSERT_TRANSACTION \
    "INSERT INTO transactions (natural_key, import_id, source_line, local_time, utc_offset, time_zone, " \
    "  merchant_no, merchant_name, terminal_no, operator_no, batch_no, voucher_no, ref_no, auth_code, " \
    "  card_first6, card_last4, card_length, card_brand, card_kind, issuer, acquirer, type, type_text, " \
    "  amount_minor, fee_minor, currency, status, entry_mode, orig_voucher_no, orig_ref_no, orig_date, source_id, " \
    "  payment_method, settlement_date, order_no, channel_no, store_name) "
#define CF_IMPORT_TRANSACTION_COLUMNS 37


/* One of the profile's sums, on this file's columns: lhs = Σ sign·term. */
#define IMPORT_CHECK_MAX_TERMS 8
typedef struct
{
  const char *text;
  int         lhs;
  guint       n_terms;
  int         terms[IMPORT_CHECK_MAX_TERMS];
  int         signs[IMPORT_CHECK_MAX_TERMS];
} ImportCheck;

/* A row on its way into the store; strings point into `cells` or are owned by `owned`. */
typedef struct
{
  const char *values[CF_N_FIELDS];
  GPtrArray  *owned;
  char        local_time[20];
  char        settlement_date[11];   /* YYYY-MM-DD, or empty */
  gboolean    has_offset;
  int         utc_offset;
  gint64      amount;
  gboolean    has_fee;
  gint64      fee;
  gboolean    has_refund_amount;
  gint64      refund_amount;
  char        currency[4];
  CfTxnType   type;
  const char *type_text;
  CfEntryMode entry_mode;
  CfPaymentMethod payment_method;
  char        first6[7];
  char        last4[5];
  guint       card_length;
  const char *card_brand;
  char       *natural_key;
} Row;

/* Why a row was not read: the column (G_MAXUINT for the whole row) and the reason. */
typedef struct
{
  guint       column;
  char       *reason;
} RowError;

/* cf-import-header.c */
gboolean     cf_import_is_totals_row     (CfCsvReader  *reader);
gboolean     cf_import_is_header_again   (ImportRun    *run,
                                          CfCsvReader  *reader);
gboolean     cf_import_is_blank_row      (CfCsvReader  *reader);
gboolean     cf_import_is_not_a_sale     (ImportRun    *run,
                                          CfCsvReader  *reader);
guint        cf_import_count_filled      (CfCsvReader  *reader);
gboolean     cf_import_find_header       (ImportRun    *run,
                                          CfCsvReader  *reader,
                                          GPtrArray    *profiles,
                                          GError      **error);
CfDateOrder  cf_import_detect_date_order (ImportRun    *run,
                                          CfDateOrder   chosen,
                                          const char   *text,
                                          gsize         len,
                                          char          delimiter);

/* cf-import-amounts.c */
CfAmountUnit cf_import_unit_from_header  (const char   *header);
void         cf_import_resolve_amounts   (ImportRun    *run);
gboolean     cf_import_parse_amount      (ImportRun    *run,
                                          int           column,
                                          const char   *text,
                                          gint64       *minor,
                                          char          marker[4],
                                          GError      **error);
char        *cf_import_check_sums        (ImportRun    *run,
                                          CfCsvReader  *reader,
                                          guint        *column);
CfPaymentMethod cf_import_method_from_amounts (ImportRun *run,
                                          CfCsvReader  *reader,
                                          CfPaymentMethod fallback);
char        *cf_import_cell              (ImportRun    *run,
                                          CfCsvReader  *reader,
                                          guint         column);

/* cf-import-match.c */
gboolean     cf_import_match_prepare     (ImportRun    *run,
                                          GError      **error);
void         cf_import_match_clear       (ImportRun    *run);
gboolean     cf_import_match_row         (ImportRun    *run,
                                          CfCsvReader  *reader,
                                          const Row    *row,
                                          guint         line,
                                          gboolean     *handled,
                                          GError      **error);
gboolean     cf_import_match_ask         (ImportRun    *run,
                                          gint64        transaction_id,
                                          GError      **error);

/* cf-import-row.c */
const char  *cf_import_row_own           (Row          *row,
                                          char         *text);
gboolean     cf_import_parse_row         (ImportRun    *run,
                                          CfCsvReader  *reader,
                                          Row          *row,
                                          RowError     *err);

/* cf-import-store.c */
gboolean     cf_import_prepare_statements (ImportRun          *run,
                                           GError            **error);
char        *cf_import_dup_scrubbed_record (CfCsvReader       *reader);
gboolean     cf_import_store_reject       (ImportRun          *run,
                                           CfImportRejectKind  kind,
                                           guint               line,
                                           const char         *column,
                                           const char         *reason,
                                           const char         *raw_text,
                                           gint64              transaction_id,
                                           GError            **error);
gboolean     cf_import_store_row          (ImportRun          *run,
                                           CfCsvReader        *reader,
                                           const Row          *row,
                                           guint               line,
                                           GError            **error);
void         cf_import_bind_transaction   (ImportRun          *run,
                                           CfDbStmt           *s,
                                           int                 first,
                                           const Row          *row,
                                           guint               line);
gboolean     cf_import_store_outcome      (ImportRun          *run,
                                           CfCsvReader        *reader,
                                           const Row          *row,
                                           guint               line,
                                           const char         *raw_text,
                                           gint64              inserted_id,
                                           GError            **error);
gboolean     cf_import_store_checked_out  (ImportRun          *run,
                                           guint               line,
                                           const char         *raw_text,
                                           GError            **error);

/* cf-import-batch.c: a server's rows, sent a batch at a time */
ImportBatch *cf_import_batch_new          (void);
void         cf_import_batch_free         (ImportBatch        *batch);
gboolean     cf_import_batch_add          (ImportRun          *run,
                                           CfCsvReader        *reader,
                                           const Row          *row,
                                           guint               line,
                                           GError            **error);
gboolean     cf_import_batch_settle       (ImportRun          *run,
                                           GError            **error);
gboolean     cf_import_batch_flush        (ImportRun          *run,
                                           GError            **error);

G_END_DECLS
