import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** Encrypts the few personal values a record must hold (name, mobile, CoWIN's token) before they are stored. */
export interface Sealer {
  seal(plain: string): string;
  /** The plain text; throws when the sealed text was altered or sealed with another secret. */
  open(sealed: string): string;
}

/**
 * AES-256-GCM under a key derived from `KYCVS_SUBJECT_SECRET`: a Redis snapshot, a replica or a
 * `MONITOR` session shows who is being verified to no one without the secret (SECURITY.md,
 * "What the host stores"). A fresh 96-bit IV for every seal; the tag makes tampering fail loudly.
 */
export function createSealer(secret: Uint8Array): Sealer {
  const key = createHmac('sha256', secret).update('kycvs:seal').digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
