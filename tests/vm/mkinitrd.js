#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Builds the test VM's initramfs: busybox-static, tests/vm/init.sh as /init and the
// kernel modules the family tests need, copied from /lib/modules/<kver> with their
// dependencies resolved through `modinfo -k <kver> -F depends` (and `softdep pre:`)
// and listed in load order. Output (not committed):
//   build/vm/initrd-<kver>.cpio.gz    the initramfs
//   build/vm/initrd-<kver>.json       manifest: modules included, built in, missing
// Rebuilt only when the kernel, this script or init.sh changes.
//
//   node tests/vm/mkinitrd.js [--kver 6.1.0-NN-amd64] [--force]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(ROOT, 'build', 'vm');
const INIT = path.join(__dirname, 'init.sh');
const BUSYBOX_CANDIDATES = ['/bin/busybox', '/usr/bin/busybox'];

// What the VM loads, in this order (each after its own dependencies). `need: true`
// modules are required for the VM to work at all (the 9p root); the others are loaded
// when the kernel ships them, and the manifest records the ones it does not.
const WANTED = [
  // virtio + 9p: the host root and the results share
  { name: 'virtio_pci', need: true }, { name: 'netfs' }, { name: 'fscache' },
  { name: '9pnet', need: true }, { name: '9pnet_virtio', need: true }, { name: '9p', need: true },
  // CAN
  { name: 'can' }, { name: 'can-raw' }, { name: 'can-bcm' }, { name: 'can-isotp' },
  { name: 'can-gw' }, { name: 'can-j1939' }, { name: 'can-dev' }, { name: 'vcan' },
  { name: 'vxcan' },
  // AF_ALG and the algorithms tests use (most are built into Debian's kernel)
  { name: 'af_alg' }, { name: 'algif_hash' }, { name: 'algif_skcipher' },
  { name: 'algif_aead' }, { name: 'algif_rng' },
  { name: 'hmac' }, { name: 'sha256_generic' }, { name: 'sha512_generic' },
  { name: 'aes_generic' }, { name: 'cbc' }, { name: 'ctr' }, { name: 'gcm' },
  { name: 'ccm' }, { name: 'ghash_generic' }, { name: 'sha3_generic' }, { name: 'jitterentropy_rng' }, { name: 'drbg' },
  // other families
  { name: 'tipc' }, { name: 'rds' }, { name: 'rds_tcp' }, { name: 'qrtr' },
  { name: 'bluetooth' }, { name: 'hci_vhci' }, { name: 'rfcomm' },
  { name: 'vsock' }, { name: 'vsock_loopback' },
  { name: 'sctp' },
  // network devices tests may create
  { name: 'veth' }, { name: 'dummy', params: 'numdummies=0' },
];

function newestKernel() {
  let best = null;
  let names = [];
  try { names = fs.readdirSync('/boot'); } catch { return null; }
  for (const f of names) {
    const m = /^vmlinuz-(.+)$/.exec(f);
    if (!m || !fs.existsSync(path.join('/lib/modules', m[1], 'modules.dep'))) continue;
    if (!best || compareVersions(m[1], best) > 0) best = m[1];
  }
  return best;
}

function compareVersions(a, b) {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const c = (Number.isNaN(nx) || Number.isNaN(ny)) ? x.localeCompare(y) : nx - ny;
    if (c) return c;
  }
  return 0;
}

function findBusybox() {
  return BUSYBOX_CANDIDATES.find((p) => fs.existsSync(p)) || null;
}

