#ifndef LSTMLAB_CPTY_H
#define LSTMLAB_CPTY_H
#include <sys/types.h>
#include <stddef.h>

/* Pseudo-terminal helpers for the end-to-end tests. posix_openpt, grantpt,
   unlockpt, ptsname_r and POSIX_SPAWN_SETSID are not visible through Swift's
   Glibc module, hence this small C target. */

/* Opens a master (close-on-exec), grants and unlocks it, sets its size and
   writes the slave's path into `name`. Returns the master fd, or -1 (errno). */
int lstm_pty_open(char *name, size_t name_size, unsigned short rows, unsigned short cols);

/* Spawns `path` in a new session whose stdin, stdout and stderr are the slave
   `slave_name` (it becomes the controlling terminal, so ^C written to the
   master delivers a real SIGINT). SIGINT and SIGPIPE start at their defaults,
   no signal blocked. Returns the pid, or -1 (errno). */
pid_t lstm_pty_spawn(const char *path, char *const argv[], char *const envp[], const char *slave_name);

#endif
