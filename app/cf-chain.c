/* cf-chain.c — a chain's shops on one PostgreSQL server
 *
 * Each shop is a schema of its own, `shop_CODE`, owned by a role of its
 * own, `counterfoil_shop_CODE`, whose members are the shop's desks (their
 * database users). The server keeps shops apart: a desk's session takes
 * its shop's role, which can use no other shop's schema. Every shop has
 * the whole schema, so that its numbers (duplicates, requests, signed
 * reports) and its audit chain are its own, gap-free, under its own write
 * lock, and a shop's file moves in with its ids as they were.
 *
 * The shops are listed in `counterfoil.shops`, which every desk may read.
 * A head office is a shop whose role is also a member of
 * `counterfoil_head_office`, which may read — only read — every shop.
 *
 * Adding shops and desks is the chain administrator's work: a database
 * user that may create roles and schemas (`CREATEROLE` and `CREATE` on the
 * database), connected without a shop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-chain"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-chain.h"
#include "cf-db-codes.h"
#include "cf-db.h"
#include "cf-store-private.h"

void
cf_shop_info_free (CfShopInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->code);
  g_free (info->name);
  g_free (info->merchant_no);
  g_free (info->created_at);
  g_free (info);
}

CfShopInfo *
cf_shop_info_copy (const CfShopInfo *info)
{
  CfShopInfo *copy = g_new0 (CfShopInfo, 1);

  copy->code = g_strdup (info->code);
  copy->name = g_strdup (info->name);
  copy->merchant_no = g_strdup (info->merchant_no);
  copy->head_office = info->head_office;
  copy->created_at = g_strdup (info->created_at);
  return copy;
}

/**
 * cf_chain_shop_target:
 *
 * Returns: (transfer full): @target set to the shop @code (whatever shop
 *   it named before)
 */
char *
cf_chain_shop_target (const char *target,
                      const char *code)
{
  g_autofree char *conninfo = cf_db_split_shop (target, NULL);

  if (g_str_has_prefix (conninfo, "postgresql://") || g_str_has_prefix (conninfo, "postgres://"))
    return g_strconcat (conninfo, strchr (conninfo, '?') != NULL ? "&" : "?", "shop=", code, NULL);
  return g_strconcat (conninfo, " shop=", code, NULL);
}

/* The administrator's connection: to the database, in no shop. */
static CfDb *
open_chain (const char  *target,
            GError     **error)
{
  g_autofree char *conninfo = NULL;
  g_autofree char *message = NULL;
  CfDb *db;

  if (!cf_store_names_server (target))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN,
                   _("A chain's shops live on a PostgreSQL server; %s is a file"), target);
      return NULL;
    }
  if (!cf_store_check_target (target, error))
    return NULL;
  conninfo = cf_db_split_shop (target, NULL);
  db = cf_db_open (conninfo, FALSE, &message);
  if (db == NULL)
    g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("Cannot connect to the database server %s: %s"),
                 conninfo, message);
  return db;
}

static gboolean
failed (CfDb        *db,
        const char  *doing,
        GError     **error)
{
  g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_SQL, "%s: %s", doing, cf_db_errmsg (db));
  return FALSE;
}

static gboolean
has_registry (CfDb *db)
{
  g_autoptr(CfDbStmt) stmt = NULL;

  return cf_db_prepare (db, "SELECT to_regclass ('counterfoil.shops') IS NOT NULL", &stmt) == CF_DB_OK &&
         cf_db_step (stmt) == CF_DB_ROW && cf_db_column_int (stmt, 0) != 0;
}

static GPtrArray *
read_shops (CfDb    *db,
            GError **error)
{
  g_autoptr(GPtrArray) shops = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_shop_info_free);
  g_autoptr(CfDbStmt) stmt = NULL;
  int rc;

  if (!has_registry (db))
    return g_steal_pointer (&shops);
  if (cf_db_prepare (db, "SELECT code, name, merchant_no, head_office, created_at FROM counterfoil.shops "
                         "ORDER BY code", &stmt) != CF_DB_OK)
    return failed (db, _("reading the chain's shops"), error) ? NULL : NULL;
  while ((rc = cf_db_step (stmt)) == CF_DB_ROW)
    {
      CfShopInfo *info = g_new0 (CfShopInfo, 1);

      info->code = g_strdup ((const char *) cf_db_column_text (stmt, 0));
      info->name = g_strdup ((const char *) cf_db_column_text (stmt, 1));
      info->merchant_no = g_strdup ((const char *) cf_db_column_text (stmt, 2));
      info->head_office = cf_db_column_int (stmt, 3) != 0;
      info->created_at = g_strdup ((const char *) cf_db_column_text (stmt, 4));
      g_ptr_array_add (shops, info);
    }
  if (rc != CF_DB_DONE)
    return failed (db, _("reading the chain's shops"), error) ? NULL : NULL;
  return g_steal_pointer (&shops);
}

