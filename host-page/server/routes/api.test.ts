import { createLocalJWKSet, jwtVerify } from 'jose';
import { expect, test, vi } from 'vitest';
import { ApiErrorBodySchema, NONCE_PATTERN, OtpResponseSchema, SUPPORT_REF_PATTERN } from '../../../contract';
import { KycvsResultSchema } from '../../../contract';
import { createHostApp } from '../app';
import type { CowinClient } from '../cowin/client';
import type { StatusAnswer } from '../cowin/schemas';
import { createRegistry } from '../registry';
import { loadSigningKey, loadSubjectSecret } from '../token';
import { createSessionStore, createVerificationService, type VerificationService } from '../verification';
import { FRAME_CALL, FRAME_TEMPLATE, useEmptyDist } from '../test-kit';

const distDir = useEmptyDist();

const registry = createRegistry([
  { id: 'demo-travel', name: 'Demo Travel Agency', allowed_origins: ['http://localhost:5173'], scope: ['status'] },
]);
const signingKey = await loadSigningKey(undefined, () => {});
const issuer = 'http://127.0.0.1:5174';

const answer: StatusAnswer = {
  vaccination_status: 1,
  beneficiary: {
    beneficiary_reference_id: '61428539027164',
    name: 'Ravi Kumar',
    vaccine: 'COVAXIN',
    dose1_date: '02-06-2021',
  },
};

function fakeCowin() {
  return {
    generateOtp: vi.fn<CowinClient['generateOtp']>(async () => ({ ok: true, data: { txnId: 'txn-1' } })),
    confirmOtp: vi.fn<CowinClient['confirmOtp']>(async () => ({ ok: true, data: { token: 'cowin-token' } })),
    status: vi.fn<CowinClient['status']>(async () => ({ ok: true, data: answer })),
  } satisfies CowinClient;
}

function appWith(service: VerificationService, log = vi.fn()) {
  const app = createHostApp({
    registry,
    service,
    signingKey,
    frameTemplate: FRAME_TEMPLATE,
    distDir,
    demoOrigin: 'http://localhost:5173',
    log,
  });
  return { app, log };
}

function setup() {
  const clock = { now: Date.now() };
  const cowin = fakeCowin();
  const service = createVerificationService({
    registry,
    cowin,
    sessions: createSessionStore({ now: () => clock.now }),
    signingKey,
    subjectSecret: loadSubjectSecret(undefined, () => {}),
    issuer,
    now: () => clock.now,
  });
  return { ...appWith(service), cowin, clock };
}

type App = ReturnType<typeof setup>['app'];

