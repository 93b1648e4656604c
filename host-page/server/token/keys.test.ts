import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { describe, expect, test, vi } from 'vitest';
import { loadSigningKey, loadSigningKeys } from './keys';
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

describe('a JWK set', () => {
  test('its first key signs; every key is published, the first first, each with its kid', async () => {
    const [first, next, previous] = await Promise.all([freshPrivateJwk(), freshPrivateJwk(), freshPrivateJwk()]);
    const { d: _d, ...previousPublic } = { ...previous, kid: 'kycvs-2026-11' };
    const keys = await loadSigningKeys(JSON.stringify({ keys: [first, next, previousPublic] }), () => {});
    expect(keys.current.publicJwk.x).toBe(first.x);
    expect(keys.published.map((jwk) => jwk.x)).toEqual([first.x, next.x, previous.x]);
    expect(keys.published[2]!.kid).toBe('kycvs-2026-11');
    expect(new Set(keys.published.map((jwk) => jwk.kid)).size).toBe(3);
    for (const jwk of keys.published) expect(jwk).not.toHaveProperty('d');
  });

  test('a set of one private key is that key', async () => {
    const jwk = await freshPrivateJwk();
    const keys = await loadSigningKeys(JSON.stringify({ keys: [jwk] }), () => {});
    expect(keys.current.publicJwk.x).toBe(jwk.x);
    expect(keys.published).toHaveLength(1);
  });

  test.each([
    { why: 'an empty set', keys: async () => [], message: /non-empty array/ },
    {
      why: 'a public-only first key',
      keys: async () => {
        const { d: _d, ...publicPart } = await freshPrivateJwk();
        return [publicPart];
      },
      message: /private EC P-256 JWK/,
    },
    {
      why: 'an RSA key after the first',
      keys: async () => [await freshPrivateJwk(), await freshPrivateJwk('RS256')],
      message: /key 2 must be an EC P-256 JWK/,
    },
    {
      why: 'two keys with one kid',
      keys: async () => [
        { ...(await freshPrivateJwk()), kid: 'same' },
        { ...(await freshPrivateJwk()), kid: 'same' },
      ],
      message: /two keys with the kid "same"/,
    },
  ])('refuses $why with a clear message that shows no key material', async ({ keys, message }) => {
    const text = JSON.stringify({ keys: await keys() });
    const error = await loadSigningKeys(text, () => {}).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/"d"\s*:/);
  });
});
