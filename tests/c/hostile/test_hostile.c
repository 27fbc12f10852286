// SPDX-License-Identifier: MIT
/*
 * Regressions of findings that need a host answering out of the kernel's range: the core
 * linked against tests/fuzz/fakehost.c, whose answers are scripted here byte by byte
 * (see fakehost.c: a result byte k is 0 (k&7 == 0), k >> 3 (1), -(k >> 3) (2), the next
 * uint32 (3), -EAGAIN (4), -EINPROGRESS (5); an output area gets a count byte then that
 * many bytes; an in/out length a byte, odd for a new uint32 value).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../fuzz/fakehost.h"

uint8_t *ws_arg_area(uint32_t n);
const uint8_t *ws_out(void);
struct ws_error *ws_error(void);
uint32_t ws_fn_count(void);
const char *ws_fn_name(uint32_t i);
int32_t ws_call(uint32_t i, uint32_t arglen);
uint32_t ws_method_count(void);
const char *ws_method_name(uint32_t i);
int32_t ws_method(uint32_t i, int32_t id, uint32_t arglen);

static int passed, failed;

static void check(int ok, const char *what)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s (error kind %d, code %d: %s)\n", what, ws_error()->kind, ws_error()->code,
	       ws_error()->msg);
}

static int32_t call(const char *name, int is_method, int32_t id, const uint8_t *w, uint32_t n,
                    const uint8_t *host, size_t hn)
{
	uint32_t count = is_method ? ws_method_count() : ws_fn_count();
	for (uint32_t i = 0; i < count; i++) {
		if (strcmp(is_method ? ws_method_name(i) : ws_fn_name(i), name))
			continue;
		memcpy(ws_arg_area(n), w, n);
		fakehost_feed(host, hn);
		return is_method ? ws_method(i, id, n) : ws_call(i, n);
	}
	abort();
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

/* socket(AF_INET, SOCK_STREAM) with the host answering fd 3; returns its id. */
static int32_t new_socket(void)
{
	uint8_t w[32];
	uint32_t n = put_list(w, 2);
	n += put_int(w + n, WS_AF_INET);
	n += put_int(w + n, WS_SOCK_STREAM);
	static const uint8_t host[] = { 3 << 3 | 1 };
	int32_t r = call("socket", 0, 0, w, n, host, sizeof host);
	if (r < 0)
		abort();
	return (int32_t)ws_get64le(ws_out() + 5 + 1);
}

/* SO_ERROR of INT32_MIN: connect's outcome negated it (signed overflow). */
static void so_error_int32_min(void)
{
	int32_t id = new_socket();
	uint8_t w[64];
	uint32_t n = put_list(w, 1);
	w[n++] = WV_FLOAT;
	double five = 5.0;
	uint64_t bits;
	memcpy(&bits, &five, 8);
	ws_put64le(w + n, bits);
	n += 8;
	static const uint8_t nonblock[] = { 0 };
	check(call("settimeout", 1, id, w, n, nonblock, sizeof nonblock) > 0, "settimeout(5)");
	n = put_list(w, 1);
	n += put_list(w + n, 2);
	w[n++] = WV_STR;
	ws_put32le(w + n, 9);
	memcpy(w + n + 4, "127.0.0.1", 9);
	n += 13;
	n += put_int(w + n, 80);
	static const uint8_t host[] = {
		5,                      /* connect: EINPROGRESS */
		0, 0, 0, 0, 0, 0,       /* clock_ns: 0 */
		4 << 3 | 1,             /* poll: POLLOUT */
		4, 0, 0, 0, 0x80, 0, 0, /* getsockopt(SO_ERROR): INT32_MIN, length kept, 0 */
	};
	int32_t r = call("connect", 1, id, w, n, host, sizeof host);
	check(r == -1 && ws_error()->kind == WS_ERR_OS && ws_error()->code == WS_EIO,
	      "SO_ERROR of INT32_MIN is EIO");
}

/* sendfile total overflow: a host answering more than asked grew the total without bound
 * (with count None, until it passed 2^63). */
