// SPDX-License-Identifier: MIT
/*
 * sockaddr encode/decode for every family the core knows: arbitrary sockaddr bytes of a
 * chosen family (and protocol) go through decode_sockaddr; whatever Python-style address
 * comes out goes back through encode_sockaddr, and when that succeeds the bytes decode to
 * the same address again. A second mode hands encode_sockaddr arbitrary wire values.
 * Built against src/nohost.c: names never reach a resolver.
 */
#include "fuzz.h"

static const struct {
	int family, proto;
} fams[] = {
	{ WS_AF_INET, 0 }, { WS_AF_INET6, 0 }, { WS_AF_UNIX, 0 }, { WS_AF_CAN, WS_CAN_RAW },
	{ WS_AF_CAN, WS_CAN_BCM }, { WS_AF_CAN, WS_CAN_ISOTP }, { WS_AF_CAN, WS_CAN_J1939 },
	{ WS_AF_PACKET, 0 }, { WS_AF_NETLINK, 0 }, { WS_AF_TIPC, 0 }, { WS_AF_ALG, 0 },
	{ WS_AF_VSOCK, 0 }, { WS_AF_QIPCRTR, 0 }, { WS_AF_RDS, 0 },
	{ WS_AF_BLUETOOTH, WS_BTPROTO_HCI }, { WS_AF_BLUETOOTH, WS_BTPROTO_SCO },
	{ WS_AF_BLUETOOTH, WS_BTPROTO_RFCOMM }, { WS_AF_BLUETOOTH, 0 },
};
#define NFAMS (sizeof fams / sizeof fams[0])

static uint32_t f_enc, f_dec;

/* decode_sockaddr(bytes, proto): a copy of the result value, or NULL on error. */
static uint8_t *decode(const uint8_t *sa, uint32_t len, int proto, uint32_t *rlen)
{
	struct fz_w *w = malloc(sizeof *w);
	w->n = 0;
	fz_list(w, 2);
	fz_blob(w, WV_BYTES, sa, len);
	fz_int(w, proto);
	int32_t r = fz_call(f_dec, w);
	free(w);
	fz_check_result(r);
	if (r < 0)
		return NULL;
	uint8_t *copy = malloc((size_t)r);
	memcpy(copy, ws_out(), (size_t)r);
	*rlen = (uint32_t)r;
	return copy;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2 || size > 4096)
		return 0;
	if (!f_enc) {
		f_enc = fz_fn("encode_sockaddr");
		f_dec = fz_fn("decode_sockaddr");
	}
	struct fz_in in = { data, size };
	uint8_t sel = fz_u8(&in);
	int family = fams[(sel & 0x7f) % NFAMS].family, proto = fams[(sel & 0x7f) % NFAMS].proto;
	struct fz_w *w = malloc(sizeof *w);
	if (sel & 0x80) {
		/* encode_sockaddr(family, <arbitrary wire value>, proto) */
		w->n = 0;
		fz_list(w, 3);
		fz_int(w, family);
		fz_raw(w, in.p, (uint32_t)in.n);
		fz_int(w, proto);
		fz_check_result(fz_call(f_enc, w));
		free(w);
		return 0;
	}
	uint8_t sa[WS_SOCKADDR_MAX + 8];
	size_t n = in.n > sizeof sa - 2 ? sizeof sa - 2 : in.n;
	const uint8_t *body = fz_bytes(&in, &n);
	ws_put16le(sa, (uint16_t)family);
	if (n)
		memcpy(sa + 2, body, n);
	uint32_t l1, l2;
	uint8_t *d1 = decode(sa, (uint32_t)(n + 2), proto, &l1);
	if (d1) {
		/* d1 is [family, address]: encode the address again. */
		wv list = { d1, d1 + l1 }, fam, addr;
		uint32_t k;
		if (wv_list(&list, &k) < 0 || k != 2 || wv_next(&list, &fam) < 0 ||
		    wv_next(&list, &addr) < 0)
			abort();
		w->n = 0;
		fz_list(w, 3);
		fz_int(w, family);
		fz_raw(w, addr.p, (uint32_t)(addr.end - addr.p));
		fz_int(w, proto);
		int32_t r = fz_call(f_enc, w);
		fz_check_result(r);
		if (r > 0) {
			wv out = { ws_out(), ws_out() + r };
			const uint8_t *p;
			uint32_t len;
			if (wv_bytes(&out, "sockaddr", &p, &len) < 0 || len > WS_SOCKADDR_MAX)
				abort();
			uint8_t again[WS_SOCKADDR_MAX];
			memcpy(again, p, len);
			uint8_t *d2 = decode(again, len, proto, &l2);
			/* The address a decoded sockaddr names encodes to one that names it again. */
			if (!d2 || l1 != l2 || memcmp(d1, d2, l1))
				abort();
			free(d2);
		}
		free(d1);
	}
	free(w);
	return 0;
}
