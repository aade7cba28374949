/* cf-import-profiles.c — where import profiles come from: built in, the
 * user's folder, or a file named on the command line
 *
 * A profile in the user's folder replaces the built-in one of its name, so
 * that a shop can correct a layout without waiting for a release.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-import-profile.h"

#define RESOURCE_DIR "/org/counterfoil/Counterfoil/import-profiles"

static void
replace_by_name (GPtrArray       *profiles,
                 CfImportProfile *profile)
{
  for (guint i = 0; i < profiles->len; i++)
    {
      CfImportProfile *other = g_ptr_array_index (profiles, i);

      if (g_str_equal (cf_import_profile_get_name (other), cf_import_profile_get_name (profile)))
        {
          g_ptr_array_index (profiles, i) = profile;
          g_object_unref (other);
          return;
        }
    }
  g_ptr_array_add (profiles, profile);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The profiles of a folder, one per name; a file that cannot be read or is
 * not a valid profile is passed over, and said in @skipped, so that one
 * broken file does not stop every import. */
static void
load_directory (GPtrArray  *profiles,
                const char *path,
                GPtrArray  *skipped)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;  /* no such folder: nothing added */

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".profile"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      CfImportProfile *profile = NULL;
      gsize len;

      if (g_file_get_contents (file, &contents, &len, &error))
        profile = cf_import_profile_new_from_data (contents, len, file, &error);
      if (profile == NULL)
        {
          if (skipped != NULL)
            g_ptr_array_add (skipped, g_strdup_printf (_("The import profile %s was passed over: %s"), file,
                                                       error->message));
          continue;
        }
      replace_by_name (profiles, profile);
    }
}

/**
 * cf_import_profile_load_all:
 * @skipped: (nullable) (element-type utf8): receives a message for each
 *   installed or user profile passed over because it is broken
 *
 * Returns: (transfer full) (element-type CfImportProfile): the built-in
 *   profiles, then the installed ones, then the user's, one per name
 */
GPtrArray *
cf_import_profile_load_all (GPtrArray  *skipped,
                            GError    **error)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) children = g_resources_enumerate_children (RESOURCE_DIR, 0, NULL);
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "counterfoil", "import-profiles", NULL);
  const char *extra = g_getenv ("COUNTERFOIL_PROFILE_DIR");

  /* In name order, so that a tie between two profiles always goes the same way. */
  if (children != NULL)
    qsort (children, g_strv_length (children), sizeof (char *), compare_names);
  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", RESOURCE_DIR, children[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      CfImportProfile *profile;

      /* A built-in profile is part of the program: one that fails is a bug. */
      if (bytes == NULL)
        return NULL;
      profile = cf_import_profile_new_from_data (g_bytes_get_data (bytes, NULL),
                                                 g_bytes_get_size (bytes), path, error);
      if (profile == NULL)
        return NULL;
      replace_by_name (profiles, profile);
    }

  load_directory (profiles, PKGDATADIR "/import-profiles", skipped);
  load_directory (profiles, user_dir, skipped);
  if (extra != NULL)
    load_directory (profiles, extra, skipped);

  return g_steal_pointer (&profiles);
}
