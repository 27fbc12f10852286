// SPDX-License-Identifier: MIT
/*
 * Moving data: recv* and send* with CPython's argument rules and timeout semantics.
 * Received data is left in the I/O area, from which the bridge copies it out; data to
 * send arrives either in the I/O area (fast paths) or inside the argument list.
 */
#include <stdlib.h>
#include <string.h>

#include "sock.h"

/* The I/O area, shared by one call at a time; the bridge reads its place from ws_io_state. */
static struct {
	uint8_t *buf;
	uint32_t cap;
} io;

void *WS_EXPORT(ws_io_state)(void)
{
	return &io;
}

/* The I/O area, grown to at least n bytes; NULL beyond WS_AREA_MAX or when memory is
 * short. ws_io_area(0) is the area as it is (the bridge copies received data out). */
uint8_t *WS_EXPORT(ws_io_area)(uint32_t n)
{
	if (n > io.cap || !io.buf) {
		size_t cap = ws_area_grow(io.cap, n, 65536);
		free(io.buf);
		io.buf = cap ? malloc(cap) : NULL;
		io.cap = io.buf ? (uint32_t)cap : 0;
	}
	ws_mem_sync();
	return io.buf;
}

/*
 * Gives back an I/O area an oversized call grew past WS_AREA_KEEP (linear memory never
 * shrinks, but the allocator can hand the space to the next large request): called once
 * its data has been copied out, by the receive calls that copy it into their result and
 * at the start of every call through the wire format (which never finds data in it).
 */
void ws_io_trim(void);
void ws_io_trim(void)
{
	if (io.cap > WS_AREA_KEEP) {
		free(io.buf);
		io.buf = NULL;
		io.cap = 0;
	}
}

struct ws_io {
	uint8_t *buf;
	uint32_t len;
	int32_t flags;
	uint8_t *sa;
	uint32_t salen;
};

static int32_t ws_recv_once(struct ws_sock *s, void *ctx)
{
	struct ws_io *io = ctx;
	if (io->sa)
		io->salen = WS_SOCKADDR_MAX;
	return HOST(recvfrom)(s->fd, io->buf, io->len, io->flags, io->sa, io->sa ? &io->salen : NULL);
}

/*
 * MSG_NOSIGNAL for every send (a host process must not die of SIGPIPE), except where
 * the family's sendmsg refuses flags it does not know: RDS (EOPNOTSUPP) and QIPCRTR
 * (EINVAL), neither of which raises SIGPIPE.
 */
int32_t ws_nosignal(const struct ws_sock *s);
int32_t ws_nosignal(const struct ws_sock *s)
{
	return s->family == WS_AF_RDS || s->family == WS_AF_QIPCRTR ? 0 : WS_MSG_NOSIGNAL;
}

static int32_t ws_send_once(struct ws_sock *s, void *ctx)
{
	struct ws_io *io = ctx;
	return HOST(sendto)(s->fd, io->buf, io->len, io->flags | ws_nosignal(s), io->sa, io->salen);
}

static int ws_flags(ws_args *a, uint32_t i, int32_t *flags)
{
	*flags = 0;
	return ws_arg(a, i) ? wv_cint(ws_arg(a, i), "flags", flags) : 0;
}

/* Receives up to n bytes into buf, with or without the sender's address. */
static int32_t ws_recv_at(struct ws_sock *s, uint8_t *buf, uint32_t n, int32_t flags,
                          struct ws_io *io, int want_addr, const char *fname)
{
	io->buf = buf;
	io->len = n;
	io->flags = flags;
	io->sa = want_addr ? ws_scratch(WS_SOCKADDR_MAX + 8) : NULL;
	io->salen = 0;
	/* As CPython's sock_recv_guts: 0 bytes asked, nothing done, in every mode. */
	if (n == 0 && !want_addr)
		return 0;
	int32_t r = ws_sock_call(s, 0, ws_recv_once, io, 0, s->timeout);
	return r < 0 ? ws_os_error(r, fname) : r;
}

