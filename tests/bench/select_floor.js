// SPDX-License-Identifier: MIT
// The chat server of tests/select/programs/chat_server.js with wasock's socket layer
// taken out: the same loop, the same Buffer handling and console.log, but the waits,
// receives and sends are the addon's raw host calls (poll(2), recvfrom(2), sendto(2) on
// a private memory). It is what Node itself costs for the session, the floor under any
// socket library; tests/select/programs.js measures it beside CPython and wasock.
// Serves until argv[2] clients have left; prints its port first.
'use strict';
const socket = require('wasock');
const { addon } = require('../../bridge/core');

const memory = new WebAssembly.Memory({ initial: 1 });
const host = addon.bind(memory);
const u8 = new Uint8Array(memory.buffer);
const i32 = new Int32Array(memory.buffer);
const POLLIN = 1;
const MSG_NOSIGNAL = 0x4000;
const OUT = 8192; // send staging, then receive area (4096 each)
const IN = 12288;

const clients_to_serve = Number(process.argv[2]);
const server = socket.create_server(['127.0.0.1', 0]);
console.log('port', server.getsockname()[1]);
const cpu0 = process.cpuUsage();
const names = new Map();
const pending = new Map();
const fds = new Map([[server, server.fileno()]]);
const inputs = [server];
let joined = 0;
let served = 0;

function sendall(s, data) {
  let off = 0;
  while (off < data.length) {
    const k = Math.min(data.length - off, 4096);
    u8.set(data.subarray(off, off + k), OUT);
    const n = host.sendto(fds.get(s), OUT, k, MSG_NOSIGNAL, 0, 0);
    if (n < 0) throw new Error(`send: ${-n}`);
    off += n;
  }
}

function broadcast(sender, text) {
  for (const s of inputs) {
    if (s !== server && s !== sender) sendall(s, Buffer.from(text + '\n'));
  }
}

while (served < clients_to_serve) {
  for (let i = 0; i < inputs.length; i++) {
    i32[2 * i] = fds.get(inputs[i]);
    i32[2 * i + 1] = POLLIN;
  }
  if (host.poll_many(0, inputs.length, -1) < 0) continue;
  const readable = inputs.filter((s, i) => i32[2 * i + 1] >>> 16);
  for (const s of readable) {
    if (s === server) {
      const [conn] = server.accept();
      fds.set(conn, conn.fileno());
      joined += 1;
      names.set(conn, `user${joined}`);
      pending.set(conn, Buffer.alloc(0));
      inputs.push(conn);
      console.log(names.get(conn), 'joined');
      sendall(conn, Buffer.from('welcome ' + names.get(conn) + '\n'));
      broadcast(conn, names.get(conn) + ' joined');
      continue;
    }
    const n = host.recvfrom(fds.get(s), IN, 4096, 0, 0, 0);
    if (n < 0) throw new Error(`recv: ${-n}`);
    const data = Buffer.from(u8.subarray(IN, IN + n));
    if (data.length) {
      pending.set(s, Buffer.concat([pending.get(s), data]));
      let nl;
      while ((nl = pending.get(s).indexOf('\n')) >= 0) {
        const line = pending.get(s).subarray(0, nl);
        pending.set(s, pending.get(s).subarray(nl + 1));
        const message = names.get(s) + ': ' + line.toString();
        console.log(message);
        broadcast(s, message);
      }
    } else {
      console.log(names.get(s), 'left');
      inputs.splice(inputs.indexOf(s), 1);
      s.close();
      served += 1;
      broadcast(s, names.get(s) + ' left');
    }
  }
}
server.close();
const cpu = process.cpuUsage(cpu0);
console.error('cpu', (cpu.user + cpu.system) / 1e6);
