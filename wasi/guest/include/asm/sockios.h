/* SPDX-License-Identifier: MIT */
/* <asm/sockios.h> for wasm32 guests using the kernel's UAPI headers: the generic
   architecture's definitions (32-bit long, little-endian). */
#include <asm-generic/sockios.h>
