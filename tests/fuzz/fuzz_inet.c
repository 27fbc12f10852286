// SPDX-License-Identifier: MIT
/*
 * The inet codecs against glibc: ws_inet_pton / ws_inet_aton must accept exactly what
 * glibc's inet_pton / inet_aton accept, with the same bytes, and ws_inet_ntop must print
 * what glibc's inet_ntop prints; then the same text through the dispatcher (inet_pton,
 * inet_aton, inet_ntop, inet_ntoa as the bridge calls them).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>

#include "../../src/inet.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 256)
		return 0;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	char *c = strndup(s, n); /* glibc reads up to the first NUL, as the core does */
	uint8_t mine[16], theirs[16];
	char a[64], b[64];
	if (!c)
		return 0;
	int af = data[0] & 1 ? AF_INET6 : AF_INET;
	int r1 = ws_inet_pton(af, s, n, mine), r2 = inet_pton(af, c, theirs);
	if (r1 != r2 || (r1 == 1 && memcmp(mine, theirs, af == AF_INET ? 4 : 16)))
		abort();
	struct in_addr ia;
	r1 = ws_inet_aton(s, n, mine);
	r2 = inet_aton(c, &ia);
	if (r1 != r2 || (r1 == 1 && memcmp(mine, &ia, 4)))
		abort();
	/* Any 16 bytes print as glibc prints them. */
	if (n >= 16) {
		size_t l1 = ws_inet_ntop(af, data + 1, a, sizeof a);
		const char *t = inet_ntop(af, data + 1, b, sizeof b);
		if (!t || l1 != strlen(b) || strcmp(a, b))
			abort();
		/* Too small an area is refused, untouched. */
		if (ws_inet_ntop(af, data + 1, a, l1) != 0)
			abort();
	}
	free(c);

	static uint32_t f_pton, f_aton, f_ntop, f_ntoa;
	if (!f_pton) {
		f_pton = fz_fn("inet_pton");
		f_aton = fz_fn("inet_aton");
		f_ntop = fz_fn("inet_ntop");
		f_ntoa = fz_fn("inet_ntoa");
	}
	struct fz_w *w = malloc(sizeof *w);
	w->n = 0;
	fz_list(w, 2);
	fz_int(w, data[0] & 2 ? (data[0] & 1 ? AF_INET6 : AF_INET) : (int8_t)data[0]);
	fz_blob(w, WV_STR, s, (uint32_t)n);
	fz_check_result(fz_call(f_pton, w));
	w->n = 0;
	fz_list(w, 2);
	fz_int(w, data[0] & 1 ? AF_INET6 : AF_INET);
	fz_blob(w, WV_BYTES, s, (uint32_t)n);
	fz_check_result(fz_call(f_ntop, w));
	w->n = 0;
	fz_list(w, 1);
	fz_blob(w, WV_STR, s, (uint32_t)n);
	fz_check_result(fz_call(f_aton, w));
	w->n = 0;
	fz_list(w, 1);
	fz_blob(w, WV_BYTES, s, (uint32_t)n);
	fz_check_result(fz_call(f_ntoa, w));
	free(w);
	return 0;
}