function modinfo(kver, field, name) {
  try {
    return execFileSync('modinfo', ['-k', kver, '-F', field, name],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error('mkinitrd: modinfo not found (install kmod)');
    return null; // unknown module
  }
}

// Resolves WANTED into a load order. Returns { order: [{name, file}], builtin, missing }.
function resolveModules(kver) {
  const order = [];
  const seen = new Map(); // canonical name -> 'loaded' | 'builtin' | 'missing' | 'visiting'
  const builtin = [];
  const missing = [];
  const canon = (n) => n.replace(/-/g, '_');

  function visit(name, wanted) {
    const key = canon(name);
    if (seen.has(key)) return seen.get(key);
    seen.set(key, 'visiting');
    let file = modinfo(kver, 'filename', name);
    if (file && file.includes('\n')) {
      // an alias several modules provide (crc32c): the generic C one loads on any CPU
      const files = file.split('\n');
      file = files.find((f) => /generic/.test(f)) || files[0];
    }
    if (file === null || file === '') {
      seen.set(key, 'missing');
      if (wanted) missing.push(name);
      return 'missing';
    }
    if (file === '(builtin)' || !file.startsWith('/')) {
      seen.set(key, 'builtin');
      if (wanted) builtin.push(name);
      return 'builtin';
    }
    const deps = (modinfo(kver, 'depends', name) || '').split(',').filter(Boolean);
    // `softdep pre: x y` (libcrc32c wants crc32c first); best effort
    const soft = modinfo(kver, 'softdep', name) || '';
    for (const line of soft.split('\n')) {
      const m = /pre:\s*([^:]*?)(?:\s+post:|$)/.exec(line);
      if (m) for (const d of m[1].split(/\s+/).filter(Boolean)) visit(d, false);
    }
    for (const d of deps) {
      if (visit(d, false) === 'missing') throw new Error(`mkinitrd: ${name} needs ${d}, not found`);
    }
    const params = WANTED.find((w) => canon(w.name) === key)?.params || '';
    order.push({ name: path.basename(file).replace(/\.ko(\..*)?$/, ''), file, params });
    seen.set(key, 'loaded');
    return 'loaded';
  }

  for (const w of WANTED) {
    const r = visit(w.name, true);
    if (r === 'missing' && w.need) throw new Error(`mkinitrd: kernel ${kver} has no module ${w.name}`);
  }
  return { order, builtin, missing };
}

// A module file as busybox insmod can load it (uncompressed).
function moduleBytes(file) {
  const data = fs.readFileSync(file);
  if (file.endsWith('.ko')) return data;
  if (file.endsWith('.gz')) return zlib.gunzipSync(data);
  if (file.endsWith('.xz')) return execFileSync('xz', ['-dc', file], { maxBuffer: 1 << 28 });
  if (file.endsWith('.zst')) return execFileSync('zstd', ['-dcq', file], { maxBuffer: 1 << 28 });
  throw new Error(`mkinitrd: cannot read ${file}`);
}

// --- newc cpio writer ------------------------------------------------------------
function cpioArchive(entries) {
  const chunks = [];
  let ino = 1;
  const pad4 = (n) => (4 - (n % 4)) % 4;
  const hex = (n) => n.toString(16).padStart(8, '0');
  function add(name, mode, data, rdevMajor = 0, rdevMinor = 0) {
    const nameBuf = Buffer.from(name + '\0');
    const body = data || Buffer.alloc(0);
    const header = '070701' + [
      ino++, mode, 0, 0, 1, 0, body.length, 0, 0, rdevMajor, rdevMinor, nameBuf.length, 0,
    ].map(hex).join('');
    chunks.push(Buffer.from(header), nameBuf, Buffer.alloc(pad4(110 + nameBuf.length)));
    chunks.push(body, Buffer.alloc(pad4(body.length)));
  }
  for (const e of entries) add(e.name, e.mode, e.data, e.major, e.minor);
  add('TRAILER!!!', 0, null);
  return Buffer.concat(chunks);
}

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFCHR = 0o020000;

function cacheKey(kver, busybox) {
  const h = crypto.createHash('sha256');
  h.update(fs.readFileSync(__filename));
  h.update(fs.readFileSync(INIT));
  h.update(kver);
  for (const f of [`/lib/modules/${kver}/modules.dep`, busybox]) {
    const st = fs.statSync(f);
    h.update(`${f}:${st.size}:${st.mtimeMs}`);
  }
  return h.digest('hex');
}

function paths(kver) {
  return {
    initrd: path.join(OUT_DIR, `initrd-${kver}.cpio.gz`),
    manifest: path.join(OUT_DIR, `initrd-${kver}.json`),
  };
}

// Builds (or reuses) the initramfs. Returns { initrd, manifest, kver, built }.
function buildInitrd({ kver = newestKernel(), force = false } = {}) {
  if (!kver) throw new Error('mkinitrd: no kernel with modules in /boot and /lib/modules');
  const busybox = findBusybox();
  if (!busybox) throw new Error('mkinitrd: busybox not found (install busybox-static)');
  const p = paths(kver);
  const key = cacheKey(kver, busybox);
  if (!force && fs.existsSync(p.initrd)) {
    try {
      const m = JSON.parse(fs.readFileSync(p.manifest, 'utf8'));
      if (m.key === key) return { ...p, kver, built: false, manifest: m };
    } catch { /* rebuild */ }
  }

  const { order, builtin, missing } = resolveModules(kver);
  const entries = [];
  for (const d of ['bin', 'sbin', 'usr', 'usr/bin', 'usr/sbin', 'dev', 'proc', 'sys', 'etc',
    'host', 'out', 'mnt', 'mnt/project', 'tmp', 'lib', 'lib/modules', 'run']) {
    entries.push({ name: d, mode: S_IFDIR | 0o755 });
  }
  entries.push({ name: 'dev/console', mode: S_IFCHR | 0o600, major: 5, minor: 1 });
  entries.push({ name: 'dev/null', mode: S_IFCHR | 0o666, major: 1, minor: 3 });
  entries.push({ name: 'bin/busybox', mode: S_IFREG | 0o755, data: fs.readFileSync(busybox) });
  entries.push({ name: 'bin/sh', mode: S_IFLNK | 0o777, data: Buffer.from('busybox') });
  entries.push({ name: 'init', mode: S_IFREG | 0o755, data: fs.readFileSync(INIT) });
  const list = [];
  for (const m of order) {
    const base = `${m.name}.ko`;
    entries.push({ name: `lib/modules/${base}`, mode: S_IFREG | 0o644, data: moduleBytes(m.file) });
    list.push(`${m.name} ${base}${m.params ? ` ${m.params}` : ''}`);
  }
  entries.push({ name: 'modules.list', mode: S_IFREG | 0o644, data: Buffer.from(list.join('\n') + '\n') });
  entries.push({ name: 'etc/kver', mode: S_IFREG | 0o644, data: Buffer.from(kver + '\n') });

  const gz = zlib.gzipSync(cpioArchive(entries), { level: 6 });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const manifest = {
    key, kver, built: new Date().toISOString(),
    modules: order.map((m) => m.name), builtin, missing,
  };
  // write-then-rename: concurrent builders never see a half-written file
  const tmp = `${p.initrd}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, gz);
  fs.renameSync(tmp, p.initrd);
  fs.writeFileSync(`${p.manifest}.${process.pid}.tmp`, JSON.stringify(manifest, null, 2) + '\n');
  fs.renameSync(`${p.manifest}.${process.pid}.tmp`, p.manifest);
  return { ...p, kver, built: true, manifest };
}

module.exports = { buildInitrd, newestKernel, resolveModules, findBusybox, WANTED, OUT_DIR };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = { force: args.includes('--force') };
  const k = args.indexOf('--kver');
  if (k >= 0) opt.kver = args[k + 1];
  try {
    const r = buildInitrd(opt);
    const size = fs.statSync(r.initrd).size;
    console.log(`${r.built ? 'built' : 'up to date'}: ${path.relative(process.cwd(), r.initrd)} ` +
      `(${(size / 1048576).toFixed(1)} MiB, kernel ${r.kver}, ${r.manifest.modules.length} modules` +
      `${r.manifest.missing.length ? `, not in this kernel: ${r.manifest.missing.join(' ')}` : ''})`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
