/* cf-receipt-doc.c — a slip as a character grid: what to print, where, in which style
 *
 * The thermal printer that made the original slip prints on a grid: 32, 42
 * or 48 cells a line, a Chinese character taking two. Every layout decision is
 * made here, once — labels, wrapping, alignment, masking, the duplicate mark —
 * and the Cairo painter and the PDF writer only put each character in its
 * cell. That is how the preview, the print and the PDF stay identical.
 *
 * The content follows the China UnionPay slip (docs/DOMAIN.md), with bilingual
 * labels; a field the source did not give is left out, not printed empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-receipt-doc"

#include "config.h"

#include <string.h>

#include "cf-enum-types.h"
#include "cf-money.h"
#include "cf-receipt-doc.h"
#include "cf-transaction.h"

struct _CfReceiptDoc
{
  GObject    parent_instance;

  guint      columns;
  GPtrArray *lines;   /* CfReceiptLine */
  double     bottom;  /* of the last line, in points from the top */
};

G_DEFINE_FINAL_TYPE (CfReceiptDoc, cf_receipt_doc, G_TYPE_OBJECT)

static void
line_free (gpointer data)
{
  CfReceiptLine *line = data;

  g_clear_pointer (&line->qr, cf_qr_code_free);
  g_free (line->text);
  g_free (line);
}

static void
cf_receipt_doc_finalize (GObject *object)
{
  CfReceiptDoc *self = (CfReceiptDoc *) object;

  g_ptr_array_unref (self->lines);

  G_OBJECT_CLASS (cf_receipt_doc_parent_class)->finalize (object);
}

static void
cf_receipt_doc_class_init (CfReceiptDocClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_receipt_doc_finalize;
}

static void
cf_receipt_doc_init (CfReceiptDoc *self)
{
  self->lines = g_ptr_array_new_with_free_func (line_free);
  self->bottom = CF_RECEIPT_MARGIN_PT;
}

/**
 * cf_receipt_char_cells:
 *
 * Returns: how many grid cells @c takes: two for East Asian wide and
 *   full-width characters, one for the rest
 */
guint
cf_receipt_char_cells (gunichar c)
{
  return g_unichar_iswide (c) ? 2 : 1;
}

guint
cf_receipt_text_cells (const char *text)
{
  guint cells = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    cells += cf_receipt_char_cells (g_utf8_get_char (p));
  return cells;
}

/**
 * cf_receipt_columns_for_paper:
 * @paper_mm: 58, 76 or 80
 *
 * Returns: the grid's width in cells: 32, 42 or 48
 */
guint
cf_receipt_columns_for_paper (guint paper_mm)
{
  if (paper_mm >= 80)
    return 48;
  if (paper_mm >= 76)
    return 42;
  return 32;
}

const char *
cf_receipt_copy_to_nick (CfReceiptCopy copy)
{
  const char *nick = cf_enum_to_nick (CF_TYPE_RECEIPT_COPY, copy);

  return nick != NULL ? nick : "merchant";
}

gboolean
cf_receipt_copy_from_nick (const char    *nick,
                           CfReceiptCopy *copy)
{
  int value;

  if (!cf_enum_from_nick (CF_TYPE_RECEIPT_COPY, nick, &value))
    return FALSE;
  *copy = (CfReceiptCopy) value;
  return TRUE;
}

/* Layout helpers: every line is exactly the grid's width, and placed here,
 * below the one before it, so no renderer has to work out where it goes. */

