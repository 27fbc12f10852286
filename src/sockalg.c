// SPDX-License-Identifier: MIT
/*
 * sendmsg_afalg(msg=[], op, iv=None, assoclen=None, flags=0): sendmsg on an AF_ALG
 * operation socket with the control messages CPython builds, in the Linux 64-bit cmsghdr
 * layout (u64 len, i32 level, i32 type, data padded to 8):
 *   SOL_ALG/ALG_SET_OP              u32 op                 cmsg_len CMSG_LEN(4)
 *   SOL_ALG/ALG_SET_IV              u32 ivlen, iv bytes    cmsg_len CMSG_SPACE(4 + ivlen)
 *   SOL_ALG/ALG_SET_AEAD_ASSOCLEN   u32 assoclen           cmsg_len CMSG_LEN(4)
 */
#include <string.h>

#include "sock.h"

#define WS_CMSG_HDR 16u
#define WS_CMSG_SPACE(n) (WS_CMSG_HDR + (((n) + 7u) & ~7u))

int32_t ws_nosignal(const struct ws_sock *s);

struct ws_algmsg {
	wasock_iovec *iov;
	uint32_t iovcnt;
	uint8_t *control;
	uint32_t controllen;
	int32_t flags;
};

static int32_t ws_algmsg_once(struct ws_sock *s, void *ctx)
{
	struct ws_algmsg *m = ctx;
	return HOST(sendmsg)(s->fd, m->iov, m->iovcnt, NULL, 0, m->control, m->controllen,
	                     m->flags | ws_nosignal(s));
}

/* Python's int argument that must be a C int, or None/absent (-1 then). */
static int alg_int(const wv *v, const char *what, int32_t *out)
{
	*out = -1;
	if (!v || wv_is_none(v))
		return 0;
	int t = wv_tag(v);
	if (t != WV_INT && t != WV_UINT64 && t != WV_HUGE)
		return ws_type_error("sendmsg_afalg() argument '%s' must be int, not %s", what,
		                     wv_typename(v));
	return wv_cint(v, what, out);
}

static uint8_t *alg_cmsg(uint8_t *p, int32_t type, uint64_t len)
{
	ws_put64le(p, len);
	ws_put32le(p + 8, (uint32_t)WS_SOL_ALG);
	ws_put32le(p + 12, (uint32_t)type);
	return p + WS_CMSG_HDR;
}

int ws_m_sendmsg_afalg(struct ws_sock *s, ws_args *a)
{
	struct ws_algmsg m = { 0 };
	const wv *msg = ws_arg(a, 0), *ivv = ws_arg(a, 2);
	const uint8_t *iv = NULL;
	uint32_t ivlen = 0, n = 0;
	int32_t op, assoclen;
	if (s->family != WS_AF_ALG)
		return ws_raise(WS_ERR_OS, 0, "algset is only supported for AF_ALG");
	if (alg_int(ws_arg(a, 1), "op", &op) < 0 || op < 0) {
		ws_err.kind = WS_ERR_NONE;
		return ws_type_error("Invalid or missing argument 'op'");
	}
	if (ivv && !wv_is_none(ivv) && wv_bytes(ivv, "sendmsg_afalg() argument 'iv'", &iv, &ivlen) < 0)
		return WS_RAISED;
	if (alg_int(ws_arg(a, 3), "assoclen", &assoclen) < 0)
		return WS_RAISED;
	if (ws_arg(a, 3) && !wv_is_none(ws_arg(a, 3)) && assoclen < 0)
		return ws_type_error("assoclen must be positive");
	if (ws_arg(a, 4) && wv_cint(ws_arg(a, 4), "sendmsg_afalg() flags", &m.flags) < 0)
		return WS_RAISED;
	if (ivlen > 0x7fffffff - 64)
		return ws_raise(WS_ERR_OS, 0, "sendmsg_afalg(): iv too large");

	m.controllen = WS_CMSG_SPACE(4) + (iv ? WS_CMSG_SPACE(4 + ivlen) : 0) +
	               (assoclen >= 0 ? WS_CMSG_SPACE(4) : 0);
	m.control = ws_scratch(m.controllen);
	if (!m.control)
		return ws_os_error(-WS_ENOMEM, "sendmsg");
	memset(m.control, 0, m.controllen);
	uint8_t *p = m.control;
	ws_put32le(alg_cmsg(p, WS_ALG_SET_OP, WS_CMSG_HDR + 4), (uint32_t)op);
	p += WS_CMSG_SPACE(4);
	if (iv) {
		uint8_t *d = alg_cmsg(p, WS_ALG_SET_IV, WS_CMSG_SPACE(4 + ivlen));
		ws_put32le(d, ivlen);
		memcpy(d + 4, iv, ivlen);
		p += WS_CMSG_SPACE(4 + ivlen);
	}
	if (assoclen >= 0)
		ws_put32le(alg_cmsg(p, WS_ALG_SET_AEAD_ASSOCLEN, WS_CMSG_HDR + 4), (uint32_t)assoclen);

	if (msg && !wv_is_none(msg)) {
		wv list = *msg, item;
		if (wv_tag(msg) != WV_LIST)
			return ws_type_error("sendmsg_afalg() argument 'msg' must be an iterable, not %s",
			                     wv_typename(msg));
		wv_list(&list, &n);
		if (n > 1024)
			return ws_os_error(-WS_EMSGSIZE, "sendmsg");
		m.iov = ws_scratch(sizeof *m.iov * (n ? n : 1));
		if (!m.iov)
			return ws_os_error(-WS_ENOMEM, "sendmsg");
		for (uint32_t i = 0; i < n; i++) {
			const uint8_t *b;
			uint32_t len;
			if (wv_next(&list, &item) < 0 ||
			    wv_bytes(&item, "sendmsg_afalg() argument 'msg' items", &b, &len) < 0)
				return WS_RAISED;
			m.iov[i].base = (void *)b;
			m.iov[i].len = len;
		}
	}
	m.iovcnt = n;
	int32_t r = ws_sock_call(s, 1, ws_algmsg_once, &m, 0, s->timeout);
	if (r < 0)
		return ws_os_error(r, "sendmsg");
	return ws_out_int(r);
}
