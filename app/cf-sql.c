/* cf-sql.c — small helpers for SQLite statements: binding, reading, rows
 *
 * Every text a person typed or a file held is bound through here, so that
 * a card number is masked before SQLite sees it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-sql"

#include "config.h"

#include "cf-card-number.h"
#include "cf-sql.h"

static int
bind_scrubbed (CfDbStmt            *stmt,
               int                      index,
               const char              *text,
               CfDbDestroy  destroy,
               CfCardScrub              mode)
{
  char *scrubbed;
  guint masked = 0;

  if (text == NULL)
    return cf_db_bind_null (stmt, index);
  /* Text that is not UTF-8 (a command-line argument in another encoding)
   * is stored as what can be read of it, never as bytes that break a reader. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      scrubbed = cf_card_number_scrub (valid, mode, NULL);
      return cf_db_bind_text (stmt, index, scrubbed, -1, g_free);
    }
  if (!cf_card_number_might_hold (text))
    return cf_db_bind_text (stmt, index, text, -1, destroy);
  scrubbed = cf_card_number_scrub (text, mode, &masked);
  if (masked == 0)
    {
      g_free (scrubbed);
      return cf_db_bind_text (stmt, index, text, -1, destroy);
    }
  return cf_db_bind_text (stmt, index, scrubbed, -1, g_free);
}

/**
 * cf_sql_bind_text:
 *
 * Binds text that a person typed or a file held. Every string written to
 * the database goes through here (or cf_sql_bind_identifier()), so that a
 * card number, however it was written, is masked before SQLite sees it.
 * Only values the program makes itself (hashes, timestamps, names of
 * states) are bound as they are.
 */
int
cf_sql_bind_text (CfDbStmt            *stmt,
                    int                      index,
                    const char              *text,
                    CfDbDestroy  destroy)
{
  return bind_scrubbed (stmt, index, text, destroy, CF_CARD_SCRUB_ANY);
}

/**
 * cf_sql_bind_identifier:
 *
 * Binds a merchant or terminal number, or a key made of them: masked only
 * where it is a card number of a real issuer range, since such numbers pass
 * the Luhn check by chance.
 */
int
cf_sql_bind_identifier (CfDbStmt            *stmt,
                          int                      index,
                          const char              *text,
                          CfDbDestroy  destroy)
{
  return bind_scrubbed (stmt, index, text, destroy, CF_CARD_SCRUB_IDENTIFIER);
}

/**
 * cf_sql_dup_text:
 *
 * Returns: (transfer full) (nullable): a column of the current row as text,
 *   %NULL for NULL
 */
char *
cf_sql_dup_text (CfDbStmt *stmt,
                   int           column)
{
  return g_strdup ((const char *) cf_db_column_text (stmt, column));
}

/**
 * cf_sql_collect_rows:
 * @stmt: (transfer full): a bound query; finalized here
 *
 * Returns: (transfer full) (element-type GStrv): each row's columns as text,
 *   NULL as ""
 */
GPtrArray *
cf_sql_collect_rows (CfDbStmt *stmt)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  int n = cf_db_column_count (stmt);

  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      char **row = g_new0 (char *, n + 1);

      for (int c = 0; c < n; c++)
        row[c] = g_strdup (cf_db_column_text (stmt, c) != NULL ? (const char *) cf_db_column_text (stmt, c) : "");
      g_ptr_array_add (rows, row);
    }
  cf_db_finalize (stmt);
  return rows;
}

/**
 * cf_sql_append_rows:
 *
 * Appends the placeholders of @n_rows rows of @n_columns values each,
 * `(?1, ?2), (?3, ?4)`, for an INSERT that sends many rows at once.
 */
void
cf_sql_append_rows (GString *sql,
                    guint    n_rows,
                    guint    n_columns)
{
  guint p = 0;

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (" : "(");
      for (guint c = 0; c < n_columns; c++)
        g_string_append_printf (sql, c > 0 ? ", ?%u" : "?%u", ++p);
      g_string_append_c (sql, ')');
    }
}