static void
add_line (CfReceiptDoc      *self,
          CfReceiptLineKind  kind,
          guint              style,
          char              *text)
{
  CfReceiptLine *line = g_new0 (CfReceiptLine, 1);

  line->kind = kind;
  line->style = style;
  line->text = text;
  line->left = (cf_receipt_doc_get_width_pt (self) - self->columns * CF_RECEIPT_CELL_PT) / 2;
  line->top = self->bottom;
  if (kind == CF_RECEIPT_LINE_QR)
    {
      /* A quiet zone of two modules above and below the code. */
      line->qr = cf_qr_code_new (text);
      line->height = ((line->qr != NULL ? line->qr->width : 0) + 4) * CF_RECEIPT_QR_MODULE_PT;
    }
  else
    line->height = style & CF_RECEIPT_DOUBLE ? 2 * CF_RECEIPT_LINE_PT : CF_RECEIPT_LINE_PT;
  self->bottom += line->height;
  g_ptr_array_add (self->lines, line);
}

static guint
width_for (CfReceiptDoc *self,
           guint         style)
{
  return style & CF_RECEIPT_DOUBLE ? self->columns / 2 : self->columns;
}

static void
pad_to (GString *line,
        guint    cells,
        guint    width)
{
  for (; cells < width; cells++)
    g_string_append_c (line, ' ');
}

/* Breaks @text into pieces of at most @width cells, never inside a character,
 * and between words where a line of Latin text allows. */
static GPtrArray *
wrap (const char *text,
      guint       width)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  GString *piece = g_string_new (NULL);
  guint cells = 0;
  gssize last_space = -1;    /* byte offset in piece */

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w = cf_receipt_char_cells (c);

      if (cells + w > width)
        {
          if (c != ' ' && last_space > 0 && w == 1 && g_ascii_isalnum ((char) c))
            {
              /* Carry the unfinished word over. */
              g_autofree char *rest = g_strdup (piece->str + last_space + 1);
              g_string_truncate (piece, (gsize) last_space);
              g_ptr_array_add (pieces, g_string_free (piece, FALSE));
              piece = g_string_new (rest);
              cells = cf_receipt_text_cells (rest);
            }
          else
            {
              g_ptr_array_add (pieces, g_string_free (piece, FALSE));
              piece = g_string_new (NULL);
              cells = 0;
            }
          last_space = -1;
          if (c == ' ')
            continue;
        }
      if (c == ' ')
        last_space = (gssize) piece->len;
      g_string_append_unichar (piece, c);
      cells += w;
    }
  if (piece->len > 0 || pieces->len == 0)
    g_ptr_array_add (pieces, g_string_free (piece, FALSE));
  else
    g_string_free (piece, TRUE);
  return pieces;
}

static void
add_text (CfReceiptDoc *self,
          guint         style,
          const char   *text)
{
  guint width = width_for (self, style);
  g_autoptr(GPtrArray) pieces = wrap (text, width);

  for (guint i = 0; i < pieces->len; i++)
    {
      GString *line = g_string_new (g_ptr_array_index (pieces, i));
      pad_to (line, cf_receipt_text_cells (line->str), width);
      add_line (self, CF_RECEIPT_LINE_TEXT, style, g_string_free (line, FALSE));
    }
}

static void
add_centered (CfReceiptDoc *self,
              guint         style,
              const char   *text)
{
  guint width = width_for (self, style);
  g_autoptr(GPtrArray) pieces = wrap (text, width);

  for (guint i = 0; i < pieces->len; i++)
    {
      const char *piece = g_ptr_array_index (pieces, i);
      guint cells = cf_receipt_text_cells (piece);
      GString *line = g_string_new (NULL);

      pad_to (line, 0, (width - cells) / 2);
      g_string_append (line, piece);
      pad_to (line, (width - cells) / 2 + cells, width);
      add_line (self, CF_RECEIPT_LINE_TEXT, style, g_string_free (line, FALSE));
    }
}

/* "label:" then the value right-aligned, on one line when both fit, else the
 * value on the lines below; nothing at all when there is no value. */
