import type { Translate } from '../i18n';
import type { Lazy } from './lazy';
import { SupportRef } from './support-ref';

interface PendingProps {
  failure: Lazy<unknown>['failure']['value'];
  retry: () => void;
  t: Translate;
}

/** Shown in the rare case that the next step's code has not arrived yet, or could not be fetched. */
export function Pending({ failure, retry, t }: PendingProps) {
  return failure ? (
    <div class="step">
      <div role="alert" class="errors">
        <p class="error">{t('error.NETWORK_ERROR')}</p>
        <SupportRef code={failure.ref} t={t} />
      </div>
      <button type="button" class="primary" onClick={retry}>
        {t('action.retry')}
      </button>
    </div>
  ) : (
    <p role="status" class="busy">
      {t('app.busy')}
    </p>
  );
}
