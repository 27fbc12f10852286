/* SPDX-License-Identifier: MIT */
/* <pwd.h> shim: a WASI program has no user database (see README.md). */
#ifndef _WASOCK_COMPAT_PWD_H
#define _WASOCK_COMPAT_PWD_H
#include <sys/types.h>
struct passwd {
	char *pw_name;
	char *pw_passwd;
	uid_t pw_uid;
	gid_t pw_gid;
	char *pw_gecos;
	char *pw_dir;
	char *pw_shell;
};
struct passwd *getpwnam(const char *);
struct passwd *getpwuid(uid_t);
void setpwent(void), endpwent(void);
struct passwd *getpwent(void);
#endif
