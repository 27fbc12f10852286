/* SPDX-License-Identifier: MIT */
/* The shims of include/ (see README.md): answers of a system without users, groups,
   syslog, children, asynchronous signals or resource limits. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <syslog.h>
#include <unistd.h>
#include "wasock-compat.h"

struct passwd *getpwnam(const char *n) { (void)n; errno = ENOENT; return NULL; }
struct passwd *getpwuid(uid_t u) { (void)u; errno = ENOENT; return NULL; }
void setpwent(void) {}
void endpwent(void) {}
struct passwd *getpwent(void) { return NULL; }
struct group *getgrnam(const char *n) { (void)n; errno = ENOENT; return NULL; }
struct group *getgrgid(gid_t g) { (void)g; errno = ENOENT; return NULL; }
int initgroups(const char *u, gid_t g) { (void)u; (void)g; errno = ENOSYS; return -1; }
int setgroups(size_t n, const gid_t *g) { (void)n; (void)g; errno = ENOSYS; return -1; }
int getgrouplist(const char *u, gid_t g, gid_t *gs, int *n)
{
	(void)u;
	if (*n < 1) {
		*n = 1;
		return -1;
	}
	gs[0] = g;
	*n = 1;
	return 1;
}

static const char *log_ident = "";
static int log_mask = 0xff;
void openlog(const char *ident, int opt, int fac) { (void)opt; (void)fac; log_ident = ident ? ident : ""; }
void closelog(void) {}
int setlogmask(int m) { int o = log_mask; if (m) log_mask = m; return o; }
void vsyslog(int pri, const char *fmt, va_list ap)
{
	if (!(log_mask & LOG_MASK(LOG_PRI(pri))))
		return;
	fprintf(stderr, "%s%s", log_ident, *log_ident ? ": " : "");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}
void syslog(int pri, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsyslog(pri, fmt, ap);
	va_end(ap);
}

pid_t waitpid(pid_t p, int *st, int o) { (void)p; (void)st; (void)o; errno = ECHILD; return -1; }
pid_t wait(int *st) { (void)st; errno = ECHILD; return -1; }

int sigemptyset(sigset_t *s) { memset(s, 0, sizeof *s); return 0; }
int sigfillset(sigset_t *s) { memset(s, 0xff, sizeof *s); return 0; }
static int sig_ok(int n) { if (n <= 0 || n >= 65) { errno = EINVAL; return 0; } return 1; }
int sigaddset(sigset_t *s, int n)
{
	if (!sig_ok(n))
		return -1;
	((unsigned char *)s)[(n - 1) / 8 % sizeof *s] |= 1u << ((n - 1) % 8);
	return 0;
}
int sigdelset(sigset_t *s, int n)
{
	if (!sig_ok(n))
		return -1;
	((unsigned char *)s)[(n - 1) / 8 % sizeof *s] &= ~(1u << ((n - 1) % 8));
	return 0;
}
int sigismember(const sigset_t *s, int n)
{
	if (!sig_ok(n))
		return -1;
	return !!(((const unsigned char *)s)[(n - 1) / 8 % sizeof *s] & (1u << ((n - 1) % 8)));
}
static sigset_t cur_mask;
int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	if (old)
		*old = cur_mask;
	if (set) {
		unsigned char *c = (unsigned char *)&cur_mask;
		const unsigned char *s = (const unsigned char *)set;
		for (size_t i = 0; i < sizeof cur_mask; i++)
			c[i] = how == SIG_BLOCK ? (c[i] | s[i]) : how == SIG_UNBLOCK ? (c[i] & ~s[i]) : s[i];
	}
	return 0;
}
static struct sigaction actions[65];
int sigaction(int n, const struct sigaction *restrict act, struct sigaction *restrict old)
{
	if (!sig_ok(n))
		return -1;
	if (old)
		*old = actions[n];
	if (act) {
		/* SA_SIGINFO handlers take three arguments; the emulation calls with one. */
		if ((act->sa_flags & SA_SIGINFO) && act->sa_sigaction) {
			errno = ENOSYS;
			return -1;
		}
		if (signal(n, act->sa_handler) == SIG_ERR)
			return -1;
		actions[n] = *act;
	}
	return 0;
}
int sigsuspend(const sigset_t *s) { (void)s; errno = ENOSYS; return -1; }
int kill(pid_t p, int n)
{
	if (p == getpid() || p == 0)
		return raise(n);
	errno = EPERM;
	return -1;
}

