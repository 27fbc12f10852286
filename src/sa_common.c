// SPDX-License-Identifier: MIT
/* Helpers shared by the sockaddr codecs: tuple items, zero-extension, interface names. */
#include <string.h>

#include "core.h"

int ws_sa_items(const wv *addr, uint32_t min, uint32_t max, wv *items, uint32_t *n)
{
	wv list;
	if (!addr || wv_tag(addr) != WV_LIST)
		return -1;
	list = *addr;
	if (wv_list(&list, n) < 0 || *n < min || *n > max)
		return -1;
	for (uint32_t i = 0; i < *n; i++)
		if (wv_next(&list, &items[i]) < 0)
			return -1;
	return 0;
}

/* CPython decodes from a zeroed sockaddr buffer: a short address reads as zeros. */
const uint8_t *ws_sa_padded(const uint8_t *buf, uint32_t len, uint32_t need)
{
	if (len >= need)
		return buf;
	uint8_t *p = ws_scratch(need);
	if (!p) {
		ws_os_error(-WS_ENOMEM, NULL);
		return NULL;
	}
	memset(p, 0, need);
	memcpy(p, buf, len);
	return p;
}

/* Like CPython's SIOCGIFINDEX: the name is cut to 15 bytes; '' is no device. */
int ws_sa_ifindex(const uint8_t *name, uint32_t n, int32_t *index)
{
	if (n > 15)
		n = 15;
	int32_t r = n ? HOST(if_nametoindex)((const char *)name, n) : -WS_ENODEV;
	if (r == 0)
		r = -WS_ENODEV;
	if (r < 0)
		return ws_os_error(r, "if_nametoindex");
	*index = r;
	return 0;
}

/* Like CPython's SIOCGIFNAME: an index with no interface (or 0) gives "". */
void ws_sa_ifname(int32_t index, char out[16])
{
	out[0] = '\0';
	if (index == 0)
		return;
	int32_t r = HOST(if_indextoname)((uint32_t)index, out, 15);
	out[r > 0 && r <= 15 ? r : 0] = '\0';
}
