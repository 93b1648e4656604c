import { useEffect } from 'preact/hooks';
import type { VaccinationStatus } from '../../contract';
import { SharePicture, shareEnabled } from '../share';
import { announce } from './announcer';
import { BeneficiaryDetails } from './beneficiary-details';
import { DoseList } from './dose-list';
import { ExpiredResult } from './expired-result';
import type { StepProps } from './props';
import { StatusMark } from './status-mark';
import { useFocusOnMount } from './use-focus-on-mount';

const statusClass: Record<VaccinationStatus, string> = {
  FULLY_VACCINATED: 'fully',
  PARTIALLY_VACCINATED: 'partially',
  NOT_VACCINATED: 'not',
};

/**
 * Step 3: the answer in words and at a glance, the details the scope allows, a picture to share
 * where the embedding asked for it, and a way to start over; once the answer expires, only that
 * it has, and a way to verify again.
 */
export function ResultStep({ flow, t, lang, focus }: StepProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>(focus);
  const expired = flow.expired.value;
  useEffect(() => {
    if (!expired) return;
    // Said politely: the change comes with time, not from the person, and must not cut them off.
    announce(t('expired.notice'));
    // What held focus (the share button, Verify another person) is gone: keep focus in the widget
    // rather than lost on <body>, and never take it from the page that embeds the frame.
    if (document.hasFocus() && document.activeElement === document.body) headingRef.current?.focus();
  }, [expired]);
  useEffect(() => () => announce(''), []);

  const result = flow.result.value;
  if (!result) return null;
  if (expired) return <ExpiredResult flow={flow} t={t} headingRef={headingRef} />;
  return (
    <section class="step" aria-labelledby="kycvs-status">
      <p class="eyebrow">{t('result.heading')}</p>
      <h1 id="kycvs-status" ref={headingRef} tabIndex={-1} class={`status ${statusClass[result.status]}`}>
        <StatusMark status={result.status} />
        <span>{t(`status.${result.status}`)}</span>
      </h1>
      {result.beneficiary ? <BeneficiaryDetails beneficiary={result.beneficiary} t={t} /> : null}
      {result.vaccinations?.length ? <DoseList doses={result.vaccinations} t={t} lang={lang} /> : null}
      {shareEnabled.value ? <SharePicture result={result} t={t} lang={lang} /> : null}
      <button type="button" class="primary" onClick={flow.reset}>
        {t('action.verifyAnother')}
      </button>
    </section>
  );
}
