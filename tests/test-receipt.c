/* test-receipt.c — the slip: its grid, its PDF, its preview, and issuing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-duplicate-issuer.h"
#include "cf-importer.h"
#include "cf-pdf-slip.h"
#include "cf-receipt-doc.h"
#include "cf-receipt-painter.h"
#include "cf-demo.h"
#include "cf-store-private.h"
#include "cf-test-render.h"
#include "cf-test-util.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

static void
slips_setup (CfTestDb      *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cf_test_data_path ("slips.csv");
  g_autoptr(CfImporter) importer = NULL;
  g_autoptr(CfImportReport) report = NULL;

  cf_test_db_setup (f, data);
  importer = cf_importer_new (f->store);
  report = cf_importer_import_file (importer, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 3);
  cf_test_add_operator (f->store, "001", "王芳", CF_ROLE_CLERK);
}

static CfTransaction *
by_voucher (CfTestDb   *f,
            const char *voucher)
{
  g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
  g_autoptr(GPtrArray) found = NULL;

  q->voucher_no = g_strdup (voucher);
  found = cf_store_find_transactions (f->store, q, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  return g_object_ref (g_ptr_array_index (found, 0));
}

static const CfDuplicateInfo fixed_duplicate = { 2, "2026-11-29 09:30:00", "王芳 (001)", "7K2Q-M9XD" };

static void
test_golden_grids (CfTestDb      *f,
                   gconstpointer  data)
{
  static const char *vouchers[] = { "000201", "000202", "000388" };
  static const char *names[] = { "sale", "void", "refund" };
  static const guint widths[] = { 32, 48 };
  gboolean update = g_getenv ("COUNTERFOIL_UPDATE_GOLDEN") != NULL;

  for (guint v = 0; v < G_N_ELEMENTS (vouchers); v++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (CfReceiptCopy copy = CF_RECEIPT_COPY_MERCHANT; copy <= CF_RECEIPT_COPY_BANK; copy++)
        {
          g_autoptr(CfTransaction) txn = by_voucher (f, vouchers[v]);
          g_autoptr(CfReceiptDoc) doc = cf_receipt_doc_new (txn, NULL, NULL, copy, &fixed_duplicate, widths[w]);
          g_autofree char *text = cf_receipt_doc_to_text (doc);
          g_autofree char *name = g_strdup_printf ("%s-%u-%s.txt", names[v], widths[w], cf_receipt_copy_to_nick (copy));
          g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "data", "receipts", name, NULL);
          g_autofree char *golden = NULL;

          if (update)
            g_assert_true (g_file_set_contents (golden_path, text, -1, NULL));
          g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
          g_test_message ("%s", name);
          g_assert_cmpstr (text, ==, golden);

          /* Every line fills the grid exactly. */
          for (guint i = 0; i < cf_receipt_doc_get_n_lines (doc); i++)
            {
              const CfReceiptLine *line = cf_receipt_doc_get_line (doc, i);
              guint expected = line->style & CF_RECEIPT_DOUBLE ? widths[w] / 2 : widths[w];

              if (line->kind == CF_RECEIPT_LINE_TEXT)
                g_assert_cmpuint (cf_receipt_text_cells (line->text), ==, expected);
            }
        }
}

/* The grid's lines joined, so that a value wrapped over two lines is found. */
static char *
joined_text (CfReceiptDoc *doc)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cf_receipt_doc_get_n_lines (doc); i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (cf_receipt_doc_get_line (doc, i)->text));
      g_string_append (out, stripped);
    }
  return g_string_free (out, FALSE);
}

