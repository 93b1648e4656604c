import { expect, test } from 'vitest';
import { takeAll } from './decision';
import { createSlidingWindow } from './sliding-window';

function setup() {
  const clock = { now: 0 };
  const now = () => clock.now;
  const perMinute = createSlidingWindow({ limit: 3, windowMs: 60_000 }, { now });
  const perHour = createSlidingWindow({ limit: 5, windowMs: 3_600_000 }, { now });
  return { clock, perMinute, perHour };
}

test('admits when every rule has room, and counts the request in each', () => {
  const { perMinute, perHour } = setup();
  expect(
    takeAll([
      [perMinute, 'k'],
      [perHour, 'k'],
    ]),
  ).toEqual({ ok: true });
  expect(perMinute.size()).toBe(1);
  expect(perHour.size()).toBe(1);
});

test('refuses when one rule is full, and then counts the request in none', () => {
  const { perMinute, perHour, clock } = setup();
  for (let i = 0; i < 3; i++) takeAll([[perMinute, 'k']]);
  clock.now += 1000;
  expect(
    takeAll([
      [perHour, 'k'],
      [perMinute, 'k'],
    ]),
  ).toEqual({ ok: false, retryAfter: 59 });
  // The refused request left no trace in the rule that had room.
  expect(perHour.size()).toBe(0);
});

test('retryAfter is the longest wait of the rules that refuse', () => {
  const { perMinute, perHour, clock } = setup();
  for (let i = 0; i < 5; i++) {
    takeAll([
      [perMinute, 'k'],
      [perHour, 'k'],
    ]);
    clock.now += 60_000;
  }
  for (let i = 0; i < 3; i++) takeAll([[perMinute, 'k']]);
  // The hour is full until its first request (at 0) leaves at 3600 s; it is now 300 s.
  expect(
    takeAll([
      [perMinute, 'k'],
      [perHour, 'k'],
    ]),
  ).toEqual({ ok: false, retryAfter: 3300 });
});

test('retryAfter is whole seconds rounded up, and at least 1', () => {
  const { perMinute, clock } = setup();
  for (let i = 0; i < 3; i++) takeAll([[perMinute, 'k']]);
  clock.now += 58_500;
  expect(takeAll([[perMinute, 'k']])).toEqual({ ok: false, retryAfter: 2 });
  clock.now += 1_499;
  expect(takeAll([[perMinute, 'k']])).toEqual({ ok: false, retryAfter: 1 });
  clock.now += 1;
  expect(takeAll([[perMinute, 'k']])).toEqual({ ok: true });
});

test('no rules: admitted', () => {
  expect(takeAll([])).toEqual({ ok: true });
});
