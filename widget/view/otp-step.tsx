import { BusyNote } from './busy-note';
import { ErrorRegion } from './error-region';
import { formatClock } from './format';
import type { StepProps } from './props';
import { TextField } from './text-field';
import { useFocusOnMount } from './use-focus-on-mount';

/** Room for an OTP pasted with spaces or dashes (`123 456`, `1 2 3 4 5 6`); the model strips them. */
const OTP_MAX_LENGTH = 16;

/** Step 2: the OTP from the SMS, its validity, Resend OTP and a way back. */
export function OtpStep({ flow, t, focus }: StepProps) {
  const otpRef = useFocusOnMount<HTMLInputElement>(focus);
  const secondsLeft = flow.secondsLeft.value;
  const resendIn = flow.resendIn.value;
  const resendsLeft = flow.resendsLeft.value;
  const resendNote =
    resendIn > 0
      ? t('otp.resendIn', { time: formatClock(resendIn) })
      : resendsLeft > 0
        ? t('otp.resendsLeft', { count: resendsLeft })
        : t('otp.noResends');

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
      <p class="intro">{t('otp.sentTo', { mobile: flow.maskedMobile.value })}</p>
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
            : t('otp.validFor', { time: formatClock(secondsLeft) })}
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
