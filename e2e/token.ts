import { createRemoteJWKSet, jwtVerify } from 'jose';
import { hostOrigin } from './fixtures';

/** Verifies a status token as a provider's server would: against the host's JWKS, offline. */
export async function verifyAgainstJwks(token: string, audience: string) {
  const jwks = createRemoteJWKSet(new URL(`${hostOrigin}/.well-known/jwks.json`));
  return jwtVerify(token, jwks, {
    issuer: hostOrigin,
    audience,
    algorithms: ['ES256'],
    typ: 'kycvs-status+jwt',
  });
}
