// SPDX-License-Identifier: MIT
// lighttpd 1.4.69 from Debian's source package, built with `wasock cc` (build.js,
// lighttpd.patch): its own poll() event loop serves a preopened directory to curl and
// python3, with only --allow-bind for its port. Chosen as the event-loop server because
// it needs no fork or threads (daemonizing is an option) and runs its fdevent loop over
// poll(), the one the guest library answers with the host's poll(2).
'use strict';
const { spawn, execFile, execFileSync } = require('node:child_process');
const { promisify } = require('node:util');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { lighttpd } = require('./build');

const execFileP = promisify(execFile);
const CLI = path.resolve(__dirname, '..', '..', '..', 'bridge', 'cli.js');
jest.setTimeout(120000);

let wasm, root, port, server, log = '';
beforeAll(async () => {
  wasm = lighttpd();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-lighttpd-'));
  fs.mkdirSync(path.join(root, 'www', 'sub'), { recursive: true });
  fs.writeFileSync(path.join(root, 'www', 'index.html'), '<h1>hello from wasm lighttpd</h1>\n');
  fs.writeFileSync(path.join(root, 'www', 'sub', 'data.txt'), 'x'.repeat(200000));
  port = Number(execFileSync('python3', ['-c',
    'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'], { encoding: 'utf8' }));
  fs.writeFileSync(path.join(root, 'lighttpd.conf'), [
    'server.document-root = "/srv/www"', 'server.bind = "127.0.0.1"', `server.port = ${port}`,
    'server.event-handler = "poll"', 'server.upload-dirs = ( "/srv" )',
    'server.modules = ( "mod_indexfile", "mod_dirlisting", "mod_staticfile" )',
    'index-file.names = ( "index.html" )', 'dir-listing.activate = "enable"',
    'mimetype.assign = ( ".html" => "text/html", ".txt" => "text/plain" )', ''].join('\n'));
  server = spawn(process.execPath, ['--no-warnings', CLI, 'run', '--allow-bind', `127.0.0.1:${port}`,
    '--dir', `${root}:/srv`, wasm, '-D', '-f', '/srv/lighttpd.conf'], { stdio: ['ignore', 'ignore', 'pipe'] });
  server.stderr.setEncoding('utf8').on('data', (d) => { log += d; });
  for (let i = 0; i < 100 && !/server started/.test(log); i++) await new Promise((r) => setTimeout(r, 50));
}, 900000);

afterAll(async () => {
  if (server) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('close', resolve));
  }
  fs.rmSync(root, { recursive: true, force: true });
});

const curl = (...a) => execFileP('curl', ['-s', '-m', '10', ...a], { encoding: 'utf8', maxBuffer: 1 << 20 });

test('started', () => {
  expect(log).toMatch(/server started \(lighttpd\/1\.4\.69\)/);
});

test('serves the index to curl', async () => {
  const { stdout } = await curl('-i', `http://127.0.0.1:${port}/`);
  expect(stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  expect(stdout).toMatch(/Content-Type: text\/html/);
  expect(stdout.endsWith('<h1>hello from wasm lighttpd</h1>\n')).toBe(true);
});

test('serves a 200 kB file to python3, and a directory listing', async () => {
  const { stdout } = await execFileP('python3', ['-c', `
import urllib.request
b = urllib.request.urlopen('http://127.0.0.1:${port}/sub/data.txt').read()
l = urllib.request.urlopen('http://127.0.0.1:${port}/sub/').read().decode()
print(len(b), b == b'x' * 200000, 'data.txt' in l)`], { encoding: 'utf8' });
  expect(stdout.trim()).toBe('200000 True True');
});

test('many clients at once, and a 404', async () => {
  const all = await Promise.all(Array.from({ length: 20 }, () =>
    curl('-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${port}/sub/data.txt`)));
  expect(all.map((r) => r.stdout)).toEqual(Array(20).fill('200'));
  const { stdout } = await curl('-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${port}/nope`);
  expect(stdout).toBe('404');
});
