import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { CowinClient, CowinResult } from '../cowin/client';
import type { StatusAnswer } from '../cowin/schemas';
import { createRegistry } from '../registry';
import { createHostState } from '../shared-state';
import { createMemoryStore, createRedisStore, type StateStore } from '../state';
import { startLocalRedis, type LocalRedis } from '../../../scripts/cluster/local-redis';
import { NO_PROXY, RATE_LIMIT_DEFAULTS } from '../limits';
import { loadSigningKey, loadSubjectSecret } from '../token';
import { createVerificationService, type VerificationService } from './service';

/**
 * Races inside one verification, between two hosts on one store: the rules of docs/scaling.md
 * ("One request per session") on both backends. Each host is a service of its own, as on two
 * machines; they share the store, the subject secret and one CoWIN.
 */

const registry = createRegistry([
  { id: 'demo-travel', name: 'Demo Travel Agency', allowed_origins: ['http://localhost:5173'], scope: ['status'] },
]);
const signingKey = await loadSigningKey(undefined, () => {});
const subjectSecret = loadSubjectSecret(undefined, () => {});
const RIGHT = '123456';
const answer: StatusAnswer = { vaccination_status: 2, beneficiary: { name: 'Asha Verma' } };

/** A promise the test settles by hand, to hold a CoWIN call in flight. */
function gate<T>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * A CoWIN that takes any number of wrong OTPs (so that only the host's own count can stop them),
 * with confirmOTP's single-use rule, and whose calls a test may hold.
 */
function lenientCowin() {
  let txns = 0;
  const used = new Set<string>();
  const hold = { confirm: undefined as Promise<void> | undefined, status: undefined as Promise<void> | undefined };
  const cowin = {
    generateOtp: vi.fn<CowinClient['generateOtp']>(async () => ({ ok: true, data: { txnId: `txn-${++txns}` } })),
    confirmOtp: vi.fn<CowinClient['confirmOtp']>(async ({ otpHash, txnId }) => {
      await hold.confirm;
      const right = otpHash === (await sha256(RIGHT));
      if (!right)
        return {
          ok: false,
          failure: { call: 'confirmOtp', kind: 'rejected', status: 401, shape: 'json', errorCode: 'USRAUT0014' },
        };
      if (used.has(txnId))
        return {
          ok: false,
          failure: { call: 'confirmOtp', kind: 'rejected', status: 401, shape: 'json', errorCode: 'USRAUT0015' },
        };
      used.add(txnId);
      return { ok: true, data: { token: `token-${txnId}` } };
    }),
    status: vi.fn<CowinClient['status']>(async (): Promise<CowinResult<StatusAnswer>> => {
      await hold.status;
      return { ok: true, data: answer };
    }),
  } satisfies CowinClient;
  return { cowin, hold };
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('hex');
}

let redis: LocalRedis;
beforeAll(async () => {
  redis = await startLocalRedis();
});
afterAll(() => redis.stop());

const backends: Array<{ name: string; open: (now: () => number) => Promise<StateStore> }> = [
  { name: 'memory', open: async (now) => createMemoryStore({ now }) },
  {
    name: 'redis',
    open: async () => {
      const store = createRedisStore({ url: redis.url, prefix: `race:${randomBytes(6).toString('hex')}:` });
      expect(await store.connected(5000)).toBe(true);
      return store;
    },
  },
];

describe.each(backends)('two hosts on one $name store', ({ open }) => {
  async function setup() {
    const clock = { now: Date.now() };
    const now = () => clock.now;
    const store = await open(now);
    const { cowin, hold } = lenientCowin();
    const host = (): VerificationService => {
      const state = createHostState({
        store,
        subjectSecret,
        limits: RATE_LIMIT_DEFAULTS,
        trust: NO_PROXY,
        now,
      });
      return createVerificationService({
        registry,
        cowin,
        sessions: state.sessions,
        mobileQuota: state.mobileQuota,
        providerBudget: state.providerBudget,
        signingKey,
        subjectSecret,
        issuer: 'https://kycvs.example',
        now,
      });
    };
    const [a, b] = [host(), host()];
    const started = await a.requestOtp({ provider: 'demo-travel', name: 'Asha Verma', mobile: '9876543210' });
    if (!started.ok) throw new Error(started.error.code);
    const session = started.data.session;
    const verify = (on: VerificationService, otp: string) => on.verify({ provider: 'demo-travel', session, otp });
    const resend = (on: VerificationService) => on.resendOtp({ provider: 'demo-travel', session });
    return { a, b, cowin, hold, clock, store, verify, resend };
  }

  test('a verification begun on one host ends on the other', async () => {
    const s = await setup();
    expect(await s.verify(s.b, RIGHT)).toMatchObject({ ok: true, data: { status: 'FULLY_VACCINATED' } });
    await s.store.close();
  });

  test('one OTP yields at most one result, however many hosts are asked at once', async () => {
    const s = await setup();
    const outcomes = await Promise.all([s.a, s.b, s.a, s.b, s.a, s.b].map((host) => s.verify(host, RIGHT)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => !o.ok)) {
      expect(outcome).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/^(RATE_LIMITED|SESSION_EXPIRED)$/) },
      });
    }
    await s.store.close();
  });

  test('a wrong OTP gets no result while the right one is in flight', async () => {
    const s = await setup();
    const held = gate<void>();
    s.hold.status = held.promise;
    const right = s.verify(s.a, RIGHT);
    await vi.waitFor(() => expect(s.cowin.status).toHaveBeenCalled());
    const wrong = await s.verify(s.b, '654321');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfter: 1 } });
    held.open();
    expect((await right).ok).toBe(true);
    await s.store.close();
  });

  test('after a status fault, only the OTP CoWIN confirmed can finish the verification', async () => {
    const s = await setup();
    s.cowin.status.mockResolvedValueOnce({
      ok: false,
      failure: { call: 'status', kind: 'unavailable', reason: 'timeout' },
    });
    expect(await s.verify(s.a, RIGHT)).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(await s.verify(s.b, '654321')).toMatchObject({ ok: false, error: { code: 'OTP_INCORRECT' } });
    expect(await s.verify(s.b, RIGHT)).toMatchObject({ ok: true });
    expect(s.cowin.confirmOtp).toHaveBeenCalledTimes(1);
    await s.store.close();
  });

  test('wrong OTPs count together on all hosts: the third ends the OTP, even for the right one', async () => {
    const s = await setup();
    expect(await s.verify(s.a, '000001')).toMatchObject({ ok: false, error: { code: 'OTP_INCORRECT' } });
    expect(await s.verify(s.b, '000002')).toMatchObject({ ok: false, error: { code: 'OTP_INCORRECT' } });
    expect(await s.verify(s.a, '000003')).toMatchObject({ ok: false, error: { code: 'OTP_ATTEMPTS_EXCEEDED' } });
    expect(await s.verify(s.b, RIGHT)).toMatchObject({ ok: false, error: { code: 'OTP_ATTEMPTS_EXCEEDED' } });
    // The host stopped the fourth itself: CoWIN, which would have taken it, was never asked.
    expect(s.cowin.confirmOtp).toHaveBeenCalledTimes(3);
    await s.store.close();
  });

  test('wrong OTPs sent together: those refused as busy never reach CoWIN, and none slips past the limit', async () => {
    const s = await setup();
    const wrongs = ['000001', '000002', '000003', '000004', '000005', '000006'];
    await Promise.all(wrongs.map((otp, i) => s.verify(i % 2 ? s.a : s.b, otp)));
    for (let i = 0; i < 6; i++) await s.verify(s.a, `10000${i}`);
    expect(s.cowin.confirmOtp.mock.calls.length).toBeLessThanOrEqual(3);
    expect(await s.verify(s.b, RIGHT)).toMatchObject({ ok: false, error: { code: 'OTP_ATTEMPTS_EXCEEDED' } });
    await s.store.close();
  });

  test('a new OTP starts a new count of wrong tries', async () => {
    const s = await setup();
    for (const otp of ['000001', '000002', '000003']) await s.verify(s.a, otp);
    s.clock.now += 60_000;
    expect(await s.resend(s.b)).toMatchObject({ ok: true });
    expect(await s.verify(s.a, RIGHT)).toMatchObject({ ok: true });
    await s.store.close();
  });

  test('concurrent resends each count: one passes the 60 s wait, and the cap of 3 holds', async () => {
    const s = await setup();
    for (let round = 1; round <= 4; round++) {
      s.clock.now += 60_000;
      const outcomes = await Promise.all([s.a, s.b, s.a, s.b].map((host) => s.resend(host)));
      const passed = outcomes.filter((outcome) => outcome.ok);
      expect(passed).toHaveLength(round <= 3 ? 1 : 0);
      if (round <= 3) expect(passed[0]).toMatchObject({ data: { resendsLeft: 3 - round } });
    }
    expect(s.cowin.generateOtp).toHaveBeenCalledTimes(1 + 3);
    expect(await s.resend(s.a)).toMatchObject({ ok: false, status: 403, error: { code: 'RESEND_NOT_ALLOWED' } });
    await s.store.close();
  });

  test('a request that outlived its lease changes nothing: the wrong tries of both are counted', async () => {
    const s = await setup();
    const held = gate<void>();
    s.hold.confirm = held.promise;
    const late = s.verify(s.a, '000001');
    await vi.waitFor(() => expect(s.cowin.confirmOtp).toHaveBeenCalledTimes(1));
    s.hold.confirm = undefined;
    s.clock.now += 30_001;
    expect(await s.verify(s.b, '000002')).toMatchObject({ ok: false, error: { code: 'OTP_INCORRECT' } });
    held.open();
    expect(await late).toMatchObject({ ok: false, error: { code: 'OTP_INCORRECT' } });
    // Both tries were counted as they claimed the session: the third is the last.
    expect(await s.verify(s.a, '000003')).toMatchObject({ ok: false, error: { code: 'OTP_ATTEMPTS_EXCEEDED' } });
    await s.store.close();
  });

  test('a confirmation that comes back after its lease was lost does not land in a renewed session', async () => {
    const s = await setup();
    const held = gate<void>();
    s.hold.confirm = held.promise;
    const late = s.verify(s.a, RIGHT);
    await vi.waitFor(() => expect(s.cowin.confirmOtp).toHaveBeenCalledTimes(1));
    s.hold.confirm = undefined;
    s.clock.now += 61_000;
    expect(await s.resend(s.b)).toMatchObject({ ok: true });
    held.open();
    // The late request lost its claim: it must not write the old OTP's confirmation.
    expect(await late).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await s.verify(s.b, RIGHT)).toMatchObject({ ok: true });
    await s.store.close();
  });

  test('a request that died holding the session (its host killed) holds it only until its lease runs out', async () => {
    const s = await setup();
    s.hold.confirm = new Promise(() => {}); // host A's CoWIN call never comes back: A is gone
    void s.verify(s.a, RIGHT);
    await vi.waitFor(() => expect(s.cowin.confirmOtp).toHaveBeenCalled());
    s.hold.confirm = undefined;
    expect(await s.verify(s.b, RIGHT)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfter: 1 } });
    s.clock.now += 30_001;
    expect(await s.verify(s.b, RIGHT)).toMatchObject({ ok: true });
    await s.store.close();
  });
});
