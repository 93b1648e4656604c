import { decodeJwt } from 'jose';
import { expect, test } from 'vitest';
import { ApiErrorBodySchema, KycvsResultSchema, OtpResponseSchema, SUPPORT_REF_PATTERN } from '../../../contract';
import { DEMO_ORIGIN, useMockedHost } from '../test-kit';

// The bundled test provider `demo-test` through the whole host (docs/test-identities.md): the
// mobile decides, the OTP is 000000, CoWIN (here the mock behind msw) is never called, no SMS goes.

const { host, mock, clock, server } = useMockedHost();

type Host = Awaited<ReturnType<typeof host>>;

/** Every request the host made to CoWIN (the mock behind msw), counted. */
function cowinRequests() {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => void seen.push(new URL(request.url).pathname));
  return seen;
}

const asTester = (mobile: string, name = 'Test Person') => ({
  provider: 'demo-test',
  name,
  mobile,
  parentOrigin: DEMO_ORIGIN,
});

async function otpStep(h: Host, mobile: string, name?: string) {
  const response = await h.post('/otp', asTester(mobile, name));
  expect(response.status).toBe(200);
  return OtpResponseSchema.parse(await response.json()).session;
}

const verify = (h: Host, session: string, otp = '000000', extra: Record<string, string> = {}) =>
  h.post('/verify', { provider: 'demo-test', session, otp, ...extra });

test.each([
  {
    mobile: '9999999901',
    status: 'FULLY_VACCINATED',
    name: 'Test Person Fully',
    vaccinations: [
      { vaccine: 'COVISHIELD', dose: 1, date: '2021-05-15' },
      { vaccine: 'COVISHIELD', dose: 2, date: '2021-08-10' },
    ],
  },
  {
    mobile: '9999999902',
    status: 'PARTIALLY_VACCINATED',
    name: 'Test Person Partially',
    vaccinations: [{ vaccine: 'COVAXIN', dose: 1, date: '2021-06-02' }],
  },
  { mobile: '9999999903', status: 'NOT_VACCINATED', name: 'Test Person Not Vaccinated', vaccinations: [] },
])(
  '$mobile with OTP 000000 is $status, with test: true in the token',
  async ({ mobile, status, name, vaccinations }) => {
    const seen = cowinRequests();
    const h = await host();
    const response = await verify(h, await otpStep(h, mobile, 'Anyone At All'), '000000', { action: 'ci-run' });
    expect(response.status).toBe(200);
    const result = KycvsResultSchema.parse(await response.json());
    expect(result).toMatchObject({ status, beneficiary: { name }, vaccinations });
    expect(decodeJwt(result.token)).toMatchObject({
      aud: 'demo-test',
      status,
      test: true,
      origin: DEMO_ORIGIN,
      action: 'ci-run',
    });
    expect(seen).toEqual([]);
    expect(h.calls.generateOtp).not.toHaveBeenCalled();
    expect(mock.outbox.list(mobile)).toEqual([]);
  },
);

test('9999999904 fails the OTP request as a CoWIN fault: a retryable 502 SERVER_ERROR with a reference', async () => {
  const seen = cowinRequests();
  const h = await host();
  const response = await h.post('/otp', asTester('9999999904'));
  expect(response.status).toBe(502);
  const { error } = ApiErrorBodySchema.parse(await response.json());
  expect(error.code).toBe('SERVER_ERROR');
  expect(error.ref).toMatch(SUPPORT_REF_PATTERN);
  expect(seen).toEqual([]);
});

test('a mobile outside the table gets the OTP step as any other, and then 000000 is OTP_INCORRECT', async () => {
  const h = await host();
  const known = await h.post('/otp', asTester('9999999901'));
  const unknown = await h.post('/otp', asTester('9999999909'));
  const shape = async (response: Response) => ({
    status: response.status,
    body: { ...((await response.json()) as object), session: 'x' },
  });
  expect(await shape(unknown)).toEqual(await shape(known));
  const session = await otpStep(h, '9999999909');
  const response = await verify(h, session);
  expect(response.status).toBe(400);
  expect(ApiErrorBodySchema.parse(await response.json()).error).toMatchObject({ code: 'OTP_INCORRECT', field: 'otp' });
});

test('the OTP rules still apply: a wrong OTP, three of them, and an OTP past its 180 s', async () => {
  const h = await host();
  const session = await otpStep(h, '9999999901');
  const codes = [];
  for (const otp of ['111111', '222222', '333333', '000000']) {
    codes.push(ApiErrorBodySchema.parse(await (await verify(h, session, otp)).json()).error.code);
  }
  expect(codes).toEqual(['OTP_INCORRECT', 'OTP_INCORRECT', 'OTP_ATTEMPTS_EXCEEDED', 'OTP_ATTEMPTS_EXCEEDED']);

  const late = await otpStep(h, '9999999902');
  clock.advance(181_000);
  const expired = await verify(h, late);
  expect(ApiErrorBodySchema.parse(await expired.json()).error.code).toBe('OTP_EXPIRED');
});

test('a resend gives a new OTP step, and 000000 still works after it', async () => {
  const h = await host();
  const session = await otpStep(h, '9999999903');
  clock.advance(60_000);
  const resent = await h.post('/otp/resend', { provider: 'demo-test', session });
  expect(resent.status).toBe(200);
  expect(OtpResponseSchema.parse(await resent.json()).resendsLeft).toBe(2);
  expect((await verify(h, session)).status).toBe(200);
});

test('a test mobile has no per-mobile quota: no SMS goes, so the 30th OTP to it from one address still passes', async () => {
  const h = await host();
  for (let i = 0; i < 30; i++) await otpStep(h, '9999999901');
  // The same number for a real provider is a person's phone: its quota holds, and this did not spend it.
  const real = await h.post('/otp', { provider: 'demo-travel', name: 'Test Person', mobile: '9999999901' });
  expect(real.status).toBe(200);
});

test("the address's limit still applies to a test provider: over 120 OTPs a minute is 429 RATE_LIMITED", async () => {
  const h = await host();
  const mobiles = ['9999999901', '9999999902', '9999999903'];
  for (let i = 0; i < 120; i++) await otpStep(h, mobiles[i % 3]!);
  const response = await h.post('/otp', asTester('9999999902'));
  expect(response.status).toBe(429);
  expect(ApiErrorBodySchema.parse(await response.json()).error).toMatchObject({ code: 'RATE_LIMITED' });
});

test('a provider that is not a test provider still calls CoWIN for a test mobile (it is just a number there)', async () => {
  const seen = cowinRequests();
  const h = await host();
  const response = await h.post('/otp', { provider: 'demo-travel', name: 'Test Person', mobile: '9999999901' });
  expect(response.status).toBe(200);
  expect(seen).toContainEqual(expect.stringMatching(/\/v3\/vaccination\/generateOTP$/));
  const session = OtpResponseSchema.parse(await response.json()).session;
  const verified = await h.post('/verify', { provider: 'demo-travel', session, otp: '000000' });
  expect(verified.status).toBe(400);
});
