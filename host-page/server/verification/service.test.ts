import { createHash } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { expect, test, vi } from 'vitest';
import type { CowinClient, CowinFailure, CowinResult } from '../cowin/client';
import type { StatusAnswer } from '../cowin/schemas';
import { createRegistry } from '../registry';
import { createMemoryStore } from '../state';
import { loadSigningKey, loadSubjectSecret, subjectFor } from '../token';
import { createVerificationService } from './service';
import { createSessionStore, SESSION_TTL_MS } from './sessions';

const issuer = 'https://kycvs.example';
const signingKey = await loadSigningKey(undefined, () => {});
const jwks = createLocalJWKSet({ keys: [signingKey.publicJwk] });
const subjectSecret = loadSubjectSecret(undefined, () => {});

const registry = createRegistry([
  { id: 'demo-travel', name: 'Demo Travel Agency', allowed_origins: ['http://localhost:5173'], scope: ['status'] },
  {
    id: 'demo-irctc',
    name: 'Demo Rail Portal',
    allowed_origins: ['http://localhost:5173'],
    scope: ['status', 'demographics', 'vaccinations'],
    secret: 'demo-irctc-secret-0123',
  },
]);

const asha: StatusAnswer = {
  vaccination_status: 2,
  beneficiary: {
    beneficiary_reference_id: '82013745638210',
    name: 'Asha Verma',
    birth_year: '1986',
    gender: 'Female',
    vaccine: 'COVISHIELD',
    dose1_date: '14-05-2021',
    dose2_date: '20-08-2021',
    dose3_date: '',
    precaution_dose_date: '',
    precaution_vaccine: '',
  },
};

type Failure = CowinFailure extends infer F ? (F extends unknown ? Omit<F, 'call'> : never) : never;

const fails = <T>(failure: Failure, call: CowinFailure['call']): CowinResult<T> => ({
  ok: false,
  failure: { ...failure, call } as CowinFailure,
});

/** A CoWIN that answers every call well unless the test says otherwise; each call is recorded. */
function fakeCowin(answer: StatusAnswer = asha) {
  let txn = 0;
  return {
    generateOtp: vi.fn<CowinClient['generateOtp']>(async () => ({ ok: true, data: { txnId: `txn-${++txn}` } })),
    confirmOtp: vi.fn<CowinClient['confirmOtp']>(async ({ txnId }) => ({
      ok: true,
      data: { token: `cowin-token-for-${txnId}` },
    })),
    status: vi.fn<CowinClient['status']>(async () => ({ ok: true, data: answer })),
  } satisfies CowinClient;
}

function setup(answer?: StatusAnswer) {
  const clock = { now: Date.parse('2025-01-15T10:00:00Z') };
  const now = () => clock.now;
  const cowin = fakeCowin(answer);
  const store = createMemoryStore({ now });
  const sessions = createSessionStore({ store, now });
  const service = createVerificationService({ registry, cowin, sessions, signingKey, subjectSecret, issuer, now });
  const advance = (ms: number) => (clock.now += ms);
  return { service, cowin, sessions, store, clock, advance };
}

const details = { provider: 'demo-travel', name: 'Asha Verma', mobile: '9876543210' };

async function started(s: ReturnType<typeof setup>, provider = 'demo-travel') {
  const outcome = await s.service.requestOtp({ ...details, provider });
  if (!outcome.ok) throw new Error(`requestOtp failed: ${outcome.error.code}`);
  return outcome.data.session;
}

test('requestOtp asks CoWIN for an OTP with the cleaned details and the provider name', async () => {
  const s = setup();
  const outcome = await s.service.requestOtp({
    provider: 'demo-travel',
    name: '  Smt.  Asha   Verma ',
    mobile: '+91 98765-43210',
  });
  expect(outcome.ok).toBe(true);
  expect(s.cowin.generateOtp).toHaveBeenCalledExactlyOnceWith({
    mobile: '9876543210',
    name: 'Asha Verma',
    requesterName: 'Demo Travel Agency',
  });
});

test('requestOtp answers the timings of the OTP step and an opaque session', async () => {
  const s = setup();
  const outcome = await s.service.requestOtp(details);
  if (!outcome.ok) throw new Error(outcome.error.code);
  expect(outcome.data).toMatchObject({ expiresIn: 180, resendIn: 60, resendsLeft: 3 });
  expect(outcome.data.session.length).toBeGreaterThanOrEqual(20);
});

