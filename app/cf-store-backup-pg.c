/* cf-store-backup-pg.c — backing up and restoring a shop's database on a PostgreSQL server
 *
 * A backup is pg_dump's custom format, taken from one snapshot the store
 * exports, so that the row counts and the audit head it is checked against
 * are that snapshot's. Before it is kept, the dump is read back whole with
 * pg_restore: each table must hold as many rows as the snapshot did and the
 * audit log must be one chain ending at the snapshot's head. A restore reads
 * the dump the same way first and refuses one that does not hold; then
 * pg_restore puts it in place in a single transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-audit-anchors.h"
#include "cf-audit-anchors-private.h"
#include "cf-auth.h"
#include "cf-partial-file.h"
#include "cf-store-private.h"


/* One entry of the audit log as the dump holds it. */
typedef struct
{
  gint64  id;
  char   *fields[8];            /* at … details, prev_hash, hash; NULL for \N */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  for (guint i = 0; i < G_N_ELEMENTS (entry->fields); i++)
    g_free (entry->fields[i]);
  g_free (entry);
}

/* A field of COPY's text format: \N is NULL; backslash escapes are undone. */
static char *
copy_field (const char *text)
{
  GString *out;

  if (g_str_equal (text, "\\N"))
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'v': g_string_append_c (out, '\v'); break;
        default:
          if (*p >= '0' && *p <= '7')
            {
              int value = 0;

              for (int n = 0; n < 3 && *p >= '0' && *p <= '7'; n++, p++)
                value = value * 8 + (*p - '0');
              p--;
              g_string_append_c (out, (char) value);
            }
          else
            g_string_append_c (out, *p);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(const Entry *const *) a, *y = *(const Entry *const *) b;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* The program of PostgreSQL's client tools: Debian's wrapper on the PATH. */
static const char *
tool (const char *name)
{
  static char *found[2];
  guint i = g_str_equal (name, "pg_dump") ? 0 : 1;

  if (found[i] == NULL)
    found[i] = g_find_program_in_path (name);
  return found[i] != NULL ? found[i] : name;
}

/* pg_dump and pg_restore connect as the desk does: to its database, and
 * for a chain's shop as the shop's role, dumping the shop's schema only. */
static void
add_connection_args (CfStore   *self,
                     GPtrArray *argv,
                     gboolean   dumping)
{
  g_autofree char *shop = NULL;
  g_autofree char *conninfo = cf_db_split_shop (cf_store_get_path (self), &shop);

  g_ptr_array_add (argv, g_strconcat ("--dbname=", conninfo, NULL));
  if (shop == NULL)
    return;
  g_ptr_array_add (argv, g_strconcat ("--role=counterfoil_shop_", shop, NULL));
  if (dumping)
    g_ptr_array_add (argv, g_strconcat ("--schema=shop_", shop, NULL));
}

/* Reads @dump back whole: rows per table, and the audit chain checked. */
static gboolean
read_dump (const char    *dump,
           GHashTable    *rows,
           gint64        *head_id,
           char         **head_hash,
           GCancellable  *cancellable,
           GError       **error)
{
  const char *argv[] = { tool ("pg_restore"), "--data-only", "--file=-", dump, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autofree char *table = NULL;
  g_autofree char *previous = g_strdup ("");
  g_autoptr(GError) local_error = NULL;
  char *line;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, error);
  if (process == NULL)
    return FALSE;
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, cancellable, &local_error)) != NULL)
    {
      g_autofree char *owned = line;

      if (table == NULL && g_str_has_prefix (line, "COPY "))
        {
          const char *name = line + 5;
          const char *end = strchr (name, ' ');

          if (strchr (name, '.') != NULL && strchr (name, '.') < end)
            name = strchr (name, '.') + 1;
          table = g_strndup (name, end - name);
        }
      else if (table != NULL && g_str_equal (line, "\\."))
        g_clear_pointer (&table, g_free);
      else if (table != NULL)
        {
          g_hash_table_insert (rows, g_strdup (table),
                               GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (rows, table)) + 1));
          if (g_str_equal (table, "audit_log"))
            {
              g_auto(GStrv) cells = g_strsplit (line, "\t", -1);
              Entry *entry = g_new0 (Entry, 1);

              if (g_strv_length (cells) != 9)
                {
                  entry_free (entry);
                  g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_OURS,
                               _("%s is not a dump of a Counterfoil database (its audit log has other columns)"), dump);
                  return FALSE;
                }
              entry->id = g_ascii_strtoll (cells[0], NULL, 10);
              for (guint c = 0; c < 8; c++)
                entry->fields[c] = copy_field (cells[c + 1]);
              g_ptr_array_add (entries, entry);
            }
        }
    }
  if (local_error != NULL || !g_subprocess_wait_check (process, cancellable, &local_error))
    {
      /* pg_restore says why in a line or two. */
      g_autoptr(GDataInputStream) errors = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));
      g_autofree char *why = g_data_input_stream_read_line_utf8 (errors, NULL, NULL, NULL);

      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_OURS, _("%s cannot be read back: %s"), dump,
                   why != NULL ? why : local_error->message);
      return FALSE;
    }

  g_ptr_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = entries->pdata[i];
      g_autofree char *object_id = e->fields[4];
      g_autofree char *expected = NULL;

      e->fields[4] = NULL;
      expected = cf_store_audit_hash (previous, e->fields[0], e->fields[1], e->fields[2], e->fields[3], object_id,
                                      e->fields[5]);
      if (g_strcmp0 (e->fields[6], previous) != 0 || g_strcmp0 (e->fields[7], expected) != 0)
        {
          g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_CHAIN,
                       _("the audit log in %s breaks at entry %lld"), dump, (long long) e->id);
          return FALSE;
        }
      g_free (previous);
      previous = g_steal_pointer (&expected);
      *head_id = e->id;
    }
  *head_hash = g_steal_pointer (&previous);
  return TRUE;
}

