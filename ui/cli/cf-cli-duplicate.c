/* cf-cli-duplicate.c — issuing duplicate slips, and telling genuine ones
 *
 *   counterfoil --operator NO duplicate (ID | --voucher N --terminal T | --ref RRN | --from D --to D)
 *               --reason R --out FILE.pdf [--copy COPY] [--paper MM]
 *   counterfoil verify CODE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cli-json.h"
#include "cf-cli-private.h"
#include "cf-duplicate-issuer.h"
#include "cf-pdf-duplicate.h"
#include "cf-receipt-doc.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

/* What `duplicate` was asked for, once its options are read. */
typedef struct
{
  char  *id;
  char  *voucher;
  char  *terminal;
  char  *ref;
  char  *from;
  char  *to;
} Which;

static void
list_candidates (GPtrArray *found)
{
  g_printerr ("%s\n", _("Candidates:"));
  for (guint i = 0; i < found->len && i < 20; i++)
    {
      CfTransaction *txn = g_ptr_array_index (found, i);
      g_autofree char *amount = cf_transaction_dup_amount_text (txn);

      g_printerr ("  #%" G_GINT64_FORMAT "  %s  %s  %s  %s  %s\n", cf_transaction_get_id (txn),
                  cf_transaction_get_local_time (txn),
                  cf_transaction_get_terminal_no (txn) != NULL ? cf_transaction_get_terminal_no (txn) : "-",
                  cf_transaction_get_voucher_no (txn) != NULL ? cf_transaction_get_voucher_no (txn) : "-",
                  cf_transaction_get_ref_no (txn) != NULL ? cf_transaction_get_ref_no (txn) : "-", amount);
    }
}

/* The transactions @which names: one, or a period's; NULL after saying why
 * (*status is then the exit status). */
static GPtrArray *
find_transactions (CfStore     *store,
                   const Which *which,
                   int         *status)
{
  g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  *status = 1;
  if (which->id != NULL)
    {
      gint64 id;
      CfTransaction *txn;

      if (!cf_cli_parse_id ("duplicate", which->id, &id))
        {
          *status = EXIT_USAGE;
          return NULL;
        }
      if ((txn = cf_store_get_transaction (store, id, &error)) == NULL)
        {
          g_printerr ("counterfoil duplicate: %s\n", error->message);
          return NULL;
        }
      found = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (found, txn);
      return g_steal_pointer (&found);
    }

  query->voucher_no = g_strdup (which->voucher);
  query->terminal_no = g_strdup (which->terminal);
  query->ref_no = g_strdup (which->ref);
  query->sort_ascending = TRUE;  /* a period prints in the order it happened */
  if ((which->from != NULL && !cf_transaction_query_set_from (query, which->from, &error)) ||
      (which->to != NULL && !cf_transaction_query_set_to (query, which->to, &error)))
    {
      *status = cf_cli_usage_error ("duplicate", error->message);
      return NULL;
    }
  if ((found = cf_store_find_transactions (store, query, &error)) == NULL)
    {
      g_printerr ("counterfoil duplicate: %s\n", error->message);
      return NULL;
    }
  if (found->len == 0)
    {
      g_printerr ("counterfoil duplicate: %s\n", _("no transaction matches; nothing was issued"));
      return NULL;
    }
  if (found->len > 1 && which->from == NULL)
    {
      g_printerr ("counterfoil duplicate: %s\n", _("several transactions match; name one by its ID. Nothing was issued."));
      list_candidates (found);
      return NULL;
    }
  return g_steal_pointer (&found);
}

static void
which_clear (Which *which)
{
  g_free (which->voucher);
  g_free (which->terminal);
  g_free (which->ref);
  g_free (which->from);
  g_free (which->to);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Which, which_clear)

/* A duplicate as --json prints it; with its transaction when verifying. */
static void
record_to_json (JsonBuilder       *b,
                CfStore           *store,
                CfDuplicateRecord *record,
                gboolean           with_transaction)
{
  json_builder_begin_object (b);
  cf_cli_json_set_int (b, "number", record->number);
  cf_cli_json_set_int (b, "transaction_id", record->transaction_id);
  cf_cli_json_set_string (b, "copy", record->copy);
  cf_cli_json_set_string (b, "reason", record->reason);
  cf_cli_json_set_string (b, "reason_text", record->reason_text);
  cf_cli_json_set_string (b, "operator_no", record->operator_no);
  cf_cli_json_set_string (b, "issued_at", record->issued_at);
  cf_cli_json_set_string (b, "output", record->output);
  cf_cli_json_set_string (b, "code", record->code);
  if (with_transaction)
    {
      g_autoptr(CfTransaction) txn = cf_store_get_transaction (store, record->transaction_id, NULL);

      json_builder_set_member_name (b, "transaction");
      if (txn != NULL)
        json_builder_add_value (b, cf_cli_json_transaction (store, txn));
      else
        json_builder_add_null_value (b);
    }
  json_builder_end_object (b);
}

