// SPDX-License-Identifier: MIT
#include <stdlib.h>
#include <string.h>

#include "core.h"

static int wv_truncated(void)
{
	return ws_type_error("malformed argument data");
}

/* A NULL reader stands for an argument that was not given: JS undefined. */
int wv_tag(const wv *v)
{
	if (!v)
		return WV_OTHER;
	return v->p < v->end ? v->p[0] : -1;
}

static const char *const wv_names[] = {
	"null", "int", "str", "bytes", "array", "bigint", "bigint", "float", "bool",
};

const char *wv_typename(const wv *v)
{
	int t = wv_tag(v);
	if (!v)
		return "undefined";
	if (t == WV_OTHER && v->end - v->p >= 5) {
		uint32_t n = ws_get32le(v->p + 1);
		if (n <= (uint32_t)(v->end - v->p - 5) && n < 64) {
			char *s = ws_scratch(n + 1);
			if (!s)
				return "object";
			memcpy(s, v->p + 5, n);
			s[n] = '\0';
			return s;
		}
	}
	if (t == WV_HUGE)
		return "int";
	return t >= 0 && t < (int)(sizeof wv_names / sizeof wv_names[0]) ? wv_names[t] : "?";
}

static int wv_need(const wv *v, size_t n)
{
	return (size_t)(v->end - v->p) >= n;
}

/* Length of the value at p (including the tag), or 0 if malformed. */
static size_t wv_size(const uint8_t *p, const uint8_t *end, int depth)
{
	if (p >= end || depth > 32)
		return 0;
	size_t avail = (size_t)(end - p);
	switch (p[0]) {
	case WV_NONE:
		return 1;
	case WV_BOOL:
	case WV_HUGE:
		return avail >= 2 ? 2 : 0;
	case WV_INT:
	case WV_BIGINT:
	case WV_UINT64:
	case WV_FLOAT:
		return avail >= 9 ? 9 : 0;
	case WV_STR:
	case WV_BYTES:
	case WV_OTHER: {
		if (avail < 5)
			return 0;
		uint32_t n = ws_get32le(p + 1);
		return n <= avail - 5 ? 5 + (size_t)n : 0;
	}
	case WV_LIST: {
		if (avail < 5)
			return 0;
		uint32_t n = ws_get32le(p + 1);
		size_t off = 5;
		for (uint32_t i = 0; i < n; i++) {
			size_t s = wv_size(p + off, end, depth + 1);
			if (!s)
				return 0;
			off += s;
		}
		return off;
	}
	}
	return 0;
}

int wv_skip(wv *v)
{
	size_t s = wv_size(v->p, v->end, 0);
	if (!s)
		return wv_truncated();
	v->p += s;
	return 0;
}

int wv_list(wv *v, uint32_t *n)
{
	if (wv_tag(v) != WV_LIST || !wv_need(v, 5))
		return WS_RAISED;
	*n = ws_get32le(v->p + 1);
	v->p += 5;
	return 0;
}

int wv_next(wv *list, wv *item)
{
	size_t s = wv_size(list->p, list->end, 0);
	if (!s)
		return wv_truncated();
	item->p = list->p;
	item->end = list->p + s;
	list->p += s;
	return 0;
}

int wv_is_none(const wv *v)
{
	return v && wv_tag(v) == WV_NONE;
}

int wv_int64(const wv *v, const char *what, int64_t *out)
{
	switch (wv_tag(v)) {
	case WV_INT:
		*out = (int64_t)ws_get64le(v->p + 1);
		return 0;
	case WV_BOOL:
		*out = v->p[1];
		return 0;
	case WV_UINT64:
	case WV_HUGE:
		return ws_value_error("%s: integer out of range", what);
	}
	return ws_type_error("%s must be an integer, not %s", what, wv_typename(v));
}

int wv_uint64(const wv *v, const char *what, uint64_t *out)
{
	int64_t s;
	if (wv_tag(v) == WV_UINT64) {
		*out = ws_get64le(v->p + 1);
		return 0;
	}
	if (wv_tag(v) == WV_HUGE && (int8_t)v->p[1] > 0)
		return ws_value_error("%s: integer out of range 0-18446744073709551615", what);
	if (wv_int64(v, what, &s) < 0)
		return WS_RAISED;
	if (s < 0)
		return ws_value_error("%s: can't convert negative int to unsigned", what);
	*out = (uint64_t)s;
	return 0;
}

