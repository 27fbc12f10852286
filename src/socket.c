// SPDX-License-Identifier: MIT
/*
 * The socket table and the socket object's lifecycle, modes and options.
 * Map: table and ids; sock_call (CPython's sock_call_ex); the module functions
 * socket/socketpair; the methods that do not move data (sockio.c and sockmsg.c do).
 */
#include <stdlib.h>
#include <string.h>

#include "sock.h"

/* An id is slot | gen << 20: a stale id of a reused slot is EBADF, not another socket. */
#define WS_SLOT_BITS 20
#define WS_SLOT_MASK ((1u << WS_SLOT_BITS) - 1)

static struct ws_sock *table;
static uint32_t table_len, table_cap;
static uint32_t free_head = UINT32_MAX;

struct ws_sock *ws_sock_peek(int32_t id)
{
	uint32_t slot = (uint32_t)id & WS_SLOT_MASK;
	if (id > 0 && slot < table_len) {
		struct ws_sock *s = &table[slot];
		if (s->used && s->gen == (uint16_t)((uint32_t)id >> WS_SLOT_BITS))
			return s;
	}
	return NULL;
}

struct ws_sock *ws_sock_get(int32_t id)
{
	struct ws_sock *s = ws_sock_peek(id);
	if (!s)
		ws_os_error(-WS_EBADF, NULL);
	return s;
}

static int32_t ws_sock_id(const struct ws_sock *s)
{
	return (int32_t)((uint32_t)(s - table) | (uint32_t)s->gen << WS_SLOT_BITS);
}

/*
 * Counts the changes that can change a socket's direct plan (ws_sock_direct: its fd,
 * timeout mode, async flag, ws_async): the sync face keeps a socket's plan for as long as
 * this count stays what it was when the plan was asked, and reads it from memory.
 */
uint32_t ws_sock_epoch;

uint32_t *WS_EXPORT(ws_sock_epoch_at)(void)
{
	return &ws_sock_epoch;
}

static void ws_sock_free(struct ws_sock *s)
{
	ws_sock_epoch++;
	s->used = 0;
	s->fd = -1;
	s->gen = (uint16_t)((s->gen + 1) & 0x3ff);
	/* The free list threads through the type field of unused slots. */
	s->type = (int32_t)free_head;
	free_head = (uint32_t)(s - table);
}

/* The monotonic clock, kept within [0, INT64_MAX / 2] whatever the host answers, so that
 * deadline arithmetic cannot overflow. Read through the (16-aligned) scratch area: with a
 * stack slot instead, worker.terminate() no longer ended a worker blocked in a timed recv
 * (tests/js/worker/terminate.test.js, recv_timeout); the mechanism is not understood yet. */
int64_t ws_now(void)
{
	uint64_t *t = ws_scratch(8);
	if (!t || HOST(clock_ns)(t) < 0)
		return 0;
	return *t > (uint64_t)INT64_MAX / 2 ? INT64_MAX / 2 : (int64_t)*t;
}

int64_t ws_deadline(int64_t timeout)
{
	int64_t now = ws_now();
	return timeout > INT64_MAX - now ? INT64_MAX : now + timeout;
}

int ws_async;

/* The promise face needs the fd non-blocking for good; blocking mode is then emulated. */
void WS_EXPORT(ws_set_async)(int32_t on)
{
	ws_sock_epoch++;
	ws_async = on;
}

/*
 * Every socket made from now on waits in the host's poll(), its blocking mode emulated:
 * a host can end such waits (a worker thread being terminated), not a blocking syscall.
 * Not a socket adopted from an fd (socket(fileno=), fromfd()): its open file description
 * may be shared with another thread's blocking socket, whose O_NONBLOCK it would change.
 */
static int ws_all_async;
static int ws_adopting;

void WS_EXPORT(ws_set_all_async)(int32_t on)
{
	ws_all_async = on;
}

static int ws_apply_timeout(struct ws_sock *s, int64_t timeout)
{
	int32_t r = HOST(set_nonblocking)(s->fd, timeout >= 0 || s->async);
	if (r < 0)
		return ws_os_error(r, "fcntl");
	ws_sock_epoch++;
	s->timeout = timeout;
	return 0;
}

