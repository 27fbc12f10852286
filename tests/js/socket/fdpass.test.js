// SPDX-License-Identifier: MIT
// send_fds / recv_fds between two processes: python3 (socket.send_fds/recv_fds) and a
// node child with its own wasock, on a unix socketpair whose other end the child gets
// as its fd 3.
'use strict';

const fs = require('node:fs');
const {
  w, fdSnapshot, fdsOpenedSince, fdTarget, closeAll, tmpPath, startPython, startNode, killChildren, cleanupTmp,
} = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

/** A socketpair whose second end becomes fd 3 of the child started by make(stdio). */
function withPeer(make, type = w.SOCK_STREAM) {
  const [mine, theirs] = w.socketpair(w.AF_UNIX, type);
  const child = make(['ignore', 'pipe', 'pipe', theirs.fileno()]);
  theirs.close();
  mine.settimeout(10);
  return [mine, child];
}

describe('wasock -> python3', () => {
  test('python3 receives a file and a socket, and uses both', async () => {
    const file = tmpPath('to-python');
    fs.writeFileSync(file, '');
    const out = fs.openSync(file, 'w');
    const [x, y] = w.socketpair();
    y.settimeout(10);
    const [sock, py] = withPeer((stdio) => startPython(`
import os, socket
s = socket.socket(fileno=3)
msg, fds, flags, addr = socket.recv_fds(s, 1024, 4)
assert msg == b'take these', msg
f, sk = fds
os.write(f, b'python was here')
peer = socket.socket(fileno=sk)
peer.sendall(b'hello over the passed socket')
print(len(fds), flags, addr)
`, { stdio }));
    expect(w.send_fds(sock, [Buffer.from('take'), Buffer.from(' these')], [out, x.fileno()])).toBe(10);
    fs.closeSync(out);
    x.close();
    expect(y.recv(100).toString()).toBe('hello over the passed socket');
    const r = await py.done;
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('2 0 None');
    expect(fs.readFileSync(file, 'utf8')).toBe('python was here');
    closeAll(sock, y);
  });
});

describe('python3 -> wasock', () => {
  test('recv_fds gets a pipe read end and a file that work in this process', async () => {
    const before = fdSnapshot();
    const file = tmpPath('from-python');
    const [sock, py] = withPeer((stdio) => startPython(`
import os, socket
s = socket.socket(fileno=3)
with open(${JSON.stringify(file)}, 'w') as f:
    f.write('written by python')
f = open(${JSON.stringify(file)}, 'rb')
r, w = os.pipe()
socket.send_fds(s, [b'fds from python'], [r, f.fileno()])
os.write(w, b'through the pipe')
os.close(w)
s.recv(1)
`, { stdio }));
    const [msg, fds, flags, addr] = w.recv_fds(sock, 100, 4);
    expect([msg.toString(), fds.length, flags, addr]).toEqual(['fds from python', 2, 0, null]);
    const [rd, fileFd] = fds;
    expect(fdTarget(rd)).toMatch(/^pipe:/);
    expect(fs.readFileSync(fileFd, 'utf8')).toBe('written by python');
    const buf = Buffer.alloc(100);
    let n = 0;
    for (;;) {
      const k = fs.readSync(rd, buf, n, buf.length - n, null);
      if (k === 0) break;
      n += k;
    }
    expect(buf.subarray(0, n).toString()).toBe('through the pipe');
    sock.send(Buffer.from('k'));
    const r = await py.done;
    expect(r.stderr).toBe('');
    fs.closeSync(rd);
    fs.closeSync(fileFd);
    sock.close();
    expect(fdsOpenedSince(before)).toEqual([]);
  });

  test('recv_fds with maxfds smaller than what was sent: MSG_CTRUNC, nothing leaks', async () => {
    const before = fdSnapshot();
    const [sock, py] = withPeer((stdio) => startPython(`
import os, socket
s = socket.socket(fileno=3)
socket.send_fds(s, [b'three'], [0, 1, 2])
s.recv(1)
`, { stdio }));
    const [msg, fds, flags] = w.recv_fds(sock, 100, 1);
    expect(msg.toString()).toBe('three');
    expect(fds.length).toBe(1);
    expect(flags & w.MSG_CTRUNC).toBe(w.MSG_CTRUNC);
    fds.forEach((f) => fs.closeSync(f));
    sock.send(Buffer.from('k'));
    await py.done;
    sock.close();
    expect(fdsOpenedSince(before)).toEqual([]);
  });
});

describe('wasock <-> wasock in a node child', () => {
  test('a listening socket passed to the child accepts our connection', async () => {
    const l = w.socket();
    l.bind(['127.0.0.1', 0]);
    l.listen();
    const [sock, child] = withPeer((stdio) => startNode(`
      const s = w.socket(null, null, null, 3);
      s.settimeout(10);
      const [msg, fds] = w.recv_fds(s, 100, 1);
      const l = w.socket(null, null, null, fds[0]);
      l.settimeout(10);
      const [c, addr] = l.accept();
      c.settimeout(10);
      c.sendall(Buffer.concat([msg, Buffer.from(' / '), c.recv(100)]));
      const fs = require('node:fs');
      const f = fs.openSync('/proc/self/stat', 'r');
      w.send_fds(s, [Buffer.from('back')], [f]);
      s.recv(1);
    `, { stdio }));
    const port = l.getsockname()[1];
    w.send_fds(sock, [Buffer.from('listener')], [l.fileno()]);
    // Our descriptor closes; the child's copy of the listener still listens.
    l.close();
    const c = w.create_connection(['127.0.0.1', port], 10);
    c.sendall(Buffer.from('client'));
    expect(c.recv(100).toString()).toBe('listener / client');
    const [msg, fds] = w.recv_fds(sock, 100, 1);
    expect(msg.toString()).toBe('back');
    expect(fdTarget(fds[0])).toMatch(/^\/proc\/\d+\/stat$/);
    fs.closeSync(fds[0]);
    sock.send(Buffer.from('k'));
    const r = await child.done;
    expect(r.stderr).toBe('');
    closeAll(c, sock);
  });
});
