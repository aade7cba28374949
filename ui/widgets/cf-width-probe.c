/* cf-width-probe.c — a frame around one child that says when its width changes
 *
 * GTK 4.8 has no breakpoints (libadwaita's came in 1.4) and no signal for a
 * new allocation; a layout that depends on the width it is given (which of
 * the list's columns fit) listens to ::width-changed. It is emitted from an
 * idle, never during allocation, so that the listener may change the layout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include "cf-width-probe.h"

struct _CfWidthProbe
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  int        width;       /* the last allocated */
  int        reported;    /* the last emitted */
  guint      report_id;
};

static void cf_width_probe_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfWidthProbe, cf_width_probe, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, cf_width_probe_buildable_init))

enum { WIDTH_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];
static GtkBuildableIface *parent_buildable;

static gboolean
report_cb (gpointer user_data)
{
  CfWidthProbe *self = user_data;

  self->report_id = 0;
  if (self->width != self->reported)
    {
      self->reported = self->width;
      g_signal_emit (self, signals[WIDTH_CHANGED], 0, self->width);
    }
  return G_SOURCE_REMOVE;
}

static void
cf_width_probe_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CfWidthProbe *self = CF_WIDTH_PROBE (widget);

  if (self->child != NULL)
    gtk_widget_measure (self->child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
cf_width_probe_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CfWidthProbe *self = CF_WIDTH_PROBE (widget);

  if (self->child != NULL)
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
  self->width = width;
  if (width != self->reported && self->report_id == 0)
    self->report_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, report_cb, self, NULL);
}

void
cf_width_probe_set_child (CfWidthProbe *self,
                          GtkWidget    *child)
{
  g_return_if_fail (CF_IS_WIDTH_PROBE (self));

  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->child = child;
  if (child != NULL)
    gtk_widget_set_parent (child, GTK_WIDGET (self));
}

static void
cf_width_probe_add_child (GtkBuildable *buildable,
                          GtkBuilder   *builder,
                          GObject      *child,
                          const char   *type)
{
  if (GTK_IS_WIDGET (child))
    cf_width_probe_set_child (CF_WIDTH_PROBE (buildable), GTK_WIDGET (child));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
cf_width_probe_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = cf_width_probe_add_child;
}

static void
cf_width_probe_dispose (GObject *object)
{
  CfWidthProbe *self = CF_WIDTH_PROBE (object);

  g_clear_handle_id (&self->report_id, g_source_remove);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (cf_width_probe_parent_class)->dispose (object);
}

static void
cf_width_probe_class_init (CfWidthProbeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_width_probe_dispose;
  widget_class->measure = cf_width_probe_measure;
  widget_class->size_allocate = cf_width_probe_size_allocate;

  /**
   * CfWidthProbe::width-changed:
   * @width: the width now allocated
   */
  signals[WIDTH_CHANGED] = g_signal_new ("width-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
cf_width_probe_init (CfWidthProbe *self)
{
  self->reported = -1;
}

GtkWidget *
cf_width_probe_new (void)
{
  return g_object_new (CF_TYPE_WIDTH_PROBE, NULL);
}
