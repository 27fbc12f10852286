// SPDX-License-Identifier: MIT
/*
 * The module functions through the core's own dispatcher, natively: wire arguments go
 * into ws_arg_area(), ws_call() runs function i (found by name via ws_fn_count() and
 * ws_fn_name()), results come from ws_out() and errors from ws_error(). The codec vectors
 * are tests/vectors/codec.vec, the file the Jest tests run against the wasm build, so
 * both builds answer the same vectors. Then: dispatcher edge cases and a seeded fuzz of
 * malformed wire data. Usage: test_module [path/to/codec.vec]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core.h"

uint8_t *ws_arg_area(uint32_t n);
const uint8_t *ws_out(void);
struct ws_error *ws_error(void);
uint32_t ws_fn_count(void);
const char *ws_fn_name(uint32_t i);
int32_t ws_call(uint32_t i, uint32_t arglen);

static int passed, failed;

static void check(int ok, const char *what, const char *detail)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
}

/* ---- a growable byte buffer ---- */

struct buf {
	uint8_t *p;
	size_t len, cap;
};

static uint8_t *buf_grow(struct buf *b, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n)
			cap *= 2;
		b->p = realloc(b->p, cap);
		if (!b->p) {
			perror("realloc");
			exit(2);
		}
		b->cap = cap;
	}
	b->len += n;
	return b->p + b->len - n;
}

static void buf_put(struct buf *b, const void *src, size_t n)
{
	if (n)
		memcpy(buf_grow(b, n), src, n);
}

static void put_tag64(struct buf *b, int tag, uint64_t v)
{
	uint8_t *p = buf_grow(b, 9);
	p[0] = (uint8_t)tag;
	ws_put64le(p + 1, v);
}

/* ---- the vector syntax (see the header of codec.vec), straight into wire values ---- */

struct parser {
	const char *s;
	const char *err;
};

static void skip_ws(struct parser *ps)
{
	while (*ps->s == ' ' || *ps->s == '\t')
		ps->s++;
}

