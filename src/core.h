// SPDX-License-Identifier: MIT
/*
 * Internal interface of the wasock core.
 *
 * Values cross between the bridge and the core as "wire values" (wv): a tag byte and
 * a little-endian payload. The bridge writes the argument list of a call as one WV_LIST
 * into the argument area; the core writes its result as one wv into the result area.
 * The bridge only marshals; shapes, ranges and Python's error classes are decided here.
 */
#ifndef WASOCK_CORE_H
#define WASOCK_CORE_H

#include <stddef.h>
#include <stdint.h>

#include "../host/wasock_host.h"
#include "wasock_const.h"

enum wv_tag {
	WV_NONE = 0,   /* null (Python None) */
	WV_INT = 1,    /* int64 */
	WV_STR = 2,    /* uint32 length, UTF-8 */
	WV_BYTES = 3,  /* uint32 length, bytes */
	WV_LIST = 4,   /* uint32 count, items (JS array / Python tuple) */
	WV_BIGINT = 5, /* uint64, shown to JS as a BigInt */
	WV_UINT64 = 6, /* uint64 above INT64_MAX (from a BigInt) */
	WV_FLOAT = 7,  /* float64: a number that is not an integer */
	WV_BOOL = 8,   /* uint8 */
	WV_OTHER = 9,  /* uint32 length, the JS type name of a value with no wire form */
	WV_HUGE = 10,  /* int8 sign: an integer beyond 64 bits */
};

/* A reader over one wire value. */
typedef struct wv {
	const uint8_t *p, *end;
} wv;

/* Error kinds as the bridge maps them to JS error classes. */
enum ws_err_kind {
	WS_ERR_NONE = 0,
	WS_ERR_OS = 1,      /* OSError: code = errno (0 = none), syscall, msg optional */
	WS_ERR_TYPE = 2,    /* TypeError */
	WS_ERR_VALUE = 3,   /* RangeError (Python ValueError / OverflowError) */
	WS_ERR_TIMEOUT = 4, /* timeout: 'timed out' */
	WS_ERR_GAI = 5,     /* gaierror: code = EAI_* value */
	WS_ERR_HERR = 6,    /* herror: code = h_errno */
	WS_ERR_WOULDBLOCK = 7, /* async attempt would block: code = poll events to wait for */
};

struct ws_error {
	int32_t kind;
	int32_t code;
	char syscall[32];
	char msg[472];
};

/* Every failing path returns WS_RAISED after filling ws_err. */
#define WS_RAISED (-0x7fff)
extern struct ws_error ws_err;

int ws_raise(int kind, int code, const char *fmt, ...);
#define ws_type_error(...) ws_raise(WS_ERR_TYPE, 0, __VA_ARGS__)
#define ws_value_error(...) ws_raise(WS_ERR_VALUE, 0, __VA_ARGS__)
/* OSError from a host result r < 0 (-errno, EAI or h_errno), naming the syscall. */
int ws_os_error(int32_t r, const char *syscall);
/* Formats into buf (%s %d %u %ld %lu %lld %llu %x %%); returns the length written. */
size_t ws_fmt(char *buf, size_t cap, const char *fmt, ...);

/* Reading. Each returns 0, or WS_RAISED with a message naming `what`. */
int wv_tag(const wv *v);
const char *wv_typename(const wv *v);
int wv_skip(wv *v);
int wv_list(wv *v, uint32_t *n);
int wv_next(wv *list, wv *item);
int wv_is_none(const wv *v);
int wv_int64(const wv *v, const char *what, int64_t *out);
int wv_uint64(const wv *v, const char *what, uint64_t *out);
int wv_int_range(const wv *v, const char *what, int64_t lo, int64_t hi, int64_t *out);
/* Python's "i" (C int), "I" (unsigned int, no overflow check) and "H". */
int wv_cint(const wv *v, const char *what, int32_t *out);
/* Python's "I": any integer, masked to 32 bits. */
int wv_cuint_mask(const wv *v, const char *what, uint32_t *out);
int wv_number(const wv *v, const char *what, double *out);
/* str or bytes-like; *is_str says which. No NUL check. */
int wv_strbytes(const wv *v, const char *what, const uint8_t **p, uint32_t *n, int *is_str);
/* str only, rejecting embedded NUL as Python's "s" format does. */
int wv_cstr(const wv *v, const char *what, const uint8_t **p, uint32_t *n);
/* bytes-like only */
int wv_bytes(const wv *v, const char *what, const uint8_t **p, uint32_t *n);

