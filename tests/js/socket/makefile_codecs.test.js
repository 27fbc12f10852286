// SPDX-License-Identifier: MIT
// makefile() text mode end to end: the bytes a wasock text file writes, and the text it
// reads, are those of Python's TextIOWrapper over a socket for the same encoding and
// errors= (python3 is asked for its bytes and text).
'use strict';
const { spawnSync } = require('node:child_process');
const w = require('../../../bridge');

// Two writes each: text with a lone surrogate as well, which only surrogateescape (for
// \udc80-\udcff) or a replacing handler gets through.
const TEXTS = ['caf\u00e9 \u20ac\nline two\r\nend', 'ok \udcff\ud800 end'];
const ENCODINGS = ['utf_8', 'U8', 'UTF-8', 'latin_1', 'L1', 'iso8859-1', 'us_ascii', 'utf-16', 'utf_16_be',
  'utf-32', 'utf-8-sig', 'cp1252', 'koi8-r', 'iso8859_15', 'mac_roman'];
const ERRORS = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape'];

// Python's answers, one process per encoding: what a text file writing each text in two
// writes sends, or the exception's message. Texts travel as UTF-16LE hex (lone
// surrogates included).
function pythonWrites(enc) {
  const r = spawnSync('python3', ['-c', `
import socket, json, sys
out = []
for errors in json.loads(sys.argv[2]):
    for hx in json.loads(sys.argv[3]):
        text = bytes.fromhex(hx).decode('utf-16-le', 'surrogatepass')
        a, b = socket.socketpair()
        f = a.makefile('w', encoding=sys.argv[1], errors=errors, newline='')
        try:
            f.write(text[:6]); f.write(text[6:]); f.flush()
            a.shutdown(socket.SHUT_WR)
            got = b''
            while True:
                d = b.recv(4096)
                if not d: break
                got += d
            out.append({'ok': got.hex()})
        except (UnicodeError, ValueError) as e:
            out.append({'err': str(e)})
        finally:
            try: f.close()
            except Exception: pass
            a.close(); b.close()
print(json.dumps(out))
`, enc, JSON.stringify(ERRORS), JSON.stringify(TEXTS.map((t) => Buffer.from(t, 'utf16le').toString('hex')))],
  { encoding: 'utf8' });
  return JSON.parse(r.stdout);
}

function wasockWrites(enc, errors, text) {
  const [a, b] = w.socketpair();
  const f = a.makefile('w', { encoding: enc, errors, newline: '' });
  try {
    f.write(text.slice(0, 6));
    f.write(text.slice(6));
    f.flush();
    a.shutdown(w.SHUT_WR);
    const parts = [];
    for (let d = b.recv(4096); d.length; d = b.recv(4096)) parts.push(d);
    return { ok: Buffer.concat(parts).toString('hex') };
  } catch (e) {
    if (e instanceof RangeError) return { err: e.message };
    throw e;
  } finally {
    try { f.close(); } catch { /* what failed to encode stays unsent */ }
    a.close();
    b.close();
  }
}

test.each(ENCODINGS)('writing text as %s, under every errors= handler, sends what Python sends', (enc) => {
  const want = pythonWrites(enc);
  const got = [];
  for (const errors of ERRORS) for (const text of TEXTS) got.push(wasockWrites(enc, errors, text));
  expect(got).toEqual(want);
});

test('reading: undecodable bytes raise, or are handled per errors=, as in Python', () => {
  const bytes = Buffer.from('6f6bff0a81e90a', 'hex');
  for (const [enc, errors] of [['utf-8', 'strict'], ['utf-8', 'replace'], ['utf-8', 'surrogateescape'],
    ['utf-8', 'backslashreplace'], ['ascii', 'ignore'], ['cp1252', 'replace'], ['cp1252', 'strict']]) {
    const py = spawnSync('python3', ['-c', `
import socket, json, sys
a, b = socket.socketpair()
b.sendall(bytes.fromhex(sys.argv[3])); b.close()
f = a.makefile('r', encoding=sys.argv[1], errors=sys.argv[2])
try:
    print(json.dumps({'ok': f.read().encode('utf-16-le', 'surrogatepass').hex()}))
except UnicodeError as e:
    print(json.dumps({'err': type(e).__name__}))
`, enc, errors, bytes.toString('hex')], { encoding: 'utf8' });
    const want = JSON.parse(py.stdout);
    const [a, b] = w.socketpair();
    b.sendall(bytes);
    b.close();
    const f = a.makefile('r', null, enc, errors);
    let got;
    try {
      got = { ok: Buffer.from(f.read(), 'utf16le').toString('hex') };
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      got = { err: 'UnicodeDecodeError' };
    }
    expect([enc, errors, got]).toEqual([enc, errors, want]);
    f.close();
    a.close();
  }
});
