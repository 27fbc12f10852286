/* SPDX-License-Identifier: MIT */
/* <sys/poll.h>, as glibc has it: the same as <poll.h>. */
#include <poll.h>
