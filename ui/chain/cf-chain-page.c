/* cf-chain-page.c — the Shops section of a chain's head office
 *
 * Shown on a head office's desk only: every shop of the chain, each with
 * what it has open — loss incidents, replacement requests past their due
 * date, ended shifts whose handover report nobody signed, the last days'
 * reconciliation gaps — read through the shops' own services
 * (cf_chain_overview()) in a worker thread, on connections of its own, so
 * that a slow shop never holds the window. The shop selector narrows the
 * list to one shop and opens it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-chain-find.h"
#include "cf-chain-overview.h"
#include "cf-chain-page-private.h"
#include "cf-format.h"
#include "cf-loss-service.h"
#include "cf-shift-service.h"
#include "cf-transaction.h"

struct _CfChainPage
{
  GtkBox         parent_instance;

  /* widgets */
  GtkDropDown   *shop_dropdown;
  GtkStringList *shop_names;
  GtkLabel      *status_label;
  GtkStack      *content_stack;
  GtkListBox    *shops_list;
  GtkSearchEntry *find_entry;
  GtkLabel      *found_label;
  GtkListBox    *found_list;

  /* owned */
  CfStore       *store;
  GPtrArray     *overviews;    /* CfShopOverview, as last read */
  GCancellable  *cancellable;  /* the read under way */
  GCancellable  *finding;      /* the search under way */
  gboolean       available;    /* this desk is a head office's */
  gboolean       filling;      /* the selector is being refilled */
};

enum {
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CfChainPage, cf_chain_page, GTK_TYPE_BOX)

typedef struct
{
  char      *target;
  GDateTime *now;
} Reading;

static void
reading_free (Reading *reading)
{
  g_free (reading->target);
  g_date_time_unref (reading->now);
  g_free (reading);
}

/* In the worker: what every shop has open. */
static void
read_chain (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Reading *reading = data;
  g_autoptr(GPtrArray) overviews = NULL;
  GError *error = NULL;

  if ((overviews = cf_chain_overview (reading->target, reading->now, cancellable, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&overviews), (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
item_row (const char *title,
          const char *subtitle,
          const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (icon_name != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  return row;
}

/* “2 open losses · 1 overdue request · …”, or that nothing is open. */
static char *
summary_of (const CfShopOverview *o)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint gaps = o->gaps + o->open_questions;

  if (o->error != NULL)
    return g_strdup_printf (_("Cannot be read: %s"), o->error);
  if (o->open_losses->len > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open loss", "%u open losses",
                                                          o->open_losses->len), o->open_losses->len));
  if (o->overdue_requests->len > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue request",
                                                          "%u overdue requests", o->overdue_requests->len),
                                             o->overdue_requests->len));
  if (o->unsigned_shifts->len > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unsigned handover",
                                                          "%u unsigned handovers", o->unsigned_shifts->len),
                                             o->unsigned_shifts->len));
  if (gaps > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reconciliation gap",
                                                          "%u reconciliation gaps", gaps), gaps));
  if (parts->len == 0)
    return g_strdup (_("Nothing open"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("  ·  ", (char **) parts->pdata);
}

static void
add_items (AdwExpanderRow       *expander,
           const CfShopOverview *o)
{
  for (guint i = 0; i < o->open_losses->len; i++)
    {
      CfIncidentInfo *loss = o->open_losses->pdata[i];
      g_autofree char *title = g_strdup_printf (_("Loss incident No. %lld"), (long long) loss->id);
      g_autofree char *when = cf_format_moment (loss->created_at);
      g_autofree char *subtitle = g_strdup_printf (_("Reported %s  ·  %u of %u slips dealt with  ·  %s"), when,
                                                   loss->n_resolved, loss->n_slips,
                                                   loss->description != NULL ? loss->description
                                                                             : cf_loss_cause_get_label (loss->cause));

      adw_expander_row_add_row (expander, item_row (title, subtitle, "dialog-warning-symbolic"));
    }
  for (guint i = 0; i < o->overdue_requests->len; i++)
    {
      CfRequestInfo *request = o->overdue_requests->pdata[i];
      g_autofree char *title = g_strdup_printf (_("Replacement request No. %lld is overdue"), (long long) request->id);
      g_autofree char *subtitle = g_strdup_printf (_("Was due %s  ·  %s  ·  %s"), request->due_date,
                                                   cf_format_counterpart (request->counterpart),
                                                   cf_request_status_get_label (request->status));

      adw_expander_row_add_row (expander, item_row (title, subtitle, "alarm-symbolic"));
    }
  for (guint i = 0; i < o->unsigned_shifts->len; i++)
    {
      CfShiftInfo *shift = o->unsigned_shifts->pdata[i];
      g_autofree char *title = g_strdup_printf (_("Shift No. %lld: handover report not signed"), (long long) shift->id);
      g_autofree char *subtitle = g_strdup_printf ("%s %s  ·  %.16s – %.16s", shift->operator_no,
                                                   shift->operator_name != NULL ? shift->operator_name : "",
                                                   shift->started_at, shift->ended_at);

      adw_expander_row_add_row (expander, item_row (title, subtitle, "document-edit-symbolic"));
    }
  if (o->gaps + o->open_questions > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Reconciliation: %u gap in the last %d days",
                                                             "Reconciliation: %u gaps in the last %d days", o->gaps),
                                                o->gaps, CF_CHAIN_GAP_DAYS);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match waits for a person",
                                                                "%u matches wait for a person", o->open_questions),
                                                   o->open_questions);

      adw_expander_row_add_row (expander, item_row (title, subtitle, "emblem-synchronizing-symbolic"));
    }
}

