/* SPDX-License-Identifier: MIT */
/* Build-time checks that the overlay's plain-integer open flags (include/fcntl.h)
   are wasi-libc's own values, which libc.a was compiled with. */
#include <fcntl.h>
#include <wasi/api.h>

_Static_assert(O_APPEND == __WASI_FDFLAGS_APPEND, "O_APPEND");
_Static_assert(O_DSYNC == __WASI_FDFLAGS_DSYNC, "O_DSYNC");
_Static_assert(O_NONBLOCK == __WASI_FDFLAGS_NONBLOCK, "O_NONBLOCK");
_Static_assert(O_RSYNC == __WASI_FDFLAGS_RSYNC, "O_RSYNC");
_Static_assert(O_SYNC == __WASI_FDFLAGS_SYNC, "O_SYNC");
_Static_assert(O_CREAT == __WASI_OFLAGS_CREAT << 12, "O_CREAT");
_Static_assert(O_DIRECTORY == __WASI_OFLAGS_DIRECTORY << 12, "O_DIRECTORY");
_Static_assert(O_EXCL == __WASI_OFLAGS_EXCL << 12, "O_EXCL");
_Static_assert(O_TRUNC == __WASI_OFLAGS_TRUNC << 12, "O_TRUNC");