int wv_int_range(const wv *v, const char *what, int64_t lo, int64_t hi, int64_t *out)
{
	int t = wv_tag(v);
	if (t == WV_UINT64 || t == WV_HUGE)
		return ws_value_error("%s must be %lld-%lld", what, (long long)lo, (long long)hi);
	if (wv_int64(v, what, out) < 0)
		return WS_RAISED;
	if (*out < lo || *out > hi)
		return ws_value_error("%s must be %lld-%lld", what, (long long)lo, (long long)hi);
	return 0;
}

int wv_cint(const wv *v, const char *what, int32_t *out)
{
	int64_t x;
	int t = wv_tag(v);
	if (t == WV_UINT64 || t == WV_HUGE)
		return ws_value_error("%s: signed integer is greater than maximum", what);
	if (wv_int64(v, what, &x) < 0)
		return WS_RAISED;
	if (x > INT32_MAX)
		return ws_value_error("%s: signed integer is greater than maximum", what);
	if (x < INT32_MIN)
		return ws_value_error("%s: signed integer is less than minimum", what);
	*out = (int32_t)x;
	return 0;
}

int wv_cuint_mask(const wv *v, const char *what, uint32_t *out)
{
	int64_t x;
	switch (wv_tag(v)) {
	case WV_UINT64:
		*out = (uint32_t)ws_get64le(v->p + 1);
		return 0;
	case WV_HUGE:
		*out = 0;
		return 0;
	}
	if (wv_int64(v, what, &x) < 0)
		return WS_RAISED;
	*out = (uint32_t)x;
	return 0;
}

int wv_number(const wv *v, const char *what, double *out)
{
	int64_t x;
	if (wv_tag(v) == WV_FLOAT) {
		memcpy(out, v->p + 1, 8);
		return 0;
	}
	if (wv_tag(v) == WV_HUGE) {
		*out = (int8_t)v->p[1] < 0 ? -1e300 * 1e300 : 1e300 * 1e300;
		return 0;
	}
	if (wv_tag(v) == WV_UINT64) {
		*out = (double)ws_get64le(v->p + 1);
		return 0;
	}
	if (wv_int64(v, what, &x) < 0) {
		ws_err.kind = WS_ERR_NONE;
		return ws_type_error("%s must be a number or null, not %s", what, wv_typename(v));
	}
	*out = (double)x;
	return 0;
}

int wv_strbytes(const wv *v, const char *what, const uint8_t **p, uint32_t *n, int *is_str)
{
	int t = wv_tag(v);
	if (t != WV_STR && t != WV_BYTES)
		return ws_type_error("%s must be a string or bytes-like object, not %s", what,
		                     wv_typename(v));
	*n = ws_get32le(v->p + 1);
	*p = v->p + 5;
	if (is_str)
		*is_str = t == WV_STR;
	return 0;
}

int wv_cstr(const wv *v, const char *what, const uint8_t **p, uint32_t *n)
{
	if (wv_tag(v) != WV_STR)
		return ws_type_error("%s must be a string, not %s", what, wv_typename(v));
	*n = ws_get32le(v->p + 1);
	*p = v->p + 5;
	if (memchr(*p, 0, *n))
		return ws_value_error("%s: embedded null character", what);
	return 0;
}

int wv_bytes(const wv *v, const char *what, const uint8_t **p, uint32_t *n)
{
	if (wv_tag(v) != WV_BYTES)
		return ws_type_error("%s must be a bytes-like object, not %s", what, wv_typename(v));
	*n = ws_get32le(v->p + 1);
	*p = v->p + 5;
	return 0;
}

int ws_args_parse(ws_args *a, const char *fname, const uint8_t *buf, uint32_t len,
                  uint32_t min, uint32_t max)
{
	wv list = { buf, buf + len };
	uint32_t n;
	a->fname = fname;
	a->n = 0;
	if (wv_list(&list, &n) < 0)
		return wv_truncated();
	if (n < min || n > max) {
		if (min == max)
			return ws_type_error("%s() takes exactly %u argument%s (%u given)", fname, min,
			                     min == 1 ? "" : "s", n);
		if (n < min)
			return ws_type_error("%s() takes at least %u argument%s (%u given)", fname,
			                     min, min == 1 ? "" : "s", n);
		return ws_type_error("%s() takes at most %u argument%s (%u given)", fname, max,
		                     max == 1 ? "" : "s", n);
	}
	if (n > sizeof a->items / sizeof a->items[0])
		return wv_truncated();
	for (uint32_t i = 0; i < n; i++)
		if (wv_next(&list, &a->items[i]) < 0)
			return WS_RAISED;
	a->n = n;
	return 0;
}

