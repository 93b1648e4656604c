import { useEffect, useRef } from 'preact/hooks';
import type { FrameConfig } from '../../contract';
import type { Locale } from '../i18n';
import type { VerificationFlow } from '../model';
import { DetailsStep } from './details-step';
import { laterSteps } from './later-steps-loader';
import { Pending } from './pending';

interface AppProps {
  flow: VerificationFlow;
  /** The language in use; the picker on the details step switches it, and every step follows. */
  locale: Locale;
  /** Who will receive the result; `null` on CoWIN's own page, where the person checks their own status. */
  provider: FrameConfig['provider'] | null;
}

/** The widget: whichever step the flow is on, in the language chosen, and its live region. */
export function App({ flow, locale, provider }: AppProps) {
  // Focus moves on each new step, but not on the first one: see useFocusOnMount.
  const mounted = useRef(false);
  const step = flow.step.value;
  const { t, lang } = locale.current.value;
  useEffect(() => {
    mounted.current = true;
  }, []);
  // Fetched while the person is still typing; again on a step change if that failed.
  useEffect(laterSteps.load, [step]);
  const steps = laterSteps.module.value;
  const props = { flow, t, lang, focus: mounted.current };
  return (
    <main class="kycvs">
      {step === 'details' ? (
        <DetailsStep key="details" {...props} provider={provider} chooseLang={locale.choose} />
      ) : !steps ? (
        <Pending failure={laterSteps.failure.value} retry={laterSteps.load} t={t} />
      ) : step === 'otp' ? (
        <steps.OtpStep key="otp" {...props} />
      ) : (
        <steps.ResultStep key="result" {...props} />
      )}
      {/* The live region, in the DOM well before the OTP step speaks into it (announcer.tsx). */}
      {steps ? <steps.Announcer /> : null}
    </main>
  );
}
