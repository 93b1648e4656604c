import { CompactSign, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { expect, expectTypeOf, test } from 'vitest';
import { vaccinationStatuses } from '../contract';
import {
  loadSigningKey,
  signStatusToken,
  STATUS_TOKEN_TTL_SECONDS,
  STATUS_TOKEN_TYPE as SIGNED_TYPE,
} from '../host-page/server/token';
import { MAX_TOKEN_LIFETIME_SECONDS, STATUS_TOKEN_TYPE, STATUSES } from './claims';
import {
  StatusTokenError,
  StatusTokenErrorCode,
  verifyStatusToken,
  type VaccinationStatus,
  type VerifiedStatusToken,
  type VerifyStatusTokenOptions,
} from './index';

const ISSUER = 'https://kycvs.example';
const key = await loadSigningKey(undefined, () => {});
const jwks = { keys: [key.publicJwk] };
const T = Date.UTC(2025, 0, 15, 10, 0, 0);
const at = (ms: number) => new Date(T + ms);
const base = { jwks, audience: 'demo-irctc', now: at(0) } satisfies VerifyStatusTokenOptions;

const sign = (extra: { nonce?: string; now?: number; audience?: string } = {}) =>
  signStatusToken(
    key,
    {
      issuer: ISSUER,
      audience: extra.audience ?? 'demo-irctc',
      subject: 'opaque-sub',
      status: 'FULLY_VACCINATED',
      vs: 2,
      ...(extra.nonce ? { nonce: extra.nonce } : {}),
    },
    extra.now ?? T,
  );

/** A token with any header and claims; `undefined` removes a claim. Signed by the host's key unless told. */
async function forge(
  payload: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
  signer: { alg: string; key: CryptoKey | Uint8Array } = { alg: 'ES256', key: key.privateKey },
) {
  const iat = Math.floor(T / 1000);
  const claims: JWTPayload = {
    iss: ISSUER,
    aud: 'demo-irctc',
    sub: 'opaque-sub',
    iat,
    exp: iat + 300,
    jti: 'jti-1',
    status: 'FULLY_VACCINATED',
    vs: 2,
    ...payload,
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: signer.alg, kid: key.kid, typ: 'kycvs-status+jwt', ...header })
    .sign(signer.key);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof StatusTokenError ? error.code : error),
  );

test('a token the host signed verifies and gives back its claims', async () => {
  const token = await sign({ nonce: 'n-123' });
  const verified = await verifyStatusToken(token, base);
  expect(verified).toEqual({
    status: 'FULLY_VACCINATED',
    vs: 2,
    sub: 'opaque-sub',
    aud: 'demo-irctc',
    iss: ISSUER,
    iat: T / 1000,
    exp: T / 1000 + 300,
    jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    nonce: 'n-123',
  });
});

test('origin, action and test come back typed when the token has them, and are absent otherwise', async () => {
  const token = await forge({ origin: 'https://portal.example', action: 'booking', test: true });
  const verified = await verifyStatusToken(token, base);
  expect(verified).toMatchObject({ origin: 'https://portal.example', action: 'booking', test: true });
  const plain = await verifyStatusToken(await sign(), base);
  for (const claim of ['origin', 'action', 'test']) expect(plain).not.toHaveProperty(claim);
  expectTypeOf(verified.origin).toEqualTypeOf<string | undefined>();
  expectTypeOf(verified.action).toEqualTypeOf<string | undefined>();
  expectTypeOf(verified.test).toEqualTypeOf<true | undefined>();
});

test('a token without a nonce gives back no nonce key at all', async () => {
  expect(await verifyStatusToken(await sign(), base)).not.toHaveProperty('nonce');
});

test('the lists and constants are those the host signs with and the widget shows', () => {
  expect(STATUSES).toEqual(vaccinationStatuses);
  expect(STATUS_TOKEN_TYPE).toBe(SIGNED_TYPE);
  expect(MAX_TOKEN_LIFETIME_SECONDS).toBeGreaterThanOrEqual(STATUS_TOKEN_TTL_SECONDS);
  expect(MAX_TOKEN_LIFETIME_SECONDS).toBe(300);
});

