import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, vi } from 'vitest';
import { createCowinClient, type CowinClient } from './client';

const baseUrl = 'https://cowin.test';
const apiKey = 'test-api-key';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** A `fetch` that records each request and answers with `handler`. */
function fakeFetch(handler: Handler) {
  return vi.fn(async (input: string | URL | Request, init?: RequestInit) => handler(String(input), init ?? {}));
}

function clientWith(handler: Handler, timeoutMs?: number) {
  const fetch = fakeFetch(handler);
  const client = createCowinClient({ baseUrl, apiKey, fetch, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
  return { client, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const headersOf = (init: RequestInit | undefined) => new Headers(init?.headers);

const statusBody = {
  vaccination_status: 1,
  beneficiary: {
    beneficiary_reference_id: '61428539027164',
    name: 'Ravi Kumar',
    birth_year: '1979',
    gender: 'Male',
    vaccine: 'COVAXIN',
    dose1_date: '02-06-2021',
    dose2_date: '',
  },
};

/** Each call of the client, with a valid answer for it. */
const calls: Array<{ name: string; call: (c: CowinClient) => Promise<unknown>; answer: unknown }> = [
  {
    name: 'generateOtp',
    call: (c) => c.generateOtp({ mobile: '9123456780', name: 'Ravi Kumar', requesterName: 'Demo Travel' }),
    answer: { txnId: 'f3b7c9e2-0000-4000-8000-000000000001' },
  },
  {
    name: 'confirmOtp',
    call: (c) => c.confirmOtp({ otpHash: 'ab'.repeat(32), txnId: 't-1' }),
    answer: { token: 'cowin.jwt.token' },
  },
  { name: 'status', call: (c) => c.status('cowin.jwt.token'), answer: statusBody },
];

test('generateOtp posts the mobile and name with the API key and the requester name', async () => {
  const { client, fetch } = clientWith(() => json({ txnId: 'txn-1' }));
  const result = await client.generateOtp({
    mobile: '9123456780',
    name: 'Ravi Kumar',
    requesterName: 'Rail & Co. भारत',
  });
  expect(result).toEqual({ ok: true, data: { txnId: 'txn-1' } });
  const [url, init] = fetch.mock.calls[0]!;
  expect(url).toBe('https://cowin.test/v3/vaccination/generateOTP');
  expect(init?.method).toBe('POST');
  const headers = headersOf(init);
  expect(headers.get('x-api-key')).toBe(apiKey);
  expect(headers.get('content-type')).toBe('application/json');
  expect(decodeURIComponent(headers.get('x-requester-name') ?? '')).toBe('Rail & Co. भारत');
  expect(JSON.parse(String(init?.body))).toEqual({ mobile_number: '9123456780', full_name: 'Ravi Kumar' });
});

test('generateOtp sends the WebOTP origins when given, and no requester or origins header when not', async () => {
  const { client, fetch } = clientWith(() => json({ txnId: 'txn-1' }));
  await client.generateOtp({
    mobile: '9123456780',
    name: 'Ravi Kumar',
    requesterName: 'Demo Travel',
    webOtpOrigins: ['http://localhost:5173', 'http://127.0.0.1:5174'],
  });
  await client.generateOtp({ mobile: '9123456780', name: 'Ravi Kumar' });
  const [withOrigins, plain] = fetch.mock.calls.map(([, init]) => headersOf(init));
  expect(withOrigins!.get('x-webotp-origins')).toBe('http://localhost:5173,http://127.0.0.1:5174');
  expect(plain!.has('x-webotp-origins')).toBe(false);
  expect(plain!.has('x-requester-name')).toBe(false);
});

test('confirmOtp posts the OTP hash and txnId with the API key', async () => {
  const { client, fetch } = clientWith(() => json({ token: 'cowin.jwt.token' }));
  const result = await client.confirmOtp({ otpHash: 'ab'.repeat(32), txnId: 'txn-1' });
  expect(result).toEqual({ ok: true, data: { token: 'cowin.jwt.token' } });
  const [url, init] = fetch.mock.calls[0]!;
  expect(url).toBe('https://cowin.test/v3/vaccination/confirmOTP');
  expect(init?.method).toBe('POST');
  expect(headersOf(init).get('x-api-key')).toBe(apiKey);
  expect(JSON.parse(String(init?.body))).toEqual({ otp: 'ab'.repeat(32), txnId: 'txn-1' });
});

test('status gets the record with the bearer token and the API key, and no body', async () => {
  const { client, fetch } = clientWith(() => json(statusBody));
  const result = await client.status('cowin.jwt.token');
  expect(result).toEqual({ ok: true, data: statusBody });
  const [url, init] = fetch.mock.calls[0]!;
  expect(url).toBe('https://cowin.test/v3/vaccination/status');
  expect(init?.method).toBe('GET');
  expect(init?.body).toBeUndefined();
  const headers = headersOf(init);
  expect(headers.get('authorization')).toBe('Bearer cowin.jwt.token');
  expect(headers.get('x-api-key')).toBe(apiKey);
});

test('unknown keys in an answer are ignored', async () => {
  const { client } = clientWith(() =>
    json({ ...statusBody, certificate_id: 'x', beneficiary: { ...statusBody.beneficiary, photo_id: 'y' } }),
  );
  const result = await client.status('t');
  expect(result.ok && result.data.vaccination_status).toBe(1);
});

test.each(calls)('$name sends x-api-key and a timeout signal', async ({ call, answer }) => {
  const { client, fetch } = clientWith(() => json(answer));
  expect(await call(client)).toMatchObject({ ok: true });
  const init = fetch.mock.calls[0]?.[1];
  expect(headersOf(init).get('x-api-key')).toBe(apiKey);
  expect(init?.signal).toBeInstanceOf(AbortSignal);
});

test.each([
  { status: 400, errorCode: 'VALIDN0001' },
  { status: 401, errorCode: 'USRAUT0014' },
  { status: 404, errorCode: 'NOTFND0001' },
])('a $status with CoWIN error $errorCode is rejected with that code', async ({ status, errorCode }) => {
  const { client } = clientWith(() => json({ errorCode, error: 'Something' }, status));
  expect(await client.confirmOtp({ otpHash: 'h', txnId: 't' })).toEqual({
    ok: false,
    failure: { call: 'confirmOtp', kind: 'rejected', status, shape: 'json', errorCode },
  });
});

test('status decides before the body: a 403 or a 429 with a CoWIN error code is still a refusal or a limit', async () => {
  const refused = clientWith(() => json({ errorCode: 'APIKEY0001' }, 403)).client;
  expect(await refused.status('t')).toEqual({
    ok: false,
    failure: { call: 'status', kind: 'refused', status: 403, shape: 'json' },
  });
  const limited = clientWith(() => json({ errorCode: 'OTPLMT0001' }, 429)).client;
  expect(await limited.status('t')).toEqual({
    ok: false,
    failure: { call: 'status', kind: 'limited', status: 429, shape: 'json' },
  });
});

test.each([
  { header: '120', retryAfter: 120 },
  { header: '1', retryAfter: 1 },
])('a 429 keeps Retry-After: $header', async ({ header, retryAfter }) => {
  const { client } = clientWith(() => json({ error: 'Too Many Requests' }, 429, { 'retry-after': header }));
  expect(await client.generateOtp({ mobile: '9123456780', name: 'Ravi Kumar', requesterName: 'x' })).toEqual({
    ok: false,
    failure: { call: 'generateOtp', kind: 'limited', status: 429, shape: 'json', retryAfter },
  });
});

test.each(['0', '-5', 'soon', 'Wed, 21 Oct 2015 07:28:00 GMT', ''])(
  'a Retry-After of %j is left out',
  async (header) => {
    const { client } = clientWith(() => json({ errorCode: 'OTPLMT0001' }, 429, { 'retry-after': header }));
    const result = await client.generateOtp({ mobile: '9123456780', name: 'Ravi Kumar', requesterName: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure).not.toHaveProperty('retryAfter');
  },
);

test.each([500, 502, 503])('a %i is unavailable (server), whatever its body', async (status) => {
  const { client } = clientWith(() => json({ errorCode: 'USRAUT0014', error: 'Invalid OTP' }, status));
  expect(await client.confirmOtp({ otpHash: 'h', txnId: 't' })).toEqual({
    ok: false,
    failure: { call: 'confirmOtp', kind: 'unavailable', reason: 'server', status, shape: 'json' },
  });
});

test('a 504 is a timeout: the gateway gave up waiting', async () => {
  const { client } = clientWith(() => json({ message: 'Endpoint request timed out' }, 504));
  expect(await client.status('t')).toMatchObject({ ok: false, failure: { kind: 'unavailable', reason: 'timeout' } });
});

test('a 5xx with an HTML body is unavailable (server)', async () => {
  const { client } = clientWith(() => new Response('<html>Bad gateway</html>', { status: 502 }));
  expect(await client.status('t')).toEqual({
    ok: false,
    failure: { call: 'status', kind: 'unavailable', reason: 'server', status: 502, shape: 'html' },
  });
});

test.each(calls)('$name: a 200 that is not JSON is malformed', async ({ call, name }) => {
  const { client } = clientWith(() => new Response('{"txnId": ', { status: 200 }));
  expect(await call(client)).toEqual({
    ok: false,
    failure: { call: name, kind: 'unavailable', reason: 'malformed', status: 200, shape: 'text' },
  });
});

test.each(calls)('$name: a 200 JSON of the wrong shape is malformed', async ({ call, name }) => {
  const { client } = clientWith(() => json({ unexpected: true }));
  expect(await call(client)).toEqual({
    ok: false,
    failure: { call: name, kind: 'unavailable', reason: 'malformed', status: 200, shape: 'json' },
  });
});

test.each([
  { why: 'a vaccination_status out of range', body: { ...statusBody, vaccination_status: 3 } },
  { why: 'a vaccination_status as a word', body: { ...statusBody, vaccination_status: 'two' } },
  { why: 'no vaccination_status', body: { beneficiary: statusBody.beneficiary } },
])('status with $why is malformed', async ({ body }) => {
  const { client } = clientWith(() => json(body));
  expect(await client.status('t')).toMatchObject({ ok: false, failure: { kind: 'unavailable', reason: 'malformed' } });
});

test.each([
  { why: 'only vaccination_status', body: { vaccination_status: 2 }, expected: { vaccination_status: 2 } },
  { why: 'the status as a digit in a string', body: { vaccination_status: '1' }, expected: { vaccination_status: 1 } },
  {
    why: 'a beneficiary of the wrong shape, which is left out',
    body: { vaccination_status: 0, beneficiary: 'Asha' },
    expected: { vaccination_status: 0 },
  },
  {
    why: 'a beneficiary without a name, which is kept',
    body: { vaccination_status: 2, beneficiary: { vaccine: 'COVISHIELD' } },
    expected: { vaccination_status: 2, beneficiary: { vaccine: 'COVISHIELD' } },
  },
])('status with $why is a status', async ({ body, expected }) => {
  const { client } = clientWith(() => json(body));
  expect(await client.status('t')).toEqual({ ok: true, data: expected });
});

test.each([
  { why: 'plain text', response: () => new Response('Unauthenticated access!', { status: 401 }), shape: 'text' },
  { why: 'JSON without errorCode', response: () => json({ message: 'nope' }, 401), shape: 'json' },
  { why: 'an HTML page', response: () => new Response('<html>no</html>', { status: 400 }), shape: 'html' },
])('a 4xx in $why is a rejection, in that shape', async ({ response, shape }) => {
  const { client } = clientWith(response);
  expect(await client.confirmOtp({ otpHash: 'h', txnId: 't' })).toMatchObject({
    ok: false,
    failure: { call: 'confirmOtp', kind: 'rejected', shape },
  });
});

test('redirects are errors, never followed: the key would go wherever they point', async () => {
  const { client, fetch } = clientWith(() => json({ txnId: 'x' }));
  await client.generateOtp({ mobile: '9123456780', name: 'Ravi Kumar' });
  expect(fetch.mock.calls[0]?.[1]?.redirect).toBe('error');
});

test('the User-Agent is the configured one', async () => {
  const fetch = fakeFetch(() => json({ txnId: 'x' }));
  const client = createCowinClient({ baseUrl, apiKey, fetch, userAgent: 'Mozilla/5.0 (kycvs host)' });
  await client.generateOtp({ mobile: '9123456780', name: 'Ravi Kumar' });
  expect(headersOf(fetch.mock.calls[0]?.[1]).get('user-agent')).toBe('Mozilla/5.0 (kycvs host)');
});

test('a CoWIN that does not answer in time is unavailable (timeout)', async () => {
  // Like the real fetch: it settles only when its signal aborts.
  const hanging = (_url: string, init: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });
  const { client } = clientWith(hanging, 20);
  const started = performance.now();
  expect(await client.generateOtp({ mobile: '9123456780', name: 'Ravi Kumar', requesterName: 'x' })).toEqual({
    ok: false,
    failure: { call: 'generateOtp', kind: 'unavailable', reason: 'timeout' },
  });
  expect(performance.now() - started).toBeLessThan(2_000);
});

test.each([
  { why: 'a TypeError (connection refused)', error: () => new TypeError('fetch failed') },
  { why: 'any other error', error: () => new Error('ECONNRESET') },
])('a rejecting fetch, $why, is unavailable (network)', async ({ error }) => {
  const { client } = clientWith(() => Promise.reject(error()));
  expect(await client.status('t')).toEqual({
    ok: false,
    failure: { call: 'status', kind: 'unavailable', reason: 'network' },
  });
});

test('the API key never leaves in the body or the URL', async () => {
  const { client, fetch } = clientWith(() => json({ txnId: 'txn-1' }));
  await client.generateOtp({ mobile: '9123456780', name: 'Ravi Kumar', requesterName: 'x' });
  const [url, init] = fetch.mock.calls[0]!;
  expect(url).not.toContain(apiKey);
  expect(String(init?.body)).not.toContain(apiKey);
});

test('with the real fetch, a server that never answers is a timeout', async () => {
  const server = createServer(() => {
    // Never answers.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const client = createCowinClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey, timeoutMs: 50 });
    expect(await client.status('t')).toEqual({
      ok: false,
      failure: { call: 'status', kind: 'unavailable', reason: 'timeout' },
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('with the real fetch, a refused connection is a network failure', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  const client = createCowinClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey, timeoutMs: 2_000 });
  expect(await client.status('t')).toEqual({
    ok: false,
    failure: { call: 'status', kind: 'unavailable', reason: 'network' },
  });
});
