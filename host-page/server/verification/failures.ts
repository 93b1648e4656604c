import type { Field } from '../../../contract';
import { ErrorCode } from '../../../contract';
import type { CowinFailure } from '../cowin/client';

/** An expected failure of the widget's API: an HTTP status and the body's `error`. */
export interface ApiFailure {
  status: 400 | 401 | 403 | 404 | 410 | 429 | 502 | 503 | 504;
  error: { code: ErrorCode; message: string; field?: Field; retryAfter?: number };
}

export type ApiOutcome<T> = { ok: true; data: T } | ({ ok: false } & ApiFailure);

const messages: Partial<Record<ErrorCode, string>> = {
  INVALID_NAME: 'Enter the full name as registered on CoWIN.',
  INVALID_MOBILE: 'Enter a 10-digit Indian mobile number.',
  INVALID_OTP: 'Enter the 6-digit OTP.',
  OTP_INCORRECT: 'The OTP is not correct. Check the SMS and try again.',
  OTP_EXPIRED: 'The OTP has expired. Ask for a new one.',
  OTP_ATTEMPTS_EXCEEDED: 'Too many wrong tries for this OTP. Ask for a new one.',
  RESEND_NOT_ALLOWED: 'A new OTP cannot be sent yet.',
  RATE_LIMITED: 'Too many requests. Wait a little and try again.',
  SESSION_EXPIRED: 'This verification has expired. Start again.',
  UNKNOWN_PROVIDER: 'This provider is not registered.',
  BAD_REQUEST: 'The request was not understood.',
  SERVER_ERROR: 'CoWIN could not be reached. Try again.',
  TIMEOUT: 'CoWIN did not answer in time. Try again.',
};

export function fail<T>(
  status: ApiFailure['status'],
  code: ErrorCode,
  extra: { field?: Field; retryAfter?: number } = {},
): ApiOutcome<T> {
  return { ok: false, status, error: { code, message: messages[code] ?? code, ...extra } };
}

/** How long the widget is told to wait when CoWIN limits the host without saying for how long. */
export const COWIN_LIMIT_RETRY_SECONDS = 60;

/**
 * CoWIN's failures in our own words, for what every call shares (docs/cowin.md has the table). Its
 * error codes never pass through: the widget must not learn more than we choose to say, and a
 * mismatch must read exactly as a wrong OTP. What a 4xx means depends on the call, so the service
 * decides `rejected` answers before it comes here; one that reaches here is an answer the host did
 * not expect, reported as a server error.
 */
export function fromCowin<T>(failure: CowinFailure): ApiOutcome<T> {
  switch (failure.kind) {
    case 'limited':
      return fail(429, ErrorCode.RATE_LIMITED, { retryAfter: failure.retryAfter ?? COWIN_LIMIT_RETRY_SECONDS });
    case 'unavailable':
      return failure.reason === 'timeout' ? fail(504, ErrorCode.TIMEOUT) : fail(502, ErrorCode.SERVER_ERROR);
    case 'refused':
    case 'rejected':
      return fail(502, ErrorCode.SERVER_ERROR);
  }
}
