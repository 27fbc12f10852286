// SPDX-License-Identifier: MIT
/*
 * N-API binding of the wasock host ABI. Each export of `imports` is the wasm import of
 * the same name: it converts its arguments, turns every (offset, length) pair into a
 * bounds-checked pointer into the attached WebAssembly.Memory, calls host/sys and
 * returns its int32 result. Policy lives in the core; nothing here decides anything.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <node_api.h>

#include "../wasock_host.h"
#include "binding.h"
#include "wake.h"


#define WS_MAX_ARGS 10

struct ws_binding {
	napi_ref memory;
	/* The ArrayBuffer base and size were read from: growth detaches it (see ws_fresh). */
	napi_ref buffer;
	/* Bound imports objects (bind()): functions still alive; freed at 0. The env's
	 * own binding (attach()) is instance data and has refs == -1. */
	int refs;
	uint8_t *base;
	size_t size;
	/* The pinned external view: a JS buffer the current call reads or writes. */
	uint8_t *ext;
	size_t ext_len;
};

void ws_napi_throw_last(napi_env env)
{
	const napi_extended_error_info *info = NULL;
	bool pending = false;
	napi_is_exception_pending(env, &pending);
	if (pending)
		return;
	napi_get_last_error_info(env, &info);
	napi_throw_error(env, NULL, info && info->error_message ? info->error_message
	                                                         : "N-API call failed");
}

napi_status ws_napi_export(napi_env env, napi_value exports, const char *name, napi_callback fn)
{
	napi_value f;
	napi_status s = napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, NULL, &f);
	return s == napi_ok ? napi_set_named_property(env, exports, name, f) : s;
}

static struct ws_binding *ws_binding(napi_env env)
{
	void *data = NULL;
	napi_get_instance_data(env, &data);
	return data;
}

/*
 * Re-reads the memory's buffer. On failure the binding serves no memory at all (every
 * offset is EFAULT) rather than a stale one. A shared memory (SharedArrayBuffer) is
 * refused: another thread could change lengths between their check and their use.
 */
static int ws_refresh(napi_env env, struct ws_binding *b)
{
	napi_value mem, buf;
	void *data = NULL;
	size_t len = 0;
	bool is_ab = false;
	b->base = NULL;
	b->size = 0;
	if (b->buffer) {
		napi_delete_reference(env, b->buffer);
		b->buffer = NULL;
	}
	if (!b->memory || napi_get_reference_value(env, b->memory, &mem) != napi_ok || !mem ||
	    napi_get_named_property(env, mem, "buffer", &buf) != napi_ok ||
	    napi_is_arraybuffer(env, buf, &is_ab) != napi_ok || !is_ab ||
	    napi_get_arraybuffer_info(env, buf, &data, &len) != napi_ok ||
	    napi_create_reference(env, buf, 1, &b->buffer) != napi_ok)
		return -EFAULT;
	b->base = data;
	b->size = len;
	return 0;
}

/*
 * The cached base and size stay right until the memory grows. V8 reserves a 32-bit
 * memory's whole range on 64-bit hosts and grows it in place, so the base would stay
 * valid, but where it cannot reserve (a limited address space) growth copies the memory
 * and frees the old one. Growth always detaches the buffer the cache came from, so each
 * call checks that first and re-reads: a guest that grows its memory without calling
 * memory_grown never makes the host use a stale pointer.
 */
static void ws_fresh(napi_env env, struct ws_binding *b)
{
	napi_value buf;
	bool detached = true;
	if (b->buffer && napi_get_reference_value(env, b->buffer, &buf) == napi_ok && buf)
		napi_is_detached_arraybuffer(env, buf, &detached);
	if (detached)
		ws_refresh(env, b);
}

/* Pointer to guest bytes [off, off+len), or NULL when out of bounds. */
static inline void *ws_ptr(struct ws_binding *b, uint32_t off, uint64_t len)
{
	if (off >= WASOCK_HOST_EXTERNAL) {
		off -= WASOCK_HOST_EXTERNAL;
		return (uint64_t)off + len > b->ext_len ? NULL : b->ext + off;
	}
	if ((uint64_t)off + len > b->size)
		return NULL;
	return b->base + off;
}

struct ws_call {
	struct ws_binding *b;
	size_t argc;
	uint32_t u[WS_MAX_ARGS];
};

