/* cf-importer.c — journals and statements into the store
 *
 * One file is one SQLite transaction: a crash or a cancel leaves none of it.
 * Inside, a bad row is kept aside with its line, column and reason, and the
 * good rows still go in. Every cell is scrubbed of full card numbers before
 * anything — the database, a reject's raw text, an error message — sees it.
 * A transaction already stored (same natural key) is counted as a duplicate,
 * or reported as a conflict when it differs, and never overwritten.
 *
 * The header and profile are found in cf-import-header.c, a row is read in
 * cf-import-row.c and written in cf-import-store.c; this file runs a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-csv-reader.h"
#include "cf-importer.h"
#include "cf-importer-private.h"
#include "cf-store-private.h"
#include "cf-text.h"
#include "cf-timestamp.h"
#include "cf-transaction-private.h"

#define PROGRESS_EVERY      4096

struct _CfImporter
{
  GObject          parent_instance;

  CfStore         *store;
  CfImportProfile *profile;      /* NULL: chosen per file from the header */
  char            *operator_no;
  gboolean         dry_run;
  CfDateOrder      date_order;   /* the person's choice; YMD: the profile's or the file's */
};

G_DEFINE_FINAL_TYPE (CfImporter, cf_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (cf-import-error-quark, cf_import_error)


static void
cf_importer_finalize (GObject *object)
{
  CfImporter *self = (CfImporter *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->profile);
  g_free (self->operator_no);

  G_OBJECT_CLASS (cf_importer_parent_class)->finalize (object);
}

static void
cf_importer_class_init (CfImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_importer_finalize;
}

static void
cf_importer_init (CfImporter *self)
{
}

/**
 * cf_importer_new:
 *
 * Returns: (transfer full): an importer into @store that picks a profile per file
 */
CfImporter *
cf_importer_new (CfStore *store)
{
  CfImporter *self;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  self = g_object_new (CF_TYPE_IMPORTER, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * cf_importer_set_profile:
 * @profile: (nullable): the profile every file is read with; %NULL to choose
 *   the best match for each file's header
 */
void
cf_importer_set_profile (CfImporter      *self,
                         CfImportProfile *profile)
{
  g_return_if_fail (CF_IS_IMPORTER (self));
  g_set_object (&self->profile, profile);
}

/**
 * cf_importer_set_date_order:
 * @order: how to read 05/11/2026: %CF_DATE_ORDER_DMY, %CF_DATE_ORDER_MDY, or
 *   %CF_DATE_ORDER_YMD to leave it to the profile and the file's own dates
 */
void
cf_importer_set_date_order (CfImporter  *self,
                            CfDateOrder  order)
{
  g_return_if_fail (CF_IS_IMPORTER (self));
  self->date_order = order;
}

/**
 * cf_importer_set_dry_run:
 *
 * A dry run reads and checks everything, reports what would happen, and
 * stores nothing.
 */
void
cf_importer_set_dry_run (CfImporter *self,
                         gboolean    dry_run)
{
  g_return_if_fail (CF_IS_IMPORTER (self));
  self->dry_run = !!dry_run;
}

void
cf_importer_set_operator (CfImporter *self,
                          const char *operator_no)
{
  g_return_if_fail (CF_IS_IMPORTER (self));
  g_free (self->operator_no);
  self->operator_no = g_strdup (operator_no);
}

static void
import_run_clear (ImportRun *run)
{
  g_clear_pointer (&run->batch, cf_import_batch_free);
  g_clear_pointer (&run->insert_txn, cf_db_finalize);
  g_clear_pointer (&run->find_existing, cf_db_finalize);
  g_clear_pointer (&run->insert_reject, cf_db_finalize);
  g_clear_pointer (&run->insert_merchant, cf_db_finalize);
  g_clear_pointer (&run->insert_terminal, cf_db_finalize);
  g_clear_pointer (&run->insert_operator, cf_db_finalize);
  cf_import_match_clear (run);
  g_clear_pointer (&run->settlement_text, g_free);
  g_clear_pointer (&run->seen_merchants, g_hash_table_unref);
  g_clear_pointer (&run->seen_terminals, g_hash_table_unref);
  g_clear_pointer (&run->seen_operators, g_hash_table_unref);
  g_clear_pointer (&run->type_words, g_hash_table_unref);
  g_clear_pointer (&run->method_words, g_hash_table_unref);
  for (guint f = 0; f < CF_N_FIELDS; f++)
    g_clear_pointer (&run->skip_verdicts[f], g_hash_table_unref);
  g_clear_pointer (&run->header, g_strfreev);
  g_clear_pointer (&run->foreign_lines, g_hash_table_unref);
  g_clear_pointer (&run->preamble_merchant_no, g_free);
  g_clear_pointer (&run->preamble_merchant_name, g_free);
  g_clear_pointer (&run->column_units, g_free);
  g_clear_pointer (&run->checks, g_array_unref);
  g_clear_pointer (&run->profile_zone, cf_time_zone_free);
  g_clear_pointer (&run->zones, g_hash_table_unref);
  g_clear_object (&run->profile);
}

static guint
scrub_count (CfCsvReader *reader)
{
  guint n = cf_csv_reader_get_n_fields (reader);
  guint total = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *cell = cf_csv_reader_get_field (reader, i);
      guint digits = 0;
      guint masked = 0;

      /* Cheap first: only cells with 13 digits or more can hold a card number. */
      for (const char *p = cell; *p != '\0'; p++)
        digits += g_ascii_isdigit (*p);
      if (digits < 13)
        continue;
      g_free (cf_card_number_scrub (cell, CF_CARD_SCRUB_ANY, &masked));
      total += masked;
    }
  return total;
}

static gboolean
import_rows (ImportRun            *run,
             CfCsvReader          *reader,
             GCancellable         *cancellable,
             guint                 file_index,
             CfImportProgressFunc  progress,
             gpointer              user_data,
             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  guint since_progress = 0;
  /* A file without a header row: the record its profile was found by is the first row. */
  gboolean have = run->header_is_data || cf_csv_reader_next (reader, &local_error);

  for (; have; have = cf_csv_reader_next (reader, &local_error))
    {
      guint line = cf_csv_reader_get_line (reader);
      guint n = cf_csv_reader_get_n_fields (reader);
      g_autofree char *raw_text = NULL;
      Row row = { { NULL } };
      RowError row_error = { G_MAXUINT, NULL };
      gboolean ok;

      if (++since_progress == PROGRESS_EVERY)
        {
          since_progress = 0;
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (file_index, cf_csv_reader_get_fraction (reader), user_data);
        }

      if (cf_import_is_blank_row (reader))
        continue;

      run->report->rows++;
      run->report->masked_pans += scrub_count (reader);

      if (cf_import_is_not_a_sale (run, reader) ||
          cf_import_is_totals_row (reader) || cf_import_is_header_again (run, reader) ||
          (cf_import_count_filled (reader) == 1 && run->n_header > 2 && n < run->n_header))
        {
          run->report->skipped++;
          continue;
        }

      /* A row pasted in from a file of another encoding would be stored as
       * mojibake without a word: refused, saying why. */
      if (run->foreign_lines != NULL && g_hash_table_contains (run->foreign_lines, GUINT_TO_POINTER (line)))
        {
          g_autofree char *reason = g_strdup_printf (_("the line is not %s like the rest of the file (a row pasted in "
                                                       "from another export?); save the file in one encoding"),
                                                     run->report->encoding);
          raw_text = cf_import_dup_scrubbed_record (reader);
          if (!cf_import_store_reject (run, CF_IMPORT_REJECT_BAD_ROW, line, NULL, reason, raw_text, 0, error))
            return FALSE;
          continue;
        }
      if (n < run->n_header)
        {
          g_autofree char *reason = g_strdup_printf (_("the row has %u fields where the header has %u"), n, run->n_header);
          raw_text = cf_import_dup_scrubbed_record (reader);
          if (!cf_import_store_reject (run, CF_IMPORT_REJECT_BAD_ROW, line, NULL, reason, raw_text, 0, error))
            return FALSE;
          continue;
        }
      if (n > run->n_header)
        {
          gboolean extra = FALSE;
          for (guint i = run->n_header; i < n; i++)
            extra |= !cf_text_is_blank (cf_csv_reader_get_field (reader, i));
          if (extra)
            {
              g_autofree char *reason = g_strdup_printf (_("the row has %u fields where the header has %u "
                                                           "(an unquoted delimiter in a value?)"), n, run->n_header);
              raw_text = cf_import_dup_scrubbed_record (reader);
              if (!cf_import_store_reject (run, CF_IMPORT_REJECT_BAD_ROW, line, NULL, reason, raw_text, 0, error))
                return FALSE;
              continue;
            }
        }

      row.owned = g_ptr_array_new_with_free_func (g_free);
      if (cf_import_parse_row (run, reader, &row, &row_error))
        ok = cf_import_store_row (run, reader, &row, line, error);
      else
        {
          raw_text = cf_import_dup_scrubbed_record (reader);
          ok = cf_import_store_reject (run, CF_IMPORT_REJECT_BAD_ROW, line,
                                       row_error.column != G_MAXUINT ? run->header[row_error.column] : NULL,
                                       row_error.reason, raw_text, 0, error);
        }
      g_free (row_error.reason);
      g_free (row.natural_key);
      g_ptr_array_unref (row.owned);
      if (!ok)
        return FALSE;
    }

  if (local_error != NULL)
    {
      /* An unclosed quote swallows the rest of the file: refuse the file, not a row. */
      g_set_error (error, CF_IMPORT_ERROR, CF_IMPORT_ERROR_READ, "%s %s", run->display_name, local_error->message);
      return FALSE;
    }

  /* A server's last rows wait in their batch until here. */
  if (run->batch != NULL && !cf_import_batch_flush (run, error))
    return FALSE;
  if (progress != NULL)
    progress (file_index, 1.0, user_data);
  return TRUE;
}

static gboolean
begin_import_record (ImportRun   *run,
                     GError     **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  char now[21];
  gboolean ok;

  stmt = cf_store_prepare (run->store,
                           "INSERT INTO imports (file_name, sha256, imported_at, operator_no, profile, encoding, kind) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cf_store_now_utc (now);
  cf_sql_bind_text (stmt, 1, run->report->file, CF_DB_STATIC);
  cf_db_bind_text (stmt, 2, run->report->sha256, -1, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 3, now, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 4, run->operator_no, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 5, run->report->profile, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 6, run->report->encoding, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 7, run->report->kind, CF_DB_STATIC);
  ok = cf_db_step (stmt) == CF_DB_DONE || cf_store_set_error (run->store, error, _("recording the import"));
  g_clear_pointer (&stmt, cf_db_finalize);
  if (ok)
    run->report->import_id = cf_db_last_insert_rowid (cf_store_get_db (run->store));
  return ok;
}

static gboolean
finish_import_record (ImportRun  *run,
                      GError    **error)
{
  CfImportReport *r = run->report;
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autofree char *details = NULL;
  g_autofree char *notes = NULL;
  gboolean ok;

  stmt = cf_store_prepare (run->store,
                           "UPDATE imports SET rows = ?, imported = ?, duplicates = ?, conflicts = ?, rejected = ?, "
                           "skipped = ?, masked_pans = ?, notes = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  cf_db_bind_int (stmt, 1, (int) r->rows);
  cf_db_bind_int (stmt, 2, (int) r->imported);
  cf_db_bind_int (stmt, 3, (int) r->duplicates);
  cf_db_bind_int (stmt, 4, (int) r->conflicts);
  cf_db_bind_int (stmt, 5, (int) r->rejected);
  cf_db_bind_int (stmt, 6, (int) r->skipped);
  cf_db_bind_int (stmt, 7, (int) r->masked_pans);
  /* What the person should know stays with the import, for Import History. */
  if (r->notes->len > 0)
    {
      g_ptr_array_add (r->notes, NULL);
      notes = g_strjoinv ("\n", (char **) r->notes->pdata);
      g_ptr_array_remove_index (r->notes, r->notes->len - 1);
    }
  cf_sql_bind_text (stmt, 8, notes, CF_DB_STATIC);
  cf_db_bind_int64 (stmt, 9, r->import_id);
  ok = cf_db_step (stmt) == CF_DB_DONE || cf_store_set_error (run->store, error, _("recording the import"));
  g_clear_pointer (&stmt, cf_db_finalize);
  if (!ok)
    return FALSE;

  details = g_strdup_printf ("{\"sha256\":\"%s\",\"rows\":%u,\"imported\":%u,\"duplicates\":%u,"
                             "\"conflicts\":%u,\"rejected\":%u,\"masked_pans\":%u}",
                             r->sha256, r->rows, r->imported, r->duplicates, r->conflicts,
                             r->rejected, r->masked_pans);
  return cf_store_add_audit_entry (run->store, run->operator_no, "import", "import", r->import_id, details, error);
}

/* An empty database in memory with the shop's attached, read only in
 * practice, as "live". Foreign keys are off: a conflicting row's reject
 * points to a transaction of the shop's. */
static gboolean
open_scratch (CfStore   *shop,
              CfStore  **scratch,
              GError   **error)
{
  g_autoptr(CfDbStmt) attach = NULL;
  gboolean ok;

  *scratch = cf_store_open (":memory:", error);
  if (*scratch == NULL || !cf_store_exec (*scratch, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  attach = cf_store_prepare (*scratch, "ATTACH DATABASE ? AS live", error);
  if (attach == NULL)
    return FALSE;
  cf_db_bind_text (attach, 1, cf_store_get_path (shop), -1, CF_DB_STATIC);
  ok = cf_store_step_done (*scratch, attach, _("reading the shop's database"), error);
  return ok;
}

/* The file's text as UTF-8, its checksum and encoding noted in @report and
 * the lines that were in another encoding in @foreign. */
static GBytes *
read_text (const char      *path,
           const char      *forced_encoding,
           const char      *shown_path,
           const char      *basename,
           CfImportReport  *report,
           GArray          *foreign,
           GError         **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *encoding = NULL;
  const char *data;
  gsize len;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, CF_IMPORT_ERROR, CF_IMPORT_ERROR_READ, _("Cannot read %s: %s"), shown_path, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  g_clear_pointer (&mapped, g_mapped_file_unref);

  report->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (forced_encoding != NULL)
    text = cf_csv_decode_as (bytes, (encoding = forced_encoding), &local_error);
  else
    text = cf_csv_decode (bytes, &encoding, foreign, &local_error);
  if (text == NULL)
    {
      g_set_error (error, CF_IMPORT_ERROR, CF_IMPORT_ERROR_READ, "%s: %s", basename, local_error->message);
      return NULL;
    }
  report->encoding = g_strdup (encoding);
  data = g_bytes_get_data (text, &len);
  if (data == NULL || cf_text_is_blank (data))
    {
      g_set_error (error, CF_IMPORT_ERROR, CF_IMPORT_ERROR_NO_HEADER, _("%s is empty"), basename);
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* What a run remembers from row to row, once the profile is known. */
static void
init_run_caches (ImportRun *run)
{
  run->seen_merchants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->seen_terminals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->seen_operators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->type_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->method_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint f = 0; f < CF_N_FIELDS; f++)
    run->skip_verdicts[f] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cf_time_zone_free);
  if (cf_import_profile_get_time_zone (run->profile) != NULL)
    run->profile_zone = cf_time_zone_new (cf_import_profile_get_time_zone (run->profile));
}

/* Commits an import; a big one has the server count its tables again, so
 * that the first searches after it use their indexes. */
static gboolean
commit_import (CfStore         *store,
               CfImportReport  *report,
               GError         **error)
{
  if (!cf_store_exec (store, "COMMIT", error))
    {
      cf_store_exec (store, "ROLLBACK", NULL);
      return FALSE;
    }
  cf_store_note_rows_added (store, report->imported);
  return TRUE;
}

static CfImportReport *import_file_into (CfStore *, CfImportProfile *, CfDateOrder, const char *, gboolean,
                                         const char *, GCancellable *, guint, CfImportProgressFunc, gpointer,
                                         GError **);

/* A file no profile read as Counterfoil decoded it may be in the encoding a
 * profile names (a Big5 or windows-1252 export, taught in the assistant):
 * each such profile is tried, reading the file in its encoding. */
static CfImportReport *
import_in_profile_encodings (GPtrArray            *profiles,
                             const char           *detected,
                             CfStore              *store,
                             CfDateOrder           date_order,
                             const char           *operator_no,
                             gboolean              dry_run,
                             const char           *path,
                             GCancellable         *cancellable,
                             guint                 file_index,
                             CfImportProgressFunc  progress,
                             gpointer              user_data)
{
  for (guint p = 0; p < profiles->len; p++)
    {
      CfImportProfile *profile = g_ptr_array_index (profiles, p);
      const char *encoding = cf_import_profile_get_encoding (profile);
      CfImportReport *report;

      if (encoding == NULL || g_ascii_strcasecmp (encoding, detected) == 0)
        continue;
      report = import_file_into (store, profile, date_order, operator_no, dry_run, path, cancellable, file_index,
                                 progress, user_data, NULL);
      if (report != NULL)
        return report;
    }
  return NULL;
}

static CfImportReport *
import_file_into (CfStore              *store,
                  CfImportProfile      *fixed_profile,
                  CfDateOrder           date_order,
                  const char           *operator_no,
                  gboolean              dry_run,
                  const char           *path,
                  GCancellable         *cancellable,
                  guint                 file_index,
                  CfImportProgressFunc  progress,
                  gpointer              user_data,
                  GError              **error)
{
  g_autoptr(CfImportReport) report = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GArray) foreign = NULL;
  g_autoptr(CfStore) scratch = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(CfCsvReader) reader = NULL;
  g_autofree char *shown_path = cf_card_number_scrub (path, CF_CARD_SCRUB_ANY, NULL);
  g_autofree char *basename = g_path_get_basename (shown_path);
  ImportRun run = { 0 };
  const char *data;
  gsize len;
  char delimiter;
  gboolean ok;

  /* A card number in the file's name goes no further than this. */
  report = cf_import_report_new (shown_path);
  report->dry_run = dry_run;
  run.store = store;
  run.report = report;
  run.operator_no = operator_no;
  run.display_name = basename;
  run.settlement_column = -1;

  foreign = g_array_new (FALSE, FALSE, sizeof (guint));
  if ((text = read_text (path, fixed_profile != NULL ? cf_import_profile_get_encoding (fixed_profile) : NULL,
                         shown_path, basename, report, foreign, error)) == NULL)
    return NULL;
  data = g_bytes_get_data (text, &len);

  if (fixed_profile != NULL)
    {
      profiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (profiles, g_object_ref (fixed_profile));
    }
  else if ((profiles = cf_import_profile_load_all (report->notes, error)) == NULL)
    return NULL;

  if (foreign->len > 0)
    {
      run.foreign_lines = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < foreign->len; i++)
        g_hash_table_add (run.foreign_lines, GUINT_TO_POINTER (g_array_index (foreign, guint, i)));
    }
  delimiter = cf_csv_detect_delimiter (data, len);
  reader = cf_csv_reader_new (data, len, delimiter);
  if (!cf_import_find_header (&run, reader, profiles, error))
    {
      CfImportReport *other = NULL;

      import_run_clear (&run);
      if (fixed_profile == NULL)
        other = import_in_profile_encodings (profiles, report->encoding, store, date_order, operator_no, dry_run, path,
                                             cancellable, file_index, progress, user_data);
      if (other != NULL)
        g_clear_error (error);
      return other;
    }
  /* Found as decoded, but the profile says its files are in another
   * encoding: read again in that one, so that no text is mojibake. */
  if (fixed_profile == NULL && cf_import_profile_get_encoding (run.profile) != NULL &&
      g_ascii_strcasecmp (cf_import_profile_get_encoding (run.profile), report->encoding) != 0)
    {
      g_autoptr(CfImportProfile) found = g_object_ref (run.profile);

      import_run_clear (&run);
      return import_file_into (store, found, date_order, operator_no, dry_run, path, cancellable, file_index,
                               progress, user_data, error);
    }
  run.date_order = cf_import_detect_date_order (&run, date_order, data, len, delimiter);

  init_run_caches (&run);

  /* A dry run must not hold the shop's write lock for the length of a
   * big file (a clerk could not even sign in meanwhile): it is imported
   * into a scratch database in memory, reading the shop's beside it. */
  if (dry_run && !g_str_equal (cf_store_get_path (store), ":memory:") && !cf_store_is_server (store))
    {
      if (!open_scratch (store, &scratch, error))
        {
          import_run_clear (&run);
          return NULL;
        }
      store = scratch;
      run.store = scratch;
      run.against_live = TRUE;
    }

  /* A larger page cache keeps the thirteen indexes' pages in memory while a big
   * file goes in; it is this connection's only. */
  if (!cf_store_exec (store, "PRAGMA cache_size = -131072", error) ||
      /* BEGIN IMMEDIATE would lock every attached database, the shop's too; on
       * a server a dry run is rolled back, unseen: neither takes the lock. */
      !cf_store_exec (store, run.against_live || dry_run ? "BEGIN" : "BEGIN IMMEDIATE", error))
    {
      import_run_clear (&run);
      return NULL;
    }

  ok = begin_import_record (&run, error) &&
       cf_import_prepare_statements (&run, error) &&
       import_rows (&run, reader, cancellable, file_index, progress, user_data, error) &&
       finish_import_record (&run, error);
  import_run_clear (&run);

  if (!ok || dry_run)
    {
      cf_store_exec (store, "ROLLBACK", NULL);
      report->import_id = 0;
      if (!ok)
        return NULL;
    }
  else if (!commit_import (store, report, error))
    return NULL;

  return g_steal_pointer (&report);
}

/**
 * cf_importer_import_file:
 * @path: a CSV journal or statement
 * @progress: (scope call) (nullable): called now and then, in this thread
 *
 * Imports one file in one database transaction.
 *
 * Returns: (transfer full): what happened, or %NULL with @error set when the
 *   file could not be read at all (nothing was stored then)
 */
CfImportReport *
cf_importer_import_file (CfImporter            *self,
                         const char            *path,
                         GCancellable          *cancellable,
                         CfImportProgressFunc   progress,
                         gpointer               user_data,
                         GError               **error)
{
  g_return_val_if_fail (CF_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return import_file_into (self->store, self->profile, self->date_order, self->operator_no, self->dry_run,
                           path, cancellable, 0, progress, user_data, error);
}

/**
 * cf_import_preview_file:
 * @profile: (nullable): the profile to read with; %NULL to choose by header
 * @max_rows: how many of the file's transactions to return
 * @rows: (out) (element-type CfTransaction) (transfer full): the file's first
 *   transactions as they would be stored, in the file's order
 *
 * Reads @path exactly as an import would, into a database in memory that is
 * thrown away: nothing is stored anywhere. For `profile test` and the import
 * assistant, which must show what an import will do, not a guess at it.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the
 *   file cannot be read at all
 */
CfImportReport *
cf_import_preview_file (const char       *path,
                        CfImportProfile  *profile,
                        CfDateOrder       date_order,
                        guint             max_rows,
                        GPtrArray       **rows,
                        GError          **error)
{
  g_autoptr(CfStore) scratch = cf_store_open (":memory:", error);
  g_autoptr(CfImportReport) report = NULL;
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  if (scratch == NULL)
    return NULL;
  report = import_file_into (scratch, profile, date_order, NULL, FALSE, path, NULL, 0, NULL, NULL, error);
  if (report == NULL)
    return NULL;
  report->import_id = 0;

  stmt = cf_store_prepare (scratch, "SELECT " CF_TRANSACTION_COLUMNS " FROM transactions t "
                                    "ORDER BY t.source_line LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  cf_db_bind_int (stmt, 1, (int) MIN (max_rows, G_MAXINT));
  while (cf_db_step (stmt) == CF_DB_ROW)
    g_ptr_array_add (found, cf_transaction_new_from_row (stmt));
  *rows = g_steal_pointer (&found);
  return g_steal_pointer (&report);
}

/* Async: the worker opens its own connection and reports progress back to the
 * caller's main context. */

typedef struct
{
  char                 *db_path;
  GStrv                 paths;
  CfImportProfile      *profile;
  char                 *operator_no;
  gboolean              dry_run;
  CfDateOrder           date_order;
  GMainContext         *context;
  CfImportProgressFunc  progress;
  gpointer              progress_data;
  GDestroyNotify        progress_data_free;
  guint                 current_file;   /* the worker's */
} ImportTaskData;

typedef struct
{
  ImportTaskData *data;
  guint           file_index;
  double          fraction;
} ProgressUpdate;

static void
import_task_data_free (gpointer p)
{
  ImportTaskData *data = p;

  g_free (data->db_path);
  g_strfreev (data->paths);
  g_clear_object (&data->profile);
  g_free (data->operator_no);
  g_main_context_unref (data->context);
  if (data->progress_data_free != NULL)
    data->progress_data_free (data->progress_data);
  g_free (data);
}

static gboolean
deliver_progress (gpointer p)
{
  ProgressUpdate *update = p;

  update->data->progress (update->file_index, update->fraction, update->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
forward_progress (guint    file_index,
                  double   fraction,
                  gpointer user_data)
{
  GTask *task = user_data;
  ImportTaskData *data = g_task_get_task_data (task);
  ProgressUpdate *update;

  if (data->progress == NULL)
    return;
  update = g_new0 (ProgressUpdate, 1);
  update->data = data;
  update->file_index = file_index;
  update->fraction = fraction;
  /* The task (and with it data) outlives every source added here: it is
   * completed through the same context, after them. */
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress, update, g_free);
}

static void
report_waiting (gpointer user_data)
{
  GTask *task = user_data;
  ImportTaskData *data = g_task_get_task_data (task);

  forward_progress (data->current_file, CF_IMPORT_PROGRESS_WAITING, task);
}

static void
import_files_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ImportTaskData *data = task_data;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_import_report_unref);
  GError *error = NULL;

  store = cf_store_open (data->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Another import (the command line's) may be writing: wait for it, as
   * long as it takes, saying so; Cancel stops the wait. */
  cf_store_wait_for_writers (store, 30 * 60, cancellable, report_waiting, task);

  for (guint i = 0; data->paths[i] != NULL; i++)
    {
      CfImportReport *report;

      data->current_file = i;
      report = import_file_into (store, data->profile, data->date_order, data->operator_no, data->dry_run,
                                 data->paths[i], cancellable, i, forward_progress, task, &error);

      if (report == NULL)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_task_return_error (task, error);
              return;
            }
          report = cf_import_report_new (data->paths[i]);
          report->error_message = g_strdup (error->message);
          g_clear_error (&error);
        }
      g_ptr_array_add (reports, report);
    }

  g_task_return_pointer (task, g_steal_pointer (&reports), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * cf_importer_import_files_async:
 * @paths: the files, imported one after another, each in its own transaction
 * @progress: (nullable): called in the caller's main context
 *
 * Imports in a worker thread with its own database connection. A cancel stops
 * at the file being read and leaves none of it; files already done stay.
 */
void
cf_importer_import_files_async (CfImporter            *self,
                                const char * const    *paths,
                                GCancellable          *cancellable,
                                CfImportProgressFunc   progress,
                                gpointer               progress_data,
                                GDestroyNotify         progress_data_free,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *data;

  g_return_if_fail (CF_IS_IMPORTER (self));
  g_return_if_fail (paths != NULL);

  data = g_new0 (ImportTaskData, 1);
  data->db_path = g_strdup (cf_store_get_path (self->store));
  data->paths = g_strdupv ((char **) paths);
  data->profile = self->profile != NULL ? g_object_ref (self->profile) : NULL;
  data->operator_no = g_strdup (self->operator_no);
  data->dry_run = self->dry_run;
  data->date_order = self->date_order;
  data->context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_free = progress_data_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_importer_import_files_async);
  g_task_set_task_data (task, data, import_task_data_free);
  g_task_run_in_thread (task, import_files_thread);
}

/**
 * cf_importer_import_files_finish:
 *
 * Returns: (transfer full) (element-type CfImportReport): one report per file,
 *   in order; a file that could not be read has its error_message set
 */
GPtrArray *
cf_importer_import_files_finish (CfImporter    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (CF_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