const wv *ws_arg(const ws_args *a, uint32_t i)
{
	if (i >= a->n)
		return NULL;
	const wv *v = &a->items[i];
	if (wv_tag(v) == WV_OTHER && v->end - v->p == 5 + 9 && !memcmp(v->p + 5, "undefined", 9))
		return NULL;
	return v;
}

/* Result area: grows as needed; the bridge reads it after each call. */
static uint8_t *out_buf;
static size_t out_cap, out_len;

uint8_t *ws_out_reserve(size_t n)
{
	if ((uint64_t)out_len + n > out_cap) {
		size_t cap = ws_area_grow(out_cap, (uint64_t)out_len + n, 4096);
		if (!cap)
			return NULL;
		uint8_t *p = realloc(out_buf, cap);
		if (!p)
			return NULL;
		out_buf = p;
		out_cap = cap;
	}
	uint8_t *p = out_buf + out_len;
	out_len += n;
	return p;
}

static int out_nomem(void)
{
	return ws_raise(WS_ERR_OS, 12, "out of memory");
}

/* The bridge has read the previous result: a result area an oversized result left
 * behind is given back. */
void ws_out_reset(void)
{
	out_len = 0;
	if (out_cap > WS_AREA_KEEP) {
		free(out_buf);
		out_buf = NULL;
		out_cap = 0;
	}
}

uint32_t ws_out_len(void)
{
	return (uint32_t)out_len;
}

const uint8_t *ws_out_ptr(void)
{
	return out_buf;
}

static int out_tagged(int tag, uint64_t v, size_t n)
{
	uint8_t *p = ws_out_reserve(1 + n);
	if (!p)
		return out_nomem();
	p[0] = (uint8_t)tag;
	if (n == 8)
		ws_put64le(p + 1, v);
	else if (n == 4)
		ws_put32le(p + 1, (uint32_t)v);
	else if (n == 1)
		p[1] = (uint8_t)v;
	return 0;
}

int ws_out_none(void) { return out_tagged(WV_NONE, 0, 0); }
int ws_out_int(int64_t v) { return out_tagged(WV_INT, (uint64_t)v, 8); }
int ws_out_bigint(uint64_t v) { return out_tagged(WV_BIGINT, v, 8); }
int ws_out_bool(int v) { return out_tagged(WV_BOOL, v != 0, 1); }
int ws_out_list(uint32_t n) { return out_tagged(WV_LIST, n, 4); }

int ws_out_float(double v)
{
	uint64_t bits;
	memcpy(&bits, &v, 8);
	return out_tagged(WV_FLOAT, bits, 8);
}

static int out_blob(int tag, const void *s, size_t n)
{
	if (n > UINT32_MAX || out_tagged(tag, n, 4) < 0)
		return out_nomem();
	uint8_t *p = ws_out_reserve(n);
	if (!p)
		return out_nomem();
	if (n)
		memcpy(p, s, n);
	return 0;
}

int ws_out_str(const char *s, size_t n) { return out_blob(WV_STR, s, n); }
int ws_out_cstr(const char *s) { return out_blob(WV_STR, s, strlen(s)); }
int ws_out_bytes(const void *p, size_t n) { return out_blob(WV_BYTES, p, n); }

/* Scratch: a chain of bump-allocated blocks, released before each call from the bridge. */
struct scratch_block {
	struct scratch_block *prev;
	size_t cap, len;
	/* 16 like malloc: on wasm32 the header is 12 bytes, which left 64-bit values that
	 * the host writes through scratch (clock_ns, sendfile's offset) misaligned. */
	_Alignas(16) uint8_t data[];
};
static struct scratch_block *scratch;

void ws_scratch_reset(void);
void ws_scratch_reset(void)
{
	while (scratch && scratch->prev) {
		struct scratch_block *b = scratch;
		scratch = b->prev;
		free(b);
	}
	if (scratch)
		scratch->len = 0;
}

void *ws_scratch(size_t n)
{
	if (n > WS_AREA_MAX - sizeof(struct scratch_block) - 15)
		return NULL;
	n = (n + 15) & ~(size_t)15;
	if (!scratch || scratch->cap - scratch->len < n) {
		size_t cap = n < 16384 ? 16384 : n;
		struct scratch_block *b = malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->prev = scratch;
		b->cap = cap;
		b->len = 0;
		scratch = b;
	}
	void *p = scratch->data + scratch->len;
	scratch->len += n;
	return p;
}
