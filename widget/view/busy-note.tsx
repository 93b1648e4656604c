import type { Translate } from '../i18n';
import type { VerificationFlow } from '../model';

/** Says "Please wait…" while a request is in flight, politely, so that a screen reader hears it too. */
export function BusyNote({ flow, t }: { flow: VerificationFlow; t: Translate }) {
  return (
    <p role="status" class="busy">
      {flow.busy.value ? t('app.busy') : ''}
    </p>
  );
}
