// SPDX-License-Identifier: MIT
// One guest's runtime: Node's WASI for files, stdio, args, env and clocks; the fd table
// (fdtable.js) shared by preview1 (preview1.js, poll.js) and wasock_host (sockets.js);
// the policy (policy.js). Blocking guest calls block the thread that runs the guest:
// `wasock run` is the process's only job, and a host embedding the JS API runs it in a
// worker_thread.
'use strict';
const fs = require('node:fs');
const { addon } = require('../core');
const { FdTable, Entry } = require('./fdtable');
const { Policy, describe } = require('./policy');
const { preview1 } = require('./preview1');
const { poller } = require('./poll');
const { hostImports } = require('./sockets');
const { scratch } = require('./scratch');
const { E, WASI_NAMES } = require('./errno');

let WASIClass = null;
// node:wasi warns once, on load, that it is experimental: the CLI asks for silence.
function loadWASI(quiet) {
  if (WASIClass) return WASIClass;
  const emit = process.emitWarning;
  if (quiet) {
    process.emitWarning = function (warning, ...rest) {
      const type = typeof rest[0] === 'object' && rest[0] ? rest[0].type : rest[0];
      if (type === 'ExperimentalWarning' && /WASI/.test(String(warning))) return;
      return emit.call(this, warning, ...rest);
    };
  }
  try {
    WASIClass = require('node:wasi').WASI;
  } finally {
    process.emitWarning = emit;
  }
  return WASIClass;
}

const linuxOf = (wasiErr) => -(E[`E${WASI_NAMES[wasiErr]}`] || E.EIO);

class Runner {
  /**
   * options: { args: [], env: {}, preopens: { guestPath: hostPath }, policy: Policy|object,
   *            stdin: 0, stdout: 1, stderr: 2, trace: false|true|(line) => void, quiet }
   */
  constructor(options = {}) {
    const WASI = loadWASI(options.quiet);
    const stdio = [options.stdin ?? 0, options.stdout ?? 1, options.stderr ?? 2];
    const preopens = options.preopens || {};
    this.wasi = new WASI({
      version: 'preview1', args: options.args || [], env: options.env || {}, preopens,
      stdin: stdio[0], stdout: stdio[1], stderr: stdio[2], returnOnExit: true,
    });
    this.policy = options.policy instanceof Policy ? options.policy : new Policy(options.policy || {});
    const trace = options.trace === true ? (line) => fs.writeSync(stdio[2], `${line}\n`)
      : typeof options.trace === 'function' ? options.trace : null;
    this.trace = trace;
    this.table = new FdTable();
    for (let i = 0; i < 3; i++) this.table.place(i, new Entry(i, stdio[i], 0));
    this.npreopens = Object.keys(preopens).length;
    for (let i = 0; i < this.npreopens; i++) this.table.place(3 + i, new Entry(3 + i, -1, 0));
    this.bound = null;
    this.closed = false;

    const W = this.wasi.wasiImport;
    let memory = null, buf = null, dv = null, u8 = null;
    const ctx = {
      table: this.table,
      policy: this.policy,
      onBind: [],
      P: scratch(addon),
      H: null,
      // The host fds the guest holds, closed by Node even if this thread is terminated.
      guard: addon.fdGuard(),
      /** A new host fd for the guest: its guest number. */
      adopt(hostFd, filetype) {
        const fd = ctx.table.insert(new Entry(-1, hostFd, filetype));
        if (fd < 0) {
          ctx.P.close(hostFd);
          return -E.EMFILE;
        }
        ctx.guard.add(hostFd);
        return fd;
      },
      // Every host call that passes guest offsets first makes sure the binding sees the
      // guest's current memory: a guest that forgets memory_grown after growing (or libc
      // code that never calls it) must not leave the host a stale base pointer.
      sync() {
        if (memory.buffer !== buf) {
          buf = memory.buffer;
          dv = new DataView(buf);
          u8 = new Uint8Array(buf);
          if (ctx.H) ctx.H.memory_grown();
        }
      },
      memory() { ctx.sync(); return dv; },
      u8() { ctx.sync(); return u8; },
      /** Whether guest bytes [off, off+len) exist (a bad pointer is EFAULT, never a throw).
       * Pointers arrive as signed i32: from 2 GiB up (the ABI's external view) they are not. */
      fits(off, len) { ctx.sync(); return off >= 0 && off + len <= u8.length; },
      str(off, len) { return Buffer.from(ctx.u8().subarray(off, off + len)).toString('utf8'); },
      refuse(op, fd, refusal) {
        if (trace) trace(`wasock run: refused ${op}${fd >= 0 ? ` on fd ${fd}` : ''}: ${describe(refusal)}`);
        return refusal.errno;
      },
      // Guest close of any fd. stdio stays open for the host: the guest only forgets it.
      closeFd(fd) {
        const e = ctx.table.get(fd);
        if (e === undefined) return -E.EBADF;
        if (e.owned) {
          ctx.table.remove(fd);
          ctx.guard.remove(e.host);
          return ctx.P.close(e.host);
        }
        if (e.wasi > 2) {
          const r = W.fd_close(e.wasi);
          if (r !== 0) return linuxOf(r);
        }
        ctx.table.remove(fd);
        return 0;
      },
      bindMemory(mem) {
        memory = mem;
        buf = null;
        const H = addon.bind(mem);
        ctx.H = H;
        ctx.sync();
        for (const f of ctx.onBind) f(H);
      },
    };
    this.ctx = ctx;
    const { pollOneoff, pollMany } = poller(ctx);
    ctx.pollOneoff = pollOneoff;
    ctx.pollMany = pollMany;
    this.imports = {
      wasi_snapshot_preview1: preview1(ctx, W),
      wasock_host: hostImports(ctx),
    };
  }

