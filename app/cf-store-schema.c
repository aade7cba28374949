/* cf-store-schema.c — the database schema, one step per version
 *
 * A step is applied in the same SQLite transaction that sets
 * PRAGMA user_version to its number. Never edit a released step: add one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-store-private.h"

const char *const cf_store_migrations[CF_STORE_SCHEMA_VERSION] = {
  /* 1: the foundation */
  "CREATE TABLE merchants ("
  "  id            INTEGER PRIMARY KEY,"
  "  merchant_no   TEXT NOT NULL UNIQUE,"
  "  name          TEXT,"
  "  address       TEXT,"
  "  created_at    TEXT NOT NULL"
  ");"
  "CREATE TABLE terminals ("
  "  id            INTEGER PRIMARY KEY,"
  "  terminal_no   TEXT NOT NULL UNIQUE,"
  "  merchant_no   TEXT REFERENCES merchants (merchant_no),"
  "  label         TEXT,"
  "  created_at    TEXT NOT NULL"
  ");"
  "CREATE TABLE operators ("
  "  id            INTEGER PRIMARY KEY,"
  "  operator_no   TEXT NOT NULL UNIQUE,"
  "  name          TEXT NOT NULL,"
  "  role          TEXT NOT NULL DEFAULT 'clerk' CHECK (role IN ('clerk', 'manager')),"
  "  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  "  created_at    TEXT NOT NULL"
  ");"
  "CREATE TABLE imports ("
  "  id            INTEGER PRIMARY KEY,"
  "  file_name     TEXT NOT NULL,"
  "  sha256        TEXT NOT NULL CHECK (length (sha256) = 64),"
  "  imported_at   TEXT NOT NULL,"
  "  operator_no   TEXT,"
  "  profile       TEXT NOT NULL,"
  "  encoding      TEXT NOT NULL,"
  "  rows          INTEGER NOT NULL DEFAULT 0 CHECK (rows >= 0),"
  "  imported      INTEGER NOT NULL DEFAULT 0 CHECK (imported >= 0),"
  "  duplicates    INTEGER NOT NULL DEFAULT 0 CHECK (duplicates >= 0),"
  "  conflicts     INTEGER NOT NULL DEFAULT 0 CHECK (conflicts >= 0),"
  "  rejected      INTEGER NOT NULL DEFAULT 0 CHECK (rejected >= 0),"
  "  skipped       INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0),"
  "  masked_pans   INTEGER NOT NULL DEFAULT 0 CHECK (masked_pans >= 0)"
  ");"
  "CREATE INDEX imports_sha256 ON imports (sha256);"
  "CREATE TABLE transactions ("
  "  id              INTEGER PRIMARY KEY,"
  "  natural_key     TEXT NOT NULL UNIQUE,"
  "  import_id       INTEGER REFERENCES imports (id),"
  "  source_line     INTEGER,"
  "  local_time      TEXT NOT NULL CHECK (local_time GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]'),"
  "  utc_offset      INTEGER,"
  "  time_zone       TEXT,"
  "  merchant_no     TEXT,"
  "  merchant_name   TEXT,"
  "  terminal_no     TEXT,"
  "  operator_no     TEXT,"
  "  batch_no        TEXT,"
  "  voucher_no      TEXT,"
  "  ref_no          TEXT,"
  "  auth_code       TEXT,"
  "  card_first6     TEXT CHECK (card_first6 IS NULL OR (length (card_first6) = 6 AND card_first6 NOT GLOB '*[^0-9]*')),"
  "  card_last4      TEXT CHECK (card_last4 IS NULL OR (length (card_last4) = 4 AND card_last4 NOT GLOB '*[^0-9]*')),"
  "  card_length     INTEGER CHECK (card_length IS NULL OR card_length BETWEEN 12 AND 19),"
  "  card_brand      TEXT,"
  "  card_kind       TEXT,"
  "  issuer          TEXT,"
  "  acquirer        TEXT,"
  "  type            TEXT NOT NULL CHECK (type IN ('sale', 'void', 'refund', 'preauth',"
  "                    'preauth_void', 'auth_complete', 'auth_complete_void', 'other')),"
  "  type_text       TEXT,"
  "  amount_minor    INTEGER NOT NULL,"
  "  fee_minor       INTEGER,"
  "  currency        TEXT NOT NULL CHECK (length (currency) = 3),"
  "  status          TEXT,"
  "  entry_mode      TEXT CHECK (entry_mode IS NULL OR entry_mode IN ('swipe', 'chip', 'contactless', 'manual')),"
  "  orig_voucher_no TEXT,"
  "  orig_ref_no     TEXT,"
  "  orig_date       TEXT,"
  "  source_id       TEXT"
  ");"
  /* One index per search key (docs/DOMAIN.md); the time as second column keeps
   * the newest-first listing of each result an index walk. */
  "CREATE INDEX transactions_time     ON transactions (local_time);"
  "CREATE INDEX transactions_voucher  ON transactions (voucher_no, local_time);"
  "CREATE INDEX transactions_ref      ON transactions (ref_no);"
  "CREATE INDEX transactions_auth     ON transactions (auth_code, local_time);"
  "CREATE INDEX transactions_last4    ON transactions (card_last4, local_time);"
  "CREATE INDEX transactions_amount   ON transactions (amount_minor, local_time);"
  "CREATE INDEX transactions_terminal ON transactions (terminal_no, local_time);"
  "CREATE INDEX transactions_operator ON transactions (operator_no, local_time);"
  "CREATE INDEX transactions_type     ON transactions (type, local_time);"
  "CREATE INDEX transactions_brand    ON transactions (card_brand, type, local_time);"
  "CREATE TABLE import_rejects ("
  "  id             INTEGER PRIMARY KEY,"
  "  import_id      INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,"
  "  kind           TEXT NOT NULL CHECK (kind IN ('rejected', 'conflict')),"
  "  line           INTEGER NOT NULL CHECK (line > 0),"
  "  column_name    TEXT,"
  "  raw_text       TEXT NOT NULL,"
  "  reason         TEXT NOT NULL,"
  "  transaction_id INTEGER REFERENCES transactions (id)"
  ");"
  "CREATE INDEX import_rejects_import ON import_rejects (import_id, line);"
  "CREATE TABLE audit_log ("
  "  id            INTEGER PRIMARY KEY,"
  "  at            TEXT NOT NULL,"
  "  operator_no   TEXT,"
  "  action        TEXT NOT NULL,"
  "  object_type   TEXT,"
  "  object_id     INTEGER,"
  "  details       TEXT"
  ");"
  "CREATE INDEX audit_log_object ON audit_log (object_type, object_id);"
  "CREATE TABLE settings ("
  "  key           TEXT PRIMARY KEY,"
  "  value         TEXT"
  ");",

  /* 2: duplicate slips, each accountable */
  "CREATE TABLE duplicates ("
  "  id             INTEGER PRIMARY KEY,"
  "  transaction_id INTEGER NOT NULL REFERENCES transactions (id),"
  "  number         INTEGER NOT NULL CHECK (number > 0),"
  "  copy           TEXT NOT NULL CHECK (copy IN ('merchant', 'cardholder', 'bank')),"
  "  reason         TEXT NOT NULL CHECK (reason IN ('customer', 'retrieval', 'tax', 'reconciliation', 'other')),"
  "  reason_text    TEXT,"
  "  operator_no    TEXT,"
  "  issued_at      TEXT NOT NULL,"
  "  output         TEXT NOT NULL,"
  "  code           TEXT NOT NULL UNIQUE,"
  "  UNIQUE (transaction_id, number)"
  ");"
  "CREATE INDEX duplicates_transaction ON duplicates (transaction_id);",

  /* 3: lost slips and the replacement requests that follow them */
  "CREATE TABLE loss_incidents ("
  "  id             INTEGER PRIMARY KEY,"
  "  created_at     TEXT NOT NULL,"
  "  created_by     TEXT,"
  "  period_from    TEXT,"
  "  period_to      TEXT,"
  "  description    TEXT,"
  "  cause          TEXT NOT NULL CHECK (cause IN ('human', 'technical', 'environmental', 'management')),"
  "  discovered_by  TEXT,"
  "  discovered_at  TEXT,"
  "  responsible    TEXT,"
  "  notes          TEXT,"
  "  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),"
  "  resolved_at    TEXT"
  ");"
  "CREATE TABLE loss_slips ("
  "  incident_id    INTEGER NOT NULL REFERENCES loss_incidents (id) ON DELETE CASCADE,"
  "  transaction_id INTEGER NOT NULL REFERENCES transactions (id),"
  "  contacted      INTEGER NOT NULL DEFAULT 0 CHECK (contacted IN (0, 1)),"
  "  customer_note  TEXT,"
  "  proof          TEXT CHECK (proof IS NULL OR proof IN ('membership', 'statement', 'epayment', 'other')),"
  "  remedy         TEXT NOT NULL CHECK (remedy IN ('duplicate', 'request', 'none')),"
  "  remedy_reason  TEXT,"
  "  PRIMARY KEY (incident_id, transaction_id)"
  ");"
  "CREATE INDEX loss_slips_transaction ON loss_slips (transaction_id);"
  "CREATE TABLE replacement_requests ("
  "  id              INTEGER PRIMARY KEY,"
  "  incident_id     INTEGER REFERENCES loss_incidents (id),"
  "  counterpart     TEXT NOT NULL CHECK (counterpart IN ('provider', 'acquirer', 'tax_office')),"
  "  counterpart_ref TEXT,"
  "  status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'under_review',"
  "                    'approved', 'rejected', 'fulfilled', 'closed', 'cancelled')),"
  "  created_at      TEXT NOT NULL,"
  "  submitted_at    TEXT,"
  "  due_date        TEXT,"
  "  fee_minor       INTEGER CHECK (fee_minor IS NULL OR fee_minor >= 0),"
  "  fee_paid_on     TEXT"
  ");"
  "CREATE TABLE request_slips ("
  "  request_id     INTEGER NOT NULL REFERENCES replacement_requests (id) ON DELETE CASCADE,"
  "  transaction_id INTEGER NOT NULL REFERENCES transactions (id),"
  "  PRIMARY KEY (request_id, transaction_id)"
  ");"
  "CREATE INDEX request_slips_transaction ON request_slips (transaction_id);"
  "CREATE TABLE request_history ("
  "  id             INTEGER PRIMARY KEY,"
  "  request_id     INTEGER NOT NULL REFERENCES replacement_requests (id),"
  "  from_status    TEXT,"
  "  to_status      TEXT NOT NULL,"
  "  at             TEXT NOT NULL,"
  "  operator_no    TEXT,"
  "  note           TEXT"
  ");"
  "CREATE TABLE request_documents ("
  "  request_id     INTEGER NOT NULL REFERENCES replacement_requests (id) ON DELETE CASCADE,"
  "  kind           TEXT NOT NULL,"
  "  state          TEXT NOT NULL DEFAULT 'missing' CHECK (state IN ('missing', 'ready', 'submitted')),"
  "  file           TEXT,"
  "  PRIMARY KEY (request_id, kind)"
  ");",

  /* 4: shifts and the handover reports the manager signs off.  Times are the
   * shop's wall-clock time, as transactions' local_time; a shift holds the
   * transactions in [started_at, ended_at) on its terminals (all of them
   * when it names none). */
  "CREATE TABLE shifts ("
  "  id             INTEGER PRIMARY KEY,"
  "  operator_no    TEXT NOT NULL,"
  "  started_at     TEXT NOT NULL,"
  "  ended_at       TEXT CHECK (ended_at IS NULL OR ended_at > started_at),"
  "  handed_to      TEXT,"
  "  notes          TEXT,"
  "  variance       TEXT,"
  "  opened_by      TEXT,"
  "  closed_by      TEXT,"
  "  defined_later  INTEGER NOT NULL DEFAULT 0 CHECK (defined_later IN (0, 1))"
  ");"
  "CREATE INDEX shifts_started ON shifts (started_at);"
  "CREATE TABLE shift_terminals ("
  "  shift_id       INTEGER NOT NULL REFERENCES shifts (id) ON DELETE CASCADE,"
  "  terminal_no    TEXT NOT NULL,"
  "  PRIMARY KEY (shift_id, terminal_no)"
  ");"
  "CREATE TABLE handover_reports ("
  "  id             INTEGER PRIMARY KEY,"
  "  sequence_no    INTEGER NOT NULL UNIQUE,"
  "  shift_id       INTEGER NOT NULL UNIQUE REFERENCES shifts (id),"
  "  signed_by      TEXT NOT NULL,"
  "  signed_at      TEXT NOT NULL,"
  "  sha256         TEXT NOT NULL CHECK (length (sha256) = 64),"
  "  content        BLOB NOT NULL"
  ");"
  /* A signed report is what was signed: no edit, no removal. */
  "CREATE TRIGGER handover_reports_frozen BEFORE UPDATE ON handover_reports "
  "BEGIN SELECT RAISE (ABORT, 'a signed handover report cannot change'); END;"
  "CREATE TRIGGER handover_reports_kept BEFORE DELETE ON handover_reports "
  "BEGIN SELECT RAISE (ABORT, 'a signed handover report cannot be removed'); END;",

  /* 5: the audit log becomes a hash chain: each entry's hash covers the
   * previous entry's hash and its own content (cf_audit_hash, registered by
   * the store), so an edited or removed entry breaks the chain. Entries
   * already there are chained in their order; none may change from now on. */
  "ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;"
  "ALTER TABLE audit_log ADD COLUMN hash TEXT;"
  "CREATE TEMP TABLE audit_ordered AS "
  "  SELECT row_number () OVER (ORDER BY id) AS n, id, at, operator_no, action, object_type, object_id, details "
  "  FROM audit_log;"
  "CREATE TEMP TABLE audit_chain AS "
  "  WITH RECURSIVE chain (n, id, prev_hash, hash) AS ("
  "    SELECT n, id, '', cf_audit_hash ('', at, operator_no, action, object_type, object_id, details) "
  "    FROM audit_ordered WHERE n = 1 "
  "    UNION ALL "
  "    SELECT o.n, o.id, c.hash, cf_audit_hash (c.hash, o.at, o.operator_no, o.action, o.object_type, o.object_id, o.details) "
  "    FROM audit_ordered o JOIN chain c ON o.n = c.n + 1) "
  "  SELECT id, prev_hash, hash FROM chain;"
  "UPDATE audit_log SET prev_hash = (SELECT prev_hash FROM temp.audit_chain c WHERE c.id = audit_log.id), "
  "                     hash = (SELECT hash FROM temp.audit_chain c WHERE c.id = audit_log.id);"
  "DROP TABLE temp.audit_ordered;"
  "DROP TABLE temp.audit_chain;"
  "CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log "
  "BEGIN SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;"
  "CREATE TRIGGER audit_log_kept BEFORE DELETE ON audit_log "
  "BEGIN SELECT RAISE (ABORT, 'the audit log cannot be shortened'); END;",

  /* 6: operators sign in. A PIN is kept only as its Argon2id hash
   * (libsodium's crypto_pwhash_str); wrong PINs in a row make the next try
   * wait, and too many lock the operator until a time or a manager. */
  "ALTER TABLE operators ADD COLUMN pin_hash TEXT;"
  "ALTER TABLE operators ADD COLUMN failed_pins INTEGER NOT NULL DEFAULT 0 CHECK (failed_pins >= 0);"
  "ALTER TABLE operators ADD COLUMN next_try_at TEXT;"
  "ALTER TABLE operators ADD COLUMN locked_until TEXT;"
  "CREATE INDEX audit_log_operator ON audit_log (operator_no, at);"
  "CREATE INDEX audit_log_action ON audit_log (action, at);",

  /* 7: refused sign-in tries (locked, too soon) are counted on the
   * operator and written to the audit log at most once a minute. */
  "ALTER TABLE operators ADD COLUMN refused_tries INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE operators ADD COLUMN refusals_logged_at TEXT;",

  /* 8: an import keeps its notes (a profile passed over, how ambiguous
   * dates were read), so that Import History shows them later. */
  "ALTER TABLE imports ADD COLUMN notes TEXT;",

  /* 9: what the customer paid with. The same terminal takes cards, WeChat
   * Pay, Alipay and UnionPay QR codes; wallets' and processors' exports say
   * which, and a duplicate of a wallet payment is not a card slip. Every
   * transaction stored before came from a card journal. */
  "ALTER TABLE transactions ADD COLUMN payment_method TEXT NOT NULL DEFAULT 'card' "
  "  CHECK (payment_method IN ('card', 'wechat', 'alipay', 'unionpay_qr', 'cash', 'other'));"
  "CREATE INDEX transactions_method ON transactions (payment_method, local_time);"
  /* A wallet's or processor's number for the transaction is looked up as an
   * RRN is. */
  "CREATE INDEX transactions_source ON transactions (source_id);",

  /* 10: a transaction has sources. The row that first brought it in is the
   * transaction itself (its import, line and key); each file that brought
   * it again — the acquirer's statement after the terminal's journal — is a
   * source attached to it, with what that file said, so that a sale is
   * counted once and where the files disagree it is seen. An import says
   * what kind of file it read. */
  "ALTER TABLE imports ADD COLUMN kind TEXT CHECK (kind IS NULL OR kind IN ('journal', 'statement', 'wallet', 'processor'));"
  "CREATE TABLE transaction_sources ("
  "  id              INTEGER PRIMARY KEY,"
  "  transaction_id  INTEGER NOT NULL REFERENCES transactions (id),"
  "  import_id       INTEGER REFERENCES imports (id),"
  "  source_line     INTEGER,"
  "  natural_key     TEXT NOT NULL UNIQUE,"
  "  matched_by      TEXT NOT NULL CHECK (matched_by IN ('ref', 'voucher', 'card', 'hand', 'merge')),"
  "  local_time      TEXT NOT NULL,"
  "  amount_minor    INTEGER NOT NULL,"
  "  fee_minor       INTEGER,"
  "  currency        TEXT,"
  "  card_last4      TEXT,"
  "  terminal_no     TEXT,"
  "  batch_no        TEXT,"
  "  voucher_no      TEXT,"
  "  ref_no          TEXT"
  ");"
  "CREATE INDEX transaction_sources_transaction ON transaction_sources (transaction_id);"
  /* Where a source disagrees with the transaction: recorded, never written over. */
  "CREATE TABLE transaction_discrepancies ("
  "  id              INTEGER PRIMARY KEY,"
  "  transaction_id  INTEGER NOT NULL REFERENCES transactions (id),"
  "  source_id       INTEGER NOT NULL REFERENCES transaction_sources (id),"
  "  field           TEXT NOT NULL CHECK (field IN ('amount', 'time', 'card', 'currency')),"
  "  stored          TEXT,"
  "  found           TEXT,"
  "  accepted_by     TEXT,"
  "  accepted_at     TEXT,"
  "  note            TEXT"
  ");"
  "CREATE INDEX transaction_discrepancies_transaction ON transaction_discrepancies (transaction_id);"
  /* A row that could be more than one stored transaction is stored on its
   * own and asked about, never matched on a guess. */
  "CREATE TABLE match_questions ("
  "  id              INTEGER PRIMARY KEY,"
  "  transaction_id  INTEGER NOT NULL REFERENCES transactions (id),"
  "  candidates      TEXT NOT NULL,"
  "  rule            TEXT NOT NULL,"
  "  asked_at        TEXT NOT NULL,"
  "  resolved_by     TEXT,"
  "  resolved_at     TEXT"
  ");",

  /* 11: reconciliation is worked through. A statement's row says the day
   * it was settled on; a clerk may mark a record as expected (settled the
   * next day) with a note; the merchant's agreed fee per card kind or
   * wallet (a rate in millionths, and a cap) is what the statement's fees
   * are checked against; the amount that reached the bank account is typed
   * in per settlement day; and a period's reconciliation report is signed
   * and kept as it was signed, like a handover report. */
  "ALTER TABLE transactions ADD COLUMN settlement_date TEXT "
  "  CHECK (settlement_date IS NULL OR settlement_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');"
  "ALTER TABLE transaction_sources ADD COLUMN settlement_date TEXT;"
  /* What wallets' and processors' files carry beside their own number: the
   * shop's order no. (商户订单号), the channel's (渠道流水号), the store
   * (门店). Journals leave them empty, which the partial indexes skip. */
  "ALTER TABLE transactions ADD COLUMN order_no TEXT;"
  "ALTER TABLE transactions ADD COLUMN channel_no TEXT;"
  "ALTER TABLE transactions ADD COLUMN store_name TEXT;"
  /* A move a manager approved with their PIN names both: the clerk who
   * asked and the manager who approved. */
  "ALTER TABLE request_history ADD COLUMN approved_by TEXT;"
  "CREATE INDEX transactions_order ON transactions (order_no) WHERE order_no IS NOT NULL;"
  "CREATE INDEX transactions_channel ON transactions (channel_no) WHERE channel_no IS NOT NULL;"
  "CREATE TABLE reconcile_marks ("
  "  transaction_id  INTEGER PRIMARY KEY REFERENCES transactions (id),"
  "  marked_by       TEXT,"
  "  marked_at       TEXT NOT NULL,"
  "  note            TEXT NOT NULL"
  ");"
  "CREATE TABLE fee_rates ("
  "  kind            TEXT PRIMARY KEY CHECK (kind IN ('debit', 'credit', 'card', 'wechat', 'alipay', 'unionpay_qr')),"
  "  rate_ppm        INTEGER NOT NULL CHECK (rate_ppm BETWEEN 0 AND 100000),"
  "  cap_minor       INTEGER CHECK (cap_minor IS NULL OR cap_minor > 0)"
  ");"
  "CREATE TABLE settlement_deposits ("
  "  settlement_date TEXT PRIMARY KEY CHECK (settlement_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  amount_minor    INTEGER NOT NULL,"
  "  entered_by      TEXT,"
  "  entered_at      TEXT NOT NULL,"
  "  note            TEXT"
  ");"
  "CREATE TABLE reconciliation_reports ("
  "  id              INTEGER PRIMARY KEY,"
  "  sequence_no     INTEGER NOT NULL UNIQUE,"
  "  period_from     TEXT NOT NULL,"
  "  period_to       TEXT NOT NULL,"
  "  terminal_no     TEXT,"
  "  signed_by       TEXT NOT NULL,"
  "  signed_at       TEXT NOT NULL,"
  "  sha256          TEXT NOT NULL CHECK (length (sha256) = 64),"
  "  content         BLOB NOT NULL"
  ");"
  "CREATE TRIGGER reconciliation_reports_frozen BEFORE UPDATE ON reconciliation_reports "
  "BEGIN SELECT RAISE (ABORT, 'a signed reconciliation report cannot change'); END;"
  "CREATE TRIGGER reconciliation_reports_kept BEFORE DELETE ON reconciliation_reports "
  "BEGIN SELECT RAISE (ABORT, 'a signed reconciliation report cannot be removed'); END;",
};
