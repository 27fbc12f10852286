// SPDX-License-Identifier: MIT
// getdefaulttimeout / setdefaulttimeout: None or seconds >= 0, kept as nanoseconds
// rounded up (Python's _PyTime_ROUND_TIMEOUT), returned as float seconds.
'use strict';

const ws = require('../../../bridge');

afterEach(() => ws.setdefaulttimeout(null));

describe('default timeout', () => {
  test('starts as None', () => {
    expect(ws.getdefaulttimeout()).toBeNull();
  });

  test.each([
    [0, 0], [0.5, 0.5], [1, 1], [30, 30], [1e-9, 1e-9], [1e-10, 1e-9], [2.5e-9, 3e-9],
    [true, 1], [false, 0], [10n, 10], [86400 * 365, 86400 * 365], [-0, 0],
  ])('setdefaulttimeout(%p) -> getdefaulttimeout() == %p', (set, get) => {
    expect(ws.setdefaulttimeout(set)).toBeNull();
    expect(ws.getdefaulttimeout()).toBeCloseTo(get, 12);
  });

  test('None restores blocking mode', () => {
    ws.setdefaulttimeout(3);
    ws.setdefaulttimeout(null);
    expect(ws.getdefaulttimeout()).toBeNull();
  });

  test('negative, NaN and too large are RangeError; the old value stays', () => {
    ws.setdefaulttimeout(7);
    expect(() => ws.setdefaulttimeout(-1)).toThrow('Timeout value out of range');
    expect(() => ws.setdefaulttimeout(-1e-9)).toThrow(RangeError);
    expect(() => ws.setdefaulttimeout(NaN)).toThrow(/NaN/);
    expect(() => ws.setdefaulttimeout(Infinity)).toThrow(RangeError);
    expect(() => ws.setdefaulttimeout(1e300)).toThrow(RangeError);
    expect(() => ws.setdefaulttimeout(2n ** 63n)).toThrow(RangeError);
    expect(ws.getdefaulttimeout()).toBe(7);
  });

  test('non-numbers are TypeError', () => {
    for (const v of ['1', [], {}, Buffer.from('1')]) expect(() => ws.setdefaulttimeout(v)).toThrow(TypeError);
    expect(() => ws.setdefaulttimeout()).toThrow(TypeError);
    expect(() => ws.getdefaulttimeout(1)).toThrow(TypeError);
  });
});
