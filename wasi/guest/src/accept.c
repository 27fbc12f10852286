/* SPDX-License-Identifier: MIT */
/* accept() and accept4() together: they replace wasi-libc's accept.o whole
   (it holds both), whose accept() has no address and traps on NULL. */
#include <sys/socket.h>
#include "guest.h"

int accept4(int fd, struct sockaddr *restrict addr, socklen_t *restrict len, int flags)
{
	uint32_t l = (addr && len) ? *len : 0;
	int r = wg_ret(HOST(accept)(fd, (addr && len) ? addr : NULL, &l, flags));
	if (r >= 0 && addr && len)
		*len = l;
	return r;
}

int accept(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return accept4(fd, addr, len, 0);
}
