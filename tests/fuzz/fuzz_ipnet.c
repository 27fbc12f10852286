// SPDX-License-Identifier: MIT
/*
 * ipnet parsing (Python's ipaddress rules): ip_address, ip_network (strict or not),
 * ip_network_contains and ip_address_info on arbitrary text and packed bytes. A network
 * that parses contains its own network address, and an address that parses reparses
 * from its packed form to the same address.
 */
#include "../../src/ipnet.h"
#include "fuzz.h"

static uint32_t f_addr, f_net, f_contains, f_info;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 512)
		return 0;
	if (!f_addr) {
		f_addr = fz_fn("ip_address");
		f_net = fz_fn("ip_network");
		f_contains = fz_fn("ip_network_contains");
		f_info = fz_fn("ip_address_info");
	}
	uint8_t mode = data[0];
	const uint8_t *s = data + 1;
	uint32_t n = (uint32_t)size - 1;
	int is_str = !(mode & 1);

	struct ws_ipaddr ip, ip2;
	if (ws_ipaddr_parse(s, n, is_str, &ip) == 0) {
		if (ip.version != 4 && ip.version != 6)
			abort();
		if (ws_ipaddr_parse(ip.packed, ip.version == 4 ? 4 : 16, 0, &ip2) != 0 ||
		    ip2.version != ip.version || memcmp(ip.packed, ip2.packed, 16))
			abort();
	}
	struct ws_ipnet net;
	if (ws_ipnet_parse(s, n, is_str, &net) == 0) {
		if (net.prefixlen > (net.addr.version == 4 ? 32u : 128u))
			abort();
		struct ws_ipaddr na = net.addr;
		memcpy(na.packed, net.network, 16);
		na.scope = NULL;
		na.scopelen = 0;
		if (!ws_ipnet_contains(&net, &na))
			abort();
	}

	struct fz_w *w = malloc(sizeof *w);
	uint32_t fns[] = { f_addr, f_net, f_contains, f_info };
	w->n = 0;
	if ((mode >> 1) % 4 == 2) {
		/* contains(net, addr, strict): the text split in two at a chosen point */
		uint32_t cut = n ? (uint32_t)(mode >> 3) % (n + 1) : 0;
		fz_list(w, 3);
		fz_blob(w, is_str ? WV_STR : WV_BYTES, s, cut);
		fz_blob(w, is_str ? WV_STR : WV_BYTES, s + cut, n - cut);
		fz_tag(w, WV_BOOL);
		fz_tag(w, (mode >> 7) & 1);
	} else if ((mode >> 1) % 4 == 1) {
		fz_list(w, 2);
		fz_blob(w, is_str ? WV_STR : WV_BYTES, s, n);
		fz_tag(w, WV_BOOL);
		fz_tag(w, (mode >> 7) & 1);
	} else {
		fz_list(w, 1);
		fz_blob(w, is_str ? WV_STR : WV_BYTES, s, n);
	}
	fz_check_result(fz_call(fns[(mode >> 1) % 4], w));
	free(w);
	return 0;
}