static void
add_field (CfReceiptDoc *self,
           guint         style,
           const char   *label,
           const char   *value)
{
  guint width = width_for (self, style);
  guint label_cells;
  guint value_cells;

  if (value == NULL || *value == '\0')
    return;

  label_cells = cf_receipt_text_cells (label);
  value_cells = cf_receipt_text_cells (value);
  if (label_cells + 1 + value_cells <= width)
    {
      GString *line = g_string_new (label);
      pad_to (line, label_cells, width - value_cells);
      g_string_append (line, value);
      add_line (self, CF_RECEIPT_LINE_TEXT, style, g_string_free (line, FALSE));
      return;
    }

  add_text (self, style & ~CF_RECEIPT_DOUBLE, label);
  {
    g_autoptr(GPtrArray) pieces = wrap (value, width);

    for (guint i = 0; i < pieces->len; i++)
      {
        const char *piece = g_ptr_array_index (pieces, i);
        GString *line = g_string_new (NULL);

        pad_to (line, 0, width - cf_receipt_text_cells (piece));
        g_string_append (line, piece);
        add_line (self, CF_RECEIPT_LINE_TEXT, style, g_string_free (line, FALSE));
      }
  }
}

static void
add_rule (CfReceiptDoc *self)
{
  add_line (self, CF_RECEIPT_LINE_RULE, 0, g_strnfill (self->columns, '-'));
}

static const char *
type_words (CfTxnType type)
{
  switch (type)
    {
    case CF_TXN_TYPE_SALE:               return "消费/SALE";
    case CF_TXN_TYPE_VOID:               return "消费撤销/VOID";
    case CF_TXN_TYPE_REFUND:             return "退货/REFUND";
    case CF_TXN_TYPE_PREAUTH:            return "预授权/AUTH";
    case CF_TXN_TYPE_PREAUTH_VOID:       return "预授权撤销/AUTH VOID";
    case CF_TXN_TYPE_AUTH_COMPLETE:      return "预授权完成/AUTH COMPLETE";
    case CF_TXN_TYPE_AUTH_COMPLETE_VOID: return "预授权完成撤销/COMPLETE VOID";
    case CF_TXN_TYPE_OTHER:
    default:                             return "其他/OTHER";
    }
}

static const char *
copy_words (CfReceiptCopy copy)
{
  switch (copy)
    {
    case CF_RECEIPT_COPY_CARDHOLDER: return "持卡人存根 CARDHOLDER COPY";
    case CF_RECEIPT_COPY_BANK:       return "银行存根 BANK COPY";
    case CF_RECEIPT_COPY_MERCHANT:
    default:                         return "商户存根 MERCHANT COPY";
    }
}

/* 2026-11-28 14:03:22 → 2026/11/28 14:03:22, as slips print it */
static char *
slip_time (const char *local_time)
{
  char *out = g_strdup (local_time);

  if (strlen (out) >= 10)
    {
      out[4] = '/';
      out[7] = '/';
    }
  return out;
}

/* What the slip is, by what the customer paid with: a terminal prints a
 * card's POS slip, a scanned code's payment slip (扫码支付凭证), and a
 * plain receipt for cash. */
static const char *
slip_title (CfPaymentMethod method)
{
  switch (method)
    {
    case CF_PAYMENT_METHOD_CARD:        return "POS签购单 POS SALES SLIP";
    case CF_PAYMENT_METHOD_WECHAT:
    case CF_PAYMENT_METHOD_ALIPAY:
    case CF_PAYMENT_METHOD_UNIONPAY_QR: return "扫码支付凭证 SCAN PAYMENT SLIP";
    case CF_PAYMENT_METHOD_CASH:        return "收款凭证 RECEIPT";
    case CF_PAYMENT_METHOD_OTHER:
    default:                            return "支付凭证 PAYMENT SLIP";
    }
}

static const char *
method_words (CfPaymentMethod method)
{
  switch (method)
    {
    case CF_PAYMENT_METHOD_CARD:        return "银行卡/CARD";
    case CF_PAYMENT_METHOD_WECHAT:      return "微信支付/WECHAT PAY";
    case CF_PAYMENT_METHOD_ALIPAY:      return "支付宝/ALIPAY";
    case CF_PAYMENT_METHOD_UNIONPAY_QR: return "云闪付/UNIONPAY QR";
    case CF_PAYMENT_METHOD_CASH:        return "现金/CASH";
    case CF_PAYMENT_METHOD_OTHER:
    default:                            return "其他/OTHER";
    }
}

