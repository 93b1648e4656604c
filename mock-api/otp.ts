import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A 6-digit OTP from the CSPRNG, zero-padded (000123 is as likely as 123456). */
export function newOtp(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** SHA-256 hex, as confirmOTP expects the OTP. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A hash no OTP can have: SHA-256 of 32 random bytes. A phantom transaction stores it, so that it
 * runs through exactly the code of a real one and every try on it is simply wrong.
 */
export function unmatchableHash(): string {
  return createHash('sha256').update(randomBytes(32)).digest('hex');
}
