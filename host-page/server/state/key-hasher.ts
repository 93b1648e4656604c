import { createHmac } from 'node:crypto';

/**
 * The store's key for a value that must not appear in it (a mobile number, a client address): an
 * HMAC, not a plain hash, because there are only about a billion mobiles and a plain hash would be a
 * lookup table away from the number. `namespace` keeps equal values of different kinds apart.
 */
export type KeyHasher = (namespace: string, value: string) => string;

/** Keyed by `KYCVS_SUBJECT_SECRET`, so that every host counts one mobile under the same key. */
export function createKeyHasher(secret: Uint8Array): KeyHasher {
  const key = createHmac('sha256', secret).update('kycvs:store-keys').digest();
  return (namespace, value) =>
    createHmac('sha256', key).update(`${namespace}\u0000${value}`).digest('base64url').slice(0, 22);
}
