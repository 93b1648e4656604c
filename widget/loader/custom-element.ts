import { ELEMENT_ATTRIBUTES } from './auto-render';
import { handleOf } from './render';

/**
 * `<kycvs-verify provider="…">`: renders when it enters the document, renders afresh when one of
 * its attributes changes, and is destroyed when it leaves (a moved iframe reloads anyway, so a
 * move renders afresh). Changes are gathered for a microtask: the parser or a framework sets
 * several attributes at once, and each render costs an iframe. `renderIn` reads the attributes
 * without the `data-` prefix (`''`).
 */
export function defineElement(registry: CustomElementRegistry, renderIn: (el: Element, prefix: '') => void): void {
  if (registry.get('kycvs-verify')) return;
  registry.define(
    'kycvs-verify',
    class extends HTMLElement {
      /** A render is waiting for the microtask. */
      declare pending?: boolean;

      static get observedAttributes() {
        return ELEMENT_ATTRIBUTES;
      }
      connectedCallback() {
        this.attributeChangedCallback();
      }
      attributeChangedCallback() {
        if (this.pending) return;
        this.pending = true;
        queueMicrotask(() => {
          this.pending = false;
          if (this.isConnected) renderIn(this, '');
        });
      }
      disconnectedCallback() {
        handleOf(this)?.destroy();
      }
    },
  );
}
