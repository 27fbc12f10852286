/* SPDX-License-Identifier: MIT */
/*
 * poll(), ppoll(), select() and pselect() over the host's poll(2)
 * (wasock_host.poll_many over guest fds), replacing wasi-libc's, which go
 * through poll_oneoff: that cannot report POLLERR with POLLOUT, POLLPRI or
 * POLLRDHUP, answers ENOSYS for events without POLLIN/POLLOUT and for select()
 * exceptfds.  select() reports what Linux's does for each poll bit.
 */
#define _GNU_SOURCE 1
#include <poll.h>
#include <sys/select.h>
#include <stdlib.h>
#include <time.h>
#include "guest.h"

int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	return wg_ret(HOST(poll_many)(fds, n, timeout));
}

static int ts_ms(const struct timespec *ts)
{
	if (!ts)
		return -1;
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
		return -2;
	long long ms = (long long)ts->tv_sec * 1000 + (ts->tv_nsec + 999999) / 1000000;
	return ms > 0x7fffffff ? 0x7fffffff : (int)ms;
}

int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *ts, const sigset_t *sigmask)
{
	(void)sigmask; /* no asynchronous signals in a WASI guest */
	int ms = ts_ms(ts);
	if (ms == -2) {
		errno = EINVAL;
		return -1;
	}
	return poll(fds, n, ms);
}

/* Linux's select() sets: POLLIN_SET, POLLOUT_SET, POLLEX_SET (fs/select.c). */
#define IN_SET (POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define OUT_SET (POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define EX_SET (POLLPRI)

static int set_has(const fd_set *s, int fd)
{
	return s && FD_ISSET(fd, s);
}

static int do_select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, int ms)
{
	if (nfds < 0 || nfds > FD_SETSIZE) {
		errno = EINVAL;
		return -1;
	}
	struct pollfd stackp[64], *p = stackp;
	int n = 0;
	for (int fd = 0; fd < nfds; fd++)
		if (set_has(rd, fd) || set_has(wr, fd) || set_has(ex, fd))
			n++;
	if (n > 64 && !(p = malloc(sizeof *p * (size_t)n))) {
		errno = ENOMEM;
		return -1;
	}
	n = 0;
	for (int fd = 0; fd < nfds; fd++) {
		short ev = (set_has(rd, fd) ? POLLIN : 0) | (set_has(wr, fd) ? POLLOUT : 0) |
		           (set_has(ex, fd) ? POLLPRI : 0);
		if (ev)
			p[n++] = (struct pollfd){ .fd = fd, .events = ev };
	}
	int r = poll(p, (nfds_t)n, ms);
	if (r >= 0) {
		for (int i = 0; i < n; i++)
			if (p[i].revents & POLLNVAL) {
				errno = EBADF;
				r = -1;
				break;
			}
	}
	if (r >= 0) {
		r = 0;
		for (int i = 0; i < n; i++) {
			int fd = p[i].fd;
			short re = p[i].revents;
			if (set_has(rd, fd) && !(re & IN_SET))
				FD_CLR(fd, rd);
			else if (set_has(rd, fd))
				r++;
			if (set_has(wr, fd) && !(re & OUT_SET))
				FD_CLR(fd, wr);
			else if (set_has(wr, fd))
				r++;
			if (set_has(ex, fd) && !(re & EX_SET))
				FD_CLR(fd, ex);
			else if (set_has(ex, fd))
				r++;
		}
	}
	if (p != stackp)
		free(p);
	return r;
}

int pselect(int nfds, fd_set *restrict rd, fd_set *restrict wr, fd_set *restrict ex,
            const struct timespec *restrict ts, const sigset_t *restrict sigmask)
{
	(void)sigmask;
	int ms = ts_ms(ts);
	if (ms == -2) {
		errno = EINVAL;
		return -1;
	}
	return do_select(nfds, rd, wr, ex, ms);
}

int select(int nfds, fd_set *restrict rd, fd_set *restrict wr, fd_set *restrict ex,
           struct timeval *restrict tv)
{
	if (!tv)
		return do_select(nfds, rd, wr, ex, -1);
	if (tv->tv_sec < 0 || tv->tv_usec < 0) {
		errno = EINVAL;
		return -1;
	}
	long long ms = (long long)tv->tv_sec * 1000 + (tv->tv_usec + 999) / 1000;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int r = do_select(nfds, rd, wr, ex, ms > 0x7fffffff ? 0x7fffffff : (int)ms);
	/* Linux writes back the time not slept. */
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long long left = ((long long)tv->tv_sec * 1000000 + tv->tv_usec) -
	                 ((long long)(t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
	if (left < 0)
		left = 0;
	tv->tv_sec = left / 1000000;
	tv->tv_usec = left % 1000000;
	return r;
}
