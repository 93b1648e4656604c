import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, expect, expectTypeOf, test } from 'vitest';
import { API_ENDPOINTS, OtpResponseSchema, KycvsResultSchema, VerifyAnswerSchema } from '../contract';
import { readConfig } from '../host-page/server/config';
import { createHost, type Host } from '../host-page/server/host';
import type { CowinClient } from '../host-page/server/cowin/client';
import { FRAME_CALL, FRAME_TEMPLATE, useEmptyDist } from '../host-page/server/test-kit';
import {
  exchangeCode,
  siteverify,
  SiteverifyError,
  SiteverifyFaultCode,
  type SiteverifyErrorCode,
  type SiteverifyOptions,
  type SiteverifyVerdict,
} from './index';
import { SITEVERIFY_PATH } from './siteverify';

// `siteverify` against a real host served over HTTP on 127.0.0.1, with the bundled test provider
// (docs/test-identities.md), which needs no CoWIN; and against fake fetches for the faults.

const TEST_SECRET = 'demo-test-secret-for-the-demo-only';
const distDir = useEmptyDist();
/** The test provider never calls CoWIN: a call here would be a bug. */
const notCalled = () => Promise.reject(new Error('CoWIN was called for a test provider'));
const unusedCowin: CowinClient = { generateOtp: notCalled, confirmOtp: notCalled, status: notCalled };

let host: Host;
let server: ServerType;
let origin: string;
beforeAll(async () => {
  host = await createHost(
    { ...readConfig({}), distDir, otpMinMs: 0 },
    { cowin: unusedCowin, frameTemplate: FRAME_TEMPLATE, log: () => {}, warn: () => {}, processMetrics: false },
  );
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: host.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await host.close();
});

/** A fresh token of the test provider, as the frame would get it: 9999999901, fully vaccinated. */
async function testToken(mobile = '9999999901'): Promise<string> {
  const call = (path: string, body: unknown) =>
    host.app.request(`/api/kycvs${path}`, { method: 'POST', headers: FRAME_CALL, body: JSON.stringify(body) });
  const sent = await call('/otp', { provider: 'demo-test', name: 'Test Person', mobile });
  const { session } = OtpResponseSchema.parse(await sent.json());
  const verified = await call('/verify', { provider: 'demo-test', session, otp: '000000', action: 'booking' });
  return KycvsResultSchema.parse(await verified.json()).token;
}

test('a good token with the secret: the verdict with the details, typed', async () => {
  const verdict = await siteverify(await testToken(), { host: origin, secret: TEST_SECRET });
  expect(verdict).toMatchObject({
    success: true,
    status: 'FULLY_VACCINATED',
    aud: 'demo-test',
    action: 'booking',
    test: true,
    beneficiary: { name: 'Test Person Fully' },
    vaccinations: [{ vaccine: 'COVISHIELD' }, { vaccine: 'COVISHIELD' }],
  });
  if (!verdict.success) throw new Error('refused');
  expectTypeOf(verdict.status).toEqualTypeOf<'FULLY_VACCINATED' | 'PARTIALLY_VACCINATED' | 'NOT_VACCINATED'>();
  expectTypeOf(verdict.test).toEqualTypeOf<true | undefined>();
  expectTypeOf(verdict.beneficiary?.name).toEqualTypeOf<string | undefined>();
});

test('with an idempotency key a retry gets the same verdict; without one it is token-already-used', async () => {
  const token = await testToken();
  const options = { host: new URL(origin), secret: TEST_SECRET, idempotencyKey: 'booking-42' };
  const first = await siteverify(token, options);
  expect(first.success).toBe(true);
  expect(await siteverify(token, options)).toEqual(first);
  expect(await siteverify(token, { host: origin, secret: TEST_SECRET })).toEqual({
    success: false,
    'error-codes': ['token-already-used'],
  });
});

