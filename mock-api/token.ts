import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

/** CoWIN's confirmOTP token is good for 15 minutes. */
export const TOKEN_TTL_SECONDS = 15 * 60;

/** Issues and checks the bearer tokens of confirmOTP, against the mock's clock. */
export interface TokenIssuer {
  issue(beneficiaryKey: string, txnId: string): Promise<string>;
  /** The beneficiary key of a valid, unexpired token, else `undefined`. */
  verify(token: string): Promise<string | undefined>;
  /** A new secret: every token issued so far stops working (used by `reset()`). */
  rotate(): void;
}

export function createTokenIssuer(now: () => number): TokenIssuer {
  // A random secret per mock (HS256 wants at least 256 bits): tokens of one mock, or of one run
  // before reset(), can never be replayed against another.
  let secret = new Uint8Array(randomBytes(32));
  return {
    issue(beneficiaryKey, txnId) {
      const iat = Math.floor(now() / 1000);
      return new SignJWT({ txn: txnId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(beneficiaryKey)
        .setIssuedAt(iat)
        .setExpirationTime(iat + TOKEN_TTL_SECONDS)
        .sign(secret);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: ['HS256'],
          currentDate: new Date(now()),
          requiredClaims: ['sub', 'exp'],
        });
        return payload.sub;
      } catch {
        return undefined;
      }
    },
    rotate() {
      secret = new Uint8Array(randomBytes(32));
    },
  };
}
