/* SPDX-License-Identifier: MIT */
/* TCP over IPv4 and IPv6 loopback: the connection life cycle, addresses,
   options, errors. */
#include "conf.h"
#include <netinet/tcp.h>

static int family_cases(int af, const char *tag)
{
	char n[96];
	struct sockaddr_storage ss;
	socklen_t sl;
	int one = 1;
#define NM(x) (snprintf(n, sizeof n, "%s %s", tag, x), n)

	int ls = socket(af, SOCK_STREAM, 0);
	CASE_OK(NM("socket"), ls);
	CASE(NM("setsockopt SO_REUSEADDR"), setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
	memset(&ss, 0, sizeof ss);
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
	CASE(NM("bind"), bind(ls, (struct sockaddr *)&ss, sl));
	CASE(NM("bind again"), bind(ls, (struct sockaddr *)&ss, sl));
	CASE(NM("accept before listen"), accept(ls, NULL, NULL));
	CASE(NM("listen"), listen(ls, 8));
	struct sockaddr_storage la;
	socklen_t lal = sizeof la;
	CASE(NM("getsockname"), getsockname(ls, (struct sockaddr *)&la, &lal));
	SAY("%s: %s\n", NM("listen address"), addrstr(&la, lal, 0));
	int v = 0;
	socklen_t vl = sizeof v;
	CASE(NM("getsockopt SO_ACCEPTCONN"), getsockopt(ls, SOL_SOCKET, SO_ACCEPTCONN, &v, &vl));
	SAY("%s: %d len %u\n", NM("SO_ACCEPTCONN value"), v, (unsigned)vl);
	vl = sizeof v;
	CASE(NM("getsockopt SO_TYPE"), getsockopt(ls, SOL_SOCKET, SO_TYPE, &v, &vl));
	SAY("%s: %d\n", NM("SO_TYPE value"), v);
	vl = sizeof v;
	CASE(NM("getsockopt SO_DOMAIN"), getsockopt(ls, SOL_SOCKET, SO_DOMAIN, &v, &vl));
	SAY("%s: %d\n", NM("SO_DOMAIN value"), v);
	vl = sizeof v;
	CASE(NM("getsockopt SO_PROTOCOL"), getsockopt(ls, SOL_SOCKET, SO_PROTOCOL, &v, &vl));
	SAY("%s: %d\n", NM("SO_PROTOCOL value"), v);

	int c = socket(af, SOCK_STREAM, 0);
	CASE(NM("getpeername unconnected"), getpeername(c, (struct sockaddr *)&ss, &sl));
	CASE(NM("send unconnected"), send(c, "x", 1, MSG_NOSIGNAL));
	CASE(NM("connect"), connect(c, (struct sockaddr *)&la, lal));
	CASE(NM("connect again"), connect(c, (struct sockaddr *)&la, lal));
	struct sockaddr_storage pa;
	socklen_t pal = sizeof pa;
	int s = accept(ls, (struct sockaddr *)&pa, &pal);
	CASE_OK(NM("accept"), s);
	SAY("%s: %s\n", NM("accept peer"), addrstr(&pa, pal, 0));
	pal = 4;
	CASE(NM("getpeername short buffer"), getpeername(c, (struct sockaddr *)&pa, &pal));
	SAY("%s: %u\n", NM("getpeername full length"), (unsigned)pal);
	CASE(NM("setsockopt TCP_NODELAY"), setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));
	vl = sizeof v;
	CASE(NM("getsockopt TCP_NODELAY"), getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, &vl));
	SAY("%s: %d\n", NM("TCP_NODELAY value"), v);
	CASE(NM("getsockopt bad level"), getsockopt(c, 9999, 1, &v, &vl));
	CASE(NM("getsockopt bad name"), getsockopt(c, SOL_SOCKET, 9999, &v, &vl));
	struct linger lg = { 1, 5 };
	CASE(NM("setsockopt SO_LINGER"), setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
	memset(&lg, 0, sizeof lg);
	vl = sizeof lg;
	CASE(NM("getsockopt SO_LINGER"), getsockopt(c, SOL_SOCKET, SO_LINGER, &lg, &vl));
	SAY("%s: %d %d len %u\n", NM("SO_LINGER value"), lg.l_onoff, lg.l_linger, (unsigned)vl);
	struct timeval tv = { 2, 500000 };
	CASE(NM("setsockopt SO_RCVTIMEO"), setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
	memset(&tv, 0, sizeof tv);
	vl = sizeof tv;
	CASE(NM("getsockopt SO_RCVTIMEO"), getsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, &vl));
	SAY("%s: %lld.%06ld len %u\n", NM("SO_RCVTIMEO value"), (long long)tv.tv_sec, (long)tv.tv_usec,
	    (unsigned)vl);

	CASE(NM("send"), send(c, "hello world", 11, 0));
	char buf[64];
	CASE(NM("recv MSG_PEEK"), recv(s, buf, 5, MSG_PEEK));
	CASE(NM("recv 5"), recv(s, buf, 5, 0));
	SAY("%s: %.5s\n", NM("recv data"), buf);
	CASE(NM("recv MSG_WAITALL 6"), recv(s, buf, 6, MSG_WAITALL));
	SAY("%s: %.6s\n", NM("recv data 2"), buf);
	CASE(NM("write"), write(s, "back", 4));
	CASE(NM("read"), read(c, buf, sizeof buf));
	SAY("%s: %.4s\n", NM("read data"), buf);
	CASE(NM("recv MSG_DONTWAIT empty"), recv(c, buf, sizeof buf, MSG_DONTWAIT));
	SAY("%s: %s\n", NM("poll idle"), readiness(c, POLLIN | POLLOUT, 0));
	CASE(NM("shutdown SHUT_WR"), shutdown(c, SHUT_WR));
	CASE(NM("send after SHUT_WR"), send(c, "x", 1, MSG_NOSIGNAL));
	SAY("%s: %s\n", NM("poll peer after SHUT_WR"), readiness(s, POLLIN, 1000));
	CASE(NM("recv EOF"), recv(s, buf, sizeof buf, 0));
	CASE(NM("shutdown bad how"), shutdown(c, 7));
	CASE(NM("close server side"), close(s));
	SAY("%s: %s\n", NM("poll after peer close"), readiness(c, POLLIN, 1000));
	CASE(NM("recv after peer close"), recv(c, buf, sizeof buf, 0));
	CASE(NM("close client"), close(c));
	CASE(NM("close listener"), close(ls));

	/* Refused: the port the listener had, now closed. */
	c = socket(af, SOCK_STREAM, 0);
	CASE(NM("connect refused"), connect(c, (struct sockaddr *)&la, lal));
	vl = sizeof v;
	CASE(NM("SO_ERROR after refused"), getsockopt(c, SOL_SOCKET, SO_ERROR, &v, &vl));
	SAY("%s: %s\n", NM("SO_ERROR value"), v ? errname(v) : "0");
	close(c);
	return 0;
#undef NM
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	family_cases(AF_INET, "inet");
	family_cases(AF_INET6, "inet6");
	CASE("socket bad family", socket(12345, SOCK_STREAM, 0));
	CASE("socket bad type", socket(AF_INET, 77, 0));
	CASE("socket bad protocol", socket(AF_INET, SOCK_STREAM, IPPROTO_UDP));
	CASE("close bad fd", close(1000));
	CASE("send bad fd", send(1000, "x", 1, 0));
	CASE("getsockname on stdout", getsockname(1, (struct sockaddr *)&(struct sockaddr_storage){0},
	                                          &(socklen_t){sizeof(struct sockaddr_storage)}));
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(1) };
	a.sin_addr.s_addr = htonl(0x7f000001);
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6 };
	CASE("bind inet socket to inet6 address", bind(s, (struct sockaddr *)&a6, sizeof a6));
	CASE("bind short length", bind(s, (struct sockaddr *)&a, 8));
	a.sin_addr.s_addr = inet_addr("192.0.2.1");
	a.sin_port = 0;
	CASE("bind unowned address", bind(s, (struct sockaddr *)&a, sizeof a));
	close(s);
	return conf_done();
}
