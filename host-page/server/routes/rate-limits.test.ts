import { expect, test } from 'vitest';
import { fixtureBeneficiaries } from '../../../mock-api';
import { ApiErrorBodySchema, OtpResponseSchema } from '../../../contract';
import { RATE_LIMIT_DEFAULTS } from '../limits';
import { T0, useMockedHost, withoutRef } from '../test-kit';

const { host, mock, clock } = useMockedHost();

const OFFICE = '203.0.113.10';
const asha = { provider: 'demo-travel', name: 'Asha Verma', mobile: '9876543210' };
/** A mobile no fixture person has (theirs start with 7, 8 or 9). */
const unregistered = (i: number) => `6${String(i).padStart(9, '0')}`;
const stranger = (i: number) => ({ provider: 'demo-travel', name: 'Walk-in Person', mobile: unregistered(i) });
const lastOtp = (mobile: string) => mock.outbox.list(mobile).at(-1)?.otp ?? '000000';
/** An OTP that is certainly not `otp`. */
const wrong = (otp: string) => otp.replace(/\d$/, (d) => String((Number(d) + 1) % 10));

async function sessionOf(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  return OtpResponseSchema.parse(await response.json()).session;
}

/** Checks the 429 answer in full and returns its wait in seconds. */
async function refusedFor(response: Response): Promise<number> {
  expect(response.status).toBe(429);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const header = response.headers.get('retry-after');
  expect(header).toMatch(/^[1-9]\d*$/);
  const body = ApiErrorBodySchema.parse(await response.json());
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'ref', 'retryAfter']);
  expect(body.error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: Number(header) });
  return Number(header);
}

test('a busy office behind one address verifies 60 people a minute, for minutes on end', async () => {
  const { post } = await host();
  // One person of each registered mobile (two people on one mobile would replace each other's OTP).
  const registered = fixtureBeneficiaries.filter((p, i, all) => all.findIndex((q) => q.mobile === p.mobile) === i);
  type Step = { at: number; run: () => Promise<Response> };
  const steps: Step[] = [];
  const statuses: number[] = [];
  const results: number[] = [];
  for (let i = 0; i < 180; i++) {
    const start = i * 1000;
    const person = i % 10 === 0 ? registered[(i / 10) % registered.length]! : undefined;
    const details = person ? { provider: 'demo-travel', name: person.name, mobile: person.mobile } : stranger(i);
    let session = '';
    const verify = (otp: () => string) => post('/verify', { provider: 'demo-travel', session, otp: otp() }, OFFICE);
    const resends = i % 3 === 0;
    const at = resends ? 61_000 : 0;
    steps.push(
      {
        at: start,
        run: async () => {
          const response = await post('/otp', details, OFFICE);
          session = await sessionOf(response.clone());
          return response;
        },
      },
      ...(resends
        ? [{ at: start + at, run: () => post('/otp/resend', { provider: 'demo-travel', session }, OFFICE) }]
        : []),
      { at: start + at + 10_000, run: () => verify(() => wrong(lastOtp(details.mobile))) },
      {
        at: start + at + 20_000,
        run: async () => {
          const response = await verify(() => lastOtp(details.mobile));
          if (person) results.push(response.status);
          return response;
        },
      },
    );
  }
  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) {
    clock.advance(T0 + step.at - clock.now());
    statuses.push((await step.run()).status);
  }
  expect(statuses.filter((s) => s === 429)).toEqual([]);
  expect(results).toEqual(Array<number>(18).fill(200));
});

test('a family sharing one mobile is verified back to back without waiting', async () => {
  const { post } = await host();
  const expected = { 'Suresh Patil': 'FULLY_VACCINATED', 'Kavita Patil': 'PARTIALLY_VACCINATED' };
  for (const [name, status] of Object.entries(expected)) {
    const session = await sessionOf(await post('/otp', { provider: 'demo-travel', name, mobile: '9000000001' }));
    clock.advance(5_000);
    const response = await post('/verify', { provider: 'demo-travel', session, otp: lastOtp('9000000001') });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status });
    clock.advance(5_000);
  }
});

