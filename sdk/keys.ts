import { createLocalJWKSet, createRemoteJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { StatusTokenErrorCode } from './errors';
import { tokenError } from './jose-errors';

/**
 * One remote key set per URL for the life of the process, so that jose's cache (10 minutes, and a
 * refetch at most every 30 s when an unknown `kid` appears, as after a key rotation) spans calls
 * instead of fetching the JWKS for every token.
 */
const remoteSets = new Map<string, JWTVerifyGetKey>();

function remoteSet(url: URL): JWTVerifyGetKey {
  let set = remoteSets.get(url.href);
  if (!set) {
    set = createRemoteJWKSet(url);
    remoteSets.set(url.href, set);
  }
  return set;
}

/**
 * The key for a token's header. A key the set does not hold stays jose's error (UNKNOWN_KEY); any
 * other failure here is about getting the keys, not about the token, so it is JWKS_UNAVAILABLE.
 */
export function keyResolver(source: { jwks: JSONWebKeySet } | { jwksUrl: URL }): JWTVerifyGetKey {
  let resolve: JWTVerifyGetKey;
  try {
    resolve = 'jwks' in source ? createLocalJWKSet(source.jwks) : remoteSet(source.jwksUrl);
  } catch (error) {
    throw tokenError(StatusTokenErrorCode.JWKS_UNAVAILABLE, error);
  }
  return async (header, token) => {
    try {
      return await resolve(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw tokenError(StatusTokenErrorCode.JWKS_UNAVAILABLE, error);
    }
  };
}