static void
test_content_and_masking (CfTestDb      *f,
                          gconstpointer  data)
{
  g_autoptr(CfTransaction) sale = by_voucher (f, "000201");
  g_autoptr(CfTransaction) voided = by_voucher (f, "000202");
  g_autoptr(CfTransaction) refund = by_voucher (f, "000388");

  for (guint columns = 32; columns <= 48; columns += 16)
    {
      g_autoptr(CfReceiptDoc) merchant = cf_receipt_doc_new (sale, NULL, NULL, CF_RECEIPT_COPY_MERCHANT, &fixed_duplicate, columns);
      g_autoptr(CfReceiptDoc) cardholder = cf_receipt_doc_new (sale, NULL, NULL, CF_RECEIPT_COPY_CARDHOLDER, &fixed_duplicate, columns);
      g_autoptr(CfReceiptDoc) void_doc = cf_receipt_doc_new (voided, NULL, NULL, CF_RECEIPT_COPY_MERCHANT, &fixed_duplicate, columns);
      g_autoptr(CfReceiptDoc) refund_doc = cf_receipt_doc_new (refund, NULL, NULL, CF_RECEIPT_COPY_BANK, &fixed_duplicate, columns);
      g_autofree char *m = joined_text (merchant);
      g_autofree char *c = joined_text (cardholder);
      g_autofree char *v = joined_text (void_doc);
      g_autofree char *r = joined_text (refund_doc);
      const char *fields[] = { "望京便利超市（阜通店）", "898310048160002", "10458321", "000615", "000201",
                               "332010153001", "A1B2C3", "2026/11/20 10:15:30", "RMB 1,288.00", "中国工商银行",
                               "银联商务", "消费/SALE", "7K2Q-M9XD", "王芳 (001)", "2026-11-29 09:30:00" };

      /* No field lost, however narrow the paper. */
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_test_message ("%u columns: %s", columns, fields[i]);
          g_assert_nonnull (strstr (m, fields[i]));
        }

      /* First six and last four on the merchant's copy; the last four only on the cardholder's. */
      g_assert_nonnull (strstr (m, "622202*********0128 I"));
      g_assert_null (strstr (c, "622202"));
      g_assert_nonnull (strstr (c, "***************0128"));
      g_assert_null (strstr (m, "6222021234567890128"));
      /* The signature is not asked of the cardholder's copy. */
      g_assert_nonnull (strstr (m, "CARDHOLDER SIGNATURE"));
      g_assert_null (strstr (c, "CARDHOLDER SIGNATURE"));

      /* The mark at the top and, large, in the middle. */
      g_assert_nonnull (strstr (cf_receipt_doc_get_line (merchant, 0)->text, "****重打印/DUPLICATE****"));
      g_assert_nonnull (strstr (m, "第2次重打印"));
      g_assert_nonnull (strstr (m, "DUPLICATE No. 2"));

      /* A void names its original's voucher; a refund its reference and date; both negative. */
      g_assert_nonnull (strstr (v, "原凭证号 ORIG. VOUCHER:"));
      g_assert_nonnull (strstr (v, "000201"));  /* the void itself is 000202 */
      g_assert_nonnull (strstr (v, "RMB -1,288.00"));
      g_assert_nonnull (strstr (r, "331915220001"));
      g_assert_nonnull (strstr (r, "11-19"));
      g_assert_nonnull (strstr (r, "退货/REFUND"));
      g_assert_nonnull (strstr (r, "411111******1111 C"));
    }
}