static GtkWidget *
shop_row (const CfShopOverview *o,
          gboolean              expanded)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *title = g_strdup_printf ("%s  (%s)", o->shop->name, o->shop->code);
  g_autofree char *summary = summary_of (o);
  gboolean open = o->error != NULL || o->open_losses->len + o->overdue_requests->len + o->unsigned_shifts->len +
                                        o->gaps + o->open_questions > 0;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), open && o->error == NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), expanded && open);
  if (o->error != NULL)
    gtk_widget_add_css_class (row, "error");
  add_items (ADW_EXPANDER_ROW (row), o);
  return row;
}

/* The shops the selector lets through, the one chosen opened. */
static void
show_shops (CfChainPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->shop_dropdown);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->shops_list))) != NULL)
    gtk_list_box_remove (self->shops_list, child);
  for (guint i = 0; self->overviews != NULL && i < self->overviews->len; i++)
    if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected == i + 1)
      gtk_list_box_append (self->shops_list, shop_row (self->overviews->pdata[i], selected == i + 1));
  gtk_stack_set_visible_child_name (self->content_stack,
                                    self->overviews != NULL && self->overviews->len > 0 ? "shops" : "empty");
}

static void
fill_selector (CfChainPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->shop_dropdown);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) shown = NULL;

  for (guint i = 0; i < self->overviews->len; i++)
    {
      CfShopOverview *o = self->overviews->pdata[i];
      g_autofree char *name = g_strdup_printf ("%s  (%s)", o->shop->name, o->shop->code);

      g_strv_builder_add (names, name);
    }
  shown = g_strv_builder_end (names);
  self->filling = TRUE;
  gtk_string_list_splice (self->shop_names, 1, g_list_model_get_n_items (G_LIST_MODEL (self->shop_names)) - 1,
                          (const char *const *) shown);
  gtk_drop_down_set_selected (self->shop_dropdown, selected <= self->overviews->len ? selected : 0);
  self->filling = FALSE;
}

static void
chain_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CfChainPage *self = CF_CHAIN_PAGE (source);
  Reading *reading = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overviews = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (error != NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  g_clear_pointer (&self->overviews, g_ptr_array_unref);
  self->overviews = g_steal_pointer (&overviews);
  {
    g_autofree char *time = g_date_time_format (reading->now, "%H:%M");
    g_autofree char *status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shop, read at %s",
                                                            "%u shops, read at %s", self->overviews->len),
                                               self->overviews->len, time);

    gtk_label_set_text (self->status_label, status);
  }
  fill_selector (self);
  show_shops (self);
}

/**
 * cf_chain_page_reload:
 *
 * Reads every shop again, in a worker thread; a read still under way is
 * given up.
 */
