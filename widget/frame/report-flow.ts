import { effect } from '@preact/signals';
import { createTranslator, en, errorMessage } from '../i18n';
import type { FieldErrors, FlowError, OtpSent, VerificationFlow } from '../model';
import type { ErrorCode, Field, KycvsErrorData } from '../../contract';
import type { ParentChannel } from './parent-channel';

/**
 * Errors that stay inside the frame: a problem with what was typed is the person's to fix. Every
 * other error ends or blocks the flow (a rate limit, a fault, a spent OTP), and the page hears it.
 * Each still raises an `event` of type `error`, with its code alone (docs/events.md).
 */
export const unreportedErrors: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'INVALID_NAME',
  'INVALID_MOBILE',
  'INVALID_OTP',
  'OTP_INCORRECT',
]);

// Messages that cross the frame are in English, whatever the widget shows (protocol/errors.ts).
const english = createTranslator(en);

export type ReportedFlow = Pick<VerificationFlow, 'step' | 'result' | 'error' | 'fieldErrors' | 'expired' | 'otpSent'>;

/**
 * Tells the parent about the flow (docs/protocol.md, "Messages from the frame to the page"), in a
 * fixed order within one change: `event` `otp_sent`/`otp_resent`, then `result` (so that the token
 * is in place when the step changes), then `step`, then `expired` and `event` `expired`, then
 * `error` (when reported) and `event` `error` (one for each field newly marked too). Never the
 * name, the mobile or the OTP; an event never carries more than an error code. Returns a function
 * that stops reporting.
 *
 * One effect rather than one per signal: effects that wake in the same batch run in an order
 * @preact/signals does not promise, and pages rely on this one.
 */
export function reportFlow(flow: ReportedFlow, post: ParentChannel['post']) {
  let last = {
    step: flow.step.peek(),
    result: flow.result.peek(),
    expired: flow.expired.peek(),
    sent: flow.otpSent.peek() as OtpSent | null,
    error: flow.error.peek() as FlowError | null,
    fields: flow.fieldErrors.peek() as FieldErrors,
  };

  return effect(() => {
    const now = {
      step: flow.step.value,
      result: flow.result.value,
      expired: flow.expired.value,
      sent: flow.otpSent.value,
      error: flow.error.value,
      fields: flow.fieldErrors.value,
    };
    const before = last;
    last = now;
    if (now.sent && now.sent !== before.sent) post('event', { type: now.sent.resend ? 'otp_resent' : 'otp_sent' });
    if (now.result && now.result !== before.result) post('result', now.result);
    if (now.step !== before.step) post('step', { step: now.step });
    if (now.expired && !before.expired) {
      post('expired', {});
      post('event', { type: 'expired' });
    }
    if (now.error && now.error !== before.error) {
      reportError(now.error, post);
      // Both fields may be marked at once; the action's error is the first of them.
      for (const field of Object.keys(now.fields) as Field[]) {
        const code = now.fields[field];
        if (code && code !== before.fields[field] && field !== now.error.field) post('event', { type: 'error', code });
      }
    }
  });
}

function reportError(error: FlowError, post: ParentChannel['post']) {
  if (!unreportedErrors.has(error.code)) {
    const data: KycvsErrorData = { code: error.code, message: errorMessage(english, error) };
    if (error.retryAfter !== undefined) data.retryAfter = error.retryAfter;
    if (error.ref !== undefined) data.ref = error.ref;
    post('error', data);
  }
  post('event', { type: 'error', code: error.code });
}
