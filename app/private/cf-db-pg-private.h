/* cf-db-pg-private.h — what the server side's two files share: the connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libpq-fe.h>

#include "cf-db-pg.h"

G_BEGIN_DECLS

struct _CfDbPg
{
  PGconn     *conn;
  char       *errmsg;
  int         errcode;
  gint64      last_insert_rowid;
  int         changes;
  guint       n_prepared;
  GHashTable *id_tables;       /* tables whose key is an id: an INSERT returns it */
  char       *outer_savepoint; /* a SAVEPOINT that began the transaction: its RELEASE commits */
  CfDbPgWaiting waiting;       /* told once when the write lock is another desk's */
  gpointer    waiting_data;
  gint64      heard;           /* changes other connections announced, so far */
  int         lock_timeout_ms;
  guint       generation;      /* of the connection: a reset forgets prepared statements */
  gboolean    in_transaction;
  gboolean    lost_in_transaction;
  gboolean    resetting;       /* a new connection being made without waiting (PQresetStart) */
  PostgresPollingStatusType reset_polled;  /* what it waits for next: reading or writing */
  char       *shop;            /* the desk's shop (shop= in the connection string), or NULL */
  char       *schema;          /* the schema the session works in */
  gboolean    reads_only;      /* a head office's user, reading a shop */
  gboolean    head_office;     /* a desk of the chain's head office */
  CfDbPgStmt *in_flight;       /* a statement sent whose answer is not read yet */
};

gboolean  cf_db_pg_result_ok          (CfDbPg   *db,
                                       PGresult *result);
void      cf_db_pg_note_transaction   (CfDbPg   *db);
gboolean  cf_db_pg_connected          (CfDbPg   *db);
gboolean  cf_db_pg_enter_shop         (CfDbPg   *db);
void      cf_db_pg_settle             (CfDbPg   *db);

G_END_DECLS