void
cf_chain_page_reload (CfChainPage *self)
{
  g_autoptr(GTask) task = NULL;
  Reading *reading;

  g_return_if_fail (CF_IS_CHAIN_PAGE (self));
  if (!self->available)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  reading = g_new0 (Reading, 1);
  reading->target = g_strdup (cf_store_get_path (self->store));
  reading->now = g_date_time_new_now_local ();
  if (self->overviews == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  gtk_label_set_text (self->status_label, _("Reading the shops…"));
  task = g_task_new (self, self->cancellable, chain_read_cb, NULL);
  g_task_set_source_tag (task, cf_chain_page_reload);
  g_task_set_task_data (task, reading, (GDestroyNotify) reading_free);
  g_task_run_in_thread (task, read_chain);
}

typedef struct
{
  char               *target;
  CfTransactionQuery *query;
} Finding;

static void
finding_free (Finding *finding)
{
  g_free (finding->target);
  cf_transaction_query_free (finding->query);
  g_free (finding);
}

static void
find_in_chain (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Finding *finding = data;
  GError *error = NULL;
  GPtrArray *found = cf_chain_find (finding->target, finding->query, cancellable, &error);

  if (found == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
found_row (const CfShopFound *found,
           CfTransaction     *txn)
{
  g_autofree char *money = cf_transaction_dup_amount_text (txn);
  g_autofree char *card = cf_transaction_dup_masked_card (txn, FALSE);
  g_autofree char *title = g_strdup_printf ("%s  ·  %s  ·  %s", found->shop->name,
                                            cf_transaction_get_local_time (txn), money);
  g_autofree char *subtitle = g_strdup_printf (_("Voucher %s  ·  Ref. no. %s  ·  %s  ·  %s"),
                                               cf_transaction_get_voucher_no (txn) != NULL
                                                 ? cf_transaction_get_voucher_no (txn) : "–",
                                               cf_transaction_get_ref_no (txn) != NULL
                                                 ? cf_transaction_get_ref_no (txn) : "–",
                                               card != NULL ? card : "–",
                                               cf_txn_type_get_label (cf_transaction_get_txn_type (txn)));

  return item_row (title, subtitle, NULL);
}

static void
chain_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CfChainPage *self = CF_CHAIN_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWidget *child;
  guint n = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->finding);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->found_list))) != NULL)
    gtk_list_box_remove (self->found_list, child);
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      CfShopFound *f = found->pdata[i];

      if (f->error != NULL)
        {
          g_autofree char *why = g_strdup_printf (_("Cannot be read: %s"), f->error);

          gtk_list_box_append (self->found_list, item_row (f->shop->name, why, "dialog-warning-symbolic"));
          continue;
        }
      for (guint k = 0; k < f->transactions->len; k++, n++)
        gtk_list_box_append (self->found_list, found_row (f, f->transactions->pdata[k]));
    }
  if (error != NULL)
    gtk_label_set_text (self->found_label, error->message);
  else if (n == 0)
    gtk_label_set_text (self->found_label, _("Nothing matches in any shop"));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u transaction found in the shops",
                                                            "%u transactions found in the shops", n), n);

      gtk_label_set_text (self->found_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->found_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->found_list), gtk_widget_get_first_child (GTK_WIDGET (self->found_list)) != NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "shops");
}

/**
 * cf_chain_page_find:
 * @text: what the customer remembers, as the window's search reads it
 *
 * Looks for it in every shop, in a worker thread.
 */
void
cf_chain_page_find (CfChainPage *self,
                    const char  *text)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) understood = g_ptr_array_new_with_free_func (g_free);
  Finding *finding;

  g_return_if_fail (CF_IS_CHAIN_PAGE (self));
  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  finding = g_new0 (Finding, 1);
  finding->target = g_strdup (cf_store_get_path (self->store));
  finding->query = cf_transaction_query_new ();
  finding->query->limit = 20;
  if (!cf_transaction_query_add_search (finding->query, text, now, understood) ||
      cf_transaction_query_is_empty (finding->query))
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (understood, NULL);
      joined = g_strjoinv ("; ", (char **) understood->pdata);
      gtk_label_set_text (self->found_label, *joined != '\0' ? joined : _("Nothing to look for"));
      gtk_widget_set_visible (GTK_WIDGET (self->found_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->found_list), FALSE);
      finding_free (finding);
      return;
    }
  self->finding = g_cancellable_new ();
  gtk_label_set_text (self->found_label, _("Looking in every shop…"));
  gtk_widget_set_visible (GTK_WIDGET (self->found_label), TRUE);
  task = g_task_new (self, self->finding, chain_found_cb, NULL);
  g_task_set_source_tag (task, cf_chain_page_find);
  g_task_set_task_data (task, finding, (GDestroyNotify) finding_free);
  g_task_run_in_thread (task, find_in_chain);
}