static int ws_args(napi_env env, napi_callback_info info, struct ws_call *c, size_t want)
{
	napi_value argv[WS_MAX_ARGS];
	c->argc = want;
	void *data = NULL;
	if (napi_get_cb_info(env, info, &c->argc, argv, NULL, &data) != napi_ok || !data)
		return -1;
	c->b = data;
	ws_fresh(env, c->b);
	for (size_t i = 0; i < want; i++) {
		int32_t v = 0;
		if (i < c->argc && napi_get_value_int32(env, argv[i], &v) != napi_ok)
			v = 0;
		c->u[i] = (uint32_t)v;
	}
	return 0;
}

static napi_value ws_ret(napi_env env, int32_t r)
{
	napi_value v;
	napi_create_int32(env, r, &v);
	return v;
}

#define I(n) ((int32_t)c.u[n])
#define U(n) (c.u[n])
/* A guest pointer argument n spanning len bytes; NULL offset stays NULL. */
#define P(n, len) (c.u[n] ? ws_ptr(c.b, c.u[n], (len)) : NULL)
#define CHECK(p, n) \
	if (!(p) && c.u[n]) \
		return ws_ret(env, -EFAULT)

#define WS_FN(name, nargs) \
	static napi_value ws_##name(napi_env env, napi_callback_info info) \
	{ \
		struct ws_call c; \
		if (ws_args(env, info, &c, nargs) < 0) \
			return NULL;
#define WS_END }

WS_FN(memory_grown, 0)
	return ws_ret(env, ws_refresh(env, c.b));
WS_END

/*
 * Guest offsets carry no alignment: typed values in guest memory are read and written
 * through aligned copies (memcpy), never through a cast pointer.
 */
WS_FN(clock_ns, 1)
	void *out = P(0, 8);
	uint64_t t = 0;
	if (!out)
		return ws_ret(env, -EFAULT);
	int32_t r = wasock_host_clock_ns(&t);
	if (r == 0)
		memcpy(out, &t, 8);
	return ws_ret(env, r);
WS_END

WS_FN(socket, 3)
	return ws_ret(env, wasock_host_socket(I(0), I(1), I(2)));
WS_END

WS_FN(socketpair, 4)
	void *out = P(3, 8);
	int32_t fds[2];
	if (!out)
		return ws_ret(env, -EFAULT);
	int32_t r = wasock_host_socketpair(I(0), I(1), I(2), fds);
	if (r == 0)
		memcpy(out, fds, 8);
	return ws_ret(env, r);
WS_END

WS_FN(close, 1)
	return ws_ret(env, wasock_host_close(I(0)));
WS_END

WS_FN(dup, 1)
	return ws_ret(env, wasock_host_dup(I(0)));
WS_END

WS_FN(bind, 3)
	void *a = P(1, U(2));
	CHECK(a, 1);
	return ws_ret(env, wasock_host_bind(I(0), a, U(2)));
WS_END

WS_FN(connect, 3)
	void *a = P(1, U(2));
	CHECK(a, 1);
	return ws_ret(env, wasock_host_connect(I(0), a, U(2)));
WS_END

WS_FN(listen, 2)
	return ws_ret(env, wasock_host_listen(I(0), I(1)));
WS_END

/*
 * An address area whose length is an in/out uint32 in guest memory: *l points at the
 * guest's length (any alignment), *len is its aligned copy for the host call, written
 * back by ws_len_back.
 */
static int ws_addr_inout(struct ws_binding *b, uint32_t aoff, uint32_t loff, void **a,
                         void **l, uint32_t *len)
{
	*a = NULL;
	*l = NULL;
	*len = 0;
	if (!loff)
		return 0;
	if (!(*l = ws_ptr(b, loff, 4)))
		return -EFAULT;
	memcpy(len, *l, 4);
	if (*len && !(*a = ws_ptr(b, aoff, *len)))
		return -EFAULT;
	return 0;
}

/* Writes *len back to the guest after a successful call (a pointer: the call must have
 * run before the value is read, which argument evaluation order would not promise). */
static int32_t ws_len_back(int32_t r, void *l, const uint32_t *len)
{
	if (r >= 0 && l)
		memcpy(l, len, 4);
	return r;
}

WS_FN(accept, 4)
	void *a, *l;
	uint32_t len;
	int r = ws_addr_inout(c.b, U(1), U(2), &a, &l, &len);
	if (r < 0)
		return ws_ret(env, r);
	return ws_ret(env, ws_len_back(wasock_host_accept(I(0), a, l ? &len : NULL, I(3)), l, &len));
WS_END

WS_FN(getsockname, 3)
	void *a, *l;
	uint32_t len;
	int r = ws_addr_inout(c.b, U(1), U(2), &a, &l, &len);
	if (r < 0 || !l)
		return ws_ret(env, -EFAULT);
	return ws_ret(env, ws_len_back(wasock_host_getsockname(I(0), a, &len), l, &len));
WS_END

WS_FN(getpeername, 3)
	void *a, *l;
	uint32_t len;
	int r = ws_addr_inout(c.b, U(1), U(2), &a, &l, &len);
	if (r < 0 || !l)
		return ws_ret(env, -EFAULT);
	return ws_ret(env, ws_len_back(wasock_host_getpeername(I(0), a, &len), l, &len));
WS_END

WS_FN(getsockopt, 5)
	void *v, *l;
	uint32_t len;
	int r = ws_addr_inout(c.b, U(3), U(4), &v, &l, &len);
	if (r < 0 || !l)
		return ws_ret(env, -EFAULT);
	return ws_ret(env, ws_len_back(wasock_host_getsockopt(I(0), I(1), I(2), v, &len), l, &len));
WS_END

WS_FN(setsockopt, 5)
	void *v = P(3, U(4));
	CHECK(v, 3);
	return ws_ret(env, wasock_host_setsockopt(I(0), I(1), I(2), v, U(4)));
WS_END

WS_FN(shutdown, 2)
	return ws_ret(env, wasock_host_shutdown(I(0), I(1)));
WS_END

WS_FN(sendto, 6)
	void *buf = P(1, U(2));
	void *a = P(4, U(5));
	CHECK(buf, 1);
	CHECK(a, 4);
	return ws_ret(env, wasock_host_sendto(I(0), buf, U(2), I(3), a, U(5)));
WS_END

WS_FN(recvfrom, 6)
	void *buf = P(1, U(2));
	void *a, *l;
	uint32_t len;
	CHECK(buf, 1);
	int r = ws_addr_inout(c.b, U(4), U(5), &a, &l, &len);
	if (r < 0)
		return ws_ret(env, r);
	return ws_ret(env, ws_len_back(wasock_host_recvfrom(I(0), buf, U(2), I(3), a,
	                                                    l ? &len : NULL), l, &len));
WS_END

/* Guest iovecs are {u32 base, u32 len}; build native ones, bounds-checked. */
#define WS_IOV_MAX 1024
static int ws_iov(struct ws_binding *b, uint32_t off, uint32_t n, wasock_iovec *iov)
{
	if (n > WS_IOV_MAX)
		return -EMSGSIZE;
	const uint8_t *g = n ? ws_ptr(b, off, (uint64_t)n * 8) : NULL;
	if (n && !g)
		return -EFAULT;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t base, len;
		memcpy(&base, g + 8 * i, 4);
		memcpy(&len, g + 8 * i + 4, 4);
		iov[i].len = len;
		iov[i].base = len ? ws_ptr(b, base, len) : b->base;
		if (!iov[i].base)
			return -EFAULT;
	}
	return 0;
}

