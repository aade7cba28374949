/* cf-cli-output.c — how the command line prints: table cells and JSON members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-transaction.h"
#include "cf-cli-json.h"
#include "cf-cli-output.h"
#include "cf-pdf-report.h"

/* Text width on a terminal: CJK characters take two cells. */
guint
cf_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* @text padded to @width terminal cells, then a gap. Each cell is scrubbed
 * on its own: the output's scrubber would read a terminal no., a voucher
 * no. and a reference no. two spaces apart as one card number. */
void
cf_cli_print_cell (GString    *line,
                   const char *raw_text,
                   guint       width,
                   gboolean    right)
{
  g_autofree char *text = cf_card_number_scrub (raw_text != NULL ? raw_text : "", CF_CARD_SCRUB_ANY, NULL);
  guint w = cf_cli_display_width (text);
  guint pad = w < width ? width - w : 0;

  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  if (!right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

/* A line of cf_cli_print_cell() cells, printed as built: every cell was
 * scrubbed already. */
void
cf_cli_print_row (GString *line)
{
  g_strchomp (line->str);
  line->len = strlen (line->str);
  fputs (line->str, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/**
 * cf_cli_emit_report:
 * @doc: (nullable): the report, or %NULL when making it failed with @error
 * @out: (nullable): the PDF to write
 * @how: print its text, or a JSON object with the text, the pages and the file
 *
 * What every command that makes a report does with it.
 *
 * Returns: the exit status
 */
int
cf_cli_emit_report (const char   *command,
                    CfReportDoc  *doc,
                    const char   *out,
                    CfCliPrint    how,
                    GError       *error)
{
  g_autoptr(GError) write_error = NULL;
  g_autofree char *content = NULL;

  if (doc == NULL || (out != NULL && !cf_pdf_write_report (doc, out, &write_error)))
    {
      g_printerr ("counterfoil %s: %s\n", command, doc == NULL ? error->message : write_error->message);
      return 1;
    }
  if (how != CF_CLI_PRINT_NOTHING)
    content = cf_report_doc_to_text (doc);
  if (how == CF_CLI_PRINT_JSON)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cf_cli_json_set_string (b, "out", out);
      cf_cli_json_set_int (b, "pages", cf_report_doc_get_n_pages (doc));
      cf_cli_json_set_string (b, "text", content);
      json_builder_end_object (b);
      cf_cli_json_print (b);
      return 0;
    }
  if (how == CF_CLI_PRINT_TEXT)
    g_print ("%s", content);
  if (out != NULL)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page).\n", "Wrote %s (%u pages).\n",
                             cf_report_doc_get_n_pages (doc)), out, cf_report_doc_get_n_pages (doc));
  return 0;
}

/**
 * cf_cli_print_transactions:
 * @found: (element-type CfTransaction): transactions, as `find` lists them
 *
 * A header, then a line each, every cell scrubbed.
 */
void
cf_cli_print_transactions (GPtrArray *found)
{
  g_autoptr(GString) line = g_string_new (NULL);

  cf_cli_print_cell (line, _("Date/time"), 19, FALSE);
  cf_cli_print_cell (line, _("Terminal"), 8, FALSE);
  cf_cli_print_cell (line, _("Voucher"), 6, FALSE);
  cf_cli_print_cell (line, _("Ref. no."), 12, FALSE);
  cf_cli_print_cell (line, _("Auth"), 6, FALSE);
  cf_cli_print_cell (line, _("Card"), 19, FALSE);
  cf_cli_print_cell (line, _("Type"), 12, FALSE);
  cf_cli_print_cell (line, _("Amount"), 12, TRUE);
  cf_cli_print_row (line);

  for (guint i = 0; i < found->len; i++)
    {
      CfTransaction *txn = g_ptr_array_index (found, i);
      g_autofree char *card = cf_transaction_dup_masked_card (txn, FALSE);
      g_autofree char *money = cf_transaction_dup_amount_text (txn);

      g_string_truncate (line, 0);
      cf_cli_print_cell (line, cf_transaction_get_local_time (txn), 19, FALSE);
      cf_cli_print_cell (line, cf_transaction_get_terminal_no (txn), 8, FALSE);
      cf_cli_print_cell (line, cf_transaction_get_voucher_no (txn), 6, FALSE);
      cf_cli_print_cell (line, cf_transaction_get_ref_no (txn), 12, FALSE);
      cf_cli_print_cell (line, cf_transaction_get_auth_code (txn), 6, FALSE);
      cf_cli_print_cell (line, card, 19, FALSE);
      cf_cli_print_cell (line, cf_txn_type_get_label (cf_transaction_get_txn_type (txn)), 12, FALSE);
      cf_cli_print_cell (line, money, 12, TRUE);
      cf_cli_print_row (line);
    }
}
