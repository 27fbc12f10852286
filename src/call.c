// SPDX-License-Identifier: MIT
/*
 * The core's exports to the bridge: argument and result areas, the error record and
 * one dispatcher for the module-level functions listed in functions.h.
 */
#include <stdlib.h>

#include "sock.h"

#define WS_MODFN(name, min, max) int ws_fn_##name(ws_args *a);
#include "functions.h"
#undef WS_MODFN

struct ws_fndef {
	const char *name;
	int (*fn)(ws_args *a);
	uint8_t min, max;
};

static const struct ws_fndef ws_fns[] = {
#define WS_MODFN(name, min, max) { #name, ws_fn_##name, min, max },
#include "functions.h"
#undef WS_MODFN
};

#ifdef __wasm__
uint32_t ws__mem_pages;
#endif

void ws_scratch_reset(void);

static uint8_t *arg_buf;
static size_t arg_cap;

/*
 * An argument area of at least n bytes, valid until the next call of ws_arg_area; NULL
 * (the bridge raises RangeError) beyond WS_AREA_MAX or when memory is short. An area an
 * oversized call left behind is given back when a call of ordinary size comes.
 */
uint8_t *WS_EXPORT(ws_arg_area)(uint32_t n)
{
	if (arg_cap > WS_AREA_KEEP && n <= WS_AREA_KEEP) {
		free(arg_buf);
		arg_buf = NULL;
		arg_cap = 0;
	}
	if (n > arg_cap || !arg_buf) {
		size_t cap = ws_area_grow(arg_cap, n, 4096);
		if (!cap)
			return NULL;
		uint8_t *p = realloc(arg_buf, cap);
		if (!p)
			return NULL;
		arg_buf = p;
		arg_cap = cap;
	}
	ws_mem_sync();
	return arg_buf;
}

const uint8_t *WS_EXPORT(ws_out)(void)
{
	return ws_out_ptr();
}

struct ws_error *WS_EXPORT(ws_error)(void)
{
	return &ws_err;
}

uint32_t WS_EXPORT(ws_fn_count)(void)
{
	return sizeof ws_fns / sizeof ws_fns[0];
}

const char *WS_EXPORT(ws_fn_name)(uint32_t i)
{
	return i < ws_fn_count() ? ws_fns[i].name : NULL;
}

void ws_call_begin(void);
void ws_io_trim(void);

/* The start of a call through the wire format: the I/O area holds nothing for it. */
static void ws_wire_begin(void)
{
	ws_io_trim();
	ws_call_begin();
}

void ws_call_begin(void)
{
	ws_out_reset();
	ws_scratch_reset();
	ws_err.kind = WS_ERR_NONE;
}

/* The result of a call for the bridge: the result's length, or -1 with ws_err filled. */
static int32_t ws_call_end(int r, const char *name)
{
	ws_mem_sync();
	if (r < 0) {
		if (ws_err.kind == WS_ERR_NONE)
			ws_os_error(r, name);
		return -1;
	}
	return (int32_t)ws_out_len();
}

/* Calls module function i with the argument list in the argument area. */
int32_t WS_EXPORT(ws_call)(uint32_t i, uint32_t arglen)
{
	ws_args a;
	ws_wire_begin();
	if (i >= ws_fn_count() || arglen > arg_cap || !arg_buf)
		return ws_type_error("no such function"), -1;
	const struct ws_fndef *d = &ws_fns[i];
	int r = ws_args_parse(&a, d->name, arg_buf, arglen, d->min, d->max);
	if (r == 0)
		r = d->fn(&a);
	return ws_call_end(r, d->name);
}

static const struct ws_methdef {
	const char *name;
	int (*fn)(struct ws_sock *s, ws_args *a);
	uint8_t min, max;
} ws_methods[] = {
#define WS_SOCKMETHOD(name, min, max) { #name, ws_m_##name, min, max },
#include "sockmethods.h"
#undef WS_SOCKMETHOD
};

uint32_t WS_EXPORT(ws_method_count)(void)
{
	return sizeof ws_methods / sizeof ws_methods[0];
}

const char *WS_EXPORT(ws_method_name)(uint32_t i)
{
	return i < ws_method_count() ? ws_methods[i].name : NULL;
}

/* Calls method i of socket id with the argument list in the argument area. */
int32_t WS_EXPORT(ws_method)(uint32_t i, int32_t id, uint32_t arglen)
{
	ws_args a;
	ws_wire_begin();
	if (i >= ws_method_count() || arglen > arg_cap || !arg_buf)
		return ws_type_error("no such method"), -1;
	const struct ws_methdef *d = &ws_methods[i];
	struct ws_sock *s = ws_sock_get(id);
	int r = s ? ws_args_parse(&a, d->name, arg_buf, arglen, d->min, d->max) : WS_RAISED;
	if (r == 0)
		r = d->fn(s, &a);
	return ws_call_end(r, d->name);
}