int getrlimit(int r, struct rlimit *l) { (void)r; l->rlim_cur = l->rlim_max = RLIM_INFINITY; return 0; }
int setrlimit(int r, const struct rlimit *l) { (void)r; (void)l; errno = ENOSYS; return -1; }

#define NOSYS(decl) decl { errno = ENOSYS; return -1; }
pid_t fork(void) { errno = ENOSYS; return -1; }
#pragma clang diagnostic ignored "-Wunused-parameter"
NOSYS(int chroot(const char *p)) NOSYS(pid_t setsid(void)) NOSYS(int pipe(int p[2]))
NOSYS(int execvp(const char *f, char *const a[])) NOSYS(int execve(const char *f, char *const a[], char *const e[]))
NOSYS(int tcgetpgrp(int fd)) NOSYS(int setpgid(pid_t p, pid_t g))
NOSYS(int execv(const char *f, char *const a[]))
/* WASI has no time zones: local time is UTC. */
void tzset(void) {}
int execl(const char *f, const char *a, ...) { (void)f; (void)a; errno = ENOSYS; return -1; }
pid_t getppid(void) { return 1; }
pid_t getpgrp(void) { return getpid(); }
int getgroups(int n, gid_t *g) { (void)n; (void)g; return 0; }
unsigned alarm(unsigned s) { (void)s; return 0; }
/* No user identities in WASI: the conventional "nobody". */
uid_t getuid(void) { return 65534; }
uid_t geteuid(void) { return 65534; }
gid_t getgid(void) { return 65534; }
gid_t getegid(void) { return 65534; }

/* No file ownership or permission bits in WASI. */
NOSYS(int tcsetpgrp(int fd, pid_t p))
NOSYS(int chown(const char *p, uid_t u, gid_t g)) NOSYS(int fchown(int fd, uid_t u, gid_t g))
NOSYS(int lchown(const char *p, uid_t u, gid_t g)) NOSYS(int chmod(const char *p, mode_t m))
NOSYS(int fchmod(int fd, mode_t m)) NOSYS(int mkfifo(const char *p, mode_t m))
mode_t umask(mode_t m) { (void)m; return 022; }

/* mkstemp: wasi-libc has none; a name from the template's XXXXXX, created O_EXCL. */
#include <fcntl.h>
#include <stdlib.h>
int mkstemp(char *t)
{
	size_t n = strlen(t);
	if (n < 6 || strcmp(t + n - 6, "XXXXXX")) {
		errno = EINVAL;
		return -1;
	}
	for (int tries = 0; tries < 100; tries++) {
		unsigned char r[6];
		arc4random_buf(r, sizeof r);
		for (int i = 0; i < 6; i++)
			t[n - 6 + i] = "abcdefghijklmnopqrstuvwxyz0123456789"[r[i] % 36];
		int fd = open(t, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

/* The unit of wasm's linear memory. */
int getpagesize(void) { return 65536; }

/* Becoming the identity one already has succeeds (privilege-dropping code does it);
   any other identity is refused, as for an unprivileged process. */
int setuid(uid_t u) { if (u == getuid()) return 0; errno = EPERM; return -1; }
int seteuid(uid_t u) { if (u == geteuid()) return 0; errno = EPERM; return -1; }
int setgid(gid_t g) { if (g == getgid()) return 0; errno = EPERM; return -1; }
int setegid(gid_t g) { if (g == getegid()) return 0; errno = EPERM; return -1; }
