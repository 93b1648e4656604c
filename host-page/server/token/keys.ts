import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/** The key that signs status tokens now. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half, as `/.well-known/jwks.json` lists it. */
  publicJwk: JWK;
}

/** `KYCVS_SIGNING_KEY` as the host uses it (README, "Rotating keys"). */
export interface SigningKeys {
  /** The set's first key: it signs every new token. */
  current: SigningKey;
  /**
   * Every key's public half, the current one first: all are published at `/.well-known/jwks.json`
   * and accepted by siteverify, so a next key can be published ahead of its use and a previous one
   * kept until its tokens have expired.
   */
  published: JWK[];
}

const SHAPE =
  'a private EC P-256 JWK (kty "EC", crv "P-256", with "d") or a JWK set {"keys":[…]} whose first key is one';

function isP256(jwk: JWK): boolean {
  return jwk.kty === 'EC' && jwk.crv === 'P-256' && typeof jwk.x === 'string' && typeof jwk.y === 'string';
}

async function publicJwkOf(jwk: JWK): Promise<JWK> {
  const kid = jwk.kid ?? (await calculateJwkThumbprint({ kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! }));
  return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, kid, alg: 'ES256', use: 'sig' };
}

async function signingKeyOf(jwk: JWK): Promise<SigningKey> {
  if (!isP256(jwk) || !jwk.d) throw new Error(`KYCVS_SIGNING_KEY must be ${SHAPE}.`);
  const publicJwk = await publicJwkOf(jwk);
  return { kid: publicJwk.kid!, privateKey: (await importJWK(jwk, 'ES256')) as CryptoKey, publicJwk };
}

function parse(configured: string): JWK[] {
  let value: unknown;
  try {
    value = JSON.parse(configured);
  } catch {
    // Never echo the text: it is a private key.
    throw new Error(`KYCVS_SIGNING_KEY is not valid JSON: it must be ${SHAPE}.`);
  }
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (keys === undefined) return [value as JWK];
  if (!Array.isArray(keys) || keys.length === 0)
    throw new Error(`KYCVS_SIGNING_KEY's "keys" must be a non-empty array: ${SHAPE}.`);
  return keys as JWK[];
}

/**
 * The keys of `KYCVS_SIGNING_KEY`: one private JWK, or a JWK set whose first key signs and whose
 * later keys (private or public only) are published and accepted too. Unset: a fresh key made at
 * start, with a warning, since its tokens stop verifying when the host restarts and differ between hosts.
 */
export async function loadSigningKeys(
  configured: string | undefined,
  warn: (message: string) => void,
): Promise<SigningKeys> {
  if (!configured) {
    warn(
      'KYCVS_SIGNING_KEY is not set: signing status tokens with a fresh key made at start. ' +
        'Tokens stop verifying when the host restarts, and each host has its own key; ' +
        'set KYCVS_SIGNING_KEY to a private EC P-256 JWK (or a JWK set) in production.',
    );
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const current = await signingKeyOf(await exportJWK(privateKey));
    return { current, published: [current.publicJwk] };
  }
  const [first, ...others] = parse(configured);
  const current = await signingKeyOf(first!);
  const published = [current.publicJwk];
  for (const [index, jwk] of others.entries()) {
    if (!isP256(jwk)) throw new Error(`KYCVS_SIGNING_KEY's key ${index + 2} must be an EC P-256 JWK too.`);
    const publicJwk = await publicJwkOf(jwk);
    if (published.some((known) => known.kid === publicJwk.kid)) {
      throw new Error(`KYCVS_SIGNING_KEY has two keys with the kid "${publicJwk.kid}": each key needs its own.`);
    }
    published.push(publicJwk);
  }
  return { current, published };
}

/** The key that signs: `KYCVS_SIGNING_KEY`'s first, or a fresh one. */
export async function loadSigningKey(
  configured: string | undefined,
  warn: (message: string) => void,
): Promise<SigningKey> {
  return (await loadSigningKeys(configured, warn)).current;
}
