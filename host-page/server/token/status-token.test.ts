import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { expect, test } from 'vitest';
import { loadSigningKey } from './keys';
import { loadSubjectSecret } from './subject-secret';
import {
  signStatusToken,
  STATUS_TOKEN_TTL_SECONDS,
  STATUS_TOKEN_TYPE,
  statusTokenExpiry,
  subjectFor,
  type StatusClaims,
} from './status-token';

const key = await loadSigningKey(undefined, () => {});
const jwks = createLocalJWKSet({ keys: [key.publicJwk] });
const secret = loadSubjectSecret(undefined, () => {});

const claims: StatusClaims = {
  issuer: 'http://127.0.0.1:5174',
  audience: 'demo-irctc',
  subject: 'opaque-subject',
  status: 'FULLY_VACCINATED',
  vs: 2,
  nonce: 'n-0123456789',
};

test('the token’s type is kycvs-status+jwt and the lifetime at most five minutes', () => {
  expect(STATUS_TOKEN_TYPE).toBe('kycvs-status+jwt');
  expect(STATUS_TOKEN_TTL_SECONDS).toBeLessThanOrEqual(300);
});

test('a signed token verifies against the public JWK with every claim of docs/api.md', async () => {
  const token = await signStatusToken(key, claims);
  const { payload, protectedHeader } = await jwtVerify(token, jwks, {
    algorithms: ['ES256'],
    typ: 'kycvs-status+jwt',
    issuer: claims.issuer,
    audience: claims.audience,
  });
  expect(protectedHeader).toEqual({ alg: 'ES256', kid: key.kid, typ: 'kycvs-status+jwt' });
  expect(payload).toMatchObject({
    iss: claims.issuer,
    aud: claims.audience,
    sub: claims.subject,
    status: claims.status,
    vs: claims.vs,
    nonce: claims.nonce,
  });
  expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
  expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
});

test('iat follows the clock given, in whole seconds', async () => {
  const now = Date.now() - 61_500;
  const token = await signStatusToken(key, claims, now);
  const { payload } = await jwtVerify(token, jwks, { currentDate: new Date(now) });
  expect(payload.iat).toBe(Math.floor(now / 1000));
  expect(payload.exp).toBe(Math.floor(now / 1000) + STATUS_TOKEN_TTL_SECONDS);
});

test('a token is refused once five minutes have passed', async () => {
  const now = Date.now() - 301_000;
  const token = await signStatusToken(key, claims, now);
  await expect(jwtVerify(token, jwks)).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
});

test('the nonce claim is absent when the page gave none', async () => {
  const { nonce: _nonce, ...withoutNonce } = claims;
  const { payload } = await jwtVerify(await signStatusToken(key, withoutNonce), jwks);
  expect(payload).not.toHaveProperty('nonce');
});

test('each token has its own jti', async () => {
  const tokens = await Promise.all([signStatusToken(key, claims), signStatusToken(key, claims)]);
  const jtis = await Promise.all(tokens.map(async (t) => (await jwtVerify(t, jwks)).payload.jti));
  expect(jtis[0]).not.toBe(jtis[1]);
});

test('a token does not verify against another key', async () => {
  const { publicKey } = await generateKeyPair('ES256');
  const otherJwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: key.kid, alg: 'ES256' }] });
  await expect(jwtVerify(await signStatusToken(key, claims), otherJwks)).rejects.toThrow();
});

test('the header names the key by kid', async () => {
  expect(decodeProtectedHeader(await signStatusToken(key, claims)).kid).toBe(key.kid);
});

test.each([{ person: '82013745638210' }, { person: '9876543210:Asha Verma' }])(
  'subjectFor($person) is opaque and never contains the id',
  async ({ person }) => {
    const sub = await subjectFor(secret, 'demo-travel', person);
    expect(sub).toMatch(/^[\w-]{16,}$/);
    expect(sub).not.toContain(person);
    // Long runs only: a random 24-character id may hold a short word by chance.
    for (const part of person.split(/[:\s]/).filter((p) => p.length >= 8)) expect(sub).not.toContain(part);
  },
);

test('subjectFor is stable for one provider and person', async () => {
  expect(await subjectFor(secret, 'demo-travel', '82013745638210')).toBe(
    await subjectFor(secret, 'demo-travel', '82013745638210'),
  );
});

test('subjectFor differs between providers for the same person', async () => {
  const travel = await subjectFor(secret, 'demo-travel', '82013745638210');
  const irctc = await subjectFor(secret, 'demo-irctc', '82013745638210');
  expect(travel).not.toBe(irctc);
});

test('subjectFor differs between people for the same provider', async () => {
  expect(await subjectFor(secret, 'demo-travel', '82013745638210')).not.toBe(
    await subjectFor(secret, 'demo-travel', '61428539027164'),
  );
});

test('subjectFor cannot be confused by moving text between provider and person', async () => {
  expect(await subjectFor(secret, 'demo-travel', 'x')).not.toBe(await subjectFor(secret, 'demo-trave', 'lx'));
});

test('one KYCVS_SUBJECT_SECRET gives the same subject after a restart, on any host, whatever the signing key', async () => {
  const text = 'a-subject-secret-of-at-least-32-characters';
  const before = loadSubjectSecret(text, () => {});
  const after = loadSubjectSecret(text, () => {});
  expect(await subjectFor(after, 'demo-irctc', '82013745638210')).toBe(
    await subjectFor(before, 'demo-irctc', '82013745638210'),
  );
});

test('two different subject secrets give different subjects for the same person', async () => {
  const other = loadSubjectSecret(undefined, () => {});
  expect(await subjectFor(other, 'demo-irctc', '82013745638210')).not.toBe(
    await subjectFor(secret, 'demo-irctc', '82013745638210'),
  );
});

test('origin, action and test are claims when given, and absent otherwise', async () => {
  const token = await signStatusToken(key, {
    ...claims,
    origin: 'https://portal.example',
    action: 'booking',
    test: true,
  });
  const { payload } = await jwtVerify(token, jwks);
  expect(payload).toMatchObject({ origin: 'https://portal.example', action: 'booking', test: true });
  const plain = (await jwtVerify(await signStatusToken(key, claims), jwks)).payload;
  for (const claim of ['origin', 'action', 'test']) expect(plain).not.toHaveProperty(claim);
});

test('the jti is the one given, and exp is what statusTokenExpiry says', async () => {
  const now = Date.now() - 10_700;
  const { payload } = await jwtVerify(await signStatusToken(key, { ...claims, jti: 'given-jti' }, now), jwks);
  expect(payload.jti).toBe('given-jti');
  expect(payload.exp).toBe(statusTokenExpiry(now));
});
