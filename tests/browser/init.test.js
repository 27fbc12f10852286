// SPDX-License-Identifier: MIT
//
// Loading `wasock/inet` in a browser (bridge/inet/browser.mjs in headless Chromium): a
// call before init() says to call it; init() rejects a bad argument with TypeError and a
// missing file with an Error naming it, and can then be retried; concurrent calls share
// one load; every documented kind of input loads the core.
'use strict';

const { browserSkipReason, openPage } = require('./harness');

const skip = browserSkipReason();
if (skip) console.warn(`browser init tests skipped: ${skip}`);
const describeBrowser = skip ? describe.skip : describe;

// Runs fn(inet) in the page on a fresh instance of browser.mjs (a new module URL).
function fresh(page, n, fn) {
  return page.evaluate(async ([id, body]) => {
    const inet = await import(`/bridge/inet/browser.mjs?${id}`);
    const outcome = async (f) => {
      try {
        return { ok: await f() };
      } catch (e) {
        return { err: e.constructor.name, message: e.message };
      }
    };
    // eslint-disable-next-line no-new-func
    return new Function('inet', 'outcome', `return (${body})(inet, outcome);`)(inet, outcome);
  }, [n, fn.toString()]);
}

describeBrowser(skip ? `init() in Chromium (skipped: ${skip})` : 'init() in Chromium', () => {
  let session;
  beforeAll(async () => {
    session = await openPage();
  }, 300000);
  afterAll(async () => {
    if (session) await session.close();
  }, 60000);

  test('a call before init() throws an Error that says what to do', async () => {
    const r = await fresh(session.page, 1, async (inet, outcome) => outcome(() => inet.htons(1)));
    expect(r).toEqual({ err: 'Error', message: expect.stringContaining('call `await init()` first') });
  });

  test('bad input is a TypeError, a missing file an Error naming it; both can be retried', async () => {
    const r = await fresh(session.page, 2, async (inet, outcome) => [
      await outcome(() => inet.init(42)),
      await outcome(() => inet.initSync(new URL('/x.wasm', location.href))),
      await outcome(() => inet.init('/build/native/web/missing.wasm')),
      await outcome(() => inet.init(new Uint8Array([0, 1, 2, 3]))),
      await outcome(async () => { await inet.init(); return inet.inet_ntoa(inet.inet_aton('127.1')); }),
    ]);
    expect(r[0]).toEqual({ err: 'TypeError', message: expect.stringContaining('init() takes a URL') });
    expect(r[1]).toEqual({ err: 'TypeError', message: expect.stringContaining('initSync() takes the wasm as bytes') });
    expect(r[2]).toEqual({ err: 'Error', message: expect.stringMatching(/cannot load .*missing\.wasm \(HTTP 404\)/) });
    expect(r[3]).toEqual({ err: 'CompileError', message: expect.any(String) });
    expect(r[4]).toEqual({ ok: '127.0.0.1' });
  });

  test('concurrent init() calls share one load; later ones resolve at once', async () => {
    const r = await fresh(session.page, 3, async (inet) => {
      const a = inet.init();
      const b = inet.init();
      await a;
      return [a === b, await inet.init(), inet.htons(1)];
    });
    expect(r).toEqual([true, undefined, 256]);
  });

  test('a URL string, a Response, a fetch() promise, bytes and a Module all load it', async () => {
    const r = await session.page.evaluate(async () => {
      const url = '/dist/web/wasock-inet.wasm';
      const bytes = await (await fetch(url)).arrayBuffer();
      const inputs = [
        url, new URL(url, location.href), await fetch(url), fetch(url), bytes,
        new Uint8Array(bytes), await WebAssembly.compile(bytes),
      ];
      const out = [];
      for (const [i, input] of inputs.entries()) {
        const inet = await import(`/bridge/inet/browser.mjs?input${i}`);
        await inet.init(input);
        out.push(inet.inet_ntop(inet.AF_INET6, inet.inet_pton(inet.AF_INET6, '::1')));
      }
      const sync = await import('/bridge/inet/browser.mjs?sync');
      sync.initSync(await WebAssembly.compile(bytes));
      out.push(sync.htonl(1));
      return out;
    });
    expect(r).toEqual(['::1', '::1', '::1', '::1', '::1', '::1', '::1', 16777216]);
  });

  test('the page logged no errors but the one 404 asked for', () => {
    expect(session.problems.filter((p) => !/missing\.wasm$/.test(p)))
      .toEqual([expect.stringMatching(/^console: Failed to load resource: .*404/)]);
  });
});
