import { normalizeMobile, normalizeName, toAsciiDigits } from '../../contract';
import type { FieldErrors } from './types';

export type DetailsCheck = { ok: true; name: string; mobile: string } | { ok: false; fieldErrors: FieldErrors };

/** Checks both fields at once, so that a person sees every problem in one go. */
export function checkDetails(name: string, mobile: string): DetailsCheck {
  const cleanName = normalizeName(name);
  const cleanMobile = normalizeMobile(mobile);
  if (cleanName.ok && cleanMobile.ok) return { ok: true, name: cleanName.value, mobile: cleanMobile.value };
  const fieldErrors: FieldErrors = {};
  if (!cleanName.ok) fieldErrors.name = 'INVALID_NAME';
  if (!cleanMobile.ok) fieldErrors.mobile = 'INVALID_MOBILE';
  return { ok: false, fieldErrors };
}

/**
 * The OTP as the host wants it: ASCII digits, without the spaces and dashes that SMS apps and
 * pasted text put in (`१२३ ४५६` → `123456`).
 */
export function cleanOtp(input: string): string {
  return toAsciiDigits(input).replace(/[\s\-\u00a0]/g, '');
}

export const isOtp = (otp: string) => /^\d{6}$/.test(otp);
