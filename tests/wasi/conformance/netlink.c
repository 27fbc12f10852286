/* SPDX-License-Identifier: MIT */
/* AF_NETLINK/NETLINK_ROUTE: bind, the kernel's answers to a link dump (the
   loopback interface) and to a request for a missing link (NLMSG_ERROR). */
#include "conf.h"
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>

struct req {
	struct nlmsghdr nh;
	struct ifinfomsg ifi;
};

static void dump_links(int s, unsigned seq, int index)
{
	struct req q = { 0 };
	q.nh.nlmsg_len = sizeof q;
	q.nh.nlmsg_type = RTM_GETLINK;
	q.nh.nlmsg_flags = NLM_F_REQUEST | (index ? 0 : NLM_F_DUMP);
	q.nh.nlmsg_seq = seq;
	q.ifi.ifi_family = AF_UNSPEC;
	q.ifi.ifi_index = index;
	struct sockaddr_nl k = { .nl_family = AF_NETLINK };
	struct iovec iov = { &q, sizeof q };
	struct msghdr m = { .msg_name = &k, .msg_namelen = sizeof k, .msg_iov = &iov, .msg_iovlen = 1 };
	CASE(index ? "sendmsg RTM_GETLINK one" : "sendmsg RTM_GETLINK dump", sendmsg(s, &m, 0));
	static char buf[65536];
	int done = 0, links = 0, lo_seen = 0;
	while (!done) {
		struct sockaddr_nl from;
		struct iovec riov = { buf, sizeof buf };
		struct msghdr rm = { .msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &riov, .msg_iovlen = 1 };
		int n = recvmsg(s, &rm, 0);
		if (n <= 0) {
			SAY("recvmsg: %d %s\n", n, n < 0 ? errname(errno) : "");
			return;
		}
		/* The number of replies depends on the host's interfaces: print the first's source. */
		if (!links && !done)
			SAY("reply from pid %u groups %u namelen %u\n", from.nl_pid, from.nl_groups,
			    (unsigned)rm.msg_namelen);
		for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, (unsigned)n); h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_seq != seq)
				continue;
			if (h->nlmsg_type == NLMSG_DONE) {
				done = 1;
				break;
			}
			if (h->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(h);
				SAY("NLMSG_ERROR: error %d (%s)\n", e->error, e->error ? "failure" : "ack");
				done = 1;
				break;
			}
			if (h->nlmsg_type != RTM_NEWLINK)
				continue;
			links++;
			struct ifinfomsg *ifi = NLMSG_DATA(h);
			int len = h->nlmsg_len - NLMSG_LENGTH(sizeof *ifi);
			for (struct rtattr *a = IFLA_RTA(ifi); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
				if (a->rta_type == IFLA_IFNAME && !strcmp(RTA_DATA(a), "lo")) {
					lo_seen = 1;
					SAY("link lo: index %d type %u up %d loopback %d\n", ifi->ifi_index, ifi->ifi_type,
					    !!(ifi->ifi_flags & IFF_UP), !!(ifi->ifi_flags & IFF_LOOPBACK));
				}
			}
			if (index)
				done = 1;
		}
	}
	SAY("links seen: some %d, lo %d\n", links > 0, lo_seen);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	CASE_OK("socket netlink route", s);
	if (s < 0)
		return conf_done();
	struct sockaddr_nl a = { .nl_family = AF_NETLINK };
	CASE("bind", bind(s, (struct sockaddr *)&a, sizeof a));
	struct sockaddr_nl got;
	socklen_t gl = sizeof got;
	CASE("getsockname", getsockname(s, (struct sockaddr *)&got, &gl));
	SAY("sockaddr_nl: len %u family %d pid>0 %d groups %u\n", (unsigned)gl, got.nl_family, got.nl_pid > 0,
	    got.nl_groups);
	int one = 1;
	CASE("NETLINK_EXT_ACK", setsockopt(s, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof one));
	int bufsz = 0;
	socklen_t bl = sizeof bufsz;
	CASE("SO_RCVBUF", getsockopt(s, SOL_SOCKET, SO_RCVBUF, &bufsz, &bl));
	dump_links(s, 1, 0);
	dump_links(s, 2, 1);
	dump_links(s, 3, 999999);
	CASE("socket netlink bad protocol", socket(AF_NETLINK, SOCK_RAW, 9999));
	CASE("socket netlink stream", socket(AF_NETLINK, SOCK_STREAM, NETLINK_ROUTE));
	close(s);
	return conf_done();
}
