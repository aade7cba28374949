/* cf-preferences-window.c — the merchant, slips, the database, operators, backups
 *
 * The merchant profile lives in the database (it belongs to the shop, not to
 * the desk); which database to open lives in GSettings. Each field is saved
 * as soon as it is applied, and a field that cannot be saved says why; a
 * clerk changing the merchant profile or the agreed fee rates is asked for
 * a manager's PIN. The Operators and Backups pages are their own files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-auth.h"
#include "cf-backups-page.h"
#include "cf-message.h"
#include "cf-operators-page.h"
#include "cf-preferences-window.h"
#include "cf-receipt-doc.h"
#include "cf-settlement.h"

struct _CfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesPage   *general_page;
  AdwComboRow          *paper_row;
  AdwEntryRow          *merchant_rows[4];   /* as merchant_fields */
  AdwPreferencesGroup  *database_group;
  AdwEntryRow          *database_row;
  AdwPreferencesGroup  *fee_group;
  AdwEntryRow          *fee_rows[CF_FEE_KIND_N];

  CfSession            *session;    /* (nullable): none without a database */
  CfStore              *store;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The settings the merchant rows edit, in the order of merchant_rows. */
static const char *const merchant_fields[] = { "merchant.name", "merchant.no", "merchant.address", "merchant.phone" };

static void
show_error (CfPreferencesWindow *self,
            const char          *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

typedef struct
{
  CfPreferencesWindow *prefs;
  const char          *key;
  char                *value;
} MerchantChange;

static void
merchant_change_free (gpointer data)
{
  MerchantChange *change = data;

  g_object_unref (change->prefs);
  g_free (change->value);
  g_free (change);
}

static gboolean
merchant_change_action (gpointer   data,
                        GError   **error)
{
  MerchantChange *change = data;

  return cf_auth_set_merchant_setting (change->prefs->store, cf_session_get_operator_no (change->prefs->session),
                                       change->key, change->value, error);
}

static void
merchant_apply_cb (AdwEntryRow         *row,
                   CfPreferencesWindow *self)
{
  MerchantChange *change = g_new0 (MerchantChange, 1);

  change->prefs = g_object_ref (self);
  change->key = g_object_get_data (G_OBJECT (row), "key");
  change->value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  cf_session_run_as_manager (self->session, GTK_WIDGET (self), _("Change the merchant profile"),
                             _("The Merchant Profile Was Not Changed"), merchant_change_action, change, merchant_change_free);
}

typedef struct
{
  CfPreferencesWindow *prefs;
  CfFeeKind            kind;
  CfFeeRate            rate;
} FeeChange;

static void
fee_change_free (gpointer data)
{
  FeeChange *change = data;

  g_object_unref (change->prefs);
  g_free (change);
}

static gboolean
fee_change_action (gpointer   data,
                   GError   **error)
{
  FeeChange *change = data;
  gboolean ok = cf_fee_rates_set (change->prefs->store, change->kind, &change->rate,
                                  cf_session_get_operator_no (change->prefs->session), error);

  if (ok)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (change->prefs),
                                      adw_toast_new (_("The agreed rate is kept; reconcile again to check the fees")));
  return ok;
}

static void
fee_apply_cb (AdwEntryRow         *row,
              CfPreferencesWindow *self)
{
  FeeChange *change = g_new0 (FeeChange, 1);
  g_autoptr(GError) error = NULL;

  change->prefs = g_object_ref (self);
  change->kind = (CfFeeKind) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kind"));
  if (!cf_fee_rate_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &change->rate, &error))
    {
      show_error (self, error->message);
      fee_change_free (change);
      return;
    }
  cf_session_run_as_manager (self->session, GTK_WIDGET (self), _("Change the agreed fee rates"),
                             _("The Fee Rate Was Not Changed"), fee_change_action, change, fee_change_free);
}

/* One row per card kind and wallet, each saved when applied. */
static void
add_fee_rows (CfPreferencesWindow *self,
              AdwPreferencesPage  *page)
{
  CfFeeRate rates[CF_FEE_KIND_N];

  self->fee_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->fee_group, _("Agreed Fee Rates"));
  adw_preferences_group_set_description (self->fee_group,
                                         _("The merchant’s rates with the acquirer (费率), which Reconciliation checks "
                                           "each statement’s fee against. Write the rate in percent, and a cap after "
                                           "a slash: 0.55 / 20.00. Leave empty where none was agreed; a debit or "
                                           "credit card without a rate of its own takes Other cards’."));
  if (!cf_fee_rates_load (self->store, rates, NULL))
    memset (rates, 0, sizeof rates);
  for (guint k = 0; k < CF_FEE_KIND_N; k++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *text = cf_fee_rate_to_text (&rates[k]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_fee_kind_label ((CfFeeKind) k));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      g_object_set_data (G_OBJECT (row), "kind", GUINT_TO_POINTER (k));
      g_signal_connect_object (row, "apply", G_CALLBACK (fee_apply_cb), self, 0);
      adw_preferences_group_add (self->fee_group, row);
      self->fee_rows[k] = ADW_ENTRY_ROW (row);
    }
  adw_preferences_page_add (page, self->fee_group);
}