test("CoWIN's txnId and the person's details never reach the widget", async () => {
  const s = setup();
  const outcome = await s.service.requestOtp(details);
  const text = JSON.stringify(outcome);
  for (const secret of ['txn-1', '9876543210', 'Asha']) expect(text).not.toContain(secret);
});

test('each verification gets its own session', async () => {
  const s = setup();
  expect(await started(s)).not.toBe(await started(s));
});

test('the happy path ends in a signed result for the provider', async () => {
  const s = setup();
  const session = await started(s);
  const outcome = await s.service.verify({ provider: 'demo-travel', session, otp: '123456' });
  if (!outcome.ok) throw new Error(outcome.error.code);
  expect(outcome.data.status).toBe('FULLY_VACCINATED');
  expect(s.cowin.confirmOtp).toHaveBeenCalledExactlyOnceWith({
    otpHash: createHash('sha256').update('123456').digest('hex'),
    txnId: 'txn-1',
  });
  expect(s.cowin.status).toHaveBeenCalledExactlyOnceWith('cowin-token-for-txn-1');
  const { payload, protectedHeader } = await jwtVerify(outcome.data.token, jwks, {
    issuer,
    audience: 'demo-travel',
    typ: 'kycvs-status+jwt',
    algorithms: ['ES256'],
    currentDate: new Date(s.clock.now),
  });
  expect(protectedHeader.kid).toBe(signingKey.kid);
  expect(payload).toMatchObject({ status: 'FULLY_VACCINATED', vs: 2, iat: Math.floor(s.clock.now / 1000) });
  expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
});

test.each([
  { code: 0, status: 'NOT_VACCINATED' },
  { code: 1, status: 'PARTIALLY_VACCINATED' },
  { code: 2, status: 'FULLY_VACCINATED' },
] as const)('vaccination_status $code gives $status in the result and the token', async ({ code, status }) => {
  const s = setup({ ...asha, vaccination_status: code });
  const outcome = await s.service.verify({ provider: 'demo-travel', session: await started(s), otp: '123456' });
  if (!outcome.ok) throw new Error(outcome.error.code);
  expect(outcome.data.status).toBe(status);
  expect(decodeJwt(outcome.data.token)).toMatchObject({ status, vs: code });
});

test('a status-only provider gets only status and token', async () => {
  const s = setup();
  const outcome = await s.service.verify({ provider: 'demo-travel', session: await started(s), otp: '123456' });
  if (!outcome.ok) throw new Error(outcome.error.code);
  expect(Object.keys(outcome.data).sort()).toEqual(['status', 'token']);
});

test('a full-scope provider gets the beneficiary and the doses too', async () => {
  const s = setup();
  const session = await started(s, 'demo-irctc');
  const outcome = await s.service.verify({ provider: 'demo-irctc', session, otp: '123456' });
  if (!outcome.ok) throw new Error(outcome.error.code);
  expect(outcome.data.beneficiary).toMatchObject({ name: 'Asha Verma', beneficiary_reference_id: '82013745638210' });
  expect(outcome.data.vaccinations).toHaveLength(2);
});

test('the token subject is the per-provider id of the person, never the mobile or the name', async () => {
  const s = setup();
  const outcome = await s.service.verify({
    provider: 'demo-irctc',
    session: await started(s, 'demo-irctc'),
    otp: '123456',
  });
  if (!outcome.ok) throw new Error(outcome.error.code);
  const { sub } = decodeJwt(outcome.data.token);
  expect(sub).toBe(await subjectFor(subjectSecret, 'demo-irctc', '82013745638210'));
  const payload = JSON.stringify(decodeJwt(outcome.data.token));
  for (const personal of ['9876543210', 'Asha', '82013745638210']) expect(payload).not.toContain(personal);
});

test('the same person gets different subjects at two providers', async () => {
  const s = setup();
  const subs: unknown[] = [];
  for (const provider of ['demo-travel', 'demo-irctc']) {
    const outcome = await s.service.verify({ provider, session: await started(s, provider), otp: '123456' });
    if (!outcome.ok) throw new Error(outcome.error.code);
    subs.push(decodeJwt(outcome.data.token).sub);
  }
  expect(subs[0]).not.toBe(subs[1]);
});

