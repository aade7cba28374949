/* cf-test-window.c — building the real window in a test and driving it
 * as a person would: signing in, typing, waiting for what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cf-demo.h"
#include "cf-sign-in-page-private.h"
#include "cf-test-window.h"

void
cf_test_drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done (@data) says so, at most 30 s. */
void
cf_test_wait_for (gboolean (*done) (gpointer),
          gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (30000, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  cf_test_drain_main_loop ();
}

guint cf_test_searches_before;

gboolean
cf_test_search_finished (gpointer window)
{
  return cf_window_get_n_searches (window) > cf_test_searches_before;
}

void
cf_test_type_search (CfWindow   *window,
             const char *text)
{
  cf_test_searches_before = cf_window_get_n_searches (window);
  gtk_editable_set_text (cf_window_get_search_entry (window), text);
  cf_test_wait_for (cf_test_search_finished, window);
}

gboolean
cf_test_import_finished (gpointer window)
{
  return !cf_window_is_importing (window);
}

/* The first descendant of @widget of @type whose title (a row's) or label
 * (a button's) is @text; any of @type when @text is NULL. */
GtkWidget *
cf_test_find_widget (GtkWidget  *widget,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      const char *own = ADW_IS_PREFERENCES_ROW (widget) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))
                        : GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

      if (text == NULL || g_strcmp0 (own, text) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cf_test_find_widget (child, type, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
cf_test_type_into (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = cf_test_find_widget (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Chooses the entry of @combo whose label holds "(@no)". */
void
cf_test_choose_operator (AdwComboRow *combo,
                 const char  *no)
{
  GListModel *model = adw_combo_row_get_model (combo);
  g_autofree char *needle = g_strdup_printf ("(%s)", no);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), needle) != NULL)
      {
        adw_combo_row_set_selected (combo, i);
        return;
      }
  g_assert_not_reached ();
}

/* Signs in through the sign-in page, as a person would: chooses the
 * operator, types the PIN, presses the button. On a new database the page
 * asks for the first manager instead, who is then @no with @pin. */
void
cf_test_sign_in (CfWindow   *window,
         const char *no,
         const char *pin)
{
  GtkWidget *page = GTK_WIDGET (cf_window_get_sign_in_page (window));

  g_assert_true (cf_window_is_locked (window));
  if (cf_sign_in_page_is_setup (CF_SIGN_IN_PAGE (page)))
    {
      cf_test_type_into (page, "Operator no. (as printed on slips)", no);
      cf_test_type_into (page, "Name", "赵敏");
      cf_test_type_into (page, "PIN (4 to 12 digits)", pin);
      cf_test_type_into (page, "The same PIN again", pin);
      g_signal_emit_by_name (cf_test_find_widget (page, GTK_TYPE_BUTTON, "_Create and Sign In"), "clicked");
    }
  else
    {
      cf_test_choose_operator (ADW_COMBO_ROW (cf_test_find_widget (page, ADW_TYPE_COMBO_ROW, "Operator")), no);
      cf_test_type_into (page, "PIN", pin);
      g_signal_emit_by_name (cf_test_find_widget (page, GTK_TYPE_BUTTON, "_Sign In"), "clicked");
    }
  cf_test_drain_main_loop ();
}

CfWindow *
cf_test_show_window (CfStore      *store,
             const GError *error)
{
  CfWindow *window;

  cf_test_searches_before = 0;
  window = cf_window_new (NULL, store, error);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_drain_main_loop ();
  if (store != NULL)
    {
      /* The demo shop's manager, or the first manager of an empty database. */
      cf_test_sign_in (window, "099", CF_DEMO_PIN);
      g_assert_false (cf_window_is_locked (window));
    }
  if (store != NULL && cf_store_count_transactions (store, NULL) > 0)
    cf_test_wait_for (cf_test_search_finished, window);
  cf_test_drain_main_loop ();
  return window;
}

/* Locks the window and signs someone else in. */
void
cf_test_switch_operator (CfWindow   *window,
                 const char *no)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  cf_test_sign_in (window, no, CF_DEMO_PIN);
  g_assert_false (cf_window_is_locked (window));
  g_assert_cmpstr (cf_window_get_operator (window), ==, no);
}

void
cf_test_close_window (CfWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_drain_main_loop ();
  g_assert_finalize_object (window);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (out, "%s\n", gtk_button_get_label (GTK_BUTTON (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

char *
cf_test_details_text (CfWindow *window)
{
  GString *out = g_string_new (NULL);

  collect_labels (cf_window_get_details (window), out);
  return g_string_free (out, FALSE);
}

void
cf_test_demo_setup (CfTestDb      *f,
                    gconstpointer  data)
{
  cf_test_db_setup (f, data);
  cf_test_db_add_demo (f, 3000, 5);
}

/* The newest message dialog with @heading, or NULL. */
AdwMessageDialog *
cf_test_find_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

/**
 * cf_test_window_init:
 *
 * g_test_init(), GTK and libadwaita, for a program of window tests.
 *
 * Returns: %FALSE when there is no display: the whole program is skipped
 */
gboolean
cf_test_window_init (int    *argc,
                     char ***argv)
{
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      /* TAP's way of saying the whole program was skipped. */
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

/**
 * cf_test_find_toplevel:
 *
 * Returns: (nullable) (transfer none): the first window of @type open now
 */
gpointer
cf_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}
