/* cf-audit-anchors.c — the audit chain's head written down outside the database
 *
 * The hash chain of the audit log shows an edited entry, but not the newest
 * entries removed, nor a chain recomputed from an edit onwards: nothing in
 * the database can vouch for its own head. So the head — entry number and
 * hash — is written where an attacker of the database does not reach it at
 * the same time: an append-only text file beside the database (one line per
 * backup, signed report, duplicate and restore), every backup, and paper
 * (the fingerprint `A1234-3F9C2B1E` on signed reports and duplicates).
 * `audit verify` and `check` compare the chain with every anchor they find.
 *
 * A restore puts an older chain in place on purpose: its line says up to
 * which entry the chain was kept, so that anchors of the entries it replaced
 * are not taken for tampering (they belong to the copy kept aside).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-audit"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cf-audit-anchors-private.h"
#include "cf-card-number.h"
#include "cf-store-private.h"

#define FINGERPRINT_HEX 8

void
cf_audit_anchor_free (CfAuditAnchor *anchor)
{
  if (anchor == NULL)
    return;
  g_free (anchor->at);
  g_free (anchor->event);
  g_free (anchor->hash);
  g_free (anchor->detail);
  g_free (anchor);
}

/**
 * cf_audit_anchors_path:
 *
 * Returns: (transfer full): the anchor file of the database at @db_path:
 *   `counterfoil.db.anchors` beside `counterfoil.db`; for a server, a file
 *   of this desk's named after the connection string, under
 *   `$XDG_DATA_HOME/counterfoil/servers/`: each desk keeps its own anchors
 *   of the chain it saw
 */
char *
cf_audit_anchors_path (const char *db_path)
{
  g_autofree char *name = NULL;

  if (!cf_db_is_conninfo (db_path))
    return g_strconcat (db_path, ".anchors", NULL);
  name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, db_path, -1);
  name[16] = '\0';
  return g_strdup_printf ("%s/counterfoil/servers/%s.anchors", g_get_user_data_dir (), name);
}

/**
 * cf_audit_head:
 * @id_out: (out): the newest entry's number, 0 for an empty log
 * @hash_out: (out) (transfer full): its hash, "" for an empty log
 *
 * Reads the head of the chain of the database open as @db.
 */
gboolean
cf_audit_head (CfDb     *db,
               gint64   *id_out,
               char    **hash_out)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  gboolean ok;

  *id_out = 0;
  *hash_out = NULL;
  if (cf_db_prepare (db, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", &stmt) != CF_DB_OK)
    return FALSE;
  switch (cf_db_step (stmt))
    {
    case CF_DB_ROW:
      *id_out = cf_db_column_int64 (stmt, 0);
      *hash_out = g_strdup ((const char *) cf_db_column_text (stmt, 1));
      ok = *hash_out != NULL;
      break;
    case CF_DB_DONE:
      *hash_out = g_strdup ("");
      ok = TRUE;
      break;
    default:
      ok = FALSE;
      break;
    }
  return ok;
}

/**
 * cf_audit_fingerprint:
 *
 * Returns: (transfer full): the short form of an entry and its hash, to be
 *   printed and read back: `A1234-3F9C2B1E`
 */
char *
cf_audit_fingerprint (gint64      id,
                      const char *hash)
{
  g_autofree char *prefix = g_ascii_strup (hash != NULL ? hash : "", MIN (FINGERPRINT_HEX, strlen (hash != NULL ? hash : "")));

  return g_strdup_printf ("A%" G_GINT64_FORMAT "-%s", id, prefix);
}

/**
 * cf_audit_current_fingerprint:
 *
 * Returns: (transfer full) (nullable): the fingerprint of the chain's head now
 */
char *
cf_audit_current_fingerprint (CfStore *store)
{
  g_autofree char *hash = NULL;
  gint64 id;

  if (!cf_audit_head (cf_store_get_db (store), &id, &hash) || id == 0)
    return NULL;
  return cf_audit_fingerprint (id, hash);
}

/* A detail on one line, without the tabs that separate the fields. */
static char *
one_line (const char *text)
{
  g_autofree char *safe = cf_card_number_scrub (text != NULL ? text : "", CF_CARD_SCRUB_ANY, NULL);

  g_strdelimit (safe, "\t\r\n", ' ');
  return g_steal_pointer (&safe);
}

/**
 * cf_audit_anchors_append_head:
 * @db_path: the database the anchor is for
 * @event: `backup`, `signed-report`, `duplicate`, `restore`
 * @id: the entry anchored
 * @hash: its hash
 * @kept_up_to: for a restore, the last entry kept from the backup; else 0
 * @detail: (nullable): what the anchor is (a backup's file name, a report's number)
 *
 * Appends one line to the anchor file and flushes it to disk.
 */
gboolean
cf_audit_anchors_append_head (const char  *db_path,
                              const char  *event,
                              gint64       id,
                              const char  *hash,
                              gint64       kept_up_to,
                              const char  *detail,
                              GError     **error)
{
  g_autofree char *path = cf_audit_anchors_path (db_path);
  g_autofree char *safe_detail = one_line (detail);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *line = g_strdup_printf ("%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%" G_GINT64_FORMAT "\t%s\n",
                                           at, event, id, hash, kept_up_to, safe_detail);
  gsize len = strlen (line);
  int fd;
  gboolean ok;

  /* A server's anchors live in a folder of the desk's own, made on first use. */
  if (cf_db_is_conninfo (db_path))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_mkdir_with_parents (dir, 0700);
    }
  /* O_APPEND: lines from several processes never interleave. */
  fd = g_open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  ok = fd >= 0 && write (fd, line, len) == (gssize) len && fsync (fd) == 0;
  if (!ok)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the audit anchor file %s: %s"), path, g_strerror (saved_errno));
    }
  if (fd >= 0)
    close (fd);
  return ok;
}