test('the nonce the page gave is in the token', async () => {
  const s = setup();
  const outcome = await s.service.verify({
    provider: 'demo-travel',
    session: await started(s),
    otp: '123456',
    nonce: 'n-42',
  });
  if (!outcome.ok) throw new Error(outcome.error.code);
  expect(decodeJwt(outcome.data.token).nonce).toBe('n-42');
});

test('a token without a nonce from the page has no nonce claim', async () => {
  const s = setup();
  const outcome = await s.service.verify({ provider: 'demo-travel', session: await started(s), otp: '123456' });
  if (!outcome.ok) throw new Error(outcome.error.code);
  expect(decodeJwt(outcome.data.token)).not.toHaveProperty('nonce');
});

test.each([
  { otp: '१२३४५६', ascii: '123456' },
  { otp: '০৯৮৭৬৫', ascii: '098765' },
  { otp: '௧௨௩௪௫௬', ascii: '123456' },
  { otp: '123 456', ascii: '123456' },
  { otp: ' 654321 ', ascii: '654321' },
])('OTP $otp is accepted and CoWIN gets the SHA-256 of $ascii', async ({ otp, ascii }) => {
  const s = setup();
  const outcome = await s.service.verify({ provider: 'demo-travel', session: await started(s), otp });
  expect(outcome.ok).toBe(true);
  expect(s.cowin.confirmOtp.mock.calls[0]?.[0].otpHash).toBe(createHash('sha256').update(ascii).digest('hex'));
});

test.each([
  { name: '', mobile: '9876543210', code: 'INVALID_NAME', field: 'name' },
  { name: '   ', mobile: '9876543210', code: 'INVALID_NAME', field: 'name' },
  { name: 'Smt.', mobile: '9876543210', code: 'INVALID_NAME', field: 'name' },
  { name: 'Asha <b>', mobile: '9876543210', code: 'INVALID_NAME', field: 'name' },
  { name: 'Asha Verma', mobile: '', code: 'INVALID_MOBILE', field: 'mobile' },
  { name: 'Asha Verma', mobile: '12345', code: 'INVALID_MOBILE', field: 'mobile' },
  { name: 'Asha Verma', mobile: '5876543210', code: 'INVALID_MOBILE', field: 'mobile' },
  { name: 'Asha Verma', mobile: '+1 9876543210', code: 'INVALID_MOBILE', field: 'mobile' },
  { name: 'Asha Verma', mobile: 'nine876543210', code: 'INVALID_MOBILE', field: 'mobile' },
])(
  'requestOtp($name, $mobile) is $code at the $field field, without calling CoWIN',
  async ({ name, mobile, code, field }) => {
    const s = setup();
    const outcome = await s.service.requestOtp({ provider: 'demo-travel', name, mobile });
    expect(outcome).toMatchObject({ ok: false, status: 400, error: { code, field } });
    if (!outcome.ok) expect(outcome.error.message.length).toBeGreaterThan(0);
    expect(s.cowin.generateOtp).not.toHaveBeenCalled();
  },
);

test('an unknown provider is refused at every step, without calling CoWIN', async () => {
  const s = setup();
  const session = await started(s);
  s.cowin.generateOtp.mockClear();
  const outcomes = [
    await s.service.requestOtp({ ...details, provider: 'nobody' }),
    await s.service.resendOtp({ provider: 'nobody', session }),
    await s.service.verify({ provider: 'nobody', session, otp: '123456' }),
  ];
  for (const outcome of outcomes)
    expect(outcome).toMatchObject({ ok: false, status: 404, error: { code: 'UNKNOWN_PROVIDER' } });
  expect(s.cowin.generateOtp).not.toHaveBeenCalled();
  expect(s.cowin.confirmOtp).not.toHaveBeenCalled();
});