static cairo_surface_t *
paint (CfReceiptDoc *doc,
       double        dpi)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  cf_receipt_painter_get_size (doc, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * dpi / 72 + 0.5), (int) (height * dpi / 72 + 0.5));
  cr = cairo_create (surface);
  cairo_scale (cr, dpi / 72, dpi / 72);
  cf_receipt_painter_draw (doc, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_pdf_equals_preview (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autoptr(CfTransaction) sale = by_voucher (f, "000201");
  g_autoptr(CfTransaction) refund = by_voucher (f, "000388");
  g_autoptr(CfReceiptDoc) doc = cf_receipt_doc_new (sale, NULL, NULL, CF_RECEIPT_COPY_MERCHANT, &fixed_duplicate, 32);
  g_autoptr(CfReceiptDoc) other = cf_receipt_doc_new (refund, NULL, NULL, CF_RECEIPT_COPY_MERCHANT, &fixed_duplicate, 32);
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "slip.pdf", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *rgb;
  cairo_surface_t *painted;
  cairo_surface_t *painted_other;
  guint same, different;

  g_ptr_array_add (docs, doc);
  g_assert_true (cf_pdf_write_slips (docs, pdf, &error));
  g_assert_no_error (error);
  rgb = cf_test_rasterize_pdf (pdf, 1, 100);

  painted = paint (doc, 100);
  painted_other = paint (other, 100);
  g_assert_cmpint (ABS (cairo_image_surface_get_width (painted) - cairo_image_surface_get_width (rgb)), <=, 1);
  g_assert_cmpint (ABS (cairo_image_surface_get_height (painted) - cairo_image_surface_get_height (rgb)), <=, 1);

  if (g_getenv ("COUNTERFOIL_KEEP_RENDERINGS") != NULL)
    {
      cairo_surface_write_to_png (painted, "/tmp/counterfoil-preview.png");
      cairo_surface_write_to_png (rgb, "/tmp/counterfoil-pdf.png");
    }

  same = cf_test_worst_block (painted, rgb);
  different = cf_test_worst_block (painted_other, rgb);
  g_test_message ("worst block: %u pixels for the same slip, %u for another", same, different);
  /* The comparison can tell: another slip differs far more. */
  g_assert_cmpuint (different, >, 40);
  g_assert_cmpuint (same, <=, 20);

  cairo_surface_destroy (rgb);
  cairo_surface_destroy (painted);
  cairo_surface_destroy (painted_other);
}

static void
test_pdf_text (CfTestDb      *f,
               gconstpointer  data)
{
  g_autoptr(CfTransaction) sale = by_voucher (f, "000201");
  g_autoptr(CfTransaction) refund = by_voucher (f, "000388");
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pdf = g_build_filename (f->dir, "two.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  g_ptr_array_add (docs, cf_receipt_doc_new (sale, NULL, NULL, CF_RECEIPT_COPY_CARDHOLDER, &fixed_duplicate, 32));
  g_ptr_array_add (docs, cf_receipt_doc_new (refund, NULL, NULL, CF_RECEIPT_COPY_MERCHANT, &fixed_duplicate, 48));
  g_assert_true (cf_pdf_write_slips (docs, pdf, &error));
  g_assert_no_error (error);
  /* Valid to poppler and qpdf, and its text extracts as it was drawn. */
  text = cf_test_assert_pdf_valid (pdf);
  g_assert_nonnull (strstr (text, "000201"));
  g_assert_nonnull (strstr (text, "332010153001"));
  g_assert_nonnull (strstr (text, "RMB 1,288.00"));
  g_assert_nonnull (strstr (text, "重打印/DUPLICATE"));
  g_assert_nonnull (strstr (text, "签购单"));
  g_assert_nonnull (strstr (text, "000388"));
  g_assert_nonnull (strstr (text, "411111******1111"));
  /* The cardholder's copy shows no first six digits; no copy the full number. */
  g_assert_null (strstr (text, "622202"));
  g_assert_false (cf_test_file_has_pan (pdf, NULL));
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 60 * 1024);  /* a subset font, not the whole face */
}

static gboolean
render_fails (GPtrArray  *docs,
              gpointer    user_data,
              GError    **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
  return FALSE;
}

static gboolean
render_pdf (GPtrArray  *docs,
            gpointer    user_data,
            GError    **error)
{
  return cf_pdf_write_slips (docs, user_data, error);
}

static void
test_issue_records_only_what_was_produced (CfTestDb      *f,
                                           gconstpointer  data)
{
  g_autoptr(CfTransaction) sale = by_voucher (f, "000201");
  g_autoptr(GPtrArray) txns = g_ptr_array_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "dup.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(CfDuplicateRecord) verified = NULL;
  CfDuplicateRecord *r;

  g_ptr_array_add (txns, sale);

  failed = cf_duplicate_issue (f->store, txns, CF_RECEIPT_COPY_MERCHANT, CF_DUPLICATE_REASON_CUSTOMER, NULL,
                               "001", "pdf:x", 32, render_fails, NULL, &error);
  g_assert_null (failed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM duplicates"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'issue-duplicate'"), ==, 0);

  /* "Other" needs words. */
  g_assert_null (cf_duplicate_issue (f->store, txns, CF_RECEIPT_COPY_MERCHANT, CF_DUPLICATE_REASON_OTHER, "  ",
                                     "001", "pdf:x", 32, render_pdf, pdf, &error));
  g_assert_error (error, CF_DUPLICATE_ERROR, CF_DUPLICATE_ERROR_REASON);
  g_clear_error (&error);

  first = cf_duplicate_issue (f->store, txns, CF_RECEIPT_COPY_MERCHANT, CF_DUPLICATE_REASON_RETRIEVAL, NULL,
                              "001", "pdf:dup.pdf", 32, render_pdf, pdf, &error);
  g_assert_no_error (error);
  second = cf_duplicate_issue (f->store, txns, CF_RECEIPT_COPY_CARDHOLDER, CF_DUPLICATE_REASON_OTHER, "lost in the bag",
                               "001", "pdf:dup.pdf", 32, render_pdf, pdf, &error);
  g_assert_no_error (error);
  r = g_ptr_array_index (second, 0);
  g_assert_cmpuint (((CfDuplicateRecord *) g_ptr_array_index (first, 0))->number, ==, 1);
  g_assert_cmpuint (r->number, ==, 2);
  g_assert_cmpuint (strlen (r->code), ==, 9);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'issue-duplicate' "
                                                 "AND operator_no = '001'"), ==, 2);

  listed = cf_duplicate_list_for (f->store, cf_transaction_get_id (sale), &error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (((CfDuplicateRecord *) g_ptr_array_index (listed, 1))->reason_text, ==, "lost in the bag");

  /* The code verifies, typed carelessly; an edited record does not. */
  {
    g_autofree char *careless = g_ascii_strdown (r->code, -1);
    careless[4] = ' ';
    verified = cf_duplicate_verify (f->store, careless, &error);
    g_assert_no_error (error);
    g_assert_cmpint (verified->transaction_id, ==, cf_transaction_get_id (sale));
    g_assert_cmpuint (verified->number, ==, 2);
  }
  g_assert_null (cf_duplicate_verify (f->store, "0000-0000", &error));
  g_assert_error (error, CF_DUPLICATE_ERROR, CF_DUPLICATE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (cf_store_exec (f->store, "UPDATE duplicates SET number = 7 WHERE number = 2", NULL));
  g_assert_null (cf_duplicate_verify (f->store, r->code, &error));
  g_assert_error (error, CF_DUPLICATE_ERROR, CF_DUPLICATE_ERROR_NOT_FOUND);
}

/* The QR code says what the slip's check code says, read by a barcode
 * reader off the PDF and off the preview alike. */
static void
test_qr_decodes (CfTestDb      *f,
                 gconstpointer  data)
{
  g_autoptr(CfTransaction) sale = by_voucher (f, "000201");
  g_autoptr(CfReceiptDoc) doc = cf_receipt_doc_new (sale, NULL, NULL, CF_RECEIPT_COPY_MERCHANT, &fixed_duplicate, 32);
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "qr.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *from_pdf = NULL;
  g_autofree char *from_preview = NULL;
  cairo_surface_t *rendered;

  g_ptr_array_add (docs, doc);
  g_assert_true (cf_pdf_write_slips (docs, pdf, &error));
  g_assert_no_error (error);

  rendered = cf_test_rasterize_pdf (pdf, 1, 200);
  from_pdf = cf_test_decode_qr (rendered);
  cairo_surface_destroy (rendered);
  rendered = paint (doc, 200);
  from_preview = cf_test_decode_qr (rendered);
  cairo_surface_destroy (rendered);

  g_assert_cmpstr (g_strstrip (from_pdf), ==, "COUNTERFOIL DUPLICATE 7K2Q-M9XD");
  g_assert_cmpstr (g_strstrip (from_preview), ==, "COUNTERFOIL DUPLICATE 7K2Q-M9XD");
}

/* A PDF that cannot be written leaves nothing behind and says why. */
static void
test_pdf_errors (CfTestDb      *f,
                 gconstpointer  data)
{
  g_autoptr(CfTransaction) sale = by_voucher (f, "000201");
  g_autoptr(CfReceiptDoc) doc = cf_receipt_doc_new (sale, NULL, NULL, CF_RECEIPT_COPY_MERCHANT, &fixed_duplicate, 32);
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "never.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "slip.pdf", NULL);
  g_autofree char *not_a_font = g_build_filename (f->dir, "not-a-font.ttf", NULL);
  g_autofree char *override = g_strdup_printf ("%s:0", not_a_font);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (docs, doc);

  /* A folder that is not there. */
  g_assert_false (cf_pdf_write_slips (docs, nowhere, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  /* The slip font missing, or not a font: a font error that names it. */
  g_setenv ("COUNTERFOIL_RECEIPT_FONT", "/nonexistent/wqy-zenhei.ttc:1", TRUE);
  g_assert_false (cf_pdf_write_slips (docs, pdf, &error));
  g_assert_error (error, CF_PDF_ERROR, CF_PDF_ERROR_FONT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/wqy-zenhei.ttc"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (not_a_font, "this is not TrueType", -1, NULL));
  g_setenv ("COUNTERFOIL_RECEIPT_FONT", override, TRUE);
  g_assert_false (cf_pdf_write_slips (docs, pdf, &error));
  g_assert_error (error, CF_PDF_ERROR, CF_PDF_ERROR_FONT);
  g_clear_error (&error);
  g_unsetenv ("COUNTERFOIL_RECEIPT_FONT");

  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  {
    /* Nothing half-written beside it either. */
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".partial"));
  }

  /* And with the font back, the same slip is written. */
  g_assert_true (cf_pdf_write_slips (docs, pdf, &error));
  g_assert_no_error (error);
}

static char *
dup_doc_text (CfReceiptDoc *doc)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < cf_receipt_doc_get_n_lines (doc); i++)
    g_string_append_printf (text, "%s\n", cf_receipt_doc_get_line (doc, i)->text);
  return g_string_free (text, FALSE);
}