/* The same into the I/O area, where the bridge copies it from. */
static int32_t ws_recv_io(struct ws_sock *s, uint32_t n, int32_t flags, struct ws_io *io,
                          int want_addr)
{
	uint8_t *buf = ws_io_area(n ? n : 1);
	if (!buf)
		return ws_os_error(-WS_ENOMEM, "recv");
	return ws_recv_at(s, buf, n, flags, io, want_addr, want_addr ? "recvfrom" : "recv");
}

/* recv_into's nbytes: 0 means the whole buffer, and it may not exceed the buffer. */
static int ws_into_size(int64_t buflen, int64_t nbytes, int want_addr, const char *fname,
                        uint32_t *n)
{
	/* The bridge passes a buffer's byteLength: anything else is not a length. */
	if (buflen < 0 || buflen > 0x7fffffff)
		return ws_value_error("%s: buffer length out of range", fname);
	if (nbytes < 0)
		return ws_value_error("negative buffersize in %s", fname);
	if (nbytes == 0)
		nbytes = buflen;
	if (nbytes > buflen)
		return ws_value_error(want_addr ? "nbytes is greater than the length of the buffer"
		                                : "buffer too small for requested bytes");
	if (nbytes > 0x7fffffff)
		return ws_value_error("%s: buffersize too large", fname);
	*n = (uint32_t)nbytes;
	return 0;
}

static int ws_size_arg(const wv *v, const char *what, const char *fname, uint32_t *n)
{
	int64_t x;
	if (wv_int64(v, what, &x) < 0)
		return WS_RAISED;
	if (x < 0)
		return ws_value_error("negative buffersize in %s", fname);
	if (x > 0x7fffffff)
		return ws_value_error("%s: buffersize too large", fname);
	*n = (uint32_t)x;
	return 0;
}

void ws_call_begin(void);

/*
 * The direct plan for plain send(data) / recv(n) / recv_into(buf) (flags 0): in blocking
 * mode (timeout None, fd blocking, not in the promise face's hands) CPython's sock_call
 * is exactly one system call, which the host already retries on EINTR, so the bridge may
 * make that call itself (sends with MSG_NOSIGNAL, as ws_send_once) and skip the trip
 * through wasm. Returns the fd to use, or -1: take the core's path. The bridge keeps the
 * answer while ws_sock_epoch (socket.c) stays the same: whatever changes it bumps that.
 */
int32_t WS_EXPORT(ws_sock_direct)(int32_t id)
{
	struct ws_sock *s = ws_sock_peek(id);
	if (!s || s->timeout >= 0 || s->async || ws_async)
		return -1;
	if (s->family != WS_AF_INET && s->family != WS_AF_INET6 && s->family != WS_AF_UNIX)
		return -1;
	return s->fd;
}

/*
 * fileno() without a generic call (select() asks every socket for it on every wait):
 * the socket's fd (-1 once closed or detached), or -2: no such socket.
 */
int32_t WS_EXPORT(ws_sock_fileno)(int32_t id)
{
	struct ws_sock *s = ws_sock_peek(id);
	return s ? s->fd : -2;
}

int ws_make_async(struct ws_sock *s);

/*
 * The same plan for the promise face: an async attempt of plain send/recv (flags 0) is
 * exactly one non-blocking system call (ws_sock_call's async branch), so the bridge may
 * make it itself and read EAGAIN as "would block". Makes the fd non-blocking first, as
 * that branch does. Returns the fd to use, or -1: take the core's path.
 */
int32_t WS_EXPORT(ws_sock_direct_async)(int32_t id)
{
	struct ws_sock *s = ws_sock_peek(id);
	if (!s || (s->family != WS_AF_INET && s->family != WS_AF_INET6 && s->family != WS_AF_UNIX))
		return -1;
	if (!s->async) {
		ws_call_begin();
		if (ws_make_async(s) < 0)
			return -1;
	}
	return s->fd;
}

/*
 * The timeout mode the promise face needs on every wait, without a generic call:
 * -1 None (blocking), 0 non-blocking, 1 a positive timeout, -2 no such socket.
 */
int32_t WS_EXPORT(ws_sock_mode)(int32_t id)
{
	struct ws_sock *s = ws_sock_peek(id);
	if (!s)
		return -2;
	return s->timeout < 0 ? -1 : s->timeout > 0;
}

