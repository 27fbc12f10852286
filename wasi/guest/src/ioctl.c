/* SPDX-License-Identifier: MIT */
/*
 * ioctl() with Linux's request numbers (replacing wasi-libc's, which knows only
 * its own FIONREAD and FIONBIO).  FIONBIO goes through fcntl(), i.e. the
 * runner's fd flags; socket requests go to the host, which the runner limits
 * to the guest's own sockets.  A struct ifreq is 32 bytes in wasm32 and 40 on
 * the host; the fields these requests use sit in the first 32 in both.
 */
/* The kernel's own request numbers (asm/ioctls.h, linux/sockios.h): SIOCOUTQ and
   SIOCGSTAMP are not in <sys/ioctl.h>. */
#include <asm/ioctls.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include "guest.h"

#define NATIVE_IFREQ 40

int ioctl(int fd, int req, ...);

int ioctl(int fd, int req, ...)
{
	va_list ap;
	va_start(ap, req);
	void *arg = va_arg(ap, void *);
	va_end(ap);
	unsigned r = (unsigned)req;

	if (r == FIONBIO) {
		if (!arg) {
			errno = EFAULT;
			return -1;
		}
		int fl = fcntl(fd, F_GETFL);
		if (fl < 0)
			return -1;
		fl = *(int *)arg ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK);
		return fcntl(fd, F_SETFL, fl) < 0 ? -1 : 0;
	}
	if (r == FIONREAD || r == SIOCOUTQ || r == SIOCATMARK)
		return wg_ret(HOST(ioctl)(fd, r, arg, sizeof(int)));
	if (r == SIOCGSTAMP)
		return wg_ret(HOST(ioctl)(fd, r, arg, 16));
	switch (r) {
	case SIOCGIFNAME:
	case SIOCGIFINDEX:
	case SIOCGIFFLAGS:
	case SIOCGIFADDR:
	case SIOCGIFDSTADDR:
	case SIOCGIFBRDADDR:
	case SIOCGIFNETMASK:
	case SIOCGIFMTU:
	case SIOCGIFHWADDR:
	case SIOCGIFMETRIC:
	case SIOCGIFTXQLEN: {
		unsigned char nat[NATIVE_IFREQ] = { 0 };
		if (!arg) {
			errno = EFAULT;
			return -1;
		}
		memcpy(nat, arg, sizeof(struct ifreq));
		int rc = wg_ret(HOST(ioctl)(fd, r, nat, sizeof nat));
		if (rc >= 0)
			memcpy(arg, nat, sizeof(struct ifreq));
		return rc;
	}
	}
	errno = ENOTTY;
	return -1;
}
