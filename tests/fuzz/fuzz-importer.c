/* fuzz-importer.c — any bytes as a whole journal file, imported as a dry run
 *
 * One database for the whole run; a dry run rolls every file back, so each
 * input meets the same empty shop. No card number may reach the report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cf-import-report.h"
#include "cf-importer.h"
#include "cf-store.h"
#include "fuzz-target.h"

static CfStore *store;
static char *dir;
static char *input_path;

/* The replay runs in the suite, which leaves nothing behind. */
static void
clean_up (void)
{
  g_autofree char *db = g_build_filename (dir, "fuzz.db", NULL);
  const char *suffixes[] = { "", "-wal", "-shm", ".anchors" };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
      g_unlink (path);
    }
  g_unlink (input_path);
  g_rmdir (dir);
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  dir = g_dir_make_tmp ("counterfoil-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (clean_up);
  db = g_build_filename (dir, "fuzz.db", NULL);
  input_path = g_build_filename (dir, "input.csv", NULL);
  store = cf_store_open (db, &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CfImporter) importer = NULL;
  g_autoptr(CfImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    set_up ();
  g_assert_true (g_file_set_contents (input_path, (const char *) data, (gssize) size, NULL));

  importer = cf_importer_new (store);
  cf_importer_set_dry_run (importer, TRUE);
  cf_importer_set_operator (importer, "001");
  report = cf_importer_import_file (importer, input_path, NULL, NULL, NULL, &error);
  if (report == NULL)
    g_assert_nonnull (error);
  else
    g_assert_cmpuint (report->imported + report->rejected + report->duplicates + report->conflicts, <=, report->rows);
  g_assert_cmpint (cf_store_count_transactions (store, NULL), ==, 0);
  return 0;
}
