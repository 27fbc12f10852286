// SPDX-License-Identifier: MIT
// What the browser tests share: running calls on `wasock/inet` in Node (a child process,
// since Jest's module system cannot load ES modules) and in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core) against a page this process serves on
// 127.0.0.1, and the reason the Chromium side cannot run, if it cannot.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.WASOCK_CHROMIUM || '/usr/bin/chromium';
const WEB = path.join(ROOT, 'build', 'native', 'web');
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Why Chromium tests cannot run here, or null when they can.
function browserSkipReason() {
  if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} is not installed (apt-get install chromium)`;
  for (const f of ['wasock-inet.mjs', 'wasock-inet.wasm']) {
    if (!fs.existsSync(path.join(WEB, f))) {
      return `the browser bundle build/native/web/${f} is not built (emcc missing? run npm run build)`;
    }
  }
  try {
    require.resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm install)';
  }
  return null;
}

// Runs calls through the Node entry of `wasock/inet`: {exports, results}.
function runInNode(calls) {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'node-run.mjs')], {
    cwd: ROOT, input: JSON.stringify({ calls }), encoding: 'utf8', maxBuffer: 256 << 20,
  });
  if (r.status !== 0) throw new Error(`node-run.mjs failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// Files the page may load: the browser entry, its build and the shared runner.
const SERVED = [
  ['/bridge/inet/', path.join(ROOT, 'bridge', 'inet')],
  ['/build/native/web/', WEB],
  // A packed package has the web build in dist/web (browser.mjs imports it from there).
  ['/dist/web/', WEB],
  ['/tests/browser/', __dirname],
];
const TYPES = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const PAGE = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">' +
  '<title>wasock/inet</title>';

function startServer() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(PAGE);
      return;
    }
    for (const [prefix, dir] of SERVED) {
      const name = url.pathname.slice(prefix.length);
      if (!url.pathname.startsWith(prefix) || !/^[\w.-]+$/.test(name)) continue;
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) break;
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(fs.readFileSync(file));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// A Chromium (fresh profile: Playwright gives each launch its own --user-data-dir) with
// the test page open. close() stops both.
async function openPage() {
  const { chromium } = require('playwright-core');
  const server = await startServer();
  // Generous timeouts: the whole suite may be running beside this on a small machine.
  const browser = await chromium.launch({
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 120000,
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(120000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  return {
    browser,
    page,
    problems,
    version: browser.version(),
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// Runs calls through bridge/inet/browser.mjs in the page: {exports, results}.
function runInPage(page, calls) {
  return page.evaluate(async (list) => {
    const inet = await import('/bridge/inet/browser.mjs');
    await inet.init();
    const { run } = await import('/tests/browser/runner.mjs');
    return { exports: Object.keys(inet).sort(), results: run(inet, list) };
  }, calls);
}

module.exports = { ROOT, WEB, CHROMIUM, browserSkipReason, runInNode, openPage, runInPage };
