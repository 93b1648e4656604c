import type { VerificationFlow } from '../model';

/** The WebOTP part of `navigator.credentials` (not yet in TypeScript's DOM types); tests pass a fake. */
export interface OtpCredentials {
  get(options: { otp: { transport: string[] }; signal: AbortSignal }): Promise<{ code?: string } | null>;
}

/**
 * Reads the OTP from the SMS where the browser can (WebOTP, https://wicg.github.io/web-otp/), then
 * fills it in and verifies through the model's own actions, as if the person had typed it. Listens
 * while the OTP step shows, afresh after each Resend OTP (a new SMS); any other step, a reset, or
 * the returned function aborts the request. The browser hands a code over only when the SMS's last
 * line names this page's origins (the host asks CoWIN for that line). A refusal or no support is
 * silent: typing the OTP works as ever.
 *
 * The signals' own `subscribe`, not `effect`: this chunk then shares no module with the frame's
 * entry, which keeps the first load in one piece.
 */
export function watchWebOtp(
  flow: Pick<VerificationFlow, 'step' | 'resendsLeft' | 'setOtp' | 'verifyOtp'>,
  credentials: OtpCredentials,
): () => void {
  let controller: AbortController | undefined;
  let last: unknown[] = [];
  const sync = () => {
    const step = flow.step.peek();
    const now = [step, flow.resendsLeft.peek()];
    if (now.every((value, i) => value === last[i])) return;
    last = now;
    controller?.abort();
    controller = undefined;
    if (step !== 'otp') return;
    const mine = (controller = new AbortController());
    credentials.get({ otp: { transport: ['sms'] }, signal: mine.signal }).then(
      (credential) => {
        if (mine.signal.aborted || !credential?.code) return;
        flow.setOtp(credential.code);
        void flow.verifyOtp();
      },
      () => {},
    );
  };
  // A resend changes resendsLeft: a new SMS to wait for.
  const stops = [flow.step.subscribe(sync), flow.resendsLeft.subscribe(sync)];
  return () => {
    stops.forEach((stop) => stop());
    controller?.abort();
  };
}