/* The card: issuer, acquirer, the number as masked for this copy. */
static void
add_card_section (CfReceiptDoc  *self,
                  CfTransaction *txn,
                  CfReceiptCopy  copy)
{
  g_autofree char *card = cf_transaction_dup_masked_card (txn, copy == CF_RECEIPT_COPY_CARDHOLDER);
  char mode = cf_entry_mode_to_letter (cf_transaction_get_entry_mode (txn));
  g_autofree char *card_line = mode != 0 && *card != '\0' ? g_strdup_printf ("%s %c", card, mode) : g_strdup (card);

  /* Merchant and bank copies: first six and last four at most; the
   * cardholder's copy: the last four only. */
  add_field (self, 0, "发卡行(ISSUER):", cf_transaction_get_issuer (txn));
  add_field (self, 0, "收单行(ACQUIRER):", cf_transaction_get_acquirer (txn));
  add_field (self, CF_RECEIPT_BOLD, "卡号(CARD NO.):", card_line);
}

/* A wallet's payment or cash: how it was paid and the numbers the
 * customer's phone and the wallet's bill show; no card, so no card lines. */
static void
add_payment_section (CfReceiptDoc    *self,
                     CfTransaction   *txn,
                     CfPaymentMethod  method)
{
  add_field (self, CF_RECEIPT_BOLD, "支付方式(PAID WITH):", method_words (method));
  if (method != CF_PAYMENT_METHOD_CASH)
    add_field (self, 0, "收单机构(ACQUIRER):", cf_transaction_get_acquirer (txn));
  add_field (self, 0, "商户订单号(ORDER NO.):", cf_transaction_get_order_no (txn) != NULL ? cf_transaction_get_order_no (txn)
                                                                                    : cf_transaction_get_source_id (txn));
  add_field (self, 0, "交易单号(TXN NO.):", cf_transaction_get_order_no (txn) != NULL ? cf_transaction_get_source_id (txn)
                                                                                  : cf_transaction_get_channel_no (txn));
}

static void
add_duplicate_mark (CfReceiptDoc          *self,
                    const CfDuplicateInfo *duplicate)
{
  g_autofree char *nth = g_strdup_printf ("第%u次重打印", duplicate->number);
  g_autofree char *nth_en = g_strdup_printf ("DUPLICATE No. %u", duplicate->number);

  add_rule (self);
  add_centered (self, CF_RECEIPT_DOUBLE | CF_RECEIPT_BOLD, nth);
  add_centered (self, CF_RECEIPT_DOUBLE | CF_RECEIPT_BOLD, nth_en);
  add_rule (self);
}

