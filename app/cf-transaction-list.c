/* cf-transaction-list.c — a search result as a GListModel, rows fetched lazily
 *
 * The query runs once for the ids alone, in order (an index walk, in a worker
 * thread for the async constructor); a row becomes a CfTransaction only when a
 * view asks for it, a page at a time. A million matches cost 8 MB of ids, and
 * a list view asks for the hundred or so rows it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-transaction-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-store-private.h"
#include "cf-transaction-private.h"
#include "cf-transaction-list.h"
#include "cf-transaction.h"

#define PAGE_SIZE 64
#define CANCEL_CHECK_EVERY 8192

struct _CfTransactionList
{
  GObject             parent_instance;

  CfStore            *store;     /* the main thread's connection, for rows */
  CfTransactionQuery *query;
  GArray             *ids;       /* gint64, in the query's order */
  CfTransaction     **rows;      /* ids->len slots, filled a page at a time */
  GHashTable         *positions; /* id → position + 1, built on first lookup */
  guint               n_loaded;
  guint               max_items; /* how many of the matches the model lists */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfTransactionList, cf_transaction_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
cf_transaction_list_finalize (GObject *object)
{
  CfTransactionList *self = (CfTransactionList *) object;

  for (guint i = 0; self->rows != NULL && i < self->ids->len; i++)
    g_clear_object (&self->rows[i]);
  g_free (self->rows);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->query, cf_transaction_query_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cf_transaction_list_parent_class)->finalize (object);
}

static void
cf_transaction_list_class_init (CfTransactionListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_transaction_list_finalize;
}

static void
cf_transaction_list_init (CfTransactionList *self)
{
}

static GType
get_item_type (GListModel *model)
{
  return CF_TYPE_TRANSACTION;
}

static guint
get_n_items (GListModel *model)
{
  CfTransactionList *self = CF_TRANSACTION_LIST (model);

  return MIN (self->ids->len, self->max_items);
}

static void
load_page (CfTransactionList *self,
           guint              first)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " CF_TRANSACTION_COLUMNS " FROM transactions t WHERE t.id IN (");
  g_autoptr(GHashTable) slot_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  guint last = MIN (first + PAGE_SIZE, self->ids->len);
  g_autoptr(CfDbStmt) stmt = NULL;

  for (guint i = first; i < last; i++)
    {
      gint64 *id = &g_array_index (self->ids, gint64, i);

      g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i > first ? "," : "", *id);
      g_hash_table_insert (slot_of, id, GUINT_TO_POINTER (i + 1));
    }
  g_string_append_c (sql, ')');

  stmt = cf_store_prepare (self->store, sql->str, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read transactions: %s", error->message);
      return;
    }
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      gint64 id = cf_db_column_int64 (stmt, 0);
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (slot_of, &id));

      if (slot > 0 && self->rows[slot - 1] == NULL)
        {
          self->rows[slot - 1] = cf_transaction_new_from_row (stmt);
          self->n_loaded++;
        }
    }
  g_clear_pointer (&stmt, cf_db_finalize);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CfTransactionList *self = CF_TRANSACTION_LIST (model);

  if (position >= MIN (self->ids->len, self->max_items))
    return NULL;

  if (self->rows[position] == NULL)
    load_page (self, position - position % PAGE_SIZE);

  /* A row deleted since the ids were read: nothing to show for it. */
  return self->rows[position] != NULL ? g_object_ref (self->rows[position]) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static GArray *