int32_t ws_sock_add(int32_t fd, int32_t family, int32_t type, int32_t proto)
{
	uint32_t slot;
	if (free_head != UINT32_MAX) {
		slot = free_head;
		free_head = (uint32_t)table[slot].type;
	} else {
		if (table_len == table_cap) {
			uint32_t cap = table_cap ? table_cap * 2 : 64;
			struct ws_sock *t;
			if (cap > WS_SLOT_MASK || !(t = realloc(table, cap * sizeof *t)))
				return ws_os_error(-WS_EMFILE, "socket");
			table = t;
			table_cap = cap;
		}
		slot = table_len++;
		table[slot].gen = 1;
	}
	struct ws_sock *s = &table[slot];
	uint16_t gen = s->gen ? s->gen : 1;
	ws_sock_epoch++;
	*s = (struct ws_sock){ .fd = fd, .family = family, .type = type & ~(WS_SOCK_NONBLOCK | WS_SOCK_CLOEXEC),
	                       .proto = proto, .timeout = -1, .gen = gen, .used = 1 };
	if (ws_all_async && !ws_adopting && HOST(set_nonblocking)(fd, 1) == 0)
		s->async = 1;
	/* As CPython: SOCK_NONBLOCK in the type makes it non-blocking whatever the default. */
	if (type & WS_SOCK_NONBLOCK)
		s->timeout = 0;
	else if (ws_default_timeout_ns >= 0 && ws_apply_timeout(s, ws_default_timeout_ns) < 0) {
		ws_sock_free(s);
		return WS_RAISED;
	}
	return ws_sock_id(s);
}

/*
 * A closed or detached socket is, as in CPython, an object with fd -1 on which every
 * method checks its arguments and then fails with EBADF (or answers, for gettimeout,
 * detach, recv(0)...). Its slot is freed at close; the bridge keeps family, type, proto
 * and timeout, and calls such a socket's methods on this one stand-in slot, set up
 * for it before each call. Returns the stand-in's id.
 */
static int32_t zombie_id;

int32_t WS_EXPORT(ws_sock_zombie)(int32_t family, int32_t type, int32_t proto, double timeout_ns)
{
	struct ws_sock *s = ws_sock_peek(zombie_id);
	if (!s) {
		/* No default timeout to apply (nor any call on fd -1) for the stand-in. */
		int64_t dflt = ws_default_timeout_ns;
		int all_async = ws_all_async;
		ws_default_timeout_ns = -1;
		ws_all_async = 0;
		zombie_id = ws_sock_add(-1, family, type, proto);
		ws_default_timeout_ns = dflt;
		ws_all_async = all_async;
		if (zombie_id < 0)
			return zombie_id = 0, -1;
		s = ws_sock_peek(zombie_id);
	}
	ws_sock_epoch++;
	s->fd = -1;
	s->family = family;
	s->type = type;
	s->proto = proto;
	/* The conversion of a NaN or an out-of-range double would trap: such a value is -1. */
	s->timeout = timeout_ns >= 0 && timeout_ns < 9.2e18 ? (int64_t)timeout_ns : -1;
	s->async = 0;
	s->closed = 1;
	s->io_refs = 0;
	s->connecting = 0;
	return zombie_id;
}

/* Whether id names a socket (open, or closed with makefile() objects still open). */
int32_t WS_EXPORT(ws_sock_alive)(int32_t id)
{
	return ws_sock_peek(id) != NULL;
}

/* A socket's timeout in ns (-1 blocking), which the bridge keeps when it closes. */
double WS_EXPORT(ws_sock_timeout_ns)(int32_t id)
{
	struct ws_sock *s = ws_sock_peek(id);
	return s ? (double)s->timeout : -1;
}

/* The stand-in's timeout after a call (settimeout() on a closed socket keeps it). */
double WS_EXPORT(ws_sock_zombie_timeout)(void)
{
	struct ws_sock *s = ws_sock_peek(zombie_id);
	return s ? (double)s->timeout : -1;
}

int ws_out_sock(int32_t id)
{
	struct ws_sock *s = ws_sock_get(id);
	if (!s)
		return WS_RAISED;
	if (ws_out_list(4) < 0 || ws_out_int(id) < 0 || ws_out_int(s->family) < 0 ||
	    ws_out_int(s->type) < 0)
		return WS_RAISED;
	return ws_out_int(s->proto);
}

