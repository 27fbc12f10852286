// SPDX-License-Identifier: MIT
/*
 * sendmsg / recvmsg / recvmsg_into. Control messages are laid out as Linux 64-bit
 * cmsghdrs (uint64 len, int32 level, int32 type, data padded to 8 bytes).
 */
#include <string.h>

#include "sock.h"

#define WS_CMSG_HDR 16u
#define WS_CMSG_ALIGN(n) (((n) + 7u) & ~7u)

uint8_t *ws_io_area(uint32_t n);
void ws_io_trim(void);
int32_t ws_nosignal(const struct ws_sock *s);

/* sendmsg(buffers, ancdata=[], flags=0, address=None) */
struct ws_msg {
	wasock_iovec *iov;
	uint32_t iovcnt;
	uint8_t *name;
	uint32_t namelen;
	uint8_t *control;
	uint32_t controllen;
	int32_t flags;
	int32_t msg_flags;
};

static int32_t ws_sendmsg_once(struct ws_sock *s, void *ctx)
{
	struct ws_msg *m = ctx;
	return HOST(sendmsg)(s->fd, m->iov, m->iovcnt, m->name, m->namelen, m->control,
	                     m->controllen, m->flags | ws_nosignal(s));
}

static int ws_ancdata(const wv *v, uint8_t **out, uint32_t *outlen)
{
	wv list, item, f;
	uint32_t n, total = 0;
	*out = NULL;
	*outlen = 0;
	if (!v || wv_is_none(v))
		return 0;
	if (wv_tag(v) != WV_LIST)
		return ws_type_error("sendmsg() argument 2 must be an iterable, not %s",
		                     wv_typename(v));
	list = *v;
	wv_list(&list, &n);
	wv walk = list;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t k;
		const uint8_t *p;
		uint32_t len;
		if (wv_next(&walk, &item) < 0)
			return WS_RAISED;
		wv t = item;
		if (wv_tag(&t) != WV_LIST || wv_list(&t, &k) < 0 || k != 3)
			return ws_type_error("[sendmsg() ancillary data items]() argument must be "
			                     "sequence of length 3");
		wv_next(&t, &f);
		wv_next(&t, &f);
		wv_next(&t, &f);
		if (wv_bytes(&f, "ancillary data", &p, &len) < 0)
			return WS_RAISED;
		if (len > 0x7fffffff - WS_CMSG_HDR - 8 || total > 0x7fffffff - WS_CMSG_HDR - 8 - len)
			return ws_raise(WS_ERR_OS, 0, "ancillary data item too large");
		total += WS_CMSG_HDR + WS_CMSG_ALIGN(len);
	}
	uint8_t *buf = ws_scratch(total ? total : 1);
	if (!buf)
		return ws_os_error(-WS_ENOMEM, "sendmsg");
	memset(buf, 0, total);
	uint32_t off = 0;
	for (uint32_t i = 0; i < n; i++) {
		wv t, lv, tv, dv;
		uint32_t k, len;
		int32_t level, type;
		const uint8_t *p;
		wv_next(&list, &item);
		t = item;
		wv_list(&t, &k);
		wv_next(&t, &lv);
		wv_next(&t, &tv);
		wv_next(&t, &dv);
		if (wv_cint(&lv, "cmsg_level", &level) < 0 || wv_cint(&tv, "cmsg_type", &type) < 0)
			return WS_RAISED;
		wv_bytes(&dv, "ancillary data", &p, &len);
		ws_put64le(buf + off, WS_CMSG_HDR + len);
		ws_put32le(buf + off + 8, (uint32_t)level);
		ws_put32le(buf + off + 12, (uint32_t)type);
		memcpy(buf + off + WS_CMSG_HDR, p, len);
		off += WS_CMSG_HDR + WS_CMSG_ALIGN(len);
	}
	*out = buf;
	*outlen = total;
	return 0;
}

