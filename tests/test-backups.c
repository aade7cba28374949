/* test-backups.c — backups from the window under Xvfb: restoring from Preferences, the backup on quitting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-application.h"
#include "cf-auth.h"
#include "cf-backups-page-private.h"
#include "cf-demo.h"
#include "cf-preferences-window.h"
#include "cf-store-private.h"
#include "cf-test-window.h"

static gboolean
backups_idle (gpointer page)
{
  return !cf_backups_page_is_busy (page);
}

static gboolean
window_locked (gpointer window)
{
  return cf_window_is_locked (window);
}

static gboolean
daily_backup_taken (gpointer window)
{
  g_autoptr(GPtrArray) backups = cf_store_list_backups (cf_window_get_store (window));

  return backups->len >= 1;
}

static void
test_restore_from_preferences (CfTestDb      *f,
                               gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  CfPreferencesWindow *prefs;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  CfBackupsPage *page;

  /* A new database has no backup yet: the window takes its daily one at once. */
  cf_test_wait_for (daily_backup_taken, window);
  prefs = cf_preferences_window_new (GTK_WINDOW (window), cf_window_get_session (window));
  gtk_window_present (GTK_WINDOW (prefs));
  cf_test_drain_main_loop ();
  page = CF_BACKUPS_PAGE (cf_test_find_widget (GTK_WIDGET (prefs), CF_TYPE_BACKUPS_PAGE, NULL));
  g_assert_nonnull (page);
  g_assert_cmpuint (cf_backups_page_get_n_backups (page), ==, 1);

  /* Back Up Now, then a change, then the backup restored. */
  g_signal_emit_by_name (cf_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Back Up Now"), "clicked");
  g_assert_true (cf_backups_page_is_busy (page));
  cf_test_wait_for (backups_idle, page);
  g_assert_cmpuint (cf_backups_page_get_n_backups (page), ==, 2);
  g_assert_true (cf_auth_set_merchant_setting (f->store, "099", "merchant.name", "改过的名字", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) backups = cf_store_list_backups (f->store);
    backup = g_strdup (g_ptr_array_index (backups, 0));
  }
  cf_backups_page_restore (page, backup);
  g_assert_true (cf_backups_page_is_busy (page));   /* in a worker: the window draws meanwhile */
  cf_test_wait_for (window_locked, window);

  /* Restored, the rest kept aside, and everyone signs in again. */
  name = cf_store_get_setting (f->store, "merchant.name");
  g_assert_cmpstr (name, !=, "改过的名字");
  g_assert_true (cf_window_is_locked (window));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'restore-backup' "
                                                "AND operator_no = '099'"), ==, 1);
  g_assert_nonnull (cf_test_find_dialog ("Backup Restored"));
  gtk_window_destroy (GTK_WINDOW (cf_test_find_dialog ("Backup Restored")));
  cf_test_close_window (window);
}

static gboolean
pointer_cleared (gpointer pointer_location)
{
  return *(gpointer *) pointer_location == NULL;
}

static guint
n_backups (CfStore *store)
{
  g_autoptr(GPtrArray) backups = cf_store_list_backups (store);
  return backups->len;
}

/* Quit closes the window as its close button does: the backup on close is
 * taken (in a worker, the window hidden at once), then the window goes. */
static void
test_quit_backs_up (CfTestDb      *f,
                    gconstpointer  data)
{
  g_autoptr(CfApplication) app = cf_application_new (f->db_path);
  g_autoptr(GError) error = NULL;
  CfWindow *window;
  guint before;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = cf_window_new (GTK_APPLICATION (app), f->store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_drain_main_loop ();
  cf_test_sign_in (window, "099", CF_DEMO_PIN);
  cf_test_wait_for (daily_backup_taken, window);
  before = n_backups (f->store);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_nonnull (window);
  /* The window stays, saying it is backing up, until it is done. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->session_stack), ==, "closing");
  cf_test_wait_for (pointer_cleared, &window);
  g_assert_cmpuint (n_backups (f->store), ==, before + 1);
}

int
main (int    argc,
      char **argv)
{
  if (!cf_test_window_init (&argc, &argv))
    return 0;

  CF_TEST_ADD_DEMO ("/backups/restore-from-preferences", test_restore_from_preferences);
  CF_TEST_ADD_DEMO ("/backups/quit-backs-up", test_quit_backs_up);

  return g_test_run ();
}