WS_FN(sendmsg, 8)
	wasock_iovec iov[WS_IOV_MAX];
	int r = ws_iov(c.b, U(1), U(2), iov);
	void *name = P(3, U(4)), *ctl = P(5, U(6));
	if (r < 0)
		return ws_ret(env, r);
	CHECK(name, 3);
	CHECK(ctl, 5);
	return ws_ret(env, wasock_host_sendmsg(I(0), iov, U(2), name, U(4), ctl, U(6), I(7)));
WS_END

/* recvmsg has nine arguments, one more than WS_FN callers usually need to think about. */
static napi_value ws_recvmsg9(napi_env env, napi_callback_info info)
{
	struct ws_call c;
	if (ws_args(env, info, &c, 9) < 0)
		return NULL;
	wasock_iovec iov[WS_IOV_MAX];
	void *name = NULL, *ctl = NULL, *gnamelen = NULL, *gctllen = NULL;
	uint32_t namelen = 0, ctllen = 0;
	int32_t mflags = 0;
	void *gmflags = U(7) ? ws_ptr(c.b, U(7), 4) : NULL;
	int r = ws_iov(c.b, U(1), U(2), iov);
	if (r == 0)
		r = ws_addr_inout(c.b, U(3), U(4), &name, &gnamelen, &namelen);
	if (r == 0)
		r = ws_addr_inout(c.b, U(5), U(6), &ctl, &gctllen, &ctllen);
	if (r == 0 && (!gnamelen || !gctllen || !gmflags))
		r = -EFAULT;
	if (r < 0)
		return ws_ret(env, r);
	r = wasock_host_recvmsg(I(0), iov, U(2), name, &namelen, ctl, &ctllen, &mflags, I(8));
	if (r >= 0) {
		memcpy(gnamelen, &namelen, 4);
		memcpy(gctllen, &ctllen, 4);
		memcpy(gmflags, &mflags, 4);
	}
	return ws_ret(env, r);
}

