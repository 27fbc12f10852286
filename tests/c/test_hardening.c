// SPDX-License-Identifier: MIT
/*
 * Regressions of the hardening findings, natively against the real host/sys (the
 * sanitized build runs this file too, where UBSan turns the undefined ones into
 * failures). One function per finding, named after it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../src/core.h"

uint8_t *ws_arg_area(uint32_t n);
uint8_t *ws_io_area(uint32_t n);
void *ws_io_state(void);
const uint8_t *ws_out(void);
struct ws_error *ws_error(void);
uint32_t ws_fn_count(void);
const char *ws_fn_name(uint32_t i);
int32_t ws_call(uint32_t i, uint32_t arglen);
uint32_t ws_method_count(void);
const char *ws_method_name(uint32_t i);
int32_t ws_method(uint32_t i, int32_t id, uint32_t arglen);
int32_t ws_sock_recv_into(int32_t id, uint8_t *buf, int32_t buflen, int32_t nbytes, int32_t flags);
void ws_call_begin(void);

static int passed, failed;

static void check(int ok, const char *what)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s\n", what);
}

static uint32_t fn(const char *name)
{
	for (uint32_t i = 0; i < ws_fn_count(); i++)
		if (!strcmp(ws_fn_name(i), name))
			return i;
	abort();
}

static uint32_t method(const char *name)
{
	for (uint32_t i = 0; i < ws_method_count(); i++)
		if (!strcmp(ws_method_name(i), name))
			return i;
	abort();
}

/* Writes the wire list in w[0..n) to the argument area. */
static uint32_t args(const uint8_t *w, uint32_t n)
{
	uint8_t *a = ws_arg_area(n);
	memcpy(a, w, n);
	return n;
}

static uint32_t put_int(uint8_t *p, int64_t v)
{
	p[0] = WV_INT;
	ws_put64le(p + 1, (uint64_t)v);
	return 9;
}

static uint32_t put_list(uint8_t *p, uint32_t n)
{
	p[0] = WV_LIST;
	ws_put32le(p + 1, n);
	return 5;
}

/* A socketpair of the core: its two socket ids. */
static void socketpair_ids(int32_t ids[2])
{
	uint8_t w[5];
	int32_t r = ws_call(fn("socketpair"), args(w, put_list(w, 0)));
	if (r < 0)
		abort();
	/* [[id, family, type, proto], [id, ...]]: the ids follow the list headers. */
	const uint8_t *o = ws_out();
	ids[0] = (int32_t)ws_get64le(o + 5 + 5 + 1);
	ids[1] = (int32_t)ws_get64le(o + 5 + 5 + 4 * 9 + 5 + 1);
}

static void close_ids(int32_t ids[2])
{
	uint8_t w[5];
	for (int i = 0; i < 2; i++)
		ws_method(method("close"), ids[i], args(w, put_list(w, 0)));
}

/* Area allocation of 2-4 GiB: looped forever on wasm32 (a 32-bit cap doubled to 0), or
 * wrapped to a small area just above 4 GiB. Now anything past WS_AREA_MAX is refused. */
static void area_allocation_of_2_to_4_gib(void)
{
	check(ws_arg_area(0x80000000u) == NULL, "argument area of 2 GiB is refused");
	check(ws_arg_area(0xffffffffu) == NULL, "argument area of 4 GiB - 1 is refused");
	check(ws_io_area(0xc0000000u) == NULL, "I/O area of 3 GiB is refused");
	check(ws_arg_area(16) != NULL, "the argument area still works");
	check(ws_scratch(0xfffffff0u) == NULL, "scratch of 4 GiB is refused");
	check(ws_scratch((size_t)-1) == NULL, "scratch of SIZE_MAX is refused");
	check(ws_out_reserve((size_t)0xffffffffu) == NULL, "result area of 4 GiB is refused");
}

/* I/O area shrink after recvfrom(2**30): the area an oversized call grew stayed for the
 * rest of the process. Now it is given back once its data was copied out. */
static void io_area_shrink_after_recvfrom_2_30(void)
{
	int32_t ids[2];
	uint8_t w[64];
	uint32_t n;
	struct { uint32_t buf, cap; } *st32 = ws_io_state();
	(void)st32;
	socketpair_ids(ids);
	uint8_t ping[] = { WV_LIST, 1, 0, 0, 0, WV_BYTES, 1, 0, 0, 0, 'x' };
	ws_method(method("send"), ids[1], args(ping, sizeof ping));
	n = put_list(w, 1);
	n += put_int(w + n, 1 << 30);
	int32_t r = ws_method(method("recvfrom"), ids[0], args(w, n));
	check(r > 0, "recvfrom(2**30) works");
	/* The state is { pointer, uint32 cap }: the cap follows the pointer. */
	uint32_t cap;
	memcpy(&cap, (uint8_t *)ws_io_state() + sizeof(void *), 4);
	check(cap <= WS_AREA_KEEP, "the I/O area is given back after recvfrom(2**30)");
	ws_method(method("send"), ids[1], args(ping, sizeof ping));
	r = ws_method(method("recvfrom"), ids[0], args(w, n));
	check(r > 0, "a second recvfrom(2**30) works");
	/* recv_into leaves its data for the bridge: the area stays until the next call. */
	ws_method(method("send"), ids[1], args(ping, sizeof ping));
	n = put_list(w, 1);
	n += put_int(w + n, 4 << 20);
	r = ws_method(method("recv_into"), ids[0], args(w, n));
	memcpy(&cap, (uint8_t *)ws_io_state() + sizeof(void *), 4);
	check(r > 0 && cap >= (4u << 20) && ws_io_area(0)[0] == 'x',
	      "recv_into's data stays in the I/O area for the bridge");
	uint8_t w0[5];
	ws_call(fn("getdefaulttimeout"), args(w0, put_list(w0, 0)));
	memcpy(&cap, (uint8_t *)ws_io_state() + sizeof(void *), 4);
	check(cap <= WS_AREA_KEEP, "...and is given back by the next call");
	/* The argument area too. */
	check(ws_arg_area(8 << 20) != NULL && ws_arg_area(16) != NULL, "argument area shrinks");
	close_ids(ids);
}

