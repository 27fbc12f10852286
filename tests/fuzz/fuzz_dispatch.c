// SPDX-License-Identifier: MIT
/*
 * The wire-format dispatcher with arbitrary bytes as a call's argument area: the first
 * input byte picks the module function, the rest is the argument list as the bridge
 * would have written it (or not). Built against src/nohost.c, so no call reaches the OS.
 * Every call must end in a well-formed result or a well-formed error record.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	uint32_t fn = data[0] % ws_fn_count();
	uint32_t n = (uint32_t)(size - 1);
	uint8_t *a = ws_arg_area(n);
	if (!a)
		abort();
	if (n)
		memcpy(a, data + 1, n);
	fz_check_result(ws_call(fn, n));
	/* An argument length past the area is refused, never read. */
	if (ws_call(fn, UINT32_MAX) != -1)
		abort();
	return 0;
}
