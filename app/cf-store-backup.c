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

#include "cf-audit-anchors-private.h"
#include "cf-auth.h"
#include "cf-partial-file.h"
#include "cf-store-private.h"

/* backups/ beside the database; a server's, in this desk's data folder */
static char *
backups_dir (CfStore *self)
{
  g_autofree char *dir = cf_store_is_server (self)
                         ? g_build_filename (g_get_user_data_dir (), "counterfoil", "servers", NULL)
                         : g_path_get_dirname (cf_store_get_path (self));

  return g_build_filename (dir, "backups", NULL);
}

/* `shop-` for shop.db (or a server's database shop): what the names of its
 * backups begin with */
static char *
backup_prefix (CfStore *self)
{
  g_autofree char *base = cf_store_dup_display_name (self);
  char *end = cf_store_is_server (self) ? strchr (base, ' ') : strrchr (base, '.');

  if (end != NULL)
    *end = '\0';
  g_strcanon (base, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.", '_');
  return g_strconcat (base, "-", NULL);
}

/* A file's backup is a database file; a server's, pg_dump's archive. */
static const char *
backup_suffix (CfStore *self)
{
  return cf_store_is_server (self) ? ".dump" : ".db";
}

static gint64
count_rows (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  return n;
}

/* The tables whose row counts a backup must match. */
/* The tables whose rows a backup is counted by, on either engine. */
const char *const cf_store_backup_counted[CF_STORE_BACKUP_N_COUNTED] = {
  "transactions", "imports", "duplicates", "loss_incidents", "replacement_requests", "shifts",
  "handover_reports", "audit_log", "operators",
};

/* Opens @path read-only and checks it is a sound copy with @expected rows. */
/* The head of the chain in a copy open as SQLite's own connection. */
static gboolean
head_of (sqlite3  *lite,
         gint64   *id,
         char    **hash)
{
  CfDb *db = cf_db_borrow_sqlite (lite);
  gboolean ok = cf_audit_head (db, id, hash);

  cf_db_close (db);
  return ok;
}

static gboolean
verify_backup (const char    *path,
               const gint64  *expected,
               GError       **error)
{
  sqlite3 *db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *problem = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    problem = g_strdup (sqlite3_errmsg (db));
  else if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK ||
           sqlite3_step (stmt) != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    problem = g_strdup (_("it fails SQLite's integrity check"));
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = NULL;
  if (problem == NULL && (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
                          sqlite3_step (stmt) != SQLITE_ROW ||
                          sqlite3_column_int (stmt, 0) != CF_STORE_SCHEMA_VERSION))
    problem = g_strdup (_("its schema version is not this one"));
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (guint i = 0; problem == NULL && i < G_N_ELEMENTS (cf_store_backup_counted); i++)
    if (count_rows (db, cf_store_backup_counted[i]) != expected[i])
      problem = g_strdup_printf (_("it holds %lld rows of %s instead of %lld"), (long long) count_rows (db, cf_store_backup_counted[i]),
                                 cf_store_backup_counted[i], (long long) expected[i]);
  sqlite3_close (db);
  if (problem != NULL)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("The backup %s is not sound: %s"), path, problem);
      return FALSE;
    }
  return TRUE;
}

/* Every backup carries the anchors known when it was made, so that they
 * travel with it to wherever it is restored. */
