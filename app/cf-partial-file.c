/* cf-partial-file.c — files written aside and renamed into place
 *
 * A PDF, a backup or a duplicate is written under a name of its own beside
 * its target — `.NAME-XXXXXX.partial`, hidden and unique — and renamed to
 * the target only when whole, so that a crash never leaves half a file
 * under the name a person chose, and a person's own `NAME.partial` is never
 * written over or removed. What a killed run left is removed once it is an
 * hour old: nothing Counterfoil writes takes that long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cf-partial-file.h"

#define SUFFIX ".partial"
#define UNIQUE "XXXXXX"

/**
 * cf_partial_file_new:
 * @target: the file that will be written
 *
 * Creates an empty file beside @target to write it into.
 *
 * Returns: (transfer full): its path, or %NULL with @error set
 */
char *
cf_partial_file_new (const char  *target,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = g_strdup_printf (".%s-" UNIQUE SUFFIX, base);
  char *path = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), _("Cannot write in %s: %s"), dir,
                   g_strerror (saved_errno));
      g_free (path);
      return NULL;
    }
  close (fd);
  return path;
}

/**
 * cf_partial_file_is_ours:
 *
 * Returns: whether @name (a file's name, no folder) is one that
 *   cf_partial_file_new() makes
 */
gboolean
cf_partial_file_is_ours (const char *name)
{
  gsize len = strlen (name);
  gsize tail = strlen ("-" UNIQUE SUFFIX);

  return name[0] == '.' && len > tail + 1 && g_str_has_suffix (name, SUFFIX) && name[len - tail] == '-';
}

/**
 * cf_partial_file_prune:
 *
 * Removes the partial files in @dir older than @older_than_seconds: what
 * runs killed halfway left.
 *
 * Returns: how many were removed
 */
guint
cf_partial_file_prune (const char *dir,
                       gint64      older_than_seconds)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf info;

      if (!cf_partial_file_is_ours (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &info) == 0 && (gint64) info.st_mtime < now - older_than_seconds && g_unlink (path) == 0)
        removed++;
    }
  return removed;
}