int ws_sock_close_fd(struct ws_sock *s)
{
	int32_t fd = s->fd;
	ws_sock_free(s);
	int32_t r = HOST(close)(fd);
	/* As CPython: a reset connection is closed all the same. */
	if (r < 0 && r != -WS_ECONNRESET)
		return ws_os_error(r, "close");
	return 0;
}

static int ws_poll_ready(struct ws_sock *s, int writing, int64_t interval, int connect)
{
	/* As CPython: a closed socket is "ready", and its call then fails with EBADF. */
	if (s->fd < 0)
		return 0;
	int events = writing ? WS_POLLOUT : WS_POLLIN;
	if (connect)
		events |= WS_POLLERR;
	int32_t ms = -1;
	if (interval >= 0) {
		/* Rounded up without adding first: interval may be near INT64_MAX. */
		int64_t m = interval / 1000000 + (interval % 1000000 != 0);
		ms = m > 0x7fffffff ? 0x7fffffff : (int32_t)m;
	}
	int32_t r = HOST(poll)(s->fd, events, ms);
	if (r < 0)
		return r;
	return r == 0 ? 1 : 0;
}

static int ws_would_block(int writing)
{
	return ws_raise(WS_ERR_WOULDBLOCK, writing ? WS_POLLOUT : WS_POLLIN, NULL);
}

int ws_make_async(struct ws_sock *s);
int ws_make_async(struct ws_sock *s)
{
	if (s->async || s->fd < 0)
		return 0;
	int32_t r = HOST(set_nonblocking)(s->fd, 1);
	if (r < 0)
		return ws_os_error(r, "fcntl");
	ws_sock_epoch++;
	s->async = 1;
	return 0;
}

/* One attempt of a socket call: the host's answer, where a negative one outside the
 * kernel's errnos (1..4095) is EIO. A hostile host answering WS_RAISED's own value would
 * otherwise pass for an error already raised (found by fuzz_recvmsg, sendfile). */
static int32_t ws_sock_once(struct ws_sock *s, ws_sock_fn fn, void *ctx)
{
	int32_t r;
	do
		r = fn(s, ctx);
	while (r == -WS_EINTR);
	return r < -4095 ? -WS_EIO : r;
}

int32_t ws_sock_call(struct ws_sock *s, int writing, ws_sock_fn fn, void *ctx, int connect,
                     int64_t timeout)
{
	if (ws_async) {
		if (ws_make_async(s) < 0)
			return WS_RAISED;
		int32_t r = ws_sock_once(s, fn, ctx);
		return r == -WS_EAGAIN ? ws_would_block(writing) : r;
	}
	/* A blocking socket whose fd the promise face made non-blocking waits in poll(). */
	int emulate = s->timeout < 0 && s->async;
	int has_timeout = timeout > 0;
	int64_t deadline = 0;
	int deadline_set = 0;
	for (;;) {
		if (has_timeout || connect) {
			int r;
			if (has_timeout) {
				int64_t interval;
				if (deadline_set) {
					interval = deadline - ws_now();
				} else {
					deadline_set = 1;
					deadline = ws_deadline(timeout);
					interval = timeout;
				}
				r = interval >= 0 ? ws_poll_ready(s, writing, interval, connect) : 1;
			} else {
				r = ws_poll_ready(s, writing, timeout, connect);
			}
			if (r == -WS_EINTR)
				continue;
			if (r < 0)
				return r;
			if (r == 1)
				return ws_raise(WS_ERR_TIMEOUT, 0, "timed out");
		}
		int32_t r = ws_sock_once(s, fn, ctx);
		if (r >= 0)
			return r;
		if (s->timeout > 0 && r == -WS_EAGAIN)
			continue;
		if (emulate && r == -WS_EAGAIN) {
			r = ws_poll_ready(s, writing, -1, connect);
			if (r < 0 && r != -WS_EINTR)
				return r;
			continue;
		}
		return r;
	}
}

/* socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None); -1 = detect from fileno. */
int ws_fn_socket(ws_args *a)
{
	int32_t v[3] = { -1, -1, -1 }, fd = -1;
	static const char *const what[] = { "socket() family", "socket() type", "socket() proto" };
	for (int i = 0; i < 3; i++)
		if (ws_arg(a, i) && !wv_is_none(ws_arg(a, i)) &&
		    wv_cint(ws_arg(a, i), what[i], &v[i]) < 0)
			return WS_RAISED;
	const wv *fv = ws_arg(a, 3);
	if (fv && !wv_is_none(fv)) {
		if (wv_cint(fv, "socket() fileno", &fd) < 0)
			return WS_RAISED;
		if (fd < 0)
			return ws_value_error("negative file descriptor");
		int32_t *opt = ws_scratch(8);
		uint32_t *len = (uint32_t *)(opt + 1);
		/* As CPython: the fd must be a socket, whatever the other arguments say. */
		uint8_t *sa = ws_scratch(WS_SOCKADDR_MAX + 4);
		if (!opt || !sa)
			return ws_os_error(-WS_ENOMEM, "socket");
		uint32_t *salen = (uint32_t *)(sa + WS_SOCKADDR_MAX);
		*salen = WS_SOCKADDR_MAX;
		int32_t r = HOST(getsockname)(fd, sa, salen);
		if (r == -WS_EBADF || r == -WS_ENOTSOCK)
			return ws_os_error(r, "getsockname");
		static const int names[] = { WS_SO_DOMAIN, WS_SO_TYPE, WS_SO_PROTOCOL };
		for (int i = 0; i < 3; i++) {
			if (v[i] != -1)
				continue;
			*len = 4;
			r = HOST(getsockopt)(fd, WS_SOL_SOCKET, names[i], opt, len);
			if (r < 0)
				return ws_os_error(r, "getsockopt");
			v[i] = *opt;
		}
	} else {
		if (v[0] == -1)
			v[0] = WS_AF_INET;
		if (v[1] == -1)
			v[1] = WS_SOCK_STREAM;
		if (v[2] == -1)
			v[2] = 0;
		fd = HOST(socket)(v[0], v[1] | WS_SOCK_CLOEXEC, v[2]);
		if (fd < 0)
			return ws_os_error(fd, "socket");
	}
	ws_adopting = fv && !wv_is_none(fv);
	int32_t id = ws_sock_add(fd, v[0], v[1], v[2]);
	ws_adopting = 0;
	if (id < 0) {
		if (!fv || wv_is_none(fv))
			HOST(close)(fd);
		return WS_RAISED;
	}
	return ws_out_sock(id);
}

/* fromfd(fd, family, type, proto=0): a socket on a duplicate of fd. */
int ws_fn_fromfd(ws_args *a)
{
	int32_t fd, v[3] = { 0, 0, 0 };
	if (wv_cint(ws_arg(a, 0), "fromfd() fd", &fd) < 0 ||
	    wv_cint(ws_arg(a, 1), "fromfd() family", &v[0]) < 0 ||
	    wv_cint(ws_arg(a, 2), "fromfd() type", &v[1]) < 0 ||
	    (ws_arg(a, 3) && wv_cint(ws_arg(a, 3), "fromfd() proto", &v[2]) < 0))
		return WS_RAISED;
	int32_t nfd = HOST(dup)(fd);
	if (nfd < 0)
		return ws_os_error(nfd, "dup");
	ws_adopting = 1;
	int32_t id = ws_sock_add(nfd, v[0], v[1], v[2]);
	ws_adopting = 0;
	if (id < 0) {
		HOST(close)(nfd);
		return WS_RAISED;
	}
	return ws_out_sock(id);
}

int ws_fn_socketpair(ws_args *a)
{
	int32_t v[3] = { WS_AF_UNIX, WS_SOCK_STREAM, 0 };
	static const char *const what[] = { "socketpair() family", "socketpair() type",
		                            "socketpair() proto" };
	for (int i = 0; i < 3; i++)
		if (ws_arg(a, i) && !wv_is_none(ws_arg(a, i)) &&
		    wv_cint(ws_arg(a, i), what[i], &v[i]) < 0)
			return WS_RAISED;
	int32_t *fds = ws_scratch(8);
	if (!fds)
		return ws_os_error(-WS_ENOMEM, "socketpair");
	int32_t r = HOST(socketpair)(v[0], v[1] | WS_SOCK_CLOEXEC, v[2], fds);
	if (r < 0)
		return ws_os_error(r, "socketpair");
	int32_t id0 = ws_sock_add(fds[0], v[0], v[1], v[2]);
	int32_t id1 = id0 < 0 ? WS_RAISED : ws_sock_add(fds[1], v[0], v[1], v[2]);
	if (id1 < 0) {
		if (id0 >= 0)
			ws_sock_free(ws_sock_get(id0));
		HOST(close)(fds[0]);
		HOST(close)(fds[1]);
		return WS_RAISED;
	}
	if (ws_out_list(2) < 0 || ws_out_sock(id0) < 0)
		return WS_RAISED;
	return ws_out_sock(id1);
}

