// SPDX-License-Identifier: MIT
// The error classes: Python's hierarchy, Node-style fields, and what module functions throw.
'use strict';

const ws = require('../../../bridge');
const errnoTable = require('../../../bridge/errno');

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

describe('class hierarchy', () => {
  test('OSError is Error; error is its alias; timeout, gaierror, herror extend it', () => {
    expect(ws.error).toBe(ws.OSError);
    expect(new ws.OSError(1, 'x')).toBeInstanceOf(Error);
    for (const Cls of [ws.timeout, ws.gaierror, ws.herror]) {
      expect(Object.getPrototypeOf(Cls.prototype)).toBe(ws.OSError.prototype);
    }
  });

  test('PEP 3151 subclasses are OSErrors', () => {
    for (const name of ['BlockingIOError', 'ConnectionError', 'BrokenPipeError', 'ConnectionAbortedError',
      'ConnectionRefusedError', 'ConnectionResetError', 'FileExistsError', 'FileNotFoundError',
      'InterruptedError', 'PermissionError', 'ProcessLookupError', 'TimeoutError']) {
      expect(new ws[name](1, 'x')).toBeInstanceOf(ws.OSError);
    }
    expect(new ws.BrokenPipeError(32, 'x')).toBeInstanceOf(ws.ConnectionError);
  });

  test('name is the class name', () => {
    expect(new ws.OSError(1, 'x').name).toBe('OSError');
    expect(new ws.gaierror(-2).name).toBe('gaierror');
    expect(new ws.timeout().name).toBe('TimeoutError');
    expect(ws.timeout).toBe(ws.TimeoutError);
  });
});

describe('fields', () => {
  test('an OSError from the kernel: errno, code, syscall, strerror, Python message', () => {
    const e = thrown(() => ws.close(-1));
    expect(e).toBeInstanceOf(ws.OSError);
    expect(e.errno).toBe(9);
    expect(e.code).toBe('EBADF');
    expect(e.syscall).toBe('close');
    expect(e.strerror).toBe('Bad file descriptor');
    expect(e.message).toBe('[Errno 9] Bad file descriptor');
  });

  test('an OSError without errno has errno and strerror null and only a message', () => {
    const e = thrown(() => ws.inet_aton('x'));
    expect(e.errno).toBeNull();
    expect(e.strerror).toBeNull();
    expect(e.code).toBeUndefined();
    expect(e.message).toBe('illegal IP address string passed to inet_aton');
  });

  test('timeout: "timed out", no errno', () => {
    const e = new ws.timeout();
    expect(e.message).toBe('timed out');
    expect(e.errno).toBeNull();
    expect(e).toBeInstanceOf(ws.OSError);
  });

  test('gaierror: errno is the EAI_* value, code its name, message the C library text', () => {
    for (const [name, value] of Object.entries(ws).filter(([k]) => k.startsWith('EAI_'))) {
      const e = new ws.gaierror(value);
      expect(e.errno).toBe(value);
      expect(e.code).toMatch(/^EAI_/);
      expect(ws[e.code]).toBe(value);
      expect(name).toMatch(/^EAI_/);
      expect(e.message).toBe(`[Errno ${value}] ${errnoTable.gai[value]}`);
    }
    expect(new ws.gaierror(ws.EAI_NONAME).code).toBe('EAI_NONAME');
    expect(new ws.gaierror(ws.EAI_SERVICE).strerror).toBe('Servname not supported for ai_socktype');
  });

  test('herror: h_errno values 1-4 with their names', () => {
    expect(new ws.herror(1).code).toBe('HOST_NOT_FOUND');
    expect(new ws.herror(2).code).toBe('TRY_AGAIN');
    expect(new ws.herror(3).code).toBe('NO_RECOVERY');
    expect(new ws.herror(4).code).toBe('NO_DATA');
    expect(new ws.herror(1).message).toBe('[Errno 1] Unknown host');
  });

  test('fromErrno picks the PEP 3151 class', () => {
    expect(ws.fromErrno(111, 'connect')).toBeInstanceOf(ws.ConnectionRefusedError);
    expect(ws.fromErrno(11)).toBeInstanceOf(ws.BlockingIOError);
    expect(ws.fromErrno(32)).toBeInstanceOf(ws.BrokenPipeError);
    expect(ws.fromErrno(2)).toBeInstanceOf(ws.FileNotFoundError);
    expect(ws.fromErrno(1)).toBeInstanceOf(ws.PermissionError);
    expect(ws.fromErrno(110)).toBeInstanceOf(ws.TimeoutError);
    const e = ws.fromErrno(111, 'connect');
    expect([e.errno, e.code, e.syscall]).toEqual([111, 'ECONNREFUSED', 'connect']);
  });
});

describe('what the module functions throw', () => {
  test('Python TypeError is TypeError, ValueError and OverflowError are RangeError', () => {
    expect(thrown(() => ws.htons('1'))).toBeInstanceOf(TypeError);
    expect(thrown(() => ws.htons(70000))).toBeInstanceOf(RangeError);
    expect(thrown(() => ws.inet_aton('1\0'))).toBeInstanceOf(RangeError);
    expect(thrown(() => ws.getaddrinfo('a..b', 1))).toBeInstanceOf(RangeError);
  });

  test('core errors are never plain Error', () => {
    const calls = [
      () => ws.htons(), () => ws.inet_ntop(), () => ws.getaddrinfo(), () => ws.getnameinfo(),
      () => ws.if_indextoname(0), () => ws.close(1.5), () => ws.getservbyname('x-none'),
      () => ws.gethostbyname_ex('<broadcast>'), () => ws.getaddrinfo('x', 'y', 0, 0, 0, -1),
    ];
    for (const c of calls) {
      const e = thrown(c);
      expect(e instanceof ws.OSError || e instanceof TypeError || e instanceof RangeError).toBe(true);
    }
  });

  test('messages name the function or the argument', () => {
    expect(() => ws.inet_pton(2)).toThrow('inet_pton() takes exactly 2 arguments (1 given)');
    expect(() => ws.getaddrinfo('a', 1, 0, 0, 0, 0, 0)).toThrow('getaddrinfo() takes at most 6 arguments (7 given)');
    expect(() => ws.close('3')).toThrow(/close\(\) argument 1 must be an integer, not str/);
  });
});
