/* cf-store-backup.c — copies of the database: backup, checking, restore
 *
 * A backup is SQLite's online backup of one read snapshot into a single
 * file (journal_mode DELETE), counted only once it passes integrity, schema
 * and row-count checks, and only then renamed into place, so a crash never
 * leaves a half file under a backup's name. A restore checks a copy of the
 * backup in full, keeps the current database aside as a backup of its own,
 * then copies the backup into the live database through the same API, so
 * that other connections (the window, a command) see it at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "cf-auth.h"
#include "cf-store-private.h"

/* backups/ beside the database */
static char *
backups_dir (CfStore *self)
{
  g_autofree char *dir = g_path_get_dirname (cf_store_get_path (self));

  return g_build_filename (dir, "backups", NULL);
}

/* `shop-` for shop.db: what the names of its backups begin with */
static char *
backup_prefix (CfStore *self)
{
  g_autofree char *base = g_path_get_basename (cf_store_get_path (self));
  char *dot = strrchr (base, '.');

  if (dot != NULL)
    *dot = '\0';
  return g_strconcat (base, "-", NULL);
}

static gint64
count_rows (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The tables whose row counts a backup must match. */
static const char *const counted_tables[] = {
  "transactions", "imports", "duplicates", "loss_incidents", "replacement_requests", "shifts",
  "handover_reports", "audit_log", "operators",
};

/* Opens @path read-only and checks it is a sound copy with @expected rows. */
static gboolean
verify_backup (const char    *path,
               const gint64  *expected,
               GError       **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    problem = g_strdup (sqlite3_errmsg (db));
  else if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK ||
           sqlite3_step (stmt) != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    problem = g_strdup (_("it fails SQLite's integrity check"));
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (problem == NULL && (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
                          sqlite3_step (stmt) != SQLITE_ROW ||
                          sqlite3_column_int (stmt, 0) != CF_STORE_SCHEMA_VERSION))
    problem = g_strdup (_("its schema version is not this one"));
  sqlite3_finalize (stmt);
  for (guint i = 0; problem == NULL && i < G_N_ELEMENTS (counted_tables); i++)
    if (count_rows (db, counted_tables[i]) != expected[i])
      problem = g_strdup_printf (_("it holds %lld rows of %s instead of %lld"), (long long) count_rows (db, counted_tables[i]),
                                 counted_tables[i], (long long) expected[i]);
  sqlite3_close (db);
  if (problem != NULL)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("The backup %s is not sound: %s"), path, problem);
      return FALSE;
    }
  return TRUE;
}

/**
 * cf_store_backup:
 * @path: a file that does not exist yet
 *
 * Copies the database with SQLite's online backup while others keep
 * working, then checks the copy (integrity, schema version, the row counts
 * of the snapshot it was taken from). The copy appears at @path only once
 * it is sound.
 */
