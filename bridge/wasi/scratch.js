// SPDX-License-Identifier: MIT
// The runner's own host calls that need memory (poll over host fds, FIONREAD, SO_TYPE)
// go through a small private WebAssembly.Memory bound with addon.bind: the guest's
// memory is never borrowed for them.
'use strict';
const { FT_UNKNOWN, FT_SOCKET_DGRAM, FT_SOCKET_STREAM } = require('./fdtable');
const C = require('../constants');

const FIONREAD = 0x541B;
const INT = 8, OPTLEN = 12, RECORDS = 64;

function scratch(addon) {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
  const P = addon.bind(memory);
  let dv = new DataView(memory.buffer);

  function room(bytes) {
    if (RECORDS + bytes <= memory.buffer.byteLength) return;
    memory.grow(Math.ceil((RECORDS + bytes - memory.buffer.byteLength) / 65536));
    P.memory_grown();
    dv = new DataView(memory.buffer);
  }

  return {
    /** Bytes readable on host fd h now (0 when unknown). */
    fionread(h) {
      return P.ioctl(h, FIONREAD, INT, 4) < 0 ? 0 : dv.getInt32(INT, true);
    },
    /** The WASI filetype of host fd h, from SO_TYPE. */
    filetype(h) {
      dv.setUint32(OPTLEN, 4, true);
      if (P.getsockopt(h, C.SOL_SOCKET, C.SO_TYPE, INT, OPTLEN) < 0) return FT_UNKNOWN;
      const t = dv.getInt32(INT, true);
      return t === C.SOCK_DGRAM || t === C.SOCK_RAW ? FT_SOCKET_DGRAM : FT_SOCKET_STREAM;
    },
    /**
     * poll(2) over [hostfd, events] pairs; returns { n, revents(i) } with n the
     * poll_many result (count or -errno).
     */
    poll(fds, events, count, timeout) {
      room(count * 8);
      for (let i = 0; i < count; i++) {
        const p = RECORDS + 8 * i;
        dv.setInt32(p, fds[i], true);
        dv.setInt16(p + 4, events[i], true);
        dv.setInt16(p + 6, 0, true);
      }
      return P.poll_many(RECORDS, count, timeout);
    },
    revents(i) {
      return dv.getUint16(RECORDS + 8 * i + 6, true);
    },
    nonblocking(h) {
      return P.get_nonblocking(h);
    },
    setNonblocking(h, on) {
      return P.set_nonblocking(h, on);
    },
    close(h) {
      return P.close(h);
    },
  };
}

module.exports = { scratch };