static gboolean
embed_anchors (sqlite3    *copy,
               const char *db_path)
{
  g_autofree char *path = cf_audit_anchors_path (db_path);
  g_autofree char *text = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return TRUE;
  ok = sqlite3_prepare_v2 (copy, "INSERT OR REPLACE INTO settings (key, value) VALUES ('audit.anchors', ?)",
                           -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_DONE;
  return ok;
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
  return cf_store_backup_cancellable (self, path, NULL, error);
}

/**
 * cf_store_backup_cancellable:
 *
 * As cf_store_backup(); cancelling stops the copy between pages and leaves
 * no file.
 */
gboolean
cf_store_backup_cancellable (CfStore       *self,
                             const char    *path,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *partial = NULL;
  gint64 expected[G_N_ELEMENTS (cf_store_backup_counted)];
  g_autofree char *head_hash = NULL;
  gint64 head_id = 0;
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
  /* What killed backups left in this folder goes, once it is an hour old. */
  cf_partial_file_prune (dir, 3600);
  if (cf_store_is_server (self))
    return cf_store_backup_server (self, path, cancellable, error);
  if ((partial = cf_partial_file_new (path, error)) == NULL)
    return FALSE;
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
  for (guint i = 0; i < G_N_ELEMENTS (cf_store_backup_counted); i++)
    expected[i] = count_rows (cf_store_get_sqlite (self), cf_store_backup_counted[i]);
  backup = sqlite3_backup_init (copy, "main", cf_store_get_sqlite (self), "main");
  rc = backup != NULL ? SQLITE_OK : sqlite3_errcode (copy);
  /* A few thousand pages at a time, so that a cancel is heard. */
  while (rc == SQLITE_OK && !g_cancellable_is_cancelled (cancellable))
    rc = sqlite3_backup_step (backup, 4096);
  if (backup != NULL)
    sqlite3_backup_finish (backup);
  cf_store_exec (self, "COMMIT", NULL);
  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("The backup to %s failed: %s"), path,
                     sqlite3_errstr (rc));
    }
  /* A single file, not in WAL mode, so that it can be copied anywhere as it is. */
  else if (sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("The backup to %s failed: %s"), path, sqlite3_errmsg (copy));
  else if (!embed_anchors (copy, cf_store_get_path (self)))
    g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("The backup to %s failed: %s"), path, sqlite3_errmsg (copy));
  else
    ok = head_of (copy, &head_id, &head_hash);
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
  /* The backup's head goes on record outside the database: a backup later
   * cut short or rewritten no longer matches it. */
  if (ok && head_id > 0)
    {
      g_autofree char *name = g_path_get_basename (path);
      ok = cf_audit_anchors_append_head (cf_store_get_path (self), "backup", head_id, head_hash, 0, name, error);
    }
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
      g_autofree char *name = g_strdup_printf ("%s%s%s", prefix, stamp, backup_suffix (self));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (later == 60 || !g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * cf_store_prune_backups:
 * @keep: how many of the latest default backups to keep
 *
 * Also removes what killed backups left (partial files over an hour old).
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
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, backup_suffix (self)) &&
          strlen (name) == strlen (prefix) + 15 + strlen (backup_suffix (self)))
        g_ptr_array_add (names, g_strdup (name));
    }
  cf_partial_file_prune (backups, 3600);
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
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, backup_suffix (self)))
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

/* The schema as sqlite_master lists it: tables, indexes, triggers, views. */
static char *
schema_text (sqlite3 *db)
{
  GString *text = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, coalesce (sql, '') FROM sqlite_master "
                              "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (text, "%s %s ON %s: %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                              sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
  g_clear_pointer (&stmt, sqlite3_finalize);
  return g_string_free (text, FALSE);
}

/* The schema this version of Counterfoil makes, from an empty database. */
static const char *
reference_schema (void)
{
  static char *reference = NULL;
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      g_autoptr(CfStore) fresh = cf_store_open (":memory:", NULL);
      reference = fresh != NULL ? schema_text (cf_store_get_sqlite (fresh)) : g_strdup ("");
      g_once_init_leave (&made, 1);
    }
  return reference;
}

/* The first line where two schema listings differ, for the message. */
static char *
first_difference (const char *have,
                  const char *want)
{
  g_auto(GStrv) have_lines = g_strsplit (have, "\n", -1);
  g_auto(GStrv) want_lines = g_strsplit (want, "\n", -1);

  for (guint i = 0; have_lines[i] != NULL; i++)
    if (!g_strv_contains ((const char *const *) want_lines, have_lines[i]))
      return g_strdup_printf (_("it has %s"), have_lines[i]);
  for (guint i = 0; want_lines[i] != NULL; i++)
    if (!g_strv_contains ((const char *const *) have_lines, want_lines[i]))
      return g_strdup_printf (_("it lacks %s"), want_lines[i]);
  return g_strdup ("");
}