const post = (app: App, path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(`/api/kycvs${path}`, {
    method: 'POST',
    headers: { ...FRAME_CALL, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const details = { provider: 'demo-travel', name: 'Ravi Kumar', mobile: '9123456780' };

async function sessionOf(app: App): Promise<string> {
  const response = await post(app, '/otp', details);
  return OtpResponseSchema.parse(await response.json()).session;
}

test('POST /api/kycvs/otp answers the OTP step', async () => {
  const { app, cowin } = setup();
  const response = await post(app, '/otp', details);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(OtpResponseSchema.parse(await response.json())).toMatchObject({
    expiresIn: 180,
    resendIn: 60,
    resendsLeft: 3,
  });
  expect(cowin.generateOtp).toHaveBeenCalledTimes(1);
});

test('POST /api/kycvs/verify answers a result whose token verifies against the served JWKS', async () => {
  const { app } = setup();
  const session = await sessionOf(app);
  const response = await post(app, '/verify', { provider: 'demo-travel', session, otp: '123456', nonce: 'n-1' });
  expect(response.status).toBe(200);
  const result = KycvsResultSchema.parse(await response.json());
  expect(result.status).toBe('PARTIALLY_VACCINATED');
  const jwks = createLocalJWKSet(await (await app.request('/.well-known/jwks.json')).json());
  const { payload } = await jwtVerify(result.token, jwks, { issuer, audience: 'demo-travel', typ: 'kycvs-status+jwt' });
  expect(payload).toMatchObject({ status: 'PARTIALLY_VACCINATED', vs: 1, nonce: 'n-1' });
});

test('POST /api/kycvs/otp/resend answers 429 with Retry-After before the wait is over', async () => {
  const { app, clock } = setup();
  const session = await sessionOf(app);
  clock.now += 15_000;
  const response = await post(app, '/otp/resend', { provider: 'demo-travel', session });
  expect(response.status).toBe(429);
  expect(response.headers.get('retry-after')).toBe('45');
  const body = ApiErrorBodySchema.parse(await response.json());
  expect(body.error).toMatchObject({ code: 'RESEND_NOT_ALLOWED', retryAfter: 45 });
});

test("CoWIN's OTP limit is 429 RATE_LIMITED with Retry-After, and CoWIN's code stays inside", async () => {
  const { app, cowin } = setup();
  cowin.generateOtp.mockResolvedValueOnce({
    ok: false,
    failure: { call: 'generateOtp', kind: 'limited', status: 429, shape: 'json', retryAfter: 900 },
  });
  const response = await post(app, '/otp', details);
  expect(response.status).toBe(429);
  expect(response.headers.get('retry-after')).toBe('900');
  const text = await response.text();
  expect(ApiErrorBodySchema.parse(JSON.parse(text)).error.code).toBe('RATE_LIMITED');
  expect(text).not.toContain('OTPLMT0001');
});

test.each([
  {
    why: 'an invalid mobile',
    path: '/otp',
    body: { ...details, mobile: '123' },
    status: 400,
    code: 'INVALID_MOBILE',
    field: 'mobile',
  },
  {
    why: 'an invalid name',
    path: '/otp',
    body: { ...details, name: '' },
    status: 400,
    code: 'INVALID_NAME',
    field: 'name',
  },
  {
    why: 'an unknown provider',
    path: '/otp',
    body: { ...details, provider: 'nobody' },
    status: 404,
    code: 'UNKNOWN_PROVIDER',
  },
  {
    why: 'an unknown session',
    path: '/verify',
    body: { provider: 'demo-travel', session: 'gone', otp: '123456' },
    status: 410,
    code: 'SESSION_EXPIRED',
  },
])('$why is $status $code', async ({ path, body, status, code, field }) => {
  const { app } = setup();
  const response = await post(app, path, body);
  expect(response.status).toBe(status);
  const error = ApiErrorBodySchema.parse(await response.json()).error;
  expect(error.code).toBe(code);
  expect(error.field).toBe(field);
});

test.each([
  { why: 'malformed JSON', path: '/otp', body: '{"provider": "demo-travel",' },
  { why: 'an empty body', path: '/otp', body: '' },
  { why: 'a JSON array', path: '/otp', body: '[]' },
  { why: 'a missing field', path: '/otp', body: { provider: 'demo-travel', name: 'Ravi Kumar' } },
  { why: 'a number for a string', path: '/otp', body: { ...details, mobile: 9123456780 } },
  { why: 'an empty provider', path: '/otp', body: { ...details, provider: '' } },
  { why: 'a mobile longer than the schema allows', path: '/otp', body: { ...details, mobile: '9'.repeat(41) } },
  { why: 'a verify without session', path: '/verify', body: { provider: 'demo-travel', otp: '123456' } },
  { why: 'a resend without provider', path: '/otp/resend', body: { session: 's' } },
])('$why is 400 BAD_REQUEST, and CoWIN is not called', async ({ path, body }) => {
  const { app, cowin } = setup();
  const response = await post(app, path, body);
  expect(response.status).toBe(400);
  expect(ApiErrorBodySchema.parse(await response.json()).error.code).toBe('BAD_REQUEST');
  expect(cowin.generateOtp).not.toHaveBeenCalled();
  expect(cowin.confirmOtp).not.toHaveBeenCalled();
});

test('an oversized body is 413, and CoWIN is not called', async () => {
  const { app, cowin } = setup();
  const body = JSON.stringify({ ...details, name: 'a'.repeat(5000) });
  const response = await post(app, '/otp', body, { 'content-length': String(Buffer.byteLength(body)) });
  expect(response.status).toBe(413);
  expect(ApiErrorBodySchema.parse(await response.json()).error.code).toBe('BAD_REQUEST');
  expect(cowin.generateOtp).not.toHaveBeenCalled();
});

test('an oversized body sent in chunks, without a length, is 413 too', async () => {
  const { app, cowin } = setup();
  const chunk = new TextEncoder().encode(`{"provider":"demo-travel","name":"${'a'.repeat(3000)}`);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(chunk);
      controller.enqueue(chunk);
      controller.close();
    },
  });
  const response = await app.request('/api/kycvs/otp', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  expect(response.status).toBe(413);
  expect(cowin.generateOtp).not.toHaveBeenCalled();
});

test.each([
  { why: 'a success', send: (app: App) => post(app, '/otp', details) },
  { why: 'a field error', send: (app: App) => post(app, '/otp', { ...details, mobile: '1' }) },
  { why: 'an unknown provider', send: (app: App) => post(app, '/otp', { ...details, provider: 'nobody' }) },
  {
    why: 'an expired session',
    send: (app: App) => post(app, '/verify', { provider: 'demo-travel', session: 'x', otp: '123456' }),
  },
  { why: 'malformed JSON', send: (app: App) => post(app, '/otp', '{') },
  {
    why: 'an oversized body',
    send: (app: App) => {
      const body = JSON.stringify({ ...details, name: 'a'.repeat(5000) });
      return post(app, '/otp', body, { 'content-length': String(Buffer.byteLength(body)) });
    },
  },
  {
    why: 'a 429',
    send: async (app: App) => post(app, '/otp/resend', { provider: 'demo-travel', session: await sessionOf(app) }),
  },
])('$why is sent with cache-control: no-store and nosniff', async ({ send }) => {
  const { app } = setup();
  const response = await send(app);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
});

test('the API answers GET with 404, not with a server error', async () => {
  const { app } = setup();
  const response = await app.request('/api/kycvs/otp');
  expect(response.status).toBe(404);
});

test('a failure inside the service is a 500 SERVER_ERROR that says nothing of the cause', async () => {
  const failing = () => Promise.reject(new Error('txn-secret 9123456780'));
  const { app, log } = appWith({ requestOtp: failing, resendOtp: failing, verify: failing });
  const response = await post(app, '/otp', details);
  expect(response.status).toBe(500);
  const text = await response.text();
  expect(ApiErrorBodySchema.parse(JSON.parse(text)).error.code).toBe('SERVER_ERROR');
  expect(text).not.toContain('9123456780');
  expect(JSON.stringify(log.mock.calls)).not.toContain('9123456780');
});

test('the API never logs the name, the mobile or the OTP', async () => {
  const { app, log } = setup();
  const session = await sessionOf(app);
  await post(app, '/verify', { provider: 'demo-travel', session, otp: '123456' });
  expect(log).toHaveBeenCalled();
  const logged = JSON.stringify(log.mock.calls);
  for (const personal of ['Ravi', '9123456780', '123456', session]) expect(logged).not.toContain(personal);
});

test.each([
  { why: 'text/plain (a simple request, no CORS preflight)', type: 'text/plain' },
  { why: 'a form', type: 'application/x-www-form-urlencoded' },
  { why: 'multipart', type: 'multipart/form-data; boundary=x' },
  { why: 'no Content-Type', type: undefined },
])('a body sent as $why is 415, and nothing is done for it', async ({ type }) => {
  const { app, cowin } = setup();
  const headers: Record<string, string> = { ...FRAME_CALL };
  if (type === undefined) delete headers['content-type'];
  else headers['content-type'] = type;
  const response = await app.request('/api/kycvs/otp', { method: 'POST', headers, body: JSON.stringify(details) });
  expect(response.status).toBe(415);
  expect(ApiErrorBodySchema.parse(await response.json()).error).toMatchObject({
    code: 'BAD_REQUEST',
    message: expect.stringContaining('application/json'),
  });
  expect(cowin.generateOtp).not.toHaveBeenCalled();
});

test('JSON with a charset is JSON', async () => {
  const { app } = setup();
  expect((await post(app, '/otp', details, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
});

test.each([
  { why: 'another site', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } },
  { why: 'a registered provider page', headers: { origin: 'http://localhost:5173', 'sec-fetch-site': 'cross-site' } },
  { why: 'a sibling site', headers: { origin: 'http://127.0.0.1:5174', 'sec-fetch-site': 'same-site' } },
  {
    why: 'the right Origin with Sec-Fetch-Site: cross-site',
    headers: { origin: issuer, 'sec-fetch-site': 'cross-site' },
  },
  { why: 'a server with no Origin', headers: { origin: '', 'sec-fetch-site': '' } },
  { why: 'a sandboxed frame', headers: { origin: 'null', 'sec-fetch-site': 'cross-site' } },
])('a call from $why is 403 with a clear error, and nothing is done for it', async ({ headers }) => {
  const { app, cowin } = setup();
  const sent = Object.fromEntries(Object.entries({ ...FRAME_CALL, ...headers }).filter(([, value]) => value !== ''));
  for (const [path, body] of [
    ['/otp', details],
    ['/verify', { provider: 'demo-travel', session: 's'.repeat(32), otp: '123456' }],
    ['/otp/resend', { provider: 'demo-travel', session: 's'.repeat(32) }],
  ] as const) {
    const response = await app.request(`/api/kycvs${path}`, {
      method: 'POST',
      headers: sent,
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(403);
    expect(ApiErrorBodySchema.parse(await response.json()).error).toMatchObject({
      code: 'ORIGIN_NOT_ALLOWED',
      message: expect.stringContaining(issuer),
    });
  }
  expect(cowin.generateOtp).not.toHaveBeenCalled();
  expect(cowin.confirmOtp).not.toHaveBeenCalled();
});

test.each([
  { why: 'a space', nonce: 'a b', status: 400 },
  { why: 'a newline', nonce: 'a\nb', status: 400 },
  { why: 'non-ASCII', nonce: 'नॉन्स', status: 400 },
  { why: '257 characters', nonce: 'n'.repeat(257), status: 400 },
  { why: 'nothing', nonce: '', status: 400 },
  { why: 'what frame.html keeps', nonce: 'AbC123+/=', status: 200 },
  { why: '256 characters', nonce: 'n'.repeat(256), status: 200 },
])('/verify takes a nonce by the rule frame.html keeps one by: $why is $status', async ({ nonce, status }) => {
  const { app } = setup();
  const session = await sessionOf(app);
  const response = await post(app, '/verify', { provider: 'demo-travel', session, otp: '123456', nonce });
  expect(response.status).toBe(status);
  // The same rule, in both places.
  expect(NONCE_PATTERN.test(nonce)).toBe(status === 200);
});

const refOf = (response: Response) => response.headers.get('x-kycvs-ref');

test.each([
  { why: 'an OTP sent', send: (app: App) => post(app, '/otp', details), status: 200 },
  { why: 'a field error', send: (app: App) => post(app, '/otp', { ...details, mobile: '1' }), status: 400 },
  {
    why: 'an expired session',
    send: (app: App) => post(app, '/verify', { provider: 'demo-travel', session: 'x', otp: '123456' }),
    status: 410,
  },
  { why: 'malformed JSON', send: (app: App) => post(app, '/otp', '{'), status: 400 },
  {
    why: 'an oversized body',
    send: (app: App) => {
      const body = JSON.stringify({ ...details, name: 'a'.repeat(5000) });
      return post(app, '/otp', body, { 'content-length': String(Buffer.byteLength(body)) });
    },
    status: 413,
  },
  {
    why: 'a body not JSON',
    send: (app: App) => post(app, '/otp', '{}', { 'content-type': 'text/plain' }),
    status: 415,
  },
  {
    why: 'a call from another site',
    send: (app: App) => post(app, '/otp', details, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    status: 403,
  },
  {
    why: 'a resend too soon',
    send: async (app: App) => post(app, '/otp/resend', { provider: 'demo-travel', session: await sessionOf(app) }),
    status: 429,
  },
])(
  '$why ($status) has a fresh support reference in x-kycvs-ref, and an error has it as error.ref',
  async ({ send, status }) => {
    const { app } = setup();
    const response = await send(app);
    expect(response.status).toBe(status);
    const ref = refOf(response);
    expect(ref).toMatch(SUPPORT_REF_PATTERN);
    const body = (await response.json()) as Record<string, unknown>;
    if (status === 200) expect(body).not.toHaveProperty('ref');
    else expect(ApiErrorBodySchema.parse(body).error.ref).toBe(ref);
    const again = await send(app);
    expect(refOf(again)).not.toBe(ref);
  },
);

test('a result carries its support reference as ref, the one in x-kycvs-ref', async () => {
  const { app } = setup();
  const session = await sessionOf(app);
  const response = await post(app, '/verify', { provider: 'demo-travel', session, otp: '123456' });
  expect(response.status).toBe(200);
  const result = KycvsResultSchema.parse(await response.json());
  expect(result.ref).toMatch(SUPPORT_REF_PATTERN);
  expect(result.ref).toBe(refOf(response));
});

test('a failure inside the service carries a support reference, in the body and the log, and nothing else', async () => {
  const failing = () => Promise.reject(new Error('boom'));
  const { app, log } = appWith({ requestOtp: failing, resendOtp: failing, verify: failing });
  const response = await post(app, '/otp', details);
  expect(response.status).toBe(500);
  const ref = refOf(response);
  expect(ApiErrorBodySchema.parse(await response.json()).error.ref).toBe(ref);
  expect(log).toHaveBeenCalledWith(expect.objectContaining({ event: 'request', status: 500, ref }));
});

test('the request log line of each API call names its support reference, and never the person', async () => {
  const { app, log } = setup();
  const sent = await post(app, '/otp', details);
  const { session } = OtpResponseSchema.parse(await sent.json());
  const verified = await post(app, '/verify', { provider: 'demo-travel', session, otp: '123456' });
  const lines = log.mock.calls.map(([event]) => event as Record<string, unknown>).filter((e) => e.event === 'request');
  expect(lines.map((line) => line.ref)).toEqual([refOf(sent), refOf(verified)]);
  const logged = JSON.stringify(lines);
  for (const personal of ['Ravi', '9123456780', '123456', session]) expect(logged).not.toContain(personal);
});

test('siteverify answers carry a support reference header too', async () => {
  const { app } = setup();
  const response = await app.request('/api/kycvs/siteverify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: 'junk' }),
  });
  expect(refOf(response)).toMatch(SUPPORT_REF_PATTERN);
  expect(await response.json()).toEqual({ success: false, 'error-codes': ['invalid-input-response'] });
});
