import type { Scope } from '../../contract';
import type { MessageKey, Translate } from '../i18n';

const scopeLines: Record<Scope, MessageKey> = {
  status: 'consent.status',
  demographics: 'consent.demographics',
  vaccinations: 'consent.vaccinations',
};

/** Who receives the result of a check, and what the scope lets it receive. */
export interface ConsentProvider {
  name: string;
  scope: readonly Scope[];
}

/**
 * Names the provider and what it will receive, before any OTP is sent (docs/architecture.md, "Rules every part keeps").
 * The status is always shared, whatever else the scope lists. With no provider (CoWIN's own page,
 * where the person checks their own status) it says that the answer goes to no one.
 */
export function Consent({ provider, t }: { provider: ConsentProvider | null; t: Translate }) {
  if (!provider) {
    return (
      <div class="consent" id="kycvs-consent">
        <p>{t('consent.ownPage')}</p>
      </div>
    );
  }
  const shared = (['status', 'demographics', 'vaccinations'] as const).filter(
    (s) => s === 'status' || provider.scope.includes(s),
  );
  return (
    <div class="consent" id="kycvs-consent">
      <p>{t('consent.lead', { provider: provider.name })}</p>
      <ul>
        {shared.map((s) => (
          <li key={s}>{t(scopeLines[s])}</li>
        ))}
      </ul>
      <p>{t('consent.nothingElse')}</p>
    </div>
  );
}
