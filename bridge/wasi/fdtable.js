// SPDX-License-Identifier: MIT
// The guest's one fd table. A guest fd names either a descriptor of Node's WASI
// (uvwasi: files, directories, stdio) or a host descriptor the runner owns (a socket,
// or any fd received through SCM_RIGHTS). Numbers are handed out lowest-free across
// both kinds, as POSIX requires, so files opened after sockets never collide and
// select()'s FD_SETSIZE stays meaningful. Nothing else in the runner picks numbers.
'use strict';

// WASI filetypes a socket entry reports (fd_fdstat_get, fd_filestat_get).
const FT_UNKNOWN = 0, FT_SOCKET_DGRAM = 5, FT_SOCKET_STREAM = 6;

class Entry {
  constructor(wasi, host, filetype) {
    this.wasi = wasi;          // uvwasi fd, or -1 for a host descriptor
    this.host = host;          // host fd: the socket, or stdio's fd under uvwasi; -1 if none
    this.filetype = filetype;  // for host descriptors: FT_*; 0 for uvwasi entries
  }
  get owned() { return this.wasi < 0; }   // the runner closes it; uvwasi closes the rest
}

// Highest guest fd + 1 (RLIMIT_NOFILE's role): fd_renumber to a number at or above it is
// EBADF, so the table stays small.
const MAX_FDS = 1 << 16;

class FdTable {
  constructor() {
    this.slots = [];
  }

  get(fd) {
    return fd >= 0 ? this.slots[fd] : undefined;
  }

  /** Lowest free number for entry e, or -1 when all MAX_FDS numbers are taken. */
  insert(e) {
    const s = this.slots;
    let i = 0;
    while (i < s.length && s[i] !== undefined) i++;
    if (i >= MAX_FDS) return -1;
    s[i] = e;
    return i;
  }

  /** Places e at number fd (which must be free). */
  place(fd, e) {
    this.slots[fd] = e;
  }

  remove(fd) {
    const s = this.slots;
    const e = s[fd];
    s[fd] = undefined;
    while (s.length && s[s.length - 1] === undefined) s.length--;
    return e;
  }

  /** Every runner-owned host fd, with its guest number. */
  *owned() {
    for (let i = 0; i < this.slots.length; i++) {
      const e = this.slots[i];
      if (e !== undefined && e.owned) yield [i, e];
    }
  }
}

module.exports = { FdTable, Entry, MAX_FDS, FT_UNKNOWN, FT_SOCKET_DGRAM, FT_SOCKET_STREAM };
