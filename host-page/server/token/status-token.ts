import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import type { VaccinationStatus } from '../../../contract';
import type { SigningKey } from './keys';

export const STATUS_TOKEN_TYPE = 'kycvs-status+jwt';
/** docs/api.md, "The status token": `exp` at most 5 minutes after `iat`. */
export const STATUS_TOKEN_TTL_SECONDS = 300;

export interface StatusClaims {
  issuer: string;
  /** The provider id. */
  audience: string;
  /** Opaque, per provider: see `subjectFor`. */
  subject: string;
  status: VaccinationStatus;
  /** CoWIN's `vaccination_status`. */
  vs: 0 | 1 | 2;
  nonce?: string;
  /** The embedding page's exact origin, when it was one of the provider's registered origins. */
  origin?: string;
  /** The page's `action` label (ACTION_PATTERN), when it set one. */
  action?: string;
  /** A test provider's token (docs/test-identities.md): no real person was checked. */
  test?: true;
  /** The token's id; the caller gives one when it keeps something under it (siteverify's details). @default a random UUID */
  jti?: string;
}

/** When a token signed at `now` (ms) expires, in seconds: what `exp` will say. */
export const statusTokenExpiry = (now: number) => Math.floor(now / 1000) + STATUS_TOKEN_TTL_SECONDS;

export function signStatusToken(key: SigningKey, claims: StatusClaims, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  const { nonce, origin, action, test } = claims;
  return new SignJWT({
    status: claims.status,
    vs: claims.vs,
    ...(nonce ? { nonce } : {}),
    ...(origin ? { origin } : {}),
    ...(action ? { action } : {}),
    ...(test ? { test } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: STATUS_TOKEN_TYPE })
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setSubject(claims.subject)
    .setIssuedAt(iat)
    .setExpirationTime(statusTokenExpiry(now))
    .setJti(claims.jti ?? crypto.randomUUID())
    .sign(key.privateKey);
}

/**
 * The token's `sub`: an HMAC of the person's CoWIN reference id keyed per provider, so one provider
 * can recognise a returning person while two providers cannot join their records, and neither
 * learns the mobile or the name. `secret` is KYCVS_SUBJECT_SECRET (subject-secret.ts), not the
 * signing key, so that a key rotation changes no one's `sub`.
 */
export function subjectFor(secret: Uint8Array, provider: string, personId: string): string {
  // node:crypto's HMAC, not WebCrypto's: no key import on every verification.
  return createHmac('sha256', secret)
    .update(`${provider}\u0000${personId}`)
    .digest()
    .subarray(0, 18)
    .toString('base64url');
}
