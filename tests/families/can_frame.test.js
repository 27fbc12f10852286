// SPDX-License-Identifier: MIT
// wasock.can: can_frame, canfd_frame and BCM message layouts against CPython's struct
// packing of the same structures (the formats of the Python socket docs' CAN examples)
// and the offsets of <linux/can.h> / <linux/can/bcm.h> on x86_64.
'use strict';
const { spawnSync } = require('node:child_process');
const w = require('../../bridge');

const { can } = w;

function py(code) {
  const r = spawnSync('python3', ['-c', `import struct, sys\n${code}`], { encoding: 'utf8', timeout: 20000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

test('exported from the main module, CommonJS and ESM', () => {
  expect(Object.keys(can).sort()).toEqual(['pack_bcm', 'pack_fd_frame', 'pack_frame', 'unpack_bcm',
    'unpack_fd_frame', 'unpack_frame']);
  const r = spawnSync(process.execPath, ['--input-type=module', '-e',
    `import w, { can } from ${JSON.stringify(require.resolve('../../bridge/index.mjs'))};
     console.log(can === w.can && typeof can.pack_frame)`], { encoding: 'utf8' });
  expect(r.stdout.trim()).toBe('function');
});

test('can_frame: "=IB3x8s" (can_id, len, pad, res0, len8_dlc, data)', () => {
  const frames = [
    [0x123, Buffer.from('deadbeef', 'hex')],
    [0x1abcdef | w.CAN_EFF_FLAG, Buffer.from('0102030405060708', 'hex')],
    [0x7ff | w.CAN_RTR_FLAG, Buffer.alloc(0)],
  ];
  const want = py(`for i, d in ${JSON.stringify(frames.map(([id, d]) => [id >>> 0, d.toString('hex')]))}:
    d = bytes.fromhex(d); print(struct.pack("=IB3x8s", i, len(d), d).hex())`).split('\n');
  frames.forEach(([id, data], i) => {
    const f = can.pack_frame(id, data);
    expect(f.toString('hex')).toBe(want[i]);
    expect(can.unpack_frame(f)).toEqual([id >>> 0, data, 0]);
  });
  // len8_dlc: the raw DLC 9..15 of an 8-byte classic frame, at offset 7
  const f = can.pack_frame(0x100, Buffer.alloc(8), 12);
  expect(f[7]).toBe(12);
  expect(can.unpack_frame(f)[2]).toBe(12);
});

test('canfd_frame: "=IBBBB64s" (can_id, len, flags, res0, res1, data)', () => {
  const data = Buffer.from(Array.from({ length: 48 }, (_, i) => i));
  const f = can.pack_fd_frame(0x1b3, data, w.CANFD_BRS | w.CANFD_ESI);
  const want = py(`d = bytes(range(48)); print(struct.pack("=IBBBB64s", 0x1b3, 48, ${w.CANFD_BRS | w.CANFD_ESI}, 0, 0, d).hex())`);
  expect(f.length).toBe(w.CANFD_MTU);
  expect(f.toString('hex')).toBe(want);
  expect(can.unpack_fd_frame(f)).toEqual([0x1b3, data, w.CANFD_BRS | w.CANFD_ESI]);
  // a classic frame read from an FD-enabled socket is 16 bytes: the same reader takes it
  expect(can.unpack_fd_frame(can.pack_frame(0x10, Buffer.from([1, 2])))).toEqual([0x10, Buffer.from([1, 2]), 0]);
});

test('bcm_msg_head: "@3I4l2I0q" (56 bytes, 4 padding bytes before ival1), then the frames', () => {
  const frame = can.pack_frame(0x2a0, Buffer.from('aabb', 'hex'));
  const msg = can.pack_bcm(w.CAN_BCM_TX_SETUP, w.CAN_BCM_SETTIMER | w.CAN_BCM_STARTTIMER, 5,
    [1, 500], 0.25, 0x2a0, [frame]);
  const want = py(`print((struct.pack("@3I4l2I0q", ${w.CAN_BCM_TX_SETUP}, ${w.CAN_BCM_SETTIMER | w.CAN_BCM_STARTTIMER}, 5, 1, 500, 0, 250000, 0x2a0, 1) + bytes.fromhex("${frame.toString('hex')}")).hex())`);
  expect(msg.length).toBe(56 + 16);
  expect(msg.toString('hex')).toBe(want);
  expect(can.unpack_bcm(msg)).toEqual([w.CAN_BCM_TX_SETUP, w.CAN_BCM_SETTIMER | w.CAN_BCM_STARTTIMER, 5,
    [1, 500], [0, 250000], 0x2a0, [frame]]);
  // CAN_FD_FRAME: the frames are canfd_frames
  const fd = can.pack_fd_frame(0x2a1, Buffer.alloc(12, 7));
  const m2 = can.pack_bcm(w.CAN_BCM_TX_SEND, w.CAN_FD_FRAME, 0, 0, 0, 0x2a1, [fd]);
  expect(m2.length).toBe(56 + 72);
  expect(can.unpack_bcm(m2)[6]).toEqual([fd]);
  // a head alone (TX_DELETE and friends)
  expect(can.pack_bcm(w.CAN_BCM_TX_DELETE, 0, 0, 0, 0, 0x2a0).length).toBe(56);
});

test('range and type errors', () => {
  expect(() => can.pack_frame(0x123, Buffer.alloc(9))).toThrow(RangeError);
  expect(() => can.pack_fd_frame(0x123, Buffer.alloc(65))).toThrow(RangeError);
  expect(() => can.pack_frame(2 ** 32, Buffer.alloc(1))).toThrow(RangeError);
  expect(() => can.pack_frame(0x123, 'ab')).toThrow(TypeError);
  expect(() => can.pack_frame(0x123, Buffer.alloc(8), 16)).toThrow(RangeError);
  expect(() => can.unpack_frame(Buffer.alloc(15))).toThrow(RangeError);
  expect(() => can.pack_bcm(1, 0, 0, 0, 0, 0x100, [Buffer.alloc(15)])).toThrow(RangeError);
  expect(() => can.pack_bcm(1, 0, 0, 'soon')).toThrow(TypeError);
  const m = can.pack_bcm(1, 0, 0, 0, 0, 0x100, [can.pack_frame(1, Buffer.alloc(0))]);
  expect(() => can.unpack_bcm(m.subarray(0, 60))).toThrow(RangeError);
});
