// SPDX-License-Identifier: MIT
#include <stdarg.h>
#include <string.h>

#include "core.h"

struct ws_error ws_err;

static size_t fmt_u(char *buf, size_t cap, size_t at, unsigned long long v, unsigned base)
{
	char tmp[24];
	size_t n = 0;
	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n--) {
		if (at + 1 < cap)
			buf[at] = tmp[n];
		at++;
	}
	return at;
}

static size_t ws_vfmt(char *buf, size_t cap, const char *fmt, va_list ap)
{
	size_t at = 0;
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			if (at + 1 < cap)
				buf[at] = *f;
			at++;
			continue;
		}
		int longs = 0;
		while (*++f == 'l')
			longs++;
		long long s;
		unsigned long long u;
		switch (*f) {
		case 's': {
			const char *str = va_arg(ap, const char *);
			for (; str && *str; str++, at++)
				if (at + 1 < cap)
					buf[at] = *str;
			break;
		}
		case 'd':
			s = longs >= 2 ? va_arg(ap, long long) : longs ? va_arg(ap, long) : va_arg(ap, int);
			if (s < 0) {
				if (at + 1 < cap)
					buf[at] = '-';
				at++;
				u = 0 - (unsigned long long)s;
			} else {
				u = (unsigned long long)s;
			}
			at = fmt_u(buf, cap, at, u, 10);
			break;
		case 'u':
		case 'x':
			u = longs >= 2 ? va_arg(ap, unsigned long long)
			    : longs    ? va_arg(ap, unsigned long)
			               : va_arg(ap, unsigned);
			at = fmt_u(buf, cap, at, u, *f == 'x' ? 16 : 10);
			break;
		case '%':
			if (at + 1 < cap)
				buf[at] = '%';
			at++;
			break;
		default:
			f--;
			break;
		}
	}
	if (cap)
		buf[at < cap ? at : cap - 1] = '\0';
	return at < cap ? at : cap ? cap - 1 : 0;
}

size_t ws_fmt(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	size_t n = ws_vfmt(buf, cap, fmt, ap);
	va_end(ap);
	return n;
}

int ws_raise(int kind, int code, const char *fmt, ...)
{
	va_list ap;
	ws_err.kind = kind;
	ws_err.code = code;
	ws_err.syscall[0] = '\0';
	ws_err.msg[0] = '\0';
	if (fmt) {
		va_start(ap, fmt);
		ws_vfmt(ws_err.msg, sizeof ws_err.msg, fmt, ap);
		va_end(ap);
	}
	return WS_RAISED;
}

int ws_os_error(int32_t r, const char *syscall)
{
	/* WS_RAISED passes through only when an error was raised: the same number answered
	 * by a hostile host (it is no kernel errno) is EIO, never a silent failure. */
	if (r == WS_RAISED) {
		if (ws_err.kind != WS_ERR_NONE)
			return r;
		r = -WS_EIO;
	}
	if (WASOCK_HOST_IS_HERR(r))
		ws_raise(WS_ERR_HERR, WASOCK_HOST_HERR_BASE - r, NULL);
	else if (WASOCK_HOST_IS_EAI(r))
		ws_raise(WS_ERR_GAI, r - WASOCK_HOST_EAI_BASE, NULL);
	else
		ws_raise(WS_ERR_OS, -r, NULL);
	if (syscall) {
		size_t n = strlen(syscall);
		if (n >= sizeof ws_err.syscall)
			n = sizeof ws_err.syscall - 1;
		memcpy(ws_err.syscall, syscall, n);
		ws_err.syscall[n] = '\0';
	}
	return WS_RAISED;
}
