import { expect, test } from 'vitest';
import { createMemoryStore } from '../state';
import { takeAll, type RateCheck } from './decision';

const perMinute: RateCheck = { key: 'minute', rule: { limit: 3, windowMs: 60_000 } };
const perHour: RateCheck = { key: 'hour', rule: { limit: 5, windowMs: 3_600_000 } };

function setup() {
  const clock = { now: 0 };
  const store = createMemoryStore({ now: () => clock.now });
  const take = (...checks: RateCheck[]) => takeAll(store, checks, clock.now);
  return { clock, store, take };
}

test('admits when every rule has room, and counts the request in each', async () => {
  const { take } = setup();
  expect(await take(perMinute, perHour)).toEqual({ ok: true });
  for (let i = 0; i < 2; i++) await take(perMinute);
  // The minute is full now (1 + 2), the hour is not (1).
  expect((await take(perMinute)).ok).toBe(false);
  for (let i = 0; i < 4; i++) expect(await take(perHour)).toEqual({ ok: true });
  expect((await take(perHour)).ok).toBe(false);
});

test('refuses when one rule is full, and then counts the request in none', async () => {
  const { clock, take } = setup();
  for (let i = 0; i < 3; i++) await take(perMinute);
  clock.now += 1000;
  for (let i = 0; i < 10; i++) expect(await take(perHour, perMinute)).toEqual({ ok: false, retryAfter: 59 });
  // The refused requests left no trace in the rule that had room: all five of the hour are left.
  for (let i = 0; i < 5; i++) expect(await take(perHour)).toEqual({ ok: true });
});

test('retryAfter is the longest wait of the rules that refuse', async () => {
  const { clock, take } = setup();
  for (let i = 0; i < 5; i++) {
    await take(perMinute, perHour);
    clock.now += 60_000;
  }
  for (let i = 0; i < 3; i++) await take(perMinute);
  // The hour is full until its first request (at 0) leaves at 3600 s; it is now 300 s.
  expect(await take(perMinute, perHour)).toEqual({ ok: false, retryAfter: 3300 });
});

test('retryAfter is whole seconds rounded up, and at least 1', async () => {
  const { clock, take } = setup();
  for (let i = 0; i < 3; i++) await take(perMinute);
  clock.now += 58_500;
  expect(await take(perMinute)).toEqual({ ok: false, retryAfter: 2 });
  clock.now += 1_499;
  expect(await take(perMinute)).toEqual({ ok: false, retryAfter: 1 });
  clock.now += 1;
  expect(await take(perMinute)).toEqual({ ok: true });
});

test('no rules: admitted', async () => {
  expect(await setup().take()).toEqual({ ok: true });
});
