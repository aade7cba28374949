/* cf-db-pg-sql.c — SQLite's dialect, as the services write it, in PostgreSQL's
 *
 * The services write one SQL. What the server reads differently is
 * rewritten here, token by token, outside quoted text:
 *
 *   ?, ?N                  $N (a bare ? takes the number after the largest so far)
 *   a IS b / a IS NOT b    a IS NOT DISTINCT FROM b / a IS DISTINCT FROM b
 *                          (b not NULL, TRUE or FALSE)
 *   ? IS NULL              CAST ($N AS text) IS NULL (nothing else says its type)
 *   LIKE                   ILIKE (SQLite's LIKE ignores case)
 *   char, instr,           chr, strpos, lastval; date, datetime, strftime
 *   last_insert_rowid …    and printf become the schema's cf_date, … (below)
 *   +t.column              t.column (SQLite's "use no index here")
 *   INSERT OR IGNORE       INSERT … ON CONFLICT DO NOTHING
 *   INSERT INTO t …        … RETURNING id, when t has an id: the last
 *                          insert's id, as sqlite3_last_insert_rowid()
 *   FROM (SELECT …)        FROM (SELECT …) AS cf_subquery_N, unless named
 *   main.table             table
 *   PRAGMA …               nothing: the server has its own settings
 *
 * SQLite's functions the services use that the server lacks — date,
 * datetime, strftime, printf, group_concat, max and sum of a comparison,
 * cf_audit_hash — are
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
  gboolean  returning;         /* the statement says what it returns itself */
  gboolean  after_from;        /* the last word was FROM or JOIN */
  int       depth;             /* of parentheses */
  guint64   subqueries;        /* bit d: the parenthesis at depth d holds a subquery in FROM */
  guint     n_aliases;
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
  const char *after;
  int n;

  p++;
  if (g_ascii_isdigit (*p))
    {
      n = (int) g_ascii_strtoll (p, (char **) &p, 10);
    }
  else
    n = rw->max_param + 1;
  rw->max_param = MAX (rw->max_param, n);
  /* "? IS NULL" says nothing of the type: as text, as SQLite would take it. */
  after = skip_space (p);
  if (word_at (after, "IS") && (word_at (skip_space (after + 2), "NULL") ||
                                (word_at (skip_space (after + 2), "NOT") &&
                                 word_at (skip_space (skip_space (after + 2) + 3), "NULL"))))
    g_string_append_printf (rw->out, "CAST ($%d AS text)", n);
  else
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

  /* SQLite's name for the database itself: the server's tables are its own. */
  if (word_at (p, "main") && *end == '.')
    return end + 1;
  if (word_at (p, "IS"))
    {
      /* SQLite's IS compares anything, NULL equal to NULL. */
      gboolean negated = word_at (next, "NOT");
      const char *what = negated ? skip_space (next + 3) : next;
      static const char *const keeps[] = { "NULL", "TRUE", "FALSE", "DISTINCT", "UNKNOWN", "NOT" };
      gboolean compares = *what == '?' || *what == '(' || g_ascii_isalpha (*what) || *what == '_' ||
                          *what == '\'' || g_ascii_isdigit (*what);

      for (guint i = 0; compares && i < G_N_ELEMENTS (keeps); i++)
        if (word_at (what, keeps[i]))
          compares = FALSE;
      if (compares)
        {
          g_string_append (rw->out, negated ? "IS DISTINCT FROM " : "IS NOT DISTINCT FROM ");
          return what;
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
  rw->after_from = word_at (p, "FROM") || word_at (p, "JOIN");
  rw->returning = rw->returning || word_at (p, "RETURNING");
  return end;
}

static const char *
open_parenthesis (Rewrite    *rw,
                  const char *p)
{
  const char *inside = skip_space (p + 1);

  rw->depth++;
  if (rw->after_from && rw->depth < 64 && (word_at (inside, "SELECT") || word_at (inside, "WITH")))
    rw->subqueries |= G_GUINT64_CONSTANT (1) << rw->depth;
  g_string_append_c (rw->out, '(');
  rw->after_from = FALSE;
  return p + 1;
}

/* A subquery in FROM must be named on the server; SQLite needs no name. */
static const char *
close_parenthesis (Rewrite    *rw,
                   const char *p)
{
  static const char *const not_names[] = {
    "WHERE", "GROUP", "ORDER", "LIMIT", "UNION", "JOIN", "LEFT", "INNER", "CROSS", "ON",
    "HAVING", "WINDOW", "EXCEPT", "INTERSECT", "OFFSET", "USING",
  };
  const char *next = skip_space (p + 1);
  gboolean named = is_word_char (*next);

  g_string_append_c (rw->out, ')');
  if (rw->depth > 0 && rw->depth < 64 && (rw->subqueries & (G_GUINT64_CONSTANT (1) << rw->depth)) != 0)
    {
      rw->subqueries &= ~(G_GUINT64_CONSTANT (1) << rw->depth);
      for (guint i = 0; named && i < G_N_ELEMENTS (not_names); i++)
        if (word_at (next, not_names[i]))
          named = FALSE;
      if (!named)
        g_string_append_printf (rw->out, " AS cf_subquery_%u", ++rw->n_aliases);
    }
  rw->depth--;
  return p + 1;
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
  /* INSERT OR IGNORE INTO, INSERT OR REPLACE INTO */
  if (word_at (p, "OR"))
    {
      p = skip_space (p + 2);
      while (g_ascii_isalpha (*p))
        p++;
      p = skip_space (p);
    }
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
  Rewrite rw = { g_string_sized_new (strlen (sql) + 32), 0, FALSE, FALSE, FALSE, 0, 0, 0 };
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
      else if (*p == '(')
        p = open_parenthesis (&rw, p);
      else if (*p == ')')
        p = close_parenthesis (&rw, p);
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
  adds_id = table != NULL && !rw.returning && has_id != NULL && has_id (table, user_data);
  if (adds_id)
    g_string_append (rw.out, " RETURNING id");

  if (n_params != NULL)
    *n_params = rw.max_param;
  if (returns_id != NULL)
    *returns_id = adds_id;
  return g_string_free (rw.out, FALSE);
}
