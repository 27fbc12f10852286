/* SPDX-License-Identifier: MIT */
/* <asm/types.h> for wasm32 guests using the kernel's UAPI headers: the generic
   architecture's definitions (32-bit long, little-endian). */
#include <asm-generic/types.h>
