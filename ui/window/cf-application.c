/* cf-application.c — the GtkApplication: one database, its windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-application.h"
#include "cf-window.h"

struct _CfApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
};

G_DEFINE_FINAL_TYPE (CfApplication, cf_application, ADW_TYPE_APPLICATION)

/**
 * cf_application_new:
 * @db_path: (nullable): the database; the default one when %NULL
 *
 * Returns: (transfer full): the application
 */
CfApplication *
cf_application_new (const char *db_path)
{
  CfApplication *self = g_object_new (CF_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID,
                                      "flags", G_APPLICATION_NON_UNIQUE,
                                      "resource-base-path", "/org/counterfoil/Counterfoil",
                                      NULL);

  self->db_path = g_strdup (db_path);
  return self;
}

/**
 * cf_application_get_db_path:
 *
 * Returns: (nullable): the database named on the command line
 */
const char *
cf_application_get_db_path (CfApplication *self)
{
  g_return_val_if_fail (CF_IS_APPLICATION (self), NULL);
  return self->db_path;
}

/* --db, else the database chosen in Preferences, else the default. */
static char *
choose_database (CfApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->db_path != NULL)
    return g_strdup (self->db_path);
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autofree char *saved = g_settings_get_string (settings, "database-path");

      if (saved != NULL && *saved != '\0')
        return g_steal_pointer (&saved);
    }
  return cf_store_default_path ();
}

static void
cf_application_activate (GApplication *app)
{
  CfApplication *self = CF_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;

  if (window == NULL)
    {
      g_autofree char *path = choose_database (self);

      store = cf_store_open (path, &error);
      window = GTK_WINDOW (cf_window_new (GTK_APPLICATION (self), store, error));
    }
  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing, not quitting: each window takes its backup on close (in a
   * worker, the application kept running until it is done). */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "The Counterfoil developers", NULL };
  const char *documenters[] = { "The Counterfoil developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Counterfoil"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Find card transactions, issue duplicate slips, track lost ones and reconcile "
                                       "the terminal's journal against the acquirer's statement"),
                         "developers", developers,
                         "documenters", documenters,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The Counterfoil developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (CF_IS_WINDOW (window))
    cf_window_present_preferences (CF_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
cf_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (cf_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
cf_application_finalize (GObject *object)
{
  CfApplication *self = (CfApplication *) object;

  g_free (self->db_path);

  G_OBJECT_CLASS (cf_application_parent_class)->finalize (object);
}

static void
cf_application_class_init (CfApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = cf_application_activate;
  G_APPLICATION_CLASS (klass)->startup = cf_application_startup;
}

static void
cf_application_init (CfApplication *self)
{
}
