import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { SUPPORT_REF_PATTERN } from '../../contract';
import { createApiClient } from './client';

const base = 'http://host.test';
const server = setupServer();
const otpAnswer = { session: 's-1', expiresIn: 180, resendIn: 30, resendsLeft: 3 };
const otpRequest = { provider: 'demo-travel', name: 'Asha Verma', mobile: '9876543210' };
const verifyRequest = { provider: 'demo-travel', session: 's-1', otp: '123456' };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = (timeoutMs = 2000) => createApiClient({ baseUrl: base, timeoutMs });

test('requestOtp posts JSON to /api/kycvs/otp and returns the parsed answer', async () => {
  let received: unknown;
  server.use(
    http.post(`${base}/api/kycvs/otp`, async ({ request }) => {
      received = await request.json();
      return HttpResponse.json(otpAnswer);
    }),
  );
  expect(await client().requestOtp(otpRequest)).toEqual({ ok: true, data: otpAnswer });
  expect(received).toEqual(otpRequest);
});

test('resendOtp posts to /api/kycvs/otp/resend', async () => {
  server.use(http.post(`${base}/api/kycvs/otp/resend`, () => HttpResponse.json({ ...otpAnswer, resendsLeft: 2 })));
  const answer = await client().resendOtp({ provider: 'demo-travel', session: 's-1' });
  expect(answer).toEqual({ ok: true, data: { ...otpAnswer, resendsLeft: 2 } });
});

test('verify returns the KycvsResult', async () => {
  const result = { status: 'FULLY_VACCINATED', token: 'a.b.c' };
  server.use(http.post(`${base}/api/kycvs/verify`, () => HttpResponse.json(result)));
  expect(await client().verify(verifyRequest)).toEqual({ ok: true, data: result });
});

test('a 4xx error body with a field is returned as the error', async () => {
  const error = { code: 'INVALID_MOBILE', message: 'Bad mobile.', field: 'mobile' };
  server.use(http.post(`${base}/api/kycvs/otp`, () => HttpResponse.json({ error }, { status: 400 })));
  expect(await client().requestOtp(otpRequest)).toEqual({ ok: false, error });
});

test('a 429 without retryAfter in the body takes the Retry-After header', async () => {
  server.use(
    http.post(`${base}/api/kycvs/otp`, () =>
      HttpResponse.json(
        { error: { code: 'RATE_LIMITED', message: 'Slow down.' } },
        { status: 429, headers: { 'Retry-After': '42' } },
      ),
    ),
  );
  expect(await client().requestOtp(otpRequest)).toEqual({
    ok: false,
    error: { code: 'RATE_LIMITED', message: 'Slow down.', retryAfter: 42 },
  });
});

test('a 429 keeps the body retryAfter over the header', async () => {
  server.use(
    http.post(`${base}/api/kycvs/otp`, () =>
      HttpResponse.json(
        { error: { code: 'RATE_LIMITED', message: 'Slow down.', retryAfter: 7 } },
        { status: 429, headers: { 'Retry-After': '42' } },
      ),
    ),
  );
  const answer = await client().requestOtp(otpRequest);
  expect(answer.ok === false && answer.error.retryAfter).toBe(7);
});

test('a 429 with a plain-text body is RATE_LIMITED with the header wait', async () => {
  server.use(
    http.post(
      `${base}/api/kycvs/otp`,
      () => new HttpResponse('Too many', { status: 429, headers: { 'Retry-After': '5' } }),
    ),
  );
  const answer = await client().requestOtp(otpRequest);
  expect(answer.ok === false && answer.error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 5 });
});

test('a 5xx without a parseable body is SERVER_ERROR', async () => {
  server.use(http.post(`${base}/api/kycvs/verify`, () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })));
  const answer = await client().verify(verifyRequest);
  expect(answer.ok === false && answer.error.code).toBe('SERVER_ERROR');
});

test('a 2xx body that does not match the schema is SERVER_ERROR', async () => {
  server.use(http.post(`${base}/api/kycvs/verify`, () => HttpResponse.json({ status: 'MAYBE', token: 1 })));
  const answer = await client().verify(verifyRequest);
  expect(answer.ok === false && answer.error.code).toBe('SERVER_ERROR');
});

test('a 2xx body that is not JSON is SERVER_ERROR', async () => {
  server.use(http.post(`${base}/api/kycvs/otp`, () => new HttpResponse('ok', { status: 200 })));
  const answer = await client().requestOtp(otpRequest);
  expect(answer.ok === false && answer.error.code).toBe('SERVER_ERROR');
});

test('no answer within timeoutMs is TIMEOUT', async () => {
  server.use(
    http.post(`${base}/api/kycvs/otp`, async () => {
      await delay(500);
      return HttpResponse.json(otpAnswer);
    }),
  );
  const answer = await client(30).requestOtp(otpRequest);
  expect(answer.ok === false && answer.error.code).toBe('TIMEOUT');
});

test('a failed connection is NETWORK_ERROR', async () => {
  server.use(http.post(`${base}/api/kycvs/otp`, () => HttpResponse.error()));
  const answer = await client().requestOtp(otpRequest);
  expect(answer.ok === false && answer.error.code).toBe('NETWORK_ERROR');
});

test('a fetch passed in is used, with same-origin credentials', async () => {
  const calls: [string, RequestInit | undefined][] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls.push([String(input), init]);
    return Response.json(otpAnswer);
  };
  const answer = await createApiClient({ fetch }).requestOtp(otpRequest);
  expect(answer.ok).toBe(true);
  expect(calls[0]?.[0]).toBe('/api/kycvs/otp');
  expect(calls[0]?.[1]).toMatchObject({ method: 'POST', credentials: 'same-origin' });
});

test('an error the host answered keeps its reference', async () => {
  const error = { code: 'OTP_INCORRECT', message: 'Wrong OTP.', field: 'otp', ref: 'K7Q2M9XD' };
  server.use(http.post(`${base}/api/kycvs/verify`, () => HttpResponse.json({ error }, { status: 400 })));
  expect(await client().verify(verifyRequest)).toEqual({ ok: false, error });
});

test("a result keeps the host's reference", async () => {
  const result = { status: 'NOT_VACCINATED', token: 'a.b.c', ref: 'K7Q2M9XD' };
  server.use(http.post(`${base}/api/kycvs/verify`, () => HttpResponse.json(result)));
  expect(await client().verify(verifyRequest)).toEqual({ ok: true, data: result });
});

test("faults the host never answered get a reference of the frame's own, new each time", async () => {
  const faults = [
    http.post(`${base}/api/kycvs/otp`, () => HttpResponse.error()),
    http.post(`${base}/api/kycvs/otp`, async () => {
      await delay(500);
      return HttpResponse.json(otpAnswer);
    }),
    http.post(`${base}/api/kycvs/otp`, () => HttpResponse.json({ session: 1 })),
    http.post(`${base}/api/kycvs/otp`, () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })),
    http.post(`${base}/api/kycvs/otp`, () => new HttpResponse('Too many', { status: 429 })),
  ];
  const refs: string[] = [];
  for (const fault of faults) {
    server.use(fault);
    const answer = await client(30).requestOtp(otpRequest);
    const error = answer.ok ? undefined : answer.error;
    expect(error?.ref, error?.code).toMatch(SUPPORT_REF_PATTERN);
    refs.push(error?.ref ?? '');
  }
  expect(new Set(refs).size).toBe(refs.length);
});