int ws_m_close(struct ws_sock *s, ws_args *a)
{
	(void)a;
	if (s->fd < 0)
		return ws_out_none();
	s->closed = 1;
	if (s->io_refs > 0)
		return ws_out_none();
	if (ws_sock_close_fd(s) < 0)
		return WS_RAISED;
	return ws_out_none();
}

int ws_m_io_ref(struct ws_sock *s, ws_args *a)
{
	(void)a;
	s->io_refs++;
	return ws_out_int(s->io_refs);
}

int ws_m_io_unref(struct ws_sock *s, ws_args *a)
{
	(void)a;
	if (--s->io_refs <= 0 && s->closed && s->fd >= 0 && ws_sock_close_fd(s) < 0)
		return WS_RAISED;
	return ws_out_none();
}

int ws_m_detach(struct ws_sock *s, ws_args *a)
{
	(void)a;
	if (s->fd < 0)
		return ws_out_int(-1);
	int32_t fd = s->fd;
	ws_sock_free(s);
	return ws_out_int(fd);
}

int ws_m_fileno(struct ws_sock *s, ws_args *a)
{
	(void)a;
	return ws_out_int(s->fd);
}

/* [fd, family, type, proto, timeout] for the bridge. */
int ws_m_info(struct ws_sock *s, ws_args *a)
{
	(void)a;
	if (ws_out_list(5) < 0 || ws_out_int(s->fd) < 0 || ws_out_int(s->family) < 0 ||
	    ws_out_int(s->type) < 0 || ws_out_int(s->proto) < 0)
		return WS_RAISED;
	return ws_out_timeout(s->timeout);
}

int ws_m_dup(struct ws_sock *s, ws_args *a)
{
	(void)a;
	int64_t timeout = s->timeout;
	uint8_t async = s->async;
	int32_t fd = HOST(dup)(s->fd);
	if (fd < 0)
		return ws_os_error(fd, "dup");
	int32_t id = ws_sock_add(fd, s->family, s->type, s->proto);
	if (id < 0) {
		HOST(close)(fd);
		return WS_RAISED;
	}
	/*
	 * socket.py: sock.settimeout(self.gettimeout()). s may have moved with the table;
	 * the file description is shared, so an fd the promise face keeps O_NONBLOCK stays so.
	 */
	struct ws_sock *ns = ws_sock_get(id);
	ws_sock_epoch++;
	ns->async = async;
	if (ws_apply_timeout(ns, timeout) < 0) {
		ws_sock_close_fd(ns);
		return WS_RAISED;
	}
	return ws_out_sock(id);
}

int ws_m_get_inheritable(struct ws_sock *s, ws_args *a)
{
	(void)a;
	int32_t r = HOST(get_cloexec)(s->fd);
	if (r < 0)
		return ws_os_error(r, "fcntl");
	return ws_out_bool(!r);
}

static int ws_truth(const wv *v, const char *what, int *out)
{
	int64_t x;
	if (wv_tag(v) == WV_BOOL) {
		*out = v->p[1];
		return 0;
	}
	if (wv_int64(v, what, &x) < 0)
		return WS_RAISED;
	*out = x != 0;
	return 0;
}

int ws_m_set_inheritable(struct ws_sock *s, ws_args *a)
{
	int on;
	if (ws_truth(ws_arg(a, 0), "set_inheritable() argument", &on) < 0)
		return WS_RAISED;
	int32_t r = HOST(set_cloexec)(s->fd, !on);
	if (r < 0)
		return ws_os_error(r, "fcntl");
	return ws_out_none();
}

int ws_m_getblocking(struct ws_sock *s, ws_args *a)
{
	(void)a;
	return ws_out_bool(s->timeout != 0);
}

