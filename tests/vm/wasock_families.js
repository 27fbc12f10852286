#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Kernel-family checks of wasock itself, run inside the test VM (tests/vm/families.test.js
// boots it once and runs this script). Sockets come only from the wasock API; can-utils
// (cansend, candump, isotpsend, isotprecv) are the real peers where a check has one.
// Prints one JSON object per check on stdout:
//   {"check": name, "status": "pass"|"fail"|"skip", "detail": ..., "reason": ...}
//
//   node tests/vm/wasock_families.js            run every check
//   node tests/vm/wasock_families.js NAME...    run these checks
//   node tests/vm/wasock_families.js --plan     list checks, the modules and programs each needs
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const CHECKS = [];
function check(name, { modules = [], needs = [] }, fn) {
  CHECKS.push({ name, modules, needs, fn });
}

class Skip extends Error {}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hex = (b) => Buffer.from(b).toString('hex');
const json = (v) => JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `${x}n`
  : x && x.type === 'Buffer' && Array.isArray(x.data) ? `hex:${hex(x.data)}` : x));

function same(got, want, what) {
  if (json(got) !== json(want)) throw new Error(`${what}: got ${json(got)}, want ${json(want)}`);
}

function moduleLoaded(name) {
  return fs.existsSync(`/sys/module/${name.replace(/-/g, '_')}`);
}

function which(prog) {
  return (process.env.PATH || '/usr/bin:/bin').split(':')
    .some((d) => { try { fs.accessSync(path.join(d, prog), fs.constants.X_OK); return true; } catch { return false; } });
}

// A program in the background with its output in a file: { done: Promise<code>, output() }.
function background(cmd, args, { input } = {}) {
  const out = path.join(os.tmpdir(), `wasock-vm-${cmd}-${process.pid}-${Date.now()}.txt`);
  const fd = fs.openSync(out, 'w');
  const child = spawn(cmd, args, { stdio: [input === undefined ? 'ignore' : 'pipe', fd, fd] });
  fs.closeSync(fd);
  if (input !== undefined) child.stdin.end(input);
  const done = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal));
    child.on('error', (e) => resolve(`error ${e.message}`));
  });
  let finished = false;
  done.then(() => { finished = true; });
  return {
    done,
    get finished() { return finished; },
    output: () => fs.readFileSync(out, 'utf8'),
    kill() { if (!finished) child.kill('SIGKILL'); },
  };
}

// Repeats `send` until the background program exits (it has seen what it waited for).
async function sendUntilDone(proc, send, { every = 200, limit = 20000 } = {}) {
  const end = Date.now() + limit;
  while (!proc.finished && Date.now() < end) {
    send();
    await Promise.race([proc.done, sleep(every)]);
  }
  if (!proc.finished) {
    proc.kill();
    throw new Error(`peer did not finish in ${limit} ms; it printed ${JSON.stringify(proc.output())}`);
  }
  return proc.output();
}

// Loaded by main(): --plan works without a build.
let w;
let can;

function rawCan(ifname = 'vcan0', timeout = 10) {
  const s = w.socket(w.AF_CAN, w.SOCK_RAW, w.CAN_RAW);
  s.settimeout(timeout);
  if (ifname !== null) s.bind([ifname]);
  return s;
}

// struct can_filter { u32 can_id, u32 can_mask }[]
function canFilters(pairs) {
  const b = Buffer.alloc(8 * pairs.length);
  pairs.forEach(([id, mask], i) => { b.writeUInt32LE(id >>> 0, 8 * i); b.writeUInt32LE(mask >>> 0, 8 * i + 4); });
  return b;
}

// ---- CAN_RAW --------------------------------------------------------------------------
check('can_raw_send_candump', { modules: ['can', 'can-raw', 'vcan'], needs: ['candump'] }, async () => {
  const s = rawCan();
  try {
    const dump = background('candump', ['-L', '-n', '1', '-T', '20000', 'vcan0,1A2:7FF']);
    const out = await sendUntilDone(dump, () => s.send(can.pack_frame(0x1a2, Buffer.from('CAFEF00D', 'hex'))));
    const line = out.trim().split(' ').slice(1).join(' ');
    same(line, 'vcan0 1A2#CAFEF00D', 'candump');
    return { wasock_sent: '1A2#CAFEF00D', candump: line };
  } finally {
    s.close();
  }
});

