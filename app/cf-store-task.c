/* cf-store-task.c — store work in a worker thread, on its own connection
 *
 * Backups, restores and verifying the audit chain take seconds on a shop of
 * some years. They run in a GTask worker that opens its own connection to
 * the same file (SQLite connections are not shared between threads here),
 * so the window's main loop keeps drawing. A manager's approval given on
 * the window's connection travels with the job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-audit-anchors.h"
#include "cf-store-private.h"
#include "cf-store-task.h"

typedef struct
{
  char           *db_path;
  char           *override_by;
  CfStoreJobFunc  job;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->override_by);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  g_autoptr(CfStore) store = cf_store_open (job->db_path, &error);
  gpointer result = NULL;

  if (store != NULL)
    {
      cf_store_set_override (store, job->override_by);
      result = job->job (store, job->data, cancellable, &error);
    }
  if (result == NULL)
    g_task_return_error (task, error != NULL ? error
                                             : g_error_new_literal (CF_STORE_ERROR, CF_STORE_ERROR_SQL, _("The work failed")));
  else
    g_task_return_pointer (task, result, job->result_free);
}

/**
 * cf_store_run_in_thread:
 * @job: what to do, called in a worker with the worker's own connection
 * @data: (transfer full): passed to @job, freed with @data_free
 * @result_free: frees what @job returns, should nobody take it
 *
 * Runs @job off the main loop; finish with cf_store_run_finish().
 */
void
cf_store_run_in_thread (CfStore             *self,
                        CfStoreJobFunc       job,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GDestroyNotify       result_free,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *j = g_new0 (Job, 1);

  j->db_path = g_strdup (cf_store_get_path (self));
  j->override_by = g_strdup (cf_store_get_override (self));
  j->job = job;
  j->data = data;
  j->data_free = data_free;
  j->result_free = result_free;
  g_task_set_source_tag (task, cf_store_run_in_thread);
  g_task_set_task_data (task, j, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

/**
 * cf_store_run_finish:
 *
 * Returns: (transfer full) (nullable): what the job returned, %NULL with @error set
 */
gpointer
cf_store_run_finish (CfStore       *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Backing up */

static gpointer
back_up_job (CfStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = cf_store_dup_backup_path (store, now);

  if (!cf_store_backup_cancellable (store, path, cancellable, error))
    return NULL;
  cf_store_prune_backups (store, GPOINTER_TO_UINT (data));
  return g_steal_pointer (&path);
}

/**
 * cf_store_back_up_async:
 * @keep: how many of the latest backups to keep afterwards
 *
 * Backs the database up into its backups folder in a worker; cancelling
 * stops the copy and leaves no file.
 */
void
cf_store_back_up_async (CfStore             *self,
                        guint                keep,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  cf_store_run_in_thread (self, back_up_job, GUINT_TO_POINTER (keep), NULL, g_free, cancellable, callback, user_data);
}

/**
 * cf_store_back_up_finish:
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set
 */
char *
cf_store_back_up_finish (CfStore       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return cf_store_run_finish (self, result, error);
}

/* Restoring */

typedef struct
{
  char           *backup;
  char           *operator_no;
  CfRestoreFlags  flags;
} Restore;

static void
restore_free (Restore *restore)
{
  g_free (restore->backup);
  g_free (restore->operator_no);
  g_free (restore);
}

static gpointer
restore_job (CfStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Restore *restore = data;
  char *kept_as = NULL;

  if (!cf_store_restore (store, restore->backup, restore->operator_no, restore->flags, &kept_as, error))
    return NULL;
  return kept_as;
}

/**
 * cf_store_restore_async:
 *
 * cf_store_restore() in a worker, on its own connection: every other
 * connection sees the restored data when it is done.
 */
void
cf_store_restore_async (CfStore             *self,
                        const char          *backup,
                        const char          *operator_no,
                        CfRestoreFlags       flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Restore *restore = g_new0 (Restore, 1);

  restore->backup = g_strdup (backup);
  restore->operator_no = g_strdup (operator_no);
  restore->flags = flags;
  cf_store_run_in_thread (self, restore_job, restore, (GDestroyNotify) restore_free, g_free,
                          cancellable, callback, user_data);
}

/**
 * cf_store_restore_finish:
 *
 * Returns: (transfer full): where the database as it was is kept, or %NULL
 *   with @error set
 */
char *
cf_store_restore_finish (CfStore       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return cf_store_run_finish (self, result, error);
}

/* Verifying the audit log */

typedef struct
{
  GPtrArray *problems;
  guint64    n_entries;
} Verdict;

static void
verdict_free (Verdict *verdict)
{
  g_ptr_array_unref (verdict->problems);
  g_free (verdict);
}

static gpointer
verify_job (CfStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Verdict *verdict = g_new0 (Verdict, 1);
  gint64 broken = 0;

  if (!cf_store_verify_audit_chain (store, &broken, &verdict->n_entries, error))
    {
      g_free (verdict);
      return NULL;
    }
  verdict->problems = cf_audit_anchors_check (store);
  if (broken != 0)
    g_ptr_array_insert (verdict->problems, 0,
                        g_strdup_printf (_("entry %lld does not follow from the one before it"), (long long) broken));
  return verdict;
}

/**
 * cf_store_verify_async:
 *
 * Verifies the audit chain and its anchors in a worker.
 */
void
cf_store_verify_async (CfStore             *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  cf_store_run_in_thread (self, verify_job, NULL, NULL, (GDestroyNotify) verdict_free, cancellable, callback, user_data);
}

/**
 * cf_store_verify_finish:
 * @n_entries: (out) (optional): how many entries the log holds
 *
 * Returns: (transfer full) (element-type utf8): what is wrong with the log,
 *   empty when it is sound; %NULL with @error set when it could not be read
 */
GPtrArray *
cf_store_verify_finish (CfStore       *self,
                        GAsyncResult  *result,
                        guint64       *n_entries,
                        GError       **error)
{
  Verdict *verdict = cf_store_run_finish (self, result, error);
  GPtrArray *problems;

  if (verdict == NULL)
    return NULL;
  if (n_entries != NULL)
    *n_entries = verdict->n_entries;
  problems = g_ptr_array_ref (verdict->problems);
  verdict_free (verdict);
  return problems;
}