/* A wallet's payment is duplicated as its scan payment slip and cash as a
 * receipt: the method and its numbers, the same duplicate marks and code,
 * and no card, signature or card-account wording. */
static void
test_wallet_and_cash_slips (CfTestDb      *f,
                            gconstpointer  data)
{
  static const struct { const char *file; const char *ref; const char *title; const char *method; } cases[] = {
    { "exports/wechat-pay.csv", "4200001234202611270001234567", "扫码支付凭证 SCAN PAYMENT SLIP", "微信支付/WECHAT PAY" },
    { "exports/alipay-trade.csv", "2026112722001400001234567890", "扫码支付凭证 SCAN PAYMENT SLIP", "支付宝/ALIPAY" },
    { "exports/square-legacy.csv", "PAYL0002", "收款凭证 RECEIPT", "现金/CASH" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfImportReport) report = cf_test_import (f, cases[c].file, &error);
      g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
      g_autoptr(GPtrArray) found = NULL;

      g_assert_no_error (error);
      q->ref_no = g_strdup (cases[c].ref);
      found = cf_store_find_transactions (f->store, q, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, >=, 1);

      for (CfReceiptCopy copy = CF_RECEIPT_COPY_MERCHANT; copy <= CF_RECEIPT_COPY_BANK; copy++)
        {
          g_autoptr(CfReceiptDoc) doc = cf_receipt_doc_new (g_ptr_array_index (found, 0), NULL, NULL, copy,
                                                            &fixed_duplicate, 32);
          g_autofree char *text = dup_doc_text (doc);

          g_test_message ("%s", text);
          g_assert_nonnull (strstr (text, cases[c].title));
          g_assert_nonnull (strstr (text, cases[c].method));
          g_assert_nonnull (strstr (text, "DUPLICATE No. 2"));
          g_assert_nonnull (strstr (text, "7K2Q-M9XD"));
          g_assert_null (strstr (text, "POS签购单"));
          g_assert_null (strstr (text, "卡号"));
          g_assert_null (strstr (text, "持卡人"));
          g_assert_null (strstr (text, "SIGNATURE"));
          g_assert_null (strstr (text, "本卡账户"));
          g_assert_null (strstr (text, "银行卡卡号"));
          if (copy == CF_RECEIPT_COPY_CARDHOLDER)
            g_assert_nonnull (strstr (text, "顾客存根 CUSTOMER COPY"));
        }
    }
}

