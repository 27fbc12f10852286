// SPDX-License-Identifier: MIT
// A select.select chat server: every line a client sends goes to the other clients.
// Serves until argv[2] clients have left; prints its port first.
const select = require('wasock/select');
const socket = require('wasock');

const clients_to_serve = Number(process.argv[2]);
const server = socket.create_server(['127.0.0.1', 0]);
console.log('port', server.getsockname()[1]);
const cpu0 = process.cpuUsage();
const names = new Map();
const pending = new Map();
const inputs = [server];
let joined = 0;
let served = 0;

function broadcast(sender, text) {
  for (const s of inputs) {
    if (s !== server && s !== sender) s.sendall(Buffer.from(text + '\n'));
  }
}

while (served < clients_to_serve) {
  const [readable, writable, exceptional] = select.select(inputs, [], []);
  for (const s of readable) {
    if (s === server) {
      const [conn, addr] = server.accept();
      joined += 1;
      names.set(conn, `user${joined}`);
      pending.set(conn, Buffer.alloc(0));
      inputs.push(conn);
      console.log(names.get(conn), 'joined');
      conn.sendall(Buffer.from('welcome ' + names.get(conn) + '\n'));
      broadcast(conn, names.get(conn) + ' joined');
      continue;
    }
    const data = s.recv(4096);
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
