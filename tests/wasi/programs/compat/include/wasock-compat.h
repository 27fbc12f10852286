/* SPDX-License-Identifier: MIT */
/* Declarations of process and identity functions WASI lacks, answered with ENOSYS
   (see README.md); included with -include by the test builds. */
#ifndef _WASOCK_COMPAT_H
#define _WASOCK_COMPAT_H
#include <sys/types.h>
pid_t fork(void);
int setuid(uid_t), setgid(gid_t), seteuid(uid_t), setegid(gid_t);
int chroot(const char *);
pid_t setsid(void);
pid_t getppid(void);
uid_t getuid(void), geteuid(void);
gid_t getgid(void), getegid(void);
int getgroups(int, gid_t *);
unsigned alarm(unsigned);
int pipe(int[2]);
int execvp(const char *, char *const[]);
int execl(const char *, const char *, ...);
int execve(const char *, char *const[], char *const[]);
int execv(const char *, char *const[]);
void tzset(void);
int tcgetpgrp(int);
int setpgid(pid_t, pid_t);
pid_t getpgrp(void);
int tcsetpgrp(int, pid_t);
int chown(const char *, uid_t, gid_t), fchown(int, uid_t, gid_t), lchown(const char *, uid_t, gid_t);
int chmod(const char *, mode_t), fchmod(int, mode_t);
mode_t umask(mode_t);
int mkfifo(const char *, mode_t);
int mkstemp(char *);
int getpagesize(void);
/* F_DUPFD and the file-lock commands (wasi-libc has struct flock but not these): fcntl()
   refuses them (EINVAL). */
#include <fcntl.h>
#ifndef F_DUPFD
#define F_DUPFD 0
#endif
#ifndef F_RDLCK
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#endif
#endif