int ws_m_setblocking(struct ws_sock *s, ws_args *a)
{
	int on;
	if (ws_truth(ws_arg(a, 0), "setblocking() argument", &on) < 0 ||
	    ws_apply_timeout(s, on ? -1 : 0) < 0)
		return WS_RAISED;
	return ws_out_none();
}

int ws_m_gettimeout(struct ws_sock *s, ws_args *a)
{
	(void)a;
	return ws_out_timeout(s->timeout);
}

int ws_m_settimeout(struct ws_sock *s, ws_args *a)
{
	int64_t ns;
	if (ws_timeout_arg(ws_arg(a, 0), "settimeout() argument", &ns) < 0 ||
	    ws_apply_timeout(s, ns) < 0)
		return WS_RAISED;
	return ws_out_none();
}

int ws_m_listen(struct ws_sock *s, ws_args *a)
{
	int32_t backlog = WS_SOMAXCONN < 128 ? WS_SOMAXCONN : 128;
	if (ws_arg(a, 0) && wv_cint(ws_arg(a, 0), "listen() backlog", &backlog) < 0)
		return WS_RAISED;
	if (backlog < 0)
		backlog = 0;
	int32_t r = HOST(listen)(s->fd, backlog);
	if (r < 0)
		return ws_os_error(r, "listen");
	return ws_out_none();
}

int ws_m_shutdown(struct ws_sock *s, ws_args *a)
{
	int32_t how;
	if (wv_cint(ws_arg(a, 0), "shutdown() argument", &how) < 0)
		return WS_RAISED;
	int32_t r = HOST(shutdown)(s->fd, how);
	if (r < 0)
		return ws_os_error(r, "shutdown");
	return ws_out_none();
}

int ws_m_bind(struct ws_sock *s, ws_args *a)
{
	uint8_t sa[WS_SOCKADDR_MAX];
	uint32_t len;
	if (ws_sockaddr_encode(s->family, s->proto, ws_arg(a, 0), "bind", sa, &len) < 0)
		return WS_RAISED;
	int32_t r = HOST(bind)(s->fd, sa, len);
	if (r < 0)
		return ws_os_error(r, "bind");
	return ws_out_none();
}

static int32_t ws_connect_done(struct ws_sock *s, void *ctx)
{
	int32_t *err = ctx;
	uint32_t *len = (uint32_t *)(err + 1);
	*len = 4;
	int32_t r = HOST(getsockopt)(s->fd, WS_SOL_SOCKET, WS_SO_ERROR, err, len);
	if (r < 0)
		return r;
	if (*err == 0 || *err == WS_EISCONN)
		return 0;
	/* Kernel errnos are 1..4095; anything else (INT32_MIN would overflow the negation)
	 * is a host out of range. */
	if (*err < 0 || *err > 4095)
		return -WS_EIO;
	return -*err;
}

/* CPython's internal_connect: returns 0, -errno, or WS_RAISED (timeout or bad address). */
static int ws_connect(struct ws_sock *s, const wv *addr, const char *fname, int raise_timeout)
{
	uint8_t sa[WS_SOCKADDR_MAX];
	uint32_t len;
	int32_t *ctx = ws_scratch(8);
	if (!ctx)
		return ws_os_error(-WS_ENOMEM, fname);
	if (ws_sockaddr_encode(s->family, s->proto, addr, fname, sa, &len) < 0)
		return WS_RAISED;
	if (ws_async && s->connecting) {
		/* The bridge saw the fd writable: the outcome is in SO_ERROR. */
		int32_t r = ws_connect_done(s, ctx);
		if (r == 0) {
			/* SO_ERROR is 0 too while a connect whose wait was given up (timeout,
			 * abort) is still in progress: connect() again tells which. */
			uint8_t peer[WS_SOCKADDR_MAX];
			uint32_t *plen = (uint32_t *)ctx;
			*plen = sizeof peer;
			if (HOST(getpeername)(s->fd, peer, plen) == -WS_ENOTCONN) {
				r = HOST(connect)(s->fd, sa, len);
				if (r == -WS_EALREADY || r == -WS_EINPROGRESS || r == -WS_EAGAIN ||
				    r == -WS_EINTR)
					return ws_would_block(1);
				if (r == -WS_EISCONN)
					r = 0;
			}
		}
		s->connecting = 0;
		return r;
	}
	if (ws_async && ws_make_async(s) < 0)
		return WS_RAISED;
	int32_t r = HOST(connect)(s->fd, sa, len);
	if (r == 0)
		return 0;
	if (ws_async) {
		/*
		 * EAGAIN (an AF_UNIX listener's full backlog) is an error, as CPython reports
		 * it in timeout mode: no readiness event announces room in a backlog.
		 */
		if (r != -WS_EINPROGRESS && r != -WS_EINTR)
			return r;
		s->connecting = 1;
		return ws_would_block(1);
	}
	int pending = r == -WS_EINTR || r == -WS_EINPROGRESS;
	int wait = r == -WS_EINTR ? s->timeout != 0
	                          : pending && (s->timeout > 0 || (s->timeout < 0 && s->async));
	if (!wait)
		return r;
	r = ws_sock_call(s, 1, ws_connect_done, ctx, 1, s->timeout);
	if (r == WS_RAISED && ws_err.kind == WS_ERR_TIMEOUT && !raise_timeout) {
		ws_err.kind = WS_ERR_NONE;
		return -WS_EAGAIN;
	}
	return r;
}

