/* cf-window-columns.c — the list's columns: each as wide as its header and
 * what it holds, and, when the list is narrow, the least needed give way
 *
 * Time, amount, card and voucher no. are what a clerk matches a customer's
 * slip by: they always stay. The others go in the order of `give_way`; a
 * column hidden from the main menu stays hidden whatever the width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-window-private.h"

/* Cell margins and the header's sort arrow, besides the text. */
#define COLUMN_PADDING 28

/* What each column usually holds at its widest, in the N_COLUMNS order;
 * a rare longer value (an auth completion's void) is ellipsized. */
static const char *const samples[N_COLUMNS] = {
  "2026-11-30 22:47:09", "10458324", "005", "490307", "100939940788", "227154",
  "622848*********9520", NULL /* a type */, "-¥88,888.00", "Mastercard", NULL /* the slip's state */,
};

/* Indexes into the columns, the first to go first. */
enum { TIME, TERMINAL, OPERATOR, VOUCHER, REF, AUTH, CARD, TYPE, AMOUNT, BRAND, SLIP };
static const guint give_way[] = { OPERATOR, TERMINAL, BRAND, AUTH, REF, SLIP, TYPE };

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static char *
widest_sample (guint column)
{
  if (column == TYPE)
    return g_strdup (cf_txn_type_get_label (CF_TXN_TYPE_AUTH_COMPLETE));
  if (column == SLIP)
    return g_strdup_printf (_("Duplicates ×%u"), 2);
  return g_strdup (samples[column]);
}

/* Called once, from the window's init: no header is cut. */
void
cf_window_columns_init (CfWindow *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autofree char *sample = widest_sample (i);
      int content = text_width (GTK_WIDGET (self->column_view), sample);
      int header = text_width (GTK_WIDGET (self->column_view), gtk_column_view_column_get_title (self->columns[i]));

      gtk_column_view_column_set_fixed_width (self->columns[i], MAX (content, header) + COLUMN_PADDING);
    }
}

static gboolean
gives_way (guint column,
           guint n_given)
{
  for (guint k = 0; k < n_given; k++)
    if (give_way[k] == column)
      return TRUE;
  return FALSE;
}

/**
 * cf_window_columns_fit:
 * @shown: which columns the clerk wants, by the main menu
 *
 * Shows the wanted columns that fit the list's width, the least needed
 * giving way first.
 */
void
cf_window_columns_fit (CfWindow       *self,
                       const gboolean  shown[N_COLUMNS])
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->list_probe));
  guint n_given = 0;

  for (;; n_given++)
    {
      int needed = 0;

      for (guint i = 0; i < N_COLUMNS; i++)
        if (shown[i] && !gives_way (i, n_given))
          needed += gtk_column_view_column_get_fixed_width (self->columns[i]);
      /* Not yet allocated: everything wanted, as the width is unknown. */
      if (width <= 0 || needed <= width || n_given == G_N_ELEMENTS (give_way))
        break;
    }
  g_debug ("The list is %d pixels wide: %u columns give way", width, n_given);
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_column_view_column_set_visible (self->columns[i], shown[i] && !gives_way (i, n_given));
}
