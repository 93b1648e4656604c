import { effect } from '@preact/signals';
import { createTranslator, en, errorMessage } from '../i18n';
import type { VerificationFlow } from '../model';
import type { ErrorCode, KycvsErrorData, KycvsResult } from '../../contract';
import type { ParentChannel } from './parent-channel';

/**
 * Errors that stay inside the frame: a problem with what was typed is the person's to fix. Every
 * other error ends or blocks the flow (a rate limit, a fault, a spent OTP), and the page hears it.
 */
export const unreportedErrors: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'INVALID_NAME',
  'INVALID_MOBILE',
  'INVALID_OTP',
  'OTP_INCORRECT',
]);

// Messages that cross the frame are in English, whatever the widget shows (protocol/errors.ts).
const english = createTranslator(en);

/**
 * Tells the parent about the flow: `result` then `step` when an answer comes (so that the token
 * is in place when the step changes), `step` on every later step change, and reported errors.
 * Never the name, the mobile or the OTP. Returns a function that stops reporting.
 */
export function reportFlow(flow: Pick<VerificationFlow, 'step' | 'result' | 'error'>, post: ParentChannel['post']) {
  let lastStep = flow.step.peek();
  let lastResult: KycvsResult | null = flow.result.peek();

  const stopSteps = effect(() => {
    const step = flow.step.value;
    const result = flow.result.value;
    if (result && result !== lastResult) post('result', result);
    lastResult = result;
    if (step !== lastStep) post('step', { step });
    lastStep = step;
  });
  const stopErrors = effect(() => {
    const error = flow.error.value;
    if (!error || unreportedErrors.has(error.code)) return;
    const data: KycvsErrorData = { code: error.code, message: errorMessage(english, error) };
    if (error.retryAfter !== undefined) data.retryAfter = error.retryAfter;
    post('error', data);
  });
  return () => {
    stopSteps();
    stopErrors();
  };
}
