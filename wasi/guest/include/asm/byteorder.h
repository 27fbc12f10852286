/* SPDX-License-Identifier: MIT */
/* <asm/byteorder.h> for wasm32 guests using the kernel's UAPI headers:
   wasm is little-endian. */
#include <linux/byteorder/little_endian.h>