check('can_raw_recv_cansend', { modules: ['can', 'can-raw', 'vcan'], needs: ['cansend'] }, async () => {
  const s = rawCan();
  try {
    s.setsockopt(w.SOL_CAN_RAW, w.CAN_RAW_FILTER, canFilters([[0x123, 0x7ff]]));
    const p = spawnSync('cansend', ['vcan0', '123#DEADBEEF'], { encoding: 'utf8', timeout: 20000 });
    if (p.status !== 0) throw new Error(`cansend: ${p.stderr}`);
    const [frame, addr] = s.recvfrom(16);
    same(frame.length, w.CAN_MTU, 'frame size');
    same(can.unpack_frame(frame), [0x123, Buffer.from('DEADBEEF', 'hex'), 0], 'frame');
    same(addr, ['vcan0'], 'recvfrom address');
    same(s.getsockname(), ['vcan0'], 'getsockname');
    return { cansend: '123#DEADBEEF', wasock_received: can.unpack_frame(frame), recvfrom_address: addr };
  } finally {
    s.close();
  }
});

check('can_fd_frames', { modules: ['can', 'can-raw', 'vcan'], needs: ['candump', 'cansend'] }, async () => {
  const mtu = Number(fs.readFileSync('/sys/class/net/vcan0/mtu', 'utf8'));
  if (mtu !== w.CANFD_MTU) throw new Skip(`vcan0 MTU is ${mtu}, not CANFD_MTU`);
  const s = rawCan();
  try {
    s.setsockopt(w.SOL_CAN_RAW, w.CAN_RAW_FD_FRAMES, 1);
    same(s.getsockopt(w.SOL_CAN_RAW, w.CAN_RAW_FD_FRAMES), 1, 'CAN_RAW_FD_FRAMES');
    // wasock -> candump: 12 data bytes (DLC 9) with bit rate switch
    const data = Buffer.from(Array.from({ length: 12 }, (_, i) => i));
    const dump = background('candump', ['-L', '-n', '1', '-T', '20000', 'vcan0,1B3:7FF']);
    const out = await sendUntilDone(dump, () => s.send(can.pack_fd_frame(0x1b3, data, w.CANFD_BRS)));
    const line = out.trim().split(' ').slice(1).join(' ');
    // ##<flags digit>: BRS, and on 6.x kernels FDF too
    const m = /^vcan0 1B3##([0-9A-F])([0-9A-F]*)$/i.exec(line);
    if (!m || !(parseInt(m[1], 16) & w.CANFD_BRS)) throw new Error(`candump printed ${JSON.stringify(line)}`);
    same(m[2].toLowerCase(), hex(data), 'candump data');
    // cansend -> wasock: 24 bytes, then a classic frame on the same socket
    s.setsockopt(w.SOL_CAN_RAW, w.CAN_RAW_FILTER, canFilters([[0x1c4, 0x7ff], [0x1c5, 0x7ff]]));
    const fd = Buffer.from(Array.from({ length: 24 }, (_, i) => 0xa0 + i));
    for (const f of [`1C4##1${hex(fd)}`, '1C5#0102']) {
      const p = spawnSync('cansend', ['vcan0', f], { encoding: 'utf8', timeout: 20000 });
      if (p.status !== 0) throw new Error(`cansend ${f}: ${p.stderr}`);
    }
    const a = s.recv(w.CANFD_MTU);
    const b = s.recv(w.CANFD_MTU);
    const [id, got, flags] = can.unpack_fd_frame(a);
    same([a.length, id, got], [w.CANFD_MTU, 0x1c4, fd], 'CAN FD frame from cansend');
    if (!(flags & w.CANFD_BRS)) throw new Error(`flags ${flags} lack CANFD_BRS`);
    same([b.length, can.unpack_frame(b)], [w.CAN_MTU, [0x1c5, Buffer.from([1, 2]), 0]], 'classic frame on an FD socket');
    return { candump: line, wasock_received_fd: { can_id: id, len: got.length, flags }, classic_len: b.length };
  } finally {
    s.close();
  }
});