WS_FN(readv, 3)
	wasock_iovec iov[WS_IOV_MAX];
	int r = ws_iov(c.b, U(1), U(2), iov);
	return ws_ret(env, r < 0 ? r : wasock_host_readv(I(0), iov, U(2)));
WS_END

WS_FN(writev, 3)
	wasock_iovec iov[WS_IOV_MAX];
	int r = ws_iov(c.b, U(1), U(2), iov);
	return ws_ret(env, r < 0 ? r : wasock_host_writev(I(0), iov, U(2)));
WS_END

WS_FN(sendfile, 4)
	void *goff = P(2, 8);
	int64_t off;
	if (!goff)
		return ws_ret(env, -EFAULT);
	memcpy(&off, goff, 8);
	int32_t r = wasock_host_sendfile(I(0), I(1), &off, U(3));
	if (r >= 0)
		memcpy(goff, &off, 8);
	return ws_ret(env, r);
WS_END

WS_FN(lseek, 2)
	void *goff = P(1, 8);
	int64_t off;
	if (!goff)
		return ws_ret(env, -EFAULT);
	memcpy(&off, goff, 8);
	return ws_ret(env, wasock_host_lseek(I(0), &off));
WS_END

WS_FN(poll, 3)
	return ws_ret(env, ws_wake_poll(I(0), I(1), I(2)));
WS_END

/* The records are polled from an aligned copy (struct pollfd is int-aligned), whose
 * revents go back to the guest. */
WS_FN(poll_many, 3)
	if (U(1) > WASOCK_HOST_POLL_MAX)
		return ws_ret(env, -EINVAL);
	void *fds = U(1) ? ws_ptr(c.b, U(0), (uint64_t)U(1) * 8) : NULL;
	if (U(1) && !fds)
		return ws_ret(env, -EFAULT);
	uint64_t local[64], *copy = U(1) <= 64 ? local : malloc((size_t)U(1) * 8);
	if (!copy)
		return ws_ret(env, -ENOMEM);
	if (U(1))
		memcpy(copy, fds, (size_t)U(1) * 8);
	int32_t r = ws_wake_poll_many(U(1) ? copy : NULL, U(1), I(2));
	if (r >= 0 && U(1)) {
		/* Only revents is the host's to write: the guest's fd and events stay as given. */
		for (uint32_t i = 0; i < U(1); i++)
			memcpy((uint8_t *)fds + 8 * i + 6, (uint8_t *)copy + 8 * i + 6, 2);
	}
	if (copy != local)
		free(copy);
	return ws_ret(env, r);
WS_END

WS_FN(epoll_create1, 1)
	return ws_ret(env, wasock_host_epoll_create1(I(0)));
WS_END

WS_FN(epoll_ctl, 4)
	return ws_ret(env, wasock_host_epoll_ctl(I(0), I(1), I(2), U(3)));
WS_END

/* host/sys writes each record with memcpy: the area needs no alignment. */
WS_FN(epoll_wait, 4)
	if (U(2) == 0 || U(2) > WASOCK_HOST_EPOLL_MAX)
		return ws_ret(env, -EINVAL);
	void *out = ws_ptr(c.b, U(1), (uint64_t)U(2) * 8);
	if (!out)
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_epoll_wait(I(0), out, U(2), I(3)));
WS_END

WS_FN(set_nonblocking, 2)
	return ws_ret(env, wasock_host_set_nonblocking(I(0), I(1)));
WS_END