/* recv_into with a negative length became a ~4 GiB request that the I/O area looped on
 * (wasm32); recvmsg_into's negative lengths could cancel out in the sum. */
static void recv_into_huge_lengths_refused(void)
{
	int32_t ids[2];
	uint8_t buf[16], w[128];
	uint32_t n;
	socketpair_ids(ids);
	check(ws_sock_recv_into(ids[0], buf, -1, 0, 0) == -1 && ws_error()->kind == WS_ERR_VALUE,
	      "recv_into fast path: buffer length -1 is a ValueError");
	check(ws_sock_recv_into(ids[0], buf, INT32_MIN, 0, 0) == -1 &&
	      ws_error()->kind == WS_ERR_VALUE, "recv_into fast path: INT32_MIN is a ValueError");
	n = put_list(w, 1);
	n += put_int(w + n, -5);
	check(ws_method(method("recv_into"), ids[0], args(w, n)) == -1 &&
	      ws_error()->kind == WS_ERR_VALUE, "recv_into: buffer length -5 is a ValueError");
	n = put_list(w, 1);
	n += put_list(w + n, 2);
	n += put_int(w + n, -1);
	n += put_int(w + n, 1);
	check(ws_method(method("recvmsg_into"), ids[0], args(w, n)) == -1 &&
	      ws_error()->kind == WS_ERR_VALUE, "recvmsg_into: lengths [-1, 1] are a ValueError");
	n = put_list(w, 1);
	n += put_list(w + n, 2);
	n += put_int(w + n, 0x7fffffff);
	n += put_int(w + n, 0x7fffffff);
	check(ws_method(method("recvmsg_into"), ids[0], args(w, n)) == -1 &&
	      ws_error()->kind == WS_ERR_VALUE, "recvmsg_into: lengths past 2 GiB in total");
	close_ids(ids);
}

/* Misaligned access: scratch blocks aligned data to 4 on wasm32 (12-byte header), and the
 * host wrote clock_ns's and sendfile's 64-bit values through it. */
static void misaligned_access_scratch_is_16_aligned(void)
{
	ws_call_begin();
	int ok = 1;
	for (size_t n = 1; n < 100; n += 7) {
		void *p = ws_scratch(n);
		ok &= p && ((uintptr_t)p & 15) == 0;
	}
	void *big = ws_scratch(100000);
	ok &= big && ((uintptr_t)big & 15) == 0;
	check(ok, "scratch allocations are 16-aligned");
}

/* memcpy NULL: a getaddrinfo answer with no canonical name copied 0 bytes from NULL (UBSan
 * aborts the sanitized build); so did empty strings and outputs of capacity 0. */
static void memcpy_null_getaddrinfo_without_canonical_name(void)
{
	uint8_t out[512];
	int32_t r = wasock_host_getaddrinfo("127.0.0.1", 9, "80", 2, AF_INET, SOCK_STREAM, 0,
	                                    AI_NUMERICHOST | AI_NUMERICSERV, out, sizeof out);
	check(r > 16 && ws_get32le(out + 12) == 0, "getaddrinfo record with no canonical name");
	r = wasock_host_getaddrinfo("127.0.0.1", 9, NULL, WASOCK_HOST_NULLSTR, AF_INET,
	                            SOCK_STREAM, 0, AI_NUMERICHOST, NULL, 0);
	check(r > 16, "getaddrinfo into no area reports the size needed");
	check(wasock_host_gethostname(NULL, 0) >= 0, "gethostname into no area");
	check(wasock_host_if_indextoname(1, NULL, 0) > 0, "if_indextoname into no area");
	check(wasock_host_getservbyport(80, "tcp", 3, NULL, 0) > 0, "getservbyport into no area");
	check(wasock_host_getservbyname(NULL, 0, NULL, WASOCK_HOST_NULLSTR) == -ENOENT,
	      "getservbyname of an empty name");
	check(wasock_host_if_nametoindex(NULL, 0) < 0, "if_nametoindex of an empty name");
}

/* Hostile-guest host/sys: ioctls carrying pointers and pointer-carrying options. */
static void host_refuses_pointer_requests(void)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	uint8_t buf[64] = { 0 };
	check(wasock_host_ioctl(fd, 0x8912 /* SIOCGIFCONF */, buf, sizeof buf) == -ENOTTY,
	      "ioctl SIOCGIFCONF (a pointer inside) is refused");
	int32_t n = 0;
	check(wasock_host_ioctl(fd, 0x541b /* FIONREAD */, &n, 4) == 0, "ioctl FIONREAD works");
	check(wasock_host_ioctl(fd, 0x541b, &n, 2) == -EFAULT, "ioctl with a short area");
	check(wasock_host_setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, buf, 16) == -EPERM,
	      "SO_ATTACH_FILTER (a pointer inside) is refused");
	uint32_t len = sizeof buf;
	check(wasock_host_getsockopt(fd, IPPROTO_IP, 64, buf, &len) == -EPERM,
	      "netfilter control options are refused");
	close(fd);
}

int main(void)
{
	area_allocation_of_2_to_4_gib();
	io_area_shrink_after_recvfrom_2_30();
	recv_into_huge_lengths_refused();
	misaligned_access_scratch_is_16_aligned();
	memcpy_null_getaddrinfo_without_canonical_name();
	host_refuses_pointer_requests();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
