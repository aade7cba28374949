/* cf-file-locks.c — SQLite's file locks held so that no close() elsewhere drops them
 *
 * SQLite's unix VFS locks the database and its -shm file with POSIX record
 * locks (F_SETLK). Those belong to the process, and closing *any* descriptor
 * of the file drops all of them: a GTK file chooser that sniffs the folder
 * holding the database opens and closes counterfoil.db and -shm from its
 * own thread, and from that moment another process believes it is the last
 * user, checkpoints and deletes the WAL that this process keeps writing
 * into. Every write after that is lost at exit.
 *
 * Here SQLite's fcntl is replaced (through the VFS's xSetSystemCall) by one
 * that takes the same locks as open-file-description locks (F_OFD_SETLK) on a
 * descriptor of our own per file, which no other code knows about or closes.
 * The unix VFS already counts locks per file across the process's
 * connections as if they were POSIX locks, so one private descriptor per
 * file keeps exactly those semantics. OFD locks and POSIX locks conflict
 * with each other, so another program using plain SQLite (the sqlite3 shell,
 * an older Counterfoil) still sees every lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cf-file-locks.h"

typedef struct
{
  dev_t dev;
  ino_t ino;
  int   fd;   /* ours: never handed to anyone */
} LockHolder;

typedef int (*FcntlFunc) (int, int, ...);

static GMutex holders_mutex;
static GArray *holders;            /* of LockHolder */
static FcntlFunc real_fcntl;
static gboolean ofd_unsupported;

/* A file removed from its folder cannot be opened again, so its locks no
 * longer matter; while we hold it open its inode number cannot be reused. */
static void
forget_removed_files (void)
{
  for (guint i = holders->len; i > 0; i--)
    {
      LockHolder *holder = &g_array_index (holders, LockHolder, i - 1);
      struct stat st;

      if (fstat (holder->fd, &st) != 0 || st.st_nlink == 0)
        {
          close (holder->fd);
          g_array_remove_index_fast (holders, i - 1);
        }
    }
}

/* The descriptor that holds this process's locks on the file behind @fd,
 * opened on first use. Called with holders_mutex held. */
static int
holder_for (int fd)
{
  char proc_path[64];
  struct stat st;
  LockHolder holder;

  if (fstat (fd, &st) != 0)
    return -1;

  for (guint i = 0; i < holders->len; i++)
    {
      LockHolder *known = &g_array_index (holders, LockHolder, i);
      if (known->dev == st.st_dev && known->ino == st.st_ino)
        return known->fd;
    }

  forget_removed_files ();

  /* A new open file description of the same file; dup() would share the
   * caller's, whose descriptor SQLite may close. */
  snprintf (proc_path, sizeof proc_path, "/proc/self/fd/%d", fd);
  holder.fd = open (proc_path, O_RDWR | O_CLOEXEC);
  if (holder.fd < 0)
    holder.fd = open (proc_path, O_RDONLY | O_CLOEXEC);
  if (holder.fd < 0)
    holder.fd = fcntl (fd, F_DUPFD_CLOEXEC, 0);
  if (holder.fd < 0)
    return -1;

  holder.dev = st.st_dev;
  holder.ino = st.st_ino;
  g_array_append_val (holders, holder);
  return holder.fd;
}

static int
lock_by_description (int           fd,
                     int           cmd,
                     struct flock *lock)
{
  int ofd_cmd = cmd == F_SETLK ? F_OFD_SETLK : cmd == F_SETLKW ? F_OFD_SETLKW : F_OFD_GETLK;
  struct flock attempt;
  int holder;
  int rc;

  if (g_atomic_int_get (&ofd_unsupported))
    return real_fcntl (fd, cmd, lock);

  g_mutex_lock (&holders_mutex);
  holder = holder_for (fd);
  g_mutex_unlock (&holders_mutex);
  if (holder < 0)
    return real_fcntl (fd, cmd, lock);

  attempt = *lock;
  attempt.l_pid = 0;   /* required for OFD locks */
  rc = real_fcntl (holder, ofd_cmd, &attempt);
  if (rc < 0 && errno == EINVAL)
    {
      /* A kernel or file system without OFD locks: the plain locks are all
       * there is. */
      g_atomic_int_set (&ofd_unsupported, TRUE);
      return real_fcntl (fd, cmd, lock);
    }
  if (rc == 0)
    *lock = attempt;
  return rc;
}

/* SQLite's fcntl: the lock commands go by description, the rest unchanged. */
static int
cf_fcntl (int fd,
          int cmd,
          ...)
{
  va_list args;
  int rc;

  va_start (args, cmd);
  switch (cmd)
    {
    case F_SETLK:
    case F_SETLKW:
    case F_GETLK:
      rc = lock_by_description (fd, cmd, va_arg (args, struct flock *));
      break;

    case F_GETFD:
    case F_GETFL:
      rc = real_fcntl (fd, cmd);
      break;

    default:
      rc = real_fcntl (fd, cmd, va_arg (args, int));
      break;
    }
  va_end (args);
  return rc;
}

/**
 * cf_file_locks_install:
 *
 * Makes SQLite's locks in this process immune to descriptors of the same
 * files being closed elsewhere. Call before the process opens any database;
 * calling again does nothing.
 */
void
cf_file_locks_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      sqlite3_vfs *vfs;

      sqlite3_initialize ();
      vfs = sqlite3_vfs_find ("unix");
      holders = g_array_new (FALSE, FALSE, sizeof (LockHolder));
      if (vfs != NULL && vfs->iVersion >= 3 && vfs->xGetSystemCall != NULL)
        {
          real_fcntl = (FcntlFunc) vfs->xGetSystemCall (vfs, "fcntl");
          if (real_fcntl != NULL)
            vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) cf_fcntl);
        }
      g_once_init_leave (&installed, 1);
    }
}
