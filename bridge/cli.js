#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// `wasock demo`: the whole stack at work — the wasm core's codecs, the native host's
// resolver and interfaces, real sockets through the sync and the promise faces, and a
// real peer (python3) when the machine has one.
'use strict';
const { spawn } = require('node:child_process');
const w = require('./index');
const wp = require('./promises');

const line = (title, value) => console.log(`  ${title.padEnd(40)} ${value}`);

async function pythonPeer() {
  const srv = w.create_server(['127.0.0.1', 0]);
  const port = srv.getsockname()[1];
  const code = `import socket\ns = socket.create_connection(('127.0.0.1', ${port}))\n` +
    's.sendall(b"hello from CPython")\nprint(s.recv(64).decode())\ns.close()';
  const child = spawn('python3', ['-c', code], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  const failed = new Promise((resolve) => child.on('error', () => resolve(null)));
  const server = wp.fromfd(srv.fileno(), w.AF_INET, w.SOCK_STREAM);
  srv.close();
  const done = (async () => {
    const [conn] = await server.accept();
    const msg = await conn.recv(64);
    await conn.sendall(Buffer.concat([Buffer.from('wasock got: '), msg]));
    conn.close();
    await new Promise((resolve) => child.on('close', resolve));
    return out.trim();
  })();
  const r = await Promise.race([done, failed]);
  server.close();
  return r;
}

async function demo() {
  console.log('wasock demo: Python socket semantics in JavaScript (wasm core + native host)\n');
  console.log('codecs (C core, compiled to WebAssembly):');
  line("inet_aton('127.1')", w.inet_aton('127.1').toString('hex'));
  line("inet_pton(AF_INET6, '::ffff:1.2.3.4')", w.inet_pton(w.AF_INET6, '::ffff:1.2.3.4').toString('hex'));
  line('inet_ntop(AF_INET6, ...) round trip', w.inet_ntop(w.AF_INET6, w.inet_pton(w.AF_INET6, '2001:db8:0:0:1:0:0:1')));
  line('htons(0x1234)', `0x${w.htons(0x1234).toString(16)}`);
  line('CMSG_LEN(4), CMSG_SPACE(4)', `${w.CMSG_LEN(4)}, ${w.CMSG_SPACE(4)}`);
  const sa = w.encode_sockaddr(w.AF_INET6, ['fe80::1', 443, 0, 1]);
  line('encode_sockaddr(AF_INET6, ...)', `${sa.length} bytes ${sa.toString('hex').slice(0, 24)}...`);
  line('decode_sockaddr(that)', JSON.stringify(w.decode_sockaddr(sa)));
  try { w.inet_aton('256.1.1.1.1'); } catch (e) { line("inet_aton('256.1.1.1.1')", `${e.name}: ${e.message}`); }

  console.log('\nname service and interfaces (native host):');
  line("getaddrinfo('localhost', 80)", JSON.stringify(w.getaddrinfo('localhost', 80, 0, w.SOCK_STREAM)));
  line('gethostname()', w.gethostname());
  line('if_nameindex()', JSON.stringify(w.if_nameindex()));
  line("await getaddrinfo (thread pool)", JSON.stringify((await wp.getaddrinfo('localhost', 'http', w.AF_INET, w.SOCK_STREAM))[0]));
  try { w.gethostbyname('no-such-host.invalid'); } catch (e) {
    line("gethostbyname('no-such-host.invalid')", `${e.name} errno=${e.errno} code=${e.code}`);
  }

  console.log('\nsockets (real kernel):');
  const [a, b] = w.socketpair();
  a.sendall(Buffer.from('ping'));
  line('socketpair send/recv', b.recv(16).toString());
  const [x, y] = w.socketpair();
  w.send_fds(a, [Buffer.from('fd')], [x.fileno()]);
  const [, fds] = w.recv_fds(b, 16, 1);
  const passed = w.socket(null, null, null, fds[0]);
  passed.sendall(Buffer.from('through a passed fd'));
  line('SCM_RIGHTS fd passing', y.recv(64).toString());
  for (const s of [a, b, x, y, passed]) s.close();

  const srv = await wp.create_server(['127.0.0.1', 0]);
  const port = srv.getsockname()[1];
  const served = (async () => {
    for await (const [conn] of srv) {
      for await (const chunk of conn) await conn.sendall(chunk);
      conn.close();
      return;
    }
  })();
  const c = await wp.create_connection(['127.0.0.1', port]);
  await c.sendall(Buffer.from('echo over TCP, promise face'));
  c.shutdown(w.SHUT_WR);
  let echoed = '';
  for await (const chunk of c) echoed += chunk;
  await served;
  c.close();
  srv.close();
  line('TCP echo (wasock/promises)', echoed);
  const s = w.socket();
  s.settimeout(0.05);
  s.bind(['127.0.0.1', 0]);
  s.listen();
  try { s.accept(); } catch (e) { line('accept() with settimeout(0.05)', `${e.name}: ${e.message}`); }
  s.close();

  const peer = await pythonPeer();
  line('CPython client <-> wasock server', peer === null ? 'skipped (no python3)' : peer);
  console.log('\nAll of the above ran through one wasm core and the native host.');
}

const cmd = process.argv[2];
if (cmd === 'cc') process.exit(require('./cc').main(process.argv.slice(3)));
if (cmd === 'run') {
  process.exitCode = require('./wasi/cli').main(process.argv.slice(3));
} else if (cmd === 'demo') {
  demo().catch((e) => { console.error(e); process.exit(1); });
} else {
  console.log('usage: wasock demo | wasock cc [clang arguments] | wasock run [options] prog.wasm [args...]');
  process.exit(cmd ? 2 : 0);
}
