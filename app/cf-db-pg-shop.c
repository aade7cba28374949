/* cf-db-pg-shop.c — the engine boundary's server side: the desk's shop
 *
 * A chain keeps each shop in a schema of its own (`shop_CODE`) owned by the
 * shop's role (`counterfoil_shop_CODE`). A desk is set to its shop by
 * Counterfoil's own keyword in its connection string, `shop=CODE` (or
 * `?shop=CODE` in a URI), which libpq never sees.
 *
 * Entering the shop sets the session's role to the shop's — which the
 * server refuses unless the database user is one of the shop's desks — and
 * the shop's schema as the only one searched. Every service's SQL then
 * reads and writes that shop alone, and the write lock, the numbers and
 * the audit chain are the shop's: it is the server that keeps shops apart,
 * not the window. A head office's user may read any shop, and only read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-db"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-db-codes.h"
#include "cf-db-pg-private.h"

/**
 * cf_db_pg_shop_code_is_valid:
 *
 * Returns: whether @code can name a shop: 1 to 30 lower-case letters,
 *   digits or `_` (it becomes part of a schema's and a role's name)
 */
gboolean
cf_db_pg_shop_code_is_valid (const char *code)
{
  size_t length = code != NULL ? strlen (code) : 0;

  if (length == 0 || length > 30)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* `key=value key='quoted value'`: every pair but shop= is kept as written. */
static void
split_keywords (const char  *target,
                GString     *rest,
                char       **shop)
{
  const char *p = target;

  while (*p != '\0')
    {
      const char *key, *key_end, *value;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      key = p;
      while (*p != '\0' && *p != '=' && !g_ascii_isspace (*p))
        p++;
      key_end = p;
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '=')
        {
          /* Not a keyword=value string after all: libpq will say why. */
          g_string_assign (rest, target);
          g_clear_pointer (shop, g_free);
          return;
        }
      p++;
      while (g_ascii_isspace (*p))
        p++;
      value = p;
      if (*p == '\'')
        {
          for (p++; *p != '\0' && *p != '\''; p++)
            if (*p == '\\' && p[1] != '\0')
              p++;
          if (*p != '\0')
            p++;
        }
      else
        while (*p != '\0' && !g_ascii_isspace (*p))
          p++;

      if (key_end - key == 4 && strncmp (key, "shop", 4) == 0)
        {
          g_free (*shop);
          *shop = *value == '\'' ? g_strndup (value + 1, MAX (p - value - 2, 0)) : g_strndup (value, p - value);
        }
      else
        {
          if (rest->len > 0)
            g_string_append_c (rest, ' ');
          g_string_append_len (rest, key, p - key);
        }
    }
}

/* postgresql://host/chain?shop=north&sslmode=require */
static void
split_uri (const char  *target,
           GString     *rest,
           char       **shop)
{
  const char *query = strchr (target, '?');
  g_auto(GStrv) parameters = NULL;
  gboolean first = TRUE;

  if (query == NULL)
    {
      g_string_assign (rest, target);
      return;
    }
  g_string_append_len (rest, target, query - target);
  parameters = g_strsplit (query + 1, "&", -1);
  for (guint i = 0; parameters[i] != NULL; i++)
    {
      if (g_str_has_prefix (parameters[i], "shop="))
        {
          g_free (*shop);
          *shop = g_uri_unescape_string (parameters[i] + 5, NULL);
          continue;
        }
      if (*parameters[i] == '\0')
        continue;
      g_string_append_c (rest, first ? '?' : '&');
      g_string_append (rest, parameters[i]);
      first = FALSE;
    }
}

/**
 * cf_db_pg_split_shop:
 * @target: a connection string, perhaps naming the desk's shop
 * @shop: (out) (transfer full) (optional) (nullable): the shop's code, as written
 *
 * Returns: (transfer full): @target without its shop, as libpq reads it
 */
char *
cf_db_pg_split_shop (const char  *target,
                     char       **shop)
{
  GString *rest = g_string_new (NULL);
  char *found = NULL;

  if (g_str_has_prefix (target, "postgresql://") || g_str_has_prefix (target, "postgres://"))
    split_uri (target, rest, &found);
  else
    split_keywords (target, rest, &found);
  if (shop != NULL)
    *shop = found;
  else
    g_free (found);
  return g_string_free (rest, FALSE);
}