WS_FN(get_nonblocking, 1)
	return ws_ret(env, wasock_host_get_nonblocking(I(0)));
WS_END

WS_FN(set_cloexec, 2)
	return ws_ret(env, wasock_host_set_cloexec(I(0), I(1)));
WS_END

WS_FN(get_cloexec, 1)
	return ws_ret(env, wasock_host_get_cloexec(I(0)));
WS_END

WS_FN(ioctl, 4)
	void *arg = P(2, U(3));
	CHECK(arg, 2);
	return ws_ret(env, wasock_host_ioctl(I(0), U(1), arg, U(3)));
WS_END

/* A (pointer, length) string argument; WASOCK_HOST_NULLSTR passes through as NULL. */
static int ws_str(struct ws_binding *b, uint32_t off, uint32_t len, const char **s)
{
	*s = NULL;
	if (len == WASOCK_HOST_NULLSTR)
		return 0;
	*s = len ? ws_ptr(b, off, len) : (const char *)b->base;
	return *s ? 0 : -EFAULT;
}

WS_FN(getaddrinfo, 10)
	const char *node, *serv;
	void *out = P(8, U(9));
	int r = ws_str(c.b, U(0), U(1), &node);
	if (r == 0)
		r = ws_str(c.b, U(2), U(3), &serv);
	if (r == 0 && !out && U(9))
		r = -EFAULT;
	if (r < 0)
		return ws_ret(env, r);
	return ws_ret(env, wasock_host_getaddrinfo(node, U(1), serv, U(3), I(4), I(5), I(6), I(7),
	                                           out, U(9)));
WS_END

WS_FN(getnameinfo, 7)
	void *a = P(0, U(1));
	char *host = P(3, U(4)), *serv = P(5, U(6));
	if (!a || (U(4) && !host) || (U(6) && !serv))
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_getnameinfo(a, U(1), I(2), host, U(4), serv, U(6)));
WS_END

WS_FN(gethostbyname, 5)
	const char *name;
	void *out = P(3, U(4));
	int r = ws_str(c.b, U(0), U(1), &name);
	if (r < 0 || (!out && U(4)))
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_gethostbyname(name, U(1), I(2), out, U(4)));
WS_END

WS_FN(gethostbyaddr, 5)
	void *a = P(0, U(1)), *out = P(3, U(4));
	if (!a || (!out && U(4)))
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_gethostbyaddr(a, U(1), I(2), out, U(4)));
WS_END

WS_FN(gethostname, 2)
	char *buf = P(0, U(1));
	if (!buf && U(1))
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_gethostname(buf, U(1)));
WS_END

WS_FN(sethostname, 2)
	const char *name;
	if (ws_str(c.b, U(0), U(1), &name) < 0 || !name)
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_sethostname(name, U(1)));
WS_END

WS_FN(getservbyname, 4)
	const char *name, *proto;
	if (ws_str(c.b, U(0), U(1), &name) < 0 || ws_str(c.b, U(2), U(3), &proto) < 0 || !name)
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_getservbyname(name, U(1), proto, U(3)));
WS_END

WS_FN(getservbyport, 5)
	const char *proto;
	char *out = P(3, U(4));
	if (ws_str(c.b, U(1), U(2), &proto) < 0 || (!out && U(4)))
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_getservbyport(I(0), proto, U(2), out, U(4)));
WS_END

WS_FN(getprotobyname, 2)
	const char *name;
	if (ws_str(c.b, U(0), U(1), &name) < 0 || !name)
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_getprotobyname(name, U(1)));
WS_END

WS_FN(if_nameindex, 2)
	void *out = P(0, U(1));
	if (!out && U(1))
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_if_nameindex(out, U(1)));
WS_END

WS_FN(if_nametoindex, 2)
	const char *name;
	if (ws_str(c.b, U(0), U(1), &name) < 0 || !name)
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_if_nametoindex(name, U(1)));
WS_END

WS_FN(if_indextoname, 3)
	char *out = P(1, U(2));
	if (!out && U(2))
		return ws_ret(env, -EFAULT);
	return ws_ret(env, wasock_host_if_indextoname(U(0), out, U(2)));
WS_END

/*
 * pin(view): makes an ArrayBufferView the external view for the calls that follow,
 * until unpin(). Returns the offset that names its first byte.
 */
