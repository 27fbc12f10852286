// SPDX-License-Identifier: MIT
// Runs the programs of tests/select/programs/ (each in Python and in its line-by-line
// translation) against each other, and measures the CPU time of the chat server.
'use strict';
const path = require('node:path');
const os = require('node:os');
const { execFileSync } = require('node:child_process');
const { startChild } = require('../child');

const DIR = path.join(__dirname, 'programs');
const ROOT = path.resolve(__dirname, '..', '..');
const LIMIT = 60000;

// The interpreter itself, not a version manager's shim in front of it (a shell script
// whose own CPU time would be counted as Python's).
let python;
const PYTHON = () => python || (python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'])
  .toString().trim());

const FLOOR = path.join(ROOT, 'tests', 'bench', 'select_floor.js');
const cmd = (lang, prog) => {
  if (lang === 'py') return [PYTHON(), [path.join(DIR, `${prog}.py`)]];
  if (lang === 'floor') return [process.execPath, [FLOOR]];
  return [process.execPath, [path.join(DIR, `${prog}.js`)]];
};

// The whole process's CPU time (user + system, every thread), from wait4(2) of the
// program started with posix_spawn: nothing of the measuring process is counted (a
// fork of it is, through getrusage(RUSAGE_CHILDREN): about 40 ms here, on both sides).
// Printed to stderr after the program's own output.
const RUSAGE = 'import os, sys\n' +
  'pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ)\n' +
  '_, status, ru = os.wait4(pid, 0)\n' +
  "print('total', ru.ru_utime + ru.ru_stime, file=sys.stderr)\n" +
  'sys.exit(os.waitstatus_to_exitcode(status))\n';

// A measured session runs its server and client on one CPU: a wakeup across CPUs (an IPI,
// the other CPU leaving its idle state) is counted as the woken process's CPU time, and
// whether they land on one CPU or two is the scheduler's whim, which made one program's
// CPU time for the same session vary fourfold. On one CPU the time is the work done.
const PIN = ['taskset', '-c', String(os.availableParallelism() - 1)];
const pinned = (measure, exe, args) => (measure ? [PIN[0], [...PIN.slice(1), exe, ...args]] : [exe, args]);

/** Starts a server program; resolves to { port, done } once it printed its port. */
async function server(lang, prog, args, { measure = false } = {}) {
  const [exe, pre] = cmd(lang, prog);
  const c = measure
    ? startChild(...pinned(true, PYTHON(), ['-c', RUSAGE, exe, ...pre, ...args]), { cwd: ROOT, timeout: LIMIT })
    : startChild(exe, [...pre, ...args], { cwd: ROOT, timeout: LIMIT });
  const first = await c.line();
  const m = /^port (\d+)$/.exec(first);
  if (!m) throw new Error(`${prog}.${lang} printed ${JSON.stringify(first)}`);
  return { port: Number(m[1]), done: c.done };
}

/** Runs a client program to its end: { code, stdout, stderr }. */
function client(lang, prog, args, { measure = false } = {}) {
  const [exe, pre] = cmd(lang, prog);
  return startChild(...pinned(measure, exe, [...pre, ...args.map(String)]), { cwd: ROOT, timeout: LIMIT }).done;
}

// What a server printed after its port line.
const body = (r) => r.stdout.split('\n').slice(1).join('\n');

async function chat(serverLang, clientLang, rounds = 50, opts = {}) {
  const s = await server(serverLang, 'chat_server', ['2'], opts);
  const c = await client(clientLang, 'chat_client', [s.port, rounds], opts);
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

/**
 * The chat server's CPU time for the same session (a Python client), Python's, wasock's
 * and, with floor, Node's own floor (tests/bench/select_floor.js): { py, js, floor? },
 * each { loop, total } in seconds.
 */
async function chatCpu(rounds, { floor = false } = {}) {
  const out = {};
  for (const lang of floor ? ['py', 'js', 'floor'] : ['py', 'js']) {
    const r = await chat(lang, 'py', rounds, { measure: true });
    if (r.codes.some((c) => c !== 0)) throw new Error(r.stderr);
    out[lang] = { loop: cpu(r.stderr, 'cpu'), total: cpu(r.stderr, 'total') };
  }
  return out;
}

module.exports = { chat, echo, relay, chatCpu };

// npm run bench:select [rounds,...] [sessions]: each session runs the three servers one
// after the other (interleaved), and the table gives the median of each over the sessions.
if (require.main === module) {
  (async () => {
    const sessions = Number(process.argv[3] || 7);
    const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
    const ms = (v) => `${(v * 1000).toFixed(0)} ms`;
    console.log(`select chat server: CPU time per session, median of ${sessions} interleaved sessions, server ` +
      'and client on one CPU; loop = the serving loop, process = the whole process (start-up, loading, exit)');
    console.log('| rounds | | CPython | Node floor | wasock | floor / CPython | wasock / CPython | wasock / floor |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const rounds of (process.argv[2] || '1000,2000,10000,50000').split(',').map(Number)) {
      const all = [];
      for (let i = 0; i < sessions; i++) all.push(await chatCpu(rounds, { floor: true }));
      for (const k of ['loop', 'total']) {
        const [py, floor, js] = ['py', 'floor', 'js'].map((l) => median(all.map((r) => r[l][k])));
        console.log(`| ${rounds} | ${k === 'loop' ? 'loop' : 'process'} | ${ms(py)} | ${ms(floor)} | ${ms(js)} | ` +
          `${(floor / py).toFixed(2)} | ${(js / py).toFixed(2)} | ${(js / floor).toFixed(2)} |`);
      }
    }
  })();
}
