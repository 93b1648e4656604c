import { ErrorCode } from '../../../contract';
import { fail, type ApiOutcome } from '../api-error';
import type { CowinFailure } from '../cowin/client';

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