test.each([
  { what: 'an empty string', token: () => '' },
  { what: 'one word', token: () => 'not-a-token' },
  { what: 'three parts that are not base64url JSON', token: () => 'a.b.c' },
  { what: 'a header that is not JSON', token: async () => `${Buffer.from('{').toString('base64url')}.${b64({})}.AA` },
  { what: 'a JWE-like five-part string', token: () => 'a.b.c.d.e' },
  { what: 'a number', token: () => 42 as unknown as string },
  {
    what: 'signed claims that are not an object',
    token: () =>
      new CompactSign(new TextEncoder().encode('[1]'))
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'kycvs-status+jwt' })
        .sign(key.privateKey),
  },
])('refuses $what as MALFORMED', async ({ token }) => {
  expect(await codeOf(verifyStatusToken(await token(), base))).toBe('MALFORMED');
});

test('refuses a token whose claims were changed after signing (BAD_SIGNATURE)', async () => {
  const [header, payload, signature] = (await sign({ audience: 'demo-irctc' })).split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as JWTPayload;
  const forged = `${header}.${b64({ ...claims, sub: 'someone-else' })}.${signature}`;
  expect(await codeOf(verifyStatusToken(forged, base))).toBe('BAD_SIGNATURE');
});

test('refuses a token whose signature was changed (BAD_SIGNATURE)', async () => {
  const [header, payload, signature] = (await sign()).split('.') as [string, string, string];
  const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
  expect(await codeOf(verifyStatusToken(`${header}.${payload}.${flipped}`, base))).toBe('BAD_SIGNATURE');
});

test('refuses a token signed by another key that claims the host key id (BAD_SIGNATURE)', async () => {
  const { privateKey } = await generateKeyPair('ES256');
  const token = await forge({}, {}, { alg: 'ES256', key: privateKey });
  expect(await codeOf(verifyStatusToken(token, base))).toBe('BAD_SIGNATURE');
});

test('refuses a token signed by a key the JWKS does not hold (UNKNOWN_KEY)', async () => {
  const { privateKey } = await generateKeyPair('ES256');
  const token = await forge({}, { kid: 'someone-elses-key' }, { alg: 'ES256', key: privateKey });
  expect(await codeOf(verifyStatusToken(token, base))).toBe('UNKNOWN_KEY');
});

test.each([
  {
    what: 'alg none (no signature)',
    token: async () => `${b64({ alg: 'none', typ: 'kycvs-status+jwt' })}.${(await sign()).split('.')[1]}.`,
  },
  {
    what: 'HS256 keyed with the public JWK (key confusion)',
    token: () => forge({}, {}, { alg: 'HS256', key: new TextEncoder().encode(JSON.stringify(key.publicJwk)) }),
  },
  {
    what: 'ES384 from a P-384 key',
    token: async () => forge({}, {}, { alg: 'ES384', key: (await generateKeyPair('ES384')).privateKey }),
  },
  {
    what: 'RS256 from an RSA key',
    token: async () => forge({}, {}, { alg: 'RS256', key: (await generateKeyPair('RS256')).privateKey }),
  },
])('refuses $what as ALGORITHM_NOT_ALLOWED', async ({ token }) => {
  expect(await codeOf(verifyStatusToken(await token(), base))).toBe('ALGORITHM_NOT_ALLOWED');
});

test.each([
  { what: 'typ JWT', header: { typ: 'JWT' } },
  { what: 'no typ', header: { typ: undefined } },
  { what: 'another kycvs-like typ', header: { typ: 'kycvs-session+jwt' } },
])('refuses a token with $what as WRONG_TYPE', async ({ header }) => {
  expect(await codeOf(verifyStatusToken(await forge({}, header), base))).toBe('WRONG_TYPE');
});

