import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { KycvsResultSchema, OtpResponseSchema, SUPPORT_REF_PATTERN, type SiteverifyVerdict } from '../../../contract';
import { startLocalRedis, type LocalRedis } from '../../../scripts/cluster/local-redis';
import { createMemoryStore, createRedisStore, type StateStore } from '../state';
import { DEMO_ORIGIN, useMockedHost } from '../test-kit';

// siteverify with the provider's secret, an idempotency key, the page's origin and action, and a
// test provider's mark (docs/api.md, "siteverify"), through whole hosts: one host, and two hosts on
// one real Redis, where one verifies and the other is asked.

const { host, mock, clock } = useMockedHost();
const TEST_SECRET = 'demo-test-secret-for-the-demo-only';
const IRCTC_SECRET = 'demo-irctc-secret-for-the-demo-only';

let redis: LocalRedis;
const opened: StateStore[] = [];
beforeAll(async () => {
  redis = await startLocalRedis();
}, 30_000);
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await redis?.stop();
});

type Host = Awaited<ReturnType<typeof host>>;

/** Two hosts sharing one store, as hosts behind one origin share Redis (docs/scaling.md). */
async function twoHosts(kind: 'memory' | 'redis'): Promise<{ a: Host; b: Host; store: StateStore }> {
  if (kind === 'memory') {
    const store = createMemoryStore({ now: clock.now });
    return { a: await host({ store }), b: await host({ store }), store };
  }
  const prefix = `siteverify:${randomBytes(6).toString('hex')}:`;
  const [storeA, storeB] = [0, 1].map(() => createRedisStore({ url: redis.url, prefix }));
  for (const store of [storeA!, storeB!]) {
    opened.push(store);
    expect(await store.connected(5000)).toBe(true);
  }
  return { a: await host({ store: storeA! }), b: await host({ store: storeB! }), store: storeA! };
}

/** A verification of a test identity on `h`, from the demo page, with an action label. */
async function tokenFrom(h: Host, mobile = '9999999901', action = 'booking') {
  const sent = await h.post('/otp', { provider: 'demo-test', name: 'Test Person', mobile, parentOrigin: DEMO_ORIGIN });
  const { session } = OtpResponseSchema.parse(await sent.json());
  const response = await h.post('/verify', { provider: 'demo-test', session, otp: '000000', action });
  expect(response.status).toBe(200);
  return KycvsResultSchema.parse(await response.json());
}

