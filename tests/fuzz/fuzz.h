// SPDX-License-Identifier: MIT
/*
 * Shared by the libFuzzer harnesses: the core's exports as a bridge calls them, a small
 * wire-value writer, and a reader over the fuzzer's input.
 */
#ifndef WASOCK_FUZZ_H
#define WASOCK_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core.h"

uint8_t *ws_arg_area(uint32_t n);
const uint8_t *ws_out(void);
struct ws_error *ws_error(void);
uint32_t ws_fn_count(void);
const char *ws_fn_name(uint32_t i);
int32_t ws_call(uint32_t i, uint32_t arglen);
uint32_t ws_method_count(void);
const char *ws_method_name(uint32_t i);
int32_t ws_method(uint32_t i, int32_t id, uint32_t arglen);

/* A function's index by name (the dispatcher's table), or abort: a harness out of date. */
static inline uint32_t fz_fn(const char *name)
{
	for (uint32_t i = 0; i < ws_fn_count(); i++)
		if (!strcmp(ws_fn_name(i), name))
			return i;
	abort();
}

static inline uint32_t fz_method(const char *name)
{
	for (uint32_t i = 0; i < ws_method_count(); i++)
		if (!strcmp(ws_method_name(i), name))
			return i;
	abort();
}

/* Wire values written into a fixed buffer (harness inputs are small). */
struct fz_w {
	uint8_t b[1 << 16];
	uint32_t n;
};

static inline void fz_raw(struct fz_w *w, const void *p, uint32_t n)
{
	if (n > sizeof w->b - w->n)
		n = (uint32_t)(sizeof w->b - w->n);
	if (n)
		memcpy(w->b + w->n, p, n);
	w->n += n;
}
static inline void fz_tag(struct fz_w *w, uint8_t t) { fz_raw(w, &t, 1); }
static inline void fz_u32(struct fz_w *w, uint32_t v)
{
	uint8_t b[4];
	ws_put32le(b, v);
	fz_raw(w, b, 4);
}
static inline void fz_list(struct fz_w *w, uint32_t n) { fz_tag(w, WV_LIST); fz_u32(w, n); }
static inline void fz_none(struct fz_w *w) { fz_tag(w, WV_NONE); }
static inline void fz_int(struct fz_w *w, int64_t v)
{
	uint8_t b[8];
	ws_put64le(b, (uint64_t)v);
	fz_tag(w, WV_INT);
	fz_raw(w, b, 8);
}
static inline void fz_blob(struct fz_w *w, int tag, const void *p, uint32_t n)
{
	fz_tag(w, (uint8_t)tag);
	fz_u32(w, n);
	fz_raw(w, p, n);
}

/* Copies the wire list into the argument area and calls function fn. */
static inline int32_t fz_call(uint32_t fn, const struct fz_w *w)
{
	uint8_t *a = ws_arg_area(w->n);
	if (!a)
		abort();
	memcpy(a, w->b, w->n);
	return ws_call(fn, w->n);
}

/* A reader over the fuzzer's input; reading past the end gives zeros. */
struct fz_in {
	const uint8_t *p;
	size_t n;
};

static inline uint8_t fz_u8(struct fz_in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}
static inline uint32_t fz_get32(struct fz_in *in)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++)
		v |= (uint32_t)fz_u8(in) << (8 * i);
	return v;
}
static inline uint64_t fz_get64(struct fz_in *in)
{
	return (uint64_t)fz_get32(in) | (uint64_t)fz_get32(in) << 32;
}
/* The next n bytes (fewer at the end of the input). */
static inline const uint8_t *fz_bytes(struct fz_in *in, size_t *n)
{
	const uint8_t *p = in->p;
	if (*n > in->n)
		*n = in->n;
	in->p += *n;
	in->n -= *n;
	return p;
}

/* One result value of the last call, checked to be well-formed (the bridge trusts it). */
static inline void fz_check_result(int32_t r)
{
	if (r < 0) {
		struct ws_error *e = ws_error();
		if (e->kind <= WS_ERR_NONE || e->kind > WS_ERR_WOULDBLOCK ||
		    !memchr(e->msg, 0, sizeof e->msg) || !memchr(e->syscall, 0, sizeof e->syscall))
			abort();
		return;
	}
	wv v = { ws_out(), ws_out() + r };
	if (r == 0 || wv_skip(&v) < 0 || v.p != v.end)
		abort();
}

#endif
