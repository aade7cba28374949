/* cf-db-codes.h — what a statement answers, on either engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

/* Result codes and column types keep SQLite's values on both engines: a
 * server's error is mapped to the nearest (a unique key to CONSTRAINT, a
 * lock timeout or serialization failure to BUSY). */
#define CF_DB_OK          SQLITE_OK
#define CF_DB_ERROR       SQLITE_ERROR
#define CF_DB_BUSY        SQLITE_BUSY
#define CF_DB_CONSTRAINT  SQLITE_CONSTRAINT
#define CF_DB_ROW         SQLITE_ROW
#define CF_DB_DONE        SQLITE_DONE

#define CF_DB_INTEGER     SQLITE_INTEGER
#define CF_DB_FLOAT       SQLITE_FLOAT
#define CF_DB_TEXT        SQLITE_TEXT
#define CF_DB_BLOB        SQLITE_BLOB
#define CF_DB_NULL        SQLITE_NULL
