import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half, as `/.well-known/jwks.json` lists it. */
  publicJwk: JWK;
  /** Secret bytes for deriving per-provider subject ids; derived from the private key so one setting fixes both. */
  subjectSecret: Uint8Array<ArrayBuffer>;
}

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) {
    throw new Error('KYCVS_SIGNING_KEY must be a private EC P-256 JWK (kty "EC", crv "P-256", with "d").');
  }
  const privateKey = (await importJWK(jwk, 'ES256')) as CryptoKey;
  const { d: _d, ...publicPart } = jwk;
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicPart));
  const publicJwk: JWK = { kty: 'EC', crv: 'P-256', x: publicPart.x!, y: publicPart.y!, kid, alg: 'ES256', use: 'sig' };
  const subjectSecret = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`kycvs-subject:${jwk.d}`)),
  );
  return { kid, privateKey, publicJwk, subjectSecret };
}

/** The key from `KYCVS_SIGNING_KEY`, or a fresh one (tokens then die with the process: hence the warning). */
export async function loadSigningKey(
  configured: string | undefined,
  warn: (message: string) => void,
): Promise<SigningKey> {
  if (configured) {
    let jwk: JWK;
    try {
      jwk = JSON.parse(configured) as JWK;
    } catch {
      throw new Error('KYCVS_SIGNING_KEY is not valid JSON: it must be a private EC P-256 JWK.');
    }
    return fromPrivateJwk(jwk);
  }
  warn(
    'KYCVS_SIGNING_KEY is not set: signing status tokens with a fresh key made at start. ' +
      'Tokens stop verifying when the host restarts; set KYCVS_SIGNING_KEY to a private EC P-256 JWK in production.',
  );
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return fromPrivateJwk(await exportJWK(privateKey));
}
