/* SPDX-License-Identifier: MIT */
/* <sys/resource.h> shim: wasi-libc's (getrusage), plus resource limits, which WASI
   does not have: everything is unlimited (see README.md). */
#ifndef _WASOCK_COMPAT_SYS_RESOURCE_H
#define _WASOCK_COMPAT_SYS_RESOURCE_H
#include_next <sys/resource.h>
typedef unsigned long long rlim_t;
struct rlimit {
	rlim_t rlim_cur;
	rlim_t rlim_max;
};
#ifndef RLIM_INFINITY
#define RLIM_INFINITY (~0ULL)
#endif
#ifndef RLIMIT_CPU
#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_NOFILE 7
#define RLIMIT_AS 9
#endif
int getrlimit(int, struct rlimit *);
int setrlimit(int, const struct rlimit *);
#endif
