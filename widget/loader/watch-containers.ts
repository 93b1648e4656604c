import { AUTO_SELECTOR } from './auto-render';
import { handleOf } from './render';
import type { KycvsHandle } from './types';

/**
 * Renders every `.kycvs` container: those in the page now, and those a single-page app adds later,
 * seen by one MutationObserver on the document that looks only at added elements. A widget it
 * rendered is destroyed when its container leaves the document, so that unmounting a component
 * leaves no listener or timer behind; one rendered by `KYCVS.render()` is its caller's to destroy.
 */
export function watchContainers(doc: Document, renderIn: (el: Element) => KycvsHandle | undefined): void {
  const live = new Map<Element, KycvsHandle>();
  const scan = (root: Element | Document) => {
    const found = [...root.querySelectorAll(AUTO_SELECTOR)];
    if ((root as Element).matches?.(AUTO_SELECTOR)) found.push(root as Element);
    for (const el of found) {
      const handle = handleOf(el) ? undefined : renderIn(el);
      if (handle) live.set(el, handle);
    }
  };
  scan(doc);
  new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => node.nodeType === 1 && node.isConnected && scan(node as Element));
    }
    // Records arrive after the task that made them: a container moved in one go is back by now, and stays.
    live.forEach((handle, el) => {
      if (!el.isConnected) {
        live.delete(el);
        handle.destroy();
      }
    });
  }).observe(doc, { childList: true, subtree: true });
}
