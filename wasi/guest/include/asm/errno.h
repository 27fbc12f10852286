/* SPDX-License-Identifier: MIT */
/* <asm/errno.h> for wasm32 guests using the kernel's UAPI headers: errno
   numbers are the guest libc's (<errno.h>), never the kernel's. */
#include <errno.h>
