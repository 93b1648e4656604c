import type { ReadonlySignal } from '@preact/signals';
import type { ApiClient, ApiError } from '../api';
import type { Field } from '../../contract';
import type { ErrorCode, KycvsResult, Step } from '../../contract';

/** An error the flow shows: a code (for the i18n table), the field it is about, the wait. */
export type FlowError = ApiError;

/** The code of the problem with each field that has one. */
export type FieldErrors = Partial<Record<Field, ErrorCode>>;

export interface FlowOptions {
  api: ApiClient;
  /** The provider id, as registered on the host. */
  provider: string;
  /** The embedding page's nonce, carried into the status token. */
  nonce?: string | undefined;
  /** The embedding page's `action` label, sent with `/verify` for the token and siteverify to carry back. */
  action?: string | undefined;
  /**
   * The clock countdowns are measured against; tests pass a fake one.
   * @default Date.now
   */
  now?: () => number;
}

/** An OTP the host sent: the first of a verification, or a resend. A new object for each. */
export interface OtpSent {
  readonly resend: boolean;
}

/** One verification, details → OTP → result. Components read the signals and call the actions. */
export interface VerificationFlow {
  readonly step: ReadonlySignal<Step>;
  /** The name as typed. */
  readonly name: ReadonlySignal<string>;
  /** The mobile as typed. */
  readonly mobile: ReadonlySignal<string>;
  /** The OTP as typed, in ASCII digits without spaces. */
  readonly otp: ReadonlySignal<string>;
  /** `******3210` once the OTP is sent, else ''. */
  readonly maskedMobile: ReadonlySignal<string>;
  /** A request is in flight; every action but `reset` and `dispose` is ignored meanwhile. */
  readonly busy: ReadonlySignal<boolean>;
  /** The last action's error, or null. */
  readonly error: ReadonlySignal<FlowError | null>;
  readonly fieldErrors: ReadonlySignal<FieldErrors>;
  /** Seconds the OTP stays valid. */
  readonly secondsLeft: ReadonlySignal<number>;
  /** Seconds until Resend OTP is allowed. */
  readonly resendIn: ReadonlySignal<number>;
  readonly resendsLeft: ReadonlySignal<number>;
  /** The OTP is spent (expired, or too many wrong tries): only Resend OTP helps. */
  readonly mustResend: ReadonlySignal<boolean>;
  readonly result: ReadonlySignal<KycvsResult | null>;
  /** The result's token has passed its lifetime (result-expiry.ts): the status is no longer current. */
  readonly expired: ReadonlySignal<boolean>;
  /** The last OTP sent, or null; for the page's events, never with the mobile. */
  readonly otpSent: ReadonlySignal<OtpSent | null>;

  setName(value: string): void;
  setMobile(value: string): void;
  setOtp(value: string): void;
  /** Validates name and mobile, then asks for an OTP. */
  submitDetails(): Promise<void>;
  /** Validates the OTP, then confirms it. */
  verifyOtp(): Promise<void>;
  /** Asks for a new OTP for the same verification. */
  resend(): Promise<void>;
  /** Back to the details step with name and mobile kept; the OTP session is dropped. */
  changeDetails(): void;
  /** From the result step, back to details with name and mobile kept, for a new check (after expiry). */
  verifyAgain(): void;
  /** Forgets everything (name, mobile, OTP, session, result) and goes back to details. */
  reset(): void;
  /** Stops the timers (the countdowns, the result's expiry) and ignores any answer still on its way. */
  dispose(): void;
}
