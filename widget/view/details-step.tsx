import type { Scope } from '../protocol';
import { BusyNote } from './busy-note';
import { Consent } from './consent';
import { ErrorRegion } from './error-region';
import type { StepProps } from './props';
import { TextField } from './text-field';
import { useFocusOnMount } from './use-focus-on-mount';
import { useRef } from 'preact/hooks';

interface DetailsStepProps extends StepProps {
  provider: { name: string; scope: readonly Scope[] };
}

/** Step 1: the beneficiary's name and mobile, and consent to what the provider will receive. */
export function DetailsStep({ flow, t, focus, provider }: DetailsStepProps) {
  const nameRef = useFocusOnMount<HTMLInputElement>(focus);
  const mobileRef = useRef<HTMLInputElement>(null);
  const fieldErrors = flow.fieldErrors.value;

  const submit = async (event: Event) => {
    event.preventDefault();
    await flow.submitDetails();
    // Take the person to the first field that needs fixing.
    const { name, mobile } = flow.fieldErrors.value;
    (name ? nameRef : mobile ? mobileRef : undefined)?.current?.focus();
  };

  return (
    <form class="step" noValidate onSubmit={submit}>
      <h1>{t('details.heading')}</h1>
      <p class="intro">{t('details.intro')}</p>
      <TextField
        field="name"
        label={t('field.name')}
        value={flow.name}
        onInput={flow.setName}
        invalid={!!fieldErrors.name}
        inputRef={nameRef}
        autoComplete="name"
      />
      <TextField
        field="mobile"
        label={t('field.mobile')}
        hint={t('field.mobileHint')}
        value={flow.mobile}
        onInput={flow.setMobile}
        invalid={!!fieldErrors.mobile}
        inputRef={mobileRef}
        type="tel"
        inputMode="numeric"
        autoComplete="tel-national"
        maxLength={20}
      />
      <Consent providerName={provider.name} scope={provider.scope} t={t} />
      <ErrorRegion flow={flow} t={t} />
      <button type="submit" class="primary" aria-disabled={flow.busy.value ? 'true' : undefined}>
        {t('action.getOtp')}
      </button>
      <BusyNote flow={flow} t={t} />
    </form>
  );
}
