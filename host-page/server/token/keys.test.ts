import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { expect, test, vi } from 'vitest';
import { loadSigningKey } from './keys';
import { signStatusToken } from './status-token';

async function freshPrivateJwk(alg: 'ES256' | 'ES384' | 'RS256' | 'EdDSA' = 'ES256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return exportJWK(privateKey);
}

const claims = {
  issuer: 'https://kycvs.example',
  audience: 'agency-1',
  subject: 's',
  status: 'NOT_VACCINATED',
  vs: 0,
} as const;

test('without KYCVS_SIGNING_KEY it warns once and makes a key that signs', async () => {
  const warn = vi.fn();
  const key = await loadSigningKey(undefined, warn);
  expect(warn).toHaveBeenCalledTimes(1);
  expect(warn.mock.calls[0]?.[0]).toMatch(/KYCVS_SIGNING_KEY/);
  expect(await signStatusToken(key, claims)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
});

test('two fresh keys differ', async () => {
  const [a, b] = await Promise.all([loadSigningKey(undefined, () => {}), loadSigningKey(undefined, () => {})]);
  expect(a.kid).not.toBe(b.kid);
  expect(a.publicJwk.x).not.toBe(b.publicJwk.x);
});

test('the public JWK is the public half only, marked for ES256 signatures', async () => {
  const key = await loadSigningKey(undefined, () => {});
  expect(key.publicJwk).not.toHaveProperty('d');
  expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: key.kid });
  expect(typeof key.publicJwk.x).toBe('string');
  expect(typeof key.publicJwk.y).toBe('string');
});

test('a configured key is used without a warning, with its thumbprint as kid', async () => {
  const jwk = await freshPrivateJwk();
  const warn = vi.fn();
  const key = await loadSigningKey(JSON.stringify(jwk), warn);
  expect(warn).not.toHaveBeenCalled();
  expect(key.publicJwk.x).toBe(jwk.x);
  expect(key.publicJwk.y).toBe(jwk.y);
  expect(key.kid).toBe(await calculateJwkThumbprint({ kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! }));
});

test('the same configured key gives the same kid on every start', async () => {
  const text = JSON.stringify(await freshPrivateJwk());
  const [first, second] = await Promise.all([loadSigningKey(text, () => {}), loadSigningKey(text, () => {})]);
  expect(second.kid).toBe(first.kid);
  expect(second.publicJwk).toEqual(first.publicJwk);
  expect(Buffer.from(second.subjectSecret).equals(Buffer.from(first.subjectSecret))).toBe(true);
});

test('a kid given in the configured JWK is kept', async () => {
  const jwk = { ...(await freshPrivateJwk()), kid: 'kycvs-2025-01' };
  const key = await loadSigningKey(JSON.stringify(jwk), () => {});
  expect(key.kid).toBe('kycvs-2025-01');
  expect(key.publicJwk.kid).toBe('kycvs-2025-01');
});

test.each([
  { why: 'a P-384 key', jwk: () => freshPrivateJwk('ES384') },
  { why: 'an RSA key', jwk: () => freshPrivateJwk('RS256') },
  { why: 'an Ed25519 key', jwk: () => freshPrivateJwk('EdDSA') },
  {
    why: 'a public-only P-256 key',
    jwk: async () => {
      const { d: _d, ...publicPart } = await freshPrivateJwk();
      return publicPart;
    },
  },
])('refuses $why with a clear message', async ({ jwk }) => {
  const text = JSON.stringify(await jwk());
  await expect(loadSigningKey(text, () => {})).rejects.toThrow(/KYCVS_SIGNING_KEY must be a private EC P-256 JWK/);
});

test('refuses a KYCVS_SIGNING_KEY that is not JSON', async () => {
  await expect(loadSigningKey('-----BEGIN PRIVATE KEY-----', () => {})).rejects.toThrow(
    /KYCVS_SIGNING_KEY is not valid JSON/,
  );
});