test('checks the issuer exactly when one is given', async () => {
  const token = await sign();
  await expect(verifyStatusToken(token, { ...base, issuer: ISSUER })).resolves.toMatchObject({ iss: ISSUER });
  for (const issuer of ['https://evil.example', `${ISSUER}/`, 'https://KYCVS.example']) {
    expect(await codeOf(verifyStatusToken(token, { ...base, issuer }))).toBe('WRONG_ISSUER');
  }
});

test('without an issuer option any iss is accepted, and returned for the caller to see', async () => {
  const token = await forge({ iss: 'https://other-host.example' });
  await expect(verifyStatusToken(token, base)).resolves.toMatchObject({ iss: 'https://other-host.example' });
});

test('refuses a token with no iss when an issuer is given (WRONG_ISSUER)', async () => {
  const token = await forge({ iss: undefined });
  expect(await codeOf(verifyStatusToken(token, { ...base, issuer: ISSUER }))).toBe('WRONG_ISSUER');
});

test('refuses a token made for another provider (WRONG_AUDIENCE)', async () => {
  const token = await sign({ audience: 'demo-travel' });
  expect(await codeOf(verifyStatusToken(token, base))).toBe('WRONG_AUDIENCE');
});

test('accepts any of several audiences and returns the one in the token', async () => {
  const token = await sign({ audience: 'demo-travel' });
  const verified = await verifyStatusToken(token, { ...base, audience: ['demo-irctc', 'demo-travel'] });
  expect(verified.aud).toBe('demo-travel');
});

test('refuses an aud that is an array, even one that holds the audience (INVALID_CLAIMS)', async () => {
  const token = await forge({ aud: ['demo-irctc', 'demo-travel'] });
  expect(await codeOf(verifyStatusToken(token, base))).toBe('INVALID_CLAIMS');
});

test('with a nonce option the token must carry that very nonce', async () => {
  await expect(verifyStatusToken(await sign({ nonce: 'n-1' }), { ...base, nonce: 'n-1' })).resolves.toMatchObject({
    nonce: 'n-1',
  });
  expect(await codeOf(verifyStatusToken(await sign({ nonce: 'n-2' }), { ...base, nonce: 'n-1' }))).toBe(
    'NONCE_MISMATCH',
  );
  expect(await codeOf(verifyStatusToken(await sign(), { ...base, nonce: 'n-1' }))).toBe('NONCE_MISMATCH');
});

test('without a nonce option a token with a nonce is accepted', async () => {
  await expect(verifyStatusToken(await sign({ nonce: 'n-1' }), base)).resolves.toMatchObject({ nonce: 'n-1' });
});

test('an expired token is refused, with five seconds of tolerance by default', async () => {
  const token = await sign();
  const exp = 300_000;
  await expect(verifyStatusToken(token, { ...base, now: at(exp - 1000) })).resolves.toBeDefined();
  await expect(verifyStatusToken(token, { ...base, now: at(exp + 4000) })).resolves.toBeDefined();
  expect(await codeOf(verifyStatusToken(token, { ...base, now: at(exp + 6000) }))).toBe('EXPIRED');
});

test('clockTolerance widens or removes the margin around exp', async () => {
  const token = await sign();
  const exp = 300_000;
  await expect(verifyStatusToken(token, { ...base, clockTolerance: 30, now: at(exp + 25_000) })).resolves.toBeDefined();
  expect(await codeOf(verifyStatusToken(token, { ...base, clockTolerance: 0, now: at(exp) }))).toBe('EXPIRED');
});

test('the default clock is the real one', async () => {
  const { now: _now, ...withoutNow } = base;
  await expect(verifyStatusToken(await sign({ now: Date.now() }), withoutNow)).resolves.toBeDefined();
  expect(await codeOf(verifyStatusToken(await sign({ now: Date.now() - 400_000 }), withoutNow))).toBe('EXPIRED');
});

