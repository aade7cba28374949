/* test-preferences.c — Preferences under Xvfb: the merchant, the operators page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-auth.h"
#include "cf-operators-page-private.h"
#include "cf-preferences-window.h"
#include "cf-store-private.h"
#include "cf-test-window.h"

static void
find_entry_rows (GtkWidget *widget,
                 GPtrArray *rows)
{
  if (ADW_IS_ENTRY_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    find_entry_rows (child, rows);
}

static void
test_preferences_save_merchant (CfTestDb      *f,
                                gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  CfPreferencesWindow *prefs = cf_preferences_window_new (GTK_WINDOW (window), cf_window_get_session (window));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *name = NULL;
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (prefs));
  cf_test_drain_main_loop ();
  find_entry_rows (GTK_WIDGET (prefs), rows);
  g_assert_cmpuint (rows->len, ==, 11);  /* four merchant fields, the database, six fee rates */
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (rows->pdata[i]), "key"), "merchant.name") == 0)
      {
        gtk_editable_set_text (GTK_EDITABLE (rows->pdata[i]), "  望京便利超市  ");
        g_signal_emit_by_name (rows->pdata[i], "apply");
        found = TRUE;
      }
  g_assert_true (found);
  name = cf_store_get_setting (f->store, "merchant.name");
  g_assert_cmpstr (name, ==, "望京便利超市");

  /* The agreed rate for cards, with its cap; a rate that is not one is refused. */
  found = FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "Other cards") == 0)
      {
        gtk_editable_set_text (GTK_EDITABLE (rows->pdata[i]), "0.6 / 20");
        g_signal_emit_by_name (rows->pdata[i], "apply");
        g_assert_cmpint (cf_test_query_int (f->store, "SELECT rate_ppm FROM fee_rates WHERE kind = 'card' "
                                                      "AND cap_minor = 2000"), ==, 6000);
        gtk_editable_set_text (GTK_EDITABLE (rows->pdata[i]), "six");
        g_signal_emit_by_name (rows->pdata[i], "apply");
        g_assert_cmpint (cf_test_query_int (f->store, "SELECT rate_ppm FROM fee_rates WHERE kind = 'card'"), ==, 6000);
        gtk_editable_set_text (GTK_EDITABLE (rows->pdata[i]), "");
        g_signal_emit_by_name (rows->pdata[i], "apply");
        g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM fee_rates"), ==, 0);
        found = TRUE;
      }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (prefs));
  cf_test_drain_main_loop ();
  cf_test_close_window (window);
}

