import type { Ref } from 'preact';
import type { Translate } from '../i18n';
import type { VerificationFlow } from '../model';

interface ExpiredResultProps {
  flow: Pick<VerificationFlow, 'verifyAgain'>;
  t: Translate;
  headingRef: Ref<HTMLHeadingElement>;
}

/**
 * The result step once the result's token has expired (widget/model/result-expiry.ts): the status
 * is gone, because it is no longer one the page can act on, and so is the picture to share; one
 * action is left, Verify again, which keeps what was typed.
 */
export function ExpiredResult({ flow, t, headingRef }: ExpiredResultProps) {
  return (
    <section class="step" aria-labelledby="kycvs-status">
      <h1 id="kycvs-status" ref={headingRef} tabIndex={-1}>
        {t('result.heading')}
      </h1>
      <p class="expired">{t('expired.notice')}</p>
      <button type="button" class="primary" onClick={flow.verifyAgain}>
        {t('action.verifyAgain')}
      </button>
    </section>
  );
}
