import type { JSONWebKeySet } from 'jose';
import {
  StatusTokenError,
  verifyStatusToken,
  type StatusTokenErrorCode,
  type VaccinationStatus,
  type VerifiedStatusToken,
} from '../sdk';

/** The demo travel agency's provider id: tokens made for anyone else are refused. */
export const AGENCY = 'demo-travel';

/** Why the back office refuses a booking: the helper's codes, and two of its own. */
export type RefusalCode = StatusTokenErrorCode | 'NO_TOKEN' | 'ALREADY_USED';

export type Verdict =
  { accepted: true; status: VaccinationStatus; claims: VerifiedStatusToken } | { accepted: false; code: RefusalCode };

/** What the office is told, in words, for each refusal (the codes stay for the logs). */
export const refusalWords: Record<RefusalCode, string> = {
  NO_TOKEN: 'no vaccination check was done',
  ALREADY_USED: 'the token was already used for another booking',
  MALFORMED: 'the token is damaged or made up: it is not a vaccination status token',
  BAD_SIGNATURE: 'the token was altered, or signed by someone other than the CoWIN host',
  ALGORITHM_NOT_ALLOWED: 'the token is signed in a way the CoWIN host never uses',
  UNKNOWN_KEY: 'the token was signed with a key the CoWIN host does not publish',
  WRONG_TYPE: 'the token is some other kind of token, not a vaccination status',
  WRONG_ISSUER: 'the token was issued by another host, not this CoWIN host',
  WRONG_AUDIENCE: 'the token was not issued for this agency',
  NONCE_MISMATCH: 'the token was made for another booking page',
  EXPIRED: 'the token has expired (it is good for 5 minutes): check the traveller again',
  NOT_YET_VALID: "the token's time is in the future: check this server's clock",
  INVALID_CLAIMS: 'the token does not say what a vaccination status token must',
  JWKS_UNAVAILABLE: "the CoWIN host's public keys could not be fetched: try again in a moment",
};

export interface BookingCheckOptions {
  /** The CoWIN host's origin: the tokens' issuer, and where its public keys are. */
  hostOrigin: string;
  /** The host's public keys, for tests; else fetched from `${hostOrigin}/.well-known/jwks.json`. */
  jwks?: JSONWebKeySet;
  now?: () => number;
}

/**
 * The back office's check of a posted `kycvs-token`: verified offline against the host's keys
 * (signature, type, issuer, audience, expiry), then used once. Offline verification cannot see a
 * replay by itself, so each `jti` is remembered until its token expires anyway.
 */
export function createBookingCheck({ hostOrigin, jwks, now = Date.now }: BookingCheckOptions) {
  const keys = jwks ? { jwks } : { jwksUrl: `${hostOrigin}/.well-known/jwks.json` };
  const used = new Map<string, number>();

  return async (token: string): Promise<Verdict> => {
    if (!token) return { accepted: false, code: 'NO_TOKEN' };
    let claims: VerifiedStatusToken;
    try {
      claims = await verifyStatusToken(token, {
        ...keys,
        audience: AGENCY,
        issuer: hostOrigin,
        now: new Date(now()),
      });
    } catch (error) {
      if (error instanceof StatusTokenError) return { accepted: false, code: error.code };
      throw error;
    }
    const seconds = now() / 1000;
    for (const [jti, exp] of used) if (exp < seconds - 60) used.delete(jti);
    if (used.has(claims.jti)) return { accepted: false, code: 'ALREADY_USED' };
    used.set(claims.jti, claims.exp);
    return { accepted: true, status: claims.status, claims };
  };
}