/**
 * cf_chain_list_shops:
 * @target: the chain's database; the shop it names, if any, is left aside
 *
 * Returns: (transfer full) (element-type CfShopInfo): the chain's shops,
 *   by code; none for a database that is not a chain's
 */
GPtrArray *
cf_chain_list_shops (const char  *target,
                     GError     **error)
{
  g_autoptr(CfDb) db = open_chain (target, error);

  return db != NULL ? read_shops (db, error) : NULL;
}

static gboolean
shop_is_listed (CfDb       *db,
                const char *code)
{
  g_autoptr(CfDbStmt) stmt = NULL;

  return has_registry (db) &&
         cf_db_prepare (db, "SELECT 1 FROM counterfoil.shops WHERE code = ?1", &stmt) == CF_DB_OK &&
         cf_db_bind_text (stmt, 1, code, -1, CF_DB_STATIC) == CF_DB_OK && cf_db_step (stmt) == CF_DB_ROW;
}

/* The registry, the roles, the shop's schema and its entry, in one
 * transaction: a shop is there whole or not at all. */
static gboolean
register_shop (CfDb        *db,
               const char  *code,
               const char  *name,
               const char  *merchant_no,
               gboolean     head_office,
               GError     **error)
{
  char now[21];
  g_autoptr(CfDbStmt) insert = NULL;
  g_autofree char *reading_all = head_office ? g_strdup_printf ("GRANT counterfoil_head_office TO "
                                                                "counterfoil_shop_%s;", code)
                                             : g_strdup ("");
  /* The code was checked: lower-case letters, digits and _ only. */
  g_autofree char *ddl = g_strdup_printf (
    "CREATE SCHEMA IF NOT EXISTS counterfoil;"
    "CREATE TABLE IF NOT EXISTS counterfoil.shops ("
    "  code        text COLLATE \"C\" PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,30}$'),"
    "  name        text COLLATE \"C\" NOT NULL CHECK (name <> ''),"
    "  merchant_no text COLLATE \"C\","
    "  head_office boolean NOT NULL DEFAULT false,"
    "  created_at  text COLLATE \"C\" NOT NULL);"
    "GRANT USAGE ON SCHEMA counterfoil TO PUBLIC;"
    "GRANT SELECT ON counterfoil.shops TO PUBLIC;"
    "DO $$ BEGIN "
    "  IF to_regrole ('counterfoil_head_office') IS NULL THEN CREATE ROLE counterfoil_head_office NOLOGIN; END IF;"
    /* A role is the cluster's: another database of it may have made it. */
    "  IF to_regrole ('counterfoil_shop_%1$s') IS NULL THEN CREATE ROLE counterfoil_shop_%1$s NOLOGIN; END IF;"
    /* Its restore drops and makes the shop's schema again. */
    "  EXECUTE format ('GRANT CREATE ON DATABASE %%I TO counterfoil_shop_%1$s', current_database ());"
    /* An administrator who is not a superuser makes the shop's tables as the shop. */
    "  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN "
    "    EXECUTE format ('GRANT counterfoil_shop_%1$s TO %%I', session_user);"
    "  END IF;"
    "END $$;"
    "CREATE SCHEMA shop_%1$s AUTHORIZATION counterfoil_shop_%1$s;"
    "%2$s",
    code, reading_all);

  if (cf_db_exec (db, "BEGIN") != CF_DB_OK)
    return failed (db, _("adding the shop"), error);
  if (cf_db_exec (db, ddl) != CF_DB_OK ||
      cf_db_prepare (db, "INSERT INTO counterfoil.shops (code, name, merchant_no, head_office, created_at) "
                         "VALUES (?1, ?2, ?3, ?4 <> 0, ?5)", &insert) != CF_DB_OK)
    {
      failed (db, _("adding the shop"), error);
      cf_db_exec (db, "ROLLBACK");
      return FALSE;
    }
  cf_store_now_utc (now);
  cf_db_bind_text (insert, 1, code, -1, CF_DB_STATIC);
  cf_db_bind_text (insert, 2, name, -1, CF_DB_STATIC);
  cf_db_bind_text (insert, 3, merchant_no, -1, CF_DB_STATIC);
  cf_db_bind_int64 (insert, 4, head_office ? 1 : 0);
  cf_db_bind_text (insert, 5, now, -1, CF_DB_STATIC);
  if (cf_db_step (insert) != CF_DB_DONE || cf_db_exec (db, "COMMIT") != CF_DB_OK)
    {
      failed (db, _("adding the shop"), error);
      cf_db_exec (db, "ROLLBACK");
      return FALSE;
    }
  return TRUE;
}