read_ids (CfStore                   *store,
          const CfTransactionQuery  *query,
          GCancellable              *cancellable,
          GError                   **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = NULL;
  g_autoptr(CfDbStmt) stmt = NULL;
  guint n = 0;
  int rc;

  sql = cf_transaction_query_to_sql (query, "t.id", params);
  stmt = cf_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < params->len; i++)
    cf_sql_bind_text (stmt, (int) i + 1, g_ptr_array_index (params, i), CF_DB_STATIC);

  while ((rc = cf_db_step (stmt)) == CF_DB_ROW)
    {
      gint64 id = cf_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (++n % CANCEL_CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          return NULL;
        }
    }
  if (rc != CF_DB_DONE)
    {
      cf_store_set_error (store, error, _("searching transactions"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static CfTransactionList *
list_new_with_ids (CfStore                  *store,
                   const CfTransactionQuery *query,
                   GArray                   *ids)
{
  CfTransactionList *self = g_object_new (CF_TYPE_TRANSACTION_LIST, NULL);

  self->store = g_object_ref (store);
  self->query = cf_transaction_query_copy (query);
  self->ids = ids;
  self->rows = g_new0 (CfTransaction *, MAX (ids->len, 1));
  self->max_items = G_MAXUINT;
  return self;
}

/**
 * cf_transaction_list_new:
 *
 * Runs @query on @store in this thread.
 *
 * Returns: (transfer full): the matching transactions, in the query's order
 */
CfTransactionList *
cf_transaction_list_new (CfStore                   *store,
                         const CfTransactionQuery  *query,
                         GCancellable              *cancellable,
                         GError                   **error)
{
  GArray *ids;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  ids = read_ids (store, query, cancellable, error);
  return ids != NULL ? list_new_with_ids (store, query, ids) : NULL;
}

typedef struct
{
  CfStore            *store;
  char               *db_path;
  CfTransactionQuery *query;
} ListTaskData;

static void
list_task_data_free (gpointer p)
{
  ListTaskData *data = p;

  g_object_unref (data->store);
  g_free (data->db_path);
  cf_transaction_query_free (data->query);
  g_free (data);
}

static void
read_ids_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ListTaskData *data = task_data;
  g_autoptr(CfStore) connection = NULL;
  GError *error = NULL;
  GArray *ids;

  /* The worker's own connection; the store object stays with the main thread. */
  connection = cf_store_open (data->db_path, &error);
  if (connection == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  ids = read_ids (connection, data->query, cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

/**
 * cf_transaction_list_new_async:
 *
 * Runs @query in a worker thread with its own connection; a new search
 * cancels the old one through @cancellable.
 */
void
cf_transaction_list_new_async (CfStore                  *store,
                               const CfTransactionQuery *query,
                               GCancellable             *cancellable,
                               GAsyncReadyCallback       callback,
                               gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ListTaskData *data;

  g_return_if_fail (CF_IS_STORE (store));
  g_return_if_fail (query != NULL);

  data = g_new0 (ListTaskData, 1);
  data->store = g_object_ref (store);
  data->db_path = g_strdup (cf_store_get_path (store));
  data->query = cf_transaction_query_copy (query);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_transaction_list_new_async);
  g_task_set_task_data (task, data, list_task_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, read_ids_thread);
}

/**
 * cf_transaction_list_new_finish:
 *
 * Returns: (transfer full): the matching transactions, or %NULL with @error
 *   set (%G_IO_ERROR_CANCELLED when a newer search replaced this one)
 */
CfTransactionList *
cf_transaction_list_new_finish (GAsyncResult  *result,
                                GError       **error)
{
  ListTaskData *data;
  GArray *ids;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  data = g_task_get_task_data (G_TASK (result));
  ids = g_task_propagate_pointer (G_TASK (result), error);
  return ids != NULL ? list_new_with_ids (data->store, data->query, ids) : NULL;
}

const CfTransactionQuery *
cf_transaction_list_get_query (CfTransactionList *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION_LIST (self), NULL);
  return self->query;
}

/**
 * cf_transaction_list_get_id:
 *
 * Returns: the id of the transaction at @position, without loading its row
 */
gint64
cf_transaction_list_get_id (CfTransactionList *self,
                            guint              position)
{
  g_return_val_if_fail (CF_IS_TRANSACTION_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);
  return g_array_index (self->ids, gint64, position);
}

/**
 * cf_transaction_list_find_id:
 * @position: (out): where the transaction stands
 *
 * Returns: whether the transaction with @id is in the list
 */
gboolean
cf_transaction_list_find_id (CfTransactionList *self,
                             gint64             id,
                             guint             *position)
{
  gpointer value;

  g_return_val_if_fail (CF_IS_TRANSACTION_LIST (self), FALSE);

  if (self->positions == NULL)
    {
      self->positions = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < self->ids->len; i++)
        g_hash_table_insert (self->positions, &g_array_index (self->ids, gint64, i), GUINT_TO_POINTER (i + 1));
    }
  value = g_hash_table_lookup (self->positions, &id);
  if (value == NULL)
    return FALSE;
  *position = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

/**
 * cf_transaction_list_get_n_loaded:
 *
 * Returns: how many rows have been read so far (for tests and benchmarks)
 */
guint
cf_transaction_list_get_n_loaded (CfTransactionList *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION_LIST (self), 0);
  return self->n_loaded;
}

/**
 * cf_transaction_list_get_n_matches:
 *
 * Returns: how many transactions match the query, listed or not
 */
guint
cf_transaction_list_get_n_matches (CfTransactionList *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION_LIST (self), 0);
  return self->ids->len;
}

/**
 * cf_transaction_list_set_max_items:
 * @max_items: how many of the matches to list, first ones first
 *
 * A list view keeps bookkeeping for every item it is given (about a hundred
 * bytes each in GTK 4.8); a cap keeps a million matches from costing the
 * window a hundred megabytes, while the count stays the true one. Set it
 * before handing the model to a view.
 */
void
cf_transaction_list_set_max_items (CfTransactionList *self,
                                   guint              max_items)
{
  g_return_if_fail (CF_IS_TRANSACTION_LIST (self));
  self->max_items = max_items;
}