check('can_raw_filters_and_options', { modules: ['can', 'can-raw', 'vcan'], needs: ['cansend'] }, async () => {
  const s = rawCan();
  let own = null;
  try {
    // only 0x2B0 passes; 0x2B1 and 0x2B2 are sent first and must not arrive
    s.setsockopt(w.SOL_CAN_RAW, w.CAN_RAW_FILTER, canFilters([[0x2b0, 0x7ff]]));
    same(s.getsockopt(w.SOL_CAN_RAW, w.CAN_RAW_FILTER, 8), canFilters([[0x2b0, 0x7ff]]), 'CAN_RAW_FILTER read back');
    for (const f of ['2B1#01', '2B2#02', '2B0#03']) spawnSync('cansend', ['vcan0', f], { timeout: 20000 });
    same(can.unpack_frame(s.recv(16)).slice(0, 2), [0x2b0, Buffer.from([3])], 'first frame through the filter');
    // two filters joined (AND): id 0x2B4 with mask 0x7FF and "anything but 0x2B5"
    s.setsockopt(w.SOL_CAN_RAW, w.CAN_RAW_FILTER,
      canFilters([[0x2b4, 0x7ff], [0x2b5 | w.CAN_INV_FILTER, 0x7ff]]));
    s.setsockopt(w.SOL_CAN_RAW, w.CAN_RAW_JOIN_FILTERS, 1);
    same(s.getsockopt(w.SOL_CAN_RAW, w.CAN_RAW_JOIN_FILTERS), 1, 'CAN_RAW_JOIN_FILTERS');
    for (const f of ['2B5#05', '2B4#04']) spawnSync('cansend', ['vcan0', f], { timeout: 20000 });
    same(can.unpack_frame(s.recv(16))[0], 0x2b4, 'joined filters');
    s.setsockopt(w.SOL_CAN_RAW, w.CAN_RAW_ERR_FILTER, w.CAN_ERR_MASK);
    same(s.getsockopt(w.SOL_CAN_RAW, w.CAN_RAW_ERR_FILTER) >>> 0, w.CAN_ERR_MASK >>> 0, 'CAN_RAW_ERR_FILTER');
    same(s.getsockopt(w.SOL_CAN_RAW, w.CAN_RAW_LOOPBACK), 1, 'CAN_RAW_LOOPBACK default');
    // own frames come back with MSG_CONFIRM when CAN_RAW_RECV_OWN_MSGS is on
    own = rawCan(null);
    own.setsockopt(w.SOL_CAN_RAW, w.CAN_RAW_FILTER, canFilters([[0x2c0, 0x7ff]]));
    own.bind(['vcan0']);
    own.setsockopt(w.SOL_CAN_RAW, w.CAN_RAW_FILTER, canFilters([[0x2c0, 0x7ff]]));
    own.setsockopt(w.SOL_CAN_RAW, w.CAN_RAW_RECV_OWN_MSGS, 1);
    same(own.getsockopt(w.SOL_CAN_RAW, w.CAN_RAW_RECV_OWN_MSGS), 1, 'CAN_RAW_RECV_OWN_MSGS');
    own.send(can.pack_frame(0x2c0, Buffer.from('own')));
    const [data, anc, flags, addr] = own.recvmsg(16);
    same([can.unpack_frame(data)[0], anc, (flags & w.MSG_CONFIRM) !== 0, addr], [0x2c0, [], true, ['vcan0']], 'own frame');
    return { filter: '2B0:7FF passed 2B0 only', joined: '2B4 & ~2B5', recv_own_msgs_flags: flags };
  } finally {
    s.close();
    if (own) own.close();
  }
});