test('a token issued in the future beyond the tolerance is NOT_YET_VALID', async () => {
  const token = await sign();
  await expect(verifyStatusToken(token, { ...base, now: at(-4000) })).resolves.toBeDefined();
  expect(await codeOf(verifyStatusToken(token, { ...base, now: at(-60_000) }))).toBe('NOT_YET_VALID');
});

test('a token with nbf in the future is NOT_YET_VALID', async () => {
  const token = await forge({ nbf: T / 1000 + 60 });
  expect(await codeOf(verifyStatusToken(token, base))).toBe('NOT_YET_VALID');
});

const iat = T / 1000;
test.each([
  { what: 'an unknown status', claims: { status: 'MAYBE_VACCINATED' } },
  { what: 'no status', claims: { status: undefined } },
  { what: 'vs 3', claims: { vs: 3 } },
  { what: 'vs as text', claims: { vs: '2' } },
  { what: 'a lifetime of 301 s', claims: { exp: iat + 301 } },
  { what: 'exp before iat', claims: { exp: iat - 1 } },
  { what: 'exp equal to iat', claims: { iat: iat - 1, exp: iat - 1 } },
  { what: 'no exp', claims: { exp: undefined } },
  { what: 'no iat', claims: { iat: undefined } },
  { what: 'a fractional iat', claims: { iat: iat + 0.5 } },
  { what: 'no jti', claims: { jti: undefined } },
  { what: 'an empty jti', claims: { jti: '' } },
  { what: 'no sub', claims: { sub: undefined } },
  { what: 'a numeric nonce', claims: { nonce: 7 } },
  { what: 'a numeric origin', claims: { origin: 443 } },
  { what: 'an empty action', claims: { action: '' } },
  { what: 'test false', claims: { test: false } },
  { what: 'test as text', claims: { test: 'true' } },
])('refuses a token with $what as INVALID_CLAIMS', async ({ claims }) => {
  expect(await codeOf(verifyStatusToken(await forge(claims), base))).toBe('INVALID_CLAIMS');
});

test('a JWKS with two keys verifies tokens of both, the kid choosing the key (rotation)', async () => {
  const next = await loadSigningKey(undefined, () => {});
  const rotated = { ...base, jwks: { keys: [key.publicJwk, next.publicJwk] } };
  await expect(verifyStatusToken(await sign(), rotated)).resolves.toBeDefined();
  const byNext = await signStatusToken(
    next,
    { issuer: ISSUER, audience: 'demo-irctc', subject: 's', status: 'NOT_VACCINATED', vs: 0 },
    T,
  );
  await expect(verifyStatusToken(byNext, rotated)).resolves.toMatchObject({ status: 'NOT_VACCINATED', vs: 0 });
  // The old set alone does not know the new key.
  expect(await codeOf(verifyStatusToken(byNext, base))).toBe('UNKNOWN_KEY');
  // Signed by the new key but naming the old kid: the kid picks the old key, and the signature fails.
  const misnamed = await forge({}, { kid: key.kid }, { alg: 'ES256', key: next.privateKey });
  expect(await codeOf(verifyStatusToken(misnamed, rotated))).toBe('BAD_SIGNATURE');
});

test('a local JWKS that is not a set of public keys is JWKS_UNAVAILABLE', async () => {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const privateSet = { keys: [{ ...(await exportJWK(privateKey)), kid: key.kid }] };
  for (const bad of [{ keys: 'none' }, privateSet]) {
    const options = { ...base, jwks: bad } as unknown as VerifyStatusTokenOptions;
    expect(await codeOf(verifyStatusToken(await sign(), options))).toBe('JWKS_UNAVAILABLE');
  }
});