static long repeat_count(struct parser *ps)
{
	if (*ps->s != '*')
		return 1;
	ps->s++;
	char *end;
	long n = strtol(ps->s, &end, 10);
	if (end == ps->s || n < 0) {
		ps->err = "bad repeat count";
		return 0;
	}
	ps->s = end;
	return n;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* One string or bytes literal (with its repeat) appended raw to out. */
static int literal(struct parser *ps, int is_str, struct buf *out)
{
	struct buf one = { 0 };
	if (is_str) {
		for (ps->s++; *ps->s != '"'; ps->s++) {
			uint8_t c = (uint8_t)*ps->s;
			if (!c) {
				ps->err = "unterminated string";
				break;
			}
			if (c == '\\') {
				char e = *++ps->s;
				if (e == 'x' && hexval(ps->s[1]) >= 0 && hexval(ps->s[2]) >= 0) {
					unsigned v = (unsigned)(hexval(ps->s[1]) << 4 | hexval(ps->s[2]));
					ps->s += 2;
					if (v < 0x80) {
						c = (uint8_t)v;
					} else {
						/* \xNN is the code point U+00NN: UTF-8, as in JS. */
						uint8_t u[2] = { (uint8_t)(0xc0 | v >> 6), (uint8_t)(0x80 | (v & 0x3f)) };
						buf_put(&one, u, 2);
						continue;
					}
				} else if (e == '0') {
					c = 0;
				} else if (e == 't') {
					c = '\t';
				} else if (e == 'n') {
					c = '\n';
				} else if (e == '\\' || e == '"') {
					c = (uint8_t)e;
				} else {
					ps->err = "bad escape";
					break;
				}
			}
			buf_put(&one, &c, 1);
		}
		if (!ps->err)
			ps->s++;
	} else {
		for (ps->s += 2; *ps->s != '\''; ps->s += 2) {
			int hi = hexval(ps->s[0]), lo = hi < 0 ? -1 : hexval(ps->s[1]);
			if (hi < 0 || lo < 0) {
				ps->err = "bad hex";
				break;
			}
			uint8_t c = (uint8_t)(hi << 4 | lo);
			buf_put(&one, &c, 1);
		}
		if (!ps->err)
			ps->s++;
	}
	long n = ps->err ? 0 : repeat_count(ps);
	for (long i = 0; i < n; i++)
		buf_put(out, one.p, one.len);
	free(one.p);
	return ps->err ? -1 : 0;
}

static int value(struct parser *ps, struct buf *out);

static int atom(struct parser *ps, struct buf *out)
{
	skip_ws(ps);
	const char *s = ps->s;
	if (*s == '[') {
		size_t at = out->len;
		uint32_t count = 0;
		buf_grow(out, 5);
		out->p[at] = WV_LIST;
		ps->s++;
		for (;;) {
			skip_ws(ps);
			if (*ps->s == ']') {
				ps->s++;
				break;
			}
			if (!*ps->s) {
				ps->err = "unterminated list";
				return -1;
			}
			if (value(ps, out) < 0)
				return -1;
			count++;
		}
		ws_put32le(out->p + at + 1, count);
		return 0;
	}
	if (*s == '"' || (*s == 'x' && s[1] == '\'')) {
		int is_str = *s == '"';
		size_t at = out->len;
		buf_grow(out, 5);
		out->p[at] = is_str ? WV_STR : WV_BYTES;
		/* Adjacent literals of the same kind concatenate. */
		do {
			if (literal(ps, is_str, out) < 0)
				return -1;
			skip_ws(ps);
		} while (is_str ? *ps->s == '"' : (ps->s[0] == 'x' && ps->s[1] == '\''));
		ws_put32le(out->p + at + 1, (uint32_t)(out->len - at - 5));
		return 0;
	}
	size_t n = strcspn(s, " \t]");
	char word[64];
	if (n == 0 || n >= sizeof word) {
		ps->err = "value expected";
		return -1;
	}
	memcpy(word, s, n);
	word[n] = '\0';
	ps->s += n;
	if (!strcmp(word, "null")) {
		buf_grow(out, 1)[0] = WV_NONE;
	} else if (!strcmp(word, "true") || !strcmp(word, "false")) {
		uint8_t *p = buf_grow(out, 2);
		p[0] = WV_BOOL;
		p[1] = word[0] == 't';
	} else if (!strcmp(word, "nan") || !strcmp(word, "inf") || !strcmp(word, "-inf") ||
	           strchr(word, '.')) {
		double d = !strcmp(word, "nan")    ? NAN
		           : !strcmp(word, "inf")  ? INFINITY
		           : !strcmp(word, "-inf") ? -INFINITY
		                                   : strtod(word, NULL);
		uint64_t bits;
		memcpy(&bits, &d, 8);
		put_tag64(out, WV_FLOAT, bits);
	} else {
		/* Integers as the bridge marshals them: int64, else uint64, else "huge". */
		char *end;
		errno = 0;
		long long v = strtoll(word, &end, 10);
		if (*end) {
			ps->err = "unknown word";
			return -1;
		}
		if (errno != ERANGE) {
			put_tag64(out, WV_INT, (uint64_t)v);
		} else {
			errno = 0;
			unsigned long long u = word[0] == '-' ? 0 : strtoull(word, NULL, 10);
			if (word[0] != '-' && errno != ERANGE) {
				put_tag64(out, WV_UINT64, u);
			} else {
				uint8_t *p = buf_grow(out, 2);
				p[0] = WV_HUGE;
				p[1] = word[0] == '-' ? 0xff : 1;
			}
		}
	}
	return 0;
}

static int value(struct parser *ps, struct buf *out)
{
	return atom(ps, out);
}

/* ---- running vectors ---- */

static int fn_index(const char *name)
{
	for (uint32_t i = 0; i < ws_fn_count(); i++)
		if (!strcmp(ws_fn_name(i), name))
			return (int)i;
	return -1;
}

/* Copies args (one wire list) into the argument area and calls function i. */
static int32_t call_wire(int i, const uint8_t *args, size_t len)
{
	uint8_t *area = ws_arg_area((uint32_t)len);
	if (!area)
		return -2;
	memcpy(area, args, len);
	return ws_call((uint32_t)i, (uint32_t)len);
}

/* Hex of p[0..n) into dst, ending in ".." when it does not fit. */
static void hex(char *dst, size_t cap, const uint8_t *p, size_t n)
{
	size_t fit = cap < 3 ? 0 : (cap - 3) / 2;
	size_t i, k = n < fit ? n : fit;
	for (i = 0; i < k; i++)
		snprintf(dst + 2 * i, 3, "%02x", p[i]);
	dst[2 * k] = '\0';
	if (k < n)
		strcat(dst, "..");
}

static const char *kind_name(int kind)
{
	static const char *const names[] = { "none", "OSError", "TypeError", "RangeError",
		                             "timeout", "gaierror", "herror" };
	return kind >= 0 && kind <= 6 ? names[kind] : "?";
}

static void run_vector(const char *line, int lineno)
{
	char where[96];
	snprintf(where, sizeof where, "codec.vec:%d", lineno);
	const char *arrow = strstr(line, " => ");
	if (!arrow) {
		check(0, where, "no ' => '");
		return;
	}
	char name[32];
	size_t n = strcspn(line, " ");
	if (n >= sizeof name) {
		check(0, where, "function name too long");
		return;
	}
	memcpy(name, line, n);
	name[n] = '\0';
	int fi = fn_index(name);
	if (fi < 0) {
		check(0, where, "no such function in ws_fn_name()");
		return;
	}

	char *lhs = strndup(line + n, (size_t)(arrow - line - n));
	struct buf args = { 0 };
	struct parser ps = { lhs, NULL };
	buf_grow(&args, 5);
	args.p[0] = WV_LIST;
	uint32_t count = 0;
	for (skip_ws(&ps); *ps.s && !ps.err; skip_ws(&ps)) {
		if (value(&ps, &args) < 0)
			break;
		count++;
	}
	ws_put32le(args.p + 1, count);

	const char *rhs = arrow + 4;
	int want_kind = WS_ERR_NONE, want_code = 0;
	struct buf want = { 0 };
	if (rhs[0] == '!') {
		if (!strncmp(rhs, "!TypeError", 10))
			want_kind = WS_ERR_TYPE;
		else if (!strncmp(rhs, "!RangeError", 11))
			want_kind = WS_ERR_VALUE;
		else if (!strncmp(rhs, "!OSError", 8)) {
			want_kind = WS_ERR_OS;
			if (rhs[8] == '(')
				want_code = atoi(rhs + 9);
		} else
			ps.err = "unknown error class";
	} else if (!ps.err) {
		struct parser pr = { rhs, NULL };
		if (value(&pr, &want) < 0)
			ps.err = pr.err;
	}
	if (ps.err) {
		check(0, where, ps.err);
		goto out;
	}

	int32_t r = call_wire(fi, args.p, args.len);
	const struct ws_error *e = ws_error();
	char got[160], exp[160], detail[600];
	if (want_kind == WS_ERR_NONE) {
		int ok = r >= 0 && (size_t)r == want.len && !memcmp(ws_out(), want.p, want.len);
		hex(exp, sizeof exp, want.p, want.len);
		if (r >= 0)
			hex(got, sizeof got, ws_out(), (size_t)r);
		else
			snprintf(got, sizeof got, "%s(%d) %.100s", kind_name(e->kind), e->code, e->msg);
		snprintf(detail, sizeof detail, "%.200s\n    got  %s\n    want %s", line, got, exp);
		check(ok && e->kind == WS_ERR_NONE, where, detail);
	} else {
		int ok = r == -1 && e->kind == want_kind && e->code == want_code;
		if (r >= 0)
			snprintf(got, sizeof got, "a result of %d bytes", r);
		else
			snprintf(got, sizeof got, "%s(%d) %.100s", kind_name(e->kind), e->code, e->msg);
		snprintf(detail, sizeof detail, "%.200s\n    got  %s", line, got);
		check(ok, where, detail);
	}
out:
	free(lhs);
	free(args.p);
	free(want.p);
}

static int run_vectors(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0, count = 0;
	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		run_vector(line, lineno);
		count++;
	}
	free(line);
	fclose(f);
	return count;
}