static void
find_activated_cb (CfChainPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  if (*text != '\0')
    cf_chain_page_find (self, text);
}

/* An emptied search puts the shops back alone. */
static void
find_changed_cb (CfChainPage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->find_entry)) != '\0')
    return;
  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  gtk_widget_set_visible (GTK_WIDGET (self->found_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->found_list), FALSE);
}

static void
shop_selected_cb (CfChainPage *self)
{
  if (!self->filling)
    show_shops (self);
}

static void
refresh_clicked_cb (CfChainPage *self)
{
  cf_chain_page_reload (self);
}

static void
cf_chain_page_dispose (GObject *object)
{
  CfChainPage *self = CF_CHAIN_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  g_clear_object (&self->store);
  g_clear_pointer (&self->overviews, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_CHAIN_PAGE);
  G_OBJECT_CLASS (cf_chain_page_parent_class)->dispose (object);
}

static void
cf_chain_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CfChainPage *self = CF_CHAIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_chain_page_class_init (CfChainPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_chain_page_dispose;
  object_class->get_property = cf_chain_page_get_property;

  /**
   * CfChainPage:available:
   *
   * Whether the desk is a chain's head office: only then is the section shown.
   */
  properties[PROP_AVAILABLE] = g_param_spec_boolean ("available", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-chain-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfChainPage, shop_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfChainPage, shop_names);
  gtk_widget_class_bind_template_child (widget_class, CfChainPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CfChainPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CfChainPage, shops_list);
  gtk_widget_class_bind_template_child (widget_class, CfChainPage, find_entry);
  gtk_widget_class_bind_template_child (widget_class, CfChainPage, found_label);
  gtk_widget_class_bind_template_child (widget_class, CfChainPage, found_list);
  gtk_widget_class_bind_template_callback (widget_class, find_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, shop_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
}

static void
cf_chain_page_init (CfChainPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_chain_page_new:
 *
 * The section is available (CfChainPage:available) on a desk of a chain's
 * head office, and reads the chain at once there; elsewhere it does nothing.
 */
CfChainPage *
cf_chain_page_new (CfStore *store)
{
  CfChainPage *self = g_object_new (CF_TYPE_CHAIN_PAGE, NULL);

  self->store = g_object_ref (store);
  self->available = cf_store_is_head_office (store);
  cf_chain_page_reload (self);
  return self;
}

gboolean
cf_chain_page_is_available (CfChainPage *self)
{
  g_return_val_if_fail (CF_IS_CHAIN_PAGE (self), FALSE);
  return self->available;
}

gboolean
cf_chain_page_is_loading (CfChainPage *self)
{
  return self->cancellable != NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

guint
cf_chain_page_get_n_shown (CfChainPage *self)
{
  return count_rows (self->shops_list);
}

/**
 * cf_chain_page_dup_row_text:
 *
 * Returns: (transfer full) (nullable): the title and summary of the shop
 *   row at @index, as shown
 */
char *
cf_chain_page_dup_row_text (CfChainPage *self,
                            guint        index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->shops_list, (int) index);

  if (row == NULL)
    return NULL;
  return g_strdup_printf ("%s\n%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)));
}

void
cf_chain_page_select_shop (CfChainPage *self,
                           const char  *code)
{
  for (guint i = 0; self->overviews != NULL && i < self->overviews->len; i++)
    if (g_str_equal (((CfShopOverview *) self->overviews->pdata[i])->shop->code, code))
      gtk_drop_down_set_selected (self->shop_dropdown, i + 1);
}

gboolean
cf_chain_page_is_finding (CfChainPage *self)
{
  return self->finding != NULL;
}

guint
cf_chain_page_get_n_found (CfChainPage *self)
{
  return count_rows (self->found_list);
}

/**
 * cf_chain_page_dup_found_text:
 *
 * Returns: (transfer full) (nullable): what the found row at @index shows
 */
char *
cf_chain_page_dup_found_text (CfChainPage *self,
                              guint        index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->found_list, (int) index);

  if (row == NULL)
    return NULL;
  return g_strdup_printf ("%s\n%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}
