/* SPDX-License-Identifier: MIT */
/* Every overlay header compiles together, and the layouts that cross the host ABI
   are Linux's (checked at compile time), whatever order the headers come in. */
#define _GNU_SOURCE 1
#include <netdb.h>
#include <net/if.h>
#include <arpa/inet.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <poll.h>
#include <sys/poll.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stddef.h>
#include <stdio.h>
#include <linux/can.h>
#include <linux/can/raw.h>
#include <linux/can/isotp.h>
#include <linux/can/bcm.h>
#include <linux/can/j1939.h>
#include <linux/if_packet.h>
#include <linux/if_ether.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_alg.h>
#include <netinet/ip.h>
#include <netinet/icmp6.h>

_Static_assert(sizeof(struct sockaddr) == 16, "sockaddr");
_Static_assert(sizeof(struct sockaddr_in) == 16, "sockaddr_in");
_Static_assert(sizeof(struct sockaddr_in6) == 28, "sockaddr_in6");
_Static_assert(offsetof(struct sockaddr_in6, sin6_scope_id) == 24, "sin6_scope_id");
_Static_assert(sizeof(struct sockaddr_un) == 110, "sockaddr_un");
_Static_assert(sizeof(struct sockaddr_storage) == 128, "sockaddr_storage");
_Static_assert(sizeof(struct sockaddr_can) == 24, "sockaddr_can");
_Static_assert(sizeof(struct sockaddr_ll) == 20, "sockaddr_ll");
_Static_assert(sizeof(struct sockaddr_nl) == 12, "sockaddr_nl");
_Static_assert(sizeof(struct sockaddr_alg) == 88, "sockaddr_alg");
_Static_assert(sizeof(struct can_frame) == 16, "can_frame");
_Static_assert(sizeof(struct canfd_frame) == 72, "canfd_frame");
_Static_assert(sizeof(struct pollfd) == 8, "pollfd");
_Static_assert(sizeof(struct linger) == 8, "linger");
_Static_assert(sizeof(struct ip_mreqn) == 12, "ip_mreqn");
_Static_assert(sizeof(struct in6_pktinfo) == 20, "in6_pktinfo");
_Static_assert(sizeof(struct cmsghdr) == 12, "the guest's cmsghdr");
_Static_assert(AF_INET6 == 10 && AF_CAN == 29 && AF_PACKET == 17 && AF_NETLINK == 16 && AF_ALG == 38,
               "families");
_Static_assert(PF_INET == AF_INET && PF_UNIX == AF_UNIX, "PF_ names");
_Static_assert(SOCK_STREAM == 1 && SOCK_DGRAM == 2 && SOCK_RAW == 3 && SOCK_SEQPACKET == 5, "types");
_Static_assert(SOCK_NONBLOCK == 0x800 && SOCK_CLOEXEC == 0x80000, "type flags");
_Static_assert(SOL_SOCKET == 1 && SO_REUSEADDR == 2 && SO_ERROR == 4 && SO_RCVTIMEO == 20, "SOL_SOCKET");
_Static_assert(MSG_PEEK == 2 && MSG_DONTWAIT == 0x40 && MSG_NOSIGNAL == 0x4000, "MSG_");
_Static_assert(SHUT_RD == 0 && SHUT_RDWR == 2, "SHUT_");
_Static_assert(POLLIN == 1 && POLLOUT == 4 && POLLERR == 8 && POLLHUP == 16 && POLLRDHUP == 0x2000, "POLL");
_Static_assert(FIONREAD == 0x541B && FIONBIO == 0x5421 && SIOCGIFINDEX == 0x8933, "ioctls");
_Static_assert(IPPROTO_IPV6 == 41 && IPV6_V6ONLY == 26 && IP_PKTINFO == 8 && TCP_NODELAY == 1, "IP");
_Static_assert(EAI_NONAME == -2 && AI_CANONNAME == 2 && NI_NUMERICHOST == 1, "netdb");
_Static_assert(CMSG_SPACE(4) == 16 && CMSG_LEN(4) == 16, "CMSG in wasm32");
_Static_assert(ESHUTDOWN == 108 && ETOOMANYREFS == 109 && EHOSTDOWN == 112, "errno names WASI lacks");

int main(void)
{
	printf("layout ok: CAN_RAW %d NETLINK_ROUTE %d ALG_SET_KEY %d\n", CAN_RAW, NETLINK_ROUTE, ALG_SET_KEY);
	return 0;
}
