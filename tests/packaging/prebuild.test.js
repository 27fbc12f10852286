// SPDX-License-Identifier: MIT
// The packed tarball, installed where there is no compiler and no Node headers: every
// entry point loads (CommonJS and ESM) from the shipped prebuild and wasm, the CLI runs
// through npx, and a socketpair carries bytes both ways.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { installedApp, run } = require('./app');

let app;
beforeAll(() => {
  app = installedApp();
  console.log(`npm install (no compiler, no headers, prebuild):\n${app.install.output.trim()}`);
}, 10 * 60 * 1000);

const node = (args, opts = {}) => run(process.execPath, args, { cwd: app.dir, env: app.env, ...opts });
const script = (name, text) => {
  fs.writeFileSync(path.join(app.dir, name), text);
  return node([name]);
};

test('the install uses the linux prebuild and compiles nothing', () => {
  expect(app.install.status).toBe(0);
  expect(app.install.output).toContain(`wasock: using the native addon prebuilds/linux-${process.arch}/wasock.node`);
  expect(app.install.output).not.toContain('building it from source');
  expect(fs.existsSync(path.join(app.dir, 'node_modules', 'wasock', 'build'))).toBe(false);
});

test('CommonJS: require() of wasock, wasock/promises and wasock/inet', () => {
  const r = script('cjs.js', `
const w = require('wasock');
const p = require('wasock/promises');
const inet = require('wasock/inet');
console.log(typeof w.socket, typeof p.create_server, w.inet_aton('127.1').toString('hex'),
  Buffer.from(inet.inet_pton(inet.AF_INET6, '::1')).toString('hex'), w.AF_INET === inet.AF_INET);
`);
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('function function 7f000001 00000000000000000000000000000001 true');
});

test('ESM: import of wasock, wasock/promises and wasock/inet', () => {
  const r = script('esm.mjs', `
import w, { AF_INET6, inet_ntop, socketpair } from 'wasock';
import { create_connection } from 'wasock/promises';
import { ip_network, inet_pton } from 'wasock/inet';
const [family, net, prefix] = ip_network('10.1.2.3/8', false);
console.log(typeof socketpair, typeof create_connection, typeof w.socket,
  inet_ntop(AF_INET6, inet_pton(AF_INET6, '2001:db8::1')), family, [...net].join('.'), prefix);
`);
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('function function function 2001:db8::1 4 10.0.0.0 8');
});

test('a socketpair round trip through the installed package, sync and promise faces', () => {
  const r = script('pair.js', `
const w = require('wasock');
const p = require('wasock/promises');
const [a, b] = w.socketpair();
a.sendall(Buffer.from('ping'));
const got = b.recv(16).toString();
b.sendall(Buffer.from('pong'));
const back = a.recv(16).toString();
(async () => {
  const [x, y] = p.socketpair();
  const pending = y.recv(16);
  await x.sendall(Buffer.from('async'));
  console.log(got, back, (await pending).toString());
  for (const s of [a, b, x, y]) s.close();
})();
`);
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('ping pong async');
});

test('npx wasock demo runs from the installed package', () => {
  const r = run('npx', ['--no-install', 'wasock', 'demo'], { cwd: app.dir, env: app.env });
  console.log(`npx wasock demo:\n${r.stdout}`);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('socketpair send/recv');
  expect(r.stdout).toMatch(/TCP echo \(wasock\/promises\) +echo over TCP, promise face/);
  expect(r.stdout).toContain('All of the above ran through one wasm core and the native host.');
});