/**
 * cf_audit_anchors_append:
 *
 * As cf_audit_anchors_append_head(), for the head of @store's chain now.
 */
gboolean
cf_audit_anchors_append (CfStore     *store,
                         const char  *event,
                         const char  *detail,
                         GError     **error)
{
  g_autofree char *hash = NULL;
  gint64 id;

  if (!cf_audit_head (cf_store_get_db (store), &id, &hash))
    return cf_store_set_error (store, error, _("reading the audit log"));
  if (id == 0)
    return TRUE;
  return cf_audit_anchors_append_head (cf_store_get_path (store), event, id, hash, 0, detail, error);
}

/**
 * cf_audit_anchors_parse:
 *
 * Returns: (transfer full) (element-type CfAuditAnchor): the anchors of
 *   @text (an anchor file's content), oldest first; lines that are not
 *   anchors are passed over
 */
GPtrArray *
cf_audit_anchors_parse (const char *text)
{
  GPtrArray *anchors = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_audit_anchor_free);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 6);
      CfAuditAnchor *anchor;
      char *end;
      gint64 id;

      if (g_strv_length (fields) != 6)
        continue;
      id = g_ascii_strtoll (fields[2], &end, 10);
      if (*end != '\0' || id <= 0 || strlen (fields[3]) != 64)
        continue;
      anchor = g_new0 (CfAuditAnchor, 1);
      anchor->at = g_strdup (fields[0]);
      anchor->event = g_strdup (fields[1]);
      anchor->entry_id = id;
      anchor->hash = g_strdup (fields[3]);
      anchor->kept_up_to = g_ascii_strtoll (fields[4], NULL, 10);
      anchor->detail = g_strdup (fields[5]);
      g_ptr_array_add (anchors, anchor);
    }
  return anchors;
}

/**
 * cf_audit_anchors_load:
 *
 * Returns: (transfer full) (element-type CfAuditAnchor): the anchors of the
 *   database at @db_path, none when it has no anchor file yet
 */
GPtrArray *
cf_audit_anchors_load (const char *db_path)
{
  g_autofree char *path = cf_audit_anchors_path (db_path);
  g_autofree char *text = NULL;

  g_file_get_contents (path, &text, NULL, NULL);
  return cf_audit_anchors_parse (text);
}

/* The anchors that speak for the chain as it is now: a restore line
 * retires the anchors of entries after the last one it kept. */
static GPtrArray *
current_anchors (GPtrArray *anchors)
{
  GPtrArray *current = g_ptr_array_new ();

  for (guint i = 0; i < anchors->len; i++)
    {
      CfAuditAnchor *anchor = g_ptr_array_index (anchors, i);

      if (g_str_equal (anchor->event, "restore"))
        for (guint j = current->len; j > 0; j--)
          if (((CfAuditAnchor *) g_ptr_array_index (current, j - 1))->entry_id > anchor->kept_up_to)
            g_ptr_array_remove_index (current, j - 1);
      g_ptr_array_add (current, anchor);
    }
  return current;
}

