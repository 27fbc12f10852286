// SPDX-License-Identifier: MIT
// wasock against CPython's socket module over real loopback connections: a wasock echo
// server answers python3 clients (TCP over INET and INET6, AF_UNIX, UDP), and a wasock
// client talks to python3 servers.
'use strict';

const {
  w, PEER_S, closeAll, tmpPath, startPython, killChildren, cleanupTmp,
} = require('../js/socket/helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

/** Serves one connection on l: echoes until EOF, then closes. Returns what it read. */
function echoOnce(l) {
  l.settimeout(PEER_S);
  const [conn, addr] = l.accept();
  conn.settimeout(PEER_S);
  const got = [];
  for (;;) {
    const data = conn.recv(1024);
    if (!data.length) break;
    got.push(data);
    conn.sendall(data);
  }
  conn.close();
  return [Buffer.concat(got), addr];
}

const PY_CLIENT = (family, address) => `
import socket, sys
with socket.socket(${family}, socket.SOCK_STREAM) as s:
    s.settimeout(${PEER_S})
    s.connect(${address})
    names = (s.getsockname(), s.getpeername())
    msg = b'Hello from CPython ' * 1000
    s.sendall(msg)
    s.shutdown(socket.SHUT_WR)
    back = b''
    while True:
        d = s.recv(65536)
        if not d:
            break
        back += d
    print(len(back), back == msg, *names)
`;

describe('a wasock echo server answers a python3 client', () => {
  test('TCP over INET', async () => {
    const l = w.socket(w.AF_INET, w.SOCK_STREAM);
    l.bind(['127.0.0.1', 0]);
    l.listen(1);
    const py = startPython(PY_CLIENT('socket.AF_INET', `('127.0.0.1', ${l.getsockname()[1]})`));
    const [got, addr] = echoOnce(l);
    const r = await py.done;
    expect(r.stderr).toBe('');
    expect(got.length).toBe(19000);
    expect(r.stdout.trim()).toBe(`19000 True ('${addr[0]}', ${addr[1]}) ('127.0.0.1', ${l.getsockname()[1]})`);
    l.close();
  });

  test('TCP over INET6', async () => {
    const l = w.socket(w.AF_INET6, w.SOCK_STREAM);
    l.bind(['::1', 0]);
    l.listen(1);
    const py = startPython(PY_CLIENT('socket.AF_INET6', `('::1', ${l.getsockname()[1]})`));
    const [got, addr] = echoOnce(l);
    const r = await py.done;
    expect(r.stderr).toBe('');
    expect(got.length).toBe(19000);
    expect(r.stdout.trim()).toBe(`19000 True ('::1', ${addr[1]}, 0, 0) ('::1', ${l.getsockname()[1]}, 0, 0)`);
    l.close();
  });

  test('AF_UNIX stream', async () => {
    const p = tmpPath();
    const l = w.socket(w.AF_UNIX, w.SOCK_STREAM);
    l.bind(p);
    l.listen(1);
    const py = startPython(PY_CLIENT('socket.AF_UNIX', JSON.stringify(p)));
    const [got, addr] = echoOnce(l);
    const r = await py.done;
    expect(r.stderr).toBe('');
    expect(got.length).toBe(19000);
    expect(addr).toBe('');
    expect(r.stdout.trim()).toBe(`19000 True  ${p}`);
    l.close();
  });

  test('UDP: python3 sends datagrams, wasock echoes them with sendto', async () => {
    const u = w.socket(w.AF_INET, w.SOCK_DGRAM);
    u.bind(['127.0.0.1', 0]);
    u.settimeout(PEER_S);
    const py = startPython(`
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(${PEER_S})
out = []
for i in range(5):
    s.sendto(b'datagram %d' % i, ('127.0.0.1', ${u.getsockname()[1]}))
    data, addr = s.recvfrom(100)
    out.append(data.decode())
s.sendto(b'', ('127.0.0.1', ${u.getsockname()[1]}))
print('|'.join(out))
`);
    for (;;) {
      const [data, addr] = u.recvfrom(100);
      if (!data.length) break;
      u.sendto(Buffer.concat([Buffer.from('echo '), data]), addr);
    }
    const r = await py.done;
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe([0, 1, 2, 3, 4].map((i) => `echo datagram ${i}`).join('|'));
    u.close();
  });
});

describe('a wasock client talks to a python3 server', () => {
  const PY_SERVER = (family, host) => `
import socket
with socket.socket(${family}, socket.SOCK_STREAM) as l:
    l.bind((${JSON.stringify(host)}, 0))
    l.listen(1)
    l.settimeout(${PEER_S})
    print(l.getsockname()[1], flush=True)
    conn, addr = l.accept()
    with conn:
        conn.settimeout(${PEER_S})
        data = b''
        while not data.endswith(b'\\n'):
            d = conn.recv(1024)
            if not d:
                break
            data += d
        conn.sendall(b'python heard: ' + data)
        print(repr(addr), flush=True)
`;

  test.each([
    ['INET', 'socket.AF_INET', '127.0.0.1', w.AF_INET],
    ['INET6', 'socket.AF_INET6', '::1', w.AF_INET6],
  ])('%s', async (_, pyFamily, host, family) => {
    const py = startPython(PY_SERVER(pyFamily, host));
    const port = Number(await py.line());
    const s = w.socket(family, w.SOCK_STREAM);
    s.settimeout(PEER_S);
    s.connect([host, port]);
    s.sendall(Buffer.from('hello from wasock\n'));
    const chunks = [];
    for (;;) {
      const d = s.recv(1024);
      if (!d.length) break;
      chunks.push(d);
    }
    expect(Buffer.concat(chunks).toString()).toBe('python heard: hello from wasock\n');
    const peerSaw = await py.line();
    expect(peerSaw).toContain(String(s.getsockname()[1]));
    s.close();
    const r = await py.done;
    expect(r.stderr).toBe('');
  });

  test('create_connection + makefile against a python3 line server', async () => {
    const py = startPython(`
import socket
with socket.create_server(('127.0.0.1', 0)) as l:
    l.settimeout(${PEER_S})
    print(l.getsockname()[1], flush=True)
    conn, _ = l.accept()
    conn.settimeout(${PEER_S})
    with conn, conn.makefile('rwb') as f:
        for line in f:
            f.write(line.upper())
            f.flush()
`);
    const port = Number(await py.line());
    const s = w.create_connection(['127.0.0.1', port], PEER_S);
    const f = s.makefile('rw');
    const answers = [];
    for (const word of ['alpha', 'beta', 'gamma']) {
      f.write(`${word}\n`);
      f.flush();
      answers.push(f.readline());
    }
    expect(answers).toEqual(['ALPHA\n', 'BETA\n', 'GAMMA\n']);
    closeAll(f, s);
    const r = await py.done;
    expect(r.stderr).toBe('');
  });

  test('a python3 server that closes at once: recv returns EOF, send eventually EPIPE', async () => {
    const py = startPython(`
import socket
with socket.create_server(('127.0.0.1', 0)) as l:
    l.settimeout(${PEER_S})
    print(l.getsockname()[1], flush=True)
    conn, _ = l.accept()
    conn.close()
`);
    const port = Number(await py.line());
    const s = w.create_connection(['127.0.0.1', port], PEER_S);
    expect(s.recv(10).length).toBe(0);
    await py.done;
    let err;
    try {
      for (let i = 0; i < 100; i++) s.send(Buffer.alloc(1000));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(w.ConnectionError);
    expect(['EPIPE', 'ECONNRESET']).toContain(err.code);
    s.close();
  });
});