test('one mobile gets 10 OTPs in 10 minutes', async () => {
  const { post } = await host();
  for (let i = 0; i < 10; i++) {
    expect((await post('/otp', asha)).status).toBe(200);
    clock.advance(59_000);
  }
  expect(mock.outbox.list(asha.mobile)).toHaveLength(10);
});

test('the 21st OTP to one mobile in 10 minutes, from any address, is 429 with Retry-After, and CoWIN is not asked', async () => {
  const { post, calls, log } = await host();
  const sessions: string[] = [];
  for (let i = 0; i < 10; i++) {
    sessions.push(await sessionOf(await post('/otp', asha, OFFICE)));
    clock.advance(5_000);
  }
  // Resends count too: each is one more SMS to the mobile (from the counter's second line here).
  clock.advance(15_000);
  for (const session of sessions) {
    expect((await post('/otp/resend', { provider: 'demo-travel', session }, '203.0.113.11')).status).toBe(200);
    clock.advance(5_000);
  }
  expect(calls.generateOtp).toHaveBeenCalledTimes(20);
  // It is now 115 s after the first OTP: the first leaves the 10-minute window in 485 s.
  expect(await refusedFor(await post('/otp', asha, '198.51.100.30'))).toBe(485);
  expect(await refusedFor(await post('/otp', { ...asha, mobile: '+91 98765 43210' }, '198.51.100.31'))).toBe(485);
  expect(calls.generateOtp).toHaveBeenCalledTimes(20);
  expect(JSON.stringify(log.mock.calls)).not.toContain('43210');

  clock.advance(485_000);
  expect((await post('/otp', asha, '198.51.100.30')).status).toBe(200);
});

test('a stranger at one address cannot lock a mobile out: its owner, elsewhere, still gets an OTP', async () => {
  const { post } = await host();
  // 50 requests with a wrong name, so no SMS goes: the stranger's own share is 10.
  const stranger = { ...asha, name: 'Not Asha' };
  const statuses: number[] = [];
  for (let i = 0; i < 50; i++) statuses.push((await post('/otp', stranger, '198.51.100.66')).status);
  expect(statuses.filter((status) => status === 200)).toHaveLength(10);
  expect(mock.outbox.list(asha.mobile)).toHaveLength(0);
  const session = await sessionOf(await post('/otp', asha, OFFICE));
  expect(mock.outbox.list(asha.mobile)).toHaveLength(1);
  const verified = await post('/verify', { provider: 'demo-travel', session, otp: lastOtp(asha.mobile) }, OFFICE);
  expect(verified.status).toBe(200);
});

test('the per-mobile limit answers a registered and an unregistered mobile alike', async () => {
  const { post } = await host();
  const answers = [];
  for (const details of [asha, stranger(1)]) {
    for (let i = 0; i < 20; i++) await post('/otp', details);
    const response = await post('/otp', details);
    answers.push({
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: withoutRef(await response.text()),
    });
  }
  expect(answers[0]).toEqual(answers[1]);
  expect(answers[0]?.status).toBe(429);
});

test('one mobile gets at most 50 OTPs in 24 hours: the host refuses the 51st itself', async () => {
  const { post, calls } = await host();
  for (let i = 0; i < 50; i++) {
    expect((await post('/otp', asha, `198.51.100.${i % 3}`)).status).toBe(200);
    clock.advance(40_000);
  }
  expect(await refusedFor(await post('/otp', asha, '198.51.100.9'))).toBe(86_400 - 50 * 40);
  expect(calls.generateOtp).toHaveBeenCalledTimes(50);
});

test('one address gets 120 OTP sends a minute; the 121st is 429 and CoWIN is not asked', async () => {
  const { post, calls } = await host();
  for (let i = 0; i < 120; i++) {
    expect((await post('/otp', stranger(i), OFFICE)).status).toBe(200);
    clock.advance(400);
  }
  // 48 s have passed since the first: it leaves the minute in 12 s.
  expect(await refusedFor(await post('/otp', stranger(120), OFFICE))).toBe(12);
  expect(calls.generateOtp).toHaveBeenCalledTimes(120);
  // Another address is counted apart; the office may go on once the first OTP leaves the minute.
  expect((await post('/otp', stranger(121), '198.51.100.20')).status).toBe(200);
  clock.advance(12_000);
  expect((await post('/otp', stranger(122), OFFICE)).status).toBe(200);
});

