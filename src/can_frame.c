// SPDX-License-Identifier: MIT
/*
 * CAN frame layouts, which Python leaves to struct (module functions can_*, exposed to
 * JS as wasock.can.*). Native little-endian layouts from <linux/can.h>, <linux/can/bcm.h>:
 *   can_frame    16: u32 can_id, u8 len, u8 pad, u8 res0, u8 len8_dlc, u8 data[8]
 *   canfd_frame  72: u32 can_id, u8 len, u8 flags, u8 res0, u8 res1, u8 data[64]
 *   bcm_msg_head 56: u32 opcode, flags, count, (pad 4), bcm_timeval ival1, ival2
 *                    (i64 tv_sec, i64 tv_usec each, at 16 and 32), u32 can_id, nframes,
 *                    then nframes can_frames (canfd_frames with CAN_FD_FRAME in flags)
 */
#include <string.h>

#include "core.h"

#define WS_CAN_HDR 8
#define WS_BCM_HEAD 56

/* A 32-bit field: 0..2**32-1, or an int32 taken as its two's complement. */
static int can_u32(const wv *v, const char *what, int required, uint32_t *out)
{
	int64_t x;
	if (!v || wv_is_none(v)) {
		if (required)
			return ws_type_error("%s is required", what);
		return 0;
	}
	/* int32 too: JS bit operations make (id | CAN_EFF_FLAG) negative. */
	if (wv_int_range(v, what, INT32_MIN, UINT32_MAX, &x) < 0)
		return WS_RAISED;
	*out = (uint32_t)x;
	return 0;
}

/* frame bytes for pack_frame / pack_fd_frame: the header, then data padded to mtu. */
static int can_pack(ws_args *a, uint32_t mtu, const char *fname)
{
	const uint8_t *data;
	uint32_t id = 0, n, extra = 0;
	char what[48];
	ws_fmt(what, sizeof what, "%s() can_id", fname);
	if (can_u32(ws_arg(a, 0), what, 1, &id) < 0)
		return WS_RAISED;
	ws_fmt(what, sizeof what, "%s() data", fname);
	if (!ws_arg(a, 1) || wv_bytes(ws_arg(a, 1), what, &data, &n) < 0)
		return ws_arg(a, 1) ? WS_RAISED : ws_type_error("%s is required", what);
	if (n > mtu - WS_CAN_HDR)
		return ws_value_error("%s(): data is %u bytes, at most %u fit", fname, n,
		                      mtu - WS_CAN_HDR);
	ws_fmt(what, sizeof what, "%s() %s", fname, mtu == WS_CAN_MTU ? "len8_dlc" : "flags");
	if (can_u32(ws_arg(a, 2), what, 0, &extra) < 0)
		return WS_RAISED;
	if (extra > (mtu == WS_CAN_MTU ? 15u : 255u))
		return ws_value_error("%s must be 0-%u", what, mtu == WS_CAN_MTU ? 15 : 255);
	uint8_t *p = ws_scratch(mtu);
	if (!p)
		return ws_os_error(-WS_ENOMEM, NULL);
	memset(p, 0, mtu);
	ws_put32le(p, id);
	p[4] = (uint8_t)n;
	p[mtu == WS_CAN_MTU ? 7 : 5] = (uint8_t)extra;
	memcpy(p + WS_CAN_HDR, data, n);
	return ws_out_bytes(p, mtu);
}

/* [can_id, data, len8_dlc or flags] of a frame of at least 16 bytes. */
static int can_unpack(ws_args *a, uint32_t maxdata, const char *fname)
{
	const uint8_t *f;
	uint32_t n;
	char what[48];
	ws_fmt(what, sizeof what, "%s() argument 1", fname);
	if (wv_bytes(ws_arg(a, 0), what, &f, &n) < 0)
		return WS_RAISED;
	if (n < WS_CAN_MTU)
		return ws_value_error("%s(): a CAN frame is at least %u bytes, got %u", fname,
		                      WS_CAN_MTU, n);
	uint32_t len = f[4] < maxdata ? f[4] : maxdata;
	if (len > n - WS_CAN_HDR)
		len = n - WS_CAN_HDR;
	if (ws_out_list(3) < 0 || ws_out_int(ws_get32le(f)) < 0 ||
	    ws_out_bytes(f + WS_CAN_HDR, len) < 0)
		return WS_RAISED;
	return ws_out_int(maxdata == WS_CAN_MAX_DLEN ? f[7] : f[5]);
}

int ws_fn_can_pack_frame(ws_args *a) { return can_pack(a, WS_CAN_MTU, "pack_frame"); }
int ws_fn_can_pack_fd_frame(ws_args *a) { return can_pack(a, WS_CANFD_MTU, "pack_fd_frame"); }
int ws_fn_can_unpack_frame(ws_args *a) { return can_unpack(a, WS_CAN_MAX_DLEN, "unpack_frame"); }
int ws_fn_can_unpack_fd_frame(ws_args *a)
{
	return can_unpack(a, WS_CANFD_MAX_DLEN, "unpack_fd_frame");
}

