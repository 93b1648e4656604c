import { useEffect, useRef } from 'preact/hooks';
import type { FrameConfig } from '../api';
import { DetailsStep } from './details-step';
import { laterSteps, laterStepsFailed, loadLaterSteps } from './later-steps-loader';
import { Pending } from './pending';
import type { StepProps } from './props';

interface AppProps extends Omit<StepProps, 'focus'> {
  provider: FrameConfig['provider'];
}

/** The widget: whichever step the flow is on. */
export function App({ flow, t, lang, provider }: AppProps) {
  // Focus moves on each new step, but not on the first one: see useFocusOnMount.
  const mounted = useRef(false);
  const step = flow.step.value;
  useEffect(() => {
    mounted.current = true;
  }, []);
  // Fetched while the person is still typing; again on a step change if that failed.
  useEffect(loadLaterSteps, [step]);
  const steps = laterSteps.value;
  const props = { flow, t, lang, focus: mounted.current };
  return (
    <main class="kycvs">
      {step === 'details' ? (
        <DetailsStep key="details" {...props} provider={provider} />
      ) : !steps ? (
        <Pending failed={laterStepsFailed.value} retry={loadLaterSteps} t={t} />
      ) : step === 'otp' ? (
        <steps.OtpStep key="otp" {...props} />
      ) : (
        <steps.ResultStep key="result" {...props} />
      )}
    </main>
  );
}
