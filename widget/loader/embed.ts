/**
 * embed.js, the one script a provider page loads (DESIGN.md, contract 1). Built as an IIFE by
 * `vite build --mode embed`; the only module of the loader that touches `window` when it runs.
 */
import { version } from '../../package.json';
import { AUTO_SELECTOR, optionsFromAttributes } from './auto-render';
import { handleOf, render } from './render';
import type { KycvsGlobal } from './types';

const win = window as Window & { KYCVS?: KycvsGlobal };

// A page that includes the script twice keeps the first copy, which already renders every widget.
if (!win.KYCVS?.version) {
  // The host is where this script came from. `currentScript` is set only while the script first
  // runs (also when `async`), so it is read now; the fallback covers a page that moved the tag.
  const script = (document.currentScript ??
    document.querySelector('script[src*="/embed.js"]')) as HTMLScriptElement | null;
  const host = new URL(script?.src || location.href).origin;

  const api: KycvsGlobal = { version, render: (target, options) => render(target, options, host) };
  win.KYCVS = api;

  const attributesOf = (el: Element, prefix?: '') =>
    optionsFromAttributes((name) => el.getAttribute(name), win, prefix);
  const renderAll = () =>
    document.querySelectorAll(AUTO_SELECTOR).forEach((el) => handleOf(el) || api.render(el, attributesOf(el)));
  renderAll();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', renderAll);

  // <kycvs-verify provider="…">: renders when it enters the document, and is destroyed when it
  // leaves (a moved iframe reloads anyway, so a move renders afresh).
  if (win.customElements && !customElements.get('kycvs-verify')) {
    customElements.define(
      'kycvs-verify',
      class extends HTMLElement {
        connectedCallback() {
          api.render(this, attributesOf(this, ''));
        }
        disconnectedCallback() {
          handleOf(this)?.destroy();
        }
      },
    );
  }
}