/* A bcm_timeval from [sec, usec] or a number of seconds. */
static int bcm_ival(const wv *v, const char *what, uint8_t *out)
{
	int64_t sec = 0, usec = 0;
	wv it[2];
	uint32_t n;
	if (!v || wv_is_none(v))
		goto done;
	if (wv_tag(v) == WV_LIST) {
		if (ws_sa_items(v, 2, 2, it, &n) < 0)
			return ws_type_error("%s must be [sec, usec] or a number of seconds", what);
		if (wv_int64(&it[0], what, &sec) < 0 || wv_int64(&it[1], what, &usec) < 0)
			return WS_RAISED;
		goto done;
	}
	double s;
	if (wv_number(v, what, &s) < 0)
		return WS_RAISED;
	if (!(s >= 0 && s < 9.2e18))
		return ws_value_error("%s must be a number of seconds >= 0", what);
	sec = (int64_t)s;
	usec = (int64_t)((s - (double)sec) * 1e6 + 0.5);
	if (usec >= 1000000)
		sec++, usec -= 1000000;
done:
	ws_put64le(out, (uint64_t)sec);
	ws_put64le(out + 8, (uint64_t)usec);
	return 0;
}

/* pack_bcm(opcode, flags, count, ival1, ival2, can_id, frames = []) */
int ws_fn_can_pack_bcm(ws_args *a)
{
	static const char *const names[] = { "pack_bcm() opcode", "pack_bcm() flags",
		                             "pack_bcm() count" };
	uint8_t head[WS_BCM_HEAD] = { 0 };
	uint32_t v[3] = { 0 }, id = 0, n = 0;
	for (int i = 0; i < 3; i++)
		if (can_u32(ws_arg(a, (uint32_t)i), names[i], i == 0, &v[i]) < 0)
			return WS_RAISED;
	if (bcm_ival(ws_arg(a, 3), "pack_bcm() ival1", head + 16) < 0 ||
	    bcm_ival(ws_arg(a, 4), "pack_bcm() ival2", head + 32) < 0 ||
	    can_u32(ws_arg(a, 5), "pack_bcm() can_id", 0, &id) < 0)
		return WS_RAISED;
	uint32_t size = v[1] & WS_CAN_FD_FRAME ? WS_CANFD_MTU : WS_CAN_MTU;
	const wv *frames = ws_arg(a, 6);
	wv list, item;
	if (frames && !wv_is_none(frames)) {
		if (wv_tag(frames) != WV_LIST)
			return ws_type_error("pack_bcm() frames must be an array of frames, not %s",
			                     wv_typename(frames));
		list = *frames;
		wv_list(&list, &n);
		if (n > 256)
			return ws_value_error("pack_bcm(): at most 256 frames, got %u", n);
	}
	ws_put32le(head, v[0]);
	ws_put32le(head + 4, v[1]);
	ws_put32le(head + 8, v[2]);
	ws_put32le(head + 48, id);
	ws_put32le(head + 52, n);
	uint8_t *out = ws_scratch(WS_BCM_HEAD + (size_t)n * size);
	if (!out)
		return ws_os_error(-WS_ENOMEM, NULL);
	memcpy(out, head, WS_BCM_HEAD);
	for (uint32_t i = 0; i < n; i++) {
		const uint8_t *f;
		uint32_t len;
		if (wv_next(&list, &item) < 0 || wv_bytes(&item, "pack_bcm() frames items", &f, &len) < 0)
			return WS_RAISED;
		if (len != size)
			return ws_value_error("pack_bcm(): frame %u is %u bytes, expected %u%s", i, len,
			                      size, size == WS_CAN_MTU ? "" : " (CAN_FD_FRAME)");
		memcpy(out + WS_BCM_HEAD + i * size, f, size);
	}
	return ws_out_bytes(out, WS_BCM_HEAD + (size_t)n * size);
}

/* [opcode, flags, count, [sec, usec], [sec, usec], can_id, frames] */
int ws_fn_can_unpack_bcm(ws_args *a)
{
	const uint8_t *b;
	uint32_t n;
	if (wv_bytes(ws_arg(a, 0), "unpack_bcm() argument 1", &b, &n) < 0)
		return WS_RAISED;
	if (n < WS_BCM_HEAD)
		return ws_value_error("unpack_bcm(): a bcm_msg_head is %u bytes, got %u", WS_BCM_HEAD, n);
	uint32_t flags = ws_get32le(b + 4), nframes = ws_get32le(b + 52);
	uint32_t size = flags & WS_CAN_FD_FRAME ? WS_CANFD_MTU : WS_CAN_MTU;
	if (nframes > (n - WS_BCM_HEAD) / size)
		return ws_value_error("unpack_bcm(): %u frames announced, %u bytes follow the head",
		                      nframes, n - WS_BCM_HEAD);
	if (ws_out_list(7) < 0 || ws_out_int(ws_get32le(b)) < 0 || ws_out_int(flags) < 0 ||
	    ws_out_int(ws_get32le(b + 8)) < 0)
		return WS_RAISED;
	for (int i = 0; i < 2; i++)
		if (ws_out_list(2) < 0 || ws_out_int((int64_t)ws_get64le(b + 16 + 16 * i)) < 0 ||
		    ws_out_int((int64_t)ws_get64le(b + 24 + 16 * i)) < 0)
			return WS_RAISED;
	if (ws_out_int(ws_get32le(b + 48)) < 0 || ws_out_list(nframes) < 0)
		return WS_RAISED;
	for (uint32_t i = 0; i < nframes; i++)
		if (ws_out_bytes(b + WS_BCM_HEAD + i * size, size) < 0)
			return WS_RAISED;
	return 0;
}
