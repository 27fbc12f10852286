// SPDX-License-Identifier: MIT
// Every overlay header compiles together with the kernel's UAPI headers, and the layouts
// and values that cross the host ABI are Linux's (compile-time checks in layout.c).
'use strict';
const fs = require('node:fs');
const { tmpdir, build, start } = require('./util');

test('layout.c builds with -Werror and runs', async () => {
  const dir = tmpdir('layout');
  try {
    const r = await start(build('layout', dir), []).done;
    expect(r).toEqual({ code: 0, stdout: 'layout ok: CAN_RAW 1 NETLINK_ROUTE 0 ALG_SET_KEY 1\n', stderr: '' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
