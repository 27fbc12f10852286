// SPDX-License-Identifier: MIT
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../wasock_policy.h"

enum { R_IP, R_ANY_IP, R_UNIX, R_IF };

struct ws_rule {
	int kind;
	uint8_t addr[16];
	uint32_t len;     /* address bytes (4, 16), or name length */
	uint32_t prefix;  /* bits for R_IP; is_prefix for R_UNIX */
	uint16_t lo, hi;
	char *name;
};

struct wasock_policy {
	int all;
	struct ws_rule *rules[3];
	size_t n[3], cap[3];
};

struct wasock_policy *wasock_policy_new(void)
{
	return calloc(1, sizeof(struct wasock_policy));
}

void wasock_policy_free(struct wasock_policy *p)
{
	if (!p)
		return;
	for (int u = 0; u < 3; u++) {
		for (size_t i = 0; i < p->n[u]; i++)
			free(p->rules[u][i].name);
		free(p->rules[u]);
	}
	free(p);
}

int wasock_policy_allow_all(struct wasock_policy *p)
{
	p->all = 1;
	return 0;
}

static struct ws_rule *ws_rule_add(struct wasock_policy *p, int use, int kind)
{
	if (use < 0 || use > 2)
		return NULL;
	if (p->n[use] == p->cap[use]) {
		size_t cap = p->cap[use] ? 2 * p->cap[use] : 8;
		struct ws_rule *r = realloc(p->rules[use], cap * sizeof *r);
		if (!r)
			return NULL;
		p->rules[use] = r;
		p->cap[use] = cap;
	}
	struct ws_rule *r = &p->rules[use][p->n[use]++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	return r;
}

int wasock_policy_allow_ip(struct wasock_policy *p, int use, const uint8_t *addr, uint32_t len,
                           uint32_t prefix, uint16_t port_lo, uint16_t port_hi)
{
	if ((len != 4 && len != 16) || prefix > len * 8 || port_lo > port_hi)
		return -EINVAL;
	struct ws_rule *r = ws_rule_add(p, use, R_IP);
	if (!r)
		return use < 0 || use > 2 ? -EINVAL : -ENOMEM;
	memcpy(r->addr, addr, len);
	r->len = len;
	r->prefix = prefix;
	r->lo = port_lo;
	r->hi = port_hi;
	return 0;
}

int wasock_policy_allow_any_ip(struct wasock_policy *p, int use, uint16_t port_lo,
                               uint16_t port_hi)
{
	if (port_lo > port_hi)
		return -EINVAL;
	struct ws_rule *r = ws_rule_add(p, use, R_ANY_IP);
	if (!r)
		return use < 0 || use > 2 ? -EINVAL : -ENOMEM;
	r->lo = port_lo;
	r->hi = port_hi;
	return 0;
}

static int ws_named(struct wasock_policy *p, int use, int kind, const char *name, uint32_t len,
                    int flag)
{
	char *copy = malloc(len + 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, name, len);
	copy[len] = '\0';
	struct ws_rule *r = ws_rule_add(p, use, kind);
	if (!r) {
		free(copy);
		return use < 0 || use > 2 ? -EINVAL : -ENOMEM;
	}
	r->name = copy;
	r->len = len;
	r->prefix = (uint32_t)flag;
	return 0;
}

int wasock_policy_allow_unix(struct wasock_policy *p, int use, const char *name, uint32_t len,
                             int is_prefix)
{
	if (len == 0 || len > 108)
		return -EINVAL;
	return ws_named(p, use, R_UNIX, name, len, is_prefix);
}

int wasock_policy_allow_ifname(struct wasock_policy *p, int use, const char *name)
{
	size_t len = strlen(name);
	if (len == 0 || len >= IF_NAMESIZE)
		return -EINVAL;
	return ws_named(p, use, R_IF, name, (uint32_t)len, 0);
}

static int ws_prefix_match(const uint8_t *a, const uint8_t *b, uint32_t bits)
{
	uint32_t i = 0;
	for (; bits >= 8; bits -= 8, i++)
		if (a[i] != b[i])
			return 0;
	return bits == 0 || ((a[i] ^ b[i]) & (0xff << (8 - bits)) & 0xff) == 0;
}

static int ws_ip_allowed(const struct wasock_policy *p, int use, const uint8_t *ip,
                         uint32_t len, uint16_t port)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	if (len == 16 && memcmp(ip, mapped, 12) == 0) {
		ip += 12;
		len = 4;
	}
	for (size_t i = 0; i < p->n[use]; i++) {
		const struct ws_rule *r = &p->rules[use][i];
		if ((r->kind != R_IP && r->kind != R_ANY_IP) || port < r->lo || port > r->hi)
			continue;
		if (r->kind == R_ANY_IP || (r->len == len && ws_prefix_match(ip, r->addr, r->prefix)))
			return 1;
	}
	return 0;
}

