// SPDX-License-Identifier: MIT
// Runs the programs of tests/select/programs/ (each in Python and in its line-by-line
// translation) against each other, and measures the CPU time of the chat server.
'use strict';
const path = require('node:path');
const { startChild } = require('../child');

const DIR = path.join(__dirname, 'programs');
const ROOT = path.resolve(__dirname, '..', '..');
const LIMIT = 60000;

const cmd = (lang, prog) => (lang === 'py'
  ? ['python3', [path.join(DIR, `${prog}.py`)]]
  : [process.execPath, [path.join(DIR, `${prog}.js`)]]);

// The whole process's CPU time (user + system, every thread) through getrusage of the
// waited-for child, printed to stderr after the program's own output.
const RUSAGE = 'import resource, subprocess, sys\n' +
  'r = subprocess.run(sys.argv[1:])\n' +
  'u = resource.getrusage(resource.RUSAGE_CHILDREN)\n' +
  "print('total', u.ru_utime + u.ru_stime, file=sys.stderr)\n" +
  'sys.exit(r.returncode)\n';

/** Starts a server program; resolves to { port, done } once it printed its port. */
async function server(lang, prog, args, { measure = false } = {}) {
  const [exe, pre] = cmd(lang, prog);
  const c = measure
    ? startChild('python3', ['-c', RUSAGE, exe, ...pre, ...args], { cwd: ROOT, timeout: LIMIT })
    : startChild(exe, [...pre, ...args], { cwd: ROOT, timeout: LIMIT });
  const first = await c.line();
  const m = /^port (\d+)$/.exec(first);
  if (!m) throw new Error(`${prog}.${lang} printed ${JSON.stringify(first)}`);
  return { port: Number(m[1]), done: c.done };
}

/** Runs a client program to its end: { code, stdout, stderr }. */
function client(lang, prog, args) {
  const [exe, pre] = cmd(lang, prog);
  return startChild(exe, [...pre, ...args.map(String)], { cwd: ROOT, timeout: LIMIT }).done;
}

// What a server printed after its port line.
const body = (r) => r.stdout.split('\n').slice(1).join('\n');

async function chat(serverLang, clientLang, rounds = 50, opts = {}) {
  const s = await server(serverLang, 'chat_server', ['2'], opts);
  const c = await client(clientLang, 'chat_client', [s.port, rounds]);
  const r = await s.done;
  return { server: body(r), client: c.stdout, codes: [r.code, c.code], stderr: r.stderr + c.stderr };
}

async function echo(serverLang, clientLang) {
  const s = await server(serverLang, 'echo_server', ['2']);
  const c = await client(clientLang, 'echo_client', [s.port, 2, 'hello', 'wörld', 'two words']);
  const r = await s.done;
  return { server: body(r), client: c.stdout, codes: [r.code, c.code], stderr: r.stderr + c.stderr };
}

// client -> relay -> echo server, the echo server in the relay's other language.
async function relay(relayLang, clientLang) {
  const up = await server(relayLang === 'py' ? 'js' : 'py', 'echo_server', ['1']);
  const s = await server(relayLang, 'relay', [up.port, 1]);
  const c = await client(clientLang, 'echo_client', [s.port, 1, 'hello', 'wörld']);
  const r = await s.done;
  const u = await up.done;
  return { server: body(r), client: c.stdout, codes: [r.code, c.code, u.code], stderr: r.stderr + c.stderr + u.stderr };
}

const cpu = (stderr, key) => {
  const m = new RegExp(`^${key} ([0-9.e-]+)$`, 'm').exec(stderr);
  return m ? Number(m[1]) : NaN;
};

/** The chat server's CPU time, Python's and wasock's, for the same session (Python client). */
async function chatCpu(rounds) {
  const out = {};
  for (const lang of ['py', 'js']) {
    const r = await chat(lang, 'py', rounds, { measure: true });
    if (r.codes.some((c) => c !== 0)) throw new Error(r.stderr);
    out[lang] = { loop: cpu(r.stderr, 'cpu'), total: cpu(r.stderr, 'total') };
  }
  return out;
}

module.exports = { chat, echo, relay, chatCpu };

if (require.main === module) {
  (async () => {
    console.log('| rounds | CPython loop | wasock loop | ratio | CPython process | wasock process | ratio |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const rounds of (process.argv[2] || '1000,10000,50000').split(',').map(Number)) {
      const best = { py: { loop: Infinity, total: Infinity }, js: { loop: Infinity, total: Infinity } };
      for (let i = 0; i < 3; i++) {
        const r = await chatCpu(rounds);
        for (const l of ['py', 'js']) for (const k of ['loop', 'total']) best[l][k] = Math.min(best[l][k], r[l][k]);
      }
      const f = (v) => `${v.toFixed(3)} s`;
      console.log(`| ${rounds} | ${f(best.py.loop)} | ${f(best.js.loop)} | ${(best.js.loop / best.py.loop).toFixed(2)} | ${
        f(best.py.total)} | ${f(best.js.total)} | ${(best.js.total / best.py.total).toFixed(2)} |`);
    }
  })();
}
