import { AUTO_SELECTOR } from './auto-render';
import { handleOf } from './render';
import type { KycvsHandle } from './types';

/**
 * Renders every `.kycvs` container: those in the page now, and those a single-page app adds later,
 * looking again at the document's containers after each batch of changes one MutationObserver sees.
 * Each is rendered once while it stays in the document; a widget it rendered is destroyed when its
 * container leaves, so that unmounting a component leaves no listener or timer behind. One rendered
 * by `KYCVS.render()` is its caller's.
 *
 * While the page loads, a container with nothing after it yet may still be open in the parser, and
 * the frame written into it (docs/portals.md, "The frame written into the page") may come in the
 * page's next chunk: the loader would make a second one. So it waits until something follows it,
 * or until the page is parsed.
 */
export function watchContainers(doc: Document, renderIn: (el: Element) => KycvsHandle | undefined): void {
  /**
   * Every container seen, once closed, and still in the document, with the widget rendered here;
   * undefined for one that could not render or that `KYCVS.render()` had rendered already. Each is
   * considered once while it stays, as a page that destroys a widget means it to stay gone.
   */
  const live = new Map<Element, KycvsHandle | undefined>();
  const open = (el: Element) => doc.readyState == 'loading' && !el.nextSibling;
  const scan = () => {
    for (const el of doc.querySelectorAll(AUTO_SELECTOR))
      if (!live.has(el) && !open(el)) live.set(el, handleOf(el) ? undefined : renderIn(el));
    // Records arrive after the task that made them: a container moved in one go is back by now, and stays.
    live.forEach((handle, el) => {
      if (!el.isConnected) {
        live.delete(el);
        handle?.destroy();
      }
    });
  };
  scan();
  new MutationObserver(scan).observe(doc, { childList: true, subtree: true });
  doc.addEventListener('DOMContentLoaded', scan);
}