static napi_value ws_pin(napi_env env, napi_callback_info info)
{
	size_t argc = 1, len = 0;
	napi_value argv[1], ab;
	void *data = NULL;
	bool is_typed = false, is_dv = false;
	struct ws_binding *b = ws_binding(env);
	WS_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	if (argc >= 1)
		napi_is_typedarray(env, argv[0], &is_typed);
	if (is_typed) {
		napi_typedarray_type type;
		size_t n, off;
		WS_NAPI(env, napi_get_typedarray_info(env, argv[0], &type, &n, &data, &ab, &off));
		size_t unit = 1;
		switch (type) {
		case napi_int16_array: case napi_uint16_array: unit = 2; break;
		case napi_int32_array: case napi_uint32_array: case napi_float32_array: unit = 4; break;
		case napi_float64_array: case napi_bigint64_array: case napi_biguint64_array: unit = 8; break;
		default: break;
		}
		len = n * unit;
	} else if (argc >= 1 && napi_is_dataview(env, argv[0], &is_dv) == napi_ok && is_dv) {
		size_t off;
		WS_NAPI(env, napi_get_dataview_info(env, argv[0], &len, &data, &ab, &off));
	} else {
		napi_throw_type_error(env, NULL, "pin(view) needs an ArrayBufferView");
		return NULL;
	}
	if (len > 0x7fffffff) {
		napi_throw_range_error(env, NULL, "pin(view): view larger than 2 GiB");
		return NULL;
	}
	b->ext = data;
	b->ext_len = data ? len : 0;
	napi_value r;
	WS_NAPI(env, napi_create_uint32(env, WASOCK_HOST_EXTERNAL, &r));
	return r;
}

static napi_value ws_unpin(napi_env env, napi_callback_info info)
{
	struct ws_binding *b = ws_binding(env);
	(void)info;
	b->ext = NULL;
	b->ext_len = 0;
	return NULL;
}

/* attach(memory): the WebAssembly.Memory whose offsets the imports receive. */
static napi_value ws_attach(napi_env env, napi_callback_info info)
{
	size_t argc = 1;
	napi_value argv[1];
	struct ws_binding *b = ws_binding(env);
	WS_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	if (argc < 1) {
		napi_throw_type_error(env, NULL, "attach(memory) needs a WebAssembly.Memory");
		return NULL;
	}
	if (b->memory) {
		napi_delete_reference(env, b->memory);
		b->memory = NULL;
	}
	WS_NAPI(env, napi_create_reference(env, argv[0], 1, &b->memory));
	if (ws_refresh(env, b) < 0) {
		napi_throw_type_error(env, NULL, "attach(memory) needs a WebAssembly.Memory");
		return NULL;
	}
	return NULL;
}

static void ws_binding_free(napi_env env, void *data, void *hint)
{
	struct ws_binding *b = data;
	(void)hint;
	if (b->memory)
		napi_delete_reference(env, b->memory);
	if (b->buffer)
		napi_delete_reference(env, b->buffer);
	free(b);
}

static void ws_bound_release(napi_env env, void *data, void *hint)
{
	struct ws_binding *b = data;
	(void)hint;
	if (--b->refs == 0)
		ws_binding_free(env, b, NULL);
}

uint8_t *ws_binding_memory(napi_env env, size_t *size)
{
	struct ws_binding *b = ws_binding(env);
	ws_fresh(env, b);
	*size = b->size;
	return b->base;
}

#define WS_EXPORT(name) { #name, NULL, ws_##name, NULL, NULL, NULL, napi_enumerable, b }

