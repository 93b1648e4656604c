import type { VerificationFlow } from '../model';

/**
 * The host sends the details step already rendered into `#app`, marked `data-prerendered`
 * (docs/architecture.md, "The first paint"). The person may type, and even press Get OTP, before
 * this script has run: frame.html's inline script holds such a submit (`data-submitted`) until then.
 */
const PRERENDERED = 'data-prerendered';
const SUBMITTED = 'data-submitted';

/** Whether `root` holds the host's render of the first step, for the script to hydrate. */
export const isPrerendered = (root: Element): boolean => root.hasAttribute(PRERENDERED);

/**
 * What was typed into the host's markup before the script ran, given to the flow: hydration keeps
 * the inputs as they are, and the flow would otherwise submit empty fields that look filled in.
 */
export function adoptTyped(root: ParentNode, flow: Pick<VerificationFlow, 'setName' | 'setMobile'>): void {
  const typed = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '';
  const name = typed('name');
  const mobile = typed('mobile');
  if (name) flow.setName(name);
  if (mobile) flow.setMobile(mobile);
}

/**
 * Once the widget is live: from now on its own handlers answer a submit. A Get OTP pressed before
 * is carried out now, so the press is not lost.
 */
export function takeOver(root: Element): void {
  const held = root.hasAttribute(SUBMITTED);
  root.removeAttribute(PRERENDERED);
  root.removeAttribute(SUBMITTED);
  if (held) root.querySelector('form')?.requestSubmit();
}