/**
 * cf_store_check_dump:
 *
 * Reads a server backup back whole: it must be pg_dump's archive of a
 * Counterfoil database whose audit log is one chain.
 *
 * Returns: whether it holds
 */
gboolean
cf_store_check_dump (const char  *dump,
                     gint64      *head_id,
                     char       **head_hash,
                     GError     **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *head_id = 0;
  if (!read_dump (dump, rows, head_id, head_hash, NULL, error))
    return FALSE;
  if (!g_hash_table_contains (rows, "transactions") && !g_hash_table_contains (rows, "audit_log") &&
      !g_hash_table_contains (rows, "operators"))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_OURS, _("%s is not a dump of a Counterfoil database"), dump);
      return FALSE;
    }
  return TRUE;
}

static gboolean
snapshot (CfStore  *self,
          char    **name,
          gint64   *expected,
          GError  **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;

  if (!cf_store_exec (self, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return FALSE;
  stmt = cf_store_prepare (self, "SELECT pg_export_snapshot ()", error);
  if (stmt == NULL || cf_db_step (stmt) != CF_DB_ROW)
    return stmt != NULL && cf_store_set_error (self, error, _("taking a snapshot"));
  *name = cf_sql_dup_text (stmt, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cf_store_backup_counted); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", cf_store_backup_counted[i]);
      g_autoptr(CfDbStmt) count = cf_store_prepare (self, sql, error);

      if (count == NULL || cf_db_step (count) != CF_DB_ROW)
        return FALSE;
      expected[i] = cf_db_column_int64 (count, 0);
    }
  return TRUE;
}

/**
 * cf_store_backup_server:
 *
 * The server's side of cf_store_backup_cancellable(): @path is written as
 * pg_dump's custom archive, and appears only once it was read back whole.
 */
gboolean
cf_store_backup_server (CfStore       *self,
                        const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *partial = NULL;
  g_autofree char *snapshot_name = NULL;
  g_autofree char *head_hash = NULL;
  g_autoptr(GSubprocess) dump = NULL;
  gint64 expected[G_N_ELEMENTS (cf_store_backup_counted)];
  gint64 head_id = 0;
  gboolean ok;

  if ((partial = cf_partial_file_new (path, error)) == NULL)
    return FALSE;
  if (!snapshot (self, &snapshot_name, expected, error))
    {
      cf_store_exec (self, "ROLLBACK", NULL);
      g_unlink (partial);
      return FALSE;
    }
  {
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

    g_ptr_array_add (argv, g_strdup (tool ("pg_dump")));
    g_ptr_array_add (argv, g_strdup ("--format=custom"));
    g_ptr_array_add (argv, g_strdup ("--no-owner"));
    g_ptr_array_add (argv, g_strdup ("--no-privileges"));
    g_ptr_array_add (argv, g_strconcat ("--snapshot=", snapshot_name, NULL));
    g_ptr_array_add (argv, g_strconcat ("--file=", partial, NULL));
    add_connection_args (self, argv, TRUE);
    g_ptr_array_add (argv, NULL);
    dump = g_subprocess_newv ((const char *const *) argv->pdata, G_SUBPROCESS_FLAGS_STDERR_PIPE, error);
    ok = dump != NULL && g_subprocess_wait_check (dump, cancellable, error);
  }
  /* The snapshot is held until the dump has read it. */
  cf_store_exec (self, "COMMIT", NULL);

  ok = ok && read_dump (partial, rows, &head_id, &head_hash, cancellable, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (cf_store_backup_counted); i++)
    if (GPOINTER_TO_INT (g_hash_table_lookup (rows, cf_store_backup_counted[i])) != expected[i])
      {
        g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_SQL,
                     _("the backup's %s holds %d rows where the database held %lld"), cf_store_backup_counted[i],
                     GPOINTER_TO_INT (g_hash_table_lookup (rows, cf_store_backup_counted[i])), (long long) expected[i]);
        ok = FALSE;
      }
  if (ok && g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (partial);
      g_prefix_error (error, _("The backup to %s was not kept: "), path);
      return FALSE;
    }
  if (head_id > 0)
    {
      g_autofree char *name = g_path_get_basename (path);

      return cf_audit_anchors_append_head (cf_store_get_path (self), "backup", head_id, head_hash, 0, name, error);
    }
  return TRUE;
}

