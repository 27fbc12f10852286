// SPDX-License-Identifier: MIT
#ifndef WS_INET_H
#define WS_INET_H

#include <stddef.h>
#include <stdint.h>

#define WS_AF_INET 2
#define WS_AF_INET6 10

/* s is NOT NUL-terminated: exactly len bytes. A NUL byte inside ends the
   string, as for a C string. */

/* 1 ok, 0 invalid: glibc inet_aton rules (trailing whitespace + anything ok). */
int ws_inet_aton(const char *s, size_t len, uint8_t out[4]);

/* 1 ok, 0 invalid text, -1 unsupported family: glibc inet_pton rules.
   out gets 4 (WS_AF_INET) or 16 (WS_AF_INET6) bytes, only on success. */
int ws_inet_pton(int af, const char *s, size_t len, uint8_t *out);

/* Formats like glibc inet_ntop. Writes a NUL-terminated string into dst and
   returns its length (excluding NUL), or 0 if af is unsupported or cap is
   too small (dst is then untouched). */
size_t ws_inet_ntop(int af, const uint8_t *src, char *dst, size_t cap);

#endif