/* The argument list of the current call. */
typedef struct ws_args {
	const char *fname;
	uint32_t n;
	wv items[12];
} ws_args;
int ws_args_parse(ws_args *a, const char *fname, const uint8_t *buf, uint32_t len,
                  uint32_t min, uint32_t max);
/* Argument i, or NULL when it was not given (or given as undefined). */
const wv *ws_arg(const ws_args *a, uint32_t i);

/* Writing the result. */
void ws_out_reset(void);
int ws_out_none(void);
int ws_out_int(int64_t v);
int ws_out_bigint(uint64_t v);
int ws_out_float(double v);
int ws_out_bool(int v);
int ws_out_str(const char *s, size_t n);
int ws_out_cstr(const char *s);
int ws_out_bytes(const void *p, size_t n);
int ws_out_list(uint32_t n);
/* Reserve n bytes of result space and return it (for filling in place). */
uint8_t *ws_out_reserve(size_t n);
uint32_t ws_out_len(void);
const uint8_t *ws_out_ptr(void);
/* Scratch memory that lives until the next call from the bridge; 16-byte aligned (64-bit
 * host outputs such as clock_ns and the sendfile offset are written through it). NULL when
 * n exceeds WS_AREA_MAX or memory is short. */
void *ws_scratch(size_t n);

/*
 * The growable areas (arguments, results, I/O, scratch) never exceed WS_AREA_MAX bytes:
 * linear memory is at most 2 GiB (host/wasock_host.h), and size_t is 32 bits on wasm32,
 * so sizes are computed in 64 bits and checked against this bound before any doubling.
 * An area grown past WS_AREA_KEEP is given back once the call that needed it is over.
 */
#ifndef WS_AREA_MAX /* the fuzzers lower it: gigabyte areas under ASan cost ~0.5 s each */
#define WS_AREA_MAX 0x7fffffffu
#endif
#define WS_AREA_KEEP (1u << 20)
/* The capacity to grow an area of cap bytes to so that it holds need bytes (at least
 * min), or 0 when need exceeds WS_AREA_MAX. */
static inline size_t ws_area_grow(size_t cap, uint64_t need, size_t min)
{
	if (need > WS_AREA_MAX)
		return 0;
	uint64_t c = cap ? cap : min;
	while (c < need)
		c *= 2;
	return (size_t)(c > WS_AREA_MAX ? WS_AREA_MAX : c);
}

/* Sockaddr codecs (native Linux layout). */
#define WS_SOCKADDR_MAX 128
/* Encodes a Python-style address for `family` into buf; *len receives its length. */
int ws_sockaddr_encode(int family, int proto, const wv *addr, const char *fname, uint8_t *buf,
                       uint32_t *len);
/* Writes the Python-style address of buf[0..len) as one wire value. */
int ws_sockaddr_decode(const uint8_t *buf, uint32_t len, int proto);

int ws_sa_inet_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len);
int ws_sa_inet_decode(const uint8_t *buf, uint32_t len);
int ws_sa_inet6_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len);
int ws_sa_inet6_decode(const uint8_t *buf, uint32_t len);
int ws_sa_unix_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len);
int ws_sa_unix_decode(const uint8_t *buf, uint32_t len);
int ws_sa_can_encode(int proto, const wv *addr, const char *fname, uint8_t *buf, uint32_t *len);
int ws_sa_can_decode(const uint8_t *buf, uint32_t len, int proto);
int ws_sa_packet_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len);
int ws_sa_packet_decode(const uint8_t *buf, uint32_t len);
int ws_sa_netlink_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len);
int ws_sa_netlink_decode(const uint8_t *buf, uint32_t len);
int ws_sa_tipc_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len);
int ws_sa_tipc_decode(const uint8_t *buf, uint32_t len);
int ws_sa_alg_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len);
int ws_sa_alg_decode(const uint8_t *buf, uint32_t len);
int ws_sa_vsock_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len);
int ws_sa_vsock_decode(const uint8_t *buf, uint32_t len);
int ws_sa_qipcrtr_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len);
int ws_sa_qipcrtr_decode(const uint8_t *buf, uint32_t len);
int ws_sa_rds_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len);
int ws_sa_bluetooth_encode(int proto, const wv *addr, const char *fname, uint8_t *buf,
                           uint32_t *len);
