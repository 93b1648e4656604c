import { toAsciiDigits } from './digits';

export type Normalized = { ok: true; value: string } | { ok: false };

/** Characters people put between digits when they write a number down. */
const separators = /[\s\-().\u00a0]/g;

/**
 * Turns what a person typed into the 10-digit mobile CoWIN knows, or says it cannot.
 * `+91`/`91` is stripped only from 12 digits and `0` only from 11, so that 9123456780 stays valid.
 * @example normalizeMobile('+91 98765-43210') // { ok: true, value: '9876543210' }
 */
export function normalizeMobile(input: string): Normalized {
  let digits = toAsciiDigits(input.trim()).replace(separators, '');
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+91')) return { ok: false };
    digits = digits.slice(1);
  }
  if (digits.length === 12 && digits.startsWith('91')) digits = digits.slice(2);
  else if (digits.length === 11 && digits.startsWith('0')) digits = digits.slice(1);
  return /^[6-9]\d{9}$/.test(digits) ? { ok: true, value: digits } : { ok: false };
}

/** `******3210`: all a screen shows once the OTP is sent. */
export function maskMobile(mobile: string): string {
  return '*'.repeat(Math.max(0, mobile.length - 4)) + mobile.slice(-4);
}
