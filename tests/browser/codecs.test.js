// SPDX-License-Identifier: MIT
//
// The codec vectors (tests/vectors/codec.vec and tests/browser/ipnet.vec) through
// `wasock/inet` twice: the Node entry and bridge/inet/browser.mjs in headless Chromium,
// both over the Emscripten build of the core (no native addon). Each answer must match
// the vector, and the two must answer identically: the same value or the same error
// class, errno, code and message. Bytes are Buffers in Node and Uint8Arrays in the
// browser. The one exception to the vectors: a sockaddr vector that names a network
// interface fails with ENOSYS, since that build has no OS (src/nohost.c); such vectors
// are listed.

'use strict';

const { browserSkipReason, runInNode, openPage, runInPage } = require('./harness');
const { vectors, calls, needsOS, differences, vectorFailures } = require('./vectors');

let node;
beforeAll(() => {
  node = runInNode(calls);
});

test('the Node entry of wasock/inet answers every vector (but those that need an OS)', () => {
  expect(vectors.length).toBeGreaterThan(200);
  expect(vectorFailures(node.results, true)).toEqual([]);
  const kinds = new Set(node.results.filter((r) => r.bytes).map((r) => r.bytes));
  expect([...kinds]).toEqual(['Buffer']);
});

const skip = browserSkipReason();
if (skip) console.warn(`browser tests skipped: ${skip}`);
const describeBrowser = skip ? describe.skip : describe;

describeBrowser(skip ? `Chromium (skipped: ${skip})` : 'Chromium', () => {
  let session, page;
  beforeAll(async () => {
    session = await openPage();
    page = await runInPage(session.page, calls);
  }, 300000);
  afterAll(async () => {
    if (session) await session.close();
  }, 60000);

  test('the browser build answers every vector (but those that need an OS)', () => {
    expect(vectorFailures(page.results, true)).toEqual([]);
    const os = vectors.filter((v, i) => needsOS(i, page.results[i]));
    if (os.length) {
      console.log(`${os.length} vectors need the OS (ENOSYS in the browser):\n${
        os.map((v) => `  ${v.where}: ${v.text}`).join('\n')}`);
    }
    const kinds = new Set(page.results.filter((r) => r.bytes).map((r) => r.bytes));
    expect([...kinds]).toEqual(['Uint8Array']);
  });

  test('Node and Chromium give identical results', () => {
    expect(page.results).toHaveLength(calls.length);
    expect(differences(node.results, page.results)).toEqual([]);
    const os = page.results.filter((r, i) => needsOS(i, r)).length;
    console.log(`codec vectors: ${calls.length} calls, identical in Node and Chromium ${
      session.version} (${os} of them need the OS: ENOSYS in both)`);
  });

  test('both entries export the same names', () => {
    expect(page.exports).toEqual(node.exports);
    expect(node.exports).toEqual(expect.arrayContaining([
      'inet_pton', 'ip_network', 'ip_address_info', 'AF_INET6', 'OSError', 'gaierror',
      'init', 'initSync',
    ]));
  });

  test('without an OS, names do not resolve and system calls are ENOSYS', async () => {
    const r = await runInPage(session.page, [
      { fn: 'encode_sockaddr', args: [2, ['localhost', 80]] },
      { fn: 'encode_sockaddr', args: [2, ['127.0.0.1', 80]] },
    ]);
    expect(r.results[0]).toMatchObject({ err: 'gaierror', errno: -2, code: 'EAI_NONAME' });
    expect(r.results[1].ok).toEqual({ $bytes: '020000507f0000010000000000000000' });
    const inner = await session.page.evaluate(async () => {
      const { createWire } = await import('/bridge/inet/bundle.mjs');
      const { default: createCore } = await import('/build/native/web/wasock-inet.mjs');
      const wasm = await (await fetch('/build/native/web/wasock-inet.wasm')).arrayBuffer();
      const core = await createCore({ wasm });
      const { fns } = createWire({ ...core, bytes: (m, start, end) => m.slice(start, end) });
      try {
        fns.gethostname();
        return null;
      } catch (e) {
        return [e.name, e.errno, e.code];
      }
    });
    expect(inner).toEqual(['OSError', 38, 'ENOSYS']);
  });

  test('without an OS, getaddrinfo answers numeric hosts as glibc does', async () => {
    const ws = require('../../bridge');
    const { AF_INET, AF_INET6, SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_SEQPACKET, AI_PASSIVE,
      AI_V4MAPPED, AI_CANONNAME, AI_NUMERICHOST } = ws;
    // Numeric only: a name would make the Node side ask the machine's resolver.
    const cases = [
      ['127.1', 80], ['0x7f.1', 0, AF_INET, SOCK_STREAM], ['017700000001', '443'],
      [null, 0, AF_INET, SOCK_DGRAM, 0, AI_PASSIVE], [null, 7, AF_INET6, SOCK_STREAM],
      [null, 0, AF_INET6, 0, 0, AI_PASSIVE], ['::1', 22, AF_INET6, 0, 6],
      ['fe80::1%3', 0], ['1::1%4294967295', 0], ['fe80::1%4294967296', 0, 0, 0, 0, AI_NUMERICHOST],
      ['::ffff:1.2.3.4', 0, AF_INET], ['127.0.0.1', 0, AF_INET6],
      ['127.0.0.1', 0, AF_INET6, 0, 0, AI_V4MAPPED], ['10.0.0.1', 70000],
      ['127.0.0.1', 80, 0, 0, 0, AI_CANONNAME], ['1.2.3.4', 0, 0, SOCK_RAW, 1],
      ['1.2.3.4', null, 0, SOCK_RAW, 1], ['1.2.3.4', 0, 0, 0, 17], ['1.2.3.4', 0, 0, 0, 1],
      ['1.2.3.4', 0, 0, SOCK_STREAM, 17], ['1.2.3.4', 5, 0, SOCK_SEQPACKET], ['1.2.3.4', ''],
      ['1.2.3.4', '05'], ['1.2.3.4', 0, 12345],
    ];
    const outcome = (f) => {
      try {
        return { ok: f() };
      } catch (e) {
        return { err: e.name, errno: e.errno };
      }
    };
    const want = cases.map((c) => outcome(() => ws.getaddrinfo(...c)));
    const got = await session.page.evaluate(async (list) => {
      const { createWire } = await import('/bridge/inet/bundle.mjs');
      const { default: createCore } = await import('/build/native/web/wasock-inet.mjs');
      const wasm = await (await fetch('/build/native/web/wasock-inet.wasm')).arrayBuffer();
      const core = await createCore({ wasm });
      const { fns } = createWire({ ...core, bytes: (m, start, end) => m.slice(start, end) });
      return list.map((c) => {
        try {
          return { ok: fns.getaddrinfo(...c) };
        } catch (e) {
          return { err: e.name, errno: e.errno };
        }
      });
    }, cases);
    expect(got).toEqual(want);
  });

  test('the page loaded without errors', () => {
    expect(session.problems).toEqual([]);
  });
});