int
cf_cli_run_duplicate (CfCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  g_auto(Which) which = { NULL };
  g_autofree char *reason_text = NULL;
  g_autofree char *copy_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *operator_no = NULL;
  gboolean json = FALSE;
  int paper = 58;
  GOptionEntry entries[] = {
    { "voucher", 0, 0, G_OPTION_ARG_STRING, &which.voucher, N_("Voucher (trace) no., with --terminal"), N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &which.from, N_("Every transaction from this date or date and time (with --to), a page each"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &which.to, N_("Up to this date (inclusive) or date and time"), N_("DATE") },
    { "terminal", 0, 0, G_OPTION_ARG_STRING, &which.terminal, N_("Terminal no."), N_("T") },
    { "ref", 0, 0, G_OPTION_ARG_STRING, &which.ref, N_("Reference no. (RRN)"), N_("RRN") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason_text, N_("Why: customer, retrieval, tax, reconciliation, or any other words"), N_("R") },
    { "copy", 0, 0, G_OPTION_ARG_STRING, &copy_text, N_("Whose copy: merchant (default), cardholder or bank"), N_("COPY") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who issues it (operator no.)"), N_("NO") },
    { "paper", 0, 0, G_OPTION_ARG_INT, &paper, N_("Paper width in mm: 58 (default), 76 or 80"), N_("MM") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("FILE.pdf") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array: one object per duplicate"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *absolute = NULL;
  CfReceiptCopy copy = CF_RECEIPT_COPY_MERCHANT;
  CfDuplicateReason reason;
  const char *other_text = NULL;
  int status = 0;

  if (!cf_cli_parse_options (ctx, "duplicate", _("[ID]"), _("Issue a duplicate slip as PDF, recorded with its reason"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  which.id = argc > 1 ? argv[1] : NULL;
  if (out == NULL || reason_text == NULL)
    return cf_cli_usage_error ("duplicate", _("--reason and --out are required"));
  if (copy_text != NULL && !cf_receipt_copy_from_nick (copy_text, &copy))
    return cf_cli_usage_error ("duplicate", _("--copy is merchant, cardholder or bank"));
  if (paper != 58 && paper != 76 && paper != 80)
    return cf_cli_usage_error ("duplicate", _("--paper is 58, 76 or 80 (mm)"));
  if (!cf_duplicate_reason_from_nick (reason_text, &reason))
    {
      reason = CF_DUPLICATE_REASON_OTHER;
      other_text = reason_text;
    }
  if (argc > 2 || (which.id != NULL) + (which.voucher != NULL) + (which.ref != NULL) +
                  (which.from != NULL || which.to != NULL) != 1 ||
      (which.voucher != NULL && which.terminal == NULL) || ((which.from != NULL) != (which.to != NULL)))
    return cf_cli_usage_error ("duplicate", _("name the transaction by ID, by --voucher N --terminal T, or by --ref RRN, "
                                              "or a period by --from DATE --to DATE [--terminal T]"));

  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((found = find_transactions (store, &which, &status)) == NULL)
    return status;
  if (!cf_cli_check_out_path ("duplicate", out))
    return 1;
  if (cf_cli_sign_in (ctx, store, "duplicate", operator_no, &status) == NULL)
    return status;
  absolute = g_canonicalize_filename (out, NULL);
  records = cf_pdf_issue_duplicates (store, found, reason, other_text, copy, ctx->operator_no,
                                     cf_receipt_columns_for_paper ((guint) paper), absolute, &error);
  if (records == NULL)
    {
      g_printerr ("counterfoil duplicate: %s\n", error->message);
      return 1;
    }
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < records->len; i++)
        record_to_json (b, store, g_ptr_array_index (records, i), FALSE);
      json_builder_end_array (b);
      cf_cli_json_print (b);
      return 0;
    }
  for (guint i = 0; i < records->len; i++)
    {
      CfDuplicateRecord *r = g_ptr_array_index (records, i);
      g_print (_("Duplicate No. %u of transaction #%lld written to %s; check code %s\n"),
               r->number, (long long) r->transaction_id, absolute, r->code);
    }
  return 0;
}

int
cf_cli_run_verify (CfCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDuplicateRecord) record = NULL;
  g_autoptr(CfTransaction) txn = NULL;
  g_autofree char *amount = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };

  if (!cf_cli_parse_options (ctx, "verify", _("CODE"), _("Tell whether a duplicate slip's check code is genuine"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error ("verify", _("give the check code printed on the duplicate, such as 7K2Q-M9XD"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;

  record = cf_duplicate_verify (store, argv[1], &error);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cf_cli_json_set_bool (b, "genuine", record != NULL);
      cf_cli_json_set_string (b, "reason", record == NULL ? error->message : NULL);
      json_builder_set_member_name (b, "duplicate");
      if (record != NULL)
        record_to_json (b, store, record, TRUE);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
      cf_cli_json_print (b);
      return record != NULL ? 0 : 1;
    }
  if (record == NULL)
    {
      g_print ("%s\n", _("NOT GENUINE"));
      g_printerr ("%s\n", error->message);
      return 1;
    }
  txn = cf_store_get_transaction (store, record->transaction_id, NULL);
  amount = txn != NULL ? cf_transaction_dup_amount_text (txn) : g_strdup ("?");
  g_print ("%s\n", _("GENUINE"));
  g_print (_("Duplicate No. %u of transaction #%lld (%s, terminal %s, voucher %s, ref. %s, %s)\n"),
           record->number, (long long) record->transaction_id,
           txn != NULL ? cf_transaction_get_local_time (txn) : "?",
           txn != NULL && cf_transaction_get_terminal_no (txn) != NULL ? cf_transaction_get_terminal_no (txn) : "-",
           txn != NULL && cf_transaction_get_voucher_no (txn) != NULL ? cf_transaction_get_voucher_no (txn) : "-",
           txn != NULL && cf_transaction_get_ref_no (txn) != NULL ? cf_transaction_get_ref_no (txn) : "-", amount);
  g_print (_("Issued %s by %s, %s copy, reason: %s%s%s\n"), record->issued_at,
           record->operator_no != NULL ? record->operator_no : "-", record->copy, record->reason,
           record->reason_text != NULL ? " — " : "", record->reason_text != NULL ? record->reason_text : "");
  return 0;
}
