import { jwtVerify, type JWTPayload } from 'jose';
import { MAX_TOKEN_LIFETIME_SECONDS, readClaims, STATUS_TOKEN_TYPE, type VerifiedStatusToken } from './claims';
import { StatusTokenErrorCode } from './errors';
import { fromJoseError, tokenError } from './jose-errors';
import { keyResolver } from './keys';
import { checkOptions, type VerifyStatusTokenOptions } from './options';

/**
 * Verifies a kycvs status token offline, against the host's JWKS: signature (ES256 only), `typ`,
 * audience, issuer (when given), nonce (when given), expiry and the claims of docs/api.md.
 *
 * Resolves with the token's claims, or rejects with a `StatusTokenError` whose `code` says why.
 * Offline verification cannot tell whether a token was used before: keep each `jti` until its
 * `exp`, or ask the host's siteverify, which refuses a second use.
 *
 * @example
 * const { status, sub } = await verifyStatusToken(form.get('kycvs-token'), {
 *   jwksUrl: 'https://kycvs.example/.well-known/jwks.json',
 *   audience: 'demo-irctc',
 *   issuer: 'https://kycvs.example',
 *   nonce: session.kycvsNonce,
 * });
 */
export async function verifyStatusToken(
  token: string,
  options: VerifyStatusTokenOptions,
): Promise<VerifiedStatusToken> {
  const { source, audience, clockTolerance, now } = checkOptions(options);
  if (typeof token !== 'string' || token === '') throw tokenError(StatusTokenErrorCode.MALFORMED);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keyResolver(source), {
      // Named, never taken from the token: that is how `none` and HS256-with-the-public-key forgeries fail.
      algorithms: ['ES256'],
      typ: STATUS_TOKEN_TYPE,
      audience,
      ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
      clockTolerance,
      currentDate: now,
      // With maxTokenAge jose also refuses an `iat` in the future.
      maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
      requiredClaims: ['iss', 'sub', 'aud', 'iat', 'exp', 'jti'],
    }));
  } catch (error) {
    throw fromJoseError(error);
  }
  const claims = readClaims(payload);
  if (options.nonce !== undefined && claims.nonce !== options.nonce) {
    throw tokenError(StatusTokenErrorCode.NONCE_MISMATCH);
  }
  return claims;
}
