// SPDX-License-Identifier: MIT
// Large receives on the bridge's own paths: recv(2**30) and recv_into a 1 GiB buffer go
// straight into the caller's buffer (pinned), never through the core's I/O area, so the
// bridge neither grows the wasm memory nor keeps a large area for later calls. (recvfrom
// and recvmsg receive through the core's area, which the core shrinks back itself.)
'use strict';
const ws = require('../../../bridge');
const core = require('../../../bridge/core');

const wasm = () => core.ex.memory.buffer.byteLength;
const ioCap = () => new DataView(core.ex.memory.buffer).getUint32(core.ex.ws_io_state() + 4, true);

test('recv(2**30) and recv_into(1 GiB) leave the wasm memory and the I/O area as they were', () => {
  const [a, b] = ws.socketpair();
  try {
    b.sendall(Buffer.from('warm'));
    a.recv(4);
    const before = { wasm: wasm(), cap: ioCap() };
    for (const flags of [undefined, ws.MSG_DONTWAIT]) {
      b.sendall(Buffer.from('abc'));
      expect(a.recv(2 ** 30, flags).toString()).toBe('abc');
    }
    b.sendall(Buffer.from('xyz'));
    const big = Buffer.allocUnsafe(2 ** 30);
    expect(a.recv_into(big)).toBe(3);
    expect(big.subarray(0, 3).toString()).toBe('xyz');
    expect({ wasm: wasm(), cap: ioCap() }).toEqual(before);
    expect(before.cap).toBeLessThanOrEqual(1 << 20);
  } finally {
    a.close();
    b.close();
  }
});
