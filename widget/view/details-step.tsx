import { useEffect, useRef } from 'preact/hooks';
import type { Language } from '../i18n';
import { BusyNote } from './busy-note';
import { Consent, type ConsentProvider } from './consent';
import { ErrorRegion } from './error-region';
import { languagePicker } from './later-steps-loader';
import type { StepProps } from './props';
import { TextField } from './text-field';
import { useFocusOnMount } from './use-focus-on-mount';

interface DetailsStepProps extends StepProps {
  /** Who will receive the result; `null` on CoWIN's own page, where no one does. */
  provider: ConsentProvider | null;
  /** Switches the widget's language; what was typed stays. */
  chooseLang: (lang: Language) => void;
}

/**
 * Step 1: the language, the beneficiary's name and mobile, and consent to what the provider will
 * receive.
 */
export function DetailsStep({ flow, t, lang, focus, provider, chooseLang }: DetailsStepProps) {
  const nameRef = useFocusOnMount<HTMLInputElement>(focus);
  const mobileRef = useRef<HTMLInputElement>(null);
  const fieldErrors = flow.fieldErrors.value;
  // The picker is a chunk of its own, in after the first paint; its row keeps its place meanwhile.
  useEffect(languagePicker.load, []);
  const Picker = languagePicker.module.value?.LanguagePicker;

  const submit = async (event: Event) => {
    event.preventDefault();
    await flow.submitDetails();
    // Take the person to the first field that needs fixing.
    const { name, mobile } = flow.fieldErrors.value;
    (name ? nameRef : mobile ? mobileRef : undefined)?.current?.focus();
  };

  return (
    <form class="step" noValidate onSubmit={submit}>
      <div class="lang">{Picker ? <Picker lang={lang} choose={chooseLang} /> : null}</div>
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
      <Consent provider={provider} t={t} />
      <ErrorRegion flow={flow} t={t} />
      <button type="submit" class="primary" aria-disabled={flow.busy.value ? 'true' : undefined}>
        {t('action.getOtp')}
      </button>
      <BusyNote flow={flow} t={t} />
    </form>
  );
}