/**
 * cf_store_restore_server:
 *
 * The server's side of cf_store_restore(): the dump is read back whole and
 * refused unless it holds; then it replaces the database in one transaction,
 * and the restore is recorded in the audit log it brought back.
 */
gboolean
cf_store_restore_server (CfStore     *self,
                         const char  *dump,
                         const char  *operator_no,
                         GError     **error)
{
  g_autofree char *head_hash = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *details = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) said = NULL;
  g_autofree char *new_hash = NULL;
  gint64 head_id = 0;
  gint64 new_id = 0;
  const char *const options[] = { "--clean", "--if-exists", "--single-transaction", "--no-owner",
                                  "--no-privileges", "--exit-on-error" };

  if (!cf_store_check_dump (dump, &head_id, &head_hash, error))
    return FALSE;
  g_ptr_array_add (argv, g_strdup (tool ("pg_restore")));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_ptr_array_add (argv, g_strdup (options[i]));
  add_connection_args (self, argv, FALSE);
  g_ptr_array_add (argv, g_strdup (dump));
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, error);
  if (process == NULL || !g_subprocess_communicate (process, NULL, NULL, NULL, &said, error))
    return FALSE;
  if (!g_subprocess_get_successful (process))
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (said, NULL), g_bytes_get_size (said));

      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_SQL, _("%s was not restored (nothing changed): %s"), dump,
                   g_strstrip (text));
      return FALSE;
    }
  {
    g_autofree char *escaped = g_strescape (dump, NULL);

    details = g_strdup_printf ("{\"dump\":\"%s\",\"head\":%" G_GINT64_FORMAT "}", escaped, head_id);
  }
  /* The shop's tables are new: the head office is let read them again. */
  if (!cf_store_share_with_head_office (self, error) ||
      !cf_store_add_audit_entry (self, operator_no, "restore", NULL, 0, details, error) ||
      !cf_audit_head (cf_store_get_db (self), &new_id, &new_hash))
    return FALSE;
  /* Anchors of entries after the dump's head speak of a log no longer kept. */
  return cf_audit_anchors_append_head (cf_store_get_path (self), "restore", new_id, new_hash, head_id, dump, error);
}
