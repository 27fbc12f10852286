// SPDX-License-Identifier: MIT
// Child processes for tests: always bounded in time (SIGKILL at the limit), registered so
// killChildren() in afterAll leaves none behind, stdout readable line by line.
'use strict';
const { spawn } = require('node:child_process');
const { performance } = require('node:perf_hooks');

const children = new Set();

/**
 * Starts cmd (opts: stdio, cwd, env, timeout in ms, input written to a stdin pipe).
 * Returns { child, done, line() }: done resolves to { code, signal, stdout, stderr, ms }
 * when it exits; line() resolves to the next stdout line.
 */
function startChild(cmd, args, opts) {
  const t0 = performance.now();
  const child = spawn(cmd, args, {
    stdio: opts.stdio || ['pipe', 'pipe', 'pipe'],
    cwd: opts.cwd,
    env: { ...process.env, ...(opts.env || {}) },
    timeout: opts.timeout,
    killSignal: 'SIGKILL',
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  let consumed = 0;
  const waiters = [];
  const wake = () => {
    for (;;) {
      const nl = stdout.indexOf('\n', consumed);
      if (nl < 0 || !waiters.length) return;
      const line = stdout.slice(consumed, nl);
      consumed = nl + 1;
      waiters.shift().resolve(line);
    }
  };
  if (child.stdout) {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => { stdout += d; wake(); });
  }
  if (child.stderr) {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => { stderr += d; });
  }
  const done = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      children.delete(child);
      for (const wt of waiters.splice(0)) {
        wt.reject(new Error(`${cmd} exited (${code ?? signal}) before printing a line; ` +
          `stderr: ${stderr}`));
      }
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
  if (opts.input !== undefined && child.stdin) child.stdin.end(opts.input);
  const line = () => new Promise((resolve, reject) => {
    waiters.push({ resolve, reject });
    wake();
  });
  return { child, done, line };
}

function killChildren() {
  for (const c of children) {
    try { c.kill('SIGKILL'); } catch { /* gone */ }
  }
  children.clear();
}

module.exports = { startChild, killChildren };