test("another provider's session is not found", async () => {
  const s = setup();
  const session = await started(s, 'demo-travel');
  s.advance(60_000);
  expect(await s.service.verify({ provider: 'demo-irctc', session, otp: '123456' })).toMatchObject({
    ok: false,
    status: 410,
    error: { code: 'SESSION_EXPIRED' },
  });
  expect(await s.service.resendOtp({ provider: 'demo-irctc', session })).toMatchObject({
    ok: false,
    error: { code: 'SESSION_EXPIRED' },
  });
  expect(s.cowin.confirmOtp).not.toHaveBeenCalled();
  expect(s.cowin.generateOtp).toHaveBeenCalledTimes(1);
});

test('an unknown session is SESSION_EXPIRED', async () => {
  const s = setup();
  expect(await s.service.verify({ provider: 'demo-travel', session: 'made-up', otp: '123456' })).toMatchObject({
    ok: false,
    status: 410,
    error: { code: 'SESSION_EXPIRED' },
  });
});

test.each([
  { after: 0, wait: 60 },
  { after: 1_000, wait: 59 },
  { after: 30_000, wait: 30 },
  { after: 59_001, wait: 1 },
])('a resend $after ms after the OTP is RESEND_NOT_ALLOWED for $wait s more', async ({ after, wait }) => {
  const s = setup();
  const session = await started(s);
  s.advance(after);
  expect(await s.service.resendOtp({ provider: 'demo-travel', session })).toMatchObject({
    ok: false,
    status: 429,
    error: { code: 'RESEND_NOT_ALLOWED', retryAfter: wait },
  });
  expect(s.cowin.generateOtp).toHaveBeenCalledTimes(1);
});

test('a resend after 60 s sends a new OTP that replaces the old one', async () => {
  const s = setup();
  const session = await started(s);
  s.advance(60_000);
  const outcome = await s.service.resendOtp({ provider: 'demo-travel', session });
  expect(outcome).toMatchObject({ ok: true, data: { session, resendIn: 60, resendsLeft: 2 } });
  expect(s.cowin.generateOtp).toHaveBeenCalledTimes(2);
  expect(s.cowin.generateOtp.mock.calls[1]?.[0]).toEqual({
    mobile: '9876543210',
    name: 'Asha Verma',
    requesterName: 'Demo Travel Agency',
  });
  await s.service.verify({ provider: 'demo-travel', session, otp: '123456' });
  expect(s.cowin.confirmOtp.mock.calls[0]?.[0].txnId).toBe('txn-2');
});

test('the resend wait starts again from the last resend', async () => {
  const s = setup();
  const session = await started(s);
  s.advance(60_000);
  await s.service.resendOtp({ provider: 'demo-travel', session });
  s.advance(10_000);
  expect(await s.service.resendOtp({ provider: 'demo-travel', session })).toMatchObject({
    ok: false,
    error: { code: 'RESEND_NOT_ALLOWED', retryAfter: 50 },
  });
});

test('at most 3 resends per verification', async () => {
  const s = setup();
  const session = await started(s);
  const left: number[] = [];
  for (let i = 0; i < 3; i++) {
    s.advance(60_000);
    const outcome = await s.service.resendOtp({ provider: 'demo-travel', session });
    if (!outcome.ok) throw new Error(outcome.error.code);
    left.push(outcome.data.resendsLeft);
  }
  expect(left).toEqual([2, 1, 0]);
  s.advance(120_000);
  expect(await s.service.resendOtp({ provider: 'demo-travel', session })).toMatchObject({
    ok: false,
    error: { code: 'RESEND_NOT_ALLOWED' },
  });
  expect(s.cowin.generateOtp).toHaveBeenCalledTimes(4);
});

test('a failed resend keeps the old OTP and does not use up a resend', async () => {
  const s = setup();
  const session = await started(s);
  s.advance(60_000);
  s.cowin.generateOtp.mockResolvedValueOnce(fails({ kind: 'unavailable', reason: 'server' }, 'generateOtp'));
  expect(await s.service.resendOtp({ provider: 'demo-travel', session })).toMatchObject({ ok: false, status: 502 });
  expect(await s.service.resendOtp({ provider: 'demo-travel', session })).toMatchObject({
    ok: true,
    data: { resendsLeft: 2 },
  });
});

test('a second family member on the same mobile waits for nothing', async () => {
  const s = setup();
  await started(s);
  const outcome = await s.service.requestOtp({ provider: 'demo-travel', name: 'Kavita Patil', mobile: '9876543210' });
  expect(outcome.ok).toBe(true);
});

