import { decodeJwt } from 'jose';
import { expect, test } from 'vitest';
import { OtpResponseSchema, VerifyAnswerSchema, type FrameConfig } from '../../../contract';
import { DEMO_ORIGIN, useMockedHost } from '../test-kit';

// Redirect mode through the whole host (docs/redirect.md): the page, the code /verify gives, and
// its exchange at siteverify, on the host's clock, which these tests move (the e2e tests cannot).

const { host, clock } = useMockedHost();
type Host = Awaited<ReturnType<typeof host>>;

const CALLBACK = `${DEMO_ORIGIN}/app/callback`;
const TEST_SECRET = 'demo-test-secret-for-the-demo-only';
const IRCTC_SECRET = 'demo-irctc-secret-for-the-demo-only';

const page = (h: Host, query: Record<string, string> | string, headers: Record<string, string> = {}) =>
  h.app.request(`/verify?${new URLSearchParams(query).toString()}`, { headers });

const configOf = async (response: Response): Promise<FrameConfig | undefined> => {
  const content = /<meta name="kycvs-config" content="([^"]*)"/.exec(await response.text())?.[1];
  return content === undefined
    ? undefined
    : (JSON.parse(content.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))) as FrameConfig);
};

const siteverify = async (h: Host, body: Record<string, string>) => {
  const response = await h.app.request('/api/kycvs/siteverify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, verdict: (await response.json()) as Record<string, unknown> };
};

/** A test identity's whole check in redirect mode: the answer of /verify, with its code. */
async function redirectCheck(h: Host, mobile = '9999999901', redirectUri = CALLBACK) {
  const otp = await h.post('/otp', { provider: 'demo-test', name: 'Test Person', mobile });
  const { session } = OtpResponseSchema.parse(await otp.json());
  const response = await h.post('/verify', { provider: 'demo-test', session, otp: '000000', redirectUri });
  return { response, session };
}

async function codeOf(h: Host) {
  const { response } = await redirectCheck(h);
  expect(response.status).toBe(200);
  const answer = VerifyAnswerSchema.parse(await response.json());
  expect(answer.code).toMatch(/^[\w-]{43}$/);
  return { code: answer.code!, token: answer.token };
}

test('the page runs the frame for the provider, top-level, told where to return and with which state', async () => {
  const h = await host();
  const response = await page(h, { provider: 'demo-irctc', redirect_uri: CALLBACK, state: 'xyz-123', lang: 'hi' });
  expect(response.status).toBe(200);
  expect(await configOf(response)).toEqual({
    provider: { id: 'demo-irctc', name: 'Demo Rail Portal', scope: ['status', 'demographics', 'vaccinations'] },
    parentOrigin: null,
    refusal: null,
    lang: 'hi',
    instance: '',
    redirect: { uri: CALLBACK, state: 'xyz-123' },
  });
  expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
});

test("without lang the page speaks the browser's language", async () => {
  const h = await host();
  const response = await page(
    h,
    { provider: 'demo-test', redirect_uri: CALLBACK, state: 's' },
    { 'accept-language': 'ta-IN,en;q=0.5' },
  );
  expect((await configOf(response))?.lang).toBe('ta');
});

test('state is echoed exactly, any printable ASCII up to 512 characters', async () => {
  const h = await host();
  for (const state of ['a', '~!@$%^&*()_+=[]{}|;:,.<>?/"\'', 'x'.repeat(512), 'eyJhbGciOi.J9.x-_']) {
    const response = await page(h, { provider: 'demo-test', redirect_uri: CALLBACK, state });
    expect(response.status, state).toBe(200);
    expect((await configOf(response))?.redirect?.state).toBe(state);
  }
});

test.each([
  ['an unknown provider', { provider: 'nobody', redirect_uri: CALLBACK, state: 's' }, 'UNKNOWN_PROVIDER'],
  ['no provider', { redirect_uri: CALLBACK, state: 's' }, 'UNKNOWN_PROVIDER'],
  [
    'a provider with no redirect URIs',
    { provider: 'demo-travel', redirect_uri: CALLBACK, state: 's' },
    'REDIRECT_URI_NOT_REGISTERED',
  ],
  [
    'an unregistered redirect_uri',
    { provider: 'demo-test', redirect_uri: 'https://evil.example/cb', state: 's' },
    'REDIRECT_URI_NOT_REGISTERED',
  ],
  [
    'a trailing slash more',
    { provider: 'demo-test', redirect_uri: `${CALLBACK}/`, state: 's' },
    'REDIRECT_URI_NOT_REGISTERED',
  ],
  [
    'a query added',
    { provider: 'demo-test', redirect_uri: `${CALLBACK}?next=/admin`, state: 's' },
    'REDIRECT_URI_NOT_REGISTERED',
  ],
  [
    'another case',
    { provider: 'demo-test', redirect_uri: CALLBACK.replace('callback', 'Callback'), state: 's' },
    'REDIRECT_URI_NOT_REGISTERED',
  ],
  [
    'another port',
    { provider: 'demo-test', redirect_uri: CALLBACK.replace('5173', '5174'), state: 's' },
    'REDIRECT_URI_NOT_REGISTERED',
  ],
  ['no redirect_uri', { provider: 'demo-test', state: 's' }, 'REDIRECT_URI_NOT_REGISTERED'],
  ['no state', { provider: 'demo-test', redirect_uri: CALLBACK }, 'BAD_STATE'],
  ['an empty state', { provider: 'demo-test', redirect_uri: CALLBACK, state: '' }, 'BAD_STATE'],
  ['a state with a space', { provider: 'demo-test', redirect_uri: CALLBACK, state: 'a b' }, 'BAD_STATE'],
  ['a state too long', { provider: 'demo-test', redirect_uri: CALLBACK, state: 'x'.repeat(513) }, 'BAD_STATE'],
])('%s gets a plain 400 page and no redirect', async (_, query, problem) => {
  const h = await host();
  const response = await page(h, query);
  expect(response.status).toBe(400);
  expect(response.headers.get('location')).toBeNull();
  expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  const html = await response.text();
  expect(html).toContain(`data-problem="${problem}"`);
  expect(html).toContain('This vaccination status check cannot start');
  expect(html).not.toContain('<script');
  expect(html).not.toContain('evil.example');
});

test('a parameter given twice is refused', async () => {
  const h = await host();
  const query = `provider=demo-test&redirect_uri=${encodeURIComponent(CALLBACK)}&redirect_uri=https%3A%2F%2Fevil.example%2F&state=s`;
  const response = await page(h, query);
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('data-problem="REPEATED_PARAMETER"');
});

test("a code is exchanged once, with the provider's secret, for the token's verdict naming the redirect URI's origin", async () => {
  const h = await host();
  const { code, token } = await codeOf(h);
  expect(decodeJwt(token)).toMatchObject({ aud: 'demo-test', origin: DEMO_ORIGIN, test: true });
  const first = await siteverify(h, { code, secret: TEST_SECRET });
  expect(first.status).toBe(200);
  expect(first.verdict).toMatchObject({
    success: true,
    status: 'FULLY_VACCINATED',
    aud: 'demo-test',
    origin: DEMO_ORIGIN,
    hostname: 'localhost',
    test: true,
    beneficiary: { name: 'Test Person Fully' },
  });
  expect(first.verdict.sub).toBe(decodeJwt(token).sub);
  expect(await siteverify(h, { code, secret: TEST_SECRET })).toEqual({
    status: 200,
    verdict: { success: false, 'error-codes': ['code-already-used'] },
  });
  // The code and its token are one: the token is used up too.
  expect((await siteverify(h, { token, secret: TEST_SECRET })).verdict['error-codes']).toEqual(['token-already-used']);
});

test('a token of redirect mode used directly leaves its code used', async () => {
  const h = await host();
  const { code, token } = await codeOf(h);
  expect((await siteverify(h, { token, secret: TEST_SECRET })).verdict.success).toBe(true);
  expect((await siteverify(h, { code, secret: TEST_SECRET })).verdict['error-codes']).toEqual(['code-already-used']);
});

test('the same idempotency key gets the same verdict again; another key does not', async () => {
  const h = await host();
  const { code } = await codeOf(h);
  const first = await siteverify(h, { code, secret: TEST_SECRET, idempotency_key: 'order-1' });
  expect(first.verdict.success).toBe(true);
  expect(await siteverify(h, { code, secret: TEST_SECRET, idempotency_key: 'order-1' })).toEqual(first);
  expect(
    (await siteverify(h, { code, secret: TEST_SECRET, idempotency_key: 'order-2' })).verdict['error-codes'],
  ).toEqual(['code-already-used']);
});

test('a code lives 60 seconds: then code-expired, and once forgotten invalid-code', async () => {
  const h = await host();
  const { code } = await codeOf(h);
  clock.advance(60_000);
  expect((await siteverify(h, { code, secret: TEST_SECRET })).verdict).toEqual({
    success: false,
    'error-codes': ['code-expired'],
  });
  clock.advance(10 * 60_000);
  expect((await siteverify(h, { code, secret: TEST_SECRET })).verdict['error-codes']).toEqual(['invalid-code']);
});

test('a code 59 seconds old is still good', async () => {
  const h = await host();
  const { code } = await codeOf(h);
  clock.advance(59_000);
  expect((await siteverify(h, { code, secret: TEST_SECRET })).verdict.success).toBe(true);
});

test("another provider's secret, or none, is refused, and the code stays usable", async () => {
  const h = await host();
  const { code } = await codeOf(h);
  expect((await siteverify(h, { code, secret: IRCTC_SECRET })).verdict['error-codes']).toEqual([
    'invalid-input-secret',
  ]);
  expect((await siteverify(h, { code })).verdict['error-codes']).toEqual(['missing-input-secret']);
  expect((await siteverify(h, { code, secret: TEST_SECRET })).verdict.success).toBe(true);
});

test('a made-up code is invalid-code; a token and a code together are a bad request', async () => {
  const h = await host();
  for (const code of ['A'.repeat(43), 'not a code', 'x'.repeat(2000)]) {
    expect((await siteverify(h, { code, secret: TEST_SECRET })).verdict['error-codes'], code).toEqual(['invalid-code']);
  }
  const { code, token } = await codeOf(h);
  expect(await siteverify(h, { code, token, secret: TEST_SECRET })).toEqual({
    status: 400,
    verdict: { success: false, 'error-codes': ['bad-request'] },
  });
  expect((await siteverify(h, { code, secret: TEST_SECRET })).verdict.success).toBe(true);
});

test('a code exchanges as a form body too', async () => {
  const h = await host();
  const { code } = await codeOf(h);
  const response = await h.app.request('/api/kycvs/siteverify', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ code, secret: TEST_SECRET }).toString(),
  });
  expect(((await response.json()) as { success: boolean }).success).toBe(true);
});

test('/verify without redirectUri gives no code; with an unregistered one it is refused and spends nothing', async () => {
  const h = await host();
  const { response, session } = await redirectCheck(h, '9999999902', 'https://evil.example/cb');
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  const retried = await h.post('/verify', { provider: 'demo-test', session, otp: '000000' });
  expect(retried.status).toBe(200);
  expect(VerifyAnswerSchema.parse(await retried.json())).not.toHaveProperty('code');
});

test('a code is one of many hosts: another host on the same store exchanges it once', async () => {
  const { createMemoryStore } = await import('../state');
  const store = createMemoryStore({ now: clock.now });
  const [a, b] = [await host({ store }), await host({ store })];
  const { code } = await codeOf(a);
  const answers = await Promise.all([a, b, a, b].map((h) => siteverify(h, { code, secret: TEST_SECRET })));
  expect(answers.filter((answer) => answer.verdict.success)).toHaveLength(1);
  expect(answers.filter((answer) => answer.verdict['error-codes']?.toString() === 'code-already-used')).toHaveLength(3);
});
