import { action, batch, signal } from '@preact/signals';
import type { ApiResult } from '../api';
import { maskMobile, newSupportRef } from '../../contract';
import type { ErrorCode, KycvsResult, Step } from '../../contract';
import { createErrorState } from './error-state';
import { createOtpSession } from './otp-session';
import { createResultExpiry } from './result-expiry';
import type { FlowError, FlowOptions, OtpSent, VerificationFlow } from './types';
import { checkDetails, cleanOtp, isOtp } from './validate';

/** Codes after which the OTP is spent and only a new one helps. */
const spentOtpCodes: readonly ErrorCode[] = ['OTP_EXPIRED', 'OTP_ATTEMPTS_EXCEEDED'];

/**
 * Creates the model of one verification flow. Call `dispose()` when the view goes away.
 *
 * A plain factory of signals and actions rather than @preact/signals' `createModel`: the flow owns
 * no effects for it to dispose, and it would cost about 0.3 KB gzip of the frame's 25 KB budget.
 */
export function createVerificationFlow(options: FlowOptions): VerificationFlow {
  const { api, provider, nonce, action: pageAction, now = Date.now } = options;
  const session = createOtpSession(now);
  const { secondsLeft, resendIn, resendsLeft, spentBy, spend } = session;
  const { show: showError, clear: clearErrors, ...errors } = createErrorState();
  const step = signal<Step>('details');
  const name = signal('');
  const mobile = signal('');
  const otp = signal('');
  const maskedMobile = signal('');
  const busy = signal(false);
  const result = signal<KycvsResult | null>(null);
  const expiry = createResultExpiry();
  const otpSent = signal<OtpSent | null>(null);
  // Bumped whenever the session is dropped: an answer to an older request is then ignored.
  let generation = 0;

  const forgetSession = () => {
    generation++;
    session.clear();
    otp.value = '';
    maskedMobile.value = '';
    busy.value = false;
  };

  /** Runs one request with `busy` set; `onAnswer` runs only if nothing dropped the session meanwhile. */
  const request = async <T>(call: () => Promise<ApiResult<T>>, onAnswer: (answer: ApiResult<T>) => void) => {
    const mine = ++generation;
    busy.value = true;
    clearErrors();
    // The client never throws, but a flow left busy forever would be the worst outcome of a bug.
    // The host never saw this fault, so the reference to quote is the frame's own.
    const answer = await call().catch((): ApiResult<T> => ({
      ok: false,
      error: { code: 'SERVER_ERROR', message: 'Unexpected failure.', ref: newSupportRef() },
    }));
    if (mine !== generation) return;
    batch(() => {
      busy.value = false;
      onAnswer(answer);
    });
  };

  const onFailure = (e: FlowError) => {
    // The host no longer knows this verification: back to details, with what was typed, to ask again.
    if (e.code === 'SESSION_EXPIRED') {
      forgetSession();
      step.value = 'details';
    }
    if (spentOtpCodes.includes(e.code)) spend(e.code);
    showError(e);
  };

  // Actions run batched and untracked (@preact/signals' `action`): one update per action, and
  // calling one from a render or an effect subscribes nothing.
  const edit = (field: 'name' | 'mobile' | 'otp', target: typeof name, clean = (v: string) => v) =>
    action((value: string) => {
      target.value = clean(value);
      errors.clearField(field);
    });

  const submitDetails = action(async () => {
    if (busy.value || step.value !== 'details') return;
    const checked = checkDetails(name.value, mobile.value);
    if (!checked.ok) return errors.showFields(checked.fieldErrors);
    await request(
      () => api.requestOtp({ provider, name: checked.name, mobile: checked.mobile }),
      (answer) => {
        if (!answer.ok) return onFailure(answer.error);
        session.start(answer.data);
        otpSent.value = { resend: false };
        otp.value = '';
        maskedMobile.value = maskMobile(checked.mobile);
        step.value = 'otp';
      },
    );
  });

  const verifyOtp = action(async () => {
    const id = session.id();
    if (busy.value || step.value !== 'otp' || id === null) return;
    // The host would refuse a spent OTP anyway; saying so here spares a request.
    if (spentBy.value === null && secondsLeft.value === 0) spend('OTP_EXPIRED');
    const spent = spentBy.value;
    if (spent !== null) return showError({ code: spent, message: spent });
    if (!isOtp(otp.value)) return showError({ code: 'INVALID_OTP', message: 'INVALID_OTP', field: 'otp' });
    const body = {
      provider,
      session: id,
      otp: otp.value,
      ...(nonce === undefined ? {} : { nonce }),
      ...(pageAction === undefined ? {} : { action: pageAction }),
    };
    await request(
      () => api.verify(body),
      (answer) => {
        if (!answer.ok) return onFailure(answer.error);
        forgetSession();
        result.value = answer.data;
        expiry.start(answer.data.token);
        step.value = 'result';
      },
    );
  });

  const resend = action(async () => {
    const id = session.id();
    if (busy.value || step.value !== 'otp' || id === null || resendIn.value > 0) return;
    if (resendsLeft.value <= 0) return showError({ code: 'RESEND_NOT_ALLOWED', message: 'RESEND_NOT_ALLOWED' });
    await request(
      () => api.resendOtp({ provider, session: id }),
      (answer) => {
        if (!answer.ok) return onFailure(answer.error);
        session.start(answer.data);
        otpSent.value = { resend: true };
        otp.value = '';
      },
    );
  });

  const changeDetails = action(() => {
    if (busy.value || step.value !== 'otp') return;
    forgetSession();
    clearErrors();
    step.value = 'details';
  });

  // The same person again, typically once the result expired: what they typed is kept, so that a
  // new check is one press of Get OTP away.
  const verifyAgain = action(() => {
    if (step.value !== 'result') return;
    expiry.clear();
    clearErrors();
    result.value = null;
    step.value = 'details';
  });

  const reset = action(() => {
    forgetSession();
    clearErrors();
    expiry.clear();
    name.value = '';
    mobile.value = '';
    result.value = null;
    otpSent.value = null;
    step.value = 'details';
  });

  return {
    step,
    name,
    mobile,
    otp,
    maskedMobile,
    busy,
    error: errors.error,
    fieldErrors: errors.fieldErrors,
    secondsLeft,
    resendIn,
    resendsLeft,
    mustResend: session.mustResend,
    result,
    expired: expiry.expired,
    otpSent,
    setName: edit('name', name),
    setMobile: edit('mobile', mobile),
    setOtp: edit('otp', otp, cleanOtp),
    submitDetails,
    verifyOtp,
    resend,
    changeDetails,
    verifyAgain,
    reset,
    dispose: action(() => {
      forgetSession();
      expiry.clear();
    }),
  };
}
