import { HttpResponse } from 'msw';

/**
 * The errors the mock answers in CoWIN's shape `{ errorCode, error }`. Messages are fixed per code,
 * so two failures with one code can never differ in wording (see "No enumeration").
 *
 * Only `USRAUT0014` ("Invalid OTP") is in public sources. The others are **ours**, made up in the
 * same pattern for what the mock must say and no public source shows (docs/cowin.md, "Codes"): the
 * host must not depend on them against the real CoWIN. `USRAUT0015` is ours for an expired OTP,
 * though v2 used it for "Your account does not exist" (recorded-answers.json). The gateway's own
 * shapes (403 for a bad key, text 401 for a dead token) come from recorded.ts, not from here.
 */
export const CowinError = {
  /** Ours. */
  VALIDN0001: { status: 400, error: 'Invalid request' },
  /** Ours: CoWIN's daily cap of 50 OTPs per mobile is known, its answer is not. */
  OTPLMT0001: { status: 429, error: 'OTP limit reached for this mobile' },
  /** Public. */
  USRAUT0014: { status: 401, error: 'Invalid OTP' },
  /** Ours (v2 used the code for an unknown account). */
  USRAUT0015: { status: 401, error: 'OTP expired' },
  /** Ours. */
  USRAUT0017: { status: 401, error: 'Maximum OTP attempts exceeded' },
  /** Ours. */
  NOTFND0001: { status: 404, error: 'Not found' },
} as const;

export type CowinErrorCode = keyof typeof CowinError;

/** The JSON error answer for `code`, with any extra headers (e.g. `Retry-After`). */
export function cowinError(code: CowinErrorCode, headers?: Record<string, string>): Response {
  const { status, error } = CowinError[code];
  return HttpResponse.json({ errorCode: code, error }, headers ? { status, headers } : { status });
}