  /** The import object for a WebAssembly instance of the guest. */
  getImportObject() {
    return this.imports;
  }

  _bind(instance) {
    const mem = instance.exports.memory;
    if (!(mem instanceof WebAssembly.Memory)) throw new TypeError('wasock run: the guest exports no memory');
    // The policy reads addresses and SCM_RIGHTS numbers from guest memory, then the kernel
    // reads them again: another thread must not be able to change them in between.
    if (typeof SharedArrayBuffer !== 'undefined' && mem.buffer instanceof SharedArrayBuffer)
      throw new TypeError('wasock run: the guest\'s memory is shared; the runner serves unshared memories only');
    this.ctx.bindMemory(mem);
  }

  /** Runs a command's _start; returns its exit code. Closes the guest's fds after. */
  start(instance) {
    this._bind(instance);
    try {
      return this.wasi.start(instance);
    } finally {
      this.close();
    }
  }

  /** Initializes a reactor; the host calls its exports, then close(). */
  initialize(instance) {
    this._bind(instance);
    this.wasi.initialize(instance);
  }

  /** Closes every descriptor the guest still holds. Returns how many host fds it closed. */
  close() {
    if (this.closed) return 0;
    this.closed = true;
    let n = 0;
    const W = this.wasi.wasiImport;
    const wasiOpen = new Set();
    for (let i = 0; i < this.table.slots.length; i++) {
      const e = this.table.slots[i];
      if (e === undefined) continue;
      if (e.owned) n++;
      else if (e.wasi > 2) wasiOpen.add(e.wasi);
      this.table.slots[i] = undefined;
    }
    this.ctx.guard.closeAll();
    for (let i = 0; i < this.npreopens; i++) wasiOpen.add(3 + i);
    for (const w of wasiOpen) {
      try { W.fd_close(w); } catch { /* never started: uvwasi has no memory yet */ }
    }
    this.table.slots.length = 0;
    if (this.trace && n) this.trace(`wasock run: closed ${n} host fd${n === 1 ? '' : 's'} the guest left open`);
    return n;
  }
}

function toModule(prog) {
  if (prog instanceof WebAssembly.Module) return prog;
  const bytes = typeof prog === 'string' ? fs.readFileSync(prog) : prog;
  return new WebAssembly.Module(bytes);
}

/**
 * Runs a WASI command to completion on this thread and returns its exit code. A trap
 * is rethrown (a WebAssembly.RuntimeError) after the guest's fds are closed.
 */
function run(prog, options = {}) {
  const mod = toModule(prog);
  const runner = new Runner(options);
  let instance;
  try {
    instance = new WebAssembly.Instance(mod, runner.getImportObject());
  } catch (e) {
    runner.close();
    throw e;
  }
  return runner.start(instance);
}

module.exports = { Runner, run, Policy, loadWASI };
