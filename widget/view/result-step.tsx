import type { VaccinationStatus } from '../../contract';
import { SharePicture, shareEnabled } from '../share';
import { BeneficiaryDetails } from './beneficiary-details';
import { DoseList } from './dose-list';
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
 * where the embedding asked for it, and a way to start over.
 */
export function ResultStep({ flow, t, lang, focus }: StepProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>(focus);
  const result = flow.result.value;
  if (!result) return null;
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