static PGresult *
ask (CfDbPg      *db,
     const char  *sql,
     const char  *first,
     const char  *second)
{
  const char *values[] = { first, second };
  PGresult *result = PQexecParams (db->conn, sql, second != NULL ? 2 : 1, NULL, values, NULL, NULL, 0);

  if (!cf_db_pg_result_ok (db, result))
    g_clear_pointer (&result, PQclear);
  return result;
}

static gboolean
run (CfDbPg     *db,
     const char *sql)
{
  PGresult *result = PQexec (db->conn, sql);
  gboolean ok = cf_db_pg_result_ok (db, result);

  PQclear (result);
  return ok;
}

static void
refuse (CfDbPg *db,
        char   *message)
{
  g_free (db->errmsg);
  db->errmsg = message;
  db->errcode = SQLITE_AUTH;
}

/* Whether the database user is one of the shop's desks, or a head office's;
 * what the session is set to then. */
static gboolean
enter_shop (CfDbPg *db)
{
  g_autofree char *schema = g_strconcat ("shop_", db->shop, NULL);
  g_autofree char *role = g_strconcat ("counterfoil_shop_", db->shop, NULL);
  g_autofree char *setup = NULL;
  PGresult *result;
  gboolean exists, desk, head_office, shared;

  result = ask (db,
                "SELECT to_regnamespace ($1) IS NOT NULL, "
                "       CASE WHEN to_regrole ($2) IS NULL THEN false "
                "            ELSE pg_has_role (session_user, to_regrole ($2)::oid, 'MEMBER') END, "
                "       CASE WHEN to_regrole ('counterfoil_head_office') IS NULL THEN false "
                "            ELSE pg_has_role (session_user, 'counterfoil_head_office', 'MEMBER') END, "
                "       CASE WHEN to_regnamespace ($1) IS NULL THEN false "
                "            ELSE has_schema_privilege (to_regnamespace ($1), 'USAGE') END",
                schema, role);
  if (result == NULL)
    return FALSE;
  exists = PQgetvalue (result, 0, 0)[0] == 't';
  desk = PQgetvalue (result, 0, 1)[0] == 't';
  head_office = PQgetvalue (result, 0, 2)[0] == 't';
  shared = PQgetvalue (result, 0, 3)[0] == 't';
  PQclear (result);

  if (!exists)
    {
      refuse (db, g_strdup_printf (_("There is no shop %s in this database; counterfoil shop list names the shops "
                                     "there are"), db->shop));
      return FALSE;
    }
  if (!desk && !head_office)
    {
      refuse (db, g_strdup_printf (_("The database user %s is not one of the desks of shop %s; the chain's "
                                     "administrator makes it one with: counterfoil shop grant %s %s"),
                                   PQuser (db->conn), db->shop, db->shop, PQuser (db->conn)));
      return FALSE;
    }
  /* The shop's role lets the head office in when a desk of it opens it. */
  if (!desk && !shared)
    {
      refuse (db, g_strdup_printf (_("The head office cannot read shop %s yet: the shop lets it in as soon as one of its "
                                     "desks opens it"), db->shop));
      return FALSE;
    }
  db->reads_only = !desk;
  /* The names were checked: letters, digits and _ only. */
  setup = desk ? g_strdup_printf ("SET ROLE %s; SET search_path = %s", role, schema)
               : g_strdup_printf ("SET search_path = %s; SET default_transaction_read_only = on", schema);
  if (!run (db, setup))
    return FALSE;
  /* A desk of the head office itself: its window shows the chain's shops. */
  result = desk ? ask (db, "SELECT head_office FROM counterfoil.shops WHERE code = $1", db->shop, NULL) : NULL;
  db->head_office = result != NULL && PQntuples (result) == 1 && PQgetvalue (result, 0, 0)[0] == 't';
  g_clear_pointer (&result, PQclear);
  return TRUE;
}

/**
 * cf_db_pg_enter_shop:
 *
 * Sets the session to the desk's shop, if it has one (see above), and
 * learns the schema it works in: what other desks announce in another is
 * none of its business.
 */
gboolean
cf_db_pg_enter_shop (CfDbPg *db)
{
  PGresult *result;

  if (db->shop != NULL && !enter_shop (db))
    return FALSE;
  result = PQexec (db->conn, "SELECT current_schema ()");
  if (!cf_db_pg_result_ok (db, result))
    {
      PQclear (result);
      return FALSE;
    }
  g_free (db->schema);
  db->schema = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return TRUE;
}

gboolean
cf_db_pg_reads_only (CfDbPg *db)
{
  return db->reads_only;
}

gboolean
cf_db_pg_is_head_office (CfDbPg *db)
{
  return db->head_office;
}
