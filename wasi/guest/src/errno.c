/* SPDX-License-Identifier: MIT */
/* The host reports Linux errno numbers; the guest's libc numbers errno as WASI
   does.  The table is generated from the same errno list as the rest of
   wasock (tools/genconst.c guest-errno); a Linux error whose name the guest
   lacks and whose number WASI uses for another error becomes EIO. */
#include "guest.h"

uint32_t wg__mem_pages;

int wg_errno(int e)
{
	switch (e) {
#include "errno_map.inc"
	default:
		return EIO;
	}
}
