import { createHash, timingSafeEqual } from 'node:crypto';
import type { JWK } from 'jose';
import { StatusTokenError, verifyStatusToken, type StatusTokenErrorCode, type VerifiedStatusToken } from '../../../sdk';
import type { ProviderRegistry } from '../registry';
import { SiteverifyErrorCode as Code } from './codes';
import { createUsedTokenStore, type UsedTokenStore } from './used-tokens';

/** A request after its shape is checked; an empty `token` or `secret` counts as missing. */
export interface SiteverifyRequest {
  token?: string;
  secret?: string;
}

export type SiteverifyAnswer =
  | ({ success: true } & Pick<VerifiedStatusToken, 'status' | 'aud' | 'sub' | 'iat' | 'exp' | 'nonce'>)
  | { success: false; 'error-codes': Code[] };

export interface SiteverifyOptions {
  /** The public halves of the host's keys (KYCVS_SIGNING_KEY's set): siteverify accepts only the host's own tokens. */
  publicJwks: JWK[];
  registry: ProviderRegistry;
  /** The tokens' `iss`: the host's public origin. */
  issuer: string;
  /** Shared by every host (state/), so a token is accepted once across all of them. @default in memory */
  usedTokens?: UsedTokenStore;
  now?: () => number;
}

// A provider learns no more from a refusal than Turnstile would tell it: the finer reasons stay in the token error.
const codeFor: Record<StatusTokenErrorCode, Code> = {
  MALFORMED: Code.INVALID_INPUT_RESPONSE,
  BAD_SIGNATURE: Code.INVALID_INPUT_RESPONSE,
  ALGORITHM_NOT_ALLOWED: Code.INVALID_INPUT_RESPONSE,
  UNKNOWN_KEY: Code.INVALID_INPUT_RESPONSE,
  WRONG_TYPE: Code.INVALID_INPUT_RESPONSE,
  WRONG_ISSUER: Code.INVALID_INPUT_RESPONSE,
  NONCE_MISMATCH: Code.INVALID_INPUT_RESPONSE,
  NOT_YET_VALID: Code.INVALID_INPUT_RESPONSE,
  INVALID_CLAIMS: Code.INVALID_INPUT_RESPONSE,
  WRONG_AUDIENCE: Code.UNKNOWN_AUDIENCE,
  EXPIRED: Code.TOKEN_EXPIRED,
  JWKS_UNAVAILABLE: Code.INTERNAL_ERROR,
};

const refuse = (code: Code): SiteverifyAnswer => ({ success: false, 'error-codes': [code] });

/** Compares digests, which are always the same length, so the time taken says nothing about the secret. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The online check of docs/server.md, apart from HTTP: a token is accepted once, and only with its provider's secret. */
export function createSiteverify(
  options: SiteverifyOptions,
): (request: SiteverifyRequest) => Promise<SiteverifyAnswer> {
  const { publicJwks, registry, issuer, now = Date.now } = options;
  const usedTokens = options.usedTokens ?? createUsedTokenStore({ now });
  const jwks = { keys: publicJwks };

  return async ({ token, secret }) => {
    if (!token) return refuse(Code.MISSING_INPUT_RESPONSE);
    let claims: VerifiedStatusToken;
    try {
      claims = await verifyStatusToken(token, {
        jwks,
        issuer,
        // Any registered provider; which one, and its secret, is looked up below.
        audience: registry.all().map((provider) => provider.id),
        // Hosts behind one origin keep their clocks apart by a little (NTP): a token signed by one
        // must verify on another. Well within the used-token store's 60 s past `exp`.
        clockTolerance: 5,
        now: new Date(now()),
      });
    } catch (error) {
      if (error instanceof StatusTokenError) return refuse(codeFor[error.code]);
      throw error;
    }
    const provider = registry.get(claims.aud);
    if (!provider) return refuse(Code.UNKNOWN_AUDIENCE);
    if (provider.secret !== undefined) {
      if (!secret) return refuse(Code.MISSING_INPUT_SECRET);
      if (!sameSecret(secret, provider.secret)) return refuse(Code.INVALID_INPUT_SECRET);
    }
    // Last: a request refused for any other reason must not use the token up.
    if (!(await usedTokens.consume(claims.jti, claims.exp))) return refuse(Code.TOKEN_ALREADY_USED);
    const { status, aud, sub, iat, exp, nonce } = claims;
    return { success: true, status, aud, sub, iat, exp, ...(nonce === undefined ? {} : { nonce }) };
  };
}
