/* SPDX-License-Identifier: MIT */
/* UDP over IPv4 and IPv6: datagrams, source addresses, connected sockets,
   truncation, and ancillary data (packet info, TTL/hop limit). */
#include "conf.h"

static void cmsgs(const char *tag, struct msghdr *m)
{
	for (struct cmsghdr *c = CMSG_FIRSTHDR(m); c; c = CMSG_NXTHDR(m, c)) {
		size_t d = c->cmsg_len - CMSG_LEN(0);
		if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
			struct in_pktinfo pi;
			memcpy(&pi, CMSG_DATA(c), sizeof pi);
			char h[32], h2[32];
			inet_ntop(AF_INET, &pi.ipi_addr, h, sizeof h);
			inet_ntop(AF_INET, &pi.ipi_spec_dst, h2, sizeof h2);
			SAY("%s cmsg IP_PKTINFO: ifindex %d dst %s spec %s datalen %zu\n", tag, pi.ipi_ifindex, h, h2, d);
		} else if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL) {
			int ttl;
			memcpy(&ttl, CMSG_DATA(c), 4);
			SAY("%s cmsg IP_TTL: %d datalen %zu\n", tag, ttl, d);
		} else if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_PKTINFO) {
			struct in6_pktinfo pi;
			memcpy(&pi, CMSG_DATA(c), sizeof pi);
			char h[64];
			inet_ntop(AF_INET6, &pi.ipi6_addr, h, sizeof h);
			SAY("%s cmsg IPV6_PKTINFO: ifindex %u dst %s datalen %zu\n", tag, pi.ipi6_ifindex, h, d);
		} else if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_HOPLIMIT) {
			int hl;
			memcpy(&hl, CMSG_DATA(c), 4);
			SAY("%s cmsg IPV6_HOPLIMIT: %d datalen %zu\n", tag, hl, d);
		} else {
			SAY("%s cmsg level %d type %d datalen %zu\n", tag, c->cmsg_level, c->cmsg_type, d);
		}
	}
}

