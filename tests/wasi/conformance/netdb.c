/* SPDX-License-Identifier: MIT */
/* The name service and the address codecs: getaddrinfo answers and errors,
   getnameinfo, gethostbyname/addr, services, protocols, interfaces, inet_*. */
#include "conf.h"
#include <netdb.h>
#include <net/if.h>

static void gai(const char *node, const char *serv, int family, int socktype, int flags)
{
	struct addrinfo h = { .ai_family = family, .ai_socktype = socktype, .ai_flags = flags }, *res;
	int r = getaddrinfo(node, serv, &h, &res);
	conf_cases++;
	printf("getaddrinfo(%s, %s, fam %d, type %d, flags 0x%x): ", node ? node : "NULL",
	       serv ? serv : "NULL", family, socktype, flags);
	if (r) {
		printf("%d %s%s%s\n", r, gai_strerror(r), r == EAI_SYSTEM ? " " : "",
		       r == EAI_SYSTEM ? errname(errno) : "");
		return;
	}
	printf("\n");
	for (struct addrinfo *a = res; a; a = a->ai_next) {
		conf_cases++;
		printf("  flags 0x%x fam %d type %d proto %d canon %s %s\n", a->ai_flags, a->ai_family,
		       a->ai_socktype, a->ai_protocol, a->ai_canonname ? a->ai_canonname : "NULL",
		       addrstr(a->ai_addr, a->ai_addrlen, 1));
	}
	freeaddrinfo(res);
}

static void gni(const char *ip, int port, int flags)
{
	struct sockaddr_storage ss = { 0 };
	socklen_t l;
	if (strchr(ip, ':')) {
		struct sockaddr_in6 *a = (void *)&ss;
		a->sin6_family = AF_INET6;
		a->sin6_port = htons(port);
		inet_pton(AF_INET6, ip, &a->sin6_addr);
		l = sizeof *a;
	} else {
		struct sockaddr_in *a = (void *)&ss;
		a->sin_family = AF_INET;
		a->sin_port = htons(port);
		inet_pton(AF_INET, ip, &a->sin_addr);
		l = sizeof *a;
	}
	char h[NI_MAXHOST], s[NI_MAXSERV];
	int r = getnameinfo((struct sockaddr *)&ss, l, h, sizeof h, s, sizeof s, flags);
	SAY("getnameinfo(%s, %d, 0x%x): %d %s %s\n", ip, port, flags, r, r ? gai_strerror(r) : h, r ? "" : s);
}

