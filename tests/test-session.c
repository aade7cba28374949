/* test-session.c — who is at the window, under Xvfb: signing in, locking, a manager's approval, the audit log and its banner, other writers, idleness
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-audit-sentence.h"
#include "cf-audit-page-private.h"
#include "cf-auth.h"
#include "cf-demo.h"
#include "cf-handover-page-private.h"
#include "cf-preferences-window.h"
#include "cf-shift-service.h"
#include "cf-session-private.h"
#include "cf-sign-in-page-private.h"
#include "cf-store-private.h"
#include "cf-test-window.h"

static gboolean
audit_warning_shown (gpointer window)
{
  return *cf_window_get_audit_warning (window) != '\0';
}

static gboolean
audit_verified (gpointer page)
{
  return !cf_audit_page_is_verifying (page);
}

/* The sign-in page's clock in these tests: it moves only when told. */
static GDateTime *test_now;

static GDateTime *
test_clock (gpointer user_data)
{
  return g_date_time_ref (test_now);
}

/* Starts the tests' clock on a whole second, so that a wait is exactly the
 * seconds it is, and gives it to the sign-in page and the session. */
static void
start_clock (CfWindow *window)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_clear_pointer (&test_now, g_date_time_unref);
  test_now = g_date_time_add (now, -(GTimeSpan) g_date_time_get_microsecond (now));
  cf_sign_in_page_set_clock (cf_window_get_sign_in_page (window), test_clock, NULL);
  cf_session_set_clock (cf_window_get_session (window), test_clock, NULL);
}

static void
advance_clock (int seconds)
{
  GDateTime *later = g_date_time_add_seconds (test_now, seconds);

  g_date_time_unref (test_now);
  test_now = later;
}

static gboolean
button_sensitive (gpointer window)
{
  GtkWidget *button = cf_test_find_widget (GTK_WIDGET (cf_window_get_sign_in_page (window)), GTK_TYPE_BUTTON, "_Sign In");

  return button != NULL && gtk_widget_get_sensitive (button);
}