async function siteverify(h: Host, body: Record<string, unknown>) {
  const response = await h.app.request('/api/kycvs/siteverify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('x-kycvs-ref')).toMatch(SUPPORT_REF_PATTERN);
  return (await response.json()) as SiteverifyVerdict;
}

const alreadyUsed = { success: false, 'error-codes': ['token-already-used'] };

test('with the secret, the verdict carries the details, the page’s origin and hostname, the action and test', async () => {
  const { a } = await twoHosts('memory');
  const result = await tokenFrom(a);
  const claims = decodeJwt(result.token);
  expect(await siteverify(a, { token: result.token, secret: TEST_SECRET })).toEqual({
    success: true,
    status: 'FULLY_VACCINATED',
    aud: 'demo-test',
    sub: claims.sub,
    iat: claims.iat,
    exp: claims.exp,
    origin: DEMO_ORIGIN,
    hostname: 'localhost',
    action: 'booking',
    test: true,
    beneficiary: result.beneficiary,
    vaccinations: result.vaccinations,
  });
  expect(result.beneficiary).toMatchObject({ name: 'Test Person Fully' });
});

test.each(['memory', 'redis'] as const)(
  'on %s: the details are kept until the token is used, and then only inside the idempotency record',
  async (kind) => {
    const { a, b, store } = await twoHosts(kind);
    const { token } = await tokenFrom(a);
    const key = `token-details:${decodeJwt(token).jti}`;
    expect(await store.get(key)).toEqual(expect.any(String));
    // Sealed: the store never shows the person in plain.
    expect(await store.get(key)).not.toContain('Test Person');
    const first = await siteverify(b, { token, secret: TEST_SECRET, idempotency_key: 'order-1' });
    expect(first).toMatchObject({ success: true, beneficiary: { name: 'Test Person Fully' } });
    expect(await store.get(key)).toBeUndefined();
    expect(await store.get(`used-token:${decodeJwt(token).jti}`)).not.toContain('Test Person');
    // The retry, on the other host, after the details were dropped: the very same verdict.
    expect(await siteverify(a, { token, secret: TEST_SECRET, idempotency_key: 'order-1' })).toEqual(first);
  },
);

test.each(['memory', 'redis'] as const)(
  'on %s: the same key answers the same verdict; another key, or none, is token-already-used',
  async (kind) => {
    const { a, b } = await twoHosts(kind);
    const { token } = await tokenFrom(a);
    const first = await siteverify(a, { token, secret: TEST_SECRET, idempotency_key: 'order-1' });
    expect(first.success).toBe(true);
    expect(await siteverify(b, { token, secret: TEST_SECRET, idempotency_key: 'order-1' })).toEqual(first);
    expect(await siteverify(b, { token, secret: TEST_SECRET, idempotency_key: 'order-2' })).toEqual(alreadyUsed);
    expect(await siteverify(a, { token, secret: TEST_SECRET })).toEqual(alreadyUsed);
    expect(await siteverify(a, { token, secret: TEST_SECRET, idempotency_key: 'order-1' })).toEqual(first);
  },
);

test.each(['memory', 'redis'] as const)(
  'on %s: concurrent retries with one key on two hosts all get the one verdict',
  async (kind) => {
    const { a, b } = await twoHosts(kind);
    const { token } = await tokenFrom(a);
    const body = { token, secret: TEST_SECRET, idempotency_key: 'retry-storm' };
    const verdicts = await Promise.all(Array.from({ length: 12 }, (_, i) => siteverify(i % 2 ? a : b, body)));
    expect(verdicts[0]).toMatchObject({ success: true, beneficiary: { name: 'Test Person Fully' } });
    for (const verdict of verdicts) expect(verdict).toEqual(verdicts[0]);
  },
);

test.each(['memory', 'redis'] as const)(
  'on %s: concurrent checks with different keys, or none, on two hosts: exactly one succeeds',
  async (kind) => {
    const { a, b } = await twoHosts(kind);
    const { token } = await tokenFrom(a);
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        siteverify(i % 2 ? a : b, { token, secret: TEST_SECRET, ...(i % 3 ? { idempotency_key: `k-${i}` } : {}) }),
      ),
    );
    expect(verdicts.filter((verdict) => verdict.success)).toHaveLength(1);
    expect(verdicts.filter((verdict) => !verdict.success)).toEqual(Array(11).fill(alreadyUsed));
  },
);

test('a first use without a key cannot be answered again with one', async () => {
  const { a } = await twoHosts('memory');
  const { token } = await tokenFrom(a);
  expect((await siteverify(a, { token, secret: TEST_SECRET })).success).toBe(true);
  expect(await siteverify(a, { token, secret: TEST_SECRET, idempotency_key: 'order-1' })).toEqual(alreadyUsed);
});

test('a retry with the key still needs the secret, and after the token’s life it is token-expired', async () => {
  const { a } = await twoHosts('memory');
  const { token } = await tokenFrom(a);
  const first = await siteverify(a, { token, secret: TEST_SECRET, idempotency_key: 'order-1' });
  expect(await siteverify(a, { token, idempotency_key: 'order-1' })).toEqual({
    success: false,
    'error-codes': ['missing-input-secret'],
  });
  clock.advance(290_000);
  expect(await siteverify(a, { token, secret: TEST_SECRET, idempotency_key: 'order-1' })).toEqual(first);
  clock.advance(20_000);
  expect(await siteverify(a, { token, secret: TEST_SECRET, idempotency_key: 'order-1' })).toEqual({
    success: false,
    'error-codes': ['token-expired'],
  });
});

