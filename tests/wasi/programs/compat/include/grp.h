/* SPDX-License-Identifier: MIT */
/* <grp.h> shim: a WASI program has no group database (see README.md). */
#ifndef _WASOCK_COMPAT_GRP_H
#define _WASOCK_COMPAT_GRP_H
#include <sys/types.h>
#include <stddef.h>
struct group {
	char *gr_name;
	char *gr_passwd;
	gid_t gr_gid;
	char **gr_mem;
};
struct group *getgrnam(const char *);
struct group *getgrgid(gid_t);
int initgroups(const char *, gid_t);
int setgroups(size_t, const gid_t *);
int getgrouplist(const char *, gid_t, gid_t *, int *);
#endif