/* An object holding one function per host import, each serving binding b. */
static napi_status ws_make_imports(napi_env env, struct ws_binding *b, napi_value *out)
{
	napi_property_descriptor fns[] = {
		WS_EXPORT(memory_grown), WS_EXPORT(clock_ns), WS_EXPORT(socket),
		WS_EXPORT(socketpair), WS_EXPORT(close), WS_EXPORT(dup), WS_EXPORT(bind),
		WS_EXPORT(connect), WS_EXPORT(listen), WS_EXPORT(accept),
		WS_EXPORT(getsockname), WS_EXPORT(getpeername), WS_EXPORT(getsockopt),
		WS_EXPORT(setsockopt), WS_EXPORT(shutdown), WS_EXPORT(sendto),
		WS_EXPORT(recvfrom), WS_EXPORT(sendmsg),
		{ "recvmsg", NULL, ws_recvmsg9, NULL, NULL, NULL, napi_enumerable, b },
		WS_EXPORT(readv), WS_EXPORT(writev),
		WS_EXPORT(sendfile), WS_EXPORT(lseek), WS_EXPORT(poll), WS_EXPORT(poll_many),
		WS_EXPORT(epoll_create1), WS_EXPORT(epoll_ctl), WS_EXPORT(epoll_wait),
		WS_EXPORT(set_nonblocking), WS_EXPORT(get_nonblocking), WS_EXPORT(set_cloexec),
		WS_EXPORT(get_cloexec), WS_EXPORT(ioctl), WS_EXPORT(getaddrinfo),
		WS_EXPORT(getnameinfo), WS_EXPORT(gethostbyname), WS_EXPORT(gethostbyaddr),
		WS_EXPORT(gethostname), WS_EXPORT(sethostname), WS_EXPORT(getservbyname),
		WS_EXPORT(getservbyport), WS_EXPORT(getprotobyname), WS_EXPORT(if_nameindex),
		WS_EXPORT(if_nametoindex), WS_EXPORT(if_indextoname),
	};
	size_t n = sizeof fns / sizeof fns[0];
	napi_status s = napi_create_object(env, out);
	if (s != napi_ok || (s = napi_define_properties(env, *out, n, fns)) != napi_ok)
		return s;
	if (b->refs < 0)
		return napi_ok;
	/* A wasm instance keeps the functions, not this object: each live function holds
	 * the binding, and the last one collected frees it. */
	for (size_t i = 0; i < n; i++) {
		napi_value f;
		if ((s = napi_get_named_property(env, *out, fns[i].utf8name, &f)) != napi_ok ||
		    (s = napi_add_finalizer(env, f, b, ws_bound_release, NULL, NULL)) != napi_ok)
			return s;
		b->refs++;
	}
	return napi_ok;
}

/*
 * bind(memory): a new imports object whose functions serve the given
 * WebAssembly.Memory (a guest's), independent of attach() and of every other bind().
 */
static napi_value ws_bind_memory(napi_env env, napi_callback_info info)
{
	size_t argc = 1;
	napi_value argv[1], imports;
	WS_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	struct ws_binding *b = calloc(1, sizeof *b);
	if (!b) {
		napi_throw_error(env, NULL, "out of memory");
		return NULL;
	}
	if (argc < 1 || napi_create_reference(env, argv[0], 1, &b->memory) != napi_ok ||
	    ws_refresh(env, b) < 0) {
		if (b->memory)
			napi_delete_reference(env, b->memory);
		free(b);
		napi_throw_type_error(env, NULL, "bind(memory) needs a WebAssembly.Memory");
		return NULL;
	}
	if (ws_make_imports(env, b, &imports) != napi_ok) {
		if (b->refs == 0)
			ws_binding_free(env, b, NULL);
		ws_napi_throw_last(env);
		return NULL;
	}
	return imports;
}

static napi_value ws_init(napi_env env, napi_value exports)
{
	struct ws_binding *b = calloc(1, sizeof *b);
	napi_value imports;
	if (!b) {
		napi_throw_error(env, NULL, "out of memory");
		return NULL;
	}
	b->refs = -1;
	WS_NAPI(env, napi_set_instance_data(env, b, ws_binding_free, NULL));
	WS_NAPI(env, ws_make_imports(env, b, &imports));
	WS_NAPI(env, napi_set_named_property(env, exports, "imports", imports));
	WS_NAPI(env, ws_napi_export(env, exports, "attach", ws_attach));
	WS_NAPI(env, ws_napi_export(env, exports, "bind", ws_bind_memory));
	WS_NAPI(env, ws_napi_export(env, exports, "pin", ws_pin));
	WS_NAPI(env, ws_napi_export(env, exports, "unpin", ws_unpin));
	WS_NAPI(env, ws_poll_init(env, exports));
	WS_NAPI(env, ws_wake_init(env, exports));
	WS_NAPI(env, ws_nameservice_init(env, exports));
	WS_NAPI(env, ws_fdguard_init(env, exports));
	WS_NAPI(env, ws_policy_init(env, exports));
	WS_NAPI(env, ws_direct_init(env, exports));
	return exports;
}

NAPI_MODULE_INIT()
{
	return ws_init(env, exports);
}