/* The transaction: type, numbers, time, amount, and a reversal's original. */
static void
add_transaction_section (CfReceiptDoc    *self,
                         CfTransaction   *txn,
                         CfPaymentMethod  method)
{
  const char *currency = cf_transaction_get_currency (txn);
  g_autofree char *money = cf_money_format (cf_transaction_get_signed_amount (txn), NULL);
  g_autofree char *amount = g_strdup_printf ("%s %s", g_strcmp0 (currency, "CNY") == 0 ? "RMB" : currency, money);
  g_autofree char *time = slip_time (cf_transaction_get_local_time (txn));

  add_field (self, CF_RECEIPT_BOLD, "交易类型(TXN TYPE):", type_words (cf_transaction_get_txn_type (txn)));
  add_field (self, 0, "批次号(BATCH NO.):", cf_transaction_get_batch_no (txn));
  add_field (self, 0, "凭证号(VOUCHER NO.):", cf_transaction_get_voucher_no (txn));
  if (method == CF_PAYMENT_METHOD_CARD)
    add_field (self, 0, "授权码(AUTH NO.):", cf_transaction_get_auth_code (txn));
  add_field (self, 0, "日期/时间(DATE/TIME):", time);
  add_field (self, 0, method == CF_PAYMENT_METHOD_CARD ? "参考号(REF. NO.):" : "交易单号(TXN NO.):",
             cf_transaction_get_ref_no (txn));
  add_field (self, CF_RECEIPT_DOUBLE | CF_RECEIPT_BOLD, "金额(AMOUNT):", amount);

  /* 备注: a void names its original's voucher, a refund its reference and date. */
  if (cf_transaction_get_orig_voucher_no (txn) != NULL || cf_transaction_get_orig_ref_no (txn) != NULL)
    {
      add_text (self, 0, "备注(REFERENCE):");
      add_field (self, 0, " 原凭证号 ORIG. VOUCHER:", cf_transaction_get_orig_voucher_no (txn));
      add_field (self, 0, " 原参考号 ORIG. REF. NO.:", cf_transaction_get_orig_ref_no (txn));
      add_field (self, 0, " 原交易日期 ORIG. DATE:", cf_transaction_get_orig_date (txn));
    }
  add_rule (self);
}

static void
add_duplicate_footer (CfReceiptDoc          *self,
                      const CfDuplicateInfo *duplicate)
{
  g_autofree char *payload = g_strdup_printf ("COUNTERFOIL DUPLICATE %s", duplicate->code);

  add_field (self, 0, "重打印时间(ISSUED):", duplicate->issued_at);
  add_field (self, 0, "重打印人(ISSUED BY):", duplicate->issued_by);
  add_field (self, CF_RECEIPT_BOLD, "验证码(CHECK CODE):", duplicate->code);
  add_line (self, CF_RECEIPT_LINE_QR, 0, g_steal_pointer (&payload));
  /* For the customer, the bank or the tax office holding it: how to check
   * it, not a command of ours. */
  add_text (self, 0, "真伪请凭验证码向本店核实");
  add_text (self, 0, "THE SHOP CAN VERIFY THIS CODE");
  /* The audit log's head when it was issued: paper that vouches for the log. */
  add_field (self, 0, "审计(AUDIT):", duplicate->chain);
  add_rule (self);
}

/**
 * cf_receipt_doc_new:
 * @txn: the transaction
 * @merchant_name: (nullable): as printed; the transaction's own when %NULL
 * @merchant_no: (nullable): as printed; the transaction's own when %NULL
 * @copy: whose copy: the cardholder's shows the card's last four digits only
 * @duplicate: (nullable): the duplicate's number, time, issuer and code;
 *   %NULL for a preview that is not a duplicate yet (it says so)
 * @columns: 32, 42 or 48
 *
 * A card payment is laid out as the terminal's POS slip, with the card
 * masked and the cardholder's signature; a wallet's (WeChat Pay, Alipay,
 * UnionPay QR) as its scan payment slip and cash as a plain receipt, with
 * neither card lines nor card-account wording. Every kind carries the same
 * duplicate marks, number, check code and audit head.
 *
 * Returns: (transfer full): the slip, laid out
 */