test.each([
  { why: 'no secret', options: {}, code: 'missing-input-secret' },
  { why: 'a wrong secret', options: { secret: 'not-the-secret-at-all' }, code: 'invalid-input-secret' },
  {
    why: 'a bad idempotency key',
    options: { secret: TEST_SECRET, idempotencyKey: 'a b' },
    code: 'invalid-idempotency-key',
  },
])('$why is a verdict, $code, not an exception', async ({ options, code }) => {
  // Another mobile than the tests above use: each one's OTPs are counted (docs/test-identities.md).
  const verdict = await siteverify(await testToken('9999999903'), { host: origin, ...options });
  expect(verdict).toEqual({ success: false, 'error-codes': [code] });
});

test('a token that is no token is invalid-input-response', async () => {
  expect(await siteverify('not-a-token', { host: origin })).toEqual({
    success: false,
    'error-codes': ['invalid-input-response'],
  });
});

/** A fetch that records what it was asked and answers `response`. */
function fakeFetch(response: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (url: string | URL, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    return response();
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const verdictResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

test('it posts JSON to the host’s siteverify, with idempotency_key, without a secret it was not given, never following a redirect', async () => {
  const { fetch, calls } = fakeFetch(() => verdictResponse({ success: false, 'error-codes': ['token-expired'] }));
  await siteverify('t', { host: 'https://kycvs.example', idempotencyKey: 'order-1', fetch });
  await siteverify('t', { host: 'https://kycvs.example/ignored/path', secret: 's3cret', fetch });
  expect(calls.map((call) => call.url)).toEqual([
    'https://kycvs.example/api/kycvs/siteverify',
    'https://kycvs.example/api/kycvs/siteverify',
  ]);
  expect(calls.map((call) => JSON.parse(String(call.init.body)))).toEqual([
    { token: 't', idempotency_key: 'order-1' },
    { token: 't', secret: 's3cret' },
  ]);
  expect(calls[0]!.init).toMatchObject({ method: 'POST', redirect: 'error' });
  expect(new Headers(calls[0]!.init.headers).get('content-type')).toBe('application/json');
  expect(SITEVERIFY_PATH).toBe(API_ENDPOINTS.siteverify);
});

test('a 429 or 503 verdict is returned as the host gave it', async () => {
  for (const [status, code] of [
    [429, 'rate-limited'],
    [503, 'internal-error'],
    [400, 'bad-request'],
  ] as const) {
    const { fetch } = fakeFetch(() => verdictResponse({ success: false, 'error-codes': [code] }, status));
    expect(await siteverify('t', { host: origin, fetch })).toEqual({ success: false, 'error-codes': [code] });
  }
});

const faultOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof SiteverifyError ? { code: error.code, status: error.status } : error),
  );

test('no connection is UNREACHABLE', async () => {
  const { fetch } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
  expect(await faultOf(siteverify('t', { host: origin, fetch }))).toEqual({ code: 'UNREACHABLE', status: undefined });
});

test('no answer within timeoutMs is TIMEOUT', async () => {
  const fetch = ((_url: string, init: RequestInit) =>
    new Promise((_resolve, reject) => {
      init.signal!.addEventListener('abort', () => reject(init.signal!.reason));
    })) as unknown as typeof globalThis.fetch;
  expect(await faultOf(siteverify('t', { host: origin, fetch, timeoutMs: 30 }))).toEqual({
    code: 'TIMEOUT',
    status: undefined,
  });
});

test.each([
  { why: "a proxy's HTML page", response: () => new Response('<html>Bad gateway</html>', { status: 502 }) },
  { why: 'JSON that is no verdict', response: () => verdictResponse({ ok: true }) },
  { why: 'a success without a status', response: () => verdictResponse({ success: true }) },
  { why: 'error codes that are not a list', response: () => verdictResponse({ success: false, 'error-codes': 'x' }) },
])('$why is BAD_ANSWER, with its HTTP status', async ({ response }) => {
  const { fetch } = fakeFetch(response);
  const fault = await faultOf(siteverify('t', { host: origin, fetch }));
  expect(fault).toMatchObject({ code: 'BAD_ANSWER' });
  expect((fault as { status: number }).status).toBe((await response()).status);
});

