// SPDX-License-Identifier: MIT
/* Module state: the default timeout, and the small module functions that use sockets. */
#include "core.h"

/* Nanoseconds, or -1 for None (blocking). New sockets start with this timeout. */
int64_t ws_default_timeout_ns = -1;

/* Python's timeout conversion: None, or seconds >= 0, rounded up to nanoseconds. */
int ws_timeout_arg(const wv *v, const char *what, int64_t *ns)
{
	double s;
	if (wv_is_none(v)) {
		*ns = -1;
		return 0;
	}
	if (wv_number(v, what, &s) < 0)
		return WS_RAISED;
	if (s != s)
		return ws_value_error("Invalid value NaN (not a number)");
	if (s < 0)
		return ws_value_error("Timeout value out of range");
	if (s * 1e9 >= 9.2233720368547748e18)
		return ws_value_error("timeout too large to convert to C _PyTime_t");
	double d = s * 1e9;
	int64_t i = (int64_t)d;
	*ns = (double)i < d ? i + 1 : i;
	return 0;
}

int ws_out_timeout(int64_t ns)
{
	return ns < 0 ? ws_out_none() : ws_out_float((double)ns / 1e9);
}

int ws_fn_getdefaulttimeout(ws_args *a)
{
	(void)a;
	return ws_out_timeout(ws_default_timeout_ns);
}

int ws_fn_setdefaulttimeout(ws_args *a)
{
	int64_t ns;
	if (ws_timeout_arg(ws_arg(a, 0), "setdefaulttimeout() argument 1", &ns) < 0)
		return WS_RAISED;
	ws_default_timeout_ns = ns;
	return ws_out_none();
}

int ws_fn_has_dualstack_ipv6(ws_args *a)
{
	(void)a;
	int32_t *zero = ws_scratch(4);
	if (!zero)
		return ws_os_error(-WS_ENOMEM, "setsockopt");
	int32_t fd = HOST(socket)(WS_AF_INET6, WS_SOCK_STREAM | WS_SOCK_CLOEXEC, 0);
	if (fd < 0)
		return ws_out_bool(0);
	*zero = 0;
	int32_t r = HOST(setsockopt)(fd, WS_IPPROTO_IPV6, WS_IPV6_V6ONLY, zero, 4);
	HOST(close)(fd);
	return ws_out_bool(r == 0);
}

int ws_fn_close(ws_args *a)
{
	int32_t fd;
	if (wv_cint(ws_arg(a, 0), "close() argument 1", &fd) < 0)
		return WS_RAISED;
	int32_t r = HOST(close)(fd);
	if (r < 0)
		return ws_os_error(r, "close");
	return ws_out_none();
}