int ws_m_sendmsg(struct ws_sock *s, ws_args *a)
{
	struct ws_msg m = { 0 };
	const wv *bufs = ws_arg(a, 0), *addr = ws_arg(a, 3);
	wv list, item;
	uint32_t n;
	if (wv_tag(bufs) != WV_LIST)
		return ws_type_error("sendmsg() argument 1 must be an iterable, not %s",
		                     wv_typename(bufs));
	list = *bufs;
	wv_list(&list, &n);
	if (n > 1024)
		return ws_os_error(-WS_EMSGSIZE, "sendmsg");
	m.iov = ws_scratch(sizeof *m.iov * (n ? n : 1));
	if (!m.iov)
		return ws_os_error(-WS_ENOMEM, "sendmsg");
	for (uint32_t i = 0; i < n; i++) {
		const uint8_t *p;
		uint32_t len;
		if (wv_next(&list, &item) < 0 ||
		    wv_bytes(&item, "sendmsg() argument 1 items", &p, &len) < 0)
			return WS_RAISED;
		m.iov[i].base = (void *)p;
		m.iov[i].len = len;
	}
	m.iovcnt = n;
	if (ws_ancdata(ws_arg(a, 1), &m.control, &m.controllen) < 0 ||
	    (ws_arg(a, 2) && wv_cint(ws_arg(a, 2), "sendmsg() flags", &m.flags) < 0))
		return WS_RAISED;
	if (addr && !wv_is_none(addr)) {
		m.name = ws_scratch(WS_SOCKADDR_MAX);
		if (ws_sockaddr_encode(s->family, s->proto, addr, "sendmsg", m.name, &m.namelen) < 0)
			return WS_RAISED;
	}
	int32_t r = ws_sock_call(s, 1, ws_sendmsg_once, &m, 0, s->timeout);
	if (r < 0)
		return ws_os_error(r, "sendmsg");
	return ws_out_int(r);
}

static int32_t ws_recvmsg_once(struct ws_sock *s, void *ctx)
{
	struct ws_msg *m = ctx;
	uint32_t *lens = (uint32_t *)(m->name + WS_SOCKADDR_MAX);
	lens[0] = WS_SOCKADDR_MAX;
	lens[1] = m->controllen;
	int32_t r = HOST(recvmsg)(s->fd, m->iov, m->iovcnt, m->name, &lens[0], m->control,
	                          &lens[1], &m->msg_flags, m->flags);
	return r;
}

/* Closes the descriptors of SCM_RIGHTS messages that will not reach the caller. */
static void ws_close_rights(const uint8_t *c, uint32_t len)
{
	for (uint32_t off = 0; off + WS_CMSG_HDR <= len;) {
		uint64_t cl = ws_get64le(c + off);
		if (cl < WS_CMSG_HDR)
			break;
		uint32_t end = cl > len - off ? len : off + (uint32_t)cl;
		if ((int32_t)ws_get32le(c + off + 8) == WS_SOL_SOCKET &&
		    (int32_t)ws_get32le(c + off + 12) == WS_SCM_RIGHTS)
			for (uint32_t p = off + WS_CMSG_HDR; p + 4 <= end; p += 4)
				HOST(close)((int32_t)ws_get32le(c + p));
		if (cl > len - off)
			break;
		off += WS_CMSG_ALIGN((uint32_t)cl);
	}
}

static int ws_out_ancdata(const uint8_t *c, uint32_t len)
{
	uint32_t count = 0, off;
	for (off = 0; off + WS_CMSG_HDR <= len; count++) {
		uint64_t cl = ws_get64le(c + off);
		if (cl < WS_CMSG_HDR || cl > len - off)
			break;
		off += WS_CMSG_ALIGN((uint32_t)cl);
	}
	/* A last message the kernel cut short (MSG_CTRUNC) keeps the data that arrived. */
	if (off + WS_CMSG_HDR <= len && ws_get64le(c + off) > len - off)
		count++;
	if (ws_out_list(count) < 0)
		return WS_RAISED;
	off = 0;
	for (uint32_t i = 0; i < count; i++) {
		uint64_t cl = ws_get64le(c + off);
		uint32_t dlen = (uint32_t)(cl > len - off ? len - off : cl) - WS_CMSG_HDR;
		if (ws_out_list(3) < 0 || ws_out_int((int32_t)ws_get32le(c + off + 8)) < 0 ||
		    ws_out_int((int32_t)ws_get32le(c + off + 12)) < 0 ||
		    ws_out_bytes(c + off + WS_CMSG_HDR, dlen) < 0)
			return WS_RAISED;
		off += WS_CMSG_ALIGN((uint32_t)(cl > len - off ? len - off : cl));
	}
	return 0;
}

