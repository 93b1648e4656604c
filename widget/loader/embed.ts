/**
 * embed.js, the one script a provider page loads (docs/portals.md). Built as an IIFE by
 * `vite build --mode embed`; the only module of the loader that touches `window` when it runs.
 */
import { version } from '../../package.json';
import { optionsFromAttributes } from './auto-render';
import { defineElement } from './custom-element';
import { createDebugHook, QUEUE_PROPERTY, type QueueScript } from './debug-hook';
import { handleOf, render } from './render';
import type { KycvsGlobal } from './types';
import { watchContainers } from './watch-containers';

const win = window as Window & { KYCVS?: KycvsGlobal };

// A page that includes the script twice keeps the first copy, which already renders every widget.
// `KYCVS` is the one global it sets.
if (!win.KYCVS?.version) {
  // The host is where this script came from. `currentScript` is set only while the script first
  // runs (also when `async`), so it is read now; the fallback covers a page that moved the tag.
  const script = (document.currentScript ??
    document.querySelector('script[src*="/embed.js"]')) as HTMLScriptElement | null;
  const host = new URL(script?.src || location.href).origin;

  // Debug mode's sentences are a script of their own, fetched from the host only when asked for.
  const debug = createDebugHook((queue) => {
    queue.push(['script', script, host]);
    const s = document.createElement('script') as QueueScript;
    s.src = host + __KYCVS_DEBUG_SCRIPT__;
    s[QUEUE_PROPERTY] = queue;
    document.head.append(s);
  });
  if (script?.hasAttribute('data-debug')) debug(['script', script, host]);

  const api: KycvsGlobal = { version, render: (target, options) => render(target, options, host, debug) };
  win.KYCVS = api;

  // A container without a provider id gets nothing (in debug mode, a sentence that says why).
  const renderIn = (el: Element, prefix?: '') => {
    const o = optionsFromAttributes((name) => el.getAttribute(name), win, prefix);
    if (o.provider) return render(el, o, host, debug);
    handleOf(el)?.destroy();
    if (o.debug) debug(['render', el, el, '', host]);
    return undefined;
  };
  watchContainers(document, renderIn);
  if (win.customElements) defineElement(customElements, renderIn);
}
