import { randomBytes } from 'node:crypto';

/** Shortest `KYCVS_SUBJECT_SECRET`: 32 characters, the 256 bits of HMAC-SHA256's key when random. */
export const SUBJECT_SECRET_MIN_LENGTH = 32;

/**
 * `KYCVS_SUBJECT_SECRET`: the key of the per-provider `sub` (status-token.ts), of the store's keys
 * for mobiles and client addresses, and of the sealed values in the store. It is apart from the
 * signing key, so that rotating that key changes no `sub`, and it must be the same on every host.
 * Unset (mock mode only): a fresh secret made at start, with a warning.
 */
export function loadSubjectSecret(configured: string | undefined, warn: (message: string) => void): Uint8Array {
  if (configured === undefined || configured === '') {
    warn(
      'KYCVS_SUBJECT_SECRET is not set: using a fresh secret made at start. Each provider sees a new `sub` ' +
        'for the same person after a restart, and hosts do not share per-mobile counts; ' +
        'set KYCVS_SUBJECT_SECRET (for example `openssl rand -base64 32`) in production.',
    );
    return new Uint8Array(randomBytes(32));
  }
  if (configured.trim().length < SUBJECT_SECRET_MIN_LENGTH) {
    throw new Error(
      `KYCVS_SUBJECT_SECRET is too short: give at least ${SUBJECT_SECRET_MIN_LENGTH} random characters ` +
        '(for example `openssl rand -base64 32`).',
    );
  }
  return new Uint8Array(Buffer.from(configured.trim(), 'utf8'));
}
