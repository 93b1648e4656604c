import type { Speech } from '../i18n';
import './standalone.css';

/** The language in use, as the frame's locale holds it: told now, and again on each change. */
export interface SpeechSource {
  subscribe(listener: (speech: Speech) => void): () => void;
}

/**
 * Puts CoWIN's banner above the widget on its own page: whose page it is, its title, and what the
 * citizen can do here, in the language in use (the language picker may change it). Plain DOM, not
 * Preact: it is static text, and a chunk that shares no module with the frame's entry keeps the
 * first load as it is. Not a heading: each step's `<h1>` stays the one heading of the page, as in
 * the framed widget.
 */
export function showStandaloneIntro(root: HTMLElement, speech: SpeechSource): () => void {
  // The host sends the banner already in the page (widget/prerender/first-step.tsx): kept, not doubled.
  const sent = root.previousElementSibling;
  const header = sent?.matches('header.kycvs-standalone') ? (sent as HTMLElement) : document.createElement('header');
  header.className = 'kycvs-standalone';
  const line = (className: string) => {
    const found = header.querySelector<HTMLElement>(`:scope > p.${className}`);
    if (found) return found;
    const p = document.createElement('p');
    p.className = className;
    header.append(p);
    return p;
  };
  const brand = line('brand');
  const title = line('title');
  const lead = line('lead');
  if (header !== sent) root.before(header);
  // CoWIN's name, in Latin letters in every language, as every table writes it.
  brand.textContent = 'CoWIN';
  return speech.subscribe(({ t }) => {
    title.textContent = t('app.title');
    lead.textContent = t('standalone.lead');
  });
}