/* A slip's page is as wide as its roll, and its text as wide as what a
 * printer prints on that roll: 58, 76 and 80 mm rolls print about 48, 64
 * and 72 mm. */
static void
test_page_fits_the_roll (CfTestDb      *f,
                         gconstpointer  data)
{
  static const struct { guint columns, roll_mm, printable_mm; } rolls[] = { { 32, 58, 48 }, { 42, 76, 64 }, { 48, 80, 72 } };
  g_autoptr(CfTransaction) txn = by_voucher (f, "000201");

  for (guint r = 0; r < G_N_ELEMENTS (rolls); r++)
    {
      g_autoptr(CfReceiptDoc) doc = cf_receipt_doc_new (txn, NULL, NULL, CF_RECEIPT_COPY_MERCHANT, NULL, rolls[r].columns);
      const CfReceiptLine *line = cf_receipt_doc_get_line (doc, 0);
      double page_mm = cf_receipt_doc_get_width_pt (doc) * 25.4 / 72.0;
      double text_mm = rolls[r].columns * CF_RECEIPT_CELL_PT * 25.4 / 72.0;

      g_assert_cmpfloat_with_epsilon (page_mm, rolls[r].roll_mm, 0.01);
      g_assert_cmpfloat (text_mm, <=, rolls[r].printable_mm);
      g_assert_cmpfloat (text_mm, >, rolls[r].printable_mm - 2);
      /* Centred, inside what the printer reaches. */
      g_assert_cmpfloat_with_epsilon (line->left * 2 + rolls[r].columns * CF_RECEIPT_CELL_PT, cf_receipt_doc_get_width_pt (doc), 0.01);
      g_assert_cmpfloat (line->left * 25.4 / 72.0, >=, (rolls[r].roll_mm - rolls[r].printable_mm) / 2.0 - 0.01);
    }
}