static void
test_sign_in_lock_and_override (CfTestDb      *f,
                                gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  CfHandoverPage *page = cf_window_get_handover_page (window);
  GtkWidget *sign_in_page = GTK_WIDGET (cf_window_get_sign_in_page (window));
  g_autoptr(GSettings) settings = g_settings_new ("org.counterfoil.Counterfoil");
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  AdwMessageDialog *dialog;
  gint64 shift;

  /* The manager is in; the desk is shown, and the Audit Log with it. */
  g_assert_cmpstr (cf_window_get_operator (window), ==, "099");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (cf_window_get_search_entry (window))));

  /* Ctrl+L's action hides the desk, and forgets what was looked for. */
  cf_test_type_search (window, "visa");
  cf_test_searches_before = cf_window_get_n_searches (window);
  gtk_editable_set_text (GTK_EDITABLE (window->filter_terminal), "10458321");
  cf_test_wait_for (cf_test_search_finished, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  cf_test_drain_main_loop ();
  g_assert_cmpstr (gtk_editable_get_text (cf_window_get_search_entry (window)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->filter_terminal)), ==, "");
  g_assert_true (cf_window_is_locked (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (cf_window_get_search_entry (window))));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (cf_test_find_widget (sign_in_page, ADW_TYPE_COMBO_ROW, NULL))),
                   ==, "Operator");

  /* Choosing who one is moves on to the PIN. */
  {
    AdwComboRow *who = ADW_COMBO_ROW (cf_test_find_widget (sign_in_page, ADW_TYPE_COMBO_ROW, NULL));
    GtkWidget *pin = cf_test_find_widget (sign_in_page, ADW_TYPE_PASSWORD_ENTRY_ROW, "PIN");
    GtkWidget *focus;

    gtk_widget_grab_focus (GTK_WIDGET (who));
    adw_combo_row_set_selected (who, adw_combo_row_get_selected (who) == 0 ? 1 : 0);
    cf_test_drain_main_loop ();
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_true (focus == pin || gtk_widget_is_ancestor (focus, pin));
  }

  /* A wrong PIN: said so, and the button waits the second the store says,
   * by the page's clock, which the test moves. */
  start_clock (window);
  cf_test_sign_in (window, "001", "9999");
  g_assert_true (cf_window_is_locked (window));
  g_assert_nonnull (strstr (cf_sign_in_page_get_message (CF_SIGN_IN_PAGE (sign_in_page)), "Wrong PIN"));
  {
    GtkWidget *button = cf_test_find_widget (sign_in_page, GTK_TYPE_BUTTON, "Try Again in 1 Second");
    g_assert_nonnull (button);
    g_assert_false (gtk_widget_get_sensitive (button));
  }
  advance_clock (2);
  cf_test_wait_for (button_sensitive, window);
  cf_test_sign_in (window, "001", CF_DEMO_PIN);
  g_assert_false (cf_window_is_locked (window));
  g_assert_cmpstr (cf_window_get_operator (window), ==, "001");

  /* Idle minutes lock the window; 0 never does. */
  g_settings_set_uint (settings, "lock-after-minutes", 0);
  g_assert_false (cf_window_lock_if_idle (window, g_get_monotonic_time () + (gint64) G_USEC_PER_SEC * 3600));
  g_settings_set_uint (settings, "lock-after-minutes", 5);
  g_assert_false (cf_window_lock_if_idle (window, g_get_monotonic_time () + (gint64) G_USEC_PER_SEC * 240));
  g_assert_true (cf_window_lock_if_idle (window, g_get_monotonic_time () + (gint64) G_USEC_PER_SEC * 301));
  g_assert_true (cf_window_is_locked (window));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'lock-window' "
                                                "AND operator_no = '001' AND details = 'idle'"), ==, 1);
  cf_test_sign_in (window, "001", CF_DEMO_PIN);

  /* A clerk signs off a shift: the manager's prompt, not a dead button. */
  shift = cf_shift_open (f->store, "002", NULL, "2026-11-28 08:00", &error);
  g_assert_true (cf_shift_close (f->store, shift, "2026-11-28 16:00", "001", NULL, NULL, "002", &error));
  g_assert_no_error (error);
  cf_handover_page_reload (page);
  g_assert_true (cf_handover_page_select_shift (page, shift));
  g_signal_emit_by_name (cf_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Sign Off…"), "clicked");
  cf_test_drain_main_loop ();
  /* A clerk is asked once, by the manager's prompt. */
  g_assert_null (cf_test_find_dialog ("Sign Off the Report?"));
  dialog = cf_test_find_dialog ("Manager Approval Needed");
  g_assert_nonnull (dialog);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM handover_reports"), ==, 0);

  /* A wrong manager PIN asks again; the right one signs it, with both names. */
  cf_test_choose_operator (ADW_COMBO_ROW (cf_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Manager")), "099");
  cf_test_type_into (GTK_WIDGET (dialog), "Manager’s PIN", "1357");
  adw_message_dialog_response (dialog, "approve");
  cf_test_drain_main_loop ();
  dialog = cf_test_find_dialog ("Manager Approval Needed");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Wrong PIN"));
  g_assert_true (gtk_widget_has_css_class (cf_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL),
                                           "error"));
  advance_clock (2);  /* the wrong PIN's wait: a second, rounded up */
  cf_test_choose_operator (ADW_COMBO_ROW (cf_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Manager")), "099");
  cf_test_type_into (GTK_WIDGET (dialog), "Manager’s PIN", CF_DEMO_PIN);
  /* Enter in the PIN approves. */
  g_signal_emit_by_name (cf_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL), "entry-activated");
  cf_test_drain_main_loop ();
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM handover_reports"), ==, 1);
  details = cf_test_query_text (f->store, "SELECT details FROM audit_log WHERE action = 'sign-off-handover' "
                                          "AND operator_no = '001'");
  g_assert_nonnull (strstr (details, "[manager override: 099]"));
  g_assert_null (cf_store_get_override (f->store));
  cf_test_close_window (window);
  g_clear_pointer (&test_now, g_date_time_unref);
}

static void
test_audit_page_and_banner (CfTestDb      *f,
                            gconstpointer  data)
{
  CfWindow *window;
  CfAuditPage *audit;
  GtkWidget *operator_entry;
  gint64 expected;

  /* Someone edits the log behind the application's back. */
  g_assert_true (cf_store_add_audit_entry (f->store, "001", "test", NULL, 0, "first", NULL));
  g_assert_true (cf_store_add_audit_entry (f->store, "001", "test", NULL, 0, "second", NULL));
  g_assert_true (cf_store_exec (f->store, "DROP TRIGGER audit_log_append_only; "
                                          "UPDATE audit_log SET details = 'edited' WHERE details = 'first'", NULL));
  expected = cf_test_query_int (f->store, "SELECT id FROM audit_log WHERE details = 'edited'");

  window = cf_test_show_window (f->store, NULL);
  cf_test_wait_for (audit_warning_shown, window);
  {
    g_autofree char *needle = g_strdup_printf ("entry %lld ", (long long) expected);
    g_assert_nonnull (strstr (cf_window_get_audit_warning (window), needle));
  }

  /* The manager's Audit Log names the same entry and filters by operator. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-audit", NULL));
  cf_test_drain_main_loop ();
  g_assert_cmpstr (cf_window_get_visible_section (window), ==, "audit");
  audit = cf_window_get_audit_page (window);
  cf_test_wait_for (audit_verified, audit);
  g_assert_nonnull (strstr (cf_audit_page_get_status (audit), "Altered"));
  /* Verify the Chain runs in a worker: the page says so and the window draws. */
  cf_audit_page_verify (audit);
  g_assert_true (cf_audit_page_is_verifying (audit));
  g_assert_nonnull (strstr (cf_audit_page_get_status (audit), "Verifying"));
  cf_test_wait_for (audit_verified, audit);
  g_assert_nonnull (strstr (cf_audit_page_get_status (audit), "Altered"));
  operator_entry = cf_test_find_widget (GTK_WIDGET (audit), GTK_TYPE_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (operator_entry), "001");
  cf_test_drain_main_loop ();
  g_assert_cmpuint (cf_audit_page_get_n_shown (audit), ==,
                    cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE operator_no = '001'"));
  g_assert_cmpuint (cf_audit_page_get_n_shown (audit), >=, 2);

  /* The actions are listed by what they are called; choosing one narrows the log. */
  {
    GtkDropDown *actions = GTK_DROP_DOWN (cf_test_find_widget (GTK_WIDGET (audit), GTK_TYPE_DROP_DOWN, NULL));
    GListModel *labels = gtk_drop_down_get_model (actions);
    guint chosen = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "Signed in") == 0)
        chosen = i;
    g_assert_cmpuint (chosen, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (actions, chosen);
    cf_test_drain_main_loop ();
    g_assert_cmpuint (cf_audit_page_get_n_shown (audit), ==,
                      cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE operator_no = '001' "
                                                   "AND action = 'sign-in'"));
  }

  /* This desk's own new entry is listed when the log is shown again. */
  {
    guint before;

    gtk_editable_set_text (GTK_EDITABLE (operator_entry), "");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (cf_test_find_widget (GTK_WIDGET (audit), GTK_TYPE_DROP_DOWN, NULL)), 0);
    cf_test_drain_main_loop ();
    before = cf_audit_page_get_n_shown (audit);
    g_assert_true (cf_store_add_audit_entry (f->store, "001", "test-entry", "test", 1, NULL, NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "transactions"));
    cf_test_drain_main_loop ();
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "audit"));
    cf_test_drain_main_loop ();
    g_assert_cmpuint (cf_audit_page_get_n_shown (audit), ==, before + 1);
  }

  /* A clerk does not see it. */
  cf_test_switch_operator (window, "001");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-audit", NULL));
  g_assert_cmpstr (cf_window_get_visible_section (window), !=, "audit");
  cf_test_close_window (window);
}

