/* SPDX-License-Identifier: MIT */
/* <asm/swab.h> for wasm32 guests using the kernel's UAPI headers: no
   architecture-specific byte swaps; <linux/swab.h> uses its generic ones. */