/* Receives into one area of n bytes (the I/O area), then writes the common result tail. */
static int ws_recvmsg(struct ws_sock *s, uint32_t n, const wv *ancv, const wv *flagv,
                      const char *fname, int want_data)
{
	int64_t anc = 0;
	struct ws_msg m = { 0 };
	if ((ancv && wv_int64(ancv, "ancbufsize", &anc) < 0) ||
	    (flagv && wv_cint(flagv, "flags", &m.flags) < 0))
		return WS_RAISED;
	if (anc < 0)
		return ws_value_error("negative buffer size in %s()", fname);
	if (anc > 0x7fffffff)
		return ws_value_error("%s(): ancbufsize too large", fname);
	m.iov = ws_scratch(sizeof *m.iov);
	if (!m.iov)
		return ws_os_error(-WS_ENOMEM, fname);
	m.iov->base = ws_io_area(n ? n : 1);
	m.iov->len = n;
	m.iovcnt = 1;
	m.name = ws_scratch(WS_SOCKADDR_MAX + 8);
	m.controllen = (uint32_t)anc;
	m.control = anc ? ws_scratch((size_t)anc) : NULL;
	if (!m.iov->base || !m.name || (anc && !m.control))
		return ws_os_error(-WS_ENOMEM, fname);
	int32_t r = ws_sock_call(s, 0, ws_recvmsg_once, &m, 0, s->timeout);
	if (r < 0)
		return ws_os_error(r, "recvmsg");
	const uint32_t *lens = (const uint32_t *)(m.name + WS_SOCKADDR_MAX);
	uint32_t ctl = lens[1] < m.controllen ? lens[1] : m.controllen;
	uint32_t namelen = lens[0] < WS_SOCKADDR_MAX ? lens[0] : WS_SOCKADDR_MAX;
	if (ws_out_list(4) < 0 ||
	    (want_data ? ws_out_bytes(m.iov->base, (uint32_t)r < n ? (uint32_t)r : n)
	               : ws_out_int(r)) < 0 ||
	    ws_out_ancdata(m.control, ctl) < 0 || ws_out_int(m.msg_flags) < 0 ||
	    ws_sockaddr_decode(m.name, namelen, s->proto) < 0) {
		ws_close_rights(m.control, ctl);
		r = WS_RAISED;
	}
	/* recvmsg copied the data into its result; recvmsg_into's bridge still reads it. */
	if (want_data)
		ws_io_trim();
	return r < 0 ? r : 0;
}

int ws_m_recvmsg(struct ws_sock *s, ws_args *a)
{
	int64_t n;
	if (wv_int64(ws_arg(a, 0), "recvmsg() bufsize", &n) < 0)
		return WS_RAISED;
	if (n < 0)
		return ws_value_error("negative buffer size in recvmsg()");
	if (n > 0x7fffffff)
		return ws_value_error("recvmsg(): bufsize too large");
	return ws_recvmsg(s, (uint32_t)n, ws_arg(a, 1), ws_arg(a, 2), "recvmsg", 1);
}

/* recvmsg_into(buffer lengths, ancbufsize=0, flags=0): the bridge scatters the I/O area. */
int ws_m_recvmsg_into(struct ws_sock *s, ws_args *a)
{
	const wv *bufs = ws_arg(a, 0);
	wv list, item;
	uint32_t n;
	uint64_t total = 0;
	if (wv_tag(bufs) != WV_LIST)
		return ws_type_error("recvmsg_into() argument 1 must be an iterable");
	list = *bufs;
	wv_list(&list, &n);
	if (n > 1024)
		return ws_os_error(-WS_EMSGSIZE, "recvmsg_into");
	for (uint32_t i = 0; i < n; i++) {
		int64_t len;
		if (wv_next(&list, &item) < 0 || wv_int64(&item, "buffer length", &len) < 0)
			return WS_RAISED;
		/* Checked one by one: negative lengths must not cancel out in the sum. */
		if (len < 0 || len > 0x7fffffff)
			return ws_value_error("recvmsg_into(): buffer length out of range");
		total += (uint64_t)len;
		if (total > 0x7fffffff)
			return ws_value_error("recvmsg_into(): buffers too large");
	}
	return ws_recvmsg(s, (uint32_t)total, ws_arg(a, 1), ws_arg(a, 2), "recvmsg_into", 0);
}
