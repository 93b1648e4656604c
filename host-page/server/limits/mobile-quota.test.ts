import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { createKeyHasher, createMemoryStore } from '../state';
import { createMobileQuota } from './mobile-quota';
import { RATE_LIMIT_DEFAULTS } from './rules';

const MOBILE = '9876543210';

function setup() {
  const clock = { now: Date.parse('2025-01-15T10:00:00Z') };
  return { quota: createMobileQuota({ now: () => clock.now }), clock };
}

/** `n` OTP requests for `mobile` from `client`, one every `everyMs`; how many were allowed. */
async function ask(
  quota: ReturnType<typeof setup>['quota'],
  clock: { now: number },
  n: number,
  client: string,
  everyMs = 0,
  mobile = MOBILE,
) {
  let allowed = 0;
  for (let i = 0; i < n; i++) {
    if ((await quota.take(mobile, client)).ok) allowed++;
    clock.now += everyMs;
  }
  return allowed;
}

test('one mobile gets 20 OTPs in 10 minutes from all addresses; the 21st waits for the first to leave the window', async () => {
  const { quota, clock } = setup();
  for (let i = 0; i < 20; i++) {
    expect(await quota.take(MOBILE, i % 2 ? 'office-a' : 'office-b')).toEqual({ ok: true });
    clock.now += 15_000;
  }
  // The first went out 300 s ago: it leaves the 600 s window in 300 s.
  expect(await quota.take(MOBILE, 'office-c')).toEqual({ ok: false, retryAfter: 300 });
  clock.now += 300_000;
  expect(await quota.take(MOBILE, 'office-c')).toEqual({ ok: true });
});

test('a family at one counter gets 10 OTPs for its one mobile in 10 minutes', async () => {
  const { quota, clock } = setup();
  expect(await ask(quota, clock, 10, 'counter', 30_000)).toBe(10);
});

test('a stranger at one address cannot lock a mobile out: its owner, from another address, still gets OTPs', async () => {
  const { quota, clock } = setup();
  // However many the stranger asks for, one address gets at most 10 in 10 minutes…
  expect(await ask(quota, clock, 200, 'stranger')).toBe(10);
  expect(await quota.take(MOBILE, 'stranger')).toMatchObject({ ok: false });
  // …and the owner still has the other 10.
  expect(await ask(quota, clock, 10, 'owner')).toBe(10);
});

test('over a day a stranger at one address takes at most 25, leaving the owner the rest of the 50', async () => {
  const { quota, clock } = setup();
  let stranger = 0;
  for (let window = 0; window < 3; window++) {
    if (window > 0) clock.now += 600_000;
    stranger += await ask(quota, clock, 50, 'stranger');
  }
  expect(stranger).toBe(25);
  expect(await ask(quota, clock, 10, 'owner')).toBe(10);
});

test('many addresses together still stop at the mobile’s own limits: no SMS bombing', async () => {
  const { quota, clock } = setup();
  const perWindow: number[] = [];
  for (let window = 0; window < 24 * 6; window++) {
    if (window > 0) clock.now += 600_000;
    let sent = 0;
    for (let address = 0; address < 10; address++) sent += await ask(quota, clock, 10, `bot-${address}`);
    perWindow.push(sent);
  }
  // 20 in any 10 minutes, 50 in the whole day, however many addresses ask.
  expect(perWindow.slice(0, 3)).toEqual([20, 20, 10]);
  expect(perWindow.reduce((a, b) => a + b, 0)).toBe(50);
});

test('a registered and an unregistered mobile are counted alike: the limit says nothing about registration', async () => {
  const { quota, clock } = setup();
  const registered = await ask(quota, clock, 15, 'same', 0, '9876543210');
  const unknown = await ask(quota, clock, 15, 'same', 0, '6000000099');
  expect(registered).toBe(unknown);
  expect(await quota.take('9876543210', 'same')).toEqual(await quota.take('6000000099', 'same'));
});

test('one mobile gets at most 50 OTPs in 24 hours, however slowly they are asked for', async () => {
  const { quota, clock } = setup();
  for (let i = 0; i < 50; i++) {
    expect(await quota.take(MOBILE, `office-${i % 3}`)).toEqual({ ok: true });
    clock.now += 60_000;
  }
  expect(await quota.take(MOBILE, 'office-9')).toEqual({ ok: false, retryAfter: 86_400 - 50 * 60 });
});

test('the forms of one number share one count', async () => {
  const { quota } = setup();
  const forms = ['9876543210', '+91 98765 43210', '098765-43210', '९८७६५४३२१०'];
  for (let i = 0; i < 10; i++) await quota.take(forms[i % forms.length]!, 'office');
  for (const form of forms) expect((await quota.take(form, 'office')).ok).toBe(false);
});

test('each mobile has its own count', async () => {
  const { quota, clock } = setup();
  await ask(quota, clock, 10, 'office');
  expect((await quota.take(MOBILE, 'office')).ok).toBe(false);
  expect(await quota.take('9123456780', 'office')).toEqual({ ok: true });
});

test('the limits are configurable', async () => {
  const clock = { now: 0 };
  const quota = createMobileQuota({
    limits: { ...RATE_LIMIT_DEFAULTS, mobile: { limit: 2, windowSeconds: 60 } },
    now: () => clock.now,
  });
  expect((await quota.take(MOBILE, 'a')).ok).toBe(true);
  expect((await quota.take(MOBILE, 'b')).ok).toBe(true);
  expect(await quota.take(MOBILE, 'c')).toEqual({ ok: false, retryAfter: 60 });
});

test('a refused request is not counted, so waiting Retry-After is enough', async () => {
  const { quota, clock } = setup();
  await ask(quota, clock, 10, 'office');
  for (let i = 0; i < 100; i++) expect((await quota.take(MOBILE, 'office')).ok).toBe(false);
  clock.now += 600_000;
  expect((await quota.take(MOBILE, 'office')).ok).toBe(true);
});

test('a counter stays for its whole window, however many other mobiles are counted meanwhile', async () => {
  const { quota, clock } = setup();
  await ask(quota, clock, 10, 'office');
  // Nothing here has a cap of its own to overflow (the quota keeps no map): ten thousand others,
  // four counters each, through the store, whose own test sends fifty thousand keys past one.
  for (let i = 0; i < 10_000; i++) await quota.take(String(7_000_000_000 + i), 'elsewhere');
  clock.now += 60_000;
  expect((await quota.take(MOBILE, 'office')).ok).toBe(false);
});

test('two hosts on one store and one secret count one mobile together', async () => {
  const store = createMemoryStore();
  const hashKey = createKeyHasher(randomBytes(32));
  const [hostA, hostB] = [createMobileQuota({ store, hashKey }), createMobileQuota({ store, hashKey })];
  for (let i = 0; i < 5; i++) {
    await hostA.take(MOBILE, 'office');
    await hostB.take(MOBILE, 'office');
  }
  expect((await hostA.take(MOBILE, 'office')).ok).toBe(false);
  expect((await hostB.take(MOBILE, 'office')).ok).toBe(false);
});
