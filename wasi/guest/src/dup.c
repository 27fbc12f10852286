/* SPDX-License-Identifier: MIT */
/* dup() and dup2() for sockets (WASI has neither): the host duplicates the socket
   and the runner gives it the lowest free guest fd; dup2() then moves it to the
   asked number with wasi-libc's fd_renumber, which closes what was there. */
#include <unistd.h>
#include "guest.h"

int __wasilibc_fd_renumber(int fd, int newfd);

int dup(int fd)
{
	return wg_ret(HOST(dup)(fd));
}

int dup2(int fd, int to)
{
	if (fd == to) {
		/* Valid fd or EBADF, as POSIX says. */
		int d = dup(fd);
		if (d < 0)
			return -1;
		close(d);
		return to;
	}
	int d = dup(fd);
	if (d < 0)
		return -1;
	if (d != to && __wasilibc_fd_renumber(d, to) < 0) {
		close(d);
		return -1;
	}
	return to;
}
