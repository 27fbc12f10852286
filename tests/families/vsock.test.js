// SPDX-License-Identifier: MIT
// AF_VSOCK on this machine's kernel, which has vsock but no loopback transport: socket
// creation and bind/getsockname behave as CPython's do on the same kernel (the loopback
// exchange itself runs in the test VM, tests/vm/families.test.js).
'use strict';
const { spawnSync } = require('node:child_process');
const w = require('../../bridge');

function outcome(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    return { errno: e.errno ?? null, name: e.name };
  }
}

const PY = `
import json, socket
def outcome(fn):
    try:
        return {"ok": fn()}
    except OSError as e:
        return {"errno": e.errno}
r = {}
r["stream"] = outcome(lambda: socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM).close() or True)
r["seqpacket"] = outcome(lambda: socket.socket(socket.AF_VSOCK, socket.SOCK_SEQPACKET).close() or True)
r["dgram"] = outcome(lambda: socket.socket(socket.AF_VSOCK, socket.SOCK_DGRAM).close() or True)
s = socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM)
r["unbound"] = list(s.getsockname())
r["bind_any"] = outcome(lambda: s.bind((socket.VMADDR_CID_ANY, socket.VMADDR_PORT_ANY)) or list(s.getsockname())[0])
print(json.dumps(r))
`;

test('socket creation and bind to VMADDR_CID_ANY match CPython on this kernel', () => {
  const py = spawnSync('python3', ['-c', PY], { encoding: 'utf8', timeout: 20000 });
  const created = (type) => outcome(() => { w.socket(w.AF_VSOCK, type).close(); return true; });
  const mine = { stream: created(w.SOCK_STREAM), seqpacket: created(w.SOCK_SEQPACKET), dgram: created(w.SOCK_DGRAM) };
  const s = outcome(() => w.socket(w.AF_VSOCK, w.SOCK_STREAM));
  if (s.ok) {
    mine.unbound = s.ok.getsockname();
    mine.bind_any = outcome(() => { s.ok.bind([w.VMADDR_CID_ANY, w.VMADDR_PORT_ANY]); return s.ok.getsockname()[0]; });
    const port = s.ok.getsockname()[1];
    expect(port === w.VMADDR_PORT_ANY || (port >= 1024 && port < 2 ** 32)).toBe(true);
    s.ok.close();
  }
  if (py.status !== 0) throw new Error(`python3 failed: ${py.stderr}`);
  const theirs = JSON.parse(py.stdout);
  for (const k of Object.keys(theirs)) if (theirs[k] && 'errno' in theirs[k]) mine[k] = { errno: mine[k].errno };
  expect(mine).toEqual(theirs);
  // what this kernel does, for the record
  expect(mine.stream).toEqual({ ok: true });
});

test('the codec: (cid, port) <-> sockaddr_vm', () => {
  const b = w.encode_sockaddr(w.AF_VSOCK, [w.VMADDR_CID_HOST, 1234]);
  expect(b.toString('hex')).toBe('2800' + '0000' + 'd2040000' + '02000000' + '00000000');
  expect(w.decode_sockaddr(b)).toEqual([w.AF_VSOCK, [w.VMADDR_CID_HOST, 1234]]);
});
