// SPDX-License-Identifier: MIT
/* epoll(7) for Python's select.epoll: records keyed by fd, as the select module keys them. */
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "internal.h"

int32_t wasock_host_epoll_create1(int32_t flags)
{
	int fd = epoll_create1(flags);
	return fd < 0 ? -errno : fd;
}

int32_t wasock_host_epoll_ctl(int32_t epfd, int32_t op, int32_t fd, uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.u64 = 0 };
	ev.data.fd = fd;
	/* EPOLL_CTL_DEL ignores the event; kernels before 2.6.9 wanted it non-NULL anyway. */
	return epoll_ctl(epfd, op, fd, &ev) < 0 ? -errno : 0;
}

int32_t wasock_host_epoll_wait(int32_t epfd, void *out, uint32_t maxevents, int32_t timeout_ms)
{
	if (maxevents == 0 || maxevents > WASOCK_HOST_EPOLL_MAX)
		return -EINVAL;
	/* struct epoll_event is packed (12 bytes) on x86_64 and 16 bytes elsewhere: convert. */
	struct epoll_event small[64];
	struct epoll_event *ev = maxevents <= 64 ? small : malloc(maxevents * sizeof *ev);
	if (!ev)
		return -ENOMEM;
	int n = epoll_wait(epfd, ev, (int)maxevents, timeout_ms);
	int32_t r = n < 0 ? -errno : n;
	uint32_t rec[2];
	for (int i = 0; i < n; i++) {
		rec[0] = (uint32_t)ev[i].data.fd;
		rec[1] = ev[i].events;
		memcpy((char *)out + 8 * (size_t)i, rec, sizeof rec);
	}
	if (ev != small)
		free(ev);
	return r;
}
