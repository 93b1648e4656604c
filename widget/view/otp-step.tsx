import { useEffect, useRef } from 'preact/hooks';
import { announce } from './announcer';
import { BusyNote } from './busy-note';
import { ErrorRegion } from './error-region';
import { sayDuration } from '../i18n';
import { formatClock, formatNumber } from './format';
import { otpMoment } from './otp-moments';
import type { StepProps } from './props';
import { TextField } from './text-field';
import { useFocusOnMount } from './use-focus-on-mount';

/** Room for an OTP pasted with spaces or dashes (`123 456`, `1 2 3 4 5 6`); the model strips them. */
const OTP_MAX_LENGTH = 16;

/** The digits a mask leaves visible (`******3210` → `3210`), to be said as "the number ending in 3210". */
export const lastDigits = (masked: string): string => masked.replace(/\D/g, '');

/** Step 2: the OTP from the SMS, its validity, Resend OTP and a way back. */
export function OtpStep({ flow, t, lang, focus }: StepProps) {
  const otpRef = useFocusOnMount<HTMLInputElement>(focus);
  const secondsLeft = flow.secondsLeft.value;
  const resendIn = flow.resendIn.value;
  const resendsLeft = flow.resendsLeft.value;
  const resendNote =
    resendIn > 0
      ? t('otp.resendIn', { clock: formatClock(resendIn) })
      : resendsLeft > 0
        ? t('otp.resendsLeft', { count: formatNumber(resendsLeft, lang) })
        : t('otp.noResends');

  // The countdown on screen is not a live region; these few moments are said instead (otp-moments.ts).
  const before = useRef<number | null>(null);
  useEffect(() => {
    const moment = otpMoment(before.current, secondsLeft);
    before.current = secondsLeft;
    // Once too many wrong tries spent the OTP, its time left means nothing: only Resend OTP helps.
    if (moment === null || (moment !== 'sent' && flow.mustResend.peek())) return;
    // Said, not seen: a duration in words, not the clock, and the mobile's last digits, not its mask.
    const validFor = (seconds: number) => t('otp.validFor', { duration: sayDuration(t, seconds) });
    announce(
      moment === 'sent'
        ? `${t('otp.sentToSpoken', { last4: lastDigits(flow.maskedMobile.peek()) })} ${validFor(secondsLeft)}`
        : moment === 'expired'
          ? t('otp.expired')
          : validFor(secondsLeft),
    );
  }, [secondsLeft]);
  useEffect(() => () => announce(''), []);

  const verify = async (event: Event) => {
    event.preventDefault();
    await flow.verifyOtp();
    if (flow.fieldErrors.value.otp) otpRef.current?.focus();
  };
  const resend = async () => {
    await flow.resend();
    if (!flow.error.value) otpRef.current?.focus();
  };

  return (
    <form class="step" noValidate onSubmit={verify}>
      <h1>{t('otp.heading')}</h1>
      {/* Seen with the mask, heard as "the number ending in 3210": a screen reader reading the
          page would otherwise say six asterisks. */}
      <p class="intro">
        <span aria-hidden="true">{t('otp.sentTo', { mobile: flow.maskedMobile.value })}</span>
        <span class="sr-only">{t('otp.sentToSpoken', { last4: lastDigits(flow.maskedMobile.value) })}</span>
      </p>
      <TextField
        field="otp"
        label={t('field.otp')}
        hint={t('field.otpHint')}
        value={flow.otp}
        onInput={flow.setOtp}
        invalid={!!flow.fieldErrors.value.otp}
        inputRef={otpRef}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={OTP_MAX_LENGTH}
      />
      <p class="countdown">
        {secondsLeft === 0
          ? t('otp.expired')
          : flow.mustResend.value
            ? ''
            : t('otp.clock', { clock: formatClock(secondsLeft) })}
      </p>
      <ErrorRegion flow={flow} t={t} />
      <button type="submit" class="primary" aria-disabled={flow.busy.value ? 'true' : undefined}>
        {t('action.verify')}
      </button>
      <BusyNote flow={flow} t={t} />
      <div class="resend">
        <button
          type="button"
          class="secondary"
          disabled={resendIn > 0 || resendsLeft <= 0}
          aria-describedby="kycvs-resend-note"
          onClick={resend}
        >
          {t('action.resend')}
        </button>
        <span id="kycvs-resend-note" class="hint">
          {resendNote}
        </span>
      </div>
      <button type="button" class="link" onClick={flow.changeDetails}>
        {t('action.changeDetails')}
      </button>
    </form>
  );
}