test.each(['12345', '1234567', 'abcdef', '12345a', '', '12-34-56', '１２３４５'])(
  'OTP %j is INVALID_OTP at the otp field, without calling CoWIN',
  async (otp) => {
    const s = setup();
    const outcome = await s.service.verify({ provider: 'demo-travel', session: await started(s), otp });
    expect(outcome).toMatchObject({ ok: false, status: 400, error: { code: 'INVALID_OTP', field: 'otp' } });
    expect(s.cowin.confirmOtp).not.toHaveBeenCalled();
  },
);

/** What any call's failure means, whatever the call. */
const sharedFailures: Array<{ failure: Failure; status: number; code: string; retryAfter?: number }> = [
  {
    failure: { kind: 'limited', status: 429, shape: 'json', retryAfter: 120 },
    status: 429,
    code: 'RATE_LIMITED',
    retryAfter: 120,
  },
  { failure: { kind: 'limited', status: 429, shape: 'json' }, status: 429, code: 'RATE_LIMITED', retryAfter: 60 },
  { failure: { kind: 'refused', status: 403, shape: 'html' }, status: 502, code: 'SERVER_ERROR' },
  { failure: { kind: 'unavailable', reason: 'server' }, status: 502, code: 'SERVER_ERROR' },
  { failure: { kind: 'unavailable', reason: 'malformed' }, status: 502, code: 'SERVER_ERROR' },
  { failure: { kind: 'unavailable', reason: 'network' }, status: 502, code: 'SERVER_ERROR' },
  { failure: { kind: 'unavailable', reason: 'timeout' }, status: 504, code: 'TIMEOUT' },
];

/** At confirmOTP every 4xx is the OTP's fault. */
const confirmFailures: Array<{ failure: Failure; status: number; code: string; field?: string; retryAfter?: number }> =
  [
    ...sharedFailures,
    {
      failure: { kind: 'rejected', status: 401, shape: 'json', errorCode: 'USRAUT0014' },
      status: 400,
      code: 'OTP_INCORRECT',
      field: 'otp',
    },
    {
      failure: { kind: 'rejected', status: 401, shape: 'json', errorCode: 'USRAUT0015' },
      status: 400,
      code: 'OTP_INCORRECT',
      field: 'otp',
    },
    { failure: { kind: 'rejected', status: 400, shape: 'text' }, status: 400, code: 'OTP_INCORRECT', field: 'otp' },
    {
      failure: { kind: 'rejected', status: 401, shape: 'json', errorCode: 'USRAUT0017' },
      status: 400,
      code: 'OTP_ATTEMPTS_EXCEEDED',
      field: 'otp',
    },
  ];

const cowinWordsOf = (failure: Failure) => ('errorCode' in failure ? (failure.errorCode ?? 'USRAUT') : 'USRAUT');

test.each(confirmFailures)(
  'confirmOtp failing with $failure.kind $failure.errorCode$failure.reason is $status $code',
  async ({ failure, status, code, field, retryAfter }) => {
    const s = setup();
    const session = await started(s);
    s.cowin.confirmOtp.mockResolvedValueOnce(fails(failure, 'confirmOtp'));
    const outcome = await s.service.verify({ provider: 'demo-travel', session, otp: '123456' });
    expect(outcome).toMatchObject({ ok: false, status, error: { code } });
    if (outcome.ok) return;
    expect(outcome.error.field).toBe(field);
    expect(outcome.error.retryAfter).toBe(retryAfter);
    expect(JSON.stringify(outcome)).not.toContain(cowinWordsOf(failure));
    expect(s.cowin.status).not.toHaveBeenCalled();
  },
);

test('a 4xx at confirmOTP once the OTP is over 3 minutes old is OTP_EXPIRED, by the host’s clock', async () => {
  const s = setup();
  const session = await started(s);
  s.advance(180_000);
  s.cowin.confirmOtp.mockResolvedValueOnce(
    fails({ kind: 'rejected', status: 401, shape: 'json', errorCode: 'USRAUT0014' }, 'confirmOtp'),
  );
  expect(await s.service.verify({ provider: 'demo-travel', session, otp: '123456' })).toMatchObject({
    ok: false,
    error: { code: 'OTP_EXPIRED', field: 'otp' },
  });
});

