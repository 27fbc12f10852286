// SPDX-License-Identifier: MIT
// Standard tools as peers of a wasock server: curl fetches an HTTP/1.0 response written
// by wasock, and OpenBSD netcat (nc -N) talks to a wasock echo server.
'use strict';

const {
  w, PEER_S, can, closeAll, start, tmpPath, killChildren, cleanupTmp,
} = require('../js/socket/helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

const haveCurl = can('curl', ['--version']);
const haveNc = can('sh', ['-c', 'nc -h 2>&1 | grep -q "OpenBSD netcat"']);
if (!haveCurl) console.log('curl tests skipped: curl is not installed');
if (!haveNc) console.log('nc tests skipped: OpenBSD netcat (nc -N) is not installed');

function listener(host = '127.0.0.1', family = w.AF_INET) {
  const l = w.socket(family, w.SOCK_STREAM);
  l.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, 1);
  l.bind([host, 0]);
  l.listen(5);
  l.settimeout(PEER_S);
  return l;
}

/** Reads an HTTP request head from conn (up to the blank line). */
function readHead(conn) {
  let head = Buffer.alloc(0);
  while (!head.includes('\r\n\r\n')) {
    const d = conn.recv(4096);
    if (!d.length) break;
    head = Buffer.concat([head, d]);
  }
  return head.toString('latin1');
}

function respond(conn, body, status = '200 OK') {
  conn.sendall(Buffer.from(`HTTP/1.0 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nX-Server: wasock\r\n\r\n${body}`));
  conn.close();
}

(haveCurl ? describe : describe.skip)('curl', () => {
  test('GET / from a wasock HTTP/1.0 server', async () => {
    const l = listener();
    const port = l.getsockname()[1];
    const curl = start('curl', ['-s', '--max-time', String(PEER_S), `http://127.0.0.1:${port}/`]);
    const [conn, addr] = l.accept();
    conn.settimeout(PEER_S);
    const head = readHead(conn);
    respond(conn, 'hello from wasock\n');
    const r = await curl.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('hello from wasock\n');
    expect(head).toMatch(/^GET \/ HTTP\/1\.1\r\n/);
    expect(head).toMatch(new RegExp(`\r\nHost: 127\\.0\\.0\\.1:${port}\r\n`));
    expect(head).toMatch(/\r\nUser-Agent: curl\//);
    expect(addr[0]).toBe('127.0.0.1');
    l.close();
  });

  test('headers, a POST body, a 404, and IPv6', async () => {
    const l = listener('::1', w.AF_INET6);
    const port = l.getsockname()[1];
    const curl = start('curl', ['-s', '-i', '--max-time', String(PEER_S), '-d', 'posted=data',
      `http://[::1]:${port}/missing`]);
    const [conn] = l.accept();
    conn.settimeout(PEER_S);
    let req = readHead(conn);
    const len = Number(/Content-Length: (\d+)/i.exec(req)[1]);
    const bodyStart = req.indexOf('\r\n\r\n') + 4;
    while (req.length - bodyStart < len) req += conn.recv(4096).toString('latin1');
    respond(conn, 'not here\n', '404 Not Found');
    const r = await curl.done;
    expect(r.code).toBe(0);
    expect(req).toMatch(/^POST \/missing HTTP\/1\.1\r\n/);
    expect(req.slice(bodyStart)).toBe('posted=data');
    expect(r.stdout).toMatch(/^HTTP\/1\.0 404 Not Found\r\n/);
    expect(r.stdout).toMatch(/\r\nX-Server: wasock\r\n/);
    expect(r.stdout.endsWith('\r\n\r\nnot here\n')).toBe(true);
    l.close();
  });

  test('several sequential requests on one listener', async () => {
    const l = listener();
    const port = l.getsockname()[1];
    const curl = start('curl', ['-s', '--max-time', String(PEER_S),
      `http://127.0.0.1:${port}/a`, `http://127.0.0.1:${port}/b`, `http://127.0.0.1:${port}/c`]);
    for (let i = 0; i < 3; i++) {
      const [conn] = l.accept();
      conn.settimeout(PEER_S);
      const path = /^GET (\S+)/.exec(readHead(conn))[1];
      respond(conn, `you asked for ${path}\n`);
    }
    const r = await curl.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('you asked for /a\nyou asked for /b\nyou asked for /c\n');
    l.close();
  });
});

(haveNc ? describe : describe.skip)('nc (OpenBSD netcat)', () => {
  test('nc -N sends stdin, half-closes, prints what the wasock echo server returns', async () => {
    const l = listener();
    const input = 'first line\nsecond line\n'.repeat(200);
    const nc = start('nc', ['-N', '-w', String(PEER_S), '127.0.0.1', String(l.getsockname()[1])], { input });
    const [conn] = l.accept();
    conn.settimeout(PEER_S);
    let total = 0;
    for (;;) {
      const d = conn.recv(4096);
      if (!d.length) break; // -N: nc shut down its write side at stdin EOF
      total += d.length;
      conn.sendall(d);
    }
    conn.close();
    const r = await nc.done;
    expect(r.code).toBe(0);
    expect(total).toBe(input.length);
    expect(r.stdout).toBe(input);
    l.close();
  });

  test('nc over IPv6 and a wasock server that speaks first', async () => {
    const l = listener('::1', w.AF_INET6);
    const nc = start('nc', ['-N', '-w', String(PEER_S), '::1', String(l.getsockname()[1])], { input: 'bye\n' });
    const [conn, addr] = l.accept();
    expect(addr[0]).toBe('::1');
    conn.settimeout(PEER_S);
    conn.sendall(Buffer.from('220 wasock ready\n'));
    let got = '';
    for (;;) {
      const d = conn.recv(100);
      if (!d.length) break;
      got += d.toString();
    }
    conn.close();
    const r = await nc.done;
    expect(got).toBe('bye\n');
    expect(r.stdout).toBe('220 wasock ready\n');
    l.close();
  });

  test('nc -U to a wasock AF_UNIX server', async () => {
    const p = tmpPath();
    const l = w.socket(w.AF_UNIX, w.SOCK_STREAM);
    l.bind(p);
    l.listen(1);
    l.settimeout(PEER_S);
    const nc = start('nc', ['-N', '-U', p], { input: 'over unix\n' });
    const [conn] = l.accept();
    conn.settimeout(PEER_S);
    let d = '';
    for (let c = conn.recv(100); c.length; c = conn.recv(100)) d += c.toString();
    conn.sendall(Buffer.from(`echo ${d}`));
    conn.close();
    const r = await nc.done;
    expect(r.stdout).toBe('echo over unix\n');
    closeAll(l);
  });
});
