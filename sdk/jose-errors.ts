import { errors } from 'jose';
import { StatusTokenError, StatusTokenErrorCode as Code, type StatusTokenErrorCode } from './errors';

function claimCode(error: errors.JWTClaimValidationFailed): StatusTokenErrorCode {
  if (error.claim === 'typ') return Code.WRONG_TYPE;
  if (error.claim === 'iss') return Code.WRONG_ISSUER;
  if (error.claim === 'aud') return Code.WRONG_AUDIENCE;
  if ((error.claim === 'iat' || error.claim === 'nbf') && error.reason === 'check_failed') return Code.NOT_YET_VALID;
  return Code.INVALID_CLAIMS;
}

const messages: Record<StatusTokenErrorCode, string> = {
  MALFORMED: 'The token is not a compact JWS with JSON header and claims.',
  BAD_SIGNATURE: "The token's signature does not verify: it was altered or signed by another key.",
  ALGORITHM_NOT_ALLOWED: "The token's alg is not ES256.",
  UNKNOWN_KEY: "No single key in the JWKS matches the token's kid.",
  WRONG_TYPE: "The token's typ is not kycvs-status+jwt.",
  WRONG_ISSUER: 'The token was issued by another host.',
  WRONG_AUDIENCE: 'The token was made for another provider.',
  NONCE_MISMATCH: "The token's nonce is not the one this page gave.",
  EXPIRED: 'The token has expired.',
  NOT_YET_VALID: "The token's iat or nbf is in the future: check this server's clock.",
  INVALID_CLAIMS: "The token's claims are not those of a kycvs status token.",
  JWKS_UNAVAILABLE: 'The JWKS could not be fetched or read.',
};

export function tokenError(code: StatusTokenErrorCode, cause?: unknown): StatusTokenError {
  return new StatusTokenError(code, messages[code], cause === undefined ? undefined : { cause });
}

/**
 * jose's errors in our codes. Anything not recognised becomes MALFORMED: by the time jose runs the
 * options are checked, so what is left to go wrong is the token, which comes from outside.
 */
export function fromJoseError(error: unknown): StatusTokenError {
  if (error instanceof StatusTokenError) return error;
  if (error instanceof errors.JWTExpired) return tokenError(Code.EXPIRED, error);
  if (error instanceof errors.JWTClaimValidationFailed) return tokenError(claimCode(error), error);
  if (error instanceof errors.JWSSignatureVerificationFailed) return tokenError(Code.BAD_SIGNATURE, error);
  if (error instanceof errors.JOSEAlgNotAllowed) return tokenError(Code.ALGORITHM_NOT_ALLOWED, error);
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return tokenError(Code.UNKNOWN_KEY, error);
  }
  return tokenError(Code.MALFORMED, error);
}
