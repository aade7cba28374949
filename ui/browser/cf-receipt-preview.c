/* cf-receipt-preview.c — a slip on screen, drawn by the same painter as print
 *
 * At zoom 1 a point of the slip is a point on screen (96/72 pixels), so the
 * preview is the size the slip is on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include "cf-receipt-painter.h"
#include "cf-receipt-preview.h"

#define PIXELS_PER_POINT (96.0 / 72.0)

struct _CfReceiptPreview
{
  GtkWidget     parent_instance;

  CfReceiptDoc *doc;
  double        zoom;
};

G_DEFINE_FINAL_TYPE (CfReceiptPreview, cf_receipt_preview, GTK_TYPE_WIDGET)

static void
cf_receipt_preview_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CfReceiptPreview *self = CF_RECEIPT_PREVIEW (widget);
  double width = 0, height = 0;

  if (self->doc != NULL)
    cf_receipt_painter_get_size (self->doc, &width, &height);
  *minimum = *natural = (int) ((orientation == GTK_ORIENTATION_HORIZONTAL ? width : height)
                               * PIXELS_PER_POINT * self->zoom + 0.5);
}

static void
cf_receipt_preview_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CfReceiptPreview *self = CF_RECEIPT_PREVIEW (widget);
  double width, height;
  cairo_t *cr;

  if (self->doc == NULL)
    return;
  cf_receipt_painter_get_size (self->doc, &width, &height);
  width *= PIXELS_PER_POINT * self->zoom;
  height *= PIXELS_PER_POINT * self->zoom;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));
  cairo_scale (cr, PIXELS_PER_POINT * self->zoom, PIXELS_PER_POINT * self->zoom);
  cf_receipt_painter_draw (self->doc, cr);
  cairo_destroy (cr);
}

static void
cf_receipt_preview_dispose (GObject *object)
{
  CfReceiptPreview *self = (CfReceiptPreview *) object;

  g_clear_object (&self->doc);

  G_OBJECT_CLASS (cf_receipt_preview_parent_class)->dispose (object);
}

static void
cf_receipt_preview_class_init (CfReceiptPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_receipt_preview_dispose;
  widget_class->measure = cf_receipt_preview_measure;
  widget_class->snapshot = cf_receipt_preview_snapshot;
  gtk_widget_class_set_css_name (widget_class, "receipt-preview");
}

static void
cf_receipt_preview_init (CfReceiptPreview *self)
{
  self->zoom = 1.0;
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
cf_receipt_preview_new (void)
{
  return g_object_new (CF_TYPE_RECEIPT_PREVIEW, NULL);
}

void
cf_receipt_preview_set_doc (CfReceiptPreview *self,
                            CfReceiptDoc     *doc)
{
  g_return_if_fail (CF_IS_RECEIPT_PREVIEW (self));
  if (g_set_object (&self->doc, doc))
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * cf_receipt_preview_get_doc:
 *
 * Returns: (transfer none) (nullable): the slip shown
 */
CfReceiptDoc *
cf_receipt_preview_get_doc (CfReceiptPreview *self)
{
  g_return_val_if_fail (CF_IS_RECEIPT_PREVIEW (self), NULL);
  return self->doc;
}

void
cf_receipt_preview_set_zoom (CfReceiptPreview *self,
                             double            zoom)
{
  g_return_if_fail (CF_IS_RECEIPT_PREVIEW (self));
  self->zoom = CLAMP (zoom, 0.5, 3.0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
cf_receipt_preview_get_zoom (CfReceiptPreview *self)
{
  g_return_val_if_fail (CF_IS_RECEIPT_PREVIEW (self), 1.0);
  return self->zoom;
}
