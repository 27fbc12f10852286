/* SPDX-License-Identifier: MIT */
/* <sys/wait.h> shim: a WASI program has no children (see README.md). */
#ifndef _WASOCK_COMPAT_SYS_WAIT_H
#define _WASOCK_COMPAT_SYS_WAIT_H
#include <sys/types.h>
#include <stdlib.h> /* wasi-libc's stdlib.h has the W* status macros */
#ifndef WNOHANG
#define WNOHANG 1
#endif
#ifndef WUNTRACED
#define WUNTRACED 2
#endif
#ifndef WEXITSTATUS
#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFEXITED(s) (!WTERMSIG(s))
#define WIFSTOPPED(s) ((short)((((s) & 0xffff) * 0x10001) >> 8) > 0x7f00)
#define WIFSIGNALED(s) (((s) & 0xffff) - 1U < 0xffu)
#endif
pid_t waitpid(pid_t, int *, int);
pid_t wait(int *);
#endif
