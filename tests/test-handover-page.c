/* test-handover-page.c — the Handover section under Xvfb: a shift from opening to its signed report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-handover-page-private.h"
#include "cf-store-private.h"
#include "cf-test-window.h"

static char *
report_text (CfHandoverPage *page)
{
  g_assert_nonnull (cf_handover_page_get_report (page));
  return cf_report_doc_to_text (cf_handover_page_get_report (page));
}

static void
test_handover_shift_to_sign_off (CfTestDb      *f,
                                 gconstpointer  data)
{
  CfWindow *window = cf_test_show_window (f->store, NULL);
  CfHandoverPage *page = cf_window_get_handover_page (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *signed_text = NULL;
  gint64 id;

  g_assert_nonnull (page);
  g_assert_cmpuint (cf_handover_page_get_n_shifts (page), ==, 0);
  g_assert_null (cf_handover_page_get_report (page));

  /* The clerk at the desk opens a shift; opening a second is refused. */
  cf_test_switch_operator (window, "001");
  g_assert_true (cf_handover_page_open_shift (page, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cf_handover_page_get_n_shifts (page), ==, 1);
  g_assert_false (cf_handover_page_open_shift (page, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  draft = report_text (page);
  g_assert_nonnull (strstr (draft, "草稿 DRAFT"));
  g_assert_nonnull (strstr (draft, "001 王芳"));

  /* Eight hours later (the clock is moved, not waited for) she hands over. */
  id = cf_test_query_int (f->store, "SELECT id FROM shifts");
  g_assert_true (cf_store_exec (f->store, "UPDATE shifts SET started_at = datetime (started_at, '-8 hours')", NULL));
  cf_handover_page_reload (page);
  g_assert_true (cf_handover_page_close_shift (page, "002", "钱箱已清点", "", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM shifts WHERE ended_at IS NOT NULL"), ==, 1);

  /* A clerk cannot sign off; the manager can, and the report says so. */
  g_assert_false (cf_handover_page_sign_off (page, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  cf_test_switch_operator (window, "099");
  g_assert_true (cf_handover_page_select_shift (page, id));
  g_assert_true (cf_handover_page_sign_off (page, &error));
  g_assert_no_error (error);
  signed_text = report_text (page);
  g_assert_null (strstr (signed_text, "DRAFT"));
  g_assert_nonnull (strstr (signed_text, "No. 000001"));
  g_assert_nonnull (strstr (signed_text, "002 李娜"));
  g_assert_nonnull (strstr (signed_text, "钱箱已清点"));
  cf_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!cf_test_window_init (&argc, &argv))
    return 0;

  CF_TEST_ADD_DEMO ("/handover/shift-to-sign-off", test_handover_shift_to_sign_off);

  return g_test_run ();
}
