import { HttpResponse } from 'msw';

/**
 * The errors the mock answers, in CoWIN's shape `{ errorCode, error }`. `USRAUT0014` is the code
 * public sources show for a wrong OTP; the others follow the same pattern. Messages are fixed per
 * code, so two failures with one code can never differ in wording (see "No enumeration").
 */
export const CowinError = {
  APIKEY0001: { status: 401, error: 'Invalid API key' },
  VALIDN0001: { status: 400, error: 'Invalid request' },
  OTPLMT0001: { status: 429, error: 'OTP limit reached for this mobile' },
  USRAUT0001: { status: 401, error: 'Unauthenticated access' },
  USRAUT0014: { status: 401, error: 'Invalid OTP' },
  USRAUT0015: { status: 401, error: 'OTP expired' },
  USRAUT0017: { status: 401, error: 'Maximum OTP attempts exceeded' },
  NOTFND0001: { status: 404, error: 'Not found' },
} as const;

export type CowinErrorCode = keyof typeof CowinError;

/** The JSON error answer for `code`, with any extra headers (e.g. `Retry-After`). */
export function cowinError(code: CowinErrorCode, headers?: Record<string, string>): Response {
  const { status, error } = CowinError[code];
  return HttpResponse.json({ errorCode: code, error }, headers ? { status, headers } : { status });
}