test.each([
  { what: 'no audience', options: { jwks } },
  { what: 'an empty audience', options: { jwks, audience: '' } },
  { what: 'an empty audience list', options: { jwks, audience: [] } },
  { what: 'neither jwks nor jwksUrl', options: { audience: 'demo-irctc' } },
  { what: 'both jwks and jwksUrl', options: { jwks, jwksUrl: 'https://kycvs.example/jwks', audience: 'demo-irctc' } },
  { what: 'a jwksUrl that is no URL', options: { jwksUrl: 'kycvs.example/jwks', audience: 'demo-irctc' } },
  { what: 'a file: jwksUrl', options: { jwksUrl: 'file:///etc/jwks.json', audience: 'demo-irctc' } },
  { what: 'a negative clockTolerance', options: { jwks, audience: 'demo-irctc', clockTolerance: -1 } },
  { what: 'an invalid date', options: { jwks, audience: 'demo-irctc', now: new Date('nonsense') } },
  { what: 'an empty nonce', options: { jwks, audience: 'demo-irctc', nonce: '' } },
])('a caller mistake ($what) is a TypeError, not a token error', async ({ options }) => {
  await expect(verifyStatusToken(await sign(), options as unknown as VerifyStatusTokenOptions)).rejects.toThrow(
    TypeError,
  );
});

test('StatusTokenError carries a code and a sentence, and serialises without its cause', async () => {
  const error = await verifyStatusToken(await sign({ audience: 'demo-travel' }), base).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StatusTokenError);
  expect(error).toBeInstanceOf(Error);
  const typed = error as StatusTokenError;
  expect(typed.name).toBe('StatusTokenError');
  expect(typed.code).toBe(StatusTokenErrorCode.WRONG_AUDIENCE);
  expect(typed.message).toMatch(/another provider/);
  expect(typed.cause).toBeDefined();
  expect(JSON.parse(JSON.stringify(typed))).toEqual({ code: 'WRONG_AUDIENCE', message: typed.message });
});

test('each code names itself', () => {
  for (const [name, value] of Object.entries(StatusTokenErrorCode)) expect(value).toBe(name);
});

test('types: the result, the error code union and the options', () => {
  expectTypeOf(verifyStatusToken).parameter(0).toEqualTypeOf<string>();
  expectTypeOf(verifyStatusToken).returns.resolves.toEqualTypeOf<VerifiedStatusToken>();
  expectTypeOf<VerifiedStatusToken['status']>().toEqualTypeOf<VaccinationStatus>();
  expectTypeOf<VaccinationStatus>().toEqualTypeOf<'FULLY_VACCINATED' | 'PARTIALLY_VACCINATED' | 'NOT_VACCINATED'>();
  expectTypeOf<VerifiedStatusToken['vs']>().toEqualTypeOf<0 | 1 | 2>();
  expectTypeOf<VerifiedStatusToken>().toHaveProperty('nonce').toEqualTypeOf<string | undefined>();
  expectTypeOf<StatusTokenError['code']>().toEqualTypeOf<
    | 'MALFORMED'
    | 'BAD_SIGNATURE'
    | 'ALGORITHM_NOT_ALLOWED'
    | 'UNKNOWN_KEY'
    | 'WRONG_TYPE'
    | 'WRONG_ISSUER'
    | 'WRONG_AUDIENCE'
    | 'NONCE_MISMATCH'
    | 'EXPIRED'
    | 'NOT_YET_VALID'
    | 'INVALID_CLAIMS'
    | 'JWKS_UNAVAILABLE'
  >();
  expectTypeOf({ jwks, audience: 'a' }).toExtend<VerifyStatusTokenOptions>();
  expectTypeOf({
    jwksUrl: new URL('https://kycvs.example/jwks'),
    audience: ['a', 'b'],
  }).toExtend<VerifyStatusTokenOptions>();
  expectTypeOf({ jwks, jwksUrl: 'https://kycvs.example/jwks', audience: 'a' }).not.toExtend<VerifyStatusTokenOptions>();
  expectTypeOf({ jwks }).not.toExtend<VerifyStatusTokenOptions>();
  expectTypeOf({ audience: 'a' }).not.toExtend<VerifyStatusTokenOptions>();
});