test.each([
  { why: 'an empty key', key: '' },
  { why: 'a space', key: 'order 1' },
  { why: '256 characters', key: 'k'.repeat(256) },
  { why: 'non-ASCII', key: 'आदेश-1' },
  { why: 'a newline', key: 'order\n1' },
])('a key with $why is invalid-idempotency-key, and the token stays usable', async ({ key }) => {
  const { a } = await twoHosts('memory');
  const { token } = await tokenFrom(a);
  expect(await siteverify(a, { token, secret: TEST_SECRET, idempotency_key: key })).toEqual({
    success: false,
    'error-codes': ['invalid-idempotency-key'],
  });
  expect((await siteverify(a, { token, secret: TEST_SECRET, idempotency_key: 'k'.repeat(255) })).success).toBe(true);
});

test('an idempotency key that is not a string is a bad request', async () => {
  const { a } = await twoHosts('memory');
  const response = await a.app.request('/api/kycvs/siteverify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: 'x', idempotency_key: 42 }),
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ success: false, 'error-codes': ['bad-request'] });
});

test('a form body takes the idempotency key too, and refuses it twice', async () => {
  const { a } = await twoHosts('memory');
  const { token } = await tokenFrom(a);
  const form = (fields: string) =>
    a.app.request('/api/kycvs/siteverify', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fields,
    });
  const fields = new URLSearchParams({ token, secret: TEST_SECRET, idempotency_key: 'order-1' }).toString();
  const first = await (await form(fields)).json();
  expect(first).toMatchObject({ success: true });
  expect(await (await form(fields)).json()).toEqual(first);
  expect((await form(`${fields}&idempotency_key=order-2`)).status).toBe(400);
});

test('a real provider’s verdict with its secret carries what CoWIN gave, and no test mark', async () => {
  const { a } = await twoHosts('memory');
  const sent = await a.post('/otp', {
    provider: 'demo-irctc',
    name: 'Asha Verma',
    mobile: '9876543210',
    parentOrigin: DEMO_ORIGIN,
  });
  const { session } = OtpResponseSchema.parse(await sent.json());
  const otp = mock.outbox.list('9876543210').at(-1)!.otp;
  const result = KycvsResultSchema.parse(
    await (await a.post('/verify', { provider: 'demo-irctc', session, otp })).json(),
  );
  const verdict = await siteverify(a, { token: result.token, secret: IRCTC_SECRET });
  expect(verdict).toMatchObject({
    success: true,
    aud: 'demo-irctc',
    origin: DEMO_ORIGIN,
    hostname: 'localhost',
    beneficiary: { name: 'Asha Verma' },
    vaccinations: result.vaccinations,
  });
  expect(verdict).not.toHaveProperty('test');
  expect(verdict).not.toHaveProperty('action');
});

test('a provider without a secret gets the claims, origin and action, and never details', async () => {
  const { a } = await twoHosts('memory');
  const sent = await a.post('/otp', {
    provider: 'demo-travel',
    name: 'Asha Verma',
    mobile: '9876543210',
    parentOrigin: DEMO_ORIGIN,
  });
  const { session } = OtpResponseSchema.parse(await sent.json());
  const otp = mock.outbox.list('9876543210').at(-1)!.otp;
  const verified = await a.post('/verify', { provider: 'demo-travel', session, otp, action: 'checkout' });
  const { token } = KycvsResultSchema.parse(await verified.json());
  const verdict = await siteverify(a, { token });
  expect(verdict).toEqual({
    success: true,
    status: 'FULLY_VACCINATED',
    aud: 'demo-travel',
    sub: expect.any(String),
    iat: expect.any(Number),
    exp: expect.any(Number),
    origin: DEMO_ORIGIN,
    hostname: 'localhost',
    action: 'checkout',
  });
});