/* Every slip is written, whatever characters it holds: libharu failed to
 * save about one font subset in twenty while the subset left out the
 * hinting tables it expects to find. */
static void
test_every_slip_is_written (CfTestDb      *f,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 11, 29, 12, 0, 0);
  g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_demo_populate (f->store, 150, 9, until, NULL, &error));
  g_assert_no_error (error);
  query->limit = 150;
  found = cf_store_find_transactions (f->store, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autoptr(GPtrArray) issued = NULL;
      g_autofree char *name = g_strdup_printf ("slip-%03u.pdf", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *output = g_strconcat ("pdf:", path, NULL);

      g_ptr_array_add (one, found->pdata[i]);
      issued = cf_duplicate_issue (f->store, one, i % 2 ? CF_RECEIPT_COPY_CARDHOLDER : CF_RECEIPT_COPY_MERCHANT,
                                   CF_DUPLICATE_REASON_CUSTOMER, NULL, i % 3 ? "001" : "099", output, 32,
                                   render_pdf, path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (issued);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CfTestDb, NULL, slips_setup, func, cf_test_db_teardown)
  ADD ("/receipt/golden-grids", test_golden_grids);
  ADD ("/receipt/page-fits-the-roll", test_page_fits_the_roll);
  ADD ("/receipt/wallet-and-cash", test_wallet_and_cash_slips);
  ADD ("/receipt/content-and-masking", test_content_and_masking);
  ADD ("/receipt/pdf-text", test_pdf_text);
  ADD ("/receipt/pdf-equals-preview", test_pdf_equals_preview);
  ADD ("/receipt/issue-records-only-what-was-produced", test_issue_records_only_what_was_produced);
  ADD ("/receipt/qr-decodes", test_qr_decodes);
  ADD ("/receipt/pdf-errors", test_pdf_errors);
#undef ADD
  g_test_add ("/receipt/every-slip-is-written", CfTestDb, NULL, cf_test_db_setup, test_every_slip_is_written,
              cf_test_db_teardown);

  return g_test_run ();
}
