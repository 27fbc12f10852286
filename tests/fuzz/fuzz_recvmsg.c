// SPDX-License-Identifier: MIT
/*
 * The socket methods against a hostile host (fakehost.c): recvmsg / recvmsg_into and
 * their control messages, the other receive calls, connect's SO_ERROR, sendfile's
 * totals, accept, names and options, and the module functions that parse the host's
 * records (getaddrinfo, gethostbyname_ex, if_nameindex, ...). Each step of an input is
 *   u8 what, u8 arglen, arglen bytes of arguments, u16 hostlen, hostlen bytes
 * where the host's bytes are the answers of every host call the step makes. The core
 * must end each call in a well-formed result or error, whatever the host says.
 */
#include "fakehost.h"
#include "fuzz.h"

static const char *const methods[] = {
	"recvmsg", "recvmsg_into", "recvfrom", "recv", "recv_into", "recvfrom_into", "connect",
	"connect_ex", "getsockopt", "sendfile", "accept", "getsockname", "getpeername",
	"sendmsg", "settimeout", "setblocking", "sendall", "sendto", "dup", "setsockopt",
	"sendmsg_afalg", "bind", "listen", "shutdown", "getblocking", "gettimeout",
	"get_inheritable", "set_inheritable", "info", "detach", "close",
};
#define NMETHODS (sizeof methods / sizeof methods[0])
static const char *const fns[] = {
	"getaddrinfo", "gethostbyname_ex", "gethostbyaddr", "getnameinfo", "if_nameindex",
	"gethostname", "getservbyport", "if_indextoname", "getfqdn", "socketpair",
};
#define NFNS (sizeof fns / sizeof fns[0])
static const int32_t families[] = { WS_AF_INET, WS_AF_INET6, WS_AF_UNIX, WS_AF_CAN,
	                            WS_AF_PACKET, WS_AF_NETLINK, WS_AF_TIPC, WS_AF_VSOCK,
	                            WS_AF_BLUETOOTH, WS_AF_ALG };

static uint32_t m_idx[NMETHODS], f_idx[NFNS], f_socket, m_close;

/* Socket ids in a result ([id, family, type, proto] lists), to close them afterwards. */
static int32_t ids[64];
static unsigned nids;

static void collect(wv *v, int depth)
{
	uint32_t n;
	wv item;
	if (depth > 8 || wv_tag(v) != WV_LIST) {
		wv_skip(v);
		return;
	}
	wv l = *v;
	if (wv_skip(v) < 0 || wv_list(&l, &n) < 0)
		return;
	if (n == 4) {
		wv first = l;
		int64_t id;
		if (wv_next(&first, &item) == 0 && wv_tag(&item) == WV_INT &&
		    wv_int64(&item, "id", &id) == 0 && id > 0 && id <= INT32_MAX &&
		    nids < sizeof ids / sizeof ids[0])
			ids[nids++] = (int32_t)id;
	}
	for (uint32_t i = 0; i < n; i++)
		collect(&l, depth + 1);
}

static void note_ids(int32_t r)
{
	if (r <= 0)
		return;
	wv v = { ws_out(), ws_out() + r };
	collect(&v, 0);
}

static int32_t call_method(uint32_t m, int32_t id, const uint8_t *args, uint32_t n)
{
	uint8_t *a = ws_arg_area(n);
	if (!a)
		abort();
	if (n)
		memcpy(a, args, n);
	return ws_method(m, id, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2 || size > 16384)
		return 0;
	if (!f_socket) {
		for (unsigned i = 0; i < NMETHODS; i++)
			m_idx[i] = fz_method(methods[i]);
		for (unsigned i = 0; i < NFNS; i++)
			f_idx[i] = fz_fn(fns[i]);
		f_socket = fz_fn("socket");
		m_close = fz_method("close");
	}
	struct fz_in in = { data, size };
	struct fz_w *w = malloc(sizeof *w);
	nids = 0;
	/* socket(family, type): the host answers fd 3 (result kind 1, value 3). */
	uint8_t fam = fz_u8(&in), type = fz_u8(&in);
	static const uint8_t fd3[] = { 3 << 3 | 1 };
	fakehost_feed(fd3, sizeof fd3);
	w->n = 0;
	fz_list(w, 3);
	fz_int(w, families[fam % (sizeof families / sizeof families[0])]);
	fz_int(w, 1 + type % 5);
	fz_int(w, type >> 4);
	int32_t r = fz_call(f_socket, w);
	fz_check_result(r);
	int32_t id = -1;
	if (r > 0) {
		note_ids(r);
		id = nids ? ids[0] : -1;
	}
	while (in.n >= 2) {
		uint8_t what = fz_u8(&in);
		size_t alen = fz_u8(&in);
		const uint8_t *args = fz_bytes(&in, &alen);
		size_t hlen = fz_u8(&in) | (size_t)fz_u8(&in) << 8;
		const uint8_t *host = fz_bytes(&in, &hlen);
		fakehost_feed(host, hlen);
		w->n = 0;
		if (what & 0x80) {
			/* a module function with raw arguments */
			fz_raw(w, args, (uint32_t)alen);
			r = fz_call(f_idx[(what & 0x7f) % NFNS], w);
		} else if (what & 0x40 && alen >= 6) {
			/* recvmsg(bufsize, ancbufsize, flags) with small sizes: the cmsg path */
			fz_list(w, 3);
			fz_int(w, ws_get16le(args) & 0x3ff);
			fz_int(w, ws_get16le(args + 2) & 0x3ff);
			fz_int(w, (int16_t)ws_get16le(args + 4));
			r = call_method(m_idx[what & 1], id, w->b, w->n);
			if (what & 1) {
				/* recvmsg_into takes buffer lengths: redo it as [[n], anc, flags] */
				w->n = 0;
				fz_list(w, 3);
				fz_list(w, 2);
				fz_int(w, ws_get16le(args) & 0x3ff);
				fz_int(w, args[1]);
				fz_int(w, ws_get16le(args + 2) & 0x3ff);
				fz_int(w, (int16_t)ws_get16le(args + 4));
				fz_check_result(r);
				fakehost_feed(host, hlen);
				r = call_method(m_idx[1], id, w->b, w->n);
			}
		} else {
			r = call_method(m_idx[(what & 0x3f) % NMETHODS], id, args, (uint32_t)alen);
		}
		fz_check_result(r);
		note_ids(r);
	}
	/* Close whatever this input opened (the host answers EIO: the slot is freed anyway). */
	fakehost_feed(NULL, 0);
	for (unsigned i = 0; i < nids; i++) {
		static const uint8_t empty[] = { WV_LIST, 0, 0, 0, 0 };
		call_method(m_close, ids[i], empty, sizeof empty);
	}
	free(w);
	return 0;
}
