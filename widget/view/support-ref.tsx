import type { Translate } from '../i18n';

/**
 * The small print after an error: its support reference, for the person or the clerk to quote
 * (docs/events.md, "Support references are not events"). The code stays in Latin letters in every
 * language, and page translators must leave it alone.
 */
export function SupportRef({ code, t }: { code: string; t: Translate }) {
  return (
    <p class="ref">
      {/* The `translate` property, reflected as translate="no". */}
      {t('support.reference')}: <span translate={false}>{code}</span>
    </p>
  );
}
