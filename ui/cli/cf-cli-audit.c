/* cf-cli-audit.c — checking, backing up and restoring the database from the command line
 *
 *   counterfoil audit verify [--json]   the hash chain of the audit log
 *   counterfoil check [--json]          the file, the links between rows, the audit chain
 *   counterfoil backup [--out FILE] [--keep N] [--json]
 *   counterfoil --operator MANAGER restore FILE
 *   counterfoil --operator MANAGER migrate --to CONNINFO [--json]
 *
 * Each exits 0 when all is well and 1 when something is wrong, for scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-audit-anchors.h"
#include "cf-auth.h"
#include "cf-cli-json.h"
#include "cf-cli-private.h"

/* What a check found, for a script: ok, and each problem in words. */
static void
print_problems_json (JsonBuilder *b,
                     GPtrArray   *problems)
{
  cf_cli_json_set_bool (b, "ok", problems->len == 0);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < problems->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (problems, i));
  json_builder_end_array (b);
}

static int
audit_verify (CfCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *fingerprint = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "anchor", 0, 0, G_OPTION_ARG_STRING, &anchor,
      N_("Also check a fingerprint read off a signed report or a duplicate"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  gint64 broken = 0;
  guint64 n = 0;

  if (!cf_cli_parse_options (ctx, "audit verify", NULL, _("Check the audit log's chain and every anchor of it"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("audit verify", _("verify takes options only"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if (!cf_store_verify_audit_chain (store, &broken, &n, &error))
    {
      g_printerr ("counterfoil audit verify: %s\n", error->message);
      return 1;
    }
  /* The chain may be whole and still be cut short or rewritten: the
   * anchors written outside the database tell. */
  problems = broken != 0 ? g_ptr_array_new_with_free_func (g_free) : cf_audit_anchors_check (store);
  if (broken != 0)
    g_ptr_array_add (problems, g_strdup_printf (_("entry %lld does not follow from the one before it"), (long long) broken));
  else if (problems->len == 0 && anchor != NULL && !cf_audit_check_fingerprint (store, anchor, &error))
    g_ptr_array_add (problems, g_strdup (error->message));
  anchors = cf_audit_anchors_load (cf_store_get_path (store));
  fingerprint = problems->len == 0 ? cf_audit_current_fingerprint (store) : NULL;

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      print_problems_json (b, problems);
      cf_cli_json_set_int (b, "entries", (gint64) n);
      cf_cli_json_set_int (b, "anchors", anchors->len);
      cf_cli_json_set_string (b, "fingerprint", fingerprint);
      json_builder_end_object (b);
      cf_cli_json_print (b);
      return problems->len > 0 ? 1 : 0;
    }
  for (guint i = 0; i < problems->len; i++)
    g_printerr (_("The audit log was altered: %s.\n"), (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return 1;
  g_print (_("The audit log holds: %llu entries, each chained to the one before.\n"), (unsigned long long) n);
  g_print (g_dngettext (GETTEXT_PACKAGE, "It agrees with the %u anchor written outside it",
                        "It agrees with the %u anchors written outside it", anchors->len), anchors->len);
  if (anchor != NULL)
    g_print (_(" and with %s"), anchor);
  g_print (".\n");
  if (fingerprint != NULL)
    g_print (_("Its fingerprint now: %s\n"), fingerprint);
  return 0;
}

static const CfCliSubcommand audit_commands[] = {
  { "verify", audit_verify },
};

int
cf_cli_run_audit (CfCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  return cf_cli_dispatch (ctx, "audit", audit_commands, G_N_ELEMENTS (audit_commands), argc, argv);
}

int
cf_cli_run_check (CfCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };

  if (!cf_cli_parse_options (ctx, "check", NULL,
                             _("Check the file, the links between rows, the audit log with its anchors and the "
                               "signed reports; exit 0 when all is sound"), entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("check", _("check takes no arguments"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((problems = cf_store_check (store, &error)) == NULL)
    {
      g_printerr ("counterfoil check: %s\n", error->message);
      return 1;
    }
  {
    g_autoptr(GPtrArray) anchored = cf_audit_anchors_check (store);
    for (guint i = 0; i < anchored->len; i++)
      g_ptr_array_add (problems, g_strdup (g_ptr_array_index (anchored, i)));
  }
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cf_cli_json_set_string (b, "database", cf_store_get_path (store));
      print_problems_json (b, problems);
      json_builder_end_object (b);
      cf_cli_json_print (b);
      return problems->len > 0 ? 1 : 0;
    }
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("counterfoil check: %s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return 1;
  g_print (cf_store_is_server (store)
             ? _("%s: the links between rows, the audit log with its anchors and the signed reports are sound.\n")
             : _("%s: the file, the links between rows, the audit log with its anchors and the signed reports are sound.\n"),
           cf_store_get_path (store));
  return 0;
}

int
cf_cli_run_backup (CfCliContext *ctx,
                   int            argc,
                   char         **argv)
{
  g_autofree char *out = NULL;
  gboolean json = FALSE;
  guint removed = 0;
  int keep = 10;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the backup to this file instead of the backups folder"), N_("FILE") },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep, N_("Keep this many backups in the backups folder (default 10; 0 keeps all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = NULL;

  if (!cf_cli_parse_options (ctx, "backup", NULL, _("Copy the database while it is in use, and check the copy"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1 || keep < 0)
    return cf_cli_usage_error ("backup", _("backup takes --out FILE and --keep N (0 or more) only"));
  if (out != NULL && !cf_cli_check_out_path ("backup", out))
    return 1;
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  path = out != NULL ? g_strdup (out) : cf_store_dup_backup_path (store, now);
  if (!cf_store_backup (store, path, &error))
    {
      g_printerr ("counterfoil backup: %s\n", error->message);
      return 1;
    }
  if (out == NULL && keep > 0)
    removed = cf_store_prune_backups (store, (guint) keep);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cf_cli_json_set_string (b, "backup", path);
      cf_cli_json_set_bool (b, "checked", TRUE);
      cf_cli_json_set_int (b, "removed", removed);
      json_builder_end_object (b);
      cf_cli_json_print (b);
      return 0;
    }
  g_print (_("Backed up to %s and checked.\n"), path);
  if (removed > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Removed %u older backup.\n", "Removed %u older backups.\n", removed),
             removed);
  return 0;
}

int
cf_cli_run_restore (CfCliContext *ctx,
                    int          argc,
                    char       **argv)
{
  g_autofree char *operator_no = NULL;
  gboolean other_shop = FALSE;
  gboolean unvouched = FALSE;
  GOptionEntry entries[] = {
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("The manager restoring it"), N_("NO") },
    { "other-shop", 0, 0, G_OPTION_ARG_NONE, &other_shop,
      N_("Restore it although it is another merchant no.'s database"), NULL },
    { "unvouched", 0, 0, G_OPTION_ARG_NONE, &unvouched,
      N_("Restore it although no anchor vouches for its audit log"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_as = NULL;
  const char *by;
  int status = 0;

  if (!cf_cli_parse_options (ctx, "restore", _("FILE"), _("Put a checked backup in place of the database (manager)"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error ("restore", _("name the backup file to restore"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((by = cf_cli_sign_in (ctx, store, "restore", operator_no, &status)) == NULL)
    return status;
  if (!cf_store_restore (store, argv[1], by,
                         (other_shop ? CF_RESTORE_OTHER_SHOP : 0) | (unvouched ? CF_RESTORE_UNVOUCHED : 0),
                         &kept_as, &error))
    {
      g_printerr ("counterfoil restore: %s\n", error->message);
      if (g_error_matches (error, CF_STORE_ERROR, CF_STORE_ERROR_OTHER_SHOP))
        g_printerr ("%s\n", _("Nothing was changed. To restore it all the same, add --other-shop."));
      else if (g_error_matches (error, CF_STORE_ERROR, CF_STORE_ERROR_UNVOUCHED))
        g_printerr ("%s\n", _("Nothing was changed. To restore it all the same, add --unvouched."));
      return 1;
    }
  if (kept_as != NULL)
    g_print (_("Restored %s. The database as it was is kept as %s.\n"), argv[1], kept_as);
  else
    g_print (_("Restored %s on the server, in one transaction.\n"), argv[1]);
  return 0;
}

int
cf_cli_run_migrate (CfCliContext *ctx,
                    int          argc,
                    char       **argv)
{
  g_autofree char *operator_no = NULL;
  g_autofree char *to = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The server's database: postgresql://HOST/DB or service=NAME (passwords in ~/.pgpass)"), N_("CONNINFO") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("The manager moving it"), N_("NO") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CfMigrateResult result;
  const char *by;
  int status = 0;

  if (!cf_cli_parse_options (ctx, "migrate", NULL,
                             _("Copy this shop's database file onto a PostgreSQL server, whole, and check it there"),
                             entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 1 || to == NULL)
    return cf_cli_usage_error ("migrate", _("name the server with --to"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((by = cf_cli_sign_in (ctx, store, "migrate", operator_no, &status)) == NULL)
    return status;
  if (!cf_auth_require_manager (store, by, _("Only a manager moves the shop to a server"), &error) ||
      !cf_store_migrate_to (store, to, &result, &error))
    {
      g_printerr ("counterfoil migrate: %s\n", error->message);
      return 1;
    }
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cf_cli_json_set_string (b, "to", to);
      cf_cli_json_set_bool (b, "already", result.already);
      cf_cli_json_set_int (b, "file_entries_after", (gint64) result.file_entries_after);
      cf_cli_json_set_int (b, "rows", (gint64) result.rows);
      cf_cli_json_set_int (b, "transactions", (gint64) result.transactions);
      cf_cli_json_set_int (b, "audit_entries", (gint64) result.audit_entries);
      cf_cli_json_set_int (b, "signed_reports", result.reports);
      json_builder_end_object (b);
      cf_cli_json_print (b);
      return 0;
    }
  if (result.already && result.file_entries_after > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "The server already holds this shop: nothing was copied. The file has %llu audit entry "
                          "since the move (a sign-in, or work done on the file); it stays in the file.\n",
                          "The server already holds this shop: nothing was copied. The file has %llu audit entries "
                          "since the move (sign-ins, or work done on the file); they stay in the file.\n",
                          (gulong) result.file_entries_after),
             (unsigned long long) result.file_entries_after);
  else if (result.already)
    g_print (_("The server already holds this shop: nothing was copied.\n"));
  else
    g_print (_("Moved %llu rows to the server: %llu transactions, %llu audit entries (the chain checked there) "
               "and %u signed reports (each checked byte for byte).\nFrom now on open it with --db \"%s\".\n"),
             (unsigned long long) result.rows, (unsigned long long) result.transactions,
             (unsigned long long) result.audit_entries, result.reports, to);
  return 0;
}