static int ws_unix_allowed(const struct wasock_policy *p, int use, const char *path,
                           uint32_t len)
{
	for (size_t i = 0; i < p->n[use]; i++) {
		const struct ws_rule *r = &p->rules[use][i];
		if (r->kind != R_UNIX)
			continue;
		if (r->prefix ? (len >= r->len && memcmp(path, r->name, r->len) == 0)
		              : (len == r->len && memcmp(path, r->name, len) == 0))
			return 1;
	}
	return 0;
}

static int ws_if_allowed(const struct wasock_policy *p, int use, int32_t ifindex)
{
	char name[IF_NAMESIZE] = "";
	if (ifindex > 0 && !if_indextoname((unsigned)ifindex, name))
		name[0] = '\0';
	for (size_t i = 0; i < p->n[use]; i++) {
		const struct ws_rule *r = &p->rules[use][i];
		if (r->kind == R_IF && (strcmp(r->name, "*") == 0 || (name[0] && strcmp(r->name, name) == 0)))
			return 1;
	}
	return 0;
}

int32_t wasock_policy_check(const struct wasock_policy *p, int use, const void *sa,
                            uint32_t salen)
{
	const uint8_t *b = sa;
	if (use < 0 || use > 2)
		return -EINVAL;
	if (p->all)
		return 0;
	if (salen < 2)
		return 0;   /* the kernel refuses it */
	uint16_t family;
	memcpy(&family, b, 2);
	/* AF_UNSPEC dissolves a connection for connect(); bind and sendto on IPv4 read it
	 * as AF_INET. */
	if (family == AF_UNSPEC) {
		if (use == WASOCK_USE_CONNECT)
			return 0;
		family = AF_INET;
	}
	switch (family) {
	case AF_INET:
		if (salen < 8)
			return 0;   /* shorter than the kernel accepts */
		return ws_ip_allowed(p, use, b + 4, 4, (uint16_t)(b[2] << 8 | b[3])) ? 0 : -EACCES;
	case AF_INET6:
		if (salen < 24)
			return 0;
		return ws_ip_allowed(p, use, b + 8, 16, (uint16_t)(b[2] << 8 | b[3])) ? 0 : -EACCES;
	case AF_UNIX: {
		const char *path = (const char *)b + 2;
		uint32_t len = salen - 2;
		if (len > 108)
			len = 108;
		if (len == 0)
			return 0;   /* autobind: no name is reached */
		if (path[0] != '\0') {
			const char *nul = memchr(path, '\0', len);
			if (nul)
				len = (uint32_t)(nul - path);
		}
		return ws_unix_allowed(p, use, path, len) ? 0 : -EACCES;
	}
	case AF_CAN:
	case AF_PACKET: {
		if (salen < 8)
			return 0;
		int32_t ifindex;
		memcpy(&ifindex, b + 4, 4);
		return ws_if_allowed(p, use, ifindex) ? 0 : -EACCES;
	}
	default:
		return 0;
	}
}