static void hostent(const char *what, struct hostent *he)
{
	if (!he) {
		SAY("%s: NULL h_errno %d %s\n", what, h_errno, hstrerror(h_errno));
		return;
	}
	int na = 0;
	for (char **p = he->h_addr_list; *p; p++)
		na++;
	char a[INET6_ADDRSTRLEN] = "-";
	if (na)
		inet_ntop(he->h_addrtype, he->h_addr_list[0], a, sizeof a);
	SAY("%s: name %s type %d len %d addrs %d first %s\n", what, he->h_name, he->h_addrtype,
	    he->h_length, na, a);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	gai("127.0.0.1", "80", AF_UNSPEC, SOCK_STREAM, 0);
	gai("127.0.0.1", "80", AF_UNSPEC, 0, 0);
	gai("::1", "http", AF_INET6, SOCK_DGRAM, 0);
	gai("localhost", "8080", AF_INET, SOCK_STREAM, AI_CANONNAME);
	gai("localhost", NULL, AF_UNSPEC, SOCK_STREAM, 0);
	gai(NULL, "443", AF_UNSPEC, SOCK_STREAM, AI_PASSIVE);
	gai(NULL, "443", AF_INET, SOCK_DGRAM, 0);
	gai("1.2.3", "0", AF_INET, SOCK_STREAM, 0);
	gai("0x7f.1", NULL, AF_INET, SOCK_STREAM, AI_NUMERICHOST);
	gai("fe80::1%lo", "22", AF_INET6, SOCK_STREAM, AI_NUMERICHOST);
	gai("localhost", "80", AF_UNSPEC, SOCK_STREAM, AI_NUMERICHOST);
	gai("no-such-host.invalid", "80", AF_UNSPEC, SOCK_STREAM, 0);
	gai("127.0.0.1", "no-such-service", AF_UNSPEC, SOCK_STREAM, 0);
	gai("127.0.0.1", "80", 12345, SOCK_STREAM, 0);
	gai("127.0.0.1", "80", AF_INET, 77, 0);
	gai(NULL, NULL, AF_UNSPEC, 0, 0);
	gai("127.0.0.1", "80", AF_UNSPEC, SOCK_STREAM, 0x4000000);
	gai("127.0.0.1", "domain", AF_INET, 0, AI_NUMERICSERV);
	gai("::ffff:1.2.3.4", "1", AF_INET6, SOCK_RAW, 0);
	gai("127.0.0.1", "80", AF_INET6, SOCK_STREAM, AI_V4MAPPED);
	gni("127.0.0.1", 80, NI_NUMERICHOST | NI_NUMERICSERV);
	gni("127.0.0.1", 80, NI_NUMERICHOST);
	gni("127.0.0.1", 53, NI_NUMERICHOST | NI_DGRAM);
	gni("::1", 22, NI_NUMERICHOST);
	gni("fe80::1", 22, NI_NUMERICHOST | NI_NUMERICSERV);
	gni("127.0.0.1", 80, NI_NAMEREQD | NI_NUMERICSERV);
	gni("192.0.2.1", 1, NI_NAMEREQD);
	{
		char h[4];
		struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(80) };
		a.sin_addr.s_addr = htonl(0x7f000001);
		int r = getnameinfo((struct sockaddr *)&a, sizeof a, h, sizeof h, NULL, 0, NI_NUMERICHOST);
		SAY("getnameinfo small host buffer: %d %s\n", r, gai_strerror(r));
		r = getnameinfo((struct sockaddr *)&a, 3, h, sizeof h, NULL, 0, NI_NUMERICHOST);
		SAY("getnameinfo short sockaddr: %d %s\n", r, gai_strerror(r));
	}
	for (int e = -1; e >= -12; e--)
		SAY("gai_strerror(%d): %s\n", e, gai_strerror(e));
	SAY("gai_strerror(EAI_SYSTEM): %s\n", gai_strerror(EAI_SYSTEM));
	hostent("gethostbyname localhost", gethostbyname("localhost"));
	hostent("gethostbyname 127.0.0.1", gethostbyname("127.0.0.1"));
	hostent("gethostbyname2 ::1", gethostbyname2("::1", AF_INET6));
	hostent("gethostbyname invalid", gethostbyname("no-such-host.invalid"));
	{
		struct in_addr lo = { htonl(0x7f000001) };
		hostent("gethostbyaddr 127.0.0.1", gethostbyaddr(&lo, 4, AF_INET));
		struct in_addr nx = { htonl(0xc0000201) };
		hostent("gethostbyaddr 192.0.2.1", gethostbyaddr(&nx, 4, AF_INET));
	}
	{
		struct hostent he, *r;
		char buf[16];
		int herr = 0;
		int rc = gethostbyname_r("localhost", &he, buf, sizeof buf, &r, &herr);
		SAY("gethostbyname_r small buffer: %s result %s\n", rc ? errname(rc) : "0", r ? "set" : "NULL");
		char big[1024];
		rc = gethostbyname_r("localhost", &he, big, sizeof big, &r, &herr);
		SAY("gethostbyname_r: %d %s\n", rc, r ? r->h_name : "NULL");
	}
	for (int h = 1; h <= 4; h++)
		SAY("hstrerror(%d): %s\n", h, hstrerror(h));
	struct servent *se = getservbyname("http", "tcp");
	SAY("getservbyname http/tcp: %s %d %s\n", se ? se->s_name : "NULL", se ? ntohs(se->s_port) : -1,
	    se ? se->s_proto : "");
	se = getservbyname("domain", "udp");
	SAY("getservbyname domain/udp: %d\n", se ? ntohs(se->s_port) : -1);
	se = getservbyname("no-such-service", NULL);
	SAY("getservbyname missing: %s\n", se ? "found" : "NULL");
	se = getservbyport(htons(22), "tcp");
	SAY("getservbyport 22/tcp: %s\n", se ? se->s_name : "NULL");
	se = getservbyport(htons(9), "udp");
	SAY("getservbyport 9/udp: %s\n", se ? se->s_name : "NULL");
	se = getservbyport(htons(61999), "tcp");
	SAY("getservbyport 61999: %s\n", se ? se->s_name : "NULL");
	struct protoent *pe = getprotobyname("udp");
	SAY("getprotobyname udp: %d\n", pe ? pe->p_proto : -1);
	pe = getprotobyname("ipv6-icmp");
	SAY("getprotobyname ipv6-icmp: %d\n", pe ? pe->p_proto : -1);
	pe = getprotobyname("nonesuch");
	SAY("getprotobyname nonesuch: %s\n", pe ? "found" : "NULL");

	SAY("if_nametoindex lo: %u\n", if_nametoindex("lo"));
	errno = 0;
	unsigned nx = if_nametoindex("nonesuch0");
	int nxe = errno;
	SAY("if_nametoindex nonesuch0: %u %s\n", nx, errname(nxe));
	char ifn[IF_NAMESIZE];
	SAY("if_indextoname 1: %s\n", if_indextoname(1, ifn) ? ifn : "NULL");
	errno = 0;
	const char *in = if_indextoname(99999, ifn);
	int ie = errno;
	SAY("if_indextoname 99999: %s %s\n", in ? in : "NULL", errname(ie));
	struct if_nameindex *ni = if_nameindex();
	int has_lo = 0, count = 0;
	for (struct if_nameindex *p = ni; p && p->if_index; p++, count++)
		if (!strcmp(p->if_name, "lo") && p->if_index == 1)
			has_lo = 1;
	SAY("if_nameindex: lo at 1 %d, some %d\n", has_lo, count > 0);
	if_freenameindex(ni);
	char hn[256], hn2[2];
	CASE("gethostname", gethostname(hn, sizeof hn));
	CASE("gethostname tiny buffer", gethostname(hn2, 1));

	const char *v4[] = { "1.2.3.4", "1.2.3", "1.2", "1", "0x7f.1", "017700000001", "1.2.3.4 junk",
	                     "1.2.3.04", "256.1.1.1", "1.2.3.4.5", "", " 1.2.3.4", "4294967295",
	                     "4294967296", "0x", "1..2", "1.2.3.4\t", "0xffffffff", "1.0x100.1", "x1", "0.0.0.0 ", "09" };
	for (size_t i = 0; i < sizeof v4 / sizeof *v4; i++) {
		struct in_addr a = { 0 };
		int r = inet_aton(v4[i], &a);
		unsigned char p[4] = { 0 };
		int rp = inet_pton(AF_INET, v4[i], p);
		SAY("inet '%s': aton %d %s pton %d %u.%u.%u.%u addr 0x%08x network 0x%08x\n", v4[i], r,
		    inet_ntoa(a), rp, p[0], p[1], p[2], p[3], (unsigned)inet_addr(v4[i]),
		    (unsigned)inet_network(v4[i]));
	}
	const char *v6[] = { "::", "::1", "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "2001:db8::1",
	                     "2001:DB8:0:0:1:0:0:1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", ":::",
	                     "1::2::3", "fe80::1%lo", "::1.2.3", "0:0:0:0:0:0:0:0", "1:0:0:2::3",
	                     "::ffff:0:0", "12345::", "1:2:3:4:5:6:7::" };
	for (size_t i = 0; i < sizeof v6 / sizeof *v6; i++) {
		unsigned char b[16];
		int r = inet_pton(AF_INET6, v6[i], b);
		char out[INET6_ADDRSTRLEN] = "";
		if (r == 1)
			inet_ntop(AF_INET6, b, out, sizeof out);
		SAY("inet6 '%s': pton %d ntop %s\n", v6[i], r, out);
	}
	unsigned char b4[4] = { 10, 0, 0, 1 };
	char small[8];
	errno = 0;
	const char *nt = inet_ntop(AF_INET, b4, small, sizeof small);
	int ne = errno;
	SAY("inet_ntop small: %s %s\n", nt ? small : "NULL", errname(ne));
	errno = 0;
	int pr = inet_pton(12345, "1.2.3.4", b4);
	ne = errno;
	SAY("inet_pton bad family: %d %s\n", pr, errname(ne));
	struct in_addr m = inet_makeaddr(10, 5);
	SAY("inet_makeaddr(10,5): %s lnaof %u netof %u\n", inet_ntoa(m), (unsigned)inet_lnaof(m),
	    (unsigned)inet_netof(m));
	SAY("htons/ntohl: 0x%04x 0x%08x\n", htons(0x1234), (unsigned)ntohl(0x01020304));
	return conf_done();
}