int ws_m_connect(struct ws_sock *s, ws_args *a)
{
	int r = ws_connect(s, ws_arg(a, 0), "connect", 1);
	if (r < 0)
		return ws_os_error(r, "connect");
	return ws_out_none();
}

int ws_m_connect_ex(struct ws_sock *s, ws_args *a)
{
	int r = ws_connect(s, ws_arg(a, 0), "connect_ex", 0);
	if (r == WS_RAISED)
		return r;
	if (r > 0)
		r = 0;
	return ws_out_int(-r);
}

static int ws_name(struct ws_sock *s, int peer)
{
	uint8_t *sa = ws_scratch(WS_SOCKADDR_MAX + 8);
	if (!sa)
		return ws_os_error(-WS_ENOMEM, NULL);
	uint32_t *len = (uint32_t *)(sa + WS_SOCKADDR_MAX);
	*len = WS_SOCKADDR_MAX;
	int32_t r = peer ? HOST(getpeername)(s->fd, sa, len) : HOST(getsockname)(s->fd, sa, len);
	if (r < 0)
		return ws_os_error(r, peer ? "getpeername" : "getsockname");
	return ws_sockaddr_decode(sa, *len < WS_SOCKADDR_MAX ? *len : WS_SOCKADDR_MAX, s->proto);
}

int ws_m_getsockname(struct ws_sock *s, ws_args *a)
{
	(void)a;
	return ws_name(s, 0);
}

int ws_m_getpeername(struct ws_sock *s, ws_args *a)
{
	(void)a;
	return ws_name(s, 1);
}

int ws_m_getsockopt(struct ws_sock *s, ws_args *a)
{
	int32_t level, name, buflen = 0;
	if (wv_cint(ws_arg(a, 0), "getsockopt() level", &level) < 0 ||
	    wv_cint(ws_arg(a, 1), "getsockopt() option", &name) < 0 ||
	    (ws_arg(a, 2) && wv_cint(ws_arg(a, 2), "getsockopt() buflen", &buflen) < 0))
		return WS_RAISED;
	if (buflen == 0) {
		int32_t *v = ws_scratch(8);
		if (!v)
			return ws_os_error(-WS_ENOMEM, "getsockopt");
		uint32_t *len = (uint32_t *)(v + 1);
		*v = 0;
		*len = 4;
		int32_t r = HOST(getsockopt)(s->fd, level, name, v, len);
		if (r < 0)
			return ws_os_error(r, "getsockopt");
		return ws_out_int(*v);
	}
	if (buflen < 0 || buflen > 1024)
		return ws_raise(WS_ERR_OS, 0, "getsockopt buflen out of range");
	uint8_t *buf = ws_scratch((size_t)buflen + 4);
	uint32_t *len = (uint32_t *)ws_scratch(4);
	if (!buf || !len)
		return ws_os_error(-WS_ENOMEM, "getsockopt");
	*len = (uint32_t)buflen;
	int32_t r = HOST(getsockopt)(s->fd, level, name, buf, len);
	if (r < 0)
		return ws_os_error(r, "getsockopt");
	return ws_out_bytes(buf, *len < (uint32_t)buflen ? *len : (uint32_t)buflen);
}