test.each(sharedFailures)(
  'generateOtp failing with $failure.kind $failure.reason is $status $code, and leaves no session',
  async ({ failure, status, code, retryAfter }) => {
    const s = setup();
    s.cowin.generateOtp.mockResolvedValueOnce(fails(failure, 'generateOtp'));
    const outcome = await s.service.requestOtp(details);
    expect(outcome).toMatchObject({ ok: false, status, error: { code } });
    if (outcome.ok) return;
    expect(outcome.error.retryAfter).toBe(retryAfter);
    expect(s.store.size).toBe(0);
  },
);

test.each([
  { failure: { kind: 'rejected', status: 400, shape: 'json', errorCode: 'USRAUT0015' } as Failure },
  { failure: { kind: 'rejected', status: 400, shape: 'json', errorCode: 'USRAUT0024' } as Failure },
  { failure: { kind: 'rejected', status: 404, shape: 'html' } as Failure },
])(
  'generateOtp refusing the details ($failure.status $failure.errorCode) answers as for a registered person, then fails as a wrong OTP',
  async ({ failure }) => {
    const s = setup();
    const reference = await s.service.requestOtp(details);
    s.cowin.generateOtp.mockResolvedValueOnce(fails(failure, 'generateOtp'));
    const phantom = await s.service.requestOtp(details);
    if (!reference.ok || !phantom.ok) throw new Error('expected the OTP step');
    expect({ ...phantom.data, session: '' }).toEqual({ ...reference.data, session: '' });
    expect(
      await s.service.verify({ provider: 'demo-travel', session: phantom.data.session, otp: '123456' }),
    ).toMatchObject({
      ok: false,
      status: 400,
      error: { code: 'OTP_INCORRECT', field: 'otp' },
    });
    // CoWIN is never asked to confirm a phantom.
    expect(s.cowin.confirmOtp).not.toHaveBeenCalled();
  },
);

test.each(sharedFailures)(
  'status failing with $failure.kind $failure.reason is $status $code',
  async ({ failure, status, code }) => {
    const s = setup();
    const session = await started(s);
    s.cowin.status.mockResolvedValueOnce(fails(failure, 'status'));
    const outcome = await s.service.verify({ provider: 'demo-travel', session, otp: '123456' });
    expect(outcome).toMatchObject({ ok: false, status, error: { code } });
  },
);

test('every error carries a message for people, apart from the code', async () => {
  const s = setup();
  const session = await started(s);
  s.cowin.confirmOtp.mockResolvedValueOnce(
    fails({ kind: 'rejected', status: 401, shape: 'json', errorCode: 'USRAUT0014' }, 'confirmOtp'),
  );
  const outcome = await s.service.verify({ provider: 'demo-travel', session, otp: '123456' });
  if (outcome.ok) throw new Error('expected a failure');
  expect(outcome.error.message).not.toBe(outcome.error.code);
  expect(outcome.error.message).toMatch(/OTP/);
});

test('a wrong OTP keeps the session, so the right one still works', async () => {
  const s = setup();
  const session = await started(s);
  s.cowin.confirmOtp.mockResolvedValueOnce(
    fails({ kind: 'rejected', status: 401, shape: 'json', errorCode: 'USRAUT0014' }, 'confirmOtp'),
  );
  expect(await s.service.verify({ provider: 'demo-travel', session, otp: '111111' })).toMatchObject({ ok: false });
  expect(await s.service.verify({ provider: 'demo-travel', session, otp: '123456' })).toMatchObject({ ok: true });
});

test('a session yields one result only: the second verify is SESSION_EXPIRED', async () => {
  const s = setup();
  const session = await started(s);
  expect(await s.service.verify({ provider: 'demo-travel', session, otp: '123456' })).toMatchObject({ ok: true });
  expect(s.store.size).toBe(0);
  expect(await s.service.verify({ provider: 'demo-travel', session, otp: '123456' })).toMatchObject({
    ok: false,
    status: 410,
    error: { code: 'SESSION_EXPIRED' },
  });
  expect(await s.service.resendOtp({ provider: 'demo-travel', session })).toMatchObject({
    ok: false,
    error: { code: 'SESSION_EXPIRED' },
  });
  expect(s.cowin.confirmOtp).toHaveBeenCalledTimes(1);
});

