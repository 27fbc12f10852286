/* SPDX-License-Identifier: MIT */
/* <signal.h> shim: wasi-libc's emulated signal() and raise(), plus the sigaction()
   and signal-mask interfaces over them; nothing is delivered asynchronously in WASI
   (see README.md). */
#ifndef _WASOCK_COMPAT_SIGNAL_H
#define _WASOCK_COMPAT_SIGNAL_H
#include_next <signal.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct {
	int si_signo, si_errno, si_code;
	pid_t si_pid;
	uid_t si_uid;
	int si_status;
} siginfo_t;
struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sa_handler;
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};
#define sa_handler __sa_handler.sa_handler
#define sa_sigaction __sa_handler.sa_sigaction
#ifndef SIG_BLOCK
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#endif
#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
int sigemptyset(sigset_t *);
int sigfillset(sigset_t *);
int sigaddset(sigset_t *, int);
int sigdelset(sigset_t *, int);
int sigismember(const sigset_t *, int);
int sigprocmask(int, const sigset_t *__restrict, sigset_t *__restrict);
int sigaction(int, const struct sigaction *__restrict, struct sigaction *__restrict);
int sigsuspend(const sigset_t *);
int kill(pid_t, int);
#ifdef __cplusplus
}
#endif
#endif
