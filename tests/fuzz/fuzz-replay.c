/* fuzz-replay.c — runs a fuzz target over its corpus, as a test
 *
 * Without libFuzzer (the ordinary and the ASan builds), each target is
 * linked with this main instead: it feeds every file of the directories
 * named on the command line (the seed corpus, the crashes found so far) to
 * the target once, so that the suite replays them all under AddressSanitizer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <locale.h>

#include "fuzz-target.h"

static guint
replay_directory (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint n = 0;

  if (listing == NULL)
    return 0;
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          n += replay_directory (path);
          continue;
        }
      if (!g_file_get_contents (path, &contents, &len, NULL))
        continue;
      LLVMFuzzerTestOneInput ((const guint8 *) contents, len);
      n++;
    }
  return n;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    n += replay_directory (argv[i]);
  g_print ("replayed %u inputs without a crash or a failed check\n", n);
  return n > 0 ? 0 : 1;
}
