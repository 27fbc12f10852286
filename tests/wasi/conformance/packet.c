/* SPDX-License-Identifier: MIT */
/* AF_PACKET on the loopback interface: sockaddr_ll, binding by index, and an
   IPv4 datagram seen by a cooked (SOCK_DGRAM) packet socket. Needs CAP_NET_RAW;
   without it both builds print the same EPERM. */
#include "conf.h"
#include <net/if.h>
#include <sys/ioctl.h>
#include <linux/if_packet.h>
#include <linux/if_ether.h>

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	int p = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_IP));
	CASE_OK("socket packet dgram", p);
	if (p < 0)
		return conf_done();
	int lo = (int)if_nametoindex("lo");
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	CASE("SIOCGIFINDEX lo", ioctl(p, SIOCGIFINDEX, &ifr));
	SAY("ifindex matches if_nametoindex: %d\n", ifr.ifr_ifindex == lo);
	CASE("SIOCGIFFLAGS lo", ioctl(p, SIOCGIFFLAGS, &ifr));
	SAY("lo flags UP %d LOOPBACK %d\n", !!(ifr.ifr_flags & IFF_UP), !!(ifr.ifr_flags & IFF_LOOPBACK));
	CASE("SIOCGIFMTU lo", ioctl(p, SIOCGIFMTU, &ifr));
	SAY("lo mtu>0 %d\n", ifr.ifr_mtu > 0);
	memset(&ifr, 0, sizeof ifr);
	ifr.ifr_ifindex = lo;
	CASE("SIOCGIFNAME", ioctl(p, SIOCGIFNAME, &ifr));
	SAY("SIOCGIFNAME name: %s\n", ifr.ifr_name);
	strcpy(ifr.ifr_name, "nonesuch0");
	CASE("SIOCGIFINDEX missing", ioctl(p, SIOCGIFINDEX, &ifr));
	struct sockaddr_ll ll = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP), .sll_ifindex = lo };
	CASE("bind lo", bind(p, (struct sockaddr *)&ll, sizeof ll));
	struct sockaddr_ll got;
	socklen_t gl = sizeof got;
	CASE("getsockname", getsockname(p, (struct sockaddr *)&got, &gl));
	SAY("sockaddr_ll: len %u family %d proto 0x%04x ifindex-is-lo %d hatype %d halen %d\n",
	    (unsigned)gl, got.sll_family, ntohs(got.sll_protocol), got.sll_ifindex == lo, got.sll_hatype,
	    got.sll_halen);
	/* A UDP datagram to a port of ours on 127.0.0.1, caught by the packet socket. */
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bind(u, (struct sockaddr *)&a, sizeof a);
	socklen_t al = sizeof a;
	getsockname(u, (struct sockaddr *)&a, &al);
	CASE("udp sendto self", sendto(u, "packet-probe", 12, 0, (struct sockaddr *)&a, sizeof a));
	unsigned char buf[2048];
	int found = 0;
	for (int i = 0; i < 200 && !found; i++) {
		struct pollfd pf = { p, POLLIN, 0 };
		if (poll(&pf, 1, 1000) <= 0)
			break;
		gl = sizeof got;
		int n = recvfrom(p, buf, sizeof buf, 0, (struct sockaddr *)&got, &gl);
		if (n >= 28 && buf[9] == 17 && memcmp(buf + 22, &a.sin_port, 2) == 0 &&
		    !memcmp(buf + 28, "packet-probe", 12)) {
			found = 1;
			SAY("caught: len %d version %d proto %d from ll family %d proto 0x%04x pkttype %d halen %d\n",
			    n, buf[0] >> 4, buf[9], got.sll_family, ntohs(got.sll_protocol), got.sll_pkttype,
			    got.sll_halen);
		}
	}
	SAY("probe found: %d\n", found);
	int v = 0;
	socklen_t vl = sizeof v;
	CASE("SO_TYPE", getsockopt(p, SOL_SOCKET, SO_TYPE, &v, &vl));
	SAY("SO_TYPE value: %d\n", v);
	struct packet_mreq mr = { .mr_ifindex = lo, .mr_type = PACKET_MR_PROMISC };
	CASE("PACKET_ADD_MEMBERSHIP promisc", setsockopt(p, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof mr));
	CASE("PACKET_DROP_MEMBERSHIP promisc", setsockopt(p, SOL_PACKET, PACKET_DROP_MEMBERSHIP, &mr, sizeof mr));
	close(u);
	close(p);
	int r = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	CASE_OK("socket packet raw", r);
	ll.sll_protocol = htons(ETH_P_ALL);
	CASE("bind raw lo", bind(r, (struct sockaddr *)&ll, sizeof ll));
	ll.sll_ifindex = 999999;
	CASE("bind raw missing ifindex", bind(r, (struct sockaddr *)&ll, sizeof ll));
	close(r);
	return conf_done();
}