static void sendfile_total_overflow(void)
{
	int32_t id = new_socket();
	uint8_t w[64];
	uint32_t n = put_list(w, 3);
	n += put_int(w + n, 5);
	n += put_int(w + n, 0);
	n += put_int(w + n, 10);
	static const uint8_t host[] = { 0, 3, 0xff, 0xff, 0xff, 0x7f };
	int32_t r = call("sendfile", 1, id, w, n, host, sizeof host);
	check(r == -1 && ws_error()->code == WS_EIO, "sendfile: more sent than asked is EIO");
	n = put_list(w, 1);
	n += put_int(w + n, 5);
	static const uint8_t host2[] = { 0, 3, 0x00, 0x00, 0x00, 0x40, 0, 3, 0x01, 0x00, 0x00, 0x40 };
	r = call("sendfile", 1, id, w, n, host2, sizeof host2);
	check(r == -1 && ws_error()->code == WS_EIO, "sendfile(count=None): a chunk over 1 GiB");
}

/* Host records whose lengths run past the answer were read past it. */
static void host_records_checked(void)
{
	uint8_t w[8];
	uint32_t n = put_list(w, 0);
	static const uint8_t nameindex[] = { 12, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f, 'l', 'o', 0, 0,
		                             12 << 3 | 1 };
	int32_t r = call("if_nameindex", 0, 0, w, n, nameindex, sizeof nameindex);
	check(r == -1 && ws_error()->code == WS_EIO, "if_nameindex: a name past the answer");
	/* a host that asks for more on every round */
	static const uint8_t greedy[] = { 0, 3, 0, 0, 1, 0, 0, 3, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0,
		                          0, 3, 0, 0, 8, 0, 0, 3, 0, 0, 16, 0 };
	r = call("if_nameindex", 0, 0, w, n, greedy, sizeof greedy);
	check(r == -1 && ws_error()->code == WS_EIO, "if_nameindex: a host that keeps growing");
	uint8_t g[64];
	uint32_t gn = put_list(g, 2);
	g[gn++] = WV_STR;
	ws_put32le(g + gn, 3);
	memcpy(g + gn + 4, "foo", 3);
	gn += 7;
	gn += put_int(g + gn, 80);
	/* one record: family 2, type 1, proto 6, canonlen 0x7fffffff */
	static const uint8_t gai[] = { 16, 2, 0, 0, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f,
		                       16 << 3 | 1 };
	r = call("getaddrinfo", 0, 0, g, gn, gai, sizeof gai);
	check(r == -1 && ws_error()->code == WS_EIO, "getaddrinfo: a canonical name past the answer");
}

/* sendall: a host saying it sent more than was left walked the data pointer past it. */
static void sendall_more_than_left(void)
{
	int32_t id = new_socket();
	uint8_t w[32];
	uint32_t n = put_list(w, 1);
	w[n++] = WV_BYTES;
	ws_put32le(w + n, 4);
	memcpy(w + n + 4, "abcd", 4);
	n += 8;
	/* send: 65536, then (never asked for) 4 */
	static const uint8_t host[] = { 3, 0, 0, 1, 0, 4 << 3 | 1 };
	int32_t r = call("sendall", 1, id, w, n, host, sizeof host);
	check(r == -1 && ws_error()->code == WS_EIO && fakehost_left() == 1,
	      "sendall: more sent than left is EIO, at once");
}

/* A timeout near the largest settimeout() takes (9.2e9 s): rounding the remaining interval
 * up to milliseconds added to a value near INT64_MAX. */
static void timeout_near_int64_max(void)
{
	int32_t id = new_socket();
	uint8_t w[32];
	uint32_t n = put_list(w, 1);
	w[n++] = WV_FLOAT;
	double big = 9.2e9;
	uint64_t bits;
	memcpy(&bits, &big, 8);
	ws_put64le(w + n, bits);
	n += 8;
	static const uint8_t nonblock[] = { 0 };
	check(call("settimeout", 1, id, w, n, nonblock, sizeof nonblock) > 0, "settimeout(9.2e9)");
	n = put_list(w, 1);
	n += put_int(w + n, 16);
	/* clock_ns 0, poll: readable, recvfrom: 1 byte "x" */
	static const uint8_t host[] = { 0, 0, 0, 0, 0, 0, 1 << 3 | 1, 1, 'x', 1 << 3 | 1 };
	int32_t r = call("recv", 1, id, w, n, host, sizeof host);
	check(r > 0 && fakehost_last_poll_ms() == 0x7fffffff,
	      "recv with a timeout near INT64_MAX polls for the longest int32 wait");
}

int main(void)
{
	so_error_int32_min();
	sendfile_total_overflow();
	host_records_checked();
	sendall_more_than_left();
	timeout_near_int64_max();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
