/* cf-test-window.h — building the real window in a test and driving it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-test-util.h"
#include "cf-window-private.h"

G_BEGIN_DECLS

gboolean  cf_test_window_init (int     *argc,
                               char  ***argv);

/* How many searches the window had finished when a test last looked. */
extern guint cf_test_searches_before;

void cf_test_drain_main_loop (void);
void cf_test_wait_for (gboolean (*done) (gpointer), gpointer data);
gboolean cf_test_search_finished (gpointer window);
void cf_test_type_search (CfWindow *window, const char *text);
gboolean cf_test_import_finished (gpointer window);
GtkWidget *cf_test_find_widget (GtkWidget *widget, GType type, const char *text);
void cf_test_type_into (GtkWidget *root, const char *title, const char *text);
void cf_test_choose_operator (AdwComboRow *combo, const char *no);
void cf_test_sign_in (CfWindow *window, const char *no, const char *pin);
CfWindow *cf_test_show_window (CfStore *store, const GError *error);
void cf_test_switch_operator (CfWindow *window, const char *no);
void cf_test_close_window (CfWindow *window);
char *cf_test_details_text (CfWindow *window);
void cf_test_demo_setup (CfTestDb *f, gconstpointer data);
AdwMessageDialog *cf_test_find_dialog (const char *heading);
gpointer cf_test_find_toplevel (GType type);

/* A test on a copy of the demo shop, signed in as its manager by cf_test_show_window(). */
#define CF_TEST_ADD_DEMO(path, func) \
  g_test_add (path, CfTestDb, NULL, cf_test_demo_setup, func, cf_test_db_teardown)
/* A test on an empty database. */
#define CF_TEST_ADD_EMPTY(path, func) \
  g_test_add (path, CfTestDb, NULL, cf_test_db_setup, func, cf_test_db_teardown)

G_END_DECLS
