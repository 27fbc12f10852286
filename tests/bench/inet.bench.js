#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Throughput of `wasock/inet` (the Node build) against ipaddr.js and Node's own net.isIP
// and net.BlockList, in one run: parsing (inet_pton vs ipaddr.parse vs net.isIP),
// formatting (inet_ntop vs ipaddr.fromByteArray().toString()) and CIDR containment
// (ip_network_contains vs ipaddr's match() vs BlockList.check()). Prints ops/s and the
// ratios to wasock. Not a test: `npm run bench:inet`. BENCH_MS sets the time per case.
// Each case takes turns with its rivals and keeps its best round, in CPU time.
'use strict';

const net = require('node:net');
const ipaddr = require('ipaddr.js');

const MS = Number(process.env.BENCH_MS) || 1000;

const V4 = ['192.168.1.1', '10.0.0.254', '8.8.8.8', '127.0.0.1', '255.255.255.255', '1.2.3.4',
  '172.16.254.3', '100.64.0.1'];
const V6 = ['::1', 'fe80::1', '2001:db8::8a2e:370:7334', '::ffff:192.168.1.1', 'ff02::1',
  '2001:4860:4860::8888', '2a00:1450:4001:81b::200e', '::'];

const ROUNDS = 5;
const cpuNs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};

// Runs fn over the inputs for about ms milliseconds of this process's CPU time (CPU time,
// not wall time, so that other load on the machine counts less); returns calls per second.
function rate(inputs, fn, ms) {
  let sink = 0;
  let calls = 0;
  const n = inputs.length;
  const start = cpuNs();
  let now = start;
  while (now - start < ms * 1e6) {
    for (let i = 0; i < 4096; i++) sink ^= fn(inputs[i % n]) ? 1 : 0;
    calls += 4096;
    now = cpuNs();
  }
  if (sink === 2) console.log('');
  return calls / ((now - start) / 1e9);
}

// The cases of a group take turns for ROUNDS rounds; each keeps its best round.
function measure(cases) {
  for (const [, inputs, fn] of cases) for (let i = 0; i < 20000; i++) fn(inputs[i % inputs.length]);
  const best = cases.map(() => 0);
  for (let r = 0; r < ROUNDS; r++) {
    cases.forEach(([, inputs, fn], i) => {
      best[i] = Math.max(best[i], rate(inputs, fn, MS / ROUNDS));
    });
  }
  return best;
}

const fmt = (r) => `${(r / 1e6).toFixed(2).padStart(7)} M ops/s`;

async function main() {
  const inet = await import('wasock/inet');
  const { AF_INET, AF_INET6 } = inet;
  const v4Bytes = V4.map((s) => inet.inet_pton(AF_INET, s));
  const v6Bytes = V6.map((s) => inet.inet_pton(AF_INET6, s));
  const v4Arrays = v4Bytes.map((b) => Array.from(b));
  const v6Arrays = v6Bytes.map((b) => Array.from(b));

  const cidrs = [['10.0.0.0', 8], ['192.168.0.0', 16], ['fe80::', 10]];
  const nets = cidrs.map(([a, p]) => `${a}/${p}`);
  const parsedCidrs = nets.map((s) => ipaddr.parseCIDR(s));
  const blockList = new net.BlockList();
  for (const [a, p] of cidrs) blockList.addSubnet(a, p, a.includes(':') ? 'ipv6' : 'ipv4');
  const probes = ['10.1.2.3', '192.168.7.7', '8.8.8.8', 'fe80::1', '2001:db8::1', '172.16.0.1'];

  const groups = [
    ['parse IPv4 text', [
      ['wasock inet_pton', V4, (s) => inet.inet_pton(AF_INET, s)],
      ['ipaddr.js parse', V4, (s) => ipaddr.parse(s)],
      ['net.isIP (no bytes)', V4, (s) => net.isIP(s)],
    ]],
    ['parse IPv6 text', [
      ['wasock inet_pton', V6, (s) => inet.inet_pton(AF_INET6, s)],
      ['ipaddr.js parse', V6, (s) => ipaddr.parse(s)],
      ['net.isIP (no bytes)', V6, (s) => net.isIP(s)],
    ]],
    ['format IPv4', [
      ['wasock inet_ntop', v4Bytes, (b) => inet.inet_ntop(AF_INET, b)],
      ['ipaddr.js toString', v4Arrays, (b) => ipaddr.fromByteArray(b).toString()],
    ]],
    ['format IPv6', [
      ['wasock inet_ntop', v6Bytes, (b) => inet.inet_ntop(AF_INET6, b)],
      ['ipaddr.js toString', v6Arrays, (b) => ipaddr.fromByteArray(b).toString()],
    ]],
    ['CIDR containment (3 networks, address text in)', [
      ['wasock ip_network_contains', probes, (a) => {
        for (const n of nets) if (inet.ip_network_contains(n, a)) return true;
        return false;
      }],
      ['ipaddr.js parse + match', probes, (a) => {
        const ip = ipaddr.parse(a);
        for (const c of parsedCidrs) if (ip.kind() === c[0].kind() && ip.match(c)) return true;
        return false;
      }],
      ['net.BlockList check', probes, (a) => blockList.check(a, a.includes(':') ? 'ipv6' : 'ipv4')],
    ]],
  ];

  console.log(`wasock/inet benchmark (Node ${process.version}, best of ${ROUNDS} rounds, ${
    MS} ms of CPU time per case)`);
  for (const [title, cases] of groups) {
    console.log(`\n${title}`);
    const rates = measure(cases);
    cases.forEach(([name], i) => {
      const ratio = i === 0 ? '' : `  wasock is ${(rates[0] / rates[i]).toFixed(2)}x`;
      console.log(`  ${name.padEnd(30)} ${fmt(rates[i])}${ratio}`);
    });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