// ---- CAN_BCM --------------------------------------------------------------------------
check('can_bcm_cyclic_candump', { modules: ['can', 'can-bcm', 'vcan'], needs: ['candump'] }, async () => {
  const s = w.socket(w.AF_CAN, w.SOCK_DGRAM, w.CAN_BCM);
  try {
    s.connect(['vcan0']);
    const dump = background('candump', ['-L', '-n', '3', '-T', '10000', 'vcan0,2A0:7FF']);
    await sleep(300);
    const frame = can.pack_frame(0x2a0, Buffer.from('AABB', 'hex'));
    const msg = can.pack_bcm(w.CAN_BCM_TX_SETUP, w.CAN_BCM_SETTIMER | w.CAN_BCM_STARTTIMER, 0,
      0, [0, 100000], 0x2a0, [frame]);
    same(msg.length, 56 + 16, 'bcm message size');
    same(s.send(msg), msg.length, 'TX_SETUP sent');
    const code = await Promise.race([dump.done, sleep(15000).then(() => 'timeout')]);
    s.send(can.pack_bcm(w.CAN_BCM_TX_DELETE, 0, 0, 0, 0, 0x2a0));
    dump.kill();
    const lines = dump.output().trim().split('\n');
    if (code !== 0 || lines.length !== 3) throw new Error(`candump (${code}) printed ${JSON.stringify(dump.output())}`);
    const stamps = lines.map((l) => Number(/^\(([\d.]+)\)/.exec(l)[1]));
    for (const l of lines) same(l.split(' ').slice(1).join(' '), 'vcan0 2A0#AABB', 'candump line');
    const gaps = stamps.slice(1).map((t, i) => Number((t - stamps[i]).toFixed(3)));
    if (gaps.some((g) => g < 0.05 || g > 0.5)) throw new Error(`cycle gaps ${gaps} are not about 0.1 s`);
    return { tx_setup: 'SETTIMER|STARTTIMER ival2 0.1 s', candump: lines.map((l) => l.split(' ').slice(1).join(' ')), gaps_s: gaps };
  } finally {
    s.close();
  }
});

check('can_bcm_rx_changed', { modules: ['can', 'can-bcm', 'vcan'], needs: ['cansend'] }, async () => {
  const s = w.socket(w.AF_CAN, w.SOCK_DGRAM, w.CAN_BCM);
  try {
    s.settimeout(10);
    s.connect(['vcan0']);
    s.send(can.pack_bcm(w.CAN_BCM_RX_SETUP, w.CAN_BCM_RX_FILTER_ID, 0, 0, 0, 0x3b0));
    spawnSync('cansend', ['vcan0', '3B0#1122'], { timeout: 20000 });
    const [opcode, , , , , id, frames] = can.unpack_bcm(s.recv(256));
    same([opcode, id, frames.length], [w.CAN_BCM_RX_CHANGED, 0x3b0, 1], 'RX_CHANGED message');
    same(can.unpack_frame(frames[0]).slice(0, 2), [0x3b0, Buffer.from('1122', 'hex')], 'its frame');
    return { cansend: '3B0#1122', bcm: 'RX_CHANGED 0x3B0' };
  } finally {
    s.close();
  }
});

// ---- CAN_ISOTP ------------------------------------------------------------------------
const isotpPayload = (n) => Buffer.from(Array.from({ length: n }, (_, i) => (i + 1) & 0xff));
const spaced = (b) => [...b].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ');

function isotpSocket(rx, tx) {
  const s = w.socket(w.AF_CAN, w.SOCK_DGRAM, w.CAN_ISOTP);
  s.settimeout(20);
  // struct can_isotp_options: u32 flags, u32 frame_txtime, u8 ext_address, txpad, rxpad, rx_ext
  const opts = Buffer.alloc(12);
  opts.writeUInt32LE(w.CAN_ISOTP_WAIT_TX_DONE, 0);
  s.setsockopt(w.SOL_CAN_ISOTP, w.CAN_ISOTP_OPTS, opts);
  s.bind(['vcan0', rx, tx]);
  return s;
}

check('can_isotp_isotpsend', { modules: ['can', 'can-isotp', 'vcan'], needs: ['isotpsend'] }, async () => {
  const payload = isotpPayload(20); // first frame + consecutive frames
  const s = isotpSocket(0x7e0, 0x7e8);
  try {
    same(s.getsockname(), ['vcan0', 0x7e0, 0x7e8], 'getsockname');
    const p = spawnSync('isotpsend', ['-s', '7E0', '-d', '7E8', 'vcan0'], { input: spaced(payload), encoding: 'utf8', timeout: 30000 });
    if (p.status !== 0) throw new Error(`isotpsend: ${p.stderr}`);
    same(s.recv(4095), payload, 'PDU');
    return { isotpsend_bytes: payload.length, wasock_received: hex(payload) };
  } finally {
    s.close();
  }
});