/* Compares one anchor with the chain of @db; a problem, or %NULL. */
static char *
check_anchor (CfDb                *db,
              const CfAuditAnchor *anchor,
              gint64               head_id)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  char *problem = NULL;

  if (cf_db_prepare (db, "SELECT hash FROM audit_log WHERE id = ?", &stmt) != CF_DB_OK)
    return g_strdup (cf_db_errmsg (db));
  cf_db_bind_int64 (stmt, 1, anchor->entry_id);
  if (cf_db_step (stmt) == CF_DB_ROW)
    hash = g_strdup ((const char *) cf_db_column_text (stmt, 0));
  g_clear_pointer (&stmt, cf_db_finalize);

  if (hash == NULL)
    problem = g_strdup_printf (_("entry %lld is missing (the log ends at entry %lld), "
                                 "but it was anchored on %s by %s %s: the newest entries were removed"),
                               (long long) anchor->entry_id, (long long) head_id, anchor->at,
                               anchor->event, anchor->detail);
  else if (!g_str_equal (hash, anchor->hash))
    problem = g_strdup_printf (_("entry %lld is not the one anchored on %s by %s %s: "
                                 "the log was rewritten from there or before"),
                               (long long) anchor->entry_id, anchor->at, anchor->event, anchor->detail);
  return problem;
}

/**
 * cf_audit_anchors_check_db:
 * @db: an open database
 * @anchors: (element-type CfAuditAnchor): anchors, oldest first
 * @up_to: check only anchors of entries up to this one (0: all)
 *
 * Returns: (transfer full) (element-type utf8): where the chain of @db
 *   disagrees with the anchors that speak for it; empty when it agrees
 */
GPtrArray *
cf_audit_anchors_check_db (CfDb      *db,
                           GPtrArray *anchors,
                           gint64     up_to)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) current = current_anchors (anchors);
  g_autofree char *head_hash = NULL;
  gint64 head_id = 0;

  cf_audit_head (db, &head_id, &head_hash);
  for (guint i = 0; i < current->len; i++)
    {
      const CfAuditAnchor *anchor = g_ptr_array_index (current, i);
      char *problem;

      if (up_to > 0 && anchor->entry_id > up_to)
        continue;
      if ((problem = check_anchor (db, anchor, head_id)) != NULL)
        g_ptr_array_add (problems, problem);
    }
  return problems;
}

/**
 * cf_audit_anchors_check:
 *
 * Returns: (transfer full) (element-type utf8): where @store's chain
 *   disagrees with its anchor file; empty when it agrees
 */
GPtrArray *
cf_audit_anchors_check (CfStore *store)
{
  g_autoptr(GPtrArray) anchors = cf_audit_anchors_load (cf_store_get_path (store));

  return cf_audit_anchors_check_db (cf_store_get_db (store), anchors, 0);
}

/**
 * cf_audit_check_fingerprint:
 * @code: a fingerprint read off a signed report or a duplicate: `A1234-3F9C2B1E`
 *
 * Tells whether the chain still holds the entry @code was printed for.
 */
gboolean
cf_audit_check_fingerprint (CfStore     *store,
                            const char  *code,
                            GError     **error)
{
  g_autofree char *upper = g_ascii_strup (code != NULL ? code : "", -1);
  g_autofree char *hash = NULL;
  g_autofree char *shown = one_line (code);
  const char *p = upper;
  g_autoptr(CfDbStmt) stmt = NULL;
  char *end;
  gint64 id;

  g_strstrip (upper);
  if (*p == 'A')
    p++;
  id = g_ascii_strtoll (p, &end, 10);
  if (id <= 0 || *end != '-' || strlen (end + 1) != FINGERPRINT_HEX ||
      strspn (end + 1, "0123456789ABCDEF") != FINGERPRINT_HEX)
    {
      g_set_error (error, CF_AUDIT_ANCHOR_ERROR, CF_AUDIT_ANCHOR_ERROR_INVALID,
                   _("“%s” is not an audit fingerprint; it looks like A1234-3F9C2B1E"), shown);
      return FALSE;
    }
  stmt = cf_store_prepare (store, "SELECT hash FROM audit_log WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  cf_db_bind_int64 (stmt, 1, id);
  if (cf_db_step (stmt) == CF_DB_ROW)
    hash = cf_sql_dup_text (stmt, 0);
  g_clear_pointer (&stmt, cf_db_finalize);

  if (hash == NULL)
    {
      g_set_error (error, CF_AUDIT_ANCHOR_ERROR, CF_AUDIT_ANCHOR_ERROR_MISMATCH,
                   _("Entry %lld of %s is not in the audit log: entries were removed"), (long long) id, shown);
      return FALSE;
    }
  if (g_ascii_strncasecmp (hash, end + 1, FINGERPRINT_HEX) != 0)
    {
      g_set_error (error, CF_AUDIT_ANCHOR_ERROR, CF_AUDIT_ANCHOR_ERROR_MISMATCH,
                   _("Entry %lld does not match %s: the log was rewritten since it was printed, "
                     "or the fingerprint was misread"), (long long) id, shown);
      return FALSE;
    }
  return TRUE;
}

G_DEFINE_QUARK (cf-audit-anchor-error-quark, cf_audit_anchor_error)