gboolean
cf_store_backup (CfStore     *self,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  gint64 expected[G_N_ELEMENTS (counted_tables)];
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("%s exists already; choose another name"), path);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("Cannot create the folder %s: %s"), dir,
                   g_strerror (saved_errno));
      return FALSE;
    }
  g_unlink (partial);
  if (sqlite3_open_v2 (partial, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("Cannot write %s: %s"), partial, sqlite3_errmsg (copy));
      sqlite3_close (copy);
      return FALSE;
    }

  /* One read transaction: the copy and the counts it is checked against are the same snapshot. */
  if (!cf_store_exec (self, "BEGIN", error))
    {
      sqlite3_close (copy);
      g_unlink (partial);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (counted_tables); i++)
    expected[i] = count_rows (cf_store_get_db (self), counted_tables[i]);
  backup = sqlite3_backup_init (copy, "main", cf_store_get_db (self), "main");
  rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (copy);
  if (backup != NULL)
    sqlite3_backup_finish (backup);
  cf_store_exec (self, "COMMIT", NULL);
  if (rc != SQLITE_DONE)
    g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("The backup to %s failed: %s"), path, sqlite3_errstr (rc));
  /* A single file, not in WAL mode, so that it can be copied anywhere as it is. */
  else if (sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("The backup to %s failed: %s"), path, sqlite3_errmsg (copy));
  else
    ok = TRUE;
  sqlite3_close (copy);

  ok = ok && verify_backup (partial, expected, error);
  if (ok && g_rename (partial, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

/**
 * cf_store_dup_backup_path:
 *
 * Returns: (transfer full): where a backup taken @now goes by default:
 *   `backups/NAME-YYYYMMDD-HHMMSS.db` beside the database
 */
char *
cf_store_dup_backup_path (CfStore   *self,
                          GDateTime *now)
{
  g_autofree char *dir = backups_dir (self);
  g_autofree char *prefix = backup_prefix (self);

  /* Two backups in one second (on demand just after the daily one) get
   * the next free second, so that neither is refused for its name. */
  for (int later = 0;; later++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, later);
      g_autofree char *stamp = g_date_time_format (when, "%Y%m%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("%s%s.db", prefix, stamp);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *partial = g_strconcat (path, ".partial", NULL);

      if (later == 60 || (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (partial, G_FILE_TEST_EXISTS)))
        return g_steal_pointer (&path);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* What a backup killed halfway left, once an hour has passed: no backup
 * that is still being written takes that long on a shop's database. */
static void
remove_if_stale (const char *dir,
                 const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf info;

  if (g_stat (path, &info) == 0 && (gint64) info.st_mtime < g_get_real_time () / G_USEC_PER_SEC - 3600)
    g_unlink (path);
}

/**
 * cf_store_prune_backups:
 * @keep: how many of the latest default backups to keep
 *
 * Also removes what killed backups left (`.partial` files over an hour old).
 *
 * Returns: how many older backups were removed
 */
guint
cf_store_prune_backups (CfStore *self,
                        guint    keep)
{
  g_autofree char *backups = backups_dir (self);
  g_autofree char *prefix = backup_prefix (self);
  g_autoptr(GDir) listing = g_dir_open (backups, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint removed = 0;

  if (listing == NULL)
    return 0;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db") && strlen (name) == strlen (prefix) + 18)
        g_ptr_array_add (names, g_strdup (name));
      else if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".partial"))
        remove_if_stale (backups, name);
    }
  /* The time stamps sort as text: oldest first. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *file = g_build_filename (backups, g_ptr_array_index (names, i), NULL);

      if (g_unlink (file) == 0)
        removed++;
    }
  return removed;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const char *path_a = *(char * const *) a;
  const char *path_b = *(char * const *) b;
  GStatBuf stat_a, stat_b;

  if (g_stat (path_a, &stat_a) != 0 || g_stat (path_b, &stat_b) != 0 || stat_a.st_mtime == stat_b.st_mtime)
    return -strcmp (path_a, path_b);
  return stat_a.st_mtime < stat_b.st_mtime ? 1 : -1;
}

/**
 * cf_store_list_backups:
 *
 * Returns: (transfer full) (element-type filename): the backups of this
 *   database in its backups folder, the daily and on-demand ones and those
 *   kept aside by a restore, newest first
 */
GPtrArray *
cf_store_list_backups (CfStore *self)
{
  g_autofree char *backups = backups_dir (self);
  g_autofree char *prefix = backup_prefix (self);
  g_autoptr(GDir) listing = g_dir_open (backups, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (CF_IS_STORE (self), paths);

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (paths, g_build_filename (backups, name, NULL));
  g_ptr_array_sort (paths, compare_newest_first);
  return paths;
}

static void
remove_database_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Checks a copy of @backup in full, brought up to this build's schema,
 * and returns it open; @backup itself is never written. */
static CfStore *
open_checked_copy (CfStore     *self,
                   const char  *backup,
                   const char  *copy_path,
                   GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (backup);
  g_autoptr(GFile) target = g_file_new_for_path (copy_path);
  g_autoptr(CfStore) copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("Cannot read the backup %s: %s"), backup,
                   local_error->message);
      return NULL;
    }
  if ((copy = cf_store_open (copy_path, &local_error)) == NULL ||
      (problems = cf_store_check (copy, &local_error)) == NULL)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_OURS, _("%s cannot be restored: %s"), backup,
                   local_error->message);
      return NULL;
    }
  if (problems->len > 0)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_OURS, _("%s cannot be restored: %s"), backup,
                   (const char *) g_ptr_array_index (problems, 0));
      return NULL;
    }
  return g_steal_pointer (&copy);
}

/**
 * cf_store_restore:
 * @backup: a backup file, from cf_store_backup() or a copy of the database
 * @operator_no: the manager restoring it
 * @kept_as: (out) (optional) (transfer full): where the database as it was
 *   before is kept
 *
 * Puts @backup in place of the database. The backup is checked first
 * (integrity, links, audit chain) on a copy; the database as it stands is
 * backed up beside the others; then the backup's content replaces it in
 * one write, and the restore is the first entry after the backup's audit
 * log. Nothing changes when any step fails.
 */
gboolean
cf_store_restore (CfStore     *self,
                  const char  *backup,
                  const char  *operator_no,
                  char       **kept_as,
                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = backups_dir (self);
  g_autofree char *prefix = backup_prefix (self);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside_name = g_strdup_printf ("%sbefore-restore-%s.db", prefix, stamp);
  g_autofree char *aside = g_build_filename (dir, aside_name, NULL);
  g_autofree char *copy_path = g_strconcat (cf_store_get_path (self), ".restoring", NULL);
  g_autofree char *details = NULL;
  g_autoptr(CfStore) copy = NULL;
  g_autoptr(GFile) live_file = g_file_new_for_path (cf_store_get_path (self));
  g_autoptr(GFile) backup_file = g_file_new_for_path (backup);
  sqlite3_backup *swap;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  if (!cf_auth_require_manager (self, operator_no, _("Only a manager restores a backup"), error))
    return FALSE;
  if (g_file_equal (live_file, backup_file))
    {
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN,
                           _("That is the database itself; choose one of its backups"));
      return FALSE;
    }
  remove_database_files (copy_path);
  copy = open_checked_copy (self, backup, copy_path, error);
  if (copy == NULL)
    {
      remove_database_files (copy_path);
      return FALSE;
    }
  if (!cf_store_backup (self, aside, error))
    {
      g_clear_object (&copy);
      remove_database_files (copy_path);
      return FALSE;
    }

  swap = sqlite3_backup_init (cf_store_get_db (self), "main", cf_store_get_db (copy), "main");
  rc = swap != NULL ? sqlite3_backup_step (swap, -1) : sqlite3_errcode (cf_store_get_db (self));
  if (swap != NULL)
    sqlite3_backup_finish (swap);
  g_clear_object (&copy);
  remove_database_files (copy_path);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_SQL, _("Restoring %s failed, the database is as it was: %s"),
                   backup, sqlite3_errstr (rc));
      return FALSE;
    }

  details = g_strdup_printf ("from %s; the database before it kept as %s", backup, aside);
  if (!cf_store_add_audit_entry (self, operator_no, "restore-backup", NULL, 0, details, error))
    return FALSE;
  if (kept_as != NULL)
    *kept_as = g_steal_pointer (&aside);
  return TRUE;
}