CfReceiptDoc *
cf_receipt_doc_new (CfTransaction         *txn,
                    const char            *merchant_name,
                    const char            *merchant_no,
                    CfReceiptCopy          copy,
                    const CfDuplicateInfo *duplicate,
                    guint                  columns)
{
  CfReceiptDoc *self;
  CfPaymentMethod method;
  gboolean card;

  g_return_val_if_fail (CF_IS_TRANSACTION (txn), NULL);
  g_return_val_if_fail (columns >= 32 && columns <= 48, NULL);

  self = g_object_new (CF_TYPE_RECEIPT_DOC, NULL);
  self->columns = columns;
  method = cf_transaction_get_payment_method (txn);
  card = method == CF_PAYMENT_METHOD_CARD;

  if (merchant_name == NULL || *merchant_name == '\0')
    merchant_name = cf_transaction_get_merchant_name (txn);
  if (merchant_no == NULL || *merchant_no == '\0')
    merchant_no = cf_transaction_get_merchant_no (txn);

  if (duplicate != NULL)
    add_centered (self, CF_RECEIPT_BOLD, "****重打印/DUPLICATE****");
  else
    add_centered (self, CF_RECEIPT_BOLD, "*** 预览 PREVIEW ***");
  add_centered (self, CF_RECEIPT_BOLD, slip_title (method));
  add_centered (self, 0, card || copy != CF_RECEIPT_COPY_CARDHOLDER ? copy_words (copy) : "顾客存根 CUSTOMER COPY");
  add_rule (self);

  add_field (self, 0, "商户名称(MERCHANT NAME):", merchant_name);
  add_field (self, 0, "商户编号(MERCHANT NO.):", merchant_no);
  add_field (self, 0, "终端编号(TERMINAL NO.):", cf_transaction_get_terminal_no (txn));
  add_field (self, 0, "操作员号(OPERATOR NO.):", cf_transaction_get_operator_no (txn));
  add_rule (self);

  if (card)
    add_card_section (self, txn, copy);
  else
    add_payment_section (self, txn, method);

  /* The mark in the middle of the slip, where it cannot be torn off. */
  if (duplicate != NULL)
    add_duplicate_mark (self, duplicate);

  add_transaction_section (self, txn, method);
  if (duplicate != NULL)
    add_duplicate_footer (self, duplicate);

  if (card && copy != CF_RECEIPT_COPY_CARDHOLDER)
    {
      add_text (self, 0, "持卡人签名 CARDHOLDER SIGNATURE:");
      add_text (self, 0, "");
      add_text (self, 0, "");
      add_rule (self);
      add_text (self, 0, "本人确认以上交易，同意将其记入本卡账户");
      add_text (self, 0, "I ACKNOWLEDGE SATISFACTORY RECEIPT OF RELATIVE GOODS/SERVICES");
    }
  if (card)
    add_text (self, 0, "为防止银行卡卡号泄露，已对打印卡号中的部分号码予以屏蔽");
  if (duplicate != NULL)
    add_centered (self, CF_RECEIPT_BOLD, "****重打印/DUPLICATE****");

  return self;
}

guint
cf_receipt_doc_get_columns (CfReceiptDoc *self)
{
  g_return_val_if_fail (CF_IS_RECEIPT_DOC (self), 0);
  return self->columns;
}

guint
cf_receipt_doc_get_n_lines (CfReceiptDoc *self)
{
  g_return_val_if_fail (CF_IS_RECEIPT_DOC (self), 0);
  return self->lines->len;
}

/**
 * cf_receipt_doc_get_line:
 *
 * Returns: (transfer none): line @index
 */