/* Reads one integer (a pragma, a count) from @db; -1 when it cannot. */
static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  return value;
}

/* The shop a database belongs to: its merchant profile's number, else the
 * merchant of its first imported transactions. */
static char *
shop_of (CfStore *store)
{
  g_autofree char *no = cf_store_get_setting (store, "merchant.no");
  g_autoptr(CfDbStmt) stmt = NULL;

  if (no != NULL && *no != '\0')
    return g_steal_pointer (&no);
  stmt = cf_store_prepare (store, "SELECT merchant_no FROM merchants ORDER BY id LIMIT 1", NULL);
  if (stmt != NULL && cf_db_step (stmt) == CF_DB_ROW)
    no = cf_sql_dup_text (stmt, 0);
  return g_steal_pointer (&no);
}

static gboolean
refuse_backup (GError     **error,
               int          code,
               const char  *backup,
               const char  *problem)
{
  g_set_error (error, CF_STORE_ERROR, code, _("%s cannot be restored: %s"), backup, problem);
  return FALSE;
}

static gboolean
head_is_anchored (GPtrArray  *anchors,
                  gint64      id,
                  const char *hash)
{
  for (guint i = 0; i < anchors->len; i++)
    {
      const CfAuditAnchor *anchor = g_ptr_array_index (anchors, i);
      if (anchor->entry_id == id && g_str_equal (anchor->hash, hash))
        return TRUE;
    }
  return FALSE;
}

/* Every check a backup must pass before it may replace the database,
 * made on @copy (a copy of @backup brought up to this schema). */
static gboolean
check_restorable (CfStore     *self,
                  CfStore     *copy,
                  const char  *backup,
                  CfRestoreFlags flags,
                  GError     **error)
{
  sqlite3 *db = cf_store_get_sqlite (copy);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GPtrArray) anchor_problems = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *schema = schema_text (db);
  g_autofree char *embedded = cf_store_get_setting (copy, "audit.anchors");
  g_autofree char *backup_name = g_path_get_basename (backup);
  g_autofree char *head_hash = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  gboolean other_shop;
  gint64 head_id = 0;

  if ((problems = cf_store_check (copy, &local_error)) == NULL)
    return refuse_backup (error, CF_STORE_ERROR_NOT_OURS, backup, local_error->message);
  if (problems->len > 0)
    return refuse_backup (error, CF_STORE_ERROR_NOT_OURS, backup, g_ptr_array_index (problems, 0));

  /* Exactly the tables, indexes and triggers this version makes: a trigger
   * added or one that protects the log dropped is not a backup of ours. */
  if (!g_str_equal (schema, reference_schema ()))
    {
      g_autofree char *difference = first_difference (schema, reference_schema ());
      g_autofree char *problem = g_strdup_printf (_("its schema is not the one Counterfoil makes (%s)"), difference);
      return refuse_backup (error, CF_STORE_ERROR_NOT_OURS, backup, problem);
    }

  if (query_int (db, "SELECT count(*) FROM operators WHERE role = 'manager' AND active AND pin_hash IS NOT NULL") < 1)
    return refuse_backup (error, CF_STORE_ERROR_NOT_OURS, backup,
                          _("it has no manager who can sign in, so nobody could approve anything after it"));

  if (!head_of (db, &head_id, &head_hash))
    return refuse_backup (error, CF_STORE_ERROR_NOT_OURS, backup, sqlite3_errmsg (db));

  /* Another shop's data replaces this shop's only on a manager's word; our
   * anchors do not speak for its log then, only those it carries. */
  ours = shop_of (self);
  theirs = shop_of (copy);
  other_shop = ours != NULL && theirs != NULL && !g_str_equal (ours, theirs);
  if (other_shop && !(flags & CF_RESTORE_OTHER_SHOP))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OTHER_SHOP,
                   _("%s is the database of merchant no. %s, and this one is merchant no. %s's. "
                     "Restoring it puts the other shop's data in place of this shop's."),
                   backup, theirs, ours);
      return FALSE;
    }

  /* Its chain against every anchor that speaks for it: ours, and those it carries. */
  anchors = other_shop ? g_ptr_array_new () : cf_audit_anchors_load (cf_store_get_path (self));
  anchor_problems = cf_audit_anchors_check_db (cf_store_get_db (copy), anchors, head_id);
  if (anchor_problems->len == 0 && embedded != NULL)
    {
      g_autoptr(GPtrArray) carried = cf_audit_anchors_parse (embedded);
      g_clear_pointer (&anchor_problems, g_ptr_array_unref);
      anchor_problems = cf_audit_anchors_check_db (cf_store_get_db (copy), carried, head_id);
    }
  if (anchor_problems->len > 0)
    {
      g_autofree char *problem = g_strdup_printf (_("its audit log disagrees with the anchors written outside it: %s"),
                                                  (const char *) g_ptr_array_index (anchor_problems, 0));
      return refuse_backup (error, CF_STORE_ERROR_NOT_OURS, backup, problem);
    }
  for (guint i = 0; i < anchors->len; i++)
    {
      const CfAuditAnchor *anchor = g_ptr_array_index (anchors, i);

      if (g_str_equal (anchor->event, "backup") && g_str_equal (anchor->detail, backup_name) &&
          (anchor->entry_id != head_id || !g_str_equal (anchor->hash, head_hash)))
        {
          g_autofree char *problem = g_strdup_printf (_("its audit log ended at entry %lld when it was made on %s, "
                                                        "and ends at entry %lld now"),
                                                      (long long) anchor->entry_id, anchor->at, (long long) head_id);
          return refuse_backup (error, CF_STORE_ERROR_NOT_OURS, backup, problem);
        }
    }

  /* Every backup Counterfoil makes anchors its head in the anchor file. A
   * file whose head no anchor names was not made so, or was cut short
   * since: only a manager who has read that may put it in place. (The
   * anchors a backup carries are checked, but cannot vouch: whoever could
   * cut it short could edit them too.) */
  if (!other_shop && !(flags & CF_RESTORE_UNVOUCHED) && head_id > 0 &&
      !head_is_anchored (anchors, head_id, head_hash))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_UNVOUCHED,
                   _("Nothing outside %s vouches for its audit log, which ends at entry %lld: Counterfoil has no "
                     "record of making this backup, or it was cut short since it was made."),
                   backup, (long long) head_id);
      return FALSE;
    }

  return TRUE;
}

