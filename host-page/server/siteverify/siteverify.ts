import { createHash, timingSafeEqual } from 'node:crypto';
import type { JWK } from 'jose';
import { StatusTokenError, verifyStatusToken, type StatusTokenErrorCode, type VerifiedStatusToken } from '../../../sdk';
import {
  IDEMPOTENCY_KEY_PATTERN,
  type SiteverifyRequest,
  type SiteverifySuccess,
  type SiteverifyVerdict,
} from '../../../contract';
import { createRedirectCodeStore, type RedirectCodeStore } from '../redirect';
import { hasScope, type Provider, type ProviderRegistry } from '../registry';
import { SiteverifyErrorCode as Code } from './codes';
import { createTokenDetailsStore, type TokenDetails, type TokenDetailsStore } from './token-details';
import { createUsedTokenStore, type UsedTokenStore } from './used-tokens';

export type { SiteverifyRequest };
/** siteverify's answer: the contract's verdict (contract/api/siteverify.ts). */
export type SiteverifyAnswer = SiteverifyVerdict;

export interface SiteverifyOptions {
  /** The public halves of the host's keys (KYCVS_SIGNING_KEY's set): siteverify accepts only the host's own tokens. */
  publicJwks: JWK[];
  registry: ProviderRegistry;
  /** The tokens' `iss`: the host's public origin. */
  issuer: string;
  /** Shared by every host (state/), so a token is accepted once across all of them. @default in memory */
  usedTokens?: UsedTokenStore;
  /** What /verify kept for providers with a secret, on the same shared store. @default in memory (empty) */
  tokenDetails?: TokenDetailsStore;
  /** Redirect mode's codes, given by /verify, on the same shared store. @default in memory (empty) */
  redirectCodes?: RedirectCodeStore;
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

/** An origin's hostname, as Turnstile's `hostname` says where the check ran. */
function hostnameOf(origin: string): string | undefined {
  try {
    return new URL(origin).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The verdict for an accepted token: its claims, where the check ran (`origin`, `hostname`), the
 * page's `action`, `test`, and the details kept for it, as far as the provider's scope still allows.
 */
function verdictOf(
  claims: VerifiedStatusToken,
  provider: Provider,
  details: TokenDetails | undefined,
): SiteverifySuccess {
  const { status, aud, sub, iat, exp, nonce, origin, action, test } = claims;
  const hostname = origin === undefined ? undefined : hostnameOf(origin);
  return {
    success: true,
    status,
    aud,
    sub,
    iat,
    exp,
    ...(nonce === undefined ? {} : { nonce }),
    ...(origin === undefined ? {} : { origin }),
    ...(hostname === undefined ? {} : { hostname }),
    ...(action === undefined ? {} : { action }),
    ...(test === undefined ? {} : { test }),
    ...(details?.beneficiary && hasScope(provider, 'demographics') ? { beneficiary: details.beneficiary } : {}),
    ...(details?.vaccinations && hasScope(provider, 'vaccinations') ? { vaccinations: details.vaccinations } : {}),
  };
}

/** A refusal of the token a code stands for, in the words of the code (docs/redirect.md, "Errors"). */
const asCodeVerdict = (verdict: SiteverifyAnswer): SiteverifyAnswer => {
  if (verdict.success) return verdict;
  const codes = verdict['error-codes'].map((code) =>
    code === Code.TOKEN_ALREADY_USED ? Code.CODE_ALREADY_USED : code === Code.TOKEN_EXPIRED ? Code.CODE_EXPIRED : code,
  );
  return { success: false, 'error-codes': codes };
};

/**
 * The online check of docs/api.md ("siteverify"), apart from HTTP: a token is accepted once, and only
 * with its provider's secret; with the secret, the verdict carries the details the scope allows; the
 * same idempotency key gets the same verdict again. Redirect mode's `code` stands for a token: it is
 * checked exactly as that token would be, so it is single use with it (docs/redirect.md).
 */
export function createSiteverify(
  options: SiteverifyOptions,
): (request: SiteverifyRequest) => Promise<SiteverifyAnswer> {
  const { publicJwks, registry, issuer, now = Date.now } = options;
  const usedTokens = options.usedTokens ?? createUsedTokenStore({ now });
  const tokenDetails = options.tokenDetails ?? createTokenDetailsStore({ now });
  const redirectCodes = options.redirectCodes ?? createRedirectCodeStore({ now });
  const jwks = { keys: publicJwks };

  async function checkToken(token: string, secret: string | undefined, idempotencyKey: string | undefined) {
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
    // Details only for a provider that proved itself with its secret (the registry requires one
    // of every provider whose scope has more than status).
    const details = provider.secret === undefined ? undefined : await tokenDetails.read(claims.jti);
    const verdict = verdictOf(claims, provider, details);
    // Last: a request refused for any other reason must not use the token up.
    const use = await usedTokens.consume(claims.jti, claims.exp, {
      answer: JSON.stringify(verdict),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    if (!use.first)
      return use.replay === undefined ? refuse(Code.TOKEN_ALREADY_USED) : (JSON.parse(use.replay) as SiteverifyAnswer);
    // The token is used: its details live on only inside the idempotency record. Should the store
    // fail here, they still go at the token's expiry (token-details.ts): the verdict stands.
    if (details !== undefined) await tokenDetails.forget(claims.jti).catch(() => undefined);
    return verdict;
  }

  async function exchangeCode(code: string, secret: string | undefined, idempotencyKey: string | undefined) {
    const found = await redirectCodes.read(code);
    if (!found) return refuse(Code.INVALID_CODE);
    if (found.expired) return refuse(Code.CODE_EXPIRED);
    const provider = registry.get(found.grant.provider);
    if (!provider) return refuse(Code.UNKNOWN_AUDIENCE);
    // The registry gives every provider with redirect_uris a secret; a code is never exchanged without it.
    if (!secret) return refuse(Code.MISSING_INPUT_SECRET);
    if (provider.secret === undefined || !sameSecret(secret, provider.secret)) return refuse(Code.INVALID_INPUT_SECRET);
    return asCodeVerdict(await checkToken(found.grant.token, secret, idempotencyKey));
  }

  return async ({ token, code, secret, idempotency_key: idempotencyKey }) => {
    // Which one would the provider have meant? Neither is looked at.
    if (token && code) return refuse(Code.BAD_REQUEST);
    if (!token && !code) return refuse(Code.MISSING_INPUT_RESPONSE);
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      return refuse(Code.INVALID_IDEMPOTENCY_KEY);
    }
    return code ? exchangeCode(code, secret, idempotencyKey) : checkToken(token!, secret, idempotencyKey);
  };
}