test('an abandoned session is gone after its lifetime', async () => {
  const s = setup();
  const session = await started(s);
  s.advance(SESSION_TTL_MS + 1);
  expect(await s.service.verify({ provider: 'demo-travel', session, otp: '123456' })).toMatchObject({
    ok: false,
    error: { code: 'SESSION_EXPIRED' },
  });
  expect(s.cowin.confirmOtp).not.toHaveBeenCalled();
});

test('a status fault after the OTP was confirmed is retried with one action, without a new OTP', async () => {
  // CoWIN's OTP is single use (docs/cowin.md): a second confirmOTP with it fails as expired.
  const s = setup();
  const spent = new Set<string>();
  s.cowin.confirmOtp.mockImplementation(async ({ txnId }) => {
    if (spent.has(txnId))
      return fails({ kind: 'rejected', status: 401, shape: 'json', errorCode: 'USRAUT0015' }, 'confirmOtp');
    spent.add(txnId);
    return { ok: true, data: { token: `cowin-token-for-${txnId}` } };
  });
  s.cowin.status.mockResolvedValueOnce(fails({ kind: 'unavailable', reason: 'timeout' }, 'status'));
  const session = await started(s);
  expect(await s.service.verify({ provider: 'demo-travel', session, otp: '123456' })).toMatchObject({
    ok: false,
    error: { code: 'TIMEOUT' },
  });
  expect(await s.service.verify({ provider: 'demo-travel', session, otp: '123456' })).toMatchObject({
    ok: true,
    data: { status: 'FULLY_VACCINATED' },
  });
});

test("over the mobile's OTP quota, requestOtp and resendOtp are 429 RATE_LIMITED and CoWIN is not asked", async () => {
  const s = setup();
  const take = vi.fn(async () => ({ ok: false, retryAfter: 42 }) as const);
  const service = createVerificationService({
    registry,
    cowin: s.cowin,
    sessions: s.sessions,
    signingKey,
    subjectSecret,
    issuer,
    now: () => s.clock.now,
    mobileQuota: { take },
  });
  const session = await started(s);
  s.advance(60_000);
  const refused = { ok: false, status: 429, error: { code: 'RATE_LIMITED', retryAfter: 42 } };
  expect(await service.requestOtp({ ...details, mobile: '+91 98765 43210' })).toMatchObject(refused);
  expect(await service.resendOtp({ provider: 'demo-travel', session })).toMatchObject(refused);
  expect(take.mock.calls).toEqual([
    ['9876543210', 'anonymous'],
    ['9876543210', 'anonymous'],
  ]);
  expect(s.cowin.generateOtp).toHaveBeenCalledTimes(1);
});

test('by default one mobile gets 20 OTP sends in 10 minutes from all addresses, 10 from one, resends included', async () => {
  const s = setup();
  const office = { client: 'office' };
  const session = await started(s);
  for (let i = 0; i < 3; i++) {
    s.advance(60_000);
    expect(await s.service.resendOtp({ provider: 'demo-travel', session }, undefined)).toMatchObject({ ok: true });
  }
  for (let i = 0; i < 6; i++) expect(await s.service.requestOtp(details)).toMatchObject({ ok: true });
  expect(await s.service.requestOtp(details)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  for (let i = 0; i < 10; i++) expect(await s.service.requestOtp(details, office)).toMatchObject({ ok: true });
  expect(await s.service.requestOtp(details, { client: 'elsewhere' })).toMatchObject({
    ok: false,
    error: { code: 'RATE_LIMITED' },
  });
  expect(s.cowin.generateOtp).toHaveBeenCalledTimes(20);
});

test('with otpMinMs, an OTP send answers no sooner than that, however fast CoWIN is', async () => {
  const s = setup();
  const service = createVerificationService({
    registry,
    cowin: s.cowin,
    sessions: s.sessions,
    signingKey,
    subjectSecret,
    issuer,
    otpMinMs: 60,
  });
  const started = performance.now();
  expect(await service.requestOtp(details)).toMatchObject({ ok: true });
  expect(performance.now() - started).toBeGreaterThanOrEqual(59);
});
