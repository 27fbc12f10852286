// SPDX-License-Identifier: MIT
// Readiness for the guest. poll_oneoff (wasi-libc's poll, select, FIONREAD) is taken
// over: one poll(2) over the host fds behind the guest's sockets and stdio, regular
// files and directories ready at once (as POSIX says; uvwasi itself fails on them), the
// earliest clock subscription as the timeout, measured on the monotonic clock. Sleeps
// too: uvwasi's timers run on libuv's cached loop time and can end a sleep early.
// poll_many is wasock_host's poll over guest fds,
// translated in place.
'use strict';
const { WASI } = require('./errno');

const SUB = 48, EVT = 32;
const TAG_CLOCK = 0, TAG_READ = 1, TAG_WRITE = 2;
const POLLIN = 1, POLLPRI = 2, POLLOUT = 4, POLLERR = 8, POLLHUP = 0x10, POLLNVAL = 0x20;
const POLLRDHUP = 0x2000;
const HANGUP = 1, ABSTIME = 1;
const EINTR = -4;

function nowNs(clock) {
  return clock === 0 ? BigInt(Date.now()) * 1000000n : process.hrtime.bigint();
}

function poller(ctx) {
  const { table } = ctx;
  const slots = table.slots;
  let H = null;
  ctx.onBind.push((h) => { H = h; });
  // Reused per call.
  let hostFds = new Int32Array(16), hostEv = new Int16Array(16), subOf = new Int32Array(16);

  function pollOneoff(inp, out, n, nevents) {
    ctx.sync();
    let dv = ctx.memory();
    if (n === 0) return WASI.INVAL;
    if (!ctx.fits(inp, n * SUB) || !ctx.fits(out, n * EVT) || !ctx.fits(nevents, 4)) return WASI.FAULT;

    if (hostFds.length < n) {
      hostFds = new Int32Array(n); hostEv = new Int16Array(n); subOf = new Int32Array(n);
    }
    let count = 0, ready = 0;
    let deadline = -1n;           // earliest clock deadline (monotonic ns), -1 none
    const start = process.hrtime.bigint();
    const clocks = [];
    const event = (i, error, type, nbytes, flags) => {
      const s = inp + i * SUB, e = out + ready * EVT;
      dv.setBigUint64(e, dv.getBigUint64(s, true), true);
      dv.setUint16(e + 8, error, true);
      dv.setUint8(e + 10, type);
      dv.setBigUint64(e + 16, BigInt(nbytes), true);
      dv.setUint16(e + 24, flags, true);
      ready++;
    };

    for (let i = 0; i < n; i++) {
      const s = inp + i * SUB;
      const tag = dv.getUint8(s + 8);
      if (tag === TAG_CLOCK) {
        const id = dv.getUint32(s + 16, true);
        let t = dv.getBigUint64(s + 24, true);
        if (dv.getUint16(s + 40, true) & ABSTIME) t -= nowNs(id);
        if (t < 0n) t = 0n;
        const d = start + t;
        clocks.push([i, d]);
        if (deadline < 0n || d < deadline) deadline = d;
        continue;
      }
      if (tag !== TAG_READ && tag !== TAG_WRITE) return WASI.INVAL;
      const fd = dv.getUint32(s + 16, true);
      const e = slots[fd];
      if (e === undefined) { event(i, WASI.BADF, tag, 0, 0); continue; }
      if (e.host < 0) { event(i, 0, tag, 0, 0); continue; }   // a file: ready
      hostFds[count] = e.host;
      hostEv[count] = tag === TAG_READ ? POLLIN : POLLOUT;
      subOf[count++] = i;
    }

    for (;;) {
      let timeout = -1;
      if (ready > 0) timeout = 0;
      else if (deadline >= 0n) {
        const left = deadline - process.hrtime.bigint();
        timeout = left <= 0n ? 0 : Number((left + 999999n) / 1000000n);
        if (timeout > 0x7fffffff) timeout = 0x7fffffff;
      }
      const r = count || timeout > 0 ? ctx.P.poll(hostFds, hostEv, count, timeout) : 0;
      if (r === EINTR) continue;
      dv = ctx.memory();
      if (r < 0) return WASI.IO;
      if (r > 0) {
        for (let k = 0; k < count; k++) {
          const rev = ctx.P.revents(k);
          if (rev === 0) continue;
          const i = subOf[k];
          const tag = hostEv[k] === POLLIN ? TAG_READ : TAG_WRITE;
          if (rev & POLLNVAL) { event(i, WASI.BADF, tag, 0, 0); continue; }
          const nbytes = tag === TAG_READ && rev & POLLIN ? ctx.P.fionread(hostFds[k]) : 0;
          event(i, 0, tag, nbytes, rev & POLLHUP ? HANGUP : 0);
        }
      }
      if (ready === 0 && deadline >= 0n) {
        const now = process.hrtime.bigint();
        for (const [i, d] of clocks) if (d <= now) event(i, 0, TAG_CLOCK, 0, 0);
      }
      if (ready > 0) break;
      if (count === 0 && deadline < 0n) break;
    }
    dv.setUint32(nevents, ready, true);
    return 0;
  }

  // wasock_host.poll_many over guest fds: records translated in place to host fds and
  // back; an unknown fd answers POLLNVAL, a file is ready for what it asked.
  function pollMany(fds, nfds, timeout) {
    ctx.sync();
    const u8 = ctx.u8();
    if (nfds > 65536) return -22;
    if (nfds !== 0 && (fds <= 0 || fds + nfds * 8 > u8.length)) return -14;
    const dv = ctx.memory();
    const saved = [];
    for (let i = 0; i < nfds; i++) {
      const p = fds + 8 * i;
      const g = dv.getInt32(p, true);
      if (g < 0) continue;
      const e = slots[g];
      let extra = 0;
      if (e === undefined) extra = POLLNVAL;
      else if (e.host < 0) extra = dv.getInt16(p + 4, true) & (POLLIN | POLLOUT | 0x40 | 0x100);
      else { saved.push(p, g, 0); dv.setInt32(p, e.host, true); continue; }
      saved.push(p, g, extra);
      dv.setInt32(p, -1, true);
      if (extra) timeout = 0;
    }
    let r = H.poll_many(fds, nfds, timeout);
    const dv2 = ctx.memory();
    let bonus = 0;
    for (let j = 0; j < saved.length; j += 3) {
      const p = saved[j];
      dv2.setInt32(p, saved[j + 1], true);
      if (saved[j + 2]) {
        dv2.setInt16(p + 6, saved[j + 2], true);
        bonus++;
      }
    }
    if (r >= 0) r += bonus;
    return r;
  }

  return { pollOneoff, pollMany };
}

module.exports = { poller, POLLIN, POLLOUT, POLLERR, POLLHUP, POLLNVAL, POLLPRI, POLLRDHUP };
