/**
 * Every reason `verifyStatusToken` refuses a token, in one place. Branch on the code; the message
 * is an English sentence for logs, never for deciding.
 */
export const StatusTokenErrorCode = {
  /** Not a compact JWS with a JSON header and claims (or not a string at all). */
  MALFORMED: 'MALFORMED',
  /** The signature does not match the key the header names: tampered, or signed by someone else. */
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  /** The header's `alg` is not `ES256` (`none`, `HS256`, …): refused before any key is touched. */
  ALGORITHM_NOT_ALLOWED: 'ALGORITHM_NOT_ALLOWED',
  /** No single key in the JWKS matches the header's `kid`: a foreign token, or a JWKS from before a key rotation. */
  UNKNOWN_KEY: 'UNKNOWN_KEY',
  /** The header's `typ` is not `kycvs-status+jwt`: some other JWT signed by the same key. */
  WRONG_TYPE: 'WRONG_TYPE',
  /** `iss` is not the `issuer` asked for. */
  WRONG_ISSUER: 'WRONG_ISSUER',
  /** `aud` is not the `audience` asked for: a token made for another provider. */
  WRONG_AUDIENCE: 'WRONG_AUDIENCE',
  /** A `nonce` was asked for and the token carries another one, or none. */
  NONCE_MISMATCH: 'NONCE_MISMATCH',
  /** `exp` has passed (beyond the clock tolerance). */
  EXPIRED: 'EXPIRED',
  /** `iat` or `nbf` is in the future (beyond the clock tolerance). */
  NOT_YET_VALID: 'NOT_YET_VALID',
  /** A claim is missing or not as docs/api.md defines it (status, vs, lifetime over 5 minutes, …). */
  INVALID_CLAIMS: 'INVALID_CLAIMS',
  /** The keys could not be had: `jwksUrl` unreachable, slow, not 200 or not a JWKS, or `jwks` malformed. Retryable. */
  JWKS_UNAVAILABLE: 'JWKS_UNAVAILABLE',
} as const;

export type StatusTokenErrorCode = (typeof StatusTokenErrorCode)[keyof typeof StatusTokenErrorCode];

/** The one error `verifyStatusToken` rejects with for a token it refuses; `code` says why. */
export class StatusTokenError extends Error {
  override name = 'StatusTokenError';
  readonly code: StatusTokenErrorCode;

  constructor(code: StatusTokenErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** Plain data, for a log line or an API answer; the cause (jose's error) stays behind. */
  toJSON(): { code: StatusTokenErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}