static guint n_before_import;

static gboolean
command_line_rows_shown (gpointer window)
{
  return g_list_model_get_n_items (cf_window_get_transactions (window)) == n_before_import + 5;
}

static void
test_sees_command_line_import (CfTestDb      *f,
                               gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "COUNTERFOIL_PIN", CF_DEMO_PIN, TRUE);
  const char *argv[] = { g_getenv ("COUNTERFOIL_EXE"), "--db", f->db_path, "--operator", "002", "import", journal, NULL };
  g_autoptr(GSubprocess) import = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  n_before_import = g_list_model_get_n_items (cf_window_get_transactions (window));
  g_subprocess_launcher_set_environ (launcher, env);
  import = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  /* The window writes while the import runs: locking and signing in are audited. */
  for (int i = 0; i < 3; i++)
    cf_test_switch_operator (window, i % 2 == 0 ? "001" : "099");
  g_assert_true (g_subprocess_communicate_utf8 (import, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (import), ==, 0);
  g_assert_null (strstr (err, "locked"));

  /* Without a click, the new rows appear. */
  cf_test_wait_for (command_line_rows_shown, window);
  cf_test_close_window (window);
}

/* The activity watcher the window put on @widget for keys. */
static GtkEventController *
activity_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "cf-activity") == 0)
        return controller;
    }
  return NULL;
}

