/* cf-db-pg-sql.c — SQLite's dialect, as the services write it, in PostgreSQL's
 *
 * The services write one SQL. What the server reads differently is
 * rewritten here, token by token, outside quoted text:
 *
 *   ?, ?N                  $N (a bare ? takes the number after the largest so far)
 *   IS ? / IS NOT ?        IS NOT DISTINCT FROM $N / IS DISTINCT FROM $N
 *   LIKE                   ILIKE (SQLite's LIKE ignores case)
 *   char, instr,           chr, strpos, string_agg, lastval; date, datetime,
 *   group_concat,          strftime and printf become the schema's cf_date,
 *   last_insert_rowid …    cf_datetime, … (see below)
 *   +t.column              t.column (SQLite's "use no index here")
 *   INSERT OR IGNORE       INSERT … ON CONFLICT DO NOTHING
 *   INSERT INTO t …        … RETURNING id, when t has an id: the last
 *                          insert's id, as sqlite3_last_insert_rowid()
 *   PRAGMA …               nothing: the server has its own settings
 *
 * SQLite's functions the services use that the server lacks — date,
 * datetime, strftime, printf, max of a comparison, cf_audit_hash — are
 * defined on the server by the schema (cf-store-schema-pg.c), with SQLite's
 * meaning for the arguments the services pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-db"

#include "config.h"

#include <string.h>

#include "cf-db-pg.h"

typedef struct
{
  GString  *out;
  int       max_param;
  gboolean  or_ignore;
} Rewrite;

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static const char *
skip_space (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

/* Whether @p starts with @word as a whole word, case ignored. */
static gboolean
word_at (const char *p,
         const char *word)
{
  gsize n = strlen (word);

  return g_ascii_strncasecmp (p, word, n) == 0 && !is_word_char (p[n]);
}

static const char *
copy_quoted (Rewrite    *rw,
             const char *p)
{
  char quote = *p;

  g_string_append_c (rw->out, *p++);
  while (*p != '\0')
    {
      g_string_append_c (rw->out, *p);
      if (*p++ == quote)
        {
          if (*p != quote)
            break;
          g_string_append_c (rw->out, *p++);
        }
    }
  return p;
}

static const char *
placeholder (Rewrite    *rw,
             const char *p)
{
  int n;

  p++;
  if (g_ascii_isdigit (*p))
    {
      n = (int) g_ascii_strtoll (p, (char **) &p, 10);
    }
  else
    n = rw->max_param + 1;
  rw->max_param = MAX (rw->max_param, n);
  g_string_append_printf (rw->out, "$%d", n);
  return p;
}

/* A word: rewritten when SQLite's and the server's differ, else copied. */
static const char *
word (Rewrite    *rw,
      const char *p,
      char        before)
{
  const char *end = p;
  const char *next;

  while (is_word_char (*end))
    end++;
  next = skip_space (end);

  if (word_at (p, "IS"))
    {
      const char *after_not = word_at (next, "NOT") ? skip_space (next + 3) : NULL;

      if (*next == '?')
        {
          g_string_append (rw->out, "IS NOT DISTINCT FROM ");
          return next;
        }
      if (after_not != NULL && *after_not == '?')
        {
          g_string_append (rw->out, "IS DISTINCT FROM ");
          return after_not;
        }
    }
  else if (word_at (p, "LIKE") && before != '.')
    {
      g_string_append (rw->out, "ILIKE");
      return end;
    }
  else if (*next == '(' && before != '.')
    {
      static const char *const functions[][2] = {
        { "char", "chr" },
        { "instr", "strpos" },
        { "group_concat", "string_agg" },
        { "last_insert_rowid", "lastval" },
        { "date", "cf_date" },
        { "datetime", "cf_datetime" },
        { "strftime", "cf_strftime" },
        { "printf", "cf_printf" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
        if (word_at (p, functions[i][0]))
          {
            g_string_append (rw->out, functions[i][1]);
            return end;
          }
    }
  else if (word_at (p, "INSERT") && word_at (next, "OR"))
    {
      const char *what = skip_space (next + 2);

      if (word_at (what, "IGNORE"))
        {
          rw->or_ignore = TRUE;
          g_string_append (rw->out, "INSERT");
          return what + strlen ("IGNORE");
        }
    }
  g_string_append_len (rw->out, p, end - p);
  return end;
}

/* The table an INSERT writes to, when the statement is one. */
static char *
insert_table (const char *sql)
{
  const char *p = skip_space (sql);
  const char *end;

  if (!word_at (p, "INSERT"))
    return NULL;
  p = skip_space (p + 6);
  if (!word_at (p, "INTO"))
    return NULL;
  p = skip_space (p + 4);
  for (end = p; is_word_char (*end); end++)
    ;
  return end > p ? g_ascii_strdown (p, end - p) : NULL;
}

/**
 * cf_db_pg_translate:
 * @has_id: (nullable): tells whether a table has an id column
 * @n_params: (out) (optional): the number of the last parameter
 * @returns_id: (out) (optional): whether `RETURNING id` was added
 *
 * Returns: (transfer full): @sql as the server reads it
 */
char *
cf_db_pg_translate (const char  *sql,
                    CfDbPgHasId  has_id,
                    gpointer     user_data,
                    int         *n_params,
                    gboolean    *returns_id)
{
  Rewrite rw = { g_string_sized_new (strlen (sql) + 32), 0, FALSE };
  g_autofree char *table = insert_table (sql);
  const char *p = skip_space (sql);
  char before = ' ';
  gboolean adds_id;

  if (word_at (p, "PRAGMA"))
    p += strlen (p);

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        p = copy_quoted (&rw, p);
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *eol = strchr (p, '\n');
          gsize n = eol != NULL ? (gsize) (eol - p) : strlen (p);

          g_string_append_len (rw.out, p, n);
          p += n;
        }
      else if (*p == '?')
        p = placeholder (&rw, p);
      else if (*p == '+' && (g_ascii_isalpha (p[1]) || p[1] == '_') &&
               (g_ascii_isspace (before) || before == '(' || before == ','))
        p++;
      else if ((g_ascii_isalpha (*p) || *p == '_') && !is_word_char (before) && before != '$')
        p = word (&rw, p, before);
      else
        g_string_append_c (rw.out, *p++);
      before = rw.out->len > 0 ? rw.out->str[rw.out->len - 1] : ' ';
    }

  /* What goes at the end of a single statement. */
  while (rw.out->len > 0 && (g_ascii_isspace (rw.out->str[rw.out->len - 1]) || rw.out->str[rw.out->len - 1] == ';'))
    g_string_truncate (rw.out, rw.out->len - 1);
  if (rw.or_ignore)
    g_string_append (rw.out, " ON CONFLICT DO NOTHING");
  adds_id = table != NULL && has_id != NULL && has_id (table, user_data);
  if (adds_id)
    g_string_append (rw.out, " RETURNING id");

  if (n_params != NULL)
    *n_params = rw.max_param;
  if (returns_id != NULL)
    *returns_id = adds_id;
  return g_string_free (rw.out, FALSE);
}