check('can_isotp_isotprecv', { modules: ['can', 'can-isotp', 'vcan'], needs: ['isotprecv'] }, async () => {
  const payload = isotpPayload(100);
  const s = isotpSocket(0x7e9, 0x7e1);
  const recv = background('isotprecv', ['-s', '7E9', '-d', '7E1', 'vcan0']);
  try {
    const end = Date.now() + 20000;
    let sent = 0;
    while (!sent) {
      await sleep(300);
      try {
        sent = s.send(payload); // WAIT_TX_DONE: returns once every consecutive frame is out
      } catch (e) {
        if (Date.now() > end) throw e; // no flow control yet: isotprecv is not listening
      }
    }
    await Promise.race([recv.done, sleep(10000)]);
    const out = recv.output().trim();
    same(out, spaced(payload), 'isotprecv output');
    return { wasock_sent_bytes: sent, isotprecv_bytes: out.split(' ').length };
  } finally {
    recv.kill();
    s.close();
  }
});

// ---- CAN_J1939 ------------------------------------------------------------------------
check('can_j1939_two_sockets', { modules: ['can', 'can-j1939', 'vcan'] }, async () => {
  const a = w.socket(w.AF_CAN, w.SOCK_DGRAM, w.CAN_J1939);
  const b = w.socket(w.AF_CAN, w.SOCK_DGRAM, w.CAN_J1939);
  try {
    a.bind(['vcan1', w.J1939_NO_NAME, w.J1939_NO_PGN, 0x20]);
    b.bind(['vcan1', BigInt(w.J1939_NO_NAME), w.J1939_NO_PGN, 0x30]);
    b.settimeout(10);
    same(a.getsockname(), ['vcan1', 0n, w.J1939_NO_PGN, 0x20], 'getsockname');
    const short = Buffer.from('0102030405060708', 'hex');
    a.sendto(short, ['vcan1', w.J1939_NO_NAME, 0x12300, 0x30]);
    const [d1, from] = b.recvfrom(2048);
    same([d1, from], [short, ['vcan1', 0n, 0x12300, 0x20]], 'single frame');
    // 100 bytes: the kernel's transport protocol (RTS/CTS) between the two sockets
    const long = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
    a.sendto(long, ['vcan1', w.J1939_NO_NAME, 0x12300, 0x30]);
    const [d2, from2] = b.recvfrom(2048);
    // the kernel names no interface (ifindex 0) for messages it reassembled
    same([d2, from2.slice(1)], [long, [0n, 0x12300, 0x20]], 'transport protocol');
    if (!['vcan1', ''].includes(from2[0])) throw new Error(`TP message from ${from2[0]}`);
    return { single: hex(short), single_from: from, tp_bytes: d2.length, tp_from: from2 };
  } finally {
    a.close();
    b.close();
  }
});

// ---- AF_ALG ---------------------------------------------------------------------------
// Key and tag size must be set before accept() (EBUSY after). The operation sockets stay
// blocking: algif_hash has no poll(), so a timeout would wait for readiness forever.
function alg(type, name, key, authsize) {
  const s = w.socket(w.AF_ALG, w.SOCK_SEQPACKET, 0);
  s.bind([type, name]);
  if (key) s.setsockopt(w.SOL_ALG, w.ALG_SET_KEY, key);
  if (authsize) s.setsockopt(w.SOL_ALG, w.ALG_SET_AEAD_AUTHSIZE, null, authsize);
  const [op, addr] = s.accept();
  return [s, op, addr];
}

