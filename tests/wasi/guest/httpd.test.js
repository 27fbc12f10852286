// SPDX-License-Identifier: MIT
// A guest HTTP server (bind, listen, accept4, recv, send, getnameinfo) answers curl and
// python3's urllib.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const { tmpdir, build, start } = require('./util');

test('serves curl and python3', async () => {
  const dir = tmpdir('httpd');
  try {
    const g = start(build('httpd', dir), ['--allow-bind', '127.0.0.1:0-65535'], ['2']);
    const port = await new Promise((resolve, reject) => {
      const t = setInterval(() => {
        const m = /port (\d+)/.exec(g.stdout());
        if (m) { clearInterval(t); resolve(m[1]); }
      }, 20);
      g.done.then((r) => { clearInterval(t); reject(new Error(`guest exited: ${r.stderr}`)); });
    });
    const viaCurl = execFileSync('curl', ['-s', `http://127.0.0.1:${port}/curl-path`], { encoding: 'utf8' });
    expect(viaCurl).toBe('hello 127.0.0.1, you asked: GET /curl-path HTTP/1.1\n');
    const viaPy = execFileSync('python3', ['-c',
      `import urllib.request; print(urllib.request.urlopen('http://127.0.0.1:${port}/py').read().decode(), end='')`],
    { encoding: 'utf8' });
    expect(viaPy).toBe('hello 127.0.0.1, you asked: GET /py HTTP/1.1\n');
    const r = await g.done;
    expect(r.code).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
