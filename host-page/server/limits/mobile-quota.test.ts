import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { createKeyHasher, createMemoryStore } from '../state';
import { createMobileQuota } from './mobile-quota';
import { RATE_LIMIT_DEFAULTS } from './rules';

function setup() {
  const clock = { now: Date.parse('2025-01-15T10:00:00Z') };
  return { quota: createMobileQuota({ now: () => clock.now }), clock };
}

test('one mobile gets 20 OTPs in 10 minutes, the 21st waits for the first to leave the window', async () => {
  const { quota, clock } = setup();
  for (let i = 0; i < 20; i++) {
    expect(await quota.take('9876543210')).toEqual({ ok: true });
    clock.now += 15_000;
  }
  // The first went out 300 s ago: it leaves the 600 s window in 300 s.
  expect(await quota.take('9876543210')).toEqual({ ok: false, retryAfter: 300 });
  clock.now += 300_000;
  expect(await quota.take('9876543210')).toEqual({ ok: true });
});

test('one mobile gets at most 50 OTPs in 24 hours, however slowly they are asked for', async () => {
  const { quota, clock } = setup();
  for (let i = 0; i < 50; i++) {
    expect(await quota.take('9876543210')).toEqual({ ok: true });
    clock.now += 60_000;
  }
  expect(await quota.take('9876543210')).toEqual({ ok: false, retryAfter: 86_400 - 50 * 60 });
});

test('the forms of one number share one count', async () => {
  const { quota } = setup();
  const forms = ['9876543210', '+91 98765 43210', '098765-43210', '९८७६५४३२१०'];
  for (let i = 0; i < 20; i++) await quota.take(forms[i % forms.length]!);
  for (const form of forms) expect((await quota.take(form)).ok).toBe(false);
});

test('each mobile has its own count', async () => {
  const { quota } = setup();
  for (let i = 0; i < 20; i++) await quota.take('9876543210');
  expect((await quota.take('9876543210')).ok).toBe(false);
  expect(await quota.take('9123456780')).toEqual({ ok: true });
});

test('the limits are configurable', async () => {
  const clock = { now: 0 };
  const quota = createMobileQuota({
    limits: { ...RATE_LIMIT_DEFAULTS, mobile: { limit: 2, windowSeconds: 60 } },
    now: () => clock.now,
  });
  expect((await quota.take('9876543210')).ok).toBe(true);
  expect((await quota.take('9876543210')).ok).toBe(true);
  expect(await quota.take('9876543210')).toEqual({ ok: false, retryAfter: 60 });
});

test('a refused request is not counted, so waiting Retry-After is enough', async () => {
  const { quota, clock } = setup();
  for (let i = 0; i < 20; i++) await quota.take('9876543210');
  for (let i = 0; i < 100; i++) expect((await quota.take('9876543210')).ok).toBe(false);
  clock.now += 600_000;
  expect((await quota.take('9876543210')).ok).toBe(true);
});

test('a counter stays for its whole window, however many other mobiles are counted meanwhile', async () => {
  const { quota, clock } = setup();
  for (let i = 0; i < 20; i++) await quota.take('9876543210');
  for (let i = 0; i < 120_000; i++) await quota.take(String(7_000_000_000 + i));
  clock.now += 60_000;
  expect((await quota.take('9876543210')).ok).toBe(false);
});

test('two hosts on one store and one secret count one mobile together', async () => {
  const store = createMemoryStore();
  const hashKey = createKeyHasher(randomBytes(32));
  const [hostA, hostB] = [createMobileQuota({ store, hashKey }), createMobileQuota({ store, hashKey })];
  for (let i = 0; i < 10; i++) {
    await hostA.take('9876543210');
    await hostB.take('9876543210');
  }
  expect((await hostA.take('9876543210')).ok).toBe(false);
  expect((await hostB.take('9876543210')).ok).toBe(false);
});