check('alg_sha256', { modules: ['af_alg', 'algif_hash'] }, async () => {
  const [s, op, addr] = alg('hash', 'sha256');
  try {
    op.sendall(Buffer.from('abc'));
    const digest = hex(op.recv(32));
    same(digest, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', "sha256('abc')");
    return { "sha256('abc')": digest, accept_address: addr };
  } finally {
    op.close();
    s.close();
  }
});

check('alg_hmac_sha256', { modules: ['af_alg', 'algif_hash'] }, async () => {
  const [s, op] = alg('hash', 'hmac(sha256)', Buffer.from('Jefe')); // RFC 4231 test case 2
  try {
    same(op.sendmsg_afalg([Buffer.from('what do ya '), Buffer.from('want for nothing?')], { op: 0 }), 28, 'sent');
    const mac = hex(op.recv(32));
    same(mac, '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'HMAC-SHA256');
    return { hmac_sha256: mac };
  } finally {
    op.close();
    s.close();
  }
});

check('alg_aes_cbc', { modules: ['af_alg', 'algif_skcipher'] }, async () => {
  // NIST SP 800-38A F.2.1/F.2.2, two blocks
  const key = Buffer.from('2b7e151628aed2a6abf7158809cf4f3c', 'hex');
  const iv = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  const pt = Buffer.from('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51', 'hex');
  const ct = '7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2';
  const [s, op] = alg('skcipher', 'cbc(aes)', key);
  try {
    op.sendmsg_afalg([pt], w.ALG_OP_ENCRYPT, iv);
    same(hex(op.recv(32)), ct, 'encrypt');
    op.sendmsg_afalg([Buffer.from(ct, 'hex')], { op: w.ALG_OP_DECRYPT, iv });
    same(op.recv(32), pt, 'decrypt');
    return { aes128_cbc: ct, decrypted: 'plaintext' };
  } finally {
    op.close();
    s.close();
  }
});

check('alg_aes_gcm_assoclen', { modules: ['af_alg', 'algif_aead', 'gcm'] }, async () => {
  // GCM test case 4 (McGrew & Viega): 20 bytes of associated data
  const key = Buffer.from('feffe9928665731c6d6a8f9467308308', 'hex');
  const iv = Buffer.from('cafebabefacedbaddecaf888', 'hex');
  const aad = Buffer.from('feedfacedeadbeeffeedfacedeadbeefabaddad2', 'hex');
  const pt = Buffer.from('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39', 'hex');
  const ct = '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091';
  const tag = '5bc94fbc3221a5db94fae95ae7121a47';
  const [s, op] = alg('aead', 'gcm(aes)', key, 16);
  try {
    op.sendmsg_afalg([aad, pt], { op: w.ALG_OP_ENCRYPT, iv, assoclen: aad.length });
    const out = op.recv(aad.length + pt.length + 16);
    same(hex(out), hex(aad) + ct + tag, 'AAD || ciphertext || tag');
    return { gcm_ciphertext: ct, tag, assoclen: aad.length };
  } finally {
    op.close();
    s.close();
  }
});

// ---- TIPC -----------------------------------------------------------------------------
check('tipc_rdm_two_sockets', { modules: ['tipc'] }, async () => {
  const srv = w.socket(w.AF_TIPC, w.SOCK_RDM);
  const cli = w.socket(w.AF_TIPC, w.SOCK_RDM);
  try {
    srv.settimeout(10);
    cli.settimeout(10);
    srv.bind([w.TIPC_ADDR_NAMESEQ, 18890, 17, 17, w.TIPC_NODE_SCOPE]);
    cli.sendto(Buffer.from('hello tipc'), [w.TIPC_ADDR_NAME, 18890, 17, 0]);
    const [data, from] = srv.recvfrom(64);
    const me = cli.getsockname();
    same([data.toString(), from[0], from[2]], ['hello tipc', w.TIPC_ADDR_ID, me[2]], 'request and its sender');
    srv.sendto(Buffer.from('hello back'), from);
    const [reply, from2] = cli.recvfrom(64);
    same([reply.toString(), from2[0]], ['hello back', w.TIPC_ADDR_ID], 'reply');
    return { received: data.toString(), from, client_getsockname: me, reply: reply.toString() };
  } finally {
    srv.close();
    cli.close();
  }
});

// ---- RDS ------------------------------------------------------------------------------
check('rds_bind_exchange', { modules: ['rds', 'rds_tcp'] }, async () => {
  const a = w.socket(w.AF_RDS, w.SOCK_SEQPACKET);
  const b = w.socket(w.AF_RDS, w.SOCK_SEQPACKET);
  try {
    a.bind(['127.0.0.1', 4010]);
    b.bind(['127.0.0.1', 4011]);
    same(a.getsockname(), ['127.0.0.1', 4010], 'getsockname');
    b.settimeout(10);
    a.sendto(Buffer.from('hello rds'), ['127.0.0.1', 4011]);
    const [data, from] = b.recvfrom(64);
    same([data.toString(), from], ['hello rds', ['127.0.0.1', 4010]], 'datagram');
    return { bound: ['127.0.0.1', 4010], received: data.toString(), from };
  } finally {
    a.close();
    b.close();
  }
});

// ---- QIPCRTR --------------------------------------------------------------------------
check('qipcrtr_bind_exchange', { modules: ['qrtr'] }, async () => {
  const a = w.socket(w.AF_QIPCRTR, w.SOCK_DGRAM);
  const b = w.socket(w.AF_QIPCRTR, w.SOCK_DGRAM);
  try {
    const [node] = a.getsockname();
    a.bind([node, 0x4001]);
    same(a.getsockname(), [node, 0x4001], 'getsockname after bind');
    b.bind([node, 0x4002]);
    b.settimeout(5);
    a.sendto(Buffer.from('hello qrtr'), [node, 0x4002]);
    const [data, from] = b.recvfrom(64);
    same([data.toString(), from], ['hello qrtr', [node, 0x4001]], 'local delivery');
    return { node, bound: [node, 0x4001], received: data.toString(), from };
  } finally {
    a.close();
    b.close();
  }
});

// ---- Bluetooth ------------------------------------------------------------------------
check('bluetooth_hci_vhci', { modules: ['bluetooth', 'hci_vhci'] }, async () => {
  if (!fs.existsSync('/sys/class/bluetooth/hci0')) throw new Skip('no hci0 (the vhci controller did not appear)');
  const raw = w.socket(w.AF_BLUETOOTH, w.SOCK_RAW, w.BTPROTO_HCI);
  const mon = w.socket(w.AF_BLUETOOTH, w.SOCK_RAW, w.BTPROTO_HCI);
  try {
    raw.bind([0]);
    same(raw.getsockname(), 0, 'getsockname of a raw-channel HCI socket (dev)');
    // struct hci_ufilter: u32 type_mask, u32 event_mask[2], u16 opcode, 2 bytes padding
    const filter = Buffer.alloc(16);
    filter.writeUInt32LE(0xffffffff, 0);
    filter.writeUInt32LE(0xffffffff, 4);
    filter.writeUInt32LE(0xffffffff, 8);
    raw.setsockopt(w.SOL_HCI, w.HCI_FILTER, filter);
    same(raw.getsockopt(w.SOL_HCI, w.HCI_FILTER, 16), filter, 'HCI_FILTER read back');
    // the monitor channel (dev HCI_DEV_NONE, channel 2) replays the controllers it knows
    mon.settimeout(5);
    mon.bind([0xffff, 2]);
    const events = [];
    for (let i = 0; i < 8; i++) {
      let m;
      try { m = mon.recv(1024); } catch (e) { if (e instanceof w.timeout) break; throw e; }
      events.push({ opcode: m.readUInt16LE(0), index: m.readUInt16LE(2), len: m.readUInt16LE(4) });
      if (m.readUInt16LE(0) === 0 && m.readUInt16LE(2) === 0) break; // HCI_MON_NEW_INDEX for hci0
    }
    const newIndex = events.find((e) => e.opcode === 0 && e.index === 0);
    if (!newIndex) throw new Error(`no NEW_INDEX for hci0 among ${JSON.stringify(events)}`);
    // its payload: u8 type, u8 bus, bdaddr, char name[8]
    return { raw_bound: 0, monitor_events: events.length, new_index: newIndex };
  } finally {
    raw.close();
    mon.close();
  }
});

check('bluetooth_l2cap_sco_bind', { modules: ['bluetooth'] }, async () => {
  const l2 = w.socket(w.AF_BLUETOOTH, w.SOCK_SEQPACKET, w.BTPROTO_L2CAP);
  const sco = w.socket(w.AF_BLUETOOTH, w.SOCK_SEQPACKET, w.BTPROTO_SCO);
  try {
    l2.bind([w.BDADDR_ANY, 0x1001]);
    same(l2.getsockname(), [w.BDADDR_ANY, 0x1001], 'L2CAP getsockname');
    sco.bind(w.BDADDR_ANY);
    same(sco.getsockname(), w.BDADDR_ANY, 'SCO getsockname');
    return { l2cap: l2.getsockname(), sco: sco.getsockname() };
  } finally {
    l2.close();
    sco.close();
  }
});

check('bluetooth_rfcomm_bind', { modules: ['bluetooth', 'rfcomm'] }, async () => {
  const s = w.socket(w.AF_BLUETOOTH, w.SOCK_STREAM, w.BTPROTO_RFCOMM);
  try {
    s.bind([w.BDADDR_ANY, 1]);
    same(s.getsockname(), [w.BDADDR_ANY, 1], 'RFCOMM getsockname');
    return { rfcomm: s.getsockname() };
  } finally {
    s.close();
  }
});

// ---- VSOCK ----------------------------------------------------------------------------
check('vsock_loopback_stream', { modules: ['vsock', 'vsock_loopback'] }, async () => {
  const srv = w.socket(w.AF_VSOCK, w.SOCK_STREAM);
  const cli = w.socket(w.AF_VSOCK, w.SOCK_STREAM);
  try {
    srv.bind([w.VMADDR_CID_LOCAL, 5010]);
    srv.listen(1);
    srv.settimeout(10);
    cli.settimeout(10);
    cli.connect([w.VMADDR_CID_LOCAL, 5010]);
    const [conn, peer] = srv.accept();
    try {
      conn.settimeout(10);
      cli.sendall(Buffer.from('ping'));
      same(conn.recv(4).toString(), 'ping', 'client -> server');
      conn.sendall(Buffer.from('pong'));
      same(cli.recv(4).toString(), 'pong', 'server -> client');
      same(cli.getpeername(), [w.VMADDR_CID_LOCAL, 5010], 'getpeername');
      // the client's own name keeps VMADDR_CID_ANY; its port is the accepted peer's
      same([peer[0], peer[1]], [w.VMADDR_CID_LOCAL, cli.getsockname()[1]], 'accepted address');
      return { peer, exchanged: ['ping', 'pong'] };
    } finally {
      conn.close();
    }
  } finally {
    cli.close();
    srv.close();
  }
});

// ---- runner ---------------------------------------------------------------------------
function emit(o) {
  process.stdout.write(`${json(o)}\n`);
}
process.stdout.on('error', () => process.exit(0)); // the reader went away (| head)

async function main(argv) {
  if (argv.includes('--plan')) {
    for (const c of CHECKS) emit({ check: c.name, modules: c.modules, needs: c.needs });
    return;
  }
  w = require(path.resolve(__dirname, '..', '..', 'bridge'));
  ({ can } = w);
  const only = argv.filter((a) => !a.startsWith('-'));
  for (const c of CHECKS) {
    if (only.length && !only.includes(c.name)) continue;
    const t0 = Date.now();
    const missing = c.modules.filter((m) => !moduleLoaded(m));
    if (missing.length) { emit({ check: c.name, status: 'skip', reason: `module ${missing.join(', ')} not loaded` }); continue; }
    const absent = c.needs.filter((p) => !which(p));
    if (absent.length) { emit({ check: c.name, status: 'skip', reason: `${absent.join(', ')} not installed` }); continue; }
    try {
      const detail = await c.fn();
      emit({ check: c.name, status: 'pass', detail, seconds: (Date.now() - t0) / 1000 });
    } catch (e) {
      if (e instanceof Skip) emit({ check: c.name, status: 'skip', reason: e.message });
      else emit({ check: c.name, status: 'fail', reason: `${e.name}: ${e.message}${e.code ? ` (${e.code})` : ''}`, trace: String(e.stack).split('\n').slice(1, 4).join('\n') });
    }
  }
}

main(process.argv.slice(2)).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
