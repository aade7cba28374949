/* cf-window.c — the main window: the newest transactions, or why there are none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-store.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"
#include "cf-window.h"

/* The browser pages through all of them; this window shows the newest. */
#define NEWEST_SHOWN 500

struct _CfWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  GtkColumnView        *column_view;
  GListStore           *transactions;

  /* owned */
  CfStore              *store;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (CfWindow, cf_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
settings_if_installed (void)
{
  /* Run from the build folder without GSETTINGS_SCHEMA_DIR, the schema may
   * be missing: the window then simply does not remember its size. */
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  return schema != NULL ? g_settings_new (APPLICATION_ID) : NULL;
}

/**
 * cf_window_reload:
 *
 * Reads the newest transactions again and shows them, or the empty state.
 */
void
cf_window_reload (CfWindow *self)
{
  g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  gint64 total;

  g_return_if_fail (CF_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  total = cf_store_count_transactions (self->store, &error);
  query->limit = NEWEST_SHOWN;
  if (total >= 0)
    found = cf_store_find_transactions (self->store, query, &error);

  if (found == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_list_store_splice (self->transactions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->transactions)),
                       found->pdata, found->len);

  if (total == 0)
    {
      g_autofree char *description =
        g_strdup_printf (_("Import a terminal journal or an acquirer statement from a terminal:\n"
                           "counterfoil --db %s import FILE.csv\n\n"
                           "or try a demo shop in another database:\n"
                           "counterfoil --db demo.db demo"),
                         cf_store_get_path (self->store));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_subtitle (self->window_title, cf_store_get_path (self->store));
      return;
    }

  if (total > NEWEST_SHOWN)
    subtitle = g_strdup_printf (_("The newest %u of %lld transactions"), NEWEST_SHOWN, (long long) total);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld transaction",
                                             "%lld transactions", (gulong) total), (long long) total);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/**
 * cf_window_new:
 * @store: (nullable): the open database, or %NULL when it could not be opened
 * @open_error: (nullable): why it could not
 *
 * Returns: (transfer full): a window on @store
 */
CfWindow *
cf_window_new (CfApplication *app,
               CfStore       *store,
               const GError  *open_error)
{
  CfWindow *self = g_object_new (CF_TYPE_WINDOW, "application", app, NULL);

  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       open_error != NULL ? open_error->message : _("Unknown error"));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return self;
    }

  self->store = g_object_ref (store);
  cf_window_reload (self);
  return self;
}

/**
 * cf_window_get_transactions:
 *
 * Returns: (transfer none): the transactions the window lists
 */
GListModel *
cf_window_get_transactions (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->transactions);
}

/**
 * cf_window_get_visible_page:
 *
 * Returns: `list`, `empty` or `error`
 */
const char *
cf_window_get_visible_page (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
cf_window_dispose (GObject *object)
{
  CfWindow *self = (CfWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cf_window_parent_class)->dispose (object);
}

static void
cf_window_class_init (CfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_window_dispose;

  g_type_ensure (CF_TYPE_TRANSACTION);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, transactions);
}

static void
cf_window_init (CfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = settings_if_installed ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
}