static void family(int af, const char *tag)
{
	char n[96];
#define NM(x) (snprintf(n, sizeof n, "%s %s", tag, x), n)
	struct sockaddr_storage ss = { 0 }, got;
	socklen_t sl, gl;
	if (af == AF_INET) {
		struct sockaddr_in *a = (void *)&ss;
		a->sin_family = AF_INET;
		a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		sl = sizeof *a;
	} else {
		struct sockaddr_in6 *a = (void *)&ss;
		a->sin6_family = AF_INET6;
		a->sin6_addr = in6addr_loopback;
		sl = sizeof *a;
	}
	int r = socket(af, SOCK_DGRAM, 0), s = socket(af, SOCK_DGRAM, 0);
	CASE(NM("bind receiver"), bind(r, (struct sockaddr *)&ss, sl));
	struct sockaddr_storage ra;
	socklen_t ral = sizeof ra;
	getsockname(r, (struct sockaddr *)&ra, &ral);
	SAY("%s: %s\n", NM("receiver address"), addrstr(&ra, ral, 0));
	CASE(NM("bind sender"), bind(s, (struct sockaddr *)&ss, sl));
	int one = 1;
	if (af == AF_INET) {
		CASE(NM("IP_PKTINFO on"), setsockopt(r, IPPROTO_IP, IP_PKTINFO, &one, sizeof one));
		CASE(NM("IP_RECVTTL on"), setsockopt(r, IPPROTO_IP, IP_RECVTTL, &one, sizeof one));
	} else {
		CASE(NM("IPV6_RECVPKTINFO on"), setsockopt(r, IPPROTO_IPV6, IPV6_RECVPKTINFO, &one, sizeof one));
		CASE(NM("IPV6_RECVHOPLIMIT on"), setsockopt(r, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &one, sizeof one));
	}
	CASE(NM("sendto"), sendto(s, "datagram-one", 12, 0, (struct sockaddr *)&ra, ral));
	CASE(NM("sendto empty"), sendto(s, "", 0, 0, (struct sockaddr *)&ra, ral));
	CASE(NM("sendto no address"), sendto(s, "x", 1, 0, NULL, 0));
	char buf[64];
	gl = sizeof got;
	SAY("%s: %s\n", NM("poll receiver"), readiness(r, POLLIN, 1000));
	char ctl[256];
	struct iovec iov[2] = { { buf, 4 }, { buf + 4, 60 } };
	struct msghdr m = { .msg_name = &got, .msg_namelen = gl, .msg_iov = iov, .msg_iovlen = 2,
	                    .msg_control = ctl, .msg_controllen = sizeof ctl };
	CASE(NM("recvmsg"), recvmsg(r, &m, 0));
	SAY("%s: %.12s from %s flags %d\n", NM("recvmsg data"), buf, addrstr(&got, m.msg_namelen, 0), m.msg_flags);
	cmsgs(tag, &m);
	m.msg_namelen = sizeof got;
	m.msg_controllen = sizeof ctl;
	CASE(NM("recvmsg empty datagram"), recvmsg(r, &m, 0));
	/* Truncation: a 12-byte datagram into 5 bytes, with MSG_TRUNC reporting the size. */
	sendto(s, "datagram-two", 12, 0, (struct sockaddr *)&ra, ral);
	CASE(NM("recv MSG_TRUNC"), recv(r, buf, 5, MSG_TRUNC));
	sendto(s, "datagram-3!!", 12, 0, (struct sockaddr *)&ra, ral);
	m.msg_namelen = sizeof got;
	m.msg_controllen = sizeof ctl;
	iov[0].iov_len = 3;
	m.msg_iovlen = 1;
	CASE(NM("recvmsg truncated"), recvmsg(r, &m, 0));
	SAY("%s: %d\n", NM("recvmsg MSG_TRUNC flag"), !!(m.msg_flags & MSG_TRUNC));
	/* Control buffer too small for both messages: MSG_CTRUNC. */
	sendto(s, "datagram-4", 10, 0, (struct sockaddr *)&ra, ral);
	m.msg_namelen = sizeof got;
	m.msg_controllen = CMSG_SPACE(sizeof(int));
	iov[0].iov_len = 64;
	CASE(NM("recvmsg small control"), recvmsg(r, &m, 0));
	/* What part of the cut message remains depends on the header size (16 bytes
	   natively, 12 in wasm32), so only the flag is compared. */
	SAY("%s: %d\n", NM("recvmsg MSG_CTRUNC flag"), !!(m.msg_flags & MSG_CTRUNC));
	/* recvfrom with the address. */
	sendto(s, "five5", 5, 0, (struct sockaddr *)&ra, ral);
	gl = sizeof got;
	CASE(NM("recvfrom"), recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&got, &gl));
	SAY("%s: %s\n", NM("recvfrom address"), addrstr(&got, gl, 0));
	CASE(NM("recvfrom nonblocking empty"), recvfrom(r, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL));
	/* Connected UDP. */
	CASE(NM("connect"), connect(s, (struct sockaddr *)&ra, ral));
	CASE(NM("send connected"), send(s, "conn", 4, 0));
	CASE(NM("recv connected"), recv(r, buf, sizeof buf, 0));
	gl = sizeof got;
	CASE(NM("getpeername connected"), getpeername(s, (struct sockaddr *)&got, &gl));
	SAY("%s: %s\n", NM("peer"), addrstr(&got, gl, 0));
	/* sendmsg with a gather list. */
	struct iovec out[3] = { { "ab", 2 }, { "cd", 2 }, { "ef", 2 } };
	struct msghdr om = { .msg_iov = out, .msg_iovlen = 3 };
	CASE(NM("sendmsg gather"), sendmsg(s, &om, 0));
	CASE(NM("recv gathered"), recv(r, buf, sizeof buf, 0));
	SAY("%s: %.6s\n", NM("gathered data"), buf);
	/* ICMP port unreachable -> ECONNREFUSED on a connected socket. */
	close(r);
	send(s, "nobody", 6, 0);
	SAY("%s: %s\n", NM("poll after unreachable"), readiness(s, POLLIN, 1000));
	CASE(NM("recv after unreachable"), recv(s, buf, sizeof buf, MSG_DONTWAIT));
	CASE(NM("SO_TYPE dgram"), ({ int t = 0; socklen_t tl = sizeof t; getsockopt(s, SOL_SOCKET, SO_TYPE, &t, &tl); t; }));
	close(s);
#undef NM
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	family(AF_INET, "udp4");
	family(AF_INET6, "udp6");
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	int big = 70000;
	char *p = calloc(1, big);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(9) };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CASE("sendto too big", sendto(s, p, big, 0, (struct sockaddr *)&a, sizeof a));
	int b = 1;
	CASE("SO_BROADCAST", setsockopt(s, SOL_SOCKET, SO_BROADCAST, &b, sizeof b));
	struct ip_mreqn mr = { 0 };
	mr.imr_multiaddr.s_addr = inet_addr("239.1.2.3");
	mr.imr_ifindex = 1;
	CASE("IP_ADD_MEMBERSHIP lo", setsockopt(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mr, sizeof mr));
	CASE("IP_ADD_MEMBERSHIP short", setsockopt(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mr, 3));
	int ttl = 0;
	socklen_t tl = sizeof ttl;
	CASE("IP_TTL get", getsockopt(s, IPPROTO_IP, IP_TTL, &ttl, &tl));
	SAY("IP_TTL value: %d\n", ttl);
	CASE("IP_MULTICAST_LOOP get", ({ unsigned char v = 9; socklen_t vl = 1; getsockopt(s, IPPROTO_IP, IP_MULTICAST_LOOP, &v, &vl) < 0 ? -1 : v; }));
	free(p);
	close(s);
	return conf_done();
}
