import type { JWTPayload } from 'jose';
// Type only: the contract's runtime module builds zod schemas, which a provider's server should not load for one list.
import type { VaccinationStatus } from '../contract';
import { StatusTokenError, StatusTokenErrorCode } from './errors';

/** docs/api.md, "The status token": the header's `typ`. */
export const STATUS_TOKEN_TYPE = 'kycvs-status+jwt';
/** docs/api.md, "The status token": `exp` at most 5 minutes after `iat`. */
export const MAX_TOKEN_LIFETIME_SECONDS = 300;
/** The same three answers as the contract's `vaccinationStatuses` (a test holds them equal). */
export const STATUSES = [
  'FULLY_VACCINATED',
  'PARTIALLY_VACCINATED',
  'NOT_VACCINATED',
] as const satisfies readonly VaccinationStatus[];

/** What a verified status token says. */
export interface VerifiedStatusToken {
  status: VaccinationStatus;
  /** CoWIN's `vaccination_status`: 0 none, 1 partial, 2 full course. */
  vs: 0 | 1 | 2;
  /** Opaque and per provider: the same person gives the same `sub` to one provider, and differing ones to two. */
  sub: string;
  /** The provider id the token was made for. */
  aud: string;
  iss: string;
  /** Seconds since the epoch. */
  iat: number;
  /** Seconds since the epoch. */
  exp: number;
  /** Unique per token: keep it to refuse a replay (siteverify does). */
  jti: string;
  /** Present when the page gave one. */
  nonce?: string;
  /** The embedding page's exact origin, when it was one of your registered origins. */
  origin?: string;
  /** The page's `action` label (`data-action`), when it set one: which of your forms this was. */
  action?: string;
  /** Present, and `true`, on a test provider's token: no real person was checked (docs/test-identities.md). */
  test?: true;
}

function invalid(message: string): StatusTokenError {
  return new StatusTokenError(StatusTokenErrorCode.INVALID_CLAIMS, message);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isSeconds = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const isStatus = (value: unknown): value is VaccinationStatus => (STATUSES as readonly unknown[]).includes(value);

/** The claims of a token whose signature, type, issuer, audience and times jose has already checked. */
export function readClaims(payload: JWTPayload): VerifiedStatusToken {
  const { iss, sub, aud, iat, exp, jti, status, vs, nonce, origin, action, test } = payload;
  if (!isText(iss) || !isText(sub) || !isText(jti)) throw invalid('The token lacks iss, sub or jti.');
  // docs/api.md's token names one provider; an array could widen who may accept it.
  if (!isText(aud)) throw invalid("The token's aud must be one provider id.");
  if (!isSeconds(iat) || !isSeconds(exp)) throw invalid("The token's iat and exp must be whole seconds.");
  if (exp <= iat || exp - iat > MAX_TOKEN_LIFETIME_SECONDS) {
    throw invalid(`The token lives ${exp - iat} s; kycvs tokens live 1 to ${MAX_TOKEN_LIFETIME_SECONDS} s.`);
  }
  if (!isStatus(status)) throw invalid("The token's status is not one of " + STATUSES.join(', ') + '.');
  if (vs !== 0 && vs !== 1 && vs !== 2) throw invalid("The token's vs must be 0, 1 or 2.");
  if (nonce !== undefined && typeof nonce !== 'string') throw invalid("The token's nonce must be a string.");
  if (origin !== undefined && !isText(origin)) throw invalid("The token's origin must be a string.");
  if (action !== undefined && !isText(action)) throw invalid("The token's action must be a string.");
  // Only `true` is ever signed: a `false` would read as "not a test" to one check and "has test" to another.
  if (test !== undefined && test !== true) throw invalid("The token's test claim, when present, is true.");
  return {
    status,
    vs,
    sub,
    aud,
    iss,
    iat,
    exp,
    jti,
    ...(nonce === undefined ? {} : { nonce }),
    ...(origin === undefined ? {} : { origin }),
    ...(action === undefined ? {} : { action }),
    ...(test === undefined ? {} : { test }),
  };
}