/* Turns a direct call's failure (-errno) into the core's error record; returns -1. */
int32_t WS_EXPORT(ws_sock_fail)(int32_t r, int32_t writing)
{
	ws_call_begin();
	ws_os_error(r, writing ? "send" : "recv");
	return -1;
}

/*
 * Fast paths: recv/recv_into/send/sendall with plain arguments. buf is the I/O area
 * or the host's pinned external view; the core passes it to the host untouched.
 */
/* The socket a fast path works on, after the bookkeeping every call from the bridge does. */
static struct ws_sock *ws_fast_begin(int32_t id)
{
	ws_call_begin();
	return ws_sock_get(id);
}

int32_t WS_EXPORT(ws_sock_recv)(int32_t id, uint8_t *buf, int32_t n, int32_t flags)
{
	struct ws_sock *s = ws_fast_begin(id);
	struct ws_io x;
	if (!s)
		return -1;
	if (n < 0) {
		ws_value_error("negative buffersize in recv");
		return -1;
	}
	int32_t r = ws_recv_at(s, buf, (uint32_t)n, flags, &x, 0, "recv");
	/* With MSG_TRUNC the kernel answers the datagram's full length: keep what arrived. */
	return r < 0 ? -1 : r > n ? n : r;
}

int ws_m_recv(struct ws_sock *s, ws_args *a)
{
	uint32_t n = 0;
	int32_t flags;
	struct ws_io io;
	if (ws_size_arg(ws_arg(a, 0), "recv() bufsize", "recv", &n) < 0 || ws_flags(a, 1, &flags) < 0)
		return WS_RAISED;
	int32_t r = ws_recv_io(s, n, flags, &io, 0);
	r = r < 0 ? r : ws_out_bytes(io.buf, (uint32_t)r < n ? (uint32_t)r : n);
	ws_io_trim();
	return r;
}

int ws_m_recvfrom(struct ws_sock *s, ws_args *a)
{
	uint32_t n = 0;
	int32_t flags;
	struct ws_io io;
	if (ws_size_arg(ws_arg(a, 0), "recvfrom() bufsize", "recvfrom", &n) < 0 ||
	    ws_flags(a, 1, &flags) < 0)
		return WS_RAISED;
	int32_t r = ws_recv_io(s, n, flags, &io, 1);
	if (r >= 0 && (ws_out_list(2) < 0 ||
	               ws_out_bytes(io.buf, (uint32_t)r < n ? (uint32_t)r : n) < 0))
		r = WS_RAISED;
	ws_io_trim();
	if (r < 0)
		return r;
	return ws_sockaddr_decode(io.sa, io.salen < WS_SOCKADDR_MAX ? io.salen : WS_SOCKADDR_MAX,
	                          s->proto);
}

/* recv_into(buflen, nbytes=0, flags=0): the bridge passes the buffer's length and copies. */
static int32_t ws_recv_into(struct ws_sock *s, ws_args *a, const char *fname, struct ws_io *io,
                            int want_addr)
{
	int64_t buflen, nbytes = 0;
	int32_t flags;
	uint32_t n = 0;
	if (wv_int64(ws_arg(a, 0), "buffer length", &buflen) < 0 ||
	    (ws_arg(a, 1) && wv_int64(ws_arg(a, 1), "nbytes", &nbytes) < 0) ||
	    ws_flags(a, 2, &flags) < 0 || ws_into_size(buflen, nbytes, want_addr, fname, &n) < 0)
		return WS_RAISED;
	return ws_recv_io(s, n, flags, io, want_addr);
}

/* recv_into's fast path: buf (buflen bytes) is where the data goes. */
int32_t WS_EXPORT(ws_sock_recv_into)(int32_t id, uint8_t *buf, int32_t buflen, int32_t nbytes,
                                     int32_t flags)
{
	struct ws_sock *s = ws_fast_begin(id);
	struct ws_io x;
	uint32_t n = 0;
	if (!s || ws_into_size(buflen, nbytes, 0, "recv_into", &n) < 0)
		return -1;
	int32_t r = ws_recv_at(s, buf, n, flags, &x, 0, "recv_into");
	return r < 0 ? -1 : r;
}

int ws_m_recv_into(struct ws_sock *s, ws_args *a)
{
	struct ws_io io;
	int32_t r = ws_recv_into(s, a, "recv_into", &io, 0);
	return r < 0 ? r : ws_out_int(r);
}

