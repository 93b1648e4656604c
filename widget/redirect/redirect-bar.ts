import type { Speech } from '../i18n';
import '../standalone/standalone.css';
import './redirect.css';

/** The language in use, as the frame's locale holds it: told now, and again on each change. */
export interface SpeechSource {
  subscribe(listener: (speech: Speech) => void): () => void;
}

/**
 * Redirect mode's banner above the widget (docs/redirect.md): CoWIN's page, who asked for the check
 * and that the person will go back there, and **Cancel**, which goes back without a result. The
 * consent on the details step still names the provider and what it will receive. Plain DOM, in its
 * own chunk with the rest of redirect mode, as CoWIN's own page's banner is.
 */
export function showRedirectBar(
  root: HTMLElement,
  speech: SpeechSource,
  providerName: string,
  onCancel: () => void,
): () => void {
  const header = document.createElement('header');
  header.className = 'kycvs-standalone kycvs-redirect';
  const line = (className: string) => {
    const p = document.createElement('p');
    p.className = className;
    header.append(p);
    return p;
  };
  const brand = line('brand');
  const title = line('title');
  const lead = line('lead');
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'cancel';
  cancel.addEventListener('click', onCancel);
  header.append(cancel);
  root.before(header);
  brand.textContent = 'CoWIN';
  return speech.subscribe(({ t }) => {
    title.textContent = t('app.title');
    lead.textContent = t('redirect.lead', { provider: providerName });
    cancel.textContent = t('action.cancel');
  });
}
