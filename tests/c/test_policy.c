// SPDX-License-Identifier: MIT
/* host/sys's address policy (host/wasock_policy.h), natively, as a native embedder of
   WASI guests links it: deny by default, each rule kind, each family's bytes read the
   way Linux reads them. */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/can.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "../../host/wasock_policy.h"

static int failures;

#define EXPECT(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); \
			failures++; \
		} \
	} while (0)

static int v4(const struct wasock_policy *p, int use, const char *ip, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
	inet_pton(AF_INET, ip, &a.sin_addr);
	return wasock_policy_check(p, use, &a, sizeof a);
}

static int v6(const struct wasock_policy *p, int use, const char *ip, int port)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_port = htons(port) };
	inet_pton(AF_INET6, ip, &a.sin6_addr);
	return wasock_policy_check(p, use, &a, sizeof a);
}

static int un(const struct wasock_policy *p, int use, const char *path, size_t len)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	memcpy(a.sun_path, path, len);
	return wasock_policy_check(p, use, &a, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len));
}

int main(void)
{
	struct wasock_policy *p = wasock_policy_new();
	const uint8_t lo[4] = { 127, 0, 0, 1 }, net10[4] = { 10, 0, 0, 0 }, six[16] = { [15] = 1 };

	/* Deny by default. */
	EXPECT(v4(p, WASOCK_USE_CONNECT, "127.0.0.1", 80) == -EACCES);
	EXPECT(un(p, WASOCK_USE_BIND, "/tmp/x", 7) == -EACCES);

	EXPECT(wasock_policy_allow_ip(p, WASOCK_USE_CONNECT, lo, 4, 32, 80, 90) == 0);
	EXPECT(wasock_policy_allow_ip(p, WASOCK_USE_CONNECT, net10, 4, 8, 0, 65535) == 0);
	EXPECT(wasock_policy_allow_ip(p, WASOCK_USE_CONNECT, six, 16, 128, 53, 53) == 0);
	EXPECT(wasock_policy_allow_any_ip(p, WASOCK_USE_SENDTO, 9, 9) == 0);
	EXPECT(wasock_policy_allow_unix(p, WASOCK_USE_BIND, "/run/app/", 9, 1) == 0);
	EXPECT(wasock_policy_allow_unix(p, WASOCK_USE_CONNECT, "\0abs", 4, 0) == 0);
	EXPECT(wasock_policy_allow_ifname(p, WASOCK_USE_BIND, "lo") == 0);
	/* Bad rules. */
	EXPECT(wasock_policy_allow_ip(p, WASOCK_USE_CONNECT, lo, 5, 32, 0, 1) == -EINVAL);
	EXPECT(wasock_policy_allow_ip(p, WASOCK_USE_CONNECT, lo, 4, 33, 0, 1) == -EINVAL);
	EXPECT(wasock_policy_allow_any_ip(p, 7, 0, 1) == -EINVAL);
	EXPECT(wasock_policy_allow_any_ip(p, WASOCK_USE_BIND, 9, 8) == -EINVAL);

	/* IPv4: address, prefix, port range, use. */
	EXPECT(v4(p, WASOCK_USE_CONNECT, "127.0.0.1", 85) == 0);
	EXPECT(v4(p, WASOCK_USE_CONNECT, "127.0.0.1", 91) == -EACCES);
	EXPECT(v4(p, WASOCK_USE_CONNECT, "127.0.0.2", 80) == -EACCES);
	EXPECT(v4(p, WASOCK_USE_CONNECT, "10.200.3.4", 1) == 0);
	EXPECT(v4(p, WASOCK_USE_CONNECT, "11.0.0.1", 1) == -EACCES);
	EXPECT(v4(p, WASOCK_USE_BIND, "127.0.0.1", 80) == -EACCES);
	EXPECT(v4(p, WASOCK_USE_SENDTO, "8.8.8.8", 9) == 0);
	EXPECT(v4(p, WASOCK_USE_SENDTO, "8.8.8.8", 10) == -EACCES);
	/* IPv6, and IPv4-mapped IPv6 checked as IPv4. */
	EXPECT(v6(p, WASOCK_USE_CONNECT, "::1", 53) == 0);
	EXPECT(v6(p, WASOCK_USE_CONNECT, "::1", 54) == -EACCES);
	EXPECT(v6(p, WASOCK_USE_CONNECT, "::ffff:127.0.0.1", 80) == 0);
	EXPECT(v6(p, WASOCK_USE_CONNECT, "::ffff:127.0.0.2", 80) == -EACCES);
	/* AF_UNSPEC: connect's disconnect is allowed; bind/sendto read it as AF_INET. */
	struct sockaddr_in unspec = { .sin_family = AF_UNSPEC, .sin_port = htons(9) };
	EXPECT(wasock_policy_check(p, WASOCK_USE_CONNECT, &unspec, sizeof unspec) == 0);
	EXPECT(wasock_policy_check(p, WASOCK_USE_BIND, &unspec, sizeof unspec) == -EACCES);
	EXPECT(wasock_policy_check(p, WASOCK_USE_SENDTO, &unspec, sizeof unspec) == 0);
	/* AF_UNIX: directory prefix, NUL-terminated path, abstract names, autobind. */
	EXPECT(un(p, WASOCK_USE_BIND, "/run/app/s.sock", 16) == 0);
	EXPECT(un(p, WASOCK_USE_BIND, "/run/app/s.sock", 15) == 0);
	EXPECT(un(p, WASOCK_USE_BIND, "/run/apps", 9) == -EACCES);
	EXPECT(un(p, WASOCK_USE_CONNECT, "\0abs", 4) == 0);
	EXPECT(un(p, WASOCK_USE_CONNECT, "\0abs\0", 5) == -EACCES);
	EXPECT(un(p, WASOCK_USE_CONNECT, "\0ab", 3) == -EACCES);
	EXPECT(un(p, WASOCK_USE_CONNECT, "", 0) == 0);
	/* Packet and CAN addresses: the interface; ifindex 0 (any) needs "*". */
	struct sockaddr_ll ll = { .sll_family = AF_PACKET, .sll_ifindex = (int)if_nametoindex("lo") };
	EXPECT(wasock_policy_check(p, WASOCK_USE_BIND, &ll, sizeof ll) == 0);
	ll.sll_ifindex = 0;
	EXPECT(wasock_policy_check(p, WASOCK_USE_BIND, &ll, sizeof ll) == -EACCES);
	struct sockaddr_can can = { .can_family = AF_CAN, .can_ifindex = (int)if_nametoindex("lo") };
	EXPECT(wasock_policy_check(p, WASOCK_USE_BIND, &can, sizeof can) == 0);
	EXPECT(wasock_policy_check(p, WASOCK_USE_SENDTO, &can, sizeof can) == -EACCES);
	/* Other families carry no address rule; allow_all allows everything. */
	struct sockaddr nl = { .sa_family = AF_NETLINK };
	EXPECT(wasock_policy_check(p, WASOCK_USE_BIND, &nl, sizeof nl) == 0);
	EXPECT(wasock_policy_allow_all(p) == 0);
	EXPECT(v4(p, WASOCK_USE_BIND, "0.0.0.0", 1) == 0);
	wasock_policy_free(p);

	if (failures)
		fprintf(stderr, "test_policy: %d failures\n", failures);
	else
		printf("test_policy: all passed\n");
	return failures != 0;
}