/* setsockopt(level, name, int | bytes) or setsockopt(level, name, None, optlen). */
int ws_m_setsockopt(struct ws_sock *s, ws_args *a)
{
	int32_t level, name, r;
	const wv *val = ws_arg(a, 2);
	if (wv_cint(ws_arg(a, 0), "setsockopt() level", &level) < 0 ||
	    wv_cint(ws_arg(a, 1), "setsockopt() option", &name) < 0)
		return WS_RAISED;
	if (a->n == 4) {
		uint64_t optlen;
		if (!wv_is_none(val))
			return ws_type_error("setsockopt() takes 3 arguments, or 4 with None as the "
			                     "third");
		if (wv_uint64(ws_arg(a, 3), "setsockopt() optlen", &optlen) < 0)
			return WS_RAISED;
		if (optlen > 0xffffffffu)
			return ws_value_error("setsockopt() optlen out of range");
		r = HOST(setsockopt)(s->fd, level, name, NULL, (uint32_t)optlen);
	} else if (wv_tag(val) == WV_BYTES) {
		const uint8_t *p;
		uint32_t n;
		wv_bytes(val, "value", &p, &n);
		r = HOST(setsockopt)(s->fd, level, name, n ? p : (const uint8_t *)ws_scratch(1), n);
	} else {
		int32_t *v = ws_scratch(4);
		if (!v)
			return ws_os_error(-WS_ENOMEM, "setsockopt");
		if (wv_tag(val) != WV_INT && wv_tag(val) != WV_BOOL && wv_tag(val) != WV_HUGE &&
		    wv_tag(val) != WV_UINT64)
			return ws_type_error("setsockopt() value must be an integer or a bytes-like "
			                     "object, not %s", wv_typename(val));
		if (wv_cint(val, "setsockopt() value", v) < 0)
			return WS_RAISED;
		r = HOST(setsockopt)(s->fd, level, name, v, 4);
	}
	if (r < 0)
		return ws_os_error(r, "setsockopt");
	return ws_out_none();
}

struct ws_accept_ctx {
	uint8_t sa[WS_SOCKADDR_MAX];
	uint32_t len;
};

static int32_t ws_accept_once(struct ws_sock *s, void *ctx)
{
	struct ws_accept_ctx *c = ctx;
	/* Like CPython: AF_ALG sockets have no name, and accept() asking for one fails with
	 * ECONNABORTED after the kernel made the operation socket. */
	if (s->family == WS_AF_ALG) {
		c->len = 0;
		return HOST(accept)(s->fd, NULL, NULL, WS_SOCK_CLOEXEC);
	}
	c->len = WS_SOCKADDR_MAX;
	return HOST(accept)(s->fd, c->sa, &c->len, WS_SOCK_CLOEXEC);
}

/* Returns [[id, family, type, proto], address]; the new socket follows the default timeout. */
int ws_m_accept(struct ws_sock *s, ws_args *a)
{
	(void)a;
	struct ws_accept_ctx *c = ws_scratch(sizeof *c);
	if (!c)
		return ws_os_error(-WS_ENOMEM, "accept");
	int32_t fd = ws_sock_call(s, 0, ws_accept_once, c, 0, s->timeout);
	if (fd < 0)
		return ws_os_error(fd, "accept");
	/* ws_sock_add may grow the table and move s: keep what is needed after it. */
	int64_t timeout = s->timeout;
	int32_t proto = s->proto;
	int32_t id = ws_sock_add(fd, s->family, s->type, proto);
	if (id < 0) {
		HOST(close)(fd);
		return WS_RAISED;
	}
	/* socket.py: a listening socket with a timeout hands out blocking sockets by default. */
	struct ws_sock *ns = ws_sock_get(id);
	if (ws_default_timeout_ns < 0 && timeout != 0 && timeout != -1 &&
	    ws_apply_timeout(ns, -1) < 0) {
		ws_sock_close_fd(ns);
		return WS_RAISED;
	}
	if (ws_out_list(2) < 0 || ws_out_sock(id) < 0)
		return WS_RAISED;
	return ws_sockaddr_decode(c->sa, c->len < WS_SOCKADDR_MAX ? c->len : WS_SOCKADDR_MAX,
	                          proto);
}