static void
database_apply_cb (AdwEntryRow         *row,
                   CfPreferencesWindow *self)
{
  g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (*path != '\0' && !cf_store_check_target (path, &error))
    {
      show_error (self, error->message);
      return;
    }
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "database-path", path);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Counterfoil opens this database when it starts next")));
}

static void
paper_changed_cb (AdwComboRow         *row,
                  GParamSpec          *pspec,
                  CfPreferencesWindow *self)
{
  static const int widths[] = { 58, 76, 80 };
  static const int printed[] = { 48, 64, 72 };
  guint selected = adw_combo_row_get_selected (row);

  if (selected >= G_N_ELEMENTS (widths))
    return;
  /* What the roll means for the slip, under the choice: the row stays short. */
  {
    guint columns = cf_receipt_columns_for_paper ((guint) widths[selected]);
    g_autofree char *subtitle = g_strdup_printf (_("%u characters a line, printed about %d mm wide"), columns,
                                                 printed[selected]);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  }
  if (self->settings != NULL)
    g_settings_set_int (self->settings, "paper-width", widths[selected]);
}

/**
 * cf_preferences_window_new:
 * @parent: (nullable): the window it is over
 * @session: (nullable): the database and operator it works with; %NULL
 *   when no database could be opened
 *
 * Returns: (transfer none): the preferences, over @parent, not yet shown
 */
CfPreferencesWindow *
cf_preferences_window_new (GtkWindow *parent,
                           CfSession *session)
{
  CfPreferencesWindow *self = g_object_new (CF_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            NULL);
  CfStore *store = session != NULL ? cf_session_get_store (session) : NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;
  int paper = 58;

  self->session = session != NULL ? g_object_ref (session) : NULL;
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->settings = schema != NULL ? g_settings_new (APPLICATION_ID) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (merchant_fields); i++)
    {
      g_autofree char *value = store != NULL ? cf_store_get_setting (store, merchant_fields[i]) : NULL;

      g_object_set_data (G_OBJECT (self->merchant_rows[i]), "key", (gpointer) merchant_fields[i]);
      gtk_editable_set_text (GTK_EDITABLE (self->merchant_rows[i]), value != NULL ? value : "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->merchant_rows[i]), store != NULL);
    }

  if (self->settings != NULL)
    paper = g_settings_get_int (self->settings, "paper-width");
  adw_combo_row_set_selected (self->paper_row, paper >= 80 ? 2 : paper >= 76 ? 1 : 0);
  paper_changed_cb (self->paper_row, NULL, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), self->settings != NULL);

  {
    /* What is open, and what the row takes. */
    g_autofree char *described = store != NULL
      ? g_strdup_printf (_("Open now: %s. Leave empty for the default. A file’s full path, or a PostgreSQL server: "
                           "postgresql://HOST/DATABASE or service=NAME. A desk of a chain’s shop adds the shop: "
                           "service=chain shop=north. Passwords belong in ~/.pgpass, not here."),
                         cf_store_get_path (store))
      : g_strdup (_("Leave empty for the default. A file’s full path, or a PostgreSQL server: "
                    "postgresql://HOST/DATABASE or service=NAME. A desk of a chain’s shop adds the shop: "
                    "service=chain shop=north. Passwords belong in ~/.pgpass, not here."));
    g_autofree char *saved = self->settings != NULL ? g_settings_get_string (self->settings, "database-path") : NULL;

    adw_preferences_group_set_description (self->database_group, described);
    gtk_editable_set_text (GTK_EDITABLE (self->database_row), saved != NULL ? saved : "");
    gtk_widget_set_sensitive (GTK_WIDGET (self->database_row), self->settings != NULL);
  }

  /* The shop's own terms, who may sign in, and the copies of the data:
   * only with a database open. */
  if (store != NULL)
    {
      add_fee_rows (self, self->general_page);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (cf_operators_page_new (session, self->settings)));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (cf_backups_page_new (session, self->settings)));
    }
  return self;
}

static void
cf_preferences_window_dispose (GObject *object)
{
  CfPreferencesWindow *self = (CfPreferencesWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cf_preferences_window_parent_class)->dispose (object);
}

static void
cf_preferences_window_class_init (CfPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child_full (widget_class, "merchant_name_row", FALSE,
                                             G_STRUCT_OFFSET (CfPreferencesWindow, merchant_rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "merchant_no_row", FALSE,
                                             G_STRUCT_OFFSET (CfPreferencesWindow, merchant_rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "merchant_address_row", FALSE,
                                             G_STRUCT_OFFSET (CfPreferencesWindow, merchant_rows[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "merchant_phone_row", FALSE,
                                             G_STRUCT_OFFSET (CfPreferencesWindow, merchant_rows[3]));
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, database_group);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, database_row);
  gtk_widget_class_bind_template_callback (widget_class, merchant_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, database_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, paper_changed_cb);
}

/* libadwaita 1.2 builds a search field into the window, hidden with search
 * disabled, and leaves it without an accessible name: it gets one. */
static void
name_search_entries (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Preferences"), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_search_entries (child);
}

static void
cf_preferences_window_init (CfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_search_entries (GTK_WIDGET (self));
}