int ws_m_recvfrom_into(struct ws_sock *s, ws_args *a)
{
	struct ws_io io;
	int32_t r = ws_recv_into(s, a, "recvfrom_into", &io, 1);
	if (r < 0 || ws_out_list(2) < 0 || ws_out_int(r) < 0)
		return WS_RAISED;
	return ws_sockaddr_decode(io.sa, io.salen < WS_SOCKADDR_MAX ? io.salen : WS_SOCKADDR_MAX,
	                          s->proto);
}

static int32_t ws_send_io(struct ws_sock *s, const uint8_t *p, uint32_t n, int32_t flags,
                          uint8_t *sa, uint32_t salen, int64_t timeout, const char *fname)
{
	struct ws_io io = { (uint8_t *)p, n, flags, sa, salen };
	int32_t r = ws_sock_call(s, 1, ws_send_once, &io, 0, timeout);
	return r < 0 ? ws_os_error(r, fname) : r;
}

int32_t WS_EXPORT(ws_sock_send)(int32_t id, const uint8_t *buf, uint32_t n, int32_t flags)
{
	struct ws_sock *s = ws_fast_begin(id);
	if (!s)
		return -1;
	int32_t r = ws_send_io(s, buf, n, flags, NULL, 0, s->timeout, "send");
	return r < 0 ? -1 : r;
}

int ws_m_send(struct ws_sock *s, ws_args *a)
{
	const uint8_t *p;
	uint32_t n = 0;
	int32_t flags;
	if (wv_bytes(ws_arg(a, 0), "send() argument 1", &p, &n) < 0 || ws_flags(a, 1, &flags) < 0)
		return WS_RAISED;
	int32_t r = ws_send_io(s, p, n, flags, NULL, 0, s->timeout, "send");
	return r < 0 ? r : ws_out_int(r);
}

/*
 * sendall: the timeout bounds the whole call, not each send. A call the bridge
 * splits into chunks keeps the deadline of its first chunk (cont != 0).
 */
static int64_t sendall_deadline;

static int ws_sendall(struct ws_sock *s, const uint8_t *p, uint32_t n, int32_t flags, int cont)
{
	if (!cont)
		sendall_deadline = s->timeout > 0 ? ws_deadline(s->timeout) : 0;
	int64_t deadline = sendall_deadline;
	int64_t interval = s->timeout;
	do {
		if (s->timeout > 0) {
			interval = deadline - ws_now();
			if (interval <= 0)
				return ws_raise(WS_ERR_TIMEOUT, 0, "timed out");
		}
		int32_t r = ws_send_io(s, p, n, flags, NULL, 0, interval, "send");
		if (r < 0)
			return r;
		/* More than was left would walk p past the data: a host out of range. */
		if ((uint32_t)r > n)
			return ws_os_error(-WS_EIO, "send");
		p += r;
		n -= (uint32_t)r;
	} while (n > 0);
	return 0;
}

int32_t WS_EXPORT(ws_sock_sendall)(int32_t id, const uint8_t *buf, uint32_t n, int32_t flags,
                                   int32_t cont)
{
	struct ws_sock *s = ws_fast_begin(id);
	if (!s)
		return -1;
	return ws_sendall(s, buf, n, flags, cont) < 0 ? -1 : 0;
}

int ws_m_sendall(struct ws_sock *s, ws_args *a)
{
	const uint8_t *p;
	uint32_t n = 0;
	int32_t flags;
	if (wv_bytes(ws_arg(a, 0), "sendall() argument 1", &p, &n) < 0 || ws_flags(a, 1, &flags) < 0)
		return WS_RAISED;
	if (ws_sendall(s, p, n, flags, 0) < 0)
		return WS_RAISED;
	return ws_out_none();
}

