/* SPDX-License-Identifier: MIT */
/* getsockopt (replacing wasi-libc's, which answers only its own SO_TYPE) and
   setsockopt.  Option values pass through as bytes: the structs the kernel
   reads (timeval, linger, ip_mreqn, ...) have the same layout in wasm32 as on
   the 64-bit host.  Values holding a pointer (struct sock_fprog) cannot cross;
   the runner refuses them. */
#include <sys/socket.h>
#include <string.h>
#include "guest.h"

int getsockopt(int fd, int level, int name, void *restrict val, socklen_t *restrict len)
{
	if (!len) {
		errno = EFAULT;
		return -1;
	}
	uint32_t l = *len;
	int r = wg_ret(HOST(getsockopt)(fd, level, name, val, &l));
	if (r >= 0)
		*len = l;
	/* SO_ERROR's value is an errno: the guest's numbering, as errno itself. */
	if (r >= 0 && level == SOL_SOCKET && name == SO_ERROR && l >= sizeof(int) && val) {
		int e;
		memcpy(&e, val, sizeof e);
		if (e > 0)
			e = wg_errno(e);
		memcpy(val, &e, sizeof e);
	}
	return r;
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	return wg_ret(HOST(setsockopt)(fd, level, name, val, len));
}