/* Opens a copy of @backup, brought up to this build's schema; @backup
 * itself is never written. Messages name @backup, not the copy. */
static CfStore *
open_copy (const char  *backup,
           const char  *copy_path,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (backup);
  g_autoptr(GFile) target = g_file_new_for_path (copy_path);
  g_autoptr(GError) local_error = NULL;
  CfStore *copy;
  sqlite3 *raw = NULL;
  gint64 version = -1;

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("Cannot read the backup %s: %s"), backup,
                   local_error->message);
      return NULL;
    }

  /* Opening an empty file would make a new, empty database of it. */
  if (sqlite3_open_v2 (copy_path, &raw, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    version = query_int (raw, "PRAGMA user_version");
  sqlite3_close (raw);
  if (version < 0)
    {
      refuse_backup (error, CF_STORE_ERROR_NOT_OURS, backup, _("it is not an SQLite database"));
      return NULL;
    }
  if (version == 0)
    {
      refuse_backup (error, CF_STORE_ERROR_NOT_OURS, backup, _("it is empty: it holds no Counterfoil data"));
      return NULL;
    }

  copy = cf_store_open (copy_path, &local_error);
  if (copy == NULL)
    {
      g_autoptr(GString) message = g_string_new (local_error->message);
      g_string_replace (message, copy_path, backup, 0);
      refuse_backup (error, local_error->code == CF_STORE_ERROR_TOO_NEW ? CF_STORE_ERROR_TOO_NEW
                                                                         : CF_STORE_ERROR_NOT_OURS,
                     backup, message->str);
    }
  return copy;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * cf_store_restore:
 * @backup: a backup file, from cf_store_backup() or a copy of the database
 * @operator_no: the manager restoring it
 * @flags: what a manager has confirmed
 * @kept_as: (out) (optional) (transfer full): where the database as it was
 *   before is kept
 *
 * Puts @backup in place of the database. The backup is checked first, on a
 * copy: integrity, links, its audit chain, its schema exactly as this
 * version makes it, a manager who can sign in, its chain against every
 * anchor, and its head anchored when it was made (#CF_STORE_ERROR_UNVOUCHED
 * unless @flags allow it); of this shop (#CF_STORE_ERROR_OTHER_SHOP unless
 * @flags allow it). The database as it stands is backed up beside
 * the others; the restore's own audit entry is added to the copy, and the
 * copy replaces the database in one write, so that the restore and its
 * record happen together. Nothing changes when any step fails.
 */
gboolean
cf_store_restore (CfStore     *self,
                  const char  *backup,
                  const char  *operator_no,
                  CfRestoreFlags flags,
                  char       **kept_as,
                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = backups_dir (self);
  g_autofree char *prefix = backup_prefix (self);
  g_autofree char *aside = NULL;
  g_autofree char *copy_path = g_strconcat (cf_store_get_path (self), ".restoring", NULL);
  g_autofree char *details = NULL;
  g_autofree char *kept_hash = NULL;
  g_autofree char *new_hash = NULL;
  g_autoptr(CfStore) copy = NULL;
  g_autoptr(GError) anchor_error = NULL;
  gint64 kept_id = 0;
  gint64 new_id = 0;
  sqlite3_backup *swap;
  gboolean ok;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  if (!cf_auth_require_manager (self, operator_no, _("Only a manager restores a backup"), error))
    return FALSE;
  if (cf_store_is_server (self))
    {
      if (kept_as != NULL)
        *kept_as = NULL;
      return cf_store_restore_server (self, backup, operator_no, error);
    }
  if (same_file (cf_store_get_path (self), backup))
    {
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN,
                           _("That is the database itself; choose one of its backups"));
      return FALSE;
    }
  /* Two restores in one second keep both databases they replaced. */
  for (int later = 0; aside == NULL || g_file_test (aside, G_FILE_TEST_EXISTS); later++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, later);
      g_autofree char *stamp = g_date_time_format (when, "%Y%m%d-%H%M%S");
      g_autofree char *aside_name = g_strdup_printf ("%sbefore-restore-%s.db", prefix, stamp);

      g_free (aside);
      aside = g_build_filename (dir, aside_name, NULL);
    }
  remove_database_files (copy_path);
  copy = open_copy (backup, copy_path, error);
  ok = copy != NULL && check_restorable (self, copy, backup, flags, error) &&
       cf_audit_head (cf_store_get_db (copy), &kept_id, &kept_hash) &&
       cf_store_backup (self, aside, error);

  /* The restore's record travels inside the data it restores. */
  if (ok)
    {
      details = g_strdup_printf ("from %s (its log kept up to entry %lld); the database before it kept as %s",
                                 backup, (long long) kept_id, aside);
      ok = cf_store_add_audit_entry (copy, operator_no, "restore-backup", NULL, 0, details, error) &&
           cf_audit_head (cf_store_get_db (copy), &new_id, &new_hash) &&
           cf_store_exec (copy, "PRAGMA wal_checkpoint(TRUNCATE)", error);
    }
  if (!ok)
    {
      g_clear_object (&copy);
      remove_database_files (copy_path);
      return FALSE;
    }

  swap = sqlite3_backup_init (cf_store_get_sqlite (self), "main", cf_store_get_sqlite (copy), "main");
  rc = swap != NULL ? sqlite3_backup_step (swap, -1) : sqlite3_errcode (cf_store_get_sqlite (self));
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

  /* Anchors of the entries this restore replaced now speak for the copy
   * kept aside, not for the log as it is. */
  if (!cf_audit_anchors_append_head (cf_store_get_path (self), "restore", new_id, new_hash, kept_id, backup,
                                     &anchor_error))
    g_warning ("%s", anchor_error->message);
  if (kept_as != NULL)
    *kept_as = g_steal_pointer (&aside);
  return TRUE;
}
