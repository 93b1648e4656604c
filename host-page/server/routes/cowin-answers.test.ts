import { expect, test } from 'vitest';
import { ApiErrorBodySchema, OtpResponseSchema } from '../../../contract';
import { KycvsResultSchema } from '../../../contract';
import { useMockedHost } from '../test-kit';

/**
 * What the widget hears when the real CoWIN answers in one of its recorded shapes
 * (mock-api/recorded-answers.json), through the whole host and the mock, which answers the next
 * call in that shape: the mapping of docs/cowin.md, case by case.
 */
const { host, mock, clock } = useMockedHost();

const ravi = { provider: 'demo-irctc', name: 'Ravi Kumar', mobile: '9123456780' };
const lastOtp = (mobile: string) => mock.outbox.list(mobile).at(-1)!.otp;

async function errorOf(response: Response) {
  return { status: response.status, error: ApiErrorBodySchema.parse(await response.json()).error };
}

async function started(post: Awaited<ReturnType<typeof host>>['post'], details = ravi) {
  const response = await post('/otp', details);
  expect(response.status).toBe(200);
  return OtpResponseSchema.parse(await response.json()).session;
}

test.each([
  { shape: 'forbidden-key', status: 502, code: 'SERVER_ERROR' },
  { shape: 'cdn-forbidden', status: 502, code: 'SERVER_ERROR' },
  { shape: 'too-many-requests', status: 429, code: 'RATE_LIMITED' },
  { shape: 'gateway-timeout', status: 504, code: 'TIMEOUT' },
])('Get OTP answered $shape: $status $code, and no session', async ({ shape, status, code }) => {
  const { post } = await host();
  mock.faults.next('generateOtp', shape);
  expect(await errorOf(await post('/otp', ravi))).toMatchObject({ status, error: { code } });
});

test('a CoWIN limit without Retry-After still tells the widget how long to wait', async () => {
  const { post } = await host();
  mock.faults.next('generateOtp', 'too-many-requests');
  const response = await post('/otp', ravi);
  expect(response.headers.get('retry-after')).toBe('60');
  expect((await errorOf(response)).error.retryAfter).toBe(60);
});

test.each(['account-does-not-exist', 'invalid-beneficiary', 'otp-already-sent'])(
  'Get OTP answered %s reads exactly as for a registered person, then fails as a wrong OTP',
  async (shape) => {
    const { post } = await host();
    const reference = await post('/otp', ravi);
    mock.faults.next('generateOtp', shape);
    const refused = await post('/otp', ravi);
    expect(refused.status).toBe(reference.status);
    const [a, b] = [OtpResponseSchema.parse(await reference.json()), OtpResponseSchema.parse(await refused.json())];
    expect({ ...b, session: '' }).toEqual({ ...a, session: '' });
    const verify = await post('/verify', { provider: 'demo-irctc', session: b.session, otp: lastOtp(ravi.mobile) });
    expect(await errorOf(verify)).toMatchObject({ status: 400, error: { code: 'OTP_INCORRECT', field: 'otp' } });
  },
);

test('Resend OTP answered "OTP Already Sent" is RESEND_NOT_ALLOWED with the wait until that OTP ends', async () => {
  const { post } = await host();
  const session = await started(post);
  clock.advance(70_000);
  mock.faults.next('generateOtp', 'otp-already-sent');
  const response = await post('/otp/resend', { provider: 'demo-irctc', session });
  expect(await errorOf(response)).toMatchObject({
    status: 429,
    error: { code: 'RESEND_NOT_ALLOWED', retryAfter: 110 },
  });
  // The first OTP still works.
  const verify = await post('/verify', { provider: 'demo-irctc', session, otp: lastOtp(ravi.mobile) });
  expect(verify.status).toBe(200);
});

test('Verify answered invalid-otp is OTP_INCORRECT, a try counted', async () => {
  const { post } = await host();
  const session = await started(post);
  mock.faults.next('confirmOtp', 'invalid-otp');
  const verify = await post('/verify', { provider: 'demo-irctc', session, otp: lastOtp(ravi.mobile) });
  expect(await errorOf(verify)).toMatchObject({ status: 400, error: { code: 'OTP_INCORRECT' } });
});

test('any other 4xx at confirmOTP after the OTP’s 3 minutes is OTP_EXPIRED, by the host’s own clock', async () => {
  const { post } = await host();
  const session = await started(post);
  clock.advance(181_000);
  mock.faults.next('confirmOtp', 'unauthenticated');
  const verify = await post('/verify', { provider: 'demo-irctc', session, otp: lastOtp(ravi.mobile) });
  expect(await errorOf(verify)).toMatchObject({ status: 400, error: { code: 'OTP_EXPIRED' } });
});

test('a status of vaccination_status alone is the result without details, even for a full-scope provider', async () => {
  const { post } = await host();
  const session = await started(post);
  mock.faults.next('status', 'status-only');
  const response = await post('/verify', { provider: 'demo-irctc', session, otp: lastOtp(ravi.mobile) });
  expect(response.status).toBe(200);
  const result = KycvsResultSchema.parse(await response.json());
  expect(result.status).toBe('FULLY_VACCINATED');
  expect(result).not.toHaveProperty('beneficiary');
  expect(result).not.toHaveProperty('vaccinations');
});

test('a status as text is read as its number', async () => {
  const { post } = await host();
  const session = await started(post);
  mock.faults.next('status', 'status-as-text');
  const response = await post('/verify', { provider: 'demo-irctc', session, otp: lastOtp(ravi.mobile) });
  expect(KycvsResultSchema.parse(await response.json()).status).toBe('PARTIALLY_VACCINATED');
});

test('an unknown status is SERVER_ERROR, and retrying with the same OTP then works', async () => {
  const { post } = await host();
  const session = await started(post);
  mock.faults.next('status', 'status-unknown-value');
  const otp = lastOtp(ravi.mobile);
  expect(await errorOf(await post('/verify', { provider: 'demo-irctc', session, otp }))).toMatchObject({
    status: 502,
    error: { code: 'SERVER_ERROR' },
  });
  expect((await post('/verify', { provider: 'demo-irctc', session, otp })).status).toBe(200);
});

test('a gateway timeout at status is TIMEOUT, and one action retries it', async () => {
  const { post } = await host();
  const session = await started(post);
  mock.faults.next('status', 'gateway-timeout');
  const otp = lastOtp(ravi.mobile);
  expect(await errorOf(await post('/verify', { provider: 'demo-irctc', session, otp }))).toMatchObject({
    status: 504,
    error: { code: 'TIMEOUT' },
  });
  expect((await post('/verify', { provider: 'demo-irctc', session, otp })).status).toBe(200);
});

test('a 401 at status ends the session: no retry loop with a dead token', async () => {
  const { post, calls } = await host();
  const session = await started(post);
  mock.faults.next('status', 'unauthenticated');
  const otp = lastOtp(ravi.mobile);
  expect(await errorOf(await post('/verify', { provider: 'demo-irctc', session, otp }))).toMatchObject({
    status: 410,
    error: { code: 'SESSION_EXPIRED' },
  });
  expect((await post('/verify', { provider: 'demo-irctc', session, otp })).status).toBe(410);
  expect(calls.confirmOtp).toHaveBeenCalledTimes(1);
});
