/* cf-store-shop.c — CfStore in a chain's shop on a server
 *
 * What the store knows and does as a desk of one of a chain's shops
 * (cf-chain.c has the chain's side): whether it only reads, whether it is
 * the head office's, the head office's view of the shop, and a chain's
 * database opened without a shop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-store-private.h"

/**
 * cf_store_reads_only:
 *
 * Returns: whether this connection may only read: a head office's user
 *   looking into one of the chain's shops
 */
gboolean
cf_store_reads_only (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_db_reads_only (cf_store_get_db (self));
}


/**
 * cf_store_is_head_office:
 *
 * Returns: whether this desk is one of a chain's head office, whose window
 *   shows every shop
 */
gboolean
cf_store_is_head_office (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  return cf_db_is_head_office (cf_store_get_db (self));
}


/**
 * cf_store_shop_code_is_valid:
 *
 * Returns: whether @code can name a chain's shop (`shop=CODE`): 1 to 30
 *   lower-case letters, digits or `_`
 */
gboolean
cf_store_shop_code_is_valid (const char *code)
{
  return cf_db_shop_code_is_valid (code);
}


/* A chain's database keeps its shops in schemas of their own; a desk with
 * no shop set would start a shop of its own beside them. The shops' codes,
 * or NULL when the database is not a chain's. */
char *
cf_store_dup_chain_shops (CfStore *self)
{
  g_autoptr(CfDbStmt) listed = cf_store_prepare (self, "SELECT to_regclass ('counterfoil.shops') IS NOT NULL", NULL);
  g_autoptr(CfDbStmt) stmt = NULL;

  if (listed == NULL || cf_db_step (listed) != CF_DB_ROW || cf_db_column_int (listed, 0) == 0)
    return NULL;
  stmt = cf_store_prepare (self, "SELECT string_agg (code, ', ' ORDER BY code) FROM counterfoil.shops", NULL);
  if (stmt == NULL || cf_db_step (stmt) != CF_DB_ROW || cf_db_column_type (stmt, 0) == CF_DB_NULL)
    return NULL;
  return g_strdup ((const char *) cf_db_column_text (stmt, 0));
}


/* What the chain's head office reads of a shop: the shop's own role owns
 * its tables and lets the head office read them, new ones too after an
 * upgrade or a restore. Asked again on every desk's opening; granted only
 * when something is missing, so desks opening at once do not collide. */
gboolean
cf_store_share_with_head_office (CfStore  *self,
                                 GError  **error)
{
  if (cf_store_get_shop (self) == NULL || cf_store_reads_only (self))
    return TRUE;
  return cf_store_exec (self,
    "DO $$ BEGIN "
    "  IF to_regrole ('counterfoil_head_office') IS NULL THEN RETURN; END IF;"
    "  IF NOT has_schema_privilege ('counterfoil_head_office', current_schema (), 'USAGE') THEN "
    "    EXECUTE format ('GRANT USAGE ON SCHEMA %I TO counterfoil_head_office', current_schema ());"
    "  END IF;"
    "  IF EXISTS (SELECT FROM pg_tables t WHERE t.schemaname = current_schema () AND NOT has_table_privilege "
    "             ('counterfoil_head_office', format ('%I.%I', t.schemaname, t.tablename), 'SELECT')) THEN "
    "    EXECUTE format ('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO counterfoil_head_office', current_schema ());"
    "  END IF;"
    "END $$", error);
}
