/**
 * Every `error-codes` entry siteverify answers, in one place. Turnstile's words where Turnstile has
 * the same case (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/),
 * so code written for Turnstile reads them; its `timeout-or-duplicate` is split in two, because a
 * provider acts differently on each (ask the person again vs. suspect a replay).
 */
export const SiteverifyErrorCode = {
  /** No token was sent (absent or empty). */
  MISSING_INPUT_RESPONSE: 'missing-input-response',
  /** The token is not one this host signed as a status token: malformed, tampered, another key, wrong alg or typ, another issuer. */
  INVALID_INPUT_RESPONSE: 'invalid-input-response',
  /** The token's `exp` has passed. */
  TOKEN_EXPIRED: 'token-expired',
  /** The token was accepted once already: each token is good for one siteverify. */
  TOKEN_ALREADY_USED: 'token-already-used',
  /** The token's `aud` is not a registered provider (any more). */
  UNKNOWN_AUDIENCE: 'unknown-audience',
  /** The token's provider is registered with a `secret` and none was sent. */
  MISSING_INPUT_SECRET: 'missing-input-secret',
  /** The secret sent is not the provider's. The token stays usable. */
  INVALID_INPUT_SECRET: 'invalid-input-secret',
  /** The body is not a JSON object (or form) with string `token` and `secret`. Answered with HTTP 400. */
  BAD_REQUEST: 'bad-request',
  /** Too many siteverify calls from this address: wait `Retry-After` seconds. Answered with HTTP 429; the token stays usable. */
  RATE_LIMITED: 'rate-limited',
  /** The host could not check the token; try again (HTTP 503). The token stays usable. */
  INTERNAL_ERROR: 'internal-error',
} as const;

export type SiteverifyErrorCode = (typeof SiteverifyErrorCode)[keyof typeof SiteverifyErrorCode];
