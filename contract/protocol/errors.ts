/**
 * Every error code kycvs reports, in one place. Codes are for machines; the widget shows people a
 * translated sentence for each (widget/i18n), and `KycvsError.message` carries an English one.
 */
export const ErrorCode = {
  /** The name is empty or not a plausible name. */
  INVALID_NAME: 'INVALID_NAME',
  /** The mobile number is not a 10-digit Indian mobile number. */
  INVALID_MOBILE: 'INVALID_MOBILE',
  /** The OTP is not 6 digits. */
  INVALID_OTP: 'INVALID_OTP',
  /** The OTP is wrong, or the name and mobile did not match a registered person (said alike on purpose). */
  OTP_INCORRECT: 'OTP_INCORRECT',
  /** The OTP is older than 180 s, or was used already. */
  OTP_EXPIRED: 'OTP_EXPIRED',
  /** Three wrong tries ended this OTP: ask for a new one. */
  OTP_ATTEMPTS_EXCEEDED: 'OTP_ATTEMPTS_EXCEEDED',
  /** No more resends are allowed for this verification, or it is too early for one. */
  RESEND_NOT_ALLOWED: 'RESEND_NOT_ALLOWED',
  /** Too many requests: wait `retryAfter` seconds. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The verification session is unknown or over: start again. */
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  /** The provider id is not registered with the host. */
  UNKNOWN_PROVIDER: 'UNKNOWN_PROVIDER',
  /** The embedding page's origin is not registered for the provider. */
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  /** The request did not reach the host (offline, DNS, connection refused). */
  NETWORK_ERROR: 'NETWORK_ERROR',
  /** The host did not answer in time. */
  TIMEOUT: 'TIMEOUT',
  /** The host or CoWIN failed (5xx) or answered something malformed. */
  SERVER_ERROR: 'SERVER_ERROR',
  /** The request itself was malformed. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The frame did not say `ready` within 10 s. */
  FRAME_TIMEOUT: 'FRAME_TIMEOUT',
  /** The handle was destroyed before a result arrived. */
  DESTROYED: 'DESTROYED',
  /** The container element was not found. */
  CONTAINER_NOT_FOUND: 'CONTAINER_NOT_FOUND',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Every code, as a list (the schemas' enum). */
export const errorCodes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

/** An error as it crosses a frame or the network: plain data. */
export interface KycvsErrorData {
  code: ErrorCode;
  message: string;
  /** Seconds to wait, with `RATE_LIMITED`. */
  retryAfter?: number | undefined;
  /** The support reference of this case (docs/support.md), to quote to support. */
  ref?: string | undefined;
}

/** The one error class; `toJSON` makes it plain data before it crosses a boundary. */
export class KycvsError extends Error implements KycvsErrorData {
  // `declare`: no class-field helpers in the es2019 loader build, which counts every byte.
  declare readonly code: ErrorCode;
  declare readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, retryAfter?: number) {
    super(message);
    this.name = 'KycvsError';
    (this as { code: ErrorCode }).code = code;
    if (retryAfter !== undefined) (this as { retryAfter?: number }).retryAfter = retryAfter;
  }

  toJSON(): KycvsErrorData {
    return this.retryAfter === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfter: this.retryAfter };
  }
}
