import { expect, test } from 'vitest';
import { createSlidingWindow } from './sliding-window';

function windowOf(limit: number, windowMs: number, maxKeys?: number) {
  const clock = { now: 1_000_000 };
  const window = createSlidingWindow(
    { limit, windowMs },
    { now: () => clock.now, ...(maxKeys === undefined ? {} : { maxKeys }) },
  );
  return { window, clock };
}

test('allows `limit` requests in a window and then says how long to wait', () => {
  const { window, clock } = windowOf(3, 10_000);
  for (let i = 0; i < 3; i++) {
    expect(window.wait('a')).toBe(0);
    window.hit('a');
    clock.now += 1000;
  }
  // Hits at +0, +1 s, +2 s; now +3 s: the first leaves the window at +10 s.
  expect(window.wait('a')).toBe(7000);
});

test('a request counts for exactly windowMs', () => {
  const { window, clock } = windowOf(1, 10_000);
  window.hit('a');
  clock.now += 9_999;
  expect(window.wait('a')).toBe(1);
  clock.now += 1;
  expect(window.wait('a')).toBe(0);
});

test('the window slides: no burst of twice the limit across a fixed boundary', () => {
  const { window, clock } = windowOf(2, 60_000);
  clock.now += 59_000;
  window.hit('a');
  window.hit('a');
  // A fixed one-minute bucket would start afresh here, one second later.
  clock.now += 2_000;
  expect(window.wait('a')).toBe(58_000);
  clock.now += 58_000;
  expect(window.wait('a')).toBe(0);
});

test('the wait is until the oldest of the last `limit` requests leaves', () => {
  const { window, clock } = windowOf(2, 10_000);
  window.hit('a');
  clock.now += 4_000;
  window.hit('a');
  clock.now += 1_000;
  expect(window.wait('a')).toBe(5_000);
  clock.now += 5_000;
  expect(window.wait('a')).toBe(0);
  window.hit('a');
  // Now the +4 s request is the oldest counted one: it leaves at +14 s.
  expect(window.wait('a')).toBe(4_000);
});

test('keys are counted apart', () => {
  const { window } = windowOf(1, 10_000);
  window.hit('a');
  expect(window.wait('a')).toBeGreaterThan(0);
  expect(window.wait('b')).toBe(0);
});

test('asking does not count', () => {
  const { window } = windowOf(1, 10_000);
  for (let i = 0; i < 5; i++) expect(window.wait('a')).toBe(0);
  expect(window.size()).toBe(0);
});

test('a key holds at most `limit` request times', () => {
  const { window, clock } = windowOf(2, 10_000);
  for (let i = 0; i < 10; i++) window.hit('a');
  // Had all ten been kept, the wait would follow the first of them, not the ninth.
  clock.now += 1;
  expect(window.wait('a')).toBe(9_999);
});

test('keys whose requests are all older than the window are swept away', () => {
  const { window, clock } = windowOf(5, 60_000);
  for (let i = 0; i < 100; i++) window.hit(`old-${i}`);
  clock.now += 30_000;
  window.hit('recent');
  expect(window.size()).toBe(101);
  clock.now += 30_000;
  // The next call of any kind sweeps: the 100 old keys are gone, `recent` is still counted.
  expect(window.wait('someone-else')).toBe(0);
  expect(window.size()).toBe(1);
  window.hit('recent');
  window.hit('recent');
  window.hit('recent');
  window.hit('recent');
  expect(window.wait('recent')).toBe(30_000);
});

test('a key hit again moves to the back, so it is not swept with the stale ones', () => {
  const { window, clock } = windowOf(5, 60_000);
  window.hit('first');
  window.hit('second');
  clock.now += 50_000;
  window.hit('first');
  clock.now += 20_000;
  expect(window.wait('third')).toBe(0);
  expect(window.size()).toBe(1);
  window.hit('first');
  window.hit('first');
  window.hit('first');
  window.hit('first');
  expect(window.wait('first')).toBeGreaterThan(0);
});

test('past maxKeys, the key seen least recently is forgotten first', () => {
  const { window } = windowOf(1, 60_000, 3);
  for (const key of ['a', 'b', 'c']) window.hit(key);
  window.hit('a'); // refreshes a: b is now the least recent
  window.hit('d');
  expect(window.size()).toBe(3);
  expect(window.wait('b')).toBe(0);
  for (const key of ['a', 'c', 'd']) expect(window.wait(key)).toBeGreaterThan(0);
});

test('uses Date.now without an injected clock', () => {
  const window = createSlidingWindow({ limit: 1, windowMs: 60_000 });
  window.hit('a');
  const wait = window.wait('a');
  expect(wait).toBeGreaterThan(59_000);
  expect(wait).toBeLessThanOrEqual(60_000);
});