static void
test_typing_in_a_dialog_is_activity (CfTestDb      *f,
                                     gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  g_autoptr(GSettings) settings = g_settings_new ("org.counterfoil.Counterfoil");
  CfPreferencesWindow *prefs;
  GtkEventController *keys;
  gboolean handled = FALSE;
  gint64 typed_at;

  g_settings_set_uint (settings, "lock-after-minutes", 5);
  prefs = cf_preferences_window_new (GTK_WINDOW (window), cf_window_get_session (window));
  gtk_window_present (GTK_WINDOW (prefs));
  cf_test_drain_main_loop ();
  keys = activity_key_controller (GTK_WIDGET (prefs));
  g_assert_nonnull (keys);

  /* A second after signing in, a key in Preferences; five minutes less
   * half a second after that key, the window is not idle. */
  g_usleep (G_USEC_PER_SEC + G_USEC_PER_SEC / 10);
  typed_at = g_get_monotonic_time ();
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_a, 0, 0, &handled);
  g_assert_false (handled);
  g_assert_false (cf_window_lock_if_idle (window, typed_at + (gint64) G_USEC_PER_SEC * 299 + G_USEC_PER_SEC / 2));
  g_assert_true (cf_window_lock_if_idle (window, typed_at + (gint64) G_USEC_PER_SEC * 301));
  g_assert_true (cf_window_is_locked (window));
  cf_test_drain_main_loop ();
  cf_test_close_window (window);
}

static void
test_open_error_shown (void)
{
  g_autoptr(GError) error = g_error_new_literal (CF_STORE_ERROR, CF_STORE_ERROR_TOO_NEW,
                                                 "x.db was written by a newer Counterfoil");
  CfWindow *window = cf_test_show_window (NULL, error);

  g_assert_cmpstr (cf_window_get_visible_page (window), ==, "error");
  cf_test_close_window (window);
}

static void
change_my_pin (CfWindow   *window,
               const char *current,
               const char *new_pin,
               const char *again)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.change-pin", NULL));
  cf_test_drain_main_loop ();
  dialog = cf_test_find_dialog ("Change My PIN");
  g_assert_nonnull (dialog);
  cf_test_type_into (GTK_WIDGET (dialog), "Current PIN", current);
  cf_test_type_into (GTK_WIDGET (dialog), "New PIN", new_pin);
  cf_test_type_into (GTK_WIDGET (dialog), "The same new PIN again", again);
  adw_message_dialog_response (dialog, "change");
  cf_test_drain_main_loop ();
}

