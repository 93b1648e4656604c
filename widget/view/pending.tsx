import type { Translate } from '../i18n';

/** Shown in the rare case that the next step's code has not arrived yet, or could not be fetched. */
export function Pending({ failed, retry, t }: { failed: boolean; retry: () => void; t: Translate }) {
  return failed ? (
    <div class="step">
      <div role="alert" class="errors">
        <p class="error">{t('error.NETWORK_ERROR')}</p>
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