/**
 * cf_chain_add_shop:
 * @target: the chain's database, connected to as its administrator
 * @code: what the shop's desks write in their connection string
 *   (`shop=north`): lower-case letters, digits and _
 * @merchant_no: (nullable): the acquirer's merchant no.
 * @head_office: whether the shop's desks read every shop
 *
 * Adds a shop to the chain, with its role and its schema, and makes its
 * tables. Its desks are the database users granted its role
 * (cf_chain_grant_desk()).
 */
gboolean
cf_chain_add_shop (const char  *target,
                   const char  *code,
                   const char  *name,
                   const char  *merchant_no,
                   gboolean     head_office,
                   GError     **error)
{
  g_autoptr(CfDb) db = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autofree char *shop_target = NULL;

  if (!cf_store_shop_code_is_valid (code))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN,
                   _("%s is not a shop's code: 1 to 30 lower-case letters, digits or _"), code);
      return FALSE;
    }
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN, _("Give the shop a name"));
      return FALSE;
    }
  if ((db = open_chain (target, error)) == NULL)
    return FALSE;
  if (shop_is_listed (db, code))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_EMPTY, _("The chain has a shop %s already"), code);
      return FALSE;
    }
  if (!register_shop (db, code, name, merchant_no, head_office, error))
    return FALSE;

  /* Its tables, made as the shop (whose they are) by the store's own steps. */
  shop_target = cf_chain_shop_target (target, code);
  store = cf_store_open (shop_target, error);
  return store != NULL;
}

/**
 * cf_chain_grant_desk:
 * @db_user: a database user (a login role) the shop's desks connect as
 *
 * Makes @db_user one of the shop's desks: it may then work in the shop,
 * and in no other unless granted that one too.
 */
gboolean
cf_chain_grant_desk (const char  *target,
                     const char  *code,
                     const char  *db_user,
                     GError     **error)
{
  g_autoptr(CfDb) db = open_chain (target, error);
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autofree char *grant = NULL;

  if (db == NULL)
    return FALSE;
  if (!shop_is_listed (db, code))
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND,
                   _("There is no shop %s in this database; counterfoil shop list names the shops there are"), code);
      return FALSE;
    }
  if (cf_db_prepare (db, "SELECT to_regrole (?2) IS NOT NULL, format ('GRANT %I TO %I', 'counterfoil_shop_' || ?1, ?2)",
                     &stmt) != CF_DB_OK)
    return failed (db, _("making the desk"), error);
  cf_db_bind_text (stmt, 1, code, -1, CF_DB_STATIC);
  cf_db_bind_text (stmt, 2, db_user, -1, CF_DB_STATIC);
  if (cf_db_step (stmt) != CF_DB_ROW)
    return failed (db, _("making the desk"), error);
  if (cf_db_column_int (stmt, 0) == 0)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND,
                   _("The server has no database user %s; create it first (CREATE ROLE %s LOGIN)"), db_user, db_user);
      return FALSE;
    }
  grant = g_strdup ((const char *) cf_db_column_text (stmt, 1));
  if (cf_db_exec (db, grant) != CF_DB_OK)
    return failed (db, _("making the desk"), error);
  return TRUE;
}

/**
 * cf_chain_foreach_shop:
 * @target: a desk's database on the chain (its own shop is left aside)
 * @visit: (scope call): called for every shop but head offices, in code
 *   order, with a store on that shop, or with why none could be opened
 *
 * Opens each shop of the chain as @target's database user: a head office's
 * user reads them, a shop's desk is refused every shop but its own.
 *
 * Returns: %FALSE with @error set when the chain could not be read, or
 *   when @visit said so
 */
gboolean
cf_chain_foreach_shop (const char        *target,
                       CfChainVisitFunc   visit,
                       gpointer           user_data,
                       GCancellable      *cancellable,
                       GError           **error)
{
  g_autoptr(GPtrArray) shops = cf_chain_list_shops (target, error);

  if (shops == NULL)
    return FALSE;
  for (guint i = 0; i < shops->len; i++)
    {
      CfShopInfo *shop = shops->pdata[i];
      g_autofree char *shop_target = NULL;
      g_autoptr(CfStore) store = NULL;
      g_autoptr(GError) open_error = NULL;

      if (shop->head_office)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      shop_target = cf_chain_shop_target (target, shop->code);
      store = cf_store_open (shop_target, &open_error);
      if (!visit (shop, store, open_error, user_data, error))
        return FALSE;
    }
  return TRUE;
}