const CfReceiptLine *
cf_receipt_doc_get_line (CfReceiptDoc *self,
                         guint         index)
{
  g_return_val_if_fail (CF_IS_RECEIPT_DOC (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);
  return g_ptr_array_index (self->lines, index);
}

/**
 * cf_receipt_doc_to_text:
 *
 * The grid as text, for tests and the terminal: each line prefixed with its
 * style (`B` bold, `D` double size, `-` rule, `Q` QR code).
 *
 * Returns: (transfer full): the text
 */
char *
cf_receipt_doc_to_text (CfReceiptDoc *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (CF_IS_RECEIPT_DOC (self), NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const CfReceiptLine *line = g_ptr_array_index (self->lines, i);

      if (line->kind == CF_RECEIPT_LINE_RULE)
        g_string_append (out, "- ");
      else if (line->kind == CF_RECEIPT_LINE_QR)
        g_string_append (out, "Q ");
      else
        g_string_append_printf (out, "%c%c", line->style & CF_RECEIPT_DOUBLE ? 'D' : ' ',
                                line->style & CF_RECEIPT_BOLD ? 'B' : ' ');
      g_string_append_printf (out, "|%s|\n", line->text);
    }
  return g_string_free (out, FALSE);
}

/**
 * cf_receipt_doc_dup_characters:
 *
 * Returns: (transfer full): every character the slip prints, once each, for
 *   a font subset
 */
char *
cf_receipt_doc_dup_characters (CfReceiptDoc *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const CfReceiptLine *line = g_ptr_array_index (self->lines, i);

      if (line->kind != CF_RECEIPT_LINE_TEXT)
        continue;
      for (const char *p = line->text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (!g_hash_table_contains (seen, GUINT_TO_POINTER (c)))
            {
              g_hash_table_add (seen, GUINT_TO_POINTER (c));
              g_string_append_unichar (out, c);
            }
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * cf_receipt_paper_for_columns:
 *
 * Returns: the roll a grid of @columns is printed on, in mm: 58, 76 or 80
 */
guint
cf_receipt_paper_for_columns (guint columns)
{
  return columns >= 48 ? 80 : columns >= 42 ? 76 : 58;
}

/**
 * cf_receipt_doc_get_width_pt:
 *
 * Returns: the slip's width in points: the roll's
 */
double
cf_receipt_doc_get_width_pt (CfReceiptDoc *self)
{
  g_return_val_if_fail (CF_IS_RECEIPT_DOC (self), 0);
  return cf_receipt_paper_for_columns (self->columns) * 72.0 / 25.4;
}

/**
 * cf_receipt_doc_get_height_pt:
 *
 * Returns: the slip's height in points, margins included
 */
double
cf_receipt_doc_get_height_pt (CfReceiptDoc *self)
{
  g_return_val_if_fail (CF_IS_RECEIPT_DOC (self), 0);
  return self->bottom + CF_RECEIPT_MARGIN_PT;
}

/**
 * cf_receipt_doc_foreach_qr_module:
 * @line: one of @self's lines
 * @func: (scope call): called for every dark module, in points from the
 *   slip's top left
 *
 * Where a QR line's modules go: centred across the slip, below a quiet zone.
 * Nothing is called for a line that has no code.
 */
void
cf_receipt_doc_foreach_qr_module (CfReceiptDoc        *self,
                                  const CfReceiptLine *line,
                                  CfQrRectFunc         func,
                                  gpointer             user_data)
{
  double side;

  g_return_if_fail (CF_IS_RECEIPT_DOC (self));
  if (line->qr == NULL)
    return;
  side = line->qr->width * CF_RECEIPT_QR_MODULE_PT;
  cf_qr_code_foreach_rect (line->qr, (cf_receipt_doc_get_width_pt (self) - side) / 2,
                           line->top + 2 * CF_RECEIPT_QR_MODULE_PT, CF_RECEIPT_QR_MODULE_PT, func, user_data);
}

/**
 * cf_receipt_line_get_font_pt:
 *
 * Returns: the font size @line is drawn at
 */
double
cf_receipt_line_get_font_pt (const CfReceiptLine *line)
{
  return line->style & CF_RECEIPT_DOUBLE ? 2 * CF_RECEIPT_FONT_PT : CF_RECEIPT_FONT_PT;
}

/**
 * cf_receipt_line_foreach_glyph:
 * @func: (scope call): called for every character that is not a space
 *
 * Where each character of a text line goes: the one placement both
 * renderers follow, so that they agree to the point.
 */
void
cf_receipt_line_foreach_glyph (const CfReceiptLine *line,
                               CfReceiptGlyphFunc   func,
                               gpointer             user_data)
{
  double scale = line->style & CF_RECEIPT_DOUBLE ? 2.0 : 1.0;
  double x = line->left;
  double baseline = line->top + CF_RECEIPT_BASELINE_PT * scale;

  for (const char *p = line->text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ')
        func (p, (gsize) (g_utf8_next_char (p) - p), x, baseline, user_data);
      x += cf_receipt_char_cells (c) * CF_RECEIPT_CELL_PT * scale;
    }
}