test('one address gets 300 API calls a minute, malformed ones included', async () => {
  const { post, calls } = await host();
  for (let i = 0; i < 150; i++) {
    expect((await post('/verify', { provider: 'demo-travel', session: `gone-${i}`, otp: '123456' })).status).toBe(410);
    expect((await post('/verify', { nonsense: true })).status).toBe(400);
    clock.advance(100);
  }
  await refusedFor(await post('/otp', asha));
  await refusedFor(await post('/verify', { provider: 'demo-travel', session: 'gone', otp: '123456' }));
  expect(calls.generateOtp).not.toHaveBeenCalled();
});

test('a provider’s budget counts only calls that did something real: junk from many addresses spends none of it', async () => {
  const { post } = await host({ limits: { provider: { limit: 4, windowSeconds: 60 } } });
  // Made-up sessions and made-up provider ids, from eleven addresses: each refused, none counted.
  for (let address = 0; address < 11; address++) {
    for (let i = 0; i < 20; i++) {
      expect(
        (
          await post(
            '/verify',
            { provider: 'demo-travel', session: `gone-${i}`, otp: '123456' },
            `198.51.100.${address}`,
          )
        ).status,
      ).toBe(410);
      expect(
        (await post('/otp/resend', { provider: 'demo-travel', session: `gone-${i}` }, `198.51.100.${address}`)).status,
      ).toBe(410);
      expect(
        (await post('/verify', { provider: 'made-up', session: `gone-${i}`, otp: '123456' }, `198.51.100.${address}`))
          .status,
      ).toBe(404);
    }
  }
  // A real user still gets through: an OTP sent and a live session found are two of the four.
  const session = await sessionOf(await post('/otp', asha, OFFICE));
  expect((await post('/verify', { provider: 'demo-travel', session, otp: lastOtp(asha.mobile) }, OFFICE)).status).toBe(
    200,
  );
  // Real calls do count, on all addresses together: two more, then the provider's ceiling.
  expect((await post('/otp', stranger(1), '192.0.2.1')).status).toBe(200);
  expect((await post('/otp', stranger(2), '192.0.2.2')).status).toBe(200);
  await refusedFor(await post('/otp', stranger(3), '192.0.2.3'));
  // Another provider has its own ceiling.
  expect((await post('/otp', { ...stranger(4), provider: 'demo-irctc' }, '192.0.2.3')).status).toBe(200);
});
test('X-Forwarded-For is ignored by default: a fresh header each time does not make a fresh client', async () => {
  const { post } = await host();
  for (let i = 0; i < 120; i++) {
    await post('/otp', stranger(i), OFFICE, { 'x-forwarded-for': `192.0.2.${i}` });
  }
  await refusedFor(await post('/otp', stranger(120), OFFICE, { 'x-forwarded-for': '192.0.2.200' }));
});

test('behind a trusted proxy, the address it appended is the client, and spoofed ones before it are not', async () => {
  const { post } = await host({ trustProxy: ['10.0.0.0/8'] });
  const proxy = '10.0.0.2';
  for (let i = 0; i < 120; i++) {
    await post('/otp', stranger(i), proxy, { 'x-forwarded-for': `192.0.2.${i}, 198.51.100.7` });
  }
  await refusedFor(await post('/otp', stranger(120), proxy, { 'x-forwarded-for': '192.0.2.250, 198.51.100.7' }));
  expect((await post('/otp', stranger(121), proxy, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(200);
});

test('the limits follow the configuration', async () => {
  const { post } = await host({ limits: { clientOtp: { limit: 2, windowSeconds: 10 } } });
  expect((await post('/otp', stranger(1))).status).toBe(200);
  expect((await post('/otp', stranger(2))).status).toBe(200);
  expect(await refusedFor(await post('/otp', stranger(3)))).toBe(10);
  expect(RATE_LIMIT_DEFAULTS.clientOtp.limit).toBe(120);
});
