// SPDX-License-Identifier: MIT
// Many operations at once: 1,000 echo connections over loopback to a promise-face server
// (64 MiB of traffic, checksummed on both ends), 1,000 sockets each with a pending recv
// (all complete, none lost, in arrival order), and the order of many concurrent
// send()/sendall() calls on one stream socket.
'use strict';

const crypto = require('node:crypto');
const { wp, report, closeAll, recvAll, sha256, fdCount, uvHandles, turn } = require('./helpers');

const N = 1000;
const TOTAL = 64 << 20;

test('1,000 concurrent echo connections, 64 MiB in total: every checksum matches', async () => {
  const fds0 = fdCount();
  const server = await wp.create_server(['127.0.0.1', 0], { backlog: N + 24 });
  const addr = server.getsockname();
  // Server side: what each connection received, by the client's port.
  const received = new Map();
  const handlers = [];
  const serving = (async () => {
    let accepted = 0;
    for await (const [conn, peer] of server) {
      handlers.push((async () => {
        const h = crypto.createHash('sha256');
        let n = 0;
        for await (const chunk of conn) {
          h.update(chunk);
          n += chunk.length;
          await conn.sendall(chunk);
        }
        received.set(peer[1], [n, h.digest('hex')]);
        conn.close();
      })());
      if (++accepted === N) break;
    }
  })();

  const data = crypto.randomBytes(TOTAL);
  const base = Math.floor(TOTAL / N);
  const sizes = Array.from({ length: N }, (_, i) => base + (i < TOTAL - base * N ? 1 : 0));
  const t0 = performance.now();
  const clients = sizes.map(async (size, i) => {
    const start = sizes.slice(0, i).reduce((a, b) => a + b, 0);
    const mine = data.subarray(start, start + size);
    const c = wp.socket();
    await c.connect(addr);
    const port = c.getsockname()[1];
    const sending = (async () => {
      for (let off = 0; off < size; off += 16384) await c.sendall(mine.subarray(off, off + 16384));
      c.shutdown(wp.SHUT_WR);
    })();
    const back = await recvAll(c);
    await sending;
    c.close();
    return { port, sent: sha256(mine), size, back: sha256(back), backLen: back.length };
  });
  const results = await Promise.all(clients);
  const secs = (performance.now() - t0) / 1000;
  await serving;
  await Promise.all(handlers);
  server.close();
  report(`concurrency, ${N} echo connections, ${TOTAL >> 20} MiB sent and echoed back: ` +
    `wall ${secs.toFixed(2)} s, ${((TOTAL >> 20) / secs).toFixed(1)} MiB/s sent ` +
    `(${((2 * (TOTAL >> 20)) / secs).toFixed(1)} MiB/s both directions)`);

  expect(results).toHaveLength(N);
  expect(received.size).toBe(N);
  let total = 0;
  for (const r of results) {
    expect(r.backLen).toBe(r.size);
    expect(r.back).toBe(r.sent);
    expect(received.get(r.port)).toEqual([r.size, r.sent]);
    total += r.size;
  }
  expect(total).toBe(TOTAL);
  await turn();
  // Not more than before: sockets other test files in this worker dropped may be
  // collected meanwhile and lower the count.
  expect(fdCount()).toBeLessThanOrEqual(fds0);
  expect(uvHandles('poll')).toEqual([]);
}, 60000);

test('1,000 sockets each with a pending recv: every one completes, in arrival order', async () => {
  const pairs = Array.from({ length: N }, () => wp.socketpair());
  const order = [];
  const pending = pairs.map(([, b], i) => b.recv(16).then((d) => {
    order.push(i);
    return d.toString();
  }));
  await turn();
  expect(order).toEqual([]);
  // Data arrives in a shuffled order; completions should follow it.
  const arrival = [...Array(N).keys()].sort(() => Math.random() - 0.5);
  for (const i of arrival) pairs[i][0].sync.send(Buffer.from(`#${i}`));
  const got = await Promise.all(pending);
  got.forEach((d, i) => expect(d).toBe(`#${i}`));
  expect(order).toHaveLength(N);
  expect(new Set(order).size).toBe(N);
  // Rank displacement between arrival and completion.
  const rank = new Map(arrival.map((i, k) => [i, k]));
  const disp = order.map((i, k) => Math.abs(rank.get(i) - k));
  const maxDisp = Math.max(...disp);
  const inOrder = disp.filter((d) => d === 0).length;
  report(`fairness, ${N} pending recvs: ${inOrder}/${N} completed exactly in arrival order, ` +
    `max rank displacement ${maxDisp}`);
  expect(maxDisp).toBeLessThan(N / 4);
  closeAll(pairs);
});

test('concurrent send()/sendall() calls on one stream socket arrive in call order', async () => {
  const [a, b] = wp.socketpair(wp.AF_UNIX, wp.SOCK_STREAM);
  const payloads = [];
  const calls = [];
  for (let i = 0; i < 400; i++) {
    const size = i % 3 === 0 ? 1 + (i * 37) % 200 : 1000 + ((i * 7919) % 150000);
    const p = crypto.randomBytes(size);
    payloads.push(p);
    calls.push(i % 2 === 0 ? a.send(p) : a.sendall(p).then(() => p.length));
  }
  // Read concurrently with the writers (the socket buffer is far smaller than the total).
  const reading = recvAll(b);
  const sent = await Promise.all(calls);
  a.shutdown(wp.SHUT_WR);
  const got = await reading;
  const expected = Buffer.concat(payloads.map((p, i) => p.subarray(0, sent[i])));
  sent.forEach((n, i) => {
    expect(n).toBeGreaterThan(0);
    if (i % 2 === 1) expect(n).toBe(payloads[i].length);
  });
  expect(got.length).toBe(expected.length);
  expect(got.equals(expected)).toBe(true);
  closeAll(a, b);
});

test('sendall() calls issued together on TCP keep their order under back-pressure', async () => {
  const l = wp.socket();
  l.bind(['127.0.0.1', 0]);
  l.listen();
  const c = wp.socket();
  const [[s]] = await Promise.all([l.accept(), c.connect(l.getsockname())]);
  l.close();
  const chunks = Array.from({ length: 64 }, (_, i) => Buffer.alloc(256 * 1024, i));
  const writes = chunks.map((ch) => c.sendall(ch));
  // Nothing is read until every write is queued: most wait for the peer to drain.
  const got = recvAll(s, chunks.length * chunks[0].length);
  await Promise.all(writes);
  const all = await got;
  for (let i = 0; i < chunks.length; i++) {
    const part = all.subarray(i * 256 * 1024, (i + 1) * 256 * 1024);
    expect(part.every((v) => v === i)).toBe(true);
  }
  closeAll(c, s);
});
