/* SPDX-License-Identifier: MIT */
/* socket(), socketpair(), bind(), connect(), listen(), names, shutdown(). */
#include <sys/socket.h>
#include <sys/ioctl.h>
#include "guest.h"

int socket(int domain, int type, int proto)
{
	return wg_ret(HOST(socket)(domain, type, proto));
}

int socketpair(int domain, int type, int proto, int fds[2])
{
	int32_t v[2];
	int r = wg_ret(HOST(socketpair)(domain, type, proto, v));
	if (r == 0) {
		fds[0] = v[0];
		fds[1] = v[1];
	}
	return r;
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	return wg_ret(HOST(bind)(fd, addr, len));
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	return wg_ret(HOST(connect)(fd, addr, len));
}

int listen(int fd, int backlog)
{
	return wg_ret(HOST(listen)(fd, backlog));
}

/* A NULL length pointer is EFAULT, as in the kernel. */
static int name_call(int32_t (*f)(int32_t, void *, uint32_t *), int fd,
                     struct sockaddr *addr, socklen_t *len)
{
	if (!len) {
		errno = EFAULT;
		return -1;
	}
	uint32_t l = *len;
	int r = wg_ret(f(fd, addr, &l));
	if (r >= 0)
		*len = l;
	return r;
}

int getsockname(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	wg_mem_sync();
	return name_call(wasock_host_getsockname, fd, addr, len);
}

int getpeername(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	wg_mem_sync();
	return name_call(wasock_host_getpeername, fd, addr, len);
}

int shutdown(int fd, int how)
{
	return wg_ret(HOST(shutdown)(fd, how));
}

int sockatmark(int fd)
{
	int v = 0;
	int r = wg_ret(HOST(ioctl)(fd, SIOCATMARK, &v, sizeof v));
	return r < 0 ? r : v;
}
