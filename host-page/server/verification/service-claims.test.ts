import { decodeJwt } from 'jose';
import { expect, test, vi } from 'vitest';
import type { CowinClient } from '../cowin/client';
import type { StatusAnswer } from '../cowin/schemas';
import { createRegistry } from '../registry';
import { createTokenDetailsStore } from '../siteverify';
import { createMemoryStore, createSealer, StateUnavailableError } from '../state';
import { loadSigningKey, loadSubjectSecret } from '../token';
import { createVerificationService } from './service';
import { createSessionStore } from './sessions';

// What /verify signs beside the status (docs/api.md, "The status token"): the page's origin, its
// action, a test provider's mark; and what it keeps for siteverify (docs/api.md, "Details").

const issuer = 'https://kycvs.example';
const signingKey = await loadSigningKey(undefined, () => {});
const subjectSecret = loadSubjectSecret(undefined, () => {});
const PORTAL = 'https://portal.example';
/** One sealer, as every host derives it from KYCVS_SUBJECT_SECRET. */
const sealer = createSealer(subjectSecret);

const registry = createRegistry([
  { id: 'agency', name: 'Agency', allowed_origins: ['https://agency.example'], scope: ['status'] },
  {
    id: 'portal',
    name: 'Portal',
    allowed_origins: [PORTAL, 'https://m.portal.example'],
    scope: ['status', 'demographics', 'vaccinations'],
    secret: 'portal-secret-0123456',
  },
  {
    id: 'names-only',
    name: 'Names Only',
    allowed_origins: [PORTAL],
    scope: ['status', 'demographics'],
    secret: 'names-secret-0123456',
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
  },
};

function setup(answer: StatusAnswer = asha) {
  const clock = { now: Date.parse('2025-01-15T10:00:00Z') };
  const now = () => clock.now;
  const store = createMemoryStore({ now });
  const cowin = {
    generateOtp: vi.fn<CowinClient['generateOtp']>(async () => ({ ok: true, data: { txnId: 'txn-1' } })),
    confirmOtp: vi.fn<CowinClient['confirmOtp']>(async () => ({ ok: true, data: { token: 'cowin-token' } })),
    status: vi.fn<CowinClient['status']>(async () => ({ ok: true, data: answer })),
  } satisfies CowinClient;
  const tokenDetails = createTokenDetailsStore({ store, now });
  const service = createVerificationService({
    registry,
    cowin,
    sessions: createSessionStore({ store, sealer, now }),
    tokenDetails,
    signingKey,
    subjectSecret,
    issuer,
    now,
  });
  return { service, cowin, store, tokenDetails, clock };
}

type Setup = ReturnType<typeof setup>;

async function verified(s: Setup, provider: string, extra: { parentOrigin?: string; action?: string } = {}) {
  const { action, ...otpExtra } = extra;
  const sent = await s.service.requestOtp({ provider, name: 'Asha Verma', mobile: '9876543210', ...otpExtra });
  if (!sent.ok) throw new Error(sent.error.code);
  const outcome = await s.service.verify({
    provider,
    session: sent.data.session,
    otp: '123456',
    ...(action === undefined ? {} : { action }),
  });
  if (!outcome.ok) throw new Error(outcome.error.code);
  return { result: outcome.data, claims: decodeJwt(outcome.data.token) };
}

test('the token names the embedding page’s origin when it is one of the provider’s registered origins', async () => {
  const s = setup();
  expect((await verified(s, 'portal', { parentOrigin: PORTAL })).claims.origin).toBe(PORTAL);
  expect((await verified(s, 'portal', { parentOrigin: 'https://m.portal.example' })).claims.origin).toBe(
    'https://m.portal.example',
  );
});

test.each([
  { why: 'no parentOrigin', parentOrigin: undefined },
  { why: 'an origin another provider registered', parentOrigin: 'https://agency.example' },
  { why: 'an origin no one registered', parentOrigin: 'https://evil.example' },
  { why: 'a registered origin with a path', parentOrigin: `${PORTAL}/book` },
])('the token has no origin for $why', async ({ parentOrigin }) => {
  const s = setup();
  const { claims } = await verified(s, 'portal', parentOrigin === undefined ? {} : { parentOrigin });
  expect(claims).not.toHaveProperty('origin');
});

test('the origin is kept in the shared session: a service on another host finishes with it', async () => {
  const s = setup();
  const sent = await s.service.requestOtp({
    provider: 'portal',
    name: 'Asha Verma',
    mobile: '9876543210',
    parentOrigin: PORTAL,
  });
  if (!sent.ok) throw new Error(sent.error.code);
  const other = createVerificationService({
    registry,
    cowin: s.cowin,
    sessions: createSessionStore({ store: s.store, sealer, now: () => s.clock.now }),
    signingKey,
    subjectSecret,
    issuer,
    now: () => s.clock.now,
  });
  const outcome = await other.verify({ provider: 'portal', session: sent.data.session, otp: '123456' });
  if (!outcome.ok) throw new Error(outcome.error.code);
  expect(decodeJwt(outcome.data.token).origin).toBe(PORTAL);
});

test('the action the page gave is in the token, and no action means none', async () => {
  const s = setup();
  expect((await verified(s, 'agency', { action: 'booking' })).claims.action).toBe('booking');
  expect((await verified(s, 'agency')).claims).not.toHaveProperty('action');
});

test('a provider that is not a test provider signs no test claim', async () => {
  expect((await verified(setup(), 'agency')).claims).not.toHaveProperty('test');
});

test('a provider with a secret has the result’s details kept under the token’s jti, until its exp', async () => {
  const s = setup();
  const { result, claims } = await verified(s, 'portal');
  expect(await s.tokenDetails.read(claims.jti!)).toEqual({
    beneficiary: result.beneficiary,
    vaccinations: result.vaccinations,
  });
  s.clock.now = claims.exp! * 1000 + 5_000;
  expect(await s.tokenDetails.read(claims.jti!)).toBeUndefined();
});

test('only what the scope allows is kept', async () => {
  const s = setup();
  const { claims } = await verified(s, 'names-only');
  const kept = await s.tokenDetails.read(claims.jti!);
  expect(kept).toEqual({ beneficiary: expect.objectContaining({ name: 'Asha Verma' }) });
  expect(kept).not.toHaveProperty('vaccinations');
});

test('nothing is kept for a status-only provider, nor when CoWIN gave the status alone', async () => {
  const s = setup();
  await verified(s, 'agency');
  const statusOnly = setup({ vaccination_status: 1 });
  const { claims } = await verified(statusOnly, 'portal');
  expect(await statusOnly.tokenDetails.read(claims.jti!)).toBeUndefined();
  expect(s.store.size + statusOnly.store.size).toBe(0);
});

test('when the details cannot be kept, the session is not ended: the same OTP works again', async () => {
  const s = setup();
  const sent = await s.service.requestOtp({ provider: 'portal', name: 'Asha Verma', mobile: '9876543210' });
  if (!sent.ok) throw new Error(sent.error.code);
  const keep = vi.spyOn(s.tokenDetails, 'keep').mockRejectedValueOnce(new StateUnavailableError('Redis away'));
  const request = { provider: 'portal', session: sent.data.session, otp: '123456' };
  await expect(s.service.verify(request)).rejects.toThrow('Redis away');
  const again = await s.service.verify(request);
  expect(again.ok).toBe(true);
  expect(keep).toHaveBeenCalledTimes(2);
});
