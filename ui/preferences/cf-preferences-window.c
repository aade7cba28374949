/* cf-preferences-window.c — the merchant, slips, the database, operators, backups
 *
 * The merchant profile lives in the database (it belongs to the shop, not to
 * the desk); which database to open lives in GSettings. Each field is saved
 * as soon as it is applied, and a field that cannot be saved says why; a
 * clerk changing the merchant profile is asked for a manager's PIN. The
 * Operators and Backups pages are their own files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-auth.h"
#include "cf-backups-page.h"
#include "cf-message.h"
#include "cf-operators-page.h"
#include "cf-preferences-window.h"

struct _CfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  CfSession            *session;    /* (nullable): none without a database */
  CfStore              *store;
  GSettings            *settings;
  AdwEntryRow          *database_row;
};

G_DEFINE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const struct
{
  const char *key;
  const char *title;
} merchant_fields[] = {
  { "merchant.name", N_("Merchant name (商户名称)") },
  { "merchant.no", N_("Merchant no. (商户编号)") },
  { "merchant.address", N_("Address") },
  { "merchant.phone", N_("Telephone") },
};

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

static void
database_apply_cb (AdwEntryRow         *row,
                   CfPreferencesWindow *self)
{
  g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*path != '\0' && !g_path_is_absolute (path))
    {
      show_error (self, _("Give the database's full path, starting with /"));
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
  guint selected = adw_combo_row_get_selected (row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (widths))
    g_settings_set_int (self->settings, "paper-width", widths[selected]);
}

static GtkWidget *
entry_row (const char *title,
           const char *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  return row;
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
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *merchant = adw_preferences_group_new ();
  GtkWidget *database = adw_preferences_group_new ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;

  self->session = session != NULL ? g_object_ref (session) : NULL;
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->settings = schema != NULL ? g_settings_new (APPLICATION_ID) : NULL;

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (merchant), _("Merchant"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (merchant),
                                         _("As printed at the top of every slip and report."));
  for (guint i = 0; i < G_N_ELEMENTS (merchant_fields); i++)
    {
      g_autofree char *value = store != NULL ? cf_store_get_setting (store, merchant_fields[i].key) : NULL;
      GtkWidget *row = entry_row (_(merchant_fields[i].title), value);

      g_object_set_data (G_OBJECT (row), "key", (gpointer) merchant_fields[i].key);
      g_signal_connect_object (row, "apply", G_CALLBACK (merchant_apply_cb), self, 0);
      gtk_widget_set_sensitive (row, store != NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (merchant), row);
    }

  {
    GtkWidget *slips = adw_preferences_group_new ();
    const char *widths[] = { _("58 mm (32 characters a line)"), _("76 mm (42 characters)"), _("80 mm (48 characters)"), NULL };
    GtkWidget *paper = adw_combo_row_new ();
    int current = self->settings != NULL ? g_settings_get_int (self->settings, "paper-width") : 58;

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (slips), _("Slips"));
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (paper), _("Paper width"));
    adw_combo_row_set_model (ADW_COMBO_ROW (paper), G_LIST_MODEL (gtk_string_list_new (widths)));
    adw_combo_row_set_selected (ADW_COMBO_ROW (paper), current >= 80 ? 2 : current >= 76 ? 1 : 0);
    g_signal_connect_object (paper, "notify::selected", G_CALLBACK (paper_changed_cb), self, 0);
    gtk_widget_set_sensitive (paper, self->settings != NULL);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (slips), paper);
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (slips));
  }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (database), _("Database"));
  {
    g_autofree char *current = store != NULL ? g_strdup_printf (_("Open now: %s. Leave empty for the default."),
                                                                cf_store_get_path (store))
                                             : g_strdup (_("Leave empty for the default."));
    g_autofree char *saved = self->settings != NULL ? g_settings_get_string (self->settings, "database-path") : NULL;

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (database), current);
    self->database_row = ADW_ENTRY_ROW (entry_row (_("Database file"), saved));
    g_signal_connect_object (self->database_row, "apply", G_CALLBACK (database_apply_cb), self, 0);
    gtk_widget_set_sensitive (GTK_WIDGET (self->database_row), self->settings != NULL);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (database), GTK_WIDGET (self->database_row));
  }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (merchant));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (database));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  /* Who may sign in, and the copies of the data: only with a database open. */
  if (store != NULL)
    {
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
  G_OBJECT_CLASS (klass)->dispose = cf_preferences_window_dispose;
}

static void
cf_preferences_window_init (CfPreferencesWindow *self)
{
}
