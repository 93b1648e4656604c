import { renderToString } from 'preact-render-to-string';
import type { FrameConfig } from '../../contract';
import type { ApiClient } from '../api';
import { createLocale, loadMessages, type Translate } from '../i18n';
import { createVerificationFlow } from '../model';
import { App, Notice } from '../view';

/** The flow behind a server render: nothing is submitted while a page is rendered to text. */
const noRequests: ApiClient = {
  requestOtp: () => Promise.reject(new Error('a prerendered form sends nothing')),
  resendOtp: () => Promise.reject(new Error('a prerendered form sends nothing')),
  verify: () => Promise.reject(new Error('a prerendered form sends nothing')),
};

export interface FirstStep {
  /** CoWIN's own page's banner, rendered only for that page (`ownPage`): it goes before `#app`. */
  banner?: string;
  /** The language the markup is in: the config's, or English when it has no table. */
  lang: string;
  /** The details step, as the frame's script would render it into `#app` (docs/architecture.md, "The first paint"). */
  form: string;
  /** The notice shown in its place when the frame's script cannot be fetched, in the same language. */
  startFailed: string;
}

/**
 * CoWIN's banner above its own page, as widget/standalone/standalone-intro.ts builds it in the DOM
 * (the same elements, which it then adopts and keeps in the language in use).
 */
function StandaloneBanner({ t }: { t: Translate }) {
  return (
    <header class="kycvs-standalone">
      <p class="brand">CoWIN</p>
      <p class="title">{t('app.title')}</p>
      <p class="lead">{t('standalone.lead')}</p>
    </header>
  );
}

/**
 * The widget's first step as HTML, for the host to send inside frame.html: on a slow link the form
 * is there to type into at the first paint, one round trip and the script's run before the script
 * has rendered it. The script then hydrates the same markup (widget/frame/main.tsx), so the two
 * must come from the same components with the same props: an empty flow on the details step. On
 * CoWIN's own page (`ownPage`) the consent names no provider, and the banner comes with it.
 */
export async function renderFirstStep(
  config: Pick<FrameConfig, 'lang' | 'provider' | 'nonce' | 'action'>,
  ownPage = false,
): Promise<FirstStep> {
  const loaded = await loadMessages(config.lang);
  const locale = createLocale(loaded);
  const { t } = locale.current.value;
  const flow = createVerificationFlow({
    api: noRequests,
    provider: config.provider.id,
    nonce: config.nonce,
    action: config.action,
  });
  return {
    lang: loaded.lang,
    form: renderToString(<App flow={flow} locale={locale} provider={ownPage ? null : config.provider} />),
    startFailed: renderToString(<Notice text={t('app.startFailed')} />),
    ...(ownPage ? { banner: renderToString(<StandaloneBanner t={t} />) } : {}),
  };
}