/* ---- the dispatcher itself ---- */

static const char *const module_functions[] = {
	"htons", "ntohs", "htonl", "ntohl", "inet_aton", "inet_ntoa", "inet_pton", "inet_ntop",
	"CMSG_LEN", "CMSG_SPACE", "encode_sockaddr", "decode_sockaddr", "getaddrinfo",
	"getnameinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn",
	"gethostname", "sethostname", "getservbyname", "getservbyport", "getprotobyname",
	"if_nameindex", "if_nametoindex", "if_indextoname", "getdefaulttimeout",
	"setdefaulttimeout", "has_dualstack_ipv6", "close",
};

static int32_t call_text(const char *fn, const char *args_text)
{
	struct buf args = { 0 };
	char *text = NULL;
	if (asprintf(&text, "[ %s ]", args_text) < 0)
		exit(2);
	struct parser ps = { text, NULL };
	value(&ps, &args);
	int32_t r = ps.err ? -3 : call_wire(fn_index(fn), args.p, args.len);
	free(text);
	free(args.p);
	return r;
}

static void dispatcher(void)
{
	uint32_t n = ws_fn_count();
	check(n >= sizeof module_functions / sizeof module_functions[0], "ws_fn_count", NULL);
	for (size_t i = 0; i < sizeof module_functions / sizeof module_functions[0]; i++)
		check(fn_index(module_functions[i]) >= 0, "function listed by ws_fn_name", module_functions[i]);
	for (uint32_t i = 0; i < n; i++)
		for (uint32_t j = i + 1; j < n; j++)
			check(strcmp(ws_fn_name(i), ws_fn_name(j)) != 0, "function names are unique", ws_fn_name(i));
	check(ws_fn_name(n) == NULL, "ws_fn_name past the end is NULL", NULL);

	uint8_t empty[5] = { WV_LIST, 0, 0, 0, 0 };
	check(call_wire((int)n, empty, 5) == -1 && ws_error()->kind == WS_ERR_TYPE,
	      "an unknown function index is TypeError", NULL);
	ws_arg_area(5);
	check(ws_call((uint32_t)fn_index("htons"), 0xfffffff0u) == -1 && ws_error()->kind == WS_ERR_TYPE,
	      "an argument length past the area is TypeError", NULL);

	/* arity */
	check(call_text("htons", "") == -1 && ws_error()->kind == WS_ERR_TYPE &&
	              strstr(ws_error()->msg, "takes exactly 1 argument (0 given)"),
	      "htons() arity message", ws_error()->msg);
	check(call_text("getaddrinfo", "1 2 3 4 5 6 7") == -1 && ws_error()->kind == WS_ERR_TYPE,
	      "getaddrinfo with 7 arguments", ws_error()->msg);

	/* success clears the error record; an int result is WV_INT */
	int32_t r = call_text("htons", "1");
	const uint8_t *o = ws_out();
	check(r == 9 && ws_error()->kind == WS_ERR_NONE && o[0] == WV_INT && ws_get64le(o + 1) == 256,
	      "htons(1) is int 256", NULL);

	/* an undefined argument is the same as a missing one */
#ifndef WASOCK_NO_HOST /* src/nohost.c (also built with these vectors) has no databases */
	r = call_text("getprotobyname", "\"tcp\"");
	check(r == 9 && ws_get64le(ws_out() + 1) == 6, "getprotobyname('tcp') natively", NULL);
#endif
	r = call_wire(fn_index("encode_sockaddr"), (const uint8_t[]){ WV_LIST, 3, 0, 0, 0,
	                      WV_INT, 1, 0, 0, 0, 0, 0, 0, 0, WV_STR, 1, 0, 0, 0, 'x',
	                      WV_OTHER, 9, 0, 0, 0, 'u', 'n', 'd', 'e', 'f', 'i', 'n', 'e', 'd' }, 34);
	check(r == 9 && ws_out()[0] == WV_BYTES && !memcmp(ws_out() + 5, "\1\0x\0", 4),
	      "encode_sockaddr(AF_UNIX, 'x', undefined)", ws_error()->msg);

	/* type names of values with no wire form reach the message */
	uint8_t sym[] = { WV_LIST, 1, 0, 0, 0, WV_OTHER, 6, 0, 0, 0, 's', 'y', 'm', 'b', 'o', 'l' };
	r = call_wire(fn_index("htons"), sym, sizeof sym);
	check(r == -1 && ws_error()->kind == WS_ERR_TYPE && strstr(ws_error()->msg, "not symbol"),
	      "htons(Symbol()) names the type", ws_error()->msg);

	/* the kernel's errors keep their errno */
#ifndef WASOCK_NO_HOST
	check(call_text("close", "-1") == -1 && ws_error()->kind == WS_ERR_OS && ws_error()->code == EBADF &&
	              !strcmp(ws_error()->syscall, "close"),
	      "close(-1) is OSError EBADF", ws_error()->msg);
#endif
	r = call_text("has_dualstack_ipv6", "");
	check(r == 2 && ws_out()[0] == WV_BOOL, "has_dualstack_ipv6() is a bool", NULL);

	/* nesting deeper than the wire reader follows is malformed data, not a crash */
	struct buf deep = { 0 };
	buf_put(&deep, (const uint8_t[]){ WV_LIST, 2, 0, 0, 0, WV_INT, 2, 0, 0, 0, 0, 0, 0, 0 }, 14);
	for (int i = 0; i < 40; i++)
		buf_put(&deep, (const uint8_t[]){ WV_LIST, 1, 0, 0, 0 }, 5);
	buf_put(&deep, (const uint8_t[]){ WV_NONE }, 1);
	r = call_wire(fn_index("encode_sockaddr"), deep.p, deep.len);
	check(r == -1 && ws_error()->kind == WS_ERR_TYPE, "40 nested lists are refused", ws_error()->msg);
	free(deep.p);

	/* counts and lengths that run past the data */
	static const uint8_t bad[][14] = {
		{ WV_LIST, 9, 0, 0, 0, WV_INT, 1, 0, 0, 0, 0, 0, 0, 0 },
		{ WV_LIST, 1, 0, 0, 0, WV_STR, 0xff, 0xff, 0xff, 0xff, '1', '.', '2', '.' },
		{ WV_LIST, 1, 0, 0, 0, WV_BYTES, 9, 0, 0, 0, 1, 2, 3, 4 },
		{ WV_LIST, 1, 0, 0, 0, WV_INT, 1, 0, 0, 0, 0, 0, 0, 0 },
		{ WV_LIST, 1, 0, 0, 0, 0xee, 1, 0, 0, 0, 0, 0, 0, 0 },
		{ WV_STR, 1, 0, 0, 0, 'x', 0, 0, 0, 0, 0, 0, 0, 0 },
	};
	static const size_t badlen[] = { 14, 14, 14, 10, 14, 6 };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		r = call_wire(fn_index("inet_ntoa"), bad[i], badlen[i]);
		char what[64];
		snprintf(what, sizeof what, "malformed argument data #%zu", i);
		check(r == -1 && ws_error()->kind == WS_ERR_TYPE, what, ws_error()->msg);
	}
}

