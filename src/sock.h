// SPDX-License-Identifier: MIT
/* The socket object model of the core: a table of sockets the bridge names by id. */
#ifndef WASOCK_SOCK_H
#define WASOCK_SOCK_H

#include "core.h"

struct ws_sock {
	int32_t fd;        /* -1 once closed or detached */
	int32_t family, type, proto;
	int64_t timeout;   /* ns; -1 blocking, 0 non-blocking, > 0 timeout mode */
	int32_t io_refs;   /* makefile() objects still open */
	uint16_t gen;
	uint8_t used;
	uint8_t closed;    /* close() was called; the fd waits for io_refs to reach 0 */
	uint8_t async;     /* the promise face uses it: its fd stays O_NONBLOCK */
	uint8_t connecting; /* an async connect() is in progress */
};

/* Set while the bridge makes one non-blocking attempt for the promise face. */
extern int ws_async;

extern int64_t ws_default_timeout_ns;

/* The socket named by id, or NULL after raising OSError(EBADF). */
struct ws_sock *ws_sock_get(int32_t id);
/* The same without raising. */
struct ws_sock *ws_sock_peek(int32_t id);
/* Registers fd; applies the default timeout. Returns the id or WS_RAISED. */
int32_t ws_sock_add(int32_t fd, int32_t family, int32_t type, int32_t proto);
/* Writes [id, family, type, proto] for a socket just added. */
int ws_out_sock(int32_t id);
int ws_sock_close_fd(struct ws_sock *s);
int ws_timeout_arg(const wv *v, const char *what, int64_t *ns);
int ws_out_timeout(int64_t ns);
int64_t ws_now(void);
/* ws_now() + timeout, saturating at INT64_MAX. */
int64_t ws_deadline(int64_t timeout);

/* One attempt of an I/O operation; returns >= 0 or -errno. */
typedef int32_t (*ws_sock_fn)(struct ws_sock *s, void *ctx);
/*
 * CPython's sock_call_ex: waits for readiness in timeout mode (and for connect),
 * retries EINTR, and retries spurious EAGAIN in timeout mode. Returns the
 * operation's result, -errno, or WS_RAISED after raising timeout. In async mode it
 * makes one non-blocking attempt and raises WS_ERR_WOULDBLOCK instead of waiting.
 */
int32_t ws_sock_call(struct ws_sock *s, int writing, ws_sock_fn fn, void *ctx, int connect,
                     int64_t timeout);

#define WS_SOCKMETHOD(name, min, max) int ws_m_##name(struct ws_sock *s, ws_args *a);
#include "sockmethods.h"
#undef WS_SOCKMETHOD

#endif
