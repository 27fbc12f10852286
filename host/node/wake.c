// SPDX-License-Identifier: MIT
/*
 * Interruptible waits for worker threads. A worker blocked in the host's poll() never
 * returns to JS, so worker.terminate() and process.exit() (which stops every worker
 * and joins it) would wait for it forever. Both stop a worker by uv_async_send() on its
 * event loop, which makes the loop's epoll fd (uv_backend_fd) readable. Once a thread
 * asks for it (interruptible()), its waits also watch that fd, through an epoll set of
 * its own where it is edge-triggered: each new event on the loop wakes the wait once,
 * and the wait then fails with EINTR, as a signal would. The core retries EINTR with
 * the time left (PEP 475); a terminating isolate stops at that retry instead, when the
 * wasm code next checks for interrupts. Nothing is read from the loop's fds, so the
 * loop later sees every event that woke us.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <uv.h>

#include "../wasock_host.h"
#include "binding.h"
#include "wake.h"

/* One Node environment per thread: the wake fd is the thread's. */
static __thread int ws_wake_fd = -1;

static void ws_wake_cleanup(void *arg)
{
	(void)arg;
	if (ws_wake_fd >= 0)
		close(ws_wake_fd);
	ws_wake_fd = -1;
}

/* interruptible(): from now on this thread's waits end when its event loop is woken. */
static napi_value ws_interruptible(napi_env env, napi_callback_info info)
{
	(void)info;
	napi_value out;
	if (ws_wake_fd < 0) {
		uv_loop_t *loop = NULL;
		WS_NAPI(env, napi_get_uv_event_loop(env, &loop));
		int backend = uv_backend_fd(loop);
		int ep = backend < 0 ? -1 : epoll_create1(EPOLL_CLOEXEC);
		struct epoll_event ev = { .events = EPOLLIN | EPOLLET };
		if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, backend, &ev) < 0) {
			if (ep >= 0)
				close(ep);
			napi_throw_error(env, NULL, "wasock: cannot watch the event loop");
			return NULL;
		}
		ws_wake_fd = ep;
		WS_NAPI(env, napi_add_env_cleanup_hook(env, ws_wake_cleanup, NULL));
	}
	WS_NAPI(env, napi_get_boolean(env, true, &out));
	return out;
}

/* The wake fd was readable: take its edge so the next wait blocks again. */
static int32_t ws_woken(void)
{
	struct epoll_event ev;
	while (epoll_wait(ws_wake_fd, &ev, 1, 0) < 0 && errno == EINTR)
		;
	return -EINTR;
}

int32_t ws_wake_poll(int32_t fd, int32_t events, int32_t timeout_ms)
{
	if (ws_wake_fd < 0)
		return wasock_host_poll(fd, events, timeout_ms);
	struct pollfd p[2] = { { .fd = fd, .events = (short)events },
		               { .fd = ws_wake_fd, .events = POLLIN } };
	int r = poll(p, 2, timeout_ms);
	if (r < 0)
		return -errno;
	if (p[1].revents && !p[0].revents)
		return ws_woken();
	return r == 0 ? 0 : p[0].revents;
}

int32_t ws_wake_poll_many(void *fds, uint32_t nfds, int32_t timeout_ms)
{
	if (ws_wake_fd < 0 || nfds > WASOCK_HOST_POLL_MAX)
		return wasock_host_poll_many(fds, nfds, timeout_ms);
	struct pollfd *p = malloc((nfds + 1) * sizeof *p);
	if (!p)
		return -ENOMEM;
	if (nfds)
		memcpy(p, fds, nfds * sizeof *p);
	p[nfds] = (struct pollfd){ .fd = ws_wake_fd, .events = POLLIN };
	int r = poll(p, nfds + 1, timeout_ms);
	int32_t out;
	if (r < 0) {
		out = -errno;
	} else if (p[nfds].revents) {
		if (r == 1) {
			free(p);
			return ws_woken();
		}
		out = r - 1;
	} else {
		out = r;
	}
	if (nfds)
		memcpy(fds, p, nfds * sizeof *p);
	free(p);
	return out;
}

napi_status ws_wake_init(napi_env env, napi_value exports)
{
	return ws_napi_export(env, exports, "interruptible", ws_interruptible);
}
