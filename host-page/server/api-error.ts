import type { Context } from 'hono';
import type { ErrorCode } from '../../contract';
import { type Field } from '../../contract';
import { apiHeaders } from './http/security-headers';
import { supportRefOf } from './http/support-ref';

/** An expected failure of the widget's API: an HTTP status and the body's `error` (docs/api.md). */
export interface ApiFailure {
  status: 400 | 401 | 403 | 404 | 410 | 413 | 415 | 429 | 500 | 502 | 503 | 504;
  error: { code: ErrorCode; message: string; field?: Field; retryAfter?: number };
}

/** A call's outcome: data, or a failure. Expected failures are values, not exceptions. */
export type ApiOutcome<T> = { ok: true; data: T } | ({ ok: false } & ApiFailure);

/** The English sentence for each code, for `KycvsError.message`; the widget shows its own, translated. */
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
  ORIGIN_NOT_ALLOWED: 'This page may not use the widget.',
  BAD_REQUEST: 'The request was not understood.',
  SERVER_ERROR: 'CoWIN could not be reached. Try again.',
  TIMEOUT: 'CoWIN did not answer in time. Try again.',
};

/**
 * The one way a failure of the API is made (docs/api.md, "Errors"): a status, one of our codes, its
 * sentence (or a more precise one), and the field or the wait when there is one.
 * @example fail(429, ErrorCode.RATE_LIMITED, { retryAfter: 30 })
 */
export function fail<T>(
  status: ApiFailure['status'],
  code: ErrorCode,
  extra: { field?: Field; retryAfter?: number; message?: string } = {},
): ApiOutcome<T> {
  const { message = messages[code] ?? code, ...rest } = extra;
  return { ok: false, status, error: { code, message, ...rest } };
}

/**
 * Sends an outcome as the API answers: the data as JSON, or `{ error }` with its status, the
 * answer's support reference (docs/support.md) and, when there is a wait, `Retry-After`; never
 * cached, never sniffed.
 */
export function send<T>(c: Context, outcome: ApiOutcome<T>): Response {
  for (const [name, value] of Object.entries(apiHeaders)) c.header(name, value);
  if (outcome.ok) return c.json(outcome.data as object, 200);
  if (outcome.error.retryAfter !== undefined) c.header('retry-after', String(outcome.error.retryAfter));
  const ref = supportRefOf(c);
  return c.json({ error: ref === undefined ? outcome.error : { ...outcome.error, ref } }, outcome.status);
}