test.each([
  { why: 'no options', options: undefined },
  { why: 'no host', options: {} },
  { why: 'a host that is not a URL', options: { host: 'kycvs' } },
  { why: 'an ftp host', options: { host: 'ftp://kycvs.example' } },
  { why: 'a timeout of 0', options: { host: 'https://kycvs.example', timeoutMs: 0 } },
])('$why is a TypeError: a bug to fix, not a verdict', async ({ options }) => {
  await expect(siteverify('t', options as unknown as SiteverifyOptions)).rejects.toBeInstanceOf(TypeError);
});

test('types: the options, the verdict and the fault codes', () => {
  expectTypeOf(siteverify).returns.resolves.toEqualTypeOf<SiteverifyVerdict>();
  expectTypeOf({ host: 'https://kycvs.example' }).toExtend<SiteverifyOptions>();
  expectTypeOf({ secret: 's' }).not.toExtend<SiteverifyOptions>();
  expectTypeOf<SiteverifyError['code']>().toEqualTypeOf<'UNREACHABLE' | 'TIMEOUT' | 'BAD_ANSWER'>();
  expectTypeOf<
    Extract<SiteverifyVerdict, { success: false }>['error-codes'][number]
  >().toEqualTypeOf<SiteverifyErrorCode>();
  expect(Object.values(SiteverifyFaultCode).sort()).toEqual(['BAD_ANSWER', 'TIMEOUT', 'UNREACHABLE']);
});

/** A fresh code of redirect mode for the test provider, as the host's page would get it. */
async function testCode(mobile = '9999999902'): Promise<string> {
  const call = (path: string, body: unknown) =>
    host.app.request(`/api/kycvs${path}`, { method: 'POST', headers: FRAME_CALL, body: JSON.stringify(body) });
  const sent = await call('/otp', { provider: 'demo-test', name: 'Test Person', mobile });
  const { session } = OtpResponseSchema.parse(await sent.json());
  const redirectUri = 'http://localhost:5173/app/callback';
  const verified = await call('/verify', { provider: 'demo-test', session, otp: '000000', redirectUri });
  return VerifyAnswerSchema.parse(await verified.json()).code!;
}

test("exchangeCode: redirect mode's code for the verdict, once; a retry with the same key gets it again", async () => {
  const code = await testCode();
  const options = { host: origin, secret: TEST_SECRET, idempotencyKey: 'booking-1' };
  const verdict = await exchangeCode(code, options);
  expect(verdict).toMatchObject({
    success: true,
    status: 'PARTIALLY_VACCINATED',
    aud: 'demo-test',
    origin: 'http://localhost:5173',
    test: true,
    beneficiary: { name: 'Test Person Partially' },
  });
  expect(await exchangeCode(code, options)).toEqual(verdict);
  expect(await exchangeCode(code, { host: origin, secret: TEST_SECRET })).toEqual({
    success: false,
    'error-codes': ['code-already-used'],
  });
  expect(await exchangeCode('A'.repeat(43), { host: origin, secret: TEST_SECRET })).toEqual({
    success: false,
    'error-codes': ['invalid-code'],
  });
});

test('exchangeCode requires the secret, in its type and at run time', async () => {
  // @ts-expect-error: a code is never exchanged without the provider's secret
  await expect(exchangeCode('c', { host: origin })).rejects.toThrow(TypeError);
  await expect(exchangeCode('c', { host: origin, secret: '' })).rejects.toThrow(/secret is required/);
});

test('exchangeCode posts the code, the secret and the key as siteverify JSON', async () => {
  let sent: unknown;
  const fakeFetch: typeof fetch = async (_url, init) => {
    sent = JSON.parse(String(init?.body));
    return new Response(JSON.stringify({ success: false, 'error-codes': ['code-expired'] }));
  };
  const verdict = await exchangeCode('the-code', { host: origin, secret: 's', idempotencyKey: 'k', fetch: fakeFetch });
  expect(sent).toEqual({ code: 'the-code', secret: 's', idempotency_key: 'k' });
  expect(verdict).toEqual({ success: false, 'error-codes': ['code-expired'] });
});