/* ---- fuzz: mutated and truncated wire data never crashes the dispatcher ---- */

static uint64_t rng = 0x2545f4914f6cdd1dull;

static uint32_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)rng;
}

static void fuzz(void)
{
	/* Functions that neither resolve names nor touch this process's state. */
	static const char *const fns[] = { "htons", "ntohl", "inet_aton", "inet_ntoa", "inet_pton",
		                           "inet_ntop", "CMSG_LEN", "CMSG_SPACE", "decode_sockaddr",
		                           "getdefaulttimeout" };
	static const char *const seeds[] = {
		"1", "\"1.2.3.4\"", "x'7f000001'", "2 \"1.2.3.4\"", "10 x'00000000000000000000000000000001'",
		"18446744073709551616", "[ 1 [ \"a\" x'00' ] null true 1.5 ]",
		"x'0a0001bb00012345fe80000000000000000000000000000103000000'",
		"x'01002f746d702f7761736f636b2e736f636b00'", "x'020000507f0000010000000000000000' 0",
	};
	int bad = 0, calls = 0;
	for (int iter = 0; iter < 40000; iter++) {
		struct buf args = { 0 };
		char *text = NULL;
		if (asprintf(&text, "[ %s ]", seeds[next_rand() % (sizeof seeds / sizeof seeds[0])]) < 0)
			exit(2);
		struct parser ps = { text, NULL };
		value(&ps, &args);
		free(text);
		size_t len = args.len;
		int flips = 1 + (int)(next_rand() % 4);
		for (int k = 0; k < flips; k++) {
			size_t at = next_rand() % args.len;
			switch (next_rand() % 4) {
			case 0: args.p[at] = (uint8_t)next_rand(); break;
			case 1: args.p[at] ^= (uint8_t)(1u << (next_rand() % 8)); break;
			case 2: args.p[at] = (uint8_t)(next_rand() % 12); break;
			default: len = at ? at : 1; break;
			}
		}
		const char *fn = fns[next_rand() % (sizeof fns / sizeof fns[0])];
		int32_t r = call_wire(fn_index(fn), args.p, len);
		int kind = ws_error()->kind;
		calls++;
		if (!(r >= 0 ? kind == WS_ERR_NONE : r == -1 && kind >= WS_ERR_OS && kind <= WS_ERR_HERR)) {
			if (bad++ < 5) {
				char h[200];
				hex(h, sizeof h, args.p, len);
				char detail[300];
				snprintf(detail, sizeof detail, "%s(%.200s) -> %d kind %d", fn, h, r, kind);
				check(0, "fuzz", detail);
			}
		}
		free(args.p);
	}
	char detail[64];
	snprintf(detail, sizeof detail, "%d of %d calls misbehaved", bad, calls);
	check(bad == 0, "fuzzed wire data gives a result or an error", detail);
}

int main(int argc, char **argv)
{
	char path[4096];
	if (argc > 1) {
		snprintf(path, sizeof path, "%s", argv[1]);
	} else {
		/* tests/c/test_module.c -> tests/vectors/codec.vec */
		snprintf(path, sizeof path, "%s", __FILE__);
		char *slash = strrchr(path, '/');
		char *c = slash ? slash : path;
		*c = '\0';
		slash = strrchr(path, '/');
		snprintf(slash ? slash + 1 : path, sizeof path - (size_t)(slash ? slash + 1 - path : 0),
		         "vectors/codec.vec");
	}
	int n = run_vectors(path);
	check(n > 100, "codec.vec has vectors", path);
	dispatcher();
	fuzz();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