int ws_sa_bluetooth_decode(const uint8_t *buf, uint32_t len, int proto);
/* Helpers of the codecs (sa_common.c). ws_sa_items: -1, nothing raised, unless addr is an
 * array of min..max items. ws_sa_padded: buf zero-extended to need bytes (NULL: raised).
 * ws_sa_ifindex: interface index of a name (OSError when unknown). ws_sa_ifname: name of
 * an index, "" when unknown. */
int ws_sa_items(const wv *addr, uint32_t min, uint32_t max, wv *items, uint32_t *n);
const uint8_t *ws_sa_padded(const uint8_t *buf, uint32_t len, uint32_t need);
int ws_sa_ifindex(const uint8_t *name, uint32_t n, int32_t *index);
void ws_sa_ifname(int32_t index, char out[16]);

/* Resolves a host name for an address of `family` (Python's setipaddr). */
int ws_setipaddr(const uint8_t *name, uint32_t n, int family, uint8_t *sa, uint32_t *salen);

/* Little-endian and network-order helpers over unaligned bytes. */
static inline uint16_t ws_get16be(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline void ws_put16be(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static inline uint32_t ws_get32be(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline void ws_put32be(uint8_t *p, uint32_t v)
{
	ws_put16be(p, (uint16_t)(v >> 16));
	ws_put16be(p + 2, (uint16_t)v);
}
static inline uint16_t ws_get16le(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline void ws_put16le(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static inline uint32_t ws_get32le(const uint8_t *p)
{
	return (uint32_t)ws_get16le(p) | (uint32_t)ws_get16le(p + 2) << 16;
}
static inline void ws_put32le(uint8_t *p, uint32_t v)
{
	ws_put16le(p, (uint16_t)v);
	ws_put16le(p + 2, (uint16_t)(v >> 16));
}
static inline uint64_t ws_get64le(const uint8_t *p)
{
	return (uint64_t)ws_get32le(p) | (uint64_t)ws_get32le(p + 4) << 32;
}
static inline void ws_put64le(uint8_t *p, uint64_t v)
{
	ws_put32le(p, (uint32_t)v);
	ws_put32le(p + 4, (uint32_t)(v >> 32));
}

/*
 * Host calls. On wasm the host keeps a pointer to linear memory, so it must hear of
 * growth before it is handed an offset into the new part.
 */
#if defined(__wasm__) && !defined(WASOCK_NO_HOST)
extern uint32_t ws__mem_pages;
static inline void ws_mem_sync(void)
{
	uint32_t pages = (uint32_t)__builtin_wasm_memory_size(0);
	if (pages != ws__mem_pages) {
		ws__mem_pages = pages;
		wasock_host_memory_grown();
	}
}
#else
static inline void ws_mem_sync(void) {}
#endif
#define HOST(name) (ws_mem_sync(), wasock_host_##name)

/* A function the core exports to the bridge. */
#if defined(__EMSCRIPTEN__) && defined(WASOCK_NO_HOST)
/* The browser build exports only the dispatcher (its link line lists it), so the
 * socket object's entry points, useless without an OS, are dropped. */
#define WS_EXPORT(name) name
#elif defined(__EMSCRIPTEN__)
#define WS_EXPORT(name) __attribute__((used, visibility("default"))) name
#elif defined(__wasm__)
#define WS_EXPORT(name) __attribute__((export_name(#name))) name
#else
#define WS_EXPORT(name) name
#endif

/* Builds without a host (the browser codec build) answer ENOSYS / EAI_NONAME. */
#ifdef WASOCK_NO_HOST
#define WS_HAVE_HOST 0
#else
#define WS_HAVE_HOST 1
#endif

#endif
