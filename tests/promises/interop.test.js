// SPDX-License-Identifier: MIT
// Interop with real peers: a promise-face server answers Node's own `net` clients and
// python3 socket clients; a promise-face client talks to a Node net.Server; toStream()
// works with stream.pipeline.
'use strict';

const fs = require('node:fs');
const net = require('node:net');
const crypto = require('node:crypto');
const { pipeline } = require('node:stream/promises');
const {
  wp, closeAll, recvAll, sha256, startPython, killChildren, tmpPath, cleanupTmp, within,
} = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

/** A promise-face line server: answers each line with its upper case, until EOF. */
async function upperServer(count) {
  const server = await wp.create_server(['127.0.0.1', 0], { backlog: 256 });
  const conns = [];
  const done = (async () => {
    let n = 0;
    for await (const [conn] of server) {
      conns.push((async () => {
        let pending = '';
        for await (const chunk of conn) {
          pending += chunk.toString();
          let nl;
          while ((nl = pending.indexOf('\n')) >= 0) {
            await conn.sendall(Buffer.from(pending.slice(0, nl).toUpperCase() + '\n'));
            pending = pending.slice(nl + 1);
          }
        }
        conn.close();
      })());
      if (++n === count) break;
    }
    await Promise.all(conns);
    server.close();
  })();
  return { addr: server.getsockname(), done };
}

test('a promise-face server answers 50 concurrent Node net clients', async () => {
  const N = 50;
  const srv = await upperServer(N);
  const one = (i) => new Promise((resolve, reject) => {
    const c = net.connect(srv.addr[1], srv.addr[0]);
    let got = '';
    c.setEncoding('utf8');
    c.on('data', (d) => { got += d; });
    c.on('end', () => resolve(got));
    c.on('error', reject);
    c.write(`hello ${i}\nworld ${i}\n`, () => c.end());
  });
  const answers = await within(Promise.all(Array.from({ length: N }, (_, i) => one(i))), 15000,
    'net clients');
  answers.forEach((a, i) => expect(a).toBe(`HELLO ${i}\nWORLD ${i}\n`));
  await within(srv.done, 5000, 'server');
});

test('a promise-face server answers python3 socket clients (20 threads)', async () => {
  const N = 20;
  const srv = await upperServer(N);
  const py = startPython(`
import socket, threading
out = [None] * ${N}
def run(i):
    s = socket.create_connection(('${srv.addr[0]}', ${srv.addr[1]}), timeout=10)
    s.sendall(b'python %d\\n' % i)
    s.shutdown(socket.SHUT_WR)
    data = b''
    while True:
        d = s.recv(100)
        if not d: break
        data += d
    s.close()
    out[i] = data.decode()
ts = [threading.Thread(target=run, args=(i,)) for i in range(${N})]
for t in ts: t.start()
for t in ts: t.join()
print(''.join(out), end='')
`);
  const r = await py.done;
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(Array.from({ length: N }, (_, i) => `PYTHON ${i}\n`).join(''));
  await within(srv.done, 5000, 'server');
});

test('a promise-face client talks to a Node net.Server', async () => {
  const server = net.createServer((c) => c.pipe(c));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  try {
    const c = await wp.create_connection(['127.0.0.1', port], 5);
    expect(c).toBeInstanceOf(wp.AsyncSocket);
    const data = crypto.randomBytes(1 << 20);
    const [back] = await Promise.all([recvAll(c, data.length), c.sendall(data)]);
    expect(sha256(back)).toBe(sha256(data));
    // for await over the client until the server closes.
    c.shutdown(wp.SHUT_WR);
    const rest = [];
    for await (const chunk of c) rest.push(chunk);
    expect(Buffer.concat(rest).length).toBe(0);
    c.close();
    // connect() by name, resolved off the main thread.
    const d = wp.socket();
    await d.connect(['localhost', port]);
    await d.sendall(Buffer.from('named'));
    expect((await recvAll(d, 5)).toString()).toBe('named');
    d.close();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a Node net.Socket and a promise-face socket on one socketpair', async () => {
  const [a, b] = wp.socketpair();
  // Node's net.Socket accepts a connected stream fd: hand it a dup of one end.
  const n = new net.Socket({ fd: a.sync.dup().detach(), readable: true, writable: true });
  const got = new Promise((resolve) => {
    let s = '';
    n.setEncoding('utf8');
    n.on('data', (d) => { s += d; if (s.endsWith('!')) resolve(s); });
  });
  await b.sendall(Buffer.from('to node!'));
  expect(await within(got, 3000, 'net.Socket data')).toBe('to node!');
  n.write('to wasock');
  expect((await recvAll(b, 9)).toString()).toBe('to wasock');
  n.destroy();
  closeAll(a, b);
});

test('toStream() with stream.pipeline: a 4 MiB file through an echo server and back', async () => {
  const src = tmpPath('src');
  const dst = tmpPath('dst');
  fs.writeFileSync(src, crypto.randomBytes(4 << 20));
  const server = await wp.create_server(['127.0.0.1', 0]);
  const echo = (async () => {
    const [conn] = await server.accept();
    server.close();
    // The server side is a stream too: pipeline(conn, conn) echoes until EOF.
    const s = conn.toStream();
    await pipeline(s, s);
  })();
  const c = wp.socket();
  await c.connect(server.getsockname());
  const duplex = c.toStream();
  await within(pipeline(fs.createReadStream(src), duplex, fs.createWriteStream(dst)), 20000,
    'pipeline');
  await within(echo, 5000, 'echo');
  expect(sha256(fs.readFileSync(dst))).toBe(sha256(fs.readFileSync(src)));
  expect(c.fileno()).toBe(-1); // the stream closed its socket when it finished
});

test('toStream(): destroy() closes the socket and rejects nothing unhandled', async () => {
  const [a, b] = wp.socketpair();
  const s = b.toStream();
  const errors = [];
  s.on('error', (e) => errors.push(e));
  s.resume(); // a read is pending
  await new Promise((r) => setImmediate(r));
  s.destroy();
  await new Promise((r) => setTimeout(r, 20));
  expect(b.fileno()).toBe(-1);
  expect(errors).toEqual([]);
  a.close();
});
