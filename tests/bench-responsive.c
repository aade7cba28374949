/* bench-responsive.c — the main loop while a shop of 200,000 transactions is
 * backed up, restored and its audit chain verified
 *
 *   build-aux/dev bench        (or: bench-responsive)
 *
 * The window starts these through cf_store_back_up_async(),
 * cf_store_restore_async() and cf_store_verify_async(). A 10 ms timer on the
 * main loop stands for the frame clock: the longest gap between its ticks
 * is how long the window would not draw. Reported with each job's length.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cf-auth.h"
#include "cf-demo.h"
#include "cf-store-private.h"
#include "cf-store-task.h"

typedef struct
{
  GMainLoop *loop;
  gint64     last_tick;
  gint64     longest_gap;
  guint      ticks;
  gpointer   result;
  GError    *error;
} Watch;

static gboolean
tick_cb (gpointer data)
{
  Watch *watch = data;
  gint64 now = g_get_monotonic_time ();

  watch->longest_gap = MAX (watch->longest_gap, now - watch->last_tick);
  watch->last_tick = now;
  watch->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
backed_up_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Watch *watch = data;
  watch->result = cf_store_back_up_finish (CF_STORE (source), result, &watch->error);
  g_main_loop_quit (watch->loop);
}

static void
restored_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Watch *watch = data;
  watch->result = cf_store_restore_finish (CF_STORE (source), result, &watch->error);
  g_main_loop_quit (watch->loop);
}

static void
verified_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Watch *watch = data;
  watch->result = cf_store_verify_finish (CF_STORE (source), result, NULL, &watch->error);
  g_main_loop_quit (watch->loop);
}

/* Runs what @start starts until its callback quits the loop. */
static void
watch_job (const char *what,
           Watch      *watch,
           void      (*start) (Watch *, gpointer),
           gpointer    data)
{
  gint64 t0 = g_get_monotonic_time ();
  guint id;

  watch->loop = g_main_loop_new (NULL, FALSE);
  watch->last_tick = t0;
  watch->longest_gap = 0;
  watch->ticks = 0;
  id = g_timeout_add (10, tick_cb, watch);
  start (watch, data);
  g_main_loop_run (watch->loop);
  g_source_remove (id);
  g_main_loop_unref (watch->loop);
  if (watch->error != NULL)
    g_error ("%s: %s", what, watch->error->message);
  g_print ("%-28s %7.2f s   main loop: %5u ticks, longest gap %5.1f ms\n", what,
           (g_get_monotonic_time () - t0) / 1e6, watch->ticks, watch->longest_gap / 1000.0);
}

static CfStore *store;
static char *backup_path;

static void
start_backup (Watch *watch, gpointer data)
{
  cf_store_back_up_async (store, 100, NULL, backed_up_cb, watch);
}

static void
start_restore (Watch *watch, gpointer data)
{
  cf_store_restore_async (store, backup_path, "099", CF_RESTORE_DEFAULT, NULL, restored_cb, watch);
}

static void
start_verify (Watch *watch, gpointer data)
{
  cf_store_verify_async (store, NULL, verified_cb, watch);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("cf-bench-responsive-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GDateTime) until = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 200000;
  Watch watch = { 0 };
  gint64 t0;

  store = cf_store_open (db, &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  if (!cf_demo_populate (store, n, 7, until, NULL, &error))
    g_error ("%s", error->message);
  g_print ("demo shop of %u transactions made in %.1f s\n", n, (g_get_monotonic_time () - t0) / 1e6);
  /* Many audit entries, as years of work leave them. */
  g_assert_true (cf_store_exec (store, "BEGIN", NULL));
  for (guint i = 0; i < 100000; i++)
    g_assert_true (cf_store_add_audit_entry (store, "099", "bench", NULL, 0, "an entry", NULL));
  g_assert_true (cf_store_exec (store, "COMMIT", NULL));

  watch_job ("back up", &watch, start_backup, NULL);
  backup_path = watch.result;
  watch_job ("verify the audit chain", &watch, start_verify, NULL);
  g_ptr_array_unref (watch.result);
  watch_job ("restore the backup", &watch, start_restore, NULL);
  g_free (watch.result);

  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (cmd), ==, 0);
  }
  g_free (backup_path);
  return 0;
}