/* A clerk changes their own PIN: only with the current one, and the new one twice. */
static void
test_change_my_pin (CfTestDb      *f,
                    gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  g_autoptr(CfOperator) op = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *refusal;

  cf_test_switch_operator (window, "001");
  start_clock (window);

  change_my_pin (window, "0000", "4826", "4826");
  refusal = cf_test_find_dialog ("The PIN Was Not Changed");
  g_assert_nonnull (refusal);
  gtk_window_destroy (GTK_WINDOW (refusal));
  cf_test_drain_main_loop ();

  change_my_pin (window, CF_DEMO_PIN, "4826", "4862");
  refusal = cf_test_find_dialog ("The PIN Was Not Changed");
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "differ"));
  gtk_window_destroy (GTK_WINDOW (refusal));
  cf_test_drain_main_loop ();

  /* The wrong current PIN above made the next try wait: wait it out. */
  advance_clock (2);
  change_my_pin (window, CF_DEMO_PIN, "4826", "4826");
  g_assert_null (cf_test_find_dialog ("The PIN Was Not Changed"));
  op = cf_auth_sign_in (f->store, "001", "4826", test_now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (op);
  g_assert_null (cf_auth_sign_in (f->store, "002", "4826", test_now, NULL));
  cf_test_close_window (window);
  g_clear_pointer (&test_now, g_date_time_unref);
}

/* The Audit Log reads each entry's details as a sentence: no JSON, no code's
 * English phrase, a manager's approval in words; what it does not know, as stored. */
static void
test_audit_sentences (void)
{
  static const struct { const char *action; const char *details; const char *sentence; } cases[] = {
    { "move-request", "{\"from\":\"draft\",\"to\":\"submitted\"} [manager override: 099]",
      "Moved from “Draft” to “Submitted”. Approved by manager 099." },
    { "set-request-document", "{\"document\":\"business_licence\",\"state\":\"ready\"}", "Business licence marked ready." },
    { "set-request-fee", "{\"fee_minor\":5000,\"paid_on\":\"2026-11-30\"}", "A fee of ¥50.00, paid on 2026-11-30." },
    { "report-loss", "{\"slips\":4,\"requests\":1,\"cause\":\"human\"}", "4 slips reported lost (cause: human); 1 requests made." },
    { "sign-off-handover", "{\"sequence_no\":7,\"sha256\":\"ab\"}", "Signed off as handover report no. 000007." },
    { "lock-window", "by hand", "Locked by hand." },
    { "issue-duplicate", "{\"number\":2,\"copy\":\"cardholder\",\"reason\":\"customer\",\"output\":\"pdf\",\"code\":\"7K2Q-M9XD\"}",
      "Duplicate No. 2, Cardholder copy; check code 7K2Q-M9XD." },
    { "wrong-pin", "wrong PIN 2 of 5; next try after 2 s", "Wrong PIN, 2 of 5; the next try after 2 s." },
    { "close-shift", "[manager override: 099]", "Approved by manager 099." },
    { "save-operator", "王芳, clerk, PIN set", "王芳, a clerk, with a PIN." },
    { "create-first-manager", "李娜", "李娜" },
    { "move-request", "{not json", "{not json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sentence = cf_audit_sentence (cases[i].action, cases[i].details);

      g_assert_cmpstr (sentence, ==, cases[i].sentence);
    }
}

int
main (int    argc,
      char **argv)
{
  if (!cf_test_window_init (&argc, &argv))
    return 0;

  CF_TEST_ADD_DEMO ("/session/sign-in-lock-and-override", test_sign_in_lock_and_override);
  CF_TEST_ADD_DEMO ("/session/audit-page-and-banner", test_audit_page_and_banner);
  CF_TEST_ADD_DEMO ("/session/sees-command-line-import", test_sees_command_line_import);
  CF_TEST_ADD_DEMO ("/session/typing-in-a-dialog-is-activity", test_typing_in_a_dialog_is_activity);
  CF_TEST_ADD_DEMO ("/session/change-my-pin", test_change_my_pin);
  g_test_add_func ("/session/open-error-shown", test_open_error_shown);
  g_test_add_func ("/session/audit-sentences", test_audit_sentences);

  return g_test_run ();
}
