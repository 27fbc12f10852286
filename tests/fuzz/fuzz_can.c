// SPDX-License-Identifier: MIT
/*
 * CAN frame and BCM message packing: unpack(pack(id, data, extra)) gives back what was
 * packed, unpacking arbitrary bytes never reads past them, and pack_bcm / unpack_bcm take
 * arbitrary wire arguments and bytes.
 */
#include "fuzz.h"

static uint32_t f_pack, f_unpack, f_packfd, f_unpackfd, f_pbcm, f_ubcm;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 8192)
		return 0;
	if (!f_pack) {
		f_pack = fz_fn("can_pack_frame");
		f_unpack = fz_fn("can_unpack_frame");
		f_packfd = fz_fn("can_pack_fd_frame");
		f_unpackfd = fz_fn("can_unpack_fd_frame");
		f_pbcm = fz_fn("can_pack_bcm");
		f_ubcm = fz_fn("can_unpack_bcm");
	}
	struct fz_in in = { data, size };
	uint8_t mode = fz_u8(&in);
	struct fz_w *w = malloc(sizeof *w);
	w->n = 0;
	switch (mode % 4) {
	case 0: { /* round trip of a classic or FD frame */
		int fd = mode & 0x10;
		uint32_t id = fz_get32(&in);
		uint32_t extra = fz_u8(&in) & (fd ? 0xff : 0x0f);
		size_t n = fz_u8(&in) % (fd ? 65 : 9);
		const uint8_t *d = fz_bytes(&in, &n);
		fz_list(w, 3);
		fz_int(w, (int64_t)id);
		fz_blob(w, WV_BYTES, d, (uint32_t)n);
		fz_int(w, extra);
		int32_t r = fz_call(fd ? f_packfd : f_pack, w);
		fz_check_result(r);
		if (r < 0)
			abort(); /* every such frame packs */
		wv out = { ws_out(), ws_out() + r };
		const uint8_t *p;
		uint32_t len;
		if (wv_bytes(&out, "frame", &p, &len) < 0 || len != (fd ? 72u : 16u))
			abort();
		w->n = 0;
		fz_list(w, 1);
		fz_blob(w, WV_BYTES, p, len);
		r = fz_call(fd ? f_unpackfd : f_unpack, w);
		fz_check_result(r);
		wv res = { ws_out(), ws_out() + r }, it;
		uint32_t k;
		int64_t rid, rextra;
		const uint8_t *rd;
		uint32_t rn;
		if (r < 0 || wv_list(&res, &k) < 0 || k != 3 || wv_next(&res, &it) < 0 ||
		    wv_int64(&it, "id", &rid) < 0 || wv_next(&res, &it) < 0 ||
		    wv_bytes(&it, "data", &rd, &rn) < 0 || wv_next(&res, &it) < 0 ||
		    wv_int64(&it, "extra", &rextra) < 0)
			abort();
		if ((uint32_t)rid != id || rn != n || (n && memcmp(rd, d, n)) ||
		    (uint64_t)rextra != extra)
			abort();
		break;
	}
	case 1: { /* unpacking arbitrary bytes */
		size_t n = in.n;
		const uint8_t *d = fz_bytes(&in, &n);
		fz_list(w, 1);
		fz_blob(w, WV_BYTES, d, (uint32_t)n);
		fz_check_result(fz_call(mode & 0x10 ? f_unpackfd : f_unpack, w));
		w->n = 0;
		fz_list(w, 1);
		fz_blob(w, WV_BYTES, d, (uint32_t)n);
		fz_check_result(fz_call(f_ubcm, w));
		break;
	}
	case 2: /* pack_bcm with arbitrary wire arguments */
		fz_raw(w, in.p, (uint32_t)in.n);
		fz_check_result(fz_call(f_pbcm, w));
		break;
	case 3: /* pack_frame / pack_fd_frame with arbitrary wire arguments */
		fz_raw(w, in.p, (uint32_t)in.n);
		fz_check_result(fz_call(mode & 0x10 ? f_packfd : f_pack, w));
		break;
	}
	free(w);
	return 0;
}
