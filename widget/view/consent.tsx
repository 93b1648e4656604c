import type { Scope } from '../protocol';
import type { MessageKey, Translate } from '../i18n';

const scopeLines: Record<Scope, MessageKey> = {
  status: 'consent.status',
  demographics: 'consent.demographics',
  vaccinations: 'consent.vaccinations',
};

/**
 * Names the provider and what it will receive, before any OTP is sent (DESIGN.md, "Consent").
 * The status is always shared, whatever else the scope lists.
 */
export function Consent({ providerName, scope, t }: { providerName: string; scope: readonly Scope[]; t: Translate }) {
  const shared = (['status', 'demographics', 'vaccinations'] as const).filter(
    (s) => s === 'status' || scope.includes(s),
  );
  return (
    <div class="consent" id="kycvs-consent">
      <p>{t('consent.lead', { provider: providerName })}</p>
      <ul>
        {shared.map((s) => (
          <li key={s}>{t(scopeLines[s])}</li>
        ))}
      </ul>
      <p>{t('consent.nothingElse')}</p>
    </div>
  );
}