/* Add Operator…, the form filled in, Save: as a manager does it. */
static void
add_operator (CfOperatorsPage *page,
              const char      *no,
              const char      *name,
              const char      *pin,
              const char      *again)
{
  AdwMessageDialog *dialog;

  g_signal_emit_by_name (cf_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Add Operator…"), "clicked");
  cf_test_drain_main_loop ();
  dialog = cf_test_find_dialog ("Add an Operator");
  g_assert_nonnull (dialog);
  cf_test_type_into (GTK_WIDGET (dialog), "Operator no. (as printed on slips)", no);
  cf_test_type_into (GTK_WIDGET (dialog), "Name", name);
  cf_test_type_into (GTK_WIDGET (dialog), "PIN", pin);
  cf_test_type_into (GTK_WIDGET (dialog), "The same PIN again", again);
  adw_message_dialog_response (dialog, "save");
  cf_test_drain_main_loop ();
}

/* The manager adds a clerk, who can then sign in; PINs that differ add
 * nobody; a clerk who tries is asked for a manager's approval. */
static void
test_operators_page (CfTestDb      *f,
                     gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  CfPreferencesWindow *prefs = cf_preferences_window_new (GTK_WINDOW (window), cf_window_get_session (window));
  CfOperatorsPage *page;
  AdwMessageDialog *dialog;
  g_autoptr(CfOperator) signed_in = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  gtk_window_present (GTK_WINDOW (prefs));
  cf_test_drain_main_loop ();
  page = CF_OPERATORS_PAGE (cf_test_find_widget (GTK_WIDGET (prefs), CF_TYPE_OPERATORS_PAGE, NULL));
  g_assert_nonnull (page);
  before = cf_operators_page_get_n_operators (page);
  g_assert_cmpuint (before, ==, (guint) cf_test_query_int (f->store, "SELECT count (*) FROM operators"));

  /* Numbers a journal named are kept apart from the people who sign in. */
  g_assert_true (cf_store_exec (f->store, "INSERT INTO operators (operator_no, name, created_at) VALUES "
                                          "('01', '01', '2026-11-01T00:00:00Z'), ('02', '02', '2026-11-01T00:00:00Z')", NULL));
  cf_operators_page_reload (page);
  before += 2;
  {
    GtkWidget *seen = cf_test_find_widget (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, NULL);

    g_assert_nonnull (seen);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (seen)), ==, "2 operator nos. seen in journals");
  }

  /* PINs that differ: said beside the form, Save unavailable, what was
   * typed kept until it is right. */
  g_signal_emit_by_name (cf_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Add Operator…"), "clicked");
  cf_test_drain_main_loop ();
  dialog = cf_test_find_dialog ("Add an Operator");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  cf_test_type_into (GTK_WIDGET (dialog), "Operator no. (as printed on slips)", "007");
  cf_test_type_into (GTK_WIDGET (dialog), "Name", "李雷");
  cf_test_type_into (GTK_WIDGET (dialog), "PIN", "4826");
  cf_test_type_into (GTK_WIDGET (dialog), "The same PIN again", "4827");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (adw_message_dialog_get_extra_child (dialog))),
                   ==, "The two PINs differ");
  cf_test_type_into (GTK_WIDGET (dialog), "The same PIN again", "4826");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "cancel");
  cf_test_drain_main_loop ();
  g_assert_cmpuint (cf_operators_page_get_n_operators (page), ==, before);

  /* The same PIN twice: the clerk is added, listed, and can sign in. */
  add_operator (page, "007", "李雷", "4826", "4826");
  g_assert_cmpuint (cf_operators_page_get_n_operators (page), ==, before + 1);
  signed_in = cf_auth_sign_in (f->store, "007", "4826", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_operator_get_role (signed_in), ==, CF_ROLE_CLERK);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE operator_no = '099' "
                                                "AND action = 'save-operator'"), >=, 1);

  /* Letting someone go is asked first; Cancel leaves them be. */
  {
    GtkWidget *let_go = cf_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Let Go (No More Signing In)");
    AdwMessageDialog *ask;

    g_assert_nonnull (let_go);
    g_signal_emit_by_name (let_go, "clicked");
    cf_test_drain_main_loop ();
    /* The first operator's menu comes first: asked by their name. */
    {
      g_autofree char *name = cf_test_query_text (f->store, "SELECT name FROM operators ORDER BY operator_no LIMIT 1");
      g_autofree char *heading = g_strdup_printf ("Let %s Go?", name);

      ask = cf_test_find_dialog (heading);
    }
    g_assert_nonnull (ask);
    adw_message_dialog_response (ask, "cancel");
    gtk_window_destroy (GTK_WINDOW (ask));
    cf_test_drain_main_loop ();
    g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM operators WHERE NOT active"), ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
  cf_test_drain_main_loop ();

  /* A clerk may look, but adding someone needs a manager's PIN. */
  cf_test_switch_operator (window, "001");
  prefs = cf_preferences_window_new (GTK_WINDOW (window), cf_window_get_session (window));
  gtk_window_present (GTK_WINDOW (prefs));
  cf_test_drain_main_loop ();
  page = CF_OPERATORS_PAGE (cf_test_find_widget (GTK_WIDGET (prefs), CF_TYPE_OPERATORS_PAGE, NULL));
  add_operator (page, "008", "韩梅梅", "4826", "4826");
  dialog = cf_test_find_dialog ("Manager Approval Needed");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  cf_test_drain_main_loop ();
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM operators WHERE operator_no = '008'"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (prefs));
  cf_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!cf_test_window_init (&argc, &argv))
    return 0;

  CF_TEST_ADD_EMPTY ("/preferences/save-merchant", test_preferences_save_merchant);
  CF_TEST_ADD_DEMO ("/preferences/operators-page", test_operators_page);

  return g_test_run ();
}