/* sendto(data, address) or sendto(data, flags, address). */
int ws_m_sendto(struct ws_sock *s, ws_args *a)
{
	const uint8_t *p;
	uint32_t n, salen;
	int32_t flags = 0;
	uint8_t sa[WS_SOCKADDR_MAX];
	const wv *addr = ws_arg(a, a->n == 3 ? 2 : 1);
	if (wv_bytes(ws_arg(a, 0), "sendto() argument 1", &p, &n) < 0 ||
	    (a->n == 3 && wv_cint(ws_arg(a, 1), "sendto() flags", &flags) < 0) ||
	    ws_sockaddr_encode(s->family, s->proto, addr, "sendto", sa, &salen) < 0)
		return WS_RAISED;
	int32_t r = ws_send_io(s, p, n, flags, sa, salen, s->timeout, "sendto");
	return r < 0 ? r : ws_out_int(r);
}

struct ws_sendfile {
	int32_t in_fd;
	int64_t *offset;
	uint32_t count;
};

static int32_t ws_sendfile_once(struct ws_sock *s, void *ctx)
{
	struct ws_sendfile *c = ctx;
	return HOST(sendfile)(s->fd, c->in_fd, c->offset, c->count);
}

/* As socket.py, whatever happened: the file is left just after what was sent. */
static int32_t ws_sendfile_seek(int32_t in_fd, int64_t *off, int64_t offset, int64_t total)
{
	if (total <= 0)
		return 0;
	*off = offset + total;
	return HOST(lseek)(in_fd, off);
}

/* sendfile(fd, offset=0, count=None): zero-copy with sendfile(2) on stream sockets. */
int ws_m_sendfile(struct ws_sock *s, ws_args *a)
{
	int32_t in_fd;
	int64_t offset = 0, count = 0;
	if (wv_cint(ws_arg(a, 0), "sendfile() file", &in_fd) < 0 ||
	    (ws_arg(a, 1) && wv_int64(ws_arg(a, 1), "sendfile() offset", &offset) < 0) ||
	    (ws_arg(a, 2) && !wv_is_none(ws_arg(a, 2)) &&
	     wv_int64(ws_arg(a, 2), "sendfile() count", &count) < 0))
		return WS_RAISED;
	/* socket.py's checks, in its order; a negative offset is the kernel's EINVAL. */
	if (s->type != WS_SOCK_STREAM)
		return ws_value_error("only SOCK_STREAM type sockets are supported");
	if (ws_arg(a, 2) && !wv_is_none(ws_arg(a, 2)) && count <= 0)
		return ws_value_error("count must be a positive integer (got %lld)", (long long)count);
	if (s->timeout == 0)
		return ws_value_error("non-blocking sockets are not supported");
	if (s->fd < 0)
		return ws_value_error("Invalid file descriptor: -1");
	int64_t *off = ws_scratch(8);
	if (!off)
		return ws_os_error(-WS_ENOMEM, "sendfile");
	*off = offset;
	int64_t total = 0;
	int64_t deadline = s->timeout > 0 ? ws_deadline(s->timeout) : 0;
	for (;;) {
		int64_t want = count ? count - total : 0x40000000;
		if (want <= 0)
			break;
		struct ws_sendfile c = { in_fd, off, want > 0x40000000 ? 0x40000000 : (uint32_t)want };
		int64_t interval = s->timeout;
		if (s->timeout > 0 && (interval = deadline - ws_now()) <= 0) {
			ws_sendfile_seek(in_fd, off, offset, total);
			return ws_raise(WS_ERR_TIMEOUT, 0, "timed out");
		}
		int32_t r = ws_sock_call(s, 1, ws_sendfile_once, &c, 0, interval);
		/* An async attempt reports what it sent before it would have blocked. */
		if (r == WS_RAISED && ws_err.kind == WS_ERR_WOULDBLOCK && total > 0) {
			ws_err.kind = WS_ERR_NONE;
			break;
		}
		if (r < 0) {
			ws_sendfile_seek(in_fd, off, offset, total);
			return r == WS_RAISED ? r : ws_os_error(r, "sendfile");
		}
		if (r == 0)
			break;
		/* The kernel never sends more than asked; a host that says so is refused before
		 * its answer can push total past int64. */
		if ((uint32_t)r > c.count || total > INT64_MAX - r)
			return ws_os_error(-WS_EIO, "sendfile");
		total += r;
	}
	int32_t sr = ws_sendfile_seek(in_fd, off, offset, total);
	if (sr < 0)
		return ws_os_error(sr, "lseek");
	return ws_out_int(total);
}
